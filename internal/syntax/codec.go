package syntax

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"github.com/sitrep-project/sitrep/internal/syntax/cluster"
	"io"
	"math"
	"sort"
)

// The model file is a little-endian stream: a magic string, the provenance
// as JSON, then the tagger, lemmatiser and parser. Weights are quantised to
// 16 bits with one scale per table, which loses nothing measurable;
// version 1 stores them in 16 bits, version 2 in the 32 bits they take in
// memory. Maps are written in key order, so the same model always gives
// the same bytes.
//
// In version 2 (magic), the weight tables are written as they lie in
// memory, aligned to 8 bytes from the file's start: the shipped model is
// embedded in the binary, and its tables are used where they lie, with no
// decoding and no copy (tables.go). Decoding version 1's packed tables
// was nine tenths of the time a command that reads one article took; the
// price is a file about twice the size. Version 1 files, and gzipped ones
// as earlier versions wrote, are still read.
const (
	magic   = "sitrep-syntax-2"
	magicV1 = "sitrep-syntax-1"
)

type encoder struct {
	w   *bufio.Writer
	n   int // bytes written, for aligning the tables
	err error
}

func (e *encoder) u64(v uint64) {
	var b [binary.MaxVarintLen64]byte
	e.raw(b[:binary.PutUvarint(b[:], v)])
}

func (e *encoder) str(s string) {
	e.u64(uint64(len(s)))
	if e.err == nil {
		var n int
		n, e.err = e.w.WriteString(s)
		e.n += n
	}
}

func (e *encoder) raw(p []byte) {
	if e.err == nil {
		var n int
		n, e.err = e.w.Write(p)
		e.n += n
	}
}

// Save writes the model to w.
func (m *Model) Save(w io.Writer) error { return m.save(w, 2) }

// save writes the model in a format version, 1 or 2.
func (m *Model) save(w io.Writer, version int) error {
	e := &encoder{w: bufio.NewWriter(w)}
	writeWeights := e.weights
	if version == 1 {
		e.str(magicV1)
		writeWeights = e.weightsV1
	} else {
		e.str(magic)
	}
	info, err := json.Marshal(m.Info)
	if err != nil {
		return err
	}
	e.str(string(info))
	if cl := m.tagger.clusters; cl != nil {
		e.u64(1)
		if e.err == nil {
			var n int64
			n, e.err = cl.WriteTo(e.w)
			e.n += int(n)
		}
	} else {
		e.u64(0)
	}
	e.u64(uint64(len(m.tagger.classes)))
	for _, c := range m.tagger.classes {
		e.str(c.UPOS)
		e.str(c.XPOS)
	}
	writeWeights(m.tagger.w)
	e.classMap(m.tagger.sure)
	e.classMap(m.tagger.usual)
	e.nested(m.lemmas.forms)
	e.nested(m.lemmas.exact)
	ups := sortedKeys(m.lemmas.rules)
	e.u64(uint64(len(ups)))
	for _, u := range ups {
		e.str(u)
		rs := m.lemmas.rules[u]
		ends := sortedKeys(rs)
		e.u64(uint64(len(ends)))
		for _, end := range ends {
			e.str(end)
			e.u64(uint64(len(rs[end])))
			for _, r := range rs[end] {
				e.u64(uint64(r.Strip))
				e.str(r.Append)
				if r.Keep {
					e.u64(1)
				} else {
					e.u64(0)
				}
			}
		}
	}
	known := make([]string, 0, len(m.lemmas.known))
	for k := range m.lemmas.known {
		known = append(known, k)
	}
	sort.Strings(known)
	e.u64(uint64(len(known)))
	for _, k := range known {
		e.str(k)
	}
	e.u64(uint64(len(m.lemmas.feats)))
	for i, fm := range m.lemmas.feats {
		e.str(m.lemmas.classFeats[i])
		e.flat(fm)
		e.flat(m.lemmas.byClass[i])
	}
	e.u64(uint64(len(m.parser.labels)))
	for _, l := range m.parser.labels {
		e.str(l)
	}
	writeWeights(m.parser.w)
	if e.err == nil {
		e.err = e.w.Flush()
	}
	if e.err != nil {
		return fmt.Errorf("writing syntax model: %w", e.err)
	}
	return nil
}

func sortedKeys[V any](m map[string]V) []string {
	ks := make([]string, 0, len(m))
	for k := range m {
		ks = append(ks, k)
	}
	sort.Strings(ks)
	return ks
}

func (e *encoder) flat(m map[string]string) {
	ks := sortedKeys(m)
	e.u64(uint64(len(ks)))
	for _, k := range ks {
		e.str(k)
		e.str(m[k])
	}
}

func (e *encoder) nested(m map[string]map[string]string) {
	ks := sortedKeys(m)
	e.u64(uint64(len(ks)))
	for _, k := range ks {
		e.str(k)
		e.flat(m[k])
	}
}

func (e *encoder) classMap(m map[uint64]uint8) {
	ks := make([]uint64, 0, len(m))
	for k := range m {
		ks = append(ks, k)
	}
	sort.Slice(ks, func(i, j int) bool { return ks[i] < ks[j] })
	e.u64(uint64(len(ks)))
	var b [9]byte
	for _, k := range ks {
		binary.LittleEndian.PutUint64(b[:], k)
		b[8] = m[k]
		e.raw(b[:])
	}
}

// weightsV1 writes a table as version 1 did: its size, then each used
// slot's index (as the gap from the previous one), fingerprint and run of
// classes and 16-bit weights. Loading places each slot where it was, with
// no rehashing. Only the tests write it now, to check that such files are
// still read.
func (e *encoder) weightsV1(w *weights) {
	scale := w.quantStep()
	e.u64(uint64(w.classes))
	e.u64(uint64(math.Float32bits(scale)))
	e.u64(uint64(len(w.slots)))
	e.u64(uint64(w.features()))
	var b [4]byte
	last := uint64(0)
	w.each(func(j uint64, fp uint32, run []uint32) {
		e.u64(j - last)
		last = j
		binary.LittleEndian.PutUint32(b[:], fp)
		e.raw(b[:])
		e.raw([]byte{byte(len(run))})
		for _, x := range run {
			e.raw([]byte{byte(x)})
		}
		for _, x := range run {
			_, v := unpackEntry(x)
			binary.LittleEndian.PutUint16(b[:2], uint16(int16(math.Round(float64(v/scale)))))
			e.raw(b[:2])
		}
	})
}

// decoder reads a model from its whole decompressed bytes: reading the
// millions of small fields of the weight tables through a buffered
// stream, a call or two each, took most of a model's load time.
type decoder struct {
	buf []byte
	pos int
	err error
}

func (d *decoder) u64() uint64 {
	if d.err != nil {
		return 0
	}
	v, n := binary.Uvarint(d.buf[d.pos:])
	if n <= 0 {
		d.err = io.ErrUnexpectedEOF
		return 0
	}
	d.pos += n
	return v
}

// count reads a length and refuses one no model could have, so that a
// damaged file gives an error rather than a huge allocation.
func (d *decoder) count() int {
	v := d.u64()
	if v > 1<<28 {
		d.err = fmt.Errorf("length %d out of range", v)
		return 0
	}
	return int(v)
}

func (d *decoder) str() string {
	n := d.count()
	if d.err != nil {
		return ""
	}
	b := d.next(n)
	return string(b)
}

// next returns the next n bytes, or nil (and the error) when the model
// ends before them.
func (d *decoder) next(n int) []byte {
	if d.err != nil {
		return nil
	}
	if n > len(d.buf)-d.pos {
		d.err = io.ErrUnexpectedEOF
		return nil
	}
	b := d.buf[d.pos : d.pos+n]
	d.pos += n
	return b
}

func (d *decoder) raw(b []byte) {
	copy(b, d.next(len(b)))
}

func (d *decoder) flat() map[string]string {
	n := d.count()
	m := make(map[string]string, n)
	for i := 0; i < n && d.err == nil; i++ {
		k := d.str()
		m[k] = d.str()
	}
	return m
}

func (d *decoder) nested() map[string]map[string]string {
	n := d.count()
	m := make(map[string]map[string]string, n)
	for i := 0; i < n && d.err == nil; i++ {
		k := d.str()
		m[k] = d.flat()
	}
	return m
}

func (d *decoder) classMap() map[uint64]uint8 {
	n := d.count()
	m := make(map[uint64]uint8, n)
	var b [9]byte
	for i := 0; i < n && d.err == nil; i++ {
		d.raw(b[:])
		m[binary.LittleEndian.Uint64(b[:])] = b[8]
	}
	return m
}

func (d *decoder) weightsV1() *weights {
	classes := d.count()
	scale := math.Float32frombits(uint32(d.u64()))
	size := d.count()
	n := d.count()
	if d.err != nil {
		return nil
	}
	if size&(size-1) != 0 || n > size {
		d.err = fmt.Errorf("weight table of %d slots for %d features", size, n)
		return nil
	}
	// Runs average about three entries a feature: room for four spares
	// growing the table by copies while it loads.
	w := &weights{classes: classes, scale: scale, mask: uint64(size - 1), slots: make([]slot, size), entries: make([]uint32, 0, min(4*n, maxEntries))}
	if classes > 256 {
		d.err = fmt.Errorf("%d classes, at most 256", classes)
		return nil
	}
	// Each feature is read in place from the buffer (next), not copied
	// out a field at a time: the tables hold millions of features, and
	// these loops are most of the time a command takes to start reading.
	run := make([]uint32, 0, 256)
	j := uint64(0)
	for i := 0; i < n && d.err == nil; i++ {
		j += d.u64()
		head := d.next(5)
		if head == nil {
			break
		}
		fp := binary.LittleEndian.Uint32(head)
		k := int(head[4])
		if k == 0 {
			d.err = errors.New("weight table damaged: a feature without weights")
			break
		}
		cls := d.next(k)
		ws := d.next(2 * k)
		if ws == nil {
			break
		}
		fp &^= layout // layout bits, not part of the fingerprint
		if j >= uint64(size) || fp&1 == 0 || w.slots[j].fp != 0 || len(w.entries)+k >= maxEntries {
			d.err = errors.New("weight table damaged")
			break
		}
		run = run[:0]
		for q, c := range cls {
			if int(c) >= classes {
				d.err = fmt.Errorf("class %d of %d", c, classes)
			}
			run = append(run, packEntry(c, float32(int16(binary.LittleEndian.Uint16(ws[2*q:])))*scale))
		}
		w.place(j, fp, run)
	}
	return w
}

// gunzip decompresses a gzip file into one buffer of the size its trailer
// gives, so that the tens of megabytes of a model are not grown and copied
// in steps.
func gunzip(packed []byte) ([]byte, error) {
	zr, err := gzip.NewReader(bytes.NewReader(packed))
	if err != nil {
		return nil, err
	}
	if len(packed) < 4 {
		return nil, io.ErrUnexpectedEOF
	}
	// ISIZE, the trailer's last field: the size modulo 2³², exact for
	// any model this package writes.
	size := int(binary.LittleEndian.Uint32(packed[len(packed)-4:]))
	buf := make([]byte, size)
	if _, err := io.ReadFull(zr, buf); err != nil {
		return nil, err
	}
	rest, err := io.ReadAll(zr)
	if err != nil {
		return nil, err
	}
	return append(buf, rest...), nil
}

// Load reads a model written by Save.
func Load(r io.Reader) (*Model, error) {
	packed, err := io.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("reading syntax model: %w", err)
	}
	return loadBytes(packed)
}

// loadBytes reads a model from the bytes of its file, checking every
// length and index of its tables.
func loadBytes(data []byte) (*Model, error) { return load(data, false) }

// load reads a model from the bytes of its file. A version 2 file's
// tables are used in place in data, which must then stay unchanged for
// the model's life. With trusted, their entries are not checked: the
// check reads every page of the tables, which a command reading one
// article would otherwise never touch, and the shipped model, the only
// trusted one, is checked by the tests (TestShippedModelChecks).
func load(data []byte, trusted bool) (*Model, error) {
	if len(data) >= 2 && data[0] == 0x1f && data[1] == 0x8b { // gzip's magic
		var err error
		if data, err = gunzip(data); err != nil {
			return nil, fmt.Errorf("reading syntax model: %w", err)
		}
	}
	d := &decoder{buf: data}
	readWeights := func() *weights { return d.weights(trusted) }
	switch s := d.str(); {
	case d.err != nil:
	case s == magicV1:
		readWeights = d.weightsV1
	case s != magic:
		return nil, fmt.Errorf("reading syntax model: not a sitrep syntax model (%q)", s)
	}
	m := &Model{tagger: &tagger{}, lemmas: &lemmatizer{}, parser: &parser{}}
	if info := d.str(); d.err == nil {
		if err := json.Unmarshal([]byte(info), &m.Info); err != nil {
			return nil, fmt.Errorf("reading syntax model: provenance: %w", err)
		}
	}
	if d.u64() == 1 && d.err == nil {
		cr := bytes.NewReader(d.buf[d.pos:])
		m.tagger.clusters, d.err = cluster.Read(cr)
		d.pos = len(d.buf) - cr.Len()
	}
	nc := d.count()
	for i := 0; i < nc && d.err == nil; i++ {
		u := d.str()
		m.tagger.classes = append(m.tagger.classes, tagClass{u, d.str()})
	}
	m.tagger.w = readWeights()
	m.tagger.sure = d.classMap()
	m.tagger.usual = d.classMap()
	m.tagger.setFinite()
	m.lemmas.forms = d.nested()
	m.lemmas.exact = d.nested()
	m.lemmas.rules = map[string]map[string][]rewrite{}
	nu := d.count()
	for i := 0; i < nu && d.err == nil; i++ {
		u := d.str()
		ne := d.count()
		rs := make(map[string][]rewrite, ne)
		for j := 0; j < ne && d.err == nil; j++ {
			end := d.str()
			nr := d.count()
			for q := 0; q < nr && d.err == nil; q++ {
				r := rewrite{Strip: d.count(), Append: d.str()}
				r.Keep = d.u64() == 1
				rs[end] = append(rs[end], r)
			}
		}
		m.lemmas.rules[u] = rs
	}
	nk := d.count()
	m.lemmas.known = make(map[string]bool, nk)
	for i := 0; i < nk && d.err == nil; i++ {
		m.lemmas.known[d.str()] = true
	}
	nf := d.count()
	for i := 0; i < nf && d.err == nil; i++ {
		m.lemmas.classFeats = append(m.lemmas.classFeats, d.str())
		m.lemmas.feats = append(m.lemmas.feats, d.flat())
		m.lemmas.byClass = append(m.lemmas.byClass, d.flat())
	}
	nl := d.count()
	for i := 0; i < nl && d.err == nil; i++ {
		m.parser.labels = append(m.parser.labels, d.str())
	}
	m.parser.w = readWeights()
	if d.err != nil {
		return nil, fmt.Errorf("reading syntax model: %w", d.err)
	}
	if len(m.tagger.classes) == 0 || len(m.parser.labels) == 0 || m.tagger.w.classes != len(m.tagger.classes) ||
		m.parser.w.classes != m.parser.classes() || len(m.lemmas.feats) != len(m.tagger.classes) {
		return nil, errors.New("reading syntax model: inconsistent tables")
	}
	for _, c := range m.tagger.sure {
		if int(c) >= nc {
			return nil, errors.New("reading syntax model: tag out of range")
		}
	}
	for _, c := range m.tagger.usual {
		if int(c) >= nc {
			return nil, errors.New("reading syntax model: tag out of range")
		}
	}
	m.init()
	return m, nil
}
