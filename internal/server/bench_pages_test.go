package server

import (
	"net/http"
	"net/http/httptest"
	"testing"
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
