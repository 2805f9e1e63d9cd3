package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"sort"
	"strings"
	"sync"

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
// higher because a word in a headline says more about the story. It finds
// current articles only: an earlier revision leaves the full-text index
// when it is superseded (migration 7), so neither its hits nor the counts
// by month, both read from the index, include it.
func (s *DB) Search(ctx context.Context, q store.SearchQuery) (*store.SearchResult, error) {
	match, err := ftsQuery(store.ExpandTerms(store.ParseQuery(q.Text), q.Variants))
	if err != nil {
		return nil, err
	}
	where := []string{"articles_fts MATCH ?"}
	args := []any{match}
	if q.From != "" {
		where = append(where, "k.date >= ?")
		args = append(args, q.From)
	}
	if q.To != "" {
		where = append(where, "k.date <= ?")
		args = append(args, q.To)
	}
	if q.Outlet != "" {
		where = append(where, "k.outlet = ? COLLATE NOCASE")
		args = append(args, q.Outlet)
	}
	// Filters read the articles' keys (migration 6), not their rows.
	from := ` FROM articles_fts JOIN article_keys k ON k.rowid = articles_fts.rowid WHERE ` + strings.Join(where, " AND ")
	res := &store.SearchResult{Hits: []store.Hit{}}
	limit := q.Limit
	if limit <= 0 {
		limit = 10
	}
	agg, err := s.searchAggregate(ctx, match, q, from, args)
	if err != nil {
		return nil, fmt.Errorf("searching %q: %w", q.Text, err)
	}
	res.ByMonth, res.Total = agg.byMonth, agg.total
	// Rank first, then read the page: the ranking reads only the
	// full-text index (and the articles' rows when a filter needs them),
	// and snippets and stored fields are read for the page's rows alone.
	// Asking for them in the ranking query had SQLite compute a snippet
	// and read the row of every matching article before sorting: 60-70 ms
	// for a common word in 100,000 articles, against a few for the page.
	// Equal scores go newest first (by date where the articles are read
	// anyway, else by when they were stored).
	// Past store.RankWindow matches, only the most recently stored are
	// scored: those from the window's first rowid (searchAggregate) on,
	// which the full-text index reads without the others.
	window := ""
	var windowArgs []any
	if agg.bound > 0 && q.Offset+limit <= store.RankWindow {
		window = ` AND articles_fts.rowid >= ?`
		windowArgs = []any{agg.bound}
		res.Ranked = store.RankWindow
	}
	rank := `SELECT articles_fts.rowid, bm25(articles_fts, 4.0, 1.0) AS score FROM articles_fts WHERE articles_fts MATCH ?` + window + `
		ORDER BY score, articles_fts.rowid DESC LIMIT ? OFFSET ?`
	rankArgs := append(append([]any{match}, windowArgs...), limit, q.Offset)
	if len(where) > 1 {
		rank = `SELECT articles_fts.rowid, bm25(articles_fts, 4.0, 1.0) AS score` + from + window + ` ORDER BY score, k.date DESC, articles_fts.rowid DESC LIMIT ? OFFSET ?`
		rankArgs = append(append(append([]any{}, args...), windowArgs...), limit, q.Offset)
	}
	rows, err := s.db.QueryContext(ctx, rank, rankArgs...)
	if err != nil {
		return nil, fmt.Errorf("searching %q: %w", q.Text, err)
	}
	var ids []any
	scores := map[int64]float64{}
	for rows.Next() {
		var id int64
		var score float64
		if err := rows.Scan(&id, &score); err != nil {
			rows.Close()
			return nil, fmt.Errorf("reading search results: %w", err)
		}
		ids = append(ids, id)
		scores[id] = score
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("searching %q: %w", q.Text, err)
	}
	if len(ids) == 0 {
		return res, nil
	}
	rows, err = s.db.QueryContext(ctx, `SELECT articles_fts.rowid, a.id, a.doc, a.date, a.title, a.outlet, a.url,
		snippet(articles_fts, 1, char(2), char(3), '…', 20)
		FROM articles_fts JOIN articles a ON a.rowid = articles_fts.rowid
		WHERE articles_fts MATCH ? AND articles_fts.rowid IN (`+strings.TrimSuffix(strings.Repeat("?,", len(ids)), ",")+`)`,
		append([]any{match}, ids...)...)
	if err != nil {
		return nil, fmt.Errorf("searching %q: %w", q.Text, err)
	}
	defer rows.Close()
	byRow := make(map[int64]store.Hit, len(ids))
	for rows.Next() {
		var id int64
		var h store.Hit
		if err := rows.Scan(&id, &h.ID, &h.Doc, &h.Date, &h.Title, &h.Outlet, &h.URL, &h.Snippet); err != nil {
			return nil, fmt.Errorf("reading search results: %w", err)
		}
		// BM25 in SQLite is lower-is-better; flip it so a higher score
		// means more relevant, as readers expect.
		h.Score = -scores[id]
		byRow[id] = h
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("reading search results: %w", err)
	}
	for _, id := range ids {
		if h, ok := byRow[id.(int64)]; ok {
			res.Hits = append(res.Hits, h)
		}
	}
	return res, nil
}

// searchAgg is what a search computes over all its matches: their counts
// by month and in all, and where its rank window starts (the rowid of
// the store.RankWindow-th most recently stored match, 0 for fewer). A
// common word matches tens of thousands of articles, and reading them
// all costs more than ranking the window, so it is kept for the next
// search of the same words and filters (the next page, the same search
// from another reader) until the store changes.
type searchAgg struct {
	byMonth []store.Count
	total   int
	bound   int64
}

// aggCacheSize bounds the searches whose aggregates are kept.
const aggCacheSize = 256

// aggCache keeps searchAggs by query, for one version of the store.
type aggCache struct {
	mu      sync.Mutex
	version uint64
	m       map[string]searchAgg
}

// searchAggregate returns the aggregate of a search, from the cache when
// the store has not changed since it was computed.
func (s *DB) searchAggregate(ctx context.Context, match string, q store.SearchQuery, from string, args []any) (searchAgg, error) {
	version, err := s.DataVersion(ctx)
	if err != nil {
		return searchAgg{}, err
	}
	key := strings.Join([]string{match, q.From, q.To, q.Outlet}, "\x00")
	s.aggs.mu.Lock()
	if s.aggs.version != version || s.aggs.m == nil {
		s.aggs.version, s.aggs.m = version, map[string]searchAgg{}
	}
	agg, ok := s.aggs.m[key]
	s.aggs.mu.Unlock()
	if ok {
		return agg, nil
	}
	if q.Outlet == "" {
		agg, err = s.monthCounts(ctx, match, q.From, q.To)
	} else {
		agg.byMonth, err = s.counts(ctx, `SELECT substr(k.date, 1, 7), count(*)`+from+` GROUP BY 1 ORDER BY 1`, args...)
		for _, c := range agg.byMonth {
			agg.total += c.Count
		}
		if err == nil && agg.total > store.RankWindow {
			err = s.db.QueryRowContext(ctx, `SELECT min(rowid) FROM (SELECT articles_fts.rowid`+from+` ORDER BY articles_fts.rowid DESC LIMIT ?)`,
				append(append([]any{}, args...), store.RankWindow)...).Scan(&agg.bound)
		}
	}
	if err != nil {
		return searchAgg{}, err
	}
	s.aggs.mu.Lock()
	if s.aggs.version == version {
		if len(s.aggs.m) >= aggCacheSize {
			clear(s.aggs.m) // simple and rare: a server sees few distinct searches between writes
		}
		s.aggs.m[key] = agg
	}
	s.aggs.mu.Unlock()
	return agg, nil
}

// dayIndex maps article rowids to their dates (as YYYYMMDD), so that the
// matches of a common word are counted per month from the full-text index
// alone: looking each one up in the articles table would cost more than
// the search itself. Articles are never changed once stored, so the index
// only grows, from the rowids past the last one it read.
type dayIndex struct {
	mu   sync.Mutex
	last int64
	days []uint32
}

// monthCounts counts the articles matching an FTS5 query per month,
// within [from, to] when given, and finds where its rank window starts,
// from one reading of the matches' rowids.
func (s *DB) monthCounts(ctx context.Context, match, from, to string) (searchAgg, error) {
	var agg searchAgg
	rows, err := s.db.QueryContext(ctx, `SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?`, match)
	if err != nil {
		return agg, err
	}
	var ids []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			rows.Close()
			return agg, err
		}
		ids = append(ids, id)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return agg, err
	}
	days, err := s.days.upTo(ctx, s.db, ids)
	if err != nil {
		return agg, err
	}
	lo, hi := packDay(from), packDay(to)
	byMonth := map[uint32]int{}
	kept := ids[:0]
	for _, id := range ids {
		if id < 0 || id >= int64(len(days)) || days[id] == 0 {
			continue
		}
		d := days[id]
		if lo != 0 && d < lo || hi != 0 && d > hi {
			continue
		}
		byMonth[d/100]++
		kept = append(kept, id)
	}
	agg.total = len(kept)
	if len(kept) > store.RankWindow {
		// The full-text index gives rowids in ascending order.
		slices.Sort(kept)
		agg.bound = kept[len(kept)-store.RankWindow]
	}
	months := make([]uint32, 0, len(byMonth))
	for m := range byMonth {
		months = append(months, m)
	}
	sort.Slice(months, func(i, j int) bool { return months[i] < months[j] })
	agg.byMonth = make([]store.Count, 0, len(months))
	for _, m := range months {
		agg.byMonth = append(agg.byMonth, store.Count{Key: fmt.Sprintf("%04d-%02d", m/100, m%100), Count: byMonth[m]})
	}
	return agg, nil
}

// upTo returns the day index, read far enough to cover every id given.
func (x *dayIndex) upTo(ctx context.Context, db *sql.DB, ids []int64) ([]uint32, error) {
	x.mu.Lock()
	defer x.mu.Unlock()
	var max int64
	for _, id := range ids {
		if id > max {
			max = id
		}
	}
	if max > x.last {
		rows, err := db.QueryContext(ctx, `SELECT rowid, date FROM article_keys WHERE rowid > ? ORDER BY rowid`, x.last)
		if err != nil {
			return nil, err
		}
		for rows.Next() {
			var id int64
			var date string
			if err := rows.Scan(&id, &date); err != nil {
				rows.Close()
				return nil, err
			}
			for int64(len(x.days)) <= id {
				x.days = append(x.days, 0)
			}
			x.days[id] = packDay(date)
			x.last = id
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, err
		}
	}
	return x.days, nil
}

// packDay turns YYYY-MM-DD into YYYYMMDD, or 0.
func packDay(s string) uint32 {
	if len(s) != 10 {
		return 0
	}
	var v uint32
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= '0' && c <= '9' {
			v = v*10 + uint32(c-'0')
		}
	}
	return v
}
