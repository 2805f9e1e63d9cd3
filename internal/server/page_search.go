package server

import (
	"errors"
	"net/http"
	"strconv"

	"github.com/sitrep-project/sitrep/internal/model"
	"github.com/sitrep-project/sitrep/internal/query"
	"github.com/sitrep-project/sitrep/internal/store"
)

// searchView is the search page's data.
type searchView struct {
	Q, From, To, Outlet, Type, Actor string
	Types                            []model.EventType
	Outlets                          []store.Count
	Stats                            *store.Stats
	Result                           *SearchPage
	Hits                             []hitView
	Months                           *barChart
	Prev, Next                       string
	First, Last                      int
	TotalText                        string
	ScanCap                          int
	Problem                          string // a bad filter, shown above the form
}

// hitView is one result with the events read from its article.
type hitView struct {
	Hit
	Parts  []snipPart
	Events []eventChip
}

// eventChip is a small link to an event read from an article.
type eventChip struct {
	Type        model.EventType
	Label, Href string
}

// maxChips bounds the events listed under one search result.
const maxChips = 5

func (s *Server) searchPage(r *http.Request) (string, *view, error) {
	q := r.URL.Query()
	v := &searchView{Q: q.Get("q"), From: q.Get("from"), To: q.Get("to"), Outlet: q.Get("outlet"), Type: q.Get("type"),
		Actor: q.Get("actor"), Types: model.TypeNames()}
	ctx := r.Context()
	stats, err := s.stats(ctx)
	if err != nil {
		return "", nil, err
	}
	v.Stats = stats
	for _, o := range stats.ByOutlet {
		if o.Key != "(none)" {
			v.Outlets = append(v.Outlets, o)
		}
	}
	title := "Search"
	sp, err := readSearchParams(q, 10)
	var ae *apiError
	switch {
	case errors.As(err, &ae):
		v.Problem = ae.msg
		return "search", &view{Title: title, Nav: "search", Data: v}, nil
	case err != nil:
		return "", nil, err
	}
	v.From, v.To = sp.from, sp.to
	if sp.q == "" {
		v.Months = monthChart(stats.ByMonth, nil, "articles")
		return "search", &view{Title: title, Nav: "search", Data: v}, nil
	}
	if !hasWords(sp.q) {
		v.Problem = "The query has no word to look for: add a word besides the excluded ones."
		return "search", &view{Title: title, Nav: "search", Data: v}, nil
	}
	res, err := s.search(ctx, sp)
	if err != nil {
		return "", nil, err
	}
	v.Result = res
	v.Months = monthChart(res.ByMonth, func(month string) string {
		from, to := monthRange(month)
		return link("/search", "q", sp.q, "from", from, "to", to, "outlet", sp.outlet, "type", v.Type, "actor", sp.actor)
	}, "matching articles")
	for _, h := range res.Items {
		hv := hitView{Hit: h, Parts: h.parts}
		evs, err := s.st.Events(ctx, store.EventFilter{Doc: h.ID, Limit: 3 * maxChips})
		if err != nil {
			return "", nil, err
		}
		for i := range evs {
			if !evs[i].IsFact() || len(hv.Events) == maxChips {
				continue
			}
			hv.Events = append(hv.Events, eventChip{Type: evs[i].Type, Label: eventSummary(&evs[i]), Href: "/events/" + evs[i].ID})
		}
		v.Hits = append(v.Hits, hv)
	}
	total := *res.Total
	v.TotalText = plural(total, "matching article", "matching articles")
	if res.Ranked > 0 {
		v.TotalText += ", ranked among the " + query.Number(float64(res.Ranked)) + " most recently stored"
	}
	v.ScanCap = searchScanCap
	v.First, v.Last = sp.page.offset+1, sp.page.offset+len(res.Items)
	if sp.page.offset > 0 {
		v.Prev = pageLink(r, max(0, sp.page.offset-sp.page.limit))
	}
	if sp.page.offset+sp.page.limit < total {
		v.Next = pageLink(r, sp.page.offset+sp.page.limit)
	}
	return "search", &view{Title: "Search: " + sp.q, Nav: "search", Data: v}, nil
}

// pageLink is the page's own URL at another offset, filters kept.
func pageLink(r *http.Request, offset int) string {
	q := r.URL.Query()
	if offset > 0 {
		q.Set("offset", strconv.Itoa(offset))
	} else {
		q.Del("offset")
	}
	if len(q) == 0 {
		return r.URL.Path
	}
	return r.URL.Path + "?" + q.Encode()
}

// monthRange is the first and last day of a YYYY-MM month.
func monthRange(month string) (string, string) {
	t, err := parseDay(month + "-01")
	if err != nil {
		return "", ""
	}
	return t.Format(model.DateLayout), t.AddDate(0, 1, -1).Format(model.DateLayout)
}

// plural writes a count with its noun.
func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return query.Number(float64(n)) + " " + many
}
