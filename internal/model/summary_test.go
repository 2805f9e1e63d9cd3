package model

import (
	"encoding/json"
	"math"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

func fp(f float64) *float64 { return &f }

// The want record is what a summary keeps of a record, written out by
// hand: the slots merging compares, and of each report its article, step,
// modality, sentence and flags.
func TestSummaryRoundTrip(t *testing.T) {
	full := &Record{
		ID: "r0123456789ab", Type: TypeAid, Status: StatusDelivered, Mode: "military",
		Actor:   &Actor{Code: "USA", Name: "United States", Text: "Washington", Span: &Span{Start: 1, End: 11}},
		Targets: []Actor{{Code: "UKR", Name: "Ukraine"}},
		Items: []Item{
			{Name: "HIMARS", Category: "rocket launcher", Text: "four more HIMARS", Qty: &Range{Min: fp(4), Max: fp(4)}},
			{Name: "artillery shells", Qty: &Range{Min: fp(1000), Approx: true}},
			{Name: "helmets"},
		},
		Money:   &Money{Amount: 4.5e8, Currency: "USD", Approx: true, Text: "about $450m"},
		Count:   &Range{Max: fp(20)},
		Victims: "civilians", Outcome: "killed",
		Time:          &Time{Start: "2022-06-01", End: "2022-06-01", Precision: PrecisionDay, Value: "2022-06-01", Text: "on Wednesday"},
		Day:           "2022-06-01",
		Places:        []Place{{Name: "Kharkiv", Country: "UKR", Lat: fp(50), Lon: fp(36.2)}, {Name: "Izium"}},
		FirstReported: "2022-06-01", LastReported: "2022-06-23", Confidence: 0.87,
		Mentions: []Mention{
			{Event: "e1", Article: "0123456789abcdef", Doc: "d1", Date: "2022-06-01", Status: StatusPledged, Modality: ModalityAsserted, Evidence: Evidence{Start: 10},
				Slots: &Event{Cumulative: true, Genre: GenreOpinion}},
			{Event: "e2", Article: "0123456789abcdef", Doc: "d1", Date: "2022-06-01", Status: StatusPledged, Modality: ModalityAsserted, Evidence: Evidence{Start: 20},
				Slots: &Event{}},
			{Event: "e3", Article: "a2", Doc: "d2", Date: "2022-06-23", Status: "a step of its own", Modality: ModalityPlanned, Evidence: Evidence{Start: 5},
				Slots: &Event{Genre: GenreOpinion}},
		},
		History: []StatusStep{{Status: StatusPledged, Date: "2022-06-01"}},
	}
	want := &Record{
		ID: full.ID, Type: full.Type, Status: full.Status, Mode: full.Mode,
		Actor:   &Actor{Code: "USA", Name: "United States"},
		Targets: full.Targets,
		Items: []Item{
			{Name: "HIMARS", Category: "rocket launcher", Qty: &Range{Min: fp(4), Max: fp(4)}},
			{Name: "artillery shells", Qty: &Range{Min: fp(1000), Approx: true}},
			{Name: "helmets"},
		},
		Money:   &Money{Amount: 4.5e8, Currency: "USD", Approx: true},
		Count:   &Range{Max: fp(20)},
		Victims: "civilians", Outcome: "killed",
		Time:          &Time{Start: "2022-06-01", End: "2022-06-01", Precision: PrecisionDay, Value: "2022-06-01"},
		Day:           "2022-06-01",
		Places:        []Place{{Name: "Kharkiv", Country: "UKR"}, {Name: "Izium"}},
		FirstReported: "2022-06-01", LastReported: "2022-06-23", Confidence: 0.87,
		Reports: 3,
		Mentions: []Mention{
			{Article: "0123456789abcdef", Status: StatusPledged, Modality: ModalityAsserted, Evidence: Evidence{Start: 10}, Slots: &Event{Cumulative: true, Genre: GenreOpinion}},
			{Article: "0123456789abcdef", Status: StatusPledged, Modality: ModalityAsserted, Evidence: Evidence{Start: 20}},
			{Article: "a2", Status: "a step of its own", Modality: ModalityPlanned, Evidence: Evidence{Start: 5}, Slots: &Event{Genre: GenreOpinion}},
		},
	}
	got, err := DecodeSummary(EncodeSummary(full))
	if err != nil {
		t.Fatal(err)
	}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("summary round trip (-want +got):\n%s", d)
	}
	// Summary makes the same without encoding.
	if d := cmp.Diff(want, Summary(full)); d != "" {
		t.Errorf("Summary (-want +got):\n%s", d)
	}
	// What merging asks of a record reads the same from its summary.
	if got.RunningTotal() != full.RunningTotal() || got.OpinionOnly() != full.OpinionOnly() || got.ReportCount() != full.ReportCount() {
		t.Errorf("summary answers differ: running %v/%v opinion %v/%v reports %d/%d",
			got.RunningTotal(), full.RunningTotal(), got.OpinionOnly(), full.OpinionOnly(), got.ReportCount(), full.ReportCount())
	}
	// A bare record, with nothing optional set.
	bare := &Record{ID: "r1", Type: TypeVisit, Day: "2022-03-01", Mentions: []Mention{}}
	got, err = DecodeSummary(EncodeSummary(bare))
	if err != nil {
		t.Fatal(err)
	}
	if d := cmp.Diff(bare, got); d != "" {
		t.Errorf("bare round trip (-want +got):\n%s", d)
	}
}

// A store written before the binary form holds JSON summaries.
func TestSummaryJSON(t *testing.T) {
	old, err := json.Marshal(&Record{ID: "r2", Type: TypeAttack, Day: "2022-03-02",
		Mentions: []Mention{{Article: "a", Evidence: Evidence{Start: 1}}, {Article: "b", Evidence: Evidence{Start: 1}}}})
	if err != nil {
		t.Fatal(err)
	}
	got, err := DecodeSummary(old)
	if err != nil {
		t.Fatal(err)
	}
	if got.ID != "r2" || got.Type != TypeAttack || len(got.Mentions) != 2 || got.Reports != 2 {
		t.Errorf("JSON summary read as %+v", got)
	}
}

func TestSummaryDamaged(t *testing.T) {
	good := EncodeSummary(&Record{ID: "r3", Type: TypeAid, Day: "2022-04-01", Money: &Money{Amount: 1, Currency: "EUR"},
		Mentions: []Mention{{Article: "a", Status: StatusPledged}}})
	for _, b := range [][]byte{nil, {}, {7}, {'{', 'x'}, good[:len(good)-1], good[:5], append(append([]byte{}, good...), 0)} {
		if r, err := DecodeSummary(b); err == nil {
			t.Errorf("DecodeSummary(%q) = %+v, want an error", b, r)
		}
	}
}

// FuzzDecodeSummary: no input makes the decoder panic or allocate
// without bound, and what decodes encodes back to what decodes the same.
func FuzzDecodeSummary(f *testing.F) {
	f.Add(EncodeSummary(&Record{ID: "r", Type: TypeAid, Day: "2022-01-01", Items: []Item{{Name: "x", Qty: &Range{Min: fp(1)}}},
		Mentions: []Mention{{Article: "a", Slots: &Event{Cumulative: true}}}}))
	f.Add([]byte{summaryV1, 0xff, 0xff, 0xff, 0xff, 0x0f})
	f.Add(EncodeSummary(&Record{ID: "r", Type: TypeAid, Confidence: math.NaN(), Money: &Money{Amount: math.Inf(1)}}))
	f.Add([]byte(`{"id":"r"}`))
	f.Fuzz(func(t *testing.T, b []byte) {
		r, err := DecodeSummary(b)
		if err != nil || len(b) == 0 || b[0] == '{' {
			return
		}
		// A summary's tally of reports is its reports' when it has any.
		if len(r.Mentions) > 0 {
			r.Reports = r.ReportCount()
		}
		again, err := DecodeSummary(EncodeSummary(r))
		if err != nil {
			t.Fatalf("re-encoded summary does not decode: %v", err)
		}
		// A damaged summary may hold NaN, which is not equal to itself.
		if d := cmp.Diff(r, again, cmpopts.EquateNaNs()); d != "" {
			t.Fatalf("re-encoded summary differs:\n%s", d)
		}
		if d := cmp.Diff(r, Summary(r), cmpopts.EquateNaNs()); d != "" {
			t.Fatalf("Summary differs from the decoded summary:\n%s", d)
		}
	})
}
