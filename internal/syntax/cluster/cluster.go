// Package cluster learns hierarchical word clusters from raw text, in the
// manner of Brown et al. (1992), for the tagger and parser of package syntax
// to use as features: a word the treebank never showed still gets a cluster
// shared with words it did show, because it appears in the same contexts in
// a few million tokens of unannotated news.
//
// Every word is given a bit string, the path from the root of a binary tree
// to its cluster; words whose paths share a long prefix occur in similar
// contexts. Feature templates use prefixes of a few lengths (4, 6, 10 and 20
// bits, as Koo, Carreras and Collins 2008 did for dependency parsing), so a
// short prefix stands for a coarse class (roughly a part of speech) and a
// long one for a fine one (month names, currencies, verbs of saying).
//
// Brown's own algorithm, in Liang's windowed form, builds the tree while it
// assigns words, at a cost of the vocabulary times the square of the number
// of clusters. Train instead finds flat clusters with the exchange algorithm
// (Kneser and Ney 1993, Martin, Liermann and Ney 1998), which moves one word
// at a time to the cluster that most raises the likelihood of the class
// bigram model, the same objective as Brown's, at a cost per pass of the
// number of clusters times the distinct pairs of a word and a cluster next
// to it. It then builds the tree by merging those clusters bottom up exactly
// as Brown does, always merging the pair that loses the least mutual
// information between adjacent clusters. The result is a Brown-style
// hierarchy: on the few million tokens of SharedSources, 512 clusters in
// well under a minute on one core.
//
// Words are normalised before counting and looking up (see Normalize): case
// is folded, every digit becomes 0 so that numbers of one shape share a
// cluster, and typographic quotes become ASCII ones.
package cluster

import (
	"iter"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// MaxPath is the longest path Clusters keeps, in bits. The leaves of a very
// unbalanced tree that lie deeper keep their first MaxPath turns, so two of
// them may share a path; feature templates read 20 bits at most, and on
// SharedSources no path is longer than 18.
const MaxPath = 64

// Clusters maps a normalised word to the path of its cluster in the tree.
// It is read-only after Train or Read, so one value may be shared by any
// number of goroutines. The nil *Clusters knows no word, which lets a model
// trained without clusters call Lookup unconditionally.
type Clusters struct {
	// words maps a normalised word to its leaf, an index into paths and
	// lens. Leaves are numbered in path order, so the files are stable.
	words map[string]uint32
	// paths holds each leaf's path right-aligned: the first bit from the
	// root is the most significant of the low lens[i] bits.
	paths []uint64
	lens  []uint8
}

// Len returns the number of words that have a cluster.
func (c *Clusters) Len() int {
	if c == nil {
		return 0
	}
	return len(c.words)
}

// NumClusters returns the number of leaf clusters.
func (c *Clusters) NumClusters() int {
	if c == nil {
		return 0
	}
	return len(c.paths)
}

// Lookup returns the path of word's cluster: the low length bits of path,
// most significant first, are the turns from the root (0 left, 1 right).
// The word is normalised first, so callers pass tokens as they are. It does
// not allocate for a word of up to 64 bytes, which is every ordinary token:
// the parser calls it for every token.
func (c *Clusters) Lookup(word string) (path uint64, length uint8, ok bool) {
	if c == nil {
		return 0, 0, false
	}
	var buf [64]byte
	leaf, ok := c.words[string(appendNormal(buf[:0], word))]
	if !ok {
		return 0, 0, false
	}
	return c.paths[leaf], c.lens[leaf], true
}

// Prefix returns the first bits bits of word's path as a feature value: the
// prefix with a 1 bit above it, so that prefixes of different lengths never
// collide ("01" is 0b101, "001" is 0b1001). A path shorter than bits gives
// the whole path, as Koo et al. did; bits above 31 count as 31.
func (c *Clusters) Prefix(word string, bits int) (uint32, bool) {
	path, n, ok := c.Lookup(word)
	if !ok {
		return 0, false
	}
	return PathPrefix(path, n, bits), true
}

// PathPrefix is Prefix for a path returned by Lookup, so that feature code
// wanting prefixes of several lengths looks the word up only once.
func PathPrefix(path uint64, n uint8, bits int) uint32 {
	if bits > 31 {
		bits = 31
	}
	if bits < 0 {
		bits = 0
	}
	if int(n) < bits {
		bits = int(n)
	}
	return uint32(path>>(uint(n)-uint(bits))) | 1<<uint(bits)
}

// PathString writes a path as the string of 0s and 1s that Brown cluster
// files use, for reports and debugging.
func PathString(path uint64, length uint8) string {
	var b strings.Builder
	for i := int(length) - 1; i >= 0; i-- {
		b.WriteByte('0' + byte(path>>uint(i)&1))
	}
	return b.String()
}

// All yields every word with its path, in the order of the paths and then
// of the words, so that the words of one cluster come together; it is for
// reports and inspection, not for the hot path.
func (c *Clusters) All() iter.Seq2[string, string] {
	return func(yield func(word, path string) bool) {
		if c == nil {
			return
		}
		words := make([]string, 0, len(c.words))
		for w := range c.words {
			words = append(words, w)
		}
		slices.SortFunc(words, func(a, b string) int {
			if la, lb := c.words[a], c.words[b]; la != lb {
				return int(la) - int(lb)
			}
			return strings.Compare(a, b)
		})
		for _, w := range words {
			leaf := c.words[w]
			if !yield(w, PathString(c.paths[leaf], c.lens[leaf])) {
				return
			}
		}
	}
}

// Normalize returns the form under which a word is counted and looked up:
// lower case, every decimal digit 0, and the typographic single and double
// quotes ‘ ’ ‛ “ ” „ as ' and ". Folding case lets a capitalised
// sentence-initial word and an all-capitals headline word share the counts
// of the ordinary word; mapping digits makes "1987" and "2022" one word, so
// years, amounts and times cluster by shape rather than scattering into rare
// types; and the quotes differ between the treebank and the news only in
// typography.
func Normalize(word string) string {
	var buf [64]byte
	return string(appendNormal(buf[:0], word))
}

// appendNormal appends the normalised word to dst. It is the allocation-free
// core of Normalize and Lookup: with dst backed by a caller's stack array the
// lookup m[string(b)] does not allocate either.
func appendNormal(dst []byte, word string) []byte {
	for i := 0; i < len(word); {
		b := word[i]
		if b < utf8.RuneSelf {
			switch {
			case 'A' <= b && b <= 'Z':
				b += 'a' - 'A'
			case '0' <= b && b <= '9':
				b = '0'
			}
			dst = append(dst, b)
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(word[i:])
		i += size
		switch {
		case r == '‘' || r == '’' || r == '‛':
			dst = append(dst, '\'')
		case r == '“' || r == '”' || r == '„':
			dst = append(dst, '"')
		case unicode.IsDigit(r):
			dst = append(dst, '0')
		default:
			dst = utf8.AppendRune(dst, unicode.ToLower(r))
		}
	}
	return dst
}
