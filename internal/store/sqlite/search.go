package sqlite

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/sitrep-project/sitrep/internal/store"
)

// ErrEmptyQuery is returned for a query with nothing to look for.
var ErrEmptyQuery = errors.New("the query has no word to look for")

// ftsQuery renders parsed terms in FTS5 syntax. Every word is quoted, so no
// user text is ever read as FTS5 syntax. OR-joined terms are grouped in
// parentheses because FTS5 binds AND tighter than OR, the opposite of what
// "stinger OR javelin delivered" means to a reader. Excluded terms go last,
// since FTS5's NOT needs something on its left.
func ftsQuery(terms []store.Term) (string, error) {
	var groups [][]string
	var nots []string
	for _, t := range terms {
		s := `"` + strings.Join(t.Words, " ") + `"`
		if t.Prefix {
			s += "*"
		}
		switch {
		case t.Not:
			nots = append(nots, s)
		case t.Or && len(groups) > 0:
			groups[len(groups)-1] = append(groups[len(groups)-1], s)
		default:
			groups = append(groups, []string{s})
		}
	}
	if len(groups) == 0 {
		return "", ErrEmptyQuery
	}
	var parts []string
	for _, g := range groups {
		if len(g) == 1 {
			parts = append(parts, g[0])
		} else {
			parts = append(parts, "("+strings.Join(g, " OR ")+")")
		}
	}
	q := strings.Join(parts, " AND ")
	for _, n := range nots {
		q += " NOT " + n
	}
	return q, nil
}

// Search ranks articles by BM25 over title and text, the title weighted
// higher because a word in a headline says more about the story.
func (s *DB) Search(ctx context.Context, q store.SearchQuery) (*store.SearchResult, error) {
	match, err := ftsQuery(store.ParseQuery(q.Text))
	if err != nil {
		return nil, err
	}
	where := []string{"articles_fts MATCH ?"}
	args := []any{match}
	if q.From != "" {
		where = append(where, "a.date >= ?")
		args = append(args, q.From)
	}
	if q.To != "" {
		where = append(where, "a.date <= ?")
		args = append(args, q.To)
	}
	if q.Outlet != "" {
		where = append(where, "a.outlet = ? COLLATE NOCASE")
		args = append(args, q.Outlet)
	}
	from := ` FROM articles_fts JOIN articles a ON a.rowid = articles_fts.rowid WHERE ` + strings.Join(where, " AND ")
	res := &store.SearchResult{Hits: []store.Hit{}}
	if res.ByMonth, err = s.counts(ctx, `SELECT substr(a.date, 1, 7), count(*)`+from+` GROUP BY 1 ORDER BY 1`, args...); err != nil {
		return nil, fmt.Errorf("searching %q: %w", q.Text, err)
	}
	for _, c := range res.ByMonth {
		res.Total += c.Count
	}
	limit := q.Limit
	if limit <= 0 {
		limit = 10
	}
	rows, err := s.db.QueryContext(ctx, `SELECT a.id, a.doc, a.date, a.title, a.outlet, a.url,
		snippet(articles_fts, 1, char(2), char(3), '…', 20), bm25(articles_fts, 4.0, 1.0) AS score`+
		from+` ORDER BY score, a.date DESC LIMIT ? OFFSET ?`, append(args, limit, q.Offset)...)
	if err != nil {
		return nil, fmt.Errorf("searching %q: %w", q.Text, err)
	}
	defer rows.Close()
	for rows.Next() {
		var h store.Hit
		if err := rows.Scan(&h.ID, &h.Doc, &h.Date, &h.Title, &h.Outlet, &h.URL, &h.Snippet, &h.Score); err != nil {
			return nil, fmt.Errorf("reading search results: %w", err)
		}
		// BM25 in SQLite is lower-is-better; flip it so a higher score
		// means more relevant, as readers expect.
		h.Score = -h.Score
		res.Hits = append(res.Hits, h)
	}
	return res, rows.Err()
}
