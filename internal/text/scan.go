package text

// The rules that find where a token ends, after the English Web Treebank's
// conventions (see Tokenize).

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

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

func digitAt(s string, i int) bool { return i >= 0 && i < len(s) && s[i] >= '0' && s[i] <= '9' }

func letterAt(s string, i int) bool {
	if i < 0 || i >= len(s) {
		return false
	}
	if c := s[i]; c < utf8.RuneSelf {
		return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
	}
	r, _ := utf8.DecodeRuneInString(s[i:])
	return unicode.IsLetter(r)
}

func upperAt(s string, i int) bool { return i < len(s) && s[i] >= 'A' && s[i] <= 'Z' }

func lowerByte(c byte) byte {
	if c >= 'A' && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}

// foldAt reports whether s holds the lower-case ASCII word w at i, in any
// case, with no word character after it.
func foldAt(s string, i int, w string) bool {
	if i+len(w) > len(s) {
		return false
	}
	for k := 0; k < len(w); k++ {
		if lowerByte(s[i+k]) != w[k] {
			return false
		}
	}
	return !wordAt(s, i+len(w))
}

// apostropheAt returns the length of a straight or curly apostrophe at i,
// or 0.
func apostropheAt(s string, i int) int {
	if i >= len(s) {
		return 0
	}
	if s[i] == '\'' {
		return 1
	}
	if strings.HasPrefix(s[i:], "’") {
		return len("’")
	}
	return 0
}

// cliticAt returns the end of the clitic ('s 're 've 'll 'd 'm) whose
// apostrophe of n bytes is at i, or 0 when none starts there. The clitic
// must end the word: "Ukraine's", "they’re", but not "O'Sullivan".
func cliticAt(s string, i, n int) int {
	k := i + n
	if k >= len(s) {
		return 0
	}
	switch lowerByte(s[k]) {
	case 's', 'd', 'm':
		if !wordAt(s, k+1) {
			return k + 1
		}
	case 'r':
		if k+1 < len(s) && lowerByte(s[k+1]) == 'e' && !wordAt(s, k+2) {
			return k + 2
		}
	case 'v':
		if k+1 < len(s) && lowerByte(s[k+1]) == 'e' && !wordAt(s, k+2) {
			return k + 2
		}
	case 'l':
		if k+1 < len(s) && lowerByte(s[k+1]) == 'l' && !wordAt(s, k+2) {
			return k + 2
		}
	}
	return 0
}

// negationAt returns the end of "n't" (with either apostrophe) at i, or 0.
func negationAt(s string, i int) int {
	if i >= len(s) || lowerByte(s[i]) != 'n' {
		return 0
	}
	n := apostropheAt(s, i+1)
	if n == 0 {
		return 0
	}
	k := i + 1 + n
	if k < len(s) && lowerByte(s[k]) == 't' && !wordAt(s, k+1) {
		return k + 1
	}
	return 0
}

// scanToken returns the end and kind of the token that starts with the word
// rune at i.
func scanToken(s string, i int) (int, Kind) {
	c := s[i]
	if c == 'h' || c == 'H' || c == 'w' || c == 'W' {
		if j, ok := scanURL(s, i); ok {
			return j, KindLink
		}
	}
	kind := KindWord
	if c >= '0' && c <= '9' {
		kind = KindNumber
	}
	// "n't" of a contraction already cut from its verb.
	if c == 'n' || c == 'N' {
		if j := negationAt(s, i); j > 0 {
			return j, KindWord
		}
	}
	// Words the treebank writes as two: can|not, gon|na, wan|na, got|ta.
	switch c {
	case 'c', 'C':
		if foldAt(s, i, "cannot") {
			return i + 3, KindWord
		}
	case 'g', 'G':
		if foldAt(s, i, "gonna") || foldAt(s, i, "gotta") {
			return i + 3, KindWord
		}
	case 'w', 'W':
		if foldAt(s, i, "wanna") {
			return i + 3, KindWord
		}
	}
	j := scanWordCore(s, i)
	if j < len(s) {
		switch s[j] {
		case '.':
			if keepsDot(s, i, j) {
				j++ // the dot belongs to the abbreviation
			} else if !wordAt(s, j+1) {
				// A full stop before a space or mark: no address goes on.
			} else if j, ok := scanEmail(s, i); ok {
				return j, KindLink
			} else if j, ok := scanDomain(s, i); ok {
				return j, KindLink
			}
		case '@', '_', '+':
			if j, ok := scanEmail(s, i); ok {
				return j, KindLink
			}
		}
	}
	return j, kind
}

// scanWordCore returns the end of the word or number begun at start: word
// runes and the joiners that may sit inside one.
func scanWordCore(s string, start int) int {
	j := start
	// num holds while the token is digits and their separators, so that
	// letters after it can be told apart as a unit ("155mm") or a suffix
	// ("3rd", "1990s").
	num := digitAt(s, start)
	// code holds once a digit group has taken a second hyphen: 2022-02-24.
	code := false
	// lastDot is the full stop last taken into a dotted abbreviation, so
	// that the next is judged on the letters since it: "U.S.A.F" is
	// checked once, not from its start at every full stop, which made a
	// long run of "a.a.a." cost the square of its length.
	lastDot := -1
	for j < len(s) {
		c := s[j]
		if c < utf8.RuneSelf {
			if asciiWord[c] {
				if num && !(c >= '0' && c <= '9') {
					end, whole := unitSplit(s, start, j)
					if !whole {
						return j
					}
					num = false
					j = end
					continue
				}
				j++
				continue
			}
			switch c {
			case '-':
				if joinHyphen(s, start, j, 1, &code) {
					j++
					continue
				}
			case '\'':
				if k := cliticAt(s, j, 1); k > 0 {
					return j
				}
				if j > start && (s[j-1] == 'n' || s[j-1] == 'N') && negationAt(s, j-1) > 0 {
					if j-1 > start {
						return j - 1
					}
					return negationAt(s, j-1)
				}
				if wordAt(s, j+1) {
					j++ // O'Brien, rock'n'roll
					continue
				}
			case '.':
				if digitAt(s, j-1) && digitAt(s, j+1) {
					j++
					continue
				}
				// Dotted abbreviations: U.S, e.g, a.m, U.A.V.s; only after a
				// single letter or an earlier dot, so "Kyiv.The" still splits.
				if letterAt(s, j+1) && (lastDot < 0 && dottedSoFar(s[start:j]) || lastDot >= 0 && dotGroup(s[lastDot+1:j])) {
					lastDot = j
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
			if num && !unicode.IsDigit(r) {
				if unicode.IsLetter(r) {
					return j // no unit or suffix is written in other scripts
				}
			}
			j += n
			continue
		case r == '’':
			if cliticAt(s, j, n) > 0 {
				return j
			}
			if j > start && (s[j-1] == 'n' || s[j-1] == 'N') && negationAt(s, j-1) > 0 {
				if j-1 > start {
					return j - 1
				}
				return negationAt(s, j-1)
			}
			if wordAt(s, j+n) {
				j += n
				continue
			}
		case r == '‐' || r == '‑':
			if joinHyphen(s, start, j, n, &code) {
				j += n
				continue
			}
		}
		return j
	}
	return j
}

// unitSplit decides, at the first letter j after the digits of a number,
// whether the letters belong to it: an ordinal or plural suffix ("3rd",
// "1990s") or a code that goes on in digits ("2S19") does, a unit or scale
// ("155mm", "5pm", "350m") does not. end is where the letters stop.
func unitSplit(s string, start, j int) (end int, whole bool) {
	k := j
	for k < len(s) && (s[k] >= 'a' && s[k] <= 'z' || s[k] >= 'A' && s[k] <= 'Z') {
		k++
	}
	if digitAt(s, k) {
		// "100km2": a unit squared, not a code.
		if sq := s[j:k]; (sq == "km" || sq == "m" || sq == "cm") && (s[k] == '2' || s[k] == '3') && !wordAt(s, k+1) {
			return k, false
		}
		return k, true
	}
	if wordAt(s, k) {
		return k, false
	}
	switch k - j {
	case 1:
		return k, s[j] == 's'
	case 2:
		a, b := lowerByte(s[j]), lowerByte(s[j+1])
		if a == 's' && b == 't' || a == 'n' && b == 'd' || a == 'r' && b == 'd' || a == 't' && b == 'h' {
			// Only after plain digits: "1.5th" is no ordinal.
			for p := start; p < j; p++ {
				if !digitAt(s, p) {
					return k, false
				}
			}
			return k, true
		}
	}
	return k, false
}

// joinHyphen decides whether the hyphen of n bytes at j stays inside the
// token begun at start. The treebank splits hyphenated compounds but keeps
// words formed with a prefix ("anti-tank", "non-NATO", "mid-2022") and
// digit groups joined by two or more hyphens (dates such as 2022-02-24,
// telephone numbers); a single hyphen between numbers is a range: "20-30".
func joinHyphen(s string, start, j, n int, code *bool) bool {
	if !wordAt(s, j+n) || j == start {
		return false
	}
	if digitAt(s, j-1) && digitAt(s, j+n) {
		if *code {
			return true
		}
		for k := start; k < j; k++ {
			if !digitAt(s, k) {
				return false
			}
		}
		k := j + n
		for digitAt(s, k) {
			k++
		}
		if k < len(s) && (s[k] == '-' || strings.HasPrefix(s[k:], "‐") || strings.HasPrefix(s[k:], "‑")) && digitAt(s, k+hyphenLen(s, k)) {
			*code = true
			return true
		}
		return false
	}
	if j-start > maxPrefix {
		return false
	}
	// Lower case or capitalised ("Anti-war" opening a sentence), but not
	// in capitals: "UN-backed" is the UN, not the prefix un-.
	var buf [maxPrefix]byte
	for k := start; k < j; k++ {
		c := s[k]
		switch {
		case c >= 'a' && c <= 'z':
		case c >= 'A' && c <= 'Z' && k == start:
		default:
			return false
		}
		buf[k-start] = lowerByte(c)
	}
	return prefixes[string(buf[:j-start])]
}

func hyphenLen(s string, k int) int {
	if s[k] == '-' {
		return 1
	}
	return len("‐")
}

// maxPrefix is the length of the longest prefix.
const maxPrefix = 7

// prefixes are the word-forming prefixes after which the treebank keeps a
// hyphenated word whole ("anti-tank", "pro-Russian", "e-mail", "ex-president").
// Ordinary words before a hyphen ("self", "well", "vice") are split off.
var prefixes = map[string]bool{
	"anti": true, "bi": true, "co": true, "counter": true, "cross": true, "de": true, "e": true,
	"ex": true, "extra": true, "geo": true, "hyper": true, "infra": true, "inter": true, "intra": true,
	"macro": true, "meta": true, "micro": true, "mid": true, "mini": true, "mis": true, "mono": true,
	"multi": true, "neo": true, "non": true, "over": true, "pan": true, "para": true, "post": true,
	"pre": true, "pro": true, "pseudo": true, "psycho": true, "re": true, "semi": true, "socio": true,
	"sub": true, "super": true, "trans": true, "tri": true, "ultra": true, "un": true,
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

// dotGroup reports whether g, the part of a dotted abbreviation since its
// last full stop, is one to three letters, which is what isDotted asks of
// each group: with the groups before it already passed, the word so far is
// dotted exactly when g is.
func dotGroup(g string) bool {
	if len(g) == 0 || len(g) > 3 {
		return false
	}
	for k := 0; k < len(g); k++ {
		if c := g[k]; !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z') {
			return false
		}
	}
	return true
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
// start (and so belongs to its token) rather than being punctuation. As in
// the treebank, the full stop of an abbreviation that ends a sentence is
// the sentence's: "from the U.S." ends in "U.S" ".".
func keepsDot(s string, start, j int) bool {
	w := s[start:j]
	last := w[len(w)-1]
	switch {
	case last >= '0' && last <= '9':
		return false
	case isDotted(w):
		return !finalDot(s, j, false) // U.S. a.m. e.g.
	case len(w) == 1:
		// An initial: J. Smith.
		return w[0] >= 'A' && w[0] <= 'Z' && !finalDot(s, j, false)
	}
	switch abbrevKind(w) {
	case 0:
		return false
	case abbrNumber:
		// "No. 10" but not "the answer was no."
		k := j + 1
		for k < len(s) && s[k] == ' ' {
			k++
		}
		return digitAt(s, k)
	case abbrMonth:
		return !finalDot(s, j, true)
	case abbrMaybe:
		return !finalDot(s, j, false)
	}
	return true // titles and the like never end a sentence
}

// finalDot reports whether the full stop at j, after an abbreviation that
// may end a sentence, ends one: at the end of the text or of a paragraph,
// or before a word that typically opens a sentence ("the U.S. The talks")
// or, except after a month, an opening quote or bracket. Closing quotes and
// brackets glued to the stop are passed over. These are the tests the
// sentence splitter makes after a full stop.
func finalDot(s string, j int, month bool) bool {
	k := j + 1
	for k < len(s) {
		switch c := s[k]; {
		case c == '"' || c == '\'' || c == ')' || c == ']':
			k++
			continue
		case strings.HasPrefix(s[k:], "”") || strings.HasPrefix(s[k:], "’"):
			k += len("”")
			continue
		case strings.HasPrefix(s[k:], "»"):
			k += len("»")
			continue
		}
		break
	}
	gap, lines := k, 0
	for k < len(s) {
		if c := s[k]; c < utf8.RuneSelf {
			if !asciiSpace[c] {
				break
			}
			if c == '\n' {
				lines++
			}
			k++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[k:])
		if !isSpaceRune(r) {
			break
		}
		if r == '\u2029' {
			lines += 2
		}
		k += n
	}
	switch {
	case k == len(s) || lines >= 2:
		return true
	case k == gap:
		return false // "U.S.-led", "U.S.,"
	}
	e := k
	for e < len(s) && (s[e] >= 'a' && s[e] <= 'z' || s[e] >= 'A' && s[e] <= 'Z') {
		e++
	}
	if e > k {
		return starters[s[k:e]] && !wordAt(s, e)
	}
	if month {
		return false
	}
	r, n := utf8.DecodeRuneInString(s[k:])
	return isOpener(s[k:k+n]) && r != utf8.RuneError
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

// scanURL takes a web address as one token, so that its dots and slashes
// do not turn into sentence ends or stray punctuation.
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
	j = trimTrailing(s, i, j)
	if s[i] == 'w' || s[i] == 'W' {
		return j, j > i+4
	}
	return j, j > i+8
}

// trimTrailing gives back the punctuation at the end of an address, which
// belongs to the sentence.
func trimTrailing(s string, i, j int) int {
	for j > i {
		switch s[j-1] {
		case '.', ',', ';', ':', '!', '?', ')', ']', '\'':
			j--
			continue
		}
		break
	}
	return j
}

// scanEmail takes an e-mail address starting at i as one token: a local
// part, @ and a domain with at least one dot.
func scanEmail(s string, i int) (int, bool) {
	j := i
	// The bounds (those of the standard) keep a long run of dotted words
	// from being rescanned at every token.
	for j < len(s) && j-i <= 64 && emailLocal(s[j]) {
		j++
	}
	if j == i || j+1 >= len(s) || s[j] != '@' {
		return 0, false
	}
	j++
	dom, dots := j, 0
	for j < len(s) && j-dom <= 255 && (asciiWord[s[j]] || s[j] == '-' || s[j] == '.') {
		if s[j] == '.' {
			dots++
		}
		j++
	}
	j = trimTrailing(s, dom, j)
	if dots == 0 || j == dom || strings.IndexByte(s[dom:j], '.') < 0 {
		return 0, false
	}
	return j, true
}

// scanDomain takes a bare domain name starting at i ("example.com",
// "gov.uk", "president.gov.ua/news") as one token when it ends in one of
// the common top-level domains, written in lower case.
func scanDomain(s string, i int) (int, bool) {
	j, last := i, i
	for j < len(s) && j-i <= 255 {
		// A label is at most 63 bytes (the standard's bound), so that a
		// long run of letters after a full stop is not read again from
		// each of the words before it.
		k := j
		for k < len(s) && k-j < 63 && (asciiWord[s[k]] || s[k] == '-') {
			k++
		}
		if k == j {
			return 0, false
		}
		last, j = j, k
		if j+1 < len(s) && s[j] == '.' && asciiWord[s[j+1]] {
			j++
			continue
		}
		break
	}
	if last == i || wordAt(s, j) || !topDomains[s[last:j]] {
		return 0, false
	}
	if j < len(s) && s[j] == '/' {
		for j < len(s) && !asciiSpace[s[j]] && s[j] < utf8.RuneSelf && s[j] != '"' && s[j] != '<' && s[j] != '>' {
			j++
		}
		j = trimTrailing(s, i, j)
	}
	return j, true
}

// topDomains are the top-level domains that mark a bare domain name.
var topDomains = map[string]bool{
	"com": true, "org": true, "net": true, "gov": true, "edu": true, "int": true, "mil": true,
	"info": true, "io": true, "uk": true, "ua": true, "ru": true, "eu": true,
}

func emailLocal(c byte) bool {
	return c < utf8.RuneSelf && (asciiWord[c] || c == '.' || c == '_' || c == '%' || c == '+' || c == '-')
}

func hasPrefixFold(s, prefix string) bool {
	if len(s) < len(prefix) {
		return false
	}
	for k := 0; k < len(prefix); k++ {
		if lowerByte(s[k]) != prefix[k] {
			return false
		}
	}
	return true
}

// scanPunct returns the end and kind of the ASCII punctuation token that
// starts at i.
func scanPunct(s string, i int) (int, Kind) {
	c := s[i]
	switch c {
	case '\'':
		if j := cliticAt(s, i, 1); j > 0 {
			return j, KindWord
		}
		// '90s: the treebank keeps a decade's apostrophe with it.
		if digitAt(s, i+1) && digitAt(s, i+2) && i+3 < len(s) && s[i+3] == 's' && !wordAt(s, i+4) {
			return i + 4, KindNumber
		}
	case '@':
		if letterAt(s, i+1) || digitAt(s, i+1) {
			return handleEnd(s, i+1), KindWord
		}
	case '#':
		// A hashtag is a word; "#3" is a sign and a number.
		if letterAt(s, i+1) {
			return handleEnd(s, i+1), KindWord
		}
	case '!', '?':
		j := i + 1
		for j < len(s) && (s[j] == '!' || s[j] == '?') {
			j++
		}
		return j, KindPunct
	}
	// A run of one mark is one token, as the treebank has it: an ellipsis
	// "...", a typed dash "--", a rule "=====", a closing quote "''".
	if repeats[c] {
		j := i + 1
		for j < len(s) && s[j] == c {
			j++
		}
		if j-i >= 2 {
			return j, asciiKind[c]
		}
	}
	return i + 1, asciiKind[c]
}

// repeats are the marks whose runs make one token.
var repeats = func() (r [utf8.RuneSelf]bool) {
	for _, c := range ".-_=*<>~'`#+^" {
		r[c] = true
	}
	return r
}()

// handleEnd returns the end of the handle or hashtag whose name starts at i.
func handleEnd(s string, i int) int {
	for i < len(s) && (asciiWord[s[i]] || s[i] == '_') {
		i++
	}
	return i
}

// asciiKind is the kind of each ASCII punctuation byte standing alone.
var asciiKind = func() (k [utf8.RuneSelf]Kind) {
	for c := 0; c < utf8.RuneSelf; c++ {
		k[c] = runeKind(rune(c))
	}
	return k
}()

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
	"viz": abbrNever, "Fig": abbrNumber, "fig": abbrNumber, "Vol": abbrNumber, "vol": abbrNumber,
	"pp": abbrNumber, "est": abbrNever, "Nr": abbrNumber, "Art": abbrNumber,
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
