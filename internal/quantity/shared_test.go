package quantity

import (
	"github.com/sitrep-project/sitrep/internal/testshared"
	"testing"
)

// sharedDir returns the shared data folder, skipping when it is absent.
func sharedDir(tb testing.TB) string { return testshared.Dir(tb) }
