package eval

import (
	"errors"
	"github.com/sitrep-project/sitrep/internal/testshared"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/sitrep-project/sitrep/internal/model"
	"github.com/sitrep-project/sitrep/internal/timex"
)

type goldWant struct{ text, typ, value string }

func checkGold(t *testing.T, doc TimexDoc, want []goldWant) {
	t.Helper()
	if len(doc.Gold) != len(want) {
		t.Fatalf("%s: %d gold expressions, want %d: %+v", doc.Name, len(doc.Gold), len(want), doc.Gold)
	}
	for k, w := range want {
		g := doc.Gold[k]
		if g.Text != w.text || g.Type != w.typ || g.Value != w.value {
			t.Errorf("%s: gold %d is %q %s %s, want %q %s %s", doc.Name, k, g.Text, g.Type, g.Value, w.text, w.typ, w.value)
		}
		if doc.Text[g.Span.Start:g.Span.End] != g.Text {
			t.Errorf("%s: span %v reads %q, not %q", doc.Name, g.Span, doc.Text[g.Span.Start:g.Span.End], g.Text)
		}
	}
}

func readFixture(t *testing.T, path string, read func(r *os.File, name string) (TimexDoc, error)) TimexDoc {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	doc, err := read(f, filepath.Base(path))
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

func TestReadTimeML(t *testing.T) {
	doc := readFixture(t, "testdata/timex/timeml/ferry.tml", func(f *os.File, name string) (TimexDoc, error) { return ReadTimeML(f, name) })
	if got := doc.DCT.Format(model.DateLayout); got != "2022-03-03" {
		t.Errorf("DCT %s, want 2022-03-03", got)
	}
	if strings.Contains(doc.Text, "Ferry service resumes") || strings.Contains(doc.Text, "March 3, 2022") {
		t.Errorf("text holds the title or the DCT: %q", doc.Text)
	}
	if !strings.Contains(doc.Text, "April & fares") {
		t.Errorf("entity not decoded or inline tags left in: %q", doc.Text)
	}
	checkGold(t, doc, []goldWant{
		{"yesterday", "DATE", "2022-03-02"}, {"three weeks", "DURATION", "P3W"},
		{"daily", "SET", "P1D"}, {"April", "DATE", "2022-04"}, {"current", "DATE", "PRESENT_REF"},
	})
}

func TestReadTimeMLWithoutDCT(t *testing.T) {
	_, err := ReadTimeML(strings.NewReader(`<TimeML><TEXT>It rained <TIMEX3 type="DATE" value="2022-03-02">yesterday</TIMEX3>.</TEXT></TimeML>`), "nodct.tml")
	if err == nil || !strings.Contains(err.Error(), "nodct.tml") {
		t.Errorf("want an error naming the file, got %v", err)
	}
}

func TestReadMEANTIME(t *testing.T) {
	doc := readFixture(t, "testdata/timex/meantime/ferry.xml", func(f *os.File, name string) (TimexDoc, error) { return ReadMEANTIME(f, name) })
	wantText := "Ferry resumes\nMarch 3 , 2022\nThe ferry resumed yesterday after three weeks .\n" +
		"It will run daily until April .\nFares stay low .\nCrews were hired in 2021 ."
	if doc.Text != wantText {
		t.Errorf("text\n%q\nwant\n%q", doc.Text, wantText)
	}
	if got := doc.DCT.Format(model.DateLayout); got != "2022-03-03" {
		t.Errorf("DCT %s, want 2022-03-03", got)
	}
	checkGold(t, doc, []goldWant{
		{"March 3 , 2022", "DATE", "2022-03-03"}, {"yesterday", "DATE", "2022-03-02"},
		{"three weeks", "DURATION", "P3W"}, {"daily", "SET", "P1D"}, {"April", "DATE", "2022-04"},
		{"2021", "DATE", "2021"},
	})
}

func TestReadMEANTIMEDateFallback(t *testing.T) {
	src := `<Document doc_name="x">
<token number="0" sentence="0" t_id="1">Markets</token>
<token number="1" sentence="0" t_id="2">close</token>
<token number="2" sentence="1" t_id="3">7/8/07</token>
<Markables><TIMEX3 m_id="5" type="DATE" value="2007-07-08" functionInDocument="NONE"><token_anchor t_id="3"/></TIMEX3></Markables>
</Document>`
	doc, err := ReadMEANTIME(strings.NewReader(src), "x.xml")
	if err != nil {
		t.Fatal(err)
	}
	if got := doc.DCT.Format(model.DateLayout); got != "2007-07-08" {
		t.Errorf("DCT %s, want the dateline's 2007-07-08", got)
	}
	if doc.Text != "Markets close\n7/8/07" {
		t.Errorf("text %q", doc.Text)
	}
	if _, err := ReadMEANTIME(strings.NewReader(`<Document><token number="0" sentence="0" t_id="1">Hi</token></Document>`), "y.xml"); err == nil {
		t.Error("a document with no date at all was accepted")
	}
	if _, err := ReadMEANTIME(strings.NewReader(`<Document><token number="0" sentence="0" t_id="1">Hi</token><Markables><TIMEX3 functionInDocument="CREATION_TIME" value="2020-01-01"><token_anchor t_id="9"/></TIMEX3></Markables></Document>`), "z.xml"); err == nil {
		t.Error("a TIMEX3 anchored to a missing token was accepted")
	}
}

func TestLoadTimexGold(t *testing.T) {
	docs, err := LoadTimexGold("testdata/timex")
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, d := range docs {
		names = append(names, filepath.ToSlash(d.Name)+":"+string(d.Kind))
	}
	if got := strings.Join(names, " "); got != "meantime/ferry.xml:meantime timeml/ferry.tml:timeml" {
		t.Errorf("loaded %s", got)
	}
	if _, err := LoadTimexGold(t.TempDir()); !errors.Is(err, ErrNoTimexGold) {
		t.Errorf("empty folder: %v, want ErrNoTimexGold", err)
	}
	if _, err := LoadTimexGold(filepath.Join(t.TempDir(), "absent")); err == nil {
		t.Error("a missing folder was accepted")
	}
	bad := t.TempDir()
	if err := os.WriteFile(filepath.Join(bad, "broken.tml"), []byte("<TimeML><TEXT>no date</TEXT></TimeML>"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := LoadTimexGold(bad); err == nil || !strings.Contains(err.Error(), "broken.tml") {
		t.Errorf("want an error naming broken.tml, got %v", err)
	}
}

// TestScoreTimex scores a hand-made system output whose counts are
// worked out below.
func TestScoreTimex(t *testing.T) {
	text := "On Sunday the talks, after two days, stalled; they resume next week, and then monthly."
	span := func(s string) model.Span {
		i := strings.Index(text, s)
		return model.Span{Start: i, End: i + len(s)}
	}
	doc := TimexDoc{Name: "talks", Text: text, DCT: time.Date(2022, 3, 3, 0, 0, 0, 0, time.UTC), Gold: []TimexGold{
		{Span: span("Sunday"), Text: "Sunday", Type: "DATE", Value: "2022-02-27"},
		{Span: span("two days"), Text: "two days", Type: "DURATION", Value: "P2D"},
		{Span: span("next week"), Text: "next week", Type: "DATE", Value: "2022-W10"},
		{Span: span("monthly"), Text: "monthly", Type: "SET", Value: "P1M"},
	}}
	sys := []timex.Expr{
		{Span: span("Sunday"), Text: "Sunday", Type: "DATE", Value: "2022-02-27"},          // strict, value, type
		{Span: span("after two days"), Text: "after two days", Type: "DATE", Value: "P2D"}, // relaxed, value, wrong type
		{Span: span("week"), Text: "week", Type: "DATE", Value: "2022-W09"},                // relaxed, wrong value
		{Span: span("next"), Text: "next", Type: "DATE", Value: "2022-W10"},                // overlaps a taken gold: spurious
		{Span: span("stalled"), Text: "stalled", Type: "DATE", Value: "PAST_REF"},          // spurious
	}
	s := ScoreTimex([]TimexDoc{doc}, func(got string, ref time.Time) []timex.Expr {
		if got != text || !ref.Equal(doc.DCT) {
			t.Errorf("find called with %q %v", got, ref)
		}
		return sys
	})
	// 4 gold, 5 system; strict 1, relaxed 3, value 2, type 2.
	check := func(name string, p PRF, hits int, prec, rec float64) {
		t.Helper()
		if p.TP != hits || !near(p.Precision, prec) || !near(p.Recall, rec) {
			t.Errorf("%s: %+v, want %d hits, P %.3f, R %.3f", name, p, hits, prec, rec)
		}
		if f := 2 * prec * rec / (prec + rec); !near(p.F1, f) {
			t.Errorf("%s: F1 %.4f, want %.4f", name, p.F1, f)
		}
	}
	check("strict", s.Strict, 1, 1.0/5, 1.0/4)
	check("relaxed", s.Relaxed, 3, 3.0/5, 3.0/4)
	check("value", s.Value, 2, 2.0/5, 2.0/4)
	check("type", s.Type, 2, 2.0/5, 2.0/4)
	if !near(s.ValueAccuracy, 2.0/3) || !near(s.TypeAccuracy, 2.0/3) {
		t.Errorf("accuracy: value %.3f type %.3f, want 0.667 both", s.ValueAccuracy, s.TypeAccuracy)
	}
	kinds := map[string]int{}
	for _, m := range s.Mistakes {
		kinds[m.Kind]++
	}
	want := map[string]int{MistakeExtent: 2, MistakeType: 1, MistakeValue: 1, MistakeMissed: 1, MistakeSpurious: 2}
	for k, n := range want {
		if kinds[k] != n {
			t.Errorf("%d %s mistakes, want %d (all: %v)", kinds[k], k, n, kinds)
		}
	}
	if s.Docs != 1 || s.Gold != 4 || s.System != 5 {
		t.Errorf("counts: %d docs %d gold %d system", s.Docs, s.Gold, s.System)
	}
	out := s.String()
	for _, w := range []string{"strict", "relaxed", "value", "type accuracy"} {
		if !strings.Contains(out, w) {
			t.Errorf("table lacks %q:\n%s", w, out)
		}
	}
}

func near(a, b float64) bool { return a-b < 1e-9 && b-a < 1e-9 }

// TestScoreFixtures runs the finder itself on the fixtures: these
// sentences are plain enough that every expression must be found.
func TestScoreFixtures(t *testing.T) {
	docs, err := LoadTimexGold("testdata/timex")
	if err != nil {
		t.Fatal(err)
	}
	s := ScoreTimex(docs, timex.Find)
	if s.Strict.TP != s.Gold || s.Value.TP != s.Gold || s.System != s.Gold {
		t.Errorf("fixtures not fully matched:\n%s%s", s, s.MistakesString())
	}
}

// sharedDir returns the shared data folder, or "" when it is absent.
func sharedDir(t *testing.T) string { return testshared.Root() }

// TestMEANTIME holds the finder to the project's target on the MEANTIME
// corpus: a value F1 of at least 0.85 (TempEval-3 measures).
func TestMEANTIME(t *testing.T) {
	shared := sharedDir(t)
	dir := filepath.Join(shared, "timeml", "meantime")
	if _, err := os.Stat(dir); shared == "" || err != nil {
		t.Skip("../shared/timeml/meantime not found: MEANTIME gold is not part of the repository")
	}
	docs, err := LoadTimexGold(dir)
	if err != nil {
		t.Fatal(err)
	}
	s := ScoreTimex(docs, timex.Find)
	t.Logf("MEANTIME:\n%s", s)
	if s.Value.F1 < 0.85 {
		t.Errorf("value F1 %.3f below 0.85", s.Value.F1)
	}
	if s.Relaxed.F1 < s.Strict.F1 || s.Relaxed.F1 < s.Value.F1 {
		t.Errorf("relaxed F1 %.3f below strict %.3f or value %.3f", s.Relaxed.F1, s.Strict.F1, s.Value.F1)
	}
}
