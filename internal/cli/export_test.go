package cli

import (
	"path/filepath"
	"strings"
	"testing"
)

// TestExportDates checks that --from and --to select events by the day
// they happened, and --reported-from and --reported-to by their article's
// date, as on every command that lists events.
func TestExportDates(t *testing.T) {
	db := filepath.Join(t.TempDir(), "e.db")
	jsonl := writeFile(t, "a.jsonl", strings.Join([]string{
		// Reported on Thursday 10 March of Monday 7 March.
		`{"id":"late","date":"2022-03-10","text":"Poland sent 5,000 helmets to Ukraine on Monday, the defence ministry said on Thursday."}`,
		// Reported the day it happened.
		`{"id":"same","date":"2022-03-08","text":"Estonia pledged 200 Javelin missiles to Ukraine on Tuesday, the defence ministry said."}`,
	}, "\n")+"\n")
	if _, errOut, err := runCLI(t, "", "--db", db, "-q", "ingest", jsonl); err != nil {
		t.Fatalf("ingest: %v\n%s", err, errOut)
	}
	cases := []struct {
		args []string
		want []string // docs exported
	}{
		{nil, []string{"late", "same"}},
		{[]string{"--from", "2022-03-07", "--to", "2022-03-07"}, []string{"late"}},
		{[]string{"--from", "2022-03-08"}, []string{"same"}},
		{[]string{"--reported-from", "2022-03-10"}, []string{"late"}},
		{[]string{"--reported-to", "2022-03-09"}, []string{"same"}},
		{[]string{"--reported-from", "2022-03-07", "--reported-to", "2022-03-07"}, nil},
		{[]string{"--actor", "Estonia"}, []string{"same"}},
	}
	for _, c := range cases {
		out, errOut, err := runCLI(t, "", append([]string{"--db", db, "export"}, c.args...)...)
		if err != nil {
			t.Errorf("%q: %v\n%s", c.args, err, errOut)
			continue
		}
		got := map[string]bool{}
		for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
			for _, d := range []string{"late", "same"} {
				if strings.Contains(line, `"doc":"`+d+`"`) {
					got[d] = true
				}
			}
		}
		if len(got) != len(c.want) {
			t.Errorf("%q: exported %v, want %v", c.args, got, c.want)
			continue
		}
		for _, d := range c.want {
			if !got[d] {
				t.Errorf("%q: exported %v, want %v", c.args, got, c.want)
			}
		}
	}
}
