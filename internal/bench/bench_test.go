package bench

import (
	"context"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/sitrep-project/sitrep/internal/store"
	_ "github.com/sitrep-project/sitrep/internal/store/sqlite"
)

// TestLoad sends a fixed number of requests to a test server and checks
// the counts, the failures by status and the per-path split.
func TestLoad(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/busy" {
			http.Error(w, "busy", http.StatusServiceUnavailable)
			return
		}
		w.Write([]byte("ok"))
	}))
	defer srv.Close()
	res := Load(context.Background(), srv.Client(), srv.URL, []string{"/ok", "/busy"}, 3, time.Minute, 20)
	if res.Requests != 20 || res.Workers != 3 {
		t.Fatalf("got %d requests from %d workers, want 20 from 3", res.Requests, res.Workers)
	}
	if res.Errors != 10 || res.ErrorsBy["503"] != 10 {
		t.Errorf("errors %d, by status %v; want 10, all 503", res.Errors, res.ErrorsBy)
	}
	if len(res.Paths) != 2 || res.Paths[0].Requests != 10 || res.Paths[0].Errors != 0 || res.Paths[1].Errors != 10 {
		t.Errorf("paths: %+v", res.Paths)
	}
	if res.P50 > res.P95 || res.P95 > res.P99 || res.P99 > res.Max {
		t.Errorf("quantiles out of order: %v %v %v %v", res.P50, res.P95, res.P99, res.Max)
	}
}

func TestQuantile(t *testing.T) {
	var l []time.Duration
	for i := 1; i <= 100; i++ {
		l = append(l, time.Duration(i)*time.Millisecond)
	}
	for _, c := range []struct{ q, want float64 }{{0.50, 50}, {0.95, 95}, {0.99, 99}, {1, 100}} {
		if got := quantile(l, c.q); got != c.want {
			t.Errorf("quantile(%v) = %v, want %v", c.q, got, c.want)
		}
	}
	if got := quantile(nil, 0.5); got != 0 {
		t.Errorf("quantile of nothing = %v, want 0", got)
	}
}

// TestBuildStore builds a small bench store in a temporary folder, checks
// that a second call reuses it, and that Paths fills in every path of
// the mix from it.
func TestBuildStore(t *testing.T) {
	t.Setenv("TMPDIR", t.TempDir())
	ctx := context.Background()
	path, err := BuildStore(ctx, 40, false, nil)
	if err != nil {
		t.Fatal(err)
	}
	if path != StorePath(40) {
		t.Errorf("built %s, want %s", path, StorePath(40))
	}
	var heard []string
	if _, err := BuildStore(ctx, 40, false, func(s string) { heard = append(heard, s) }); err != nil {
		t.Fatal(err)
	}
	if len(heard) != 1 || !strings.HasPrefix(heard[0], "reusing ") {
		t.Errorf("second build said %q, want it to reuse the store", heard)
	}
	st, err := store.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	paths, err := Paths(ctx, st)
	if err != nil {
		t.Fatal(err)
	}
	if len(paths) != len(Mix) {
		t.Fatalf("%d paths for a mix of %d", len(paths), len(Mix))
	}
	for _, p := range paths {
		if strings.Contains(p, "{") {
			t.Errorf("path %s left unfilled", p)
		}
	}
}

func TestPeakMemory(t *testing.T) {
	n, source := PeakMemory()
	if n <= 0 || (source != MemVmHWM && source != MemGoSys) {
		t.Errorf("PeakMemory() = %d, %q", n, source)
	}
}
