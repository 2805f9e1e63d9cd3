package cli

import (
	"fmt"
	"os"
	"path/filepath"

	"github.com/spf13/cobra"

	"github.com/sitrep-project/sitrep/internal/eval"
	"github.com/sitrep-project/sitrep/internal/event"
	"github.com/sitrep-project/sitrep/internal/ingest"
	"github.com/sitrep-project/sitrep/internal/intake"
	"github.com/sitrep-project/sitrep/internal/model"
	"github.com/sitrep-project/sitrep/internal/resolve"
	"github.com/sitrep-project/sitrep/internal/store"
)

func init() { addEvalCommand(newEvalMergeCmd) }

func newEvalMergeCmd(app *App) *cobra.Command {
	var in intakeFlags
	var gold string
	var wrong bool
	cmd := &cobra.Command{
		Use:   "merge [PATH...]",
		Short: "Score cross-article merging against pairs of facts that are and are not one event",
		Long: `Ingest PATH (default examples/corpus) into a fresh temporary store, extracting and
merging events across articles, then, for each pair of gold facts in --gold
(default examples/gold/merge.jsonl), find the events that report them and
check whether they were merged into one record. Prints merge precision and
recall over the pairs whose two facts were both extracted.`,
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) == 0 {
				args = []string{"examples/corpus"}
			}
			pairs, err := eval.LoadMergePairs(gold)
			if err != nil {
				return err
			}
			opts, err := in.options()
			if err != nil {
				return err
			}
			ctx := cmd.Context()
			dir, err := os.MkdirTemp("", "sitrep-merge-")
			if err != nil {
				return err
			}
			defer os.RemoveAll(dir)
			st, err := store.Open(ctx, filepath.Join(dir, "merge.db"))
			if err != nil {
				return err
			}
			defer st.Close()
			r := intake.New(opts, app.Stdin)
			inputs, _ := r.Plan(args)
			if _, err := ingest.Run(ctx, r, inputs, st, ingest.Options{Extractor: event.New(), Version: event.Version, Resolve: true}); err != nil {
				return err
			}
			byDoc := map[string][]model.Event{}
			find := func(g eval.GoldFact) (*model.Record, *model.Event) {
				evs, ok := byDoc[g.Doc]
				if !ok {
					evs, _ = st.Events(ctx, store.EventFilter{Doc: g.Doc, Facts: true})
					byDoc[g.Doc] = evs
				}
				i := eval.BestEvent(g, evs)
				if i < 0 {
					return nil, nil
				}
				rec, err := st.Record(ctx, evs[i].ID)
				if err != nil {
					return nil, nil
				}
				return rec, &evs[i]
			}
			record := func(g eval.GoldFact) string {
				if rec, _ := find(g); rec != nil {
					return rec.ID
				}
				return ""
			}
			s := eval.ScoreMerge(pairs, record)
			if app.JSON {
				return printJSON(app.Stdout, s)
			}
			fmt.Fprint(app.Stdout, s.String())
			if wrong {
				for _, p := range s.Wrong {
					why := "merged"
					if p.Same {
						ra, _ := find(p.A)
						_, eb := find(p.B)
						if ra != nil && eb != nil {
							why = "kept apart: " + resolve.Why(ra, eb)
						}
					}
					fmt.Fprintf(app.Stdout, "  same=%v  %s %s %s/%s  |  %s %s/%s  (%s)\n    %s\n", p.Same, p.A.Type, p.A.Actor, p.A.Doc, p.A.Item, p.B.Doc, p.B.Item, p.B.Actor, p.Note, why)
				}
			}
			return nil
		},
	}
	in.register(cmd)
	cmd.Flags().StringVar(&gold, "gold", "examples/gold/merge.jsonl", "merge pairs, one JSON object a line")
	cmd.Flags().BoolVar(&wrong, "wrong", false, "list the pairs decided wrongly")
	return cmd
}
