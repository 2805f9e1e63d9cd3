package sqlite

import (
	"encoding/hex"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/sitrep-project/sitrep/internal/model"
)

func codecEvents() []model.Event {
	f := func(v float64) *float64 { return &v }
	return []model.Event{
		{ID: "e1", Doc: "wire-1", Article: "a1", Date: "2022-04-28", Outlet: "Harbourline Times", Type: model.TypeAid,
			Actor:  &model.Actor{Code: "DEU", Name: "Germany", Text: "Berlin", Span: &model.Span{Start: 0, End: 6}},
			Status: model.StatusPledged, Modality: model.ModalityAsserted, Mode: "military",
			Items:      []model.Item{{Name: "Gepard", Category: "air defence", Text: "Gepard anti-aircraft tanks", Qty: &model.Range{Min: f(50), Max: f(50)}}},
			Money:      &model.Money{Amount: 1.2e9, Currency: "EUR", Text: "€1.2bn"},
			Evidence:   model.Evidence{Sentence: "Berlin said on Thursday it would send 50 Gepard anti-aircraft tanks.", Start: 0, End: 68},
			Confidence: 0.8, Extractor: "sitrep-extract/14"},
		{ID: "e2", Type: model.TypeCasualties, Count: &model.Range{Min: f(12), Approx: true}, Victims: "civilians", Outcome: "killed",
			Places: []model.Place{{Name: "Kramatorsk", Country: "UKR", Lat: f(48.7), Lon: f(37.5)}}, Modality: model.ModalityAsserted,
			Evidence: model.Evidence{Sentence: "At least 12 people were killed in Kramatorsk, the governor said — «ще»", Start: 3, End: 80}},
		{ID: "e3", Type: model.TypeVisit},
	}
}

// decodeAs reads a stored event as a row holding row's id, article, doc,
// date and extractor in its columns would give it.
func decodeAs(b []byte, row model.Event, ev *model.Event) error {
	return eventFrom(b, row.ID, row.Article, row.Doc, row.Date, row.Extractor, ev)
}

func TestEventCodecRoundTrip(t *testing.T) {
	for _, ev := range codecEvents() {
		b, err := encodeEvent(&ev)
		if err != nil {
			t.Fatal(err)
		}
		plain, _ := json.Marshal(&ev)
		if len(b) >= len(plain) {
			t.Errorf("event %s: stored in %d bytes, as JSON %d", ev.ID, len(b), len(plain))
		}
		var got model.Event
		if err := decodeAs(b, ev, &got); err != nil {
			t.Fatal(err)
		}
		if d := cmp.Diff(ev, got); d != "" {
			t.Errorf("event %s round trip (-want +got):\n%s", ev.ID, d)
		}
		// The fields the row holds come from the row, not the stored form.
		row := model.Event{ID: "row-id", Article: "row-article", Doc: "row-doc", Date: "2022-01-02", Extractor: "row-x"}
		var fromRow model.Event
		if err := decodeAs(b, row, &fromRow); err != nil {
			t.Fatal(err)
		}
		if fromRow.ID != row.ID || fromRow.Article != row.Article || fromRow.Doc != row.Doc || fromRow.Date != row.Date || fromRow.Extractor != row.Extractor {
			t.Errorf("event %s: fields of the row read as %q %q %q %q %q", ev.ID, fromRow.ID, fromRow.Article, fromRow.Doc, fromRow.Date, fromRow.Extractor)
		}
		// Stores written before the compressed form hold plain JSON,
		// every field in it.
		var old model.Event
		if err := decodeAs(plain, row, &old); err != nil || old.ID != ev.ID {
			t.Errorf("event %s as plain JSON: %+v, %v", ev.ID, old, err)
		}
	}
}

// TestStoredFormStable decodes events in the forms this version and the
// one before store, kept in testdata: the dictionary must never change
// under stored events.
func TestStoredFormStable(t *testing.T) {
	want := codecEvents()[0]
	for _, tc := range []struct{ file, form string }{
		{"event-stored.hex", "whole (zstdDict1)"},
		{"event-slim.hex", "without its row's fields (zstdSlim)"},
	} {
		raw, err := os.ReadFile(filepath.Join("testdata", tc.file))
		if err != nil {
			t.Fatal(err)
		}
		b, err := hex.DecodeString(strings.TrimSpace(string(raw)))
		if err != nil {
			t.Fatal(err)
		}
		var got model.Event
		if err := decodeAs(b, want, &got); err != nil {
			t.Fatalf("an event stored %s no longer decodes: %v", tc.form, err)
		}
		if d := cmp.Diff(want, got); d != "" {
			t.Errorf("an event stored %s decodes otherwise (-want +got):\n%s", tc.form, d)
		}
	}
}

func TestEventCodecDamaged(t *testing.T) {
	ev := codecEvents()[0]
	good, err := encodeEvent(&ev)
	if err != nil {
		t.Fatal(err)
	}
	for _, b := range [][]byte{nil, {}, {9, 1, 2}, {'{', 'x'}, good[:len(good)/2], {zstdDict1, 0xff, 0xff}} {
		var got model.Event
		if err := decodeAs(b, ev, &got); err == nil {
			t.Errorf("decoding %x gives %+v, want an error", b, got)
		}
	}
}

func FuzzDecodeEvent(f *testing.F) {
	for _, ev := range codecEvents() {
		b, _ := encodeEvent(&ev)
		f.Add(b)
	}
	f.Add([]byte(`{"id":"x"}`))
	f.Fuzz(func(t *testing.T, b []byte) {
		var ev model.Event
		if decodeAs(b, model.Event{ID: "e1", Article: "a1", Doc: "d1", Date: "2022-03-01", Extractor: "x"}, &ev) != nil {
			return
		}
		again, err := encodeEvent(&ev)
		if err != nil {
			t.Fatal(err)
		}
		var back model.Event
		if err := decodeAs(again, ev, &back); err != nil {
			t.Fatalf("a decoded event does not decode once stored again: %v", err)
		}
	})
}
