package cli

import (
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"github.com/sitrep-project/sitrep/internal/model"
	"github.com/sitrep-project/sitrep/internal/query"
	"github.com/sitrep-project/sitrep/internal/store"
)

func init() {
	addCommand(newEventsCmd)
	addCommand(newEventCmd)
	addCommand(newTimelineCmd)
	addCommand(newLedgerCmd)
	addCommand(newFiguresCmd)
	addCommand(newActorCmd)
	addCommand(newDigestCmd)
}

// recordFlags are the filters of commands that list records.
type recordFlags struct {
	f     store.RecordFilter
	types string
	csv   bool
}

func (r *recordFlags) register(cmd *cobra.Command) {
	fl := cmd.Flags()
	fl.StringVar(&r.types, "type", "", "only these event types, comma-separated (aid,attack,...)")
	fl.StringVar(&r.f.Party, "actor", "", "only records this actor takes part in, as actor or target (USA, RUS, EU, ...)")
	fl.StringVar(&r.f.Place, "place", "", "only records tied to this place (Kharkiv, Mariupol, ...)")
	fl.StringVar(&r.f.From, "from", "", "only records that happened on or after this day")
	fl.StringVar(&r.f.To, "to", "", "only records that happened on or before this day")
	fl.IntVar(&r.f.Limit, "limit", 0, "at most this many records (0: all)")
	fl.BoolVar(&r.csv, "csv", false, "print CSV instead of a table")
}

func (r *recordFlags) filter() (store.RecordFilter, error) {
	f := r.f
	var err error
	if f.From, err = dateFlag("from", f.From); err != nil {
		return f, err
	}
	if f.To, err = dateFlag("to", f.To); err != nil {
		return f, err
	}
	f.Party = strings.ToUpper(f.Party)
	if f.Types, err = model.ParseEventTypes(r.types); err != nil {
		return f, fmt.Errorf("--type: %w", err)
	}
	return f, nil
}

func recordsTable(recs []*model.Record) *table {
	t := &table{header: []string{"day", "precision", "type", "status", "event", "reports", "sources", "id"}}
	for _, r := range recs {
		t.add(r.Day, query.Precision(r), string(r.Type), orDash(r.Status), query.Summary(r), strconv.Itoa(r.ReportCount()),
			strings.Join(query.Sources(r), "; "), r.ID)
	}
	return t.numbers("reports")
}

func newEventsCmd(app *App) *cobra.Command {
	var rf recordFlags
	cmd := &cobra.Command{
		Use:   "events",
		Short: "List events merged across articles, with how many reports each has",
		Long: `List the records: real-world events, each merged from every article that
reports it. Filter by type, actor, place and period; --json prints the
records whole (mentions, status history, disagreements), --csv a flat table.`,
		Example: `  sitrep events --type aid --actor DEU
  sitrep events --place Mariupol --json`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			f, err := rf.filter()
			if err != nil {
				return err
			}
			return app.withReader(cmd.Context(), func(st store.Store) error {
				if f.Party, err = actorFlag(cmd.Context(), st, "--actor", f.Party); err != nil {
					return err
				}
				recs, err := st.Records(cmd.Context(), f)
				if err != nil {
					return err
				}
				if app.JSON {
					return printJSON(app.Stdout, recs)
				}
				return recordsTable(recs).write(app.Stdout, rf.csv)
			})
		},
	}
	rf.register(cmd)
	return cmd
}

func newEventCmd(app *App) *cobra.Command {
	var asCSV bool
	cmd := &cobra.Command{
		Use:   "event ID",
		Short: "Show one merged event: every report, its status history and disagreements",
		Long: `Show one record (by record id, or by the id of any event it holds): its merged
slots, every article that reports it with outlet, date, source and evidence
sentence, the steps of its status, and the slots on which reports disagree.
--csv prints the reports as CSV.`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return app.withReader(cmd.Context(), func(st store.Store) error {
				r, err := st.Record(cmd.Context(), args[0])
				if err != nil {
					return err
				}
				if app.JSON {
					return printJSON(app.Stdout, r)
				}
				if asCSV {
					t := &table{header: []string{"record", "date", "outlet", "doc", "article", "event", "status", "source", "evidence", "evidence_start", "evidence_end"}}
					for _, m := range r.Mentions {
						src := ""
						if m.Source != nil {
							src = m.Source.Name
						}
						t.add(r.ID, m.Date, m.Outlet, m.Doc, m.Article, m.Event, m.Status, src, m.Evidence.Sentence,
							strconv.Itoa(m.Evidence.Start), strconv.Itoa(m.Evidence.End))
					}
					return t.write(app.Stdout, true)
				}
				w := app.Stdout
				fmt.Fprintf(w, "%s  %s %s  %s\n", r.ID, r.Type, orDash(r.Status), query.Summary(r))
				fmt.Fprintf(w, "happened %s (%s); first reported %s, last %s; confidence %.2f\n", r.Day, query.Precision(r), r.FirstReported, r.LastReported, r.Confidence)
				fmt.Fprintf(w, "\nreports (%d):\n", r.ReportCount())
				told := map[string]bool{} // one line a report: an article's sentence
				for _, m := range r.Mentions {
					if k := m.Article + "@" + strconv.Itoa(m.Evidence.Start); told[k] {
						continue
					} else {
						told[k] = true
					}
					src := ""
					if m.Source != nil {
						src = "  per " + m.Source.Name
					}
					fmt.Fprintf(w, "  %s  %s  %s%s\n    %q\n", m.Date, orDash(m.Outlet), m.Doc, src, m.Evidence.Sentence)
				}
				if len(r.History) > 0 {
					fmt.Fprintln(w, "\nstatus history:")
					for _, h := range r.History {
						src := ""
						if h.Source != nil {
							src = " per " + h.Source.Name
						}
						fmt.Fprintf(w, "  %s  %-10s  %s%s\n", h.Date, h.Status, h.Doc, src)
					}
				}
				if len(r.Disagreements) > 0 {
					fmt.Fprintln(w, "\ndisagreements:")
					for _, d := range r.Disagreements {
						var cs []string
						for _, c := range d.Claims {
							who := c.Doc
							if c.Source != "" {
								who = c.Source + ", " + c.Doc
							}
							cs = append(cs, fmt.Sprintf("%s (%s)", c.Value, who))
						}
						fmt.Fprintf(w, "  %s: %s\n", d.Slot, strings.Join(cs, " vs "))
					}
				}
				return nil
			})
		},
	}
	cmd.Flags().BoolVar(&asCSV, "csv", false, "print the reports as CSV")
	return cmd
}

func newTimelineCmd(app *App) *cobra.Command {
	var rf recordFlags
	cmd := &cobra.Command{
		Use:   "timeline",
		Short: "Events in the order they happened, with how precisely each date is known",
		Long: `Print merged events in the order they happened (not the order they were
reported), grouped by day. The precision column says whether the day is
known to the day, the week, the month, or only from the report's date.`,
		Example: `  sitrep timeline --actor RUS --type attack --from 2022-03-01
  sitrep timeline --place Kyiv --csv`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			f, err := rf.filter()
			if err != nil {
				return err
			}
			return app.withReader(cmd.Context(), func(st store.Store) error {
				if f.Party, err = actorFlag(cmd.Context(), st, "--actor", f.Party); err != nil {
					return err
				}
				recs, err := query.Timeline(cmd.Context(), st, f)
				if err != nil {
					return err
				}
				if app.JSON {
					return printJSON(app.Stdout, recs)
				}
				if rf.csv {
					return recordsTable(recs).write(app.Stdout, true)
				}
				day := ""
				for _, r := range recs {
					if r.Day != day {
						day = r.Day
						fmt.Fprintf(app.Stdout, "\n%s\n", day)
					}
					fmt.Fprintf(app.Stdout, "  %-9s %-12s %-10s %s  (%s)\n", query.Precision(r), r.Type, orDash(r.Status), query.Summary(r), plural(r.ReportCount(), "report", "reports"))
				}
				return nil
			})
		},
	}
	rf.register(cmd)
	return cmd
}

func newLedgerCmd(app *App) *cobra.Command {
	var lf query.LedgerFilter
	var format string
	cmd := &cobra.Command{
		Use:   "ledger",
		Short: "The aid ledger: what each donor pledged and delivered, with values in EUR and USD",
		Long: `Print the aid ledger built from merged aid events: one row per item (or sum
of money) of each aid package, with its announcement date, furthest status,
units, value in the original currency and converted to EUR and USD at the
month's rate (see internal/quantity/data/rates.tsv for the rates and their
source), and the sources. Then the totals per donor. --format kiel writes the
layout of the Kiel Institute's Ukraine Support Tracker as CSV; --format csv the
ledger's own columns.`,
		Example: `  sitrep ledger --donor DEU
  sitrep ledger --format kiel > ledger.csv`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			var err error
			if lf.From, err = dateFlag("from", lf.From); err != nil {
				return err
			}
			if lf.To, err = dateFlag("to", lf.To); err != nil {
				return err
			}
			return app.withReader(cmd.Context(), func(st store.Store) error {
				var err error
				if lf.Donor, err = actorFlag(cmd.Context(), st, "--donor", lf.Donor); err != nil {
					return err
				}
				if lf.Recipient, err = actorFlag(cmd.Context(), st, "--recipient", lf.Recipient); err != nil {
					return err
				}
				l, err := query.AidLedger(cmd.Context(), st, lf)
				if err != nil {
					return err
				}
				if app.JSON {
					return printJSON(app.Stdout, l)
				}
				switch format {
				case "kiel":
					t := &table{header: query.KielHeader}
					for _, r := range l.Rows {
						t.add(query.KielRow(r)...)
					}
					return t.write(app.Stdout, true)
				case "csv", "table":
				default:
					return fmt.Errorf("--format %q: want table, csv or kiel", format)
				}
				t := &table{header: []string{"donor", "recipient", "announced", "status", "mode", "item", "units", "value", "currency", "EUR", "flags", "sources", "record"}}
				t.numbers("value", "EUR")
				for _, r := range l.Rows {
					units, value, currency, eur := "", "", "", ""
					if r.Units != nil {
						units = query.RangeText(r.Units)
						if format == "csv" {
							units = plainRange(r.Units)
						}
					}
					if r.Money != nil {
						value, currency = plain(r.Money.Amount), r.Money.Currency
					}
					if r.EUR > 0 {
						eur = plain(float64(int64(r.EUR)))
					}
					if r.Disagreed {
						units += " *"
					}
					t.add(orDash(r.Donor), orDash(r.Recipient), r.Announced, orDash(r.Status), orDash(r.Mode), orDash(r.Item), units, value, currency, eur,
						strings.Join(r.Flags(), "; "), strings.Join(r.Sources, "; "), r.Record)
				}
				if err := t.write(app.Stdout, format == "csv"); err != nil || format == "csv" {
					return err
				}
				fmt.Fprintln(app.Stdout, "\n* reports disagree on this figure: see sitrep event RECORD")
				fmt.Fprintf(app.Stdout, "not in the totals: %s without a known donor or recipient (EUR %s), %s of aid so far (EUR %s), %s told only by opinion pieces (EUR %s)\n",
					plural(l.Unattributed.Rows, "row", "rows"), query.Number(math.Round(l.Unattributed.EUR)),
					plural(l.RunningTotals.Rows, "running total", "running totals"), query.Number(math.Round(l.RunningTotals.EUR)),
					plural(l.Opinion.Rows, "row", "rows"), query.Number(math.Round(l.Opinion.EUR)))
				if l.Outliers > 0 {
					fmt.Fprintf(app.Stdout, "%s flagged outlier: each worth more than a tenth of all; check its evidence first\n",
						plural(l.Outliers, "row", "rows"))
				}
				tt := &table{header: []string{"donor", "packages", "delivered", "EUR", "USD", "units pledged", "units delivered"}}
				tt.numbers("packages", "delivered", "EUR", "USD")
				for _, d := range l.Totals {
					tt.add(orDash(d.Donor), strconv.Itoa(d.Records), strconv.Itoa(d.Delivered), plain(float64(int64(d.EUR))),
						plain(float64(int64(d.USD))), unitsText(d.Pledged), unitsText(d.UnitsDelivered))
				}
				fmt.Fprintln(app.Stdout)
				if err := tt.write(app.Stdout, false); err != nil {
					return err
				}
				fmt.Fprintf(app.Stdout, "\nrates: %s\n", l.Rates)
				return nil
			})
		},
	}
	fl := cmd.Flags()
	fl.StringVar(&lf.Donor, "donor", "", "only this donor, by code or name (USA, Germany, EU, ...)")
	fl.StringVar(&lf.Recipient, "recipient", "", "only this recipient, by code or name")
	fl.StringVar(&lf.From, "from", "", "only aid announced or given on or after this day (the record's day)")
	fl.StringVar(&lf.To, "to", "", "only aid announced or given on or before this day")
	fl.StringVar(&format, "format", "table", "table, csv or kiel")
	var csvFlag bool
	fl.BoolVar(&csvFlag, "csv", false, "same as --format csv")
	cmd.PreRun = func(cmd *cobra.Command, args []string) {
		if csvFlag {
			format = "csv"
		}
	}
	return cmd
}

func unitsText(m map[string]float64) string {
	return joinSorted(m, func(k string, v float64) string { return query.Number(v) + " " + k })
}

// joinSorted writes a map as "key value" parts in key order.
func joinSorted[K ~string, V any](m map[K]V, part func(K, V) string) string {
	keys := make([]K, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	parts := make([]string, 0, len(keys))
	for _, k := range keys {
		parts = append(parts, part(k, m[k]))
	}
	return strings.Join(parts, ", ")
}

// figureTypesHelp lists the types --type of figures takes, from the
// registry, so the help cannot fall behind it.
func figureTypesHelp() string {
	ts := model.FigureTypes()
	var b strings.Builder
	for i, t := range ts {
		switch {
		case i == 0:
		case i == len(ts)-1:
			b.WriteString(" or ")
		default:
			b.WriteString(", ")
		}
		b.WriteString(string(t))
	}
	return b.String() + " (default: all)"
}

func newFiguresCmd(app *App) *cobra.Command {
	var typ, party, from, to string
	var asCSV bool
	cmd := &cobra.Command{
		Use:   "figures",
		Short: "Casualty, displacement and troop figures over time, per source",
		Long: `Print the counted figures as series: one per type, side, victims and outcome
(casualties/UKR/civilians/killed), each point a claim with the date it refers
to, its value or range and who claims it. Conflicting claims stand side by
side; running totals are marked cumulative.`,
		Example: `  sitrep figures --type casualties
  sitrep figures --type displacement --csv`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			t, err := query.FigureType(typ)
			if err != nil {
				return fmt.Errorf("--type: %w", err)
			}
			if from, err = dateFlag("from", from); err != nil {
				return err
			}
			if to, err = dateFlag("to", to); err != nil {
				return err
			}
			return app.withReader(cmd.Context(), func(st store.Store) error {
				code, err := actorFlag(cmd.Context(), st, "--actor", party)
				if err != nil {
					return err
				}
				series, err := query.Figures(cmd.Context(), st, t, code)
				if err != nil {
					return err
				}
				series = query.FiguresBetween(series, from, to)
				if app.JSON {
					return printJSON(app.Stdout, series)
				}
				t := &table{header: []string{"series", "cumulative", "date", "figure", "source", "doc"}}
				for _, s := range series {
					for _, p := range s.Points {
						t.add(s.Key, strconv.FormatBool(s.Cumulative), p.Date, query.RangeText(&model.Range{Min: p.Min, Max: p.Max, Approx: p.Approx}), p.Source, p.Doc)
					}
				}
				return t.write(app.Stdout, asCSV)
			})
		},
	}
	cmd.Flags().StringVar(&typ, "type", "", figureTypesHelp())
	cmd.Flags().StringVar(&party, "actor", "", "only figures this actor takes part in, by code or name")
	cmd.Flags().StringVar(&from, "from", "", "only figures of events on or after this day")
	cmd.Flags().StringVar(&to, "to", "", "only figures of events on or before this day")
	cmd.Flags().BoolVar(&asCSV, "csv", false, "print CSV instead of a table")
	return cmd
}

func newActorCmd(app *App) *cobra.Command {
	var asCSV bool
	cmd := &cobra.Command{
		Use:   "actor CODE|NAME",
		Short: "One actor: the names it was reported under, its people, and its events",
		Long: `Show a state or organisation by its code (USA, RUS, EU, NATO): the names it was
reported under, the office holders who acted or spoke for it, the events it
takes part in as actor or target. Given an office holder's name instead, show
the person's office and the events in which they are named as actor or source.`,
		Example: `  sitrep actor USA
  sitrep actor NATO --json
  sitrep actor "Antony Blinken"`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return app.withReader(cmd.Context(), func(st store.Store) error {
				who := args[0]
				// A state, organisation or group by code or name; else an
				// office holder's name, which the query layer reads.
				if code, _, err := query.ActorCode(who); err == nil {
					who = code
				} else if !query.IsPerson(who) {
					if who, err = actorFlag(cmd.Context(), st, "actor", who); err != nil {
						return err
					}
				}
				a, err := query.ActorRecord(cmd.Context(), st, who)
				if err != nil {
					return fmt.Errorf("actor %s: %w", args[0], err)
				}
				if app.JSON {
					return printJSON(app.Stdout, a)
				}
				if asCSV {
					return recordsTable(a.Records).write(app.Stdout, true)
				}
				w := app.Stdout
				fmt.Fprintf(w, "%s  %s (%s)\n", a.Code, orDash(a.Name), orDash(a.Kind))
				if a.Kind == "person" {
					fmt.Fprintf(w, "office: %s of %s\n", orDash(a.Role), a.Country)
				}
				var names []string
				for _, n := range a.NamesSeen {
					names = append(names, fmt.Sprintf("%s (%d)", n.Name, n.Count))
				}
				fmt.Fprintf(w, "reported as: %s\n", orDash(strings.Join(names, ", ")))
				var people []string
				for _, p := range a.People {
					people = append(people, p.Name)
				}
				fmt.Fprintf(w, "people: %s\n", orDash(strings.Join(people, ", ")))
				fmt.Fprintf(w, "acts in: %s\ntargeted in: %s\n\n", countsText(a.AsActor), countsText(a.AsTarget))
				return recordsTable(a.Records).write(w, false)
			})
		},
	}
	cmd.Flags().BoolVar(&asCSV, "csv", false, "print the actor's events as CSV")
	return cmd
}

func countsText(m map[model.EventType]int) string {
	return orDash(joinSorted(m, func(k model.EventType, v int) string { return fmt.Sprintf("%s %d", k, v) }))
}

func newDigestCmd(app *App) *cobra.Command {
	var date string
	var asCSV bool
	cmd := &cobra.Command{
		Use:   "digest --date YYYY-MM-DD",
		Short: "What was reported new on a day, and what earlier events got new reports",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			d, err := dateFlag("date", date)
			if err != nil {
				return err
			}
			if d == "" {
				return fmt.Errorf("give --date YYYY-MM-DD")
			}
			return app.withReader(cmd.Context(), func(st store.Store) error {
				dg, err := query.DailyDigest(cmd.Context(), st, d)
				if err != nil {
					return err
				}
				if app.JSON {
					return printJSON(app.Stdout, dg)
				}
				if asCSV {
					return recordsTable(append(append([]*model.Record{}, dg.New...), dg.Updated...)).write(app.Stdout, true)
				}
				fmt.Fprintf(app.Stdout, "%s: %d new events, %d earlier events reported again\n\nnew:\n", d, len(dg.New), len(dg.Updated))
				recordsTable(dg.New).write(app.Stdout, false)
				if len(dg.Updated) > 0 {
					fmt.Fprintln(app.Stdout, "\nreported again:")
					recordsTable(dg.Updated).write(app.Stdout, false)
				}
				return nil
			})
		},
	}
	cmd.Flags().StringVar(&date, "date", "", "the day (YYYY-MM-DD)")
	cmd.Flags().BoolVar(&asCSV, "csv", false, "print CSV instead of tables")
	return cmd
}
