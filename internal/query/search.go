package query

import (
	"strings"

	"github.com/sitrep-project/sitrep/internal/lexicon"
	"github.com/sitrep-project/sitrep/internal/store"
)

// SearchVariants lists, for each term of a search query that writes a
// person's name one way, the other ways the lexicon writes it (see
// lexicon.Spellings), for store.SearchQuery.Variants: news transliterates
// names differently (Zelensky, Zelenskiy, Zelenskyy), and a reader
// searching for one means them all. Names of states and organisations are
// not widened: their aliases include capitals and metonyms ("Kyiv" for
// Ukraine's government) that a search for the word means literally.
func SearchVariants(text string) map[string][]string {
	var out map[string][]string
	for _, t := range store.ParseQuery(text) {
		if t.Prefix {
			continue
		}
		if vs := lexicon.Spellings(strings.Join(t.Words, " ")); len(vs) > 0 {
			if out == nil {
				out = map[string][]string{}
			}
			out[store.TermKey(t)] = vs
		}
	}
	return out
}
