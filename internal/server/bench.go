package server

import (
	"context"
	"errors"
	"fmt"
	"io"
	"math"
	"net/http"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strconv"
	"strings"
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

// BenchMix is the request mix of "sitrep bench serve": every page and
// its API form, with and without filters, in one table. {event} and
// {article} stand for a record and an article of the store, which
// BenchPaths fills in.
var BenchMix = []struct{ Kind, Path string }{
	{"search page", "/search?q=javelin"},
	{"search page, filtered", "/search?q=%22humanitarian+aid%22&from=2022-06-01&to=2022-08-31"},
	{"timeline page", "/timeline"},
	{"timeline page, filtered", "/timeline?type=aid&actor=DEU"},
	{"event page", "/events/{event}"},
	{"article page", "/articles/{article}"},
	{"ledger page", "/ledger"},
	{"figures page", "/figures"},
	{"actor page", "/actors/USA"},
	{"search API", "/api/v1/articles?q=javelin"},
	{"search API, filtered", "/api/v1/articles?q=mariupol+OR+odesa&limit=50"},
	{"timeline API", "/api/v1/timeline"},
	{"timeline API, filtered", "/api/v1/timeline?type=casualties&from=2022-06-01"},
	{"events API", "/api/v1/events?type=aid&actor=POL"},
	{"event API", "/api/v1/events/{event}"},
	{"article API", "/api/v1/articles/{article}"},
	{"ledger API", "/api/v1/ledger"},
	{"figures API", "/api/v1/figures"},
	{"actor API", "/api/v1/actors/USA"},
}

// BenchPaths returns BenchMix's paths with {event} and {article} filled
// from the store: its first record and the first article reporting it.
func BenchPaths(ctx context.Context, st store.Store) ([]string, error) {
	recs, err := st.Records(ctx, store.RecordFilter{Limit: 1})
	if err != nil {
		return nil, fmt.Errorf("finding a record for the bench: %w", err)
	}
	if len(recs) == 0 || len(recs[0].Mentions) == 0 {
		return nil, errors.New("the bench store holds no record")
	}
	r := strings.NewReplacer("{event}", recs[0].ID, "{article}", recs[0].Mentions[0].Article)
	out := make([]string, len(BenchMix))
	for i, m := range BenchMix {
		out[i] = r.Replace(m.Path)
	}
	return out, nil
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
	// ErrorsBy counts the failed requests by status code ("503"), or
	// "transport" for those that got no answer.
	ErrorsBy map[string]int `json:"errors_by,omitempty"`
	// Paths has the latency of each path of the run.
	Paths []PathResult `json:"paths,omitempty"`
	// PeakRSS is the process's peak resident memory in bytes during the
	// run, where the caller measured it (see PeakMemory).
	PeakRSS int64 `json:"peak_rss_bytes,omitempty"`
}

// PathResult is the latency of one path of a load run, in milliseconds.
type PathResult struct {
	Path     string  `json:"path"`
	Requests int     `json:"requests"`
	Errors   int     `json:"errors"`
	P50      float64 `json:"p50_ms"`
	P95      float64 `json:"p95_ms"`
	P99      float64 `json:"p99_ms"`
}

// Load sends GET requests for paths (in turn) to base from workers
// goroutines until d has passed or max requests were sent, whichever
// comes first, and reports the latency of each. Requests in flight when d
// passes are waited for and counted: cutting them off would leave out
// the slowest ones, which matter most under load. Only loopback
// addresses should ever be given as base: this is a load generator.
func Load(ctx context.Context, client *http.Client, base string, paths []string, workers int, d time.Duration, max int) LoadResult {
	sending, cancel := context.WithTimeout(ctx, d)
	defer cancel()
	var next atomic.Int64
	var mu sync.Mutex
	lat := make([][]time.Duration, len(paths))
	fails := make([]int, len(paths))
	errsBy := map[string]int{}
	start := time.Now()
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			mine := make([][]time.Duration, len(paths))
			bad := make([]int, len(paths))
			by := map[string]int{}
			for sending.Err() == nil {
				i := next.Add(1) - 1
				if int(i) >= max {
					break
				}
				k := int(i) % len(paths)
				t := time.Now()
				status := fetch(ctx, client, base+paths[k])
				if ctx.Err() != nil {
					break // the caller gave up: not a measurement
				}
				mine[k] = append(mine[k], time.Since(t))
				switch {
				case status == 0:
					bad[k]++
					by["transport"]++
				case status/100 != 2:
					bad[k]++
					by[strconv.Itoa(status)]++
				}
			}
			mu.Lock()
			for k := range paths {
				lat[k] = append(lat[k], mine[k]...)
				fails[k] += bad[k]
			}
			for code, n := range by {
				errsBy[code] += n
			}
			mu.Unlock()
		}()
	}
	wg.Wait()
	res := LoadResult{Workers: workers, Seconds: time.Since(start).Seconds()}
	var all []time.Duration
	for k, p := range paths {
		l := lat[k]
		sort.Slice(l, func(i, j int) bool { return l[i] < l[j] })
		all = append(all, l...)
		res.Errors += fails[k]
		res.Paths = append(res.Paths, PathResult{Path: p, Requests: len(l), Errors: fails[k],
			P50: quantile(l, 0.50), P95: quantile(l, 0.95), P99: quantile(l, 0.99)})
	}
	res.Requests = len(all)
	if len(errsBy) > 0 {
		res.ErrorsBy = errsBy
	}
	if res.Seconds > 0 {
		res.PerSecond = float64(res.Requests) / res.Seconds
	}
	sort.Slice(all, func(i, j int) bool { return all[i] < all[j] })
	res.P50, res.P95, res.P99 = quantile(all, 0.50), quantile(all, 0.95), quantile(all, 0.99)
	if len(all) > 0 {
		res.Max = ms(all[len(all)-1])
	}
	return res
}

// fetch sends one GET and reads the whole answer; it returns the status,
// or 0 when no complete answer came.
func fetch(ctx context.Context, client *http.Client, url string) int {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return 0
	}
	resp, err := client.Do(req)
	if err != nil {
		return 0
	}
	defer resp.Body.Close()
	if _, err := io.Copy(io.Discard, resp.Body); err != nil {
		return 0
	}
	return resp.StatusCode
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

// Where PeakMemory read its figure from.
const (
	// MemVmHWM is the kernel's peak resident set size of the process
	// (VmHWM in /proc/self/status): every page the process touched and
	// held at once, heap, stacks, SQLite's caches and mapped file pages
	// alike.
	MemVmHWM = "VmHWM"
	// MemGoSys is the Go runtime's MemStats.Sys, where /proc is missing:
	// the memory the runtime obtained from the system, which leaves out
	// what SQLite maps, so it reads lower than resident memory.
	MemGoSys = "Go runtime Sys"
)

// PeakMemory returns the process's peak memory in bytes and which measure
// it is (MemVmHWM, or MemGoSys where /proc/self/status cannot be read).
func PeakMemory() (int64, string) {
	if data, err := os.ReadFile("/proc/self/status"); err == nil {
		for line := range strings.SplitSeq(string(data), "\n") {
			if v, ok := strings.CutPrefix(line, "VmHWM:"); ok {
				f := strings.Fields(v)
				if len(f) == 2 && f[1] == "kB" {
					if kb, err := strconv.ParseInt(f[0], 10, 64); err == nil {
						return kb << 10, MemVmHWM
					}
				}
			}
		}
	}
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return int64(m.Sys), MemGoSys
}

// ResetPeakMemory starts the peak resident set size of the process over
// from what it holds now (writing 5 to /proc/self/clear_refs, Linux 4.0
// and later), so that a peak read afterwards belongs to what came after.
// It reports whether it could; MemGoSys cannot be reset.
func ResetPeakMemory() bool {
	return os.WriteFile("/proc/self/clear_refs", []byte("5"), 0) == nil
}
