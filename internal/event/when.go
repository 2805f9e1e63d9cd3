package event

import (
	"strings"

	"sync"
	"time"

	"github.com/sitrep-project/sitrep/internal/model"
	"github.com/sitrep-project/sitrep/internal/timex"
)

// findTime fills the time: the date expression in the clause nearest the
// trigger, else the nearest in the sentence. A date that belongs to
// another event of the sentence, to the report of the event or to the
// words a speaker reports is passed over; a deadline ("by the end of the
// year") is taken only when nothing else dates the event.
func (c *cand) findTime() {
	s := c.s
	pick := func(l, r int) *mention {
		var best *mention
		bd, bdl := 0, false
		for i := l; i < r; i++ {
			m := s.mentionAt(i)
			if m == nil {
				continue
			}
			i = m.t1 - 1
			if m.kind != mTime || m.tx.Start.IsZero() || (m.tx.Type != "DATE" && m.tx.Type != "TIME") {
				continue
			}
			if c.reportTime(m) {
				// "Blinken, on Wednesday, announced that he will be
				// visiting": the date is the announcement's.
				continue
			}
			if !c.ownsTime(m) && m.tx.Signal != "since" {
				// "the weapons that Berlin promised on Saturday had
				// arrived": the date is the promise's.
				continue
			}
			if speech[c.f.typ] && c.inReportedWords(m) {
				// "Lukashenko claimed that last week missiles had been
				// fired": the date is the missiles', not the claim's.
				continue
			}
			d := abs(m.t0 - c.hit.t0)
			dl := deadline[m.tx.Signal]
			if best == nil || bdl && !dl || bdl == dl && d < bd {
				best, bd, bdl = m, d, dl
			}
		}
		return best
	}
	if tx := c.sinceAnchor(c.l, c.r); tx != nil && runningFigure[c.f.typ] {
		c.tx = tx
		c.explain("time", "%q, the start of the war -> since %s", tx.Text, tx.Value)
		return
	}
	m := pick(max(c.l, c.own), c.r)
	if m == nil && (c.own > c.l || c.whole > c.r) {
		// Joined clauses with no time of their own share the time of
		// the clause they join: "shelled Kharkiv and struck Kyiv on
		// Tuesday".
		m = pick(c.l, max(c.r, c.whole))
	}
	if m != nil {
		c.tx = c.widen(m)
		c.explain("time", "%q -> %s", m.tx.Text, m.tx.Value)
		return
	}
	if m := c.nounClauseTime(); m != nil {
		c.tx = m.tx
		c.explain("time", "%q, in the clause that tells of the event -> %s", m.tx.Text, m.tx.Value)
		return
	}
	// "Eleven people died on Thursday when a rocket struck a bus
	// depot": a clause of time or cause shares the main clause's
	// date.
	if c.l > 0 && timeClause[s.low[c.l-1]] || c.r < len(s.low) && timeClause[s.low[c.r]] {
		if m := pick(0, len(s.low)); m != nil && m.tx.Signal != "since" {
			tx, ok := c.offsetFrom(m)
			if !ok {
				return
			}
			c.tx = tx
			c.explain("time", "%q, of the clause it is joined to -> %s", m.tx.Text, tx.Start.Format(model.DateLayout))
		}
	}
}

// timeClause are the words that join a clause happening at the same time
// as the one before or after it.
var timeClause = words("timeClause")

// runningFigure are the types whose figures may run since a day ("killed
// since the invasion began"); "the first talks since the invasion" are not
// dated by it.
var runningFigure = setOf(model.TypeCasualties, model.TypeDisplacement)

// deadline are the signals of a time by which something is to be done or
// until which it lasts: "agreed on Monday to ban imports by the end of the
// year" happened on Monday.
var deadline = words("deadline")

// reportTime reports whether time m dates the report of the event rather
// than the event: a reporting verb stands between the two ("Blinken, on
// Wednesday, announced that he will be visiting"; "two people were
// killed, officials said on Friday"). A pledge or a speech act is made in
// the words reported, so the report's date is its own: "Blinken said on
// Monday Washington would provide $322 million", "Finland is sending
// 1,500 anti-tank weapons, the government said on Monday".
func (c *cand) reportTime(m *mention) bool {
	if !reportedBetween(c.s, m, c.hit.t0, c.hit.t1) && !c.reportDatedInTree(m) {
		return false
	}
	if speech[c.f.typ] || c.hit.tr.class == classPledge {
		return false
	}
	// Aid is dated by its announcement, as aid trackers date it; a visit
	// or talks planned come after the words that announce them.
	return c.f.typ != model.TypeAid
}

// reportDatedInTree reports a time the tree attaches to a reporting verb
// that governs a trip or meeting still to come: "Peskov said on Tuesday
// that Putin will travel to Iran" dates the saying.
func (c *cand) reportDatedInTree(m *mention) bool {
	s := c.s
	t, v := s.tr, c.trigWord()
	if v < 0 || !reportDatedTypes[c.f.typ] || t == nil || !toCome(t, v) {
		// A figure, a sanction or a gift is dated by the words that
		// give it: "the IOM said on Tuesday that 7.1 million had fled";
		// an event told as done is dated, failing its own date, by its
		// report ("said on Tuesday that troops had shelled the town").
		return false
	}
	if m.t0 >= 1 && m.t1 < len(s.low) && s.low[m.t1] == "that" && m.t1 < c.hit.t0 {
		// "said on Tuesday that Putin would travel": a time between a
		// reporting verb and "that", however the parser reads it.
		k := m.t0 - 1
		if preps[s.low[k]] && k >= 1 {
			k--
		}
		if reportVerbAt(s, k) {
			return true
		}
	}
	w := mentionHead(s, m)
	if w < 0 {
		return false
	}
	p := t.parent(w)
	if p < 0 || p == v || !reportVerbAt(s, t.tok[p]) || !t.dominates(p, v) || t.dominates(w, v) {
		return false
	}
	// The time stands outside the reported clause, between the verb and
	// what it reports: a time the parser hung on the verb from inside
	// the clause ("said a strike last week had killed") is the event's.
	for k := range t.w {
		if t.dominates(v, k) && t.tok[k] < m.t1 {
			return false
		}
	}
	return m.t0 > t.tok[p]
}

// toCome reports a verb told as still to come: with "will", "would" or
// "to" ("would travel to Iran", "plans to visit").
func toCome(t *tree, v int) bool {
	if t.infinitive(v) {
		return true
	}
	for _, a := range t.children(v, "aux") {
		if futures[strings.ToLower(t.w[a].Form)] {
			return true
		}
	}
	return false
}

// reportDatedTypes are the events a report's own date does not date:
// an attack, a trip or a meeting happens when it happens, whenever it is
// told.
var reportDatedTypes = setOf(model.TypeAttack, model.TypeCyberattack, model.TypeVisit, model.TypeMeet, model.TypeTalks)

// reportedBetween reports a reporting verb between a time mention and the
// trigger at [t0, t1), which makes the time the report's, not the event's.
func reportedBetween(s *sent, m *mention, t0, t1 int) bool {
	lo, hi := m.t1, t0
	if m.t0 >= t1 {
		lo, hi = t1, m.t0
	} else if m.t0 > t0 {
		return false
	}
	for k := lo; k < hi; k++ {
		if reportVerbAt(s, k) {
			return true
		}
	}
	return false
}

// ownsTime reports whether time m is the trigger's rather than another
// event's of the same kind in the sentence. The nearer trigger of the
// figures' rule (owns) takes the time, except where the two tell one
// event or one date: triggers joined by "and" ("5,587 civilians killed
// and 7,890 injured between February 24 and August 21"), a verb and the
// event noun it governs ("on Wednesday ordered a general mobilisation"),
// and a trigger in a clause that begins after the time ("warned on June 21
// that Moscow would respond").
func (c *cand) ownsTime(m *mention) bool {
	if c.owns(m) {
		return true
	}
	s := c.s
	for _, h := range s.trigs {
		if h.f != c.f || h.t0 == c.hit.t0 || h.t0 < c.l || h.t1 > c.r {
			continue
		}
		if c.ownsAgainst(h, m) {
			continue
		}
		// h is nearer than the trigger: it keeps the time unless it is
		// tied to the trigger.
		lo, hi := h.t1, c.hit.t0
		if h.t0 > c.hit.t0 {
			lo, hi = c.hit.t1, h.t0
		}
		if lo > hi {
			continue
		}
		switch {
		case joinedBy(s, lo, hi):
		case h.t0 < c.hit.t0 && h.tr.class != classNoun && c.hit.tr.class == classNoun && hi-lo <= 4 && !clauseBreak(s, lo, hi):
		case m.t1 <= h.t0 && m.t0 >= c.hit.t1 && complementBetween(s, m.t1, h.t0):
		default:
			return false
		}
	}
	return true
}

// ownsAgainst reports whether the candidate's trigger is at least as near
// time m as trigger h.
func (c *cand) ownsAgainst(h trigHit, m *mention) bool {
	near := func(t trigHit) int {
		switch {
		case m.t1 <= t.t0:
			return t.t0 - m.t1
		case m.t0 >= t.t1:
			return m.t0 - t.t1
		}
		return 0
	}
	return near(c.hit) <= near(h)
}

// joinedBy reports whether tokens [lo, hi) hold "and" or "or" and no
// clause break: "killed and 7,890 injured", "killing 35 people and wounding
// 134".
func joinedBy(s *sent, lo, hi int) bool {
	j := s.joinCounts()
	return j.breaks[hi]-j.breaks[lo] == 0 && j.conjs[hi]-j.conjs[lo] > 0
}

// joins counts, for each token boundary k of a sentence, the clause breaks
// (a word opening a relative or complement clause, a reporting verb) and
// the words "and" and "or" before it. joinedBy asks of the span between
// every two triggers of a sentence; counting each span anew made a long
// sentence cost the cube of its length.
type joins struct {
	breaks, conjs []int32
}

// joinCounts returns the sentence's joins, counting them on first use,
// once its mentions are final.
func (s *sent) joinCounts() *joins {
	if s.joins != nil {
		return s.joins
	}
	j := &joins{breaks: make([]int32, len(s.low)+1), conjs: make([]int32, len(s.low)+1)}
	for k, w := range s.low {
		j.breaks[k+1], j.conjs[k+1] = j.breaks[k], j.conjs[k]
		if relOpeners[w] || reportVerbAt(s, k) {
			j.breaks[k+1]++
		}
		if w == "and" || w == "or" {
			j.conjs[k+1]++
		}
	}
	s.joins = j
	return j
}

// clauseBreak reports punctuation or a word that opens a clause in [lo, hi).
func clauseBreak(s *sent, lo, hi int) bool {
	for k := lo; k < hi; k++ {
		switch s.low[k] {
		case ",", ";", ":", "(", ")", "—", "–", "-":
			return true
		}
		if relOpeners[s.low[k]] || timeClause[s.low[k]] {
			return true
		}
	}
	return false
}

// complementBetween reports a word opening a that-clause in [lo, hi): a
// time before it is the main verb's.
func complementBetween(s *sent, lo, hi int) bool {
	for k := lo; k < hi; k++ {
		if s.low[k] == "that" {
			return true
		}
	}
	return false
}

// relOpeners open a relative or complement clause.
var relOpeners = words("relOpeners")

// shortlyWords before "after" or "before" keep a time close to the event:
// "hours after the attack".
var shortlyWords = words("shortlyWords")

// inReportedWords reports whether time m stands in the clause a speech
// trigger reports ("claimed that last week ...", "warned that the talks on
// Friday would fail"): after the trigger and after a "that" that follows
// it.
func (c *cand) inReportedWords(m *mention) bool {
	if m.t0 < c.hit.t1 {
		return false
	}
	return complementBetween(c.s, c.hit.t1, m.t0)
}

// nounClauseTime returns the time of a relative clause whose subject is an
// event noun: "the second round of talks, which took place late on
// Wednesday", "the summit that opened in Madrid on Tuesday".
func (c *cand) nounClauseTime() *mention {
	s := c.s
	if c.hit.tr.class != classNoun {
		return nil
	}
	// The clause may follow a short phrase that completes the noun:
	// "the talks with Russia, which took place on Monday".
	k := c.hit.t1
	for k < len(s.low) && k < c.hit.t1+6 && !relOpeners[s.low[k]] && !clauseBreak(s, k, k+1) {
		k++
	}
	if k < len(s.low) && s.low[k] == "," {
		k++
	}
	if k+1 >= len(s.low) || !relOpeners[s.low[k]] || s.low[k] == "who" || s.low[k] == "whom" {
		return nil
	}
	// The relative word must be the clause's subject: a verb follows it
	// ("which took place"), not a subject of its own ("that Russia
	// demanded").
	if s.mentionAt(k+1) != nil && s.mentionAt(k+1).kind != mTime || articles[s.low[k+1]] {
		return nil
	}
	for j := k + 1; j < len(s.low) && j < k+12; j++ {
		switch s.low[j] {
		case ",", ";", ":", ".":
			return nil
		}
		if m := s.mentionAt(j); m != nil && m.kind == mTime && !m.tx.Start.IsZero() && (m.tx.Type == "DATE" || m.tx.Type == "TIME") {
			return m
		}
	}
	return nil
}

// articles are the determiners that open a noun phrase.
var articles = words("articles")

// offsetFrom dates a clause joined to another by "a day after", "two days
// before" or "hours after", from m, the date of the other clause: "the
// rescue went on on Tuesday, a day after the mall was struck" dates the
// strike Monday. A vague distance ("weeks after") gives no date.
func (c *cand) offsetFrom(m *mention) (*timex.Expr, bool) {
	s := c.s
	j := -1 // the joining word
	if c.l > 0 && timeClause[s.low[c.l-1]] {
		j = c.l - 1
	}
	if j < 0 || (s.low[j] != "after" && s.low[j] != "before") || j == 0 {
		return m.tx, true
	}
	if m.t0 >= c.l && m.t0 < c.r {
		return m.tx, true
	}
	if shortlyWords[s.low[j-1]] {
		return m.tx, true
	}
	d := s.mentionAt(j - 1)
	if d == nil || d.kind != mTime || d.tx.Type != "DURATION" {
		return m.tx, true
	}
	n, ok := durationDays(d.tx.Value)
	if !ok {
		return nil, false
	}
	if m.t0 >= c.l {
		// The dated clause is the joined one: nothing to count from.
		return m.tx, true
	}
	if s.low[j] == "after" {
		n = -n
	}
	tx := *m.tx
	tx.Start = tx.Start.AddDate(0, 0, n)
	tx.End = tx.Start
	tx.Precision = timex.PrecisionDay
	tx.Value = tx.Start.Format(model.DateLayout)
	return &tx, true
}

// durationDays reads a TIMEX3 duration of whole days or weeks ("P1D",
// "P2W"); other values are too vague to count with.
func durationDays(v string) (int, bool) {
	if len(v) < 3 || v[0] != 'P' {
		return 0, false
	}
	n := 0
	for _, r := range v[1 : len(v)-1] {
		if r < '0' || r > '9' {
			return 0, false
		}
		n = n*10 + int(r-'0')
	}
	switch v[len(v)-1] {
	case 'D':
		return n, true
	case 'W':
		return 7 * n, true
	}
	return 0, false
}

// widen joins a day to the day named right after it with "and": "will
// travel to Poland on Friday and Saturday" covers both days.
func (c *cand) widen(m *mention) *timex.Expr {
	s := c.s
	k := m.t1
	if k+1 >= len(s.low) || s.low[k] != "and" {
		return m.tx
	}
	n := s.mentionAt(k + 1)
	if n == nil || n.kind != mTime || n.tx.Type != "DATE" || n.tx.Precision != timex.PrecisionDay || m.tx.Precision != timex.PrecisionDay {
		return m.tx
	}
	if !n.tx.Start.After(m.tx.End) || n.tx.Start.Sub(m.tx.End) > 6*24*time.Hour {
		return m.tx
	}
	tx := *m.tx
	tx.End = n.tx.End
	return &tx
}

// sinceAnchor dates a running figure or state told "since" the start of
// the war, in words ("since the invasion began") or with the date in a
// clause of its own ("since Russia launched its offensive on 24
// February"): the event runs from that day on.
func (c *cand) sinceAnchor(l, r int) *timex.Expr {
	s := c.s
	for k := l; k < r; k++ {
		if s.low[k] != "since" {
			continue
		}
		if m := s.mentionAt(k + 1); m != nil && m.kind == mTime {
			continue // "since February 24": the time itself says it
		}
		if tx := warStart(s, k+1); tx != nil {
			return tx
		}
		// "since Russia invaded on February 24": the first date of the
		// clause "since" opens, before any other clause begins.
		for j := k + 1; j < r && j < k+12; j++ {
			if clauseBreak(s, j, j+1) || s.low[j] == "and" {
				break
			}
			if m := s.mentionAt(j); m != nil && m.kind == mTime && m.tx.Type == "DATE" && m.tx.Precision == timex.PrecisionDay && !m.tx.Start.IsZero() {
				tx := *m.tx
				tx.Signal = "since"
				return &tx
			}
		}
	}
	return nil
}

// warStarts holds the phrases of data/warstart.tsv, by first word.
var warStarts struct {
	once    sync.Once
	phrases map[string][]warStartRow
}

type warStartRow struct {
	words []string
	day   time.Time
}

// loadWarStarts reads data/warstart.tsv once.
func loadWarStarts() {
	warStarts.once.Do(func() {
		warStarts.phrases = map[string][]warStartRow{}
		err := readTSV("data/warstart.tsv", []string{"phrase", "day"}, func(line int, f []string) error {
			words, err := cuePhrase(f[0])
			if err != nil {
				return err
			}
			d, err := time.Parse(model.DateLayout, f[1])
			if err != nil {
				return err
			}
			warStarts.phrases[words[0]] = append(warStarts.phrases[words[0]], warStartRow{words, d})
			return nil
		})
		if err != nil {
			panic("event: data/warstart.tsv: " + err.Error()) // a build error, caught by the tests
		}
	})
}

// warStartDay is the first day data/warstart.tsv names: the day the war
// sitrep follows began.
func warStartDay() time.Time {
	loadWarStarts()
	var first time.Time
	for _, rows := range warStarts.phrases {
		for _, r := range rows {
			if first.IsZero() || r.day.Before(first) {
				first = r.day
			}
		}
	}
	return first
}

// warStart returns the day a phrase at token k names as the start of the
// war ("the invasion began", "the start of the war"), or nil.
func warStart(s *sent, k int) *timex.Expr {
	loadWarStarts()
	if k >= len(s.low) {
		return nil
	}
	for _, row := range warStarts.phrases[s.low[k]] {
		if k+len(row.words) > len(s.low) {
			continue
		}
		ok := true
		for i, w := range row.words {
			if s.low[k+i] != w {
				ok = false
				break
			}
		}
		if !ok {
			continue
		}
		end := s.toks[k+len(row.words)-1].End
		return &timex.Expr{Span: model.Span{Start: s.toks[k].Start, End: end}, Text: s.text[s.toks[k].Start:end],
			Type: timex.TypeDate, Value: row.day.Format(model.DateLayout), Start: row.day, End: row.day,
			Precision: timex.PrecisionDay, Signal: "since"}
	}
	return nil
}

// inheritTime dates an event whose sentence names no time at all from the
// story told just before it: losses from the attack they follow, any other
// event from the last dated event of the one or two sentences before it.
// (Not only in its paragraph: news paragraphs are a sentence or two, and
// the lead's date runs on into the next.) News tells the date once, in the lead, and the sentences
// after it go on about the same day: "Russian missiles hit Odesa on
// Saturday. Two people were killed." Only what happened is dated so:
// a plan or a promise keeps no date rather than the one before it.
func (c *cand) inheritTime(d *docState) {
	s := c.s
	for i := range s.ms {
		if m := &s.ms[i]; m.kind == mTime && !m.tx.Start.IsZero() && (m.tx.Type == "DATE" || m.tx.Type == "TIME") {
			// A date of its own, even one the rules passed over; a
			// duration ("for three hours") dates nothing.
			return
		}
	}
	if !happened(c) {
		return
	}
	var from *cand
	if la := d.lastAttack; c.f.typ == model.TypeCasualties && la != nil && la.tx != nil && d.lastAttackIdx >= s.idx-2 && d.lastAttackIdx < s.idx {
		from = la
	} else if p := d.lastDated; p != nil && p.s.idx < s.idx && p.s.idx >= s.idx-2 {
		from = p
	}
	if from == nil || !happened(from) {
		// A plan's date is when it is to happen: what follows it in the
		// text need not happen then.
		return
	}
	c.tx, c.txInherited = from.tx, true
	c.explain("time", "none in its sentence; from the %s event just before: %q -> %s", from.f.typ, from.tx.Text, from.tx.Value)
}

// happened reports whether an event is told as having happened: a fact,
// neither planned nor only promised.
func happened(c *cand) bool {
	return factual(c) && c.modality != model.ModalityPlanned && c.status != model.StatusPledged && c.status != model.StatusPlanned
}
