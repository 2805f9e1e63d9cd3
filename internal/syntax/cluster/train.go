package cluster

import (
	"errors"
	"fmt"
	"math"
	"slices"
	"strings"
	"sync"
	"time"
)

// Options sets how Train clusters. A field left zero takes its default.
type Options struct {
	// Clusters is the number of leaf clusters (default 512). More clusters
	// give finer distinctions at the longer prefixes but cost time: each
	// exchange pass grows a little faster than linearly with them and the
	// merging with their cube. On the 3.4 million tokens of SharedSources
	// and one idle core, 256 clusters train in 4 seconds, 512 in 13 and
	// 1000 in 31 (twice that on a busy machine).
	Clusters int
	// MinCount is how often a word must occur to get a cluster (default
	// 2). Rarer words still serve as context for their neighbours, pooled
	// as one unknown word. A word seen once is placed by a single pair of
	// neighbours, which is weak evidence, and most such words are typing
	// errors; they cost little time, so 1 is a fair choice too.
	MinCount int
	// Iterations is the most passes the exchange step makes over the
	// vocabulary (default 20). It stops earlier once a pass improves the
	// log-likelihood by less than a hundred-thousandth, when only a few
	// hundred rare words still move; on the shared corpus that takes
	// about ten passes.
	Iterations int
	// Seed chooses the starting cluster of every word beyond the most
	// frequent Clusters words. The same sentences and seed always give the
	// same clusters; another seed gives another local optimum of about the
	// same quality.
	Seed uint64
	// Logf, when not nil, receives a line of progress per pass, with the
	// objective F (see exchange) and the seconds so far.
	Logf func(format string, args ...any)
}

func (o Options) withDefaults() Options {
	if o.Clusters == 0 {
		o.Clusters = 512
	}
	if o.MinCount == 0 {
		o.MinCount = 2
	}
	if o.Iterations == 0 {
		o.Iterations = 20
	}
	return o
}

// Train learns clusters from tokenised sentences, each a slice of tokens as
// they appear in the text (Train normalises them). sentences is iterated
// once; each slice is read during its yield only, so the caller may reuse it.
//
// Every word occurring at least MinCount times gets a cluster. The model is
// Brown's class bigram model, with a boundary symbol between sentences and
// the rarer words pooled into one unknown word that, like the boundary, is a
// context but never moves between clusters.
func Train(sentences func(yield func([]string) bool), opt Options) (*Clusters, error) {
	opt = opt.withDefaults()
	if opt.Clusters < 2 || opt.Clusters > 1<<15 {
		return nil, fmt.Errorf("cluster: %d clusters; want 2 to 32768", opt.Clusters)
	}
	if opt.MinCount < 1 || opt.Iterations < 1 {
		return nil, errors.New("cluster: MinCount and Iterations must be positive")
	}
	logf := opt.Logf
	if logf == nil {
		logf = func(string, ...any) {}
	}
	start := time.Now()
	c := readTokens(sentences)
	if c.tooMany {
		return nil, errors.New("cluster: more than 2^31 tokens")
	}
	vocab := c.vocabulary(opt.MinCount)
	if len(vocab) == 0 {
		return nil, fmt.Errorf("cluster: no word occurs %d times", opt.MinCount)
	}
	g := newBigrams(c, vocab)
	logf("cluster: %d tokens, %d types, %d words of %d+ occurrences, %d bigram types (%.1fs)",
		c.tokens, len(c.words), len(vocab), opt.MinCount, len(g.pairA), time.Since(start).Seconds())

	e := newExchange(g, min(opt.Clusters, len(vocab)), opt.Seed)
	obj := e.objective()
	for it := 1; it <= opt.Iterations; it++ {
		moved := e.pass()
		now := e.objective()
		logf("cluster: pass %d moved %d words, F %.6g (+%.3g) (%.1fs)",
			it, moved, now, now-obj, time.Since(start).Seconds())
		// |F| grows with the number of bigrams, so a gain relative to it
		// means about the same on a small corpus as on a large one.
		done := moved == 0 || now-obj < 1e-5*math.Abs(obj)
		obj = now
		if done {
			break
		}
	}

	paths, lens, leafOf := buildTree(e.classCounts(), e.k, e.c)
	cl := &Clusters{words: make(map[string]uint32, len(vocab)), paths: paths, lens: lens}
	for i, id := range vocab {
		cl.words[c.words[id]] = leafOf[e.cls[i]]
	}
	logf("cluster: %d words in %d clusters (%.1fs)", len(vocab), len(paths), time.Since(start).Seconds())
	return cl, nil
}

// corpus is the token stream after interning: every normalised type has an
// id, and the stream holds the ids with -1 between sentences.
type corpus struct {
	words   []string
	counts  []int64
	stream  []int32
	tokens  int
	tooMany bool
}

// readTokens interns the normalised tokens. The stream of 4-byte ids is all
// Train keeps of the text, so the corpus itself is never held in memory.
func readTokens(sentences func(yield func([]string) bool)) *corpus {
	c := &corpus{stream: []int32{-1}}
	ids := make(map[string]int32)
	var buf []byte
	for sent := range sentences {
		n := len(c.stream)
		for _, tok := range sent {
			buf = appendNormal(buf[:0], tok)
			if len(buf) == 0 {
				continue
			}
			id, ok := ids[string(buf)]
			if !ok {
				id = int32(len(c.words))
				w := string(buf)
				ids[w] = id
				c.words = append(c.words, w)
				c.counts = append(c.counts, 0)
			}
			c.counts[id]++
			c.stream = append(c.stream, id)
		}
		if len(c.stream) > n {
			c.stream = append(c.stream, -1)
		}
		if len(c.stream) >= math.MaxInt32 {
			c.tooMany = true
			return c
		}
	}
	for _, n := range c.counts {
		c.tokens += int(n)
	}
	return c
}

// vocabulary returns the ids of the words to cluster, most frequent first
// and ties in byte order. Symbols are numbered in this order, and the
// exchange step visits words in it, so the clusters depend on the bigram
// counts alone, not on the order in which the sentences arrived.
func (c *corpus) vocabulary(minCount int) []int32 {
	var v []int32
	for id, n := range c.counts {
		if n >= int64(minCount) {
			v = append(v, int32(id))
		}
	}
	slices.SortFunc(v, func(a, b int32) int {
		if c.counts[a] != c.counts[b] {
			if c.counts[a] > c.counts[b] {
				return -1
			}
			return 1
		}
		return strings.Compare(c.words[a], c.words[b])
	})
	return v
}

// bigrams holds the bigram counts over symbols: 0..V-1 the vocabulary in
// rank order, V the sentence boundary, V+1 the pooled rare words.
type bigrams struct {
	v int
	// pairA, pairB and pairN list each distinct bigram with its count,
	// sorted by (a, b).
	pairA, pairB, pairN []int32
	// The bigrams a·x of word a are the pairs rightStart[a] up to
	// rightStart[a+1]; the bigrams x·b of word b are the pairs listed in
	// leftPair[leftStart[b]:leftStart[b+1]]. Only words (a, b < V) have
	// lists: the fixed symbols never move, so nobody asks for theirs.
	rightStart, leftStart []int32
	leftPair              []int32
}

func newBigrams(c *corpus, vocab []int32) *bigrams {
	v := len(vocab)
	sym := make([]int32, len(c.words))
	for i := range sym {
		sym[i] = int32(v + 1)
	}
	for rank, id := range vocab {
		sym[id] = int32(rank)
	}
	symbol := func(id int32) uint64 {
		if id < 0 {
			return uint64(v)
		}
		return uint64(sym[id])
	}
	// Sorting packed pairs counts them without hashing, and leaves each
	// word's right neighbours as one run of the sorted list.
	keys := make([]uint64, len(c.stream)-1)
	for i := range keys {
		keys[i] = symbol(c.stream[i])<<32 | symbol(c.stream[i+1])
	}
	slices.Sort(keys)
	g := &bigrams{v: v}
	for i := 0; i < len(keys); {
		j := i + 1
		for j < len(keys) && keys[j] == keys[i] {
			j++
		}
		g.pairA = append(g.pairA, int32(keys[i]>>32))
		g.pairB = append(g.pairB, int32(uint32(keys[i])))
		g.pairN = append(g.pairN, int32(j-i))
		i = j
	}
	g.rightStart = make([]int32, v+1)
	g.leftStart = make([]int32, v+1)
	for p, a := range g.pairA {
		if int(a) < v {
			g.rightStart[a+1] = int32(p + 1)
		}
		if b := g.pairB[p]; int(b) < v {
			g.leftStart[b+1]++
		}
	}
	// The pairs are sorted by a, so a word's right bigrams are a run; a
	// word with none has an empty run that starts where the last ended.
	for a := 1; a <= v; a++ {
		g.rightStart[a] = max(g.rightStart[a], g.rightStart[a-1])
		g.leftStart[a] += g.leftStart[a-1]
	}
	g.leftPair = make([]int32, g.leftStart[v])
	fill := slices.Clone(g.leftStart[:v])
	for p, b := range g.pairB {
		if int(b) < v {
			g.leftPair[fill[b]] = int32(p)
			fill[b]++
		}
	}
	return g
}

// The exchange step works with xlogx, x·ln x, of integer counts; a table
// covers the small counts that make up nearly every call.
const tableSize = 1 << 16

var xlogxTable = sync.OnceValue(func() *[tableSize]float64 {
	var t [tableSize]float64
	for i := 1; i < tableSize; i++ {
		t[i] = float64(i) * math.Log(float64(i))
	}
	return &t
})

func xlogx(t *[tableSize]float64, x int64) float64 {
	if uint64(x) < tableSize {
		return t[x]
	}
	return xlogxSlow(x)
}

// xlogxSlow is apart, and not inlined, so that xlogx, called in the
// innermost loops, inlines.
//
//go:noinline
func xlogxSlow(x int64) float64 {
	f := float64(x)
	return f * math.Log(f)
}

// exchange is the state of the exchange algorithm: the cluster of every
// symbol and the class bigram counts, kept both ways round so that the
// column of a cluster is as cheap to scan as its row.
//
// The objective, the log-likelihood of the class bigram model up to terms
// that do not depend on the clustering, is
//
//	F = Σ_{c,d} N(c,d) ln N(c,d) − Σ_c L(c) ln L(c) − Σ_d R(d) ln R(d)
//
// with N(c,d) the count of a word of c followed by one of d and L and R its
// row and column sums.
type exchange struct {
	g *bigrams
	// c is the number of movable clusters; k = c+2 counts the boundary's
	// and the rare words' fixed clusters too.
	c, k  int
	cls   []int32 // cluster of every symbol
	size  []int32 // words per cluster
	n, nt []int32 // N and its transpose, k×k
	nl    []int64 // L
	nr    []int64 // R
	tab   *[tableSize]float64

	// Scratch for one word's move, filled by gather: its bigram counts
	// with each cluster on its right (r) and left (l), the clusters where
	// they are not zero, its count after itself, and its counts as the
	// first and the second word of a bigram (its shares of L and R).
	r, l         []int64
	nzr, nzl     []int32
	self, wl, wr int64
	gain         []float64
}

func newExchange(g *bigrams, c int, seed uint64) *exchange {
	k := c + 2
	e := &exchange{
		g: g, c: c, k: k,
		cls:  make([]int32, g.v+2),
		size: make([]int32, k),
		n:    make([]int32, k*k),
		nt:   make([]int32, k*k),
		nl:   make([]int64, k),
		nr:   make([]int64, k),
		tab:  xlogxTable(),
		r:    make([]int64, k),
		l:    make([]int64, k),
		gain: make([]float64, c),
	}
	// The most frequent words start alone, one to a cluster, so that each
	// cluster begins with a strong centre; the rest start at random.
	// splitmix64 rather than math/rand keeps the sequence fixed across Go
	// releases, and with it the output bytes.
	state := seed
	for w := 0; w < g.v; w++ {
		if w < c {
			e.cls[w] = int32(w)
		} else {
			state += 0x9e3779b97f4a7c15
			z := state
			z = (z ^ z>>30) * 0xbf58476d1ce4e5b9
			z = (z ^ z>>27) * 0x94d049bb133111eb
			z ^= z >> 31
			e.cls[w] = int32(z % uint64(c))
		}
		e.size[e.cls[w]]++
	}
	e.cls[g.v] = int32(c)
	e.cls[g.v+1] = int32(c + 1)
	for p := range g.pairA {
		a, b := e.cls[g.pairA[p]], e.cls[g.pairB[p]]
		cnt := g.pairN[p]
		e.n[int(a)*k+int(b)] += cnt
		e.nt[int(b)*k+int(a)] += cnt
		e.nl[a] += int64(cnt)
		e.nr[b] += int64(cnt)
	}
	return e
}

// objective returns F.
func (e *exchange) objective() float64 {
	var f float64
	for _, x := range e.n {
		f += xlogx(e.tab, int64(x))
	}
	for i := 0; i < e.k; i++ {
		f -= xlogx(e.tab, e.nl[i]) + xlogx(e.tab, e.nr[i])
	}
	return f
}

// pass visits every word once, most frequent first, and moves it to the
// cluster that most raises F. It returns how many words moved.
func (e *exchange) pass() int {
	moved := 0
	for w := 0; w < e.g.v; w++ {
		from := e.cls[w]
		if e.size[from] == 1 {
			// Emptying a cluster would waste it for good: nothing
			// moves into an empty cluster, which has no context.
			continue
		}
		e.gather(w)
		e.move(from, -1)
		best, bestGain := int32(-1), 0.0
		for c := 0; c < e.c; c++ {
			e.gain[c] = e.gainOf(c)
			if best < 0 || e.gain[c] > bestGain {
				best, bestGain = int32(c), e.gain[c]
			}
		}
		// Only a real gain justifies a move: rounding could otherwise
		// swap a word between two equally good clusters forever.
		if best != from && bestGain-e.gain[from] <= 1e-9*(math.Abs(bestGain)+1) {
			best = from
		}
		e.move(best, 1)
		if best != from {
			e.cls[w] = best
			e.size[from]--
			e.size[best]++
			moved++
		}
		e.release()
	}
	return moved
}

// gather sums w's bigrams by the cluster of the other word into r and l.
// The bigram w·w is kept apart, in self: it lands on the diagonal of
// whichever cluster w joins.
func (e *exchange) gather(w int) {
	g := e.g
	var left, right int64
	e.self = 0
	for p := g.rightStart[w]; p < g.rightStart[w+1]; p++ {
		x, cnt := g.pairB[p], int64(g.pairN[p])
		if int(x) == w {
			e.self = cnt
			continue
		}
		d := e.cls[x]
		if e.r[d] == 0 {
			e.nzr = append(e.nzr, d)
		}
		e.r[d] += cnt
		right += cnt
	}
	for q := g.leftStart[w]; q < g.leftStart[w+1]; q++ {
		p := g.leftPair[q]
		x, cnt := g.pairA[p], int64(g.pairN[p])
		if int(x) == w {
			continue
		}
		d := e.cls[x]
		if e.l[d] == 0 {
			e.nzl = append(e.nzl, d)
		}
		e.l[d] += cnt
		left += cnt
	}
	e.wl, e.wr = right+e.self, left+e.self
}

// release clears what gather filled, touching only the entries it set.
func (e *exchange) release() {
	for _, d := range e.nzr {
		e.r[d] = 0
	}
	for _, d := range e.nzl {
		e.l[d] = 0
	}
	e.nzr, e.nzl = e.nzr[:0], e.nzl[:0]
}

// move adds (sign 1) or removes (sign −1) the gathered word to cluster c.
func (e *exchange) move(c int32, sign int64) {
	k := int32(e.k)
	for _, d := range e.nzr {
		x := int32(sign * e.r[d])
		e.n[c*k+d] += x
		e.nt[d*k+c] += x
	}
	for _, d := range e.nzl {
		x := int32(sign * e.l[d])
		e.n[d*k+c] += x
		e.nt[c*k+d] += x
	}
	e.n[c*k+c] += int32(sign * e.self)
	e.nt[c*k+c] += int32(sign * e.self)
	e.nl[c] += sign * e.wl
	e.nr[c] += sign * e.wr
}

// gainOf returns the change in F from adding the gathered word to cluster
// c. Only the clusters next to the word change their counts with c, so the
// cost is the number of distinct neighbouring clusters, not k.
func (e *exchange) gainOf(c int) float64 {
	t := e.tab
	row := e.n[c*e.k : c*e.k+e.k]
	col := e.nt[c*e.k : c*e.k+e.k]
	var sum float64
	for _, d := range e.nzr {
		x := int64(row[d])
		sum += xlogx(t, x+e.r[d]) - xlogx(t, x)
	}
	for _, d := range e.nzl {
		x := int64(col[d])
		sum += xlogx(t, x+e.l[d]) - xlogx(t, x)
	}
	// The loops treated N(c,c) as if only one side moved; the diagonal
	// takes the right count, the left count and w·w at once.
	x, r, l := int64(row[c]), e.r[c], e.l[c]
	sum += xlogx(t, x+r+l+e.self) - xlogx(t, x+r) - xlogx(t, x+l) + xlogx(t, x)
	sum -= xlogx(t, e.nl[c]+e.wl) - xlogx(t, e.nl[c])
	sum -= xlogx(t, e.nr[c]+e.wr) - xlogx(t, e.nr[c])
	return sum
}

// classCounts returns N as int64, for the merging.
func (e *exchange) classCounts() []int64 {
	n := make([]int64, len(e.n))
	for i, x := range e.n {
		n[i] = int64(x)
	}
	return n
}
