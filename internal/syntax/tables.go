package syntax

import (
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"unsafe"
)

// A version 2 weight table is written as it lies in memory: its classes,
// its quantisation step, its size in slots and the lengths of its entries and dense vectors, a
// pad to 8 bytes from the file's start, then the slots (fingerprint and
// entry, 4 bytes each), the entries and the dense vectors, little-endian.
// Where the processor is little-endian and the bytes are aligned, as the
// embedded model's are, loading points the table's slices at the file's
// bytes: nothing is decoded or copied, and only the pages that lookups
// reach are ever read in. Elsewhere the arrays are copied out.

// weights writes a table in version 2's layout, its weights quantised to
// 16 bits with one scale for the table as version 1 stored them: a model
// read from either version then annotates the same, and training gives the
// weights of the shipped model whichever version it is saved in. A table
// read from a file is quantised already and is written as it is, with its
// scale.
func (e *encoder) weights(w *weights) {
	scale := w.quantStep()
	quantise := func(v float32) float32 { return v }
	if w.scale == 0 {
		quantise = func(v float32) float32 { return float32(int16(math.Round(float64(v/scale)))) * scale }
	}
	// Weights lose the low byte of their mantissa, as packEntry does,
	// dense ones included.
	pack := func(x uint32) uint32 { c, v := unpackEntry(x); return packEntry(c, quantise(v)) }
	e.u64(uint64(w.classes))
	e.u64(uint64(math.Float32bits(scale)))
	e.u64(uint64(len(w.slots)))
	e.u64(uint64(len(w.entries)))
	e.u64(uint64(len(w.dense)))
	pad := (8 - (e.n+1)%8) % 8
	e.raw([]byte{byte(pad)})
	e.raw(make([]byte, pad))
	if e.err != nil {
		return
	}
	buf := make([]byte, 0, 1<<16)
	flush := func(force bool) {
		if len(buf) > 0 && (force || len(buf) > 1<<16-8) {
			e.raw(buf)
			buf = buf[:0]
		}
	}
	for _, s := range w.slots {
		if s.fp != 0 && s.fp&layout == 0 {
			s.e = pack(s.e)
		}
		buf = binary.LittleEndian.AppendUint32(buf, s.fp)
		buf = binary.LittleEndian.AppendUint32(buf, s.e)
		flush(false)
	}
	for _, x := range w.entries {
		buf = binary.LittleEndian.AppendUint32(buf, pack(x))
		flush(false)
	}
	for _, x := range w.dense {
		buf = binary.LittleEndian.AppendUint32(buf, math.Float32bits(quantise(x))&^0xff)
		flush(false)
	}
	flush(true)
}

// quantStep is the table's 16-bit quantisation step: the one it was read
// with, or, for a table being trained, its largest weight over 32767.
func (w *weights) quantStep() float32 {
	if w.scale != 0 {
		return w.scale
	}
	maxAbs := float32(0)
	w.each(func(_ uint64, _ uint32, run []uint32) {
		for _, x := range run {
			_, v := unpackEntry(x)
			maxAbs = max(maxAbs, float32(math.Abs(float64(v))))
		}
	})
	if maxAbs == 0 {
		return 1
	}
	return maxAbs / 32767
}

// weights reads a table in version 2's layout. Unless trusted, every slot
// is checked (check).
func (d *decoder) weights(trusted bool) *weights {
	classes := d.count()
	scale := math.Float32frombits(uint32(d.u64()))
	size := d.count()
	ne := d.count()
	nd := d.count()
	if d.err != nil {
		return nil
	}
	switch {
	case classes == 0 || classes > 256:
		d.err = fmt.Errorf("%d classes, want 1 to 256", classes)
	case size == 0 || size&(size-1) != 0:
		d.err = fmt.Errorf("weight table of %d slots", size)
	case ne >= maxEntries:
		d.err = fmt.Errorf("%d entries, more than a table addresses", ne)
	}
	if d.err != nil {
		return nil
	}
	if p := d.next(1); p != nil {
		d.next(int(p[0]))
	}
	if d.err == nil && d.pos%8 != 0 {
		d.err = errors.New("weight table not aligned")
	}
	// In 64 bits: on a 32-bit build, 8 times a damaged size could wrap.
	if rest := uint64(len(d.buf) - d.pos); uint64(size)*8+uint64(ne)*4+uint64(nd)*4 > rest {
		d.err = errors.New("weight table past the end of the file")
		return nil
	}
	slots, entries, dense := d.next(8*size), d.next(4*ne), d.next(4*nd)
	if d.err != nil {
		return nil
	}
	w := &weights{classes: classes, scale: scale, mask: uint64(size - 1),
		slots: castSlots(slots), entries: castUint32s(entries), dense: castFloat32s(dense)}
	if !trusted {
		if err := w.check(); err != nil {
			d.err = err
			return nil
		}
	}
	return w
}

// check refuses a table whose slots point outside its arrays, whose
// classes pass its count, or with no empty slot (a lookup of an absent
// feature probes until it finds one). Scoring trusts all three: its dense
// vectors are added by assembly, which checks no bounds.
func (w *weights) check() error {
	empty := false
	inRange := func(e uint32) bool { return int(uint8(e)) < w.classes }
	for _, s := range w.slots {
		switch {
		case s.fp == 0:
			empty = true
		case s.fp&1 == 0:
			return errors.New("weight table damaged: a fingerprint without its mark")
		case s.fp&layout == layout:
			return errors.New("weight table damaged: a slot both dense and out of line")
		case s.fp&isDense != 0:
			if uint64(s.e)+uint64(w.stride()) > uint64(len(w.dense)) {
				return errors.New("weight table damaged: a dense vector past the table")
			}
		case s.fp&outOfLine != 0:
			start, n := int(s.e>>8), int(s.e&0xff)
			if n == 0 || start+n > len(w.entries) {
				return errors.New("weight table damaged: a run past the table")
			}
			for _, e := range w.entries[start : start+n] {
				if !inRange(e) {
					return fmt.Errorf("weight table damaged: class %d of %d", uint8(e), w.classes)
				}
			}
		case !inRange(s.e):
			return fmt.Errorf("weight table damaged: class %d of %d", uint8(s.e), w.classes)
		}
	}
	if !empty {
		return errors.New("weight table damaged: no empty slot")
	}
	return nil
}

// littleEndian says whether memory holds numbers as the file does.
var littleEndian = binary.NativeEndian.Uint16([]byte{1, 0}) == 1

// inPlace says whether b can be used as an array of 4-byte numbers.
func inPlace(b []byte) bool {
	return littleEndian && len(b) > 0 && uintptr(unsafe.Pointer(unsafe.SliceData(b)))%4 == 0
}

// castSlots, castUint32s and castFloat32s view b as an array of the
// table's type, in place where inPlace allows and copied out otherwise: a
// view shares b, which must then never change while the model is used.
func castSlots(b []byte) []slot {
	if inPlace(b) {
		return unsafe.Slice((*slot)(unsafe.Pointer(unsafe.SliceData(b))), len(b)/8)
	}
	s := make([]slot, len(b)/8)
	for i := range s {
		s[i] = slot{fp: binary.LittleEndian.Uint32(b[8*i:]), e: binary.LittleEndian.Uint32(b[8*i+4:])}
	}
	return s
}

func castUint32s(b []byte) []uint32 { return cast32(b, func(x uint32) uint32 { return x }) }

func castFloat32s(b []byte) []float32 { return cast32(b, math.Float32frombits) }

// cast32 views b as 4-byte numbers, or copies them out through fromBits.
func cast32[T uint32 | float32](b []byte, fromBits func(uint32) T) []T {
	if inPlace(b) {
		return unsafe.Slice((*T)(unsafe.Pointer(unsafe.SliceData(b))), len(b)/4)
	}
	s := make([]T, len(b)/4)
	for i := range s {
		s[i] = fromBits(binary.LittleEndian.Uint32(b[4*i:]))
	}
	return s
}
