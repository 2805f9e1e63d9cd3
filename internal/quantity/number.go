package quantity

import (
	"strings"

	"github.com/sitrep-project/sitrep/internal/text"
)

// ParseNumber reads a string that is only a number: digits with their
// separators ("2,000", "1.5", "10 000"), number words ("five",
// "twenty-one", "a million", "two dozen", "half a million") or both
// ("1.2 million", "1.2bn"). Vague amounts ("hundreds"), ordinals, money
// and anything with words left over are refused, and so is a figure above
// MaxValue: it is never +Inf, -Inf or NaN.
func ParseNumber(s string) (float64, bool) {
	s = strings.TrimSpace(s)
	if s == "" {
		return 0, false
	}
	var w win
	var buf [16]text.Token
	toks := text.AppendTokens(buf[:0], s, 0)
	if len(toks) == 0 {
		return 0, false
	}
	// The window holds the whole string, for the test of what is left. It
	// is set field by field, not through reset, so that the token buffer
	// stays on the stack.
	w.text, w.t, w.hi = s, toks, len(toks)
	var c core
	var ok bool
	if w.num(0) {
		c, ok = w.digitCore(0)
	} else {
		c, ok = w.spelledCore(0)
	}
	if !ok || c.vague || c.ord || c.bAmbig || w.has(c.j) || !plausible(c.lo) {
		return 0, false
	}
	return c.lo, true
}

// MaxValue is the largest figure, in absolute value, that the package reads
// as a number: a thousand trillion. No count, sum of money or measure in
// the news comes near it (world GDP is about 1e14 dollars), so a larger
// figure is a typing slip, a serial number or a hostile input rather than
// an amount; and below it every whole number is exact in a float64 (whose
// integers are exact to 2^53, about 9e15), so a whole figure the package
// hands out is the one written. A figure above it, or one that overflows
// to infinity or is not a number, is dropped: ParseNumber refuses it and
// Find reports no mention for it, rather than clamping it to a value the
// text does not say.
const MaxValue = 1e15

// plausible reports whether v may be handed out as a figure: finite and
// within MaxValue either side of zero. NaN fails both comparisons.
func plausible(v float64) bool {
	return v >= -MaxValue && v <= MaxValue
}
