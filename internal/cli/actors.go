package cli

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/sitrep-project/sitrep/internal/query"
	"github.com/sitrep-project/sitrep/internal/store"
)

// actorFlag reads an actor flag's value (a code or a name) as a code. A
// value that neither the lexicon nor the store's records know is an error
// that says what to give instead, since a filter that matches nothing
// reads like an answer.
func actorFlag(ctx context.Context, st store.Store, flag, v string) (string, error) {
	code, sugg, err := query.ActorCode(v)
	if !errors.Is(err, query.ErrUnknownActor) {
		return code, err
	}
	pc, perr := st.PartyCounts(ctx, code)
	if perr != nil {
		return "", perr
	}
	if pc.Records > 0 {
		return code, nil // a code the extractor wrote that the lexicon lacks
	}
	msg := fmt.Sprintf("%s %q: no state, organisation or group of that code or name", flag, v)
	const shown = 8
	switch {
	case len(sugg) > shown:
		msg += "; did you mean " + strings.Join(sugg[:shown], ", ") + fmt.Sprintf(" or %d more?", len(sugg)-shown)
	case len(sugg) > 0:
		msg += "; did you mean " + strings.Join(sugg, ", ") + "?"
	default:
		msg += `; give an ISO code (DEU) or a name (Germany)`
	}
	return "", errors.New(msg)
}
