package cli

import (
	"fmt"
	"strings"
	"sync"
	"time"

	"github.com/schollz/progressbar/v3"
	"github.com/spf13/cobra"

	"github.com/sitrep-project/sitrep/internal/event"
	"github.com/sitrep-project/sitrep/internal/ingest"
	"github.com/sitrep-project/sitrep/internal/intake"
)

func init() { addCommand(newIngestCmd) }

// intakeFlags are the flags that say how to read inputs, shared by every
// command that reads articles.
type intakeFlags struct {
	date       string
	dateFormat string
	fields     []string
	format     string
	outlet     string
	maxSize    int64
}

func (f *intakeFlags) register(cmd *cobra.Command) {
	fl := cmd.Flags()
	fl.StringVar(&f.date, "date", "", "date (YYYY-MM-DD) for plain-text articles and records without one")
	fl.StringVar(&f.dateFormat, "date-format", "", "read the date field of dump records (and feed dates in no standard form) with this Go layout only, e.g. \"2006.1.2 15:04\" or \"02/01/2006\"; a date that does not fit is an error for its record")
	fl.StringSliceVar(&f.fields, "field", nil, "read a field from a dump's column or key of another NAME, e.g. --field text=content --field date=pubdate (fields: id, date, title, text, url, outlet); NAME is a column's name, not a value: see --outlet")
	fl.StringVar(&f.format, "format", "", "read every input as this format instead of detecting it: seed, text, jsonl, json, csv, tsv, feed, html")
	fl.StringVar(&f.outlet, "outlet", "", "outlet of every article that names none of its own, e.g. --outlet \"Harbour Courier\"")
	fl.Int64Var(&f.maxSize, "max-article-size", intake.DefaultMaxArticleBytes, "largest single article or one-article file, in bytes")
}

// options turns the flags into intake's options. Records without an id are
// named by date and title (intake.Options.NameByTitle), which a person can
// read and which do not change when a dump is exported in another order.
func (f *intakeFlags) options() (intake.Options, error) {
	opts := intake.Options{MaxArticleBytes: f.maxSize, Format: intake.Format(f.format), Outlet: f.outlet, NameByTitle: true}
	if f.date != "" {
		d, err := intake.ParseDate(f.date)
		if err != nil {
			return opts, fmt.Errorf("--date: %w", err)
		}
		opts.Date = d
	}
	if f.dateFormat != "" {
		if err := intake.CheckDateLayout(f.dateFormat); err != nil {
			return opts, fmt.Errorf("--date-format: %w", err)
		}
		opts.DateLayout = f.dateFormat
	}
	switch opts.Format {
	case "", intake.FormatSeed, intake.FormatText, intake.FormatJSONL, intake.FormatJSON, intake.FormatCSV, intake.FormatTSV, intake.FormatFeed, intake.FormatHTML:
	default:
		return opts, fmt.Errorf("--format %q: not one of seed, text, jsonl, json, csv, tsv, feed, html", f.format)
	}
	for _, m := range f.fields {
		k, v, ok := strings.Cut(m, "=")
		k = strings.ToLower(strings.TrimSpace(k))
		switch {
		case !ok || v == "":
			return opts, fmt.Errorf("--field %q: want FIELD=NAME", m)
		case k != "id" && k != "date" && k != "title" && k != "text" && k != "url" && k != "outlet":
			return opts, fmt.Errorf("--field %q: unknown field %q (fields: id, date, title, text, url, outlet)", m, k)
		}
		if opts.Fields == nil {
			opts.Fields = map[string]string{}
		}
		opts.Fields[k] = strings.TrimSpace(v)
	}
	return opts, nil
}

func newIngestCmd(app *App) *cobra.Command {
	var in intakeFlags
	var batch int
	var noExtract bool
	var wf writerFlags
	cmd := &cobra.Command{
		Use:   "ingest PATH...",
		Short: "Read articles from files, folders or - (stdin) into the store",
		Long: `Read articles into the store. PATH may be a file, a folder (read recursively)
or - for standard input. Formats are detected by extension and content:
  .txt          the seed format (a line "date YYYY-MM-DD", then the article),
                or plain text dated with --date
  .jsonl .json  one article per JSON object (date/published, title/headline,
                text/body/article, url, outlet/source, id)
  .csv .tsv     one article per row, with a header row naming the same fields;
                a header without a column the run needs is one error for the file
  .xml .rss .atom  RSS 2.0 and Atom feeds
  .html .htm    saved article pages (boilerplate removed)
--field maps a field to a column or key of another name, as in
--field outlet=publisher; --outlet NAME is the outlet of every article that
has none of its own.
Dates: 2022-03-18, 2022.3.18 14:37, 18.03.2022, 18/03/2022, RFC 3339, "March
18, 2022" and more; a slashed date that reads both ways (03/04/2022) is read
in the order the file's other dates show, or month first, with a note, when
none does. --date-format LAYOUT reads dump dates with one Go layout instead.
A record without an id is named by its date and title
(2022-03-18-russian-strikes-hit-kharkiv), or by file and line without a title.
Each new article's events are extracted (see "sitrep extract") and stored
with it. Ingest is idempotent: articles already stored are left as they are,
and an article whose text is already stored under another name is recorded
as a duplicate. Inputs that cannot be read are reported, one line each, and
skipped; the exit status is then 2.

One writer at a time: an ingest holds the store's writer lock from start to
end, and another ingest, reextract or merge on the same store waits for it
(up to --wait), so runs side by side give the same store as one after the
other. Readers (search, timeline, serve) never wait.`,
		Example: `  sitrep ingest examples/corpus
  sitrep ingest --date 2022-03-03 notes.txt
  cat dump.jsonl | sitrep ingest -
  sitrep ingest --field text=content --field date=pubdate export.csv
  sitrep ingest --date-format "2006.1.2 15:04" --outlet "Harbour Courier" desk.tsv`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts, err := in.options()
			if err != nil {
				return err
			}
			ctx := cmd.Context()
			st, err := app.openStore(ctx)
			if err != nil {
				return err
			}
			defer st.Close()
			release, err := app.lockWriter(ctx, st, cmd, wf)
			if err != nil {
				return err
			}
			defer release()
			var bar *progressbar.ProgressBar
			// Notes come from the goroutine that reads, problems and
			// progress from the one that stores: one lock keeps their
			// lines and the bar from cutting into each other.
			var errMu sync.Mutex
			say := func(prefix, line string) {
				errMu.Lock()
				defer errMu.Unlock()
				if bar != nil {
					// Erase the bar's line first; it redraws below.
					fmt.Fprint(app.Stderr, clearLine)
				}
				fmt.Fprintln(app.Stderr, prefix, line)
			}
			opts.OnNote = func(n intake.Note) { say("note:", n.String()) }
			r := intake.New(opts, app.Stdin)
			inputs, planErrs := r.Plan(args)
			for _, e := range planErrs {
				fmt.Fprintln(app.Stderr, "skipped", e.Error())
			}
			showProgress := !app.Quiet && !app.JSON && isTerminal(app.Stdout)
			ingOpts := ingest.Options{
				BatchSize: batch,
				Extractor: event.New(),
				Version:   event.Version,
				Resolve:   true,
				OnProblem: func(e *intake.Error) { say("skipped", e.Error()) },
			}
			if noExtract {
				ingOpts.Extractor = nil
				ingOpts.Resolve = false
			}
			if showProgress {
				bar = newBar(app, inputs)
				ingOpts.OnProgress = func(p ingest.Progress) {
					errMu.Lock()
					defer errMu.Unlock()
					bar.Describe(fmt.Sprintf("files %d/%d, articles %d", p.FilesDone, p.FilesTotal, p.Articles))
					if p.BytesTotal > 0 {
						bar.Set64(p.BytesDone)
					}
				}
			}
			sum, err := ingest.Run(ctx, r, inputs, st, ingOpts)
			if bar != nil {
				bar.Finish()
				fmt.Fprint(app.Stderr, clearLine)
			}
			sum.Skipped += len(planErrs)
			if err != nil {
				return fmt.Errorf("ingest stopped after %d stored articles (all committed): %w", sum.Stored, err)
			}
			switch {
			case app.JSON:
				if err := printJSON(app.Stdout, sum); err != nil {
					return err
				}
			case !app.Quiet && isTerminal(app.Stdout):
				fmt.Fprintln(app.Stdout, sum.Line())
			}
			if sum.Skipped > 0 {
				return exitCode{code: 2, msg: fmt.Sprintf("%d input(s) skipped; see the lines above", sum.Skipped)}
			}
			return nil
		},
	}
	in.register(cmd)
	wf.register(cmd)
	cmd.Flags().IntVar(&batch, "batch", ingest.DefaultBatchSize, "articles committed per transaction")
	cmd.Flags().BoolVar(&noExtract, "no-extract", false, "store articles without extracting events (run reextract later)")
	return cmd
}

// clearLine returns the cursor to the start of the line and erases it.
const clearLine = "\r\x1b[K"

// newBar draws ingest progress by bytes read, with speed and time left.
func newBar(app *App, inputs []intake.Input) *progressbar.ProgressBar {
	var total int64
	for _, in := range inputs {
		if in.Size > 0 {
			total += in.Size
		}
	}
	if total == 0 {
		total = -1
	}
	return progressbar.NewOptions64(total,
		progressbar.OptionSetWriter(app.Stderr),
		progressbar.OptionShowBytes(true),
		progressbar.OptionSetWidth(30),
		progressbar.OptionThrottle(100*time.Millisecond),
		progressbar.OptionShowElapsedTimeOnFinish(),
		progressbar.OptionSetPredictTime(true),
		progressbar.OptionClearOnFinish(),
	)
}
