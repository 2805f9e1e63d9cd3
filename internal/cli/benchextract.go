package cli

import (
	"github.com/spf13/cobra"

	"github.com/sitrep-project/sitrep/internal/bench"
	"github.com/sitrep-project/sitrep/internal/event"
	"github.com/sitrep-project/sitrep/internal/model"
)

func init() { benchSubcommands = append(benchSubcommands, newBenchExtractCmd) }

func newBenchExtractCmd(app *App) *cobra.Command {
	var in intakeFlags
	cmd := &cobra.Command{
		Use:   "extract PATH...",
		Short: "Read PATH into memory, then time event extraction alone on one core",
		Long: `Read the articles of PATH into memory first, then run event extraction over
them on one goroutine and report articles per second, MB of article text per
second (per core) and allocations per article. Skipped inputs are counted.`,
		Example: `  sitrep bench extract ../shared/bench/reuters21578`,
		Args:    cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			var arts []*model.Article
			var bytes int64
			quiet := *app
			quiet.Stderr = discard{}
			skipped, err := quiet.readArticles(cmd.Context(), in, args, func(a *model.Article) error {
				arts = append(arts, a)
				bytes += int64(len(a.Text))
				return nil
			})
			if err != nil {
				return err
			}
			x := event.New()
			events := 0
			res, err := bench.Measure("extract", func() (int, int, int, int64, error) {
				for _, a := range arts {
					events += len(x.Extract(a))
				}
				return len(arts), len(args), skipped, bytes, nil
			})
			if err != nil {
				return err
			}
			res.Extra = map[string]int{"events": events}
			return printStage(app, res)
		},
	}
	in.register(cmd)
	return cmd
}

// discard swallows writes, for benchmarks that count skipped inputs
// without listing them.
type discard struct{}

// Write drops p.
func (discard) Write(p []byte) (int, error) { return len(p), nil }
