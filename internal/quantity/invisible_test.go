package quantity

import "testing"

// TestFindInvisible: invisible format characters inside a figure or a
// word next to it change nothing but the span, which keeps their bytes.
func TestFindInvisible(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want want
	}{
		{"Officials counted 2,\u200b000 displaced families.", count("2,\u200b000", exact(2000))},
		{"The fund pledged $3\u00ad50 million on Monday.", money("$3\u00ad50 million", exact(3.5e8), "USD")},
		{"The fund pledged $350 mil\u200blion on Monday.", money("$350 mil\u200blion", exact(3.5e8), "USD")},
		{"Reforms stalled in post\u200b-2014 talks.", kinded("2014", KindYear, exact(2014), "")},
		{"Reforms stalled in post-\u2060\u200b2014 talks.", kinded("2014", KindYear, exact(2014), "")},
	} {
		ms := Find(tc.in)
		if len(ms) != 1 {
			t.Errorf("Find(%q) = %v, want one mention", tc.in, ms)
			continue
		}
		m := ms[0]
		if m.Text != tc.want.text || m.Kind != tc.want.kind || !sameBound(m.Min, tc.want.b.min) || !sameBound(m.Max, tc.want.b.max) || m.Currency != tc.want.cur {
			t.Errorf("Find(%q) = %s, want %q %s", tc.in, describe(m), tc.want.text, tc.want.kind)
		}
		if tc.in[m.Start:m.End] != m.Text {
			t.Errorf("Find(%q): span [%d,%d) is not %q", tc.in, m.Start, m.End, m.Text)
		}
	}
	if v, ok := ParseNumber("1,\u200b500"); !ok || v != 1500 {
		t.Errorf("ParseNumber with a zero-width space = %g, %v", v, ok)
	}
}
