package cli

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// runTimexCLI runs the command tree with args and returns stdout and the error.
func runTimexCLI(t *testing.T, stdin string, args ...string) (string, error) {
	t.Helper()
	var out, errOut bytes.Buffer
	root := NewRoot(strings.NewReader(stdin), &out, &errOut)
	root.SetArgs(args)
	err := root.Execute()
	return out.String(), err
}

const timexArticle = ` date 2022-03-03
Talks between the delegations took place late on Wednesday. Last week, the alliance approved a package, and the ministers will meet again on Sunday.
`

func writeTimexArticle(t *testing.T, text string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "talks.txt")
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestTimexTable(t *testing.T) {
	out, err := runTimexCLI(t, "", "timex", writeTimexArticle(t, timexArticle))
	if err != nil {
		t.Fatal(err)
	}
	for _, w := range []string{"late on Wednesday", "2022-03-02", "Last week", "2022-W08", "2022-02-21..2022-02-27", "Sunday", "2022-03-06"} {
		if !strings.Contains(out, w) {
			t.Errorf("output lacks %q:\n%s", w, out)
		}
	}
}

func TestTimexJSON(t *testing.T) {
	out, err := runTimexCLI(t, "", "--json", "timex", writeTimexArticle(t, timexArticle))
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 3 {
		t.Fatalf("%d lines, want 3:\n%s", len(lines), out)
	}
	var recs []map[string]any
	for _, l := range lines {
		var r map[string]any
		if err := json.Unmarshal([]byte(l), &r); err != nil {
			t.Fatalf("%q: %v", l, err)
		}
		recs = append(recs, r)
	}
	week := recs[1]
	if week["text"] != "Last week" || week["type"] != "DATE" || week["value"] != "2022-W08" ||
		week["date_start"] != "2022-02-21" || week["date_end"] != "2022-02-27" || week["precision"] != "week" {
		t.Errorf("last week: %v", week)
	}
	for _, k := range []string{"start", "end", "text", "type", "value", "date_start", "date_end", "precision"} {
		if _, ok := recs[0][k]; !ok {
			t.Errorf("record lacks %q: %v", k, recs[0])
		}
	}
	if s, e := recs[0]["start"].(float64), recs[0]["end"].(float64); e-s != float64(len("late on Wednesday")) {
		t.Errorf("offsets %v..%v do not cover %q", s, e, recs[0]["text"])
	}
}

func TestTimexReferenceDate(t *testing.T) {
	plain := writeTimexArticle(t, "The convoy left on Sunday.\n")
	if _, err := runTimexCLI(t, "", "timex", plain); err == nil || !strings.Contains(err.Error(), "--date") {
		t.Errorf("undated text: %v, want an error asking for --date", err)
	}
	out, err := runTimexCLI(t, "", "timex", plain, "--date", "2022-03-03")
	if err != nil || !strings.Contains(out, "2022-02-27") {
		t.Errorf("with --date: %v\n%s", err, out)
	}
	// --date wins over the article's own date.
	out, err = runTimexCLI(t, "", "timex", writeTimexArticle(t, " date 2022-03-03\nThe convoy left on Sunday.\n"), "--date", "2022-03-10")
	if err != nil || !strings.Contains(out, "2022-03-06") {
		t.Errorf("--date over the seed date: %v\n%s", err, out)
	}
	out, err = runTimexCLI(t, "The convoy left on Sunday.\n", "timex", "-", "--date", "2022-03-03")
	if err != nil || !strings.Contains(out, "2022-02-27") {
		t.Errorf("standard input: %v\n%s", err, out)
	}
	if _, err := runTimexCLI(t, "", "timex", plain, "--date", "March the third"); err == nil {
		t.Error("a malformed --date was accepted")
	}
	if _, err := runTimexCLI(t, "", "timex", filepath.Join(t.TempDir(), "absent.txt")); err == nil {
		t.Error("a missing file was accepted")
	}
}

func TestEvalTimex(t *testing.T) {
	gold := filepath.Join("..", "eval", "testdata", "timex")
	out, err := runTimexCLI(t, "", "eval", "timex", gold)
	if err != nil {
		t.Fatal(err)
	}
	for _, w := range []string{"strict", "relaxed", "value", "2 documents"} {
		if !strings.Contains(out, w) {
			t.Errorf("output lacks %q:\n%s", w, out)
		}
	}
	out, err = runTimexCLI(t, "", "--json", "eval", "timex", gold)
	if err != nil {
		t.Fatal(err)
	}
	var s struct {
		Docs  int `json:"docs"`
		Value struct {
			F1 float64 `json:"f1"`
		} `json:"value"`
		Mistakes []any `json:"mistakes"`
	}
	if err := json.Unmarshal([]byte(out), &s); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	if s.Docs != 2 || s.Value.F1 <= 0 || s.Mistakes != nil {
		t.Errorf("json scores: %+v", s)
	}
	if _, err := runTimexCLI(t, "", "eval", "timex", t.TempDir()); err == nil {
		t.Error("a folder without gold was accepted")
	}
}
