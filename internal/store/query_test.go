package store

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestParseQuery(t *testing.T) {
	cases := []struct {
		in   string
		want []Term
	}{
		{"stinger", []Term{{Words: []string{"stinger"}}}},
		{"Stinger  missiles", []Term{{Words: []string{"stinger"}}, {Words: []string{"missiles"}}}},
		{`"anti-tank weapons" Germany`, []Term{{Words: []string{"anti", "tank", "weapons"}}, {Words: []string{"germany"}}}},
		{"javelin OR stinger", []Term{{Words: []string{"javelin"}}, {Words: []string{"stinger"}, Or: true}}},
		{"aid -humanitarian", []Term{{Words: []string{"aid"}}, {Words: []string{"humanitarian"}, Not: true}}},
		{"aid NOT food", []Term{{Words: []string{"aid"}}, {Words: []string{"food"}, Not: true}}},
		{"refug*", []Term{{Words: []string{"refug"}, Prefix: true}}},
		{"U.S.", []Term{{Words: []string{"u", "s"}}}},
		{"Mi-17", []Term{{Words: []string{"mi", "17"}}}},
		{"€500m", []Term{{Words: []string{"500m"}}}},
		{`"unclosed phrase`, []Term{{Words: []string{"unclosed", "phrase"}}}},
		{"OR stinger", []Term{{Words: []string{"stinger"}}}},
		{`"" * - ; ()`, nil},
		{"Kyiv's", []Term{{Words: []string{"kyiv", "s"}}}},
		{"Zelenskyy AND Biden", []Term{{Words: []string{"zelenskyy"}}, {Words: []string{"biden"}}}},
	}
	for _, c := range cases {
		got := ParseQuery(c.in)
		if diff := cmp.Diff(c.want, got); diff != "" {
			t.Errorf("ParseQuery(%q) (-want +got):\n%s", c.in, diff)
		}
	}
}

// TestExpandTerms checks that variants join a term by OR, stay in its
// group, follow an excluded term into exclusion, and leave prefixes alone.
func TestExpandTerms(t *testing.T) {
	variants := map[string][]string{"zelensky": {"Zelenskiy", "Zelenskyy"}, "kyiv": {"Kiev"}}
	cases := []struct {
		q    string
		want string // terms as words, | for OR, - for NOT
	}{
		{"zelensky visit", "zelensky |Zelenskiy |Zelenskyy visit"},
		{"javelin OR zelensky", "javelin |zelensky |Zelenskiy |Zelenskyy"},
		{"talks -zelensky", "talks -zelensky -Zelenskiy -Zelenskyy"},
		{"zelensk*", "zelensk*"},
		{`"kyiv" shelling`, "kyiv |Kiev shelling"},
		{"putin", "putin"},
	}
	for _, c := range cases {
		var parts []string
		for _, term := range ExpandTerms(ParseQuery(c.q), variants) {
			s := strings.Join(term.Words, " ")
			switch {
			case term.Not:
				s = "-" + s
			case term.Or:
				s = "|" + s
			}
			if term.Prefix {
				s += "*"
			}
			parts = append(parts, s)
		}
		if got := strings.Join(parts, " "); got != c.want {
			t.Errorf("%q: %q, want %q", c.q, got, c.want)
		}
	}
}
