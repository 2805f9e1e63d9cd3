package eval

import (
	"path/filepath"
	"testing"
	"time"

	"github.com/sitrep-project/sitrep/internal/testshared"
)

// TestGoldFormat checks that every gold file follows the format of the gold
// README: LoadGold refuses an unknown type; on top, actor and target are
// written as codes (upper-case letters and digits), names carry no stray
// white space, bounds and dates are ordered, and statuses and modes are the
// README's. It checks the format only, never that the lexicon knows a name:
// real news names people and bodies sitrep has never heard of, and the
// lexicon never grows by copying names out of gold.
func TestGoldFormat(t *testing.T) {
	root := testshared.RepoRoot()
	files := []string{
		filepath.Join(root, "examples", "gold", "sample.jsonl"),
		filepath.Join(root, "examples", "heldout", "tune.jsonl"),
		filepath.Join(root, "examples", "heldout", "test.jsonl"),
	}
	if shared := testshared.Root(); shared != "" {
		for _, name := range []string{"seeds.jsonl", "dev.jsonl", "kiel-dev.jsonl"} {
			files = append(files, filepath.Join(shared, "gold", name))
		}
	}
	statuses := setOf("pledged", "delivered", "authorized", "planned", "alleged")
	modes := setOf("military", "financial", "humanitarian")
	for _, file := range files {
		gold, err := LoadGold(file)
		if err != nil {
			t.Errorf("%v", err)
			continue
		}
		for i, g := range gold {
			at := func(format string, args ...any) {
				t.Errorf("%s fact %d (%s): "+format, append([]any{filepath.Base(file), i + 1, g.Doc}, args...)...)
			}
			for _, code := range []string{g.Actor, g.Target} {
				if code != "" && !isCode(code) {
					at("code %q is not a code of upper-case letters and digits", code)
				}
			}
			for _, s := range []string{g.Item, g.Source} {
				if len(s) > 0 && (s[0] == ' ' || s[len(s)-1] == ' ') {
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

func setOf(words ...string) map[string]bool {
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
		if c := s[i]; !(c >= 'A' && c <= 'Z' || c >= '0' && c <= '9') {
			return false
		}
	}
	return true
}
