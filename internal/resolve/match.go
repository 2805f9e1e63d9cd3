package resolve

import (
	"fmt"
	"math"
	"strings"

	"github.com/sitrep-project/sitrep/internal/model"
)

// weakAidWindow bounds aid reports that share only parties and money, not
// a named item: a package is re-reported within weeks, while a delivery of
// named items may follow its pledge by a month or more.
const weakAidWindow = 21

// defaultWindow is the merge window of a type the registry does not
// declare, which only a store written by another version can hold.
const defaultWindow = 3

// window bounds how many days apart two reports of one event of typ may
// be filed: the registry's Window (model.TypeInfo), which says why each
// type's differs.
func window(typ model.EventType) int {
	if w := typ.Info().Window; w > 0 {
		return w
	}
	return defaultWindow
}

// Match reports whether ev reports the same real event as rec, and how
// well it fits (higher is better). Parties must agree; items, figures,
// money and times must not contradict; and for each type the slots that
// tell two events apart must agree (the amount of an aid package, the
// figure and who claims it for a toll, the place of a strike).
func Match(rec *model.Record, ev *model.Event) (float64, bool) {
	score, why := match(rec, ev)
	return score, why == ""
}

// Why says why ev does not join rec ("" when it does), for analysts who
// ask why two reports were kept apart.
func Why(rec *model.Record, ev *model.Event) string {
	_, why := match(rec, ev)
	return why
}

func match(rec *model.Record, ev *model.Event) (float64, string) {
	if rec.Type != ev.Type {
		return 0, "different types"
	}
	// A running total sums packages; it is never one of them.
	if rec.RunningTotal() != ev.Cumulative {
		return 0, "a running total and a package of its own"
	}
	// Extraction already merged the repeats inside one article; two events
	// it kept apart there are two events, unless they are two steps of one
	// life ("announced last week ... delivered on Tuesday").
	for _, m := range rec.Mentions {
		if m.Article == ev.Article && (m.Status == ev.Status || rec.Type != model.TypeAid) {
			return 0, "the record already holds an event of this article"
		}
	}
	score := 1.0
	ra, ea := actorCode(rec.Actor), actorCode(ev.Actor)
	switch {
	case ra != "" && ea != "" && ra != ea:
		return 0, "different actors"
	case ra == "" || ea == "":
		score -= 0.3
	}
	if !targetsAgree(rec.Targets, ev.Targets) {
		return 0, "different targets"
	}
	d := daysBetween(rec.Day, eventDay(ev))
	w := window(rec.Type)
	if d > w {
		return 0, fmt.Sprintf("%d days apart, more than the %d of a %s", d, w, rec.Type)
	}
	score -= 0.5 * float64(d) / float64(w+1)
	// Two days given to the day tell two events apart, except for aid (a
	// pledge and its delivery) and a troop build-up (a state that lasts).
	if rec.Time != nil && ev.Time != nil && rec.Time.Precision == model.PrecisionDay && ev.Time.Precision == model.PrecisionDay &&
		(rec.Time.End < ev.Time.Start || ev.Time.End < rec.Time.Start) && rec.Type != model.TypeAid && rec.Type != model.TypeMobilize {
		return 0, "different days"
	}
	strong := false
	switch rec.Type {
	case model.TypeAid:
		if rec.Mode != "" && ev.Mode != "" && rec.Mode != ev.Mode {
			return 0, "different modes of aid"
		}
		// Two announcements of the same status on different days are two
		// packages, even of the same size.
		if rec.Time != nil && ev.Time != nil && rec.Time.Precision == model.PrecisionDay && ev.Time.Precision == model.PrecisionDay &&
			rec.Status == ev.Status && daysBetween(rec.Time.Start, ev.Time.Start) > 1 {
			return 0, "the same step on different days"
		}
		if rec.Money != nil && ev.Money != nil {
			if rec.Money.Currency != ev.Money.Currency || !near(rec.Money.Amount, ev.Money.Amount, 0.02) {
				return 0, "different amounts of money"
			}
			// The same sum is the surest sign of the same package.
			strong = true
			score += 0.3
		}
		ri, ei := specific(rec.Items), specific(ev.Items)
		switch {
		case len(ri) > 0 && len(ei) > 0:
			shared := 0.0
			for _, a := range ri {
				for _, b := range ei {
					if sameItem(a, b) {
						if a.Qty != nil && b.Qty != nil && !rangesMeet(a.Qty, b.Qty) {
							return 0, "different quantities of " + a.Name
						}
						// The same name counts more than a kind and a system.
						if strings.EqualFold(a.Name, b.Name) {
							shared += 1
						} else {
							shared += 0.3
						}
					}
				}
			}
			if shared == 0 {
				return 0, "no item in common"
			}
			strong = true
			score += 0.1 * shared
		case (len(ri) > 0) != (len(ei) > 0):
			// A package's value and the items it includes stay apart, as
			// in one article.
			if (rec.Money != nil) != (ev.Money != nil) {
				return 0, "a package's value and its items are kept apart"
			}
		}
		if !strong && (rec.Money == nil) != (ev.Money == nil) {
			return 0, "nothing specific in common"
		}
	case model.TypeCasualties, model.TypeDisplacement, model.TypeMobilize:
		if rec.Victims != ev.Victims && rec.Victims != "" && ev.Victims != "" || rec.Outcome != ev.Outcome {
			return 0, "different victims or outcome"
		}
		// A toll is one claim: the same figure from the same source. An
		// updated figure is a new point of its series, not this record.
		if rec.Count == nil || ev.Count == nil || !sameFigure(rec.Count, ev.Count) {
			return 0, "different figures"
		}
		strong = true
	case model.TypeAttack, model.TypeCyberattack:
		if len(rec.Places) > 0 && len(ev.Places) > 0 {
			if !placesMeet(rec.Places, ev.Places) {
				return 0, "different places"
			}
			strong = true
			score += 0.2
		}
	default:
		if len(rec.Targets) > 0 && len(ev.Targets) > 0 {
			strong = true
		}
	}
	// The same day, given to the day, makes a pairing surer.
	if rec.Time != nil && ev.Time != nil && rec.Time.Precision == model.PrecisionDay && rec.Time.Start == ev.Time.Start {
		score += 0.2
	}
	if (ra == "" || ea == "") && !strong {
		return 0, "an actor is missing and nothing specific is shared"
	}
	if rec.Type == model.TypeAid && d > weakAidWindow && len(specific(rec.Items)) == 0 {
		return 0, fmt.Sprintf("%d days apart with no named item in common", d)
	}
	return score, ""
}

func sourceName(s *model.Source) string {
	if s == nil {
		return ""
	}
	return s.Name
}

func targetsAgree(a, b []model.Actor) bool {
	if len(a) == 0 || len(b) == 0 {
		return true
	}
	for _, x := range a {
		for _, y := range b {
			if x.Code == y.Code {
				return true
			}
		}
	}
	return false
}

func placesMeet(a, b []model.Place) bool {
	for _, x := range a {
		for _, y := range b {
			if x.Name == y.Name {
				return true
			}
		}
	}
	return false
}

func near(a, b, tol float64) bool {
	if a == b {
		return true
	}
	return math.Abs(a-b) <= tol*math.Max(math.Abs(a), math.Abs(b))
}

func lo(r *model.Range) float64 {
	if r.Min == nil {
		return math.Inf(-1)
	}
	return *r.Min
}

func hi(r *model.Range) float64 {
	if r.Max == nil {
		return math.Inf(1)
	}
	return *r.Max
}

// point is the figure a range states: its lower bound, or its upper one
// when only that is known ("over 4,000" states 4,000).
func point(r *model.Range) (float64, bool) {
	switch {
	case r.Min != nil:
		return *r.Min, true
	case r.Max != nil:
		return *r.Max, true
	}
	return 0, false
}

// rangesMeet reports whether two quantities of an item can be the same:
// their figures within 5% of each other. Reports of one delivery round or
// misstate its size a little (500 and 520 Stingers), which the record
// keeps as a disagreement; a running total that grows (3,615 then over
// 4,000 launchers) is a new figure.
func rangesMeet(a, b *model.Range) bool {
	x, okx := point(a)
	y, oky := point(b)
	if !okx || !oky {
		return true
	}
	return near(x, y, 0.05)
}

func exact(r *model.Range) (float64, bool) {
	if r.Min != nil && r.Max != nil && *r.Min == *r.Max {
		return *r.Min, true
	}
	return 0, false
}

// sameFigure reports two counts that state the same figure: a toll or a
// refugee count updated by a few is a new claim, not the same one.
func sameFigure(a, b *model.Range) bool {
	x, okx := point(a)
	y, oky := point(b)
	return okx && oky && near(x, y, 0.005)
}

// sameItem reports two items that may name the same thing: the same name,
// or a kind ("anti-tank weapon", lower case in the catalogue) and a named
// system of that kind ("NLAW"), as reports of one delivery word it.
func sameItem(a, b model.Item) bool {
	if strings.EqualFold(a.Name, b.Name) {
		return true
	}
	if a.Category == "" || a.Category != b.Category {
		return false
	}
	return isKind(a.Name) != isKind(b.Name)
}

// isKind reports a catalogue name for a kind of thing rather than a named
// system: the catalogue writes kinds in lower case.
func isKind(name string) bool {
	return name != "" && name[0] >= 'a' && name[0] <= 'z'
}

// genericItems are item names too vague to tell packages apart.
var genericItems = map[string]bool{"weapons": true, "weapon": true, "arms": true, "military equipment": true,
	"equipment": true, "weaponry": true, "military aid": true, "aid": true, "supplies": true, "materiel": true}

func specific(items []model.Item) []model.Item {
	var out []model.Item
	for _, it := range items {
		if !genericItems[strings.ToLower(it.Name)] {
			out = append(out, it)
		}
	}
	return out
}
