package cli

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"time"

	"github.com/spf13/cobra"

	"github.com/sitrep-project/sitrep/internal/bench"
	"github.com/sitrep-project/sitrep/internal/event"
	"github.com/sitrep-project/sitrep/internal/ingest"
	"github.com/sitrep-project/sitrep/internal/model"
	"github.com/sitrep-project/sitrep/internal/resolve"
	"github.com/sitrep-project/sitrep/internal/store"
	"github.com/sitrep-project/sitrep/internal/synth"
)

func init() { benchSubcommands = append(benchSubcommands, newBenchResolveCmd) }

func newBenchResolveCmd(app *App) *cobra.Command {
	var n, adds, perDay int
	var inOrder bool
	var cpuProfile, keep string
	cmd := &cobra.Command{
		Use:   "resolve",
		Short: "Measure merging events across articles on a generated store",
		Long: `Generate --articles synthetic news articles, extract and store them, then time
resolution of all their events into records (events merged per second), and
then the cost of adding one more article (store, extract and resolve) to a
store of that size, over --adds articles added one at a time: half of them
news of the store's last days, as a live feed brings, half dated on any of
its days, as when an archive is filled in. The additions share the merger
of the run, as a server or watcher keeps one, so records read for one
article serve the next.

Merging compares each event with the records filed on the days around it, so
its cost depends on how many articles fall on one day. By default the articles are
dated at random over the 330 days from 1 February 2022, about --articles/330 a
day: 30 a day at 10,000 articles, 303 at 100,000. --per-day N spreads them over
--articles/N days instead, so that about N fall on each day whatever the
store's size (real coverage of one war runs at about 30 to 300 a day). The
articles come in no order of date, as when an archive is filled in; --in-order
dates them in order, as a feed delivers them.`,
		Example: `  sitrep bench resolve --articles 100000
  sitrep bench resolve --articles 10000 --per-day 100`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if perDay < 0 {
				return fmt.Errorf("--per-day: want 0 or more, got %d", perDay)
			}
			days := synth.Span
			if perDay > 0 {
				days = synth.DaysFor(n, perDay)
			}
			ctx := cmd.Context()
			progress := func(format string, a ...any) {
				if !app.Quiet {
					fmt.Fprintf(app.Stderr, format+"\n", a...)
				}
			}
			dir, err := os.MkdirTemp("", "sitrep-bench-resolve-")
			if err != nil {
				return err
			}
			defer os.RemoveAll(dir)
			path := filepath.Join(dir, "bench.db")
			if keep != "" {
				// A log left beside the path would be read into the
				// new store.
				for _, p := range []string{keep, keep + "-wal"} {
					if _, err := os.Stat(p); err == nil {
						return fmt.Errorf("--keep %s: %s exists; give a new path", keep, p)
					}
				}
				path = keep
			}
			st, err := store.Open(ctx, path)
			if err != nil {
				return err
			}
			defer st.Close()
			// The added articles fall within the store's days, as news
			// of the same period would.
			// Articles are generated a chunk at a time, so that memory
			// holds what is being stored, not the million.
			gen := synth.NewGenerator(1, days)
			opts := ingest.Options{Extractor: event.New(), Version: event.Version, BatchSize: 1000}
			stopProfile, err := startCPUProfile(cpuProfile)
			if err != nil {
				return err
			}
			defer stopProfile()
			t0 := time.Now()
			var sum ingest.Summary
			const chunk = 20000
			for done := 0; done < n; {
				part := make([]*model.Article, 0, min(chunk, n-done))
				for len(part) < cap(part) {
					if inOrder {
						part = append(part, gen.NextOn((done+len(part))*days/n))
					} else {
						part = append(part, gen.Next())
					}
				}
				s, err := ingest.Articles(ctx, st, part, opts)
				if err != nil {
					return err
				}
				sum.Stored += s.Stored
				done += len(part)
				progress("stored %d of %d articles", done, n)
			}
			extractSecs := time.Since(t0).Seconds()
			t1 := time.Now()
			// One resolver for the run and the additions after it, as a
			// server or a watcher keeps one: the records near the news
			// stay read from one article to the next.
			rv := resolve.New(st)
			rs, err := rv.Run(ctx)
			if err != nil {
				return err
			}
			resolveSecs := time.Since(t1).Seconds()
			opts.Resolve = true
			opts.Resolver = rv
			opts.BatchSize = 1
			// Half the additions are news of the store's last days, as a
			// live feed brings; half fall on any day of the store, as
			// when an archive is filled in.
			addOne := func(a *model.Article) (time.Duration, error) {
				t := time.Now()
				_, err := ingest.Articles(ctx, st, []*model.Article{a}, opts)
				return time.Since(t), err
			}
			var latest, backfill []time.Duration
			for i := range adds {
				a := gen.Next()
				if i%2 == 0 {
					a = gen.NextOn(days - 1 - i%3)
				}
				d, err := addOne(a)
				if err != nil {
					return err
				}
				if i%2 == 0 {
					latest = append(latest, d)
				} else {
					backfill = append(backfill, d)
				}
			}
			one := append(append([]time.Duration{}, latest...), backfill...)
			peak, _ := bench.PeakMemory()
			// Closing the store folds its log into the file: the size is
			// then what the store holds.
			if err := st.Close(); err != nil {
				return err
			}
			size := fileSizes(path, path+"-wal")
			res := struct {
				Articles        int     `json:"articles"`
				InOrder         bool    `json:"in_order"`
				Days            int     `json:"days"`
				ArticlesPerDay  float64 `json:"articles_per_day"`
				Events          int     `json:"events"`
				Records         int     `json:"records"`
				Merged          int     `json:"merged"`
				StoreSeconds    float64 `json:"extract_and_store_seconds"`
				ResolveSeconds  float64 `json:"resolve_seconds"`
				EventsPerSecond float64 `json:"events_merged_per_second"`
				// The cost of each article, in milliseconds of the run's
				// time: what grows with the store, or does not.
				StoreMSPerArticle   float64 `json:"extract_and_store_ms_per_article"`
				ResolveMSPerArticle float64 `json:"resolve_ms_per_article"`
				AddOneMedianMS      float64 `json:"add_one_article_median_ms"`
				AddOneP95MS         float64 `json:"add_one_article_p95_ms"`
				LatestMedianMS      float64 `json:"add_latest_median_ms"`
				LatestP95MS         float64 `json:"add_latest_p95_ms"`
				BackfillMedianMS    float64 `json:"add_backfill_median_ms"`
				BackfillP95MS       float64 `json:"add_backfill_p95_ms"`
				ArticlesPerSecEx    float64 `json:"extract_and_store_articles_per_second"`
				StoreBytes          int64   `json:"store_bytes"`
				StorePer1000        float64 `json:"store_bytes_per_1000_articles"`
				PeakMemoryBytes     int64   `json:"peak_memory_bytes"`
			}{
				Articles: sum.Stored, InOrder: inOrder, Days: days, ArticlesPerDay: float64(n) / float64(days),
				Events: rs.Events, Records: rs.Created, Merged: rs.Merged,
				StoreSeconds: extractSecs, ResolveSeconds: resolveSecs,
				EventsPerSecond:     float64(rs.Events) / resolveSecs,
				StoreMSPerArticle:   extractSecs * 1000 / float64(max(1, n)),
				ResolveMSPerArticle: resolveSecs * 1000 / float64(max(1, n)),
				ArticlesPerSecEx:    float64(sum.Stored) / extractSecs,
				StoreBytes:          size, StorePer1000: float64(size) / float64(max(1, n+len(one))) * 1000,
				PeakMemoryBytes: peak,
			}
			res.AddOneMedianMS, res.AddOneP95MS = quantilesMS(one)
			res.LatestMedianMS, res.LatestP95MS = quantilesMS(latest)
			res.BackfillMedianMS, res.BackfillP95MS = quantilesMS(backfill)
			if app.JSON {
				return printJSON(app.Stdout, res)
			}
			fmt.Fprintf(app.Stdout, "%d articles extracted and stored in %.1fs (%.0f articles/s)\n", res.Articles, res.StoreSeconds, res.ArticlesPerSecEx)
			fmt.Fprintf(app.Stdout, "%d events resolved into %d records (%d merged) in %.1fs: %.0f events/s\n", res.Events, res.Records, res.Merged, res.ResolveSeconds, res.EventsPerSecond)
			fmt.Fprintf(app.Stdout, "per article: %.2f ms to extract and store, %.2f ms to merge\n", res.StoreMSPerArticle, res.ResolveMSPerArticle)
			fmt.Fprintf(app.Stdout, "adding one article to that store: median %.1f ms, p95 %.1f ms (%d additions)\n", res.AddOneMedianMS, res.AddOneP95MS, len(one))
			fmt.Fprintf(app.Stdout, "  news of the store's last days: median %.1f ms, p95 %.1f ms; of any day: median %.1f ms, p95 %.1f ms\n",
				res.LatestMedianMS, res.LatestP95MS, res.BackfillMedianMS, res.BackfillP95MS)
			fmt.Fprintf(app.Stdout, "store %.1f MB (%.1f MB per 1,000 articles), peak memory %.0f MB\n",
				float64(res.StoreBytes)/1e6, res.StorePer1000/1e6, float64(res.PeakMemoryBytes)/(1<<20))
			return nil
		},
	}
	cmd.Flags().IntVar(&n, "articles", 10000, "articles in the generated store")
	cmd.Flags().IntVar(&adds, "adds", 50, "articles then added one at a time")
	cmd.Flags().BoolVar(&inOrder, "in-order", false, "date the articles in order, as a feed delivers them, rather than at random over the days")
	cmd.Flags().StringVar(&keep, "keep", "", "build the store at this new path and keep it, to inspect or query afterwards")
	cmd.Flags().StringVar(&cpuProfile, "cpuprofile", "", "write a CPU profile of the whole run to this file, for go tool pprof")
	cmd.Flags().IntVar(&perDay, "per-day", 0, "spread the articles so that about this many fall on each day (0: over 330 days, --articles/330 a day)")
	return cmd
}

// quantilesMS returns the median and 95th percentile of durations, in
// milliseconds (0 for none).
func quantilesMS(ds []time.Duration) (median, p95 float64) {
	if len(ds) == 0 {
		return 0, 0
	}
	s := slices.Clone(ds)
	slices.Sort(s)
	return float64(s[len(s)/2].Microseconds()) / 1000, float64(s[len(s)*95/100].Microseconds()) / 1000
}

// fileSizes sums the sizes of the files that exist among paths.
func fileSizes(paths ...string) int64 {
	var n int64
	for _, p := range paths {
		if info, err := os.Stat(p); err == nil {
			n += info.Size()
		}
	}
	return n
}
