package cli

import (
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"runtime/pprof"

	"github.com/spf13/cobra"

	"github.com/sitrep-project/sitrep/internal/bench"
	"github.com/sitrep-project/sitrep/internal/event"
	"github.com/sitrep-project/sitrep/internal/ingest"
	"github.com/sitrep-project/sitrep/internal/intake"
	"github.com/sitrep-project/sitrep/internal/store"
)

func init() { addCommand(newBenchCmd) }

// benchSubcommands lets each stage's file add its own "sitrep bench X".
var benchSubcommands []func(*App) *cobra.Command

// printStage writes what a stage benchmark measured, as JSON with --json.
func printStage(app *App, r bench.StageResult) error {
	if app.JSON {
		return printJSON(app.Stdout, r)
	}
	fmt.Fprintf(app.Stdout, "%s: %d articles (%d files, %.1f MB, %d skipped) in %.2fs\n",
		r.Stage, r.Articles, r.Files, float64(r.Bytes)/1e6, r.Skipped, r.Seconds)
	fmt.Fprintf(app.Stdout, "  %.0f articles/s, %.2f MB/s of article text, %.0f allocations and %.1f KB allocated per article\n",
		r.ArticlesPerSec, r.MBPerSec, r.AllocsPerArt, r.BytesPerArt/1024)
	return nil
}

func newBenchCmd(app *App) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "bench",
		Short: "Measure the speed of a pipeline stage on a folder of articles",
	}
	cmd.AddCommand(newBenchIngestCmd(app))
	for _, f := range benchSubcommands {
		cmd.AddCommand(f(app))
	}
	return cmd
}

func newBenchIngestCmd(app *App) *cobra.Command {
	var in intakeFlags
	var batch int
	var noExtract bool
	var cpuProfile string
	cmd := &cobra.Command{
		Use:   "ingest PATH...",
		Short: "Ingest PATH into a fresh, temporary SQLite store and report articles/s and MB/s",
		Long: `Ingest PATH into a fresh, temporary SQLite store (removed afterwards, unless
--db is given explicitly), as "sitrep ingest" does: intake, extraction on every
core, the store and resolution. Report articles per second, MB of article text
per second, and allocations per article. --no-extract measures intake and the
store alone. Skipped inputs are counted, not listed.`,
		Example: `  sitrep bench ingest examples/corpus
  sitrep bench ingest --json ../shared/bench/reuters21578`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts, err := in.options()
			if err != nil {
				return err
			}
			ctx := cmd.Context()
			location := app.DB
			if !cmd.Flags().Changed("db") && !cmd.Root().PersistentFlags().Changed("db") {
				dir, err := os.MkdirTemp("", "sitrep-bench-")
				if err != nil {
					return err
				}
				defer os.RemoveAll(dir)
				location = filepath.Join(dir, "bench.db")
			}
			st, err := store.Open(ctx, location)
			if err != nil {
				return err
			}
			defer st.Close()
			r := intake.New(opts, app.Stdin)
			stopProfile, err := startCPUProfile(cpuProfile)
			if err != nil {
				return err
			}
			defer stopProfile()
			res, err := bench.Measure("ingest", func() (int, int, int, int64, error) {
				inputs, planErrs := r.Plan(args)
				opts := ingest.Options{BatchSize: batch, Extractor: event.New(), Version: event.Version, Resolve: true}
				if noExtract {
					opts.Extractor, opts.Resolve = nil, false
				}
				sum, err := ingest.Run(ctx, r, inputs, st, opts)
				return sum.Articles, sum.Files, sum.Skipped + len(planErrs), sum.Bytes, err
			})
			if err != nil {
				return err
			}
			return printStage(app, res)
		},
	}
	in.register(cmd)
	cmd.Flags().IntVar(&batch, "batch", ingest.DefaultBatchSize, "articles committed per transaction")
	cmd.Flags().BoolVar(&noExtract, "no-extract", false, "measure intake and the store alone")
	cmd.Flags().StringVar(&cpuProfile, "cpuprofile", "", "write a CPU profile of the run to this file, for go tool pprof")
	return cmd
}

// startCPUProfile starts a CPU profile written to path, for go tool
// pprof, and returns what stops it; with no path, it does nothing.
func startCPUProfile(path string) (stop func(), err error) {
	if path == "" {
		return func() {}, nil
	}
	f, err := os.Create(path)
	if err != nil {
		return nil, fmt.Errorf("--cpuprofile: %w", err)
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		f.Close()
		return nil, fmt.Errorf("--cpuprofile: %w", err)
	}
	return func() {
		pprof.StopCPUProfile()
		if err := f.Close(); err != nil {
			slog.Error("writing the CPU profile", "path", path, "err", err)
		}
	}, nil
}
