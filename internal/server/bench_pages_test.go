package server

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/sitrep-project/sitrep/internal/bench"
)

// BenchmarkAggregatePages measures the pages and API routes that read a
// whole slice of the store (ledger, figures, timeline) one request at a
// time, without the network, on the generated bench store of
// $SITREP_BENCH_ARTICLES articles (default 2,000; built once and cached).
// Run with -cpuprofile to see where a request spends its time; the cold
// runs are what a request costs when the store has just changed.
func BenchmarkAggregatePages(b *testing.B) {
	s := benchStoreServer(b, 2000)
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

// BenchmarkMix measures each path of "sitrep bench serve"'s mix one
// request at a time, warm (the store unchanged between requests), without
// the network, on the generated bench store of $SITREP_BENCH_ARTICLES
// articles (default 2,000). Run with -cpuprofile and -run '^$' -bench
// 'Mix/figures' to see where one kind of request spends its time.
func BenchmarkMix(b *testing.B) {
	s := benchStoreServer(b, 2000)
	paths, err := bench.Paths(b.Context(), s.st)
	if err != nil {
		b.Fatal(err)
	}
	for i, target := range paths {
		b.Run(strings.ReplaceAll(bench.Mix[i].Kind, " ", "_"), func(b *testing.B) {
			for b.Loop() {
				rec := httptest.NewRecorder()
				s.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, target, nil))
				if rec.Code != http.StatusOK {
					b.Fatalf("GET %s: %d", target, rec.Code)
				}
			}
		})
	}
}
