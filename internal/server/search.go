package server

import (
	"context"
	"net/url"
	"sort"
	"strings"
	"unicode"

	"github.com/sitrep-project/sitrep/internal/model"
	"github.com/sitrep-project/sitrep/internal/query"
	"github.com/sitrep-project/sitrep/internal/store"
)

// Bounds of a search filtered by event type or actor, which the store
// cannot do in one query: the articles holding such events are looked up
// (at most eventScanCap events), then the best searchScanCap hits are
// filtered against them. Past either bound the result says it is partial.
const (
	eventScanCap  = 20000
	searchScanCap = 1000
	maxQueryBytes = 1000
)

// searchParams are the filters of an article search.
type searchParams struct {
	q, from, to, outlet string
	types               []model.EventType
	actor               string
	page                paging
}

func readSearchParams(q url.Values, defLimit int) (searchParams, error) {
	var sp searchParams
	var err error
	if sp.q, err = textParam(q, "q", maxQueryBytes); err != nil {
		return sp, err
	}
	if sp.from, err = dateParam(q, "from"); err != nil {
		return sp, err
	}
	if sp.to, err = dateParam(q, "to"); err != nil {
		return sp, err
	}
	if sp.outlet, err = textParam(q, "outlet", 200); err != nil {
		return sp, err
	}
	if sp.types, err = typeParam(q, "type"); err != nil {
		return sp, err
	}
	if sp.actor, err = codeParam(q, "actor"); err != nil {
		return sp, err
	}
	sp.page, err = pagingParams(q, defLimit)
	return sp, err
}

// hasWords reports whether a query holds a word to look for; a query of
// exclusions only ("-tank") matches nothing.
func hasWords(q string) bool {
	for _, t := range store.ParseQuery(q) {
		if !t.Not {
			return true
		}
	}
	return false
}

// Hit is one search result as the API gives it: the snippet as plain
// text, with the byte ranges of the matched words in Marks.
type Hit struct {
	ID      string   `json:"id"`
	Doc     string   `json:"doc"`
	Date    string   `json:"date"`
	Title   string   `json:"title"`
	Outlet  string   `json:"outlet"`
	URL     string   `json:"url,omitempty"`
	Snippet string   `json:"snippet"`
	Marks   [][2]int `json:"marks"`
	Score   float64  `json:"score"`

	parts []snipPart
}

// SearchPage is a page of hits, the count of all matches per month, and
// whether a type or actor filter could only look at the best matches.
type SearchPage struct {
	Page[Hit]
	ByMonth []store.Count `json:"by_month"`
	Partial bool          `json:"partial,omitempty"`
	// Ranked is how many of the most recently stored matches were ranked
	// by relevance, when not all were (store.RankWindow).
	Ranked int `json:"ranked,omitempty"`
}

// search runs an article search with the page's filters.
func (s *Server) search(ctx context.Context, sp searchParams) (*SearchPage, error) {
	if !hasWords(sp.q) {
		return nil, badRequest("q: give a word to look for")
	}
	sq := store.SearchQuery{Text: sp.q, From: sp.from, To: sp.to, Outlet: sp.outlet, Limit: sp.page.limit, Offset: sp.page.offset,
		Variants: query.SearchVariants(sp.q)}
	filtered := len(sp.types) > 0 || sp.actor != ""
	var keep map[string]bool
	partial := false
	if filtered {
		var err error
		keep, partial, err = s.articlesWith(ctx, sp.types, sp.actor, sp.from, sp.to)
		if err != nil {
			return nil, err
		}
		sq.Limit, sq.Offset = searchScanCap, 0
	}
	res, err := s.st.Search(ctx, sq)
	if err != nil {
		return nil, err
	}
	out := &SearchPage{ByMonth: res.ByMonth, Partial: partial, Ranked: res.Ranked}
	out.Limit, out.Offset = sp.page.limit, sp.page.offset
	hits := res.Hits
	total := res.Total
	if filtered {
		if res.Total > len(res.Hits) {
			out.Partial = true
		}
		var kept []store.Hit
		months := map[string]int{}
		for _, h := range hits {
			if keep[h.ID] {
				kept = append(kept, h)
				if len(h.Date) >= 7 {
					months[h.Date[:7]]++
				}
			}
		}
		total = len(kept)
		lo, hi := min(sp.page.offset, total), min(sp.page.offset+sp.page.limit, total)
		hits = kept[lo:hi]
		out.ByMonth = []store.Count{}
		for m, c := range months {
			out.ByMonth = append(out.ByMonth, store.Count{Key: m, Count: c})
		}
		sort.Slice(out.ByMonth, func(i, j int) bool { return out.ByMonth[i].Key < out.ByMonth[j].Key })
	}
	out.Total = &total
	out.Items = make([]Hit, 0, len(hits))
	for _, h := range hits {
		parts := snippetParts(h.Snippet)
		plain, marks := flatten(parts)
		out.Items = append(out.Items, Hit{ID: h.ID, Doc: h.Doc, Date: h.Date, Title: h.Title, Outlet: h.Outlet, URL: h.URL,
			Snippet: plain, Marks: marks, Score: h.Score, parts: parts})
	}
	return out, nil
}

// articlesWith returns the ids of articles holding a fact event of one of
// the types in which actor acts or is targeted, and whether the lookup
// stopped at its bound.
func (s *Server) articlesWith(ctx context.Context, types []model.EventType, actor, from, to string) (map[string]bool, bool, error) {
	if len(types) == 0 {
		types = []model.EventType{""}
	}
	ids := map[string]bool{}
	partial := false
	for _, t := range types {
		filters := []store.EventFilter{{Type: t, Actor: actor}}
		if actor != "" {
			filters = append(filters, store.EventFilter{Type: t, Target: actor})
		}
		for _, f := range filters {
			f.From, f.To, f.Limit = from, to, eventScanCap
			evs, err := s.st.Events(ctx, f)
			if err != nil {
				return nil, false, err
			}
			if len(evs) == eventScanCap {
				partial = true
			}
			for i := range evs {
				// Planned events count; hypothetical, negated and
				// denied ones do not.
				if evs[i].IsFact() {
					ids[evs[i].Article] = true
				}
			}
		}
	}
	return ids, partial, nil
}

// snipPart is a run of snippet text, matched or not.
type snipPart struct {
	Text string
	Mark bool
}

// snippetParts splits a store snippet at its match markers, with runs of
// white space (line breaks between paragraphs) folded to one space. The
// text stays text: each front end escapes it in its own way.
func snippetParts(s string) []snipPart {
	var parts []snipPart
	mark := false
	space := false
	var b strings.Builder
	flush := func() {
		if b.Len() > 0 {
			parts = append(parts, snipPart{Text: b.String(), Mark: mark})
			b.Reset()
		}
	}
	for _, r := range s {
		switch {
		case string(r) == store.MarkStart:
			flush()
			mark = true
			continue
		case string(r) == store.MarkEnd:
			flush()
			mark = false
			continue
		case unicode.IsSpace(r):
			if !space {
				b.WriteByte(' ')
			}
			space = true
			continue
		default:
			b.WriteRune(r)
		}
		space = false
	}
	flush()
	if len(parts) > 0 {
		parts[0].Text = strings.TrimLeft(parts[0].Text, " ")
		last := &parts[len(parts)-1]
		last.Text = strings.TrimRight(last.Text, " ")
	}
	return parts
}

// flatten joins snippet parts into plain text and the byte ranges of its
// matched parts.
func flatten(parts []snipPart) (string, [][2]int) {
	var b strings.Builder
	marks := [][2]int{}
	for _, p := range parts {
		if p.Mark && p.Text != "" {
			marks = append(marks, [2]int{b.Len(), b.Len() + len(p.Text)})
		}
		b.WriteString(p.Text)
	}
	return b.String(), marks
}
