package syntax

import "golang.org/x/sys/cpu"

// prefetchSlots asks for the home slots of feats (dense_amd64.s).
//
//go:noescape
func prefetchSlots(slots *slot, mask uint64, feats *uint64, n int)

// prefetch asks for the home slots of feats ahead of their reading.
func (w *weights) prefetch(feats []feature) {
	if len(feats) > 0 {
		prefetchSlots(&w.slots[0], w.mask, &feats[0], len(feats))
	}
}

// prefetchRuns asks for the first entry of each out-of-line run in home
// (dense_amd64.s).
//
//go:noescape
func prefetchRuns(home *slot, n int, entries *uint32)

// prefetchEntries asks for the runs the home slots point to.
func (w *weights) prefetchEntries(home []slot) {
	if len(home) > 0 && len(w.entries) > 0 {
		prefetchRuns(&home[0], len(home), &w.entries[0])
	}
}

// addVectors64, addVectors32 and addVectors8 add n dense vectors, found at
// dense+offs[i], to acc, 64, 32 or 8 floats of each (dense_amd64.s).
//
//go:noescape
func addVectors64(acc, dense *float32, offs *uint32, n int)

//go:noescape
func addVectors32(acc, dense *float32, offs *uint32, n int)

//go:noescape
func addVectors8(acc, dense *float32, offs *uint32, n int)

// addVectors adds classes [from, to) (multiples of eight) of the dense
// vectors starting at offs to acc. It holds each block of acc in registers
// while it adds every vector, so the vectors are read once and acc is
// loaded and stored once, where adding them one by one loads and stores acc
// for each.
func addVectors(acc *[256]float32, dense []float32, offs []uint32, from, to int) {
	if len(offs) == 0 || from >= to {
		return
	}
	if !cpu.X86.HasAVX2 {
		addVectorsGo(acc, dense, offs, from, to)
		return
	}
	for from < to {
		a, d, o, n := &acc[from], &dense[from], &offs[0], len(offs)
		switch {
		case to-from >= 64:
			addVectors64(a, d, o, n)
			from += 64
		case to-from >= 32:
			addVectors32(a, d, o, n)
			from += 32
		default:
			addVectors8(a, d, o, n)
			from += 8
		}
	}
}
