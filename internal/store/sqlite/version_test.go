package sqlite

import (
	"context"
	"testing"

	"github.com/sitrep-project/sitrep/internal/model"
	"github.com/sitrep-project/sitrep/internal/store"
)

// TestDataVersionMovesWithEveryWrite checks that each kind of write moves
// the version, that a second handle on the same file (standing for another
// process) sees it, and that reading does not move it.
func TestDataVersionMovesWithEveryWrite(t *testing.T) {
	ctx := context.Background()
	db, path := open(t)
	other, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	version := func() uint64 {
		t.Helper()
		v, err := other.DataVersion(ctx)
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	v0 := version()
	a := article("v1", "2022-05-02", "Test Wire", "Convoy", "A convoy of 30 lorries reached Zaporizhzhia on Monday, officials said.")
	if _, err := db.Put(ctx, docs(a)); err != nil {
		t.Fatal(err)
	}
	v1 := version()
	if v1 == v0 {
		t.Fatal("storing an article did not move the version")
	}
	if _, err := db.Search(ctx, store.SearchQuery{Text: "convoy"}); err != nil {
		t.Fatal(err)
	}
	if version() != v1 {
		t.Error("a search moved the version")
	}
	ev := model.Event{Doc: "v1", Article: a.ID, Date: "2022-05-02", Type: model.TypeStatement, Modality: model.ModalityAsserted}
	if err := db.PutEvents(ctx, "test/1", map[string][]model.Event{a.ID: {ev}}); err != nil {
		t.Fatal(err)
	}
	v2 := version()
	if v2 == v1 {
		t.Error("replacing events did not move the version")
	}
	if err := db.SaveRecords(ctx, nil, nil, nil); err != nil {
		t.Fatal(err)
	}
	if version() == v2 {
		t.Error("saving records did not move the version")
	}
}
