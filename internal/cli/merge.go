package cli

import (
	"fmt"
	"time"

	"github.com/spf13/cobra"

	"github.com/sitrep-project/sitrep/internal/resolve"
	"github.com/sitrep-project/sitrep/internal/store"
)

func init() { addCommand(newMergeCmd) }

// newMergeCmd is "sitrep merge": the merging step of an ingest on its own,
// for events an interrupted run left outside any record. Readers never
// merge (they would be writers), so this is how a store left so is
// completed without ingesting anything.
func newMergeCmd(app *App) *cobra.Command {
	var wf writerFlags
	cmd := &cobra.Command{
		Use:   "merge",
		Short: "Merge stored events that are in no record yet into records",
		Long: `Merge into records the stored events that no record holds yet: those an
interrupted ingest or reextract left behind. An ingest merges its own events
as it goes, so this is only needed after an interruption; read commands say
when it is. It holds the store's writer lock, waiting up to --wait for
another writer.`,
		Example: `  sitrep merge
  sitrep merge --db /data/news.db --wait 10m`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx := cmd.Context()
			start := time.Now()
			var rs resolve.Stats
			err := app.withWriter(ctx, cmd, wf, func(st store.Store) error {
				var err error
				if rs, err = resolve.Run(ctx, st); err != nil {
					return fmt.Errorf("merging events: %w", err)
				}
				return nil
			})
			if err != nil {
				return err
			}
			if app.JSON {
				return printJSON(app.Stdout, struct {
					resolve.Stats
					Seconds float64 `json:"seconds"`
				}{rs, time.Since(start).Seconds()})
			}
			if !app.Quiet {
				fmt.Fprintf(app.Stdout, "merged %s (%d into existing records, %s, %d rebuilt, %d removed) in %.1fs\n",
					plural(rs.Events, "event", "events"), rs.Merged, plural(rs.Created, "new record", "new records"), rs.Rebuilt, rs.Deleted,
					time.Since(start).Seconds())
			}
			return nil
		},
	}
	wf.register(cmd)
	return cmd
}
