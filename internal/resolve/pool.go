package resolve

import (
	"context"
	"fmt"
	"sort"

	"github.com/sitrep-project/sitrep/internal/model"
)

// blockDays is the number of days the pool reads from the store at once:
// a type's merge window (up to 45 days each side for aid) spans a few
// blocks, and a block once read serves every event near it.
const blockDays = 16

// keepBatches is how many batches a block stays in the pool after one
// last used it, whatever the pool holds: articles arrive roughly in date
// order, so the blocks a batch uses are mostly those the one before used.
const keepBatches = 2

// poolBudget (a variable for tests) is the number of records past which
// the pool lets go of the blocks least recently used (other than those of
// the last keepBatches batches). It bounds the pool's memory, by about a
// hundred megabytes, whatever the store holds. At 300 articles a day the
// blocks a batch of news reads (aid's, the widest, span some 110 days)
// hold about 55,000 records, well within it.
var poolBudget = 100000

// pool holds the candidate records of recent batches, by type and actor,
// in blocks of days read from the store's merge index once each. A
// record is held as its summary (model.DecodeSummary) until an event
// joins it, and then read whole.
type pool struct {
	st    Store
	ctx   context.Context
	batch int                       // the current batch's number
	byKey map[string]map[int]*block // type|actor -> block number -> block
	ids   map[string]bool           // the records held
	// partial marks records held as summaries; wholeSince, the batch in
	// which each record held whole was last changed.
	partial    map[string]bool
	wholeSince map[string]*wholeRec
	// wholeHeld counts the reports of the records held whole, kept as
	// they change rather than summed each batch over thousands of records.
	wholeHeld int
}

// wholeRec is a record held whole, and the batch that last changed it.
type wholeRec struct {
	rec   *model.Record
	batch int
}

// block is the records of one type and actor filed in blockDays days.
type block struct {
	loaded bool // read from the store (else it holds only records moved in)
	used   int  // the last batch that used it
	days   map[int][]entry
}

// entry is a pooled record with the few facts that rule most pairings
// out (mayMatch) kept beside its pointer, so that ruling out the
// thousands of records in a window reads adjacent memory rather than
// each record's.
type entry struct {
	rec *model.Record
	sig signature
}

func newPool(st Store) *pool {
	return &pool{st: st, byKey: map[string]map[int]*block{}, ids: map[string]bool{}, partial: map[string]bool{},
		wholeSince: map[string]*wholeRec{}}
}

// blockOf is the block a day number falls in.
func blockOf(day int) int {
	if day < 0 {
		return (day+1)/blockDays - 1
	}
	return day / blockDays
}

// startBatch begins a batch. Past wholeBudget reports held whole, the
// records changed least recently are held as summaries again (summarise).
// Past poolBudget records, the blocks least recently used leave the pool,
// oldest first.
func (p *pool) startBatch() {
	p.batch++
	p.summarise()
	if p.size() <= poolBudget {
		return
	}
	type aged struct {
		key  string
		n    int
		used int
	}
	var old []aged
	for k, blocks := range p.byKey {
		for n, b := range blocks {
			if p.batch-b.used > keepBatches {
				old = append(old, aged{k, n, b.used})
			}
		}
	}
	sort.Slice(old, func(i, j int) bool { return old[i].used < old[j].used })
	for _, a := range old {
		if p.size() <= poolBudget {
			break
		}
		blocks := p.byKey[a.key]
		for _, es := range blocks[a.n].days {
			for _, e := range es {
				delete(p.ids, e.rec.ID)
				delete(p.partial, e.rec.ID)
				if _, ok := p.wholeSince[e.rec.ID]; ok {
					p.wholeHeld -= len(e.rec.Mentions)
					delete(p.wholeSince, e.rec.ID)
				}
			}
		}
		delete(blocks, a.n)
		if len(blocks) == 0 {
			delete(p.byKey, a.key)
		}
	}
}

// wholeBudget (a variable for tests) is the number of reports, in records
// held whole, past which the records least recently changed are held as
// summaries again. A
// report held whole is its event, about a kilobyte and a half; read
// again, it is a query and a JSON decoding, so the records most likely to
// be reported again stay whole: those changed most recently.
var wholeBudget = 50000

// summarise holds records whole within wholeBudget reports, keeping
// those changed most recently.
func (p *pool) summarise() {
	if p.wholeHeld <= wholeBudget {
		return
	}
	ws := make([]*wholeRec, 0, len(p.wholeSince))
	for _, w := range p.wholeSince {
		ws = append(ws, w)
	}
	sort.Slice(ws, func(i, j int) bool {
		if ws[i].batch != ws[j].batch {
			return ws[i].batch < ws[j].batch
		}
		return ws[i].rec.ID < ws[j].rec.ID
	})
	// Down to nine tenths of the budget, not less: a batch that crosses
	// it pays for a few records, not for half the pool at once (adding one
	// article took 100 to 190 ms once in some fifty times, each time
	// this let half the budget go).
	for _, w := range ws {
		if p.wholeHeld <= wholeBudget*9/10 {
			break
		}
		p.wholeHeld -= len(w.rec.Mentions)
		*w.rec = *model.Summary(w.rec)
		p.partial[w.rec.ID] = true
		delete(p.wholeSince, w.rec.ID)
	}
}

// size is the number of records the pool holds.
func (p *pool) size() int { return len(p.ids) }

// candidates returns the records that may match an event (mayMatchSig)
// among those of its type with its actor or none, filed within the
// type's window of day, the event's own day or another one it may be
// filed by. An event without an actor is compared only with records
// without one: against every actor's records it would cost a scan of the
// window and rarely find its record.
func (p *pool) candidates(ev *model.Event, day string) ([]*model.Record, error) {
	d, ok := dayNum(day)
	if !ok {
		return nil, nil
	}
	typ, actor := ev.Type, actorCode(ev.Actor)
	es := signatureOf(ev.Type, ev.Money != nil, ev.Items, ev.Places, ev.Count, eventDay(ev))
	w := window(typ)
	keys := []string{string(typ) + "|" + actor}
	if actor != "" {
		keys = append(keys, string(typ)+"|")
	}
	// The candidates' order decides nothing: pairings are ranked by score,
	// then event, then record id (resolveBatch).
	var out []*model.Record
	for _, k := range keys {
		for n := blockOf(d - w); n <= blockOf(d+w); n++ {
			b, err := p.block(k, typ, k[len(typ)+1:], n)
			if err != nil {
				return nil, err
			}
			for x := max(d-w, n*blockDays); x <= min(d+w, n*blockDays+blockDays-1); x++ {
				for i := range b.days[x] {
					if e := &b.days[x][i]; mayMatchSig(typ, &e.sig, &es) {
						out = append(out, e.rec)
					}
				}
			}
		}
	}
	return out, nil
}

// block returns a block of a type and actor's records ("" for those
// without one), reading it from the store the first time.
func (p *pool) block(k string, typ model.EventType, actor string, n int) (*block, error) {
	blocks := p.byKey[k]
	if blocks == nil {
		blocks = map[int]*block{}
		p.byKey[k] = blocks
	}
	b := blocks[n]
	if b == nil {
		b = &block{days: map[int][]entry{}}
		blocks[n] = b
	}
	b.used = p.batch
	if b.loaded {
		return b, nil
	}
	recs, err := p.st.Candidates(p.ctx, typ, actor, dayString(n*blockDays), dayString(n*blockDays+blockDays-1))
	if err != nil {
		return nil, err
	}
	for _, r := range recs {
		if p.add(r) {
			p.partial[r.ID] = true
		}
	}
	b.loaded = true
	return b, nil
}

// dayString is the YYYY-MM-DD date of a day number.
func dayString(n int) string {
	// Civil from days, the inverse of dayNum.
	z := n
	era := z / 146097
	if z < 0 && z%146097 != 0 {
		era--
	}
	doe := z - era*146097
	yoe := (doe - doe/1460 + doe/36524 - doe/146096) / 365
	y := yoe + era*400
	doy := doe - (365*yoe + yoe/4 - yoe/100)
	mp := (5*doy + 2) / 153
	d := doy - (153*mp+2)/5 + 1
	m := mp + 3
	if m > 12 {
		m -= 12
	}
	if m <= 2 {
		y++
	}
	return fmt.Sprintf("%04d-%02d-%02d", y, m, d)
}

// add puts a record in the pool unless it is there, and says whether it
// was added.
func (p *pool) add(r *model.Record) bool {
	if p.ids[r.ID] {
		return false
	}
	p.ids[r.ID] = true
	p.file(r)
	return true
}

// file puts a record in its day's block.
func (p *pool) file(r *model.Record) {
	k := string(r.Type) + "|" + actorCode(r.Actor)
	blocks := p.byKey[k]
	if blocks == nil {
		blocks = map[int]*block{}
		p.byKey[k] = blocks
	}
	d, _ := dayNum(r.Day)
	b := blocks[blockOf(d)]
	if b == nil {
		// A block not read yet: it holds the record until it is read,
		// when the store's older copy is skipped (add).
		b = &block{days: map[int][]entry{}}
		blocks[blockOf(d)] = b
	}
	b.used = p.batch
	b.days[d] = append(b.days[d], entry{r, signatureOf(r.Type, r.Money != nil, r.Items, r.Places, r.Count, r.Day)})
}

// refile files a record again after its slots changed: at its new day
// and actor, with its signature anew.
func (p *pool) refile(r *model.Record, oldKey string, oldDay int) {
	if b := p.byKey[oldKey][blockOf(oldDay)]; b != nil {
		list := b.days[oldDay]
		for i, x := range list {
			if x.rec == r {
				b.days[oldDay] = append(list[:i:i], list[i+1:]...)
				break
			}
		}
	}
	p.file(r)
}

// reported notes one more report added to a record held whole.
func (p *pool) reported() { p.wholeHeld++ }

// changing notes that a record held whole changes in this batch.
func (p *pool) changing(r *model.Record) {
	p.wholeSince[r.ID] = &wholeRec{r, p.batch}
}

// whole makes a pooled summary a whole record, in place, and notes that
// it changes in this batch.
func (p *pool) whole(r *model.Record) error {
	p.changing(r)
	if !p.partial[r.ID] {
		return nil
	}
	full, err := p.st.Record(p.ctx, r.ID)
	if err != nil {
		return fmt.Errorf("reading record %s: %w", r.ID, err)
	}
	*r = *full
	p.wholeHeld += len(r.Mentions)
	delete(p.partial, r.ID)
	return nil
}
