package cluster

import (
	"bytes"
	"math"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// rng is splitmix64, so the synthetic corpora are the same on every run.
type rng uint64

func (r *rng) intn(n int) int {
	*r += 0x9e3779b97f4a7c15
	z := uint64(*r)
	z = (z ^ z>>30) * 0xbf58476d1ce4e5b9
	z = (z ^ z>>27) * 0x94d049bb133111eb
	z ^= z >> 31
	return int(z % uint64(n))
}

// The word classes of the toy grammar. Within a class the words are
// interchangeable in every context, so any sensible clustering groups them.
var (
	nouns   = []string{"cat", "dog", "horse", "cow", "goat", "mouse"}
	verbs   = []string{"ran", "walked", "jumped", "slept", "swam"}
	adjs    = []string{"big", "small", "brown", "old"}
	advs    = []string{"quickly", "slowly", "quietly"}
	preps   = []string{"near", "behind", "under"}
	determs = []string{"the", "a", "every"}
)

// toyCorpus returns n sentences of a small grammar: determiner, optional
// adjective, noun, verb, then an adverb or a prepositional phrase, then a
// full stop; some words come capitalised, as at the start of a sentence.
func toyCorpus(n int, seed uint64) [][]string {
	r := rng(seed)
	pick := func(ws []string) string { return ws[r.intn(len(ws))] }
	var out [][]string
	for range n {
		var s []string
		s = append(s, pick(determs))
		if r.intn(2) == 0 {
			s = append(s, pick(adjs))
		}
		s = append(s, pick(nouns), pick(verbs))
		if r.intn(2) == 0 {
			s = append(s, pick(advs))
		} else {
			s = append(s, pick(preps), pick(determs), pick(nouns))
		}
		s = append(s, ".")
		if r.intn(3) == 0 {
			s[0] = strings.ToUpper(s[0][:1]) + s[0][1:]
		}
		out = append(out, s)
	}
	return out
}

func sentencesOf(corpus [][]string) func(yield func([]string) bool) {
	return func(yield func([]string) bool) {
		for _, s := range corpus {
			if !yield(s) {
				return
			}
		}
	}
}

func pathOf(t *testing.T, c *Clusters, w string) string {
	t.Helper()
	p, n, ok := c.Lookup(w)
	if !ok {
		t.Fatalf("%q has no cluster", w)
	}
	return PathString(p, n)
}

func commonPrefix(a, b string) int {
	n := 0
	for n < len(a) && n < len(b) && a[n] == b[n] {
		n++
	}
	return n
}

// TestToyGrammarClasses checks that every word class of the toy grammar is
// a subtree of its own: the prefix its words share is shared with no word
// of another class, so some prefix length tells the class exactly.
func TestToyGrammarClasses(t *testing.T) {
	classes := [][]string{nouns, verbs, adjs, advs, preps, determs}
	for _, seed := range []uint64{1, 2, 3} {
		c, err := Train(sentencesOf(toyCorpus(3000, seed)), Options{Clusters: 8, MinCount: 1, Seed: seed})
		if err != nil {
			t.Fatal(err)
		}
		for i, class := range classes {
			shared := pathOf(t, c, class[0])
			for _, w := range class[1:] {
				shared = shared[:commonPrefix(shared, pathOf(t, c, w))]
			}
			for j, other := range classes {
				if j == i {
					continue
				}
				for _, w := range other {
					if strings.HasPrefix(pathOf(t, c, w), shared) {
						t.Errorf("seed %d: %q (path %s) falls under %v's prefix %q",
							seed, w, pathOf(t, c, w), class, shared)
					}
				}
			}
		}
		// Nouns and verbs never share a context, so their paths part
		// early; two nouns agree at least as far as a noun and a verb.
		if a, b := commonPrefix(pathOf(t, c, "cat"), pathOf(t, c, "horse")),
			commonPrefix(pathOf(t, c, "cat"), pathOf(t, c, "ran")); a <= b {
			t.Errorf("seed %d: cat and horse share %d bits, cat and ran %d", seed, a, b)
		}
		if t.Failed() {
			for w, p := range c.All() {
				t.Logf("%s\t%s", p, w)
			}
			return
		}
	}
}

// TestDeterministic trains twice on the same input and seed and wants the
// same bytes: the clusters file is a build artefact that must not churn. The
// second time the sentences come in reverse order, which must not matter
// either, since only the bigram counts do.
func TestDeterministic(t *testing.T) {
	corpus := toyCorpus(2000, 7)
	var files [2][]byte
	for i := range files {
		c, err := Train(sentencesOf(corpus), Options{Clusters: 10, MinCount: 1, Seed: 42})
		if err != nil {
			t.Fatal(err)
		}
		var b bytes.Buffer
		if _, err := c.WriteTo(&b); err != nil {
			t.Fatal(err)
		}
		files[i] = b.Bytes()
		slices.Reverse(corpus)
	}
	if !bytes.Equal(files[0], files[1]) {
		t.Fatal("two trainings on the same sentences and seed gave different bytes")
	}
}

func TestRoundTrip(t *testing.T) {
	c, err := Train(sentencesOf(toyCorpus(2000, 5)), Options{Clusters: 6, MinCount: 1})
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	n, err := c.WriteTo(&b)
	if err != nil || n != int64(b.Len()) {
		t.Fatalf("WriteTo = %d, %v; wrote %d bytes", n, err, b.Len())
	}
	file := slices.Clone(b.Bytes())
	// Two files back to back and more data after them: Read must take
	// exactly one file's bytes each time.
	b.Write(file)
	b.WriteString("tail")
	for range 2 {
		got, err := Read(&b)
		if err != nil {
			t.Fatal(err)
		}
		if got.Len() != c.Len() || got.NumClusters() != c.NumClusters() {
			t.Fatalf("read %d words in %d clusters, want %d in %d", got.Len(), got.NumClusters(), c.Len(), c.NumClusters())
		}
		for w := range c.words {
			p1, n1, _ := c.Lookup(w)
			p2, n2, ok := got.Lookup(w)
			if !ok || p1 != p2 || n1 != n2 {
				t.Errorf("%q: path %s after reading, want %s", w, PathString(p2, n2), PathString(p1, n1))
			}
		}
		var again bytes.Buffer
		got.WriteTo(&again)
		if !bytes.Equal(again.Bytes(), file) {
			t.Error("writing what was read gives other bytes")
		}
	}
	if b.String() != "tail" {
		t.Errorf("Read left %q, want the tail only", b.String())
	}

	// Damage anywhere is an error, never wrong clusters.
	for _, i := range []int{0, len(fileMagic) + 2, len(fileMagic) + 6, len(file) / 2, len(file) - 1} {
		bad := slices.Clone(file)
		bad[i] ^= 0x10
		if _, err := Read(bytes.NewReader(bad)); err == nil {
			t.Errorf("a flipped bit at byte %d of %d went unnoticed", i, len(file))
		}
	}
	if _, err := Read(bytes.NewReader(file[:len(file)-3])); err == nil {
		t.Error("a truncated file went unnoticed")
	}
}

func TestLookupNormalises(t *testing.T) {
	corpus := [][]string{}
	for range 50 {
		corpus = append(corpus,
			[]string{"In", "1987", "it", "rose", "3.5", "%", "."},
			[]string{"It", "didn’t", "say", "“", "yes", "”", "."},
			[]string{"it", "didn't", "say", "\"", "no", "\"", "."})
	}
	c, err := Train(sentencesOf(corpus), Options{Clusters: 4, MinCount: 1})
	if err != nil {
		t.Fatal(err)
	}
	same := [][]string{
		{"it", "It", "IT"},
		{"1987", "2022", "0000"},
		{"3.5", "9.9"},
		{"didn’t", "didn't", "DIDN'T"},
		{"“", "\"", "”"},
	}
	for _, group := range same {
		p0, n0, ok := c.Lookup(group[0])
		if !ok {
			t.Errorf("%q has no cluster", group[0])
			continue
		}
		for _, w := range group[1:] {
			if p, n, ok := c.Lookup(w); !ok || p != p0 || n != n0 {
				t.Errorf("%q is not looked up as %q", w, group[0])
			}
		}
	}
	if _, _, ok := c.Lookup("zebra"); ok {
		t.Error("an unseen word has a cluster")
	}
	if got := Normalize("Kyiv’s 24 Février"); got != "kyiv's 00 février" {
		t.Errorf("Normalize = %q", got)
	}
	var none *Clusters
	if _, _, ok := none.Lookup("it"); ok || none.Len() != 0 {
		t.Error("the nil Clusters knows a word")
	}

	words := []string{"It", "rose", "1987", "didn’t", "Unknown"}
	if allocs := testing.AllocsPerRun(100, func() {
		for _, w := range words {
			c.Prefix(w, 4)
		}
	}); allocs != 0 {
		t.Errorf("Lookup allocates %.1f times a call", allocs/float64(len(words)))
	}
}

func TestPathPrefix(t *testing.T) {
	path, n := uint64(0b0110_1), uint8(5)
	for _, tc := range []struct {
		bits int
		want uint32
	}{
		{0, 0b1},
		{2, 0b1_01},
		{4, 0b1_0110},
		{5, 0b1_01101},
		{20, 0b1_01101}, // shorter paths give all they have
		{-1, 0b1},
	} {
		if got := PathPrefix(path, n, tc.bits); got != tc.want {
			t.Errorf("PathPrefix(%s, %d) = %b, want %b", PathString(path, n), tc.bits, got, tc.want)
		}
	}
	if PathPrefix(0, 3, 3) == PathPrefix(0, 4, 4) {
		t.Error("prefixes 000 and 0000 collide")
	}
	long := ^uint64(0)
	if got := PathPrefix(long, 64, 40); got != 1<<31|(1<<31-1) {
		t.Errorf("a 40-bit prefix of 64 ones = %b, want 31 ones under the marker", got)
	}
}

// babble returns sentences of words drawn at random from a small
// vocabulary, so that every kind of bigram occurs, a word after itself too.
func babble(n int, seed uint64) [][]string {
	r := rng(seed)
	var out [][]string
	for range n {
		s := make([]string, 1+r.intn(8))
		for i := range s {
			// A skewed draw, so counts range from a few to hundreds.
			s[i] = "w" + strconv.Itoa(r.intn(1+r.intn(25)))
		}
		out = append(out, s)
	}
	return out
}

// TestGainMatchesObjective checks gainOf, the exchange step's shortcut,
// against the objective recomputed from the counts after each possible
// move, and move against a recount of the counts.
func TestGainMatchesObjective(t *testing.T) {
	c := readTokens(sentencesOf(babble(400, 3)))
	g := newBigrams(c, c.vocabulary(2))
	e := newExchange(g, 6, 1)
	for w := 0; w < g.v; w++ {
		from := e.cls[w]
		e.gather(w)
		e.move(from, -1)
		base := e.objective()
		for k := range e.c {
			want := -base
			e.move(int32(k), 1)
			want += e.objective()
			e.move(int32(k), -1)
			if got := e.gainOf(k); math.Abs(got-want) > 1e-6*(1+math.Abs(want)) {
				t.Errorf("word %d to cluster %d: gainOf %g, objective changes by %g", w, k, got, want)
			}
		}
		e.move(from, 1)
		e.release()
	}
	if !hasSelfBigram(g) {
		t.Fatal("the test corpus has no w·w bigram to check")
	}

	prev := e.objective()
	for range 4 {
		e.pass()
		if now := e.objective(); now < prev-1e-9*math.Abs(prev) {
			t.Errorf("a pass lowered F from %g to %g", prev, now)
		} else {
			prev = now
		}
	}
	// Passes move few words late on; move every word once more, by
	// force, so that each one's bigrams leave one cluster and join another.
	for w := 0; w < g.v; w++ {
		from, to := e.cls[w], (e.cls[w]+1)%int32(e.c)
		e.gather(w)
		e.move(from, -1)
		e.move(to, 1)
		e.release()
		e.cls[w] = to
	}
	fresh := newExchange(g, 6, 1)
	copy(fresh.cls, e.cls)
	clear(fresh.n)
	clear(fresh.nt)
	clear(fresh.nl)
	clear(fresh.nr)
	for p := range g.pairA {
		a, b, cnt := fresh.cls[g.pairA[p]], fresh.cls[g.pairB[p]], g.pairN[p]
		fresh.n[int(a)*fresh.k+int(b)] += cnt
		fresh.nt[int(b)*fresh.k+int(a)] += cnt
		fresh.nl[a] += int64(cnt)
		fresh.nr[b] += int64(cnt)
	}
	if !slices.Equal(fresh.n, e.n) || !slices.Equal(fresh.nt, e.nt) ||
		!slices.Equal(fresh.nl, e.nl) || !slices.Equal(fresh.nr, e.nr) {
		t.Error("the class counts kept by the passes differ from a recount")
	}
}

func hasSelfBigram(g *bigrams) bool {
	for p := range g.pairA {
		if g.pairA[p] == g.pairB[p] && int(g.pairA[p]) < g.v {
			return true
		}
	}
	return false
}

// TestTreeMatchesNaiveMerging compares buildTree, which updates merge
// losses incrementally, with merging that recomputes every loss from the
// merged counts each time, on random count matrices.
func TestTreeMatchesNaiveMerging(t *testing.T) {
	r := rng(99)
	for trial := range 20 {
		c := 3 + r.intn(10)
		k := c + 2
		n := make([]int64, k*k)
		for i := range n {
			if r.intn(3) > 0 {
				n[i] = int64(r.intn(200))
			}
		}
		paths, lens, leafOf := buildTree(slices.Clone(n), k, c)
		want := naiveMerges(n, k, c)
		// Compare the trees as the set of clusters under every inner
		// node: a tree's leaves, grouped by each path prefix.
		if got := groupsOf(paths, lens, leafOf, c); !slices.Equal(got, want) {
			t.Errorf("trial %d: buildTree groups %v, naive merging %v", trial, got, want)
		}
	}
}

// naiveMerges merges greedily by the definition of F, recomputing it for
// every candidate pair, and returns the merged groups as sorted strings.
func naiveMerges(n []int64, k, c int) []string {
	n = slices.Clone(n)
	t := xlogxTable()
	f := func(m []int64) float64 {
		var s float64
		l, r := make([]int64, k), make([]int64, k)
		for i := range k {
			for j := range k {
				s += xlogx(t, m[i*k+j])
				l[i] += m[i*k+j]
				r[j] += m[i*k+j]
			}
		}
		for i := range k {
			s -= xlogx(t, l[i]) + xlogx(t, r[i])
		}
		return s
	}
	merge := func(m []int64, s, u int) []int64 {
		m = slices.Clone(m)
		for d := range k {
			m[s*k+d] += m[u*k+d]
		}
		for d := range k {
			m[d*k+s] += m[d*k+u]
		}
		for d := range k {
			m[u*k+d], m[d*k+u] = 0, 0
		}
		return m
	}
	members := make([][]int, c)
	alive := make([]int, c)
	for i := range c {
		members[i] = []int{i}
		alive[i] = i
	}
	var groups []string
	for len(alive) > 1 {
		base := f(n)
		bs, bu, best := -1, -1, math.Inf(-1)
		for ai, s := range alive {
			for _, u := range alive[ai+1:] {
				if d := f(merge(n, s, u)) - base; d > best+1e-9 {
					bs, bu, best = s, u, d
				}
			}
		}
		n = merge(n, bs, bu)
		members[bs] = append(members[bs], members[bu]...)
		slices.Sort(members[bs])
		groups = append(groups, fmtInts(members[bs]))
		alive = slices.DeleteFunc(alive, func(i int) bool { return i == bu })
	}
	slices.Sort(groups)
	return groups
}

func fmtInts(xs []int) string {
	s := make([]string, len(xs))
	for i, x := range xs {
		s[i] = strconv.Itoa(x)
	}
	return strings.Join(s, ",")
}

// groupsOf lists, for every inner node of the tree given by the leaves'
// paths, the clusters under it, as sorted strings like naiveMerges.
func groupsOf(paths []uint64, lens []uint8, leafOf []uint32, c int) []string {
	under := map[string][]int{}
	for cl := range c {
		leaf := leafOf[cl]
		s := PathString(paths[leaf], lens[leaf])
		for l := 0; l < len(s); l++ {
			under[s[:l]] = append(under[s[:l]], cl)
		}
	}
	var groups []string
	for _, members := range under {
		slices.Sort(members)
		groups = append(groups, fmtInts(members))
	}
	slices.Sort(groups)
	return groups
}

// BenchmarkLookup measures the per-token cost the parser pays: a
// normalisation into a stack buffer and one map lookup.
func BenchmarkLookup(b *testing.B) {
	c, err := Train(sentencesOf(toyCorpus(2000, 1)), Options{Clusters: 8, MinCount: 1})
	if err != nil {
		b.Fatal(err)
	}
	words := []string{"The", "horse", "JUMPED", "quickly", "behind", "Ukraine", "1,500", "."}
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		c.Lookup(words[i%len(words)])
	}
}
