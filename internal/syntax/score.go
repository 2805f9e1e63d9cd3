package syntax

import (
	"fmt"
	"sort"
	"strings"
)

// Scores are the CoNLL 2018 shared-task measures on gold tokens, in percent:
// every word counts, punctuation included, and LAS compares the universal
// part of the relation (nsubj for nsubj:pass), as the task's scorer does.
// LASFull compares whole relations, subtypes included.
type Scores struct {
	Words   int     `json:"words"`
	UPOS    float64 `json:"upos"`
	XPOS    float64 `json:"xpos"`
	Lemma   float64 `json:"lemma"`
	UAS     float64 `json:"uas"`
	LAS     float64 `json:"las"`
	LASFull float64 `json:"las_full"`
	// Relations gives, for each full relation of the gold or the
	// prediction, labelled attachment precision, recall and F1.
	Relations map[string]RelationScore `json:"relations"`
}

// RelationScore is labelled attachment precision, recall and F1 (percent)
// for one relation: a word counts when both its head and relation are right.
type RelationScore struct {
	Gold      int     `json:"gold"`
	Predicted int     `json:"predicted"`
	Precision float64 `json:"precision"`
	Recall    float64 `json:"recall"`
	F1        float64 `json:"f1"`
}

// Score compares predicted sentences with gold ones word by word. The two
// must have the same words; an error names the first sentence that differs.
func Score(gold, pred []Sentence) (Scores, error) {
	if len(gold) != len(pred) {
		return Scores{}, fmt.Errorf("gold has %d sentences, prediction %d", len(gold), len(pred))
	}
	var n, upos, xpos, lemma, uas, las, lasFull int
	type count struct{ gold, pred, right int }
	rel := map[string]*count{}
	get := func(r string) *count {
		c := rel[r]
		if c == nil {
			c = &count{}
			rel[r] = c
		}
		return c
	}
	for i := range gold {
		g, p := gold[i].Words, pred[i].Words
		if len(g) != len(p) {
			return Scores{}, fmt.Errorf("sentence %d: gold has %d words, prediction %d", i+1, len(g), len(p))
		}
		for j := range g {
			if g[j].Form != p[j].Form {
				return Scores{}, fmt.Errorf("sentence %d word %d: gold %q, prediction %q", i+1, j+1, g[j].Form, p[j].Form)
			}
			n++
			if g[j].UPOS == p[j].UPOS {
				upos++
			}
			if g[j].XPOS == p[j].XPOS {
				xpos++
			}
			// As the CoNLL 2018 scorer does, a word whose gold lemma is
			// not given ("_") counts as right.
			if g[j].Lemma == p[j].Lemma || g[j].Lemma == "_" && g[j].Form != "_" {
				lemma++
			}
			get(g[j].Deprel).gold++
			get(p[j].Deprel).pred++
			if g[j].Head == p[j].Head {
				uas++
				if universal(g[j].Deprel) == universal(p[j].Deprel) {
					las++
				}
				if g[j].Deprel == p[j].Deprel {
					lasFull++
					get(g[j].Deprel).right++
				}
			}
		}
	}
	pct := func(a, b int) float64 {
		if b == 0 {
			return 0
		}
		return 100 * float64(a) / float64(b)
	}
	s := Scores{Words: n, UPOS: pct(upos, n), XPOS: pct(xpos, n), Lemma: pct(lemma, n),
		UAS: pct(uas, n), LAS: pct(las, n), LASFull: pct(lasFull, n), Relations: map[string]RelationScore{}}
	for r, c := range rel {
		rs := RelationScore{Gold: c.gold, Predicted: c.pred, Precision: pct(c.right, c.pred), Recall: pct(c.right, c.gold)}
		if rs.Precision+rs.Recall > 0 {
			rs.F1 = 2 * rs.Precision * rs.Recall / (rs.Precision + rs.Recall)
		}
		s.Relations[r] = rs
	}
	return s, nil
}

// KeyRelations are the relations event extraction leans on, reported apart.
var KeyRelations = []string{"nsubj", "nsubj:pass", "obj", "obl", "obl:agent", "nmod", "nmod:poss", "nummod", "conj", "appos", "compound", "amod", "ccomp", "xcomp", "advcl", "acl:relcl"}

// universal strips a relation's subtype.
func universal(r string) string {
	if i := strings.IndexByte(r, ':'); i >= 0 {
		return r[:i]
	}
	return r
}

// String is the scores as a short report: the overall figures, then the key
// relations' F1.
func (s Scores) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "words %d  UPOS %.2f  XPOS %.2f  lemma %.2f  UAS %.2f  LAS %.2f  (LAS with subtypes %.2f)\n",
		s.Words, s.UPOS, s.XPOS, s.Lemma, s.UAS, s.LAS, s.LASFull)
	keys := append([]string(nil), KeyRelations...)
	sort.Strings(keys)
	for _, r := range keys {
		if rs, ok := s.Relations[r]; ok && rs.Gold > 0 {
			fmt.Fprintf(&b, "  %-11s gold %6d  P %6.2f  R %6.2f  F1 %6.2f\n", r, rs.Gold, rs.Precision, rs.Recall, rs.F1)
		}
	}
	return b.String()
}
