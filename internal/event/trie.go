package event

import "strings"

// trie finds trigger phrases in a sentence's lower-cased tokens.
type trie struct {
	frames  []frame
	byFirst map[string][]pattern // exact first word -> patterns
	stems   []pattern            // patterns whose first word ends in *
}

type pattern struct {
	words []string
	f     *frame
	tr    *trigger
}

// trigHit is a trigger found in a sentence, on tokens [t0, t1).
type trigHit struct {
	t0, t1 int
	f      *frame
	tr     *trigger
}

func buildTrie(fs []frame) *trie {
	t := &trie{frames: fs, byFirst: map[string][]pattern{}}
	for i := range fs {
		f := &fs[i]
		for j := range f.triggers {
			tr := &f.triggers[j]
			p := pattern{words: strings.Fields(tr.phrase), f: f, tr: tr}
			if strings.HasSuffix(p.words[0], "*") {
				t.stems = append(t.stems, p)
			} else {
				t.byFirst[p.words[0]] = append(t.byFirst[p.words[0]], p)
			}
		}
	}
	return t
}

func wordMatch(pat, w string) bool {
	if strings.HasSuffix(pat, "*") {
		return strings.HasPrefix(w, pat[:len(pat)-1])
	}
	return pat == w
}

// find returns the triggers of a sentence: at each token, the longest
// phrase of each frame that starts there. Tokens inside a name, an item or
// a place never start a trigger ("Strike Eagle", "Bucha Massacre Museum").
func (t *trie) find(s *sent) []trigHit {
	var out []trigHit
	for i := 0; i < len(s.low); i++ {
		if m := s.mentionAt(i); m != nil && m.kind != mNum && m.kind != mTime {
			continue
		}
		best := map[*frame]trigHit{}
		try := func(p pattern) {
			if i+len(p.words) > len(s.low) {
				return
			}
			for k, w := range p.words {
				if !wordMatch(w, s.low[i+k]) {
					return
				}
			}
			h := trigHit{t0: i, t1: i + len(p.words), f: p.f, tr: p.tr}
			if old, ok := best[p.f]; !ok || h.t1 > old.t1 {
				best[p.f] = h
			}
		}
		for _, p := range t.byFirst[s.low[i]] {
			try(p)
		}
		for _, p := range t.stems {
			try(p)
		}
		// Several frames may claim the same words ("arrived" with items is
		// aid, "arrived in" with a visitor a visit); each keeps its longest
		// phrase and the frames' own requirements decide.
		for fi := range t.frames {
			if h, ok := best[&t.frames[fi]]; ok {
				out = append(out, h)
			}
		}
	}
	return out
}
