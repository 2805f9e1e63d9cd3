package syntax

import "math/rand/v2"

// The parser is greedy arc-eager (Nivre 2003): a stack of words that wait
// for their dependents on the right, a buffer of words still to read, and
// four moves. SHIFT pushes the next word; LEFT-l makes the next word the head
// of the stack's top and pops it; RIGHT-l makes the stack's top the head of
// the next word and pushes it; REDUCE pops a word that has its head. The
// root (word 0) starts on the stack and takes exactly one dependent.
const (
	moveShift = iota
	moveReduce
	moveLeft // moveLeft + label
)

// parser scores moves with an averaged perceptron; a move's class is
// moveShift, moveReduce, moveLeft+label, moveLeft+labels+label (RIGHT) or
// moveLeft+2*labels (ROOT).
type parser struct {
	labels []string
	w      *weights
}

func (p *parser) classes() int { return 3 + 2*len(p.labels) }

// config is the parser state over one sentence of n words (1..n; n+1 is
// the root, 0 unused). Slices are indexed by word and reused.
type config struct {
	n      int
	stack  []int
	b      int
	heads  []int
	labels []int
	// the two leftmost and two rightmost dependents attached so far, the
	// number on each side, and the set of their labels as a bit mask
	left1, left2, right1, right2 []int
	nleft, nright                []int
	lset, rset                   []uint64
}

func (c *config) reset(n int) {
	c.n = n
	c.stack = c.stack[:0]
	c.b = 1
	grow := func(s []int) []int {
		if cap(s) < n+2 {
			s = make([]int, n+2)
		}
		s = s[:n+2]
		for i := range s {
			s[i] = -1
		}
		return s
	}
	c.heads, c.labels = grow(c.heads), grow(c.labels)
	c.left1, c.left2, c.right1, c.right2 = grow(c.left1), grow(c.left2), grow(c.right1), grow(c.right2)
	c.nleft, c.nright = grow(c.nleft), grow(c.nright)
	if cap(c.lset) < n+2 {
		c.lset, c.rset = make([]uint64, n+2), make([]uint64, n+2)
	}
	c.lset, c.rset = c.lset[:n+2], c.rset[:n+2]
	for i := 0; i <= n+1; i++ {
		c.nleft[i], c.nright[i], c.lset[i], c.rset[i] = 0, 0, 0, 0
	}
}

// s0 is the stack's top, or -1 when the stack is empty.
func (c *config) s0() int {
	if len(c.stack) == 0 {
		return -1
	}
	return c.stack[len(c.stack)-1]
}

// done reports whether the parse is over: the root is next and the stack
// is empty.
func (c *config) done() bool { return c.b > c.n && len(c.stack) == 0 }

// The moves' preconditions. The root is never pushed and never a
// dependent; ROOT is the only arc it heads.
func (c *config) canShift() bool { return c.b <= c.n }
func (c *config) canReduce() bool {
	s := c.s0()
	return s > 0 && c.heads[s] >= 0
}
func (c *config) canLeft() bool {
	s := c.s0()
	return c.b <= c.n && s > 0 && c.heads[s] < 0
}
func (c *config) canRight() bool { return c.b <= c.n && len(c.stack) > 0 }
func (c *config) canRoot() bool {
	s := c.s0()
	return c.b > c.n && s > 0 && c.heads[s] < 0
}

func (c *config) attach(h, d, l int) {
	c.heads[d], c.labels[d] = h, l
	if d < h {
		c.nleft[h]++
		c.lset[h] |= 1 << (uint(l) & 63)
		switch {
		case c.left1[h] < 0 || d < c.left1[h]:
			c.left2[h], c.left1[h] = c.left1[h], d
		case c.left2[h] < 0 || d < c.left2[h]:
			c.left2[h] = d
		}
	} else {
		c.nright[h]++
		c.rset[h] |= 1 << (uint(l) & 63)
		switch {
		case d > c.right1[h]:
			c.right2[h], c.right1[h] = c.right1[h], d
		case d > c.right2[h]:
			c.right2[h] = d
		}
	}
}

// apply makes a move given as a class.
func (c *config) apply(class, nlabels int) {
	switch {
	case class == moveShift:
		c.stack = append(c.stack, c.b)
		c.b++
	case class == moveReduce:
		c.stack = c.stack[:len(c.stack)-1]
	case class < moveLeft+nlabels:
		s := c.s0()
		c.attach(c.b, s, class-moveLeft)
		c.stack = c.stack[:len(c.stack)-1]
	case class < moveLeft+2*nlabels:
		c.attach(c.s0(), c.b, class-moveLeft-nlabels)
		c.stack = append(c.stack, c.b)
		c.b++
	default:
		c.attach(c.n+1, c.s0(), -1)
		c.stack = c.stack[:len(c.stack)-1]
	}
}

// finish turns the root word (n+1) into head 0 and keeps one root: the
// leftmost word the root took is the sentence's root, and the others depend on
// it (punctuation as punct, the rest as parataxis). A word the parse left
// without a head (the root's own, as when ROOT was never chosen) is
// treated the same way.
func (c *config) finish(tags []int, isPunct func(int) bool, punct, parataxis int) {
	root := -1
	for i := 1; i <= c.n && root < 0; i++ {
		if c.heads[i] == c.n+1 {
			root = i
		}
	}
	if root < 0 {
		for i := 1; i <= c.n; i++ {
			if c.heads[i] < 0 {
				root = i
				break
			}
		}
	}
	for i := 1; i <= c.n; i++ {
		switch {
		case i == root:
			c.heads[i], c.labels[i] = 0, -1
		case c.heads[i] < 0 || c.heads[i] == c.n+1:
			c.heads[i] = root
			if isPunct(tags[i-1]) {
				c.labels[i] = punct
			} else {
				c.labels[i] = parataxis
			}
		}
	}
}

// Parser feature templates (after Zhang and Nivre 2011).
const (
	pS0wp = iota + 100
	pS0w
	pS0p
	pN0wp
	pN0w
	pN0p
	pN1wp
	pN1w
	pN1p
	pN2wp
	pN2w
	pN2p
	pS0wpN0wp
	pS0wpN0w
	pS0wN0wp
	pS0wpN0p
	pS0pN0wp
	pS0wN0w
	pS0pN0p
	pN0pN1p
	pN0pN1pN2p
	pS0pN0pN1p
	pS0hpS0pN0p
	pS0pS0lpN0p
	pS0pS0rpN0p
	pS0pN0pN0lp
	pS0wd
	pS0pd
	pN0wd
	pN0pd
	pS0wN0wd
	pS0pN0pd
	pS0wvr
	pS0pvr
	pS0wvl
	pS0pvl
	pN0wvl
	pN0pvl
	pS0hw
	pS0hp
	pS0l
	pS0lw
	pS0lp
	pS0ll
	pS0rw
	pS0rp
	pS0rl
	pN0lw
	pN0lp
	pN0ll
	pS0h2w
	pS0h2p
	pS0hl
	pS0l2w
	pS0l2p
	pS0l2l
	pS0r2w
	pS0r2p
	pS0r2l
	pN0l2w
	pN0l2p
	pN0l2l
	pS0pS0lpS0l2p
	pS0pS0rpS0r2p
	pS0pS0hpS0h2p
	pN0pN0lpN0l2p
	pS0wsr
	pS0psr
	pS0wsl
	pS0psl
	pN0wsl
	pN0psl
	pS1wp
	pS1p
	pS1pS0pN0p
	pN0sufN0p
	pS0sufS0p
	pN1pN0wp
	pS0pS0rlN0p
	pRootTaken
	pS0c
	pN0c
	pN1c
	pS0cN0c
	pS0cN0p
	pS0pN0c
	pN0cN1c
	pS0hc
	pS0lcN0c
)

// sentenceView is what features read of the sentence: per word (1..n) its
// lower-cased form hash, tag class and suffix hash; index 0 is the root.
type sentenceView struct {
	word, tag, suf []uint64
	// cl and cl6 are the word's cluster path, whole and cut at 6 bits
	cl, cl6 []uint64
}

// parseFeatures appends the features of configuration c.
func parseFeatures(dst []feature, c *config, v *sentenceView) []feature {
	const nilv = 1
	w := func(i int) uint64 {
		if i < 0 || i > c.n+1 {
			return nilv
		}
		return v.word[i]
	}
	p := func(i int) uint64 {
		if i < 0 || i > c.n+1 {
			return nilv
		}
		return v.tag[i]
	}
	lab := func(i int) uint64 {
		if i < 0 || i > c.n+1 {
			return nilv
		}
		return uint64(c.labels[i] + 2)
	}
	s0 := c.s0()
	s1 := -1
	if len(c.stack) > 1 {
		s1 = c.stack[len(c.stack)-2]
	}
	n0, n1, n2 := -1, -1, -1
	if c.b <= c.n+1 {
		n0 = c.b
	}
	if c.b+1 <= c.n+1 {
		n1 = c.b + 1
	}
	if c.b+2 <= c.n+1 {
		n2 = c.b + 2
	}
	s0h, s0h2 := -1, -1
	if s0 >= 0 {
		s0h = c.heads[s0]
		if s0h >= 0 {
			s0h2 = c.heads[s0h]
		}
	}
	child := func(s []int, i int) int {
		if i < 0 {
			return -1
		}
		return s[i]
	}
	s0l, s0l2, s0r, s0r2 := child(c.left1, s0), child(c.left2, s0), child(c.right1, s0), child(c.right2, s0)
	n0l, n0l2 := child(c.left1, n0), child(c.left2, n0)
	d := uint64(0)
	if n0 >= 0 && s0 >= 0 {
		d = uint64(min(n0-s0, 8))
		if d >= 5 {
			d = 5 + uint64(min(n0-s0, 15)/8)
		}
	}
	val := func(s []int, i int) uint64 {
		if i < 0 {
			return nilv
		}
		return uint64(s[i] + 2)
	}
	set := func(s []uint64, i int) uint64 {
		if i < 0 {
			return nilv
		}
		return s[i] + 2
	}
	cl := func(i int) uint64 {
		if i < 0 || i > c.n+1 {
			return nilv
		}
		return v.cl[i]
	}
	cl6 := func(i int) uint64 {
		if i < 0 || i > c.n+1 {
			return nilv
		}
		return v.cl6[i]
	}
	S0w, S0p, N0w, N0p := w(s0), p(s0), w(n0), p(n0)
	rt := uint64(0)
	if c.b > c.n {
		rt = 1 // the root is next
	}
	dst = append(dst,
		f2(pS0wp, S0w, S0p), f1(pS0w, S0w), f1(pS0p, S0p),
		f2(pN0wp, N0w, N0p), f1(pN0w, N0w), f1(pN0p, N0p),
		f2(pN1wp, w(n1), p(n1)), f1(pN1w, w(n1)), f1(pN1p, p(n1)),
		f2(pN2wp, w(n2), p(n2)), f1(pN2w, w(n2)), f1(pN2p, p(n2)),
		f3(pS0wpN0wp, S0w, S0p, mix(N0w, N0p)), f3(pS0wpN0w, S0w, S0p, N0w), f3(pS0wN0wp, S0w, N0w, N0p),
		f3(pS0wpN0p, S0w, S0p, N0p), f3(pS0pN0wp, S0p, N0w, N0p), f2(pS0wN0w, S0w, N0w), f2(pS0pN0p, S0p, N0p),
		f2(pN0pN1p, N0p, p(n1)),
		f3(pN0pN1pN2p, N0p, p(n1), p(n2)), f3(pS0pN0pN1p, S0p, N0p, p(n1)),
		f3(pS0hpS0pN0p, p(s0h), S0p, N0p), f3(pS0pS0lpN0p, S0p, p(s0l), N0p),
		f3(pS0pS0rpN0p, S0p, p(s0r), N0p), f3(pS0pN0pN0lp, S0p, N0p, p(n0l)),
		f2(pS0wd, S0w, d), f2(pS0pd, S0p, d), f2(pN0wd, N0w, d), f2(pN0pd, N0p, d),
		f3(pS0wN0wd, S0w, N0w, d), f3(pS0pN0pd, S0p, N0p, d),
		f2(pS0wvr, S0w, val(c.nright, s0)), f2(pS0pvr, S0p, val(c.nright, s0)),
		f2(pS0wvl, S0w, val(c.nleft, s0)), f2(pS0pvl, S0p, val(c.nleft, s0)),
		f2(pN0wvl, N0w, val(c.nleft, n0)), f2(pN0pvl, N0p, val(c.nleft, n0)),
		f1(pS0hw, w(s0h)), f1(pS0hp, p(s0h)), f1(pS0l, lab(s0)),
		f1(pS0lw, w(s0l)), f1(pS0lp, p(s0l)), f1(pS0ll, lab(s0l)),
		f1(pS0rw, w(s0r)), f1(pS0rp, p(s0r)), f1(pS0rl, lab(s0r)),
		f1(pN0lw, w(n0l)), f1(pN0lp, p(n0l)), f1(pN0ll, lab(n0l)),
		f1(pS0h2w, w(s0h2)), f1(pS0h2p, p(s0h2)), f1(pS0hl, lab(s0h)),
		f1(pS0l2w, w(s0l2)), f1(pS0l2p, p(s0l2)), f1(pS0l2l, lab(s0l2)),
		f1(pS0r2w, w(s0r2)), f1(pS0r2p, p(s0r2)), f1(pS0r2l, lab(s0r2)),
		f1(pN0l2w, w(n0l2)), f1(pN0l2p, p(n0l2)), f1(pN0l2l, lab(n0l2)),
		f3(pS0pS0lpS0l2p, S0p, p(s0l), p(s0l2)), f3(pS0pS0rpS0r2p, S0p, p(s0r), p(s0r2)),
		f3(pS0pS0hpS0h2p, S0p, p(s0h), p(s0h2)), f3(pN0pN0lpN0l2p, N0p, p(n0l), p(n0l2)),
		f2(pS0wsr, S0w, set(c.rset, s0)), f2(pS0psr, S0p, set(c.rset, s0)),
		f2(pS0wsl, S0w, set(c.lset, s0)), f2(pS0psl, S0p, set(c.lset, s0)),
		f2(pN0wsl, N0w, set(c.lset, n0)), f2(pN0psl, N0p, set(c.lset, n0)),
		f2(pS1wp, w(s1), p(s1)), f1(pS1p, p(s1)), f3(pS1pS0pN0p, p(s1), S0p, N0p),
		f3(pS0pS0rlN0p, S0p, lab(s0r), N0p),
		f2(pRootTaken, rt, mix(S0p, N0p)),
		f1(pS0c, cl(s0)), f1(pN0c, cl(n0)), f1(pN1c, cl(n1)), f2(pS0cN0c, cl6(s0), cl6(n0)),
		f2(pS0cN0p, cl(s0), N0p), f2(pS0pN0c, S0p, cl(n0)), f2(pN0cN1c, cl6(n0), cl6(n1)),
		f1(pS0hc, cl(s0h)), f2(pS0lcN0c, cl6(s0l), cl6(n0)),
	)
	if n0 >= 0 && n0 <= c.n {
		dst = append(dst, f2(pN0sufN0p, v.suf[n0], N0p), f3(pN1pN0wp, p(n1), N0w, N0p))
	}
	if s0 > 0 && s0 <= c.n {
		dst = append(dst, f2(pS0sufS0p, v.suf[s0], S0p))
	}
	return dst
}

// parse fills heads and labels (1..n) of the sentence in view.
func (p *parser) parse(c *config, v *sentenceView, n int, sc *scratch) {
	c.reset(n)
	nl := len(p.labels)
	scores := sc.parseScores
	for !c.done() {
		if mv, ok := c.forced(nl); ok {
			c.apply(mv, nl)
			continue
		}
		sc.feats = parseFeatures(sc.feats[:0], c, v)
		if c.canLeft() {
			p.w.score(sc.feats, scores)
		} else {
			p.w.scoreSkipping(sc.feats, scores, moveLeft, moveLeft+nl)
		}
		best, bestScore := -1, float32(0)
		scores := scores[:p.classes()]
		consider := func(from, to int) {
			for k := from; k < to; k++ {
				if best < 0 || scores[k] > bestScore {
					best, bestScore = k, scores[k]
				}
			}
		}
		if c.canShift() {
			consider(moveShift, moveShift+1)
		}
		if c.canReduce() {
			consider(moveReduce, moveReduce+1)
		}
		if c.canLeft() {
			consider(moveLeft, moveLeft+nl)
		}
		if c.canRight() {
			consider(moveLeft+nl, moveLeft+2*nl)
		}
		c.apply(best, nl)
	}
}

// forced gives the move when there is only one, which needs no scoring:
// SHIFT when the stack is empty, and once the root is next, REDUCE a word
// that has its head and ROOT one that has none. Both happen often (the
// stack empties whenever the words read so far all hang on words ahead).
func (c *config) forced(nl int) (int, bool) {
	switch {
	case len(c.stack) == 0 && c.b <= c.n:
		return moveShift, true
	case c.b <= c.n:
		return 0, false
	case c.canReduce():
		return moveReduce, true
	default:
		return moveLeft + 2*nl, true
	}
}

// oracle gives the cost of each valid move from c towards the gold tree
// (heads gh, labels gl): the number of gold arcs it makes unreachable
// (Goldberg and Nivre 2012). Invalid moves cost -1.
func oracle(c *config, gh, gl []int, nl int, costs []int) {
	for i := range costs {
		costs[i] = -1
	}
	s := c.s0()
	b := c.b
	inStack := func(k int) bool {
		for _, x := range c.stack {
			if x == k {
				return true
			}
		}
		return false
	}
	if c.canShift() {
		cost := 0
		for _, k := range c.stack {
			if gh[b] == k {
				cost++
			}
			if gh[k] == b && c.heads[k] < 0 {
				cost++
			}
		}
		costs[moveShift] = cost
	}
	if c.canReduce() {
		cost := 0
		for k := b; k <= c.n; k++ {
			if gh[k] == s {
				cost++
			}
		}
		costs[moveReduce] = cost
	}
	if c.canLeft() {
		cost := 0
		if gh[s] > b { // a head further on, the root included
			cost++
		}
		for k := b; k <= c.n; k++ {
			if gh[k] == s {
				cost++
			}
		}
		for l := 0; l < nl; l++ {
			costs[moveLeft+l] = cost
			if gh[s] == b && gl[s] != l {
				costs[moveLeft+l] = cost + 1
			}
		}
	}
	if c.canRight() {
		cost := 0
		if gh[b] != s && (gh[b] > b || inStack(gh[b])) {
			cost++
		}
		for _, k := range c.stack {
			if gh[k] == b && c.heads[k] < 0 {
				cost++
			}
		}
		for l := 0; l < nl; l++ {
			costs[moveLeft+nl+l] = cost
			if gh[b] == s && gl[b] != l {
				costs[moveLeft+nl+l] = cost + 1
			}
		}
	}
	if c.canRoot() {
		costs[moveLeft+2*nl] = 0
	}
}

// parseExample is one training sentence for the parser: its view (with
// predicted tags) and gold heads and labels indexed by word (0 unused, the
// root n+1).
type parseExample struct {
	view   sentenceView
	heads  []int
	labels []int
}

// trainParser learns the parser with a dynamic oracle: after the first
// epoch it follows its own prediction nine times in ten, so that it learns
// the best move from the states its mistakes lead to.
func trainParser(ex []parseExample, labels []string, epochs int, seed uint64, prune float64, progress func(epoch int)) *parser {
	p := &parser{labels: labels}
	nl := len(labels)
	tr := newTrainer(p.classes())
	rng := rand.New(rand.NewPCG(seed, 0xa5c))
	order := make([]int, len(ex))
	for i := range order {
		order[i] = i
	}
	scores := make([]float64, p.classes())
	costs := make([]int, p.classes())
	var feats []feature
	var c config
	for e := 0; e < epochs; e++ {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		for _, i := range order {
			x := &ex[i]
			n := len(x.heads) - 2
			c.reset(n)
			for !c.done() {
				// Training scores the empty-stack SHIFT too: it only counts
				// a step for averaging, but that keeps the models it gives
				// what they were when they were shipped.
				if mv, ok := c.forced(nl); ok && c.b > c.n {
					c.apply(mv, nl)
					continue
				}
				feats = parseFeatures(feats[:0], &c, &x.view)
				tr.score(feats, scores)
				oracle(&c, x.heads, x.labels, nl, costs)
				gold, pred := -1, -1
				for k, cost := range costs {
					if cost < 0 {
						continue
					}
					if pred < 0 || scores[k] > scores[pred] {
						pred = k
					}
					if cost == 0 && (gold < 0 || scores[k] > scores[gold]) {
						gold = k
					}
				}
				if gold < 0 {
					// No move keeps every gold arc reachable (a tree the
					// projectivisation missed): take the cheapest.
					for k, cost := range costs {
						if cost >= 0 && (gold < 0 || cost < costs[gold]) {
							gold = k
						}
					}
				}
				if costs[pred] > 0 {
					tr.update(feats, gold, pred)
				} else {
					tr.tick()
				}
				next := gold
				if costs[pred] == 0 || e > 0 && rng.Float64() < 0.9 {
					next = pred
				}
				c.apply(next, nl)
			}
		}
		if progress != nil {
			progress(e + 1)
		}
	}
	p.w = tr.freeze(prune)
	return p
}

// projectivize lifts each non-projective arc to the head's head until the
// tree is projective, which the arc-eager system needs to reach it: the
// lifted word keeps its label. heads is indexed by word, heads[0] unused.
func projectivize(heads []int) []int {
	h := append([]int(nil), heads...)
	n := len(h) - 1
	dominates := func(a, d int) bool {
		for steps := 0; d != 0 && steps <= n; steps++ {
			d = h[d]
			if d == a {
				return true
			}
		}
		return a == 0
	}
	for changed := true; changed; {
		changed = false
		for d := 1; d <= n; d++ {
			a := h[d]
			lo, hi := min(a, d), max(a, d)
			for k := lo + 1; k < hi; k++ {
				if !dominates(a, k) {
					h[d] = h[a]
					changed = true
					break
				}
			}
		}
	}
	return h
}
