// Package text cuts an article's UTF-8 text into sentences and tokens that
// keep byte offsets into the original, so that every later stage can point
// back at the exact words it read and show them highlighted.
//
// The splitter is hand-written rather than trained: news prose has a small,
// well-known set of traps (abbreviations, initials, decimals, quotes after the
// full stop, headline lines without one) that a few rules handle correctly
// and at a speed that keeps extraction bound by the later stages.
package text

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Token is one word, number or punctuation mark. Start and End are byte
// offsets into the text the token was cut from (shifted by the base given to
// Tokenize), and Text is that slice of it, so no token copies the text.
type Token struct {
	Start, End int
	Text       string
}

// Tokenize cuts a fragment of text into tokens whose offsets are shifted by
// base, so that a caller holding a paragraph at offset base of an article
// gets offsets into the article.
//
// Words keep internal hyphens and apostrophes (Russian-made, O'Brien) but a
// final possessive 's is its own token, so that the name before it can be
// looked up as written. Numbers keep their separators (2,000; 1.5; 155mm),
// dotted abbreviations keep their dots (U.S., a.m., Mr.), currency symbols and
// other punctuation stand alone, and an ellipsis of full stops is one token.
func Tokenize(text string, base int) []Token {
	return appendTokens(make([]Token, 0, len(text)/5+4), text, base)
}

// appendTokens is Tokenize into a caller's slice, so that Sentences can cut a
// whole article with one allocation.
func appendTokens(dst []Token, s string, base int) []Token {
	i := 0
	for i < len(s) {
		c := s[i]
		if c < utf8.RuneSelf {
			if asciiSpace[c] {
				i++
				continue
			}
			if asciiWord[c] {
				j := scanToken(s, i)
				dst = append(dst, Token{Start: base + i, End: base + j, Text: s[i:j]})
				i = j
				continue
			}
			j := scanPunct(s, i)
			dst = append(dst, Token{Start: base + i, End: base + j, Text: s[i:j]})
			i = j
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case isSpaceRune(r):
			i += n
		case isWordRune(r):
			j := scanToken(s, i)
			dst = append(dst, Token{Start: base + i, End: base + j, Text: s[i:j]})
			i = j
		default:
			j := i + n
			if (r == '’' || r == '‘') && possessiveAt(s, i, n) {
				j = i + n + 1
			}
			dst = append(dst, Token{Start: base + i, End: base + j, Text: s[i:j]})
			i = j
		}
	}
	return dst
}

// asciiSpace and asciiWord classify ASCII bytes without a function call in
// the tokenizer's hot loop.
var asciiSpace, asciiWord [utf8.RuneSelf]bool

func init() {
	for _, c := range " \t\n\r\v\f" {
		asciiSpace[c] = true
	}
	for c := 0; c < utf8.RuneSelf; c++ {
		b := byte(c)
		asciiWord[c] = b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= '0' && b <= '9'
	}
}

// isSpaceRune counts invisible format characters as space too: they turn up
// in copied web text between words and must not glue or split tokens.
func isSpaceRune(r rune) bool {
	if r < utf8.RuneSelf {
		return asciiSpace[r]
	}
	return unicode.IsSpace(r) || r == 0x200B || r == 0x200C || r == 0x200D || r == 0x2060 || r == 0xFEFF
}

// isWordRune is a letter, a digit or a combining mark (so that decomposed
// accents stay inside their word).
func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return asciiWord[r]
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r) || unicode.Is(unicode.Mc, r)
}

// wordAt reports whether a word rune starts at byte i of s.
func wordAt(s string, i int) bool {
	if i >= len(s) {
		return false
	}
	if c := s[i]; c < utf8.RuneSelf {
		return asciiWord[c]
	}
	r, _ := utf8.DecodeRuneInString(s[i:])
	return isWordRune(r)
}

func digitAt(s string, i int) bool { return i < len(s) && s[i] >= '0' && s[i] <= '9' }

func letterAt(s string, i int) bool {
	if i >= len(s) {
		return false
	}
	if c := s[i]; c < utf8.RuneSelf {
		return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
	}
	r, _ := utf8.DecodeRuneInString(s[i:])
	return unicode.IsLetter(r)
}

func upperAt(s string, i int) bool { return i < len(s) && s[i] >= 'A' && s[i] <= 'Z' }

// possessiveAt reports whether the apostrophe of n bytes at i is followed by
// an s that ends the word: "Ukraine's", "Kyiv’s".
func possessiveAt(s string, i, n int) bool {
	k := i + n
	return k < len(s) && (s[k] == 's' || s[k] == 'S') && !wordAt(s, k+1)
}

// scanToken returns the end of the word or number that starts at i.
func scanToken(s string, i int) int {
	if j, ok := scanURL(s, i); ok {
		return j
	}
	j := i
	for {
		j = scanWordCore(s, i, j)
		if j >= len(s) || s[j] != '.' {
			return j
		}
		if !keepsDot(s, i, j) {
			return j
		}
		j++ // the dot belongs to the abbreviation
		// "U.S.-made", "U.K.-based": the compound goes on after the dot.
		if j+1 < len(s) && s[j] == '-' && letterAt(s, j+1) {
			j++
			continue
		}
		return j
	}
}

// scanWordCore extends the word begun at start from position j over word
// runes and the joiners that may sit inside a word or number.
func scanWordCore(s string, start, j int) int {
	for j < len(s) {
		c := s[j]
		if c < utf8.RuneSelf {
			if asciiWord[c] {
				j++
				continue
			}
			switch c {
			case '-':
				if wordAt(s, j+1) {
					j++
					continue
				}
			case '\'':
				if wordAt(s, j+1) && !possessiveAt(s, j, 1) {
					j++
					continue
				}
			case '.':
				if digitAt(s, j-1) && digitAt(s, j+1) {
					j++
					continue
				}
				// Dotted abbreviations: U.S, e.g, a.m, U.A.V.s; only after a
				// single letter or an earlier dot, so "Kyiv.The" still splits.
				if letterAt(s, j+1) && dottedSoFar(s[start:j]) {
					j++
					continue
				}
			case ',':
				if digitAt(s, j-1) && thousandsAt(s, j+1) {
					j++
					continue
				}
			case '/', ':':
				if digitAt(s, j-1) && digitAt(s, j+1) {
					j++
					continue
				}
			case '&':
				if upperAt(s, j-1) && upperAt(s, j+1) {
					j++
					continue
				}
			}
			return j
		}
		r, n := utf8.DecodeRuneInString(s[j:])
		switch {
		case isWordRune(r):
			j += n
			continue
		case r == '’':
			if wordAt(s, j+n) && !possessiveAt(s, j, n) {
				j += n
				continue
			}
		case r == '‐' || r == '‑':
			if wordAt(s, j+n) {
				j += n
				continue
			}
		}
		return j
	}
	return j
}

// thousandsAt reports whether exactly three digits start at i, as after the
// comma of 2,000 (and not the comma of "in 2022, 15 people").
func thousandsAt(s string, i int) bool {
	return digitAt(s, i) && digitAt(s, i+1) && digitAt(s, i+2) && !digitAt(s, i+3)
}

// dottedSoFar reports whether w is a single letter or a dotted
// abbreviation so far: the shapes that continue into one (U.S, e.g, a.m).
func dottedSoFar(w string) bool {
	if len(w) == 1 {
		return letterAt(w, 0)
	}
	return isDotted(w)
}

// isDotted reports whether w is letters in groups of one to three joined by
// dots (U.S, U.A.V.s, Ph.D), which tells an abbreviation from 5.30am.
func isDotted(w string) bool {
	dots, run := 0, 0
	for k := 0; k < len(w); k++ {
		c := w[k]
		switch {
		case c == '.':
			if run == 0 {
				return false
			}
			dots++
			run = 0
		case c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z':
			run++
			if run > 3 {
				return false
			}
		default:
			return false
		}
	}
	return dots > 0 && run > 0
}

// keepsDot decides whether the full stop at j ends an abbreviation begun at
// start (and so belongs to its token) rather than being punctuation.
func keepsDot(s string, start, j int) bool {
	w := s[start:j]
	last := w[len(w)-1]
	switch {
	case last >= '0' && last <= '9':
		return false
	case isDotted(w):
		return true // U.S. a.m. e.g.
	case len(w) == 1:
		return w[0] >= 'A' && w[0] <= 'Z' // an initial: J. Smith
	}
	kind := abbrevKind(w)
	if kind == 0 {
		return false
	}
	if kind == abbrNumber {
		// "No. 10" but not "the answer was no."
		k := j + 1
		for k < len(s) && s[k] == ' ' {
			k++
		}
		return digitAt(s, k)
	}
	return true
}

// abbrevKind looks w up among the abbreviations, and failing that its part
// after the last hyphen, so that "Lt.-Gen" is a title like "Gen".
func abbrevKind(w string) int {
	if k, ok := abbreviations[w]; ok {
		return k
	}
	if h := strings.LastIndexByte(w, '-'); h >= 0 {
		return abbreviations[w[h+1:]]
	}
	return 0
}

// scanURL takes a web address or a social handle as one token, so that its
// dots and slashes do not turn into sentence ends or stray punctuation.
func scanURL(s string, i int) (int, bool) {
	rest := s[i:]
	if !(hasPrefixFold(rest, "http://") || hasPrefixFold(rest, "https://") || hasPrefixFold(rest, "www.")) {
		return 0, false
	}
	j := i
	for j < len(s) {
		c := s[j]
		if asciiSpace[c] || c == '"' || c == '<' || c == '>' {
			break
		}
		if c >= utf8.RuneSelf {
			r, _ := utf8.DecodeRuneInString(s[j:])
			if isSpaceRune(r) || r == '”' || r == '’' {
				break
			}
		}
		j++
	}
	// Trailing punctuation belongs to the sentence, not the address.
	for j > i {
		switch s[j-1] {
		case '.', ',', ';', ':', '!', '?', ')', ']', '\'':
			j--
			continue
		}
		break
	}
	if s[i] == 'w' || s[i] == 'W' {
		return j, j > i+4
	}
	return j, j > i+8
}

func hasPrefixFold(s, prefix string) bool {
	if len(s) < len(prefix) {
		return false
	}
	for k := 0; k < len(prefix); k++ {
		c := s[k]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != prefix[k] {
			return false
		}
	}
	return true
}

// scanPunct returns the end of the ASCII punctuation token that starts at i.
func scanPunct(s string, i int) int {
	c := s[i]
	switch c {
	case '.':
		j := i + 1
		for j < len(s) && s[j] == '.' {
			j++
		}
		if j-i >= 3 {
			return j // an ellipsis
		}
		return i + 1
	case '-':
		if i+1 < len(s) && s[i+1] == '-' {
			return i + 2 // a typed dash
		}
	case '\'':
		if possessiveAt(s, i, 1) {
			return i + 2
		}
	case '@', '#':
		if wordAt(s, i+1) {
			return scanWordCore(s, i+1, i+1)
		}
	case '!', '?':
		j := i + 1
		for j < len(s) && (s[j] == '!' || s[j] == '?') {
			j++
		}
		return j
	}
	return i + 1
}

// Abbreviation kinds decide what a full stop after them may mean.
const (
	abbrTitle  = iota + 1 // always followed by a name: never ends a sentence
	abbrNever             // e.g., vs.: never ends a sentence
	abbrNumber            // No. before a number
	abbrMonth             // Feb. 24: ends a sentence only before a sentence opener
	abbrMaybe             // Inc., Ltd., etc.: ends a sentence before a sentence opener
)

// abbreviations are the news abbreviations whose full stop is part of the
// word. Case matters: "Gen." is a rank, "gen." is nothing we know.
var abbreviations = map[string]int{
	"Mr": abbrTitle, "Mrs": abbrTitle, "Ms": abbrTitle, "Messrs": abbrTitle, "Mme": abbrTitle,
	"Dr": abbrTitle, "Prof": abbrTitle, "Gen": abbrTitle, "Gens": abbrTitle, "Lt": abbrTitle,
	"Col": abbrTitle, "Maj": abbrTitle, "Capt": abbrTitle, "Sgt": abbrTitle, "Cpl": abbrTitle,
	"Pvt": abbrTitle, "Adm": abbrTitle, "Cmdr": abbrTitle, "Cdr": abbrTitle, "Brig": abbrTitle,
	"Sen": abbrTitle, "Sens": abbrTitle, "Rep": abbrTitle, "Reps": abbrTitle, "Gov": abbrTitle,
	"Govs": abbrTitle, "St": abbrTitle, "Ste": abbrTitle, "Rev": abbrTitle, "Hon": abbrTitle,
	"Pres": abbrTitle, "Amb": abbrTitle, "Supt": abbrTitle, "Insp": abbrTitle, "Det": abbrTitle,
	"Mt": abbrTitle, "Ft": abbrTitle, "Fr": abbrTitle, "Sec": abbrTitle, "Secs": abbrTitle,
	"vs": abbrNever, "v": abbrNever, "cf": abbrNever, "approx": abbrNever, "ca": abbrNever,
	"viz": abbrNever, "Fig": abbrNever, "fig": abbrNever, "Vol": abbrNever, "vol": abbrNever,
	"pp": abbrNever, "est": abbrNever, "Nr": abbrNever, "Art": abbrNever,
	"No": abbrNumber, "Nos": abbrNumber, "no": abbrNumber, "nos": abbrNumber,
	"Jan": abbrMonth, "Feb": abbrMonth, "Mar": abbrMonth, "Apr": abbrMonth, "Jun": abbrMonth,
	"Jul": abbrMonth, "Aug": abbrMonth, "Sep": abbrMonth, "Sept": abbrMonth, "Oct": abbrMonth,
	"Nov": abbrMonth, "Dec": abbrMonth,
	"Inc": abbrMaybe, "Ltd": abbrMaybe, "Co": abbrMaybe, "Cos": abbrMaybe, "Corp": abbrMaybe,
	"Bros": abbrMaybe, "Plc": abbrMaybe, "plc": abbrMaybe, "Jr": abbrMaybe, "Sr": abbrMaybe,
	"etc": abbrMaybe, "Dept": abbrMaybe, "Univ": abbrMaybe, "Assn": abbrMaybe, "Ave": abbrMaybe,
	"Blvd": abbrMaybe, "Rd": abbrMaybe, "Sq": abbrMaybe, "Mln": abbrMaybe, "mln": abbrMaybe,
	"Bln": abbrMaybe, "bln": abbrMaybe, "pct": abbrMaybe,
}
