package server

import (
	"errors"
	"net/http"

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

// seriesView is one series with its chart and its claims.
type seriesView struct {
	S         model.Series
	Title     string
	Chart     *lineChart
	Conflicts int
	Claims    []claimView
}

// claimView is a claim as the table lists it.
type claimView struct {
	P        model.Point
	Value    string
	Class    string // the source's colour
	Disputed bool   // another source gives another value for the date
}

// maxSeriesShown bounds the charts on one page.
const maxSeriesShown = 40

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
	series, err := s.figures(r.Context(), typ, actor)
	if err != nil {
		return "", nil, err
	}
	v.Series = seriesViews(series, maxSeriesShown)
	return "figures", &view{Title: "Figures", Nav: "figures", Data: v}, nil
}

// seriesViews lays out series with the most claims first.
func seriesViews(series []model.Series, limit int) []seriesView {
	var out []seriesView
	for _, s := range series {
		sv := seriesView{S: s, Title: seriesTitle(s), Chart: figureChart(s)}
		if sv.Chart != nil {
			sv.Conflicts = len(sv.Chart.Conflicts)
		}
		classes := map[string]string{}
		if sv.Chart != nil {
			for _, l := range sv.Chart.Lines {
				classes[l.Source] = l.Class
			}
		}
		byDate := map[string][]model.Point{}
		for _, p := range s.Points {
			byDate[p.Date] = append(byDate[p.Date], p)
		}
		for _, p := range s.Points {
			_, _, dis := disagree(byDate[p.Date])
			sv.Claims = append(sv.Claims, claimView{P: p, Class: classes[p.Source], Disputed: dis,
				Value: query.RangeText(&model.Range{Min: p.Min, Max: p.Max, Approx: p.Approx})})
		}
		out = append(out, sv)
	}
	// Longest series first: they say the most.
	for i := 1; i < len(out); i++ {
		for j := i; j > 0 && len(out[j].S.Points) > len(out[j-1].S.Points); j-- {
			out[j], out[j-1] = out[j-1], out[j]
		}
	}
	if len(out) > limit {
		out = out[:limit]
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
