package event

import (
	"fmt"
	"sort"
	"strings"

	"github.com/sitrep-project/sitrep/internal/syntax"
	"github.com/sitrep-project/sitrep/internal/text"
)

// tree is the syntax stage's analysis of one sentence, read in the
// extractor's tokens. The two tokenisations differ only where the
// extractor joins a hyphenated compound ("Russian-made", one extractor
// token, is three words): each extractor token maps to its head word, the
// word of the token whose own head lies outside it.
type tree struct {
	w []syntax.Word
	// tok maps a word to the extractor token that holds it.
	tok []int
	// head maps an extractor token to its head word, or -1.
	head []int
	// deps lists, for each word i, its dependents in sentence order at
	// deps[i+1], and the root words at deps[0]; made on first use.
	// children and child read it instead of every word of the sentence,
	// which a rule asking of each word made quadratic in its length.
	deps [][]int
}

// parseSentence analyses a sentence with the embedded model. The model is
// loaded on first use, so that commands and articles that never need it
// do not pay for loading it.
func parseSentence(s text.Sentence, st *sent) *tree {
	syn, err := syntax.Default()
	if err != nil {
		panic(fmt.Sprintf("event: embedded syntax model: %v", err)) // a build error, caught by the tests
	}
	// A dateline ("KHARKIV, Ukraine (Wire) —") is no part of the
	// sentence's grammar, and the parser, which never saw one in
	// training, reads the sentence after it worse with it: only the words
	// after it are parsed, and its tokens have no head word.
	from := 0
	if end := datelineEnd(st); end > 0 && end < len(st.toks) {
		for from < len(s.Tokens) && s.Tokens[from].Start < st.toks[end].Start {
			from++
		}
	}
	words := make([]syntax.Word, len(s.Tokens)-from)
	for i, t := range s.Tokens[from:] {
		words[i] = syntax.Word{Form: t.Text, Start: t.Start, End: t.End}
	}
	syn.Annotate(words)
	t := &tree{w: words, tok: make([]int, len(words)), head: make([]int, len(st.toks))}
	for i, w := range words {
		k := sort.Search(len(st.toks), func(k int) bool { return st.toks[k].End > w.Start })
		if k >= len(st.toks) {
			k = len(st.toks) - 1
		}
		t.tok[i] = k
	}
	for k := range t.head {
		t.head[k] = -1
	}
	for i, w := range words {
		k := t.tok[i]
		outside := w.Head == 0 || w.Head-1 >= len(words) || t.tok[w.Head-1] != k
		if outside {
			// Of several, the last: an English compound has its head
			// on the right ("denial-of-service" is a kind of service).
			t.head[k] = i
		}
	}
	return t
}

// parent is the head word of word i, or -1 for the root.
func (t *tree) parent(i int) int { return t.w[i].Head - 1 }

// rel is the relation of word i to its head.
func (t *tree) rel(i int) string { return t.w[i].Deprel }

// infinitive reports whether word i heads a clause opened by "to".
func (t *tree) infinitive(i int) bool {
	for _, m := range t.children(i, "mark") {
		if t.w[m].UPOS == "PART" {
			return true
		}
	}
	return false
}

// finite reports whether word i is a finite verb or has a finite auxiliary
// or copula: the head of a clause with a tense.
func (t *tree) finite(i int) bool {
	if strings.Contains(t.w[i].Feats, "VerbForm=Fin") {
		return true
	}
	for _, a := range t.children(i, "aux", "aux:pass", "cop") {
		if strings.Contains(t.w[a].Feats, "VerbForm=Fin") {
			return true
		}
	}
	return false
}

// children returns the dependents of word i whose relation is one of rels
// (all of them when rels is empty), in sentence order.
func (t *tree) children(i int, rels ...string) []int {
	var out []int
	for _, j := range t.dependents(i) {
		if len(rels) == 0 || containsStr(rels, t.w[j].Deprel) {
			out = append(out, j)
		}
	}
	return out
}

// child returns the first dependent of word i with one of rels, or -1.
func (t *tree) child(i int, rels ...string) int {
	for _, j := range t.dependents(i) {
		if containsStr(rels, t.w[j].Deprel) {
			return j
		}
	}
	return -1
}

// dependents returns the words whose head is word i (the roots for -1),
// in sentence order.
func (t *tree) dependents(i int) []int {
	if i < -1 || i >= len(t.w) {
		// No word: only a head number out of range points here.
		var out []int
		for j := range t.w {
			if t.w[j].Head-1 == i {
				out = append(out, j)
			}
		}
		return out
	}
	if t.deps == nil {
		t.deps = make([][]int, len(t.w)+1)
		for j := range t.w {
			if h := t.w[j].Head; h >= 0 && h <= len(t.w) {
				t.deps[h] = append(t.deps[h], j)
			}
		}
	}
	return t.deps[i+1]
}

// caseOf returns the lower-cased preposition (case marker) of word i, or "".
func (t *tree) caseOf(i int, low []string) string {
	for _, c := range t.children(i, "case") {
		return low[t.tok[c]]
	}
	return ""
}

// passiveVerb reports whether verb v is passive: it has a passive
// auxiliary or subject, or it is a past participle modifying a noun
// ("a school hit by missiles").
func (t *tree) passiveVerb(v int) bool {
	if t.w[v].XPOS != "VBN" {
		// Only a past participle is passive; a passive relation on
		// another form is a misparse.
		return false
	}
	if t.child(v, "aux:pass", "nsubj:pass", "csubj:pass") >= 0 {
		return true
	}
	return (t.rel(v) == "acl" || t.rel(v) == "amod") && t.child(v, "aux") < 0
}

func containsStr(xs []string, x string) bool {
	for _, y := range xs {
		if x == y {
			return true
		}
	}
	return false
}

// mentionHead returns the word of mention m whose head lies outside it,
// or -1.
func mentionHead(s *sent, m *mention) int {
	t := s.tr
	for k := m.t0; k < m.t1; k++ {
		w := t.head[k]
		if w < 0 {
			continue
		}
		if p := t.parent(w); p < 0 || t.tok[p] < m.t0 || t.tok[p] >= m.t1 {
			return w
		}
	}
	return -1
}
