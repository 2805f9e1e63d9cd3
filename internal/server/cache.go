package server

import (
	"context"
	"sync"
	"time"
)

// The ledger and figures are aggregates over every record of their types:
// on a store of 2,000 generated articles one ledger request reads and
// decodes some 5,000 records and takes 300-500 ms, nearly all of it in the
// store's Records (JSON decoding of records and their mentions), and the
// answer is the same until the store changes; figures and an actor's page
// read all records of their types or actor the same way. So the server
// keeps each aggregate it computed, by filter, until the store changes.
//
// Knowing when the store changed: this server's own writes (the ingest
// endpoint) bump a counter, which invalidates at once. Another process
// (a "sitrep ingest" beside the server) writes without telling it; a
// store that implements storeVersion (SQLite does) says so exactly, and an aggregate is
// then kept until the version moves; for a store that does not, an
// aggregate is kept at most aggregateTTL, so that such writes show within
// seconds.

// aggregateTTL bounds how long an aggregate is kept when the store cannot
// say whether another process changed it: short enough that a page
// reloaded after an ingest elsewhere shows it soon, long enough that a
// server under load computes each aggregate a few times a minute instead
// of once a request.
const aggregateTTL = 5 * time.Second

// maxAggregates bounds the aggregates kept: filters come from requests,
// and each distinct one is an entry. maxCounts bounds the counts of
// record filters (a page's total, the timeline's overview), which are
// kept apart, so that many filters asked once cannot push out the ledger,
// which takes seconds to compute again.
const (
	maxAggregates = 64
	maxCounts     = 256
)

// storeVersion is implemented by stores that can cheaply tell whether
// anything was committed, by any process, since an earlier call: the
// number changes when the data does.
type storeVersion interface {
	DataVersion(ctx context.Context) (uint64, error)
}

// aggCache holds computed aggregates by key, each with the state of the
// store it was computed from. Concurrent requests for a missing key wait
// for one computation instead of each running it.
type aggCache struct {
	mu      sync.Mutex
	entries map[string]*aggEntry
	ttl     time.Duration
	now     func() time.Time
	max     int // entries kept at most
}

// aggEntry is one aggregate, or the computation of it in flight.
type aggEntry struct {
	ready chan struct{} // closed once val and err are set
	val   any
	err   error
	gen   storeState
	at    time.Time
}

// storeState is what the store looked like when an aggregate was read.
type storeState struct {
	writes  uint64 // this server's commits
	version uint64 // the store's own version, when it has one
	// versioned is set when the store has a version, which then sees
	// every writer's commits, so that no TTL is needed.
	versioned bool
}

func newAggCache(ttl time.Duration, max int) *aggCache {
	return &aggCache{entries: map[string]*aggEntry{}, ttl: ttl, now: time.Now, max: max}
}

// get returns the aggregate under key computed at state gen, computing it
// with compute when there is none or it is stale: computed at another
// state, or, for a store without a version, longer ago than the TTL. A failed computation is
// not kept; a request that waited for another's and saw it fail computes
// it itself, under its own deadline.
func (c *aggCache) get(ctx context.Context, key string, gen storeState, compute func(context.Context) (any, error)) (any, error) {
	for {
		c.mu.Lock()
		e := c.entries[key]
		if e != nil && (e.gen != gen || (!gen.versioned && c.now().Sub(e.at) >= c.ttl)) {
			select {
			case <-e.ready:
				delete(c.entries, key) // stale: compute again
				e = nil
			default:
				if e.gen != gen {
					e = nil // computed from an older state: do not wait for it
				}
			}
		}
		if e == nil {
			e = &aggEntry{ready: make(chan struct{}), gen: gen, at: c.now()}
			c.evict()
			c.entries[key] = e
			c.mu.Unlock()
			e.val, e.err = compute(ctx)
			if e.err != nil {
				c.mu.Lock()
				if c.entries[key] == e {
					delete(c.entries, key)
				}
				c.mu.Unlock()
			}
			close(e.ready)
			return e.val, e.err
		}
		c.mu.Unlock()
		select {
		case <-e.ready:
		case <-ctx.Done():
			return nil, ctx.Err()
		}
		if e.err == nil {
			return e.val, nil
		}
		// The request that computed it failed (perhaps only its own
		// deadline passed): try again, as this request.
		if err := ctx.Err(); err != nil {
			return nil, err
		}
	}
}

// evict makes room for one more entry, dropping the oldest; c.mu is held.
func (c *aggCache) evict() {
	for len(c.entries) >= c.max {
		oldKey := ""
		var oldAt time.Time
		for k, e := range c.entries {
			if oldKey == "" || e.at.Before(oldAt) {
				oldKey, oldAt = k, e.at
			}
		}
		delete(c.entries, oldKey)
	}
}

// storeState reads what the store looks like now. A store without a
// version of its own leaves it at 0, and the TTL covers other writers.
func (s *Server) storeState(ctx context.Context) (storeState, error) {
	st := storeState{writes: s.writes.Load()}
	if v, ok := s.st.(storeVersion); ok {
		n, err := v.DataVersion(ctx)
		if err != nil {
			return st, err
		}
		st.version, st.versioned = n, true
	}
	return st, nil
}

// aggregate returns the aggregate under key, computed by compute over the
// store as it is now, or kept from a computation over the same state.
func (s *Server) aggregate(ctx context.Context, key string, compute func(context.Context) (any, error)) (any, error) {
	gen, err := s.storeState(ctx)
	if err != nil {
		return nil, err
	}
	return s.aggs.get(ctx, key, gen, compute)
}

// count is aggregate for the counts of record filters, kept in their own
// cache (see maxCounts).
func (s *Server) count(ctx context.Context, key string, compute func(context.Context) (any, error)) (any, error) {
	gen, err := s.storeState(ctx)
	if err != nil {
		return nil, err
	}
	return s.counts.get(ctx, key, gen, compute)
}
