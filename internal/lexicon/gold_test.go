package lexicon

import (
	"bufio"
	"encoding/json"
	"github.com/sitrep-project/sitrep/internal/testshared"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// sharedDir returns the shared data folder, skipping the test when it or
// its gold files are absent.
func sharedDir(t testing.TB) string {
	t.Helper()
	return filepath.Dir(testshared.Dir(t, "gold"))
}

// goldFact is the part of a gold fact the lexicon is answerable for.
type goldFact struct {
	Doc  string `json:"doc"`
	Item string `json:"item"`
}

func readGold(t *testing.T, path string) []goldFact {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatalf("open gold: %v", err)
	}
	defer f.Close()
	var facts []goldFact
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 64*1024), 1024*1024)
	for sc.Scan() {
		var g goldFact
		if err := json.Unmarshal(sc.Bytes(), &g); err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		facts = append(facts, g)
	}
	if err := sc.Err(); err != nil {
		t.Fatalf("read gold: %v", err)
	}
	return facts
}

// TestSeedItems runs Find over the seed articles and checks that every item
// the gold names for a seed is matched in it under its canonical name.
func TestSeedItems(t *testing.T) {
	shared := sharedDir(t)
	l := Default()
	found := map[string]map[string]bool{}
	for _, g := range readGold(t, filepath.Join(shared, "gold", "seeds.jsonl")) {
		if g.Item == "" {
			continue
		}
		if found[g.Doc] == nil {
			b, err := os.ReadFile(filepath.Join(shared, "corpus", "seeds", g.Doc+".txt"))
			if err != nil {
				t.Fatalf("read seed: %v", err)
			}
			found[g.Doc] = map[string]bool{}
			for _, m := range l.Find(string(b)) {
				if m.Entry.Kind == KindItem {
					found[g.Doc][strings.ToLower(m.Entry.Name)] = true
				}
			}
		}
		if !found[g.Doc][strings.ToLower(g.Item)] {
			t.Errorf("%s: item %q not matched", g.Doc, g.Item)
		}
	}
}
