package cluster

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/sitrep-project/sitrep/internal/testshared"
)

func writeFile(t *testing.T, name, content string) string {
	t.Helper()
	if err := os.WriteFile(name, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return name
}

func TestReadCorpus(t *testing.T) {
	dir := t.TempDir()
	news := filepath.Join(dir, "news")
	if err := os.Mkdir(news, 0o755); err != nil {
		t.Fatal(err)
	}
	writeFile(t, filepath.Join(news, "wire.json"), `[
		{"title": "GRAIN &amp; FEED SEES GAINS", "body": "Grain Firm Inc said profits rose.\n Reuter\n&#3;", "date": "x"},
		{"title": "NO BODY"}
	]`)
	writeFile(t, filepath.Join(news, "article.txt"), "date 2022-05-02 Ferry service resumes\n\nThe ferry sailed at dawn. It was late.\n")
	writeFile(t, filepath.Join(news, "notes.md"), "not read: a folder stands for its .json and .txt files")
	bank := writeFile(t, filepath.Join(dir, "toy-train.conllu"), strings.Join([]string{
		"# sent_id = 1",
		"1-2\tdon't\t_\t_",
		"1\tdo\tdo\tAUX",
		"2\tn't\tnot\tPART",
		"3\tgo\tgo\tVERB",
		"3.1\tgone\tgo\tVERB",
		"",
		"1\tOK\tok\tINTJ",
		"",
	}, "\n"))

	c, err := ReadCorpus(news, bank)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for s := range c.Sentences {
		got = append(got, strings.Join(s, " "))
	}
	want := []string{
		"do n't go",
		"OK",
		"GRAIN & FEED SEES GAINS",
		"Grain Firm Inc said profits rose .",
		"NO BODY",
		"Ferry service resumes",
		"The ferry sailed at dawn .",
		"It was late .",
	}
	if !slices.Equal(got, want) {
		t.Errorf("sentences:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}

	held := writeFile(t, filepath.Join(dir, "en_ewt-ud-dev.conllu"), "1\tx\tx\tX\n\n")
	for _, bad := range []string{held, filepath.Join(dir, "absent"), filepath.Join(news, "notes.md"), t.TempDir()} {
		if _, err := ReadCorpus(bad); err == nil {
			t.Errorf("ReadCorpus(%s) succeeded", bad)
		}
	}
}

// TestSharedNews trains on the 2022 news articles alone, a few seconds'
// work, and checks the clusters find classes any English text shows. The
// full corpus is for BenchmarkSharedCorpus.
func TestSharedNews(t *testing.T) {
	if testing.Short() {
		t.Skip("trains on a real corpus; skipped in short mode")
	}
	dir := testshared.Dir(t, "corpus", "news-2022")
	corpus, err := ReadCorpus(dir)
	if err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	c, err := Train(corpus.Sentences, Options{Clusters: 64, MinCount: 3})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("%d words in %d clusters in %s", c.Len(), c.NumClusters(), time.Since(start).Round(time.Millisecond))
	logExamples(t, c, []string{"monday", "said", "he", "russia", "the", "million", "war", "quickly"}, 6)

	// Pronouns and determiners occur in disjoint contexts in any text:
	// "he" and "she" agree further than "he" and "the".
	same := commonPrefix(pathOf(t, c, "he"), pathOf(t, c, "she"))
	other := commonPrefix(pathOf(t, c, "he"), pathOf(t, c, "the"))
	if same <= other {
		t.Errorf("he and she share %d bits, he and the %d", same, other)
	}
}

// BenchmarkSharedCorpus trains with the default options on the corpus the
// syntax models use (a few million tokens) and reports the vocabulary, the
// file size and examples: `go test -bench Shared -benchtime 1x -v`.
func BenchmarkSharedCorpus(b *testing.B) {
	root := testshared.Dir(b, ".")
	corpus, err := ReadCorpus(SharedSources(root)...)
	if err != nil {
		b.Fatal(err)
	}
	var c *Clusters
	for b.Loop() {
		c, err = Train(corpus.Sentences, Options{Logf: b.Logf})
		if err != nil {
			b.Fatal(err)
		}
	}
	var file bytes.Buffer
	if _, err := c.WriteTo(&file); err != nil {
		b.Fatal(err)
	}
	b.ReportMetric(float64(c.Len()), "words")
	b.ReportMetric(float64(file.Len()), "file-bytes")
	logExamples(b, c, []string{"monday", "january", "said", "he", "dollar", "russia",
		"billion", "rose", "percent", "tonnes", "president", "quickly", "very", "of", "could"}, 14)
}

// logExamples logs, for each word, some of the words sharing its whole
// path.
func logExamples(tb testing.TB, c *Clusters, words []string, n int) {
	tb.Helper()
	byPath := map[string][]string{}
	for w, p := range c.All() {
		byPath[p] = append(byPath[p], w)
	}
	for _, w := range words {
		path, length, ok := c.Lookup(w)
		if !ok {
			continue
		}
		p := PathString(path, length)
		members := byPath[p]
		// Evenly spaced in byte order rather than the first n, which
		// would all be numbers and words in a.
		var some []string
		for i := range min(n, len(members)) {
			some = append(some, members[i*len(members)/min(n, len(members))])
		}
		tb.Logf("%-18s %4d words: %s", p, len(members), strings.Join(some, " "))
	}
}
