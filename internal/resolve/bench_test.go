package resolve_test

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/sitrep-project/sitrep/internal/event"
	"github.com/sitrep-project/sitrep/internal/ingest"
	"github.com/sitrep-project/sitrep/internal/resolve"
	"github.com/sitrep-project/sitrep/internal/store/sqlite"
	"github.com/sitrep-project/sitrep/internal/synth"
)

// BenchmarkResolve resolves the events of 5,000 generated articles into
// records, from a store holding them unresolved. `sitrep bench resolve
// --articles 100000` measures the same at scale, with the cost of adding
// one article.
func BenchmarkResolve(b *testing.B) {
	ctx := context.Background()
	arts := synth.Articles(5000, 1)
	events := 0
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		st, err := sqlite.Open(ctx, filepath.Join(b.TempDir(), "r.db"))
		if err != nil {
			b.Fatal(err)
		}
		sum, err := ingest.Articles(ctx, st, arts, ingest.Options{Extractor: event.New(), Version: event.Version, BatchSize: 1000})
		if err != nil {
			b.Fatal(err)
		}
		events = sum.Events
		b.StartTimer()
		if _, err := resolve.Run(ctx, st); err != nil {
			b.Fatal(err)
		}
		b.StopTimer()
		st.Close()
		b.StartTimer()
	}
	b.ReportMetric(float64(events)*float64(b.N)/b.Elapsed().Seconds(), "events/s")
}
