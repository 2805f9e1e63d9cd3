package cli

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/sitrep-project/sitrep/internal/syntax"
	"github.com/sitrep-project/sitrep/internal/testshared"
)

// runCLI runs the command tree with args and returns stdout, stderr and
// the error.
func runCLI(t *testing.T, stdin string, args ...string) (string, string, error) {
	t.Helper()
	var out, errOut bytes.Buffer
	root := NewRoot(strings.NewReader(stdin), &out, &errOut)
	root.SetArgs(args)
	err := root.Execute()
	return out.String(), errOut.String(), err
}

// writeFile writes content to name in a fresh temporary folder and
// returns its path.
func writeFile(t *testing.T, name, content string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// parseArticleText is a short article in the seed format, written for
// these tests; its body is what intake passes to the parser.
const parseArticleText = ` date 2022-03-03
Germany pledged 500 anti-tank weapons to Ukraine on Thursday. The ministers met in Brussels.

Officials said the convoy reached the city.
`

// parseArticleBody is the article text as intake reads it.
const parseArticleBody = "Germany pledged 500 anti-tank weapons to Ukraine on Thursday. The ministers met in Brussels.\n\nOfficials said the convoy reached the city."

// jsonArticle mirrors one line of "sitrep parse --format json".
type jsonArticle struct {
	Doc       string `json:"doc"`
	Date      string `json:"date"`
	Sentences []struct {
		Text  string          `json:"text"`
		Start int             `json:"start"`
		End   int             `json:"end"`
		Words []parseWordJSON `json:"words"`
	} `json:"sentences"`
}

func decodeParseJSON(t *testing.T, out string) []jsonArticle {
	t.Helper()
	var arts []jsonArticle
	for i, line := range strings.Split(strings.TrimSuffix(out, "\n"), "\n") {
		var a jsonArticle
		dec := json.NewDecoder(strings.NewReader(line))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&a); err != nil {
			t.Fatalf("line %d is not an article object: %v\n%s", i+1, err, line)
		}
		arts = append(arts, a)
	}
	return arts
}

func TestParseFormats(t *testing.T) {
	path := writeFile(t, "talks.txt", parseArticleText)
	for _, tc := range []struct {
		name  string
		args  []string
		check func(t *testing.T, out string)
	}{
		{"text", []string{"parse", path}, func(t *testing.T, out string) {
			for _, want := range []string{"talks  2022-03-03", "3 sentences", "Germany pledged 500", "root", "PUNCT", "Brussels"} {
				if !strings.Contains(out, want) {
					t.Errorf("output lacks %q:\n%s", want, out)
				}
			}
		}},
		{"json", []string{"parse", "--format", "json", path}, checkParseJSON},
		{"global --json", []string{"--json", "parse", path}, checkParseJSON},
		{"conllu", []string{"parse", "--format", "conllu", path}, func(t *testing.T, out string) {
			sents, err := syntax.ReadCoNLLU(strings.NewReader(out), "output")
			if err != nil {
				t.Fatalf("output does not read back: %v\n%s", err, out)
			}
			if len(sents) != 3 {
				t.Fatalf("%d sentences, want 3", len(sents))
			}
			for i, s := range sents {
				for _, want := range []string{"# doc = talks", "# sent_id = talks-" + strconv.Itoa(i+1), "# text = "} {
					if !hasCommentPrefix(s.Comments, want) {
						t.Errorf("sentence %d lacks %q: %v", i+1, want, s.Comments)
					}
				}
				for _, w := range s.Words {
					start, end, ok := tokenRange(w.Misc)
					if !ok {
						t.Fatalf("sentence %d word %d: no TokenRange in %q", i+1, w.ID, w.Misc)
					}
					if got := parseArticleBody[start:end]; got != w.Form {
						t.Errorf("word %q has range %d:%d holding %q", w.Form, start, end, got)
					}
				}
			}
			if !hasCommentPrefix(sents[0].Comments, "# newdoc id = talks") {
				t.Errorf("the first sentence does not open a document: %v", sents[0].Comments)
			}
			// The same words as the JSON output.
			js, _, err := runCLI(t, "", "parse", "--format", "json", path)
			if err != nil {
				t.Fatal(err)
			}
			want := 0
			for _, s := range decodeParseJSON(t, js)[0].Sentences {
				want += len(s.Words)
			}
			got := 0
			for _, s := range sents {
				got += len(s.Words)
			}
			if got != want || got == 0 {
				t.Errorf("CoNLL-U has %d words, JSON %d", got, want)
			}
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			out, _, err := runCLI(t, "", tc.args...)
			if err != nil {
				t.Fatal(err)
			}
			tc.check(t, out)
		})
	}
}

// checkParseJSON checks one article's JSON analysis: its fields, its
// sentences' offsets and text, and each word's offsets, ids and head.
func checkParseJSON(t *testing.T, out string) {
	t.Helper()
	arts := decodeParseJSON(t, out)
	if len(arts) != 1 {
		t.Fatalf("%d lines, want one per article", len(arts))
	}
	a := arts[0]
	if a.Doc != "talks" || a.Date != "2022-03-03" || len(a.Sentences) != 3 {
		t.Fatalf("doc %q date %q with %d sentences", a.Doc, a.Date, len(a.Sentences))
	}
	if a.Sentences[1].Text != "The ministers met in Brussels." {
		t.Errorf("second sentence %q", a.Sentences[1].Text)
	}
	for _, s := range a.Sentences {
		if parseArticleBody[s.Start:s.End] != s.Text {
			t.Errorf("sentence %q has offsets %d:%d", s.Text, s.Start, s.End)
		}
		roots := 0
		for i, w := range s.Words {
			if w.ID != i+1 || w.Head < 0 || w.Head > len(s.Words) || w.UPOS == "" || w.Lemma == "" || w.Deprel == "" {
				t.Errorf("word %d: %+v", i+1, w)
			}
			if w.Head == 0 {
				roots++
			}
			if parseArticleBody[w.Start:w.End] != w.Form {
				t.Errorf("word %q has offsets %d:%d", w.Form, w.Start, w.End)
			}
		}
		if roots != 1 {
			t.Errorf("%q has %d roots", s.Text, roots)
		}
	}
}

func hasCommentPrefix(comments []string, prefix string) bool {
	for _, c := range comments {
		if strings.HasPrefix(c, prefix) {
			return true
		}
	}
	return false
}

// tokenRange reads TokenRange=START:END from a MISC column.
func tokenRange(misc string) (int, int, bool) {
	for _, kv := range strings.Split(misc, "|") {
		if v, ok := strings.CutPrefix(kv, "TokenRange="); ok {
			a, b, _ := strings.Cut(v, ":")
			s, err1 := strconv.Atoi(a)
			e, err2 := strconv.Atoi(b)
			return s, e, err1 == nil && err2 == nil
		}
	}
	return 0, 0, false
}

func TestParseStdinAndSummary(t *testing.T) {
	out, errOut, err := runCLI(t, "Talks resumed on Monday. Nothing was agreed.", "parse", "--date", "2022-03-03", "--format", "json", "-")
	if err != nil {
		t.Fatal(err)
	}
	a := decodeParseJSON(t, out)[0]
	if a.Doc != "stdin" || a.Date != "2022-03-03" || len(a.Sentences) != 2 {
		t.Errorf("standard input: %+v", a)
	}
	for _, want := range []string{"1 article (", "2 sentences", "words in", "MB/s", "words/s"} {
		if !strings.Contains(errOut, want) {
			t.Errorf("summary lacks %q: %q", want, errOut)
		}
	}
	_, errOut, err = runCLI(t, "Talks resumed on Monday.", "parse", "--quiet", "--date", "2022-03-03", "-")
	if err != nil || errOut != "" {
		t.Errorf("--quiet: %v, stderr %q", err, errOut)
	}
	// Parsing needs no date: undated text is parsed, and says so.
	out, _, err = runCLI(t, "Talks resumed on Monday.", "parse", "--format", "json", "-")
	if err != nil {
		t.Fatalf("undated text: %v", err)
	}
	if a := decodeParseJSON(t, out)[0]; a.Date != "" || len(a.Sentences) != 1 {
		t.Errorf("undated text: %+v", a)
	}
}

// TestParseOrder parses a folder of articles on many workers and on one:
// the output is the same, in the folder's order.
func TestParseOrder(t *testing.T) {
	dir := t.TempDir()
	subjects := []string{"Germany", "France", "Poland", "Italy", "Spain", "Canada", "Japan", "Norway"}
	for i := range 40 {
		text := fmt.Sprintf(" date 2022-03-%02d\n%s sent %d tents to the border. The convoy left on Friday.\n", 1+i%28, subjects[i%len(subjects)], 10+i)
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("a%02d.txt", i)), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	many, _, err := runCLI(t, "", "parse", "--format", "json", "--workers", "8", dir)
	if err != nil {
		t.Fatal(err)
	}
	one, _, err := runCLI(t, "", "parse", "--format", "json", "--workers", "1", dir)
	if err != nil {
		t.Fatal(err)
	}
	if many != one {
		t.Error("8 workers and 1 worker write different output")
	}
	for i, a := range decodeParseJSON(t, many) {
		if want := fmt.Sprintf("a%02d", i); a.Doc != want {
			t.Fatalf("article %d is %q, want %q", i, a.Doc, want)
		}
	}
}

func TestParseErrors(t *testing.T) {
	article := writeFile(t, "talks.txt", parseArticleText)
	notModel := writeFile(t, "bad.model", "not a model")
	for _, tc := range []struct {
		name  string
		stdin string
		args  []string
		want  string // in the error or standard error
	}{
		{"missing file", "", []string{"parse", filepath.Join(t.TempDir(), "absent.txt")}, "absent.txt: no such file"},
		{"empty standard input", "", []string{"parse", "--date", "2022-03-03", "-"}, "empty"},
		{"empty folder", "", []string{"parse", t.TempDir()}, "no articles"},
		{"no paths", "", []string{"parse"}, "give the articles"},
		{"unknown output format", "", []string{"parse", "--format", "xml", article}, `--format "xml"`},
		{"json against --format", "", []string{"--json", "parse", "--format", "text", article}, "disagree"},
		{"no workers", "", []string{"parse", "--workers", "0", article}, "--workers 0"},
		{"unknown input format", "", []string{"parse", "--input-format", "doc", article}, `--input-format "doc"`},
		{"missing model", "", []string{"parse", "--model", filepath.Join(t.TempDir(), "none.model"), article}, "none.model"},
		{"not a model", "", []string{"parse", "--model", notModel, article}, "bad.model"},
		{"pretokenized with paths", "", []string{"parse", "--pretokenized", "x.conllu", article}, "--pretokenized reads only"},
		{"pretokenized as json", "", []string{"parse", "--pretokenized", "x.conllu", "--format", "json"}, "CoNLL-U only"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, errOut, err := runCLI(t, tc.stdin, tc.args...)
			if err == nil {
				t.Fatalf("no error; stderr %q", errOut)
			}
			if msg := err.Error() + "\n" + errOut; !strings.Contains(msg, tc.want) {
				t.Errorf("error %q (stderr %q) does not say %q", err, errOut, tc.want)
			}
		})
	}
}

// goldCoNLLU is a small hand-written gold file: comments, a multiword
// token, SpaceAfter in MISC, and gold columns marked GOLD so that a leak
// into the output would show.
const goldCoNLLU = `# newdoc id = test
# sent_id = t-1
# text = Germany didn't send tanks.
1	Germany	GOLDgermany	PROPN	NNP	Number=Sing	3	nsubj	3:nsubj	_
2-3	didn't	_	_	_	_	_	_	_	_
2	did	GOLDdo	AUX	VBD	Mood=Ind|Tense=Past|VerbForm=Fin	4	aux	4:aux	_
3	n't	GOLDnot	PART	RB	Polarity=Neg	4	advmod	4:advmod	_
4	send	GOLDsend	VERB	VB	VerbForm=Inf	0	root	0:root	_
5	tanks	GOLDtank	NOUN	NNS	Number=Plur	4	obj	4:obj	SpaceAfter=No
6	.	GOLD.	PUNCT	.	_	4	punct	4:punct	_

# sent_id = t-2
# text = The ministers met in Brussels.
1	The	GOLDthe	DET	DT	Definite=Def|PronType=Art	2	det	2:det	_
2	ministers	GOLDminister	NOUN	NNS	Number=Plur	3	nsubj	3:nsubj	_
3	met	GOLDmeet	VERB	VBD	Mood=Ind|Tense=Past|VerbForm=Fin	0	root	0:root	_
4	in	GOLDin	ADP	IN	_	5	case	5:case	_
5	Brussels	GOLDBrussels	PROPN	NNP	Number=Sing	3	obl	3:obl:in	SpaceAfter=No
6	.	GOLD.	PUNCT	.	_	3	punct	3:punct	_

`

func TestParsePretokenized(t *testing.T) {
	gold := writeFile(t, "gold.conllu", goldCoNLLU)
	out, _, err := runCLI(t, "", "parse", "--quiet", "--pretokenized", gold)
	if err != nil {
		t.Fatal(err)
	}
	fromStdin, _, err := runCLI(t, goldCoNLLU, "parse", "--quiet", "--pretokenized", "-")
	if err != nil {
		t.Fatal(err)
	}
	if fromStdin != out {
		t.Error("standard input and the file give different output")
	}
	if strings.Contains(out, "GOLD") {
		t.Errorf("gold annotation leaked into the output:\n%s", out)
	}
	in := strings.Split(goldCoNLLU, "\n")
	got := strings.Split(out, "\n")
	if len(in) != len(got) {
		t.Fatalf("%d lines in, %d out:\n%s", len(in), len(got), out)
	}
	for i := range in {
		a, b := in[i], got[i]
		fa, fb := strings.Split(a, "\t"), strings.Split(b, "\t")
		switch {
		case a == "" || strings.HasPrefix(a, "#") || strings.Contains(fa[0], "-"):
			if a != b {
				t.Errorf("line %d: %q became %q", i+1, a, b)
			}
		case len(fb) != 10:
			t.Errorf("line %d: %q has %d columns", i+1, b, len(fb))
		default:
			// ID, FORM and MISC are kept; the annotation columns are the model's.
			if fa[0] != fb[0] || fa[1] != fb[1] || fa[9] != fb[9] {
				t.Errorf("line %d: token %q became %q", i+1, a, b)
			}
			for c := 2; c <= 7; c++ {
				if c != 5 && fb[c] == "_" {
					t.Errorf("line %d: column %d left empty: %q", i+1, c+1, b)
				}
			}
		}
	}
	sents, err := syntax.ReadCoNLLU(strings.NewReader(out), "output")
	if err != nil || len(sents) != 2 || len(sents[0].Words) != 6 || len(sents[1].Words) != 6 {
		t.Errorf("output reads back as %d sentences: %v", len(sents), err)
	}
}

func TestParsePretokenizedErrors(t *testing.T) {
	broken := strings.Replace(goldCoNLLU, "4\tin\tGOLDin", "4 in GOLDin", 1)
	for _, tc := range []struct {
		name, content, want string
	}{
		{"broken line", broken, "broken.conllu:17:"},
		{"ids out of order", strings.Replace(goldCoNLLU, "6\t.\tGOLD.\tPUNCT\t.\t_\t4", "7\t.\tGOLD.\tPUNCT\t.\t_\t4", 1), "broken.conllu:10:"},
		{"empty file", "", "no sentences"},
		{"comments only", "# sent_id = x\n\n", "no sentences"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, _, err := runCLI(t, "", "parse", "--pretokenized", writeFile(t, "broken.conllu", tc.content))
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error %v, want one saying %q", err, tc.want)
			}
		})
	}
	_, _, err := runCLI(t, "", "parse", "--pretokenized", filepath.Join(t.TempDir(), "absent.conllu"))
	if err == nil || !strings.Contains(err.Error(), "absent.conllu") {
		t.Errorf("missing file: %v", err)
	}
}

// TestParseSharedPretokenized runs --pretokenized over the EWT dev split,
// when the shared data is present: every token comes back as it was.
func TestParseSharedPretokenized(t *testing.T) {
	if testing.Short() {
		t.Skip("parses a whole treebank split")
	}
	path := filepath.Join(testshared.Dir(t, "ud", "en-ewt"), "en_ewt-ud-dev.conllu")
	out, _, err := runCLI(t, "", "parse", "--quiet", "--pretokenized", path)
	if err != nil {
		t.Fatal(err)
	}
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	gold, err := syntax.ReadCoNLLU(f, path)
	if err != nil {
		t.Fatal(err)
	}
	pred, err := syntax.ReadCoNLLU(strings.NewReader(out), "output")
	if err != nil {
		t.Fatal(err)
	}
	if len(gold) != len(pred) {
		t.Fatalf("%d sentences in, %d out", len(gold), len(pred))
	}
	for i := range gold {
		g, p := gold[i], pred[i]
		if strings.Join(g.Comments, "\n") != strings.Join(p.Comments, "\n") || strings.Join(g.Ranges, "\n") != strings.Join(p.Ranges, "\n") || len(g.Words) != len(p.Words) {
			t.Fatalf("sentence %d: comments, ranges or word count changed", i+1)
		}
		for j := range g.Words {
			if g.Words[j].Form != p.Words[j].Form || g.Words[j].Misc != p.Words[j].Misc {
				t.Fatalf("sentence %d word %d: %q became %q", i+1, j+1, g.Words[j].Form, p.Words[j].Form)
			}
		}
	}
}
