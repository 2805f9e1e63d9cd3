package text

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Sentence is one sentence of a text: Start and End are byte offsets of its
// first and last token (so surrounding white space is trimmed) and Tokens are
// its tokens, with offsets into the same text.
type Sentence struct {
	Start, End int
	Tokens     []Token
}

// Sentences cuts text into sentences.
//
// A sentence never crosses a blank line. A single line break ends a sentence
// when the text is laid out one paragraph a line (as the corpus articles are)
// or when it ends a headline-like short line; in hard-wrapped text (such as
// newswire copy wrapped at 70 columns) a line break inside a paragraph is
// read as a space. Within a line, a full stop, question or exclamation mark
// or an ellipsis ends a sentence when what follows (after any closing quotes
// or brackets glued to it) opens one: a capital, a digit, an opening quote or
// bracket, or a dash. The full stop of an abbreviation ends one only before a
// word that typically opens a sentence ("the U.S. The talks"), and never after
// a title (Mr., Gen.) or before a number (No. 10, Feb. 24).
func Sentences(text string) []Sentence {
	sc := Scanner{keep: true, toks: make([]Token, 0, len(text)/5+8)}
	sc.Reset(text)
	var out []Sentence
	for sc.Next() {
		if out == nil {
			out = make([]Sentence, 0, cap(sc.toks)/16+1)
		}
		out = append(out, sc.Sentence())
	}
	return out
}

// A Scanner cuts a text into the sentences of Sentences one at a time, into
// a buffer of tokens it reuses, so that a stage that reads each sentence
// once need not hold the tokens of the whole text. The zero Scanner holds no
// text; Reset gives it one.
type Scanner struct {
	tz   Tokenizer
	src  string
	lay  layout
	toks []Token // tokens read: the current sentence's from off, then more
	off  int     // the current sentence's first token
	n    int     // tokens of the current sentence
	keep bool    // Sentences: hand out every token, never reuse the buffer
}

// Reset starts the scanner on text.
func (sc *Scanner) Reset(text string) {
	sc.tz.Reset(text, 0)
	sc.src = text
	sc.lay = scanLayout(text)
	sc.toks = sc.toks[:0]
	sc.off, sc.n = 0, 0
	if sc.keep {
		// Sentences keeps every token anyway: cut them all in one pass.
		sc.toks = AppendTokens(sc.toks, text, 0)
		sc.tz.Reset("", 0)
	}
}

// Sentence returns the sentence Next found. Its tokens are valid until the
// next call of Next or Reset.
func (sc *Scanner) Sentence() Sentence {
	t := sc.toks[sc.off : sc.off+sc.n : sc.off+sc.n]
	return Sentence{Start: t[0].Start, End: t[sc.n-1].End, Tokens: t}
}

// Next finds the next sentence and reports whether there is one.
func (sc *Scanner) Next() bool {
	sc.off += sc.n
	sc.n = 0
	if !sc.fill(1) {
		return false
	}
	for i := 0; ; i++ {
		t := sc.toks[sc.off:]
		if i+2 > len(t) {
			if !sc.fill(i + 2) {
				sc.n = len(sc.toks) - sc.off // the text's end closes the last sentence
				return true
			}
			t = sc.toks[sc.off:]
		}
		if w := t[i].Text; mayEnd(w) && terminalKind(w) != 0 {
			// Read past the closing quotes and brackets after the mark to
			// the token that decides.
			k := i
			for sc.fill(k+2) && sc.toks[sc.off+k+1].Start == sc.toks[sc.off+k].End && isCloser(sc.toks[sc.off+k+1].Text) {
				k++
			}
			t = sc.toks[sc.off:]
			if k, cut := terminalCut(t, i); cut {
				sc.n = k + 1
				return true
			}
		}
		if t[i+1].Gap >= GapLine && gapCut(sc.src, &t[i], &t[i+1], sc.lay) {
			sc.n = i + 1
			return true
		}
	}
}

// fill reads tokens until n lie from the current sentence's first on, and
// reports whether they do. The buffer is compacted only when full, so that
// most tokens are written once.
func (sc *Scanner) fill(n int) bool {
	for len(sc.toks)-sc.off < n {
		if !sc.keep && cap(sc.toks)-len(sc.toks) < fillChunk && sc.off > 0 {
			sc.toks = sc.toks[:copy(sc.toks, sc.toks[sc.off:])]
			sc.off = 0
		}
		m := len(sc.toks)
		sc.toks = sc.tz.Append(sc.toks, fillChunk)
		if len(sc.toks) == m {
			return false
		}
	}
	return true
}

// fillChunk is how many tokens the scanner reads at a time.
const fillChunk = 64

// layout is what Sentences learns about the shape of the whole text before
// cutting: whether its lines are hard-wrapped and how long its longest is.
type layout struct {
	wrapped bool
	maxLine int
}

// scanLayout calls a text hard-wrapped when a good share of its single line
// breaks fall inside a sentence (the next line goes on in lower case after a
// line with no final punctuation): a paragraph-a-line text has none.
func scanLayout(s string) layout {
	var lay layout
	single, inside := 0, 0
	pos := 0
	for pos < len(s) {
		nl := strings.IndexByte(s[pos:], '\n')
		if nl < 0 {
			lay.maxLine = max(lay.maxLine, len(trimLine(s[pos:])))
			break
		}
		line := trimLine(s[pos : pos+nl])
		lay.maxLine = max(lay.maxLine, len(line))
		pos += nl + 1
		if line == "" {
			continue
		}
		k := pos
		for k < len(s) && (s[k] == ' ' || s[k] == '\t' || s[k] == '\r') {
			k++
		}
		if k >= len(s) || s[k] == '\n' {
			continue // a blank line follows: a paragraph break, not a wrap
		}
		single++
		if c := s[k]; c >= 'a' && c <= 'z' && !endsClause(line) {
			inside++
		}
	}
	lay.wrapped = inside > 0 && inside*5 >= single
	return lay
}

// trimLine cuts the spaces, tabs and carriage returns off the end of a line.
func trimLine(l string) string {
	n := len(l)
	for n > 0 && (l[n-1] == ' ' || l[n-1] == '\t' || l[n-1] == '\r') {
		n--
	}
	return l[:n]
}

// endsClause reports whether a line ends with punctuation that can close a
// sentence or clause, so that a lower-case next line is no sign of wrapping.
func endsClause(line string) bool {
	r, _ := utf8.DecodeLastRuneInString(line)
	switch r {
	case '.', '!', '?', ':', ';', '"', '”', '…':
		return true
	}
	return false
}

// gapCut decides whether the white space between two tokens ends a sentence
// by itself: a blank line always does, a single line break as the layout and
// the two lines say.
func gapCut(s string, a, b *Token, lay layout) bool {
	if b.Gap < GapLine {
		return false // no line or paragraph break between them
	}
	gap := s[a.End:b.Start]
	if len(gap) == 1 && gap[0] == ' ' {
		return false
	}
	nl := strings.Count(gap, "\n")
	if nl == 0 {
		// Some texts separate paragraphs with U+2029 or U+2028 instead.
		return strings.ContainsRune(gap, '\u2029') || strings.ContainsRune(gap, '\u2028') && !lay.wrapped
	}
	if nl >= 2 {
		return true
	}
	first, _ := utf8.DecodeRuneInString(b.Text)
	if unicode.IsLower(first) || runsOn[a.Text] {
		return false
	}
	if !lay.wrapped {
		return true
	}
	// Hard-wrapped: a new paragraph is indented, a headline is a short line
	// without final punctuation.
	after := gap[strings.IndexByte(gap, '\n')+1:]
	if strings.ContainsAny(after, " \t") {
		return true
	}
	lineStart := strings.LastIndexByte(s[:a.End], '\n') + 1
	lineLen := a.End - lineStart
	return !endsClause(a.Text) && lineLen*10 < lay.maxLine*6 && opensSentence(b.Text)
}

// terminalCut decides whether the token at i ends a sentence by its
// punctuation. It returns the index of the sentence's last token, which takes
// in any closing quotes and brackets glued to the mark.
func terminalCut(toks []Token, i int) (int, bool) {
	kind := terminalKind(toks[i].Text)
	if kind == 0 {
		return i, false
	}
	k := i
	for k+1 < len(toks) && toks[k+1].Start == toks[k].End && isCloser(toks[k+1].Text) {
		k++
	}
	if k+1 >= len(toks) {
		return k, false // the text's end closes it anyway
	}
	next := toks[k+1].Text
	switch kind {
	case termStop, termStrong, termEllipsis:
		return k, opensSentence(next)
	case termAbbrev:
		return k, starters[next] || isOpener(next)
	case termAbbrevMonth:
		return k, starters[next]
	}
	return k, false
}

// Kinds of sentence-final punctuation.
const (
	termStop = iota + 1
	termStrong
	termEllipsis
	termAbbrev
	termAbbrevMonth
)

// mayEnd is the quick test before terminalKind: most tokens neither start
// nor end with a mark (a word, a number, a comma), and only the others can
// end a sentence.
func mayEnd(t string) bool {
	c := t[0]
	return c == '.' || c == '!' || c == '?' || c == 0xE2 || t[len(t)-1] == '.'
}

func terminalKind(t string) int {
	if !mayEnd(t) {
		return 0
	}
	switch t {
	case ".":
		return termStop
	case "!", "?", "?!", "!?", "!!", "??", "!!!", "???":
		return termStrong
	case "…":
		return termEllipsis
	}
	if len(t) >= 2 && strings.Trim(t, ".") == "" {
		return termEllipsis
	}
	if len(t) < 2 || t[len(t)-1] != '.' {
		return 0
	}
	w := t[:len(t)-1]
	switch abbrevKind(w) {
	case abbrTitle, abbrNever, abbrNumber:
		return 0
	case abbrMonth:
		return termAbbrevMonth
	}
	return termAbbrev
}

// opensSentence reports whether a token can be the first of a sentence after
// a full stop: a capital, a digit, an opening quote or bracket, a dash, or a
// hashtag or handle of an embedded post ("... in May. #UPDATE The
// Treasury said ...").
func opensSentence(t string) bool {
	r, size := utf8.DecodeRuneInString(t)
	switch {
	case unicode.IsUpper(r), unicode.IsDigit(r):
		return true
	case isOpener(t):
		return true
	case (r == '#' || r == '@') && len(t) > size:
		return true
	}
	switch r {
	case '—', '–', '-', '•', '¿', '¡':
		return true
	}
	return false
}

func isOpener(t string) bool {
	switch t {
	case "\"", "“", "‘", "'", "(", "[", "«", "„", "‹":
		return true
	}
	return false
}

func isCloser(t string) bool {
	switch t {
	case "\"", "”", "’", "'", ")", "]", "}", "»", "›":
		return true
	}
	return false
}

// runsOn are words that do not end a sentence or a headline: a line that
// ends in one goes on in the next ("after July\n23, 1981", "in\n1987"),
// whatever the next line starts with.
var runsOn = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`the a an of to in on at by for from with into onto over under after
		before since until between during and or nor but than as per via about against among
		January February March April June July August September October November December
		Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec`) {
		runsOn[w] = true
	}
}

// starters are capitalised words that typically open a sentence and rarely
// follow an abbreviation inside one: after "the U.S." a capital alone says
// nothing (the U.S. Senate) but "The" or "He" does.
var starters = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`The A An This That These Those It Its He She They We I You His Her
		Their Our My But And Or So Yet In On At As By For From To With Without Of If When While
		After Before Since During Meanwhile However Although Though Still There Here Some Many
		Most Both Each All No Not One Two Three Four Five More Officials Earlier Later Last Next
		According Asked What Why How Who Where Which Such Under Over Despite Also Then Now Today
		Yesterday Other Another Several Few Only Even Mr Mrs Ms Dr Separately Instead Because`) {
		starters[w] = true
	}
}
