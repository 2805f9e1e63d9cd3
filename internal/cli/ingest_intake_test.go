package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// ingestSummary is the part of "ingest --json" these tests read.
type ingestSummary struct {
	Articles, Stored, Unchanged, Duplicates, Skipped int
}

// ingestFiles writes files into a fresh folder, ingests them without
// extraction into a fresh store with args before the paths, and returns
// the store, the summary (zero when there was none), stderr and the error.
func ingestFiles(t *testing.T, files map[string]string, args ...string) (db string, sum ingestSummary, stderr string, err error) {
	t.Helper()
	dir := t.TempDir()
	db = filepath.Join(dir, "s.db")
	var paths []string
	for name, content := range files {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
		paths = append(paths, p)
	}
	all := append([]string{"--db", db, "--json", "ingest", "--no-extract"}, args...)
	out, stderr, err := runCLI(t, "", append(all, paths...)...)
	if out != "" {
		if jerr := json.Unmarshal([]byte(out), &sum); jerr != nil {
			t.Fatalf("summary %q: %v", out, jerr)
		}
	}
	return db, sum, stderr, err
}

// storedArticle reads one stored article by name or id.
func storedArticle(t *testing.T, db, doc string) (a struct{ Doc, Date, Outlet, Title string }) {
	t.Helper()
	out, stderr, err := runCLI(t, "", "--db", db, "--json", "show", doc)
	if err != nil {
		t.Fatalf("show %s: %v\n%s", doc, err, stderr)
	}
	if err := json.Unmarshal([]byte(out), &a); err != nil {
		t.Fatalf("show %s: %q: %v", doc, out, err)
	}
	a.Date, _, _ = strings.Cut(a.Date, "T")
	return a
}

// TestIngestDateFormat: --date-format reads a dump's dates with one layout;
// a date that does not fit is reported with its file, line, value and the
// layout, and skipped; a layout without a day is refused before anything
// is read.
func TestIngestDateFormat(t *testing.T) {
	cases := []struct {
		name, layout, file, content string
		stored                      map[string]string // doc → date
		skipped                     []string          // in stderr
	}{
		{"dotted with time", "2006.1.2 15:04", "desk.csv",
			"date,title,text\n2022.3.18 14:37,Strikes hit rail depot,Strikes hit a rail depot overnight.\n2022.3.19 08:00,Depot reopens,The depot reopened on Saturday.\n",
			map[string]string{"2022-03-18-strikes-hit-rail-depot": "2022-03-18", "2022-03-19-depot-reopens": "2022-03-19"}, nil},
		{"day first slashes", "02/01/2006", "desk.tsv",
			"date\ttitle\ttext\n03/04/2022\tFerries resume\tFerries resumed on the northern route.\n",
			map[string]string{"2022-04-03-ferries-resume": "2022-04-03"}, nil},
		{"a date that does not fit", "2006.1.2", "wire.jsonl",
			`{"date":"2022.3.18","title":"Dam holds","text":"The dam held through the night."}` + "\n" + `{"date":"18 March 2022","title":"Dam inspected","text":"Engineers inspected the dam."}` + "\n",
			map[string]string{"2022-03-18-dam-holds": "2022-03-18"},
			[]string{`wire.jsonl:2: field "date": malformed date: "18 March 2022" does not match --date-format "2006.1.2"`}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			db, sum, stderr, err := ingestFiles(t, map[string]string{c.file: c.content}, "--date-format", c.layout)
			if (err != nil) != (len(c.skipped) > 0) || sum.Stored != len(c.stored) || sum.Skipped != len(c.skipped) {
				t.Errorf("ingest: %v, summary %+v\n%s", err, sum, stderr)
			}
			for _, w := range c.skipped {
				if !strings.Contains(stderr, "skipped ") || !strings.Contains(stderr, w) {
					t.Errorf("stderr lacks %q:\n%s", w, stderr)
				}
			}
			for doc, date := range c.stored {
				if a := storedArticle(t, db, doc); a.Date != date {
					t.Errorf("%s dated %s, want %s", doc, a.Date, date)
				}
			}
		})
	}
	for _, bad := range []string{"15:04", "DD/MM/YYYY", "2006"} {
		_, sum, stderr, err := ingestFiles(t, map[string]string{"desk.csv": "date,text\n2022-03-18,Ferries resumed.\n"}, "--date-format", bad)
		if err == nil || !strings.Contains(err.Error(), "--date-format") || !strings.Contains(err.Error(), "Mon Jan 2 15:04:05 2006") || sum.Stored != 0 {
			t.Errorf("--date-format %q: %v, summary %+v\n%s", bad, err, sum, stderr)
		}
	}
}

// TestIngestOutlet: --outlet gives every article without one an outlet;
// --field outlet=NAME names a column, and a column that is not there is
// one error for the file that says so and points to --outlet.
func TestIngestOutlet(t *testing.T) {
	const dump = "date,title,source,text\n2022-03-18,Ferries resume,,Ferries resumed on the northern route.\n2022-03-18,Port open,Quay Wire,The port opened to grain ships.\n"
	db, sum, stderr, err := ingestFiles(t, map[string]string{"desk.csv": dump}, "--outlet", "Harbour Courier")
	if err != nil || sum.Stored != 2 {
		t.Fatalf("ingest: %v, summary %+v\n%s", err, sum, stderr)
	}
	for doc, want := range map[string]string{"2022-03-18-ferries-resume": "Harbour Courier", "2022-03-18-port-open": "Quay Wire"} {
		if a := storedArticle(t, db, doc); a.Outlet != want {
			t.Errorf("%s: outlet %q, want %q", doc, a.Outlet, want)
		}
	}

	_, sum, stderr, err = ingestFiles(t, map[string]string{"desk.csv": dump}, "--field", "outlet=BBC")
	if err == nil || sum.Stored != 0 || sum.Skipped != 1 || strings.Count(stderr, "skipped ") != 1 {
		t.Errorf("--field outlet=BBC: %v, summary %+v; want one file skipped\n%s", err, sum, stderr)
	}
	for _, w := range []string{`desk.csv:1: missing column: no column "BBC"`, "the header has date, title, source, text", `--outlet "BBC"`} {
		if !strings.Contains(stderr, w) {
			t.Errorf("stderr lacks %q:\n%s", w, stderr)
		}
	}

	// A column that is there is read.
	db, _, stderr, err = ingestFiles(t, map[string]string{"desk.csv": dump}, "--field", "outlet=source", "--outlet", "Harbour Courier")
	if err != nil {
		t.Fatalf("--field outlet=source: %v\n%s", err, stderr)
	}
	if a := storedArticle(t, db, "2022-03-18-port-open"); a.Outlet != "Quay Wire" {
		t.Errorf("outlet %q, want the column's", a.Outlet)
	}
}

// TestIngestNotes: what was read in a way the user may not mean is said
// on stderr as a note, and is no reason to fail.
func TestIngestNotes(t *testing.T) {
	files := map[string]string{
		"us.csv":     "date,title,web_url,text\n03/04/2022,Ferries resume,,Ferries resumed on the northern route.\n04/05/2022,Port open,,The port opened.\n",
		"wire.jsonl": `{"date":"2022-03-18","text":"The dam held through the night."}` + "\n",
	}
	db, sum, stderr, err := ingestFiles(t, files, "--field", "url=web_url")
	if err != nil || sum.Stored != 3 {
		t.Fatalf("ingest: %v, summary %+v\n%s", err, sum, stderr)
	}
	for _, w := range []string{"note: ", `us.csv: 2 dates such as "03/04/2022"`, `--date-format "2/1/2006"`, `wire.jsonl: no record has a key "web_url"`} {
		if !strings.Contains(stderr, w) {
			t.Errorf("stderr lacks %q:\n%s", w, stderr)
		}
	}
	if strings.Contains(stderr, "skipped") {
		t.Errorf("a note reported as a skip:\n%s", stderr)
	}
	if a := storedArticle(t, db, "2022-03-04-ferries-resume"); a.Date != "2022-03-04" {
		t.Errorf("read %s, want month first", a.Date)
	}
}

// TestIngestNamesAgain: records without ids are named by date and title,
// and the same dump ingested again is found unchanged, not stored again
// nor recorded as duplicates; a story the dump holds twice is one article,
// recorded once as a duplicate.
func TestIngestNamesAgain(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "s.db")
	dump := filepath.Join(dir, "desk.csv")
	content := "date,title,text\n" +
		"2022-03-18,Strikes hit rail depot,Strikes hit a rail depot overnight.\n" +
		"2022-03-18,Strikes hit rail depot,Crews cleared the depot by noon.\n" +
		"2022-03-19,,Trains ran again on Saturday.\n" +
		"2022-03-18,Strikes hit rail depot,Strikes hit a rail depot overnight.\n"
	if err := os.WriteFile(dump, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	want := []ingestSummary{{Articles: 4, Stored: 3, Duplicates: 1}, {Articles: 4, Unchanged: 4}}
	for run, w := range want {
		out, stderr, err := runCLI(t, "", "--db", db, "--json", "ingest", "--no-extract", dump)
		var sum ingestSummary
		if err != nil || json.Unmarshal([]byte(out), &sum) != nil || sum != w {
			t.Errorf("run %d: %v, summary %+v, want %+v\n%s", run+1, err, sum, w, stderr)
		}
	}
	for doc, title := range map[string]string{"2022-03-18-strikes-hit-rail-depot": "Strikes hit rail depot", "2022-03-18-strikes-hit-rail-depot-2": "Strikes hit rail depot", "desk:4": ""} {
		if a := storedArticle(t, db, doc); a.Title != title {
			t.Errorf("%s: title %q, want %q", doc, a.Title, title)
		}
	}
	// The repeat is a duplicate under its own name, shown as the first.
	if a := storedArticle(t, db, "2022-03-18-strikes-hit-rail-depot-3"); a.Doc != "2022-03-18-strikes-hit-rail-depot" {
		t.Errorf("the repeat shows %q", a.Doc)
	}
}
