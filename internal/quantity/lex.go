package quantity

import (
	"unicode"
	"unicode/utf8"
)

// The local parse works on a small window of tokens around the place where
// the scan stopped: a few tokens back (for hedges, currency signs, month
// names) and as many forward as the pattern needs, lexed lazily.

type tkind uint8

const (
	tWord tkind = iota + 1 // a run of letters
	tNum                   // digits with their separators: 2,000 1.5
	tSym                   // any other single character
)

type tok struct {
	s, e int
	k    tkind
	sp   bool // white space separates the token from the one before it
}

const (
	maxBack = 6
	maxTok  = 36
)

type win struct {
	text string
	t    [maxTok]tok
	n    int // tokens lexed so far
	a    int // index of the token the scan stopped at
	pos  int // where forward lexing goes on
	done bool
}

// reset fills the window around the token starting at byte at; no token
// before floor (the end of the previous mention) is taken.
func (w *win) reset(text string, at, floor int) {
	w.text = text
	var back [maxBack]tok
	var spAfter [maxBack]bool
	nb := 0
	p := at
	for nb < maxBack {
		j, sp, brk := spaceBack(text, p)
		if brk || j <= floor {
			break
		}
		t := lexBack(text, j)
		if t.s < floor {
			break
		}
		back[nb] = t
		spAfter[nb] = sp
		nb++
		p = t.s
	}
	for k := 0; k < nb; k++ {
		w.t[nb-1-k] = back[k]
	}
	if nb > 0 {
		w.t[0].sp = true
	}
	for k := 1; k < nb; k++ {
		w.t[nb-k].sp = spAfter[k]
	}
	w.a = nb
	w.n = nb
	w.pos = at
	w.done = false
	w.t[nb] = lexFwd(text, at)
	w.t[nb].sp = nb == 0 || spAfter[0]
	w.n = nb + 1
	w.pos = w.t[nb].e
}

// has reports whether token i exists, lexing forward as needed. Forward
// lexing stops at a blank line: figures do not run across paragraphs.
func (w *win) has(i int) bool {
	if i < 0 {
		return false
	}
	for i >= w.n {
		if w.done || w.n >= maxTok {
			w.done = true
			return false
		}
		j, sp, brk := spaceFwd(w.text, w.pos)
		if brk || j >= len(w.text) {
			w.done = true
			return false
		}
		t := lexFwd(w.text, j)
		t.sp = sp
		w.t[w.n] = t
		w.n++
		w.pos = t.e
	}
	return true
}

func (w *win) str(i int) string { return w.text[w.t[i].s:w.t[i].e] }

// isw reports whether token i is the word lw, ignoring ASCII case.
func (w *win) isw(i int, lw string) bool {
	return w.has(i) && w.t[i].k == tWord && eqFold(w.str(i), lw)
}

// sym reports whether token i is the symbol s.
func (w *win) sym(i int, s string) bool {
	return w.has(i) && w.t[i].k == tSym && w.str(i) == s
}

// glued reports whether token i touches the token before it.
func (w *win) glued(i int) bool { return w.has(i) && !w.t[i].sp }

func (w *win) word(i int) bool { return w.has(i) && w.t[i].k == tWord }
func (w *win) num(i int) bool  { return w.has(i) && w.t[i].k == tNum }

// dash reports whether token i is a hyphen or dash used to join figures.
func (w *win) dash(i int) bool {
	if !w.has(i) || w.t[i].k != tSym {
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
	c := w.text[w.t[i].s]
	if c < utf8.RuneSelf {
		return c >= 'A' && c <= 'Z'
	}
	r, _ := utf8.DecodeRuneInString(w.text[w.t[i].s:])
	return unicode.IsUpper(r)
}

// lowerWord reports whether token i is a word starting with a small letter.
func (w *win) lowerWord(i int) bool {
	if !w.word(i) {
		return false
	}
	c := w.text[w.t[i].s]
	if c < utf8.RuneSelf {
		return c >= 'a' && c <= 'z'
	}
	r, _ := utf8.DecodeRuneInString(w.text[w.t[i].s:])
	return unicode.IsLower(r)
}

func isDigit(c byte) bool  { return c >= '0' && c <= '9' }
func isLetter(c byte) bool { return (c|0x20) >= 'a' && (c|0x20) <= 'z' }

func isSpaceRune(r rune) bool {
	switch r {
	case ' ', '\t', '\n', '\r', '\f', '\v', 0x85, 0xA0, 0x1680, 0x202F, 0x205F, 0x3000, 0xFEFF:
		return true
	}
	return r >= 0x2000 && r <= 0x200B
}

// spaceFwd skips white space from i; brk is set when it held a blank line.
func spaceFwd(text string, i int) (j int, sp, brk bool) {
	nl := 0
	for i < len(text) {
		c := text[i]
		switch {
		case c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v':
			i++
		case c == '\n':
			nl++
			i++
		case c >= utf8.RuneSelf:
			r, n := utf8.DecodeRuneInString(text[i:])
			if !isSpaceRune(r) {
				return i, sp, nl >= 2
			}
			i += n
		default:
			return i, sp, nl >= 2
		}
		sp = true
	}
	return i, sp, nl >= 2
}

// spaceBack skips white space backwards from p.
func spaceBack(text string, p int) (j int, sp, brk bool) {
	nl := 0
	for p > 0 {
		c := text[p-1]
		switch {
		case c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v':
			p--
		case c == '\n':
			nl++
			p--
		case c >= utf8.RuneSelf:
			r, n := utf8.DecodeLastRuneInString(text[:p])
			if !isSpaceRune(r) {
				return p, sp, nl >= 2
			}
			p -= n
		default:
			return p, sp, nl >= 2
		}
		sp = true
	}
	return p, sp, nl >= 2
}

// numEnd returns the end of the number starting at i. A comma joins only a
// group of exactly three digits ("2,000" but not "5,6"); a point joins any
// digits ("1.5", "1.000.000", "27.06.2022").
func numEnd(text string, i int) int {
	n := len(text)
	for i < n && isDigit(text[i]) {
		i++
	}
	for i+1 < n {
		switch text[i] {
		case ',':
			if i+3 < n && isDigit(text[i+1]) && isDigit(text[i+2]) && isDigit(text[i+3]) && (i+4 == n || !isDigit(text[i+4])) {
				i += 4
				continue
			}
		case '.':
			if isDigit(text[i+1]) {
				i++
				for i < n && isDigit(text[i]) {
					i++
				}
				continue
			}
		}
		break
	}
	return i
}

func wordEnd(text string, i int) int {
	for i < len(text) {
		c := text[i]
		if c < utf8.RuneSelf {
			if !isLetter(c) {
				return i
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(text[i:])
		if !unicode.IsLetter(r) {
			return i
		}
		i += n
	}
	return i
}

func lexFwd(text string, j int) tok {
	c := text[j]
	if c < utf8.RuneSelf {
		switch {
		case isDigit(c):
			return tok{s: j, e: numEnd(text, j), k: tNum}
		case isLetter(c):
			return tok{s: j, e: wordEnd(text, j), k: tWord}
		}
		return tok{s: j, e: j + 1, k: tSym}
	}
	r, n := utf8.DecodeRuneInString(text[j:])
	if unicode.IsLetter(r) {
		return tok{s: j, e: wordEnd(text, j), k: tWord}
	}
	return tok{s: j, e: j + n, k: tSym}
}

// lexBack returns the token that ends at byte j.
func lexBack(text string, j int) tok {
	c := text[j-1]
	if c < utf8.RuneSelf {
		switch {
		case isDigit(c):
			i := j
			for {
				for i > 0 && isDigit(text[i-1]) {
					i--
				}
				if i >= 2 && (text[i-1] == ',' || text[i-1] == '.') && isDigit(text[i-2]) {
					i--
					continue
				}
				break
			}
			return tok{s: i, e: j, k: tNum}
		case isLetter(c):
			return tok{s: wordStartBack(text, j), e: j, k: tWord}
		}
		return tok{s: j - 1, e: j, k: tSym}
	}
	r, n := utf8.DecodeLastRuneInString(text[:j])
	if unicode.IsLetter(r) {
		return tok{s: wordStartBack(text, j), e: j, k: tWord}
	}
	return tok{s: j - n, e: j, k: tSym}
}

func wordStartBack(text string, j int) int {
	for j > 0 {
		c := text[j-1]
		if c < utf8.RuneSelf {
			if !isLetter(c) {
				return j
			}
			j--
			continue
		}
		r, n := utf8.DecodeLastRuneInString(text[:j])
		if !unicode.IsLetter(r) {
			return j
		}
		j -= n
	}
	return j
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
	return lookup(m, w.str(i))
}
