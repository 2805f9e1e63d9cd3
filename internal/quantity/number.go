package quantity

import "strings"

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
	w.reset(s, 0, 0)
	var c core
	var ok bool
	if w.t[0].k == tNum {
		c, ok = w.digitCore(0)
	} else {
		c, ok = w.spelledCore(0)
	}
	if !ok || c.vague || c.ord || c.bAmbig || w.has(c.j) {
		return 0, false
	}
	return c.lo, true
}
