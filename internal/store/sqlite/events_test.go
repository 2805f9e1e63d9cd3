package sqlite

import (
	"context"
	"fmt"
	"path/filepath"
	"slices"
	"testing"

	"github.com/sitrep-project/sitrep/internal/model"
	"github.com/sitrep-project/sitrep/internal/store"
)

func ev(doc string, typ model.EventType, actor, modality string, start int) model.Event {
	return model.Event{Doc: doc, Type: typ, Actor: &model.Actor{Code: actor}, Targets: []model.Actor{{Code: "UKR"}},
		Modality: modality, Evidence: model.Evidence{Start: start, End: start + 10}}
}

func TestEventsStoredWithArticles(t *testing.T) {
	ctx := context.Background()
	db, _ := open(t)
	batch := []store.Doc{
		{Article: corpus[0], Extractor: "v1", Events: []model.Event{ev("a1", "aid", "EST", "asserted", 0), ev("a1", "threaten", "RUS", "hypothetical", 20)}},
		{Article: corpus[1], Extractor: "v1", Events: []model.Event{ev("a2", "aid", "USA", "reported", 0), ev("a2", "visit", "USA", "planned", 30)}},
		{Article: corpus[2]}, // not extracted
	}
	if _, err := db.Put(ctx, batch); err != nil {
		t.Fatal(err)
	}
	all, err := db.Events(ctx, store.EventFilter{})
	if err != nil || len(all) != 4 {
		t.Fatalf("events %v, %v", all, err)
	}
	for _, e := range all {
		if e.ID == "" || e.Article == "" || e.Extractor != "v1" {
			t.Errorf("event not completed on store: %+v", e)
		}
	}
	cases := []struct {
		f    store.EventFilter
		want int
	}{
		{store.EventFilter{Type: "aid"}, 2},
		{store.EventFilter{Actor: "RUS"}, 1},
		{store.EventFilter{Target: "UKR"}, 4},
		{store.EventFilter{Target: "UK"}, 0},
		{store.EventFilter{Doc: "a1"}, 2},
		{store.EventFilter{Doc: corpus[1].ID}, 2},
		// Planned events are facts about a plan; the hypothetical threat
		// is not one.
		{store.EventFilter{Facts: true}, 3},
		{store.EventFilter{From: "2022-03-01"}, 2},
		{store.EventFilter{Limit: 1}, 1},
	}
	for _, c := range cases {
		got, err := db.Events(ctx, c.f)
		if err != nil || len(got) != c.want {
			t.Errorf("Events(%+v) = %d events, %v; want %d", c.f, len(got), err, c.want)
		}
	}
	// Ids are stable: the same article and events give the same ids.
	again := EventID(corpus[0].ID, 0, &batch[0].Events[0])
	if all[0].ID != again {
		t.Errorf("event id %s, recomputed %s", all[0].ID, again)
	}
	st, _ := db.Stats(ctx)
	if st.Events != 4 {
		t.Errorf("stats count %d events, want 4", st.Events)
	}
}

func TestReextractReplacesEvents(t *testing.T) {
	ctx := context.Background()
	db, _ := open(t)
	batch := []store.Doc{
		{Article: corpus[0], Extractor: "v1", Events: []model.Event{ev("a1", "aid", "EST", "asserted", 0)}},
		{Article: corpus[1], Extractor: "v1", Events: []model.Event{ev("a2", "aid", "USA", "asserted", 0)}},
		{Article: corpus[2]},
	}
	if _, err := db.Put(ctx, batch); err != nil {
		t.Fatal(err)
	}
	stale, err := db.Stale(ctx, "v1", "", 10)
	if err != nil || len(stale) != 1 || stale[0].ID != corpus[2].ID {
		t.Fatalf("stale for v1: %d articles, %v; want the unextracted one", len(stale), err)
	}
	stale, _ = db.Stale(ctx, "v2", "", 10)
	if len(stale) != 3 {
		t.Fatalf("stale for v2: %d, want all 3", len(stale))
	}
	// Paging by id.
	first, _ := db.Stale(ctx, "v2", "", 2)
	rest, _ := db.Stale(ctx, "v2", first[len(first)-1].ID, 2)
	if len(first) != 2 || len(rest) != 1 {
		t.Errorf("paging: %d then %d", len(first), len(rest))
	}
	err = db.PutEvents(ctx, "v2", map[string][]model.Event{
		corpus[0].ID: {ev("a1", "aid", "EST", "asserted", 0), ev("a1", "aid", "LVA", "asserted", 0)},
		corpus[1].ID: nil,
	})
	if err != nil {
		t.Fatal(err)
	}
	all, _ := db.Events(ctx, store.EventFilter{})
	if len(all) != 2 || all[0].Extractor != "v2" || all[1].Actor.Code != "LVA" {
		t.Errorf("after re-extraction: %+v", all)
	}
	stale, _ = db.Stale(ctx, "v2", "", 10)
	if len(stale) != 1 || stale[0].ID != corpus[2].ID {
		t.Errorf("stale after re-extraction: %v", stale)
	}
}

// TestRecordIndexFollowsChanges saves a record, then saves it again with
// another day and party, and reads it through the party and place filters.
func TestRecordIndexFollowsChanges(t *testing.T) {
	ctx := context.Background()
	db, _ := open(t)
	rec := &model.Record{ID: "r1", Type: "visit", Actor: &model.Actor{Code: "USA"}, Targets: []model.Actor{{Code: "POL"}},
		Places: []model.Place{{Name: "Warsaw"}}, Day: "2022-03-05", FirstReported: "2022-03-05", LastReported: "2022-03-05"}
	count := func(f store.RecordFilter) int {
		recs, err := db.Records(ctx, f)
		if err != nil {
			t.Fatal(err)
		}
		return len(recs)
	}
	if err := db.SaveRecords(ctx, []*model.Record{rec}, nil, nil); err != nil {
		t.Fatal(err)
	}
	if count(store.RecordFilter{Party: "POL", From: "2022-03-05"}) != 1 || count(store.RecordFilter{Place: "warsaw"}) != 1 {
		t.Fatal("record not found by party or place")
	}
	// Saved again unchanged: still one row per party.
	if err := db.SaveRecords(ctx, []*model.Record{rec}, nil, nil); err != nil {
		t.Fatal(err)
	}
	if count(store.RecordFilter{Party: "USA"}) != 1 {
		t.Error("an unchanged record is indexed twice or lost")
	}
	rec.Day = "2022-03-10"
	rec.Targets = []model.Actor{{Code: "ROU"}}
	rec.Places = nil
	if err := db.SaveRecords(ctx, []*model.Record{rec}, nil, nil); err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		f    store.RecordFilter
		want int
	}{
		{store.RecordFilter{Party: "POL"}, 0},
		{store.RecordFilter{Party: "ROU", From: "2022-03-10", To: "2022-03-10"}, 1},
		{store.RecordFilter{Party: "USA", To: "2022-03-05"}, 0},
		{store.RecordFilter{Place: "Warsaw"}, 0},
	}
	for _, c := range cases {
		if got := count(c.f); got != c.want {
			t.Errorf("Records(%+v) = %d, want %d", c.f, got, c.want)
		}
	}
	// A record read back (whole, or as merging reads it) and saved with
	// a new party and place is indexed under them; saved unchanged, it
	// keeps its rows.
	whole, err := db.Record(ctx, "r1")
	if err != nil {
		t.Fatal(err)
	}
	whole.Targets = append(whole.Targets, model.Actor{Code: "MDA"})
	whole.Places = []model.Place{{Name: "Chisinau"}}
	if err := db.SaveRecords(ctx, []*model.Record{whole}, nil, nil); err != nil {
		t.Fatal(err)
	}
	sums, err := db.Candidates(ctx, "visit", "USA", "2022-03-01", "2022-03-31")
	if err != nil || len(sums) != 1 {
		t.Fatalf("candidates %v, %v", sums, err)
	}
	if err := db.SaveRecords(ctx, sums, nil, nil); err != nil {
		t.Fatal(err)
	}
	sums[0].Day = "2022-03-12"
	if err := db.SaveRecords(ctx, sums, nil, nil); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		f    store.RecordFilter
		want int
	}{
		{store.RecordFilter{Party: "MDA", From: "2022-03-12", To: "2022-03-12"}, 1},
		{store.RecordFilter{Party: "ROU", From: "2022-03-12"}, 1},
		{store.RecordFilter{Party: "ROU", To: "2022-03-11"}, 0},
		{store.RecordFilter{Place: "chisinau", From: "2022-03-12"}, 1},
	} {
		if got := count(c.f); got != c.want {
			t.Errorf("after saving what was read: Records(%+v) = %d, want %d", c.f, got, c.want)
		}
	}
}

// TestMergeIndexFollowsChanges reads a record's summary as merging does,
// by type, party and days, as the record is saved, moved to another day
// and party, and deleted.
func TestMergeIndexFollowsChanges(t *testing.T) {
	ctx := context.Background()
	db, _ := open(t)
	rec := &model.Record{ID: "r1", Type: model.TypeAid, Actor: &model.Actor{Code: "DEU"}, Day: "2022-04-02",
		Money: &model.Money{Amount: 5e8, Currency: "EUR"}, FirstReported: "2022-04-02", LastReported: "2022-04-02",
		Mentions: []model.Mention{{Event: "e1", Article: "a1", Status: model.StatusPledged}}}
	noActor := &model.Record{ID: "r2", Type: model.TypeAid, Day: "2022-04-03", FirstReported: "2022-04-03", LastReported: "2022-04-03"}
	if err := db.SaveRecords(ctx, []*model.Record{rec, noActor}, nil, nil); err != nil {
		t.Fatal(err)
	}
	ids := func(typ model.EventType, actor, from, to string) []string {
		t.Helper()
		recs, err := db.Candidates(ctx, typ, actor, from, to)
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, r := range recs {
			out = append(out, r.ID)
		}
		slices.Sort(out)
		return out
	}
	check := func(when string, typ model.EventType, actor, from, to string, want ...string) {
		t.Helper()
		if got := ids(typ, actor, from, to); !slices.Equal(got, want) {
			t.Errorf("%s: Candidates(%s, %q, %s, %s) = %v, want %v", when, typ, actor, from, to, got, want)
		}
	}
	check("saved", model.TypeAid, "DEU", "2022-04-01", "2022-04-05", "r1")
	check("saved", model.TypeAid, "", "2022-04-01", "2022-04-05", "r2")
	check("saved", model.TypeAid, "FRA", "2022-04-01", "2022-04-05")
	check("saved", model.TypeAttack, "DEU", "2022-04-01", "2022-04-05")
	check("saved", model.TypeAid, "DEU", "2022-04-03", "2022-04-05")
	check("saved", model.TypeAid, "", "2022-04-01", "2022-04-02")
	got, err := db.Candidates(ctx, model.TypeAid, "DEU", "2022-04-02", "2022-04-02")
	if err != nil || len(got) != 1 || got[0].Money == nil || got[0].Money.Amount != 5e8 || len(got[0].Mentions) != 1 || got[0].Mentions[0].Article != "a1" {
		t.Fatalf("summary read back as %+v (%v)", got, err)
	}
	// Moved to another day and party: found there, not where it was.
	rec.Day, rec.Actor = "2022-04-20", &model.Actor{Code: "FRA"}
	if err := db.SaveRecords(ctx, []*model.Record{rec}, nil, nil); err != nil {
		t.Fatal(err)
	}
	check("moved", model.TypeAid, "DEU", "2022-04-01", "2022-04-30")
	check("moved", model.TypeAid, "", "2022-04-01", "2022-04-30", "r2")
	check("moved", model.TypeAid, "FRA", "2022-04-15", "2022-04-30", "r1")
	if err := db.SaveRecords(ctx, nil, nil, []string{"r1", "r2"}); err != nil {
		t.Fatal(err)
	}
	check("deleted", model.TypeAid, "FRA", "2022-01-01", "2022-12-31")
}

// TestMigrationMergeIndex opens a store written before the merge index,
// whose records hold their summaries as JSON, and finds them as
// candidates.
func TestMigrationMergeIndex(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "old.db")
	raw := oldSchema(t, path, 8)
	sum := `{"id":"r9","type":"aid","actor":{"code":"POL"},"money":{"amount":1e8,"currency":"EUR"},"day":"2022-05-01","first_reported":"2022-05-01","last_reported":"2022-05-01","mentions":[{"event":"","article":"a9","doc":"","date":"","modality":"","evidence":{"sentence":"","start":0,"end":0},"slots":null}],"confidence":0.5}`
	if _, err := raw.ExecContext(ctx, `INSERT INTO records (id, type, actor, day, first_reported, last_reported, mentions, data, summary)
		VALUES ('r9', 'aid', 'POL', '2022-05-01', '2022-05-01', '2022-05-01', 1, ?, ?)`, sum, sum); err != nil {
		t.Fatal(err)
	}
	raw.Close()
	db := reopen(t, path)
	recs, err := db.Candidates(ctx, model.TypeAid, "POL", "2022-04-20", "2022-05-10")
	if err != nil {
		t.Fatal(err)
	}
	if len(recs) != 1 || recs[0].ID != "r9" || recs[0].Money == nil || recs[0].Money.Amount != 1e8 || len(recs[0].Mentions) != 1 {
		t.Fatalf("old summary read back as %+v", recs)
	}
	// Saved again, it is written in binary form and found the same.
	rec, err := db.Record(ctx, "r9")
	if err != nil {
		t.Fatal(err)
	}
	rec.Mentions = recs[0].Mentions
	if err := db.SaveRecords(ctx, []*model.Record{rec}, nil, nil); err != nil {
		t.Fatal(err)
	}
	recs, err = db.Candidates(ctx, model.TypeAid, "POL", "2022-04-20", "2022-05-10")
	if err != nil || len(recs) != 1 || recs[0].ID != "r9" {
		t.Fatalf("resaved summary read back as %+v (%v)", recs, err)
	}
}

// TestMigrationUnresolved opens a store of schema 9, whose waiting events
// are those with resolved = 0, and checks that after migration the same
// events wait, in the same order, that merging one takes it off the
// list (even when its waiting row disagrees with it), and that deleting an article's events (re-extraction) takes off
// theirs.
func TestMigrationUnresolved(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "old.db")
	raw := oldSchema(t, path, 9)
	for _, a := range []struct{ id, date string }{{"a2", "2022-03-02"}, {"a1", "2022-03-01"}} {
		if _, err := raw.ExecContext(ctx, `INSERT INTO articles (id, doc, date, text, ingested_at) VALUES (?, ?, ?, 'x', '')`, a.id, "doc-"+a.id, a.date); err != nil {
			t.Fatal(err)
		}
	}
	for _, e := range []struct {
		id, article, date string
		seq, resolved     int
	}{
		{"e21", "a2", "2022-03-02", 1, 0}, {"e20", "a2", "2022-03-02", 0, 0},
		{"e10", "a1", "2022-03-01", 0, 1}, {"e11", "a1", "2022-03-01", 1, 0},
	} {
		data := fmt.Sprintf(`{"id":%q,"article":%q,"doc":%q,"date":%q,"type":"aid","modality":"asserted","evidence":{"sentence":"","start":0,"end":0}}`, e.id, e.article, "doc-"+e.article, e.date)
		if _, err := raw.ExecContext(ctx, `INSERT INTO events (id, article_id, seq, doc, date, type, extractor, resolved, data) VALUES (?, ?, ?, ?, ?, 'aid', 'x', ?, ?)`,
			e.id, e.article, e.seq, "doc-"+e.article, e.date, e.resolved, data); err != nil {
			t.Fatal(err)
		}
	}
	raw.Close()
	db := reopen(t, path)
	waiting := func() []string {
		t.Helper()
		evs, err := db.Unresolved(ctx, 10)
		if err != nil {
			t.Fatal(err)
		}
		var ids []string
		for _, ev := range evs {
			ids = append(ids, ev.ID)
		}
		return ids
	}
	if got, want := waiting(), []string{"e11", "e20", "e21"}; !slices.Equal(got, want) {
		t.Fatalf("waiting after migration: %v, want %v", got, want)
	}
	// A waiting row that disagrees with its event's stored form (here
	// its doc) is still taken off once the event is merged.
	if _, err := db.SQL().ExecContext(ctx, `UPDATE unresolved SET doc = 'renamed' WHERE event_id = 'e11'`); err != nil {
		t.Fatal(err)
	}
	evs, err := db.Unresolved(ctx, 1)
	if err != nil {
		t.Fatal(err)
	}
	m := model.MentionOf(&evs[0])
	rec := &model.Record{ID: "r1", Type: model.TypeAid, Day: "2022-03-01", FirstReported: "2022-03-01", LastReported: "2022-03-01", Mentions: []model.Mention{m}}
	if err := db.SaveRecords(ctx, []*model.Record{rec}, []string{m.Event}, nil); err != nil {
		t.Fatal(err)
	}
	if got, want := waiting(), []string{"e20", "e21"}; !slices.Equal(got, want) {
		t.Fatalf("waiting after merging e11: %v, want %v", got, want)
	}
	if _, err := db.SQL().ExecContext(ctx, `DELETE FROM events WHERE article_id = 'a2'`); err != nil {
		t.Fatal(err)
	}
	if got := waiting(); len(got) != 0 {
		t.Fatalf("waiting after deleting a2's events: %v, want none", got)
	}
}
