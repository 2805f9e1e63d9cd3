package text

import (
	"fmt"
	"strings"
	"testing"
)

// tok is an expected token: its Text, its span in the input and its gap.
type tok struct {
	text       string
	start, end int
	gap        Gap
}

// TestInvisibleCharacters: invisible format characters inside a word
// neither split it nor show in its Text, and the token's span covers their
// bytes; before or after a word, doubled or alone between spaces, they
// belong to no token and leave the gaps as they were.
func TestInvisibleCharacters(t *testing.T) {
	const (
		zwsp = "\u200b" // zero-width space
		zwnj = "\u200c" // zero-width non-joiner
		zwj  = "\u200d" // zero-width joiner
		wj   = "\u2060" // word joiner
		bom  = "\ufeff" // byte-order mark
		shy  = "\u00ad" // soft hyphen
	)
	cases := []struct {
		name string
		in   string
		want []tok
	}{
		{"zero-width space inside", "Ger" + zwsp + "many sent aid",
			[]tok{{"Germany", 0, 10, GapPara}, {"sent", 11, 15, GapSpace}, {"aid", 16, 19, GapSpace}}},
		{"non-joiner inside", "Ger" + zwnj + "many", []tok{{"Germany", 0, 10, GapPara}}},
		{"joiner inside", "Ger" + zwj + "many", []tok{{"Germany", 0, 10, GapPara}}},
		{"word joiner inside", "Ger" + wj + "many", []tok{{"Germany", 0, 10, GapPara}}},
		{"byte-order mark inside", "Ger" + bom + "many", []tok{{"Germany", 0, 10, GapPara}}},
		{"soft hyphen inside", "Ger" + shy + "many", []tok{{"Germany", 0, 9, GapPara}}},
		{"at the start of a word", "Aid for " + zwsp + "Germany",
			[]tok{{"Aid", 0, 3, GapPara}, {"for", 4, 7, GapSpace}, {"Germany", 11, 18, GapSpace}}},
		{"at the end of a word", "Germany" + zwsp + " sent aid",
			[]tok{{"Germany", 0, 7, GapPara}, {"sent", 11, 15, GapSpace}, {"aid", 16, 19, GapSpace}}},
		{"doubled inside", "Ger" + zwsp + zwsp + "many", []tok{{"Germany", 0, 13, GapPara}}},
		{"mixed run inside", "Ger" + shy + zwj + wj + "many", []tok{{"Germany", 0, 15, GapPara}}},
		{"twice inside", "Ger" + zwsp + "ma" + shy + "ny", []tok{{"Germany", 0, 12, GapPara}}},
		{"alone between spaces", "aid " + zwsp + " for Kyiv",
			[]tok{{"aid", 0, 3, GapPara}, {"for", 8, 11, GapSpace}, {"Kyiv", 12, 16, GapSpace}}},
		{"doubled between spaces", "aid " + zwsp + wj + " for",
			[]tok{{"aid", 0, 3, GapPara}, {"for", 11, 14, GapSpace}}},
		{"text opens with a byte-order mark", bom + "Kyiv said", []tok{{"Kyiv", 3, 7, GapPara}, {"said", 8, 12, GapSpace}}},
		{"before a full stop", "to Germany" + zwsp + ".",
			[]tok{{"to", 0, 2, GapPara}, {"Germany", 3, 10, GapSpace}, {".", 13, 14, GapNone}}},
		{"before a clitic", "Ukraine" + zwsp + "'s army",
			[]tok{{"Ukraine", 0, 7, GapPara}, {"'s", 10, 12, GapNone}, {"army", 13, 17, GapSpace}}},
		{"inside a compound", "Rus" + shy + "sian-made tanks",
			[]tok{{"Russian", 0, 9, GapPara}, {"-", 9, 10, GapNone}, {"made", 10, 14, GapNone}, {"tanks", 15, 20, GapSpace}}},
		{"inside a prefixed word", "anti" + zwsp + "-tank", []tok{{"anti-tank", 0, 12, GapPara}}},
		{"inside an abbreviation", "U." + zwsp + "S. troops", []tok{{"U.S.", 0, 7, GapPara}, {"troops", 8, 14, GapSpace}}},
		{"inside a figure", "2," + zwsp + "000 troops", []tok{{"2,000", 0, 8, GapPara}, {"troops", 9, 15, GapSpace}}},
		{"only invisible", zwsp + bom, nil},
		{"cut short", "Kyiv\xe2\x80", []tok{{"Kyiv", 0, 4, GapPara}, {"\xe2", 4, 5, GapNone}, {"\x80", 5, 6, GapNone}}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			toks := Tokenize(tc.in, 0)
			checkTokens(t, tc.in, 0, toks)
			if got, want := fmtToks(toks), fmtWant(tc.want); got != want {
				t.Errorf("Tokenize(%q)\n got %s\nwant %s", tc.in, got, want)
			}
			// The other ways of cutting a text agree.
			var all []Token
			for _, s := range Sentences(tc.in) {
				all = append(all, s.Tokens...)
			}
			if got, want := fmtToks(all), fmtToks(toks); got != want {
				t.Errorf("Sentences(%q)\n got %s\nwant %s", tc.in, got, want)
			}
			var tz Tokenizer
			tz.Reset(tc.in, 5)
			for i := 0; ; i++ {
				tk, ok := tz.Next()
				if !ok {
					break
				}
				if i >= len(toks) || tk.Start != toks[i].Start+5 || tk.End != toks[i].End+5 || tk.Text != toks[i].Text {
					t.Errorf("Tokenizer token %d = %+v", i, tk)
				}
			}
		})
	}
}

func fmtToks(toks []Token) string {
	var b strings.Builder
	for _, t := range toks {
		fmt.Fprintf(&b, "%q[%d,%d)g%d ", t.Text, t.Start, t.End, t.Gap)
	}
	return b.String()
}

func fmtWant(want []tok) string {
	var b strings.Builder
	for _, t := range want {
		fmt.Fprintf(&b, "%q[%d,%d)g%d ", t.text, t.start, t.end, t.gap)
	}
	return b.String()
}

// TestInvisibleCompounds: the joined and split forms of a word broken up
// by invisible characters read clean too.
func TestInvisibleCompounds(t *testing.T) {
	in := "Rus\u00adsian-made and mid\u200b-March"
	toks := Tokenize(in, 0)
	joined := Compounds(in, toks)
	if len(joined) != 3 || joined[0].Text != "Russian-made" || joined[0].Start != 0 || joined[0].End != 14 {
		t.Errorf("Compounds = %s", fmtToks(joined))
	}
	// "mid-March" hides three bytes inside it whose place within its Text
	// is lost: it is handed on whole rather than with offsets that miss.
	last := toks[len(toks)-1]
	if last.Text != "mid-March" {
		t.Fatalf("last token %q", last.Text)
	}
	if parts := SplitHyphens(nil, last); len(parts) != 1 || parts[0] != last {
		t.Errorf("SplitHyphens = %s", fmtToks(parts))
	}
	if parts := SplitHyphens(nil, Tokenize("mid-March", 0)[0]); len(parts) != 3 {
		t.Errorf("SplitHyphens of a clean word = %s", fmtToks(parts))
	}
	phrase := TokenizePhrase("Ger\u200bmany")
	if len(phrase) != 1 || phrase[0].Text != "Germany" || phrase[0].End != 10 {
		t.Errorf("TokenizePhrase = %s", fmtToks(phrase))
	}
}

func TestStripInvisible(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"", ""},
		{"Germany", "Germany"},
		{"Ger\u200bmany", "Germany"},
		{"\ufeffKyiv\u00ad\u2060", "Kyiv"},
		{"“quoted” — dash", "“quoted” — dash"},
		{"\u200c\u200d", ""},
	} {
		if got := StripInvisible(tc.in); got != tc.want {
			t.Errorf("StripInvisible(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
	for _, tc := range []struct {
		in   string
		k    int
		want int
	}{
		{"post-2014", 5, 5},
		{"post\u200b-2014", 5, 8},
		{"post-\u200b2014", 5, 8},
		{"\ufeffab", 0, 3},
		{"ab\u200b", 2, 5},
	} {
		if got := VisibleOffset(tc.in, tc.k); got != tc.want {
			t.Errorf("VisibleOffset(%q, %d) = %d, want %d", tc.in, tc.k, got, tc.want)
		}
	}
}

// TestNextInvisible: the eight-bytes-at-a-time search finds an invisible
// character wherever it falls against the groups of eight, and never takes
// a visible character with the same first byte ("—", "“", "é", "ï") for one.
func TestNextInvisible(t *testing.T) {
	for _, inv := range []string{"\u00ad", "\u200b", "\u200c", "\u200d", "\u2060", "\ufeff"} {
		for off := 0; off < 20; off++ {
			for _, pad := range []string{"a", "—", "é"} {
				lead := strings.Repeat(pad, off/len(pad))
				lead += strings.Repeat("x", off-len(lead))
				s := lead + inv + strings.Repeat("b", off%9)
				if got := nextInvisible(s, 0); got != off {
					t.Errorf("nextInvisible(%q) = %d, want %d", s, got, off)
				}
				if got := nextInvisible(s, off+1); got != -1 {
					t.Errorf("nextInvisible(%q, %d) = %d, want -1", s, off+1, got)
				}
			}
		}
	}
	for _, s := range []string{"", "plain text of some length", "“quoted” — dashed… naïve café\u2061\u200e\u00ac", "\xe2\x80", "\xc2"} {
		if got := nextInvisible(s, 0); got != -1 {
			t.Errorf("nextInvisible(%q) = %d, want -1", s, got)
		}
	}
}
