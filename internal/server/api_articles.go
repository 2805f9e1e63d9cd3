package server

import (
	"context"
	"errors"
	"net/http"

	"github.com/sitrep-project/sitrep/internal/model"
	"github.com/sitrep-project/sitrep/internal/store"
)

// apiSearch is GET /api/v1/articles: ranked full-text search.
func (s *Server) apiSearch(r *http.Request) (any, error) {
	sp, err := readSearchParams(r.URL.Query(), DefaultLimit)
	if err != nil {
		return nil, err
	}
	if sp.q == "" {
		return nil, badRequest("q: required (articles are listed by relevance to a query)")
	}
	res, err := s.search(r.Context(), sp)
	if err != nil {
		return nil, err
	}
	if len(res.Items) == sp.page.limit && sp.page.offset+sp.page.limit < *res.Total {
		res.Next = nextLink(r, sp.page)
	}
	return res, nil
}

// ArticleJSON is one stored article with the events read from it.
type ArticleJSON struct {
	ID     string        `json:"id"`
	Doc    string        `json:"doc"`
	Date   string        `json:"date"`
	Title  string        `json:"title,omitempty"`
	Outlet string        `json:"outlet,omitempty"`
	URL    string        `json:"url,omitempty"`
	Origin string        `json:"origin"`
	Text   string        `json:"text"`
	Blocks []model.Block `json:"blocks"`
	Events []model.Event `json:"events"`
	// Records maps the id of each event merged into a record to the
	// record's id.
	Records map[string]string `json:"records"`
	// SupersededBy is, for an earlier revision, the id of the current
	// one; an earlier revision has no events: they no longer count.
	SupersededBy string `json:"superseded_by,omitempty"`
	// Revisions lists, for an article that was revised, its revisions
	// oldest first, this one among them; each is read by its id.
	Revisions []store.Revision `json:"revisions,omitempty"`
}

// apiArticle is GET /api/v1/articles/{id}: the article by id or doc name
// (a name gives its current revision).
func (s *Server) apiArticle(r *http.Request) (any, error) {
	return s.article(r.Context(), r.PathValue("id"))
}

func (s *Server) article(ctx context.Context, key string) (*ArticleJSON, error) {
	if len(key) > 500 {
		return nil, badRequest("id: too long")
	}
	a, err := s.st.Article(ctx, key)
	if err != nil {
		return nil, err
	}
	evs, err := s.st.Events(ctx, store.EventFilter{Doc: a.ID})
	if err != nil {
		return nil, err
	}
	revs, err := s.st.Revisions(ctx, a.ID)
	if err != nil {
		return nil, err
	}
	if len(revs) < 2 {
		revs = nil
	}
	out := &ArticleJSON{ID: a.ID, Doc: a.Doc, Date: a.DateString(), Title: a.Title, Outlet: a.Outlet, URL: a.URL,
		Origin: a.Origin, Text: a.Text, Blocks: a.Blocks, Events: evs, Records: map[string]string{},
		SupersededBy: a.SupersededBy, Revisions: revs}
	if out.Blocks == nil {
		out.Blocks = []model.Block{}
	}
	if out.Events == nil {
		out.Events = []model.Event{}
	}
	for i := range evs {
		if !evs[i].IsFact() || evs[i].ID == "" {
			continue
		}
		rec, err := s.st.Record(ctx, evs[i].ID)
		switch {
		case errors.Is(err, store.ErrNotFound):
		case err != nil:
			return nil, err
		default:
			out.Records[evs[i].ID] = rec.ID
		}
	}
	return out, nil
}
