// Package text cuts an article's UTF-8 text into sentences and tokens that
// keep byte offsets into the original, so that every later stage can point
// back at the exact words it read and show them highlighted.
//
// It is the only tokeniser of the pipeline: the lexicon, the number and
// time-expression finders, the event extractor and the parser all read the
// same tokens, so that a span one stage reports is a run of whole tokens to
// every other.
//
// The tokens follow the conventions of Universal Dependencies English (the
// English Web Treebank), because a tagger and parser trained on that
// treebank read them: clitics are split off ("do" "n't", "Ukraine" "'s"),
// numbers are split from the units glued to them ("155" "mm", "$" "350"
// "m"), and most hyphenated compounds are split at the hyphen ("Russian" "-"
// "made") while prefixed words stay whole ("anti-tank", "mid-March").
//
// The splitter is hand-written rather than trained: news prose has a small,
// well-known set of traps (abbreviations, initials, decimals, quotes after the
// full stop, headline lines without one) that a few rules handle correctly
// and at a speed that keeps extraction bound by the later stages.
package text

import (
	"unicode"
	"unicode/utf8"
)

// Kind says what sort of token a token is, so that the stages reading
// tokens need not look at its characters again.
type Kind uint8

// The kinds of token.
const (
	// KindWord starts with a letter: "Kyiv", "M777", "U.S.", "anti-tank",
	// and the split-off clitics "'s", "n't", "'re", "'ll", "'ve", "'d", "'m"
	// (whose first character is an apostrophe), handles and hashtags.
	KindWord Kind = iota + 1
	// KindNumber starts with a digit: "2,000", "1.5", "10:30", "27/06/2022",
	// "2022-02-24", "3rd", "1990s", and "'90s".
	KindNumber
	// KindPunct is a punctuation mark: ".", ",", "-", "—", "“", "(", "...".
	KindPunct
	// KindSymbol is a currency sign, a mathematical or other symbol, or one
	// of % ‰ # @ standing alone: "$", "€", "%", "+", "°".
	KindSymbol
	// KindLink is a web address or an e-mail address, kept whole.
	KindLink
)

// Gap says what separates a token from the one before it. Stages that
// glue tokens back together ("155" "mm" is one calibre, "Russian" "-" "made"
// one compound) test for GapNone; sentence and paragraph logic looks for
// line breaks.
type Gap uint8

// The gaps between tokens, from none to a paragraph break.
const (
	// GapNone: the token touches the one before it.
	GapNone Gap = iota
	// GapSpace: white space without a line break.
	GapSpace
	// GapLine: white space with one line break (or U+2028).
	GapLine
	// GapPara: a blank line (or U+2029). The first token of a text counts
	// as following one, since nothing before it can join it.
	GapPara
)

// Token is one word, number or punctuation mark. Start and End are byte
// offsets into the text the token was cut from (shifted by the base given to
// Tokenize), and Text is that slice of it, so no token copies the text;
// except that Text leaves out the invisible format characters (zero-width
// spaces and joiners, word joiners, byte-order marks, soft hyphens) that
// sit inside the token, since stages match words on Text and a reader
// does not see them: "Ger\u200bmany" is one token whose Text is "Germany"
// and whose span covers all of its bytes. Such characters outside a word
// belong to no token and leave the gap between tokens as it was.
type Token struct {
	Start, End int
	Text       string
	Kind       Kind
	// Gap is what lies between the token and the one before it.
	Gap Gap
}

// Glued reports whether the token touches the one before it, as the parts of
// "155mm" and "Russian-made" do.
func (t Token) Glued() bool { return t.Gap == GapNone }

// Tokenize cuts a fragment of text into tokens whose offsets are shifted by
// base, so that a caller holding a paragraph at offset base of an article
// gets offsets into the article.
//
// The rules follow the English Web Treebank:
//
//   - Clitics are their own tokens: "Ukraine's" is "Ukraine" "'s", "don't"
//     "do" "n't", "can't" "ca" "n't", "won't" "wo" "n't", "they're" "they"
//     "'re", and likewise 'll, 've, 'd, 'm (with ' or ’); "cannot" is "can"
//     "not" and "gonna" "gon" "na". A plural possessive's apostrophe
//     ("states'") stands alone.
//   - Numbers keep their separators ("2,000", "1.5", "10:30", "27/06/2022";
//     a digit group with two or more hyphens, "2022-02-24", is one token),
//     an ordinal or plural suffix ("3rd", "1990s") and a leading apostrophe
//     ("'90s"); other letters glued after digits are split off ("155" "mm",
//     "5" "pm", "1.2" "bn") unless more digits follow ("2S19").
//   - Hyphenated compounds are split at the hyphen ("Russian" "-" "made",
//     "T" "-" "72", "20" "-" "30") unless the first part is a prefix such as
//     anti, non, pre, post, mid, co or ex ("anti-tank", "mid-March").
//   - Dotted abbreviations keep their dots ("U.S.", "a.m.", "Mr.", "Gen.");
//     "U.S.-led" is "U.S." "-" "led".
//   - Currency signs, dashes, quotes and brackets stand alone; an ellipsis
//     of full stops, "--" and runs of ! and ? are one token; web and e-mail
//     addresses, handles and hashtags are kept whole.
//   - Invisible format characters (U+00AD, U+200B, U+200C, U+200D, U+2060,
//     U+FEFF) are passed over as if absent: they neither split a word nor
//     show in its Text (see Token).
func Tokenize(text string, base int) []Token {
	// A token per five bytes is what news prose needs; text dense in
	// figures grows the slice once.
	return AppendTokens(make([]Token, 0, len(text)/5+4), text, base)
}

// AppendTokens is Tokenize into a caller's slice, so that a stage with a
// buffer of its own cuts a text without allocating.
func AppendTokens(dst []Token, text string, base int) []Token {
	vis, hid := visible(text)
	n := len(dst)
	dst, _, _ = appendTokens(dst, vis, base, 0, GapPara, len(vis)+1)
	if hid != nil {
		r := restorer{src: text, hid: hid}
		r.restore(dst[n:], base)
	}
	return dst
}

// A Tokenizer cuts a text into the tokens of Tokenize one at a time, for a
// stage that streams through a text without keeping all its tokens. The
// zero Tokenizer holds no text; Reset gives it one.
type Tokenizer struct {
	src  string // the text without its invisible characters
	rs   restorer
	base int
	pos  int // where cutting goes on
	gap  Gap // the gap passed over before pos
	buf  [32]Token
	n, k int // buf holds n tokens, of which k have been handed out
}

// Reset starts the tokenizer on text, with offsets shifted by base.
func (tz *Tokenizer) Reset(text string, base int) {
	vis, hid := visible(text)
	tz.src, tz.base, tz.pos, tz.gap, tz.n, tz.k = vis, base, 0, GapPara, 0, 0
	tz.rs = restorer{src: text, hid: hid}
}

// Next returns the next token, and false at the end of the text.
func (tz *Tokenizer) Next() (Token, bool) {
	if tz.k == tz.n {
		// Tokens are cut a few dozen at a time by the loop Tokenize uses,
		// which keeps the cost of a token the same either way.
		tz.n, tz.k = len(tz.Append(tz.buf[:0], len(tz.buf))), 0
		if tz.n == 0 {
			return Token{}, false
		}
	}
	tz.k++
	return tz.buf[tz.k-1], true
}

// Append appends at most max of the next tokens to dst, which gets none at
// the end of the text, so that a stage streaming into a buffer of its own
// writes each token once. It must not be mixed with Next on one text.
func (tz *Tokenizer) Append(dst []Token, max int) []Token {
	n := len(dst)
	dst, tz.pos, tz.gap = appendTokens(dst, tz.src, tz.base, tz.pos, tz.gap, max)
	if tz.rs.hid != nil {
		tz.rs.restore(dst[n:], tz.base)
	}
	return dst
}

// appendTokens appends to dst at most max tokens of s cut from byte i on,
// given the gap already passed over before i, and returns where it stopped
// and the gap passed over since its last token. s holds no invisible
// characters: the callers take them out first and restore the offsets.
func appendTokens(dst []Token, s string, base, i int, gap Gap, max int) ([]Token, int, Gap) {
	for n := 0; i < len(s) && n < max; {
		c := s[i]
		var j int
		var kind Kind
		if c < utf8.RuneSelf {
			switch {
			case asciiSpace[c]:
				// The gap grows with what it holds: space, then a line
				// break, then a blank line.
				if c == '\n' {
					if gap >= GapLine {
						gap = GapPara
					} else {
						gap = GapLine
					}
				} else if gap == GapNone {
					gap = GapSpace
				}
				i++
				continue
			case asciiWord[c]:
				j, kind = scanToken(s, i)
			default:
				j, kind = scanPunct(s, i)
			}
		} else {
			r, size := utf8.DecodeRuneInString(s[i:])
			switch {
			case isSpaceRune(r):
				switch {
				case r == '\u2029':
					gap = GapPara
				case r == '\u2028' && gap < GapLine:
					gap = GapLine
				case gap == GapNone:
					gap = GapSpace
				}
				i += size
				continue
			case isWordRune(r):
				j, kind = scanToken(s, i)
			default:
				j, kind = i+size, runeKind(r)
				if r == '’' {
					if k := cliticAt(s, i, size); k > 0 {
						j, kind = k, KindWord
					}
				}
			}
		}
		dst = append(dst, Token{Start: base + i, End: base + j, Text: s[i:j], Kind: kind, Gap: gap})
		n++
		gap = GapNone
		i = j
	}
	return dst, i, gap
}

// asciiSpace and asciiWord classify ASCII bytes without a function call in
// the tokenizer's hot loop. They span every byte value, false above ASCII,
// so that any byte of the text may index them.
var asciiSpace, asciiWord [256]bool

func init() {
	for _, c := range " \t\n\r\v\f" {
		asciiSpace[c] = true
	}
	for c := 0; c < 256; c++ {
		b := byte(c)
		asciiWord[c] = b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= '0' && b <= '9'
	}
}

// isSpaceRune is white space. The invisible format characters are not:
// the tokeniser never sees them (see invisible.go).
func isSpaceRune(r rune) bool {
	if r < utf8.RuneSelf {
		return asciiSpace[r]
	}
	return unicode.IsSpace(r)
}

// isWordRune is a letter, a digit or a combining mark (so that decomposed
// accents stay inside their word).
func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return asciiWord[r]
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r) || unicode.Is(unicode.Mc, r)
}

// runeKind is the kind of a one-rune token that is neither word nor number.
func runeKind(r rune) Kind {
	switch r {
	case '%', '‰', '#', '@':
		return KindSymbol
	}
	if unicode.In(r, unicode.Sc, unicode.Sm, unicode.Sk, unicode.So) {
		return KindSymbol
	}
	return KindPunct
}
