package event

import "testing"

// TestWordFile checks that data/words.tsv parses and that it and the code
// agree on the sets: every set the code takes is in the file with words,
// and every set in the file is taken. (A failure here also panics at init;
// the test says which check failed when the init checks are loosened.)
func TestWordFile(t *testing.T) {
	sets, err := loadWords()
	if err != nil {
		t.Fatal(err)
	}
	if len(wordsAsked) == 0 {
		t.Fatal("no code takes a word set")
	}
	for set := range wordsAsked {
		if len(sets[set]) == 0 {
			t.Errorf("set %s, taken by the code, is missing or empty in %s", set, wordFile)
		}
	}
	if unread := unreadSets(); len(unread) > 0 {
		t.Errorf("%s has sets no code reads: %v", wordFile, unread)
	}
}

func TestValidSetName(t *testing.T) {
	for name, want := range map[string]bool{
		"negators": true, "predHedges": true, "set2": true,
		"": false, "Negators": false, "pred-hedges": false, "pred hedges": false, "2sets": false,
	} {
		if got := validSetName(name); got != want {
			t.Errorf("validSetName(%q) = %v, want %v", name, got, want)
		}
	}
}

// TestTriggerListsNameRows checks that the word lists that name rows of
// triggers.tsv name rows that exist, so that renaming a row cannot
// silently empty a rule.
func TestTriggerListsNameRows(t *testing.T) {
	rows := map[string]bool{}
	for _, f := range frames {
		for _, tr := range f.triggers {
			rows[tr.phrase] = true
		}
	}
	for _, set := range []string{"callUpTriggers", "threatTriggers", "presenceTriggers", "valueNouns"} {
		for w := range words(set) {
			if !rows[w] {
				t.Errorf("%s lists %q, which is no row of triggers.tsv", set, w)
			}
		}
	}
}
