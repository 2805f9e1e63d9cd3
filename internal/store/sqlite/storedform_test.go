package sqlite

import (
	"encoding/hex"
	"encoding/json"
	"os"
	"path/filepath"
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
		if err := decodeEvent(b, &got); err != nil {
			t.Fatal(err)
		}
		if d := cmp.Diff(ev, got); d != "" {
			t.Errorf("event %s round trip (-want +got):\n%s", ev.ID, d)
		}
		// Stores written before the compressed form hold plain JSON.
		var old model.Event
		if err := decodeEvent(plain, &old); err != nil || old.ID != ev.ID {
			t.Errorf("event %s as plain JSON: %+v, %v", ev.ID, old, err)
		}
	}
}

// TestStoredFormStable decodes an event in the form this version stores,
// kept in testdata: the dictionary must never change under stored events.
func TestStoredFormStable(t *testing.T) {
	path := filepath.Join("testdata", "event-stored.hex")
	want := codecEvents()[0]
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	b, err := hex.DecodeString(string(raw))
	if err != nil {
		t.Fatal(err)
	}
	var got model.Event
	if err := decodeEvent(b, &got); err != nil {
		t.Fatalf("an event stored by an earlier version no longer decodes: %v", err)
	}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("an event stored by an earlier version decodes otherwise (-want +got):\n%s", d)
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
		if err := decodeEvent(b, &got); err == nil {
			t.Errorf("decodeEvent(%x) = %+v, want an error", b, got)
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
		if decodeEvent(b, &ev) != nil {
			return
		}
		again, err := encodeEvent(&ev)
		if err != nil {
			t.Fatal(err)
		}
		var back model.Event
		if err := decodeEvent(again, &back); err != nil {
			t.Fatalf("a decoded event does not decode once stored again: %v", err)
		}
	})
}
