package timex

import (
	"unicode"
	"unicode/utf8"

	"github.com/sitrep-project/sitrep/internal/text"
)

// The matcher reads the tokens of package text, one sentence at a time,
// each annotated once: its kind, the lexicon id of a word and the value
// and shape of a number, so that patterns compare small integers.

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
	fClitic                       // a clitic cut off the word before ('ll, 's)
	fApos                         // a decade written with its apostrophe ('90s)
	fCode                         // a period code: Q1, H2; val is the digit
)

// Shapes of a number token, which the tokeniser keeps whole with its
// separators.
const (
	shPlain   uint8 = iota // digits, with thousands separators or a suffix
	shClock                // 10:30, 1:06:00
	shSlash                // 03/03/2022, 24/7
	shDash                 // 2022-03-03, 044-256-1234
	shDecimal              // 1.5, 10.30
	shDotted               // 27.06.2022, 1.000.000
	shCode                 // digits and letters mixed: 2S19
)

// token is one token of a sentence as the matcher reads it.
type token struct {
	s, e  int32  // byte offsets into the text
	val   int32  // the number of a digit run, or the lexicon value of a word
	id    uint16 // lexicon id of a word, 0 when not in the lexicon
	flags uint16
	kind  uint8
	wk    wkind // lexicon kind of a word
	nd    uint8 // digits in a digit run
	shape uint8 // shape of a number
}

// maxSentence bounds the tokens matched at once, so that the tense search
// and the token buffer stay small on text without full stops; a longer
// sentence is read in pieces.
const maxSentence = 400

// annotate fills f.toks from the tokens of one sentence (or piece of one).
// A word formed with a prefix ("mid-March") is read as its parts, since
// the grammar reads "mid" as a modifier of what follows it.
func (f *finder) annotate(toks []text.Token) {
	out := f.toks[:0]
	for k := range toks {
		t := &toks[k]
		var a token
		a.s, a.e = int32(t.Start), int32(t.End)
		if t.Gap != text.GapNone {
			a.flags |= fSpace
		}
		if t.Gap >= text.GapLine {
			a.flags |= fNewline
		}
		if k == 0 {
			a.flags |= fSentStart
		}
		switch t.Kind {
		case text.KindWord:
			if f.annotateWord(&a, t.Text) {
				out = f.annotateParts(out, *t, a.flags&(fSpace|fNewline|fSentStart))
				continue
			}
		case text.KindNumber:
			annotateNumber(&a, t.Text)
			// Digits touching letters: 155mm, 5pm.
			if k > 0 && t.Gap == text.GapNone && endsInLetter(toks[k-1]) ||
				k+1 < len(toks) && toks[k+1].Gap == text.GapNone && startsWithLetter(toks[k+1]) {
				a.flags |= fGlued
			}
		default:
			a.kind = tPunct
		}
		out = append(out, a)
	}
	f.toks = out
}

// annotateParts appends the parts of a word kept whole across hyphens, the
// first with the given flags.
func (f *finder) annotateParts(out []token, t text.Token, flags uint16) []token {
	f.parts = text.SplitHyphens(f.parts[:0], t)
	for k := range f.parts {
		p := &f.parts[k]
		a := token{s: int32(p.Start), e: int32(p.End)}
		if k == 0 {
			a.flags = flags
		}
		switch p.Kind {
		case text.KindWord:
			f.annotateWord(&a, p.Text)
		case text.KindNumber:
			annotateNumber(&a, p.Text)
		default:
			a.kind = tPunct
		}
		out = append(out, a)
	}
	return out
}

func endsInLetter(t text.Token) bool {
	if t.Kind != text.KindWord {
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(t.Text)
	return unicode.IsLetter(r)
}

func startsWithLetter(t text.Token) bool {
	if t.Kind != text.KindWord {
		return false
	}
	r, _ := utf8.DecodeRuneInString(t.Text)
	return unicode.IsLetter(r)
}

// annotateWord looks a word up. The lexicon lists words lower-cased and
// without the dots of abbreviations ("a.m." is "am", "Sept." "sept"); a
// clitic ("'ll") is looked up without its apostrophe. It reports whether
// the word holds a hyphen, as one formed with a prefix does, so that the
// caller reads it in parts instead.
func (f *finder) annotateWord(t *token, w string) (hyphen bool) {
	t.kind = tWord
	if w[0] == '\'' {
		w = w[1:]
		t.flags |= fClitic
	} else if len(w) > 3 && w[:3] == "’" {
		w = w[3:]
		t.flags |= fClitic
	}
	if w == "" {
		return false
	}
	c0 := w[0]
	upper, lower, ascii := 0, 0, true
	var buf [maxWordLen]byte
	l := 0
	h := uint32(fnvOffset)
	for i := 0; i < len(w); i++ {
		c := w[i]
		switch {
		case c >= 'a' && c <= 'z':
			lower++
		case c >= 'A' && c <= 'Z':
			upper++
			c += 'a' - 'A'
		case c == '.':
			continue
		case c == '-':
			hyphen = true
		case c >= utf8.RuneSelf:
			ascii = false
			if c == 0xE2 && text.HasHyphen(text.Token{Kind: text.KindWord, Text: w}) {
				hyphen = true
			}
		}
		if l < maxWordLen {
			buf[l] = c
		}
		l++
		h = (h ^ uint32(c)) * fnvPrime
	}
	if c0 >= 'A' && c0 <= 'Z' || c0 >= utf8.RuneSelf && startsUpper(w) {
		t.flags |= fCap
		if lower == 0 && upper > 1 {
			t.flags |= fUpper
		}
	}
	if hyphen {
		return true
	}
	if !ascii {
		t.flags |= fNonASCII
		return false
	}
	if l > maxWordLen {
		return false
	}
	// Q1 to Q4, H1 and H2: a period code in one token.
	if l == 2 && (c0 == 'Q' || c0 == 'H') && w[1] >= '1' && w[1] <= '9' {
		t.flags |= fCode
		t.val = int32(w[1] - '0')
		if c0 == 'Q' {
			t.id = wQ
		} else {
			t.id = wH
		}
		t.wk = infos[t.id].kind
		return false
	}
	if id := lookup(h, buf[:l]); id != 0 {
		t.id = id
		in := &infos[id]
		t.wk = in.kind
		t.val = int32(in.val)
	}
	return false
}

func startsUpper(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}

// annotateNumber reads a number token: the value of its leading digits
// (with thousands separators, 1,000), a suffix (3rd, 1990s) and its shape.
func annotateNumber(t *token, s string) {
	t.kind = tNum
	p := 0
	if s[0] == '\'' {
		t.flags |= fApos // '90s
		p = 1
	}
	start := p
	var v int64
	nd := 0
	for p < len(s) && isDigit(s[p]) {
		v = v*10 + int64(s[p]-'0')
		nd++
		p++
	}
	if nd <= 3 && p > start {
		for p+3 < len(s) && s[p] == ',' && isDigit(s[p+1]) && isDigit(s[p+2]) && isDigit(s[p+3]) &&
			(p+4 == len(s) || !isDigit(s[p+4])) {
			v = v*1000 + int64(s[p+1]-'0')*100 + int64(s[p+2]-'0')*10 + int64(s[p+3]-'0')
			nd += 3
			p += 4
			t.flags |= fGroup
		}
	}
	if p < len(s) {
		switch c := s[p]; {
		case c == ':':
			t.shape = shClock
		case c == '/':
			t.shape = shSlash
		case c == '-' || c >= utf8.RuneSelf:
			t.shape = shDash
		case c == '.':
			t.shape = shDecimal
			for q := p + 1; q < len(s); q++ {
				if s[q] == '.' {
					t.shape = shDotted
				}
			}
		case isLetter(c):
			q := p
			for q < len(s) && isLetter(s[q]) {
				q++
			}
			switch suf := lowerASCII2(s[p:q]); {
			case q < len(s):
				t.shape = shCode
				t.flags |= fGlued
			case suf == "st" || suf == "nd" || suf == "rd" || suf == "th":
				t.flags |= fOrd
			case suf == "s" && t.flags&fGroup == 0:
				t.flags |= fPluralS
			default:
				t.flags |= fGlued
			}
		default:
			t.shape = shCode
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
}

func isDigit(c byte) bool  { return c >= '0' && c <= '9' }
func isLetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

// numParts reads the digit groups of a number token cut at sep (at most
// len(out)), and returns how many there were, with each group's digit
// count; ok is false when a group is not plain digits.
func numParts(s string, sep byte, out, nd []int) (n int, ok bool) {
	ok = true
	v, d := 0, 0
	for k := 0; k <= len(s); k++ {
		if k == len(s) || s[k] == sep {
			if d == 0 {
				ok = false
			}
			if n < len(out) {
				out[n], nd[n] = v, d
			}
			n++
			v, d = 0, 0
			continue
		}
		if !isDigit(s[k]) || d >= 9 {
			ok = false
			continue
		}
		v = v*10 + int(s[k]-'0')
		d++
	}
	return n, ok
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
