// Package ingest runs the pipeline over a set of inputs: intake reads
// articles, the extractor reads their events, and the store keeps both in
// batches, each batch one transaction.
// It is the one place that knows the order of the stages, so the command
// line, the benchmark and (later) the HTTP ingest endpoint share it.
package ingest

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"runtime"
	"sync"
	"time"

	"github.com/sitrep-project/sitrep/internal/intake"
	"github.com/sitrep-project/sitrep/internal/model"
	"github.com/sitrep-project/sitrep/internal/resolve"
	"github.com/sitrep-project/sitrep/internal/store"
)

// DefaultBatchSize balances commit overhead against what a crash can lose.
const DefaultBatchSize = 500

// Extractor reads the events of an article. It must be safe for
// concurrent use: a batch is extracted on every core at once.
type Extractor interface {
	Extract(a *model.Article) []model.Event
}

// Options tune a run.
type Options struct {
	// Extractor, if set, extracts every article's events before it is
	// stored; Version names its rules, and is stored with the events.
	Extractor Extractor
	Version   string
	// Workers is the number of articles extracted at once; 0 means one
	// per core.
	Workers int
	// Resolve merges each batch's events into records across articles
	// once the batch is stored.
	Resolve bool
	// Resolver, if set, merges them: one kept from call to call (a
	// server's, a watcher's) keeps the records near the news read. Nil
	// means one for the run.
	Resolver *resolve.Resolver
	// BatchSize is the number of articles committed together.
	BatchSize int
	// OnProgress, if set, is called after each input file and each batch.
	OnProgress func(Progress)
	// OnProblem, if set, is called for each input or record skipped.
	OnProblem func(*intake.Error)
}

// Progress is how far a run has come.
type Progress struct {
	FilesDone, FilesTotal int
	BytesDone, BytesTotal int64 // BytesTotal is 0 when unknown (stdin)
	Articles              int
}

// Summary is what a run did.
type Summary struct {
	Files    int `json:"files"`
	Articles int `json:"articles"`
	// Stored, Revised, Unchanged and Duplicates count the articles by
	// what storing them did (store.Outcome); a revision is stored too,
	// and counted in Revised alone.
	Stored     int `json:"stored"`
	Revised    int `json:"revised"`
	Unchanged  int `json:"unchanged"`
	Duplicates int `json:"duplicates"`
	// Events counts the events of the articles stored and revised.
	Events  int           `json:"events"`
	Records int           `json:"records"` // records opened by this run
	Skipped int           `json:"skipped"`
	Ignored int           `json:"ignored"`
	Bytes   int64         `json:"bytes"`
	Elapsed time.Duration `json:"-"`
	Seconds float64       `json:"seconds"`
}

// Line renders the summary as the one line a person reads at the end.
func (s Summary) Line() string {
	rate := ""
	if secs := s.Elapsed.Seconds(); secs > 0 {
		rate = fmt.Sprintf(" (%.0f articles/s, %.1f MB/s)", float64(s.Articles)/secs, float64(s.Bytes)/1e6/secs)
	}
	line := fmt.Sprintf("%s, %s: %d stored (%s, %s), %d revised, %d unchanged, %s, %d skipped in %s%s",
		count(s.Files, "file", "files"), count(s.Articles, "article", "articles"), s.Stored, count(s.Events, "event", "events"),
		count(s.Records, "new record", "new records"), s.Revised, s.Unchanged, count(s.Duplicates, "duplicate", "duplicates"), s.Skipped,
		s.Elapsed.Round(time.Millisecond), rate)
	if s.Stored == 0 && s.Revised == 0 && s.Articles > 0 {
		line += "; nothing new"
	}
	return line
}

// Count adds what storing one article did to the summary; events is the
// number of events extracted from it.
func (s *Summary) Count(o store.Outcome, events int) {
	switch o {
	case store.Stored:
		s.Stored++
		s.Events += events
	case store.Revised:
		s.Revised++
		s.Events += events
	case store.Unchanged:
		s.Unchanged++
	case store.Duplicate:
		s.Duplicates++
	}
}

// count writes a number with its noun, singular for one.
func count(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}

// Run reads the inputs and stores their articles. Skipped inputs are
// counted and reported through OnProblem; Run itself fails only when the
// store fails or ctx is cancelled, and then every batch committed before
// stays committed.
func Run(ctx context.Context, r *intake.Reader, inputs []intake.Input, st store.Store, opts Options) (Summary, error) {
	start := time.Now()
	if opts.BatchSize <= 0 {
		opts.BatchSize = DefaultBatchSize
	}
	var sum Summary
	prog := Progress{FilesTotal: len(inputs)}
	for _, in := range inputs {
		if in.Size > 0 {
			prog.BytesTotal += in.Size
		}
	}
	report := func() {
		if opts.OnProgress != nil {
			opts.OnProgress(prog)
		}
	}

	// Reading and storing overlap: intake parses the next files while the
	// store commits the last batch.
	type item struct {
		a   *model.Article
		err *intake.Error
		ign bool
	}
	items := make(chan item, opts.BatchSize)
	done := make(chan struct{})
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	var readErr error
	go func() {
		defer close(items)
		readErr = r.Read(ctx, inputs, func(res intake.Result) error {
			select {
			case items <- item{a: res.Article, err: res.Err, ign: res.Skipped != ""}:
				return nil
			case <-ctx.Done():
				return ctx.Err()
			}
		}, func(intake.Input) {
			select {
			case items <- item{}:
			case <-ctx.Done():
			}
		})
		close(done)
	}()

	batch := make([]store.Doc, 0, opts.BatchSize)
	w := newWriter(ctx, st, opts, &sum)
	defer w.close()
	flush := func() error {
		if len(batch) == 0 {
			return nil
		}
		if err := w.put(ctx, batch); err != nil {
			return err
		}
		// The store stage holds the batch until it is written.
		batch = make([]store.Doc, 0, opts.BatchSize)
		report()
		return nil
	}
	fileIdx := 0
	for it := range items {
		switch {
		case it.a != nil:
			sum.Articles++
			prog.Articles++
			sum.Bytes += int64(len(it.a.Text))
			batch = append(batch, store.Doc{Article: it.a})
			if len(batch) >= opts.BatchSize {
				if err := flush(); err != nil {
					cancel()
					w.close() // the store stage counts into sum until it ends
					return finish(sum, start), err
				}
			}
		case it.err != nil:
			sum.Skipped++
			if opts.OnProblem != nil {
				opts.OnProblem(it.err)
			}
		case it.ign:
			sum.Ignored++
		default: // one input finished
			if fileIdx < len(inputs) && inputs[fileIdx].Size > 0 {
				prog.BytesDone += inputs[fileIdx].Size
			}
			fileIdx++
			prog.FilesDone = fileIdx
			report()
		}
	}
	<-done
	if err := flush(); err != nil {
		cancel()
		w.close()
		return finish(sum, start), err
	}
	if err := w.close(); err != nil {
		return finish(sum, start), err
	}
	sum.Files = fileIdx
	if readErr != nil {
		return finish(sum, start), readErr
	}
	return finish(sum, start), ctx.Err()
}

// extractAll extracts the events of a batch's articles on workers
// goroutines; each article's events land in its own slot, so the result
// does not depend on scheduling. An article whose extraction panics is
// not lost to the rest: its slot gets the panic as an error, and the
// caller skips that article alone.
func extractAll(x Extractor, version string, batch []store.Doc, workers int) []error {
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	failed := make([]error, len(batch))
	next := make(chan int)
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				failed[i] = ExtractOne(x, version, &batch[i])
			}
		}()
	}
	for i := range batch {
		next <- i
	}
	close(next)
	wg.Wait()
	return failed
}

// ExtractOne extracts one article's events into d, turning a panic of the
// extractor into an error that names it, so one article the rules cannot
// read never stops a run (or, in the server, the process).
func ExtractOne(x Extractor, version string, d *store.Doc) (err error) {
	defer func() {
		if p := recover(); p != nil {
			d.Events, d.Extractor = nil, ""
			err = fmt.Errorf("%w: extraction failed: %v", ErrExtract, p)
		}
	}()
	d.Events = x.Extract(d.Article)
	d.Extractor = version
	return nil
}

// ErrExtract marks an article skipped because its extraction failed.
var ErrExtract = errors.New("skipped")

func finish(s Summary, start time.Time) Summary {
	s.Elapsed = time.Since(start)
	s.Seconds = s.Elapsed.Seconds()
	return s
}

// Articles stores articles already in memory (from an API request, a
// generator), extracting and resolving as Run does, in batches.
func Articles(ctx context.Context, st store.Store, arts []*model.Article, opts Options) (Summary, error) {
	start := time.Now()
	if opts.BatchSize <= 0 {
		opts.BatchSize = DefaultBatchSize
	}
	var sum Summary
	w := newWriter(ctx, st, opts, &sum)
	defer w.close()
	for i := 0; i < len(arts); i += opts.BatchSize {
		chunk := arts[i:min(i+opts.BatchSize, len(arts))]
		batch := make([]store.Doc, len(chunk))
		for j, a := range chunk {
			batch[j] = store.Doc{Article: a}
			sum.Articles++
			sum.Bytes += int64(len(a.Text))
		}
		if err := w.put(ctx, batch); err != nil {
			w.close() // the store stage counts into sum until it ends
			return finish(sum, start), err
		}
		if opts.OnProgress != nil {
			opts.OnProgress(Progress{Articles: sum.Articles})
		}
	}
	if err := w.close(); err != nil {
		return finish(sum, start), err
	}
	return finish(sum, start), nil
}

// writer stores batches of articles in two stages that overlap: the
// caller's goroutine extracts a batch's events on every core, then hands
// the batch to the store stage, which commits it and merges its events
// into records while the next batch is extracted. Storing and merging use
// one core; without the overlap the other sat idle through them. One batch
// at most waits between the stages, so memory stays bounded, and batches
// are stored in the order they came, so a run stores what it did before.
// One writer serves a whole run, so that its resolver keeps the records it
// has read from batch to batch.
type writer struct {
	st   store.Store
	opts Options
	rv   *resolve.Resolver
	sum  *Summary
	// next carries extracted batches to the store stage; stored is closed
	// when it ends, with err its first failure.
	next   chan []store.Doc
	stored chan struct{}
	err    error
	closed bool
}

func newWriter(ctx context.Context, st store.Store, opts Options, sum *Summary) *writer {
	rv := opts.Resolver
	if rv == nil {
		rv = resolve.New(st)
	}
	w := &writer{st: st, opts: opts, rv: rv, sum: sum, next: make(chan []store.Doc), stored: make(chan struct{})}
	go func() {
		defer close(w.stored)
		for batch := range w.next {
			if w.err != nil {
				continue // drain: the caller hears of the failure
			}
			w.err = w.store(ctx, batch)
		}
	}()
	return w
}

// put extracts a batch's events and hands it to the store stage, waiting
// while the stage still stores the batch before. It returns the store
// stage's failure once there is one.
func (w *writer) put(ctx context.Context, batch []store.Doc) error {
	batch = w.extract(batch)
	select {
	case w.next <- batch:
		return nil
	case <-w.stored:
		return w.err
	case <-ctx.Done():
		return ctx.Err()
	}
}

// close waits for the store stage to store every batch handed to it and
// returns its failure. Calling it again returns the same.
func (w *writer) close() error {
	if !w.closed {
		w.closed = true
		close(w.next)
	}
	<-w.stored
	return w.err
}

// extract reads the events of a batch's articles, leaving out (and
// reporting) an article whose extraction failed.
func (w *writer) extract(batch []store.Doc) []store.Doc {
	if w.opts.Extractor != nil {
		failed := extractAll(w.opts.Extractor, w.opts.Version, batch, w.opts.Workers)
		kept := batch[:0]
		for i, d := range batch {
			if failed[i] == nil {
				kept = append(kept, d)
				continue
			}
			w.sum.Skipped++
			if w.opts.OnProblem != nil {
				w.opts.OnProblem(&intake.Error{Path: cmp.Or(d.Article.Origin, d.Article.Doc), Err: failed[i]})
			}
		}
		batch = kept
	}
	return batch
}

// store commits a batch, counts what storing it did and merges its
// events into records: the store stage.
func (w *writer) store(ctx context.Context, batch []store.Doc) error {
	outs, err := w.st.Put(ctx, batch)
	if err != nil {
		return err
	}
	for i, o := range outs {
		w.sum.Count(o, len(batch[i].Events))
	}
	if w.opts.Resolve {
		rs, err := w.rv.Run(ctx)
		if err != nil {
			return fmt.Errorf("resolving events: %w", err)
		}
		w.sum.Records += rs.Created
	}
	return nil
}
