package event

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"math"
	"sort"
	"strings"

	"github.com/sitrep-project/sitrep/internal/lexicon"
	"github.com/sitrep-project/sitrep/internal/model"
	"github.com/sitrep-project/sitrep/internal/quantity"
)

// finish splits candidates with several actors into one event each,
// merges repeats of one event inside the article, and converts them into
// the model's events.
func (x *Extractor) finish(d *docState, cs []*cand) []model.Event {
	var split []*cand
	for _, c := range cs {
		if len(c.actors) <= 1 {
			split = append(split, c)
			continue
		}
		for _, a := range c.actors {
			cc := *c
			cc.actors = []string{a}
			var ts []codeText
			for _, t := range c.targets {
				if t.code != a {
					ts = append(ts, t)
				}
			}
			cc.targets = ts
			if len(ts) == 0 && cc.f.dyad && x.dyad[a] != "" {
				// "Ukraine and Russia blamed each other for the attacks":
				// each side's attack is on the other.
				cc.targets = []codeText{{code: x.dyad[a]}}
			}
			split = append(split, &cc)
		}
	}
	merge := mergeRepeats
	if x.merge != nil {
		merge = x.merge
	}
	kept := merge(split)
	out := make([]model.Event, 0, len(kept))
	for _, c := range kept {
		if specific := specificItems(c); c.f.typ == model.TypeAid && c.money != nil && len(specific) > 0 {
			// A package's value and what it holds are two facts: "$800
			// million" of aid, and the 800 Stingers in it. Words such as
			// "weapons" or "funds" only say what the money is for.
			value, goods := *c, *c
			value.items, goods.money, goods.items = nil, nil, specific
			out = append(out, x.toModel(d, &value), x.toModel(d, &goods))
			continue
		}
		out = append(out, x.toModel(d, c))
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Evidence.Start < out[j].Evidence.Start })
	return out
}

func actorOf(c *cand) string {
	if len(c.actors) == 0 {
		return ""
	}
	return c.actors[0]
}

func targetSet(c *cand) string {
	codes := codesOf(c.targets)
	sort.Strings(codes)
	return strings.Join(codes, " ")
}

// ownDates reports whether both events are dated by words of their own
// sentences: a date taken from the story before (see inheritTime) is no
// evidence that two mentions are one event.
func ownDates(a, b *cand) bool {
	return a.tx != nil && b.tx != nil && !a.txInherited && !b.txInherited
}

// mergeable reports whether b repeats a: the same type and parties, no
// figure, time or item that contradicts, and, for events an article
// reports many of (attacks, casualties, statements), the same sentence or a
// shared place, time or figure. mergeGroup.reach must stay in step with
// it: it finds the earlier events that each type may repeat at all.
func mergeable(a, b *cand) bool {
	if a.f.typ != b.f.typ || actorOf(a) != actorOf(b) || factual(a) != factual(b) {
		return false
	}
	if ta, tb := targetSet(a), targetSet(b); ta != tb && ta != "" && tb != "" {
		return false
	}
	if a.status != b.status && !oneAmount(a, b) || a.outcome != b.outcome || a.victims != b.victims && a.victims != "" && b.victims != "" {
		return false
	}
	if a.count != nil && b.count != nil && !overlaps(a.count, b.count) {
		return false
	}
	if a.money != nil && b.money != nil && (a.money.Currency != b.money.Currency || !overlaps(a.money, b.money)) {
		return false
	}
	if a.tx != nil && b.tx != nil && (a.tx.End.Before(b.tx.Start) || b.tx.End.Before(a.tx.Start)) {
		return false
	}
	sameSentence := a.s.idx == b.s.idx
	switch a.f.typ {
	case model.TypeAid:
		if len(a.items) > 0 && len(b.items) > 0 && !sharesItem(a, b) {
			return false
		}
		// A package's value and the items it includes stay two facts,
		// unless one sentence says both.
		if !sameSentence && (a.money != nil) != (b.money != nil) && (len(specificItems(a)) > 0) != (len(specificItems(b)) > 0) {
			return false
		}
		if len(a.items) > 0 && len(b.items) > 0 && !qtyAgree(a, b) {
			return false
		}
		return sameSentence || abs(a.s.idx-b.s.idx) <= 3 || len(a.items) == 0 || len(b.items) == 0 || a.money != nil && b.money != nil
	case model.TypeMobilize:
		return true
	case model.TypeDisplacement:
		// Figures of the displaced are told again and again, in
		// round and exact numbers; two counts that differ by more
		// than a tenth are two movements.
		return sameSentence || a.count == nil || b.count == nil || closeCounts(a.count, b.count)
	case model.TypeSanction:
		// Articles return to one sanctions package again and again.
		return true
	case model.TypeAttack:
		// An attack is told over a few sentences; further apart, only a
		// shared place or time makes two mentions one attack.
		if a.tx != nil && b.tx != nil && !a.tx.Start.Equal(b.tx.Start) || dayWithin(a, b) || dayWithin(b, a) {
			return false
		}
		if len(a.places) > 0 && len(b.places) > 0 && !sharesPlace(a, b) {
			return false
		}
		// Two sentences that each name the side that struck, with no
		// place in common, tell two attacks: "Russian troops stormed a
		// village ... Russian aircraft also bombed a fuel depot"; a later
		// "the shelling" names none and repeats the one before.
		if !sameSentence && a.actorM != nil && b.actorM != nil && !sharesPlace(a, b) {
			return false
		}
		return abs(a.s.idx-b.s.idx) <= 2 || sharesPlace(a, b) || ownDates(a, b)
	case model.TypeCasualties:
		// "It is unclear how many sailors were killed ... Russia has
		// confirmed only one death": a toll told next to its losses.
		if (a.count == nil) != (b.count == nil) && abs(a.s.idx-b.s.idx) <= 1 {
			return true
		}
		if sameSentence {
			return true
		}
		shared := a.count != nil && b.count != nil || ownDates(a, b) || sharesPlace(a, b)
		return shared && abs(a.s.idx-b.s.idx) <= 2
	case model.TypeVisit, model.TypeMeet:
		// A trip is told over a few sentences: "Scholz will travel to Kyiv
		// on Monday ... plans to meet Zelenskyy in Kyiv".
		return sameSentence || abs(a.s.idx-b.s.idx) <= 3 || a.s.para == b.s.para
	case model.TypeAccuse, model.TypeDeny:
		// One charge or denial is told over a few sentences: "X accused Y
		// of ...; X said Y had ...".
		return sameSentence || abs(a.s.idx-b.s.idx) <= 2 || a.s.para == b.s.para
	default:
		if sameSentence {
			return true
		}
		shared := a.count != nil && b.count != nil || ownDates(a, b) || sharesPlace(a, b)
		return shared && abs(a.s.idx-b.s.idx) <= 2
	}
}

// closeCounts reports two counts whose lower bounds are within a tenth
// of each other.
func closeCounts(p, q *quantity.Mention) bool {
	if p.Min == nil || q.Min == nil {
		return true
	}
	a, b := *p.Min, *q.Min
	return math.Abs(a-b) <= 0.1*math.Max(a, b)
}

// oneAmount reports two aid readings of one sentence (or of a sentence a
// repeat merged into a came from) that give the same amount: "a support package providing $40bn in aid" names one package
// through several words, whatever tense each is read with.
func oneAmount(a, b *cand) bool {
	return a.f.typ == model.TypeAid && (a.s.idx == b.s.idx || a.sentsIn[b.s.idx]) && a.money != nil && b.money != nil &&
		a.money.Currency == b.money.Currency && sameBounds(a.money, b.money)
}

// sameBounds reports two figures with the same bounds: one amount, not
// merely overlapping ranges ("just under CHF 100m" and "CHF 40m").
func sameBounds(p, q *quantity.Mention) bool {
	eq := func(x, y *float64) bool { return x == nil && y == nil || x != nil && y != nil && *x == *y }
	return eq(p.Min, q.Min) && eq(p.Max, q.Max)
}

// verbReading reports a candidate read from a verb with a tense: a verb
// trigger the tree reads as a finite verb ("had delivered", "signed"), not
// as a participle describing ("a package providing $40bn").
func (c *cand) verbReading() bool {
	t := c.s.tr
	if t == nil || !verbClass(c.hit.tr.class) {
		return false
	}
	w := t.head[c.hit.t0]
	return w >= 0 && t.w[w].UPOS == "VERB" && t.finite(w)
}

// factual reports whether the article holds the candidate true or planned.
func factual(c *cand) bool {
	switch c.modality {
	case model.ModalityNegated, model.ModalityHypothetical, model.ModalityDenied:
		return false
	}
	return true
}

// genericItems name kinds of aid too vague to tell two deliveries apart:
// "weapons" in one sentence and "Javelins" in the next may be one event.
var genericItems = words("genericItems")

func specificItems(c *cand) []itemArg {
	var out []itemArg
	for _, it := range c.items {
		if !genericItems[strings.ToLower(it.name)] {
			out = append(out, it)
		}
	}
	return out
}

func sharesItem(a, b *cand) bool {
	as, bs := specificItems(a), specificItems(b)
	if len(as) == 0 || len(bs) == 0 {
		return true
	}
	for _, x := range as {
		for _, y := range bs {
			if strings.EqualFold(x.name, y.name) {
				return true
			}
		}
	}
	return false
}

// qtyAgree reports whether the quantities of the items both name overlap.
func qtyAgree(a, b *cand) bool {
	for _, x := range a.items {
		for _, y := range b.items {
			if strings.EqualFold(x.name, y.name) && x.qty != nil && y.qty != nil && !overlaps(x.qty, y.qty) {
				return false
			}
		}
	}
	return true
}

func sharesPlace(a, b *cand) bool {
	for _, p := range a.places {
		for _, q := range b.places {
			if p.entry == q.entry {
				return true
			}
		}
	}
	return false
}

func bound(p *float64, open float64) float64 {
	if p == nil {
		return open
	}
	return *p
}

func overlaps(a, b *quantity.Mention) bool {
	return bound(a.Min, math.Inf(-1)) <= bound(b.Max, math.Inf(1)) && bound(b.Min, math.Inf(-1)) <= bound(a.Max, math.Inf(1))
}

// narrower reports whether q says more than p: exact beats hedged, a
// closed range beats an open one.
func narrower(q, p *quantity.Mention) bool {
	width := func(m *quantity.Mention) float64 {
		if m.Min == nil || m.Max == nil {
			return math.Inf(1)
		}
		return *m.Max - *m.Min
	}
	if width(q) != width(p) {
		return width(q) < width(p)
	}
	return !q.Approx && p.Approx
}

// absorb merges b into a, keeping the most specific value of each slot.
func absorb(a, b *cand) {
	a.merged++
	if a.sentsIn == nil {
		a.sentsIn = map[int]bool{}
	}
	a.sentsIn[b.s.idx] = true
	for i := range b.sentsIn {
		a.sentsIn[i] = true
	}
	for _, it := range b.items {
		found := false
		for i := range a.items {
			if strings.EqualFold(a.items[i].name, it.name) {
				found = true
				if it.qty != nil && (a.items[i].qty == nil || narrower(it.qty, a.items[i].qty)) {
					a.items[i].qty = it.qty
				}
			}
		}
		if !found {
			a.items = append(a.items, it)
		}
	}
	if b.count != nil && (a.count == nil || narrower(b.count, a.count)) {
		a.count = b.count
	}
	if a.money == nil {
		a.money = b.money
	}
	if a.status != b.status {
		// One amount read twice (oneAmount): a verb of the clause says
		// what happened to it ("had delivered most of the $350m
		// package"); with none, a sentence that also names it as a
		// package or a pledge does not record a delivery ("a package
		// providing $40bn").
		av, bv := a.verbReading(), b.verbReading()
		if bv && !av || av == bv && a.status == model.StatusDelivered {
			a.status = b.status
		}
	}
	if a.tx == nil || (b.tx != nil && b.tx.End.Sub(b.tx.Start) < a.tx.End.Sub(a.tx.Start)) {
		if b.tx != nil {
			a.tx = b.tx
		}
	}
	if a.src == nil {
		a.src = b.src
	}
	if len(a.targets) == 0 {
		a.targets = b.targets
	}
	if len(specificItems(a)) > 0 {
		a.items = specificItems(a)
	}
	if a.mode == "" {
		a.mode = b.mode
	}
	if a.victims == "" {
		a.victims = b.victims
	}
	for _, p := range b.places {
		if !a.hasPlace(p.entry) {
			a.places = append(a.places, p)
		}
	}
	a.conf = math.Min(0.99, a.conf+0.03)
	a.explain("merged", "a repeat at bytes %d-%d", b.s.toks[b.hit.t0].Start, b.s.toks[b.hit.t1-1].End)
}

func rangeOf(q *quantity.Mention) *model.Range {
	if q == nil {
		return nil
	}
	r := q.Range()
	return &r
}

// toModel converts a candidate into the export schema.
func (x *Extractor) toModel(d *docState, c *cand) model.Event {
	s := c.s
	ev := model.Event{
		Doc:        d.art.Doc,
		Article:    d.art.ID,
		Date:       d.art.DateString(),
		Type:       c.f.typ,
		Status:     c.status,
		Mode:       c.mode,
		Victims:    c.victims,
		Outcome:    c.outcome,
		Modality:   c.modality,
		Additional: c.additional(),
		Confidence: math.Round(c.conf*100) / 100,
		Extractor:  Version,
		Evidence:   model.Evidence{Sentence: s.text[s.start:s.end], Start: s.start, End: s.end},
	}
	if ev.Modality == "" {
		ev.Modality = model.ModalityAsserted
		if c.src != nil {
			ev.Modality = model.ModalityReported
		}
	}
	if a := actorOf(c); a != "" {
		ev.Actor = &model.Actor{Code: a, Name: x.codeName(a), Text: c.actorT}
		if c.actorM != nil {
			sp := s.span(c.actorM.t0, c.actorM.t1)
			ev.Actor.Span = &sp
		}
	}
	for _, t := range c.targets {
		t := t
		act := model.Actor{Code: t.code, Name: x.codeName(t.code), Text: t.text}
		if t.text != "" {
			act.Span = &t.span
		}
		ev.Targets = append(ev.Targets, act)
	}
	for _, it := range c.items {
		it := it
		mi := model.Item{Name: it.name, Category: it.category, Text: it.text, Qty: rangeOf(it.qty)}
		if it.text != "" {
			mi.Span = &it.span
		}
		ev.Items = append(ev.Items, mi)
	}
	if c.money != nil {
		if m, ok := c.money.Money(); ok {
			ev.Money = &m
		}
	}
	ev.Count = rangeOf(c.count)
	if c.tx != nil {
		sp := c.tx.Span
		ev.Time = &model.Time{Start: c.tx.Start.Format(model.DateLayout), End: c.tx.End.Format(model.DateLayout),
			Precision: c.tx.Precision, Value: c.tx.Value, Text: c.tx.Text, Span: &sp}
		if c.tx.Signal == "since" {
			ev.Time.End = d.art.DateString()
		}
	}
	for _, p := range c.places {
		p := p
		lat, lon := p.entry.Lat, p.entry.Lon
		ev.Places = append(ev.Places, model.Place{Name: p.entry.Name, Country: p.entry.Country, Lat: &lat, Lon: &lon, Text: p.text, Span: &p.span})
	}
	if c.src != nil {
		sp := c.src.span
		ev.Source = &model.Source{Name: c.src.name, Kind: c.src.kind, Text: c.src.text, Span: &sp}
	}
	if x.explain {
		ev.Explain = c.why
	}
	h := sha256.New()
	fmt.Fprintf(h, "%s|%s|%s|%d|%s", d.art.ID, ev.Type, actorOf(c), s.toks[c.hit.t0].Start, targetSet(c))
	for _, it := range c.items {
		h.Write([]byte("|" + it.name))
	}
	ev.ID = hex.EncodeToString(h.Sum(nil)[:8])
	return ev
}

// codeName returns the canonical name of an actor code.
func (x *Extractor) codeName(code string) string {
	for _, k := range []lexicon.Kind{lexicon.KindState, lexicon.KindOrg, lexicon.KindGroup} {
		if e := x.lex.Get(k, code); e != nil {
			return e.Name
		}
	}
	return ""
}
