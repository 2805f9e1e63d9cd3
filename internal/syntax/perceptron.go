package syntax

import (
	"fmt"
	"math"
	"sort"
)

// A feature is a 64-bit hash of a template number and the values it
// combines (word hashes, tag and label ids), so no vocabulary is kept: an
// unseen word simply hashes to a key with no weights.
type feature = uint64

// mix folds one more value into a feature hash (a 64-bit multiply-xorshift
// step: cheap, and good enough that collisions among a few million keys are
// vanishingly rare).
func mix(h, v uint64) uint64 {
	h ^= v + 0x9e3779b97f4a7c15 + (h << 6) + (h >> 2)
	h *= 0xff51afd7ed558ccd
	return h ^ h>>32
}

// f1, f2, f3 make the feature of template t over one, two or three values.
func f1(t, a uint64) feature    { return mix(mix(t, a), 0) | 1 }
func f2(t, a, b uint64) feature { return mix(mix(mix(t, a), b), 1) | 1 }
func f3(t, a, b, c uint64) feature {
	return mix(mix(mix(mix(t, a), b), c), 2) | 1
}

// hashString is FNV-1a of s, lower-cased when lower is set (ASCII letters;
// other bytes as they are, which keeps it allocation-free).
func hashString(s string, lower bool) uint64 {
	h := uint64(14695981039346656037)
	for i := 0; i < len(s); i++ {
		c := s[i]
		if lower && c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		h ^= uint64(c)
		h *= 1099511628211
	}
	return h
}

// param is one class weight of a feature while training: the current weight,
// its running total for averaging, and the step it was last changed at.
type param struct {
	class int32
	stamp int32
	w     float64
	total float64
}

// trainer is an averaged perceptron over sparse features: each feature keeps
// only the classes it was ever updated for.
type trainer struct {
	classes int
	weights map[feature][]param
	step    int32
}

func newTrainer(classes int) *trainer {
	return &trainer{classes: classes, weights: make(map[feature][]param, 1<<20)}
}

// score adds the current weights of feats to scores (one per class).
func (t *trainer) score(feats []feature, scores []float64) {
	for i := range scores {
		scores[i] = 0
	}
	for _, f := range feats {
		for _, p := range t.weights[f] {
			scores[p.class] += p.w
		}
	}
}

// update moves weights towards class good and away from class bad by one.
func (t *trainer) update(feats []feature, good, bad int) {
	t.step++
	if good == bad {
		return
	}
	for _, f := range feats {
		ps := t.weights[f]
		ps = t.add(ps, good, 1)
		ps = t.add(ps, bad, -1)
		t.weights[f] = ps
	}
}

// tick counts an instance that needed no update, for averaging.
func (t *trainer) tick() { t.step++ }

func (t *trainer) add(ps []param, class int, d float64) []param {
	for i := range ps {
		if ps[i].class == int32(class) {
			p := &ps[i]
			p.total += float64(t.step-p.stamp) * p.w
			p.stamp = t.step
			p.w += d
			return ps
		}
	}
	return append(ps, param{class: int32(class), stamp: t.step, w: d})
}

// freeze averages the weights and keeps those whose magnitude reaches prune,
// giving the compact read-only form used for prediction.
func (t *trainer) freeze(prune float64) *weights {
	keys := make([]feature, 0, len(t.weights))
	for k := range t.weights {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool { return keys[i] < keys[j] })
	b := newWeightsBuilder(t.classes)
	var cls []uint8
	var ws []float32
	for _, k := range keys {
		cls, ws = cls[:0], ws[:0]
		ps := t.weights[k]
		sort.Slice(ps, func(i, j int) bool { return ps[i].class < ps[j].class })
		for _, p := range ps {
			total := p.total + float64(t.step-p.stamp)*p.w
			avg := total / float64(max(t.step, 1))
			if math.Abs(avg) >= prune {
				cls = append(cls, uint8(p.class))
				ws = append(ws, float32(avg))
			}
		}
		if len(cls) > 0 {
			b.add(k, cls, ws)
		}
	}
	return b.build()
}

// weights is the frozen model: an open-addressing table from feature to a
// run of (class, weight) entries, laid out to touch as little memory as a
// lookup can, since parsing speed is bound by cache misses here. A slot is
// 8 bytes: a 32-bit fingerprint of the feature (its high half; the low half
// picked the slot, so the two are independent) and its run's start and
// length. An entry is 4 bytes: a float32 weight whose 8 lowest mantissa
// bits are replaced by the class (the weights are 16-bit quantised anyway).
// Fingerprint 0 marks an empty slot.
type weights struct {
	classes int
	mask    uint64
	slots   []slot
	entries []uint32
}

type slot struct {
	fp  uint32
	run uint32 // start<<8 | count
}

// maxEntries is the most entries a table can address with 24 bits.
const maxEntries = 1 << 24

func fingerprint(k feature) uint32 { return uint32(k>>32) | 1 }

func packEntry(cls uint8, w float32) uint32 {
	return math.Float32bits(w)&^0xff | uint32(cls)
}

func unpackEntry(e uint32) (uint8, float32) {
	return uint8(e), math.Float32frombits(e &^ 0xff)
}

type weightsBuilder struct {
	classes int
	keys    []uint64
	runs    []uint32
	entries []uint32
}

func newWeightsBuilder(classes int) *weightsBuilder { return &weightsBuilder{classes: classes} }

func (b *weightsBuilder) add(k feature, cls []uint8, ws []float32) {
	b.keys = append(b.keys, k)
	b.runs = append(b.runs, uint32(len(b.entries))<<8|uint32(len(cls)))
	for i, c := range cls {
		b.entries = append(b.entries, packEntry(c, ws[i]))
	}
}

// build lays the features out in a table at most half full.
func (b *weightsBuilder) build() *weights {
	if len(b.entries) >= maxEntries {
		panic(fmt.Sprintf("syntax: %d weights, more than a table addresses", len(b.entries)))
	}
	size := 1
	for size < 2*len(b.keys)+2 {
		size <<= 1
	}
	w := &weights{classes: b.classes, mask: uint64(size - 1), slots: make([]slot, size), entries: b.entries}
	for i, k := range b.keys {
		j := k & w.mask
		for w.slots[j].fp != 0 {
			j = (j + 1) & w.mask
		}
		w.slots[j] = slot{fp: fingerprint(k), run: b.runs[i]}
	}
	return w
}

// score sets scores (one per class) to the sum of the weights of feats.
func (w *weights) score(feats []feature, scores []float32) {
	for i := range scores {
		scores[i] = 0
	}
	for _, f := range feats {
		j := f & w.mask
		fp := fingerprint(f)
		for {
			s := w.slots[j]
			if s.fp == fp {
				start := s.run >> 8
				for _, e := range w.entries[start : start+s.run&0xff] {
					scores[uint8(e)] += math.Float32frombits(e &^ 0xff)
				}
				break
			}
			if s.fp == 0 {
				break
			}
			j = (j + 1) & w.mask
		}
	}
}

// each calls fn with every feature's slot index and run of entries.
func (w *weights) each(fn func(j uint64, run []uint32)) {
	for j, s := range w.slots {
		if s.fp != 0 {
			start := s.run >> 8
			fn(uint64(j), w.entries[start:start+s.run&0xff])
		}
	}
}

// features is the number of features kept.
func (w *weights) features() int {
	n := 0
	for _, s := range w.slots {
		if s.fp != 0 {
			n++
		}
	}
	return n
}

// pruned is a copy of w without the weights whose magnitude is under min.
// Slots stay where they are (emptied runs keep probe chains intact).
func (w *weights) pruned(min float32) *weights {
	out := &weights{classes: w.classes, mask: w.mask, slots: make([]slot, len(w.slots))}
	w.each(func(j uint64, run []uint32) {
		start := len(out.entries)
		for _, e := range run {
			if _, v := unpackEntry(e); v >= min || v <= -min {
				out.entries = append(out.entries, e)
			}
		}
		out.slots[j] = slot{fp: w.slots[j].fp, run: uint32(start)<<8 | uint32(len(out.entries)-start)}
	})
	return out
}
