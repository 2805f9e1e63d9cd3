package bench

import (
	"context"
	"io"
	"math"
	"net/http"
	"sort"
	"strconv"
	"sync"
	"sync/atomic"
	"time"
)

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
