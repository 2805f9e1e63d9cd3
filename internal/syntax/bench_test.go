package syntax

import (
	"path/filepath"
	"testing"

	"github.com/sitrep-project/sitrep/internal/testshared"
)

// BenchmarkAnnotate tags, lemmatises and parses the EWT dev sentences (gold
// tokens) on one core with the shipped model, and reports words per second.
// benchSetup reads the EWT dev split and the shipped model.
func benchSetup(b *testing.B) ([]Sentence, *Model) {
	b.Helper()
	dev, err := readFile(filepath.Join(testshared.Dir(b, "ud", "en-ewt"), "en_ewt-ud-dev.conllu"))
	if err != nil {
		b.Fatal(err)
	}
	m, err := Default()
	if err != nil {
		b.Fatal(err)
	}
	return dev, m
}

func BenchmarkAnnotate(b *testing.B) {
	dev, m := benchSetup(b)
	words := make([][]Word, len(dev))
	n := 0
	for i, s := range dev {
		words[i] = make([]Word, len(s.Words))
		for j, w := range s.Words {
			words[i][j].Form = w.Form
		}
		n += len(s.Words)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		for _, ws := range words {
			m.Annotate(ws)
		}
	}
	b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "words/s")
	b.ReportMetric(0, "ns/op")
}

// BenchmarkTagParse is BenchmarkAnnotate without the lemmas and features:
// tagging (the words' features and the tagger) and parsing alone, on one
// core, in words per second.
func BenchmarkTagParse(b *testing.B) {
	dev, m := benchSetup(b)
	n := 0
	for _, s := range dev {
		n += len(s.Words)
	}
	sc := m.pool.Get().(*scratch)
	defer m.pool.Put(sc)
	var tags []int
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		for _, s := range dev {
			sc.ws = sc.ws[:0]
			for i := range s.Words {
				sc.ws = append(sc.ws, describe(s.Words[i].Form, i == 0, m.tagger.clusters))
			}
			tags = append(tags[:0], make([]int, len(s.Words))...)
			m.tagger.tag(sc.ws, tags, sc)
			v := &sc.view
			v.reset()
			for i := range sc.ws {
				v.add(&sc.ws[i], tags[i])
			}
			v.addRoot()
			m.parser.parse(&sc.cfg, v, len(s.Words), sc)
		}
	}
	b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "words/s")
	b.ReportMetric(0, "ns/op")
}
