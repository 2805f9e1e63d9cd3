package event

import (
	"strings"
	"testing"

	"github.com/sitrep-project/sitrep/internal/text"
)

// TestTreeHeadWords checks how the syntax stage's words map onto the
// extractor's tokens, which join hyphenated compounds: each token's head
// word is the one whose own head lies outside the token, the last of them
// where several do.
func TestTreeHeadWords(t *testing.T) {
	cases := []struct {
		sentence, token, head string
	}{
		{"Russian-made tanks crossed the border on Monday.", "Russian-made", "made"},
		{"Banks were knocked offline by a denial-of-service attack.", "denial-of-service", "service"},
		{"Kyiv received anti-tank weapons from Britain.", "anti-tank", "anti-tank"},
		{"Russian forces shelled Kharkiv overnight.", "shelled", "shelled"},
		// A dateline is not parsed: its tokens have no head word.
		{"KHARKIV, Ukraine (Steppe Wire) — Missiles hit a school on Monday.", "KHARKIV", ""},
		{"KHARKIV, Ukraine (Steppe Wire) — Missiles hit a school on Monday.", "Missiles", "Missiles"},
	}
	for _, tc := range cases {
		t.Run(tc.token, func(t *testing.T) {
			sents := text.Sentences(tc.sentence)
			if len(sents) != 1 {
				t.Fatalf("%d sentences", len(sents))
			}
			toks := text.Compounds(tc.sentence, sents[0].Tokens)
			st := &sent{text: tc.sentence, toks: toks, low: lower(toks)}
			tr := parseSentence(sents[0], st)
			k := -1
			for i, tok := range toks {
				if tok.Text == tc.token {
					k = i
				}
			}
			if k < 0 {
				t.Fatalf("no token %q in %v", tc.token, toks)
			}
			w := tr.head[k]
			switch {
			case tc.head == "" && w >= 0:
				t.Errorf("dateline token %q has head word %q", tc.token, tr.w[w].Form)
			case tc.head != "" && (w < 0 || tr.w[w].Form != tc.head):
				t.Errorf("head word of %q = %d, want %q", tc.token, w, tc.head)
			}
			for i := range tr.w {
				if tr.tok[i] < 0 || tr.tok[i] >= len(toks) {
					t.Errorf("word %d maps to token %d of %d", i, tr.tok[i], len(toks))
				}
			}
		})
	}
}

func lower(toks []text.Token) []string {
	out := make([]string, len(toks))
	for i, t := range toks {
		out[i] = strings.ToLower(t.Text)
	}
	return out
}
