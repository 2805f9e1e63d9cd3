package syntax

import (
	"github.com/sitrep-project/sitrep/internal/syntax/cluster"
	"math/rand/v2"
	"unicode"
	"unicode/utf8"
)

// tagClass is one tagger output: a universal and a Penn tag together, since
// each disambiguates the other (AUX and VERB share VB*; PROPN and NOUN share
// NN for some words).
type tagClass struct{ UPOS, XPOS string }

// tagger is an averaged-perceptron tagger reading left to right.
type tagger struct {
	classes []tagClass
	w       *weights
	// sure maps a lower-cased word seen often and always with one tag to
	// that tag, which is given without scoring (most function words).
	sure map[uint64]uint8
	// clusters are the distributional word clusters features read (nil
	// for none).
	clusters *cluster.Clusters
	// finite marks the classes of finite verbs and modals.
	finite []bool
	// usual maps a lower-cased word seen in training to its most frequent
	// tag: the "ambiguity class" of the words ahead, which the left-to-right
	// tagger has not tagged yet.
	usual map[uint64]uint8
}

// wordInfo is what the tagger and parser read of one token, hashed once.
type wordInfo struct {
	form, lower uint64
	pre         [3]uint64
	suf         [4]uint64
	shape       uint64
	flags       uint64
	// clusters are the word's distributional cluster path cut at 4, 6 and
	// 10 bits and whole (none when the word was not clustered).
	clusters [4]uint64
}

const (
	flagDigit = 1 << iota
	flagHyphen
	flagUpper
	flagTitle
	flagFirst
	flagPunct
)

// describe hashes what the features read of a word.
func describe(form string, first bool, cl *cluster.Clusters) wordInfo {
	var wi wordInfo
	if path, n, ok := cl.Lookup(form); ok {
		for i, bits := range clusterBits {
			wi.clusters[i] = uint64(cluster.PathPrefix(path, n, bits)) + uint64(i)<<40
		}
	} else {
		for i := range wi.clusters {
			wi.clusters[i] = none
		}
	}
	wi.form = hashString(form, false)
	wi.lower = hashString(form, true)
	// Affixes of the lower-cased word, by bytes counted from the end in
	// whole runes so that accented words give valid affixes.
	n := len(form)
	for k := 1; k <= 4; k++ {
		cut := n
		for r := 0; r < k && cut > 0; r++ {
			_, sz := utf8.DecodeLastRuneInString(form[:cut])
			cut -= sz
		}
		wi.suf[k-1] = hashString(form[cut:], true) + uint64(k)
	}
	for k := 1; k <= 3; k++ {
		cut, r := 0, 0
		for ; r < k && cut < n; r++ {
			_, sz := utf8.DecodeRuneInString(form[cut:])
			cut += sz
		}
		wi.pre[k-1] = hashString(form[:cut], true) + uint64(k)
	}
	// The shape maps letters to x or X and digits to d, collapsing runs of
	// the same class beyond two ("Xxxxx" -> "Xxx", "1,000" -> "dd,ddd" ->
	// "dd,dd").
	h := uint64(14695981039346656037)
	var last rune
	run := 0
	upper, lower, letters := 0, 0, 0
	for _, r := range form {
		c := r
		switch {
		case unicode.IsUpper(r):
			c = 'X'
			upper++
			letters++
		case unicode.IsLetter(r):
			c = 'x'
			lower++
			letters++
		case unicode.IsDigit(r):
			c = 'd'
			wi.flags |= flagDigit
		case r == '-':
			wi.flags |= flagHyphen
		}
		if c == last {
			run++
			if run > 2 {
				continue
			}
		} else {
			run = 1
			last = c
		}
		h ^= uint64(c)
		h *= 1099511628211
	}
	wi.shape = h
	if letters > 0 && upper == letters {
		wi.flags |= flagUpper
	} else if first, _ := utf8.DecodeRuneInString(form); unicode.IsUpper(first) {
		wi.flags |= flagTitle
	}
	if letters == 0 && wi.flags&flagDigit == 0 {
		wi.flags |= flagPunct
	}
	if first {
		wi.flags |= flagFirst
	}
	return wi
}

// Tagger feature templates.
const (
	tBias = iota + 1
	tForm
	tLower
	tSuf1
	tSuf2
	tSuf3
	tSuf4
	tPre1
	tPre2
	tPre3
	tShape
	tFlags
	tP1
	tP2
	tP12
	tP1W
	tWm1
	tWm2
	tWp1
	tWp2
	tSufm1
	tSufp1
	tShapem1
	tShapep1
	tWm1W
	tWWp1
	tUsualp1
	tUsualp2
	tUsualp12
	tP1Usualp1
	tWUsualp1
	tFlagsSuf3
	tShapeW
	tUsual
	tFlagsUsual
	tShapem1Shape
	tShapeShapep1
	tP1Suf3
	tWm1Wp1
	tFlagsm1Flags
	tFlagsFlagsp1
	tVerbLeft
	tVerbLeftP1
	tC4
	tC6
	tC10
	tC
	tCp1
	tC6p1
	tCm1
	tP1C
	tCCp1
)

// usualMin is how often a word must be seen for its usual tag to be a
// feature: a word seen once would teach the tagger to trust a tag that is
// only its gold tag.
var usualMin = 2

var none = hashString("\x00none", false)

// tagFeatures appends the features of token i given the tags of the two
// before it (classes, or -1 before the sentence).
func (t *tagger) tagFeatures(dst []feature, ws []wordInfo, i int, p1, p2 int, verbLeft bool) []feature {
	w := &ws[i]
	at := func(j int) *wordInfo {
		if j < 0 || j >= len(ws) {
			return nil
		}
		return &ws[j]
	}
	lower := func(x *wordInfo) uint64 {
		if x == nil {
			return none
		}
		return x.lower
	}
	usual := func(x *wordInfo) uint64 {
		if x == nil {
			return none
		}
		if c, ok := t.usual[x.lower]; ok {
			return uint64(c) + 1
		}
		return x.shape
	}
	shape := func(x *wordInfo) uint64 {
		if x == nil {
			return none
		}
		return x.shape
	}
	flags := func(x *wordInfo) uint64 {
		if x == nil {
			return 1 << 20
		}
		return x.flags
	}
	m1, m2, q1, q2 := at(i-1), at(i-2), at(i+1), at(i+2)
	u1, u2 := usual(q1), usual(q2)
	P1, P2 := uint64(p1+2), uint64(p2+2)
	dst = append(dst,
		f1(tBias, 0),
		f1(tForm, w.form),
		f1(tLower, w.lower),
		f1(tSuf1, w.suf[0]), f1(tSuf2, w.suf[1]), f1(tSuf3, w.suf[2]), f1(tSuf4, w.suf[3]),
		f1(tPre1, w.pre[0]), f1(tPre2, w.pre[1]), f1(tPre3, w.pre[2]),
		f1(tShape, w.shape),
		f1(tFlags, w.flags),
		f1(tP1, P1), f1(tP2, P2), f2(tP12, P1, P2), f2(tP1W, P1, w.lower),
		f1(tWm1, lower(m1)), f1(tWm2, lower(m2)), f1(tWp1, lower(q1)), f1(tWp2, lower(q2)),
		f2(tWm1W, lower(m1), w.lower), f2(tWWp1, w.lower, lower(q1)),
		f1(tUsualp1, u1), f1(tUsualp2, u2), f2(tUsualp12, u1, u2),
		f2(tP1Usualp1, P1, u1), f2(tWUsualp1, w.lower, u1),
		f2(tFlagsSuf3, w.flags, w.suf[2]),
		f2(tP1Suf3, P1, w.suf[2]), f2(tWm1Wp1, lower(m1), lower(q1)),
		f2(tShapem1Shape, shape(m1), w.shape), f2(tShapeShapep1, w.shape, shape(q1)),
		f2(tFlagsm1Flags, flags(m1), w.flags), f2(tFlagsFlagsp1, w.flags, flags(q1)),
	)
	cp1, c6p1, cm1 := none, none, none
	if q1 != nil {
		cp1, c6p1 = q1.clusters[3], q1.clusters[1]
	}
	if m1 != nil {
		cm1 = m1.clusters[3]
	}
	dst = append(dst, f1(tC4, w.clusters[0]), f1(tC6, w.clusters[1]), f1(tC10, w.clusters[2]), f1(tC, w.clusters[3]),
		f1(tCp1, cp1), f1(tC6p1, c6p1), f1(tCm1, cm1), f2(tP1C, P1, w.clusters[3]), f2(tCCp1, w.clusters[2], c6p1))
	// Whether a finite verb came before tells a past tense from a
	// participle ("people died after" against "people killed in").
	vl := uint64(0)
	if verbLeft {
		vl = 1
	}
	dst = append(dst, f2(tVerbLeft, vl, w.suf[1]), f3(tVerbLeftP1, vl, P1, w.suf[1]))
	if m1 != nil {
		dst = append(dst, f1(tSufm1, m1.suf[2]), f1(tShapem1, m1.shape))
	} else {
		dst = append(dst, f1(tSufm1, none))
	}
	if q1 != nil {
		dst = append(dst, f1(tSufp1, q1.suf[2]), f1(tShapep1, q1.shape))
	} else {
		dst = append(dst, f1(tSufp1, none))
	}
	return dst
}

// tag sets tags[i] to the class of each word, reusing the scratch given.
func (t *tagger) tag(ws []wordInfo, tags []int, sc *scratch) {
	p1, p2 := -1, -1
	verbLeft := false
	scores := sc.tagScores
	for i := range ws {
		c, ok := t.sure[ws[i].lower]
		if ok {
			tags[i] = int(c)
		} else {
			sc.feats = t.tagFeatures(sc.feats[:0], ws, i, p1, p2, verbLeft)
			t.w.score(sc.feats, scores)
			tags[i] = argmax32(scores[:len(t.classes)])
		}
		p2, p1 = p1, tags[i]
		verbLeft = verbLeft || t.finite[tags[i]]
	}
}

func argmax32(s []float32) int {
	best := 0
	for i := 1; i < len(s); i++ {
		if s[i] > s[best] {
			best = i
		}
	}
	return best
}

func argmax64(s []float64) int {
	best := 0
	for i := 1; i < len(s); i++ {
		if s[i] > s[best] {
			best = i
		}
	}
	return best
}

// trainTagger learns a tagger from sentences.
func trainTagger(sents []Sentence, epochs int, seed uint64, cl *cluster.Clusters) *tagger {
	t := &tagger{sure: map[uint64]uint8{}, usual: map[uint64]uint8{}, clusters: cl}
	index := map[tagClass]int{}
	type wc struct {
		word uint64
		c    int
	}
	counts := map[wc]int{}
	totals := map[uint64]int{}
	for _, s := range sents {
		for _, w := range s.Words {
			tc := tagClass{w.UPOS, w.XPOS}
			c, ok := index[tc]
			if !ok {
				c = len(t.classes)
				index[tc] = c
				t.classes = append(t.classes, tc)
			}
			h := hashString(w.Form, true)
			counts[wc{h, c}]++
			totals[h]++
		}
	}
	// The usual tag of a word is its most frequent, ties going to the
	// class seen first, so that training is deterministic.
	type top struct{ c, n int }
	best := map[uint64]top{}
	for k, n := range counts {
		b, ok := best[k.word]
		if !ok || n > b.n || n == b.n && k.c < b.c {
			best[k.word] = top{k.c, n}
		}
	}
	for word, b := range best {
		if totals[word] >= usualMin {
			t.usual[word] = uint8(b.c)
		}
		if tot := totals[word]; tot >= 20 && float64(b.n)/float64(tot) >= 0.995 {
			t.sure[word] = uint8(b.c)
		}
	}
	t.setFinite()
	tr := newTrainer(len(t.classes))
	order := make([]int, len(sents))
	for i := range order {
		order[i] = i
	}
	rng := rand.New(rand.NewPCG(seed, 0x5eed))
	scores := make([]float64, len(t.classes))
	var feats []feature
	var ws []wordInfo
	for e := 0; e < epochs; e++ {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		for _, si := range order {
			s := sents[si]
			ws = describeWords(ws[:0], s.Words, cl)
			p1, p2 := -1, -1
			verbLeft := false
			for i, w := range s.Words {
				gold := index[tagClass{w.UPOS, w.XPOS}]
				guess := gold
				if c, ok := t.sure[ws[i].lower]; ok {
					guess = int(c)
				} else {
					feats = t.tagFeatures(feats[:0], ws, i, p1, p2, verbLeft)
					tr.score(feats, scores)
					guess = argmax64(scores)
					tr.update(feats, gold, guess)
				}
				p2, p1 = p1, guess
				verbLeft = verbLeft || t.finite[guess]
			}
		}
	}
	t.w = tr.freeze(0.001)
	return t
}

// describeWords hashes the words of a sentence.
func describeWords(dst []wordInfo, words []Word, cl *cluster.Clusters) []wordInfo {
	for i, w := range words {
		dst = append(dst, describe(w.Form, i == 0, cl))
	}
	return dst
}

// clusterBits are the cluster path prefixes read as features: coarse ones
// generalise over many words, fine ones tell close words apart.
var clusterBits = [4]int{4, 6, 10, 64}

// setFinite marks the finite verb classes (Penn VBD, VBZ, VBP, MD).
func (t *tagger) setFinite() {
	t.finite = make([]bool, len(t.classes))
	for i, c := range t.classes {
		switch c.XPOS {
		case "VBD", "VBZ", "VBP", "MD":
			t.finite[i] = true
		}
	}
}
