package server

import (
	"net/http"
)

// actorView is the actor page's data.
type actorView struct {
	A           *ActorJSON
	Series      []seriesView
	Prev, Next  string
	First, Last int
	Total       int
}

func (s *Server) actorPage(r *http.Request) (string, *view, error) {
	p, err := pagingParams(r.URL.Query(), 100)
	if err != nil {
		return "", nil, err
	}
	a, err := s.actor(r.Context(), r, p)
	if err != nil {
		return "", nil, err
	}
	series, err := s.figureViews(r.Context(), "", a.Code, 12)
	if err != nil {
		return "", nil, err
	}
	v := &actorView{A: a, Series: series, Total: *a.Records.Total}
	v.First, v.Last = p.offset+1, p.offset+len(a.Records.Items)
	if p.offset > 0 {
		v.Prev = pageLink(r, max(0, p.offset-p.limit))
	}
	if a.Records.Next != "" {
		v.Next = pageLink(r, p.offset+p.limit)
	}
	title := a.Code
	if a.Name != "" {
		title = a.Name + " (" + a.Code + ")"
	}
	return "actor", &view{Title: title, Nav: "actor", Data: v}, nil
}
