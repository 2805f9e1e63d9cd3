package server

import (
	"net/http"

	"github.com/sitrep-project/sitrep/internal/model"
	"github.com/sitrep-project/sitrep/internal/query"
)

// eventView is the event page's data: a record and what it is made of.
type eventView struct {
	R         *model.Record
	Summary   string
	Precision string
	Sources   []string
	Outlets   int // distinct outlets reporting it
}

func (s *Server) eventPage(r *http.Request) (string, *view, error) {
	id := r.PathValue("id")
	if len(id) > 200 {
		return "", nil, badRequest("id: too long")
	}
	rec, err := s.st.Record(r.Context(), id)
	if err != nil {
		return "", nil, err
	}
	v := &eventView{R: rec, Summary: query.Summary(rec), Precision: query.Precision(rec), Sources: query.Sources(rec)}
	outlets := map[string]bool{}
	for _, m := range rec.Mentions {
		outlets[m.Outlet] = true
	}
	v.Outlets = len(outlets)
	return "event", &view{Title: string(rec.Type) + " · " + v.Summary, Nav: "timeline", Data: v}, nil
}

// eventSummary is a one-line account of one article's event, like
// query.Summary for records.
func eventSummary(e *model.Event) string {
	return query.Summary(&model.Record{Actor: e.Actor, Targets: e.Targets, Items: e.Items, Money: e.Money, Count: e.Count,
		Victims: e.Victims, Outcome: e.Outcome, Places: e.Places})
}
