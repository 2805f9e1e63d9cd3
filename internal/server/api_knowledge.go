package server

import (
	"context"
	"net/http"
	"net/url"
	"strings"

	"github.com/sitrep-project/sitrep/internal/model"
	"github.com/sitrep-project/sitrep/internal/query"
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
	Rates  string             `json:"rates"`
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
	return LedgerPage{Page: slicePage(r, l.Rows, p), Totals: l.Totals, Rates: l.Rates}, nil
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
	series, err := s.figures(r.Context(), typ, actor)
	if err != nil {
		return nil, err
	}
	return slicePage(r, series, p), nil
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

// actorRecord is an actor with every record it takes part in, kept while
// the store does not change (see aggCache): like the ledger, it reads all
// of those records. The actor returned is shared: read it only.
func (s *Server) actorRecord(ctx context.Context, code string) (*query.Actor, error) {
	v, err := s.aggregate(ctx, "actor\x00"+code, func(ctx context.Context) (any, error) {
		return query.ActorRecord(ctx, s.st, code)
	})
	if err != nil {
		return nil, err
	}
	return v.(*query.Actor), nil
}

// figures are the series of counted figures for a type and a party
// ("" for all), kept while the store does not change (see aggCache). The
// series returned are shared: read them only.
func (s *Server) figures(ctx context.Context, typ model.EventType, party string) ([]model.Series, error) {
	key := strings.Join([]string{"figures", string(typ), party}, "\x00")
	v, err := s.aggregate(ctx, key, func(ctx context.Context) (any, error) {
		return query.Figures(ctx, s.st, typ, party)
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
	Figures   []model.Series          `json:"figures"`
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
	figs, err := s.figures(ctx, "", code)
	if err != nil {
		return nil, err
	}
	if figs == nil {
		figs = []model.Series{}
	}
	return &ActorJSON{Code: a.Code, Name: a.Name, Kind: a.Kind, NamesSeen: a.NamesSeen, People: a.People, AsActor: a.AsActor,
		AsTarget: a.AsTarget, Records: slicePage(r, a.Records, p), Figures: figs}, nil
}

// apiStats is GET /api/v1/stats: what the store holds.
func (s *Server) apiStats(r *http.Request) (any, error) {
	return s.st.Stats(r.Context())
}
