package server

import (
	"bytes"
	"container/list"
	"net/http"
	"strings"
	"sync"
	"sync/atomic"
)

// The response cache keeps whole answers to GET requests, pages and API
// alike, by their path and query, each with the state of the store it was
// computed from (see storeState). An answer is served from the cache only
// while the store is in that same state, so a cached answer is always the
// one the request would compute: no stale page is ever shown. A server is
// read far more often than it is written, and readers ask the same
// questions (the front page of the timeline, the ledger, a common search),
// so most requests become a copy of bytes, and what a request costs
// uncached (see "sitrep bench serve --cache 0") matters on the first ask
// after each write.
//
// The cache is bounded by the bytes it holds; the least recently used
// answers go first. An answer larger than a sixteenth of the bound is not
// kept, so that one huge page cannot empty the cache. Concurrent requests
// for an answer not yet kept wait for one computation instead of each
// running it, as aggregates do.

// DefaultCacheBytes is the response cache's size unless Options says.
const DefaultCacheBytes = 64 << 20

// respCache is the response cache.
type respCache struct {
	max int64

	mu      sync.Mutex
	entries map[string]*list.Element // of *respEntry
	lru     *list.List               // front: most recently used
	bytes   int64
	flight  map[string]*respFlight

	hits, misses atomic.Int64
}

// respEntry is one kept answer.
type respEntry struct {
	key    string
	gen    storeState
	status int
	header http.Header
	body   []byte
}

func (e *respEntry) size() int64 { return int64(len(e.body) + len(e.key) + 256) }

// respFlight is an answer being computed; waiters read it when done is
// closed (entry nil when it could not be kept).
type respFlight struct {
	gen   storeState
	done  chan struct{}
	entry *respEntry
}

func newRespCache(max int64) *respCache {
	return &respCache{max: max, entries: map[string]*list.Element{}, lru: list.New(), flight: map[string]*respFlight{}}
}

// get returns the kept answer for key at state gen, dropping one kept at
// another state.
func (c *respCache) get(key string, gen storeState) *respEntry {
	c.mu.Lock()
	defer c.mu.Unlock()
	el := c.entries[key]
	if el == nil {
		return nil
	}
	e := el.Value.(*respEntry)
	if e.gen != gen {
		c.remove(el)
		return nil
	}
	c.lru.MoveToFront(el)
	return e
}

// put keeps e, evicting the least recently used answers to make room.
func (c *respCache) put(e *respEntry) {
	if e.size() > c.max/16 {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if el := c.entries[e.key]; el != nil {
		c.remove(el)
	}
	for c.bytes+e.size() > c.max && c.lru.Len() > 0 {
		c.remove(c.lru.Back())
	}
	c.entries[e.key] = c.lru.PushFront(e)
	c.bytes += e.size()
}

// remove drops one kept answer; c.mu is held.
func (c *respCache) remove(el *list.Element) {
	e := c.lru.Remove(el).(*respEntry)
	delete(c.entries, e.key)
	c.bytes -= e.size()
}

// cacheable says whether a request's answer may be kept: GETs of the
// pages and the read API. Static files are served from memory already.
func cacheable(r *http.Request) bool {
	if r.Method != http.MethodGet || r.Header.Get("Authorization") != "" {
		return false
	}
	return !strings.HasPrefix(r.URL.Path, "/static/")
}

// cacheKey is a request's path with its query in a canonical order, so
// that "?a=1&b=2" and "?b=2&a=1" share an answer.
func cacheKey(r *http.Request) string {
	q := r.URL.Query()
	if len(q) == 0 {
		return r.URL.Path
	}
	return r.URL.Path + "?" + q.Encode()
}

// cache answers cacheable requests from the response cache, computing and
// keeping the answer when it is missing.
func (s *Server) cache(next http.Handler) http.Handler {
	if s.resp == nil {
		return next
	}
	c := s.resp
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !cacheable(r) {
			next.ServeHTTP(w, r)
			return
		}
		gen, err := s.storeState(r.Context())
		if err != nil || !gen.versioned {
			// A store that cannot say when it changed is not cached
			// whole: only its aggregates are, for a few seconds.
			next.ServeHTTP(w, r)
			return
		}
		key := cacheKey(r)
		for {
			if e := c.get(key, gen); e != nil {
				c.hits.Add(1)
				e.write(w)
				return
			}
			c.mu.Lock()
			f := c.flight[key]
			if f == nil || f.gen != gen {
				f = &respFlight{gen: gen, done: make(chan struct{})}
				c.flight[key] = f
				c.mu.Unlock()
				c.misses.Add(1)
				e := compute(next, r, key, gen)
				if e.status == http.StatusOK && r.Context().Err() == nil {
					c.put(e)
					f.entry = e
				}
				c.mu.Lock()
				if c.flight[key] == f {
					delete(c.flight, key)
				}
				c.mu.Unlock()
				close(f.done)
				e.write(w)
				return
			}
			c.mu.Unlock()
			select {
			case <-f.done:
			case <-r.Context().Done():
				s.busy(w, r)
				return
			}
			if f.entry != nil {
				c.hits.Add(1)
				f.entry.write(w)
				return
			}
			// The computation was not kept (an error, or its client
			// went): compute it as this request.
		}
	})
}

// compute runs the handler into a buffer.
func compute(next http.Handler, r *http.Request, key string, gen storeState) *respEntry {
	rec := &recorder{header: http.Header{}, status: http.StatusOK}
	next.ServeHTTP(rec, r)
	return &respEntry{key: key, gen: gen, status: rec.status, header: rec.header, body: rec.buf.Bytes()}
}

// write sends a kept answer.
func (e *respEntry) write(w http.ResponseWriter) {
	h := w.Header()
	for k, v := range e.header {
		h[k] = v
	}
	w.WriteHeader(e.status)
	w.Write(e.body)
}

// recorder is the http.ResponseWriter a cached request's handler writes
// into.
type recorder struct {
	header http.Header
	status int
	wrote  bool
	buf    bytes.Buffer
}

func (r *recorder) Header() http.Header { return r.header }

func (r *recorder) WriteHeader(status int) {
	if !r.wrote {
		r.status, r.wrote = status, true
	}
}

func (r *recorder) Write(p []byte) (int, error) {
	r.wrote = true
	return r.buf.Write(p)
}

// CacheStats are the response cache's counts since the server started.
type CacheStats struct {
	Hits, Misses int64
	Bytes        int64
	Entries      int
}

// CacheStats reports the response cache's use; all zero when it is off.
func (s *Server) CacheStats() CacheStats {
	if s.resp == nil {
		return CacheStats{}
	}
	c := s.resp
	c.mu.Lock()
	defer c.mu.Unlock()
	return CacheStats{Hits: c.hits.Load(), Misses: c.misses.Load(), Bytes: c.bytes, Entries: c.lru.Len()}
}
