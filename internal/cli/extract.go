package cli

import (
	"encoding/csv"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/sitrep-project/sitrep/internal/event"
	"github.com/sitrep-project/sitrep/internal/model"
	"github.com/sitrep-project/sitrep/internal/query"
)

func init() { addCommand(newExtractCmd) }

func newExtractCmd(app *App) *cobra.Command {
	var in intakeFlags
	var explain, all, asCSV bool
	cmd := &cobra.Command{
		Use:   "extract PATH...",
		Short: "Print the events of articles without storing them",
		Long: `Read articles (as ingest does) and print the events extracted from each, without
storing anything. With --json, one event a line in the export schema (see
docs/export-schema.md). Events the article does not hold true (negated,
hypothetical or denied) are left out unless --all is given.`,
		Example: `  sitrep extract examples/corpus/seeds
  sitrep extract --json --explain examples/corpus/wires.jsonl`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			x := event.New(event.WithExplain(explain))
			var cw *csv.Writer
			if asCSV && !app.JSON {
				// The export's columns, one header for all the articles.
				cw = csv.NewWriter(app.Stdout)
				if err := cw.Write(csvHeader); err != nil {
					return err
				}
			}
			skipped, err := app.readArticles(cmd.Context(), in, args, func(a *model.Article) error {
				evs := x.Extract(a)
				if !all {
					evs = facts(evs)
				}
				if cw != nil {
					for i := range evs {
						if err := cw.Write(eventCSVRow(&evs[i])); err != nil {
							return err
						}
					}
					cw.Flush()
					return cw.Error()
				}
				if app.JSON {
					for i := range evs {
						if err := printJSON(app.Stdout, &evs[i]); err != nil {
							return err
						}
					}
					return nil
				}
				writeEvents(app.Stdout, a, evs, explain)
				return nil
			})
			if err != nil {
				return err
			}
			if skipped > 0 {
				return exitCode{code: 2, msg: fmt.Sprintf("%d input(s) skipped; see the lines above", skipped)}
			}
			return nil
		},
	}
	in.register(cmd)
	cmd.Flags().BoolVar(&explain, "explain", false, "show for each slot the rule or lexicon entry that filled it")
	cmd.Flags().BoolVar(&all, "all", false, "also print negated, hypothetical and denied events")
	cmd.Flags().BoolVar(&asCSV, "csv", false, "print CSV in the export's columns (as \"sitrep export --format csv\")")
	return cmd
}

// facts keeps the events an article holds true or planned.
func facts(evs []model.Event) []model.Event {
	out := evs[:0:0]
	for _, e := range evs {
		if e.IsFact() {
			out = append(out, e)
		}
	}
	return out
}

// writeEvents prints one article's events as a table.
func writeEvents(w io.Writer, a *model.Article, evs []model.Event, explain bool) {
	fmt.Fprintf(w, "%s  %s  %s  (%s)\n", a.Doc, a.DateString(), titleOr(a.Title, ""), plural(len(evs), "event", "events"))
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	for _, e := range evs {
		fmt.Fprintf(tw, "  %s\t%s\t%s\t%s\t%s\n", e.Type, orDash(e.Status), eventParties(&e), eventFigures(&e), eventWhenWho(&e))
		if explain {
			tw.Flush()
			for _, why := range e.Explain {
				fmt.Fprintf(w, "      %s\n", why)
			}
		}
	}
	tw.Flush()
	fmt.Fprintln(w)
}

func eventParties(e *model.Event) string {
	a := "?"
	if e.Actor != nil {
		a = e.Actor.Code
	}
	var ts []string
	for _, t := range e.Targets {
		ts = append(ts, t.Code)
	}
	if len(ts) == 0 {
		return a
	}
	return a + " -> " + strings.Join(ts, ",")
}

func eventFigures(e *model.Event) string {
	var parts []string
	for _, it := range e.Items {
		s := it.Name
		if it.Qty != nil {
			s = query.RangeText(it.Qty) + " " + s
		}
		parts = append(parts, s)
	}
	if e.Count != nil {
		s := query.RangeText(e.Count)
		if e.Victims != "" {
			s += " " + e.Victims
		}
		if e.Outcome != "" {
			s += " " + e.Outcome
		}
		parts = append(parts, s)
	}
	if e.Money != nil {
		parts = append(parts, fmt.Sprintf("%s %s", query.Number(e.Money.Amount), e.Money.Currency))
	}
	return strings.Join(parts, ", ")
}

func eventWhenWho(e *model.Event) string {
	var parts []string
	if e.Time != nil {
		if e.Time.Start == e.Time.End {
			parts = append(parts, e.Time.Start)
		} else {
			parts = append(parts, e.Time.Start+".."+e.Time.End)
		}
	}
	if e.Source != nil {
		parts = append(parts, "per "+e.Source.Name)
	}
	if e.Modality != model.ModalityAsserted && e.Modality != model.ModalityReported {
		parts = append(parts, "["+e.Modality+"]")
	}
	return strings.Join(parts, "  ")
}
