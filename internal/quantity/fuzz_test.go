package quantity

import (
	"testing"
	"unicode/utf8"
)

// FuzzFind checks that Find never panics and always returns ordered,
// non-overlapping spans whose text matches, whatever the input.
func FuzzFind(f *testing.F) {
	for _, tc := range findCases {
		f.Add(tc.in)
	}
	f.Add("$")
	f.Add("1-")
	f.Add("a")
	f.Add("+1")
	f.Add("1,000,")
	f.Add("between 1 and")
	f.Add("US$")
	f.Add("\n\n5")
	f.Fuzz(func(t *testing.T, in string) {
		prev := 0
		for _, m := range Find(in) {
			if m.Start < prev || m.End <= m.Start || m.End > len(in) || in[m.Start:m.End] != m.Text {
				t.Fatalf("bad mention %+v in %q", m, in)
			}
			if utf8.ValidString(in) && !utf8.ValidString(m.Text) {
				t.Fatalf("mention splits a character: %q in %q", m.Text, in)
			}
			prev = m.End
		}
		ParseNumber(in)
	})
}
