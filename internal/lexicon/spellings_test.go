package lexicon

import (
	"slices"
	"testing"
)

// TestSpellings checks that a written form of a person's name gives the
// other forms of the same length, whatever its case or accents, and that
// states, which are not widened, and unknown words give nothing.
func TestSpellings(t *testing.T) {
	l := Default()
	cases := []struct {
		form      string
		has, lack []string
	}{
		{"Zelensky", []string{"Zelenskiy", "Zelenskyy"}, []string{"Zelensky", "Volodymyr Zelenskiy"}},
		{"zelenskyy", []string{"Zelenskiy", "Zelensky"}, []string{"Zelenskyy"}},
		{"Volodymyr Zelensky", []string{"Volodymyr Zelenskiy", "Volodymyr Zelenskyy"}, []string{"Zelenskiy"}},
		{"Ukraine", nil, nil},
		{"howitzer", nil, nil},
	}
	for _, c := range cases {
		got := l.Spellings(c.form)
		if c.has == nil && got != nil {
			t.Errorf("Spellings(%q) = %q, want none", c.form, got)
		}
		for _, w := range c.has {
			if !slices.Contains(got, w) {
				t.Errorf("Spellings(%q) = %q, lacks %q", c.form, got, w)
			}
		}
		for _, w := range c.lack {
			if slices.Contains(got, w) {
				t.Errorf("Spellings(%q) = %q, holds %q", c.form, got, w)
			}
		}
	}
}
