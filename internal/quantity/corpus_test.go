package quantity

import (
	"bufio"
	"encoding/json"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// goldFact holds the numeric fields of a gold fact (see gold/README.md).
type goldFact struct {
	Doc      string   `json:"doc"`
	Type     string   `json:"type"`
	QtyMin   *float64 `json:"qty_min"`
	QtyMax   *float64 `json:"qty_max"`
	CountMin *float64 `json:"count_min"`
	CountMax *float64 `json:"count_max"`
	Amount   *float64 `json:"amount"`
	Currency string   `json:"currency"`
	Approx   bool     `json:"approx"`
	Optional bool     `json:"optional"`
}

func loadGold(t *testing.T, path string) []goldFact {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Skipf("gold file %s: %v", path, err)
	}
	defer f.Close()
	var out []goldFact
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if line == "" {
			continue
		}
		var g goldFact
		if err := json.Unmarshal([]byte(line), &g); err != nil {
			t.Fatalf("decode %s: %v", path, err)
		}
		out = append(out, g)
	}
	if err := sc.Err(); err != nil {
		t.Fatalf("read %s: %v", path, err)
	}
	return out
}

// overlaps applies the gold scoring rule for numbers: ranges overlap, an
// absent bound being open.
func overlaps(m Mention, lo, hi *float64) bool {
	mlo, mhi := math.Inf(-1), math.Inf(1)
	if m.Min != nil {
		mlo = *m.Min
	}
	if m.Max != nil {
		mhi = *m.Max
	}
	glo, ghi := math.Inf(-1), math.Inf(1)
	if lo != nil {
		glo = *lo
	}
	if hi != nil {
		ghi = *hi
	}
	return mlo <= ghi && glo <= mhi
}

// supports reports whether some mention could fill the gold fact's figure
// under the scoring rules: money of the same currency within 1%, or a count
// or measure whose range overlaps the gold range. strict also asks for an
// exact mention of an exact figure and for the same hedging.
func supports(ms []Mention, g goldFact, strict bool) bool {
	for _, m := range ms {
		switch {
		case g.Amount != nil:
			if m.Kind != KindMoney || m.Currency != g.Currency {
				continue
			}
			for _, v := range []*float64{m.Min, m.Max} {
				if v != nil && math.Abs(*v-*g.Amount) <= 0.01**g.Amount {
					return true
				}
			}
		default:
			lo, hi := g.QtyMin, g.QtyMax
			if lo == nil && hi == nil {
				lo, hi = g.CountMin, g.CountMax
			}
			if lo == nil && hi == nil {
				return true
			}
			if m.Kind != KindCount && m.Kind != KindMeasure {
				continue
			}
			if !overlaps(m, lo, hi) {
				continue
			}
			if !strict {
				return true
			}
			// An exact gold figure needs an exact mention of that figure.
			if lo != nil && hi != nil && *lo == *hi {
				if v, ok := m.Value(); !ok || v != *lo {
					continue
				}
			}
			if m.Approx == g.Approx || m.Kind == KindCount && m.Min != nil && m.Max != nil && *m.Min != *m.Max {
				return true
			}
		}
	}
	return false
}

func (g goldFact) String() string {
	f := func(p *float64) string {
		if p == nil {
			return "-"
		}
		return strconv.FormatFloat(*p, 'g', -1, 64)
	}
	return fmt.Sprintf("%s %s qty=%s..%s count=%s..%s amount=%s %s approx=%v", g.Doc, g.Type,
		f(g.QtyMin), f(g.QtyMax), f(g.CountMin), f(g.CountMax), f(g.Amount), g.Currency, g.Approx)
}

func hasFigure(g goldFact) bool {
	return g.Amount != nil || g.QtyMin != nil || g.QtyMax != nil || g.CountMin != nil || g.CountMax != nil
}

// readArticle reads a corpus file, dropping the leading "date YYYY-MM-DD".
func readArticle(t *testing.T, path string) string {
	t.Helper()
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("read article: %v", err)
	}
	s := strings.TrimLeft(string(raw), " \t\r\n")
	if strings.HasPrefix(s, "date ") && len(s) >= 15 {
		s = s[15:]
	}
	return s
}

// TestSeedFigures checks that every figure in the seed gold facts is found
// with its hedge, currency and whole-unit amount.
func TestSeedFigures(t *testing.T) {
	shared := sharedDir(t)
	gold := loadGold(t, filepath.Join(shared, "gold", "seeds.jsonl"))
	texts := map[string][]Mention{}
	n := 0
	for _, g := range gold {
		if g.Optional || !hasFigure(g) {
			continue
		}
		ms, ok := texts[g.Doc]
		if !ok {
			ms = Find(readArticle(t, filepath.Join(shared, "corpus", "seeds", g.Doc+".txt")))
			texts[g.Doc] = ms
		}
		n++
		if !supports(ms, g, true) {
			t.Errorf("no mention supports the gold figure %s", g)
		}
	}
	if n == 0 {
		t.Fatal("no gold figures in the seed file")
	}
}

// figureRecall counts the gold facts with a figure in one gold file and
// how many of them a mention of their article supports.
func figureRecall(t *testing.T, gold, corpus string, strict bool) (money, moneyHit, qty, qtyHit int) {
	t.Helper()
	texts := map[string][]Mention{}
	for _, g := range loadGold(t, gold) {
		if g.Optional || !hasFigure(g) {
			continue
		}
		ms, ok := texts[g.Doc]
		if !ok {
			ms = Find(readArticle(t, filepath.Join(corpus, g.Doc+".txt")))
			texts[g.Doc] = ms
		}
		hit := supports(ms, g, strict)
		if g.Amount != nil {
			money++
			if hit {
				moneyHit++
			}
		} else {
			qty++
			if hit {
				qtyHit++
			}
		}
		if !hit {
			t.Logf("not found: %s", g)
		}
	}
	return money, moneyHit, qty, qtyHit
}

// TestKielFigures measures how many of the aid tracker's recorded figures
// appear among the mentions of their records. Coders sometimes record a
// figure the text does not spell out (a unit count of 1 for "a hospital",
// a figure from a source the record only cites): five of the 47 quantities
// in the development file are of that sort, so the bar for them is lower.
func TestKielFigures(t *testing.T) {
	shared := sharedDir(t)
	money, moneyHit, qty, qtyHit := figureRecall(t, filepath.Join(shared, "gold", "kiel-dev.jsonl"),
		filepath.Join(shared, "corpus", "kiel-dev"), false)
	if money == 0 || qty == 0 {
		t.Fatal("no gold figures in the aid tracker file")
	}
	mr, qr := float64(moneyHit)/float64(money), float64(qtyHit)/float64(qty)
	t.Logf("money %d/%d (%.3f), quantities %d/%d (%.3f)", moneyHit, money, mr, qtyHit, qty, qr)
	if mr < 0.95 || qr < 0.85 {
		t.Errorf("figure recall too low: money %.3f (want ≥ 0.95), quantities %.3f (want ≥ 0.85)", mr, qr)
	}
}

// TestDevFigures does the same on the news articles, asking for the hedge
// too. Some casualty figures there are implicit ("the girl's father was
// killed" is one death) and no number stage can find them.
func TestDevFigures(t *testing.T) {
	shared := sharedDir(t)
	money, moneyHit, qty, qtyHit := figureRecall(t, filepath.Join(shared, "gold", "dev.jsonl"),
		filepath.Join(shared, "corpus", "dev"), true)
	n, hit := money+qty, moneyHit+qtyHit
	if n == 0 {
		t.Fatal("no gold figures in the news development file")
	}
	r := float64(hit) / float64(n)
	t.Logf("figures %d/%d (%.3f)", hit, n, r)
	if r < 0.85 {
		t.Errorf("figure recall %.3f, want ≥ 0.85", r)
	}
}
