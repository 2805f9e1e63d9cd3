package event

import (
	"fmt"
	"strings"

	"github.com/sitrep-project/sitrep/internal/syntax"
)

// Trigger words are matched by lemma as well as by form: a row of
// data/triggers.tsv that gives a verb's or a noun's lemma ("send",
// "strike", "come under fire") matches every form of it ("sent",
// "struck", "came under fire"). Triggers decide which sentences are worth
// a parse, so they are found before any tagging: on the trie's first use,
// each word of the trigger phrases is expanded to the forms the syntax
// model's lemmatiser gives that lemma as a verb or a noun, and the
// sentence's words are then looked up by form. The pos column of a row
// and the tree of a parsed sentence say which reading a sentence has.

// lemmaForms maps each form of a trigger word to the trigger words it is
// a form of ("struck" -> "strike").
type lemmaForms map[string][]string

// expandLemmas works out the forms of every word of the frames' trigger
// phrases.
func expandLemmas(fs []frame) lemmaForms {
	syn, err := syntax.Default()
	if err != nil {
		panic(fmt.Sprintf("event: embedded syntax model: %v", err)) // a build error, caught by the tests
	}
	out := lemmaForms{}
	done := map[string]bool{}
	for i := range fs {
		for j := range fs[i].triggers {
			tr := &fs[i].triggers[j]
			for _, w := range strings.Fields(tr.phrase) {
				if strings.HasSuffix(w, "*") || !isWordTok(w) || preps[w] || determiners[w] {
					// Stems match by prefix; function words ("to", "for",
					// "the") have no forms worth matching.
					continue
				}
				for _, upos := range [...]string{"VERB", "NOUN"} {
					if tr.pos != "" && tr.pos != upos || done[upos+" "+w] {
						// A row read as one part of speech matches that
						// part's forms alone.
						continue
					}
					done[upos+" "+w] = true
					for _, f := range syn.Forms(w, upos) {
						if !containsStr(out[f], w) {
							out[f] = append(out[f], w)
						}
					}
				}
			}
		}
	}
	return out
}

// match reports whether pattern word pat matches the lower-cased token w:
// its form, or w is a form of the lemma pat.
func (lf lemmaForms) match(pat, w string) bool {
	return wordMatch(pat, w) || containsStr(lf[w], pat)
}
