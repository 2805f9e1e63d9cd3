package lexicon

import (
	"io/fs"
	"slices"
	"testing"
)

// TestLightSpellings checks that the spellings read alone, as a search
// reads them, answer every form of every person as the whole lexicon
// does, and that forms of nobody get nothing from either.
func TestLightSpellings(t *testing.T) {
	sub, err := fs.Sub(dataFS, "data")
	if err != nil {
		t.Fatal(err)
	}
	rows, err := readTSV(sub, "people.tsv")
	if err != nil {
		t.Fatal(err)
	}
	light := &Lexicon{}
	if err := light.loadSpellings(rows); err != nil {
		t.Fatal(err)
	}
	full := Default()
	people := full.Entries(KindPerson)
	if len(people) == 0 {
		t.Fatal("no people in the lexicon")
	}
	widened := 0
	for _, e := range people {
		for _, f := range e.spellings {
			want, got := full.Spellings(f), light.Spellings(f)
			if !slices.Equal(want, got) {
				t.Errorf("Spellings(%q): %v read alone, %v with the whole lexicon", f, got, want)
			}
			if len(got) > 0 {
				widened++
			}
		}
	}
	if widened == 0 {
		t.Error("no person's name has another spelling: the test compares nothing")
	}
	for _, f := range []string{"Ukraine", "the ministry", "Kharkiv", ""} {
		if got := light.Spellings(f); len(got) != 0 {
			t.Errorf("Spellings(%q) = %v, want none", f, got)
		}
	}
}
