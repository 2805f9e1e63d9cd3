package text

// Hyphenated compounds, which the tokeniser splits as the treebank does,
// seen whole again by the stages whose word lists were written with them
// ("Russian-made", "would-be"), and prefixed words, which it keeps whole,
// seen in parts by the stages whose grammar reads the prefix ("mid" of
// "mid-March").

import "strings"

// TokenizePhrase cuts a name or phrase given on its own (a lexicon alias, a
// trigger phrase) as it is cut inside a sentence: an abbreviation's full stop
// at its end stays on the abbreviation ("U.S."), since a name given alone
// ends no sentence. Offsets are into s.
func TokenizePhrase(s string) []Token {
	// A lower-case word after the phrase is no sentence opener, so the
	// phrase's last abbreviation keeps its full stop; it is cut off again.
	toks := Tokenize(s+" a", 0)
	toks = toks[:len(toks)-1]
	for i := range toks {
		// Text into s rather than the joined copy, unless invisible
		// characters inside the token made it a copy of its own anyway.
		if t := &toks[i]; len(t.Text) == t.End-t.Start {
			t.Text = s[t.Start:t.End]
		}
	}
	return toks
}

// IsHyphen reports whether a token is a hyphen that joins the tokens on
// either side into one compound: a hyphen (or U+2010, U+2011) with nothing
// between it and them.
func IsHyphen(toks []Token, i int) bool {
	if i <= 0 || i+1 >= len(toks) {
		return false
	}
	switch toks[i].Text {
	case "-", "‐", "‑":
	default:
		return false
	}
	a, b := &toks[i-1], &toks[i+1]
	return toks[i].Gap == GapNone && b.Gap == GapNone &&
		(a.Kind == KindWord || a.Kind == KindNumber) && (b.Kind == KindWord || b.Kind == KindNumber)
}

// CompoundEnd returns the end of the hyphenated compound that starts at
// token i: tokens [i, j) are words and numbers joined by hyphens
// ("Russian" "-" "made", "T" "-" "72", "Guinea" "-" "Bissau"), which a
// reader sees as one word. It is i+1 for a token joined to nothing after
// it. Stages that matched whole hyphenated words use it to keep matching
// them whole.
func CompoundEnd(toks []Token, i int) int {
	j := i + 1
	for IsHyphen(toks, j) {
		j += 2
	}
	return j
}

// CompoundStart returns the first token of the hyphenated compound that
// holds token i (i itself when it is joined to nothing before it).
func CompoundStart(toks []Token, i int) int {
	for {
		switch {
		case IsHyphen(toks, i):
			i--
		case IsHyphen(toks, i-1):
			i -= 2
		default:
			return i
		}
	}
}

// Compounds returns toks with each hyphenated compound joined into one
// token ("Russian" "-" "made" becomes "Russian-made", of kind word unless it
// starts with a digit), for stages whose word lists are written with such
// compounds as single words. toks must have been cut from src with base 0.
// When toks holds no compound it is returned as it is.
func Compounds(src string, toks []Token) []Token {
	i := 0
	for i < len(toks) && CompoundEnd(toks, i) == i+1 {
		i++
	}
	if i == len(toks) {
		return toks
	}
	out := make([]Token, i, len(toks))
	copy(out, toks[:i])
	for i < len(toks) {
		j := CompoundEnd(toks, i)
		t := toks[i]
		if j > i+1 {
			t.End = toks[j-1].End
			t.Text = StripInvisible(src[t.Start:t.End])
		}
		out = append(out, t)
		i = j
	}
	return out
}

// SplitHyphens appends to dst the parts of a word the tokeniser kept whole
// across hyphens (a word formed with a prefix: "mid-March", "pre-2014"):
// each part and each hyphen, with offsets into the same text, for a stage
// whose grammar reads the prefix as a word of its own ("mid" as a modifier
// of "March"). Any other token is appended as it is, and so is a word with
// invisible characters inside it, whose Text no longer tells where in the
// span each part lies.
func SplitHyphens(dst []Token, t Token) []Token {
	if !HasHyphen(t) || len(t.Text) != t.End-t.Start {
		return append(dst, t)
	}
	s := t.Text
	start, gap := 0, t.Gap
	for k := 0; k < len(s); {
		n := 0
		switch {
		case s[k] == '-':
			n = 1
		case strings.HasPrefix(s[k:], "‐") || strings.HasPrefix(s[k:], "‑"):
			n = len("‐")
		}
		if n == 0 || k == start || k+n == len(s) {
			if n == 0 {
				n = 1
			}
			k += n
			continue
		}
		dst = append(dst, part(t, start, k, gap), Token{Start: t.Start + k, End: t.Start + k + n, Text: s[k : k+n], Kind: KindPunct})
		gap = GapNone
		start = k + n
		k = start
	}
	return append(dst, part(t, start, len(s), gap))
}

// HasHyphen reports whether t is a word the tokeniser kept whole across a
// hyphen, which SplitHyphens would split.
func HasHyphen(t Token) bool {
	if t.Kind != KindWord {
		return false
	}
	for k := 1; k < len(t.Text); k++ {
		// U+2010 and U+2011 start with 0xE2, as do other marks; the
		// splitter looks closer.
		if c := t.Text[k]; c == '-' || c == 0xE2 {
			return true
		}
	}
	return false
}

// part is the piece [a, b) of token t, a number when it starts with a digit.
func part(t Token, a, b int, gap Gap) Token {
	kind := KindWord
	if digitAt(t.Text, a) {
		kind = KindNumber
	}
	return Token{Start: t.Start + a, End: t.Start + b, Text: t.Text[a:b], Kind: kind, Gap: gap}
}
