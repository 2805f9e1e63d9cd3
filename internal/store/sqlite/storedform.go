package sqlite

import (
	"bytes"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"sync"

	"github.com/klauspost/compress/zstd"

	"github.com/sitrep-project/sitrep/internal/model"
)

// Events and records are most of a store: several events per article,
// each about 900 bytes of JSON, and a record for every two or so, most of
// it the same field names and values from one to the next. Each is
// stored as its JSON compressed with Zstandard over a raw dictionary of
// those names and values (storeDict), which makes an event about a third
// of the size. Zstandard, not the standard library's DEFLATE: with a
// dictionary, DEFLATE spent some 35 µs an event resetting its tables,
// Zstandard spends some 10 to encode and 5 to decode. The stored value
// is zstdDict1 followed by a Zstandard frame. A value that begins with
// '{' is plain JSON, as stores before this form hold, and is read as it
// is.
const zstdDict1 = 1

// storeDict is the preset dictionary: the JSON of an event of every type
// and of a record, with the fields and values they commonly have, written
// from the model's own registries. A change to it would make what was
// stored before unreadable, so it must never change without a new
// leading byte (zstdDict1); TestStoredFormStable holds it to that.
var storeDict = sync.OnceValue(func() []byte {
	var b bytes.Buffer
	day := "2022-03-01"
	f := func(v float64) *float64 { return &v }
	statuses := []string{model.StatusPledged, model.StatusDelivered, model.StatusAuthorized, model.StatusPlanned, model.StatusRequested}
	modalities := []string{model.ModalityAsserted, model.ModalityPlanned, model.ModalityHypothetical, model.ModalityNegated}
	for i, ti := range model.Types() {
		ev := model.Event{
			ID: "0123456789abcdef", Doc: "doc", Article: "0123456789abcdef", Date: day, Outlet: "The Times",
			Type:    ti.Type,
			Actor:   &model.Actor{Code: "RUS", Name: "Russia", Text: "Russia", Span: &model.Span{Start: 100, End: 106}},
			Targets: []model.Actor{{Code: "UKR", Name: "Ukraine", Text: "Ukraine", Span: &model.Span{Start: 120, End: 127}}},
			Status:  statuses[i%len(statuses)], Modality: modalities[i%len(modalities)],
			Source:   &model.Source{Name: "the ministry", Kind: "official", Text: "the ministry said", Span: &model.Span{Start: 140, End: 157}},
			Time:     &model.Time{Start: day, End: day, Precision: model.PrecisionDay, Value: day, Text: "on Tuesday", Span: &model.Span{Start: 160, End: 170}},
			Places:   []model.Place{{Name: "Kyiv", Country: "UKR", Lat: f(50.45), Lon: f(30.52), Text: "Kyiv", Span: &model.Span{Start: 180, End: 184}}},
			Evidence: model.Evidence{Sentence: "The ministry said on Tuesday that the", Start: 100, End: 200},
		}
		switch {
		case ti.Type == model.TypeAid:
			ev.Mode = "military"
			ev.Items = []model.Item{{Name: "artillery shells", Category: "ammunition", Text: "artillery shells", Span: &model.Span{Start: 110, End: 126},
				Qty: &model.Range{Min: f(100), Max: f(100), Text: "100", Span: &model.Span{Start: 106, End: 109}}}}
			ev.Money = &model.Money{Amount: 1e8, Currency: "USD", Approx: true, Text: "$100 million", Span: &model.Span{Start: 130, End: 142}}
		case ti.Figure:
			ev.Count = &model.Range{Min: f(1000), Approx: true, Text: "more than 1,000", Span: &model.Span{Start: 130, End: 145}}
			ev.Victims, ev.Outcome = "civilians", "killed"
		}
		ev.Confidence = 0.9
		ev.Extractor = "sitrep-extract/1"
		data, err := json.Marshal(&ev)
		if err != nil {
			panic(err) // a model value always encodes
		}
		b.Write(data)
	}
	rec := model.Record{ID: "r0123456789ab", Type: model.TypeAid, Status: model.StatusDelivered, Mode: "military",
		Actor: &model.Actor{Code: "USA", Name: "United States"}, Targets: []model.Actor{{Code: "UKR", Name: "Ukraine"}},
		Items: []model.Item{{Name: "howitzers", Category: "artillery", Qty: &model.Range{Min: f(18), Max: f(18)}}},
		Money: &model.Money{Amount: 8e8, Currency: "USD"}, Time: &model.Time{Start: day, End: day, Precision: model.PrecisionDay, Value: day},
		Day: day, Places: []model.Place{{Name: "Kyiv", Country: "UKR", Lat: f(50.45), Lon: f(30.52)}}, FirstReported: day, LastReported: day,
		History:       []model.StatusStep{{Status: model.StatusPledged, Date: day, Doc: "doc", Source: &model.Source{Name: "the Pentagon", Kind: "official"}}},
		Disagreements: []model.Disagreement{{Slot: "money", Claims: []model.Claim{{Value: "800000000 USD", Doc: "doc", Date: day, Source: "the Pentagon"}}}},
		Confidence:    0.9}
	data, err := json.Marshal(&rec)
	if err != nil {
		panic(err)
	}
	b.Write(data)
	return b.Bytes()
})

// maxStoredJSON bounds what one stored value may decompress to, so that
// a damaged or hostile value cannot ask for unbounded memory.
const maxStoredJSON = 64 << 20

// coder is the shared encoder and decoder; both are safe for concurrent
// use, and made on first use, as commands that never read the store's
// events need neither.
var coder = sync.OnceValues(func() (*zstd.Encoder, *zstd.Decoder) {
	enc, err := zstd.NewWriter(nil, zstd.WithEncoderDictRaw(zstdDict1, storeDict()), zstd.WithEncoderLevel(zstd.SpeedFastest),
		zstd.WithEncoderCRC(false), zstd.WithZeroFrames(true))
	if err != nil {
		panic(fmt.Sprintf("making the store's encoder: %v", err)) // only for bad options
	}
	dec, err := zstd.NewReader(nil, zstd.WithDecoderDictRaw(zstdDict1, storeDict()), zstd.WithDecoderConcurrency(0),
		zstd.WithDecoderMaxMemory(maxStoredJSON), zstd.WithDecoderLowmem(true))
	if err != nil {
		panic(fmt.Sprintf("making the store's decoder: %v", err))
	}
	return enc, dec
})

// zstdSlim marks an event stored without the fields its row holds as
// columns (id, article, doc, date, extractor): the rest of its JSON,
// compressed over storeDict as with zstdDict1. Those five were some 40
// bytes of an event's 280, at 5 events an article. Reading needs the
// columns (eventCols, eventFrom); events stored before, led by
// zstdDict1 or '{', hold all their fields and are read as they are.
const zstdSlim = 2

// eventCols are the columns of an events row that a slim stored event
// leaves out, in the order the queries select them after data.
const eventCols = "e.id, e.article_id, e.doc, e.date, e.extractor"

// encodeEvent returns the stored form of an event, without the fields
// its row holds as columns.
func encodeEvent(ev *model.Event) ([]byte, error) {
	slim := *ev
	slim.ID, slim.Article, slim.Doc, slim.Date, slim.Extractor = "", "", "", "", ""
	b, err := packJSON(&slim)
	if err != nil {
		return nil, fmt.Errorf("encoding event %s: %w", ev.ID, err)
	}
	b[0] = zstdSlim
	return b, nil
}

// eventFrom reads an event from its stored form and the columns of its
// row (eventCols): a slim event takes those fields from them.
func eventFrom(data []byte, id, article, doc, date, extractor string, ev *model.Event) error {
	if err := unpackJSON(data, ev); err != nil {
		return fmt.Errorf("decoding event %s: %w", id, err)
	}
	if data[0] == zstdSlim {
		ev.ID, ev.Article, ev.Doc, ev.Date, ev.Extractor = id, article, doc, date, extractor
	}
	return nil
}

// scanEvent reads an event from a row whose columns are its data, then
// eventCols, then those in more.
func scanEvent(rows *sql.Rows, ev *model.Event, more ...any) error {
	var data sql.RawBytes
	var id, article, doc, date, extractor string
	if err := rows.Scan(append([]any{&data, &id, &article, &doc, &date, &extractor}, more...)...); err != nil {
		return err
	}
	return eventFrom(data, id, article, doc, date, extractor, ev)
}

// packJSON returns the stored form of a value: its JSON, compressed.
func packJSON(v any) ([]byte, error) {
	data, err := json.Marshal(v)
	if err != nil {
		return nil, err
	}
	enc, _ := coder()
	return enc.EncodeAll(data, append(make([]byte, 0, len(data)/2+16), zstdDict1)), nil
}

// unpackJSON reads a value in its stored form, or as plain JSON.
func unpackJSON(b []byte, v any) error {
	if len(b) > 0 && b[0] == '{' {
		return json.Unmarshal(b, v)
	}
	if len(b) == 0 || b[0] != zstdDict1 && b[0] != zstdSlim {
		return errors.New("not a form this sitrep stores")
	}
	_, dec := coder()
	data, err := dec.DecodeAll(b[1:], make([]byte, 0, 4*len(b)))
	if err != nil {
		return err
	}
	return json.Unmarshal(data, v)
}
