package server

import (
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/sitrep-project/sitrep/internal/model"
)

// The article page shows the text with each event's evidence marked in
// place, and the words each slot came from set apart inside it. The
// marking is computed here from byte offsets into pieces of plain text,
// each with the classes it takes; the template writes every piece through
// html/template, so the text is escaped whatever it holds and no markup is
// ever built from it by hand.

// textBlock is a paragraph, heading or credit line of the article.
type textBlock struct {
	Kind model.BlockKind
	Runs []textRun
}

// textRun is plain text, or a marked region: the evidence of one or more
// events, overlapping ones merged.
type textRun struct {
	Text   string // plain text when Events is empty
	Events []string
	Type   model.EventType // the first event's type, for the colour
	Parts  []slotPart
	Region int // the region's number, for its element id
}

// slotPart is a piece of a marked region and the slot its words filled,
// "" for words between slots.
type slotPart struct {
	Text string
	Slot string
}

// EventIDs joins a region's event ids for its data attribute.
func (r textRun) EventIDs() string { return strings.Join(r.Events, " ") }

type region struct {
	start, end int
	events     []*model.Event
}

type slotSpan struct {
	start, end int
	slot       string
	rank       int // lower wins where spans overlap
}

// validSpan reports whether [start, end) lies in text and on character
// boundaries, so that slicing there never splits a UTF-8 sequence.
func validSpan(text string, start, end int) bool {
	if start < 0 || end > len(text) || start >= end {
		return false
	}
	if !utf8.RuneStart(text[start]) {
		return false
	}
	return end == len(text) || utf8.RuneStart(text[end])
}

// markText lays out an article's text in blocks with its events' evidence
// marked. Spans that fall outside the text or inside a character are left
// unmarked rather than trusted.
func markText(text string, blocks []model.Block, events []model.Event) []textBlock {
	regions := evidenceRegions(text, events)
	if len(blocks) == 0 {
		blocks = paragraphs(text)
	}
	var out []textBlock
	ri := 0
	for _, b := range blocks {
		if !validSpan(text, b.Start, b.End) {
			continue
		}
		tb := textBlock{Kind: b.Kind}
		pos := b.Start
		for ri < len(regions) && regions[ri].end <= b.Start {
			ri++
		}
		for j := ri; j < len(regions) && regions[j].start < b.End; j++ {
			rg := regions[j]
			s, e := max(rg.start, b.Start), min(rg.end, b.End)
			if s > pos {
				tb.Runs = append(tb.Runs, textRun{Text: text[pos:s]})
			}
			run := textRun{Region: j + 1, Type: rg.events[0].Type}
			for _, ev := range rg.events {
				run.Events = append(run.Events, ev.ID)
			}
			run.Parts = slotParts(text, s, e, rg.events)
			tb.Runs = append(tb.Runs, run)
			pos = e
		}
		if pos < b.End {
			tb.Runs = append(tb.Runs, textRun{Text: text[pos:b.End]})
		}
		out = append(out, tb)
	}
	return out
}

// evidenceRegions merges the events' evidence spans into disjoint regions.
func evidenceRegions(text string, events []model.Event) []region {
	var rs []region
	for i := range events {
		ev := &events[i]
		if validSpan(text, ev.Evidence.Start, ev.Evidence.End) {
			rs = append(rs, region{start: ev.Evidence.Start, end: ev.Evidence.End, events: []*model.Event{ev}})
		}
	}
	sort.SliceStable(rs, func(i, j int) bool { return rs[i].start < rs[j].start })
	var out []region
	for _, r := range rs {
		if n := len(out); n > 0 && r.start < out[n-1].end {
			last := &out[n-1]
			last.end = max(last.end, r.end)
			last.events = append(last.events, r.events...)
			continue
		}
		out = append(out, r)
	}
	return out
}

// slotParts cuts [start, end) at the edges of the slots of events, each
// piece labelled with the slot covering it.
func slotParts(text string, start, end int, events []*model.Event) []slotPart {
	var spans []slotSpan
	add := func(sp *model.Span, slot string, rank int) {
		if sp == nil || !validSpan(text, sp.Start, sp.End) {
			return
		}
		s, e := max(sp.Start, start), min(sp.End, end)
		if s < e {
			spans = append(spans, slotSpan{s, e, slot, rank})
		}
	}
	for _, ev := range events {
		if ev.Actor != nil {
			add(ev.Actor.Span, "actor", 0)
		}
		for i := range ev.Targets {
			add(ev.Targets[i].Span, "target", 1)
		}
		for i := range ev.Items {
			if q := ev.Items[i].Qty; q != nil {
				add(q.Span, "qty", 2)
			}
			add(ev.Items[i].Span, "item", 3)
		}
		if ev.Money != nil {
			add(ev.Money.Span, "money", 2)
		}
		if ev.Count != nil {
			add(ev.Count.Span, "count", 2)
		}
		if ev.Time != nil {
			add(ev.Time.Span, "time", 4)
		}
		for i := range ev.Places {
			add(ev.Places[i].Span, "place", 5)
		}
		if ev.Source != nil {
			add(ev.Source.Span, "source", 6)
		}
	}
	cuts := []int{start, end}
	for _, sp := range spans {
		cuts = append(cuts, sp.start, sp.end)
	}
	sort.Ints(cuts)
	var parts []slotPart
	for i := 0; i+1 < len(cuts); i++ {
		s, e := cuts[i], cuts[i+1]
		if s == e {
			continue
		}
		slot, rank := "", 1<<30
		for _, sp := range spans {
			if sp.start <= s && e <= sp.end && sp.rank < rank {
				slot, rank = sp.slot, sp.rank
			}
		}
		if n := len(parts); n > 0 && parts[n-1].Slot == slot {
			parts[n-1].Text += text[s:e]
			continue
		}
		parts = append(parts, slotPart{Text: text[s:e], Slot: slot})
	}
	return parts
}

// paragraphs splits text at blank lines, for articles stored without
// blocks.
func paragraphs(text string) []model.Block {
	var out []model.Block
	pos := 0
	for pos < len(text) {
		i := strings.Index(text[pos:], "\n\n")
		end := len(text)
		if i >= 0 {
			end = pos + i
		}
		s, e := pos, end
		for s < e && (text[s] == '\n' || text[s] == ' ' || text[s] == '\r' || text[s] == '\t') {
			s++
		}
		for e > s && (text[e-1] == '\n' || text[e-1] == ' ' || text[e-1] == '\r' || text[e-1] == '\t') {
			e--
		}
		if s < e {
			out = append(out, model.Block{Kind: model.BlockParagraph, Span: model.Span{Start: s, End: e}})
		}
		if i < 0 {
			break
		}
		pos = end + 2
	}
	return out
}
