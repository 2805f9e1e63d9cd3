package server

import (
	"errors"
	"net/http"

	"github.com/sitrep-project/sitrep/internal/query"
)

// ledgerView is the ledger page's data.
type ledgerView struct {
	Donor, Recipient, From, To string
	Ledger                     *query.Ledger
	Rows                       []query.LedgerRow
	Chart                      *stackChart
	TotalEUR                   float64
	Prev, Next                 string
	First, Last, RowCount      int
	Problem                    string
}

// ledgerChartRows bounds the donors the chart draws; the table lists all.
const ledgerChartRows = 20

func (s *Server) ledgerPage(r *http.Request) (string, *view, error) {
	q := r.URL.Query()
	v := &ledgerView{Donor: q.Get("donor"), Recipient: q.Get("recipient"), From: q.Get("from"), To: q.Get("to")}
	f, err := ledgerParams(q)
	var p paging
	if err == nil {
		p, err = pagingParams(q, 100)
	}
	var ae *apiError
	switch {
	case errors.As(err, &ae):
		v.Problem = ae.msg
		return "ledger", &view{Title: "Aid ledger", Nav: "ledger", Data: v}, nil
	case err != nil:
		return "", nil, err
	}
	l, err := s.ledger(r.Context(), f)
	if err != nil {
		return "", nil, err
	}
	v.Ledger = l
	v.Chart = ledgerChart(l, ledgerChartRows)
	for _, t := range l.Totals {
		v.TotalEUR += t.EUR
	}
	pg := slicePage(r, l.Rows, p)
	v.Rows, v.RowCount = pg.Items, len(l.Rows)
	v.First, v.Last = p.offset+1, p.offset+len(pg.Items)
	if p.offset > 0 {
		v.Prev = pageLink(r, max(0, p.offset-p.limit))
	}
	if pg.Next != "" {
		v.Next = pageLink(r, p.offset+p.limit)
	}
	return "ledger", &view{Title: "Aid ledger", Nav: "ledger", Data: v}, nil
}
