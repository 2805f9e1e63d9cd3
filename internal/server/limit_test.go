package server

import (
	"context"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/sitrep-project/sitrep/internal/store"
)

// heldStore answers Stats from the corpus store, but its first call
// waits until release is closed, holding its request's slot.
type heldStore struct {
	store.Store
	once    sync.Once
	entered chan struct{}
	release chan struct{}
}

func (h *heldStore) Stats(ctx context.Context) (*store.Stats, error) {
	first := false
	h.once.Do(func() { first = true })
	if first {
		close(h.entered)
		<-h.release
	}
	return h.Store.Stats(ctx)
}

// TestRequestLimit fills the only slot with a slow request and checks
// that others queue for it: refused with 503 and Retry-After once their
// deadline passes, served when the slot frees in time; static files do
// not queue.
func TestRequestLimit(t *testing.T) {
	held := &heldStore{Store: corpusStore, entered: make(chan struct{}), release: make(chan struct{})}
	s, err := New(held, Options{MaxInFlight: 1, HandlerTimeout: 700 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	released := false
	release := func() {
		if !released {
			close(held.release)
			released = true
		}
	}
	defer release()
	first := make(chan response, 1)
	go func() { first <- get(t, s, "/api/v1/stats") }()
	<-held.entered

	cases := []struct {
		target string
		status int
		json   bool
	}{
		{"/api/v1/stats", http.StatusServiceUnavailable, true},
		{"/timeline", http.StatusServiceUnavailable, false},
		{"/static/app.css", http.StatusOK, false},
	}
	for _, c := range cases {
		start := time.Now()
		r := get(t, s, c.target)
		if r.code != c.status {
			t.Errorf("GET %s with the slot taken: status %d, want %d", c.target, r.code, c.status)
			continue
		}
		if c.status != http.StatusServiceUnavailable {
			continue
		}
		if time.Since(start) < 600*time.Millisecond {
			t.Errorf("GET %s refused after %s, before its deadline", c.target, time.Since(start))
		}
		if r.header.Get("Retry-After") == "" {
			t.Errorf("GET %s: 503 without Retry-After", c.target)
		}
		if ct := r.header.Get("Content-Type"); strings.HasPrefix(ct, "application/json") != c.json {
			t.Errorf("GET %s: Content-Type %q", c.target, ct)
		}
	}

	// A request that arrives while the slot is taken, and sees it freed
	// within its deadline, is served.
	queued := make(chan response, 1)
	go func() { queued <- get(t, s, "/api/v1/stats") }()
	time.Sleep(150 * time.Millisecond)
	release()
	if r := <-queued; r.code != http.StatusOK {
		t.Errorf("queued request: status %d, want 200: %s", r.code, r.body)
	}
	if r := <-first; r.code != http.StatusOK && r.code != http.StatusServiceUnavailable {
		t.Errorf("first request: status %d", r.code)
	}
}
