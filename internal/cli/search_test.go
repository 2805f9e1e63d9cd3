package cli

import (
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// searchStore ingests three short reports from two outlets into a new
// store and returns its path.
func searchStore(t *testing.T) string {
	t.Helper()
	db := filepath.Join(t.TempDir(), "s.db")
	jsonl := writeFile(t, "a.jsonl", strings.Join([]string{
		`{"id":"w1","date":"2022-03-07","outlet":"Harbour Wire","text":"Poland sent 5,000 helmets to Ukraine on Monday, the defence ministry said."}`,
		`{"id":"w2","date":"2022-03-08","outlet":"Harbour Wire","text":"Estonia pledged Javelin missiles to Ukraine on Tuesday."}`,
		`{"id":"p1","date":"2022-03-09","outlet":"Valley Post","text":"Helmets and body armour reached Kyiv on Wednesday, officials said."}`,
	}, "\n")+"\n")
	if _, errOut, err := runCLI(t, "", "--db", db, "-q", "ingest", jsonl); err != nil {
		t.Fatalf("ingest: %v\n%s", err, errOut)
	}
	return db
}

// TestSearchAsked checks the search command's answers to what users type:
// an empty query or one of exclusions only prints usage and is no error;
// an outlet is matched whatever its case; an outlet the store lacks is an
// error listing those it holds.
func TestSearchAsked(t *testing.T) {
	db := searchStore(t)
	for _, args := range [][]string{{"search", ""}, {"search"}, {"search", "  "}, {"search", "--", "-helmets"}} {
		out, errOut, err := runCLI(t, "", append([]string{"--db", db}, args...)...)
		if err != nil || out != "" || !strings.Contains(errOut, "Usage:") || !strings.Contains(errOut, "word to look for") {
			t.Errorf("%q: err %v, out %q, stderr %q; want usage and no error", args, err, out, errOut)
		}
	}
	cases := []struct {
		outlet string
		want   []string // docs found, or the error's words
		err    bool
	}{
		{"Harbour Wire", []string{"w1"}, false},
		{"harbour wire", []string{"w1"}, false},
		{"  VALLEY POST ", []string{"p1"}, false},
		{"harbour", []string{"no such outlet", "Harbour Wire", "Valley Post"}, true},
	}
	for _, c := range cases {
		out, _, err := runCLI(t, "", "--db", db, "search", "helmets", "--outlet", c.outlet)
		if c.err {
			if err == nil {
				t.Errorf("--outlet %q: no error", c.outlet)
				continue
			}
			for _, w := range c.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("--outlet %q: error %q lacks %q", c.outlet, err, w)
				}
			}
			continue
		}
		if err != nil {
			t.Errorf("--outlet %q: %v", c.outlet, err)
			continue
		}
		for _, w := range c.want {
			if !strings.Contains(out, w) {
				t.Errorf("--outlet %q: %q lacks %s", c.outlet, out, w)
			}
		}
		for _, other := range []string{"w1", "p1"} {
			if !slices.Contains(c.want, other) && strings.Contains(out, other) {
				t.Errorf("--outlet %q: %s from another outlet listed:\n%s", c.outlet, other, out)
			}
		}
	}
}

// TestSearchFoldsSpellings checks that a search for one spelling of a
// person's name finds the articles that write it another way, and that
// excluding one excludes them all.
func TestSearchFoldsSpellings(t *testing.T) {
	db := filepath.Join(t.TempDir(), "z.db")
	jsonl := writeFile(t, "z.jsonl", strings.Join([]string{
		`{"id":"z1","date":"2022-03-07","text":"President Zelenskiy spoke to parliament on Monday."}`,
		`{"id":"z2","date":"2022-03-08","text":"Zelenskyy thanked the volunteers in a video on Tuesday."}`,
		`{"id":"z3","date":"2022-03-09","text":"Volodymyr Zelensky met the mayor of Lviv on Wednesday."}`,
		`{"id":"m1","date":"2022-03-09","text":"The mayor of Lviv said the trains were running."}`,
	}, "\n")+"\n")
	if _, errOut, err := runCLI(t, "", "--db", db, "-q", "ingest", jsonl); err != nil {
		t.Fatalf("ingest: %v\n%s", err, errOut)
	}
	cases := []struct {
		q    []string
		want []string
	}{
		{[]string{"zelensky"}, []string{"z1", "z2", "z3"}},
		{[]string{"Zelenskyy"}, []string{"z1", "z2", "z3"}},
		{[]string{`"Volodymyr Zelenskiy"`}, []string{"z3"}},
		{[]string{"mayor", "--", "-zelenskyy"}, []string{"m1"}},
		{[]string{"zelenskyy", "lviv"}, []string{"z3"}},
	}
	for _, c := range cases {
		out, errOut, err := runCLI(t, "", append([]string{"--db", db, "search", "--csv"}, c.q...)...)
		if err != nil {
			t.Errorf("%q: %v\n%s", c.q, err, errOut)
			continue
		}
		var got []string
		for _, d := range []string{"z1", "z2", "z3", "m1"} {
			if strings.Contains(out, ","+d+",") {
				got = append(got, d)
			}
		}
		if strings.Join(got, ",") != strings.Join(c.want, ",") {
			t.Errorf("%q: found %v, want %v\n%s", c.q, got, c.want, out)
		}
	}
}
