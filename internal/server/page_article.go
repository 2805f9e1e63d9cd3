package server

import (
	"net/http"

	"github.com/sitrep-project/sitrep/internal/model"
)

// articleView is the article page's data.
type articleView struct {
	A      *ArticleJSON
	Blocks []textBlock
	Cards  []eventCard
	Facts  int
}

// eventCard describes one event read from the article, with the words of
// each slot, beside the text.
type eventCard struct {
	E       *model.Event
	Summary string
	Record  string // the record it was merged into, "" for none
	Fact    bool
}

func (s *Server) articlePage(r *http.Request) (string, *view, error) {
	a, err := s.article(r.Context(), r.PathValue("id"))
	if err != nil {
		return "", nil, err
	}
	v := &articleView{A: a, Blocks: markText(a.Text, a.Blocks, a.Events)}
	for i := range a.Events {
		e := &a.Events[i]
		c := eventCard{E: e, Summary: eventSummary(e), Record: a.Records[e.ID], Fact: e.IsFact()}
		if c.Fact {
			v.Facts++
		}
		v.Cards = append(v.Cards, c)
	}
	title := a.Title
	if title == "" {
		title = a.Doc
	}
	return "article", &view{Title: title, Nav: "search", Data: v}, nil
}
