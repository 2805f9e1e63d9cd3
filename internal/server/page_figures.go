package server

import (
	"context"
	"errors"
	"net/http"
	"sort"
	"strconv"
	"strings"

	"github.com/sitrep-project/sitrep/internal/model"
	"github.com/sitrep-project/sitrep/internal/query"
)

// figuresView is the figures page's data.
type figuresView struct {
	Type, Actor string
	Kinds       []model.EventType // the figure types, for the menu
	Series      []seriesView
	Problem     string
}

// seriesView is one series with its chart and its latest claims.
type seriesView struct {
	S         model.Series
	Title     string
	Chart     *lineChart
	Conflicts int
	Claims    []claimView
	// ClaimsTotal counts all the series' claims; Claims holds the latest
	// maxClaimsShown of them.
	ClaimsTotal int
	// APIHref is the series' figures in the API, every claim listed.
	APIHref string
}

// claimView is a claim as the table lists it.
type claimView struct {
	P        model.Point
	Value    string
	Class    string // the source's colour
	Disputed bool   // another source gives another value for the date
}

// maxSeriesShown bounds the charts on one page, maxClaimsShown the claims
// listed under each: a year of a toll reported daily is tens of thousands
// of claims, and the page listed them all (24 MB of HTML on a store of
// 100,000 articles). The chart draws every day; the API gives every claim.
const (
	maxSeriesShown = 40
	maxClaimsShown = 100
)

func (s *Server) figuresPage(r *http.Request) (string, *view, error) {
	q := r.URL.Query()
	v := &figuresView{Type: q.Get("type"), Actor: q.Get("actor"), Kinds: model.FigureTypes()}
	typ, actor, err := figuresParams(q)
	var ae *apiError
	switch {
	case errors.As(err, &ae):
		v.Problem = ae.msg
		return "figures", &view{Title: "Figures", Nav: "figures", Data: v}, nil
	case err != nil:
		return "", nil, err
	}
	from, to, err := dateRange(q)
	switch {
	case errors.As(err, &ae):
		v.Problem = ae.msg
		return "figures", &view{Title: "Figures", Nav: "figures", Data: v}, nil
	case err != nil:
		return "", nil, err
	case from != "" || to != "":
		series, err := s.figures(r.Context(), typ, actor)
		if err != nil {
			return "", nil, err
		}
		v.Series = seriesViews(query.FiguresBetween(series, from, to), maxSeriesShown)
	default:
		if v.Series, err = s.figureViews(r.Context(), typ, actor, maxSeriesShown); err != nil {
			return "", nil, err
		}
	}
	return "figures", &view{Title: "Figures", Nav: "figures", Data: v}, nil
}

// figureViews are the charts and claim tables of the limit longest series
// of figures for a type and a party, kept while the store does not change
// (see aggCache): laying them out reads every claim, 50 ms for the tens
// of thousands of a large store. The views returned are shared: read
// them only.
func (s *Server) figureViews(ctx context.Context, typ model.EventType, party string, limit int) ([]seriesView, error) {
	key := strings.Join([]string{"figure views", string(typ), party, strconv.Itoa(limit)}, "\x00")
	v, err := s.aggregate(ctx, key, func(ctx context.Context) (any, error) {
		series, err := s.figures(ctx, typ, party)
		if err != nil {
			return nil, err
		}
		return seriesViews(series, limit), nil
	})
	if err != nil {
		return nil, err
	}
	return v.([]seriesView), nil
}

// seriesViews lays out the limit series with the most claims, most
// first, each with its chart and its latest claims.
func seriesViews(series []model.Series, limit int) []seriesView {
	idx := make([]int, len(series))
	for i := range idx {
		idx[i] = i
	}
	// Longest series first: they say the most. Only those shown are laid
	// out.
	sort.SliceStable(idx, func(a, b int) bool { return len(series[idx[a]].Points) > len(series[idx[b]].Points) })
	if len(idx) > limit {
		idx = idx[:limit]
	}
	out := make([]seriesView, 0, len(idx))
	for _, i := range idx {
		s := series[i]
		sv := seriesView{S: s, Title: seriesTitle(s), Chart: figureChart(s), ClaimsTotal: len(s.Points),
			APIHref: link("/api/v1/figures", "type", string(s.Type), "actor", s.Target, "points", strconv.Itoa(MaxPoints))}
		if sv.Chart != nil {
			sv.Conflicts = len(sv.Chart.Conflicts)
		}
		classes := map[string]string{}
		if sv.Chart != nil {
			for _, l := range sv.Chart.Lines {
				classes[l.Source] = l.Class
			}
		}
		shown := s.Points[max(0, len(s.Points)-maxClaimsShown):]
		byDate := map[string][]model.Point{}
		for _, p := range s.Points {
			if len(shown) > 0 && p.Date >= shown[0].Date {
				byDate[p.Date] = append(byDate[p.Date], p)
			}
		}
		// Latest first: the table starts where the chart ends.
		for j := len(shown) - 1; j >= 0; j-- {
			p := shown[j]
			_, _, dis := disagree(byDate[p.Date])
			sv.Claims = append(sv.Claims, claimView{P: p, Class: classes[p.Source], Disputed: dis,
				Value: query.RangeText(&model.Range{Min: p.Min, Max: p.Max, Approx: p.Approx})})
		}
		out = append(out, sv)
	}
	return out
}

// seriesTitle reads a series key as a heading: "Casualties · UKR ·
// civilians killed", the type by its registry label.
func seriesTitle(s model.Series) string {
	t := s.Type.Info().Label
	if s.Target != "" {
		t += " · " + s.Target
	}
	var who []string
	if s.Victims != "" {
		who = append(who, s.Victims)
	}
	if s.Outcome != "" {
		who = append(who, s.Outcome)
	}
	for i, w := range who {
		if i == 0 {
			t += " · "
		} else {
			t += " "
		}
		t += w
	}
	return t
}
