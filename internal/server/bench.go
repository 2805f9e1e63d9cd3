package server

import (
	"context"
	"fmt"
	"io"
	"math"
	"net/http"
	"os"
	"path/filepath"
	"sort"
	"sync"
	"sync/atomic"
	"time"

	"github.com/sitrep-project/sitrep/internal/event"
	"github.com/sitrep-project/sitrep/internal/ingest"
	"github.com/sitrep-project/sitrep/internal/resolve"
	"github.com/sitrep-project/sitrep/internal/store"
	"github.com/sitrep-project/sitrep/internal/synth"
)

// The server benchmark measures request latency on a large store under
// concurrent load. Building a store of 100,000 generated articles through
// the whole pipeline takes minutes, so the store is kept under the system's
// temporary folder, named by the generator's seed, the article count and
// the extractor version, and reused until one of them changes.

// benchStoreVersion changes when the way the bench store is built changes.
const benchStoreVersion = "1"

// BenchStorePath is where the bench store of n articles is cached.
func BenchStorePath(n int) string {
	name := fmt.Sprintf("sitrep-bench-serve-v%s-%s-%d.db", benchStoreVersion, sanitize(event.Version), n)
	return filepath.Join(os.TempDir(), name)
}

func sanitize(s string) string {
	out := []byte(s)
	for i, c := range out {
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '.') {
			out[i] = '_'
		}
	}
	return string(out)
}

// BuildBenchStore returns the cached bench store of n generated articles,
// building it first (ingest with extraction, then resolution) when it is
// missing or rebuild is set. progress, when set, hears what is happening.
func BuildBenchStore(ctx context.Context, n int, rebuild bool, progress func(string)) (string, error) {
	say := func(format string, args ...any) {
		if progress != nil {
			progress(fmt.Sprintf(format, args...))
		}
	}
	path := BenchStorePath(n)
	if !rebuild {
		if _, err := os.Stat(path + ".done"); err == nil {
			if err := probe(ctx, path); err == nil {
				say("reusing %s", path)
				return path, nil
			}
			say("the cached store does not open with this version of sitrep; building it again")
		}
	}
	for _, p := range []string{path, path + "-wal", path + "-shm", path + ".done"} {
		if err := os.Remove(p); err != nil && !os.IsNotExist(err) {
			return "", fmt.Errorf("clearing the old bench store: %w", err)
		}
	}
	st, err := store.Open(ctx, path)
	if err != nil {
		return "", err
	}
	defer st.Close()
	start := time.Now()
	say("generating %d articles into %s", n, path)
	arts := synth.Articles(n, 1)
	const chunk = 10000
	for i := 0; i < len(arts); i += chunk {
		part := arts[i:min(i+chunk, len(arts))]
		if _, err := ingest.Articles(ctx, st, part, ingest.Options{Extractor: event.New(), Version: event.Version, BatchSize: 1000}); err != nil {
			return "", fmt.Errorf("ingesting the bench articles: %w", err)
		}
		say("stored %d of %d articles (%.0fs)", i+len(part), n, time.Since(start).Seconds())
	}
	rs, err := resolve.Run(ctx, st)
	if err != nil {
		return "", fmt.Errorf("resolving the bench events: %w", err)
	}
	say("resolved %d events into %d records (%.0fs)", rs.Events, rs.Created, time.Since(start).Seconds())
	if err := os.WriteFile(path+".done", []byte(time.Now().UTC().Format(time.RFC3339)+"\n"), 0o644); err != nil {
		return "", err
	}
	return path, nil
}

// probe checks that a cached store answers the benchmark's kinds of
// query with this build (its schema may be older).
func probe(ctx context.Context, path string) error {
	st, err := store.Open(ctx, path)
	if err != nil {
		return err
	}
	defer st.Close()
	if _, err := st.Records(ctx, store.RecordFilter{Limit: 1}); err != nil {
		return err
	}
	_, err = st.Search(ctx, store.SearchQuery{Text: "ukraine", Limit: 1})
	return err
}

// BenchQueries are the requests of the benchmark, by kind: searches of
// words the generated articles use, and timeline pages with and without
// filters.
var BenchQueries = map[string][]string{
	"search": {
		"/api/v1/articles?q=javelin",
		"/api/v1/articles?q=stinger+missiles",
		"/api/v1/articles?q=kharkiv",
		"/api/v1/articles?q=%22humanitarian+aid%22",
		"/api/v1/articles?q=mariupol+OR+odesa",
		"/api/v1/articles?q=sanctions+-norway",
		"/api/v1/articles?q=drones&from=2022-06-01&to=2022-08-31",
		"/api/v1/articles?q=helmets&outlet=Harbourline+Times",
		"/api/v1/articles?q=refugee&offset=40",
		"/api/v1/articles?q=howitzers&limit=50",
	},
	"timeline": {
		"/api/v1/timeline",
		"/api/v1/timeline?type=aid",
		"/api/v1/timeline?actor=DEU",
		"/api/v1/timeline?type=casualties&from=2022-06-01",
		"/api/v1/timeline?from=2022-09-01&to=2022-09-30",
		"/api/v1/timeline?place=Kharkiv",
		"/api/v1/timeline?type=visit&offset=500",
		"/api/v1/timeline?type=aid&actor=POL&limit=50",
	},
}

// LoadResult is what a load run measured; latencies are in milliseconds.
type LoadResult struct {
	Name      string  `json:"name"`
	Workers   int     `json:"workers"`
	Requests  int     `json:"requests"`
	Errors    int     `json:"errors"`
	Seconds   float64 `json:"seconds"`
	PerSecond float64 `json:"requests_per_second"`
	P50       float64 `json:"p50_ms"`
	P95       float64 `json:"p95_ms"`
	P99       float64 `json:"p99_ms"`
	Max       float64 `json:"max_ms"`
}

// Load sends GET requests for paths (in turn) to base from workers
// goroutines until d has passed or max requests were sent, whichever
// comes first, and reports the latency of each. Only loopback addresses
// should ever be given as base: this is a load generator.
func Load(ctx context.Context, client *http.Client, base string, paths []string, workers int, d time.Duration, max int) LoadResult {
	ctx, cancel := context.WithTimeout(ctx, d)
	defer cancel()
	var next atomic.Int64
	var mu sync.Mutex
	var lat []time.Duration
	errs := 0
	start := time.Now()
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var mine []time.Duration
			bad := 0
			for ctx.Err() == nil {
				i := next.Add(1) - 1
				if int(i) >= max {
					break
				}
				t := time.Now()
				ok := fetch(ctx, client, base+paths[int(i)%len(paths)])
				if ctx.Err() != nil {
					break // cut off by the time limit: not a measurement
				}
				mine = append(mine, time.Since(t))
				if !ok {
					bad++
				}
			}
			mu.Lock()
			lat = append(lat, mine...)
			errs += bad
			mu.Unlock()
		}()
	}
	wg.Wait()
	res := LoadResult{Workers: workers, Requests: len(lat), Errors: errs, Seconds: time.Since(start).Seconds()}
	if res.Seconds > 0 {
		res.PerSecond = float64(res.Requests) / res.Seconds
	}
	sort.Slice(lat, func(i, j int) bool { return lat[i] < lat[j] })
	res.P50, res.P95, res.P99 = quantile(lat, 0.50), quantile(lat, 0.95), quantile(lat, 0.99)
	if len(lat) > 0 {
		res.Max = ms(lat[len(lat)-1])
	}
	return res
}

func fetch(ctx context.Context, client *http.Client, url string) bool {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return false
	}
	resp, err := client.Do(req)
	if err != nil {
		return false
	}
	defer resp.Body.Close()
	_, err = io.Copy(io.Discard, resp.Body)
	return err == nil && resp.StatusCode == http.StatusOK
}

// quantile is the nearest-rank quantile of sorted latencies, in ms.
func quantile(sorted []time.Duration, q float64) float64 {
	if len(sorted) == 0 {
		return 0
	}
	i := int(math.Ceil(q*float64(len(sorted)))) - 1
	return ms(sorted[max(0, min(i, len(sorted)-1))])
}

func ms(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }
