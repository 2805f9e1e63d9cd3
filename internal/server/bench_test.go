package server

import (
	"context"
	"net"
	"net/http"
	"os"
	"strconv"
	"testing"
	"time"

	"github.com/sitrep-project/sitrep/internal/bench"
	"github.com/sitrep-project/sitrep/internal/store"
)

// BenchmarkServe measures API search and timeline latency under
// concurrent load on a generated store of $SITREP_BENCH_ARTICLES articles
// (default 20,000; "sitrep bench serve" defaults to 100,000). The store
// is built once and cached under the temporary folder. Each iteration is
// one request; p50 and p95 are reported in milliseconds.
func BenchmarkServe(b *testing.B) {
	ctx := context.Background()
	s := benchStoreServer(b, 20000)
	base := serveBench(b, s)
	const workers = 4
	client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: workers}}
	for _, kind := range []string{"search", "timeline"} {
		b.Run(kind, func(b *testing.B) {
			paths := bench.Queries[kind]
			bench.Load(ctx, client, base, paths, 1, time.Minute, len(paths))
			b.ResetTimer()
			res := bench.Load(ctx, client, base, paths, workers, 10*time.Minute, b.N)
			b.StopTimer()
			if res.Errors > 0 {
				b.Fatalf("%d of %d requests failed", res.Errors, res.Requests)
			}
			b.ReportMetric(res.P50, "p50-ms")
			b.ReportMetric(res.P95, "p95-ms")
			b.ReportMetric(res.PerSecond, "req/s")
		})
	}
}

// serveBench serves s on a free loopback port for the benchmark's life.
func serveBench(b *testing.B, s *Server) string {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		b.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- s.Serve(ctx, ln) }()
	b.Cleanup(func() { cancel(); <-done })
	return "http://" + ln.Addr().String()
}

// benchStoreServer serves the generated bench store of
// $SITREP_BENCH_ARTICLES articles (default n), built once and cached under
// the temporary folder, closing it when the benchmark ends.
func benchStoreServer(b *testing.B, n int) *Server {
	b.Helper()
	if v := os.Getenv("SITREP_BENCH_ARTICLES"); v != "" {
		var err error
		if n, err = strconv.Atoi(v); err != nil || n <= 0 {
			b.Fatalf("SITREP_BENCH_ARTICLES=%q: want a positive number", v)
		}
	}
	ctx := context.Background()
	path, err := bench.BuildStore(ctx, n, false, func(s string) { b.Log(s) })
	if err != nil {
		b.Fatal(err)
	}
	st, err := store.Open(ctx, path)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { st.Close() })
	// Without the response cache: the benchmarks measure what a request
	// costs computed, the aggregates it reads kept or not as each says.
	s, err := New(st, Options{CacheBytes: -1})
	if err != nil {
		b.Fatal(err)
	}
	return s
}
