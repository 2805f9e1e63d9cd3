package server

import (
	"context"
	"errors"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/sitrep-project/sitrep/internal/event"
	"github.com/sitrep-project/sitrep/internal/ingest"
	"github.com/sitrep-project/sitrep/internal/model"
	"github.com/sitrep-project/sitrep/internal/query"
	"github.com/sitrep-project/sitrep/internal/store"
)

// clock is a settable time for the cache's TTL.
type clock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *clock) now() time.Time { c.mu.Lock(); defer c.mu.Unlock(); return c.t }
func (c *clock) add(d time.Duration) {
	c.mu.Lock()
	c.t = c.t.Add(d)
	c.mu.Unlock()
}

func TestAggCache(t *testing.T) {
	clk := &clock{t: time.Date(2022, 3, 1, 12, 0, 0, 0, time.UTC)}
	c := newAggCache(5*time.Second, maxAggregates)
	c.now = clk.now
	ctx := context.Background()
	calls := 0
	compute := func(context.Context) (any, error) { calls++; return calls, nil }
	steps := []struct {
		what    string
		advance time.Duration
		gen     storeState
		want    int
	}{
		{"first read computes", 0, storeState{}, 1},
		{"same state, within the TTL: kept", 4 * time.Second, storeState{}, 1},
		{"this server wrote: computed again", 0, storeState{writes: 1}, 2},
		{"kept again", time.Second, storeState{writes: 1}, 2},
		{"past the TTL: computed again", 5 * time.Second, storeState{writes: 1}, 3},
		{"the store has a version: computed again", 0, storeState{writes: 1, version: 7, versioned: true}, 4},
		{"the version holds: kept past the TTL", time.Minute, storeState{writes: 1, version: 7, versioned: true}, 4},
		{"the store's version moved: computed again", 0, storeState{writes: 1, version: 8, versioned: true}, 5},
	}
	for _, s := range steps {
		clk.add(s.advance)
		v, err := c.get(ctx, "k", s.gen, compute)
		if err != nil || v.(int) != s.want {
			t.Errorf("%s: got %v %v, want %d", s.what, v, err, s.want)
		}
	}

	// A failure is not kept.
	fails := 0
	failing := func(context.Context) (any, error) { fails++; return nil, errors.New("disk on fire") }
	for range 2 {
		if _, err := c.get(ctx, "bad", storeState{}, failing); err == nil {
			t.Error("failure not reported")
		}
	}
	if fails != 2 {
		t.Errorf("a failed computation was kept: %d calls, want 2", fails)
	}

	// Concurrent requests for one missing key share one computation.
	var n atomic.Int32
	slow := func(context.Context) (any, error) { n.Add(1); time.Sleep(50 * time.Millisecond); return "v", nil }
	var wg sync.WaitGroup
	for range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if v, err := c.get(ctx, "shared", storeState{}, slow); err != nil || v != "v" {
				t.Errorf("shared: %v %v", v, err)
			}
		}()
	}
	wg.Wait()
	if n.Load() != 1 {
		t.Errorf("%d computations for 8 concurrent requests, want 1", n.Load())
	}

	// Bounded: the oldest entries give way.
	for i := range maxAggregates + 10 {
		clk.add(time.Millisecond)
		c.get(ctx, string(rune('a'+i)), storeState{}, compute)
	}
	if len(c.entries) > maxAggregates {
		t.Errorf("%d entries kept, bound %d", len(c.entries), maxAggregates)
	}
}

// plainStore hides the SQLite store's DataVersion, standing for a store
// that cannot say whether another process wrote to it.
type plainStore struct{ store.Store }

// donors lists the donors of the ledger the server answers now.
func donors(t *testing.T, s *Server) map[string]bool {
	t.Helper()
	var l LedgerPage
	getJSON(t, s, "/api/v1/ledger", 200, &l)
	out := map[string]bool{}
	for _, tot := range l.Totals {
		out[tot.Donor] = true
	}
	return out
}

// ukraineRecords counts the records the actor route lists for UKR.
func ukraineRecords(t *testing.T, s *Server) int {
	t.Helper()
	var a ActorJSON
	getJSON(t, s, "/api/v1/actors/UKR", 200, &a)
	return *a.Records.Total
}

// TestLedgerCacheFollowsWrites checks that the ledger and an actor kept
// between requests are read again after a write: at once after the
// server's own ingest, or another writer's to a store that has a version
// (SQLite's, moved by every commit of any process), and within the TTL
// after another writer's to a store without one.
func TestLedgerCacheFollowsWrites(t *testing.T) {
	article := func(id, date, text string) *model.Article {
		return &model.Article{ID: model.ArticleID(text), Doc: id, Date: mustDate(t, date), Text: text}
	}
	// Another process's ingest, written to the store behind the server.
	elsewhere := func(t *testing.T, st store.Store, a *model.Article) {
		t.Helper()
		if _, err := ingest.Articles(t.Context(), st, []*model.Article{a}, ingest.Options{Extractor: event.New(), Version: event.Version, Resolve: true}); err != nil {
			t.Fatal(err)
		}
	}
	cases := []struct {
		name  string
		plain bool // hide the store's version
		write func(t *testing.T, s *Server, st store.Store)
		at    time.Duration // time after the write when the ledger must show it
	}{
		{"this server's ingest", false, func(t *testing.T, s *Server, st store.Store) {
			r := post(t, s, "Bearer "+testToken, "application/json",
				`{"id":"ee-javelins","date":"2022-03-08","text":"Estonia pledged 200 Javelin missiles to Ukraine on Tuesday, the defence ministry said."}`)
			if r.code != 200 {
				t.Fatalf("%d %s", r.code, r.body)
			}
		}, 0},
		{"another writer, store with a version", false, func(t *testing.T, s *Server, st store.Store) {
			elsewhere(t, st, article("ee-javelins", "2022-03-08", "Estonia pledged 200 Javelin missiles to Ukraine on Tuesday, the defence ministry said."))
		}, 0},
		{"another writer, store without a version", true, func(t *testing.T, s *Server, st store.Store) {
			elsewhere(t, st, article("ee-javelins", "2022-03-08", "Estonia pledged 200 Javelin missiles to Ukraine on Tuesday, the defence ministry said."))
		}, aggregateTTL},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s := ingestServer(t, Options{})
			clk := &clock{t: time.Now()}
			s.aggs.now = clk.now
			st := s.st
			if c.plain {
				ps := plainStore{s.st}
				s.st, st = ps, ps
			}
			r := post(t, s, "Bearer "+testToken, "application/json",
				`{"id":"pl-helmets","date":"2022-03-07","text":"Poland sent 5,000 helmets to Ukraine on Monday, the defence ministry said."}`)
			if r.code != 200 {
				t.Fatalf("%d %s", r.code, r.body)
			}
			if d := donors(t, s); !d["POL"] || d["EST"] {
				t.Fatalf("ledger before: donors %v", d)
			}
			before := ukraineRecords(t, s)
			c.write(t, s, st)
			if c.at > 0 {
				if d := donors(t, s); d["EST"] {
					t.Errorf("ledger within the TTL already shows the other writer's article (fine, but unexpected): %v", d)
				}
				clk.add(c.at)
			}
			if d := donors(t, s); !d["POL"] || !d["EST"] {
				t.Errorf("ledger after the write: donors %v, want POL and EST", d)
			}
			if after := ukraineRecords(t, s); after <= before {
				t.Errorf("actor UKR after the write: %d records, before %d", after, before)
			}
		})
	}
}

func mustDate(t *testing.T, s string) time.Time {
	t.Helper()
	d, err := time.Parse(model.DateLayout, s)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// TestCountsKeepTheLedger checks that counting many record filters, each
// asked once, does not push the ledger out of the aggregates kept.
func TestCountsKeepTheLedger(t *testing.T) {
	s := newTestServer(t)
	if _, err := s.ledger(t.Context(), query.LedgerFilter{}); err != nil {
		t.Fatal(err)
	}
	for i := range 2 * maxCounts {
		f := store.RecordFilter{From: time.Date(2022, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, i).Format(model.DateLayout)}
		if _, err := s.recordCount(t.Context(), f); err != nil {
			t.Fatal(err)
		}
	}
	if !kept(t, s, strings.Join([]string{"ledger", "", "", "", ""}, "\x00")) {
		t.Error("counting record filters pushed the ledger out")
	}
	s.counts.mu.Lock()
	n := len(s.counts.entries)
	s.counts.mu.Unlock()
	if n > maxCounts {
		t.Errorf("%d counts kept, over the bound of %d", n, maxCounts)
	}
}
