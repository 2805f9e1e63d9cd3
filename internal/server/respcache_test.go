package server

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/sitrep-project/sitrep/internal/event"
	"github.com/sitrep-project/sitrep/internal/ingest"
	"github.com/sitrep-project/sitrep/internal/model"
)

// countingHandler answers every request with its path and the number of
// times it was called, so a test can tell a kept answer from a new one.
type countingHandler struct {
	calls  atomic.Int64
	status int
	size   int
	delay  time.Duration
}

func (h *countingHandler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	n := h.calls.Add(1)
	time.Sleep(h.delay)
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	if h.status != 0 {
		w.WriteHeader(h.status)
	}
	fmt.Fprintf(w, "%s #%d %s", r.URL.Path, n, strings.Repeat("x", h.size))
}

func cachedGet(t *testing.T, h http.Handler, target string) (int, string) {
	t.Helper()
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, target, nil))
	return rec.Code, rec.Body.String()
}

// TestRespCache checks the response cache's rules one by one: an answer
// is kept for the same path and query in any order, while the store is
// unchanged; a write by any process, an error answer, a POST, a request
// with credentials and an answer over the size bound are never served from
// it; the least recently used answers go first; and concurrent requests
// for one missing answer compute it once.
func TestRespCache(t *testing.T) {
	s := ingestServer(t, Options{CacheBytes: 64 << 10})
	h := &countingHandler{}
	c := s.cache(h)

	_, first := cachedGet(t, c, "/timeline?type=aid&actor=POL")
	if _, again := cachedGet(t, c, "/timeline?actor=POL&type=aid"); again != first {
		t.Errorf("same query in another order: %q, want the kept %q", again, first)
	}
	if h.calls.Load() != 1 {
		t.Errorf("%d computations for one answer, want 1", h.calls.Load())
	}
	if _, other := cachedGet(t, c, "/timeline?type=aid"); other == first {
		t.Error("another query got the kept answer")
	}

	// Another process writes: the kept answer is not the store's any more.
	a := &model.Article{ID: model.ArticleID("x"), Doc: "pl-helmets", Date: mustDate(t, "2022-03-07"),
		Text: "Poland sent 5,000 helmets to Ukraine on Monday, the defence ministry said."}
	if _, err := ingest.Articles(t.Context(), s.st, []*model.Article{a}, ingest.Options{Extractor: event.New(), Version: event.Version, Resolve: true}); err != nil {
		t.Fatal(err)
	}
	if _, after := cachedGet(t, c, "/timeline?type=aid&actor=POL"); after == first {
		t.Error("an answer kept from before another writer's ingest was served")
	}
	// This server's own write moves its state too.
	_, kept := cachedGet(t, c, "/ledger")
	s.changed()
	if _, after := cachedGet(t, c, "/ledger"); after == kept {
		t.Error("an answer kept from before this server's write was served")
	}

	// Never kept: errors, POSTs, requests with credentials.
	bad := &countingHandler{status: http.StatusInternalServerError}
	cb := s.cache(bad)
	cachedGet(t, cb, "/actors/XYZ")
	cachedGet(t, cb, "/actors/XYZ")
	if bad.calls.Load() != 2 {
		t.Errorf("an error answer was kept: %d computations for 2 requests", bad.calls.Load())
	}
	for _, req := range []*http.Request{
		httptest.NewRequest(http.MethodPost, "/api/v1/articles", nil),
		func() *http.Request {
			r := httptest.NewRequest(http.MethodGet, "/api/v1/stats", nil)
			r.Header.Set("Authorization", "Bearer x")
			return r
		}(),
	} {
		n := h.calls.Load()
		for range 2 {
			c.ServeHTTP(httptest.NewRecorder(), req)
		}
		if got := h.calls.Load() - n; got != 2 {
			t.Errorf("%s %s with %q: %d computations for 2 requests, want 2", req.Method, req.URL, req.Header.Get("Authorization"), got)
		}
	}

	// An answer over a sixteenth of the bound is not kept.
	big := &countingHandler{size: 8 << 10}
	cg := s.cache(big)
	cachedGet(t, cg, "/figures")
	cachedGet(t, cg, "/figures")
	if big.calls.Load() != 2 {
		t.Errorf("an answer over the size bound was kept: %d computations for 2 requests", big.calls.Load())
	}
	if st := s.CacheStats(); st.Bytes > 64<<10 {
		t.Errorf("the cache holds %d bytes, over its bound", st.Bytes)
	}

	// The least recently used answers go first: fill the cache past its
	// bound, then the first answer is computed again, the last is kept.
	fill := &countingHandler{size: 3 << 10}
	cf := s.cache(fill)
	for i := range 40 {
		cachedGet(t, cf, fmt.Sprintf("/events/%d", i))
	}
	n := fill.calls.Load()
	cachedGet(t, cf, "/events/39")
	if fill.calls.Load() != n {
		t.Error("the most recent answer was not kept")
	}
	cachedGet(t, cf, "/events/0")
	if fill.calls.Load() != n+1 {
		t.Error("the oldest answer was kept past the bound")
	}
	if st := s.CacheStats(); st.Bytes > 64<<10 {
		t.Errorf("the cache holds %d bytes, over its bound", st.Bytes)
	}

	// Concurrent requests for one missing answer share its computation.
	slow := &countingHandler{delay: 50 * time.Millisecond}
	cs := s.cache(slow)
	var wg sync.WaitGroup
	bodies := make([]string, 8)
	for i := range bodies {
		wg.Add(1)
		go func() {
			defer wg.Done()
			_, bodies[i] = cachedGet(t, cs, "/api/v1/ledger")
		}()
	}
	wg.Wait()
	if slow.calls.Load() != 1 {
		t.Errorf("8 concurrent requests computed the answer %d times, want 1", slow.calls.Load())
	}
	for _, b := range bodies {
		if b != bodies[0] {
			t.Errorf("concurrent requests got different answers: %q and %q", b, bodies[0])
		}
	}
}

// TestRespCacheOff checks that a negative size turns the cache off and
// that a store without a version is never cached whole.
func TestRespCacheOff(t *testing.T) {
	off := ingestServer(t, Options{CacheBytes: -1})
	h := &countingHandler{}
	c := off.cache(h)
	cachedGet(t, c, "/ledger")
	cachedGet(t, c, "/ledger")
	if h.calls.Load() != 2 {
		t.Errorf("cache off: %d computations for 2 requests, want 2", h.calls.Load())
	}

	plain := ingestServer(t, Options{})
	plain.st = plainStore{plain.st}
	h2 := &countingHandler{}
	c2 := plain.cache(h2)
	cachedGet(t, c2, "/ledger")
	cachedGet(t, c2, "/ledger")
	if h2.calls.Load() != 2 {
		t.Errorf("store without a version: %d computations for 2 requests, want 2", h2.calls.Load())
	}
}

// TestRespCacheWholeServer checks the cache in place: a page asked twice
// is the same bytes, computed once; after an ingest through the API the
// search page finds the new article.
func TestRespCacheWholeServer(t *testing.T) {
	s := ingestServer(t, Options{})
	r := post(t, s, "Bearer "+testToken, "application/json",
		`{"id":"pl-helmets","date":"2022-03-07","text":"Poland sent 5,000 helmets to Ukraine on Monday, the defence ministry said."}`)
	if r.code != 200 {
		t.Fatalf("%d %s", r.code, r.body)
	}
	before := s.CacheStats()
	_, a := cachedGet(t, s, "/search?q=howitzers")
	_, b := cachedGet(t, s, "/search?q=howitzers")
	st := s.CacheStats()
	if a != b || st.Misses-before.Misses != 1 || st.Hits-before.Hits != 1 {
		t.Errorf("two requests: same body %v, %d misses and %d hits, want 1 and 1", a == b, st.Misses-before.Misses, st.Hits-before.Hits)
	}
	if strings.Contains(a, "cz-howitzers") {
		t.Fatal("the article is found before it was posted")
	}
	r = post(t, s, "Bearer "+testToken, "application/json",
		`{"id":"cz-howitzers","date":"2022-03-09","text":"The Czech Republic delivered howitzers to Ukraine on Wednesday, its defence ministry said."}`)
	if r.code != 200 {
		t.Fatalf("%d %s", r.code, r.body)
	}
	if _, c := cachedGet(t, s, "/search?q=howitzers"); !strings.Contains(c, "cz-howitzers") {
		t.Error("the search page after an ingest does not show the new article: a kept answer was served")
	}
}
