package timex

import (
	"unicode"
	"unicode/utf8"
)

// Token kinds.
const (
	tWord uint8 = iota + 1
	tNum
	tPunct
)

// Token flags.
const (
	fSpace     uint16 = 1 << iota // white space precedes the token
	fCap                          // a word starting with an upper-case letter
	fUpper                        // a word of two or more letters, all upper case
	fGlued                        // digits touching letters (155mm, M777)
	fOrd                          // digits with an ordinal suffix (3rd)
	fGroup                        // digits with thousands separators (1,000)
	fPluralS                      // digits with a plural s (1990s)
	fNonASCII                     // a word with non-ASCII letters
	fSentStart                    // first token of its sentence
	fNewline                      // a line break precedes the token
)

// token is one word, digit run or punctuation mark of a sentence.
type token struct {
	s, e  int32  // byte offsets into the text
	val   int32  // the number of a digit run, or the lexicon value of a word
	id    uint16 // lexicon id of a word, 0 when not in the lexicon
	flags uint16
	kind  uint8
	wk    wkind // lexicon kind of a word
	nd    uint8 // digits in a digit run
}

// Character classes for ASCII bytes.
const (
	cOther uint8 = iota
	cSpace
	cNL
	cLower
	cUpper
	cDigit
	cHigh // a byte of a multi-byte UTF-8 sequence
)

var class [256]uint8

// init fills the character class table.
func init() {
	for c := 0; c < 256; c++ {
		switch {
		case c == '\n':
			class[c] = cNL
		case c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v':
			class[c] = cSpace
		case c >= 'a' && c <= 'z':
			class[c] = cLower
		case c >= 'A' && c <= 'Z':
			class[c] = cUpper
		case c >= '0' && c <= '9':
			class[c] = cDigit
		case c >= 0x80:
			class[c] = cHigh
		}
	}
}

// maxSentence bounds a sentence so that the tense search and the token
// buffer stay small on text without full stops.
const maxSentence = 400

// nextSentence fills f.toks with the tokens of the next sentence, starting
// at f.pos, and reports whether there was one. A sentence ends after a
// full stop, question or exclamation mark followed by white space and a
// capital, digit or quote, and at a blank line. Single line breaks do not
// end a sentence, so hard-wrapped text is read as running text.
func (f *finder) nextSentence() bool {
	text := f.text
	n := len(text)
	p := f.pos
	toks := f.toks[:0]
	space := true
	nls := 0
	for p < n {
		c := text[p]
		cl := class[c]
		switch cl {
		case cSpace:
			p++
			space = true
			continue
		case cNL:
			p++
			space = true
			nls++
			continue
		}
		if nls >= 2 && len(toks) > 0 || len(toks) >= maxSentence {
			break
		}
		var t token
		t.s = int32(p)
		if space {
			t.flags |= fSpace
		}
		if nls > 0 {
			t.flags |= fNewline
		}
		space = false
		nls = 0
		switch cl {
		case cLower, cUpper:
			p = f.scanWord(p, &t)
		case cDigit:
			p = scanNumber(text, p, &t)
		case cHigh:
			r, size := utf8.DecodeRuneInString(text[p:])
			if unicode.IsSpace(r) {
				p += size
				space = true
				if r == '\u2028' || r == '\u2029' {
					nls = 2
				}
				continue
			}
			if unicode.IsLetter(r) {
				p = f.scanWord(p, &t)
			} else {
				p += size
				t.e = int32(p)
				t.kind = tPunct
			}
		default:
			p++
			t.e = int32(p)
			t.kind = tPunct
		}
		if len(toks) == 0 {
			t.flags |= fSentStart
		}
		toks = append(toks, t)
		if t.kind == tPunct && (c == '.' || c == '!' || c == '?') && endsSentence(text, p, toks) {
			break
		}
	}
	f.pos = p
	f.toks = toks
	return len(toks) > 0
}

// endsSentence tells whether the mark just read (ending at p) closes the
// sentence: it must be followed by white space and then a capital, a digit,
// a quote or the end of the text, and a full stop must not follow an
// initial or a known abbreviation (Gen., Jan.).
func endsSentence(text string, p int, toks []token) bool {
	q := p
	for q < len(text) && (class[text[q]] == cSpace || class[text[q]] == cNL) {
		q++
	}
	if q == len(text) {
		return true
	}
	if q == p {
		return false
	}
	c := text[q]
	switch {
	case class[c] == cUpper || class[c] == cDigit || c == '"' || c == '\'' || c == '(':
	case c == 0xE2: // curly quotes and dashes start with 0xE2
	default:
		return false
	}
	if text[p-1] != '.' || len(toks) < 2 {
		return true
	}
	prev := &toks[len(toks)-2]
	if prev.kind != tWord || prev.e != toks[len(toks)-1].s {
		return true
	}
	if prev.e-prev.s == 1 {
		return false // an initial: U.S., J. Smith
	}
	switch prev.wk {
	case kAbbr, kMonthAbbr:
		return false
	}
	return true
}

// scanWord reads a run of letters starting at p and looks it up.
func (f *finder) scanWord(p int, t *token) int {
	text := f.text
	start := p
	upper, lower := 0, 0
	ascii := true
	for p < len(text) {
		c := text[p]
		switch class[c] {
		case cLower:
			lower++
			p++
			continue
		case cUpper:
			upper++
			p++
			continue
		case cHigh:
			r, size := utf8.DecodeRuneInString(text[p:])
			if unicode.IsLetter(r) {
				ascii = false
				p += size
				continue
			}
		}
		break
	}
	t.e = int32(p)
	t.kind = tWord
	if class[text[start]] == cUpper {
		t.flags |= fCap
		if lower == 0 && upper > 1 {
			t.flags |= fUpper
		}
	}
	if !ascii {
		t.flags |= fNonASCII
		return p
	}
	l := p - start
	if l > maxWordLen {
		return p
	}
	var buf [maxWordLen]byte
	h := uint32(fnvOffset)
	for i := 0; i < l; i++ {
		c := text[start+i]
		if class[c] == cUpper {
			c += 'a' - 'A'
		}
		buf[i] = c
		h = (h ^ uint32(c)) * fnvPrime
	}
	if id := lookup(h, buf[:l]); id != 0 {
		t.id = id
		in := &infos[id]
		t.wk = in.kind
		t.val = int32(in.val)
	}
	return p
}

// scanNumber reads a run of digits starting at p, with thousands
// separators (1,000), an ordinal suffix (3rd) or a plural s (1990s).
func scanNumber(text string, p int, t *token) int {
	start := p
	var v int64
	nd := 0
	for p < len(text) && class[text[p]] == cDigit {
		v = v*10 + int64(text[p]-'0')
		nd++
		p++
	}
	if nd <= 3 {
		for p+3 < len(text) && text[p] == ',' && class[text[p+1]] == cDigit &&
			class[text[p+2]] == cDigit && class[text[p+3]] == cDigit &&
			(p+4 == len(text) || class[text[p+4]] != cDigit) {
			v = v*1000 + int64(text[p+1]-'0')*100 + int64(text[p+2]-'0')*10 + int64(text[p+3]-'0')
			nd += 3
			p += 4
			t.flags |= fGroup
		}
	}
	if start > 0 {
		if cl := class[text[start-1]]; cl == cLower || cl == cUpper {
			t.flags |= fGlued
		}
	}
	if p < len(text) {
		if cl := class[text[p]]; cl == cLower || cl == cUpper {
			q := p
			for q < len(text) && (class[text[q]] == cLower || class[text[q]] == cUpper) {
				q++
			}
			end := q == len(text) || class[text[q]] != cDigit
			switch suf := lowerASCII2(text[p:q]); {
			case end && (suf == "st" || suf == "nd" || suf == "rd" || suf == "th"):
				t.flags |= fOrd
				p = q
			case end && suf == "s" && t.flags&fGroup == 0:
				t.flags |= fPluralS
				p = q
			default:
				t.flags |= fGlued
			}
		}
	}
	if v > 1<<30 {
		v = 1 << 30
	}
	t.val = int32(v)
	if nd > 255 {
		nd = 255
	}
	t.nd = uint8(nd)
	t.kind = tNum
	t.e = int32(p)
	return p
}

// lowerASCII2 lowers a suffix of at most two letters without allocating;
// longer strings come back as "" since no suffix of interest is longer.
func lowerASCII2(s string) string {
	switch len(s) {
	case 1:
		switch s[0] {
		case 's', 'S':
			return "s"
		}
	case 2:
		a, b := s[0]|0x20, s[1]|0x20
		switch {
		case a == 's' && b == 't':
			return "st"
		case a == 'n' && b == 'd':
			return "nd"
		case a == 'r' && b == 'd':
			return "rd"
		case a == 't' && b == 'h':
			return "th"
		}
	}
	return ""
}
