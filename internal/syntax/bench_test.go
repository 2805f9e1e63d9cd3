package syntax

import (
	"path/filepath"
	"testing"

	"github.com/sitrep-project/sitrep/internal/testshared"
)

// BenchmarkAnnotate tags, lemmatises and parses the EWT dev sentences (gold
// tokens) on one core with the shipped model, and reports words per second.
func BenchmarkAnnotate(b *testing.B) {
	dev, err := readFile(filepath.Join(testshared.Dir(b, "ud", "en-ewt"), "en_ewt-ud-dev.conllu"))
	if err != nil {
		b.Fatal(err)
	}
	m, err := Default()
	if err != nil {
		b.Fatal(err)
	}
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
