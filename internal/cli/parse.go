package cli

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"text/tabwriter"
	"time"

	"github.com/schollz/progressbar/v3"
	"github.com/spf13/cobra"

	"github.com/sitrep-project/sitrep/internal/intake"
	"github.com/sitrep-project/sitrep/internal/model"
	"github.com/sitrep-project/sitrep/internal/syntax"
)

func init() { addCommand(newParseCmd) }

// The output formats of "sitrep parse".
const (
	parseConllu = "conllu"
	parseJSON   = "json"
	parseText   = "text"
)

func newParseCmd(app *App) *cobra.Command {
	var in intakeFlags
	var format, modelPath, pretokenized string
	var workers int
	cmd := &cobra.Command{
		Use:   "parse [--format conllu|json|text] PATH...|-",
		Short: "Tag, lemmatise and parse the sentences of articles (the syntax stage)",
		Long: `Cut each article's text into sentences and tokens and give every word its
universal part of speech (UPOS), Penn tag (XPOS), lemma, morphological
features and a labelled dependency tree with Universal Dependencies v2
relations. Articles are read as ingest reads them (files, folders, JSONL and
CSV dumps, feeds, pages, - for standard input; --input-format forces a
format) and parsed on --workers cores; the output keeps the input order.

--format says how to write the analysis:
  text    (the default) each sentence with one word a row: id, form, lemma,
          UPOS, head and relation
  conllu  CoNLL-U: each sentence with "# doc = DOC", "# sent_id = DOC-N"
          and "# text" comments (the first of an article also with
          "# newdoc id" and "# date"), and each word's byte offsets into
          the article text in MISC as TokenRange=START:END
  json    one JSON object an article a line: {doc, date, sentences: [{text,
          start, end, words: [{id, form, lemma, upos, xpos, feats, head,
          deprel, start, end}]}]}; --json means the same
Offsets are bytes into the article text as intake reads it.

--pretokenized FILE.conllu reads a CoNLL-U file instead and keeps its
tokens exactly (ids, forms, comments, multiword token lines and MISC; empty
nodes such as 8.1 are dropped): only the forms reach the model, and every
annotation column is replaced by the model's. The output is CoNLL-U, for
any outside scorer (such as the CoNLL 2018 shared task's conll18_ud_eval.py).

Unless --quiet, a summary goes to standard error at the end: articles,
sentences, words, time, MB of article text and words per second, and the
number of workers. Inputs and records that cannot be read are skipped and
reported (the first 20 one a line, the rest counted); the exit status is
then 2.`,
		Example: `  sitrep parse examples/corpus/seeds
  sitrep parse --format conllu ../shared/bench/reuters21578 > /dev/null
  sitrep parse --format conllu --workers 1 ../shared/bench/reuters21578 > /dev/null
  echo "Germany pledged 500 missiles." | sitrep parse -
  sitrep parse --pretokenized ../shared/ud/en-ewt/en_ewt-ud-dev.conllu > dev.pred.conllu`,
		RunE: func(cmd *cobra.Command, args []string) error {
			if workers < 1 {
				return fmt.Errorf("--workers %d: give at least 1", workers)
			}
			if app.JSON {
				switch {
				case !cmd.Flags().Changed("format"):
					format = parseJSON
				case format != parseJSON:
					return fmt.Errorf("--json and --format %s disagree; give one", format)
				}
			}
			switch format {
			case parseConllu, parseJSON, parseText:
			default:
				return fmt.Errorf("--format %q: not one of conllu, json, text", format)
			}
			if pretokenized != "" {
				if len(args) > 0 {
					return fmt.Errorf("--pretokenized reads only its own file; drop %s", strings.Join(args, " "))
				}
				if app.JSON {
					return fmt.Errorf("--pretokenized writes CoNLL-U only; drop --json")
				}
				if cmd.Flags().Changed("format") && format != parseConllu {
					return fmt.Errorf("--pretokenized writes CoNLL-U only; drop --format %s", format)
				}
			} else if len(args) == 0 {
				return fmt.Errorf("give the articles to parse (files, folders, or - for standard input), or --pretokenized FILE.conllu")
			}
			if pretokenized != "" {
				return parsePretokenized(app, modelPath, pretokenized, workers)
			}
			return parseArticles(cmd.Context(), app, modelPath, in, args, format, workers)
		},
	}
	fl := cmd.Flags()
	fl.StringVar(&format, "format", parseText, "output: conllu, json or text")
	fl.StringVar(&modelPath, "model", "", "a syntax model file written by \"sitrep train syntax\" (default: the shipped model)")
	fl.StringVar(&pretokenized, "pretokenized", "", "annotate the tokens of this CoNLL-U file (- for standard input) instead of reading articles")
	fl.IntVar(&workers, "workers", runtime.NumCPU(), "articles (or, with --pretokenized, sentences) parsed at once; default: the number of CPUs (1 measures one core)")
	// The intake flags, with the input format renamed: --format here is the output's.
	fl.StringVar(&in.date, "date", "", "date (YYYY-MM-DD) for plain-text articles and records without one")
	fl.StringSliceVar(&in.fields, "field", nil, "map a field to a dump's column or key, e.g. --field text=content --field date=pubdate (fields: id, date, title, text, url, outlet)")
	fl.StringVar(&in.format, "input-format", "", "read every input as this format instead of detecting it: seed, text, jsonl, json, csv, tsv, feed, html")
	fl.Int64Var(&in.maxSize, "max-article-size", intake.DefaultMaxArticleBytes, "largest single article or one-article file, in bytes")
	return cmd
}

// loadSyntaxModel reads the model file at path, or returns the shipped
// model when path is empty.
func loadSyntaxModel(path string) (*syntax.Model, error) {
	if path == "" {
		m, err := syntax.Default()
		if err != nil {
			return nil, fmt.Errorf("the shipped syntax model: %w", err)
		}
		return m, nil
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("--model: %w", err)
	}
	defer f.Close()
	m, err := syntax.Load(bufio.NewReader(f))
	if err != nil {
		return nil, fmt.Errorf("--model %s: %w", path, err)
	}
	return m, nil
}

// parseStats counts what a parse run did, for its summary line.
type parseStats struct {
	articles, sentences, words int
	bytes                      int64
}

// parseResult is one article's analysis, already written out in the
// output format by the worker that parsed it.
type parseResult struct {
	out              []byte
	sentences, words int
	bytes            int64
}

// parseArticles reads the articles of paths, parses them on workers
// goroutines and writes their analyses in input order.
func parseArticles(ctx context.Context, app *App, modelPath string, in intakeFlags, paths []string, format string, workers int) error {
	opts, err := in.options()
	if err != nil {
		// The shared intake flags call the input format --format; here it is --input-format.
		if msg, ok := strings.CutPrefix(err.Error(), "--format "); ok {
			return errors.New("--input-format " + msg)
		}
		return err
	}
	m, err := loadSyntaxModel(modelPath)
	if err != nil {
		return err
	}
	// Parsing needs no date: plain text without one is parsed undated.
	opts.Undated = true
	r := intake.New(opts, app.Stdin)
	inputs, planErrs := r.Plan(paths)
	var bar *progressbar.ProgressBar
	if !app.Quiet && isTerminal(app.Stderr) {
		bar = newBar(app, inputs)
	}
	// Dumps such as Reuters-21578 hold thousands of records without text:
	// the first few skipped inputs are listed, the rest counted.
	skipped := 0
	report := func(e *intake.Error) {
		skipped++
		if skipped > maxSkippedListed {
			return
		}
		if bar != nil {
			fmt.Fprint(app.Stderr, clearLine)
		}
		fmt.Fprintln(app.Stderr, "skipped", e.Error())
	}
	for _, e := range planErrs {
		report(e)
	}
	start := time.Now()

	bw := bufio.NewWriterSize(app.Stdout, 256<<10)
	jobs := make(chan parseJob)
	order := make(chan chan parseResult, 4*workers)
	var wg sync.WaitGroup
	for i := 0; i < workers; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				j.done <- parseArticle(m, j.article, format)
			}
		}()
	}
	// The writer takes results in the order the articles were read. After a
	// write error it keeps draining, so that no worker blocks, and the reader
	// stops at its next article.
	var st parseStats
	var writeErr error
	var failed atomic.Bool
	written := make(chan struct{})
	go func() {
		defer close(written)
		for done := range order {
			res := <-done
			if writeErr != nil {
				continue
			}
			if _, err := bw.Write(res.out); err != nil {
				writeErr = fmt.Errorf("writing: %w", err)
				failed.Store(true)
				continue
			}
			st.articles++
			st.sentences += res.sentences
			st.words += res.words
			st.bytes += res.bytes
			if bar != nil {
				bar.Describe(fmt.Sprintf("articles %d, sentences %d", st.articles, st.sentences))
			}
		}
	}()
	readErr := r.Read(ctx, inputs, func(res intake.Result) error {
		switch {
		case failed.Load():
			return errParseStopped
		case res.Err != nil:
			report(res.Err)
		case res.Article != nil:
			done := make(chan parseResult, 1)
			order <- done
			jobs <- parseJob{article: res.Article, done: done}
		}
		return nil
	}, func(in intake.Input) {
		if bar != nil && in.Size > 0 {
			bar.Add64(in.Size)
		}
	})
	close(jobs)
	close(order)
	wg.Wait()
	<-written
	if bar != nil {
		bar.Finish()
		fmt.Fprint(app.Stderr, clearLine)
	}
	if writeErr != nil {
		return writeErr
	}
	// Write out what was parsed, even when reading stopped early.
	flushErr := bw.Flush()
	if readErr != nil {
		return fmt.Errorf("parse stopped after %d articles: %w", st.articles, readErr)
	}
	if flushErr != nil {
		return fmt.Errorf("writing: %w", flushErr)
	}
	if !app.Quiet {
		fmt.Fprintln(app.Stderr, st.line(time.Since(start), workers, skipped))
	}
	if skipped > maxSkippedListed {
		return exitCode{code: 2, msg: fmt.Sprintf("%d input(s) skipped; the first %d are listed above", skipped, maxSkippedListed)}
	}
	if skipped > 0 {
		return exitCode{code: 2, msg: fmt.Sprintf("%d input(s) skipped; see the lines above", skipped)}
	}
	if st.articles == 0 {
		return fmt.Errorf("no articles in %s", strings.Join(paths, " "))
	}
	return nil
}

// maxSkippedListed is how many skipped inputs parse lists one a line.
const maxSkippedListed = 20

// errParseStopped ends reading once the output has failed; the write error
// is the one reported.
var errParseStopped = errors.New("output failed")

// parseJob is one article to parse and where its result goes.
type parseJob struct {
	article *model.Article
	done    chan parseResult
}

// line is the summary printed at the end of a parse run.
func (s parseStats) line(elapsed time.Duration, workers, skipped int) string {
	secs := elapsed.Seconds()
	var mbps, wps float64
	if secs > 0 {
		mbps = float64(s.bytes) / 1e6 / secs
		wps = float64(s.words) / secs
	}
	var skip string
	if skipped > 0 {
		skip = fmt.Sprintf(", %d skipped", skipped)
	}
	return fmt.Sprintf("%s (%.1f MB of text%s): %s, %s in %s (%.2f MB/s, %.0f words/s, %s)",
		counted(s.articles, "article"), float64(s.bytes)/1e6, skip, counted(s.sentences, "sentence"), counted(s.words, "word"),
		elapsed.Round(time.Millisecond), mbps, wps, counted(workers, "worker"))
}

// counted writes n and a noun, plural unless n is 1.
func counted(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return strconv.Itoa(n) + " " + noun + "s"
}

// parseArticle analyses one article and writes the result in format.
func parseArticle(m *syntax.Model, a *model.Article, format string) parseResult {
	sents := m.ParseText(a.Text)
	res := parseResult{sentences: len(sents), bytes: int64(len(a.Text))}
	for _, s := range sents {
		res.words += len(s.Words)
	}
	var buf bytes.Buffer
	switch format {
	case parseConllu:
		writeArticleCoNLLU(&buf, a, sents)
	case parseJSON:
		writeArticleJSON(&buf, a, sents)
	default:
		writeArticleText(&buf, a, sents)
	}
	res.out = buf.Bytes()
	return res
}

// writeArticleCoNLLU writes an article's sentences in CoNLL-U: the first
// opens a new document, and every one names its article and its place in it.
func writeArticleCoNLLU(w *bytes.Buffer, a *model.Article, sents []syntax.Sentence) {
	doc := commentValue(a.Doc)
	for i := range sents {
		s := &sents[i]
		head := make([]string, 0, 5+len(s.Comments))
		if i == 0 {
			head = append(head, "# newdoc id = "+doc)
			if d := a.DateString(); d != "" {
				head = append(head, "# date = "+d)
			}
		}
		head = append(head, "# doc = "+doc, "# sent_id = "+doc+"-"+strconv.Itoa(i+1))
		s.Comments = append(head, s.Comments...)
	}
	// Writing to a bytes.Buffer cannot fail.
	_ = syntax.WriteCoNLLU(w, sents)
}

// commentValue folds line breaks, which would end a CoNLL-U comment.
func commentValue(s string) string {
	return strings.NewReplacer("\r\n", " ", "\n", " ", "\r", " ").Replace(s)
}

// parseArticleJSON is one article as "sitrep parse --format json" prints it.
type parseArticleJSON struct {
	Doc       string              `json:"doc"`
	Date      string              `json:"date"`
	Sentences []parseSentenceJSON `json:"sentences"`
}

// parseSentenceJSON is one sentence: its text as written, with the byte
// offsets of that text in the article, and its words.
type parseSentenceJSON struct {
	Text  string          `json:"text"`
	Start int             `json:"start"`
	End   int             `json:"end"`
	Words []parseWordJSON `json:"words"`
}

// parseWordJSON is one word with its analysis and byte offsets.
type parseWordJSON struct {
	ID     int    `json:"id"`
	Form   string `json:"form"`
	Lemma  string `json:"lemma"`
	UPOS   string `json:"upos"`
	XPOS   string `json:"xpos"`
	Feats  string `json:"feats"`
	Head   int    `json:"head"`
	Deprel string `json:"deprel"`
	Start  int    `json:"start"`
	End    int    `json:"end"`
}

// writeArticleJSON writes an article's analysis as one line of JSON.
func writeArticleJSON(w *bytes.Buffer, a *model.Article, sents []syntax.Sentence) {
	out := parseArticleJSON{Doc: a.Doc, Date: a.DateString(), Sentences: make([]parseSentenceJSON, 0, len(sents))}
	for _, s := range sents {
		js := parseSentenceJSON{Words: make([]parseWordJSON, 0, len(s.Words))}
		if n := len(s.Words); n > 0 {
			js.Start, js.End = s.Words[0].Start, s.Words[n-1].End
			if 0 <= js.Start && js.Start <= js.End && js.End <= len(a.Text) {
				js.Text = a.Text[js.Start:js.End]
			}
		}
		for _, x := range s.Words {
			js.Words = append(js.Words, parseWordJSON{
				ID: x.ID, Form: x.Form, Lemma: x.Lemma, UPOS: x.UPOS, XPOS: x.XPOS, Feats: x.Feats,
				Head: x.Head, Deprel: x.Deprel, Start: x.Start, End: x.End,
			})
		}
		out.Sentences = append(out.Sentences, js)
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	// The values are strings and numbers, and a bytes.Buffer takes any write.
	_ = enc.Encode(out)
}

// writeArticleText writes an article's analysis for reading: a heading,
// then each sentence's text and one word a row.
func writeArticleText(w *bytes.Buffer, a *model.Article, sents []syntax.Sentence) {
	words := 0
	for _, s := range sents {
		words += len(s.Words)
	}
	fmt.Fprintf(w, "%s  %s  ", a.Doc, orDash(a.DateString()))
	if a.Title != "" {
		fmt.Fprintf(w, "%s  ", strings.Join(strings.Fields(a.Title), " "))
	}
	fmt.Fprintf(w, "(%s, %s)\n", counted(len(sents), "sentence"), counted(words, "word"))
	for i, s := range sents {
		if len(s.Words) == 0 {
			continue
		}
		var text string
		if st, en := s.Words[0].Start, s.Words[len(s.Words)-1].End; 0 <= st && st <= en && en <= len(a.Text) {
			text = strings.Join(strings.Fields(a.Text[st:en]), " ")
		}
		fmt.Fprintf(w, "\n  %d  %s\n", i+1, text)
		writeWordTable(w, s.Words, "      ")
	}
	fmt.Fprintln(w)
}

// writeWordTable prints words one a row: id, form, lemma, UPOS, head and
// relation, with the head's form beside its id.
func writeWordTable(w io.Writer, words []syntax.Word, indent string) {
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	for _, x := range words {
		head := strconv.Itoa(x.Head)
		if x.Head > 0 && x.Head <= len(words) {
			head += " " + words[x.Head-1].Form
		}
		fmt.Fprintf(tw, "%s%d\t%s\t%s\t%s\t%s\t%s\n", indent, x.ID, x.Form, x.Lemma, x.UPOS, head, x.Deprel)
	}
	tw.Flush()
}

// parsePretokenized annotates the tokens of a CoNLL-U file and writes them
// back with the model's analysis.
func parsePretokenized(app *App, modelPath, path string, workers int) error {
	gold, err := readCoNLLUFile(app, path)
	if err != nil {
		return err
	}
	m, err := loadSyntaxModel(modelPath)
	if err != nil {
		return err
	}
	start := time.Now()
	pred := annotateTokens(m, gold, workers)
	bw := bufio.NewWriterSize(app.Stdout, 256<<10)
	if err := syntax.WriteCoNLLU(bw, pred); err != nil {
		return fmt.Errorf("writing: %w", err)
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("writing: %w", err)
	}
	if !app.Quiet {
		words := 0
		for _, s := range pred {
			words += len(s.Words)
		}
		elapsed := time.Since(start)
		fmt.Fprintf(app.Stderr, "%s: %s, %s in %s (%.0f words/s, %s)\n", path, counted(len(pred), "sentence"), counted(words, "word"),
			elapsed.Round(time.Millisecond), float64(words)/max(elapsed.Seconds(), 1e-9), counted(workers, "worker"))
	}
	return nil
}

// readCoNLLUFile reads every sentence of a CoNLL-U file, or of standard
// input for "-". A file without sentences is an error.
func readCoNLLUFile(app *App, path string) ([]syntax.Sentence, error) {
	var r io.Reader
	name := path
	if path == "-" {
		r, name = app.Stdin, "standard input"
	} else {
		f, err := os.Open(path)
		if err != nil {
			return nil, fmt.Errorf("reading CoNLL-U: %w", err)
		}
		defer f.Close()
		r = f
	}
	sents, err := syntax.ReadCoNLLU(r, name)
	if err != nil {
		return nil, fmt.Errorf("reading CoNLL-U: %w", err)
	}
	if len(sents) == 0 {
		return nil, fmt.Errorf("%s: no sentences in this CoNLL-U file", name)
	}
	return sents, nil
}

// annotateTokens analyses each sentence's tokens afresh on workers
// goroutines. Only the forms reach the model, so nothing of the input's own
// annotation can leak into the result; ids, forms, MISC, comments and
// multiword token lines are kept as they were.
func annotateTokens(m *syntax.Model, sents []syntax.Sentence, workers int) []syntax.Sentence {
	out := make([]syntax.Sentence, len(sents))
	var next atomic.Int64
	var wg sync.WaitGroup
	for range min(workers, len(sents)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				i := int(next.Add(1)) - 1
				if i >= len(sents) {
					return
				}
				s := sents[i]
				words := make([]syntax.Word, len(s.Words))
				for j, x := range s.Words {
					words[j] = syntax.Word{Form: x.Form}
				}
				m.Annotate(words)
				for j, x := range s.Words {
					words[j].ID, words[j].Misc = x.ID, x.Misc
					words[j].Start, words[j].End = -1, -1
				}
				out[i] = syntax.Sentence{
					Comments: append([]string(nil), s.Comments...),
					Words:    words,
					Ranges:   append([]string(nil), s.Ranges...),
				}
			}
		}()
	}
	wg.Wait()
	return out
}
