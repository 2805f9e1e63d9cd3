package eval

import (
	"fmt"
	"io"
	"os"

	"github.com/sitrep-project/sitrep/internal/model"
)

// MergePair is one test of cross-article merging: two gold facts, from
// different articles, and whether they are the same real event.
type MergePair struct {
	A    GoldFact `json:"a"`
	B    GoldFact `json:"b"`
	Same bool     `json:"same"`
	Note string   `json:"note,omitempty"`
}

// LoadMergePairs reads merge pairs, one JSON object a line.
func LoadMergePairs(path string) ([]MergePair, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("reading merge pairs: %w", err)
	}
	defer f.Close()
	return readMergePairs(f, path)
}

func readMergePairs(r io.Reader, name string) ([]MergePair, error) {
	return readJSONL[MergePair](r, name, nil)
}

// BestEvent returns the index of the event that best matches a gold fact
// (its keys all agree, and most of its slots), or -1.
func BestEvent(g GoldFact, evs []model.Event) int {
	best, bestRight := -1, -1
	tuples := Flatten(evs)
	for _, t := range tuples {
		if !keyMatch(&g, &t) {
			continue
		}
		n := 0
		for _, ok := range slots(&g, &t) {
			if ok {
				n++
			}
		}
		if n > bestRight {
			best, bestRight = t.Event, n
		}
	}
	return best
}

// MergeScore is how well records join what is the same and keep apart
// what is not.
type MergeScore struct {
	Pairs     int     `json:"pairs"`
	Found     int     `json:"found"` // pairs whose two facts were both extracted
	TP        int     `json:"tp"`    // same, merged
	FP        int     `json:"fp"`    // not the same, merged
	FN        int     `json:"fn"`    // same, kept apart
	TN        int     `json:"tn"`    // not the same, kept apart
	Precision float64 `json:"precision"`
	Recall    float64 `json:"recall"`
	F1        float64 `json:"f1"`
	// Wrong lists the pairs decided wrongly, for error analysis.
	Wrong []MergePair `json:"wrong,omitempty"`
}

// ScoreMerge scores merge decisions. record returns the record holding
// the event that best matches a gold fact, or "" when none was extracted;
// such pairs count as found only when both sides are.
func ScoreMerge(pairs []MergePair, record func(GoldFact) string) MergeScore {
	s := MergeScore{Pairs: len(pairs)}
	for _, p := range pairs {
		ra, rb := record(p.A), record(p.B)
		if ra == "" || rb == "" {
			continue
		}
		s.Found++
		merged := ra == rb
		switch {
		case p.Same && merged:
			s.TP++
		case !p.Same && merged:
			s.FP++
			s.Wrong = append(s.Wrong, p)
		case p.Same && !merged:
			s.FN++
			s.Wrong = append(s.Wrong, p)
		default:
			s.TN++
		}
	}
	r := prf(s.TP, s.FP, s.FN)
	s.Precision, s.Recall, s.F1 = r.Precision, r.Recall, r.F1
	return s
}

// String renders the merge score.
func (s MergeScore) String() string {
	return fmt.Sprintf("merge: %d pairs, %d with both facts extracted\n  precision %.3f  recall %.3f  F1 %.3f  (merged right %d, merged wrongly %d, kept apart wrongly %d, kept apart right %d)\n",
		s.Pairs, s.Found, s.Precision, s.Recall, s.F1, s.TP, s.FP, s.FN, s.TN)
}
