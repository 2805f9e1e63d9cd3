package store

import (
	"strings"
	"unicode"
)

// Term is one element of a parsed search query.
type Term struct {
	Words  []string // one word, or several for a quoted phrase
	Prefix bool     // a trailing * asks for words starting with the term
	Not    bool     // preceded by NOT or -
	Or     bool     // joined to the previous term by OR instead of AND
}

// ParseQuery reads a search query in a forgiving syntax: words are ANDed,
// "quoted phrases" match in order, OR between terms widens, a leading - or
// NOT excludes, and word* matches a prefix. Anything else is treated as
// text, never as an error: analysts paste odd strings (U.S., €500m, "Mi-17")
// into search boxes, and each driver renders terms in its own safe syntax
// rather than passing the user's text through.
func ParseQuery(q string) []Term {
	q = RemoveInvisible(q)
	var terms []Term
	var pendingOr, pendingNot bool
	add := func(words []string, prefix bool) {
		if len(words) == 0 {
			return
		}
		terms = append(terms, Term{Words: words, Prefix: prefix, Not: pendingNot, Or: pendingOr && len(terms) > 0})
		pendingOr, pendingNot = false, false
	}
	for i := 0; i < len(q); {
		c := q[i]
		switch {
		case c == ' ' || c == '\t' || c == '\n':
			i++
		case c == '"':
			j := strings.IndexByte(q[i+1:], '"')
			var phrase string
			if j < 0 {
				phrase, i = q[i+1:], len(q)
			} else {
				phrase, i = q[i+1:i+1+j], i+2+j
			}
			add(words(phrase), false)
		default:
			j := i
			for j < len(q) && q[j] != ' ' && q[j] != '\t' && q[j] != '\n' && q[j] != '"' {
				j++
			}
			tok := q[i:j]
			i = j
			switch tok {
			case "OR", "|":
				pendingOr = true
				continue
			case "AND", "&":
				continue
			case "NOT":
				pendingNot = true
				continue
			}
			if strings.HasPrefix(tok, "-") && len(tok) > 1 {
				pendingNot = true
				tok = tok[1:]
			}
			prefix := strings.HasSuffix(tok, "*")
			w := words(strings.TrimRight(tok, "*"))
			add(w, prefix && len(w) == 1)
		}
	}
	return terms
}

// words splits text into the letter-and-digit words a full-text index
// holds, so that "Mi-17" becomes the phrase "mi 17" and "U.S." "u s".
func words(s string) []string {
	return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
}

// InvisibleRunes are the formatting characters that show nothing but split
// a word for a full-text tokenizer: zero-width space, non-joiner and
// joiner, word joiner, byte-order mark and soft hyphen. Drivers index text
// without them, and queries drop them, so "Ger\u200bmany" is found by
// "Germany" and the other way round.
var InvisibleRunes = []rune{0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF, 0x00AD}

// RemoveInvisible returns s without InvisibleRunes.
func RemoveInvisible(s string) string {
	return strings.Map(func(r rune) rune {
		for _, x := range InvisibleRunes {
			if r == x {
				return -1
			}
		}
		return r
	}, s)
}

// TermKey is the key of a term in SearchQuery.Variants: its words in
// lower case, joined by a space.
func TermKey(t Term) string { return strings.ToLower(strings.Join(t.Words, " ")) }

// ExpandTerms adds to each term the variants listed for it: a term asked
// for matches any of its variants (they join it by OR), an excluded one
// excludes them all. Prefix terms are left alone: a prefix already spans
// its spellings.
func ExpandTerms(terms []Term, variants map[string][]string) []Term {
	if len(variants) == 0 {
		return terms
	}
	out := make([]Term, 0, len(terms))
	for _, t := range terms {
		out = append(out, t)
		if t.Prefix {
			continue
		}
		for _, v := range variants[TermKey(t)] {
			words := strings.Fields(v)
			if len(words) == 0 {
				continue
			}
			out = append(out, Term{Words: words, Not: t.Not, Or: !t.Not})
		}
	}
	return out
}
