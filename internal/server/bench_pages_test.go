package server

import (
	"context"
	"net/http"
	"net/http/httptest"
	"os"
	"strconv"
	"testing"

	"github.com/sitrep-project/sitrep/internal/store"
)

// BenchmarkAggregatePages measures the pages and API routes that read a
// whole slice of the store (ledger, figures, timeline) one request at a
// time, without the network, on the generated bench store of
// $SITREP_BENCH_ARTICLES articles (default 2,000; built once and cached).
// Run with -cpuprofile to see where a request spends its time; the cold
// runs are what a request costs when the store has just changed.
func BenchmarkAggregatePages(b *testing.B) {
	n := 2000
	if v := os.Getenv("SITREP_BENCH_ARTICLES"); v != "" {
		var err error
		if n, err = strconv.Atoi(v); err != nil || n <= 0 {
			b.Fatalf("SITREP_BENCH_ARTICLES=%q: want a positive number", v)
		}
	}
	ctx := context.Background()
	path, err := BuildBenchStore(ctx, n, false, func(s string) { b.Log(s) })
	if err != nil {
		b.Fatal(err)
	}
	st, err := store.Open(ctx, path)
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	s, err := New(st, Options{})
	if err != nil {
		b.Fatal(err)
	}
	for _, target := range []string{"/ledger", "/api/v1/ledger", "/figures", "/api/v1/figures", "/timeline", "/api/v1/timeline"} {
		// cold: as if the store changed before each request, so nothing
		// kept between requests helps; warm: the store unchanged.
		for _, cold := range []bool{true, false} {
			name := target + "/warm"
			if cold {
				name = target + "/cold"
			}
			b.Run(name, func(b *testing.B) {
				for b.Loop() {
					if cold {
						s.changed()
					}
					rec := httptest.NewRecorder()
					s.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, target, nil))
					if rec.Code != http.StatusOK {
						b.Fatalf("GET %s: %d", target, rec.Code)
					}
				}
			})
		}
	}
}
