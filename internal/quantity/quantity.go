package quantity

import (
	"unicode"
	"unicode/utf8"

	"github.com/sitrep-project/sitrep/internal/model"
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

// Value returns the figure of an exact mention (Min == Max).
func (m Mention) Value() (float64, bool) {
	if m.Min == nil || m.Max == nil || *m.Min != *m.Max {
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
	sp := m.Span
	return model.Money{Amount: amt, Currency: m.Currency, Approx: m.Approx || (m.Min == nil) != (m.Max == nil), Text: m.Text, Span: &sp}, true
}

// Find returns every number-like mention in text, in order and without
// overlaps.
func Find(text string) []Mention {
	// One mention per couple of hundred bytes is typical of news text;
	// sizing for it saves most of the slice growth.
	out := make([]Mention, 0, len(text)/256+4)
	var w win
	var pool floatPool
	last := 0
	n := len(text)
	i := 0
	for i < n {
		c := text[i]
		if c < utf8.RuneSelf {
			if isDigit(c) {
				if r, ok := parseAt(&w, text, i, last); ok {
					m := r.mention(text, &w, &pool)
					if m.End > i {
						out = append(out, m)
						last, i = m.End, m.End
						continue
					}
				}
				i = numEnd(text, i)
				continue
			}
			if !isLetter(c) {
				i++
				continue
			}
		} else {
			r, sz := utf8.DecodeRuneInString(text[i:])
			if !unicode.IsLetter(r) {
				i += sz
				continue
			}
		}
		j := wordEnd(text, i)
		if wordStarts(text, i, j) {
			if r, ok := parseAt(&w, text, i, last); ok {
				m := r.mention(text, &w, &pool)
				if m.End > i {
					out = append(out, m)
					last, i = m.End, m.End
					continue
				}
			}
		}
		i = j
	}
	return out
}

// wordStarts is the cheap test run on every word: a word glued to digits
// ("T-72", "G7") or one in the number lexicon starts a parse.
func wordStarts(text string, i, j int) bool {
	if j < len(text) {
		c := text[j]
		if isDigit(c) || (c == '-' && j+1 < len(text) && isDigit(text[j+1])) {
			// A year prefix ("post-2014") is read from the digits instead.
			_, pre := yearPrefixes[text[i:j]]
			return !pre
		}
	}
	l := j - i
	if l < 3 || l > 11 {
		return false
	}
	f := text[i] | 0x20
	if f >= 'a' && f <= 'z' && anchorFirst&(1<<(f-'a')) == 0 {
		return false
	}
	inf, ok := lookup(numWords, text[i:j])
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
	hedgeS   int // token span of the hedge, hedgeE > hedgeS when present
	hedgeE   int
	currency string
	unit     string
}

func (r *res) mention(text string, w *win, pool *floatPool) Mention {
	m := Mention{Kind: r.kind, Approx: r.approx, Currency: r.currency, Unit: r.unit}
	m.Start = w.t[r.s].s
	m.End = w.t[r.e-1].e
	m.Text = text[m.Start:m.End]
	if r.hasLo {
		m.Min = pool.ptr(r.lo)
	}
	if r.hasHi {
		m.Max = pool.ptr(r.hi)
	}
	if r.hedgeE > r.hedgeS {
		m.Hedge = text[w.t[r.hedgeS].s:w.t[r.hedgeE-1].e]
	}
	return m
}
