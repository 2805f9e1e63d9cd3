// Package resolve turns per-article events into records of real-world
// events: mentions of the same event in different articles (same type and
// parties, compatible items, figures and times, within a window of days)
// become one record that keeps every mention, takes the most specific
// value of each slot, records where reports disagree, and follows an aid
// package through its life from pledged to delivered.
//
// An aid package is known by its sum (in any currency, at the month's
// rate) or by the count of what it holds; where neither ties two reports,
// by a named system they share, or else by being told within a week of
// each other. A report of more aid ("four more HIMARS") never joins a
// package told of more than a week before; a plan joins a package only by
// its sum or count; an opinion piece never joins the news (see aidMatch).
// A record's reports are counted one per article and sentence.
//
// Resolution is incremental: it takes the events no record holds yet, in
// the order of their articles' dates, and compares each only with the
// records of its type and actor near its date, so adding one article does
// not recompute the store. Those records are read from the store's merge
// index as compact summaries, in blocks of days, and kept in a pool
// bounded in records whatever the store holds; a signature of each
// (day, sum, figure, a bit set of its items or places) rules out most of
// a window's records before any is compared whole (mayMatch). Record ids
// derive from the event that opened the record, so the same ingest gives
// the same records.
package resolve

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"sort"
	"sync"
	"time"

	"github.com/sitrep-project/sitrep/internal/model"
)

// Store is what resolution needs from the store.
type Store interface {
	// Unresolved returns up to limit fact events that no record holds,
	// ordered by article date, article and position.
	Unresolved(ctx context.Context, limit int) ([]model.Event, error)
	// Candidates returns the summaries (model.DecodeSummary) of the
	// records of a type and actor ("": those without one) whose day lies
	// in [from, to].
	Candidates(ctx context.Context, typ model.EventType, actor, from, to string) ([]*model.Record, error)
	// MergeVersion returns a number that changes whenever any process
	// saves records.
	MergeVersion(ctx context.Context) (int64, error)
	// Record returns one whole record by id.
	Record(ctx context.Context, id string) (*model.Record, error)
	// Dirty returns up to limit records some of whose events were removed
	// (by re-extraction), with those mentions already dropped.
	Dirty(ctx context.Context, limit int) ([]*model.Record, error)
	// SaveRecords writes records, links the newly resolved events named in
	// linked to the records holding them, and deletes the records named, in
	// one transaction.
	SaveRecords(ctx context.Context, recs []*model.Record, linked, deleted []string) error
}

// Stats counts what a run did.
type Stats struct {
	Events  int `json:"events"`  // events resolved
	Merged  int `json:"merged"`  // of which joined an existing record
	Created int `json:"created"` // records opened
	Rebuilt int `json:"rebuilt"` // records rebuilt after re-extraction
	Deleted int `json:"deleted"` // records left without mentions
}

// rebuildEach is the number of reports up to which a record is rebuilt
// after each new one; past it, once per batch.
const rebuildEach = 32

// BatchSize is the number of events resolved per transaction.
const BatchSize = 5000

// Run resolves every unresolved event in the store.
func Run(ctx context.Context, st Store) (Stats, error) {
	return New(st).Run(ctx)
}

// Resolver resolves events and keeps the candidate records it has read
// from one run to the next: an ingest resolving batch after batch, or a
// server merging each posted article, reads each record once while it
// stays near the news. What it keeps is bounded (see pool). Another
// process that merges into the same store in between moves the store's
// merge version, and the Resolver then reads the records again. Run may
// be called from several goroutines; runs take turns.
type Resolver struct {
	mu   sync.Mutex
	st   Store
	p    *pool
	seen int64 // the merge version after this Resolver's last save
}

// New returns a Resolver for a store.
func New(st Store) *Resolver {
	return &Resolver{st: st}
}

// pool returns the Resolver's pool, empty when the records may have
// changed since it was filled (version, from the store, differs from the
// one after the last save).
func (rv *Resolver) pool(ctx context.Context, version int64) *pool {
	if rv.p == nil || version != rv.seen {
		rv.p = newPool(rv.st)
	}
	rv.p.ctx = ctx
	return rv.p
}

// saved notes the merge version after a save of this Resolver's: writers
// hold the store's writer lock while they merge, so no other process
// saves between the save and the reading.
func (rv *Resolver) saved(ctx context.Context) error {
	v, err := rv.st.MergeVersion(ctx)
	if err != nil {
		rv.p = nil
		return err
	}
	rv.seen = v
	return nil
}

// Run resolves every unresolved event in the store.
func (rv *Resolver) Run(ctx context.Context) (Stats, error) {
	rv.mu.Lock()
	defer rv.mu.Unlock()
	st := rv.st
	var stats Stats
	version, err := st.MergeVersion(ctx)
	if err != nil {
		return stats, err
	}
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
		if err := st.SaveRecords(ctx, keep, nil, gone); err != nil {
			return stats, err
		}
		stats.Rebuilt += len(keep)
		stats.Deleted += len(gone)
		rv.p = nil // records changed under the pool: read them again
		if err := rv.saved(ctx); err != nil {
			return stats, err
		}
		version = rv.seen
	}
	for {
		evs, err := st.Unresolved(ctx, BatchSize)
		if err != nil {
			return stats, fmt.Errorf("reading unresolved events: %w", err)
		}
		if len(evs) == 0 {
			return stats, nil
		}
		changed, err := resolveBatch(rv.pool(ctx, version), evs, &stats)
		if err != nil {
			rv.p = nil // the pool holds records changed but not saved
			return stats, err
		}
		linked := make([]string, len(evs))
		for i := range evs {
			linked[i] = evs[i].ID
		}
		if err := st.SaveRecords(ctx, changed, linked, nil); err != nil {
			rv.p = nil // the pool holds records the store does not
			return stats, err
		}
		if err := rv.saved(ctx); err != nil {
			return stats, err
		}
		version = rv.seen
	}
}

func actorCode(a *model.Actor) string {
	if a == nil {
		return ""
	}
	return a.Code
}

func resolveBatch(p *pool, evs []model.Event, stats *Stats) ([]*model.Record, error) {
	p.startBatch()
	changed := map[string]*model.Record{}
	stale := map[string]*model.Record{} // records to rebuild at the end
	var order []string
	attach := func(best *model.Record, ev *model.Event, merged bool) error {
		if merged {
			if err := p.whole(best); err != nil {
				return err
			}
			stats.Merged++
		} else {
			p.add(best)
			p.changing(best)
			stats.Created++
		}
		stats.Events++
		oldKey := string(best.Type) + "|" + actorCode(best.Actor)
		oldDay, _ := dayNum(best.Day)
		best.Mentions = append(best.Mentions, model.MentionOf(ev))
		p.reported()
		if len(best.Mentions) <= rebuildEach {
			Rebuild(best)
			p.refile(best, oldKey, oldDay)
		} else {
			// One more report barely moves a much-reported record; it is
			// rebuilt once at the end of the batch instead of per report.
			stale[best.ID] = best
		}
		if changed[best.ID] == nil {
			order = append(order, best.ID)
		}
		changed[best.ID] = best
		return nil
	}
	// The events of one article are placed together: each pairing of an
	// event with a record is scored, and the best pairings are taken
	// first, so that an article's package value and its items each find
	// the record that fits them best, never the same one.
	for start := 0; start < len(evs); {
		end := start + 1
		for end < len(evs) && evs[end].Article == evs[start].Article {
			end++
		}
		type pairing struct {
			score float64
			ev    int
			rec   *model.Record
		}
		var ps []pairing
		for i := start; i < end; i++ {
			ev := &evs[i]
			cands, err := p.candidates(ev, eventDay(ev))
			if err != nil {
				return nil, fmt.Errorf("reading candidate records: %w", err)
			}
			if ev.Type == model.TypeAid && ev.Money != nil && daysBetween(eventDay(ev), ev.Date) > window(ev.Type) {
				// A package's sum may tie a report to the records of
				// its own days when its time was misread (Match).
				more, err := p.candidates(ev, ev.Date)
				if err != nil {
					return nil, fmt.Errorf("reading candidate records: %w", err)
				}
				cands = union(cands, more)
			}
			// The pool gave only candidates mayMatch lets through.
			for _, r := range cands {
				if sc, why := match(r, ev); why == "" {
					ps = append(ps, pairing{sc, i, r})
				}
			}
		}
		sort.SliceStable(ps, func(a, b int) bool {
			if ps[a].score != ps[b].score {
				return ps[a].score > ps[b].score
			}
			if ps[a].ev != ps[b].ev {
				return ps[a].ev < ps[b].ev
			}
			return ps[a].rec.ID < ps[b].rec.ID
		})
		placed := map[int]bool{}
		used := map[string]bool{}
		for _, pr := range ps {
			if placed[pr.ev] || used[pr.rec.ID] && !otherStep(pr.rec, &evs[pr.ev]) {
				continue
			}
			placed[pr.ev], used[pr.rec.ID] = true, true
			if err := attach(pr.rec, &evs[pr.ev], true); err != nil {
				return nil, err
			}
		}
		for i := start; i < end; i++ {
			if !placed[i] {
				if err := attach(newRecord(&evs[i]), &evs[i], false); err != nil {
					return nil, err
				}
			}
		}
		start = end
	}
	for _, r := range stale {
		oldKey := string(r.Type) + "|" + actorCode(r.Actor)
		oldDay, _ := dayNum(r.Day)
		Rebuild(r)
		p.refile(r, oldKey, oldDay)
	}
	out := make([]*model.Record, 0, len(order))
	for _, id := range order {
		out = append(out, changed[id])
	}
	return out, nil
}

// union adds to a the records of b it lacks.
func union(a, b []*model.Record) []*model.Record {
	have := make(map[string]bool, len(a))
	for _, r := range a {
		have[r.ID] = true
	}
	for _, r := range b {
		if !have[r.ID] {
			a = append(a, r)
		}
	}
	return a
}

// otherStep reports an aid event of a status the record's reports from
// the event's own article do not have: another step of the same life.
func otherStep(rec *model.Record, ev *model.Event) bool {
	if rec.Type != model.TypeAid {
		return false
	}
	for _, m := range rec.Mentions {
		if m.Article == ev.Article && m.Status == ev.Status {
			return false
		}
	}
	return true
}

// RecordID derives a record's id from the event that opened it.
func RecordID(eventID string) string {
	h := sha256.Sum256([]byte("record|" + eventID))
	return "r" + hex.EncodeToString(h[:6])
}

func newRecord(ev *model.Event) *model.Record {
	return &model.Record{ID: RecordID(ev.ID), Type: ev.Type}
}

// eventDay is the day an event is filed under: its own time, else its
// article's date.
func eventDay(ev *model.Event) string {
	return dayOf(ev.Type, ev.Time, ev.Date)
}

// dayOf is the day a type of event with a time, reported on a date, is
// filed under. A figure ("2,000 killed since February 24": a type the
// registry marks Figure) describes the end of its period; anything else
// happened at the start of its time, which for a planned visit or talks
// may lie after the report. A rough time that holds the report's date
// ("this year", "this month") says only that the event came before the
// report: the report's date is nearer the truth than the period's first
// day, which would put "up to €9 billion this year" in January.
func dayOf(typ model.EventType, t *model.Time, reported string) string {
	if t == nil || t.Start == "" {
		return reported
	}
	if typ.Info().Figure {
		if t.End != "" && t.End <= reported {
			return t.End
		}
		return reported
	}
	if t.Precision != model.PrecisionDay && t.Start <= reported && reported <= t.End {
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

// dayNum converts a YYYY-MM-DD date into a count of days, without the
// cost of time.Parse: resolution compares dates millions of times.
func dayNum(s string) (int, bool) {
	if len(s) != 10 || s[4] != '-' || s[7] != '-' {
		return 0, false
	}
	n := func(t string) int {
		v := 0
		for i := 0; i < len(t); i++ {
			v = v*10 + int(t[i]-'0')
		}
		return v
	}
	y, m, d := n(s[:4]), n(s[5:7]), n(s[8:])
	// Days from civil, after Howard Hinnant's well-known algorithm.
	if m <= 2 {
		y--
	}
	era := y / 400
	yoe := y - era*400
	mp := (m + 9) % 12
	doy := (153*mp+2)/5 + d - 1
	doe := yoe*365 + yoe/4 - yoe/100 + doy
	return era*146097 + doe, true
}

func daysBetween(a, b string) int {
	x, ok1 := dayNum(a)
	y, ok2 := dayNum(b)
	if !ok1 || !ok2 {
		return 1 << 20
	}
	if x > y {
		return x - y
	}
	return y - x
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
