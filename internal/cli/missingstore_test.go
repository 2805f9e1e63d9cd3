package cli

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestMissingStore checks that a mistyped --db is an error for every
// command that reads or changes a store, and that none of them makes the
// file or its folder; ingest alone makes a store that is not there.
func TestMissingStore(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "typo", "sitrp.db")
	for _, args := range [][]string{
		{"events"}, {"timeline"}, {"ledger"}, {"figures"}, {"actor", "USA"}, {"digest", "--date", "2022-03-01"},
		{"event", "r0"}, {"search", "tanks"}, {"stats"}, {"show", "doc"}, {"export"}, {"merge"}, {"reextract"},
		{"serve", "--addr", "127.0.0.1:0"},
	} {
		_, _, err := runCLI(t, "", append([]string{"--db", db, "-q"}, args...)...)
		if err == nil || !strings.Contains(err.Error(), "no store at "+db) {
			t.Errorf("%s on a missing store: %v, want an error naming it", args[0], err)
		}
		if _, err := os.Stat(filepath.Dir(db)); !errors.Is(err, fs.ErrNotExist) {
			t.Fatalf("%s made the store's folder: %v", args[0], err)
		}
	}
	// A folder is not a store.
	if _, _, err := runCLI(t, "", "--db", dir, "-q", "events"); err == nil || !strings.Contains(err.Error(), "is a folder") {
		t.Errorf("events on a folder: %v", err)
	}
	text := writeFile(t, "a.txt", "Poland sent 5,000 helmets to Ukraine on Monday, the defence ministry said.\n")
	if _, errOut, err := runCLI(t, "", "--db", db, "-q", "ingest", "--date", "2022-03-07", text); err != nil {
		t.Fatalf("ingest into a new store: %v\n%s", err, errOut)
	}
	if _, _, err := runCLI(t, "", "--db", db, "-q", "events"); err != nil {
		t.Errorf("events after the ingest made the store: %v", err)
	}
}
