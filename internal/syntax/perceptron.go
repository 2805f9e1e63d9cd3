package syntax

import (
	"fmt"
	"math"
	"slices"
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

// weights is the frozen model: an open-addressing table from feature to
// its (class, weight) entries, laid out to touch as little memory as a
// lookup can, since parsing speed is bound by cache misses here. A slot is 8
// bytes: a 32-bit fingerprint of the feature (its high half; the low half
// picked the slot, so the two are independent) and either the feature's one
// entry, which is all most features have after pruning, or where its
// entries are. An entry is 4 bytes: a float32 weight whose 8 lowest
// mantissa bits are replaced by the class (the weights are 16-bit quantised
// anyway). Fingerprint 0 marks an empty slot.
type weights struct {
	classes int
	// scale is the quantisation step of a table read from a file, whose
	// weights are already multiples of it; 0 for a table being trained.
	// Saving such a table again keeps its weights as they are: quantising
	// them a second time, with a scale worked out anew, moved some.
	scale float32
	mask  uint64
	slots []slot
	// entries holds the runs of features with a few entries.
	entries []uint32
	// dense holds, for features with weights for many classes (those of
	// tags and labels alone, read in every configuration), a whole vector
	// of classes: adding a vector in order is several times faster than
	// scattering as many (class, weight) pairs.
	dense []float32
}

// slot is one feature: its fingerprint, whose layout bits say what e is
// (the one entry; start<<8|count in entries; a start in dense).
type slot struct {
	fp uint32
	e  uint32
}

const (
	outOfLine = 2
	isDense   = 4
	layout    = outOfLine | isDense
)

// maxEntries is the most entries a table can address with 24 bits.
const maxEntries = 1 << 24

func fingerprint(k feature) uint32 { return (uint32(k>>32) | 1) &^ layout }

func packEntry(cls uint8, w float32) uint32 {
	return math.Float32bits(w)&^0xff | uint32(cls)
}

func unpackEntry(e uint32) (uint8, float32) {
	return uint8(e), math.Float32frombits(e &^ 0xff)
}

type weightsBuilder struct {
	classes int
	keys    []uint64
	runs    [][]uint32
}

func newWeightsBuilder(classes int) *weightsBuilder { return &weightsBuilder{classes: classes} }

func (b *weightsBuilder) add(k feature, cls []uint8, ws []float32) {
	run := make([]uint32, len(cls))
	for i, c := range cls {
		run[i] = packEntry(c, ws[i])
	}
	b.keys = append(b.keys, k)
	b.runs = append(b.runs, run)
}

// build lays the features out in a table at most two-thirds full: linear
// probing stays short at that load, and a smaller table misses the cache
// less.
func (b *weightsBuilder) build() *weights {
	w := newWeights(b.classes, len(b.keys))
	for i, k := range b.keys {
		j := k & w.mask
		for w.slots[j].fp != 0 {
			j = (j + 1) & w.mask
		}
		w.place(j, fingerprint(k), b.runs[i])
	}
	return w
}

// newWeights makes an empty table for n features.
func newWeights(classes, n int) *weights {
	size := 1
	for 2*size < 3*n+2 {
		size <<= 1
	}
	return &weights{classes: classes, mask: uint64(size - 1), slots: make([]slot, size)}
}

// place puts a feature's entries in slot j.
func (w *weights) place(j uint64, fp uint32, run []uint32) {
	s := &w.slots[j]
	s.fp = fp
	switch {
	case len(run) == 1:
		s.e = run[0]
	case denseMin*len(run) >= w.classes:
		s.fp |= isDense
		s.e = uint32(len(w.dense))
		// Grown in place: the room past len is new memory, still zero.
		w.dense = slices.Grow(w.dense, w.stride())
		w.dense = w.dense[:len(w.dense)+w.stride()]
		for _, e := range run {
			c, v := unpackEntry(e)
			w.dense[int(s.e)+int(c)] = v
		}
	default:
		if len(w.entries)+len(run) >= maxEntries || len(run) > 255 {
			panic(fmt.Sprintf("syntax: %d weights, more than a table addresses", len(w.entries)+len(run)))
		}
		s.fp |= outOfLine
		s.e = uint32(len(w.entries))<<8 | uint32(len(run))
		// Runs are a few entries long: copied by hand, not by append,
		// whose call to memmove costs more than the copy (most of the
		// model's loading time, with millions of runs).
		at := len(w.entries)
		w.entries = slices.Grow(w.entries, len(run))[:at+len(run)]
		for i, e := range run {
			w.entries[at+i] = e
		}
	}
}

// score sets scores (one per class) to the sum of the weights of feats.
// scores is at least 256 long; it is indexed through a fixed-size array so
// that adding a weight needs no bounds check.
//
// The lookups are memory-bound (the tables are some 30 MB), so they run in
// passes that let the misses overlap: every home slot is prefetched first
// (prefetches, unlike loads, never hold up the instructions behind them),
// then the slots are read and the first entry of each out-of-line run is
// prefetched, and only then are the weights found and added, from lines by
// then in cache. Together the prefetches made tagging and parsing about a
// fifth faster (BenchmarkTagParse, A/B on this project's 2-core VM).
func (w *weights) score(feats []feature, scores []float32) {
	w.scoreSkipping(feats, scores, 0, 0)
}

// scoreSkipping is score for a caller that ignores the scores of classes
// [skipFrom, skipTo): dense vectors are not added there (those classes'
// scores are left meaningless), which saves much of the work when a whole
// block of classes cannot be chosen, as the parser's LEFT moves when the
// stack's top already has its head.
func (w *weights) scoreSkipping(feats []feature, scores []float32, skipFrom, skipTo int) {
	acc := (*[256]float32)(scores[:256])
	stride := w.stride()
	for i := range acc[:stride] {
		acc[i] = 0
	}
	var home [128]slot
	var vecs [128]uint32 // the dense vectors of a batch
	w.prefetch(feats)
	for len(feats) > 0 {
		nv := 0
		batch := feats[:min(len(feats), len(home))]
		feats = feats[len(batch):]
		for i, f := range batch {
			home[i] = w.slots[f&w.mask]
		}
		w.prefetchEntries(home[:len(batch)])
		for i, f := range batch {
			if home[i].fp == 0 {
				continue
			}
			fp := fingerprint(f)
			j := f & w.mask
			s := home[i]
			for s.fp&^layout != fp {
				if s.fp == 0 {
					break
				}
				j = (j + 1) & w.mask
				s = w.slots[j]
			}
			switch {
			case s.fp == 0:
			case s.fp&layout == 0:
				acc[uint8(s.e)] += math.Float32frombits(s.e &^ 0xff)
			case s.fp&isDense != 0:
				vecs[nv] = s.e
				nv++
			default:
				start := s.e >> 8
				for _, e := range w.entries[start : start+s.e&0xff] {
					acc[uint8(e)] += math.Float32frombits(e &^ 0xff)
				}
			}
		}
		if skipTo > skipFrom {
			// Whole blocks of eight: the skipped classes inside the
			// first and last block get sums too, which are ignored.
			head := (skipFrom + 7) &^ 7
			addVectors(acc, w.dense, vecs[:nv], 0, head)
			addVectors(acc, w.dense, vecs[:nv], max(head, skipTo&^7), stride)
		} else {
			addVectors(acc, w.dense, vecs[:nv], 0, stride)
		}
	}
}

// addVectorsGo is addVectors in Go, for processors without AVX2.
func addVectorsGo(acc *[256]float32, dense []float32, offs []uint32, from, to int) {
	for _, o := range offs {
		addDenseGo(acc[from:to], dense[int(o)+from:int(o)+to])
	}
}

// addDenseGo adds v to a (of the same length), four at a time: the four
// adds are independent, so they overlap in the processor. It is addDense
// where no vector instructions serve.
func addDenseGo(a, v []float32) {
	v = v[:len(a)]
	i := 0
	for ; i+4 <= len(a); i += 4 {
		a0, a1, a2, a3 := a[i]+v[i], a[i+1]+v[i+1], a[i+2]+v[i+2], a[i+3]+v[i+3]
		a[i], a[i+1], a[i+2], a[i+3] = a0, a1, a2, a3
	}
	for ; i < len(a); i++ {
		a[i] += v[i]
	}
}

// run is the entries of slot j.
func (w *weights) run(j uint64) []uint32 {
	s := w.slots[j]
	switch {
	case s.fp&isDense != 0:
		var run []uint32
		for c, v := range w.dense[s.e : int(s.e)+w.classes] {
			if v != 0 {
				run = append(run, packEntry(uint8(c), v))
			}
		}
		return run
	case s.fp&outOfLine != 0:
		start := s.e >> 8
		return w.entries[start : start+s.e&0xff]
	}
	return []uint32{s.e}
}

// each calls fn with every feature's slot index, fingerprint and entries.
func (w *weights) each(fn func(j uint64, fp uint32, run []uint32)) {
	for j, s := range w.slots {
		if s.fp != 0 {
			fn(uint64(j), s.fp&^layout, w.run(uint64(j)))
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

// stride is the length of a dense vector: the classes rounded up to a
// whole number of vector registers (eight floats), so that adding one needs
// no scalar tail; the padding holds zeros and the scores past the classes
// are ignored.
func (w *weights) stride() int { return (w.classes + 7) &^ 7 }

// denseMin sets when a feature's weights are kept as a whole vector: when
// it has weights for at least one class in denseMin. Adding a vector takes
// a few vector instructions where scattering its entries one by one takes
// several instructions each.
const denseMin = 3
