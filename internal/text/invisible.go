package text

// Invisible format characters. Text copied from web pages carries
// characters that take no space and are not seen: zero-width spaces and
// joiners that a page's markup left between the letters of a word, soft
// hyphens that mark where a word may break, byte-order marks pasted into
// the middle of a paragraph. A reader sees "Ger\u200bmany" as "Germany";
// so must every stage that matches words. The tokeniser cuts the text as
// if they were not there, and each token's offsets are moved back onto the
// original text, so that a span still covers the bytes it was read from
// (invisible characters inside a word included) while the token's Text,
// which the stages match on, holds none of them.

import "strings"

// invisibleAt returns the length in bytes of the invisible format character
// at byte i of s, or 0 when none starts there: U+00AD soft hyphen, U+200B
// zero-width space, U+200C zero-width non-joiner, U+200D zero-width joiner,
// U+2060 word joiner or U+FEFF zero-width no-break space (a byte-order
// mark). It compares bytes rather than decoding, since the search for
// them runs over every text the tokeniser cuts.
func invisibleAt(s string, i int) int {
	switch s[i] {
	case 0xC2:
		if i+1 < len(s) && s[i+1] == 0xAD {
			return 2
		}
	case 0xE2:
		if i+2 < len(s) {
			switch b, c := s[i+1], s[i+2]; {
			case b == 0x80 && c >= 0x8B && c <= 0x8D, b == 0x81 && c == 0xA0:
				return 3
			}
		}
	case 0xEF:
		if i+2 < len(s) && s[i+1] == 0xBB && s[i+2] == 0xBF {
			return 3
		}
	}
	return 0
}

// hidden is a run of invisible characters the tokeniser did not see: n
// bytes of the original text that stood right before byte at of the text
// without them.
type hidden struct{ at, n int }

// visible returns s without its invisible characters and where they were,
// or s itself and nil when it holds none, which is nearly always.
func visible(s string) (string, []hidden) {
	i := nextInvisible(s, 0)
	if i < 0 {
		return s, nil
	}
	var b strings.Builder
	b.Grow(len(s))
	var hid []hidden
	from := 0 // start of the visible stretch not yet copied
	for i >= 0 {
		n := invisibleAt(s, i)
		b.WriteString(s[from:i])
		if k := len(hid) - 1; k >= 0 && hid[k].at == b.Len() {
			hid[k].n += n // doubled: one run
		} else {
			hid = append(hid, hidden{at: b.Len(), n: n})
		}
		from = i + n
		i = nextInvisible(s, from)
	}
	b.WriteString(s[from:])
	return b.String(), hid
}

// nextInvisible returns where the first invisible character at or after
// byte i of s starts, or -1. Every text passes through it before it is
// cut, so it reads eight bytes at a time and looks closer only at a group
// with a byte above ASCII: prose is mostly ASCII, and the test then costs
// a few per cent of cutting the text.
func nextInvisible(s string, i int) int {
	for ; i+8 <= len(s); i += 8 {
		w := uint64(s[i]) | uint64(s[i+1])<<8 | uint64(s[i+2])<<16 | uint64(s[i+3])<<24 |
			uint64(s[i+4])<<32 | uint64(s[i+5])<<40 | uint64(s[i+6])<<48 | uint64(s[i+7])<<56
		if w&0x8080808080808080 == 0 {
			continue
		}
		for k := i; k < i+8; k++ {
			if s[k] >= 0xC2 && invisibleAt(s, k) > 0 {
				return k
			}
		}
	}
	for ; i < len(s); i++ {
		if s[i] >= 0xC2 && invisibleAt(s, i) > 0 {
			return i
		}
	}
	return -1
}

// StripInvisible returns s without the invisible format characters the
// tokeniser passes over (U+00AD, U+200B, U+200C, U+200D, U+2060, U+FEFF),
// as a token's Text is, for a stage that reads a stretch of the original
// text between token offsets and matches it as words. It returns s itself,
// without allocating, when s holds none.
func StripInvisible(s string) string {
	v, _ := visible(s)
	return v
}

// restorer moves the offsets of tokens cut from the visible text back onto
// the original, token after token in order, so that the cost is one step
// per token and per run of invisible characters.
type restorer struct {
	src   string   // the original text
	hid   []hidden // the runs removed from it; nil when none were
	k     int      // runs before the last token's end
	shift int      // their bytes
}

// restore moves toks, cut in order from the visible text with offsets
// shifted by base, onto the original text. A token starts after the
// invisible characters before it and ends before those after it, and
// spans those inside it; its Text is the original text of the span when
// there are none inside, and the visible text without them otherwise.
func (r *restorer) restore(toks []Token, base int) {
	for i := range toks {
		t := &toks[i]
		p, q := t.Start-base, t.End-base
		for r.k < len(r.hid) && r.hid[r.k].at <= p {
			r.shift += r.hid[r.k].n
			r.k++
		}
		start := p + r.shift
		for r.k < len(r.hid) && r.hid[r.k].at < q {
			r.shift += r.hid[r.k].n
			r.k++
		}
		end := q + r.shift
		if end-start == q-p {
			t.Text = r.src[start:end]
		}
		t.Start, t.End = base+start, base+end
	}
}

// VisibleOffset returns where in s the byte k of StripInvisible(s) lies,
// passing over the invisible characters before it (len(s) when k is the
// visible length), so that a stage that found a place within a token's
// Text can point at it in the original text: s is the text the token's
// span covers.
func VisibleOffset(s string, k int) int {
	i := 0
	for {
		for i < len(s) && s[i] >= 0xC2 && invisibleAt(s, i) > 0 {
			i += invisibleAt(s, i)
		}
		if k <= 0 || i == len(s) {
			return i
		}
		i++
		k--
	}
}
