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
	"runtime"
	"sort"
	"strings"
	"syscall"
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
	// ErrMissingColumn is a CSV or TSV header without a column the run
	// needs: one named with --field, or one of text or headline, or of
	// dates when no --date is given. It is reported once for the file.
	ErrMissingColumn = errors.New("missing column")
	// ErrNotRegular is a path that is neither a file nor a folder: a
	// named pipe, a device or a socket.
	ErrNotRegular = errors.New("not a regular file")
	// ErrLinkLoop is a symbolic link that leads back to itself or into a
	// folder that contains it.
	ErrLinkLoop = errors.New("symbolic link loop")
	// ErrDanglingLink is a symbolic link to nothing.
	ErrDanglingLink = errors.New("dangling symbolic link")
	// ErrAlreadyRead is a folder reached a second time through a
	// symbolic link while walking one path; it is read once.
	ErrAlreadyRead = errors.New("already read")
	// ErrInternal is a failure of the reader itself (a panic, caught):
	// a bug to report, which costs the rest of that one input only.
	ErrInternal = errors.New("internal error in the reader")
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
	// MaxArticleBytes bounds one article (a text, feed or HTML file, one
	// record's text). Dumps may be as large as they like: they are streamed
	// record by record, and one record's raw bytes (a JSON line or array
	// element, a CSV row) may be at most twice this, so that memory follows
	// this limit and not the input's size.
	MaxArticleBytes int64
	// Format forces a format instead of detecting it.
	Format Format
	// Undated reads plain text that has no date as undated instead of
	// refusing it, for a caller that needs no date (parsing).
	Undated bool
	// DateLayout, when set, is the Go time layout ("2006.1.2 15:04") that
	// the date field of every dump record (CSV, TSV, JSON, JSON Lines) is
	// read with, and a feed date that is not in a standard feed form: a
	// date that does not fit it is an error for its record, not a guess.
	// Check it first with CheckDateLayout.
	DateLayout string
	// Outlet is the outlet of every article that names none of its own: a
	// dump without an outlet column, a feed without a title, a page or a
	// text file.
	Outlet string
	// NameByTitle names a record or feed item that has no id by its date
	// and title ("2022-03-18-russian-strikes-hit-kharkiv"), which a person
	// can read and which stays the same when the dump is exported again in
	// another order, rather than by its place in the file ("desk:4011").
	// Names are unique among those one Reader gives (see names). Off,
	// records are named by place: the HTTP ingest relies on "stdin:N" to
	// tell the articles posted without an id, which it names itself.
	NameByTitle bool
	// OnNote, if set, is told what was read in a way the user may not
	// have meant, though nothing was skipped (see Note). It is called on
	// the goroutine that calls Read, as the input is read.
	OnNote func(Note)
}

// Note is a remark about one input that is not an error: everything in it
// was read, but some of it in a way the user may not have meant (dates
// read month first for want of one that tells, a key named with --field
// that no record has). The caller shows it; nothing counts as skipped.
type Note struct {
	Path string
	Text string
}

// String names the input and says what is worth knowing about it.
func (n Note) String() string { return n.Path + ": " + n.Text }

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

// Reader reads articles; make one with New. One Reader is one run: the
// names it gives records without an id are unique among themselves.
type Reader struct {
	opts  Options
	stdin io.Reader
	names *names
}

// New returns a Reader with the given options. stdin is read for the path "-".
func New(opts Options, stdin io.Reader) *Reader {
	if opts.MaxArticleBytes <= 0 {
		opts.MaxArticleBytes = DefaultMaxArticleBytes
	}
	opts.Outlet = collapseSpace(opts.Outlet)
	return &Reader{opts: opts, stdin: stdin, names: newNames()}
}

// Plan expands paths into the files to read, in a stable order, with their
// sizes, so a caller can show progress against a known total. Folders are
// walked recursively; hidden files and folders are passed over. Symbolic
// links, named or found in a folder, are followed once. Paths that cannot be
// read (missing, unlistable, not regular files such as pipes, devices and
// sockets, links that lead nowhere or back into a folder being walked) are
// returned as errors and left out of the plan: each is one skipped input.
func (r *Reader) Plan(paths []string) ([]Input, []*Error) {
	var inputs []Input
	var errs []*Error
	for _, p := range paths {
		if p == "-" {
			inputs = append(inputs, Input{Path: "-", Size: -1, Explicit: true})
			continue
		}
		// Stat, not Lstat: a link named by the user stands for what it
		// points to.
		info, err := os.Stat(p)
		if err != nil {
			errs = append(errs, &Error{Path: p, Err: statError(p, err)})
			continue
		}
		switch {
		case info.Mode().IsRegular():
			inputs = append(inputs, Input{Path: p, Size: info.Size(), Explicit: true})
		case info.IsDir():
			w := walker{seen: map[string]string{}, walking: map[string]bool{}}
			w.dir(p)
			sort.Slice(w.found, func(i, j int) bool { return w.found[i].Path < w.found[j].Path })
			inputs = append(inputs, w.found...)
			errs = append(errs, w.errs...)
		default:
			errs = append(errs, &Error{Path: p, Err: notRegular(info.Mode())})
		}
	}
	return inputs, errs
}

// walker lists the files under a folder, following symbolic links once.
type walker struct {
	found []Input
	errs  []*Error
	// seen maps the real path of each folder listed to the path it was
	// listed as, so that a folder reached again through a link is not read
	// twice; walking holds the real paths of the folders being listed
	// now, the ancestors of the current one, so that a link back into one
	// of them is told apart as a loop.
	seen    map[string]string
	walking map[string]bool
}

// dir lists one folder and what is under it.
func (w *walker) dir(path string) {
	real, err := realPath(path)
	if err != nil {
		w.errs = append(w.errs, &Error{Path: path, Err: describeFSError(err)})
		return
	}
	if prev, ok := w.seen[real]; ok {
		if w.walking[real] {
			w.errs = append(w.errs, &Error{Path: path, Err: fmt.Errorf("%w: leads back to %s, which contains it", ErrLinkLoop, prev)})
		} else {
			w.errs = append(w.errs, &Error{Path: path, Err: fmt.Errorf("%w: the folder was already read as %s", ErrAlreadyRead, prev)})
		}
		return
	}
	w.seen[real] = path
	w.walking[real] = true
	defer delete(w.walking, real)
	// ReadDir returns the entries it could read even when it fails part
	// way, so those are still walked.
	entries, err := os.ReadDir(path)
	if err != nil {
		w.errs = append(w.errs, &Error{Path: path, Err: describeFSError(err)})
	}
	for _, e := range entries {
		name := e.Name()
		if strings.HasPrefix(name, ".") {
			continue // hidden: passed over by design, as the README says
		}
		child := filepath.Join(path, name)
		var info fs.FileInfo
		if e.Type()&fs.ModeSymlink != 0 {
			info, err = os.Stat(child)
			if err != nil {
				w.errs = append(w.errs, &Error{Path: child, Err: statError(child, err)})
				continue
			}
		} else if info, err = e.Info(); err != nil {
			w.errs = append(w.errs, &Error{Path: child, Err: describeFSError(err)})
			continue
		}
		switch {
		case info.IsDir():
			w.dir(child)
		case info.Mode().IsRegular():
			w.found = append(w.found, Input{Path: child, Size: info.Size()})
		default:
			w.errs = append(w.errs, &Error{Path: child, Err: notRegular(info.Mode())})
		}
	}
}

// realPath is the absolute path of a folder with every link resolved: the
// one name it has however it is reached.
func realPath(path string) (string, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return "", err
	}
	return filepath.EvalSymlinks(abs)
}

// statError explains why a path could not be followed: for a symbolic link
// that leads nowhere or round in a circle, that it is such a link and where
// it points, rather than a bare "no such file".
func statError(path string, err error) error {
	li, lerr := os.Lstat(path)
	if lerr != nil || li.Mode()&fs.ModeSymlink == 0 {
		return describeFSError(err)
	}
	target, _ := os.Readlink(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return fmt.Errorf("%w: points to %s, which does not exist", ErrDanglingLink, target)
	case errors.Is(err, syscall.ELOOP):
		return fmt.Errorf("%w: points to %s, which leads back to itself", ErrLinkLoop, target)
	}
	return fmt.Errorf("symbolic link to %s: %w", target, describeFSError(err))
}

// notRegular refuses a path that is neither a file nor a folder. Opening a
// named pipe blocks until something writes to it, and a device or socket
// may never end; none of them holds a saved article.
func notRegular(mode fs.FileMode) error {
	kind := "special file"
	switch {
	case mode&fs.ModeNamedPipe != 0:
		kind = "named pipe (FIFO); pipe it to standard input with - instead"
	case mode&fs.ModeSocket != 0:
		kind = "socket"
	case mode&fs.ModeCharDevice != 0:
		kind = "character device"
	case mode&fs.ModeDevice != 0:
		kind = "device"
	case mode&fs.ModeIrregular != 0:
		kind = "file of an unknown kind"
	}
	return fmt.Errorf("%w: a %s", ErrNotRegular, kind)
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

	// For intake's own use while a result waits its turn (see
	// parser.deliver): alt is the day-first reading of an article's date
	// that could be read either way before its file showed which, and
	// place is ":N" or "#N" for an article without an id, which is named
	// when it goes out, in input order and with its final date.
	alt   time.Time
	place string
}

// Read reads each input in turn and calls fn for every article and every
// error, in input order. It stops early only when fn returns an error or ctx
// is cancelled. done is called after each input with the bytes it held, for
// progress reporting; it may be nil.
//
// A panic while reading one input is caught and reported as an *Error
// wrapping ErrInternal for that input, and the next input is read: one
// malformed file must not cost the rest of a run. A panic inside fn is the
// caller's and is not caught.
func (r *Reader) Read(ctx context.Context, inputs []Input, fn func(Result) error, done func(in Input)) error {
	for _, in := range inputs {
		if err := ctx.Err(); err != nil {
			return err
		}
		if err := r.readGuarded(in, fn); err != nil {
			return err
		}
		if done != nil {
			done(in)
		}
	}
	return nil
}

// readGuarded reads one input, turning a panic in the reader into an error
// about that input, at the line or record it had reached.
func (r *Reader) readGuarded(in Input, fn func(Result) error) (err error) {
	inFn := false
	p := &parser{opts: &r.opts, path: in.Path, names: r.names}
	p.send = func(res Result) error {
		inFn = true
		ferr := fn(res)
		inFn = false
		return ferr
	}
	p.emit = func(res Result) error { return p.deliver(p.check(res)) }
	defer func() {
		if v := recover(); v != nil {
			if inFn {
				panic(v)
			}
			err = p.emit(Result{Err: &Error{Path: in.Path, Line: p.atLine, Record: p.atRecord,
				Err: fmt.Errorf("%w: %v (in %s); the rest of this input is skipped; please report it", ErrInternal, v, panicSite())}})
		}
		if err == nil {
			// Results held back for the file's date order go out now,
			// and what the file as a whole showed is noted.
			err = p.finish()
		}
	}()
	return r.readInput(in, p)
}

// check is the last look at every result before it goes out: it catches
// what a reader let through and fills in what the options give.
func (p *parser) check(res Result) Result {
	a := res.Article
	if a == nil {
		return res
	}
	if a.Text == "" {
		// Every reader makes a headline-only article of an item with a
		// title and no body; this catches one that does not (a page whose
		// body only repeats its title), for an article without text would
		// share one id with every other.
		if withHeadline(a) == nil {
			return Result{Err: &Error{Path: p.path, Line: p.atLine, Record: p.atRecord, Err: ErrEmpty}}
		}
	}
	if !a.Date.IsZero() {
		// Every reader checks its dates; this catches one that does not
		// (a page's metadata) before an impossible date is stored.
		if derr := checkDate(a.Date, a.DateString()); derr != nil {
			return Result{Err: &Error{Path: p.path, Line: p.atLine, Record: p.atRecord, Err: derr}}
		}
	}
	if a.Outlet == "" {
		a.Outlet = p.opts.Outlet
	}
	return res
}

// panicSite names the function and line that panicked, for the report: the
// first frame below the panic that is not the runtime's own.
func panicSite() string {
	pcs := make([]uintptr, 32)
	n := runtime.Callers(3, pcs)
	frames := runtime.CallersFrames(pcs[:n])
	for {
		f, more := frames.Next()
		if !strings.HasPrefix(f.Function, "runtime.") {
			return fmt.Sprintf("%s at %s:%d", f.Function, filepath.Base(f.File), f.Line)
		}
		if !more {
			return "unknown place"
		}
	}
}

func (r *Reader) readInput(in Input, p *parser) error {
	var src io.Reader
	if in.Path == "-" {
		src = r.stdin
		if src == nil {
			return p.fail(0, errors.New("no standard input to read"))
		}
	} else {
		// Look before opening: opening a named pipe blocks until a writer
		// comes, which may be never. Plan checks too, but a caller may
		// build its own inputs and a path may change in between.
		info, err := os.Stat(in.Path)
		if err != nil {
			return p.fail(0, statError(in.Path, err))
		}
		if !info.Mode().IsRegular() {
			if info.IsDir() {
				return p.fail(0, errors.New("a folder, not a file"))
			}
			return p.fail(0, notRegular(info.Mode()))
		}
		f, err := os.Open(in.Path)
		if err != nil {
			return p.fail(0, describeFSError(err))
		}
		defer f.Close()
		src = f
	}
	head, body, err := peek(src, 4096)
	if err != nil {
		return p.fail(0, fmt.Errorf("reading: %w", err))
	}
	format := r.opts.Format
	if format == "" {
		var why error
		format, why = detect(in.Path, head)
		if why != nil {
			if !in.Explicit && errors.Is(why, ErrUnsupported) {
				return p.emit(Result{Skipped: fmt.Sprintf("%s: %v", in.Path, why)})
			}
			return p.fail(0, why)
		}
	}
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
		return p.fail(0, fmt.Errorf("reading: %w", err))
	}
	if int64(len(data)) > r.opts.MaxArticleBytes {
		return p.fail(0, fmt.Errorf("%w: over %s for one %s file; raise the limit with --max-article-size if this is meant",
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
	return p.fail(0, fmt.Errorf("%w: format %q", ErrUnsupported, format))
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
