package event

import (
	"fmt"
	"math"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/sitrep-project/sitrep/internal/model"
)

// refDate is the date the test articles carry unless a case names its own:
// Thursday 3 March 2022, so "on Monday" is 28 February and "last week" is
// 21 to 27 February.
var refDate = time.Date(2022, 3, 3, 0, 0, 0, 0, time.UTC)

// ev is what a case expects of one event. Zero fields are not checked;
// slices and pointers are checked when set.
type ev struct {
	typ     model.EventType
	actor   string   // actor code; "-" for none
	targets []string // the exact set of target codes
	items   []string // item names the event must hold
	qty     *rng     // the quantity of items[0]
	count   *rng
	money   *money
	status  string // "-" for none
	mode    string
	victims string
	outcome string
	date    string // "2022-02-28" or "2022-02-21..2022-02-27"; "-" for none
	source  string
	// modality, when set, is checked; an event with a modality that is not
	// a fact is looked for among all events, the others among facts only.
	modality string
}

type rng struct {
	min, max *float64
}

type money struct {
	amount   float64
	currency string
}

func f(v float64) *float64 { return &v }

// exactly n; atLeast n; upTo n.
func exactly(n float64) *rng { return &rng{f(n), f(n)} }
func atLeast(n float64) *rng { return &rng{min: f(n)} }
func upTo(n float64) *rng    { return &rng{max: f(n)} }
func between(a, b float64) *rng {
	return &rng{f(a), f(b)}
}

// caseT is one article and what sitrep must and must not read from it.
type caseT struct {
	name string
	text string
	date time.Time
	want []ev
	// not lists facts that must not come out: "type" or "type:ACTOR" or
	// "type:ACTOR>TARGET".
	not []string
	// noFacts: the article holds no fact at all.
	noFacts bool
	// only lists types of which exactly the wanted events are facts: a
	// repeat merged into one event gives one, not two.
	only []model.EventType
}

func extractCase(tc caseT) []model.Event {
	d := tc.date
	if d.IsZero() {
		d = refDate
	}
	a := &model.Article{ID: "t-" + tc.name, Doc: tc.name, Date: d, Text: tc.text}
	return New(WithExplain(true), withoutScope()).Extract(a)
}

// withoutScope keeps events outside the world sitrep tracks, for the rule
// tests, whose one-sentence articles carry none of the context that places
// a real article; scope_test.go tests scope on whole articles.
func withoutScope() Option { return func(x *Extractor) { x.noScope = true } }

func runCases(t *testing.T, cases []caseT) {
	t.Helper()
	seen := map[string]bool{}
	for _, tc := range cases {
		if seen[tc.name] {
			t.Fatalf("duplicate case name %q", tc.name)
		}
		seen[tc.name] = true
		tc := tc
		t.Run(tc.name, func(t *testing.T) {
			evs := extractCase(tc)
			var facts []model.Event
			for _, e := range evs {
				if e.IsFact() {
					facts = append(facts, e)
				}
			}
			for _, w := range tc.want {
				pool := facts
				if w.modality != "" && w.modality != model.ModalityAsserted && w.modality != model.ModalityReported && w.modality != model.ModalityPlanned {
					pool = evs
				}
				if msg := findEvent(pool, w); msg != "" {
					t.Errorf("%s\n%s", msg, dump(evs))
				}
			}
			for _, n := range tc.not {
				for _, e := range facts {
					if matchesNeg(e, n) {
						t.Errorf("unexpected fact %s: %s\n%s", n, brief(e), dump(evs))
					}
				}
			}
			if tc.noFacts && len(facts) > 0 {
				t.Errorf("want no facts\n%s", dump(evs))
			}
			for _, typ := range tc.only {
				n, w := 0, 0
				for _, e := range facts {
					if e.Type == typ {
						n++
					}
				}
				for _, e := range tc.want {
					if e.typ == typ {
						w++
					}
				}
				if n != w {
					t.Errorf("%d %s facts, want %d\n%s", n, typ, w, dump(evs))
				}
			}
		})
	}
}

// findEvent looks for an event matching w's type, actor, targets and
// items, then checks the other fields on the best candidate.
func findEvent(evs []model.Event, w ev) string {
	var cands []model.Event
	for _, e := range evs {
		if e.Type != w.typ {
			continue
		}
		if w.actor != "" && actorCode(e) != strings.TrimPrefix(w.actor, "-") {
			continue
		}
		if w.targets != nil && !sameSet(targetCodes2(e), w.targets) {
			continue
		}
		if !hasItems(e, w.items) {
			continue
		}
		cands = append(cands, e)
	}
	if len(cands) == 0 {
		return fmt.Sprintf("no %s event %s->%v %v", w.typ, w.actor, w.targets, w.items)
	}
	var first string
	for _, e := range cands {
		msg := checkSlots(e, w)
		if msg == "" {
			return ""
		}
		if first == "" {
			first = msg
		}
	}
	return first
}

func checkSlots(e model.Event, w ev) string {
	var bad []string
	if w.status != "" && e.Status != strings.TrimPrefix(w.status, "-") {
		bad = append(bad, fmt.Sprintf("status %q, want %q", e.Status, w.status))
	}
	if w.mode != "" && e.Mode != w.mode {
		bad = append(bad, fmt.Sprintf("mode %q, want %q", e.Mode, w.mode))
	}
	if w.victims != "" && e.Victims != w.victims {
		bad = append(bad, fmt.Sprintf("victims %q, want %q", e.Victims, w.victims))
	}
	if w.outcome != "" && e.Outcome != w.outcome {
		bad = append(bad, fmt.Sprintf("outcome %q, want %q", e.Outcome, w.outcome))
	}
	if w.modality != "" && e.Modality != w.modality {
		bad = append(bad, fmt.Sprintf("modality %q, want %q", e.Modality, w.modality))
	}
	if w.source != "" {
		got := ""
		if e.Source != nil {
			got = e.Source.Name
		}
		if got != w.source {
			bad = append(bad, fmt.Sprintf("source %q, want %q", got, w.source))
		}
	}
	if w.date != "" {
		got := ""
		if e.Time != nil {
			got = e.Time.Start
			if e.Time.End != e.Time.Start {
				got += ".." + e.Time.End
			}
		}
		if want := strings.TrimPrefix(w.date, "-"); got != want {
			bad = append(bad, fmt.Sprintf("date %q, want %q", got, want))
		}
	}
	if w.count != nil && !sameRange(e.Count, w.count) {
		bad = append(bad, fmt.Sprintf("count %s, want %s", rangeStr(e.Count), wantStr(w.count)))
	}
	if w.qty != nil {
		var q *model.Range
		for _, it := range e.Items {
			if strings.EqualFold(it.Name, w.items[0]) {
				q = it.Qty
			}
		}
		if !sameRange(q, w.qty) {
			bad = append(bad, fmt.Sprintf("qty of %s %s, want %s", w.items[0], rangeStr(q), wantStr(w.qty)))
		}
	}
	if w.money != nil {
		if e.Money == nil || math.Abs(e.Money.Amount-w.money.amount) > 0.5 || e.Money.Currency != w.money.currency {
			bad = append(bad, fmt.Sprintf("money %v, want %v %s", e.Money, w.money.amount, w.money.currency))
		}
	}
	if len(bad) == 0 {
		return ""
	}
	return fmt.Sprintf("%s %s->%v: %s", w.typ, w.actor, w.targets, strings.Join(bad, "; "))
}

func sameRange(r *model.Range, w *rng) bool {
	if r == nil {
		return false
	}
	eq := func(a, b *float64) bool {
		return a == nil && b == nil || a != nil && b != nil && *a == *b
	}
	return eq(r.Min, w.min) && eq(r.Max, w.max)
}

func rangeStr(r *model.Range) string {
	if r == nil {
		return "none"
	}
	return wantStr(&rng{r.Min, r.Max})
}

func wantStr(w *rng) string {
	p := func(x *float64) string {
		if x == nil {
			return "open"
		}
		return fmt.Sprint(*x)
	}
	return "[" + p(w.min) + ", " + p(w.max) + "]"
}

func actorCode(e model.Event) string {
	if e.Actor == nil {
		return ""
	}
	return e.Actor.Code
}

func targetCodes2(e model.Event) []string {
	var out []string
	for _, t := range e.Targets {
		out = append(out, t.Code)
	}
	return out
}

func sameSet(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	x := append([]string(nil), a...)
	y := append([]string(nil), b...)
	sort.Strings(x)
	sort.Strings(y)
	for i := range x {
		if x[i] != y[i] {
			return false
		}
	}
	return true
}

func hasItems(e model.Event, names []string) bool {
	for _, n := range names {
		found := false
		for _, it := range e.Items {
			if strings.EqualFold(it.Name, n) {
				found = true
			}
		}
		if !found {
			return false
		}
	}
	return true
}

// matchesNeg reports whether e matches "type", "type:ACTOR" or
// "type:ACTOR>TARGET".
func matchesNeg(e model.Event, n string) bool {
	typ, rest, _ := strings.Cut(n, ":")
	if string(e.Type) != typ {
		return false
	}
	if rest == "" {
		return true
	}
	actor, target, hasTarget := strings.Cut(rest, ">")
	if actor != "" && actorCode(e) != actor {
		return false
	}
	if hasTarget {
		for _, t := range e.Targets {
			if t.Code == target {
				return true
			}
		}
		return false
	}
	return true
}

func brief(e model.Event) string {
	var items []string
	for _, it := range e.Items {
		items = append(items, it.Name)
	}
	return fmt.Sprintf("%s %s %s->%v %v count=%s [%s]", e.Type, e.Status, actorCode(e), targetCodes2(e), items, rangeStr(e.Count), e.Modality)
}

func dump(evs []model.Event) string {
	var b strings.Builder
	b.WriteString("events:\n")
	for _, e := range evs {
		b.WriteString("  " + brief(e) + "\n")
		for _, w := range e.Explain {
			b.WriteString("      " + w + "\n")
		}
	}
	return b.String()
}
