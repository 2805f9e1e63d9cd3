package cli

import (
	"context"
	"fmt"
	"net"
	"net/http"
	"os"
	"time"

	"github.com/spf13/cobra"

	"github.com/sitrep-project/sitrep/internal/server"
	"github.com/sitrep-project/sitrep/internal/store"
)

func init() { benchSubcommands = append(benchSubcommands, newBenchServeCmd) }

func newBenchServeCmd(app *App) *cobra.Command {
	var n, workers, requests int
	var duration time.Duration
	var rebuild bool
	cmd := &cobra.Command{
		Use:   "serve",
		Short: "Measure API latency (search, timeline) on a generated store under concurrent load",
		Long: `Build a store of --articles generated news articles (extracted and resolved,
cached under the system's temporary folder and reused on the next run), serve
it on a free port of 127.0.0.1, and send it API searches and timeline requests
from --workers goroutines at once, for at most --duration or --requests per
kind. Reports the median (p50), p95 and p99 latency and the requests per
second of each kind. The first run at 100,000 articles spends a few minutes
building the store.`,
		Example: `  sitrep bench serve
  sitrep bench serve --articles 20000 --workers 4 --json`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx := cmd.Context()
			progress := func(s string) {
				if !app.Quiet {
					fmt.Fprintln(app.Stderr, s)
				}
			}
			path, err := server.BuildBenchStore(ctx, n, rebuild, progress)
			if err != nil {
				return err
			}
			st, err := store.Open(ctx, path)
			if err != nil {
				return err
			}
			defer st.Close()
			stats, err := st.Stats(ctx)
			if err != nil {
				return err
			}
			srv, err := server.New(st, server.Options{Log: app.Log})
			if err != nil {
				return err
			}
			ln, err := net.Listen("tcp", "127.0.0.1:0")
			if err != nil {
				return err
			}
			sctx, stop := context.WithCancel(ctx)
			done := make(chan error, 1)
			go func() { done <- srv.Serve(sctx, ln) }()
			defer func() { stop(); <-done }()
			base := "http://" + ln.Addr().String()
			client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: workers}, Timeout: 30 * time.Second}
			var results []server.LoadResult
			for _, kind := range []string{"search", "timeline"} {
				paths := server.BenchQueries[kind]
				// One pass first, so the page cache holds what the
				// queries read and the figures are of a warm server.
				server.Load(ctx, client, base, paths, 1, time.Minute, len(paths))
				res := server.Load(ctx, client, base, paths, workers, duration, requests)
				res.Name = kind
				results = append(results, res)
			}
			info, _ := os.Stat(path)
			var size int64
			if info != nil {
				size = info.Size()
			}
			if app.JSON {
				return printJSON(app.Stdout, map[string]any{"articles": stats.Articles, "events": stats.Events, "store_bytes": size, "results": results})
			}
			fmt.Fprintf(app.Stdout, "store: %d articles, %d events, %.0f MB (%s)\n", stats.Articles, stats.Events, float64(size)/1e6, path)
			t := &table{header: []string{"requests", "workers", "sent", "errors", "req/s", "p50 ms", "p95 ms", "p99 ms", "max ms"}}
			for _, r := range results {
				t.add(r.Name, fmt.Sprint(r.Workers), fmt.Sprint(r.Requests), fmt.Sprint(r.Errors), fmt.Sprintf("%.0f", r.PerSecond),
					fmt.Sprintf("%.1f", r.P50), fmt.Sprintf("%.1f", r.P95), fmt.Sprintf("%.1f", r.P99), fmt.Sprintf("%.1f", r.Max))
			}
			return t.write(app.Stdout, false)
		},
	}
	f := cmd.Flags()
	f.IntVar(&n, "articles", 100000, "articles in the generated store")
	f.IntVar(&workers, "workers", 8, "requests in flight at once")
	f.DurationVar(&duration, "duration", 20*time.Second, "longest time spent on each kind of request")
	f.IntVar(&requests, "requests", 5000, "most requests sent of each kind")
	f.BoolVar(&rebuild, "rebuild", false, "build the store again even if a cached one exists")
	return cmd
}
