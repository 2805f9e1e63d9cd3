package cli

import (
	"context"
	"fmt"
	"net"
	"net/http"
	"os"
	"sort"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/sitrep-project/sitrep/internal/bench"
	"github.com/sitrep-project/sitrep/internal/server"
	"github.com/sitrep-project/sitrep/internal/store"
)

func init() { benchSubcommands = append(benchSubcommands, newBenchServeCmd) }

func newBenchServeCmd(app *App) *cobra.Command {
	var n, workers, requests, cacheMB, memMB int
	var connections []int
	var duration time.Duration
	var rebuild bool
	var cpuProfile string
	cmd := &cobra.Command{
		Use:   "serve",
		Short: "Measure the server's latency and memory on a generated store under concurrent load",
		Long: `Build a store of --articles generated news articles (extracted and resolved,
cached under the system's temporary folder and reused on the next run), serve
it on a free port of 127.0.0.1, and send it a mix of 19 requests (every page
and its API form: search, timeline, events, one event, one article, the
ledger, figures, an actor) from each number of connections of --connections
in turn, for at most --duration or --requests per level.

For each level it reports the requests per second, the median (p50), p95 and
p99 latency, the failed requests by status ("transport" for those that got
no answer) and the peak resident memory of the process (server and load
generator together): VmHWM from /proc/self/status, started over before each
level, or the Go runtime's Sys where /proc is missing; the output says which.
--json adds the latency of each path. The first run at 100,000 articles
spends a few minutes building the store.

The server keeps whole answers while the store is unchanged (--cache-size);
the warm-up pass computes each path once, so the levels measure a read-mostly
server. --cache-size 0 measures every request computed.`,
		Example: `  sitrep bench serve
  sitrep bench serve --articles 20000 --connections 1,32 --duration 10s --json`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			f := cmd.Flags()
			// --workers, the older flag, is one level of connections.
			if f.Changed("workers") && !f.Changed("connections") {
				connections = []int{workers}
			}
			for _, c := range connections {
				if c <= 0 {
					return fmt.Errorf("--connections: want numbers above 0, got %d", c)
				}
			}
			ctx := cmd.Context()
			progress := func(s string) {
				if !app.Quiet {
					fmt.Fprintln(app.Stderr, s)
				}
			}
			path, err := bench.BuildStore(ctx, n, rebuild, progress)
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
			paths, err := bench.Paths(ctx, st)
			if err != nil {
				return err
			}
			memLimit := setMemoryLimit(memMB)
			srv, err := server.New(st, server.Options{Log: app.Log, CacheBytes: cacheBytes(cacheMB)})
			if err != nil {
				return err
			}
			ln, err := net.Listen("tcp", "127.0.0.1:0")
			if err != nil {
				return fmt.Errorf("listening for the bench: %w", err)
			}
			sctx, stop := context.WithCancel(ctx)
			done := make(chan error, 1)
			go func() { done <- srv.Serve(sctx, ln) }()
			defer func() { stop(); <-done }()
			base := "http://" + ln.Addr().String()
			most := 0
			for _, c := range connections {
				most = max(most, c)
			}
			client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: most}, Timeout: 30 * time.Second}
			// The aggregates the server computes as it starts first, then
			// one pass, so the page cache holds what the requests read and
			// the figures are of a warm server.
			progress("waiting for the server to compute its aggregates")
			select {
			case <-srv.Warmed():
			case <-ctx.Done():
				return ctx.Err()
			}
			bench.Load(ctx, client, base, paths, 1, time.Minute, len(paths))
			stopProfile, err := startCPUProfile(cpuProfile)
			if err != nil {
				return err
			}
			defer stopProfile()
			var results []bench.LoadResult
			memSource := ""
			reset := true
			for _, c := range connections {
				reset = bench.ResetPeakMemory() && reset
				progress(fmt.Sprintf("%d connections for up to %s or %d requests", c, duration, requests))
				res := bench.Load(ctx, client, base, paths, c, duration, requests)
				res.Name = fmt.Sprintf("%d connections", c)
				res.PeakRSS, memSource = bench.PeakMemory()
				for i := range res.Paths {
					res.Paths[i].Path = bench.Mix[i].Kind + ": " + res.Paths[i].Path
				}
				results = append(results, res)
				if err := ctx.Err(); err != nil {
					return err
				}
			}
			memNote := memSource
			switch {
			case memSource == bench.MemVmHWM && reset:
				memNote += ", started over before each level"
			case memSource == bench.MemVmHWM:
				memNote += ", since the process started (it could not be started over)"
			}
			info, _ := os.Stat(path)
			var size int64
			if info != nil {
				size = info.Size()
			}
			cs := srv.CacheStats()
			cacheNote := "off"
			if cacheMB > 0 {
				cacheNote = fmt.Sprintf("%d MiB, %d answers kept (%.1f MB), %d hits, %d computed", cacheMB, cs.Entries, float64(cs.Bytes)/1e6, cs.Hits, cs.Misses)
			}
			if app.JSON {
				return printJSON(app.Stdout, map[string]any{"articles": stats.Articles, "events": stats.Events, "store_bytes": size,
					"paths": len(paths), "memory": memNote, "memory_limit": memLimit, "cache": map[string]any{"mib": max(cacheMB, 0), "hits": cs.Hits, "computed": cs.Misses,
						"entries": cs.Entries, "bytes": cs.Bytes}, "results": results})
			}
			fmt.Fprintf(app.Stdout, "store: %d articles, %d events, %.0f MB (%s)\n", stats.Articles, stats.Events, float64(size)/1e6, path)
			fmt.Fprintf(app.Stdout, "mix: %d paths in turn; peak memory: %s\n", len(paths), memNote)
			fmt.Fprintf(app.Stdout, "response cache: %s; memory limit: %s\n", cacheNote, memLimit)
			t := &table{header: []string{"connections", "sent", "req/s", "p50 ms", "p95 ms", "p99 ms", "max ms", "errors", "peak MB"}}
			for _, r := range results {
				t.add(fmt.Sprint(r.Workers), fmt.Sprint(r.Requests), fmt.Sprintf("%.0f", r.PerSecond),
					fmt.Sprintf("%.1f", r.P50), fmt.Sprintf("%.1f", r.P95), fmt.Sprintf("%.1f", r.P99), fmt.Sprintf("%.1f", r.Max),
					errorText(r), fmt.Sprintf("%.0f", float64(r.PeakRSS)/(1<<20)))
			}
			if err := t.write(app.Stdout, false); err != nil {
				return err
			}
			// Then each path's median and p99 at each level, to tell which
			// requests make the tail.
			fmt.Fprintln(app.Stdout)
			pt := &table{header: []string{"p50 / p99 ms at"}}
			for _, r := range results {
				pt.header = append(pt.header, fmt.Sprint(r.Workers))
			}
			for i, m := range bench.Mix {
				row := []string{m.Kind}
				for _, r := range results {
					p := r.Paths[i]
					row = append(row, fmt.Sprintf("%.1f / %.1f", p.P50, p.P99))
				}
				pt.add(row...)
			}
			return pt.write(app.Stdout, false)
		},
	}
	f := cmd.Flags()
	f.IntVar(&n, "articles", 100000, "articles in the generated store")
	f.IntSliceVar(&connections, "connections", []int{1, 8, 32, 128}, "connections sending requests at once, one level after another")
	f.IntVar(&workers, "workers", 8, "one level of connections (the same as --connections N)")
	f.DurationVar(&duration, "duration", 20*time.Second, "longest time spent on each level")
	f.IntVar(&requests, "requests", 5000, "most requests sent at each level")
	f.StringVar(&cpuProfile, "cpuprofile", "", "write a CPU profile of the levels (server and load together) to this file, for go tool pprof")
	f.BoolVar(&rebuild, "rebuild", false, "build the store again even if a cached one exists")
	f.IntVar(&memMB, "memory-limit", defaultMemoryMiB, "MiB of memory the server aims to stay under, as \"sitrep serve\" sets it (0: none)")
	f.IntVar(&cacheMB, "cache-size", server.DefaultCacheBytes>>20, "MiB of answers the server keeps while the store is unchanged (0: none, to measure what each request costs computed)")
	return cmd
}

// errorText writes a level's failed requests by status: "0", or
// "12 (503: 11, transport: 1)".
func errorText(r bench.LoadResult) string {
	if r.Errors == 0 {
		return "0"
	}
	codes := make([]string, 0, len(r.ErrorsBy))
	for c := range r.ErrorsBy {
		codes = append(codes, c)
	}
	sort.Strings(codes)
	parts := make([]string, len(codes))
	for i, c := range codes {
		parts[i] = fmt.Sprintf("%s: %d", c, r.ErrorsBy[c])
	}
	return fmt.Sprintf("%d (%s)", r.Errors, strings.Join(parts, ", "))
}
