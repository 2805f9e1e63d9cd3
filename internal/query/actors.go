package query

import (
	"errors"
	"fmt"
	"strings"

	"github.com/sitrep-project/sitrep/internal/lexicon"
)

// ErrUnknownActor is returned by ActorCode for a name or code the lexicon
// does not hold; the caller may still find it in the store's records,
// where an extractor wrote a code the lexicon lacks.
var ErrUnknownActor = errors.New("not a state, organisation or group sitrep knows")

// partyKinds are the kinds of actor a code names.
var partyKinds = []lexicon.Kind{lexicon.KindState, lexicon.KindOrg, lexicon.KindGroup}

// ActorCode reads what a user typed for an actor (a code such as DEU, or
// a name or alias such as Germany, "the European Union") as the actor's
// code. A value the lexicon does not hold gives ErrUnknownActor, with the
// value in upper case as the code to try, and suggestions: the actors
// whose name or code contains it.
func ActorCode(v string) (code string, suggestions []string, err error) {
	v = strings.TrimSpace(v)
	if v == "" {
		return "", nil, nil
	}
	lex := lexicon.Default()
	up := strings.ToUpper(v)
	for _, k := range partyKinds {
		if lex.Get(k, up) != nil {
			return up, nil, nil
		}
	}
	for _, k := range partyKinds {
		if e := lex.Lookup(k, v); e != nil {
			return e.Code, nil, nil
		}
	}
	low := strings.ToLower(v)
	for _, k := range partyKinds {
		for _, e := range lex.Entries(k) {
			if strings.Contains(strings.ToLower(e.Name), low) || strings.Contains(strings.ToLower(e.Code), low) {
				suggestions = append(suggestions, fmt.Sprintf("%s (%s)", e.Code, e.Name))
			}
		}
	}
	return up, suggestions, ErrUnknownActor
}

// IsPerson reports whether a name is an office holder the lexicon knows.
func IsPerson(name string) bool {
	return lexicon.Default().Lookup(lexicon.KindPerson, name) != nil
}
