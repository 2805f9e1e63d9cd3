package bench

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/sitrep-project/sitrep/internal/event"
	"github.com/sitrep-project/sitrep/internal/ingest"
	"github.com/sitrep-project/sitrep/internal/model"
	"github.com/sitrep-project/sitrep/internal/resolve"
	"github.com/sitrep-project/sitrep/internal/store"
	"github.com/sitrep-project/sitrep/internal/synth"
)

// The server benchmark measures request latency on a large store under
// concurrent load. Building a store of 100,000 generated articles through
// the whole pipeline takes minutes, so the store is kept under the system's
// temporary folder, named by the generator's seed, the article count and
// the extractor version, and reused until one of them changes.

// storeVersion changes when the way the bench store is built changes.
const storeVersion = "1"

// StorePath is where the bench store of n articles is cached.
func StorePath(n int) string {
	name := fmt.Sprintf("sitrep-bench-serve-v%s-%s-%d.db", storeVersion, sanitize(event.Version), n)
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

// BuildStore returns the cached bench store of n generated articles,
// building it first (ingest with extraction, then resolution) when it is
// missing or rebuild is set. progress, when set, hears what is happening.
// It opens the store with store.Open, so the caller's program must
// register the SQLite store (import internal/store/sqlite), as the
// command line does.
func BuildStore(ctx context.Context, n int, rebuild bool, progress func(string)) (string, error) {
	say := func(format string, args ...any) {
		if progress != nil {
			progress(fmt.Sprintf(format, args...))
		}
	}
	path := StorePath(n)
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
	// Generated a chunk at a time: memory holds what is being stored.
	gen := synth.NewGenerator(1, synth.Span)
	const chunk = 10000
	for i := 0; i < n; i += chunk {
		part := make([]*model.Article, 0, min(chunk, n-i))
		for len(part) < cap(part) {
			part = append(part, gen.Next())
		}
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
