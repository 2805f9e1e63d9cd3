package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/sitrep-project/sitrep/internal/model"
	"github.com/sitrep-project/sitrep/internal/store"
)

func article(doc, date, outlet, title, text string) *model.Article {
	d, _ := time.Parse(model.DateLayout, date)
	return &model.Article{
		ID: model.ArticleID(text), Doc: doc, Date: d, Outlet: outlet, Title: title, Text: text,
		Blocks: []model.Block{{Kind: model.BlockParagraph, Span: model.Span{Start: 0, End: len(text)}}},
		Origin: doc + ".txt",
	}
}

func docs(arts ...*model.Article) []store.Doc {
	out := make([]store.Doc, len(arts))
	for i, a := range arts {
		out[i] = store.Doc{Article: a}
	}
	return out
}

func open(t *testing.T) (*DB, string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "test.db")
	db, err := Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db, path
}

// reopen opens the store at path again, as another run would, closing
// it when the test ends.
func reopen(t *testing.T, path string) *DB {
	t.Helper()
	db, err := Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

var corpus = []*model.Article{
	article("a1", "2022-02-26", "Baltic Test Ledger", "Estonia pledges Javelins", "Estonia said it would send Javelin anti-tank missiles to Ukraine."),
	article("a2", "2022-03-01", "Danube Test Courier", "Stingers arrive", "The first Stinger missiles arrived in Ukraine on Tuesday, officials said."),
	article("a3", "2022-03-02", "Baltic Test Ledger", "Refugees cross into Poland", "More than 500,000 refugees have crossed into Poland, the UN refugee agency said."),
	article("a4", "2022-03-05", "Danube Test Courier", "Talks stall", "Talks between the delegations stalled in Belarus as shelling continued."),
}

func TestPutIdempotentAndDuplicates(t *testing.T) {
	ctx := context.Background()
	db, _ := open(t)
	outs, err := db.Put(ctx, docs(corpus...))
	if err != nil {
		t.Fatal(err)
	}
	for i, o := range outs {
		if o != store.Stored {
			t.Errorf("article %d: %v, want stored", i, o)
		}
	}
	// The same batch again stores nothing.
	outs, err = db.Put(ctx, docs(corpus...))
	if err != nil {
		t.Fatal(err)
	}
	for i, o := range outs {
		if o != store.Unchanged {
			t.Errorf("second put, article %d: %v, want unchanged", i, o)
		}
	}
	// The same text under another name is a duplicate, once.
	copy := article("copy-of-a2", "2022-03-02", "Other", "Copied", corpus[1].Text)
	for i, want := range []store.Outcome{store.Duplicate, store.Unchanged} {
		outs, err = db.Put(ctx, docs(copy))
		if err != nil {
			t.Fatal(err)
		}
		if outs[0] != want {
			t.Errorf("copy, put %d: %v, want %v", i+1, outs[0], want)
		}
	}
	st, err := db.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if st.Articles != len(corpus) || st.Duplicates != 1 {
		t.Errorf("stats: %d articles, %d duplicates; want %d, 1", st.Articles, st.Duplicates, len(corpus))
	}
	// The duplicate's name finds the stored article.
	a, err := db.Article(ctx, "copy-of-a2")
	if err != nil || a.Doc != "a2" {
		t.Errorf("Article(copy-of-a2) = %v, %v; want a2", a, err)
	}
}

func TestArticleRoundTrip(t *testing.T) {
	ctx := context.Background()
	db, _ := open(t)
	if _, err := db.Put(ctx, docs(corpus...)); err != nil {
		t.Fatal(err)
	}
	want := corpus[2]
	for _, key := range []string{want.ID, want.Doc} {
		got, err := db.Article(ctx, key)
		if err != nil {
			t.Fatalf("Article(%s): %v", key, err)
		}
		if got.ID != want.ID || got.Text != want.Text || got.Title != want.Title || !got.Date.Equal(want.Date) ||
			got.Outlet != want.Outlet || got.Origin != want.Origin || len(got.Blocks) != 1 || got.Blocks[0] != want.Blocks[0] {
			t.Errorf("Article(%s) = %+v, want %+v", key, got, want)
		}
	}
	if _, err := db.Article(ctx, "nope"); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("missing article: %v, want ErrNotFound", err)
	}
}

func TestSearch(t *testing.T) {
	ctx := context.Background()
	db, _ := open(t)
	if _, err := db.Put(ctx, docs(corpus...)); err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		q    store.SearchQuery
		want []string
	}{
		{store.SearchQuery{Text: "stinger"}, []string{"a2"}},
		{store.SearchQuery{Text: "stingers"}, []string{"a2"}}, // stemming
		{store.SearchQuery{Text: "javelin OR stinger"}, []string{"a1", "a2"}},
		{store.SearchQuery{Text: `"anti-tank missiles"`}, []string{"a1"}},
		{store.SearchQuery{Text: "ukraine -stinger"}, []string{"a1"}},
		{store.SearchQuery{Text: "refug*"}, []string{"a3"}},
		{store.SearchQuery{Text: "said", From: "2022-03-01", To: "2022-03-01"}, []string{"a2"}},
		{store.SearchQuery{Text: "said", Outlet: "baltic test ledger"}, []string{"a1", "a3"}},
		{store.SearchQuery{Text: "U.N. OR UN"}, []string{"a3"}},
		{store.SearchQuery{Text: `tanks" OR (NEAR`}, nil},
		{store.SearchQuery{Text: "Belarus", Limit: 1}, []string{"a4"}},
	}
	for _, c := range cases {
		res, err := db.Search(ctx, c.q)
		if err != nil {
			t.Errorf("Search(%+v): %v", c.q, err)
			continue
		}
		var got []string
		for _, h := range res.Hits {
			got = append(got, h.Doc)
		}
		if strings.Join(sorted(got), ",") != strings.Join(c.want, ",") {
			t.Errorf("Search(%+v) = %v, want %v", c.q, got, c.want)
		}
		if res.Total != len(c.want) {
			t.Errorf("Search(%+v) total %d, want %d", c.q, res.Total, len(c.want))
		}
	}
	res, err := db.Search(ctx, store.SearchQuery{Text: "stinger"})
	if err != nil || len(res.Hits) != 1 || !strings.Contains(res.Hits[0].Snippet, store.MarkStart+"Stinger"+store.MarkEnd) {
		t.Errorf("snippet does not mark the match: %+v %v", res, err)
	}
	if _, err := db.Search(ctx, store.SearchQuery{Text: " - ; "}); !errors.Is(err, ErrEmptyQuery) {
		t.Errorf("empty query: %v", err)
	}
}

func TestRanking(t *testing.T) {
	ctx := context.Background()
	db, _ := open(t)
	arts := []*model.Article{
		article("once", "2022-03-01", "", "Markets", "Grain prices rose; one trader mentioned howitzers in passing among many other subjects of the day."),
		article("title", "2022-03-01", "", "Howitzers sent to the front", "The guns left the depot on Monday."),
	}
	if _, err := db.Put(ctx, docs(arts...)); err != nil {
		t.Fatal(err)
	}
	res, err := db.Search(ctx, store.SearchQuery{Text: "howitzers"})
	if err != nil || len(res.Hits) != 2 {
		t.Fatalf("%+v %v", res, err)
	}
	if res.Hits[0].Doc != "title" || res.Hits[0].Score <= res.Hits[1].Score {
		t.Errorf("a title match should rank first: %+v", res.Hits)
	}
}

func sorted(s []string) []string {
	out := append([]string(nil), s...)
	for i := range out {
		for j := i + 1; j < len(out); j++ {
			if out[j] < out[i] {
				out[i], out[j] = out[j], out[i]
			}
		}
	}
	return out
}

func TestReopenKeepsDataAndVersion(t *testing.T) {
	ctx := context.Background()
	db, path := open(t)
	if _, err := db.Put(ctx, docs(corpus[:2]...)); err != nil {
		t.Fatal(err)
	}
	db.Close()
	db2 := reopen(t, path)
	var v int
	if err := db2.SQL().QueryRow(`SELECT version FROM schema_version`).Scan(&v); err != nil || v != len(migrations) {
		t.Errorf("schema version %d, %v; want %d", v, err, len(migrations))
	}
	st, _ := db2.Stats(ctx)
	if st.Articles != 2 {
		t.Errorf("%d articles after reopen, want 2", st.Articles)
	}
	var mode string
	db2.SQL().QueryRow(`PRAGMA journal_mode`).Scan(&mode)
	if mode != "wal" {
		t.Errorf("journal mode %q, want wal", mode)
	}
}

func TestRefusesOtherFiles(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "notes.db")
	os.WriteFile(path, []byte(strings.Repeat("this is a text file, not a database\n", 200)), 0o644)
	if _, err := Open(ctx, path); err == nil || !strings.Contains(err.Error(), "not a sitrep database") {
		t.Errorf("Open(text file) = %v", err)
	}
	// A newer schema than this build knows is refused, not downgraded.
	db, path2 := open(t)
	db.SQL().Exec(`UPDATE schema_version SET version = 999`)
	db.Close()
	if _, err := Open(ctx, path2); err == nil || !strings.Contains(err.Error(), "newer") {
		t.Errorf("Open(newer schema) = %v", err)
	}
}

func TestStatsByMonthAndOutlet(t *testing.T) {
	ctx := context.Background()
	db, _ := open(t)
	if _, err := db.Put(ctx, docs(corpus...)); err != nil {
		t.Fatal(err)
	}
	st, err := db.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	months := map[string]int{}
	for _, c := range st.ByMonth {
		months[c.Key] = c.Count
	}
	outlets := map[string]int{}
	for _, c := range st.ByOutlet {
		outlets[c.Key] = c.Count
	}
	wantMonths := map[string]int{}
	wantOutlets := map[string]int{}
	for _, a := range corpus {
		wantMonths[a.DateString()[:7]]++
		wantOutlets[a.Outlet]++
	}
	if len(months) != len(wantMonths) || len(outlets) != len(wantOutlets) {
		t.Fatalf("months %v outlets %v", months, outlets)
	}
	for k, v := range wantMonths {
		if months[k] != v {
			t.Errorf("month %s: %d, want %d", k, months[k], v)
		}
	}
	for k, v := range wantOutlets {
		if outlets[k] != v {
			t.Errorf("outlet %s: %d, want %d", k, outlets[k], v)
		}
	}
	if st.FirstDate != "2022-02-26" || st.LastDate != "2022-03-05" {
		t.Errorf("range %s..%s", st.FirstDate, st.LastDate)
	}
}

// TestSearchCountsGrow checks the per-month counts of a search after more
// articles are stored, and with date and outlet filters.
func TestSearchCountsGrow(t *testing.T) {
	ctx := context.Background()
	db, _ := open(t)
	if _, err := db.Put(ctx, docs(corpus...)); err != nil {
		t.Fatal(err)
	}
	months := func(q store.SearchQuery) map[string]int {
		t.Helper()
		res, err := db.Search(ctx, q)
		if err != nil {
			t.Fatal(err)
		}
		m := map[string]int{}
		total := 0
		for _, c := range res.ByMonth {
			m[c.Key] = c.Count
			total += c.Count
		}
		if total != res.Total {
			t.Errorf("%+v: months add up to %d, total %d", q, total, res.Total)
		}
		return m
	}
	if m := months(store.SearchQuery{Text: "said"}); m["2022-02"] != 1 || m["2022-03"] != 2 {
		t.Errorf("before: %v", m)
	}
	more := []*model.Article{
		article("b1", "2022-04-02", "Other Desk", "Later", "The mayor said the bridge would reopen."),
		article("b2", "2022-04-20", "Other Desk", "Later still", "Officials said the convoy was delayed."),
	}
	if _, err := db.Put(ctx, docs(more...)); err != nil {
		t.Fatal(err)
	}
	if m := months(store.SearchQuery{Text: "said"}); m["2022-02"] != 1 || m["2022-03"] != 2 || m["2022-04"] != 2 {
		t.Errorf("after: %v", m)
	}
	if m := months(store.SearchQuery{Text: "said", From: "2022-03-01", To: "2022-04-10"}); len(m) != 2 || m["2022-03"] != 2 || m["2022-04"] != 1 {
		t.Errorf("with dates: %v", m)
	}
	if m := months(store.SearchQuery{Text: "said", Outlet: "Other Desk"}); len(m) != 1 || m["2022-04"] != 2 {
		t.Errorf("with outlet: %v", m)
	}
}

// TestSearchCountsSeeOtherWriters searches a store through one handle,
// stores more articles through another (as another process would), and
// searches again: the counts kept from the first search must not hide
// the new articles, nor may the rank window stop short of them.
func TestSearchCountsSeeOtherWriters(t *testing.T) {
	ctx := context.Background()
	reader, path := open(t)
	if _, err := reader.Put(ctx, docs(corpus...)); err != nil {
		t.Fatal(err)
	}
	writer, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer writer.Close()
	total := func(q store.SearchQuery) (int, []string) {
		t.Helper()
		res, err := reader.Search(ctx, q)
		if err != nil {
			t.Fatal(err)
		}
		var docs []string
		for _, h := range res.Hits {
			docs = append(docs, h.Doc)
		}
		return res.Total, docs
	}
	for _, q := range []store.SearchQuery{{Text: "said"}, {Text: "said", Outlet: "Other Desk"}, {Text: "said", From: "2022-04-01"}} {
		before, _ := total(q)
		if n, _ := total(q); n != before {
			t.Fatalf("%+v: %d matches, then %d with nothing stored", q, before, n)
		}
		doc := fmt.Sprintf("w-%d", before)
		if _, err := writer.Put(ctx, docs(article(doc, "2022-04-05", "Other Desk", "Late news "+doc, "The governor said the road was open again, "+doc+"."))); err != nil {
			t.Fatal(err)
		}
		after, hits := total(q)
		if after != before+1 || !slices.Contains(hits, doc) {
			t.Errorf("%+v: %d matches, then %d (%v) after another writer stored one more", q, before, after, hits)
		}
	}
}

// TestSearchPages checks that pages of a search, filtered or not, are
// slices of one ranking: every match once, the best first, each with its
// own snippet and fields, and that equal scores go newest first.
func TestSearchPages(t *testing.T) {
	ctx := context.Background()
	db, _ := open(t)
	var arts []*model.Article
	for i := range 23 {
		// The word appears i%5+1 times, so scores differ in steps and tie
		// within a step.
		text := fmt.Sprintf("Report %d from the front. %s The rest of the day was quiet.", i, strings.Repeat("Artillery fire was heard. ", i%5+1))
		arts = append(arts, article(fmt.Sprintf("d%02d", i), fmt.Sprintf("2022-03-%02d", i+1), []string{"Wire", "Paper"}[i%2], "", text))
	}
	if _, err := db.Put(ctx, docs(arts...)); err != nil {
		t.Fatal(err)
	}
	for _, q := range []store.SearchQuery{{Text: "artillery"}, {Text: "artillery", Outlet: "Wire"}, {Text: "artillery", From: "2022-03-05", To: "2022-03-20"}} {
		whole, err := db.Search(ctx, store.SearchQuery{Text: q.Text, Outlet: q.Outlet, From: q.From, To: q.To, Limit: 100})
		if err != nil {
			t.Fatal(err)
		}
		if len(whole.Hits) != whole.Total || whole.Total == 0 {
			t.Fatalf("%+v: %d hits, total %d", q, len(whole.Hits), whole.Total)
		}
		var paged []store.Hit
		for off := 0; off < whole.Total; off += 4 {
			q.Limit, q.Offset = 4, off
			res, err := db.Search(ctx, q)
			if err != nil {
				t.Fatal(err)
			}
			paged = append(paged, res.Hits...)
		}
		if !reflect.DeepEqual(paged, whole.Hits) {
			t.Errorf("%+v: pages of 4 differ from one page", q)
		}
		for i, h := range whole.Hits {
			if !strings.Contains(h.Snippet, store.MarkStart+"Artillery"+store.MarkEnd) || h.Title != "" || h.Date == "" {
				t.Errorf("%+v: hit %s: snippet %q, date %q", q, h.Doc, h.Snippet, h.Date)
			}
			if q.Outlet != "" && h.Outlet != q.Outlet || q.From != "" && (h.Date < q.From || h.Date > q.To) {
				t.Errorf("%+v: hit %s (%s, %s) outside the filter", q, h.Doc, h.Outlet, h.Date)
			}
			if i == 0 {
				continue
			}
			prev := whole.Hits[i-1]
			if h.Score > prev.Score || h.Score == prev.Score && h.Date > prev.Date {
				t.Errorf("%+v: %s (%.4f, %s) after %s (%.4f, %s)", q, h.Doc, h.Score, h.Date, prev.Doc, prev.Score, prev.Date)
			}
		}
	}
}

// TestMigrationArticleKeys opens a store made by the schema before the
// articles' keys were kept apart (version 5) and checks that searches
// filtered by date and outlet find its articles, and the articles stored
// after the migration.
func TestMigrationArticleKeys(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "old.db")
	raw := oldSchema(t, path, 5)
	old := []*model.Article{
		article("old-march", "2022-03-04", "Harbour Wire", "", "Drones struck a depot near the river."),
		article("old-june", "2022-06-10", "Valley Post", "", "Drones were seen over the city at night."),
	}
	for _, a := range old {
		if _, err := raw.ExecContext(ctx, `INSERT INTO articles (id, doc, date, outlet, text, blocks, origin, bytes, ingested_at) VALUES (?, ?, ?, ?, ?, '[]', '', ?, '')`,
			a.ID, a.Doc, a.DateString(), a.Outlet, a.Text, len(a.Text)); err != nil {
			t.Fatal(err)
		}
	}
	raw.Close()
	db, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if _, err := db.Put(ctx, docs(article("new-june", "2022-06-20", "Harbour Wire", "", "Drones hit a power station."))); err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		q    store.SearchQuery
		want []string
	}{
		{store.SearchQuery{Text: "drones", From: "2022-06-01", To: "2022-06-30"}, []string{"new-june", "old-june"}},
		{store.SearchQuery{Text: "drones", Outlet: "harbour wire"}, []string{"new-june", "old-march"}},
		{store.SearchQuery{Text: "drones", To: "2022-03-31"}, []string{"old-march"}},
	}
	for _, c := range cases {
		res, err := db.Search(ctx, c.q)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, h := range res.Hits {
			got = append(got, h.Doc)
		}
		if !slices.Equal(sorted(got), c.want) || res.Total != len(c.want) {
			t.Errorf("%+v after migration: %v (total %d), want %v", c.q, got, res.Total, c.want)
		}
	}
}

// oldSchema makes a store at path with the schema of an earlier version,
// its first version migrations applied, and returns it open without
// sitrep's Open, which would migrate it.
func oldSchema(t *testing.T, path string, version int) *sql.DB {
	t.Helper()
	ctx := context.Background()
	raw, err := sql.Open("sqlite", "file:"+path)
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range migrations[:version] {
		if _, err := raw.ExecContext(ctx, m); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := raw.ExecContext(ctx, `CREATE TABLE schema_version (version INTEGER NOT NULL); INSERT INTO schema_version VALUES (?)`, version); err != nil {
		t.Fatal(err)
	}
	return raw
}
