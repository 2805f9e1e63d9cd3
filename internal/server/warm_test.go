package server

import (
	"context"
	"net"
	"strings"
	"testing"
	"time"

	"github.com/sitrep-project/sitrep/internal/event"
	"github.com/sitrep-project/sitrep/internal/ingest"
	"github.com/sitrep-project/sitrep/internal/model"
	"github.com/sitrep-project/sitrep/internal/query"
)

// kept reports whether the aggregate under key is computed and kept for
// the store's present state.
func kept(t *testing.T, s *Server, key string) bool {
	t.Helper()
	gen, err := s.storeState(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	s.aggs.mu.Lock()
	e := s.aggs.entries[key]
	s.aggs.mu.Unlock()
	if e == nil || e.gen != gen {
		return false
	}
	select {
	case <-e.ready:
		return e.err == nil
	default:
		return false
	}
}

// TestKeepWarm checks that a serving server has the ledger and the
// figures computed before anyone asks: when it starts, and again after
// another process writes to the store, once the write has settled.
func TestKeepWarm(t *testing.T) {
	s := ingestServer(t, Options{})
	s.warmEvery = 10 * time.Millisecond
	ledgerKey := strings.Join([]string{"ledger", "", "", "", ""}, "\x00")
	figuresKey := strings.Join([]string{"figures", "", ""}, "\x00")
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(t.Context())
	done := make(chan error, 1)
	go func() { done <- s.Serve(ctx, ln) }()
	defer func() {
		cancel()
		if err := <-done; err != nil {
			t.Error(err)
		}
	}()
	select {
	case <-s.Warmed():
	case <-time.After(30 * time.Second):
		t.Fatal("the aggregates were not computed at start")
	}
	if !kept(t, s, ledgerKey) || !kept(t, s, figuresKey) {
		t.Fatal("warmed, but the ledger and figures are not kept")
	}

	a := &model.Article{ID: model.ArticleID("ee"), Doc: "ee-javelins", Date: mustDate(t, "2022-03-08"),
		Text: "Estonia pledged 200 Javelin missiles to Ukraine on Tuesday, the defence ministry said."}
	if _, err := ingest.Articles(t.Context(), s.st, []*model.Article{a}, ingest.Options{Extractor: event.New(), Version: event.Version, Resolve: true}); err != nil {
		t.Fatal(err)
	}
	if kept(t, s, ledgerKey) {
		t.Fatal("the ledger of before the write is taken as the present one")
	}
	deadline := time.Now().Add(30 * time.Second)
	for !kept(t, s, ledgerKey) || !kept(t, s, figuresKey) {
		if time.Now().After(deadline) {
			t.Fatal("the ledger and figures were not computed again after the write")
		}
		time.Sleep(10 * time.Millisecond)
	}
	// The kept ledger is the store's present one.
	l, err := s.ledger(t.Context(), query.LedgerFilter{})
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, tot := range l.Totals {
		found = found || tot.Donor == "EST"
	}
	if !found {
		t.Errorf("the ledger computed after the write lacks its donor: %+v", l.Totals)
	}
}
