package sqlite

import (
	"context"
	"path/filepath"
	"slices"
	"testing"

	"github.com/sitrep-project/sitrep/internal/model"
	"github.com/sitrep-project/sitrep/internal/resolve"
	"github.com/sitrep-project/sitrep/internal/store"
)

// revision is a feed item of Harbour Wire under the guid wire-123 (or
// another name and kind), with the events given.
func revision(doc string, kind model.DocKind, outlet, text string, events ...model.Event) store.Doc {
	a := article(doc, "2022-03-07", outlet, "Germany pledges tanks", text)
	a.DocKind = kind
	a.Origin = "harbour.xml#1"
	for i := range events {
		events[i].Doc = doc
	}
	return store.Doc{Article: a, Events: events, Extractor: "v1"}
}

// reports lists, per record, the articles of its reports, sorted by
// record type and actor: what merging made of the store.
func reports(t *testing.T, db *DB) map[string][]string {
	t.Helper()
	recs, err := db.Records(context.Background(), store.RecordFilter{})
	if err != nil {
		t.Fatal(err)
	}
	out := map[string][]string{}
	for _, r := range recs {
		key := string(r.Type) + " " + r.Actor.Code
		for _, m := range r.Mentions {
			out[key] = append(out[key], m.Article)
		}
		if len(r.Mentions) != r.Reports {
			t.Errorf("record %s: %d mentions read, %d counted", key, len(r.Mentions), r.Reports)
		}
	}
	return out
}

func putOne(t *testing.T, db *DB, d ...store.Doc) []store.Outcome {
	t.Helper()
	outs, err := db.Put(context.Background(), d)
	if err != nil {
		t.Fatal(err)
	}
	return outs
}

func merge(t *testing.T, db *DB) resolve.Stats {
	t.Helper()
	st, err := resolve.Run(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	return st
}

func searchIDs(t *testing.T, db *DB, q string) []string {
	t.Helper()
	res, err := db.Search(context.Background(), store.SearchQuery{Text: q})
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, h := range res.Hits {
		ids = append(ids, h.ID)
	}
	if res.Total != len(ids) {
		t.Errorf("search %q: total %d, %d hits", q, res.Total, len(ids))
	}
	return ids
}

func ftsIntact(t *testing.T, db *DB) {
	t.Helper()
	if _, err := db.SQL().Exec(`INSERT INTO articles_fts (articles_fts) VALUES ('integrity-check')`); err != nil {
		t.Errorf("full-text index: %v", err)
	}
}

// TestRevisionSupersedes: a feed item published again under its guid with
// a changed text is stored as a revision. The earlier text is kept and
// shown, marked superseded; its events leave the records, which are
// rebuilt with the new text's reports alone; search finds the new text;
// ingesting both again changes nothing; the same guid from another outlet,
// a name by place and a file's name are not revisions.
func TestRevisionSupersedes(t *testing.T) {
	ctx := context.Background()
	db, _ := open(t)
	const doc, outlet = "wire-123", "Harbour Wire"
	v1 := revision(doc, model.DocOwnID, outlet, "Germany will send 50 Leopard tanks to Ukraine, officials hinted on Monday.",
		ev("", "aid", "DEU", "asserted", 0))
	v2 := revision(doc, model.DocOwnID, outlet, "Germany will send 50 Leopard tanks to Ukraine, the defence ministry confirmed on Monday. Poland delivered shells.",
		ev("", "aid", "DEU", "asserted", 0), ev("", "aid", "POL", "asserted", 90))
	id1, id2 := v1.Article.ID, v2.Article.ID

	if outs := putOne(t, db, v1); outs[0] != store.Stored {
		t.Fatalf("first text: %v, want stored", outs[0])
	}
	merge(t, db)
	if got := reports(t, db); !slices.Equal(got["aid DEU"], []string{id1}) {
		t.Fatalf("after the first text: %v", got)
	}

	if outs := putOne(t, db, v2); outs[0] != store.Revised {
		t.Fatalf("second text under the same guid: %v, want revised", outs[0])
	}
	// Stored, and current; the earlier text kept, superseded.
	a, err := db.Article(ctx, doc)
	if err != nil || a.ID != id2 || a.SupersededBy != "" {
		t.Fatalf("Article(%s) = %+v, %v; want the second text, current", doc, a, err)
	}
	old, err := db.Article(ctx, id1)
	if err != nil || old.Text != v1.Article.Text || old.SupersededBy != id2 {
		t.Fatalf("Article(first id) = %+v, %v; want the first text, superseded by %s", old, err, id2)
	}
	// Its events are gone, and the record that held them waits for its
	// rebuilding.
	if evs, err := db.Events(ctx, store.EventFilter{Doc: id1}); err != nil || len(evs) != 0 {
		t.Errorf("events of the superseded text: %d, %v; want none", len(evs), err)
	}
	if evs, err := db.Events(ctx, store.EventFilter{Doc: doc}); err != nil || len(evs) != 2 {
		t.Errorf("events under %s: %d, %v; want the second text's 2", doc, len(evs), err)
	}
	var dirty int
	db.SQL().QueryRow(`SELECT count(*) FROM records WHERE dirty = 1`).Scan(&dirty)
	if dirty != 1 {
		t.Errorf("%d records marked for rebuilding, want 1", dirty)
	}
	merge(t, db)
	got := reports(t, db)
	if !slices.Equal(got["aid DEU"], []string{id2}) || !slices.Equal(got["aid POL"], []string{id2}) || len(got) != 2 {
		t.Errorf("records after the revision: %v; want DEU and POL, each one report from the second text", got)
	}
	db.SQL().QueryRow(`SELECT count(*) FROM records WHERE dirty = 1`).Scan(&dirty)
	if dirty != 0 {
		t.Errorf("%d records still marked for rebuilding", dirty)
	}

	// Both revisions listed, oldest first, from either id.
	for _, id := range []string{id1, id2} {
		revs, err := db.Revisions(ctx, id)
		if err != nil || len(revs) != 2 || revs[0].ID != id1 || revs[0].Current || revs[1].ID != id2 || !revs[1].Current ||
			revs[0].Ingested == "" || revs[1].Bytes != len(v2.Article.Text) {
			t.Errorf("Revisions(%s) = %+v, %v", id, revs, err)
		}
	}
	// Search finds the current text, never the superseded one.
	if ids := searchIDs(t, db, "leopard"); !slices.Equal(ids, []string{id2}) {
		t.Errorf("search leopard: %v, want the second text alone", ids)
	}
	if ids := searchIDs(t, db, "hinted"); len(ids) != 0 {
		t.Errorf("search for a word of the superseded text alone: %v, want nothing", ids)
	}
	ftsIntact(t, db)
	// Counted once; re-extraction leaves the earlier text alone.
	st, _ := db.Stats(ctx)
	if st.Articles != 1 || st.Revisions != 1 || st.Events != 2 || st.TextBytes != int64(len(v2.Article.Text)) ||
		!slices.Equal(st.ByMonth, []store.Count{{Key: "2022-03", Count: 1}}) || !slices.Equal(st.ByOutlet, []store.Count{{Key: outlet, Count: 1}}) {
		t.Errorf("stats: %+v; want 1 article, 1 revision, 2 events, the current text's bytes, one a month and outlet", st)
	}
	stale, _ := db.Stale(ctx, "v2", "", 10)
	if len(stale) != 1 || stale[0].ID != id2 {
		t.Errorf("stale for a new extractor: %v, want the current text alone", stale)
	}
	if err := db.PutEvents(ctx, "v2", map[string][]model.Event{id1: {ev(doc, "aid", "DEU", "asserted", 0)}}); err != nil {
		t.Fatal(err)
	}
	if evs, _ := db.Events(ctx, store.EventFilter{Doc: id1}); len(evs) != 0 {
		t.Errorf("PutEvents gave the superseded text %d events", len(evs))
	}

	// The same two texts again, as an ingest of the same files: unchanged,
	// and the newer stays current.
	for _, d := range []store.Doc{v1, v2} {
		if outs := putOne(t, db, d); outs[0] != store.Unchanged {
			t.Errorf("%s again: %v, want unchanged", d.Article.ID, outs[0])
		}
	}
	if a, _ := db.Article(ctx, doc); a.ID != id2 {
		t.Errorf("after ingesting both again, %s is %s, want %s", doc, a.ID, id2)
	}
	if rs := merge(t, db); rs.Events != 0 || rs.Rebuilt != 0 || rs.Created != 0 {
		t.Errorf("merging after an unchanged ingest: %+v", rs)
	}

	// The same guid from another outlet is another article.
	other := revision(doc, model.DocOwnID, "Valley Post", "Valley Post: Germany will send tanks, a spokesman said.", ev("", "aid", "DEU", "asserted", 0))
	if outs := putOne(t, db, other); outs[0] != store.Stored {
		t.Errorf("same guid, other outlet: %v, want stored", outs[0])
	}
	if a, _ := db.Article(ctx, id2); a.SupersededBy != "" {
		t.Errorf("another outlet's article superseded %s", id2)
	}
	merge(t, db)
	if got := reports(t, db); len(got["aid DEU"]) != 2 {
		t.Errorf("records after another outlet's report: %v; want two DEU reports", got)
	}
	// Without an outlet, a name two outlets hold cannot be told: stored.
	if outs := putOne(t, db, revision(doc, model.DocOwnID, "", "Germany will send tanks, it was said.")); outs[0] != store.Stored {
		t.Errorf("same guid, no outlet, two outlets hold it: %v, want stored", outs[0])
	}
	for _, id := range []string{id2, other.Article.ID} {
		if a, _ := db.Article(ctx, id); a.SupersededBy != "" {
			t.Errorf("an article without an outlet superseded %s", id)
		}
	}

	// A third revision: every earlier one names it, the article without
	// an outlet among them (its outlet agrees with any), Valley Post's not.
	v3 := revision(doc, model.DocOwnID, outlet, "Germany will send 50 Leopard tanks to Ukraine, the ministry said, correcting an earlier report.")
	if outs := putOne(t, db, v3); outs[0] != store.Revised {
		t.Errorf("third text: %v, want revised", outs[0])
	}
	for _, id := range []string{id1, id2, model.ArticleID("Germany will send tanks, it was said.")} {
		if a, _ := db.Article(ctx, id); a.SupersededBy != v3.Article.ID {
			t.Errorf("%s superseded by %q, want the third text", id, a.SupersededBy)
		}
	}
	if a, _ := db.Article(ctx, other.Article.ID); a.SupersededBy != "" {
		t.Errorf("Valley Post's article superseded by %s", a.SupersededBy)
	}
	if revs, _ := db.Revisions(ctx, id1); len(revs) != 4 || revs[0].ID != id1 || revs[3].ID != v3.Article.ID || !revs[3].Current {
		t.Errorf("revisions after the third: %+v", revs)
	}
	ftsIntact(t, db)
}

// TestRevisionNames: only names that stay with an article are revised:
// a record's id and a titled name, not a place in a file, a file's name or
// a name of unknown kind; and the kinds must agree.
func TestRevisionNames(t *testing.T) {
	cases := []struct {
		name        string
		first, then model.DocKind
		doc         string
		want        store.Outcome
	}{
		{"own id", model.DocOwnID, model.DocOwnID, "wire-123", store.Revised},
		{"title", model.DocTitle, model.DocTitle, "2022-03-07-germany-pledges-tanks", store.Revised},
		{"place", model.DocPlace, model.DocPlace, "desk:12", store.Stored},
		{"file", model.DocFile, model.DocFile, "report", store.Stored},
		{"unknown", model.DocUnknown, model.DocUnknown, "report", store.Stored},
		{"a file's name, then an id", model.DocFile, model.DocOwnID, "wire-123", store.Stored},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			db, _ := open(t)
			a := revision(c.doc, c.first, "Harbour Wire", "The first text of the story.")
			b := revision(c.doc, c.then, "Harbour Wire", "The second text of the story, a different one.")
			putOne(t, db, a)
			if outs := putOne(t, db, b); outs[0] != c.want {
				t.Errorf("second text: %v, want %v", outs[0], c.want)
			}
			first, _ := db.Article(context.Background(), a.Article.ID)
			if superseded := first.SupersededBy != ""; superseded != (c.want == store.Revised) {
				t.Errorf("first text superseded by %q", first.SupersededBy)
			}
		})
	}
	// Two texts of one name in one batch: the second revises the first.
	db, _ := open(t)
	outs := putOne(t, db, revision("wire-9", model.DocOwnID, "Harbour Wire", "First."), revision("wire-9", model.DocOwnID, "", "Second, longer."))
	if !slices.Equal(outs, []store.Outcome{store.Stored, store.Revised}) {
		t.Errorf("one batch: %v, want stored, revised", outs)
	}
	// The batch is indexed for search at its end (migration 8): the first
	// text must have been indexed before its revision took it out.
	if _, err := db.SQL().Exec(`INSERT INTO articles_fts (articles_fts) VALUES ('integrity-check')`); err != nil {
		t.Errorf("search index after a revision within one batch: %v", err)
	}
	var hits []string
	rows, err := db.SQL().Query(`SELECT a.doc || ':' || a.text FROM articles_fts f JOIN articles a ON a.rowid = f.rowid WHERE articles_fts MATCH 'first OR second'`)
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var h string
		rows.Scan(&h)
		hits = append(hits, h)
	}
	rows.Close()
	if !slices.Equal(hits, []string{"wire-9:Second, longer."}) {
		t.Errorf("search finds %q, want the second text alone", hits)
	}
}

// TestMigrationRevisions opens a store of schema version 6, before
// revisions, and checks that the kinds of its articles' names are read
// from their names and origins, that a new text of an article stored
// before the upgrade revises it, and that a name by place does not.
func TestMigrationRevisions(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "old.db")
	raw := oldSchema(t, path, 6)
	type row struct {
		doc, origin, date string
		want              model.DocKind
	}
	rows := []row{
		{"wire-123", "feeds/harbour.xml#1", "2022-03-07", model.DocOwnID},
		{"desk:12", "in/desk.csv:12", "2022-03-07", model.DocPlace},
		{"wires#7", "wires.json#7", "2022-03-07", model.DocPlace},
		{"2022-03-07-germany-pledges-tanks", "in/desk.csv:3", "2022-03-07", model.DocTitle},
		{"nw-0226", "wires.jsonl:4", "2022-02-26", model.DocOwnID},
		{"report", "corpus/report.txt", "2022-03-07", model.DocFile},
		{"stdin", "-", "2022-03-07", model.DocFile},
		{"", "-:1", "2022-03-07", model.DocUnknown}, // the server's post-<id>, filled in below
	}
	ids := map[string]string{}
	for i, r := range rows {
		text := "Old text number " + string(rune('A'+i)) + " about the harbour cranes."
		id := model.ArticleID(text)
		if r.doc == "" {
			rows[i].doc = "post-" + id
			r.doc = rows[i].doc
		}
		ids[r.doc] = id
		if _, err := raw.ExecContext(ctx, `INSERT INTO articles (id, doc, date, outlet, text, blocks, origin, bytes, ingested_at) VALUES (?, ?, ?, 'Harbour Wire', ?, '[]', ?, ?, '')`,
			id, r.doc, r.date, text, r.origin, len(text)); err != nil {
			t.Fatal(err)
		}
	}
	raw.Close()
	db := reopen(t, path)
	var v int
	if err := db.SQL().QueryRow(`SELECT version FROM schema_version`).Scan(&v); err != nil || v != len(migrations) {
		t.Fatalf("schema version %d, %v; want %d", v, err, len(migrations))
	}
	for _, r := range rows {
		a, err := db.Article(ctx, ids[r.doc])
		if err != nil {
			t.Fatal(err)
		}
		if a.DocKind != r.want || a.SupersededBy != "" {
			t.Errorf("%s from %s: kind %q, superseded by %q; want %q, current", r.doc, r.origin, a.DocKind, a.SupersededBy, r.want)
		}
	}
	if hits := searchIDs(t, db, "cranes"); len(hits) != len(rows) {
		t.Errorf("search after migration: %d hits, want %d", len(hits), len(rows))
	}
	// A revision of an article stored before the upgrade.
	v2 := revision("wire-123", model.DocOwnID, "Harbour Wire", "New text: the harbour reopened.")
	if outs := putOne(t, db, v2); outs[0] != store.Revised {
		t.Errorf("new text of wire-123: %v, want revised", outs[0])
	}
	if a, _ := db.Article(ctx, ids["wire-123"]); a.SupersededBy != v2.Article.ID {
		t.Errorf("old wire-123 superseded by %q, want %s", a.SupersededBy, v2.Article.ID)
	}
	// A new record at line 12 of another desk.csv is another article.
	if outs := putOne(t, db, revision("desk:12", model.DocPlace, "Harbour Wire", "Another desk's line 12.")); outs[0] != store.Stored {
		t.Errorf("desk:12 again: %v, want stored", outs[0])
	}
	hits := searchIDs(t, db, "cranes")
	if len(hits) != len(rows)-1 || slices.Contains(hits, ids["wire-123"]) {
		t.Errorf("search after the revision: %v; want the %d articles but the superseded wire-123", hits, len(rows)-1)
	}
	ftsIntact(t, db)
	// Deleting a superseded article (as a repair might) leaves the index
	// whole: it was not in it.
	if _, err := db.SQL().Exec(`DELETE FROM articles WHERE id = ?`, ids["wire-123"]); err != nil {
		t.Fatal(err)
	}
	ftsIntact(t, db)
	var n int
	if err := db.SQL().QueryRow(`SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'reopened'`).Scan(&n); err != nil || n != 1 {
		t.Errorf("the current wire-123 in the index: %d, %v", n, err)
	}
}

// TestStatsMinusRevisions: counts by outlet and month leave the earlier
// revisions out, and stay in their order.
func TestStatsMinusRevisions(t *testing.T) {
	all := []store.Count{{Key: "A", Count: 3}, {Key: "B", Count: 2}, {Key: "C", Count: 2}, {Key: "D", Count: 1}}
	got := minus(slices.Clone(all), []store.Count{{Key: "A", Count: 2}, {Key: "D", Count: 1}}, false)
	want := []store.Count{{Key: "B", Count: 2}, {Key: "C", Count: 2}, {Key: "A", Count: 1}}
	if !slices.Equal(got, want) {
		t.Errorf("by count: %v, want %v", got, want)
	}
	got = minus(slices.Clone(all), []store.Count{{Key: "A", Count: 2}, {Key: "D", Count: 1}}, true)
	want = []store.Count{{Key: "A", Count: 1}, {Key: "B", Count: 2}, {Key: "C", Count: 2}}
	if !slices.Equal(got, want) {
		t.Errorf("by key: %v, want %v", got, want)
	}
}
