package event

import (
	"sort"

	"github.com/sitrep-project/sitrep/internal/lexicon"
	"github.com/sitrep-project/sitrep/internal/model"
)

// Merging repeats once compared each candidate with every event kept
// before it. A long page that returns to its events again and again (a
// live blog, a page repeating one report in every paragraph) keeps
// thousands of events, and comparing each new one with all of them made
// extraction quadratic: 16,000 sentences took a quarter of a minute in
// this step alone. mergeRepeats compares a candidate only with the kept
// events that mergeable could accept, found through an index, in the
// order the pairwise scan meets them; the first that merges is the same.

// maxMergeTries bounds how many earlier events one candidate is compared
// with, the latest of those its index offers. Only an article that reports
// hundreds of events of one type by one actor, told far apart and none a
// repeat of another, reaches it; there a repeat is looked for among the
// latest, since a story returns to an event near where it told it.
const maxMergeTries = 256

// mergeKey holds the slots mergeable requires to be equal and absorb never
// changes: only events of one key may be repeats of each other.
type mergeKey struct {
	typ     model.EventType
	actor   string
	factual bool
	outcome string
}

func keyOf(c *cand) mergeKey {
	return mergeKey{typ: c.f.typ, actor: actorOf(c), factual: factual(c), outcome: c.outcome}
}

// dayKey is the instant a time expression starts, as a map key.
type dayKey struct {
	sec  int64
	nsec int
}

// ownDay returns the start of the candidate's own date, if it has one (see
// ownDates).
func ownDay(c *cand) (dayKey, bool) {
	if c.tx == nil || c.txInherited {
		return dayKey{}, false
	}
	return dayKey{c.tx.Start.Unix(), c.tx.Start.Nanosecond()}, true
}

// mergeGroup indexes the kept events of one key by their positions in the
// kept list. Every list is in kept order. The lists may hold positions of
// events that no longer fit them (an event kept without items that took
// items in later); mergeable sorts those out.
type mergeGroup struct {
	all    []int
	bySent map[int][]int
	byPara map[int][]int
	// Aid: events kept without items, and events with money.
	noItems, money []int
	// Attacks: events by place, and by the day of their own date.
	byPlace map[*lexicon.Entry][]int
	byDay   map[dayKey][]int
}

// keptState is what the index holds of one kept event, so that what the
// event takes in from its repeats is indexed too.
type keptState struct {
	money  bool
	places int // how many of its places are indexed
	day    dayKey
	dated  bool
}

func newMergeGroup() *mergeGroup {
	return &mergeGroup{bySent: map[int][]int{}, byPara: map[int][]int{}, byPlace: map[*lexicon.Entry][]int{}, byDay: map[dayKey][]int{}}
}

// add indexes the newly kept event c at position pos.
func (g *mergeGroup) add(pos int, c *cand, st *keptState) {
	g.all = append(g.all, pos)
	g.bySent[c.s.idx] = append(g.bySent[c.s.idx], pos)
	g.byPara[c.s.para] = append(g.byPara[c.s.para], pos)
	if len(c.items) == 0 {
		// Items are only ever added to an event, so one kept without
		// them is the only kind that may lack them later.
		g.noItems = append(g.noItems, pos)
	}
	g.update(pos, c, st)
}

// update indexes what the event at pos has gained since it was last
// indexed: money, places, its own date.
func (g *mergeGroup) update(pos int, c *cand, st *keptState) {
	if c.money != nil && !st.money {
		st.money = true
		g.money = insertPos(g.money, pos)
	}
	for _, p := range c.places[st.places:] {
		g.byPlace[p.entry] = insertPos(g.byPlace[p.entry], pos)
	}
	st.places = len(c.places)
	if day, ok := ownDay(c); ok && (!st.dated || day != st.day) {
		st.day, st.dated = day, true
		g.byDay[day] = insertPos(g.byDay[day], pos)
	}
}

// insertPos adds pos to the ordered list ps, unless it is there.
func insertPos(ps []int, pos int) []int {
	i := sort.SearchInts(ps, pos)
	if i < len(ps) && ps[i] == pos {
		return ps
	}
	ps = append(ps, 0)
	copy(ps[i+1:], ps[i:])
	ps[i] = pos
	return ps
}

// reach appends to buf, in kept order, the positions of the kept events
// that c may repeat, following mergeable: at most maxMergeTries of them,
// the latest.
func (g *mergeGroup) reach(c *cand, buf []int) []int {
	near := func(window int) {
		for i := c.s.idx - window; i <= c.s.idx+window; i++ {
			buf = append(buf, g.bySent[i]...)
		}
	}
	switch c.f.typ {
	case model.TypeAid:
		if len(c.items) == 0 {
			return append(buf, latest(g.all)...)
		}
		// Told more than three sentences apart, aid merges only where
		// one of the two names no items or both name money.
		near(3)
		buf = append(buf, latest(g.noItems)...)
		if c.money != nil {
			buf = append(buf, latest(g.money)...)
		}
	case model.TypeAttack:
		// Told more than two sentences apart, attacks merge only where
		// they share a place, or both are dated by their own words to
		// the same start.
		near(2)
		for _, p := range c.places {
			buf = append(buf, latest(g.byPlace[p.entry])...)
		}
		if day, ok := ownDay(c); ok {
			buf = append(buf, latest(g.byDay[day])...)
		}
	case model.TypeMobilize, model.TypeDisplacement, model.TypeSanction:
		return append(buf, latest(g.all)...)
	case model.TypeVisit, model.TypeMeet:
		near(3)
		buf = append(buf, latest(g.byPara[c.s.para])...)
	case model.TypeAccuse, model.TypeDeny:
		near(2)
		buf = append(buf, latest(g.byPara[c.s.para])...)
	default:
		// Casualties and the rest: the same sentence, or a shared
		// figure, date or place at most two sentences away.
		near(2)
	}
	sort.Ints(buf)
	return latest(compactInts(buf))
}

// latest returns the last maxMergeTries positions of ps.
func latest(ps []int) []int {
	if len(ps) > maxMergeTries {
		return ps[len(ps)-maxMergeTries:]
	}
	return ps
}

// compactInts drops repeated values from an ordered list.
func compactInts(ps []int) []int {
	out := ps[:0]
	for i, p := range ps {
		if i == 0 || p != ps[i-1] {
			out = append(out, p)
		}
	}
	return out
}

// mergeRepeats merges every candidate into the first earlier one it
// repeats (see mergeable) and returns the rest, in order.
func mergeRepeats(split []*cand) []*cand {
	var kept []*cand
	var states []keptState
	groups := map[mergeKey]*mergeGroup{}
	var buf []int
	for _, c := range split {
		key := keyOf(c)
		g := groups[key]
		if g == nil {
			g = newMergeGroup()
			groups[key] = g
		}
		buf = g.reach(c, buf[:0])
		merged := false
		for _, pos := range buf {
			if k := kept[pos]; mergeable(k, c) {
				absorb(k, c)
				g.update(pos, k, &states[pos])
				merged = true
				break
			}
		}
		if !merged {
			states = append(states, keptState{})
			g.add(len(kept), c, &states[len(states)-1])
			kept = append(kept, c)
		}
	}
	return kept
}
