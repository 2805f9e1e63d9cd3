package ingest

import (
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/sitrep-project/sitrep/internal/intake"
	"github.com/sitrep-project/sitrep/internal/model"
	"github.com/sitrep-project/sitrep/internal/store"
	"github.com/sitrep-project/sitrep/internal/store/sqlite"
)

// Word lists for generated articles: news-like sentences assembled at
// random, so that benchmarks run on text shaped like the real thing.
var (
	subjects = []string{"Officials in Kyiv", "The defence ministry", "A spokesperson for the alliance", "Regional authorities", "The UN refugee agency", "Western diplomats", "The governor of the region", "Local volunteers"}
	verbs    = []string{"said", "reported", "confirmed", "warned", "announced", "denied"}
	objects  = []string{"that a convoy of %d lorries had reached the city", "that %d people had crossed the border overnight", "that shelling had damaged %d buildings", "that %d anti-tank weapons would arrive within days", "that talks would resume on Monday", "that the package was worth %d million euros"}
)

// generate writes n articles as a JSONL dump and returns its path.
func generate(tb testing.TB, dir string, n int) string {
	tb.Helper()
	rng := rand.New(rand.NewPCG(1, 2))
	var sb strings.Builder
	for i := 0; i < n; i++ {
		var text strings.Builder
		for p := 0; p < 4; p++ {
			if p > 0 {
				text.WriteString(`\n\n`)
			}
			for s := 0; s < 3; s++ {
				obj := objects[rng.IntN(len(objects))]
				if strings.Contains(obj, "%d") {
					obj = fmt.Sprintf(obj, rng.IntN(5000)+1)
				}
				fmt.Fprintf(&text, "%s %s %s. ", subjects[rng.IntN(len(subjects))], verbs[rng.IntN(len(verbs))], obj)
			}
		}
		fmt.Fprintf(&sb, `{"id":"g%d","date":"2022-03-%02d","outlet":"Generated Wire","title":"Report %d","text":"%s"}`+"\n", i, i%28+1, i, text.String())
	}
	path := filepath.Join(dir, "generated.jsonl")
	if err := os.WriteFile(path, []byte(sb.String()), 0o644); err != nil {
		tb.Fatal(err)
	}
	return path
}

func openStore(tb testing.TB) store.Store {
	tb.Helper()
	st, err := sqlite.Open(context.Background(), filepath.Join(tb.TempDir(), "s.db"))
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { st.Close() })
	return st
}

func TestRunBatchesAndReports(t *testing.T) {
	dir := t.TempDir()
	dump := generate(t, dir, 1234)
	bad := filepath.Join(dir, "bad.txt")
	os.WriteFile(bad, []byte(" date 2022-02-30 No such day."), 0o644)
	st := openStore(t)
	r := intake.New(intake.Options{}, nil)
	inputs, errs := r.Plan([]string{dump, bad})
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	var problems []string
	var last Progress
	batches := 0
	sum, err := Run(context.Background(), r, inputs, st, Options{
		BatchSize:  100,
		OnProblem:  func(e *intake.Error) { problems = append(problems, e.Error()) },
		OnProgress: func(p Progress) { last = p; batches++ },
	})
	if err != nil {
		t.Fatal(err)
	}
	if sum.Articles != 1234 || sum.Stored != 1234 || sum.Skipped != 1 || sum.Files != 2 {
		t.Errorf("summary %+v", sum)
	}
	if len(problems) != 1 || !strings.Contains(problems[0], "bad.txt") {
		t.Errorf("problems %v", problems)
	}
	if last.FilesDone != 2 || last.FilesTotal != 2 || last.BytesDone != last.BytesTotal || last.Articles != 1234 {
		t.Errorf("last progress %+v", last)
	}
	// 13 batches and 2 files: at least 15 progress reports.
	if batches < 15 {
		t.Errorf("%d progress reports, want one per batch and per file", batches)
	}
	again, err := Run(context.Background(), r, inputs, st, Options{BatchSize: 100})
	if err != nil {
		t.Fatal(err)
	}
	if again.Stored != 0 || again.Unchanged != 1234 || !strings.Contains(again.Line(), "nothing new") {
		t.Errorf("second run %+v: %s", again, again.Line())
	}
}

func TestRunCancelled(t *testing.T) {
	dir := t.TempDir()
	dump := generate(t, dir, 2000)
	st := openStore(t)
	r := intake.New(intake.Options{}, nil)
	inputs, _ := r.Plan([]string{dump})
	ctx, cancel := context.WithCancel(context.Background())
	n := 0
	_, err := Run(ctx, r, inputs, st, Options{BatchSize: 100, OnProgress: func(p Progress) {
		n++
		if n == 3 {
			cancel()
		}
	}})
	if err == nil {
		t.Fatal("a cancelled run reported success")
	}
	stats, _ := st.Stats(context.Background())
	if stats.Articles%100 != 0 || stats.Articles == 0 || stats.Articles >= 2000 {
		t.Errorf("%d articles after cancelling: want some whole batches", stats.Articles)
	}
}

// BenchmarkIngest ingests 10,000 generated articles into a fresh SQLite
// file per iteration: intake, batching and the store, end to end.
func BenchmarkIngest(b *testing.B) {
	const n = 10000
	dir := b.TempDir()
	dump := generate(b, dir, n)
	info, _ := os.Stat(dump)
	r := intake.New(intake.Options{}, nil)
	inputs, _ := r.Plan([]string{dump})
	b.SetBytes(info.Size())
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		st, err := sqlite.Open(context.Background(), filepath.Join(dir, fmt.Sprintf("b%d.db", i)))
		if err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		sum, err := Run(context.Background(), r, inputs, st, Options{})
		if err != nil || sum.Stored != n {
			b.Fatalf("%+v %v", sum, err)
		}
		b.StopTimer()
		st.Close()
		b.StartTimer()
	}
	b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "articles/s")
}

// countingExtractor returns one event per article and counts its calls,
// from many goroutines at once.
type countingExtractor struct{ calls atomic.Int64 }

func (c *countingExtractor) Extract(a *model.Article) []model.Event {
	c.calls.Add(1)
	return []model.Event{{Doc: a.Doc, Type: model.TypeStatement, Modality: model.ModalityAsserted,
		Evidence: model.Evidence{Start: 0, End: len(a.Text)}}}
}

func TestRunExtractsNewArticles(t *testing.T) {
	dir := t.TempDir()
	dump := generate(t, dir, 700)
	st := openStore(t)
	r := intake.New(intake.Options{}, nil)
	inputs, _ := r.Plan([]string{dump})
	x := &countingExtractor{}
	sum, err := Run(context.Background(), r, inputs, st, Options{BatchSize: 64, Extractor: x, Version: "test/1", Workers: 4})
	if err != nil {
		t.Fatal(err)
	}
	if sum.Events != 700 || x.calls.Load() != 700 {
		t.Errorf("summary %d events, %d calls; want 700 each", sum.Events, x.calls.Load())
	}
	evs, err := st.Events(context.Background(), store.EventFilter{})
	if err != nil || len(evs) != 700 {
		t.Fatalf("%d stored events, %v", len(evs), err)
	}
	for _, e := range evs {
		if e.Extractor != "test/1" {
			t.Fatalf("event stored with extractor %q", e.Extractor)
		}
	}
	stale, _ := st.Stale(context.Background(), "test/1", "", 10)
	if len(stale) != 0 {
		t.Errorf("%d articles stale right after ingest", len(stale))
	}
}

// panickyExtractor fails on every article whose id is in bad, as a rule
// meeting text it was never written for might.
type panickyExtractor struct {
	countingExtractor
	bad map[string]bool
}

func (p *panickyExtractor) Extract(a *model.Article) []model.Event {
	if p.bad[a.Doc] {
		var m map[string]int
		m["boom"]++ // a nil map write: a real runtime panic
	}
	return p.countingExtractor.Extract(a)
}

// TestExtractionPanicSkipsOneArticle checks that an article whose
// extraction panics is reported by its origin and skipped, while the rest
// of its batch and the batches after it are stored.
func TestExtractionPanicSkipsOneArticle(t *testing.T) {
	dir := t.TempDir()
	dump := generate(t, dir, 200)
	st := openStore(t)
	r := intake.New(intake.Options{}, nil)
	inputs, _ := r.Plan([]string{dump})
	x := &panickyExtractor{bad: map[string]bool{"g3": true, "g150": true}}
	var problems []string
	sum, err := Run(context.Background(), r, inputs, st, Options{BatchSize: 64, Extractor: x, Version: "test/1", Workers: 4,
		OnProblem: func(e *intake.Error) { problems = append(problems, e.Error()) }})
	if err != nil {
		t.Fatal(err)
	}
	if sum.Stored != 198 || sum.Skipped != 2 {
		t.Errorf("stored %d, skipped %d; want 198 and 2", sum.Stored, sum.Skipped)
	}
	if len(problems) != 2 || !strings.Contains(problems[0], "generated.jsonl:") || !strings.Contains(problems[0], "extraction failed") {
		t.Errorf("problems %q should name the file, line and the failure", problems)
	}
	for _, doc := range []string{"g3", "g150"} {
		if _, err := st.Article(context.Background(), doc); err == nil {
			t.Errorf("%s stored although its extraction failed", doc)
		}
	}
	if _, err := st.Article(context.Background(), "g4"); err != nil {
		t.Errorf("g4, beside the failed one in its batch: %v", err)
	}
}

// TestSummaryLineCounts checks that the summary writes one of a thing in
// the singular.
func TestSummaryLineCounts(t *testing.T) {
	one := Summary{Files: 1, Articles: 1, Stored: 1, Events: 1, Records: 1, Duplicates: 1}.Line()
	for _, w := range []string{"1 file,", "1 article:", "1 event,", "1 new record)", "1 duplicate,"} {
		if !strings.Contains(one, w) {
			t.Errorf("%q lacks %q", one, w)
		}
	}
	many := Summary{Files: 2, Articles: 3, Stored: 3, Events: 0, Records: 2, Duplicates: 5}.Line()
	for _, w := range []string{"2 files,", "3 articles:", "0 events,", "2 new records)", "5 duplicates,"} {
		if !strings.Contains(many, w) {
			t.Errorf("%q lacks %q", many, w)
		}
	}
}

// TestRunCountsRevisions: a dump record stored again under its id with a
// changed text is counted as revised, in the summary and its line, and is
// something new; the same dumps again are unchanged, and nothing new.
func TestRunCountsRevisions(t *testing.T) {
	dir := t.TempDir()
	first, second := filepath.Join(dir, "first.jsonl"), filepath.Join(dir, "second.jsonl")
	os.WriteFile(first, []byte(`{"id":"wire-1","date":"2022-03-07","outlet":"Harbour Wire","text":"The ferry resumed service."}
{"id":"wire-2","date":"2022-03-07","outlet":"Harbour Wire","text":"The bridge was closed."}
`), 0o644)
	os.WriteFile(second, []byte(`{"id":"wire-1","date":"2022-03-07","outlet":"Harbour Wire","text":"The ferry resumed service on Monday, officials said."}
{"id":"wire-2","date":"2022-03-07","outlet":"Harbour Wire","text":"The bridge was closed."}
`), 0o644)
	st := openStore(t)
	r := intake.New(intake.Options{}, nil)
	run := func(path string) Summary {
		t.Helper()
		inputs, errs := r.Plan([]string{path})
		if len(errs) > 0 {
			t.Fatal(errs)
		}
		sum, err := Run(context.Background(), r, inputs, st, Options{Resolve: true})
		if err != nil {
			t.Fatal(err)
		}
		return sum
	}
	if sum := run(first); sum.Stored != 2 || sum.Revised != 0 {
		t.Errorf("first dump: %+v", sum)
	}
	sum := run(second)
	if sum.Stored != 0 || sum.Revised != 1 || sum.Unchanged != 1 || !strings.Contains(sum.Line(), "1 revised, 1 unchanged") ||
		strings.Contains(sum.Line(), "nothing new") {
		t.Errorf("second dump: %+v: %s", sum, sum.Line())
	}
	for _, path := range []string{first, second} {
		if sum := run(path); sum.Unchanged != 2 || sum.Stored+sum.Revised != 0 || !strings.Contains(sum.Line(), "nothing new") {
			t.Errorf("%s again: %+v: %s", filepath.Base(path), sum, sum.Line())
		}
	}
}

// failingStore fails its Put from the nth call on, and records the first
// doc of each batch it was given, to check their order.
type failingStore struct {
	store.Store
	n      int
	calls  int
	firsts []string
}

func (f *failingStore) Put(ctx context.Context, batch []store.Doc) ([]store.Outcome, error) {
	f.calls++
	if f.calls >= f.n {
		return nil, fmt.Errorf("disk full on batch %d", f.calls)
	}
	f.firsts = append(f.firsts, batch[0].Article.Doc)
	return f.Store.Put(ctx, batch)
}

// TestPipelineOrderAndFailure checks the overlapped write path: batches
// reach the store in the order they were read, each extracted before it
// is stored, and a failure of the store stage stops the run with its
// error, the batches before it committed.
func TestPipelineOrderAndFailure(t *testing.T) {
	dir := t.TempDir()
	dump := generate(t, dir, 450)
	r := intake.New(intake.Options{}, nil)
	inputs, errs := r.Plan([]string{dump})
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	var extracted atomic.Int64
	x := extractFunc(func(a *model.Article) []model.Event {
		extracted.Add(1)
		return nil
	})
	ok := &failingStore{Store: openStore(t), n: 1 << 30}
	sum, err := Run(context.Background(), r, inputs, ok, Options{BatchSize: 100, Extractor: x, Version: "t/1"})
	if err != nil || sum.Stored != 450 || extracted.Load() != 450 {
		t.Fatalf("summary %+v, %d extracted, err %v", sum, extracted.Load(), err)
	}
	want := []string{"g0", "g100", "g200", "g300", "g400"}
	if fmt.Sprint(ok.firsts) != fmt.Sprint(want) {
		t.Errorf("batches stored in the order %v, want %v", ok.firsts, want)
	}
	bad := &failingStore{Store: openStore(t), n: 3}
	sum, err = Run(context.Background(), r, inputs, bad, Options{BatchSize: 100, Extractor: x, Version: "t/1"})
	if err == nil || !strings.Contains(err.Error(), "disk full on batch 3") {
		t.Fatalf("run over a failing store: %v, want the store's error", err)
	}
	if sum.Stored != 200 {
		t.Errorf("%d stored before the failure, want the two batches before it (200)", sum.Stored)
	}
}

// extractFunc makes a function an Extractor.
type extractFunc func(*model.Article) []model.Event

func (f extractFunc) Extract(a *model.Article) []model.Event { return f(a) }
