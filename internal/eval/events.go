package eval

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"os"
	"slices"
	"sort"
	"strings"

	"github.com/sitrep-project/sitrep/internal/model"
)

// GoldFact is one fact a careful analyst reads from an article, in the
// layout of the gold files (see the gold README): the keys that identify it
// (doc, type, actor, target, item) and the slots scored once it is matched.
type GoldFact struct {
	Doc       string          `json:"doc"`
	Type      model.EventType `json:"type"`
	Actor     string          `json:"actor,omitempty"`
	Target    string          `json:"target,omitempty"`
	Status    string          `json:"status,omitempty"`
	Mode      string          `json:"mode,omitempty"`
	Item      string          `json:"item,omitempty"`
	QtyMin    *float64        `json:"qty_min,omitempty"`
	QtyMax    *float64        `json:"qty_max,omitempty"`
	CountMin  *float64        `json:"count_min,omitempty"`
	CountMax  *float64        `json:"count_max,omitempty"`
	Victims   string          `json:"victims,omitempty"`
	Outcome   string          `json:"outcome,omitempty"`
	Amount    *float64        `json:"amount,omitempty"`
	Currency  string          `json:"currency,omitempty"`
	Approx    *bool           `json:"approx,omitempty"`
	DateStart string          `json:"date_start,omitempty"`
	DateEnd   string          `json:"date_end,omitempty"`
	Source    string          `json:"source,omitempty"`
	Optional  bool            `json:"optional,omitempty"`
	Note      string          `json:"note,omitempty"`
}

// LoadGold reads a gold JSONL file.
func LoadGold(path string) ([]GoldFact, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("reading gold: %w", err)
	}
	defer f.Close()
	return ReadGold(f, path)
}

// ReadGold reads gold facts, one JSON object a line; name is used in errors.
func ReadGold(r io.Reader, name string) ([]GoldFact, error) {
	return readJSONL(r, name, func(g *GoldFact) error {
		if g.Doc == "" || g.Type == "" {
			return fmt.Errorf("a gold fact needs doc and type")
		}
		// A misspelt type would score as a fact no extractor can find.
		if !g.Type.Known() {
			if _, err := model.ParseEventType(string(g.Type)); err != nil {
				return err
			}
			return fmt.Errorf("event type %q: write it in lower case", g.Type)
		}
		return nil
	})
}

// readJSONL reads one JSON object a line into T, skipping blank lines and
// checking each with valid; errors name the file and line.
func readJSONL[T any](r io.Reader, name string, valid func(*T) error) ([]T, error) {
	var out []T
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 16<<20)
	line := 0
	for sc.Scan() {
		line++
		t := strings.TrimSpace(sc.Text())
		if t == "" {
			continue
		}
		var v T
		if err := json.Unmarshal([]byte(t), &v); err != nil {
			return nil, fmt.Errorf("%s:%d: %v", name, line, err)
		}
		if valid != nil {
			if err := valid(&v); err != nil {
				return nil, fmt.Errorf("%s:%d: %v", name, line, err)
			}
		}
		out = append(out, v)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return out, nil
}

// Tuple is one flattened event: an event with two items and three targets
// gives six tuples, each scored on its own.
type Tuple struct {
	Doc                 string
	Type                model.EventType
	Actor, Target, Item string
	Qty, Count          *[2]*float64
	Money               *struct {
		Amount   float64
		Currency string
	}
	Date                                   *[2]string
	Source, Status, Mode, Victims, Outcome string
	// Event is the index of the event the tuple came from.
	Event int
}

// Flatten turns events into tuples, one per (target, item) pair.
func Flatten(events []model.Event) []Tuple {
	var out []Tuple
	for i, ev := range events {
		targets := []string{""}
		if len(ev.Targets) > 0 {
			targets = targets[:0]
			for _, t := range ev.Targets {
				targets = append(targets, codeOr(t))
			}
		}
		items := []*model.Item{nil}
		if len(ev.Items) > 0 {
			items = items[:0]
			for j := range ev.Items {
				items = append(items, &ev.Items[j])
			}
		}
		for _, tg := range targets {
			for _, it := range items {
				t := Tuple{Doc: ev.Doc, Type: ev.Type, Target: tg, Status: ev.Status, Mode: ev.Mode,
					Victims: ev.Victims, Outcome: ev.Outcome, Event: i}
				if ev.Actor != nil {
					t.Actor = codeOr(*ev.Actor)
				}
				if it != nil {
					t.Item = it.Name
					if it.Qty != nil {
						t.Qty = &[2]*float64{it.Qty.Min, it.Qty.Max}
					}
				}
				if ev.Count != nil {
					t.Count = &[2]*float64{ev.Count.Min, ev.Count.Max}
				}
				if ev.Money != nil {
					t.Money = &struct {
						Amount   float64
						Currency string
					}{ev.Money.Amount, ev.Money.Currency}
				}
				if ev.Time != nil {
					t.Date = &[2]string{ev.Time.Start, ev.Time.End}
				}
				if ev.Source != nil {
					t.Source = ev.Source.Name
				}
				out = append(out, t)
			}
		}
	}
	return out
}

func codeOr(a model.Actor) string {
	if a.Code != "" {
		return a.Code
	}
	return a.Name
}

// norm compares names loosely, as the gold rules do: case, a leading
// "the", hyphens and a plural s are ignored.
func norm(s string) string {
	s = strings.ToLower(strings.TrimSpace(s))
	s = strings.TrimPrefix(s, "the ")
	s = strings.ReplaceAll(s, "-", " ")
	s = strings.ReplaceAll(s, "  ", " ")
	if len(s) > 3 && strings.HasSuffix(s, "s") && !strings.HasSuffix(s, "ss") {
		s = s[:len(s)-1]
	}
	return s
}

func keyMatch(g *GoldFact, t *Tuple) bool {
	if g.Doc != t.Doc || g.Type != t.Type {
		return false
	}
	if g.Actor != "" && !strings.EqualFold(g.Actor, t.Actor) {
		return false
	}
	if g.Target != "" && !strings.EqualFold(g.Target, t.Target) {
		return false
	}
	if g.Item != "" && norm(g.Item) != norm(t.Item) {
		return false
	}
	return true
}

func bound(p *float64, open float64) float64 {
	if p == nil {
		return open
	}
	return *p
}

// overlap reports whether two ranges with open (nil) bounds overlap.
func overlap(aMin, aMax, bMin, bMax *float64) bool {
	return bound(aMin, math.Inf(-1)) <= bound(bMax, math.Inf(1)) && bound(bMin, math.Inf(-1)) <= bound(aMax, math.Inf(1))
}

// slots scores every slot the gold fact sets.
func slots(g *GoldFact, t *Tuple) map[string]bool {
	r := map[string]bool{}
	str := func(name, gold, got string) {
		if gold != "" {
			r[name] = norm(gold) == norm(got)
		}
	}
	str("status", g.Status, t.Status)
	str("mode", g.Mode, t.Mode)
	str("source", g.Source, t.Source)
	str("victims", g.Victims, t.Victims)
	str("outcome", g.Outcome, t.Outcome)
	rng := func(name string, gmin, gmax *float64, got *[2]*float64) {
		if gmin == nil && gmax == nil {
			return
		}
		r[name] = got != nil && (got[0] != nil || got[1] != nil) && overlap(gmin, gmax, got[0], got[1])
	}
	rng("qty", g.QtyMin, g.QtyMax, t.Qty)
	rng("count", g.CountMin, g.CountMax, t.Count)
	if g.Amount != nil {
		ok := t.Money != nil && math.Abs(t.Money.Amount-*g.Amount) <= 0.01**g.Amount && norm(t.Money.Currency) == norm(g.Currency)
		r["money"] = ok
	}
	if g.DateStart != "" || g.DateEnd != "" {
		d := [2]string{}
		if t.Date != nil {
			d = *t.Date
		}
		r["date"] = d[0] == g.DateStart && (g.DateEnd == "" || d[1] == g.DateEnd)
	}
	return r
}

// PRF is precision, recall and F1 with the counts behind them.
type PRF struct {
	Precision float64 `json:"precision"`
	Recall    float64 `json:"recall"`
	F1        float64 `json:"f1"`
	TP        int     `json:"tp"`
	FP        int     `json:"fp"`
	FN        int     `json:"fn"`
}

func prf(tp, fp, fn int) PRF {
	r := PRF{TP: tp, FP: fp, FN: fn}
	if tp+fp > 0 {
		r.Precision = float64(tp) / float64(tp+fp)
	}
	if tp+fn > 0 {
		r.Recall = float64(tp) / float64(tp+fn)
	}
	if r.Precision+r.Recall > 0 {
		r.F1 = 2 * r.Precision * r.Recall / (r.Precision + r.Recall)
	}
	return r
}

// FactKey identifies a missed or spurious fact in a report.
type FactKey struct {
	Doc    string          `json:"doc"`
	Type   model.EventType `json:"type"`
	Actor  string          `json:"actor,omitempty"`
	Target string          `json:"target,omitempty"`
	Item   string          `json:"item,omitempty"`
	Note   string          `json:"note,omitempty"`
}

// Score is the result of scoring events against gold facts.
type Score struct {
	Overall    PRF                     `json:"overall"`
	PerType    map[model.EventType]PRF `json:"per_type"`
	Slots      map[string]float64      `json:"slots"`
	ExactShare float64                 `json:"exact_share"`
	Missed     []FactKey               `json:"missed"`
	Spurious   []FactKey               `json:"spurious"`
	// WrongSlots lists matched facts with a slot wrong, for error analysis.
	WrongSlots []SlotError `json:"wrong_slots,omitempty"`
}

// SlotError is a matched fact whose slot disagrees with the gold.
type SlotError struct {
	FactKey
	Slot string `json:"slot"`
}

// ScoreEvents scores events against gold by the gold README's rules:
// events are flattened into tuples, only tuples of a (doc, type) the gold
// uses are counted, and gold facts and tuples are paired one to one,
// greedily, the pairs with most slots right first.
func ScoreEvents(gold []GoldFact, events []model.Event) Score {
	docs := map[string]bool{}
	type docType struct {
		doc string
		typ model.EventType
	}
	scope := map[docType]bool{}
	for _, g := range gold {
		docs[g.Doc] = true
		scope[docType{g.Doc, g.Type}] = true
	}
	var tuples []Tuple
	for _, t := range Flatten(events) {
		if docs[t.Doc] && scope[docType{t.Doc, t.Type}] {
			tuples = append(tuples, t)
		}
	}
	type pair struct {
		right, gi, ti int
		sl            map[string]bool
	}
	var pairs []pair
	for gi := range gold {
		for ti := range tuples {
			if keyMatch(&gold[gi], &tuples[ti]) {
				sl := slots(&gold[gi], &tuples[ti])
				n := 0
				for _, v := range sl {
					if v {
						n++
					}
				}
				pairs = append(pairs, pair{n, gi, ti, sl})
			}
		}
	}
	// Most slots right first; among equals, the earlier tuple and then the
	// later gold fact first, as the reference scorer's reverse sort does.
	sort.SliceStable(pairs, func(i, j int) bool {
		a, b := pairs[i], pairs[j]
		if a.right != b.right {
			return a.right > b.right
		}
		if a.ti != b.ti {
			return a.ti < b.ti
		}
		return a.gi > b.gi
	})
	gmatch := map[int]map[string]bool{}
	tmatch := map[int]bool{}
	for _, p := range pairs {
		if _, ok := gmatch[p.gi]; ok || tmatch[p.ti] {
			continue
		}
		gmatch[p.gi] = p.sl
		tmatch[p.ti] = true
	}
	type counts struct{ tp, fp, fn int }
	per := map[model.EventType]*counts{}
	get := func(t model.EventType) *counts {
		if per[t] == nil {
			per[t] = &counts{}
		}
		return per[t]
	}
	slotRight := map[string][2]int{}
	s := Score{PerType: map[model.EventType]PRF{}, Slots: map[string]float64{}, Missed: []FactKey{}, Spurious: []FactKey{}}
	exact, required := 0, 0
	for gi, g := range gold {
		if g.Optional {
			continue
		}
		required++
		key := FactKey{Doc: g.Doc, Type: g.Type, Actor: g.Actor, Target: g.Target, Item: g.Item, Note: g.Note}
		sl, ok := gmatch[gi]
		if !ok {
			get(g.Type).fn++
			s.Missed = append(s.Missed, key)
			continue
		}
		get(g.Type).tp++
		all := true
		names := make([]string, 0, len(sl))
		for k := range sl {
			names = append(names, k)
		}
		sort.Strings(names)
		for _, k := range names {
			v := sl[k]
			c := slotRight[k]
			c[1]++
			if v {
				c[0]++
			} else {
				all = false
				s.WrongSlots = append(s.WrongSlots, SlotError{FactKey: key, Slot: k})
			}
			slotRight[k] = c
		}
		if all {
			exact++
		}
	}
	for ti, t := range tuples {
		if tmatch[ti] {
			continue
		}
		get(t.Type).fp++
		s.Spurious = append(s.Spurious, FactKey{Doc: t.Doc, Type: t.Type, Actor: t.Actor, Target: t.Target, Item: t.Item})
	}
	var tot counts
	for k, c := range per {
		s.PerType[k] = prf(c.tp, c.fp, c.fn)
		tot.tp += c.tp
		tot.fp += c.fp
		tot.fn += c.fn
	}
	s.Overall = prf(tot.tp, tot.fp, tot.fn)
	for k, c := range slotRight {
		s.Slots[k] = float64(c[0]) / float64(c[1])
	}
	if required > 0 {
		s.ExactShare = float64(exact) / float64(required)
	}
	return s
}

// String renders the score as the table a person reads.
func (s Score) String() string {
	var sb strings.Builder
	types := make([]model.EventType, 0, len(s.PerType))
	for k := range s.PerType {
		types = append(types, k)
	}
	slices.Sort(types)
	fmt.Fprintf(&sb, "%-14s %6s %6s %6s %5s %5s %5s\n", "type", "P", "R", "F1", "tp", "fp", "fn")
	for _, k := range types {
		v := s.PerType[k]
		fmt.Fprintf(&sb, "%-14s %6.3f %6.3f %6.3f %5d %5d %5d\n", k, v.Precision, v.Recall, v.F1, v.TP, v.FP, v.FN)
	}
	o := s.Overall
	fmt.Fprintf(&sb, "%-14s %6.3f %6.3f %6.3f %5d %5d %5d\n", "overall", o.Precision, o.Recall, o.F1, o.TP, o.FP, o.FN)
	names := make([]string, 0, len(s.Slots))
	for k := range s.Slots {
		names = append(names, k)
	}
	sort.Strings(names)
	sb.WriteString("slot accuracy:")
	for _, k := range names {
		fmt.Fprintf(&sb, " %s %.3f", k, s.Slots[k])
	}
	fmt.Fprintf(&sb, "\nexact facts: %.3f\n", s.ExactShare)
	return sb.String()
}
