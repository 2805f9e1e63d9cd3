package event

import (
	"fmt"
	"strings"
	"sync"

	"github.com/sitrep-project/sitrep/internal/model"
	"github.com/sitrep-project/sitrep/internal/text"
)

// Running totals. News counts aid and losses both as they happen and as
// sums ("bringing its military aid to $3bn", "40 tanks so far"); a sum is
// no new package, and booking it as one counts the same aid twice. The cues
// of data/totals.tsv mark a figure as a running total when they stand just
// before or after it.

// totalWindow is how many tokens before a figure a cue may stand.
const totalWindow = 5

// afterWindow is how many tokens after a figure a cue may stand: what
// the figure counts comes between ("$5.6bn in security assistance to
// Ukraine since Russia invaded").
const afterWindow = 8

// levelWindow is how many tokens before a figure a verb of growth may
// stand to make it the new level of what grew.
const levelWindow = 12

type totalsData struct {
	before, after map[string][][]string // first word -> cue phrases
	// level holds the verbs of growth ("increased", "doubled"): the
	// figure after a later "to" in their clause is a level, not a package.
	level map[string][][]string
}

var (
	totalsOnce sync.Once
	totalsDef  *totalsData
	totalsErr  error
)

func loadTotals() (*totalsData, error) {
	totalsOnce.Do(func() {
		d := &totalsData{before: map[string][][]string{}, after: map[string][][]string{}, level: map[string][][]string{}}
		totalsErr = readTSV("data/totals.tsv", []string{"cue", "side"}, func(line int, f []string) error {
			words, err := cuePhrase(f[0])
			if err != nil {
				return err
			}
			switch f[1] {
			case "before":
				d.before[words[0]] = append(d.before[words[0]], words)
			case "after":
				d.after[words[0]] = append(d.after[words[0]], words)
			case "level":
				d.level[words[0]] = append(d.level[words[0]], words)
			default:
				return fmt.Errorf("side %q is not before, after or level", f[1])
			}
			return nil
		})
		totalsDef = d
	})
	return totalsDef, totalsErr
}

// markRunningTotals sets Cumulative on the aid events whose money or item
// counts are running totals.
func markRunningTotals(a *model.Article, evs []model.Event) {
	d, err := loadTotals()
	if err != nil {
		panic(fmt.Sprintf("event: embedded totals data: %v", err)) // a build error, caught by the tests
	}
	for i := range evs {
		e := &evs[i]
		if e.Type != model.TypeAid {
			continue
		}
		var spans []*model.Span
		if e.Money != nil && e.Money.Span != nil {
			spans = append(spans, e.Money.Span)
		}
		for _, it := range e.Items {
			if it.Qty != nil && it.Span != nil {
				spans = append(spans, it.Span)
			}
		}
		if len(spans) == 0 {
			continue
		}
		ev := e.Evidence
		if ev.Start < 0 || ev.End > len(a.Text) || ev.Start >= ev.End {
			continue
		}
		toks := text.Tokenize(a.Text[ev.Start:ev.End], ev.Start)
		for _, sp := range spans {
			if d.near(toks, sp.Start, sp.End) {
				e.Cumulative = true
				break
			}
		}
	}
}

// near reports whether a cue stands near the figure at [start, end), before
// or after it, or a verb of growth makes the figure a level ("bring its
// total aid to $3bn").
func (d *totalsData) near(toks []text.Token, start, end int) bool {
	first, last := -1, -1
	for i, t := range toks {
		if t.Start >= start && t.End <= end {
			if first < 0 {
				first = i
			}
			last = i
		}
	}
	if first < 0 {
		return false
	}
	return d.nearTokens(toks, first, last) || d.levelAt(toks, 0, first)
}

// nearTokens is near for the figure of tokens first to last.
func (d *totalsData) nearTokens(toks []text.Token, first, last int) bool {
	for i := max(0, first-totalWindow); i < first; i++ {
		for _, words := range d.before[strings.ToLower(toks[i].Text)] {
			if i+len(words) <= first && phraseAt(toks, i, words) {
				return true
			}
		}
	}
	for i := last + 1; i <= last+afterWindow && i < len(toks); i++ {
		for _, words := range d.after[strings.ToLower(toks[i].Text)] {
			if phraseAt(toks, i, words) {
				return true
			}
		}
	}
	return false
}

// levelAt reports whether the figure starting at token first, after "to",
// is the level something grew to: a verb of growth stands before it, no
// further back than from, within levelWindow tokens ("increased the total
// resources of the facility to €1.5bn").
func (d *totalsData) levelAt(toks []text.Token, from, first int) bool {
	if first < 1 || !strings.EqualFold(toks[first-1].Text, "to") {
		return false
	}
	for i := max(from, first-levelWindow); i < first-1; i++ {
		for _, words := range d.level[strings.ToLower(toks[i].Text)] {
			if i+len(words) < first && phraseAt(toks, i, words) {
				return true
			}
		}
	}
	return false
}

// mustTotals returns the embedded totals data; a failure to read it is a
// build error, caught by the tests.
func mustTotals() *totalsData {
	d, err := loadTotals()
	if err != nil {
		panic(fmt.Sprintf("event: embedded totals data: %v", err))
	}
	return d
}
