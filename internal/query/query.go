// Package query reads the knowledge the store holds as analysts ask for
// it: a timeline of events by when they happened, an aid ledger per donor
// and recipient, figures tracked over time per source, what one actor did,
// and what was reported new on a day. It sits above the store and below
// the command line, the HTTP API and the web pages, which all share it.
package query

import (
	"context"
	"sort"
	"strings"

	"github.com/sitrep-project/sitrep/internal/model"
	"github.com/sitrep-project/sitrep/internal/store"
)

// Timeline returns records ordered by when they happened (their day),
// not by when they were reported.
func Timeline(ctx context.Context, st store.Store, f store.RecordFilter) ([]*model.Record, error) {
	return st.Records(ctx, f)
}

// Digest is what was reported on one day: records first reported that
// day, and records reported before that got new reports.
type Digest struct {
	Date    string          `json:"date"`
	New     []*model.Record `json:"new"`
	Updated []*model.Record `json:"updated"`
}

// DailyDigest returns the digest of a day (YYYY-MM-DD).
func DailyDigest(ctx context.Context, st store.Store, date string) (*Digest, error) {
	recs, err := st.Records(ctx, store.RecordFilter{ReportedOn: date})
	if err != nil {
		return nil, err
	}
	d := &Digest{Date: date, New: []*model.Record{}, Updated: []*model.Record{}}
	for _, r := range recs {
		if r.FirstReported == date {
			d.New = append(d.New, r)
		} else {
			d.Updated = append(d.Updated, r)
		}
	}
	return d, nil
}

// Summary is a one-line account of a record for tables and lists:
// "USA -> UKR: 200-999 Stinger, 350,000,000 USD".
func Summary(r *model.Record) string {
	var b strings.Builder
	if r.Actor != nil {
		b.WriteString(r.Actor.Code)
	} else {
		b.WriteString("?")
	}
	if len(r.Targets) > 0 {
		var ts []string
		for _, t := range r.Targets {
			ts = append(ts, t.Code)
		}
		b.WriteString(" -> " + strings.Join(ts, ","))
	}
	var parts []string
	for _, it := range r.Items {
		s := it.Name
		if it.Qty != nil {
			s = RangeText(it.Qty) + " " + s
		}
		parts = append(parts, s)
	}
	if r.Count != nil {
		s := RangeText(r.Count)
		if r.Victims != "" {
			s += " " + r.Victims
		}
		if r.Outcome != "" {
			s += " " + r.Outcome
		}
		parts = append(parts, s)
	}
	if r.Money != nil {
		parts = append(parts, Number(r.Money.Amount)+" "+r.Money.Currency)
	}
	if len(r.Places) > 0 {
		var ps []string
		for _, p := range r.Places {
			ps = append(ps, p.Name)
		}
		parts = append(parts, "in "+strings.Join(ps, ", "))
	}
	if len(parts) > 0 {
		b.WriteString(": " + strings.Join(parts, ", "))
	}
	return b.String()
}

// Precision returns how precisely a record's day is known: the precision
// of its time, or "reported" when only the report's date is known.
func Precision(r *model.Record) string {
	if r.Time != nil && r.Time.Precision != "" {
		return r.Time.Precision
	}
	return "reported"
}

// Sources lists the distinct sources and outlets of a record's mentions.
func Sources(r *model.Record) []string {
	seen := map[string]bool{}
	var out []string
	add := func(s string) {
		if s != "" && !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	for _, m := range r.Mentions {
		if m.Source != nil {
			add(m.Source.Name)
		}
		add(m.Outlet)
	}
	return out
}

// Docs lists the docs of a record's mentions.
func Docs(r *model.Record) []string {
	seen := map[string]bool{}
	var out []string
	for _, m := range r.Mentions {
		if !seen[m.Doc] {
			seen[m.Doc] = true
			out = append(out, m.Doc)
		}
	}
	sort.Strings(out)
	return out
}
