package server

import (
	"context"
	"errors"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/sitrep-project/sitrep/internal/model"
	"github.com/sitrep-project/sitrep/internal/query"
	"github.com/sitrep-project/sitrep/internal/store"
)

func ledgerParams(q url.Values) (query.LedgerFilter, error) {
	var f query.LedgerFilter
	var err error
	if f.Donor, err = codeParam(q, "donor"); err != nil {
		return f, err
	}
	if f.Recipient, err = codeParam(q, "recipient"); err != nil {
		return f, err
	}
	if f.From, err = dateParam(q, "from"); err != nil {
		return f, err
	}
	f.To, err = dateParam(q, "to")
	return f, err
}

// LedgerPage is a page of ledger rows with every donor's totals.
type LedgerPage struct {
	Page[query.LedgerRow]
	Totals []query.DonorTotal `json:"totals"`
	// Unattributed, RunningTotals and Opinion sum the rows listed but kept
	// out of the totals; Outliers counts the rows flagged as outliers.
	Unattributed  query.SetAside `json:"unattributed"`
	RunningTotals query.SetAside `json:"running_totals"`
	Opinion       query.SetAside `json:"opinion"`
	Outliers      int            `json:"outliers"`
	Rates         string         `json:"rates"`
}

// apiLedger is GET /api/v1/ledger: the aid ledger, rows paged.
func (s *Server) apiLedger(r *http.Request) (any, error) {
	q := r.URL.Query()
	f, err := ledgerParams(q)
	if err != nil {
		return nil, err
	}
	p, err := pagingParams(q, 100)
	if err != nil {
		return nil, err
	}
	l, err := s.ledger(r.Context(), f)
	if err != nil {
		return nil, err
	}
	return LedgerPage{Page: slicePage(r, l.Rows, p), Totals: l.Totals, Unattributed: l.Unattributed, RunningTotals: l.RunningTotals,
		Opinion: l.Opinion, Outliers: l.Outliers, Rates: l.Rates}, nil
}

func figuresParams(q url.Values) (typ model.EventType, actor string, err error) {
	types, err := typeParam(q, "type")
	if err != nil {
		return "", "", err
	}
	switch len(types) {
	case 0:
	case 1:
		if typ, err = query.FigureType(string(types[0])); err != nil {
			return "", "", badRequest("type: %v", err)
		}
	default:
		return "", "", badRequest("type: one type at a time")
	}
	actor, err = codeParam(q, "actor")
	return typ, actor, err
}

// apiFigures is GET /api/v1/figures: series of counted figures.
func (s *Server) apiFigures(r *http.Request) (any, error) {
	q := r.URL.Query()
	typ, actor, err := figuresParams(q)
	if err != nil {
		return nil, err
	}
	p, err := pagingParams(q, 50)
	if err != nil {
		return nil, err
	}
	points, err := pointsParam(q)
	if err != nil {
		return nil, err
	}
	from, to, err := dateRange(q)
	if err != nil {
		return nil, err
	}
	series, err := s.figures(r.Context(), typ, actor)
	if err != nil {
		return nil, err
	}
	series = query.FiguresBetween(series, from, to)
	pg := slicePage(r, series, p)
	return Page[SeriesJSON]{Total: pg.Total, Limit: pg.Limit, Offset: pg.Offset, Next: pg.Next, Items: latestPoints(pg.Items, points)}, nil
}

// Points of a series in the figures API: the latest DefaultPoints of each
// unless the request asks for more ("points", at most MaxPoints). A
// running toll reported daily by many sources gathers tens of thousands of
// claims over a year, and an answer of every claim of every series ran to
// megabytes that no reader of the list needs; the latest claims are what a
// chart of the present shows, and points_total says how many there are.
const (
	DefaultPoints = 200
	MaxPoints     = 20000
)

// SeriesJSON is a series as the API lists it: its latest points, and how
// many it has in all.
type SeriesJSON struct {
	model.Series
	PointsTotal int `json:"points_total"`
}

// dateRange reads "from" and "to", the days a list is cut to.
func dateRange(q url.Values) (from, to string, err error) {
	if from, err = dateParam(q, "from"); err != nil {
		return "", "", err
	}
	to, err = dateParam(q, "to")
	return from, to, err
}

// pointsParam reads "points", the most points given per series.
func pointsParam(q url.Values) (int, error) {
	v := q.Get("points")
	if v == "" {
		return DefaultPoints, nil
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < 0 || n > MaxPoints {
		return 0, badRequest("points: want a number from 0 to %d, got %q", MaxPoints, v)
	}
	return n, nil
}

// latestPoints gives each series its latest n points (they are in date
// order), sharing the kept series' points rather than copying them.
func latestPoints(series []model.Series, n int) []SeriesJSON {
	out := make([]SeriesJSON, len(series))
	for i, s := range series {
		total := len(s.Points)
		if total > n {
			s.Points = s.Points[total-n:]
		}
		if s.Points == nil {
			s.Points = []model.Point{}
		}
		out[i] = SeriesJSON{Series: s, PointsTotal: total}
	}
	return out
}

// ledger is the aid ledger for a filter, kept while the store does not
// change (see aggCache). The ledger returned is shared: read it only.
func (s *Server) ledger(ctx context.Context, f query.LedgerFilter) (*query.Ledger, error) {
	key := strings.Join([]string{"ledger", f.Donor, f.Recipient, f.From, f.To}, "\x00")
	v, err := s.aggregate(ctx, key, func(ctx context.Context) (any, error) {
		return query.AidLedger(ctx, s.st, f)
	})
	if err != nil {
		return nil, err
	}
	return v.(*query.Ledger), nil
}

// actorSummary is what the server keeps of an actor between requests:
// everything but its records, which are read a page at a time when asked
// for. Keeping the records whole held every report of them too, hundreds
// of megabytes for a state in most of the news, and reading them took
// longer than a request may.
type actorSummary struct {
	*query.Actor
	// ids are an office holder's records, in the order they are listed:
	// a selection of the state's records that the store cannot page by
	// itself. Nil for a state or organisation, paged from the store.
	ids []string
}

// actorNameSample bounds the records an actor's names and people are read
// from: the latest ones (see query.ActorSummary).
const actorNameSample = 2000

// actorRecord is an actor's summary, kept while the store does not change
// (see aggCache). The value returned is shared: read it only.
func (s *Server) actorRecord(ctx context.Context, code string) (*actorSummary, error) {
	v, err := s.aggregate(ctx, "actor\x00"+code, func(ctx context.Context) (any, error) {
		// An office holder's records are a selection only reading them
		// makes: read them once, keep their ids.
		if _, _, err := query.ActorCode(code); err != nil && query.IsPerson(code) {
			full, err := query.ActorRecord(ctx, s.st, code)
			if err != nil {
				return nil, err
			}
			sum := &actorSummary{ids: make([]string, len(full.Records))}
			for i, r := range full.Records {
				sum.ids[i] = r.ID
			}
			full.Records = nil
			sum.Actor = full
			return sum, nil
		}
		a, err := query.ActorSummary(ctx, s.st, code, actorNameSample)
		if err != nil {
			return nil, err
		}
		return &actorSummary{Actor: a}, nil
	})
	if err != nil {
		return nil, err
	}
	return v.(*actorSummary), nil
}

// actorRecords reads one page of an actor's records: through the store's
// index of parties for a state or organisation, by id for a person.
func (s *Server) actorRecords(ctx context.Context, a *actorSummary, p paging) ([]*model.Record, error) {
	if a.ids == nil {
		if p.offset >= a.Total {
			return []*model.Record{}, nil
		}
		return s.st.Records(ctx, store.RecordFilter{Party: a.Code, Limit: p.limit, Offset: p.offset})
	}
	lo, hi := min(p.offset, len(a.ids)), min(p.offset+p.limit, len(a.ids))
	out := make([]*model.Record, 0, hi-lo)
	for _, id := range a.ids[lo:hi] {
		r, err := s.st.Record(ctx, id)
		if errors.Is(err, store.ErrNotFound) {
			continue
		}
		if err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	return out, nil
}

// figures are the series of counted figures for a type and a party
// ("" for all), kept while the store does not change (see aggCache). A
// party's are cut from the figures of all (query.PartyFigures), which the
// server keeps anyway: reading them from the store read every record of
// the party with its reports, seconds for a state in most of the news.
// The series returned are shared: read them only.
func (s *Server) figures(ctx context.Context, typ model.EventType, party string) ([]model.Series, error) {
	key := strings.Join([]string{"figures", string(typ), party}, "\x00")
	v, err := s.aggregate(ctx, key, func(ctx context.Context) (any, error) {
		if party == "" {
			return query.Figures(ctx, s.st, typ, "")
		}
		all, err := s.figures(ctx, typ, "")
		if err != nil {
			return nil, err
		}
		return query.PartyFigures(all, party), nil
	})
	if err != nil {
		return nil, err
	}
	return v.([]model.Series), nil
}

// ActorJSON is one actor with a page of the records it takes part in.
type ActorJSON struct {
	Code      string                  `json:"code"`
	Name      string                  `json:"name"`
	Kind      string                  `json:"kind"`
	NamesSeen []query.NameCount       `json:"names_seen"`
	People    []query.Person          `json:"people"`
	AsActor   map[model.EventType]int `json:"as_actor"`
	AsTarget  map[model.EventType]int `json:"as_target"`
	Records   Page[*model.Record]     `json:"records"`
	// NamesFrom, when set, counts the latest records NamesSeen and People
	// were read from, where there are more.
	NamesFrom int `json:"names_from,omitempty"`
	// Figures are the series of figures about the actor, each with its
	// latest DefaultPoints points.
	Figures []SeriesJSON `json:"figures"`
}

// apiActor is GET /api/v1/actors/{code}.
func (s *Server) apiActor(r *http.Request) (any, error) {
	p, err := pagingParams(r.URL.Query(), DefaultLimit)
	if err != nil {
		return nil, err
	}
	return s.actor(r.Context(), r, p)
}

func (s *Server) actor(ctx context.Context, r *http.Request, p paging) (*ActorJSON, error) {
	code, err := checkCode("code", r.PathValue("code"))
	if err != nil {
		return nil, err
	}
	if code == "" {
		return nil, badRequest("code: required")
	}
	a, err := s.actorRecord(ctx, code)
	if err != nil {
		return nil, err
	}
	recs, err := s.actorRecords(ctx, a, p)
	if err != nil {
		return nil, err
	}
	total := a.Total
	page := Page[*model.Record]{Total: &total, Limit: p.limit, Offset: p.offset, Items: recs}
	if p.offset+p.limit < total {
		page.Next = nextLink(r, p)
	}
	figs, err := s.figures(ctx, "", code)
	if err != nil {
		return nil, err
	}

	return &ActorJSON{Code: a.Code, Name: a.Name, Kind: a.Kind, NamesSeen: a.NamesSeen, People: a.People, AsActor: a.AsActor,
		AsTarget: a.AsTarget, Records: page, NamesFrom: a.NamesFrom, Figures: latestPoints(figs, DefaultPoints)}, nil
}

// apiStats is GET /api/v1/stats: what the store holds.
func (s *Server) apiStats(r *http.Request) (any, error) {
	return s.stats(r.Context())
}

// stats is what the store holds, kept while the store does not change
// (see aggCache): counting a store of 100,000 articles by month and outlet
// scans every article row, some 170 ms, and the search page shows it on
// every request. The stats returned are shared: read them only.
func (s *Server) stats(ctx context.Context) (*store.Stats, error) {
	v, err := s.aggregate(ctx, "stats", func(ctx context.Context) (any, error) {
		return s.st.Stats(ctx)
	})
	if err != nil {
		return nil, err
	}
	return v.(*store.Stats), nil
}
