package cluster

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"slices"
)

// The file is a fixed header, a payload and a checksum:
//
//	"sitrep-clusters\x01"  magic, ending in the format version
//	uint32                 payload length, little-endian
//	payload:
//	  uvarint C            leaves; then per leaf, in path order,
//	  byte, uvarint        path length and path bits
//	  uvarint V            words; then per word, in byte order,
//	  uvarint, uvarint     bytes shared with the previous word, new bytes
//	  bytes                the new bytes
//	  uvarint              the word's leaf
//	uint32                 CRC-32 (IEEE) of the payload, little-endian
//
// Sorted words with shared prefixes elided keep 50,000 words under half a
// megabyte, and sorting makes the bytes a function of the clusters alone.
// The length in the header lets Read take exactly its own bytes from a
// stream, so the clusters can sit inside a larger model file.
const fileMagic = "sitrep-clusters\x01"

// WriteTo writes the clusters to w in the format Read reads, and returns the
// number of bytes written. The same clusters always give the same bytes.
func (c *Clusters) WriteTo(w io.Writer) (int64, error) {
	if c == nil {
		c = &Clusters{}
	}
	var p []byte
	p = binary.AppendUvarint(p, uint64(len(c.paths)))
	for i, path := range c.paths {
		p = append(p, c.lens[i])
		p = binary.AppendUvarint(p, path)
	}
	words := make([]string, 0, len(c.words))
	for word := range c.words {
		words = append(words, word)
	}
	slices.Sort(words)
	p = binary.AppendUvarint(p, uint64(len(words)))
	prev := ""
	for _, word := range words {
		shared := 0
		for shared < len(prev) && shared < len(word) && prev[shared] == word[shared] {
			shared++
		}
		p = binary.AppendUvarint(p, uint64(shared))
		p = binary.AppendUvarint(p, uint64(len(word)-shared))
		p = append(p, word[shared:]...)
		p = binary.AppendUvarint(p, uint64(c.words[word]))
		prev = word
	}
	if len(p) > 1<<31 {
		return 0, errors.New("cluster: clusters too large to write")
	}
	out := make([]byte, 0, len(fileMagic)+8+len(p))
	out = append(out, fileMagic...)
	out = binary.LittleEndian.AppendUint32(out, uint32(len(p)))
	out = append(out, p...)
	out = binary.LittleEndian.AppendUint32(out, crc32.ChecksumIEEE(p))
	n, err := w.Write(out)
	return int64(n), err
}

// Read reads clusters written by WriteTo. It reads exactly their bytes from
// r and no more, and checks the checksum and every index, so a damaged or
// truncated file is an error rather than wrong clusters.
func Read(r io.Reader) (*Clusters, error) {
	head := make([]byte, len(fileMagic)+4)
	if _, err := io.ReadFull(r, head); err != nil {
		return nil, fmt.Errorf("cluster: reading header: %w", err)
	}
	if !bytes.Equal(head[:len(fileMagic)], []byte(fileMagic)) {
		return nil, errors.New("cluster: not a clusters file (or another format version)")
	}
	size := binary.LittleEndian.Uint32(head[len(fileMagic):])
	if size > 1<<31 {
		return nil, errors.New("cluster: corrupt header")
	}
	body := make([]byte, int(size)+4)
	if _, err := io.ReadFull(r, body); err != nil {
		return nil, fmt.Errorf("cluster: reading clusters: %w", err)
	}
	p := body[:size]
	if crc32.ChecksumIEEE(p) != binary.LittleEndian.Uint32(body[size:]) {
		return nil, errors.New("cluster: checksum mismatch")
	}
	d := decoder{p: p}
	nc := d.uvarint()
	if nc > uint64(len(p)) {
		return nil, errors.New("cluster: corrupt leaf count")
	}
	c := &Clusters{paths: make([]uint64, nc), lens: make([]uint8, nc)}
	for i := range c.paths {
		c.lens[i] = d.byte()
		c.paths[i] = d.uvarint()
		if c.lens[i] > MaxPath || c.lens[i] < MaxPath && c.paths[i]>>c.lens[i] != 0 {
			return nil, fmt.Errorf("cluster: corrupt path of leaf %d", i)
		}
	}
	nw := d.uvarint()
	if nw > uint64(len(p)) {
		return nil, errors.New("cluster: corrupt word count")
	}
	c.words = make(map[string]uint32, nw)
	var prev []byte
	for range nw {
		shared, fresh := d.uvarint(), d.uvarint()
		if shared > uint64(len(prev)) || fresh > uint64(len(d.p)) {
			return nil, errors.New("cluster: corrupt word")
		}
		next := append(prev[:shared:shared], d.bytes(int(fresh))...)
		leaf := d.uvarint()
		if d.err != nil {
			break
		}
		if leaf >= nc || len(c.words) > 0 && string(next) <= string(prev) {
			return nil, fmt.Errorf("cluster: corrupt entry for %q", next)
		}
		c.words[string(next)] = uint32(leaf)
		prev = next
	}
	if d.err == nil && len(d.p) != 0 {
		d.err = errors.New("cluster: trailing bytes")
	}
	if d.err != nil {
		return nil, d.err
	}
	return c, nil
}

// decoder reads the payload, remembering the first error so that the loop
// above checks once per entry.
type decoder struct {
	p   []byte
	err error
}

func (d *decoder) uvarint() uint64 {
	v, n := binary.Uvarint(d.p)
	if n <= 0 {
		if d.err == nil {
			d.err = errors.New("cluster: truncated clusters")
		}
		d.p = nil
		return 0
	}
	d.p = d.p[n:]
	return v
}

func (d *decoder) byte() byte {
	if len(d.p) == 0 {
		if d.err == nil {
			d.err = errors.New("cluster: truncated clusters")
		}
		return 0
	}
	b := d.p[0]
	d.p = d.p[1:]
	return b
}

func (d *decoder) bytes(n int) []byte {
	if n > len(d.p) {
		if d.err == nil {
			d.err = errors.New("cluster: truncated clusters")
		}
		d.p = nil
		return nil
	}
	b := d.p[:n]
	d.p = d.p[n:]
	return b
}
