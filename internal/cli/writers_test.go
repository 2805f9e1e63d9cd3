package cli

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/sitrep-project/sitrep/internal/server"
	"github.com/sitrep-project/sitrep/internal/store"
	"github.com/sitrep-project/sitrep/internal/synth"
)

// writeHalves writes n generated articles as two JSON Lines files, the
// even and the odd ones, so that the two halves report many of the same
// events and their merging interleaves.
func writeHalves(t *testing.T, n int) (a, b string) {
	t.Helper()
	dir := t.TempDir()
	a, b = filepath.Join(dir, "a.jsonl"), filepath.Join(dir, "b.jsonl")
	fa, err := os.Create(a)
	if err != nil {
		t.Fatal(err)
	}
	fb, err := os.Create(b)
	if err != nil {
		t.Fatal(err)
	}
	for i, art := range synth.Articles(n, 7) {
		line, err := json.Marshal(map[string]string{"id": art.ID, "date": art.DateString(), "title": art.Title, "outlet": art.Outlet, "text": art.Text})
		if err != nil {
			t.Fatal(err)
		}
		f := fa
		if i%2 == 1 {
			f = fb
		}
		if _, err := f.Write(append(line, '\n')); err != nil {
			t.Fatal(err)
		}
	}
	if err := fa.Close(); err != nil {
		t.Fatal(err)
	}
	if err := fb.Close(); err != nil {
		t.Fatal(err)
	}
	return a, b
}

// storeRecords returns every record of the store at path as JSON, ordered
// by id, after checking what must hold of any store: every event is in a
// record and every record has reports.
func storeRecords(t *testing.T, path string) []string {
	t.Helper()
	ctx := context.Background()
	st, err := store.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if evs, err := st.Unresolved(ctx, 5); err != nil || len(evs) > 0 {
		t.Fatalf("%s: %d events in no record (err %v)", path, len(evs), err)
	}
	recs, err := st.Records(ctx, store.RecordFilter{})
	if err != nil {
		t.Fatal(err)
	}
	out := make([]string, 0, len(recs))
	for _, r := range recs {
		if len(r.Mentions) == 0 {
			t.Errorf("%s: record %s has no reports", path, r.ID)
		}
		b, err := json.Marshal(r)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, string(b))
	}
	slices.Sort(out)
	return out
}

func ingestInto(t *testing.T, db string, files ...string) {
	t.Helper()
	for _, f := range files {
		if _, errOut, err := runCLI(t, "", "--db", db, "-q", "ingest", f); err != nil {
			t.Fatalf("ingest %s: %v\n%s", f, err, errOut)
		}
	}
}

// TestConcurrentWriters runs two ingests of the halves of a corpus on one
// store at once, beside a reader running timeline and a server answering
// timeline requests, and checks that the store equals the one a run of the
// two after each other gives, record for record. Writers take turns, so
// either order may come first; readers must neither wait for the writers
// nor change what they write.
func TestConcurrentWriters(t *testing.T) {
	if testing.Short() {
		t.Skip("ingests a generated corpus four times")
	}
	a, b := writeHalves(t, 400)
	dir := t.TempDir()
	ab, ba := filepath.Join(dir, "ab.db"), filepath.Join(dir, "ba.db")
	ingestInto(t, ab, a, b)
	ingestInto(t, ba, b, a)
	want1, want2 := storeRecords(t, ab), storeRecords(t, ba)
	if len(want1) == 0 {
		t.Fatal("the corpus gave no records")
	}

	db := filepath.Join(dir, "both.db")
	// The server opens (and so makes) the store first.
	ctx := context.Background()
	st, err := store.Open(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	srv, err := server.New(st, server.Options{})
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(srv)
	defer ts.Close()

	var done atomic.Bool
	var wg sync.WaitGroup
	errs := make(chan error, 16)
	for _, f := range []string{a, b} {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if _, errOut, err := runCLI(t, "", "--db", db, "-q", "ingest", "--wait", "1m", f); err != nil {
				errs <- fmt.Errorf("ingest %s: %v\n%s", f, err, errOut)
			}
		}()
	}
	var readers sync.WaitGroup
	readers.Add(2)
	reads := [2]int{}
	go func() {
		defer readers.Done()
		for !done.Load() {
			if _, errOut, err := runCLI(t, "", "--db", db, "--json", "timeline"); err != nil {
				errs <- fmt.Errorf("timeline beside the ingests: %v\n%s", err, errOut)
				return
			}
			reads[0]++
		}
	}()
	go func() {
		defer readers.Done()
		client := &http.Client{Timeout: 30 * time.Second}
		for !done.Load() {
			resp, err := client.Get(ts.URL + "/api/v1/timeline")
			if err != nil {
				errs <- fmt.Errorf("server timeline beside the ingests: %v", err)
				return
			}
			resp.Body.Close()
			if resp.StatusCode != http.StatusOK {
				errs <- fmt.Errorf("server timeline beside the ingests: %s", resp.Status)
				return
			}
			reads[1]++
		}
	}()
	wg.Wait()
	done.Store(true)
	readers.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	got := storeRecords(t, db)
	if !slices.Equal(got, want1) && !slices.Equal(got, want2) {
		t.Errorf("store after concurrent ingests differs from both sequential orders: %d records, want %d or %d", len(got), len(want1), len(want2))
	}
	if reads[0] == 0 || reads[1] == 0 {
		t.Errorf("readers ran %v times; want both to read while the ingests ran", reads)
	}
}

// TestWriterLockWaitZero checks that a writer that will not wait fails at
// once with a message naming the store and the writer holding it, and that
// the lock is free again once its holder releases it.
func TestWriterLockWaitZero(t *testing.T) {
	ctx := context.Background()
	db := filepath.Join(t.TempDir(), "s.db")
	st, err := store.Open(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	release, err := st.LockWriter(ctx, "a test holding the lock", 0, nil)
	if err != nil {
		t.Fatal(err)
	}
	_, errOut, err := runCLI(t, "", "--db", db, "-q", "merge", "--wait", "0")
	var le *store.LockedError
	if err == nil || !errors.As(err, &le) {
		t.Fatalf("merge beside a writer: err %v (stderr %q), want a LockedError", err, errOut)
	}
	if le.Holder == "" || !strings.Contains(err.Error(), "a test holding the lock") || !strings.Contains(err.Error(), db) {
		t.Errorf("message %q should name the store and the holder", err)
	}
	// Waiting: the command says whom it waits for, then goes on once the
	// holder is done.
	go func() {
		time.Sleep(300 * time.Millisecond)
		release()
	}()
	_, errOut, err = runCLI(t, "", "--db", db, "-q", "merge", "--wait", "1m")
	if err != nil {
		t.Fatalf("merge after the holder released: %v", err)
	}
	if !strings.Contains(errOut, "waiting") || !strings.Contains(errOut, "a test holding the lock") {
		t.Errorf("stderr %q should say it waits and for whom", errOut)
	}
}

// TestReadersNeverMerge leaves events outside any record, as an ingest
// killed between storing a batch and merging it does, and checks that the
// read commands say so and change nothing, and that merge completes it.
func TestReadersNeverMerge(t *testing.T) {
	a, _ := writeHalves(t, 20)
	db := filepath.Join(t.TempDir(), "s.db")
	if _, errOut, err := runCLI(t, "", "--db", db, "-q", "ingest", a); err != nil {
		t.Fatalf("ingest: %v\n%s", err, errOut)
	}
	ctx := context.Background()
	// Forget every record and which events they held, as if the merge
	// had never run.
	raw, err := sql.Open("sqlite", db)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := raw.ExecContext(ctx, `DELETE FROM records; DELETE FROM unresolved;
		INSERT INTO unresolved (date, doc, article_id, seq, event_id) SELECT date, doc, article_id, seq, id FROM events WHERE resolved = 0`); err != nil {
		t.Fatal(err)
	}
	raw.Close()
	pending := func() int {
		t.Helper()
		st, err := store.Open(ctx, db)
		if err != nil {
			t.Fatal(err)
		}
		defer st.Close()
		evs, err := st.Unresolved(ctx, 1000)
		if err != nil {
			t.Fatal(err)
		}
		return len(evs)
	}
	before := pending()
	if before == 0 {
		t.Fatal("no event left outside a record")
	}
	for _, args := range [][]string{{"timeline"}, {"events"}, {"ledger"}, {"figures"}} {
		_, errOut, err := runCLI(t, "", append([]string{"--db", db}, args...)...)
		if err != nil {
			t.Fatalf("%v: %v", args, err)
		}
		if !strings.Contains(errOut, "sitrep merge") {
			t.Errorf("%v: stderr %q should point to sitrep merge", args, errOut)
		}
		if n := pending(); n != before {
			t.Fatalf("%v merged events: %d pending, was %d", args, n, before)
		}
	}
	if _, errOut, err := runCLI(t, "", "--db", db, "-q", "merge"); err != nil {
		t.Fatalf("merge: %v\n%s", err, errOut)
	}
	if n := pending(); n != 0 {
		t.Errorf("%d events pending after merge", n)
	}
}
