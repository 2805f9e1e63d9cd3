package cli

import (
	"bytes"
	"encoding/csv"
	"strings"
	"testing"
)

// TestTableCells checks that a table for people bounds long values and
// writes numbers with separators, while CSV keeps every value whole and
// numbers plain.
func TestTableCells(t *testing.T) {
	long := strings.Repeat("defence ministry; ", 10)
	tb := (&table{header: []string{"donor", "value", "year", "sources"}}).numbers("value")
	tb.add("AUS", "388000000", "2022", long)
	tb.add("DEU", "2.5", "1999", "Bundeswehr\tspokesman\nsaid")
	tb.add("POL", "", "2022", "-")

	var text bytes.Buffer
	if err := tb.write(&text, false); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(text.String()), "\n")
	if len(lines) != 4 {
		t.Fatalf("%d lines, want 4:\n%s", len(lines), text.String())
	}
	for _, want := range []string{"388,000,000", "2.50", "2022", "…", "Bundeswehr spokesman said"} {
		if !strings.Contains(text.String(), want) {
			t.Errorf("table for people lacks %q:\n%s", want, text.String())
		}
	}
	if strings.Contains(text.String(), "2,022") {
		t.Errorf("a column not marked numeric was formatted:\n%s", text.String())
	}
	for _, l := range lines {
		if n := len([]rune(l)); n > 4*maxCell {
			t.Errorf("a line of %d characters: %q", n, l)
		}
	}

	var out bytes.Buffer
	if err := tb.write(&out, true); err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(&out).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if rows[1][1] != "388000000" || rows[1][3] != long || rows[2][3] != "Bundeswehr\tspokesman\nsaid" {
		t.Errorf("CSV rows %q: want values whole and numbers plain", rows)
	}
}

func TestPlural(t *testing.T) {
	for n, want := range map[int]string{0: "0 reports", 1: "1 report", 2: "2 reports", 11: "11 reports"} {
		if got := plural(n, "report", "reports"); got != want {
			t.Errorf("plural(%d) = %q, want %q", n, got, want)
		}
	}
}

// TestLedgerCSV checks the ledger's CSV: numbers plain, the currency in a
// column of its own, sources whole.
func TestLedgerCSV(t *testing.T) {
	db := searchStore(t)
	out, errOut, err := runCLI(t, "", "--db", db, "ledger", "--csv")
	if err != nil {
		t.Fatalf("%v\n%s", err, errOut)
	}
	rows, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	if strings.Join(rows[0], ",") != "donor,recipient,announced,status,mode,item,units,value,currency,EUR,flags,sources,record" {
		t.Errorf("header %q", rows[0])
	}
	found := false
	for _, r := range rows[1:] {
		if r[0] == "POL" && r[5] == "helmet" {
			found = true
			if r[6] != "5000" || r[11] != "defence ministry; Harbour Wire" {
				t.Errorf("POL helmets: units %q, sources %q; want 5000 and both sources", r[6], r[10])
			}
		}
		for _, c := range r {
			if strings.HasSuffix(c, "…") {
				t.Errorf("a cut value in CSV: %q", r)
			}
		}
	}
	if !found {
		t.Errorf("no POL helmets row:\n%s", out)
	}
}

// TestLedgerDates checks the ledger's --from and --to, by the day the aid
// was announced or given.
func TestLedgerDates(t *testing.T) {
	db := searchStore(t)
	for _, c := range []struct {
		args      []string
		with, not string
	}{
		{[]string{"--from", "2022-03-08"}, "EST,UKR", "POL,UKR"},
		{[]string{"--to", "2022-03-07"}, "POL,UKR", "EST,UKR"},
	} {
		out, _, err := runCLI(t, "", append([]string{"--db", db, "ledger", "--csv"}, c.args...)...)
		if err != nil || !strings.Contains(out, c.with) || strings.Contains(out, c.not) {
			t.Errorf("%q: %v\n%s\nwant %s and not %s", c.args, err, out, c.with, c.not)
		}
	}
	if _, _, err := runCLI(t, "", "--db", db, "ledger", "--from", "someday"); err == nil {
		t.Error("--from someday: no error")
	}
}

// TestCSVEverywhere checks that search, stats and extract write CSV a
// spreadsheet reads: one header, whole values, plain numbers.
func TestCSVEverywhere(t *testing.T) {
	db := searchStore(t)
	text := writeFile(t, "kyiv.txt", "date 2022-03-07\n\nPoland sent 5,000 helmets to Ukraine on Monday, the defence ministry said.\n")
	cases := []struct {
		args   []string
		header string
		has    string
	}{
		{[]string{"--db", db, "search", "helmets", "--csv"}, "rank,score,date,outlet,title,doc,id,url,snippet", "Harbour Wire"},
		{[]string{"--db", db, "stats", "--csv"}, "by,key,articles", "outlet,Valley Post,1"},
		{[]string{"extract", "--csv", text}, strings.Join(csvHeader, ","), "helmet x 5000"},
	}
	for _, c := range cases {
		out, errOut, err := runCLI(t, "", c.args...)
		if err != nil {
			t.Errorf("%q: %v\n%s", c.args, err, errOut)
			continue
		}
		rows, err := csv.NewReader(strings.NewReader(out)).ReadAll()
		if err != nil || len(rows) < 2 {
			t.Errorf("%q: %d rows, %v:\n%s", c.args, len(rows), err, out)
			continue
		}
		if strings.Join(rows[0], ",") != c.header || !strings.Contains(out, c.has) {
			t.Errorf("%q: header %q, want %q; output lacks %q:\n%s", c.args, rows[0], c.header, c.has, out)
		}
	}
}

// TestExtractNotes checks that extract, like ingest, says when it read
// slashed dates month first for want of one that tells.
func TestExtractNotes(t *testing.T) {
	csvFile := writeFile(t, "us.csv", "date,text\n03/04/2022,Poland sent 5000 helmets to Ukraine on Monday.\n")
	_, errOut, err := runCLI(t, "", "extract", csvFile)
	if err != nil || !strings.Contains(errOut, "note:") || !strings.Contains(errOut, "month first") {
		t.Errorf("extract: %v, stderr %q; want a note that the date was read month first", err, errOut)
	}
}
