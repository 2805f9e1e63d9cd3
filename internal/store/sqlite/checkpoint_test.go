package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"
)

// TestCheckpointsInBackground commits a few small batches, far below the
// log length at which a writer checkpoints itself, and checks that the
// database file alone, without its log, comes to hold them: only the
// background checkpoints can have copied them there.
func TestCheckpointsInBackground(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "s.db")
	db := reopen(t, path)
	for i := range 3 {
		a := article(fmt.Sprintf("c%d", i), "2022-03-01", "Baltic Test Ledger", "Report", fmt.Sprintf("Report number %d on the shelling of the port.", i))
		if _, err := db.Put(ctx, docs(a)); err != nil {
			t.Fatal(err)
		}
	}
	fileAlone := func() int {
		t.Helper()
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		copyPath := filepath.Join(t.TempDir(), "copy.db")
		if err := os.WriteFile(copyPath, data, 0o644); err != nil {
			t.Fatal(err)
		}
		raw, err := sql.Open("sqlite", "file:"+copyPath+"?mode=ro&immutable=1")
		if err != nil {
			t.Fatal(err)
		}
		defer raw.Close()
		var n int
		if err := raw.QueryRowContext(ctx, `SELECT count(*) FROM articles`).Scan(&n); err != nil {
			return -1 // not yet a whole database
		}
		return n
	}
	deadline := time.Now().Add(5 * time.Second)
	for {
		n := fileAlone()
		if n == 3 {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("the database file holds %d of 3 articles 5 s after their commits: no checkpoint ran", n)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// TestCloseTwice closes a store twice, as a deferred Close after an
// explicit one does: the second must neither fail nor panic.
func TestCloseTwice(t *testing.T) {
	db, err := Open(context.Background(), filepath.Join(t.TempDir(), "s.db"))
	if err != nil {
		t.Fatal(err)
	}
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
	if err := db.Close(); err != nil {
		t.Errorf("second Close: %v", err)
	}
}
