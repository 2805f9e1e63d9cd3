package syntax

import (
	"bytes"
	"fmt"
	"testing"
	"unsafe"
)

// TestShippedModelChecks reads the shipped model with every table entry
// checked: Default skips the check, trusting this test.
func TestShippedModelChecks(t *testing.T) {
	if _, err := load(shipped, false); err != nil {
		t.Fatalf("the shipped model fails its checks: %v", err)
	}
	if !bytes.HasPrefix(shipped[1:], []byte(magic)) {
		t.Errorf("the shipped model is not in the current format %q", magic)
	}
}

// tableDump lists a table's features and their weights, in slot order.
func tableDump(w *weights) []string {
	var out []string
	w.each(func(j uint64, fp uint32, run []uint32) {
		out = append(out, fmt.Sprint(j, fp, run))
	})
	return out
}

// sameTables fails the test where two models' tables differ in any
// feature or weight: the formats must carry the weights exactly.
func sameTables(t *testing.T, what string, a, b *Model) {
	t.Helper()
	for _, p := range []struct {
		name string
		x, y *weights
	}{{"tagger", a.tagger.w, b.tagger.w}, {"parser", a.parser.w, b.parser.w}} {
		dx, dy := tableDump(p.x), tableDump(p.y)
		if len(dx) != len(dy) {
			t.Errorf("%s: %s table has %d features, want %d", what, p.name, len(dy), len(dx))
			continue
		}
		for i := range dx {
			if dx[i] != dy[i] {
				t.Errorf("%s: %s feature %d is %s, want %s", what, p.name, i, dy[i], dx[i])
				break
			}
		}
	}
}

// TestTableFormats writes a model in both formats and reads it back three
// ways: version 1 (decoded), version 2 in place, and version 2 from
// misaligned bytes (copied out). All must give the same tables.
func TestTableFormats(t *testing.T) {
	trained, err := Train(readTiny(t), TrainOptions{TaggerEpochs: 2, ParserEpochs: 2, Folds: 2, Seed: 3})
	if err != nil {
		t.Fatal(err)
	}
	var v1 bytes.Buffer
	if err := trained.save(&v1, 1); err != nil {
		t.Fatal(err)
	}
	// Version 1 quantises the weights: its reading is the reference.
	ref, err := loadBytes(v1.Bytes())
	if err != nil {
		t.Fatalf("reading version 1: %v", err)
	}
	var v2 bytes.Buffer
	if err := ref.Save(&v2); err != nil {
		t.Fatal(err)
	}
	inPlaceModel, err := loadBytes(v2.Bytes())
	if err != nil {
		t.Fatalf("reading version 2: %v", err)
	}
	if !inPlace(v2.Bytes()) {
		t.Log("this machine reads no table in place")
	} else if p, lo := uintptr(unsafe.Pointer(&inPlaceModel.parser.w.slots[0])), uintptr(unsafe.Pointer(&v2.Bytes()[0])); p < lo || p >= lo+uintptr(v2.Len()) {
		t.Error("the parser's table was copied, not read in place")
	}
	sameTables(t, "version 2 in place", ref, inPlaceModel)
	// A model read from a file is saved as it was read: its weights are
	// quantised already, and quantising them again moved some.
	var again bytes.Buffer
	if err := inPlaceModel.Save(&again); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(again.Bytes(), v2.Bytes()) {
		t.Error("saving a model read from version 2 changes its bytes")
	}

	odd := make([]byte, v2.Len()+1)
	copy(odd[1:], v2.Bytes())
	copied, err := loadBytes(odd[1:])
	if err != nil {
		t.Fatalf("reading version 2 from misaligned bytes: %v", err)
	}
	sameTables(t, "version 2 copied", ref, copied)

	ws := []Word{{Form: "Germany"}, {Form: "sent"}, {Form: "tanks"}, {Form: "to"}, {Form: "Ukraine"}, {Form: "."}}
	want := fmt.Sprint(annotated(ref, ws))
	for name, m := range map[string]*Model{"in place": inPlaceModel, "copied": copied} {
		if got := fmt.Sprint(annotated(m, ws)); got != want {
			t.Errorf("%s: annotates %s, want %s", name, got, want)
		}
	}
}

// annotated returns a copy of ws annotated by m, leaving ws as it was
// for the next model.
func annotated(m *Model, ws []Word) []Word {
	out := append([]Word(nil), ws...)
	m.Annotate(out)
	return out
}

// TestTableCheck damages a sound table one way at a time; check must
// refuse each, since scoring reads the arrays without bounds.
func TestTableCheck(t *testing.T) {
	sound := func() *weights {
		b := newWeightsBuilder(20)
		b.add(0x1000000001, []uint8{3}, []float32{0.5})
		b.add(0x2000000002, []uint8{1, 2}, []float32{1, -1})
		cls := make([]uint8, 10)
		ws := make([]float32, 10)
		for i := range cls {
			cls[i], ws[i] = uint8(i), float32(i)
		}
		b.add(0x3000000003, cls, ws)
		return b.build()
	}
	if err := sound().check(); err != nil {
		t.Fatalf("a sound table is refused: %v", err)
	}
	find := func(w *weights, bits uint32) *slot {
		for i := range w.slots {
			if s := &w.slots[i]; s.fp != 0 && s.fp&layout == bits {
				return s
			}
		}
		t.Fatalf("no slot with layout %d", bits)
		return nil
	}
	for _, tc := range []struct {
		name   string
		damage func(w *weights)
	}{
		{"a single entry's class past the classes", func(w *weights) { find(w, 0).e |= 0xff }},
		{"a fingerprint without its mark", func(w *weights) { find(w, 0).fp &^= 1 }},
		{"a slot both dense and out of line", func(w *weights) { find(w, outOfLine).fp |= isDense }},
		{"a run past the entries", func(w *weights) { find(w, outOfLine).e += 10 << 8 }},
		{"an empty run", func(w *weights) { find(w, outOfLine).e &^= 0xff }},
		{"a class in a run past the classes", func(w *weights) { w.entries[0] |= 0xff }},
		{"a dense vector past the table", func(w *weights) { find(w, isDense).e = uint32(len(w.dense)) }},
		{"no empty slot", func(w *weights) {
			for i := range w.slots {
				if w.slots[i].fp == 0 {
					w.slots[i] = slot{fp: 1, e: 0}
				}
			}
		}},
	} {
		w := sound()
		tc.damage(w)
		if err := w.check(); err == nil {
			t.Errorf("%s: accepted", tc.name)
		}
	}
}
