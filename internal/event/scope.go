package event

import (
	"bufio"
	"embed"
	"fmt"
	"strconv"
	"strings"
	"sync"

	"github.com/sitrep-project/sitrep/internal/model"
	"github.com/sitrep-project/sitrep/internal/text"
)

// sitrep tracks armed conflict and the politics around it. A company
// "attacking" a market, a house fire that kills, an outbreak, a trade deal
// or a budget are not its world, though the words of its events appear in
// them. Scope decides, per article and per event, what belongs: the cues of
// data/scope.tsv weigh how much an article is about armed conflict, and the
// parties of data/parties.tsv name those whose dealings are always in scope.

//go:embed data/*.tsv
var dataFS embed.FS

// scopeThreshold is the weight of distinct cues an article needs to be
// about armed conflict: two words that alone say war, or one with two that
// say it in company. A news story about the war has dozens; a business or
// sports story that borrows "attack" or "forces" has one or two.
const scopeThreshold = 4

// scopeData is the parsed scope.tsv and parties.tsv.
type scopeData struct {
	// cues maps a cue's first token to the cues that start with it.
	cues map[string][]scopeCue
	// parties maps each party to the side it fights.
	parties map[string]string
	// commerce holds the first words of data/commerce.tsv's phrases.
	commerce map[string][][]string
}

type scopeCue struct {
	words  []string
	weight int
}

var (
	scopeOnce sync.Once
	scopeDef  *scopeData
	scopeErr  error
)

// loadScope reads the embedded scope data once.
func loadScope() (*scopeData, error) {
	scopeOnce.Do(func() {
		d := &scopeData{cues: map[string][]scopeCue{}, parties: map[string]string{}, commerce: map[string][][]string{}}
		err := readTSV("data/scope.tsv", []string{"cue", "weight"}, func(line int, f []string) error {
			w, err := strconv.Atoi(f[1])
			if err != nil || w < 1 || w > 2 {
				return fmt.Errorf("weight %q is not 1 or 2", f[1])
			}
			words, err := cuePhrase(f[0])
			if err != nil {
				return err
			}
			d.cues[words[0]] = append(d.cues[words[0]], scopeCue{words, w})
			return nil
		})
		if err == nil {
			err = readTSV("data/commerce.tsv", []string{"cue"}, func(line int, f []string) error {
				words, err := cuePhrase(f[0])
				if err != nil {
					return err
				}
				d.commerce[words[0]] = append(d.commerce[words[0]], words)
				return nil
			})
		}
		if err == nil {
			err = readTSV("data/parties.tsv", []string{"code", "opponent", "conflict"}, func(line int, f []string) error {
				d.parties[f[0]] = f[1]
				return nil
			})
		}
		scopeDef, scopeErr = d, err
	})
	return scopeDef, scopeErr
}

// readTSV reads an embedded tab-separated file with the given header,
// calling row for every data row; errors name the file and line.
func readTSV(name string, header []string, row func(line int, fields []string) error) error {
	f, err := dataFS.Open(name)
	if err != nil {
		return err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	line, seenHeader := 0, false
	for sc.Scan() {
		line++
		s := sc.Text()
		if s == "" || s[0] == '#' {
			continue
		}
		fields := strings.Split(s, "\t")
		if len(fields) != len(header) {
			return fmt.Errorf("%s:%d: %d columns, want %d (%s)", name, line, len(fields), len(header), strings.Join(header, ", "))
		}
		if !seenHeader {
			if strings.Join(fields, "\t") != strings.Join(header, "\t") {
				return fmt.Errorf("%s:%d: header %q, want %q", name, line, s, strings.Join(header, "\t"))
			}
			seenHeader = true
			continue
		}
		if err := row(line, fields); err != nil {
			return fmt.Errorf("%s:%d: %w", name, line, err)
		}
	}
	return sc.Err()
}

// cuePhrase splits a cue of a data file into its words, which must be
// lower case, as the tokeniser cuts them.
func cuePhrase(cue string) ([]string, error) {
	words := strings.Fields(cue)
	if len(words) == 0 || strings.ToLower(cue) != cue {
		return nil, fmt.Errorf("cue %q is not a lower-case phrase", cue)
	}
	return words, nil
}

// phraseAt reports whether the words of a cue stand, case aside, at token
// i of toks.
func phraseAt(toks []text.Token, i int, words []string) bool {
	if i < 0 || i+len(words) > len(toks) {
		return false
	}
	for j, w := range words {
		if !strings.EqualFold(toks[i+j].Text, w) {
			return false
		}
	}
	return true
}

// mustScope returns the embedded scope data; a failure to read it is a
// build error, caught by the tests.
func mustScope() *scopeData {
	sd, err := loadScope()
	if err != nil {
		panic(fmt.Sprintf("event: embedded scope data: %v", err))
	}
	return sd
}

// conflict reports whether the article is about armed conflict, deciding
// once per article.
func (d *docState) conflict() bool {
	if d.conflictKnown == 0 {
		d.conflictKnown = -1
		if mustScope().conflictWeight(d.art, d.textSents) >= scopeThreshold {
			d.conflictKnown = 1
		}
	}
	return d.conflictKnown > 0
}

// conflictWeight is the summed weight of the distinct scope cues of an
// article's title and text. The text's tokens are those of its
// sentences, which the extractor has cut already (nil: cut them here).
func (d *scopeData) conflictWeight(a *model.Article, sents []text.Sentence) int {
	seen := map[*scopeCue]bool{}
	total := 0
	count := func(toks []text.Token) {
		for i := range toks {
			cs := d.cues[strings.ToLower(toks[i].Text)]
			for k := range cs {
				c := &cs[k]
				if !seen[c] && phraseAt(toks, i, c.words) {
					seen[c] = true
					total += c.weight
				}
			}
		}
	}
	count(text.Tokenize(a.Title, 0))
	if sents == nil {
		sents = text.Sentences(a.Text)
	}
	for _, s := range sents {
		count(s.Tokens)
	}
	return total
}

// inScope reports whether an event belongs to the world sitrep tracks. An
// article about armed conflict (its cues reach scopeThreshold) keeps all
// its events; in any other article an event counts only when a party to a
// followed conflict takes part in it the way the type's world needs: as the
// attacker of an attack, the side that suffered losses or displacement, the
// recipient of aid, or either side of a political event.
func (d *scopeData) inScope(e *model.Event, conflictArticle bool) bool {
	if e.Type == model.TypeAid && !d.aidTransfer(e) {
		return false
	}
	if conflictArticle {
		return true
	}
	targets := func() bool {
		for _, t := range e.Targets {
			if d.parties[t.Code] != "" {
				return true
			}
		}
		return false
	}
	actor := e.Actor != nil && d.parties[e.Actor.Code] != ""
	switch e.Type {
	case model.TypeAttack, model.TypeCyberattack:
		return actor
	case model.TypeCasualties, model.TypeDisplacement:
		return targets()
	case model.TypeAid:
		// A named recipient must be a party; one left implied is allowed,
		// as in an aid tracker's record of a package.
		return len(e.Targets) == 0 || targets()
	default:
		return actor || targets()
	}
}

// aidTransfer reports whether an aid event is a transfer to someone else.
// Aid whose only recipient is its donor is the donor's own spending. Aid
// with no recipient named is read as a transfer to one left implied (as in
// an aid tracker's record of a package), unless its sentence speaks of
// commerce, investment or a budget: then it is a purchase, a sale, a
// settlement or a budget line.
func (d *scopeData) aidTransfer(e *model.Event) bool {
	donor := ""
	if e.Actor != nil {
		donor = e.Actor.Code
	}
	named := false
	for _, t := range e.Targets {
		if t.Code != "" && t.Code != donor {
			return true
		}
		named = named || t.Code != ""
	}
	if named {
		return false
	}
	return !d.commercial(e.Evidence.Sentence)
}

// commercial reports whether a sentence holds a commerce cue.
func (d *scopeData) commercial(sentence string) bool {
	return d.commercialToks(text.Tokenize(sentence, 0))
}

// commercialToks reports whether a sentence's tokens hold a commerce cue.
func (d *scopeData) commercialToks(toks []text.Token) bool {
	for i := range toks {
		for _, words := range d.commerce[strings.ToLower(toks[i].Text)] {
			if phraseAt(toks, i, words) {
				return true
			}
		}
	}
	return false
}
