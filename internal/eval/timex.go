package eval

import (
	"fmt"
	"strings"
	"time"

	"github.com/sitrep-project/sitrep/internal/timex"
)

// TimexScore holds the TempEval-3 measures of a time-expression finder
// against gold: span detection matched strictly (same extent) and relaxed
// (any overlap), and the value and type of the relaxed matches. Value and
// type scores count a correct attribute as a hit over all system and all
// gold expressions, as TempEval-3 does, so they are the relaxed F1 scaled
// by the attribute's accuracy.
type TimexScore struct {
	Docs    int `json:"docs"`
	Gold    int `json:"gold"`
	System  int `json:"system"`
	Strict  PRF `json:"strict"`
	Relaxed PRF `json:"relaxed"`
	Value   PRF `json:"value"`
	Type    PRF `json:"type"`
	// ValueAccuracy and TypeAccuracy are the shares of relaxed matches
	// whose value or type is right.
	ValueAccuracy float64 `json:"value_accuracy"`
	TypeAccuracy  float64 `json:"type_accuracy"`
	// Mistakes lists every missed, spurious and mismatched expression,
	// for error analysis.
	Mistakes []TimexMistake `json:"mistakes,omitempty"`
}

// Kinds of TimexMistake.
const (
	MistakeMissed   = "missed"   // a gold expression no system expression overlaps
	MistakeSpurious = "spurious" // a system expression no gold expression overlaps
	MistakeExtent   = "extent"   // overlapping but not the same span
	MistakeValue    = "value"    // matched with a different value
	MistakeType     = "type"     // matched with a different type
)

// TimexMistake is one disagreement between the finder and the gold. A
// matched pair may give several (extent and value).
type TimexMistake struct {
	Doc       string `json:"doc"`
	Kind      string `json:"kind"`
	Start     int    `json:"start"`
	End       int    `json:"end"`
	GoldText  string `json:"gold_text,omitempty"`
	GoldType  string `json:"gold_type,omitempty"`
	GoldValue string `json:"gold_value,omitempty"`
	SysText   string `json:"sys_text,omitempty"`
	SysType   string `json:"sys_type,omitempty"`
	SysValue  string `json:"sys_value,omitempty"`
}

// ScoreTimex runs find on every document, with the document's creation
// date as reference, and scores the result against the gold. Gold and
// system expressions are paired one to one: identical spans first, then
// each remaining gold expression with the free system expression that
// overlaps it most.
func ScoreTimex(docs []TimexDoc, find func(text string, ref time.Time) []timex.Expr) TimexScore {
	var s TimexScore
	var strict, relaxed, value, typ int
	for _, doc := range docs {
		sys := find(doc.Text, doc.DCT)
		s.Docs++
		s.Gold += len(doc.Gold)
		s.System += len(sys)
		gm := make([]int, len(doc.Gold))
		sm := make([]int, len(sys))
		for k := range gm {
			gm[k] = -1
		}
		for k := range sm {
			sm[k] = -1
		}
		for gi, g := range doc.Gold {
			for si, e := range sys {
				if sm[si] < 0 && e.Span == g.Span {
					gm[gi], sm[si] = si, gi
					strict++
					break
				}
			}
		}
		for gi, g := range doc.Gold {
			if gm[gi] >= 0 {
				continue
			}
			best, bestLen := -1, 0
			for si, e := range sys {
				if sm[si] >= 0 {
					continue
				}
				if o := overlapLen(g.Span.Start, g.Span.End, e.Span.Start, e.Span.End); o > bestLen {
					best, bestLen = si, o
				}
			}
			if best >= 0 {
				gm[gi], sm[best] = best, gi
			}
		}
		for gi, g := range doc.Gold {
			m := TimexMistake{Doc: doc.Name, Start: g.Span.Start, End: g.Span.End,
				GoldText: g.Text, GoldType: g.Type, GoldValue: g.Value}
			si := gm[gi]
			if si < 0 {
				m.Kind = MistakeMissed
				s.Mistakes = append(s.Mistakes, m)
				continue
			}
			relaxed++
			e := sys[si]
			m.SysText, m.SysType, m.SysValue = e.Text, e.Type, e.Value
			if e.Span != g.Span {
				m.Kind = MistakeExtent
				s.Mistakes = append(s.Mistakes, m)
			}
			if sameValue(e.Value, g.Value) {
				value++
			} else {
				m.Kind = MistakeValue
				s.Mistakes = append(s.Mistakes, m)
			}
			if strings.EqualFold(e.Type, g.Type) {
				typ++
			} else {
				m.Kind = MistakeType
				s.Mistakes = append(s.Mistakes, m)
			}
		}
		for si, e := range sys {
			if sm[si] < 0 {
				s.Mistakes = append(s.Mistakes, TimexMistake{Doc: doc.Name, Kind: MistakeSpurious,
					Start: e.Span.Start, End: e.Span.End, SysText: e.Text, SysType: e.Type, SysValue: e.Value})
			}
		}
	}
	s.Strict = attributePRF(strict, s.System, s.Gold)
	s.Relaxed = attributePRF(relaxed, s.System, s.Gold)
	s.Value = attributePRF(value, s.System, s.Gold)
	s.Type = attributePRF(typ, s.System, s.Gold)
	if relaxed > 0 {
		s.ValueAccuracy = float64(value) / float64(relaxed)
		s.TypeAccuracy = float64(typ) / float64(relaxed)
	}
	return s
}

// attributePRF scores hits out of the system's and the gold's expressions.
func attributePRF(hits, system, gold int) PRF {
	p := PRF{TP: hits, FP: system - hits, FN: gold - hits}
	if system > 0 {
		p.Precision = float64(hits) / float64(system)
	}
	if gold > 0 {
		p.Recall = float64(hits) / float64(gold)
	}
	if p.Precision+p.Recall > 0 {
		p.F1 = 2 * p.Precision * p.Recall / (p.Precision + p.Recall)
	}
	return p
}

func overlapLen(a0, a1, b0, b1 int) int {
	lo, hi := max(a0, b0), min(a1, b1)
	if hi > lo {
		return hi - lo
	}
	return 0
}

// sameValue compares TIMEX3 values, ignoring case and surrounding space.
func sameValue(a, b string) bool {
	return strings.EqualFold(strings.TrimSpace(a), strings.TrimSpace(b))
}

// String renders the scores as a table.
func (s TimexScore) String() string {
	var sb strings.Builder
	fmt.Fprintf(&sb, "%d documents, %d gold and %d system time expressions\n", s.Docs, s.Gold, s.System)
	fmt.Fprintf(&sb, "%-8s %6s %6s %6s %6s\n", "", "P", "R", "F1", "hits")
	for _, r := range []struct {
		name string
		p    PRF
	}{{"strict", s.Strict}, {"relaxed", s.Relaxed}, {"value", s.Value}, {"type", s.Type}} {
		fmt.Fprintf(&sb, "%-8s %6.3f %6.3f %6.3f %6d\n", r.name, r.p.Precision, r.p.Recall, r.p.F1, r.p.TP)
	}
	fmt.Fprintf(&sb, "value accuracy %.3f, type accuracy %.3f (of relaxed matches)\n", s.ValueAccuracy, s.TypeAccuracy)
	return sb.String()
}

// MistakesString lists the mistakes one a line, for error analysis.
func (s TimexScore) MistakesString() string {
	var sb strings.Builder
	for _, m := range s.Mistakes {
		fmt.Fprintf(&sb, "%-8s %s:%d  gold %q %s %s  system %q %s %s\n", m.Kind, m.Doc, m.Start,
			m.GoldText, m.GoldType, m.GoldValue, m.SysText, m.SysType, m.SysValue)
	}
	return sb.String()
}
