package quantity

import (
	"encoding/json"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/sitrep-project/sitrep/internal/text"
)

// hugeSeeds are inputs whose figures overflow a float or pass MaxValue, the
// shapes that once made Find and ParseNumber hand out +Inf.
var hugeSeeds = []string{
	strings.Repeat("9", 309),
	"$" + strings.Repeat("9", 309) + " in aid",
	"1" + strings.Repeat("0", 399),
	"1" + strings.Repeat(",000", 133) + " tonnes",
	strings.Repeat("9", 30) + " billion dollars",
	"between 5 and " + strings.Repeat("9", 40) + " million euros",
	"more than £" + strings.Repeat("9", 320),
	"$1." + strings.Repeat("0", 400) + " million",
	"1e400",
	"1E308 dollars",
	"several hundred thousand million billion trillion dollars",
	"1,000 trillion",
	"27.06." + strings.Repeat("9", 40),
}

// FuzzFind checks Find and FindTokens on any input. Invariants:
//   - no panic;
//   - mentions are in order, do not overlap, lie inside the text, and
//     Text is the text of the span, never splitting a UTF-8 character;
//   - every bound is finite and within MaxValue, and Min <= Max when both
//     are set;
//   - Value and Money hand out only such figures, and Money and Range
//     store as JSON (which refuses Inf and NaN).
func FuzzFind(f *testing.F) {
	for _, tc := range findCases {
		f.Add(tc.in)
	}
	for _, s := range hugeSeeds {
		f.Add(s)
	}
	f.Add("$")
	f.Add("1-")
	f.Add("a")
	f.Add("+1")
	f.Add("1,000,")
	f.Add("between 1 and")
	f.Add("US$")
	f.Add("\n\n5")
	// Invisible characters inside figures and the words around them, which
	// the tokeniser passes over while spans keep their bytes.
	f.Add("Officials counted 2,\u200b000 displaced families and $3\u00ad50 mil\u200blion in aid.")
	f.Add("Reforms stalled in post\u200b-2014 talks; \ufeffsome 5\u2060,000 troops left by mid-\u200d2022.")
	f.Fuzz(func(t *testing.T, in string) {
		check := func(ms []Mention) {
			prev := 0
			for _, m := range ms {
				if m.Start < prev || m.End <= m.Start || m.End > len(in) || in[m.Start:m.End] != m.Text {
					t.Fatalf("bad mention %+v in %q", m, in)
				}
				if utf8.ValidString(in) && !utf8.ValidString(m.Text) {
					t.Fatalf("mention splits a character: %q in %q", m.Text, in)
				}
				prev = m.End
				for _, p := range []*float64{m.Min, m.Max} {
					if p != nil && !handedOut(*p) {
						t.Fatalf("mention %q carries %g", m.Text, *p)
					}
				}
				if m.Min != nil && m.Max != nil && *m.Min > *m.Max {
					t.Fatalf("mention %q has min %g above max %g", m.Text, *m.Min, *m.Max)
				}
				if v, ok := m.Value(); ok && !handedOut(v) {
					t.Fatalf("Value of %q is %g", m.Text, v)
				}
				if mo, ok := m.Money(); ok {
					if _, err := json.Marshal(mo); err != nil || !handedOut(mo.Amount) {
						t.Fatalf("Money of %q is %g: %v", m.Text, mo.Amount, err)
					}
				}
				if _, err := json.Marshal(m.Range()); err != nil {
					t.Fatalf("Range of %q does not store: %v", m.Text, err)
				}
			}
		}
		check(Find(in))
		check(FindTokens(in, text.Tokenize(in, 0)))
	})
}

// FuzzParseNumber checks ParseNumber on any input. Invariants: no panic;
// a number it reads is finite and within MaxValue; a refusal returns 0.
func FuzzParseNumber(f *testing.F) {
	for _, s := range hugeSeeds {
		f.Add(s)
	}
	for _, s := range []string{"2,000", "1.5", "10 000", "five", "twenty-one", "a million",
		"two dozen", "half a million", "1.2 million", "1.2bn", "hundreds", "3rd", "", " ", "-1", "0.5"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		v, ok := ParseNumber(in)
		if ok && !handedOut(v) {
			t.Fatalf("ParseNumber(%q) = %g", in, v)
		}
		if !ok && v != 0 {
			t.Fatalf("ParseNumber(%q) refused but returned %g", in, v)
		}
	})
}
