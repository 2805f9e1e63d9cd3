package syntax

import (
	"bytes"
	_ "embed"
	"sync"

	"github.com/sitrep-project/sitrep/internal/text"
)

// The shipped model, trained by `sitrep train syntax` on the train split of
// the Universal Dependencies English Web Treebank (CC BY-SA 4.0); see
// data/README.md for its provenance, licence and figures.
//
//go:embed data/en-ewt.model
var shipped []byte

var (
	defaultOnce  sync.Once
	defaultModel *Model
	defaultErr   error
)

// Default returns the shipped model, decoded once on first use and shared.
func Default() (*Model, error) {
	defaultOnce.Do(func() {
		defaultModel, defaultErr = load(shipped, true)
	})
	return defaultModel, defaultErr
}

// ParseText cuts text into sentences and tokens (package text) and
// analyses each sentence. Words carry byte offsets into text, and each
// sentence a "# text = ..." comment holding its words as written.
func (m *Model) ParseText(s string) []Sentence {
	sents := text.Sentences(s)
	out := make([]Sentence, 0, len(sents))
	for _, st := range sents {
		out = append(out, m.ParseTokens(s, st.Tokens))
	}
	return out
}

// ParseTokens analyses one sentence given as tokens of src.
func (m *Model) ParseTokens(src string, toks []text.Token) Sentence {
	words := make([]Word, len(toks))
	for i, t := range toks {
		words[i] = Word{Form: t.Text, Start: t.Start, End: t.End}
	}
	m.Annotate(words)
	var comments []string
	if len(toks) > 0 {
		comments = []string{"# text = " + oneLine(src[toks[0].Start:toks[len(toks)-1].End])}
	}
	return Sentence{Comments: comments, Words: words}
}

// oneLine folds the line breaks of a sentence that spans lines, since a
// CoNLL-U comment is one line.
func oneLine(s string) string {
	if !bytes.ContainsAny([]byte(s), "\r\n") {
		return s
	}
	b := []byte(s)
	for i, c := range b {
		if c == '\n' || c == '\r' {
			b[i] = ' '
		}
	}
	return string(b)
}
