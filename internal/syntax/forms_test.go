package syntax

import (
	"slices"
	"testing"
)

// TestForms checks that the forms of a lemma include its irregular forms
// from the treebank and its regular inflections, and never another
// lemma's forms.
func TestForms(t *testing.T) {
	m, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		lemma, upos string
		want, not   []string
	}{
		{"strike", "VERB", []string{"struck", "strikes", "striking"}, []string{"strike", "stroke"}},
		{"send", "VERB", []string{"sent", "sends", "sending"}, []string{"send"}},
		{"come", "VERB", []string{"came", "comes", "coming"}, nil},
		{"shell", "VERB", []string{"shelled", "shelling", "shells"}, nil},
		{"casualty", "NOUN", []string{"casualties"}, nil},
		{"delivery", "NOUN", []string{"deliveries"}, nil},
		{"bombard", "VERB", []string{"bombarded", "bombarding"}, []string{"bombardment"}},
	}
	for _, tc := range cases {
		got := m.Forms(tc.lemma, tc.upos)
		for _, w := range tc.want {
			if !slices.Contains(got, w) {
				t.Errorf("Forms(%q, %s) = %v, lacks %q", tc.lemma, tc.upos, got, w)
			}
		}
		for _, w := range tc.not {
			if slices.Contains(got, w) {
				t.Errorf("Forms(%q, %s) = %v, holds %q", tc.lemma, tc.upos, got, w)
			}
		}
	}
}
