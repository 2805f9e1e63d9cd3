package event

import "strings"

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
	// lemma.go).
	forms lemmaForms
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
	t := &trie{frames: fs, byFirst: map[string][]pattern{}, byStem: map[string][]pattern{}, forms: expandLemmas(fs)}
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
	var out []trigHit
	// best holds, per frame, the longest hit starting at the current
	// token; set lists the frames it holds, in frame order when sorted.
	best := make([]trigHit, len(t.frames))
	var set []int
	for i := 0; i < len(s.low); i++ {
		if m := s.mentionAt(i); m != nil && m.kind != mNum && m.kind != mTime && m.kind != 0 && !oneWordItem(m) {
			continue
		}
		set = set[:0]
		try := func(p *pattern) {
			if i+len(p.words) > len(s.low) {
				return
			}
			for k, w := range p.words {
				if !t.forms.match(w, s.low[i+k]) {
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
		for _, lemma := range t.forms[w] {
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

// sortInts sorts a short slice in place.
func sortInts(a []int) {
	for i := 1; i < len(a); i++ {
		for j := i; j > 0 && a[j] < a[j-1]; j-- {
			a[j], a[j-1] = a[j-1], a[j]
		}
	}
}
