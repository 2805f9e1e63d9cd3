package text

import (
	"bufio"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// udSentence is a treebank sentence: its text and the byte spans of its
// syntactic words in it.
type udSentence struct {
	text  string
	spans [][2]int
}

// readUD reads a CoNLL-U file into sentences whose words can be found in
// order in their text. A contraction (a multiword token such as "don't")
// counts as its words when they spell it ("do" "n't"), as the parser reads
// them; sentences whose words cannot be aligned are skipped.
func readUD(t testing.TB, path string) []udSentence {
	f, err := os.Open(path)
	if err != nil {
		t.Skipf("treebank %s: %v", path, err)
	}
	defer f.Close()
	var out []udSentence
	var text string
	var words []string
	mwtEnd := 0
	var mwtForm string
	var mwtWords []string
	flush := func() {
		if text == "" || len(words) == 0 {
			return
		}
		s := udSentence{text: text}
		p := 0
		for _, w := range words {
			k := strings.Index(text[p:], w)
			if k < 0 || strings.TrimSpace(text[p:p+k]) != "" {
				return
			}
			s.spans = append(s.spans, [2]int{p + k, p + k + len(w)})
			p += k + len(w)
		}
		out = append(out, s)
	}
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		line := sc.Text()
		switch {
		case line == "":
			flush()
			text, words = "", nil
		case strings.HasPrefix(line, "# text = "):
			text = line[len("# text = "):]
		case strings.HasPrefix(line, "#"):
		default:
			cols := strings.Split(line, "\t")
			if len(cols) < 2 || strings.Contains(cols[0], ".") {
				continue
			}
			if a, b, ok := strings.Cut(cols[0], "-"); ok {
				mwtForm, mwtWords = cols[1], nil
				mwtEnd = atoi(b) - atoi(a) + 1
				continue
			}
			if mwtEnd > 0 {
				mwtWords = append(mwtWords, cols[1])
				mwtEnd--
				if mwtEnd == 0 {
					if strings.Join(mwtWords, "") == mwtForm {
						words = append(words, mwtWords...)
					} else {
						words = append(words, mwtForm)
					}
				}
				continue
			}
			words = append(words, cols[1])
		}
	}
	flush()
	return out
}

func atoi(s string) int {
	n := 0
	for _, c := range s {
		n = n*10 + int(c-'0')
	}
	return n
}

// udAgreement is the F1 of the tokeniser's spans against the treebank's.
func udAgreement(sents []udSentence, show func(udSentence, []Token)) float64 {
	tp, nGold, nSys := 0, 0, 0
	for _, s := range sents {
		toks := Tokenize(s.text, 0)
		gold := map[[2]int]bool{}
		for _, sp := range s.spans {
			gold[sp] = true
		}
		hit := 0
		for _, tk := range toks {
			if gold[[2]int{tk.Start, tk.End}] {
				hit++
			}
		}
		if hit != len(toks) || hit != len(s.spans) {
			show(s, toks)
		}
		tp += hit
		nGold += len(s.spans)
		nSys += len(toks)
	}
	if nGold == 0 || nSys == 0 {
		return 0
	}
	p, r := float64(tp)/float64(nSys), float64(tp)/float64(nGold)
	return 2 * p * r / (p + r)
}

// TestUDAgreement measures how closely the tokens follow the treebanks a
// parser for them would be trained on: the English Web Treebank and the
// news sentences of the Parallel UD treebank. The floors sit just under
// the figures measured when the conventions were written.
func TestUDAgreement(t *testing.T) {
	shared := sharedDir(t)
	for _, tb := range []struct {
		path  string
		floor float64
	}{
		{"ud/en-ewt/en_ewt-ud-dev.conllu", 0.98},
		{"ud/en-pud/en_pud-ud-test.conllu", 0.995},
	} {
		sents := readUD(t, filepath.Join(shared, tb.path))
		shown := 0
		f1 := udAgreement(sents, func(s udSentence, toks []Token) {
			if shown < 40 && testing.Verbose() {
				var g, m []string
				for _, sp := range s.spans {
					g = append(g, s.text[sp[0]:sp[1]])
				}
				for _, tk := range toks {
					m = append(m, tk.Text)
				}
				t.Logf("gold %s\n      got  %s", strings.Join(g, " | "), strings.Join(m, " | "))
				shown++
			}
		})
		t.Logf("%s: %d sentences, token F1 %.4f", tb.path, len(sents), f1)
		if f1 < tb.floor {
			t.Errorf("%s: token F1 %.4f, want at least %.2f", tb.path, f1, tb.floor)
		}
	}
}
