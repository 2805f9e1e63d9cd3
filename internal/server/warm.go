package server

import (
	"context"
	"time"

	"github.com/sitrep-project/sitrep/internal/query"
)

// The ledger and the figures are sums over every aid and figure record of
// the store: seconds of work on a large one (8 s for the ledger of 100,000
// articles), the same for every reader until the store changes. The
// server computes them before anyone asks: as it starts, and again once
// a write has settled, so that a reader finds them ready instead of
// waiting for them, and a page is a read, not a recomputation.

// warmInterval is how often the server looks whether the store changed.
// A write is taken as settled when the store's state is the same at two
// looks in a row: an ingest commits a batch every second or so, and
// recomputing after each batch would spend a core on sums that the next
// batch makes stale.
const warmInterval = 2 * time.Second

// keepWarm computes the aggregates as the server starts, closes warmed,
// then computes them again after each settled write until ctx is done.
func (s *Server) keepWarm(ctx context.Context) {
	start := time.Now()
	at, err := s.storeState(ctx)
	if err == nil {
		err = s.warm(ctx)
	}
	close(s.warmed)
	switch {
	case err != nil && ctx.Err() == nil:
		s.log.Warn("computing the aggregates at start failed; they are computed when asked for", "err", err)
	case err == nil:
		s.log.Info("aggregates ready", "took", time.Since(start).Round(time.Millisecond).String())
	}
	tick := time.NewTicker(s.warmEvery)
	defer tick.Stop()
	seen := at
	for {
		select {
		case <-ctx.Done():
			return
		case <-tick.C:
		}
		now, err := s.storeState(ctx)
		switch {
		case err != nil:
			continue
		case now == at:
			seen = now
			continue
		case now != seen:
			seen = now // still changing: wait for it to settle
			continue
		}
		start := time.Now()
		if err := s.warm(ctx); err != nil {
			if ctx.Err() == nil {
				s.log.Warn("computing the aggregates after a write failed; they are computed when asked for", "err", err)
			}
			continue
		}
		at = now
		s.log.Debug("aggregates computed again after a write", "took", time.Since(start).Round(time.Millisecond).String())
	}
}

// warm computes the aggregates the pages start from: the store's counts,
// the whole ledger, all figures and the figures page's charts. A request
// that comes meanwhile waits for the computation in flight instead of
// starting its own (see aggCache).
func (s *Server) warm(ctx context.Context) error {
	if _, err := s.stats(ctx); err != nil {
		return err
	}
	if _, err := s.ledger(ctx, query.LedgerFilter{}); err != nil {
		return err
	}
	_, err := s.figureViews(ctx, "", "", maxSeriesShown)
	return err
}
