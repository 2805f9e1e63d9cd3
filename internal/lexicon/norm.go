package lexicon

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// fold returns the lookup key of a token: lower case, Latin diacritics
// stripped and typographic apostrophes and hyphens made plain, so that
// "Élysée", "ELYSEE" and "Elysee" or "Kyiv’s" and "Kyiv's" meet in the trie.
// It appends to buf and returns the extended buffer; the caller keeps the
// buffer between tokens to avoid allocating.
func fold(buf []byte, tok string) []byte {
	for i := 0; i < len(tok); {
		c := tok[i]
		if c < utf8.RuneSelf {
			if c >= 'A' && c <= 'Z' {
				c += 'a' - 'A'
			}
			buf = append(buf, c)
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(tok[i:])
		i += n
		switch r {
		case '’', '‘', 'ʼ', '`', '´':
			buf = append(buf, '\'')
			continue
		case '‐', '‑', '–':
			buf = append(buf, '-')
			continue
		}
		if s, ok := foldTable[r]; ok {
			buf = append(buf, s...)
			continue
		}
		if unicode.Is(unicode.Mn, r) {
			continue // a combining accent: drop it
		}
		buf = utf8.AppendRune(buf, unicode.ToLower(r))
	}
	return buf
}

// needsFold reports whether fold would change tok, so that the common case of
// a lower-case ASCII word can be looked up without copying.
func needsFold(tok string) bool {
	for i := 0; i < len(tok); i++ {
		c := tok[i]
		if c >= utf8.RuneSelf || c >= 'A' && c <= 'Z' {
			return true
		}
	}
	return false
}

// foldString is fold for callers that want a string (loading, Lookup).
func foldString(s string) string {
	if !needsFold(s) {
		return s
	}
	return string(fold(nil, s))
}

// foldTable maps the Latin letters with diacritics that occur in European
// and transliterated names to their plain lower-case form.
var foldTable = map[rune]string{}

func init() {
	pairs := []string{
		"ÀÁÂÃÄÅàáâãäåĀāĂăĄą", "a",
		"ÇçĆćĈĉĊċČč", "c",
		"ĎďĐđ", "d",
		"ÈÉÊËèéêëĒēĔĕĖėĘęĚě", "e",
		"ĜĝĞğĠġĢģ", "g",
		"ĤĥĦħ", "h",
		"ÌÍÎÏìíîïĨĩĪīĬĭĮįİı", "i",
		"Ĵĵ", "j",
		"Ķķ", "k",
		"ĹĺĻļĽľĿŀŁł", "l",
		"ÑñŃńŅņŇň", "n",
		"ÒÓÔÕÖØòóôõöøŌōŎŏŐő", "o",
		"ŔŕŖŗŘř", "r",
		"ŚśŜŝŞşŠšȘș", "s",
		"ŢţŤťŦŧȚț", "t",
		"ÙÚÛÜùúûüŨũŪūŬŭŮůŰűŲų", "u",
		"Ŵŵ", "w",
		"ÝýÿŶŷŸ", "y",
		"ŹźŻżŽž", "z",
	}
	for i := 0; i < len(pairs); i += 2 {
		for _, r := range pairs[i] {
			foldTable[r] = pairs[i+1]
		}
	}
	foldTable['Æ'], foldTable['æ'] = "ae", "ae"
	foldTable['Œ'], foldTable['œ'] = "oe", "oe"
	foldTable['ß'] = "ss"
	foldTable['Þ'], foldTable['þ'] = "th", "th"
	foldTable['Ð'], foldTable['ð'] = "d", "d"
}

// Case rules say how a token must be written to match a word of an alias.
const (
	caseAny   uint8 = iota // any case: role heads, item names, "the"
	caseCap                // first letter a capital: proper names ("Ukraine", not "ukraine")
	caseExact              // exactly as written: acronyms and =-marked aliases ("US", not "us")
)

// autoCase derives a word's case rule from how the data writes it: an
// acronym must be matched as written, a capitalised name needs a capital,
// and a lower-case word (or one with no letters) matches in any case.
func autoCase(w string) uint8 {
	upper, lower, letters := 0, 0, 0
	for _, r := range w {
		if unicode.IsLetter(r) {
			letters++
			if unicode.IsUpper(r) {
				upper++
			} else if unicode.IsLower(r) {
				lower++
			}
		}
	}
	switch {
	case letters == 0:
		return caseAny
	case lower == 0 && letters >= 2, lower == 0 && letters == 1 && len(w) > 1:
		return caseExact // US, NATO, G7, T-72
	}
	first, _ := utf8.DecodeRuneInString(w)
	if unicode.IsUpper(first) {
		return caseCap
	}
	return caseAny
}

// caseOK checks a text token against an alias word under a rule. The keys
// are already equal, so only the letter case is left to check.
func caseOK(rule uint8, tok, word string) bool {
	switch rule {
	case caseCap:
		r, _ := utf8.DecodeRuneInString(tok)
		return unicode.IsUpper(r)
	case caseExact:
		if tok == word {
			return true
		}
		// "U.S" whose full stop ended the sentence is still "U.S.".
		if len(word) == len(tok)+1 && word[len(tok)] == '.' && word[:len(tok)] == tok {
			return true
		}
		// Typographic apostrophes and hyphens do not change the word.
		return strings.ContainsAny(tok, "’‘‐‑") && foldString(tok) == foldString(word) && sameCase(tok, word)
	}
	return true
}

// sameCase compares the letter case of two strings rune by rune after the
// apostrophe and hyphen normalisation fold applies.
func sameCase(a, b string) bool {
	ra, rb := []rune(a), []rune(b)
	if len(ra) != len(rb) {
		return false
	}
	for i := range ra {
		if unicode.IsUpper(ra[i]) != unicode.IsUpper(rb[i]) {
			return false
		}
	}
	return true
}

// spellings are the British and American spellings that the news uses
// interchangeably; every alias is also loaded in the other spelling.
var spellings = [][2]string{
	{"defence", "defense"},
	{"Defence", "Defense"},
	{"armour", "armor"},
	{"Armour", "Armor"},
	{"centre", "center"},
	{"Centre", "Center"},
	{"programme", "program"},
	{"Programme", "Program"},
	{"organisation", "organization"},
	{"Organisation", "Organization"},
	{"winterised", "winterized"},
	{"tonne", "ton"},
}

// spellingVariants returns alias in each spelling (itself first).
func spellingVariants(alias string) []string {
	out := []string{alias}
	for _, p := range spellings {
		for _, v := range out {
			for _, pair := range [][2]string{p, {p[1], p[0]}} {
				if strings.Contains(v, pair[0]) {
					w := strings.ReplaceAll(v, pair[0], pair[1])
					if !contains(out, w) {
						out = append(out, w)
					}
				}
			}
		}
	}
	return out
}

// hyphenVariants returns the forms of a lower-case item alias that the news
// writes interchangeably: "anti-tank" as "anti tank" and "antitank", and
// "air defence" as "air-defence".
func hyphenVariants(alias string) []string {
	out := []string{alias}
	add := func(v string) {
		if !contains(out, v) {
			out = append(out, v)
		}
	}
	words := strings.Fields(alias)
	for i, w := range words {
		if strings.Contains(w, "-") && isLowerWord(strings.ReplaceAll(w, "-", "")) {
			for _, sep := range []string{" ", ""} {
				v := append([]string(nil), words...)
				v[i] = strings.ReplaceAll(w, "-", sep)
				add(strings.Join(v, " "))
			}
		}
		if i+1 < len(words) && isLowerWord(w) && isLowerWord(words[i+1]) {
			v := append([]string(nil), words[:i]...)
			v = append(v, w+"-"+words[i+1])
			v = append(v, words[i+2:]...)
			add(strings.Join(v, " "))
		}
	}
	return out
}

func isLowerWord(w string) bool {
	if w == "" {
		return false
	}
	for _, r := range w {
		if !unicode.IsLower(r) {
			return false
		}
	}
	return true
}

// plural returns alias with its last word in the plural, or "" when the last
// word is already plural or does not take one.
func plural(alias string) string {
	i := strings.LastIndexAny(alias, " ") + 1
	head, last := alias[:i], alias[i:]
	lower := strings.ToLower(last)
	switch {
	case last == "":
		return ""
	case strings.HasSuffix(lower, "s"), strings.HasSuffix(lower, "craft"),
		lower == "police", lower == "personnel", lower == "staff", lower == "equipment",
		lower == "gear", lower == "clothing", lower == "training", lower == "funding",
		lower == "foodstuffs", lower == "leadership", lower == "media":
		return ""
	case strings.HasSuffix(lower, "man"):
		return head + last[:len(last)-3] + "men"
	case strings.HasSuffix(lower, "y") && len(lower) > 1 && !strings.ContainsRune("aeiou", rune(lower[len(lower)-2])) && isLowerWord(last):
		return head + last[:len(last)-1] + "ies"
	case strings.HasSuffix(lower, "ch"), strings.HasSuffix(lower, "sh"), strings.HasSuffix(lower, "x"), strings.HasSuffix(lower, "z"):
		return head + last + "es"
	}
	return head + last + "s"
}

func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}
