package bench

import (
	"runtime"
	"time"
)

// StageResult is what a run of one pipeline stage measured ("sitrep bench
// ingest", "sitrep bench extract").
type StageResult struct {
	Stage          string  `json:"stage"`
	Files          int     `json:"files"`
	Articles       int     `json:"articles"`
	Skipped        int     `json:"skipped"`
	Bytes          int64   `json:"bytes"`
	Seconds        float64 `json:"seconds"`
	ArticlesPerSec float64 `json:"articles_per_sec"`
	MBPerSec       float64 `json:"mb_per_sec"`
	AllocsPerArt   float64 `json:"allocs_per_article"`
	BytesPerArt    float64 `json:"alloc_bytes_per_article"`
	Extra          any     `json:"extra,omitempty"`
}

// Measure runs f, the stage named stage, and fills in the rates and the
// allocations per article. f reports the articles, files and skipped
// inputs it handled and the bytes of article text; its error is returned
// with what was measured.
func Measure(stage string, f func() (articles, files, skipped int, bytes int64, err error)) (StageResult, error) {
	runtime.GC()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	start := time.Now()
	n, files, skipped, bytes, err := f()
	secs := time.Since(start).Seconds()
	runtime.ReadMemStats(&after)
	r := StageResult{Stage: stage, Files: files, Articles: n, Skipped: skipped, Bytes: bytes, Seconds: secs}
	if secs > 0 {
		r.ArticlesPerSec = float64(n) / secs
		r.MBPerSec = float64(bytes) / 1e6 / secs
	}
	if n > 0 {
		r.AllocsPerArt = float64(after.Mallocs-before.Mallocs) / float64(n)
		r.BytesPerArt = float64(after.TotalAlloc-before.TotalAlloc) / float64(n)
	}
	return r, err
}
