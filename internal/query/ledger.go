package query

import (
	"context"
	"math"
	"sort"
	"strings"

	"github.com/sitrep-project/sitrep/internal/model"
	"github.com/sitrep-project/sitrep/internal/store"
)

// LedgerRow is one line of the aid ledger: one item (or the money) of one
// aid record, with what is known of its life. Its columns follow the Kiel
// Institute's Ukraine Support Tracker: donor, announcement date, aid type,
// item, units, value, sources.
type LedgerRow struct {
	Record    string       `json:"record"`
	Donor     string       `json:"donor"`
	DonorName string       `json:"donor_name,omitempty"`
	Recipient string       `json:"recipient,omitempty"`
	Announced string       `json:"announced"` // the first report of the aid
	Status    string       `json:"status"`    // the furthest step reached
	Delivered string       `json:"delivered,omitempty"`
	Mode      string       `json:"mode,omitempty"` // aid type: military, financial, humanitarian
	Item      string       `json:"item,omitempty"`
	Category  string       `json:"category,omitempty"`
	Units     *model.Range `json:"units,omitempty"`
	Money     *model.Money `json:"money,omitempty"`
	EUR       float64      `json:"eur,omitempty"`
	USD       float64      `json:"usd,omitempty"`
	Sources   []string     `json:"sources"`
	Docs      []string     `json:"docs"`
	Disagreed bool         `json:"disagreed,omitempty"` // reports disagree on a figure of the row
	// RunningTotal marks a row that sums earlier aid ("$3bn so far"): it is
	// listed, and left out of the donor's totals so no aid counts twice.
	RunningTotal bool `json:"running_total,omitempty"`
}

// DonorTotal sums one donor's ledger.
type DonorTotal struct {
	Donor     string  `json:"donor"`
	DonorName string  `json:"donor_name,omitempty"`
	Records   int     `json:"records"`
	Delivered int     `json:"delivered"` // records reported delivered
	EUR       float64 `json:"eur"`       // money pledged or given, converted
	USD       float64 `json:"usd"`
	// Units per item category, pledged (all records) and delivered.
	Pledged        map[string]float64 `json:"units_pledged"`
	UnitsDelivered map[string]float64 `json:"units_delivered"`
}

// Ledger is the aid ledger: its rows and per-donor totals.
type Ledger struct {
	Rows   []LedgerRow  `json:"rows"`
	Totals []DonorTotal `json:"totals"`
	Rates  string       `json:"rates"` // where the conversion rates come from
}

// LedgerFilter selects a ledger's rows.
type LedgerFilter struct {
	Donor, Recipient string
	From, To         string // the record's day
}

// AidLedger builds the ledger from the aid records.
func AidLedger(ctx context.Context, st store.Store, f LedgerFilter) (*Ledger, error) {
	recs, err := st.Records(ctx, store.RecordFilter{Types: []model.EventType{model.TypeAid}, Actor: f.Donor, Target: f.Recipient, From: f.From, To: f.To})
	if err != nil {
		return nil, err
	}
	l := &Ledger{Rows: []LedgerRow{}, Totals: []DonorTotal{}, Rates: RatesSource}
	totals := map[string]*DonorTotal{}
	for _, r := range recs {
		base := LedgerRow{Record: r.ID, Announced: r.FirstReported, Status: r.Status, Mode: r.Mode, Sources: Sources(r), Docs: Docs(r), RunningTotal: r.RunningTotal()}
		if r.Actor != nil {
			base.Donor, base.DonorName = r.Actor.Code, r.Actor.Name
		}
		if len(r.Targets) > 0 {
			base.Recipient = r.Targets[0].Code
		}
		for _, h := range r.History {
			if h.Status == model.StatusDelivered && base.Delivered == "" {
				base.Delivered = h.Date
			}
		}
		disputed := map[string]bool{}
		for _, d := range r.Disagreements {
			disputed[d.Slot] = true
		}
		t := totals[base.Donor]
		if t == nil {
			t = &DonorTotal{Donor: base.Donor, DonorName: base.DonorName, Pledged: map[string]float64{}, UnitsDelivered: map[string]float64{}}
			totals[base.Donor] = t
		}
		// A running total is listed but not summed: the packages it sums
		// are rows of their own.
		sum := !base.RunningTotal
		if sum {
			t.Records++
			if r.Status == model.StatusDelivered {
				t.Delivered++
			}
		}
		if r.Money != nil {
			row := base
			m := *r.Money
			row.Money = &m
			row.Item = "funds"
			if len(r.Items) > 0 {
				row.Item = "package"
			}
			if eur, usd, ok := Convert(m.Amount, m.Currency, r.FirstReported); ok {
				row.EUR, row.USD = round2(eur), round2(usd)
				if sum {
					t.EUR += eur
					t.USD += usd
				}
			}
			row.Disagreed = disputed["money"]
			l.Rows = append(l.Rows, row)
		}
		for _, it := range r.Items {
			row := base
			row.Item, row.Category = it.Name, it.Category
			if it.Qty != nil {
				q := *it.Qty
				row.Units = &q
			}
			if it.Qty != nil && sum {
				n := unitsOf(it.Qty)
				cat := it.Category
				if cat == "" {
					cat = "other"
				}
				t.Pledged[cat] += n
				if r.Status == model.StatusDelivered {
					t.UnitsDelivered[cat] += n
				}
			}
			row.Disagreed = disputed["qty:"+it.Name]
			l.Rows = append(l.Rows, row)
		}
		if r.Money == nil && len(r.Items) == 0 {
			l.Rows = append(l.Rows, base)
		}
	}
	for _, t := range totals {
		t.EUR, t.USD = round2(t.EUR), round2(t.USD)
		l.Totals = append(l.Totals, *t)
	}
	sort.Slice(l.Totals, func(i, j int) bool {
		if l.Totals[i].EUR != l.Totals[j].EUR {
			return l.Totals[i].EUR > l.Totals[j].EUR
		}
		return l.Totals[i].Donor < l.Totals[j].Donor
	})
	sort.SliceStable(l.Rows, func(i, j int) bool {
		a, b := l.Rows[i], l.Rows[j]
		if a.Donor != b.Donor {
			return a.Donor < b.Donor
		}
		return a.Announced < b.Announced
	})
	return l, nil
}

// unitsOf is the number of units a range supports: its lower bound, or
// its upper one when only that is known.
func unitsOf(r *model.Range) float64 {
	switch {
	case r.Min != nil:
		return *r.Min
	case r.Max != nil:
		return *r.Max
	}
	return 0
}

func round2(f float64) float64 { return math.Round(f*100) / 100 }

// KielHeader is the layout of "sitrep ledger --format kiel", after the
// Ukraine Support Tracker's item-level sheets.
var KielHeader = []string{"donor", "announcement_date", "aid_type", "item", "units", "value", "currency", "value_eur",
	"value_usd", "status", "delivered_date", "sources", "docs", "record"}

// KielRow lays a ledger row out as the tracker does.
func KielRow(r LedgerRow) []string {
	units, value, currency, eur, usd := "", "", "", "", ""
	if r.Units != nil {
		units = strings.ReplaceAll(Number(unitsOf(r.Units)), ",", "")
	}
	if r.Money != nil {
		value = strings.ReplaceAll(Number(r.Money.Amount), ",", "")
		currency = r.Money.Currency
		if r.EUR > 0 {
			eur = strings.ReplaceAll(Number(math.Round(r.EUR)), ",", "")
			usd = strings.ReplaceAll(Number(math.Round(r.USD)), ",", "")
		}
	}
	donor := r.DonorName
	if donor == "" {
		donor = r.Donor
	}
	return []string{donor, r.Announced, r.Mode, r.Item, units, value, currency, eur, usd, r.Status, r.Delivered,
		strings.Join(r.Sources, "; "), strings.Join(r.Docs, "; "), r.Record}
}
