package bench

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/sitrep-project/sitrep/internal/store"
)

// Queries are the requests of the server's BenchmarkServe, by kind:
// searches of words the generated articles use, and timeline pages with
// and without filters.
var Queries = map[string][]string{
	"search": {
		"/api/v1/articles?q=javelin",
		"/api/v1/articles?q=stinger+missiles",
		"/api/v1/articles?q=kharkiv",
		"/api/v1/articles?q=%22humanitarian+aid%22",
		"/api/v1/articles?q=mariupol+OR+odesa",
		"/api/v1/articles?q=sanctions+-norway",
		"/api/v1/articles?q=drones&from=2022-06-01&to=2022-08-31",
		"/api/v1/articles?q=helmets&outlet=Harbourline+Times",
		"/api/v1/articles?q=refugee&offset=40",
		"/api/v1/articles?q=howitzers&limit=50",
	},
	"timeline": {
		"/api/v1/timeline",
		"/api/v1/timeline?type=aid",
		"/api/v1/timeline?actor=DEU",
		"/api/v1/timeline?type=casualties&from=2022-06-01",
		"/api/v1/timeline?from=2022-09-01&to=2022-09-30",
		"/api/v1/timeline?place=Kharkiv",
		"/api/v1/timeline?type=visit&offset=500",
		"/api/v1/timeline?type=aid&actor=POL&limit=50",
	},
}

// Request is one path of the mix and what kind of request it is.
type Request struct{ Kind, Path string }

// Mix is the request mix of "sitrep bench serve": every page and its API
// form, with and without filters, in one table. {event} and {article}
// stand for a record and an article of the store, which Paths fills in.
var Mix = []Request{
	{"search page", "/search?q=javelin"},
	{"search page, filtered", "/search?q=%22humanitarian+aid%22&from=2022-06-01&to=2022-08-31"},
	{"timeline page", "/timeline"},
	{"timeline page, filtered", "/timeline?type=aid&actor=DEU"},
	{"event page", "/events/{event}"},
	{"article page", "/articles/{article}"},
	{"ledger page", "/ledger"},
	{"figures page", "/figures"},
	{"actor page", "/actors/USA"},
	{"search API", "/api/v1/articles?q=javelin"},
	{"search API, filtered", "/api/v1/articles?q=mariupol+OR+odesa&limit=50"},
	{"timeline API", "/api/v1/timeline"},
	{"timeline API, filtered", "/api/v1/timeline?type=casualties&from=2022-06-01"},
	{"events API", "/api/v1/events?type=aid&actor=POL"},
	{"event API", "/api/v1/events/{event}"},
	{"article API", "/api/v1/articles/{article}"},
	{"ledger API", "/api/v1/ledger"},
	{"figures API", "/api/v1/figures"},
	{"actor API", "/api/v1/actors/USA"},
}

// Paths returns Mix's paths, in Mix's order, with {event} and {article}
// filled from the store: its first record and the first article
// reporting it.
func Paths(ctx context.Context, st store.Store) ([]string, error) {
	recs, err := st.Records(ctx, store.RecordFilter{Limit: 1})
	if err != nil {
		return nil, fmt.Errorf("finding a record for the bench: %w", err)
	}
	if len(recs) == 0 || len(recs[0].Mentions) == 0 {
		return nil, errors.New("the bench store holds no record")
	}
	r := strings.NewReplacer("{event}", recs[0].ID, "{article}", recs[0].Mentions[0].Article)
	out := make([]string, len(Mix))
	for i, m := range Mix {
		out[i] = r.Replace(m.Path)
	}
	return out, nil
}
