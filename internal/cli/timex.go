package cli

import (
	"context"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/spf13/cobra"

	"github.com/sitrep-project/sitrep/internal/eval"
	"github.com/sitrep-project/sitrep/internal/intake"
	"github.com/sitrep-project/sitrep/internal/model"
	"github.com/sitrep-project/sitrep/internal/timex"
)

func init() {
	addCommand(newTimexCmd)
	addEvalCommand(newEvalTimexCmd)
}

// timexRecord is one expression as "sitrep timex --json" prints it.
type timexRecord struct {
	Doc       string `json:"doc"`
	Start     int    `json:"start"`
	End       int    `json:"end"`
	Text      string `json:"text"`
	Type      string `json:"type"`
	Value     string `json:"value"`
	DateStart string `json:"date_start"`
	DateEnd   string `json:"date_end"`
	Precision string `json:"precision"`
	Mod       string `json:"mod,omitempty"`
	Signal    string `json:"signal,omitempty"`
}

func newTimexCmd(app *App) *cobra.Command {
	var date string
	cmd := &cobra.Command{
		Use:   "timex PATH|-",
		Short: "List an article's time expressions, resolved against its date",
		Long: `Find the dates, times, durations and repetitions an article mentions and
resolve each against the article's date: in an article of Thursday 2022-03-03,
"on Sunday" in a past-tense clause is 2022-02-27 and "last week" runs from
2022-02-21 to 2022-02-27. Values follow TimeML's TIMEX3 (2022-W08, P3D,
PRESENT_REF).

The reference date is --date when given, else the article's own date (a
leading line "date YYYY-MM-DD", or the date field of a record). Offsets are
bytes into the article text as intake reads it.`,
		Example: `  sitrep timex article.txt
  sitrep timex notes.txt --date 2022-03-03 --json
  echo "Talks resumed on Monday." | sitrep timex - --date 2022-03-03`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			var ref time.Time
			if date != "" {
				d, err := intake.ParseDate(date)
				if err != nil {
					return fmt.Errorf("--date: %w", err)
				}
				ref = d
			}
			arts, err := readForTimex(cmd.Context(), app, args[0], ref)
			if err != nil {
				return err
			}
			for n, a := range arts {
				d := a.Date
				if !ref.IsZero() {
					d = ref
				}
				exprs := timex.Find(a.Text, d)
				if app.JSON {
					for _, e := range exprs {
						if err := printJSON(app.Stdout, timexRecordOf(a.Doc, e)); err != nil {
							return fmt.Errorf("writing: %w", err)
						}
					}
					continue
				}
				if len(arts) > 1 {
					if n > 0 {
						fmt.Fprintln(app.Stdout)
					}
					fmt.Fprintf(app.Stdout, "%s (%s)\n", a.Doc, d.Format(model.DateLayout))
				}
				if err := writeTimexTable(app.Stdout, exprs); err != nil {
					return fmt.Errorf("writing: %w", err)
				}
			}
			return nil
		},
	}
	cmd.Flags().StringVar(&date, "date", "", "reference date (YYYY-MM-DD), overriding the article's own")
	return cmd
}

// readForTimex reads the articles of path (a file, a folder or "-" for
// standard input) with intake, which knows the seed format's date line and
// refuses undated plain text unless ref is given.
func readForTimex(ctx context.Context, app *App, path string, ref time.Time) ([]*model.Article, error) {
	r := intake.New(intake.Options{Date: ref}, app.Stdin)
	inputs, errs := r.Plan([]string{path})
	if len(errs) > 0 {
		return nil, errs[0]
	}
	var arts []*model.Article
	var readErrs []error
	err := r.Read(ctx, inputs, func(res intake.Result) error {
		switch {
		case res.Err != nil:
			readErrs = append(readErrs, res.Err)
		case res.Article != nil:
			arts = append(arts, res.Article)
		}
		return nil
	}, nil)
	if err != nil {
		return nil, fmt.Errorf("reading %s: %w", path, err)
	}
	if len(arts) == 0 {
		if len(readErrs) > 0 {
			return nil, readErrs[0]
		}
		return nil, fmt.Errorf("%s: no article to read", path)
	}
	// Some inputs of a folder or dump were read: report the others and go on.
	for _, e := range readErrs {
		if app.Log != nil {
			app.Log.Warn("skipped", "err", e)
		}
	}
	return arts, nil
}

func timexRecordOf(doc string, e timex.Expr) timexRecord {
	return timexRecord{
		Doc: doc, Start: e.Span.Start, End: e.Span.End, Text: e.Text, Type: e.Type, Value: e.Value,
		DateStart: timexDay(e.Start), DateEnd: timexDay(e.End), Precision: e.Precision,
		Mod: e.Mod, Signal: e.Signal,
	}
}

func timexDay(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format(model.DateLayout)
}

// writeTimexTable prints one expression a row; line breaks inside an
// expression (wrapped text) are shown as spaces.
func writeTimexTable(w io.Writer, exprs []timex.Expr) error {
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "TEXT\tTYPE\tVALUE\tRANGE")
	for _, e := range exprs {
		rng := timexDay(e.Start)
		if !e.End.Equal(e.Start) {
			rng += ".." + timexDay(e.End)
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", strings.Join(strings.Fields(e.Text), " "), e.Type, e.Value, rng)
	}
	return tw.Flush()
}

func newEvalTimexCmd(app *App) *cobra.Command {
	var mistakes bool
	cmd := &cobra.Command{
		Use:   "timex DIR",
		Short: "Score the time-expression finder against TimeML or MEANTIME gold",
		Long: `Read every TimeML (.tml) and MEANTIME (.xml) document under DIR, find the time
expressions of each with its creation date as reference, and print the
TempEval-3 measures: span precision, recall and F1 matched strictly and
relaxed (overlap), value F1 and type accuracy.`,
		Example: `  sitrep eval timex ../shared/timeml/meantime
  sitrep eval timex gold/ --mistakes
  sitrep eval timex gold/ --json`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			docs, err := eval.LoadTimexGold(args[0])
			if err != nil {
				return err
			}
			s := eval.ScoreTimex(docs, timex.Find)
			if !mistakes {
				s.Mistakes = nil
			}
			if app.JSON {
				return printJSON(app.Stdout, s)
			}
			if _, err := fmt.Fprint(app.Stdout, s.String()); err != nil {
				return fmt.Errorf("writing: %w", err)
			}
			if mistakes {
				fmt.Fprintln(app.Stdout)
				fmt.Fprint(app.Stdout, s.MistakesString())
			}
			return nil
		},
	}
	cmd.Flags().BoolVar(&mistakes, "mistakes", false, "also list every missed, spurious and mismatched expression")
	return cmd
}
