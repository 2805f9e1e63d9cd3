package quantity

import (
	"sync"

	"github.com/sitrep-project/sitrep/internal/model"
	"github.com/sitrep-project/sitrep/internal/text"
)

// Kind says what a number-like mention is, so that later stages can take
// the counts, money and measures they want and ignore the rest.
type Kind string

// The kinds of mention Find reports.
const (
	// KindCount is a number of things or people: "2,000", "five", "hundreds".
	KindCount Kind = "count"
	// KindMoney is an amount of money in whole units with a Currency.
	KindMoney Kind = "money"
	// KindPercent is a percentage or a number of percentage points.
	KindPercent Kind = "percent"
	// KindYear is a calendar year, a decade or a span of years.
	KindYear Kind = "year"
	// KindOrdinal is a position in a sequence: "second", "24th", "day 130".
	KindOrdinal Kind = "ordinal"
	// KindMeasure is a physical amount with a Unit: tonnes, litres, km.
	KindMeasure Kind = "measure"
	// KindCalibre is a bore size: "155mm", "7.62 mm", "50-calibre".
	KindCalibre Kind = "calibre"
	// KindModel is a weapon or vehicle designation: "M777", "T-72", "TB2".
	KindModel Kind = "model"
	// KindAge is a person's age in years: "a 63-year-old", "aged 40".
	KindAge Kind = "age"
	// KindTime is a clock time: "10:30", "9 p.m.", "5.30am".
	KindTime Kind = "time"
	// KindDate is a day of a month named next to it: "March 3", "24 February".
	KindDate Kind = "date"
	// KindDuration is a length of time with a Unit: "24 hours", "30-day".
	KindDuration Kind = "duration"
	// KindID is a number that names rather than counts: "No. 10", "G7",
	// "COVID-19", "Resolution 2623", telephone numbers.
	KindID Kind = "id"
)

// Mention is one number-like expression found in a text.
type Mention struct {
	// Span is the byte range [Start, End) of the whole expression in the
	// text given to Find, hedge and currency included.
	model.Span
	Kind Kind
	// Min and Max bound the value; nil is an open bound. Exact figures have
	// Min == Max. Models and identifiers have neither.
	Min, Max *float64
	// Approx is set when the text hedges or only gestures at the figure.
	Approx bool
	// Hedge is the hedge as written ("some", "more than", "up to", "~").
	Hedge string
	// Currency is the ISO 4217 code of a money amount, or "" when the text
	// names a currency several states share ("kroner").
	Currency string
	// Unit is the canonical unit of a measure, duration, calibre or age
	// ("tonne", "km", "day", "mm", "year"; "month" for "a three-month-old"),
	// "percentage point" for points, and "" for counts and money.
	Unit string
	// Text is the text the span covers.
	Text string
}

// Value returns the figure of an exact mention (Min == Max). A mention
// built outside the package with a value beyond MaxValue, infinite or NaN
// has none.
func (m Mention) Value() (float64, bool) {
	if m.Min == nil || m.Max == nil || *m.Min != *m.Max || !plausible(*m.Min) {
		return 0, false
	}
	return *m.Min, true
}

// IsAmount reports whether the mention measures how much or how many:
// counts, money, percentages and measures. Event frames take their figures
// only from these.
func (m Mention) IsAmount() bool {
	switch m.Kind {
	case KindCount, KindMoney, KindPercent, KindMeasure:
		return true
	}
	return false
}

// Range converts the mention into the event model's hedged number.
func (m Mention) Range() model.Range {
	sp := m.Span
	return model.Range{Min: m.Min, Max: m.Max, Approx: m.Approx, Text: m.Text, Span: &sp}
}

// Money converts a money mention into the event model's amount. A range
// ("$20-30 million") gives its lower bound, an upper-bounded amount ("up to
// $1 billion") its upper one, so that the figure is one the text supports.
// An amount beyond MaxValue, infinite or NaN (only in a Mention built
// outside the package) is refused, since the store cannot write it.
func (m Mention) Money() (model.Money, bool) {
	if m.Kind != KindMoney {
		return model.Money{}, false
	}
	var amt float64
	switch {
	case m.Min != nil:
		amt = *m.Min
	case m.Max != nil:
		amt = *m.Max
	default:
		return model.Money{}, false
	}
	if !plausible(amt) {
		return model.Money{}, false
	}
	sp := m.Span
	return model.Money{Amount: amt, Currency: m.Currency, Approx: m.Approx || (m.Min == nil) != (m.Max == nil), Text: m.Text, Span: &sp}, true
}

// Find returns every number-like mention in src, in order and without
// overlaps.
func Find(src string) []Mention {
	// One mention per couple of hundred bytes is typical of news text;
	// sizing for it saves most of the slice growth.
	out := make([]Mention, 0, len(src)/256+4)
	var pool floatPool
	// The text is read through one buffer of tokens: a paragraph at a time
	// (figures never run across a blank line), and a long paragraph in
	// pieces that overlap by as much as a parse may read either side.
	bp := tokenBufs.Get().(*[]text.Token)
	toks := (*bp)[:0]
	size, used := cap(toks), 0
	defer func() {
		clear(toks[:used]) // drop the references into src
		tokenBufs.Put(bp)
	}()
	from, floor := 0, 0 // where the scan goes on, and the previous mention's end
	seen := 1           // tokens after the first already checked for a paragraph break
	var tz text.Tokenizer
	tz.Reset(src, 0)
	for {
		n := len(toks)
		if n < size {
			toks = tz.Append(toks, size-n)
			used = max(used, len(toks))
		}
		if len(toks) == n {
			out, _, _ = scanMentions(out, src, toks, from, len(toks), floor, &pool)
			return out
		}
		para := len(toks)
		for k := max(seen, 1); k < len(toks); k++ {
			if toks[k].Gap == text.GapPara {
				para = k
				break
			}
		}
		if para < len(toks) {
			out, _, _ = scanMentions(out, src, toks[:para], from, para, floor, &pool)
			toks = toks[:copy(toks, toks[para:])]
			from, floor, seen = 0, 0, 1
			continue
		}
		seen = len(toks)
		if len(toks) == size {
			out, from, floor = scanMentions(out, src, toks, from, len(toks)-maxTok, floor, &pool)
			cut := max(from-maxBack, 0)
			toks = toks[:copy(toks, toks[cut:])]
			from, floor, seen = from-cut, max(floor-cut, 0), seen-cut
		}
	}
}

// tokenBufs holds the token buffers of Find, reused between calls so that
// a call on a sentence costs no more than the sentence.
var tokenBufs = sync.Pool{New: func() any {
	b := make([]text.Token, 0, 512)
	return &b
}}

// FindTokens is Find on tokens already cut from src by package text (with
// offsets into src, as text.Sentences and text.Tokenize with base 0 give
// them), so that a caller holding a sentence's tokens does not cut the text
// again. Mentions never take a token outside toks.
func FindTokens(src string, toks []text.Token) []Mention {
	if len(toks) == 0 {
		return nil
	}
	// One mention per fifty tokens is typical of news text; sizing for it
	// saves most of the slice growth.
	var pool floatPool
	out, _, _ := scanMentions(make([]Mention, 0, len(toks)/50+4), src, toks, 0, len(toks), 0, &pool)
	return out
}

// scanMentions appends to out the mentions that start at tokens [from, to)
// of toks, none taking a token before floor, and returns where the scan
// and the floor stand after them.
func scanMentions(out []Mention, src string, toks []text.Token, from, to, floor int, pool *floatPool) ([]Mention, int, int) {
	var w win
	i := from
	for ; i < to; i++ {
		if !startsMention(toks, i) {
			continue
		}
		// A figure beyond MaxValue (or one that overflowed) is dropped
		// whole, so that no infinite or clamped value leaves the package;
		// the scan goes on at the next token.
		if r, ok := parseAt(&w, src, toks, i, floor); ok && r.plausible() {
			m := r.mention(src, &w, pool)
			if m.End > toks[i].Start {
				out = append(out, m)
				floor = r.e
				i = r.e - 1
			}
		}
	}
	return out, i, floor
}

// startsMention is the cheap test run on every token: digits, a word with
// digits in it or glued to them ("M777", "T-72", "G7"), or a word in the
// number lexicon start a parse.
func startsMention(toks []text.Token, i int) bool {
	t := &toks[i]
	switch t.Kind {
	case text.KindNumber:
		return true
	case text.KindWord:
	default:
		return false
	}
	s := t.Text
	if c := s[0]; c == '@' || c == '#' {
		return false // a handle or hashtag names an account
	}
	if hasDigit(s) {
		return true
	}
	if i+1 < len(toks) && toks[i+1].Glued() && s[len(s)-1] != '.' {
		n := &toks[i+1]
		if n.Kind == text.KindNumber || n.Text == "-" && i+2 < len(toks) && toks[i+2].Glued() && toks[i+2].Kind == text.KindNumber {
			// A year prefix ("early-2014") is read from the digits instead.
			_, pre := yearPrefixes[s]
			return !pre
		}
	}
	l := len(s)
	if l < 3 || l > 11 {
		return false
	}
	f := s[0] | 0x20
	if f >= 'a' && f <= 'z' && anchorFirst&(1<<(f-'a')) == 0 {
		return false
	}
	inf, ok := lookup(numWords, s)
	return ok && inf.c != wLink
}

// floatPool hands out stable pointers for Min and Max from a few shared
// blocks instead of one allocation per bound.
type floatPool struct{ buf []float64 }

func (p *floatPool) ptr(v float64) *float64 {
	if len(p.buf) == cap(p.buf) {
		p.buf = make([]float64, 0, 128)
	}
	p.buf = append(p.buf, v)
	return &p.buf[len(p.buf)-1]
}

// res is a parsed mention in token coordinates of the window it came from.
type res struct {
	kind     Kind
	s, e     int // token span [s, e)
	lo, hi   float64
	hasLo    bool
	hasHi    bool
	approx   bool
	skip     int // bytes of the first token left out: "post-" of "post-2014"
	hedgeS   int // token span of the hedge, hedgeE > hedgeS when present
	hedgeE   int
	currency string
	unit     string
}

// plausible reports whether the bounds the mention would carry are
// figures the package may hand out.
func (r *res) plausible() bool {
	return (!r.hasLo || plausible(r.lo)) && (!r.hasHi || plausible(r.hi))
}

func (r *res) mention(src string, w *win, pool *floatPool) Mention {
	m := Mention{Kind: r.kind, Approx: r.approx, Currency: r.currency, Unit: r.unit}
	m.Start = w.t[r.s].Start + r.skip
	m.End = w.t[r.e-1].End
	m.Text = src[m.Start:m.End]
	if r.hasLo {
		m.Min = pool.ptr(r.lo)
	}
	if r.hasHi {
		m.Max = pool.ptr(r.hi)
	}
	if r.hedgeE > r.hedgeS {
		m.Hedge = src[w.t[r.hedgeS].Start:w.t[r.hedgeE-1].End]
	}
	return m
}
