package quantity

import (
	"unicode"
	"unicode/utf8"

	"github.com/sitrep-project/sitrep/internal/text"
)

// The local parse works on a small window of the tokens of package text
// around the token the scan stopped at: a few tokens back (for hedges,
// currency signs, month names) and as many forward as the pattern needs.
// Indices are those of the whole token slice; the window only bounds them.

const (
	maxBack = 6
	maxTok  = 36
)

type win struct {
	text   string
	t      []text.Token
	lo, hi int // tokens [lo, hi) may be read
	a      int // index of the token the scan stopped at
}

// reset places the window around token a. No token before floor (the end
// of the previous mention) is taken, and figures do not run across a blank
// line either way.
func (w *win) reset(src string, toks []text.Token, a, floor int) {
	w.text, w.t, w.a = src, toks, a
	lo := max(floor, a-maxBack, 0)
	for k := a; k > lo; k-- {
		if toks[k].Gap == text.GapPara {
			lo = k
			break
		}
	}
	hi := a + 1
	for hi < len(toks) && hi < lo+maxTok && toks[hi].Gap != text.GapPara {
		hi++
	}
	w.lo, w.hi = lo, hi
}

// has reports whether token i lies in the window.
func (w *win) has(i int) bool { return i >= w.lo && i < w.hi }

func (w *win) str(i int) string { return w.t[i].Text }

// sp reports whether white space separates token i from the one before.
func (w *win) sp(i int) bool { return w.t[i].Gap != text.GapNone }

// isSym reports whether token i is a mark or symbol rather than a word,
// number or address.
func (w *win) isSym(i int) bool {
	k := w.t[i].Kind
	return k == text.KindPunct || k == text.KindSymbol
}

// wstr is the text of token i without the full stop the tokeniser keeps
// on an abbreviation ("pct." "mln." "Sept."), which the word tables list
// without it.
func (w *win) wstr(i int) string {
	s := w.t[i].Text
	if len(s) > 1 && s[len(s)-1] == '.' && w.t[i].Kind == text.KindWord {
		return s[:len(s)-1]
	}
	return s
}

// isw reports whether token i is the word lw, ignoring ASCII case and an
// abbreviation's full stop.
func (w *win) isw(i int, lw string) bool {
	return w.has(i) && w.t[i].Kind == text.KindWord && (eqFold(w.str(i), lw) || eqFold(w.wstr(i), lw))
}

// sym reports whether token i is the symbol s.
func (w *win) sym(i int, s string) bool {
	return w.has(i) && w.isSym(i) && w.str(i) == s
}

// glued reports whether token i touches the token before it.
func (w *win) glued(i int) bool { return w.has(i) && !w.sp(i) }

func (w *win) word(i int) bool { return w.has(i) && w.t[i].Kind == text.KindWord }
func (w *win) num(i int) bool  { return w.has(i) && w.t[i].Kind == text.KindNumber }

// dash reports whether token i is a hyphen or dash used to join figures.
func (w *win) dash(i int) bool {
	if !w.has(i) || !w.isSym(i) {
		return false
	}
	switch w.str(i) {
	case "-", "–", "‑", "‐":
		return true
	}
	return false
}

// hyphen reports whether token i is a hyphen glued on both sides.
func (w *win) hyphen(i int) bool {
	return w.dash(i) && w.glued(i) && w.glued(i+1)
}

// upperInitial reports whether token i is a word with a capital first letter.
func (w *win) upperInitial(i int) bool {
	if !w.word(i) {
		return false
	}
	r, _ := utf8.DecodeRuneInString(w.str(i))
	return unicode.IsUpper(r)
}

// lowerWord reports whether token i is a word starting with a small letter.
func (w *win) lowerWord(i int) bool {
	if !w.word(i) {
		return false
	}
	r, _ := utf8.DecodeRuneInString(w.str(i))
	return unicode.IsLower(r)
}

// clitic reports whether token i is a clitic split off the word before it
// ("'s", "’s"), which is no letters glued to a figure.
func (w *win) clitic(i int) bool {
	if !w.word(i) {
		return false
	}
	c := w.str(i)[0]
	return c == '\'' || c == 0xE2 // ' or the first byte of ’
}

// gluedDigits reports whether the word at i runs on into digits, as "T"
// does in "T-72"; a word with an abbreviation's full stop ("Jul.26") ends
// there.
func (w *win) gluedDigits(i int) bool {
	s := w.str(i)
	if s[len(s)-1] == '.' {
		return false
	}
	return w.glued(i+1) && (w.num(i+1) || (w.dash(i+1) && w.glued(i+2) && w.num(i+2)))
}

func isDigit(c byte) bool  { return c >= '0' && c <= '9' }
func isLetter(c byte) bool { return (c|0x20) >= 'a' && (c|0x20) <= 'z' }

// hasDigit reports whether s holds a digit: a word token such as "M777".
func hasDigit(s string) bool {
	for i := 0; i < len(s); i++ {
		if isDigit(s[i]) {
			return true
		}
	}
	return false
}

// leadingLetters returns the letters a token starts with: "M" of "M777".
func leadingLetters(s string) string {
	i := 0
	for i < len(s) && isLetter(s[i]) {
		i++
	}
	return s[:i]
}

// eqFold compares s with a lower-case ASCII word, ignoring case in s.
func eqFold(s, lower string) bool {
	if len(s) != len(lower) {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != lower[i] {
			return false
		}
	}
	return true
}

// lookup finds s in a table keyed by lower-case words without allocating.
func lookup[T any](m map[string]T, s string) (T, bool) {
	lower := true
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= 'A' && c <= 'Z' {
			lower = false
			break
		}
	}
	if lower {
		v, ok := m[s]
		return v, ok
	}
	var buf [24]byte
	if len(s) > len(buf) {
		var zero T
		return zero, false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[i] = c
	}
	v, ok := m[string(buf[:len(s)])]
	return v, ok
}

// wlookup looks token i up in a lower-case table.
func wlookup[T any](w *win, m map[string]T, i int) (T, bool) {
	if !w.word(i) {
		var zero T
		return zero, false
	}
	return lookup(m, w.wstr(i))
}
