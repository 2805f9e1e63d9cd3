package sqlite

import (
	"context"
	"encoding/json"
	"testing"

	"github.com/sitrep-project/sitrep/internal/model"
	"github.com/sitrep-project/sitrep/internal/store"
)

// TestReportsStoredOnce checks that a record's reports are read from the
// events table (each event stored once, record_mentions holding only the
// link), that they are the events as merging saw them, and that a report
// a store of an earlier version holds whole in record_mentions is read as
// it is.
func TestReportsStoredOnce(t *testing.T) {
	ctx := context.Background()
	db, _ := open(t)
	pledge := func() model.Event {
		return model.Event{ID: "", Type: model.TypeAid, Status: model.StatusPledged, Actor: &model.Actor{Code: "DEU"},
			Targets: []model.Actor{{Code: "UKR"}}, Items: []model.Item{{Name: "Leopard 2"}}, Modality: model.ModalityAsserted,
			Source: &model.Source{Name: "Olaf Scholz"}, Evidence: model.Evidence{Sentence: "Germany will send tanks.", Start: 0, End: 24}}
	}
	putOne(t, db, revision("wire-1", model.DocOwnID, "Harbour Wire", "Germany will send tanks.", pledge()),
		revision("wire-2", model.DocOwnID, "Vistula Daily", "Germany will send tanks, Scholz said.", pledge()))
	merge(t, db)
	var withData int
	if err := db.SQL().QueryRow(`SELECT count(*) FROM record_mentions WHERE data <> ''`).Scan(&withData); err != nil {
		t.Fatal(err)
	}
	if withData != 0 {
		t.Errorf("%d reports stored twice, in record_mentions as well as in events", withData)
	}
	recs, err := db.Records(ctx, store.RecordFilter{})
	if err != nil || len(recs) != 1 || len(recs[0].Mentions) != 2 {
		t.Fatalf("records %+v, %v: want one of two reports", recs, err)
	}
	for _, m := range recs[0].Mentions {
		if m.Slots == nil || m.Slots.Items[0].Name != "Leopard 2" || m.Source.Name != "Olaf Scholz" || m.Evidence.End != 24 || m.Slots.Evidence.End != 0 {
			t.Errorf("report %+v: not its event", m)
		}
	}
	// A report as an earlier version stored it: whole, in record_mentions.
	old := recs[0].Mentions[0]
	old.Outlet = "Written Before Version 9"
	data, _ := json.Marshal(&old)
	if _, err := db.SQL().Exec(`UPDATE record_mentions SET data = ? WHERE event_id = ?`, string(data), old.Event); err != nil {
		t.Fatal(err)
	}
	rec, err := db.Record(ctx, recs[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, m := range rec.Mentions {
		found = found || m.Outlet == "Written Before Version 9"
	}
	if !found || len(rec.Mentions) != 2 {
		t.Errorf("reports %+v: the one stored whole is not read as it was", rec.Mentions)
	}
}
