// Package timex finds time expressions in English news text and resolves
// them against the article's date: "on Sunday" in an article of Thursday
// 2022-03-03 is 2022-02-27, "last week" is 2022-02-21..2022-02-27.
//
// Values follow TimeML's TIMEX3 conventions, so that the output can be
// scored against TimeML corpora and read by anyone who knows them; the
// resolved calendar range is what the rest of sitrep uses.
//
// The finder reads the sentences and tokens of package text, looking each
// word up once in a small lexicon (month and weekday names, units, trigger
// words, tense cues); only tokens that can start a time expression are
// matched further. Day
// names, month names without a year and similar underspecified expressions
// are resolved by the tense of their clause: past verbs point back from
// the article's date, "will", "plans to" and "scheduled" point forward.
package timex

import (
	"strings"
	"sync"
	"time"

	"github.com/sitrep-project/sitrep/internal/model"
	"github.com/sitrep-project/sitrep/internal/text"
)

// TIMEX3 types.
const (
	TypeDate     = "DATE"
	TypeTime     = "TIME"
	TypeDuration = "DURATION"
	TypeSet      = "SET"
)

// Precisions of a resolved calendar range.
const (
	PrecisionDay     = "day"
	PrecisionWeek    = "week"
	PrecisionMonth   = "month"
	PrecisionQuarter = "quarter"
	PrecisionHalf    = "half"
	PrecisionSeason  = "season"
	PrecisionYear    = "year"
	PrecisionDecade  = "decade"
	PrecisionCentury = "century"
)

// Expr is one time expression found in a text.
type Expr struct {
	// Span is the expression's byte range in the text passed to Find. As in
	// TimeML, a leading preposition (on, since, in) is not part of it. The
	// offsets are e.Span.Start and e.Span.End, since e.Start and e.End
	// below are the calendar range.
	model.Span
	Text string
	// Type is TypeDate, TypeTime, TypeDuration or TypeSet.
	Type string
	// Value is the TIMEX3 value: 2022-02-27, 2022-W08, 2022-03, 2022,
	// 2022-Q1, 199 (the 1990s), 2022-03-02TNI, 2022-03-02T10:30, P3D, PT2H,
	// PXY, PRESENT_REF, PAST_REF or FUTURE_REF. For a range of days
	// ("March 3 to 8") it is the value of the first day.
	Value string
	// Start and End are the first and last calendar day the expression
	// covers, for DATEs and TIMEs and for durations anchored in time: "the
	// past three weeks" (up to the article date) and "two days after"
	// (the day it points to, counted from the last day the text named);
	// zero otherwise.
	Start, End time.Time
	// Precision is the unit of the range: day, week, month, quarter, half,
	// season, year, decade or century; "" when there is no range.
	Precision string
	// Mod is the TIMEX3 mod of an expression that names part of a period:
	// START (early 2022), MID (mid-March) or END (late on Wednesday).
	Mod string
	// Signal is the lower-cased preposition just before the expression
	// (since, until, before, after, by, from, on, in, ...), which tells how
	// an event relates to the time: "since February 24" is open-ended.
	Signal string
}

// Find returns the time expressions of src in order, without overlaps,
// resolved against ref (the article's date; its clock time is ignored).
// With a zero ref, expressions that need it keep an unresolved value
// (XXXX-XX-XX) and no range.
func Find(src string, ref time.Time) []Expr {
	f := pool.Get().(*finder)
	f.reset(src, ref)
	// The sentences are read one at a time into the pooled scanner's
	// buffer, so that a call holds no more tokens than one sentence's.
	f.sc.Reset(src)
	for f.sc.Next() {
		f.read(f.sc.Sentence())
	}
	return f.finish()
}

// FindSentences is Find on the sentences package text cut from src, so
// that a caller holding them does not cut the text again. An expression
// never runs across sentences.
func FindSentences(src string, sents []text.Sentence, ref time.Time) []Expr {
	f := pool.Get().(*finder)
	f.reset(src, ref)
	for _, st := range sents {
		f.read(st)
	}
	return f.finish()
}

// read matches the expressions of one sentence.
func (f *finder) read(st text.Sentence) {
	for toks := st.Tokens; len(toks) > 0; {
		n := min(len(toks), maxSentence)
		f.annotate(toks[:n])
		f.sentence()
		toks = toks[n:]
	}
}

// finish copies the expressions out and puts the finder back in the pool.
func (f *finder) finish() []Expr {
	// The expressions are gathered in the pooled buffer and copied out
	// once, so a call allocates its result in one piece.
	var out []Expr
	if len(f.out) > 0 {
		out = make([]Expr, len(f.out))
		copy(out, f.out)
	}
	clear(f.out)
	f.out = f.out[:0]
	clear(f.parts)
	f.parts = f.parts[:0]
	f.sc.Reset("")
	f.text = ""
	pool.Put(f)
	return out
}

var pool = sync.Pool{New: func() any {
	return &finder{toks: make([]token, 0, 128), parts: make([]text.Token, 0, 128), out: make([]Expr, 0, 16)}
}}

// finder holds the state of one call of Find; it is pooled so that the
// token buffer is reused between calls.
type finder struct {
	text  string
	ref   time.Time // the reference day at UTC midnight
	noRef bool
	toks  []token
	parts []text.Token // the sentence's tokens with prefixed words split
	sc    text.Scanner
	out   []Expr

	// anchor is the last day named in the text, which "the same day" and
	// "two days later" count from; anchorSet tells it is not ref.
	anchor    time.Time
	anchorSet bool

	// relative is set while matching one expression when its value
	// depended on ref, so that it can be left unresolved without a ref.
	relative bool

	sentOut int // index in out of the first expression of the sentence
}

// reset prepares the finder for a new text.
func (f *finder) reset(src string, ref time.Time) {
	f.text = src
	f.noRef = ref.IsZero()
	if f.noRef {
		f.ref = time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)
	} else {
		f.ref = civil(ref)
	}
	f.anchor = f.ref
	f.anchorSet = false
	f.out = f.out[:0]
}

// sentence matches the tokens of one sentence.
func (f *finder) sentence() {
	f.sentOut = len(f.out)
	toks := f.toks
	for i := 0; i < len(toks); {
		t := &toks[i]
		if t.kind == tPunct || t.kind == tWord && !infos[t.id].trig {
			i++
			continue
		}
		f.relative = false
		if n := f.match(i); n > 0 {
			i += n
		} else {
			i++
		}
	}
	f.fixTimes()
}

// emit appends an expression over tokens [i, j).
func (f *finder) emit(i, j int, e Expr) {
	e.Span = model.Span{Start: int(f.toks[i].s), End: int(f.toks[j-1].e)}
	e.Text = f.text[e.Span.Start:e.Span.End]
	if i > 0 {
		if p := &f.toks[i-1]; p.wk == kSignal {
			e.Signal = signalName(p.id)
		}
	}
	if f.noRef && f.relative {
		e = unresolved(e)
	}
	f.out = append(f.out, e)
	f.relative = false
}

// unresolved blanks the parts of e that depended on the missing ref.
func unresolved(e Expr) Expr {
	switch e.Type {
	case TypeDate, TypeTime:
		switch e.Value {
		case "PRESENT_REF", "PAST_REF", "FUTURE_REF":
			return e
		}
		switch e.Precision {
		case PrecisionDay:
			e.Value = "XXXX-XX-XX"
		case PrecisionWeek:
			e.Value = "XXXX-WXX"
		case PrecisionMonth:
			e.Value = "XXXX-XX"
		default:
			e.Value = "XXXX"
		}
	}
	e.Start, e.End = time.Time{}, time.Time{}
	return e
}

// emitDate emits a DATE covering c; mod narrows the range to the start,
// middle or end of c.
func (f *finder) emitDate(i, j int, c cal, mod string) {
	s, e := c.span()
	s, e = narrow(s, e, mod)
	f.emit(i, j, Expr{Type: TypeDate, Value: c.value(), Start: s, End: e, Precision: c.precision(), Mod: mod})
	if c.g == gDay && !f.noRef {
		f.anchor = s
		f.anchorSet = true
	}
}

// emitRange emits a DATE running from the start of a to the end of b.
func (f *finder) emitRange(i, j int, a, b cal) {
	s, _ := a.span()
	_, e := b.span()
	if e.Before(s) {
		s, e = e, s
	}
	f.emit(i, j, Expr{Type: TypeDate, Value: a.value(), Start: s, End: e, Precision: a.precision()})
	if a.g == gDay && !f.noRef {
		f.anchor = s
		f.anchorSet = true
	}
}

// emitRef emits PRESENT_REF, PAST_REF or FUTURE_REF.
func (f *finder) emitRef(i, j int, v string) {
	f.emit(i, j, Expr{Type: TypeDate, Value: v})
}

// emitDuration emits a DURATION; start and end may be zero.
func (f *finder) emitDuration(i, j int, v string, start, end time.Time) {
	e := Expr{Type: TypeDuration, Value: v, Start: start, End: end}
	if !start.IsZero() {
		e.Precision = PrecisionDay
	}
	f.emit(i, j, e)
}

// emitSet emits a SET with value v.
func (f *finder) emitSet(i, j int, v string) {
	f.emit(i, j, Expr{Type: TypeSet, Value: v})
}

// emitTime emits a TIME on day d; clock is "T10:30", "TMO" or similar.
// dayKnown tells whether the day came from the text; when it did not, the
// sentence's dates may still supply it (fixTimes).
func (f *finder) emitTime(i, j int, d cal, clock string, dayKnown bool) {
	f.emitTimeBytes(i, j, d, []byte(clock), dayKnown)
}

// emitTimeBytes is emitTime for a clock built in a buffer.
func (f *finder) emitTimeBytes(i, j int, d cal, clock []byte, dayKnown bool) {
	var b [32]byte
	v := string(append(d.appendValue(b[:0]), clock...))
	s, _ := d.span()
	e := Expr{Type: TypeTime, Value: v, Start: s, End: s, Precision: PrecisionDay}
	if !dayKnown {
		e.Precision = "" // marks the day as provisional until fixTimes
	}
	f.emit(i, j, e)
	if dayKnown && !f.noRef {
		// "On Saturday evening ... The same day": a time of a named day
		// names the day too.
		f.anchor = s
		f.anchorSet = true
	}
}

// fixTimes gives clock times whose day the text did not state ("at 18:00
// UTC") the nearest day named in the same sentence, else the article date.
func (f *finder) fixTimes() {
	out := f.out[f.sentOut:]
	for k := range out {
		e := &out[k]
		if e.Type != TypeTime || e.Precision != "" {
			continue
		}
		e.Precision = PrecisionDay
		best, bestDist := -1, 0
		for m := range out {
			o := &out[m]
			if o.Type != TypeDate || o.Precision != PrecisionDay || !o.Start.Equal(o.End) {
				continue
			}
			d := o.Span.Start - e.Span.Start
			if d < 0 {
				d = -d
			}
			if best < 0 || d < bestDist {
				best, bestDist = m, d
			}
		}
		if best < 0 || f.noRef {
			continue
		}
		d := out[best].Start
		e.Start, e.End = d, d
		if t := strings.IndexByte(e.Value, 'T'); t >= 0 {
			e.Value = dayOf(d).value() + e.Value[t:]
		}
	}
}

// signalName returns the preposition a signal id stands for.
func signalName(id uint16) string {
	switch id {
	case wSince:
		return "since"
	case wUntil, wTill:
		return "until"
	case wBefore:
		return "before"
	case wAfter:
		return "after"
	case wFrom:
		return "from"
	case wTo:
		return "to"
	case wThrough:
		return "through"
	case wBetween:
		return "between"
	case wOn:
		return "on"
	case wIn:
		return "in"
	case wAt:
		return "at"
	case wBy:
		return "by"
	case wDuring:
		return "during"
	case wOver:
		return "over"
	case wFor:
		return "for"
	case wWithin:
		return "within"
	case wThroughout:
		return "throughout"
	case wOf:
		return "of"
	case wAround, wAbout, wApproximately, wRoughly, wNearly, wAlmost:
		return "about"
	}
	return ""
}

// narrow cuts a range to its start, middle or end third.
func narrow(s, e time.Time, mod string) (time.Time, time.Time) {
	if mod == "" || !s.Before(e) {
		return s, e
	}
	days := int(e.Sub(s).Hours()/24) + 1
	third := days / 3
	if third < 1 {
		third = 1
	}
	switch mod {
	case "START":
		return s, s.AddDate(0, 0, third-1)
	case "MID":
		return s.AddDate(0, 0, third), e.AddDate(0, 0, -third)
	case "END":
		return e.AddDate(0, 0, -third+1), e
	}
	return s, e
}
