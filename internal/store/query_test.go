package store

import (
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
