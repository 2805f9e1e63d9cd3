// Package resolve turns per-article events into records of real-world
// events: mentions of the same event in different articles (same type and
// parties, compatible items, figures and times, within a window of days)
// become one record that keeps every mention, takes the most specific
// value of each slot, records where reports disagree, and follows an aid
// package through its life from pledged to delivered.
//
// Resolution is incremental: it takes the events no record holds yet, in
// the order of their articles' dates, and compares each only with the
// records of its type and actor near its date, so adding one article does
// not recompute the store. Record ids derive from the event that opened
// the record, so the same ingest gives the same records.
package resolve

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"sort"
	"time"

	"github.com/sitrep-project/sitrep/internal/model"
)

// Store is what resolution needs from the store.
type Store interface {
	// Unresolved returns up to limit fact events that no record holds,
	// ordered by article date, article and position.
	Unresolved(ctx context.Context, limit int) ([]model.Event, error)
	// Candidates returns the records of a type whose day lies in
	// [from, to], with the given actor or none ("" matches any actor).
	Candidates(ctx context.Context, typ, actor, from, to string) ([]*model.Record, error)
	// Dirty returns up to limit records some of whose events were removed
	// (by re-extraction), with those mentions already dropped.
	Dirty(ctx context.Context, limit int) ([]*model.Record, error)
	// SaveRecords writes records and their mentions, and deletes the
	// records named, in one transaction.
	SaveRecords(ctx context.Context, recs []*model.Record, deleted []string) error
}

// Stats counts what a run did.
type Stats struct {
	Events  int `json:"events"`  // events resolved
	Merged  int `json:"merged"`  // of which joined an existing record
	Created int `json:"created"` // records opened
	Rebuilt int `json:"rebuilt"` // records rebuilt after re-extraction
	Deleted int `json:"deleted"` // records left without mentions
}

// BatchSize is the number of events resolved per transaction.
const BatchSize = 5000

// Run resolves every unresolved event in the store.
func Run(ctx context.Context, st Store) (Stats, error) {
	var stats Stats
	for {
		dirty, err := st.Dirty(ctx, BatchSize)
		if err != nil {
			return stats, fmt.Errorf("reading changed records: %w", err)
		}
		if len(dirty) == 0 {
			break
		}
		var keep []*model.Record
		var gone []string
		for _, r := range dirty {
			if len(r.Mentions) == 0 {
				gone = append(gone, r.ID)
				continue
			}
			Rebuild(r)
			keep = append(keep, r)
		}
		if err := st.SaveRecords(ctx, keep, gone); err != nil {
			return stats, err
		}
		stats.Rebuilt += len(keep)
		stats.Deleted += len(gone)
	}
	for {
		evs, err := st.Unresolved(ctx, BatchSize)
		if err != nil {
			return stats, fmt.Errorf("reading unresolved events: %w", err)
		}
		if len(evs) == 0 {
			return stats, nil
		}
		changed, err := resolveBatch(ctx, st, evs, &stats)
		if err != nil {
			return stats, err
		}
		if err := st.SaveRecords(ctx, changed, nil); err != nil {
			return stats, err
		}
	}
}

// pool holds the candidate records of one batch, loaded once per type and
// actor, so a batch costs a handful of queries rather than some per event.
type pool struct {
	st     Store
	ctx    context.Context
	byKey  map[string][]*model.Record
	loaded map[string]bool
}

func (p *pool) get(typ, actor, from, to string) ([]*model.Record, error) {
	k := typ + "|" + actor
	if !p.loaded[k] {
		recs, err := p.st.Candidates(p.ctx, typ, actor, from, to)
		if err != nil {
			return nil, err
		}
		p.loaded[k] = true
		for _, r := range recs {
			p.add(r)
		}
	}
	out := append([]*model.Record(nil), p.byKey[k]...)
	if actor != "" {
		out = append(out, p.byKey[typ+"|"]...)
	} else {
		for key, recs := range p.byKey {
			if len(key) > len(typ) && key[:len(typ)+1] == typ+"|" && key != k {
				out = append(out, recs...)
			}
		}
	}
	return out, nil
}

func (p *pool) add(r *model.Record) {
	k := r.Type + "|" + actorCode(r.Actor)
	for _, x := range p.byKey[k] {
		if x.ID == r.ID {
			return
		}
	}
	p.byKey[k] = append(p.byKey[k], r)
}

func actorCode(a *model.Actor) string {
	if a == nil {
		return ""
	}
	return a.Code
}

func resolveBatch(ctx context.Context, st Store, evs []model.Event, stats *Stats) ([]*model.Record, error) {
	// The batch's date range, widened by the longest window, bounds the
	// candidates loaded.
	lo, hi := "9999-12-31", "0000-01-01"
	for i := range evs {
		d := eventDay(&evs[i])
		if d < lo {
			lo = d
		}
		if d > hi {
			hi = d
		}
	}
	from, to := shiftDay(lo, -maxWindow), shiftDay(hi, maxWindow)
	p := &pool{st: st, ctx: ctx, byKey: map[string][]*model.Record{}, loaded: map[string]bool{}}
	changed := map[string]*model.Record{}
	var order []string
	for i := range evs {
		ev := &evs[i]
		cands, err := p.get(ev.Type, actorCode(ev.Actor), from, to)
		if err != nil {
			return nil, fmt.Errorf("reading candidate records: %w", err)
		}
		var best *model.Record
		bestScore := 0.0
		for _, r := range cands {
			if s, ok := Match(r, ev); ok && s > bestScore {
				best, bestScore = r, s
			}
		}
		stats.Events++
		if best == nil {
			best = newRecord(ev)
			p.add(best)
			stats.Created++
		} else {
			stats.Merged++
		}
		best.Mentions = append(best.Mentions, mentionOf(ev))
		Rebuild(best)
		if changed[best.ID] == nil {
			order = append(order, best.ID)
		}
		changed[best.ID] = best
	}
	out := make([]*model.Record, 0, len(order))
	for _, id := range order {
		out = append(out, changed[id])
	}
	return out, nil
}

// RecordID derives a record's id from the event that opened it.
func RecordID(eventID string) string {
	h := sha256.Sum256([]byte("record|" + eventID))
	return "r" + hex.EncodeToString(h[:6])
}

func newRecord(ev *model.Event) *model.Record {
	return &model.Record{ID: RecordID(ev.ID), Type: ev.Type}
}

func mentionOf(ev *model.Event) model.Mention {
	slots := *ev
	slots.Explain = nil
	slots.Evidence = model.Evidence{}
	return model.Mention{
		Event: ev.ID, Article: ev.Article, Doc: ev.Doc, Date: ev.Date, Outlet: ev.Outlet,
		Status: ev.Status, Modality: ev.Modality, Source: ev.Source, Evidence: ev.Evidence, Slots: &slots,
	}
}

// eventDay is the day an event is filed under: its own time, else its
// article's date.
func eventDay(ev *model.Event) string {
	return dayOf(ev.Type, ev.Time, ev.Date)
}

// dayOf is the day a type of event with a time, reported on a date, is
// filed under. A figure ("2,000 killed since February 24") describes the
// end of its period; anything else happened at the start of its time.
func dayOf(typ string, t *model.Time, reported string) string {
	if t == nil || t.Start == "" || t.Start > reported {
		return reported
	}
	switch typ {
	case model.TypeCasualties, model.TypeDisplacement, model.TypeMobilize:
		if t.End != "" && t.End <= reported {
			return t.End
		}
		return reported
	}
	return t.Start
}

func shiftDay(day string, days int) string {
	t, err := time.Parse(model.DateLayout, day)
	if err != nil {
		return day
	}
	return t.AddDate(0, 0, days).Format(model.DateLayout)
}

func daysBetween(a, b string) int {
	ta, err1 := time.Parse(model.DateLayout, a)
	tb, err2 := time.Parse(model.DateLayout, b)
	if err1 != nil || err2 != nil {
		return 1 << 20
	}
	d := int(ta.Sub(tb).Hours() / 24)
	if d < 0 {
		d = -d
	}
	return d
}

func sortMentions(ms []model.Mention) {
	sort.SliceStable(ms, func(i, j int) bool {
		if ms[i].Date != ms[j].Date {
			return ms[i].Date < ms[j].Date
		}
		if ms[i].Doc != ms[j].Doc {
			return ms[i].Doc < ms[j].Doc
		}
		return ms[i].Event < ms[j].Event
	})
}
