package event

import (
	"fmt"

	"github.com/sitrep-project/sitrep/internal/lexicon"
	"github.com/sitrep-project/sitrep/internal/model"
	"github.com/sitrep-project/sitrep/internal/quantity"
	"github.com/sitrep-project/sitrep/internal/timex"
)

// cand is an event being assembled from one trigger in one sentence.
type cand struct {
	// selfTarget is set when the target named is the actor itself.
	selfTarget bool
	f          *frame
	hit        trigHit
	s          *sent
	l, r       int // the clause's token range
	// own is where the trigger's own conjunct starts within the clause
	// (see ownConjunct): its place and time are looked for from there.
	// whole is where the clause ended before ownConjunct cut it at the
	// next conjunct: a place or time the conjuncts share is looked for
	// up to there when the own conjunct has none.
	own, whole int
	actors     []string
	actorM     *mention // the mention the actor came from, nil when inferred
	// actorTree: the actor is the subject or agent the tree gives.
	actorTree bool
	actorT    string // the actor's words as written
	// targets are codes with the words they came from.
	targets []codeText
	items   []itemArg
	count   *quantity.Mention
	money   *quantity.Mention
	tx      *timex.Expr
	// txInherited: tx came from the story before, not from the
	// event's own sentence (see inheritTime).
	txInherited bool
	places      []placeArg
	status      string
	modality    string
	mode        string
	victims     string
	outcome     string
	src         *source
	conf        float64
	why         []string
	merged      int // how many repeats were merged into this one
	// sentsIn are the sentences of the repeats merged into this one: a
	// set, as a report repeated in every paragraph of a long page merges
	// thousands, and oneAmount asks of each.
	sentsIn map[int]bool
	// passive: the trigger is a passive participle, whose subject is the
	// target ("Kyiv was shelled").
	passive bool
}

// placeArg is a place an event is tied to.
type placeArg struct {
	entry *lexicon.Entry
	text  string
	span  model.Span
}

type codeText struct {
	code, text string
	span       model.Span
}

type itemArg struct {
	name, category, mode, text string
	span                       model.Span
	qty                        *quantity.Mention
}

// source is who a sentence attributes its facts to.
type source struct {
	name, kind, text string
	span             model.Span
	outlet           bool
	// person: the source is a named person, the most specific kind.
	person bool
	// codes are the states or organisations the source speaks for.
	codes []string
	// role is the role code of a source named only by its role ("the
	// governor"), to be resolved to the person holding it.
	role string
}

// explain records, for --explain, which rule filled a slot; without
// --explain it costs nothing.
func (c *cand) explain(slot, format string, args ...any) {
	if !c.s.explain {
		return
	}
	c.why = append(c.why, slot+": "+fmt.Sprintf(format, args...))
}

// rewhy drops the explanations after the trigger's, when a rule replaces
// the slots filled so far.
func (c *cand) rewhy() {
	if len(c.why) > 1 {
		c.why = c.why[:1]
	}
}

// hasFigure reports whether the candidate has a count, money or an item
// with a quantity.
func (c *cand) hasFigure() bool {
	if c.count != nil || c.money != nil {
		return true
	}
	for _, it := range c.items {
		if it.qty != nil {
			return true
		}
	}
	return false
}
