package quantity

import (
	"os"
	"path/filepath"
	"testing"
)

// sharedDir finds the project's shared data folder: ../shared next to the
// repository root (the folder holding go.mod). Tests that need it skip
// when it is missing.
func sharedDir(tb testing.TB) string {
	tb.Helper()
	dir, err := os.Getwd()
	if err != nil {
		tb.Fatalf("working directory: %v", err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			break
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			tb.Skip("no go.mod above the test directory; shared data not located")
		}
		dir = parent
	}
	shared := filepath.Join(dir, "..", "shared")
	if _, err := os.Stat(shared); err != nil {
		tb.Skipf("shared data folder %s not present: %v", shared, err)
	}
	return shared
}
