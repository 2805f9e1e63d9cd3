package cli

import (
	"fmt"
	"time"

	"github.com/spf13/cobra"

	"github.com/sitrep-project/sitrep/internal/event"
	"github.com/sitrep-project/sitrep/internal/model"
	"github.com/sitrep-project/sitrep/internal/resolve"
)

func init() { addCommand(newReextractCmd) }

func newReextractCmd(app *App) *cobra.Command {
	var page int
	var wf writerFlags
	cmd := &cobra.Command{
		Use:   "reextract",
		Short: "Re-run extraction over stored articles whose events an older extractor made",
		Long: `Re-run event extraction over every stored article whose events were made by
another extractor version (or never extracted), in pages; each page's old
events are replaced by the new ones in one transaction, so a reader never sees
an article without events, and an interrupted run resumes where it stopped.
It holds the store's writer lock from start to end, waiting up to --wait for
another writer.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx := cmd.Context()
			st, err := app.openStore(ctx)
			if err != nil {
				return err
			}
			defer st.Close()
			release, err := app.lockWriter(ctx, st, cmd, wf)
			if err != nil {
				return err
			}
			defer release()
			x := event.New()
			start := time.Now()
			articles, events := 0, 0
			after := ""
			for {
				arts, err := st.Stale(ctx, event.Version, after, page)
				if err != nil {
					return err
				}
				if len(arts) == 0 {
					break
				}
				batch := make(map[string][]model.Event, len(arts))
				for _, a := range arts {
					evs := x.Extract(a)
					batch[a.ID] = evs
					events += len(evs)
				}
				if err := st.PutEvents(ctx, event.Version, batch); err != nil {
					return fmt.Errorf("after %d articles: %w", articles, err)
				}
				articles += len(arts)
				after = arts[len(arts)-1].ID
				if !app.Quiet && !app.JSON && isTerminal(app.Stdout) {
					fmt.Fprintf(app.Stderr, "%s%d articles re-extracted", clearLine, articles)
				}
			}
			rs, err := resolve.Run(ctx, st)
			if err != nil {
				return fmt.Errorf("resolving re-extracted events: %w", err)
			}
			res := struct {
				Articles  int           `json:"articles"`
				Events    int           `json:"events"`
				Extractor string        `json:"extractor"`
				Resolve   resolve.Stats `json:"resolve"`
				Seconds   float64       `json:"seconds"`
			}{articles, events, event.Version, rs, time.Since(start).Seconds()}
			if app.JSON {
				return printJSON(app.Stdout, res)
			}
			if !app.Quiet {
				fmt.Fprintf(app.Stdout, "%s%s re-extracted with %s: %s in %.1fs\n", clearLineIf(isTerminal(app.Stdout)),
					plural(res.Articles, "article", "articles"), res.Extractor, plural(res.Events, "event", "events"), res.Seconds)
			}
			return nil
		},
	}
	wf.register(cmd)
	cmd.Flags().IntVar(&page, "page", 500, "articles re-extracted per transaction")
	return cmd
}

func clearLineIf(tty bool) string {
	if tty {
		return clearLine
	}
	return ""
}
