package server

import (
	"errors"
	"net/http"
	"net/url"

	"github.com/sitrep-project/sitrep/internal/model"
)

// recordFilters are the filters of the pages that draw merged events
// (timeline, map) as their form shows them: one form, in parts.html's
// "recordFilters", for both.
type recordFilters struct {
	Type, Actor, Place, From, To string
	Types                        []model.EventType
	// Action is the page the form asks again; Label names the form.
	Action, Label string
}

// readRecordFilters reads the filters a page's form shows back.
func readRecordFilters(q url.Values, action, label string) recordFilters {
	return recordFilters{Type: q.Get("type"), Actor: q.Get("actor"), Place: q.Get("place"), From: q.Get("from"), To: q.Get("to"),
		Types: model.TypeNames(), Action: action, Label: label}
}

// timelineView is the timeline page's data.
type timelineView struct {
	recordFilters
	Items       []TimelineItem
	Present     []model.EventType // types on this page, for the legend
	Prev, Next  string
	First, Last int
	// Overview counts every record of the filter by day, week or month
	// and type (see overview); nil when there is none.
	Overview *overviewChart
	Problem  string
}

// timelinePageLimit is how many records the timeline draws at once.
const timelinePageLimit = 400

func (s *Server) timelinePage(r *http.Request) (string, *view, error) {
	q := r.URL.Query()
	v := &timelineView{recordFilters: readRecordFilters(q, "/timeline", "Filter the timeline")}
	f, p, err := recordParams(q, timelinePageLimit)
	var ae *apiError
	switch {
	case errors.As(err, &ae):
		v.Problem = ae.msg
		return "timeline", &view{Title: "Timeline", Nav: "timeline", Data: v}, nil
	case err != nil:
		return "", nil, err
	}
	// A timeline item counts its reports; it does not list them.
	f.NoMentions = true
	recs, total, err := s.records(r.Context(), f, p)
	if err != nil {
		return "", nil, err
	}
	seen := map[model.EventType]bool{}
	for _, rec := range recs {
		v.Items = append(v.Items, timelineItem(rec))
		seen[rec.Type] = true
	}
	for _, t := range model.TypeNames() {
		if seen[t] {
			v.Present = append(v.Present, t)
		}
	}
	v.First, v.Last = p.offset+1, p.offset+len(recs)
	if p.offset > 0 {
		v.Prev = pageLink(r, max(0, p.offset-p.limit))
	}
	if p.offset+len(recs) < total {
		v.Next = pageLink(r, p.offset+p.limit)
	}
	if total > 0 {
		counts, err := s.dayCounts(r.Context(), f)
		if err != nil {
			return "", nil, err
		}
		filters := cloneValues(q)
		filters.Del("offset")
		filters.Del("limit")
		v.Overview = overview(counts, filters)
	}
	return "timeline", &view{Title: "Timeline", Nav: "timeline", Data: v}, nil
}
