package query

import (
	"context"
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/sitrep-project/sitrep/internal/model"
	"github.com/sitrep-project/sitrep/internal/store"
)

// TotalSuffix ends the key of a series of running totals
// ("casualties/UKR/civilians/killed/total"); the series of incident counts
// of the same side, victims and outcome has the key without it.
const TotalSuffix = "total"

// cumulativeCues mark a figure as a running total.
var cumulativeCues = []string{"so far", "since", "in total", "total", "toll", "to date", "as of", "overall", "altogether", "in all"}

// FigureType reads the type a request for figures names: "" for all of
// them, else a type the registry marks Figure. Another type is an error
// that names the figure types, so that asking for aid figures is told
// rather than answered with nothing.
func FigureType(s string) (model.EventType, error) {
	if strings.TrimSpace(s) == "" {
		return "", nil
	}
	t, err := model.ParseEventType(s)
	if err != nil {
		return "", err
	}
	if !t.Info().Figure {
		return "", fmt.Errorf("figures are kept for %s, not %s", andList(model.FigureTypes()), t)
	}
	return t, nil
}

// andList writes types as "a, b and c".
func andList(ts []model.EventType) string {
	parts := make([]string, len(ts))
	for i, t := range ts {
		parts[i] = string(t)
	}
	if len(parts) < 2 {
		return strings.Join(parts, "")
	}
	return strings.Join(parts[:len(parts)-1], ", ") + " and " + parts[len(parts)-1]
}

// Figures builds the series of counted figures: per type, side, victims
// and outcome, one series of incident counts and one of running totals
// (claims that say they sum), one point per record and claimant, for the
// records whose side (their first target) is known. Claims of
// different sources stand side by side; nothing is averaged. An empty typ
// selects every type the registry marks Figure.
func Figures(ctx context.Context, st store.Store, typ model.EventType, party string) ([]model.Series, error) {
	types := model.FigureTypes()
	if typ != "" {
		types = []model.EventType{typ}
	}
	recs, err := st.Records(ctx, store.RecordFilter{Types: types, Party: party})
	if err != nil {
		return nil, err
	}
	byKey := map[string]*model.Series{}
	var keys []string
	for _, r := range recs {
		// A count of no known side (house fires, an avalanche, a pandemic's
		// dead, in the general news) belongs to no series of the conflict:
		// keyed with an empty side, such counts ran together into one.
		if r.Count == nil || len(r.Targets) == 0 || r.Targets[0].Code == "" {
			continue
		}
		target := r.Targets[0].Code
		var parties []string
		if r.Actor != nil && r.Actor.Code != "" {
			parties = append(parties, r.Actor.Code)
		}
		for _, t := range r.Targets {
			parties = append(parties, t.Code)
		}
		// A record whose reports say it sums ("so far", "the toll rose
		// to") goes to the series of running totals, any other to that of
		// incident counts: a day's strike and a war's toll are not points
		// of one line. The record decides, not each report, so that one
		// claim is never in both.
		running := false
		for _, m := range r.Mentions {
			running = running || cumulativeText(m.Evidence.Sentence)
		}
		key := strings.Join([]string{string(r.Type), target, r.Victims, r.Outcome}, "/")
		if running && splitsIncidents(r.Type) {
			key += "/" + TotalSuffix
		}
		s := byKey[key]
		if s == nil {
			s = &model.Series{Key: key, Type: r.Type, Target: target, Victims: r.Victims, Outcome: r.Outcome}
			byKey[key] = s
			keys = append(keys, key)
		}
		claimants := map[string]bool{}
		for _, m := range r.Mentions {
			src := "unattributed"
			if m.Source != nil {
				src = m.Source.Name
			}
			if claimants[src] {
				continue
			}
			claimants[src] = true
			c := r.Count
			if m.Slots != nil && m.Slots.Count != nil {
				c = m.Slots.Count
			}
			p := model.Point{Date: r.Day, Min: c.Min, Max: c.Max, Approx: c.Approx, Source: src, Doc: m.Doc,
				Article: m.Article, Event: m.Event, Text: c.Text, Parties: parties, Running: running}
			s.Points = append(s.Points, p)
		}
	}
	sort.Strings(keys)
	out := make([]model.Series, 0, len(keys))
	for _, k := range keys {
		s := byKey[k]
		sort.SliceStable(s.Points, func(i, j int) bool {
			if s.Points[i].Date != s.Points[j].Date {
				return s.Points[i].Date < s.Points[j].Date
			}
			return s.Points[i].Source < s.Points[j].Source
		})
		s.Cumulative = cumulative(s.Type, s.Points)
		out = append(out, *s)
	}
	return out, nil
}

// splitsIncidents reports whether a figure type's counts are of two kinds
// kept apart, incidents and running totals: the dead and wounded of one
// strike, and a war's toll. Displacement and mobilisation figures are
// stocks (refugees who have fled, troops massed), running totals whether
// the sentence says so or not.
func splitsIncidents(t model.EventType) bool { return t == model.TypeCasualties }

// cumulative reports a series of running totals: its claims say so, or,
// for a type whose counts are stocks (see splitsIncidents), some source's
// claims only grow.
func cumulative(t model.EventType, ps []model.Point) bool {
	for _, p := range ps {
		if p.Running {
			return true
		}
	}
	return !splitsIncidents(t) && growing(ps)
}

// growing reports a series in which some source makes three or more
// claims that never fall: a running total.
func growing(ps []model.Point) bool {
	by := map[string][]float64{}
	for _, p := range ps {
		v := 0.0
		switch {
		case p.Min != nil:
			v = *p.Min
		case p.Max != nil:
			v = *p.Max
		}
		by[p.Source] = append(by[p.Source], v)
	}
	for _, vs := range by {
		if len(vs) < 3 {
			continue
		}
		up := true
		for i := 1; i < len(vs); i++ {
			if vs[i] < vs[i-1] {
				up = false
			}
		}
		if up {
			return true
		}
	}
	return false
}

// PartyFigures cuts the series of one party (an actor or target code)
// from series Figures built for all parties: the claims of the records
// it takes part in, each series judged a running total or not on those
// claims alone. It gives what Figures would for that party, without
// reading the store again: an actor's page then costs a pass over the
// figures kept in memory instead of a read of every record of a state in
// most of the news.
func PartyFigures(series []model.Series, party string) []model.Series {
	return keepPoints(series, func(p model.Point) bool { return slices.Contains(p.Parties, party) })
}

// keepPoints keeps the claims of series that keep accepts, judges each
// series a running total or not on the claims kept, and drops the series
// left with none.
func keepPoints(series []model.Series, keep func(model.Point) bool) []model.Series {
	out := []model.Series{}
	for _, s := range series {
		var ps []model.Point
		for _, p := range s.Points {
			if keep(p) {
				ps = append(ps, p)
			}
		}
		if len(ps) == 0 {
			continue
		}
		s.Points = ps
		s.Cumulative = cumulative(s.Type, ps)
		out = append(out, s)
	}
	return out
}

func cumulativeText(s string) bool {
	l := strings.ToLower(s)
	for _, c := range cumulativeCues {
		if strings.Contains(l, c) {
			return true
		}
	}
	return false
}

// FiguresBetween keeps the claims of series about days within [from, to]
// (either may be ""), each series judged a running total or not on the
// claims kept, and drops the series left with none.
func FiguresBetween(series []model.Series, from, to string) []model.Series {
	if from == "" && to == "" {
		return series
	}
	return keepPoints(series, func(p model.Point) bool { return (from == "" || p.Date >= from) && (to == "" || p.Date <= to) })
}
