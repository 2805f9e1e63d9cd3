package sqlite

import (
	"context"
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
}
