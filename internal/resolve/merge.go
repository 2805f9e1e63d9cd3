package resolve

import (
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"

	"github.com/sitrep-project/sitrep/internal/model"
)

// statusRank orders an aid package's life; a record's status is the
// furthest step any report has it reach.
var statusRank = map[string]int{
	model.StatusRequested: 1, model.StatusPlanned: 2, model.StatusPledged: 3,
	model.StatusAuthorized: 4, model.StatusDelivered: 5, model.StatusAlleged: 1,
}

// Rebuild recomputes a record's merged slots, status history and
// disagreements from its mentions. It depends only on the set of
// mentions, not on the order they arrived in.
func Rebuild(r *model.Record) {
	sortMentions(r.Mentions)
	*r = model.Record{ID: r.ID, Type: r.Type, Mentions: r.Mentions, Indexed: r.Indexed}
	if len(r.Mentions) == 0 {
		return
	}
	r.FirstReported = r.Mentions[0].Date
	r.LastReported = r.Mentions[len(r.Mentions)-1].Date
	disputes := map[string][]model.Claim{}
	claim := func(slot, value string, m *model.Mention) {
		for _, c := range disputes[slot] {
			if c.Value == value {
				return
			}
		}
		disputes[slot] = append(disputes[slot], model.Claim{Value: value, Doc: m.Doc, Date: m.Date, Source: sourceName(m.Source)})
	}
	miss := 1.0
	seenStatus := map[string]bool{}
	for i := range r.Mentions {
		m := &r.Mentions[i]
		ev := m.Slots
		if ev == nil {
			continue
		}
		miss *= 1 - ev.Confidence
		if r.Actor == nil && ev.Actor != nil {
			a := *ev.Actor
			r.Actor = &a
		}
		for _, t := range ev.Targets {
			if !hasActor(r.Targets, t.Code) {
				r.Targets = append(r.Targets, t)
			}
		}
		if r.Mode == "" {
			r.Mode = ev.Mode
		}
		if r.Victims == "" {
			r.Victims = ev.Victims
		}
		if r.Outcome == "" {
			r.Outcome = ev.Outcome
		}
		for _, it := range ev.Items {
			r.Items = mergeItem(r.Items, it)
			if it.Qty != nil {
				if v, ok := exact(it.Qty); ok {
					claim("qty:"+it.Name, num(v), m)
				}
			}
		}
		if ev.Money != nil {
			if r.Money == nil {
				mm := *ev.Money
				r.Money = &mm
			}
			claim("money", fmt.Sprintf("%s %s", num(ev.Money.Amount), ev.Money.Currency), m)
		}
		if ev.Count != nil {
			if r.Count == nil || narrower(ev.Count, r.Count) {
				c := *ev.Count
				r.Count = &c
			}
			if v, ok := exact(ev.Count); ok {
				claim("count", num(v), m)
			}
		}
		if ev.Time != nil {
			if r.Time == nil || span(ev.Time) < span(r.Time) {
				t := *ev.Time
				r.Time = &t
			}
			// Dates are compared between reports of the same step: a
			// pledge and its delivery have different dates by nature.
			if ev.Time.Precision == model.PrecisionDay {
				claim("date:"+ev.Status, ev.Time.Start, m)
			}
		}
		for _, p := range ev.Places {
			if !hasPlace(r.Places, p.Name) {
				r.Places = append(r.Places, p)
			}
		}
		if st := ev.Status; st != "" && !seenStatus[st] {
			seenStatus[st] = true
			// An announcement is dated by the event's own time when the
			// text gives one ("pledged on Saturday"); later steps by the
			// report that first tells of them, since their time slot
			// usually repeats the announcement's.
			day := m.Date
			if ev.Time != nil && ev.Time.Start != "" && ev.Time.Start <= m.Date && statusRank[st] <= statusRank[model.StatusPledged] {
				day = ev.Time.Start
			}
			r.History = append(r.History, model.StatusStep{Status: st, Date: day, Doc: m.Doc, Source: m.Source})
			if statusRank[st] > statusRank[r.Status] {
				r.Status = st
			}
		}
	}
	sort.SliceStable(r.History, func(i, j int) bool {
		if r.History[i].Date != r.History[j].Date {
			return r.History[i].Date < r.History[j].Date
		}
		return statusRank[r.History[i].Status] < statusRank[r.History[j].Status]
	})
	slots := make([]string, 0, len(disputes))
	for k, cs := range disputes {
		if len(cs) > 1 {
			slots = append(slots, k)
		}
	}
	sort.Strings(slots)
	for _, k := range slots {
		r.Disagreements = append(r.Disagreements, model.Disagreement{Slot: k, Claims: disputes[k]})
	}
	r.Day = dayOf(r.Type, r.Time, r.FirstReported)
	r.Confidence = math.Round(math.Min(0.99, 1-miss)*100) / 100
}

func num(f float64) string { return strconv.FormatFloat(f, 'f', -1, 64) }

func hasActor(as []model.Actor, code string) bool {
	for _, a := range as {
		if a.Code == code {
			return true
		}
	}
	return false
}

func hasPlace(ps []model.Place, name string) bool {
	for _, p := range ps {
		if p.Name == name {
			return true
		}
	}
	return false
}

// mergeItem adds an item to a list, keeping for a name already there the
// most specific quantity. Generic items give way to specific ones.
func mergeItem(items []model.Item, it model.Item) []model.Item {
	for i := range items {
		if strings.EqualFold(items[i].Name, it.Name) {
			if it.Qty != nil && (items[i].Qty == nil || narrower(it.Qty, items[i].Qty)) {
				q := *it.Qty
				items[i].Qty = &q
			}
			return items
		}
	}
	if genericItems[strings.ToLower(it.Name)] && len(specific(items)) > 0 {
		return items
	}
	if !genericItems[strings.ToLower(it.Name)] {
		kept := items[:0]
		for _, x := range items {
			if !genericItems[strings.ToLower(x.Name)] {
				kept = append(kept, x)
			}
		}
		items = kept
	}
	return append(items, it)
}

// narrower reports whether a says more than b: a closed range beats an
// open one, a narrow one a wide one, an exact figure a hedged one.
func narrower(a, b *model.Range) bool {
	wa, wb := hi(a)-lo(a), hi(b)-lo(b)
	if wa != wb {
		return wa < wb || math.IsNaN(wb)
	}
	return !a.Approx && b.Approx
}

// span is the length in days of a time's range, as comparable strings.
func span(t *model.Time) int {
	return daysBetween(t.Start, t.End)
}
