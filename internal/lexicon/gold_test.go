package lexicon

import (
	"bufio"
	"encoding/json"
	"github.com/sitrep-project/sitrep/internal/testshared"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// sharedDir returns the shared data folder, skipping the test when it or
// its gold files are absent.
func sharedDir(t testing.TB) string {
	t.Helper()
	return filepath.Dir(testshared.Dir(t, "gold"))
}

// goldFact is the part of a gold fact the lexicon is answerable for.
type goldFact struct {
	Doc       string   `json:"doc"`
	Type      string   `json:"type"`
	Actor     string   `json:"actor"`
	Target    string   `json:"target"`
	Status    string   `json:"status"`
	Mode      string   `json:"mode"`
	Item      string   `json:"item"`
	Source    string   `json:"source"`
	QtyMin    *float64 `json:"qty_min"`
	QtyMax    *float64 `json:"qty_max"`
	CountMin  *float64 `json:"count_min"`
	CountMax  *float64 `json:"count_max"`
	Amount    *float64 `json:"amount"`
	Currency  string   `json:"currency"`
	DateStart string   `json:"date_start"`
	DateEnd   string   `json:"date_end"`
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

// TestGoldFormat checks that the gold files follow the format of the gold
// README: a document, a known type, actor and target written as codes
// (upper-case letters and digits), plain item and source names, ordered
// bounds and dates, known statuses and modes. It checks the format only,
// never that the lexicon knows a name: real news names people and bodies
// sitrep has never heard of, and the lexicon never grows by copying names
// out of gold.
func TestGoldFormat(t *testing.T) {
	shared := sharedDir(t)
	types := set("aid", "casualties", "displacement", "mobilize", "talks", "visit", "meet", "statement",
		"threaten", "demand", "accuse", "deny", "cyberattack", "sanction", "attack")
	statuses := set("pledged", "delivered", "authorized", "planned", "alleged")
	modes := set("military", "financial", "humanitarian")
	for _, name := range []string{"seeds.jsonl", "dev.jsonl", "kiel-dev.jsonl"} {
		for i, g := range readGold(t, filepath.Join(shared, "gold", name)) {
			at := func(format string, args ...any) {
				t.Errorf("%s:%d (%s): "+format, append([]any{name, i + 1, g.Doc}, args...)...)
			}
			if g.Doc == "" {
				at("no doc")
			}
			if !types[g.Type] {
				at("type %q is not one of the gold README's", g.Type)
			}
			for _, code := range []string{g.Actor, g.Target} {
				if code != "" && !isCode(code) {
					at("code %q is not a code of upper-case letters and digits", code)
				}
			}
			for _, s := range []string{g.Item, g.Source} {
				if s != strings.TrimSpace(s) || strings.ContainsAny(s, "\t\n") {
					at("name %q has stray white space", s)
				}
			}
			if g.Status != "" && !statuses[g.Status] {
				at("status %q is not one of the gold README's", g.Status)
			}
			if g.Mode != "" && !modes[g.Mode] {
				at("mode %q is not one of the gold README's", g.Mode)
			}
			if g.QtyMin != nil && g.QtyMax != nil && *g.QtyMin > *g.QtyMax {
				at("qty_min %v above qty_max %v", *g.QtyMin, *g.QtyMax)
			}
			if g.CountMin != nil && g.CountMax != nil && *g.CountMin > *g.CountMax {
				at("count_min %v above count_max %v", *g.CountMin, *g.CountMax)
			}
			if (g.Amount == nil) != (g.Currency == "") {
				at("amount and currency come together")
			}
			if g.Currency != "" && (len(g.Currency) != 3 || !isCode(g.Currency)) {
				at("currency %q is not an ISO 4217 code", g.Currency)
			}
			for _, d := range []string{g.DateStart, g.DateEnd} {
				if d != "" {
					if _, err := time.Parse("2006-01-02", d); err != nil {
						at("date %q is not YYYY-MM-DD", d)
					}
				}
			}
			if g.DateStart != "" && g.DateEnd != "" && g.DateStart > g.DateEnd {
				at("date_start %s after date_end %s", g.DateStart, g.DateEnd)
			}
		}
	}
}

func set(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

// isCode reports whether s is written as a code: upper-case ASCII letters
// and digits, at least two.
func isCode(s string) bool {
	if len(s) < 2 {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= 'A' && c <= 'Z' || c >= '0' && c <= '9') {
			return false
		}
	}
	return true
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
