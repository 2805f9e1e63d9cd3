package cli

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/sitrep-project/sitrep/internal/intake"
	"github.com/sitrep-project/sitrep/internal/model"
	"github.com/sitrep-project/sitrep/internal/query"
	"github.com/sitrep-project/sitrep/internal/store"
)

func init() {
	addCommand(newSearchCmd)
	addCommand(newShowCmd)
	addCommand(newStatsCmd)
}

// hasSearchWord reports whether a query holds a word to look for.
func hasSearchWord(q string) bool {
	for _, t := range store.ParseQuery(q) {
		if !t.Not {
			return true
		}
	}
	return false
}

// knownOutlet finds the stored outlet a --outlet value names, ignoring
// case; an outlet the store does not hold is an error that lists those
// it does, most articles first, since a filter that matches nothing looks
// like an answer.
func knownOutlet(ctx context.Context, st store.Store, name string) (string, error) {
	stats, err := st.Stats(ctx)
	if err != nil {
		return "", err
	}
	var names []string
	for _, o := range stats.ByOutlet {
		if o.Key == "(none)" {
			continue
		}
		if strings.EqualFold(strings.TrimSpace(name), o.Key) {
			return o.Key, nil
		}
		names = append(names, o.Key)
	}
	if len(names) == 0 {
		return "", fmt.Errorf("--outlet %q: the store's articles name no outlet", name)
	}
	const shown = 20
	more := ""
	if len(names) > shown {
		more = fmt.Sprintf(" and %d more (sitrep stats lists them)", len(names)-shown)
		names = names[:shown]
	}
	return "", fmt.Errorf("--outlet %q: no such outlet; the store holds %s%s", name, strings.Join(names, ", "), more)
}

// dateFlag normalises a --from/--to value to DateLayout.
func dateFlag(name, v string) (string, error) {
	if v == "" {
		return "", nil
	}
	d, err := intake.ParseDate(v)
	if err != nil {
		return "", fmt.Errorf("--%s: %w", name, err)
	}
	return d.Format(model.DateLayout), nil
}

func newSearchCmd(app *App) *cobra.Command {
	var q store.SearchQuery
	var asCSV bool
	cmd := &cobra.Command{
		Use:   "search QUERY",
		Short: "Find stored articles by relevance, with a snippet of each match",
		Long: `Search the stored articles' titles and text. Words are all required;
"quoted phrases" must appear in order; OR between words accepts either;
-word or NOT word excludes; word* matches a prefix. Stemming applies, so
"stingers" also finds "Stinger".`,
		Example: `  sitrep search stinger
  sitrep search '"anti-tank" OR javelin' --from 2022-03-01 --limit 5
  sitrep search refugees --outlet "Danube Courier" --json`,
		Args: cobra.ArbitraryArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			var err error
			if q.From, err = dateFlag("from", q.From); err != nil {
				return err
			}
			if q.To, err = dateFlag("to", q.To); err != nil {
				return err
			}
			q.Text = strings.Join(args, " ")
			if !hasSearchWord(q.Text) {
				// Nothing to look for is a question not yet asked, not a
				// failure: say how to ask it.
				fmt.Fprintf(app.Stderr, "Give a word to look for (excluded words alone match nothing).\n\n%s", cmd.UsageString())
				return nil
			}
			return app.withStore(cmd.Context(), func(st store.Store) error {
				if q.Outlet != "" {
					name, err := knownOutlet(cmd.Context(), st, q.Outlet)
					if err != nil {
						return err
					}
					q.Outlet = name
				}
				q.Variants = query.SearchVariants(q.Text)
				res, err := st.Search(cmd.Context(), q)
				if err != nil {
					return err
				}
				if app.JSON || asCSV {
					for i := range res.Hits {
						res.Hits[i].Snippet = plainSnippet(res.Hits[i].Snippet, "", "")
					}
				}
				if app.JSON {
					return printJSON(app.Stdout, res)
				}
				if asCSV {
					t := (&table{header: []string{"rank", "score", "date", "outlet", "title", "doc", "id", "url", "snippet"}})
					for i, h := range res.Hits {
						t.add(strconv.Itoa(q.Offset+i+1), strconv.FormatFloat(h.Score, 'f', 4, 64), h.Date, h.Outlet, h.Title, h.Doc, h.ID, h.URL, h.Snippet)
					}
					return t.write(app.Stdout, true)
				}
				writeHits(app.Stdout, res, isTerminal(app.Stdout))
				return nil
			})
		},
	}
	f := cmd.Flags()
	f.StringVar(&q.From, "from", "", "only articles dated on or after this day")
	f.StringVar(&q.To, "to", "", "only articles dated on or before this day")
	f.StringVar(&q.Outlet, "outlet", "", "only articles from this outlet")
	f.IntVar(&q.Limit, "limit", 10, "how many results to show")
	f.IntVar(&q.Offset, "offset", 0, "skip this many results first (for paging)")
	f.BoolVar(&asCSV, "csv", false, "print CSV (one row per result, the snippet as plain text) instead of a list")
	return cmd
}

// plainSnippet replaces the store's match markers with the given strings.
func plainSnippet(s, open, close string) string {
	s = strings.ReplaceAll(s, store.MarkStart, open)
	s = strings.ReplaceAll(s, store.MarkEnd, close)
	return strings.Join(strings.Fields(s), " ")
}

func writeHits(w io.Writer, res *store.SearchResult, color bool) {
	open, close := "[", "]"
	if color {
		open, close = "\x1b[1m", "\x1b[0m"
	}
	fmt.Fprintf(w, "%d matching articles", res.Total)
	if res.Ranked > 0 {
		fmt.Fprintf(w, ", ranked among the %d most recently stored", res.Ranked)
	}
	fmt.Fprintln(w)
	for _, h := range res.Hits {
		fmt.Fprintf(w, "\n%s  %s  %s\n", h.Date, orDash(h.Outlet), titleOr(h.Title, h.Doc))
		fmt.Fprintf(w, "  %s\n", plainSnippet(h.Snippet, open, close))
		fmt.Fprintf(w, "  doc %s  id %s\n", h.Doc, h.ID)
	}
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

func titleOr(title, doc string) string {
	if title != "" {
		return title
	}
	return "(" + doc + ")"
}

func newShowCmd(app *App) *cobra.Command {
	var blocks bool
	cmd := &cobra.Command{
		Use:   "show DOC|ID",
		Short: "Print one stored article",
		Long: `Print one stored article: by id, by doc name, or by a name it was seen under
as a duplicate. A name gives the article's current revision; an earlier
revision's id gives that revision, marked as superseded, with the id of the
current one. An article that was revised lists its revisions, oldest first
(--json: "revisions"), each shown in full by its id.`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return app.withStore(cmd.Context(), func(st store.Store) error {
				a, err := st.Article(cmd.Context(), args[0])
				if err != nil {
					return err
				}
				revs, err := st.Revisions(cmd.Context(), a.ID)
				if err != nil {
					return err
				}
				if len(revs) < 2 {
					revs = nil
				}
				if app.JSON {
					return printJSON(app.Stdout, showJSON(a, revs))
				}
				writeArticle(app.Stdout, a, revs, blocks)
				return nil
			})
		},
	}
	cmd.Flags().BoolVar(&blocks, "blocks", false, "mark each block as paragraph, heading or credit")
	return cmd
}

// showJSON is the article as "show --json" prints it: the article's own
// JSON (model.Article), with "revisions" added when it was revised.
func showJSON(a *model.Article, revs []store.Revision) json.RawMessage {
	b, err := json.Marshal(a)
	if err != nil || len(revs) == 0 || len(b) < 2 || b[len(b)-1] != '}' {
		return b
	}
	rb, err := json.Marshal(revs)
	if err != nil {
		return b
	}
	out := append(b[:len(b)-1:len(b)-1], `,"revisions":`...)
	out = append(out, rb...)
	return append(out, '}')
}

// writeArticle prints an article: its fields, where it stands among its
// revisions when it has several (revs, oldest first), then its text.
func writeArticle(w io.Writer, a *model.Article, revs []store.Revision, blocks bool) {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintf(tw, "doc\t%s\n", a.Doc)
	fmt.Fprintf(tw, "id\t%s\n", a.ID)
	if a.SupersededBy != "" {
		fmt.Fprintf(tw, "superseded by\t%s  (an earlier revision; its events do not count; sitrep show %s prints the current text)\n", a.SupersededBy, a.SupersededBy)
	}
	for i, r := range revs {
		label := ""
		if i == 0 {
			label = "revisions"
		}
		var notes []string
		if r.Current {
			notes = append(notes, "current")
		}
		if r.ID == a.ID {
			notes = append(notes, "shown")
		}
		note := ""
		if len(notes) > 0 {
			note = "  (" + strings.Join(notes, ", ") + ")"
		}
		fmt.Fprintf(tw, "%s\t%d. %s  ingested %s, %d bytes%s\n", label, i+1, r.ID, r.Ingested, r.Bytes, note)
	}
	if len(revs) > 0 {
		fmt.Fprintf(tw, "\t(sitrep show ID prints a revision's text)\n")
	}
	fmt.Fprintf(tw, "date\t%s\n", a.DateString())
	if a.Title != "" {
		fmt.Fprintf(tw, "title\t%s\n", a.Title)
	}
	if a.Outlet != "" {
		fmt.Fprintf(tw, "outlet\t%s\n", a.Outlet)
	}
	if a.URL != "" {
		fmt.Fprintf(tw, "url\t%s\n", a.URL)
	}
	fmt.Fprintf(tw, "origin\t%s\n", a.Origin)
	tw.Flush()
	fmt.Fprintln(w)
	if !blocks || len(a.Blocks) == 0 {
		fmt.Fprintln(w, a.Text)
		return
	}
	for i, b := range a.Blocks {
		if i > 0 {
			fmt.Fprintln(w)
		}
		if b.Kind == model.BlockParagraph {
			fmt.Fprintln(w, b.Of(a.Text))
		} else {
			fmt.Fprintf(w, "[%s] %s\n", b.Kind, b.Of(a.Text))
		}
	}
}

func newStatsCmd(app *App) *cobra.Command {
	var asCSV bool
	cmd := &cobra.Command{
		Use:   "stats",
		Short: "Count stored articles by month and outlet",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			return app.withStore(cmd.Context(), func(st store.Store) error {
				s, err := st.Stats(cmd.Context())
				if err != nil {
					return err
				}
				if app.JSON {
					return printJSON(app.Stdout, s)
				}
				if asCSV {
					// One long table: what is counted, its key, the count.
					t := &table{header: []string{"by", "key", "articles"}}
					for _, c := range s.ByMonth {
						t.add("month", c.Key, strconv.Itoa(c.Count))
					}
					for _, c := range s.ByOutlet {
						t.add("outlet", c.Key, strconv.Itoa(c.Count))
					}
					return t.write(app.Stdout, true)
				}
				revised := ""
				if s.Revisions > 0 {
					revised = ", " + plural(s.Revisions, "earlier revision", "earlier revisions") + " kept beside them"
				}
				fmt.Fprintf(app.Stdout, "%s (%s to %s), %.1f MB of text, %s%s\n",
					plural(s.Articles, "article", "articles"), orDash(s.FirstDate), orDash(s.LastDate), float64(s.TextBytes)/1e6,
					plural(s.Duplicates, "duplicate name", "duplicate names"), revised)
				writeCounts(app.Stdout, "month", s.ByMonth)
				writeCounts(app.Stdout, "outlet", s.ByOutlet)
				return nil
			})
		},
	}
	cmd.Flags().BoolVar(&asCSV, "csv", false, "print CSV (by, key, articles) instead of tables")
	return cmd
}

// writeCounts prints a two-column table with a bar per row, so the shape
// of a corpus can be read at a glance.
func writeCounts(w io.Writer, label string, counts []store.Count) {
	if len(counts) == 0 {
		return
	}
	max := 0
	for _, c := range counts {
		max = maxInt(max, c.Count)
	}
	fmt.Fprintln(w)
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintf(tw, "%s\tarticles\t\n", label)
	for _, c := range counts {
		n := (c.Count*30 + max - 1) / max
		fmt.Fprintf(tw, "%s\t%d\t%s\n", truncate(c.Key, 40), c.Count, strings.Repeat("▇", n))
	}
	tw.Flush()
}

func maxInt(a, b int) int {
	if a > b {
		return a
	}
	return b
}
