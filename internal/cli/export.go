package cli

import (
	"encoding/csv"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"github.com/sitrep-project/sitrep/internal/model"
	"github.com/sitrep-project/sitrep/internal/store"
)

func init() { addCommand(newExportCmd) }

// eventFilterFlags are the filters every command listing stored events
// takes.
type eventFilterFlags struct {
	f        store.EventFilter
	typ      string
	all      bool
	from, to string // the event's day (see eventDay)
}

func (e *eventFilterFlags) register(cmd *cobra.Command) {
	fl := cmd.Flags()
	fl.StringVar(&e.typ, "type", "", "only events of this type (aid, casualties, attack, ...)")
	fl.StringVar(&e.f.Actor, "actor", "", "only events whose actor has this code (USA, RUS, EU, ...)")
	fl.StringVar(&e.f.Target, "target", "", "only events with this target code")
	fl.StringVar(&e.f.Doc, "doc", "", "only events of this article (doc name or id)")
	fl.StringVar(&e.from, "from", "", "only events that happened on or after this day (the article's date when the event has none)")
	fl.StringVar(&e.to, "to", "", "only events that happened on or before this day")
	fl.StringVar(&e.f.From, "reported-from", "", "only events of articles dated on or after this day")
	fl.StringVar(&e.f.To, "reported-to", "", "only events of articles dated on or before this day")
	fl.BoolVar(&e.all, "all", false, "include events the articles do not hold true (negated, hypothetical, denied)")
}

func (e *eventFilterFlags) filter() (store.EventFilter, error) {
	f := e.f
	var err error
	if f.From, err = dateFlag("reported-from", f.From); err != nil {
		return f, err
	}
	if f.To, err = dateFlag("reported-to", f.To); err != nil {
		return f, err
	}
	if e.from, err = dateFlag("from", e.from); err != nil {
		return f, err
	}
	if e.to, err = dateFlag("to", e.to); err != nil {
		return f, err
	}
	if e.typ != "" {
		if f.Type, err = model.ParseEventType(e.typ); err != nil {
			return f, fmt.Errorf("--type: %w", err)
		}
	}
	f.Actor = strings.ToUpper(f.Actor)
	f.Target = strings.ToUpper(f.Target)
	f.Facts = !e.all
	return f, nil
}

// eventDay is the day an event happened, as the flags --from and --to
// read it: the start of its time, or the article's date when the text
// gives none, the day a record of it is listed under.
func eventDay(ev *model.Event) string {
	if ev.Time != nil && len(ev.Time.Start) >= len(model.DateLayout) {
		return ev.Time.Start[:len(model.DateLayout)]
	}
	return ev.Date
}

// happened keeps the events whose day lies within --from and --to.
func (e *eventFilterFlags) happened(evs []model.Event) []model.Event {
	if e.from == "" && e.to == "" {
		return evs
	}
	out := evs[:0]
	for _, ev := range evs {
		d := eventDay(&ev)
		if e.from != "" && d < e.from || e.to != "" && d > e.to {
			continue
		}
		out = append(out, ev)
	}
	return out
}

func newExportCmd(app *App) *cobra.Command {
	var ef eventFilterFlags
	var format string
	cmd := &cobra.Command{
		Use:   "export",
		Short: "Write stored events in the export schema, as JSON Lines or CSV",
		Long: `Write the stored events, one per line, in the export schema that
docs/export-schema.md documents field by field. --format csv flattens each
event into one row (lists joined with "; ").`,
		Example: `  sitrep export > events.jsonl
  sitrep export --format csv --type aid --from 2022-03-01 > aid.csv
  sitrep export --reported-from 2022-06-01 --reported-to 2022-06-30`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			f, err := ef.filter()
			if err != nil {
				return err
			}
			if format != "jsonl" && format != "csv" {
				return fmt.Errorf("--format %q: want jsonl or csv", format)
			}
			return app.withStore(cmd.Context(), func(st store.Store) error {
				if f.Actor, err = actorFlag(cmd.Context(), st, "--actor", f.Actor); err != nil {
					return err
				}
				if f.Target, err = actorFlag(cmd.Context(), st, "--target", f.Target); err != nil {
					return err
				}
				evs, err := st.Events(cmd.Context(), f)
				if err != nil {
					return err
				}
				evs = ef.happened(evs)
				if format == "csv" {
					return writeEventsCSV(app.Stdout, evs)
				}
				for i := range evs {
					evs[i].Explain = nil
					if err := printJSON(app.Stdout, &evs[i]); err != nil {
						return err
					}
				}
				return nil
			})
		},
	}
	ef.register(cmd)
	cmd.Flags().StringVar(&format, "format", "jsonl", "jsonl or csv")
	return cmd
}

// csvHeader is the flat layout of an event for spreadsheets.
var csvHeader = []string{"id", "doc", "article", "date", "type", "status", "mode", "modality", "actor", "actor_name",
	"targets", "items", "money_amount", "money_currency", "count_min", "count_max", "approx", "victims", "outcome",
	"time_start", "time_end", "time_precision", "places", "source", "source_kind", "evidence", "evidence_start",
	"evidence_end", "confidence", "extractor"}

func fnum(p *float64) string {
	if p == nil {
		return ""
	}
	return strconv.FormatFloat(*p, 'f', -1, 64)
}

func writeEventsCSV(w io.Writer, evs []model.Event) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(csvHeader); err != nil {
		return err
	}
	for i := range evs {
		if err := cw.Write(eventCSVRow(&evs[i])); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// eventCSVRow lays one event out as a row of csvHeader, numbers plain.
func eventCSVRow(e *model.Event) []string {
	var targets, items, places []string
	for _, t := range e.Targets {
		targets = append(targets, t.Code)
	}
	for _, it := range e.Items {
		s := it.Name
		if it.Qty != nil {
			s += " x " + plainRange(it.Qty)
		}
		items = append(items, s)
	}
	for _, p := range e.Places {
		places = append(places, p.Name)
	}
	row := make([]string, 0, len(csvHeader))
	actor, actorName := "", ""
	if e.Actor != nil {
		actor, actorName = e.Actor.Code, e.Actor.Name
	}
	amount, currency := "", ""
	if e.Money != nil {
		amount, currency = strconv.FormatFloat(e.Money.Amount, 'f', -1, 64), e.Money.Currency
	}
	cmin, cmax, approx := "", "", ""
	if e.Count != nil {
		cmin, cmax = fnum(e.Count.Min), fnum(e.Count.Max)
		approx = strconv.FormatBool(e.Count.Approx)
	}
	ts, te, tp := "", "", ""
	if e.Time != nil {
		ts, te, tp = e.Time.Start, e.Time.End, e.Time.Precision
	}
	src, srcKind := "", ""
	if e.Source != nil {
		src, srcKind = e.Source.Name, e.Source.Kind
	}
	return append(row, e.ID, e.Doc, e.Article, e.Date, string(e.Type), e.Status, e.Mode, e.Modality, actor, actorName,
		strings.Join(targets, "; "), strings.Join(items, "; "), amount, currency, cmin, cmax, approx, e.Victims, e.Outcome,
		ts, te, tp, strings.Join(places, "; "), src, srcKind, e.Evidence.Sentence, strconv.Itoa(e.Evidence.Start),
		strconv.Itoa(e.Evidence.End), strconv.FormatFloat(e.Confidence, 'f', 2, 64), e.Extractor)
}
