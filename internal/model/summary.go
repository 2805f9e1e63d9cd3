package model

import (
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"math"
)

// A record's summary is what merging compares a new report against
// without reading the record whole: its merged slots, and of each report
// whose article it is, its step and modality, and whether it is a running
// total or from an opinion piece, and where its sentence starts (which
// tells reports apart: Record.ReportCount). Merging reads thousands of summaries
// for each batch of articles (every record of a type and party within
// the type's window of days), so they are kept in a compact binary form
// rather than JSON: about a quarter of the bytes, and decoded some ten
// times faster.
//
// The form is a version byte (summaryV1), then the fields in a fixed
// order: strings as a uvarint length and their bytes, counts as uvarints,
// numbers as 8 bytes little-endian, optional values after a presence
// byte. A summary written before the binary form (a JSON object, which
// begins with '{') is still read.
const summaryV1 = 1

// Mention flags in a summary.
const (
	sumCumulative = 1 << iota
	sumOpinion
)

// EncodeSummary writes a record's summary (see DecodeSummary for what it
// keeps).
func EncodeSummary(r *Record) []byte {
	w := summaryWriter{b: make([]byte, 0, 128+24*len(r.Mentions))}
	w.b = append(w.b, summaryV1)
	w.str(r.ID)
	w.str(string(r.Type))
	w.str(r.Status)
	w.str(r.Mode)
	w.present(r.Actor != nil)
	if r.Actor != nil {
		w.actor(*r.Actor)
	}
	w.uint(len(r.Targets))
	for _, a := range r.Targets {
		w.actor(a)
	}
	w.uint(len(r.Items))
	for _, it := range r.Items {
		w.str(it.Name)
		w.str(it.Category)
		w.rng(it.Qty)
	}
	w.present(r.Money != nil)
	if r.Money != nil {
		w.float(r.Money.Amount)
		w.str(r.Money.Currency)
		w.present(r.Money.Approx)
	}
	w.rng(r.Count)
	w.str(r.Victims)
	w.str(r.Outcome)
	w.present(r.Time != nil)
	if r.Time != nil {
		w.str(r.Time.Start)
		w.str(r.Time.End)
		w.str(r.Time.Precision)
		w.str(r.Time.Value)
	}
	w.str(r.Day)
	w.uint(len(r.Places))
	for _, p := range r.Places {
		w.str(p.Name)
		w.str(p.Country)
	}
	w.str(r.FirstReported)
	w.str(r.LastReported)
	w.float(r.Confidence)
	w.uint(r.ReportCount())
	w.uint(len(r.Mentions))
	for _, m := range r.Mentions {
		w.id(m.Article)
		w.word(m.Status, summaryStatuses)
		w.word(m.Modality, summaryModalities)
		w.uint(m.Evidence.Start)
		flags := 0
		if m.Slots != nil && m.Slots.Cumulative {
			flags |= sumCumulative
		}
		if m.Slots != nil && m.Slots.Genre == GenreOpinion {
			flags |= sumOpinion
		}
		w.uint(flags)
	}
	return w.b
}

// DecodeSummary reads a summary written by EncodeSummary, or the JSON
// summary of a store from before the binary form. The record it returns
// has the merged slots (less the spans and texts of its values, the
// history and the disagreements, which merging does not compare) and one
// mention per report holding only its article, step, modality and
// sentence start, and in
// its slots only whether it is a running total and its genre. Reports is
// set.
func DecodeSummary(b []byte) (*Record, error) {
	if len(b) > 0 && b[0] == '{' {
		var r Record
		if err := json.Unmarshal(b, &r); err != nil {
			return nil, fmt.Errorf("decoding record summary: %w", err)
		}
		r.Reports = r.ReportCount()
		return &r, nil
	}
	if len(b) == 0 || b[0] != summaryV1 {
		return nil, errors.New("decoding record summary: not a summary this sitrep writes")
	}
	rd := summaryReader{b: b[1:]}
	r := &Record{}
	r.ID = rd.str()
	r.Type = EventType(rd.str())
	r.Status = rd.str()
	r.Mode = rd.str()
	if rd.present() {
		a := rd.actor()
		r.Actor = &a
	}
	if n := rd.count(); n > 0 {
		r.Targets = make([]Actor, n)
		for i := range r.Targets {
			r.Targets[i] = rd.actor()
		}
	}
	if n := rd.count(); n > 0 {
		r.Items = make([]Item, n)
		for i := range r.Items {
			r.Items[i] = Item{Name: rd.str(), Category: rd.str(), Qty: rd.rng()}
		}
	}
	if rd.present() {
		r.Money = &Money{Amount: rd.float(), Currency: rd.str(), Approx: rd.present()}
	}
	r.Count = rd.rng()
	r.Victims = rd.str()
	r.Outcome = rd.str()
	if rd.present() {
		r.Time = &Time{Start: rd.str(), End: rd.str(), Precision: rd.str(), Value: rd.str()}
	}
	r.Day = rd.str()
	if n := rd.count(); n > 0 {
		r.Places = make([]Place, n)
		for i := range r.Places {
			r.Places[i] = Place{Name: rd.str(), Country: rd.str()}
		}
	}
	r.FirstReported = rd.str()
	r.LastReported = rd.str()
	r.Confidence = rd.float()
	r.Reports = rd.small()
	n := rd.count()
	r.Mentions = make([]Mention, n)
	// The flagged reports' slots share one backing array: a summary of
	// many reports is one allocation more, not one per report.
	var slots []Event
	for i := range r.Mentions {
		m := &r.Mentions[i]
		m.Article, m.Status, m.Modality = rd.id(), rd.word(summaryStatuses), rd.word(summaryModalities)
		m.Evidence.Start = rd.small()
		flags := rd.small()
		if flags&^(sumCumulative|sumOpinion) != 0 {
			rd.fail() // a flag this sitrep does not write
		}
		if flags != 0 {
			if slots == nil {
				slots = make([]Event, 0, n-i)
			}
			slots = append(slots, Event{Cumulative: flags&sumCumulative != 0})
			if flags&sumOpinion != 0 {
				slots[len(slots)-1].Genre = GenreOpinion
			}
			m.Slots = &slots[len(slots)-1]
		}
	}
	if rd.err != nil {
		return nil, fmt.Errorf("decoding record summary %q: %w", r.ID, rd.err)
	}
	if len(rd.b) != 0 {
		return nil, fmt.Errorf("decoding record summary %q: %d bytes past its end", r.ID, len(rd.b))
	}
	return r, nil
}

// A report's step and modality are one byte where they are one of these
// (their place plus one), else a zero byte and the string; an article id
// of 16 hex digits, as ArticleID makes, is a one byte and its 8 bytes,
// else a zero byte and the string. A much-reported record's summary is
// mostly its reports, so this keeps it about a third of the size.
var (
	summaryStatuses   = []string{StatusPledged, StatusDelivered, StatusAuthorized, StatusPlanned, StatusRequested, StatusAlleged, ""}
	summaryModalities = []string{ModalityAsserted, ModalityReported, ModalityPlanned, ModalityHypothetical, ModalityNegated, ModalityDenied, ""}
)

// Summary returns a record's summary, as DecodeSummary(EncodeSummary(r))
// would, without encoding it: what merging keeps of a record it has held
// whole and no longer expects to change.
func Summary(r *Record) *Record {
	out := &Record{ID: r.ID, Type: r.Type, Status: r.Status, Mode: r.Mode, Victims: r.Victims, Outcome: r.Outcome,
		Day: r.Day, FirstReported: r.FirstReported, LastReported: r.LastReported, Confidence: r.Confidence, Reports: r.ReportCount(),
		Indexed: r.Indexed}
	if r.Actor != nil {
		out.Actor = &Actor{Code: r.Actor.Code, Name: r.Actor.Name}
	}
	for _, a := range r.Targets {
		out.Targets = append(out.Targets, Actor{Code: a.Code, Name: a.Name})
	}
	for _, it := range r.Items {
		out.Items = append(out.Items, Item{Name: it.Name, Category: it.Category, Qty: summaryRange(it.Qty)})
	}
	if r.Money != nil {
		out.Money = &Money{Amount: r.Money.Amount, Currency: r.Money.Currency, Approx: r.Money.Approx}
	}
	out.Count = summaryRange(r.Count)
	if r.Time != nil {
		out.Time = &Time{Start: r.Time.Start, End: r.Time.End, Precision: r.Time.Precision, Value: r.Time.Value}
	}
	for _, p := range r.Places {
		out.Places = append(out.Places, Place{Name: p.Name, Country: p.Country})
	}
	out.Mentions = make([]Mention, len(r.Mentions))
	for i, m := range r.Mentions {
		sm := Mention{Article: m.Article, Status: m.Status, Modality: m.Modality, Evidence: Evidence{Start: m.Evidence.Start}}
		if m.Slots != nil && (m.Slots.Cumulative || m.Slots.Genre == GenreOpinion) {
			sm.Slots = &Event{Cumulative: m.Slots.Cumulative}
			if m.Slots.Genre == GenreOpinion {
				sm.Slots.Genre = GenreOpinion
			}
		}
		out.Mentions[i] = sm
	}
	return out
}

func summaryRange(r *Range) *Range {
	if r == nil {
		return nil
	}
	out := &Range{Approx: r.Approx}
	if r.Min != nil {
		v := *r.Min
		out.Min = &v
	}
	if r.Max != nil {
		v := *r.Max
		out.Max = &v
	}
	return out
}

type summaryWriter struct{ b []byte }

func (w *summaryWriter) word(s string, table []string) {
	for i, t := range table {
		if s == t {
			w.b = append(w.b, byte(i+1))
			return
		}
	}
	w.b = append(w.b, 0)
	w.str(s)
}

func (w *summaryWriter) id(s string) {
	if v, ok := hexID(s); ok {
		w.b = append(w.b, 1)
		w.b = binary.BigEndian.AppendUint64(w.b, v)
		return
	}
	w.b = append(w.b, 0)
	w.str(s)
}

// hexID reads an id of 16 lower-case hex digits.
func hexID(s string) (uint64, bool) {
	if len(s) != 16 {
		return 0, false
	}
	var v uint64
	for i := 0; i < 16; i++ {
		c := s[i]
		switch {
		case '0' <= c && c <= '9':
			v = v<<4 | uint64(c-'0')
		case 'a' <= c && c <= 'f':
			v = v<<4 | uint64(c-'a'+10)
		default:
			return 0, false
		}
	}
	return v, true
}

func (w *summaryWriter) str(s string) {
	w.b = binary.AppendUvarint(w.b, uint64(len(s)))
	w.b = append(w.b, s...)
}

func (w *summaryWriter) uint(n int) { w.b = binary.AppendUvarint(w.b, uint64(max(n, 0))) }

func (w *summaryWriter) float(f float64) {
	w.b = binary.LittleEndian.AppendUint64(w.b, math.Float64bits(f))
}

func (w *summaryWriter) present(ok bool) {
	if ok {
		w.b = append(w.b, 1)
	} else {
		w.b = append(w.b, 0)
	}
}

func (w *summaryWriter) actor(a Actor) {
	w.str(a.Code)
	w.str(a.Name)
}

// Range flags: which bounds follow, and whether the figure is hedged.
const (
	rangeMin = 1 << iota
	rangeMax
	rangeApprox
	rangeSet // a range is present at all
)

func (w *summaryWriter) rng(r *Range) {
	if r == nil {
		w.b = append(w.b, 0)
		return
	}
	flags := byte(rangeSet)
	if r.Min != nil {
		flags |= rangeMin
	}
	if r.Max != nil {
		flags |= rangeMax
	}
	if r.Approx {
		flags |= rangeApprox
	}
	w.b = append(w.b, flags)
	if r.Min != nil {
		w.float(*r.Min)
	}
	if r.Max != nil {
		w.float(*r.Max)
	}
}

// summaryReader reads the fields of a summary in order; the first
// shortfall sets err, and every read after it returns zero values.
type summaryReader struct {
	b   []byte
	err error
}

var errShortSummary = errors.New("cut short")

func (r *summaryReader) fail() {
	if r.err == nil {
		r.err = errShortSummary
	}
	r.b = nil
}

func (r *summaryReader) uvarint() uint64 {
	if r.err != nil {
		return 0
	}
	v, n := binary.Uvarint(r.b)
	if n <= 0 {
		r.fail()
		return 0
	}
	r.b = r.b[n:]
	return v
}

// count reads the number of values that follow, refusing one larger than
// the bytes left could hold (each value takes at least one), so that a
// damaged summary never asks for a huge allocation.
func (r *summaryReader) count() int {
	v := r.uvarint()
	if v > uint64(len(r.b)) {
		r.fail()
		return 0
	}
	return int(v)
}

// small reads a flag set or a tally, which no value follows.
func (r *summaryReader) small() int {
	v := r.uvarint()
	if v > math.MaxInt32 {
		r.fail()
		return 0
	}
	return int(v)
}

// take returns the next n bytes, or nil (failing) where fewer are left.
func (r *summaryReader) take(n uint64) []byte {
	if r.err != nil {
		return nil
	}
	if n > uint64(len(r.b)) {
		r.fail()
		return nil
	}
	out := r.b[:n]
	r.b = r.b[n:]
	return out
}

func (r *summaryReader) str() string {
	n := r.uvarint()
	return string(r.take(n))
}

func (r *summaryReader) float() float64 {
	b := r.take(8)
	if b == nil {
		return 0
	}
	return math.Float64frombits(binary.LittleEndian.Uint64(b))
}

func (r *summaryReader) byte() byte {
	b := r.take(1)
	if b == nil {
		return 0
	}
	return b[0]
}

func (r *summaryReader) present() bool { return r.byte() != 0 }

func (r *summaryReader) word(table []string) string {
	c := r.byte()
	switch {
	case c == 0:
		return r.str()
	case int(c) <= len(table):
		return table[c-1]
	}
	r.fail()
	return ""
}

func (r *summaryReader) id() string {
	switch r.byte() {
	case 0:
		return r.str()
	case 1:
		b := r.take(8)
		if b == nil {
			return ""
		}
		v := binary.BigEndian.Uint64(b)
		const digits = "0123456789abcdef"
		var out [16]byte
		for i := 15; i >= 0; i-- {
			out[i] = digits[v&0xf]
			v >>= 4
		}
		return string(out[:])
	}
	r.fail()
	return ""
}

func (r *summaryReader) actor() Actor { return Actor{Code: r.str(), Name: r.str()} }

func (r *summaryReader) rng() *Range {
	flags := r.byte()
	if flags&rangeSet == 0 {
		return nil
	}
	out := &Range{Approx: flags&rangeApprox != 0}
	if flags&rangeMin != 0 {
		v := r.float()
		out.Min = &v
	}
	if flags&rangeMax != 0 {
		v := r.float()
		out.Max = &v
	}
	return out
}
