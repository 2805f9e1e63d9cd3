package quantity

import (
	"encoding/json"
	"math"
	"strings"
	"testing"
)

// handedOut reports whether v is a value the package may hand out: finite
// and no larger than MaxValue. It is written apart from the package's own
// test so that a mistake there does not hide here.
func handedOut(v float64) bool {
	return !math.IsNaN(v) && !math.IsInf(v, 0) && math.Abs(v) <= MaxValue
}

// short cuts a long input down for a failure message.
func short(s string) string {
	if len(s) > 60 {
		return s[:30] + "…" + s[len(s)-20:]
	}
	return s
}

// checkBounded fails when a mention carries an implausible value, and
// checks that its conversions store as JSON, which refuses Inf and NaN.
func checkBounded(t *testing.T, in string, m Mention) {
	t.Helper()
	in, m.Text = short(in), short(m.Text)
	for _, p := range []*float64{m.Min, m.Max} {
		if p != nil && !handedOut(*p) {
			t.Errorf("%q: mention %q carries %g", in, m.Text, *p)
		}
	}
	if m.Min != nil && m.Max != nil && *m.Min > *m.Max {
		t.Errorf("%q: mention %q has min %g above max %g", in, m.Text, *m.Min, *m.Max)
	}
	if v, ok := m.Value(); ok && !handedOut(v) {
		t.Errorf("%q: Value of %q is %g", in, m.Text, v)
	}
	if mo, ok := m.Money(); ok {
		if !handedOut(mo.Amount) {
			t.Errorf("%q: Money of %q is %g", in, m.Text, mo.Amount)
		}
		if _, err := json.Marshal(mo); err != nil {
			t.Errorf("%q: Money of %q does not store: %v", in, m.Text, err)
		}
	}
	if _, err := json.Marshal(m.Range()); err != nil {
		t.Errorf("%q: Range of %q does not store: %v", in, m.Text, err)
	}
}

var (
	nines309  = strings.Repeat("9", 309)
	digits400 = "1" + strings.Repeat("0", 399)
	// grouped400 is a 400-digit figure written with thousands separators,
	// which the tokeniser keeps in one token and the parse reads as a count.
	grouped400 = "1" + strings.Repeat(",000", 133)
	nines30    = strings.Repeat("9", 30)
)

// TestParseNumberBounded: a figure above MaxValue, or one that overflows a
// float, is not a number; the largest plausible one still is.
func TestParseNumberBounded(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want float64
		ok   bool
	}{
		{nines309, 0, false},
		{digits400, 0, false},
		{grouped400, 0, false},
		{"1e400", 0, false},
		{"1E308", 0, false},
		{nines30 + " billion", 0, false},
		{"1,001 trillion", 0, false},
		{"1." + strings.Repeat("0", 400), 0, false},
		{"1." + strings.Repeat("5", 400) + " million", 0, false},
		{"1,000 trillion", 1e15, true},
		{"999,999,999,999,999", 999999999999999, true},
		{"2,000", 2000, true},
		{"1.25 million", 1.25e6, true},
		// More decimal places than the scale table holds are still read.
		{"2." + strings.Repeat("0", 24), 2, true},
	} {
		got, ok := ParseNumber(tc.in)
		name := short(tc.in)
		if ok != tc.ok || (ok && got != tc.want) {
			t.Errorf("ParseNumber(%q) = %g, %v; want %g, %v", name, got, ok, tc.want, tc.ok)
		}
		if !handedOut(got) {
			t.Errorf("ParseNumber(%q) returned %g", name, got)
		}
	}
}

// TestFindBounded: a mention whose figure is too large to be plausible is
// dropped rather than stored with an infinite or clamped value; plausible
// figures around it are still read.
func TestFindBounded(t *testing.T) {
	for _, tc := range []struct {
		name string
		in   string
		// none lists kinds no mention may have: the huge figure is not
		// read as one.
		none []Kind
		// keep is the text of a plausible mention that must survive.
		keep string
	}{
		{"money 309 digits", "The fund pledged $" + nines309 + " to the relief effort.", []Kind{KindMoney}, ""},
		{"money 400 digits", "The ministry listed €" + digits400 + " in losses.", []Kind{KindMoney}, ""},
		{"count grouped 400 digits", "Officials counted " + grouped400 + " displaced families.", []Kind{KindCount}, ""},
		{"scaled money", "Donors promised " + nines30 + " billion dollars on Monday.", []Kind{KindMoney}, ""},
		{"scaled count", "The agency said " + nines30 + " million people had fled.", []Kind{KindCount}, ""},
		{"range upper bound", "Estimates ranged between 5 and " + nines309 + " million euros.", []Kind{KindMoney}, ""},
		{"hedged lower bound", "The cost was more than $" + nines309 + ", the report said.", []Kind{KindMoney}, ""},
		{"hedged upper bound", "The bank lent up to £" + nines30 + " trillion last year.", []Kind{KindMoney}, ""},
		{"exponent", "Auditors found 1e400 dollars missing.", []Kind{KindMoney, KindCount}, ""},
		{"long decimal", "The grant of $1." + strings.Repeat("0", 400) + " million was approved.", []Kind{KindMoney}, ""},
		{"measure", "Crews cleared " + grouped400 + " tonnes of rubble.", []Kind{KindMeasure, KindCount}, ""},
		{"percent", "Prices rose " + grouped400 + " per cent in a week.", []Kind{KindPercent, KindCount}, ""},
		{"vague words", "Losses ran to several hundred thousand million billion trillion dollars.", []Kind{KindMoney}, ""},
		{"plausible neighbour", "The fund pledged $" + nines309 + " and then $350 million more.", nil, "$350 million"},
		{"largest plausible", "The debt reached $1,000 trillion by then.", nil, "$1,000 trillion"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ms := Find(tc.in)
			kept := tc.keep == ""
			for _, m := range ms {
				checkBounded(t, tc.in, m)
				for _, k := range tc.none {
					if m.Kind == k && (m.Min != nil || m.Max != nil) {
						t.Errorf("huge figure read as %s %q", k, short(m.Text))
					}
				}
				if m.Text == tc.keep {
					kept = true
				}
			}
			if !kept {
				t.Errorf("lost %q: %v", tc.keep, ms)
			}
		})
	}
}

// TestMentionConversionsBounded: a Mention built by hand with an
// implausible value yields no Value and no Money.
func TestMentionConversionsBounded(t *testing.T) {
	for _, v := range []float64{math.Inf(1), math.Inf(-1), math.NaN(), 1e300, -1e16} {
		m := Mention{Kind: KindMoney, Min: f64(v), Max: f64(v), Currency: "USD"}
		if got, ok := m.Value(); ok {
			t.Errorf("Value of %g = %g, true", v, got)
		}
		if got, ok := m.Money(); ok {
			t.Errorf("Money of %g = %+v, true", v, got)
		}
	}
}
