// Package intake reads news articles from files, folders, dumps, feeds and
// saved web pages, and turns each into a model.Article with clean text split
// into blocks. It is the first stage of the pipeline: it knows nothing of
// extraction or storage, and it never stops a whole run for one bad input.
// Each input that cannot be read becomes an *Error naming the file and place,
// and the caller decides what to do with it.
package intake

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/sitrep-project/sitrep/internal/model"
)

// Error describes one input that could not be read: which file, where in it,
// and what is wrong. It is reported and skipped; the rest of the run goes on.
type Error struct {
	Path string // file path, or "-" for standard input
	Line int    // 1-based line of the record, 0 when not line-based
	// Record is the 1-based number of a record in a format without useful
	// lines (a JSON array, a feed), 0 otherwise.
	Record int
	Err    error
}

// Error names the file, the line or record, and what is wrong.
func (e *Error) Error() string {
	switch {
	case e.Line > 0:
		return fmt.Sprintf("%s:%d: %v", e.Path, e.Line, e.Err)
	case e.Record > 0:
		return fmt.Sprintf("%s: record %d: %v", e.Path, e.Record, e.Err)
	}
	return fmt.Sprintf("%s: %v", e.Path, e.Err)
}

// Unwrap returns the kind of problem, for errors.Is.
func (e *Error) Unwrap() error { return e.Err }

// Sentinel errors, so callers and tests can tell kinds of bad input apart.
var (
	ErrBinary      = errors.New("binary data, not text")
	ErrInvalidUTF8 = errors.New("invalid UTF-8")
	ErrEmpty       = errors.New("empty: no article text")
	ErrNoDate      = errors.New("no date")
	ErrBadDate     = errors.New("malformed date")
	ErrTooLarge    = errors.New("too large")
	ErrUnsupported = errors.New("unsupported file type")
)

// Format names an input format.
type Format string

// The formats intake understands.
const (
	FormatSeed  Format = "seed"  // " date YYYY-MM-DD" then the article
	FormatText  Format = "text"  // plain text dated by Options.Date
	FormatJSONL Format = "jsonl" // one JSON object a line
	FormatJSON  Format = "json"  // a JSON array of objects
	FormatCSV   Format = "csv"   // a header row then one article a row
	FormatTSV   Format = "tsv"
	FormatFeed  Format = "feed" // RSS 2.0 or Atom
	FormatHTML  Format = "html" // a saved article page
)

// Options tune how inputs are read. The zero value reads everything it can
// recognise and requires a date from the input itself.
type Options struct {
	// Date dates plain-text articles, which carry no date of their own.
	Date time.Time
	// Fields maps a canonical field (id, date, title, text, url, outlet) to
	// the column or key name a dump uses for it, when that name is not one
	// of the usual ones.
	Fields map[string]string
	// MaxArticleBytes bounds one article (a text or HTML file, one record).
	// Dumps may be as large as they like: they are streamed record by record.
	MaxArticleBytes int64
	// Format forces a format instead of detecting it.
	Format Format
	// Undated reads plain text that has no date as undated instead of
	// refusing it, for a caller that needs no date (parsing).
	Undated bool
}

// DefaultMaxArticleBytes is the largest single article accepted by default:
// far above any news story, low enough that a mistaken input (a log file,
// a database dump named .txt) is refused rather than loaded whole.
const DefaultMaxArticleBytes = 8 << 20

// Input is one file to read, found by Plan.
type Input struct {
	Path string
	Size int64
	// Explicit is true when the path was named by the user rather than found
	// in a folder: an unknown file type named explicitly is an error, one
	// found in a folder (a README beside the articles) is passed over.
	Explicit bool
}

// Reader reads articles; make one with New.
type Reader struct {
	opts  Options
	stdin io.Reader
}

// New returns a Reader with the given options. stdin is read for the path "-".
func New(opts Options, stdin io.Reader) *Reader {
	if opts.MaxArticleBytes <= 0 {
		opts.MaxArticleBytes = DefaultMaxArticleBytes
	}
	return &Reader{opts: opts, stdin: stdin}
}

// Plan expands paths into the files to read, in a stable order, with their
// sizes, so a caller can show progress against a known total. Folders are
// walked recursively; hidden files and folders are passed over. Paths that
// cannot be listed are returned as errors and left out of the plan.
func (r *Reader) Plan(paths []string) ([]Input, []*Error) {
	var inputs []Input
	var errs []*Error
	for _, p := range paths {
		if p == "-" {
			inputs = append(inputs, Input{Path: "-", Size: -1, Explicit: true})
			continue
		}
		info, err := os.Stat(p)
		if err != nil {
			errs = append(errs, &Error{Path: p, Err: describeFSError(err)})
			continue
		}
		if !info.IsDir() {
			inputs = append(inputs, Input{Path: p, Size: info.Size(), Explicit: true})
			continue
		}
		var found []Input
		walkErr := filepath.WalkDir(p, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				errs = append(errs, &Error{Path: path, Err: describeFSError(err)})
				if d != nil && d.IsDir() {
					return fs.SkipDir
				}
				return nil
			}
			name := d.Name()
			if path != p && strings.HasPrefix(name, ".") {
				if d.IsDir() {
					return fs.SkipDir
				}
				return nil
			}
			if d.IsDir() {
				return nil
			}
			if !d.Type().IsRegular() {
				return nil
			}
			fi, err := d.Info()
			if err != nil {
				errs = append(errs, &Error{Path: path, Err: describeFSError(err)})
				return nil
			}
			found = append(found, Input{Path: path, Size: fi.Size()})
			return nil
		})
		if walkErr != nil {
			errs = append(errs, &Error{Path: p, Err: describeFSError(walkErr)})
		}
		sort.Slice(found, func(i, j int) bool { return found[i].Path < found[j].Path })
		inputs = append(inputs, found...)
	}
	return inputs, errs
}

func describeFSError(err error) error {
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return errors.New("no such file or folder")
	case errors.Is(err, fs.ErrPermission):
		return errors.New("permission denied")
	}
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// Result is one outcome of reading: an article, or an error about one input
// or record. Skipped is set for files passed over without complaint.
type Result struct {
	Article *model.Article
	Err     *Error
	Skipped string // why a file found in a folder was passed over
}

// Read reads each input in turn and calls fn for every article and every
// error, in input order. It stops early only when fn returns an error or ctx
// is cancelled. done is called after each input with the bytes it held, for
// progress reporting; it may be nil.
func (r *Reader) Read(ctx context.Context, inputs []Input, fn func(Result) error, done func(in Input)) error {
	for _, in := range inputs {
		if err := ctx.Err(); err != nil {
			return err
		}
		if err := r.readInput(in, fn); err != nil {
			return err
		}
		if done != nil {
			done(in)
		}
	}
	return nil
}

func (r *Reader) readInput(in Input, fn func(Result) error) error {
	emitErr := func(line int, err error) error {
		return fn(Result{Err: &Error{Path: in.Path, Line: line, Err: err}})
	}
	var src io.Reader
	if in.Path == "-" {
		src = r.stdin
	} else {
		f, err := os.Open(in.Path)
		if err != nil {
			return emitErr(0, describeFSError(err))
		}
		defer f.Close()
		src = f
	}
	head, body, err := peek(src, 4096)
	if err != nil {
		return emitErr(0, fmt.Errorf("reading: %w", err))
	}
	format := r.opts.Format
	if format == "" {
		var why error
		format, why = detect(in.Path, head)
		if why != nil {
			if !in.Explicit && errors.Is(why, ErrUnsupported) {
				return fn(Result{Skipped: fmt.Sprintf("%s: %v", in.Path, why)})
			}
			return emitErr(0, why)
		}
	}
	p := &parser{opts: &r.opts, path: in.Path, emit: fn}
	switch format {
	case FormatJSONL:
		return p.jsonl(body)
	case FormatJSON:
		return p.jsonArray(body)
	case FormatCSV:
		return p.csv(body, ',')
	case FormatTSV:
		return p.csv(body, '\t')
	}
	// The remaining formats hold one article (or one feed) per file and are
	// read whole, within the size bound.
	data, err := io.ReadAll(io.LimitReader(body, r.opts.MaxArticleBytes+1))
	if err != nil {
		return emitErr(0, fmt.Errorf("reading: %w", err))
	}
	if int64(len(data)) > r.opts.MaxArticleBytes {
		return emitErr(0, fmt.Errorf("%w: over %s for one %s file; raise the limit with --max-article-size if this is meant",
			ErrTooLarge, humanBytes(r.opts.MaxArticleBytes), format))
	}
	switch format {
	case FormatSeed, FormatText:
		return p.text(data, format)
	case FormatFeed:
		return p.feed(data)
	case FormatHTML:
		return p.html(data)
	}
	return emitErr(0, fmt.Errorf("%w: format %q", ErrUnsupported, format))
}

func humanBytes(n int64) string {
	switch {
	case n >= 1<<30:
		return fmt.Sprintf("%.1f GiB", float64(n)/(1<<30))
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MiB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.1f KiB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d bytes", n)
}
