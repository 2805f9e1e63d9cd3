package cli

import (
	"fmt"
	"sort"

	"github.com/spf13/cobra"

	"github.com/sitrep-project/sitrep/internal/eval"
	"github.com/sitrep-project/sitrep/internal/event"
	"github.com/sitrep-project/sitrep/internal/model"
)

// evalSubcommands holds the constructors of the "sitrep eval" subcommands,
// one per kind of gold; each scorer's file appends its own from an init
// function with addEvalCommand, as subcommands of the root do.
var evalSubcommands []func(*App) *cobra.Command

func addEvalCommand(f func(*App) *cobra.Command) { evalSubcommands = append(evalSubcommands, f) }

func init() { addCommand(newEvalCmd) }

func newEvalCmd(app *App) *cobra.Command {
	var in intakeFlags
	var gold string
	var missed bool
	cmd := &cobra.Command{
		Use:   "eval --gold FILE.jsonl PATH...",
		Short: "Score sitrep's output against gold annotations",
		Long: `Score extraction against gold facts by the rules of the gold README: events are
flattened into (type, actor, target, item) tuples and paired one to one with
gold facts; precision, recall and F1 per type and overall, slot accuracy, the
share of exact facts, and the missed and spurious facts (--missed lists them).
Subcommands score other things: "eval timex" time expressions, "eval merge"
cross-article merging, "eval syntax" the tagger, lemmatiser and parser.`,
		Example: `  sitrep eval --gold examples/gold/sample.jsonl examples/corpus
  sitrep eval --gold ../shared/gold/dev.jsonl ../shared/corpus/dev --json`,
		RunE: func(cmd *cobra.Command, args []string) error {
			if gold == "" {
				return fmt.Errorf("give --gold FILE.jsonl and the articles to score, or a subcommand (see --help)")
			}
			if len(args) == 0 {
				return fmt.Errorf("give the articles the gold file describes")
			}
			facts, err := eval.LoadGold(gold)
			if err != nil {
				return err
			}
			x := event.New()
			var evs []model.Event
			skipped, err := app.readArticles(cmd.Context(), in, args, func(a *model.Article) error {
				for _, e := range x.Extract(a) {
					if e.IsFact() {
						evs = append(evs, e)
					}
				}
				return nil
			})
			if err != nil {
				return err
			}
			if skipped > 0 {
				fmt.Fprintf(app.Stderr, "%d input(s) skipped\n", skipped)
			}
			s := eval.ScoreEvents(facts, evs)
			if app.JSON {
				return printJSON(app.Stdout, s)
			}
			fmt.Fprint(app.Stdout, s.String())
			if missed {
				writeFactKeys(app, "missed", s.Missed)
				writeFactKeys(app, "spurious", s.Spurious)
				fmt.Fprintln(app.Stdout, "\nwrong slots:")
				for _, w := range s.WrongSlots {
					fmt.Fprintf(app.Stdout, "  %-8s %s %s %s->%s %s  %s\n", w.Slot, w.Doc, w.Type, w.Actor, w.Target, w.Item, w.Note)
				}
			} else {
				fmt.Fprintf(app.Stdout, "%d missed, %d spurious (--missed lists them)\n", len(s.Missed), len(s.Spurious))
			}
			return nil
		},
	}
	in.register(cmd)
	cmd.Flags().StringVar(&gold, "gold", "", "gold facts, one JSON object a line")
	cmd.Flags().BoolVar(&missed, "missed", false, "list the missed and spurious facts and the wrong slots")
	for _, f := range evalSubcommands {
		cmd.AddCommand(f(app))
	}
	return cmd
}

func writeFactKeys(app *App, label string, keys []eval.FactKey) {
	sort.SliceStable(keys, func(i, j int) bool { return keys[i].Doc < keys[j].Doc })
	fmt.Fprintf(app.Stdout, "\n%s (%d):\n", label, len(keys))
	for _, k := range keys {
		fmt.Fprintf(app.Stdout, "  %s %s %s->%s %s  %s\n", k.Doc, k.Type, k.Actor, k.Target, k.Item, k.Note)
	}
}
