package query

import (
	"context"
	"math"
	"sort"
	"strings"

	"github.com/sitrep-project/sitrep/internal/model"
	"github.com/sitrep-project/sitrep/internal/quantity"
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
	// Unattributed marks a row whose donor or recipient is not known: it
	// is listed, and left out of every donor's totals.
	Unattributed bool `json:"unattributed,omitempty"`
	// Opinion marks a row told only by opinion pieces: listed, and left
	// out of the totals, which sum what the news reported.
	Opinion bool `json:"opinion,omitempty"`
	// Outlier marks a row worth more than a tenth of all the ledger's
	// summed rows: one misread figure ("$40 trillion") can outweigh the
	// rest, and a reader should check its evidence before the totals.
	Outlier bool `json:"outlier,omitempty"`
}

// Flags names what a row's reader should know before using it: an
// outlier, a running total, a row not attributed, a row told only by
// opinion pieces, a figure the reports disagree on.
func (r LedgerRow) Flags() []string {
	var fl []string
	for _, f := range []struct {
		on   bool
		name string
	}{{r.Outlier, "outlier"}, {r.RunningTotal, "running total"}, {r.Unattributed, "unattributed"}, {r.Opinion, "opinion"}, {r.Disagreed, "disputed"}} {
		if f.on {
			fl = append(fl, f.name)
		}
	}
	return fl
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
	// EURByStatus and EURByMode split EUR by the furthest status the aid
	// reached (pledged, authorized, delivered) and by its mode (military,
	// financial, humanitarian; "" when not known).
	EURByStatus map[string]float64 `json:"eur_by_status"`
	EURByMode   map[string]float64 `json:"eur_by_mode"`
}

// SetAside sums the rows listed but left out of the donors' totals.
type SetAside struct {
	Rows int     `json:"rows"`
	EUR  float64 `json:"eur"`
}

// Ledger is the aid ledger: its rows and per-donor totals, and what was
// listed but not summed, so that nothing is hidden and nothing counted
// twice.
type Ledger struct {
	Rows   []LedgerRow  `json:"rows"`
	Totals []DonorTotal `json:"totals"`
	// Unattributed sums the rows without a known donor or recipient;
	// RunningTotals those that report a sum of earlier aid; Opinion those
	// told only by opinion pieces.
	Unattributed  SetAside `json:"unattributed"`
	RunningTotals SetAside `json:"running_totals"`
	Opinion       SetAside `json:"opinion"`
	// Outliers counts the rows marked Outlier.
	Outliers int    `json:"outliers"`
	Rates    string `json:"rates"` // where the conversion rates come from
}

// outlierShare is the share of the summed value above which one row is
// an outlier; below outlierRows valued rows every row is a large share,
// and none is marked.
const (
	outlierShare = 0.1
	outlierRows  = 10
)

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
	l := &Ledger{Rows: []LedgerRow{}, Totals: []DonorTotal{}, Rates: quantity.RatesSource}
	totals := map[string]*DonorTotal{}
	for _, r := range recs {
		base := LedgerRow{Record: r.ID, Announced: r.FirstReported, Status: r.Status, Mode: r.Mode, Sources: Sources(r), Docs: Docs(r), RunningTotal: r.RunningTotal(),
			Opinion: r.OpinionOnly()}
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
		// Without a donor or a recipient a row cannot be booked to anyone:
		// listed, not summed.
		base.Unattributed = base.Donor == "" || base.Donor == "?" || base.Recipient == ""
		t := totals[base.Donor]
		if t == nil && !base.Unattributed {
			t = &DonorTotal{Donor: base.Donor, DonorName: base.DonorName, Pledged: map[string]float64{}, UnitsDelivered: map[string]float64{},
				EURByStatus: map[string]float64{}, EURByMode: map[string]float64{}}
			totals[base.Donor] = t
		}
		if t == nil {
			t = &DonorTotal{Pledged: map[string]float64{}, UnitsDelivered: map[string]float64{}, EURByStatus: map[string]float64{}, EURByMode: map[string]float64{}}
		}
		// A running total is listed but not summed: the packages it sums
		// are rows of their own.
		sum := !base.RunningTotal && !base.Unattributed && !base.Opinion
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
			if eur, usd, ok := quantity.Convert(m.Amount, m.Currency, r.FirstReported); ok {
				row.EUR, row.USD = round2(eur), round2(usd)
				if sum {
					t.EUR += eur
					t.USD += usd
					t.EURByStatus[r.Status] += eur
					t.EURByMode[r.Mode] += eur
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
		for k, v := range t.EURByStatus {
			t.EURByStatus[k] = round2(v)
		}
		for k, v := range t.EURByMode {
			t.EURByMode[k] = round2(v)
		}
		l.Totals = append(l.Totals, *t)
	}
	markSetAside(l)
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

// markSetAside sums the rows left out of the totals and marks the
// outliers among the summed ones.
func markSetAside(l *Ledger) {
	summed, valued := 0.0, 0
	for _, r := range l.Rows {
		switch {
		case r.Unattributed:
			l.Unattributed.Rows++
			l.Unattributed.EUR += r.EUR
		case r.RunningTotal:
			l.RunningTotals.Rows++
			l.RunningTotals.EUR += r.EUR
		case r.Opinion:
			l.Opinion.Rows++
			l.Opinion.EUR += r.EUR
		default:
			summed += r.EUR
			if r.EUR > 0 {
				valued++
			}
		}
	}
	l.Unattributed.EUR, l.RunningTotals.EUR, l.Opinion.EUR = round2(l.Unattributed.EUR), round2(l.RunningTotals.EUR), round2(l.Opinion.EUR)
	for i := range l.Rows {
		r := &l.Rows[i]
		if !r.Unattributed && !r.RunningTotal && !r.Opinion && valued >= outlierRows && r.EUR > outlierShare*summed {
			r.Outlier = true
			l.Outliers++
		}
	}
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
