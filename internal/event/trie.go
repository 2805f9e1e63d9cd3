package event

import (
	"sort"
	"strings"
	"sync"

	"github.com/sitrep-project/sitrep/internal/lexicon"
)

// trie finds trigger phrases in a sentence's lower-cased tokens.
type trie struct {
	frames  []frame
	byFirst map[string][]pattern // exact first word -> patterns
	// byStem holds the patterns whose first word ends in *, keyed by the
	// first stemKey bytes of the stem, so that a token is tried only
	// against the stems it could match.
	byStem map[string][]pattern
	// short holds stems shorter than stemKey, tried against every token.
	short []pattern
	// forms maps the forms of the phrases' words to their lemmas (see
	// lemma.go). It is worked out on first use, since it needs the
	// syntax model, which commands that never extract do not load.
	forms     lemmaForms
	formsOnce sync.Once
}

// lemmaForms returns the forms of the phrases' words, working them out
// once.
func (t *trie) lemmaForms() lemmaForms {
	t.formsOnce.Do(func() { t.forms = expandLemmas(t.frames) })
	return t.forms
}

// stemKey is how many leading bytes of a stem index it.
const stemKey = 3

type pattern struct {
	words []string
	f     *frame
	fi    int // index of f in frames
	tr    *trigger
}

// trigHit is a trigger found in a sentence, on tokens [t0, t1).
type trigHit struct {
	t0, t1 int
	f      *frame
	tr     *trigger
}

func buildTrie(fs []frame) *trie {
	t := &trie{frames: fs, byFirst: map[string][]pattern{}, byStem: map[string][]pattern{}}
	for i := range fs {
		f := &fs[i]
		for j := range f.triggers {
			tr := &f.triggers[j]
			p := pattern{words: strings.Fields(tr.phrase), f: f, fi: i, tr: tr}
			first := p.words[0]
			switch {
			case !strings.HasSuffix(first, "*"):
				t.byFirst[first] = append(t.byFirst[first], p)
			case len(first)-1 >= stemKey:
				k := first[:stemKey]
				t.byStem[k] = append(t.byStem[k], p)
			default:
				t.short = append(t.short, p)
			}
		}
	}
	return t
}

func wordMatch(pat, w string) bool {
	if n := len(pat) - 1; n >= 0 && pat[n] == '*' {
		return strings.HasPrefix(w, pat[:n])
	}
	return pat == w
}

// find returns the triggers of a sentence: at each token, the longest
// phrase of each frame that starts there. Tokens inside a name, an item or
// a place never start a trigger ("Strike Eagle", "Bucha Massacre Museum").
func (t *trie) find(s *sent) []trigHit {
	forms := t.lemmaForms()
	var out []trigHit
	// best holds, per frame, the longest hit starting at the current
	// token; set lists the frames it holds, in frame order when sorted.
	best := make([]trigHit, len(t.frames))
	var set []int
	for i := 0; i < len(s.low); i++ {
		if m := s.mentionAt(i); m != nil && m.kind != mNum && m.kind != mTime && m.kind != 0 && !oneWordItem(m) && !financialItem(m) {
			continue
		}
		set = set[:0]
		try := func(p *pattern) {
			if i+len(p.words) > len(s.low) {
				return
			}
			for k, w := range p.words {
				if !forms.match(w, s.low[i+k]) {
					return
				}
			}
			end := i + len(p.words)
			if best[p.fi].f == nil {
				best[p.fi] = trigHit{t0: i, t1: end, f: p.f, tr: p.tr}
				set = append(set, p.fi)
			} else if end > best[p.fi].t1 {
				best[p.fi] = trigHit{t0: i, t1: end, f: p.f, tr: p.tr}
			}
		}
		w := s.low[i]
		for k := range t.byFirst[w] {
			try(&t.byFirst[w][k])
		}
		for _, lemma := range forms[w] {
			// "struck": the rows of "strike".
			for k := range t.byFirst[lemma] {
				try(&t.byFirst[lemma][k])
			}
		}
		if len(w) >= stemKey {
			if ps, ok := t.byStem[w[:stemKey]]; ok {
				for k := range ps {
					try(&ps[k])
				}
			}
		}
		for k := range t.short {
			try(&t.short[k])
		}
		if len(set) == 0 {
			continue
		}
		// Several frames may claim the same words ("arrived" with items is
		// aid, "arrived in" with a visitor a visit); each keeps its longest
		// phrase and the frames' own requirements decide.
		sortInts(set)
		for _, fi := range set {
			out = append(out, best[fi])
			best[fi] = trigHit{}
		}
	}
	return out
}

// oneWordItem reports whether m is an item of one word: a word such as
// "ship" or "supplies" may be a verb, which the tree tells (see
// verbsAreNoItems), so it may start a trigger until then.
func oneWordItem(m *mention) bool { return m.kind == mItem && m.t1-m.t0 == 1 }

// financialItem reports an item that is money ("loan guarantee", "budget
// support"): its words may name the aid itself (see instrumentNamesAid);
// itemsDoNotTrigger drops them where they do not.
func financialItem(m *mention) bool {
	return m.kind == mItem && m.entry != nil && m.entry.Mode == lexicon.ModeFinancial
}

// sortInts sorts a short slice in place.
func sortInts(a []int) {
	for i := 1; i < len(a); i++ {
		for j := i; j > 0 && a[j] < a[j-1]; j-- {
			a[j], a[j-1] = a[j-1], a[j]
		}
	}
}

// phrasal adds the phrasal verbs whose particle the tree joins to the
// verb across its object ("handed the howitzers over", "sent more troops
// in"): the trie finds a phrase only when its words stand together. The
// parser reads such a particle as compound:prt or, after an object, often
// as an adverb; only a row's own particle after a form of its own verb
// counts. The hit covers the verb alone.
func (t *trie) phrasal(s *sent) []trigHit {
	tr, out := s.tr, s.trigs
	if tr == nil {
		return out
	}
	for w := range tr.w {
		v := tr.parent(w)
		if tr.rel(w) != "compound:prt" && tr.rel(w) != "advmod" || v < 0 || !tr.verbal(v) {
			continue
		}
		vk, pk := tr.tok[v], tr.tok[w]
		if pk <= vk+1 {
			// Together, the trie found it.
			continue
		}
		t.eachPhrasal(s.low[vk], func(p *pattern) {
			if p.words[1] == s.low[pk] && !hasHit(out, vk, p.f) {
				out = append(out, trigHit{t0: vk, t1: vk + 1, f: p.f, tr: p.tr})
			}
		})
	}
	// The rules read the hits in sentence order.
	sort.SliceStable(out, func(i, j int) bool { return out[i].t0 < out[j].t0 })
	return out
}

// eachPhrasal calls fn with each two-word phrase of a verb and a particle
// whose verb word w is a form of: not "was in", whose first word is no
// verb of its own.
func (t *trie) eachPhrasal(w string, fn func(p *pattern)) {
	forms := t.lemmaForms()
	try := func(key string) {
		for k := range t.byFirst[key] {
			p := &t.byFirst[key][k]
			if len(p.words) == 2 && !beAux[p.words[0]] && forms.match(p.words[0], w) {
				fn(p)
			}
		}
	}
	try(w)
	for _, lemma := range forms[w] {
		try(lemma)
	}
}

// hasHit reports whether hits holds a phrase of frame f at token k.
func hasHit(hits []trigHit, k int, f *frame) bool {
	for _, h := range hits {
		if h.t0 == k && h.f == f && h.t1 > k+1 {
			return true
		}
	}
	return false
}

// maybePhrasal reports whether the sentence may hold a phrasal verb with
// its particle after the object ("handed the howitzers over"): a form of
// a two-word phrase's verb with that particle a few words on. Such a
// sentence is worth a parse, which tells whether the particle is the
// verb's (see phrasal).
func (t *trie) maybePhrasal(s *sent) bool {
	found := false
	for i, w := range s.low {
		t.eachPhrasal(w, func(p *pattern) {
			for j := i + 2; j < len(s.low) && j <= i+6; j++ {
				found = found || s.low[j] == p.words[1]
			}
		})
		if found {
			return true
		}
	}
	return false
}
