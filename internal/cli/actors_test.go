package cli

import (
	"strings"
	"testing"
)

// TestActorByName checks that actor flags and the actor command take a
// name or alias as well as a code, whatever its case, and that a value
// nobody knows is an error that says what to give instead.
func TestActorByName(t *testing.T) {
	db := searchStore(t)
	cases := []struct {
		args []string
		want string // in the output, or in the error when bad
		bad  bool
	}{
		{[]string{"events", "--actor", "POL"}, "helmet", false},
		{[]string{"events", "--actor", "Poland"}, "helmet", false},
		{[]string{"events", "--actor", "poland"}, "helmet", false},
		{[]string{"timeline", "--actor", "Estonia"}, "Javelin", false},
		{[]string{"ledger", "--donor", "estonia", "--csv"}, "EST,UKR", false},
		{[]string{"ledger", "--recipient", "Ukraine", "--csv"}, "POL,UKR", false},
		{[]string{"actor", "Poland"}, "POL", false},
		{[]string{"actor", "est"}, "EST", false},
		{[]string{"events", "--actor", "Polnd"}, "give an ISO code", true},
		{[]string{"ledger", "--donor", "land"}, "did you mean", true},
		{[]string{"actor", "Atlantis"}, "no state, organisation or group", true},
	}
	for _, c := range cases {
		out, _, err := runCLI(t, "", append([]string{"--db", db}, c.args...)...)
		switch {
		case c.bad && err == nil:
			t.Errorf("%q: no error; printed %q", c.args, out)
		case c.bad && !strings.Contains(err.Error(), c.want):
			t.Errorf("%q: error %q lacks %q", c.args, err, c.want)
		case !c.bad && err != nil:
			t.Errorf("%q: %v", c.args, err)
		case !c.bad && !strings.Contains(out, c.want):
			t.Errorf("%q: output lacks %q:\n%s", c.args, c.want, out)
		}
	}
}
