package quantity

import (
	"strings"

	"github.com/sitrep-project/sitrep/internal/text"
)

// ParseNumber reads a string that is only a number: digits with their
// separators ("2,000", "1.5", "10 000"), number words ("five",
// "twenty-one", "a million", "two dozen", "half a million") or both
// ("1.2 million", "1.2bn"). Vague amounts ("hundreds"), ordinals, money
// and anything with words left over are refused.
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
	if !ok || c.vague || c.ord || c.bAmbig || w.has(c.j) {
		return 0, false
	}
	return c.lo, true
}
