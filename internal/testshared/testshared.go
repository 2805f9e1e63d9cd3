// Package testshared finds, for tests and benchmarks, the repository root
// and the project's shared development data: the folder "shared" beside
// the repository, which holds corpora and gold files that are not part of
// the repository. Tests that need it skip, with a message saying what is
// missing, when it is absent, so the test command passes on any machine.
package testshared

import (
	"os"
	"path/filepath"
	"testing"
)

// RepoRoot returns the folder holding go.mod above the working directory
// (a test's package folder), or "" when there is none.
func RepoRoot() string {
	dir, err := os.Getwd()
	if err != nil {
		return ""
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return ""
		}
		dir = parent
	}
}

// Root returns the shared data folder, or "" when it is absent.
func Root() string {
	root := RepoRoot()
	if root == "" {
		return ""
	}
	shared := filepath.Join(root, "..", "shared")
	if _, err := os.Stat(shared); err != nil {
		return ""
	}
	return shared
}

// Dir returns a path inside the shared data folder, skipping the test
// when the folder or the path is absent.
func Dir(tb testing.TB, parts ...string) string {
	tb.Helper()
	root := Root()
	if root == "" {
		tb.Skip("../shared (the shared development data beside the repository) is absent; skipping")
	}
	p := filepath.Join(append([]string{root}, parts...)...)
	if _, err := os.Stat(p); err != nil {
		tb.Skipf("%s is absent; skipping", p)
	}
	return p
}
