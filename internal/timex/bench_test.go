package timex

import (
	"encoding/json"
	"github.com/sitrep-project/sitrep/internal/testshared"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// sharedDir returns the shared data folder, or "" when it is absent.
func sharedDir() string { return testshared.Root() }

// benchDocs returns the Reuters-21578 bodies of one dump file when the
// shared data is there (wire copy, hard-wrapped, full of dates and
// figures), else the test sentences made into articles.
func benchDocs(b *testing.B) []string {
	if shared := sharedDir(); shared != "" {
		data, err := os.ReadFile(filepath.Join(shared, "bench", "reuters21578", "reut2-000.json"))
		if err == nil {
			var recs []struct {
				Body string `json:"body"`
			}
			if err := json.Unmarshal(data, &recs); err != nil {
				b.Fatalf("reading the Reuters dump: %v", err)
			}
			docs := make([]string, 0, len(recs))
			for _, r := range recs {
				if r.Body != "" {
					docs = append(docs, r.Body)
				}
			}
			return docs
		}
	}
	b.Log("../shared/bench/reuters21578 not found: timing the test sentences instead")
	var docs []string
	var sb strings.Builder
	for k := 0; k < 40; k++ {
		for n, c := range findCases {
			sb.WriteString(c.text)
			sb.WriteByte(' ')
			if n%6 == 5 {
				sb.WriteString("\n\n")
			}
			if n%30 == 29 {
				docs = append(docs, sb.String())
				sb.Reset()
			}
		}
	}
	return docs
}

func BenchmarkFind(b *testing.B) {
	docs := benchDocs(b)
	var total int64
	for _, d := range docs {
		total += int64(len(d))
	}
	ref := time.Date(1987, 3, 2, 0, 0, 0, 0, time.UTC)
	b.SetBytes(total)
	b.ReportAllocs()
	found := 0
	for b.Loop() {
		found = 0
		for _, d := range docs {
			found += len(Find(d, ref))
		}
	}
	b.ReportMetric(float64(found), "exprs/op")
}
