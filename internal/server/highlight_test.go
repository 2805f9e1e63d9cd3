package server

import (
	"reflect"
	"strings"
	"testing"

	"github.com/sitrep-project/sitrep/internal/model"
)

func TestSnippetParts(t *testing.T) {
	cases := []struct {
		in    string
		parts []snipPart
		plain string
		marks [][2]int
	}{
		{"Germany sent \x02Stinger\x03 missiles", []snipPart{{"Germany sent ", false}, {"Stinger", true}, {" missiles", false}},
			"Germany sent Stinger missiles", [][2]int{{13, 20}}},
		{"\x02Javelin\x03 and \x02Stinger\x03", []snipPart{{"Javelin", true}, {" and ", false}, {"Stinger", true}},
			"Javelin and Stinger", [][2]int{{0, 7}, {12, 19}}},
		{"  line one\n\n  line\ttwo  ", []snipPart{{"line one line two", false}}, "line one line two", [][2]int{}},
		{"<b>\x02\"quoted\"\x03</b>", []snipPart{{"<b>", false}, {"\"quoted\"", true}, {"</b>", false}},
			"<b>\"quoted\"</b>", [][2]int{{3, 11}}},
		{"Київ \x02обстріл\x03 вночі", []snipPart{{"Київ ", false}, {"обстріл", true}, {" вночі", false}},
			"Київ обстріл вночі", [][2]int{{9, 23}}},
		{"", nil, "", [][2]int{}},
		{"\x02\x03", nil, "", [][2]int{}},
	}
	for _, c := range cases {
		parts := snippetParts(c.in)
		if !reflect.DeepEqual(parts, c.parts) {
			t.Errorf("snippetParts(%q) = %#v, want %#v", c.in, parts, c.parts)
		}
		plain, marks := flatten(parts)
		if plain != c.plain || !reflect.DeepEqual(marks, c.marks) {
			t.Errorf("flatten(%q) = %q %v, want %q %v", c.in, plain, marks, c.plain, c.marks)
		}
	}
}

func span(s, e int) *model.Span { return &model.Span{Start: s, End: e} }

// runsText joins what a block shows, marked or not.
func runsText(b textBlock) string {
	var sb strings.Builder
	for _, r := range b.Runs {
		if len(r.Events) == 0 {
			sb.WriteString(r.Text)
			continue
		}
		for _, p := range r.Parts {
			sb.WriteString(p.Text)
		}
	}
	return sb.String()
}

func TestMarkText(t *testing.T) {
	text := "Poland sent 300 helmets to Ukraine on Monday.\n\nKyiv said 40 people were killed in Kharkiv. Officials in Lviv disagreed."
	p2 := strings.Index(text, "Kyiv")
	killed := strings.Index(text, "Kyiv said")
	killedEnd := strings.Index(text, "Kharkiv.") + len("Kharkiv.")
	offEnd := len(text)
	aid := model.Event{ID: "e1", Type: "aid", Actor: &model.Actor{Code: "POL", Span: span(0, 6)},
		Targets:  []model.Actor{{Code: "UKR", Span: span(27, 34)}},
		Items:    []model.Item{{Name: "helmet", Span: span(16, 23), Qty: &model.Range{Span: span(12, 15)}}},
		Time:     &model.Time{Span: span(38, 44)},
		Evidence: model.Evidence{Start: 0, End: 45}}
	cas := model.Event{ID: "e2", Type: "casualties", Count: &model.Range{Span: span(killed+10, killed+12)},
		Places: []model.Place{{Name: "Kharkiv", Span: span(killedEnd-8, killedEnd-1)}},
		Source: &model.Source{Span: span(p2, p2+4)}, Evidence: model.Evidence{Start: killed, End: killedEnd}}
	// Overlaps the casualty sentence: merged into one region with it.
	dis := model.Event{ID: "e3", Type: "statement", Evidence: model.Evidence{Start: killedEnd - 8, End: offEnd}}
	// Spans the extractor should never give, which must not break the page.
	bad := []model.Event{
		{ID: "x1", Type: "aid", Evidence: model.Evidence{Start: 10, End: 5000}},
		{ID: "x2", Type: "aid", Evidence: model.Evidence{Start: -3, End: 4}},
		{ID: "x3", Type: "aid", Evidence: model.Evidence{Start: 8, End: 8}},
	}
	events := append([]model.Event{aid, cas, dis}, bad...)

	blocks := markText(text, nil, events)
	if len(blocks) != 2 {
		t.Fatalf("%d blocks, want 2 paragraphs", len(blocks))
	}
	if got := runsText(blocks[0]); got != text[:45] {
		t.Errorf("block 1 shows %q", got)
	}
	if got := runsText(blocks[1]); got != text[p2:] {
		t.Errorf("block 2 shows %q", got)
	}
	b1 := blocks[0].Runs
	if len(b1) != 1 || !reflect.DeepEqual(b1[0].Events, []string{"e1"}) || b1[0].Type != "aid" {
		t.Fatalf("block 1 runs %#v", b1)
	}
	wantSlots := []slotPart{{"Poland", "actor"}, {" sent ", ""}, {"300", "qty"}, {" ", ""}, {"helmets", "item"}, {" to ", ""},
		{"Ukraine", "target"}, {" on ", ""}, {"Monday", "time"}, {".", ""}}
	if !reflect.DeepEqual(b1[0].Parts, wantSlots) {
		t.Errorf("slots\n got %#v\nwant %#v", b1[0].Parts, wantSlots)
	}
	b2 := blocks[1].Runs
	if len(b2) != 1 || b2[0].EventIDs() != "e2 e3" {
		t.Fatalf("block 2: want one region holding e2 and e3, got %#v", b2)
	}
	var slots []string
	for _, p := range b2[0].Parts {
		if p.Slot != "" {
			slots = append(slots, p.Slot+":"+p.Text)
		}
	}
	if want := []string{"source:Kyiv", "count:40", "place:Kharkiv"}; !reflect.DeepEqual(slots, want) {
		t.Errorf("block 2 slots %v, want %v", slots, want)
	}
}

func TestMarkTextKeepsCharactersWhole(t *testing.T) {
	text := "Харків: 12 загиблих."
	// 1 is inside the two-byte Х; 3 is inside а.
	evs := []model.Event{
		{ID: "a", Type: "casualties", Evidence: model.Evidence{Start: 1, End: len(text)}},
		{ID: "b", Type: "casualties", Evidence: model.Evidence{Start: 0, End: 3}},
		{ID: "c", Type: "casualties", Evidence: model.Evidence{Start: 0, End: 12}},
	}
	blocks := markText(text, []model.Block{{Kind: model.BlockParagraph, Span: model.Span{Start: 0, End: len(text)}}}, evs)
	if len(blocks) != 1 || runsText(blocks[0]) != text {
		t.Fatalf("blocks %#v", blocks)
	}
	for _, r := range blocks[0].Runs {
		if len(r.Events) > 0 && r.EventIDs() != "c" {
			t.Errorf("a span inside a character was marked: %v", r.Events)
		}
	}
}

func TestMarkTextAcrossBlocks(t *testing.T) {
	text := "Heading line\n\nBody text that runs on."
	body := strings.Index(text, "Body")
	blocks := []model.Block{{Kind: model.BlockHeading, Span: model.Span{Start: 0, End: 12}},
		{Kind: model.BlockParagraph, Span: model.Span{Start: body, End: len(text)}}}
	// One evidence span across both blocks is cut at the block edge.
	ev := model.Event{ID: "z", Type: "statement", Evidence: model.Evidence{Start: 8, End: body + 4}}
	got := markText(text, blocks, []model.Event{ev})
	if len(got) != 2 || got[0].Kind != model.BlockHeading {
		t.Fatalf("%#v", got)
	}
	if runsText(got[0]) != "Heading line" || runsText(got[1]) != text[body:] {
		t.Errorf("texts %q / %q", runsText(got[0]), runsText(got[1]))
	}
	last := got[0].Runs[len(got[0].Runs)-1]
	first := got[1].Runs[0]
	if last.EventIDs() != "z" || first.EventIDs() != "z" || first.Parts[0].Text != "Body" {
		t.Errorf("split region: %#v / %#v", last, first)
	}
}

func TestParagraphs(t *testing.T) {
	text := "\n One.\n\n\n Two,\nstill two. \n\nThree"
	var got []string
	for _, b := range paragraphs(text) {
		got = append(got, b.Of(text))
	}
	want := []string{"One.", "Two,\nstill two.", "Three"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("paragraphs %q, want %q", got, want)
	}
}
