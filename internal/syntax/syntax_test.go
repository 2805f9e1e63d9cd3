package syntax

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/sitrep-project/sitrep/internal/testshared"
)

// tiny is a small treebank written for these tests, in CoNLL-U.
const tiny = `# sent_id = t1
# text = Germany sent tanks to Ukraine.
1	Germany	Germany	PROPN	NNP	Number=Sing	2	nsubj	_	_
2	sent	send	VERB	VBD	Mood=Ind|Tense=Past|VerbForm=Fin	0	root	_	_
3	tanks	tank	NOUN	NNS	Number=Plur	2	obj	_	_
4	to	to	ADP	IN	_	5	case	_	_
5	Ukraine	Ukraine	PROPN	NNP	Number=Sing	2	obl	_	SpaceAfter=No
6	.	.	PUNCT	.	_	2	punct	_	_

# sent_id = t2
# text = The depot was hit by missiles.
1	The	the	DET	DT	Definite=Def|PronType=Art	2	det	_	_
2	depot	depot	NOUN	NN	Number=Sing	4	nsubj:pass	_	_
3	was	be	AUX	VBD	Mood=Ind|Number=Sing|Person=3|Tense=Past|VerbForm=Fin	4	aux:pass	_	_
4	hit	hit	VERB	VBN	Tense=Past|VerbForm=Part|Voice=Pass	0	root	_	_
5	by	by	ADP	IN	_	6	case	_	_
6	missiles	missile	NOUN	NNS	Number=Plur	4	obl:agent	_	SpaceAfter=No
7	.	.	PUNCT	.	_	4	punct	_	_

# sent_id = t3
# text = Officials didn't confirm it.
1	Officials	official	NOUN	NNS	Number=Plur	4	nsubj	_	_
2-3	didn't	_	_	_	_	_	_	_	_
2	did	do	AUX	VBD	Mood=Ind|Tense=Past|VerbForm=Fin	4	aux	_	_
3	n't	not	PART	RB	Polarity=Neg	4	advmod	_	_
4	confirm	confirm	VERB	VB	VerbForm=Inf	0	root	_	_
5	it	it	PRON	PRP	Case=Acc|Gender=Neut|Number=Sing|Person=3|PronType=Prs	4	obj	_	SpaceAfter=No
6	.	.	PUNCT	.	_	4	punct	_	_

`

func readTiny(t testing.TB) []Sentence {
	t.Helper()
	s, err := ReadCoNLLU(strings.NewReader(tiny), "tiny")
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func TestCoNLLURoundTrip(t *testing.T) {
	sents := readTiny(t)
	if len(sents) != 3 || len(sents[2].Words) != 6 || len(sents[2].Ranges) != 1 {
		t.Fatalf("read %d sentences, last with %d words and %d ranges", len(sents), len(sents[2].Words), len(sents[2].Ranges))
	}
	var buf bytes.Buffer
	if err := WriteCoNLLU(&buf, sents); err != nil {
		t.Fatal(err)
	}
	written := buf.String()
	again, err := ReadCoNLLU(&buf, "again")
	if err != nil {
		t.Fatal(err)
	}
	sc, err := Score(sents, again)
	if err != nil {
		t.Fatal(err)
	}
	if sc.UPOS != 100 || sc.LAS != 100 || sc.Lemma != 100 || sc.Words != 19 {
		t.Errorf("round trip lost annotation: %+v", sc)
	}
	if !strings.Contains(written, "2-3\tdidn't") {
		t.Errorf("multiword range not written back:\n%s", written)
	}
}

func TestCoNLLUErrors(t *testing.T) {
	for _, tc := range []struct{ name, in, want string }{
		{"columns", "1\tWord\tword\n", "bad:1: 3 columns"},
		{"sequence", "1\ta\ta\tX\tX\t_\t0\troot\t_\t_\n3\tb\tb\tX\tX\t_\t1\tdep\t_\t_\n", "bad:2: word id \"3\" out of sequence"},
		{"head", "1\ta\ta\tX\tX\t_\tx\troot\t_\t_\n", "bad:1: head \"x\""},
		{"range", "1\ta\ta\tX\tX\t_\t5\troot\t_\t_\n", "has head 5"},
	} {
		_, err := ReadCoNLLU(strings.NewReader(tc.in), "bad")
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: error %v, want it to contain %q", tc.name, err, tc.want)
		}
	}
}

// TestOracleReachesGold follows the dynamic oracle's zero-cost moves from
// the start and checks they build the gold tree of every projective
// sentence: the oracle's costs are right where they matter most.
func TestOracleReachesGold(t *testing.T) {
	sents := readTiny(t)
	if p := testshared.Root(); p != "" {
		if more, err := readFile(filepath.Join(p, "ud", "en-ewt", "en_ewt-ud-dev.conllu")); err == nil {
			sents = append(sents, more[:500]...)
		}
	}
	labels := map[string]int{}
	var names []string
	for _, s := range sents {
		for _, w := range s.Words {
			if _, ok := labels[w.Deprel]; !ok {
				labels[w.Deprel] = len(names)
				names = append(names, w.Deprel)
			}
		}
	}
	nl := len(names)
	var c config
	for si, s := range sents {
		n := len(s.Words)
		heads, labs := make([]int, n+1), make([]int, n+1)
		heads[0] = -1
		for i, w := range s.Words {
			heads[i+1], labs[i+1] = w.Head, labels[w.Deprel]
		}
		proj := rootLast(projectivize(heads))
		labs = append(labs, 0)
		costs := make([]int, 3+2*nl)
		c.reset(n)
		for !c.done() {
			oracle(&c, proj, labs, nl, costs)
			next := -1
			for k, cost := range costs {
				if cost == 0 {
					next = k
					break
				}
			}
			if next < 0 {
				t.Fatalf("sentence %d: no zero-cost move at buffer %d, costs %v", si, c.b, costs)
			}
			c.apply(next, nl)
		}
		for i := 1; i <= n; i++ {
			want, got := proj[i], c.heads[i]
			if got != want || got <= n && c.labels[i] != labs[i] {
				t.Errorf("sentence %d word %d: head %d label %d, gold %d label %d", si, i, got, c.labels[i], want, labs[i])
			}
		}
	}
}

func readFile(p string) ([]Sentence, error) {
	f, err := os.Open(p)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return ReadCoNLLU(f, p)
}

func TestProjectivize(t *testing.T) {
	for _, tc := range []struct{ in, want []int }{
		// projective already: unchanged
		{[]int{-1, 2, 0, 2}, []int{-1, 2, 0, 2}},
		// 3 -> 1 spans 3's own head 2: word 1 is lifted to 2
		{[]int{-1, 3, 0, 2, 2}, []int{-1, 2, 0, 2, 2}},
		// 4 -> 2 spans 3 (a child of 1): 2 is lifted to 1, and then
		// 2 -> 5 spans 3 and 4, so 5 is lifted to 1 as well
		{[]int{-1, 0, 4, 1, 1, 2}, []int{-1, 0, 1, 1, 1, 1}},
	} {
		got := projectivize(tc.in)
		for i := 1; i < len(got); i++ {
			if got[i] != tc.want[i] {
				t.Errorf("projectivize(%v) = %v, want %v", tc.in, got, tc.want)
				break
			}
		}
	}
}

// TestTrainDeterministic trains twice on the same sentences and checks the
// saved models are the same bytes, and that a loaded model annotates as the
// trained one does.
func TestTrainDeterministic(t *testing.T) {
	sents := readTiny(t)
	var a, b bytes.Buffer
	for _, buf := range []*bytes.Buffer{&a, &b} {
		m, err := Train(sents, TrainOptions{TaggerEpochs: 3, ParserEpochs: 3, Folds: 2, Seed: 7})
		if err != nil {
			t.Fatal(err)
		}
		if err := m.Save(buf); err != nil {
			t.Fatal(err)
		}
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Fatalf("two trainings on the same data gave different files (%d and %d bytes)", a.Len(), b.Len())
	}
	m, err := Load(bytes.NewReader(a.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	ws := []Word{{Form: "Germany"}, {Form: "sent"}, {Form: "tanks"}, {Form: "to"}, {Form: "Ukraine"}, {Form: "."}}
	m.Annotate(ws)
	if ws[1].Lemma != "send" || ws[2].Lemma != "tank" || ws[0].UPOS != "PROPN" {
		t.Errorf("model trained on the sentence gets it wrong: %+v", ws)
	}
}

// TestLemmaValidUTF8 checks that no rewrite cuts inside a rune: a form
// ending in a multi-byte character, unseen in training, keeps valid UTF-8.
func TestLemmaValidUTF8(t *testing.T) {
	l := &lemmatizer{rules: map[string]map[string][]rewrite{"VERB": {"": {{Strip: 1, Append: "e"}}, "e": {{Strip: 2, Append: "x"}}}}}
	for _, form := range []string{"’re", "café", "naïve", "e", "’"} {
		if got := l.lemma(form, "VERB", -1, nil); !utf8.ValidString(got) {
			t.Errorf("lemma of %q is not valid UTF-8: %q", form, got)
		}
	}
}

func TestLoadRejectsGarbage(t *testing.T) {
	for _, in := range [][]byte{nil, []byte("not a model"), shipped[:len(shipped)/2]} {
		if _, err := Load(bytes.NewReader(in)); err == nil {
			t.Errorf("Load accepted %d bytes of garbage", len(in))
		}
	}
}

func TestRewrite(t *testing.T) {
	for _, tc := range []struct{ form, lemma string }{
		{"tanks", "tank"}, {"Soldiers", "soldier"}, {"Ukraine", "Ukraine"}, {"was", "be"},
		{"shelled", "shell"}, {"cities", "city"}, {"I", "I"}, {"Mariupol's", "Mariupol's"},
		{"’re", "be"}, {"Zelenskyy", "Zelenskyy"}, {"Kyivans", "Kyivan"},
	} {
		r := rewriteOf(tc.form, tc.lemma)
		if got := r.apply(tc.form); got != tc.lemma {
			t.Errorf("rewrite %+v of %q gives %q, want %q", r, tc.form, got, tc.lemma)
		}
	}
}

// TestTagMatchesAnnotate checks that Tag gives the tags and lemmas that
// Annotate gives.
func TestTagMatchesAnnotate(t *testing.T) {
	m, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range []string{"Russian forces shelled the city of Kharkiv overnight.", "The yacht Shellest was seized in Gibraltar."} {
		a := m.ParseText(s)[0].Words
		b := make([]Word, len(a))
		for i := range a {
			b[i] = Word{Form: a[i].Form}
		}
		m.Tag(b)
		for i := range a {
			if a[i].UPOS != b[i].UPOS || a[i].Lemma != b[i].Lemma || a[i].Feats != b[i].Feats {
				t.Errorf("%q word %d: Tag gives %s %s, Annotate %s %s", s, i+1, b[i].UPOS, b[i].Lemma, a[i].UPOS, a[i].Lemma)
			}
		}
	}
}
