package intake

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/sitrep-project/sitrep/internal/model"
)

// TestParseDateNumericForms: dates of three numbers in the forms real
// dumps write them, with and without a time of day, read as one day.
func TestParseDateNumericForms(t *testing.T) {
	cases := []struct{ in, want string }{
		// Year first, any separator, one or two digits.
		{"2022.3.18", "2022-03-18"},
		{"2022.03.18", "2022-03-18"},
		{"2022.3.18 14:37", "2022-03-18"},
		{"2022.3.8 9:05", "2022-03-08"},
		{"2022.12.1 23:59:59", "2022-12-01"},
		{"2022-3-18", "2022-03-18"},
		{"2022/3/8", "2022-03-08"},
		{"2022-03-18 14:37", "2022-03-18"},
		{"2022-03-18T14:37", "2022-03-18"},
		{"2022-03-18 14:37:05.250", "2022-03-18"},
		// Dots with the year last: always day first.
		{"18.03.2022", "2022-03-18"},
		{"3.4.2022", "2022-04-03"},
		{"03.04.2022 08:15", "2022-04-03"},
		// Slashes and dashes with the year last: the number above 12
		// tells which is the day.
		{"18/03/2022", "2022-03-18"},
		{"18/3/2022", "2022-03-18"},
		{"18/03/2022 14:37", "2022-03-18"},
		{"18/03/2022, 14:37:05", "2022-03-18"},
		{"31/12/2021", "2021-12-31"},
		{"18-03-2022", "2022-03-18"},
		{"03/18/2022", "2022-03-18"},
		{"3/18/2022 2:37 PM", "2022-03-18"},
		{"12/25/2021 11:00 am", "2021-12-25"},
		// The same number twice reads the same either way.
		{"05/05/2022", "2022-05-05"},
		{"11/11/2021 11:11", "2021-11-11"},
		// A zone or junk after the time: the date before it still counts.
		{"18/03/2022 14:37 UTC", "2022-03-18"},
		{"2022.3.18 14:37 +0200", "2022-03-18"},
		// The forms read before keep their meaning.
		{"2022-03-18", "2022-03-18"},
		{"2022/03/18", "2022-03-18"},
		{"2022-03-18T14:37:05Z", "2022-03-18"},
		{"18 March 2022", "2022-03-18"},
	}
	for _, c := range cases {
		d, err := ParseDate(c.in)
		if err != nil || d.Format(model.DateLayout) != c.want {
			t.Errorf("ParseDate(%q) = %v, %v; want %s", c.in, d, err, c.want)
		}
	}
}

// TestParseDateRefusesNumeric: numbers that make no day, and a lone date
// that makes two, are refused, saying why.
func TestParseDateRefusesNumeric(t *testing.T) {
	cases := []struct {
		in   string
		want []string // in the message
	}{
		{"31/02/2022", []string{"not a day of the calendar"}},
		{"02/31/2022", []string{"not a day of the calendar"}},
		{"13/13/2022", []string{"not a day of the calendar"}},
		{"2022.2.30", []string{"not a day of the calendar"}},
		{"2022.13.1 10:00", []string{"not a day of the calendar"}},
		{"0/3/2022", []string{"not a day of the calendar"}},
		{"31.04.2022", []string{"not a day of the calendar"}},
		{"03/04/2022", []string{"3 April 2022", "March 4, 2022", "2022-04-03", "2022-03-04"}},
		{"1/2/2022 10:30", []string{"1 February 2022", "January 2, 2022"}},
		{"11-12-2021", []string{"11 December 2021", "November 12, 2021"}},
		{"18/03/22", []string{"use YYYY-MM-DD"}},
		{"2022.3", []string{"use YYYY-MM-DD"}},
		{"123/4/2022", []string{"use YYYY-MM-DD"}},
	}
	for _, c := range cases {
		_, err := ParseDate(c.in)
		if err == nil || !errors.Is(err, ErrBadDate) {
			t.Errorf("ParseDate(%q): %v, want an ErrBadDate", c.in, err)
			continue
		}
		for _, w := range c.want {
			if !strings.Contains(err.Error(), w) {
				t.Errorf("ParseDate(%q): %q does not say %q", c.in, err, w)
			}
		}
	}
}

// TestParseDateNumericRange: the new forms keep the range check.
func TestParseDateNumericRange(t *testing.T) {
	withNow(t, "2024-06-01")
	for _, in := range []string{"18/03/1899", "1899.12.31", "31.12.2026", "2026-1-1 00:00"} {
		if _, err := ParseDate(in); !errors.Is(err, ErrDateRange) {
			t.Errorf("ParseDate(%q): %v, want ErrDateRange", in, err)
		}
	}
	for _, in := range []string{"1.1.1900", "31/12/2025", "2025.12.31 23:59"} {
		if _, err := ParseDate(in); err != nil {
			t.Errorf("ParseDate(%q): %v", in, err)
		}
	}
}

// dated is what a test reads back of each result: "doc date" for an
// article, "!line" or "!#record" for an error.
func dated(arts []*model.Article, errs []*Error) []string {
	var out []string
	for _, a := range arts {
		out = append(out, a.DateString())
	}
	for _, e := range errs {
		if e.Line > 0 {
			out = append(out, fmt.Sprintf("!%d", e.Line))
		} else {
			out = append(out, fmt.Sprintf("!#%d", e.Record))
		}
	}
	return out
}

// readNotes reads paths like readAll and also returns the notes.
func readNotes(t *testing.T, opts Options, paths ...string) ([]*model.Article, []*Error, []Note) {
	t.Helper()
	var notes []Note
	opts.OnNote = func(n Note) { notes = append(notes, n) }
	arts, errs, _ := readAll(t, opts, paths...)
	return arts, errs, notes
}

// TestFileDateOrder: in a dump or feed, a slashed date that reads both
// ways is read in the order the file's other dates show, earlier records
// included; with none to show it, month first and a note; results keep the
// file's order whatever waits.
func TestFileDateOrder(t *testing.T) {
	rss := func(dates ...string) string {
		var b strings.Builder
		b.WriteString(`<?xml version="1.0"?><rss version="2.0"><channel><title>Quay Wire</title>`)
		for i, d := range dates {
			fmt.Fprintf(&b, "<item><title>Harbour notice %d</title><guid>q%d</guid><pubDate>%s</pubDate><description>The harbour office posted notice %d.</description></item>", i, i, d, i)
		}
		b.WriteString("</channel></rss>")
		return b.String()
	}
	cases := []struct {
		name, file, content string
		want                []string // dates of the articles in order, then errors
		note                string   // in the one note, "" for none
	}{
		{"csv decided by a later day-first date", "desk.csv",
			"date,text\n03/04/2022,Ferries resumed on the northern route.\n07/05/2022,The port reopened to grain ships.\n18/03/2022,Tugs returned to the harbour.\n",
			[]string{"2022-04-03", "2022-05-07", "2022-03-18"}, ""},
		{"csv decided by a later month-first date", "desk.csv",
			"date,text\n03/04/2022,Ferries resumed on the northern route.\n07/05/2022,The port reopened to grain ships.\n03/18/2022,Tugs returned to the harbour.\n",
			[]string{"2022-03-04", "2022-07-05", "2022-03-18"}, ""},
		{"csv decided first, ambiguous after", "desk.csv",
			"date,text\n25/12/2021 09:00,Carol singers toured the wards.\n01/02/2022 10:00,The new ward opened.\n",
			[]string{"2021-12-25", "2022-02-01"}, ""},
		{"csv with nothing to tell: month first and a note", "us.csv",
			"date,text\n03/04/2022,Ferries resumed on the northern route.\n04/05/2022 14:37,The port reopened to grain ships.\n",
			[]string{"2022-03-04", "2022-04-05"}, `2 dates such as "03/04/2022"`},
		{"one ambiguous date: the note says the date", "us.csv",
			"date,text\n03/04/2022,Ferries resumed on the northern route.\n2022-03-05,The port reopened to grain ships.\n",
			[]string{"2022-03-04", "2022-03-05"}, `the date "03/04/2022", which could be day first or month first, was read month first`},
		{"equal numbers tell nothing and need nothing", "desk.csv",
			"date,text\n05/05/2022,Ferries resumed on the northern route.\n11/11/2021,Wreaths were laid at the memorial.\n",
			[]string{"2022-05-05", "2021-11-11"}, ""},
		{"dots are day first without a note", "desk.csv",
			"date,text\n03.04.2022,Ferries resumed on the northern route.\n1.2.2022 08:00,The port reopened to grain ships.\n",
			[]string{"2022-04-03", "2022-02-01"}, ""},
		{"both orders in one file: a note", "mixed.csv",
			"date,text\n18/03/2022,Tugs returned to the harbour.\n03/04/2022,Ferries resumed on the northern route.\n03/18/2022,The port reopened to grain ships.\n",
			[]string{"2022-03-18", "2022-04-03", "2022-03-18"}, `both day first ("18/03/2022" on line 2) and month first ("03/18/2022" on line 4)`},
		{"errors between held records keep their place", "desk.csv",
			"date,text\n03/04/2022,Ferries resumed on the northern route.\n31/02/2022,A day that never was.\n04/05/2022,\n18/03/2022,Tugs returned to the harbour.\n",
			[]string{"2022-04-03", "2022-03-18", "!3", "!4"}, ""},
		{"tsv with a time", "desk.tsv",
			"date\ttext\n02/03/2022 14:37\tA curfew was announced for the weekend.\n13/03/2022 06:00\tThe curfew was lifted at dawn.\n",
			[]string{"2022-03-02", "2022-03-13"}, ""},
		{"jsonl", "wire.jsonl",
			`{"date":"07/08/2022","text":"Grain ships left the port at dawn."}` + "\n" + `{"date":"21/08/2022","text":"A fourth convoy was cleared to sail."}` + "\n",
			[]string{"2022-08-07", "2022-08-21"}, ""},
		{"json array", "wire.json",
			`[{"date":"07/08/2022","text":"Grain ships left the port at dawn."},{"date":"08/21/2022","text":"A fourth convoy was cleared to sail."}]`,
			[]string{"2022-07-08", "2022-08-21"}, ""},
		{"feed dates decided by the feed", "quay.rss", rss("03/04/2022", "Wed, 02 Mar 2022 08:00:00 GMT", "25/03/2022 10:00"),
			[]string{"2022-04-03", "2022-03-02", "2022-03-25"}, ""},
		{"feed dates with nothing to tell", "quay.rss", rss("03/04/2022", "04/05/2022"),
			[]string{"2022-03-04", "2022-04-05"}, "read month first"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			p := write(t, t.TempDir(), c.file, c.content)
			arts, errs, notes := readNotes(t, Options{}, p)
			if got := dated(arts, errs); strings.Join(got, " ") != strings.Join(c.want, " ") {
				t.Errorf("dates %v, want %v (errors %v)", got, c.want, errs)
			}
			switch {
			case c.note == "" && len(notes) > 0:
				t.Errorf("notes %v, want none", notes)
			case c.note != "" && (len(notes) != 1 || !strings.Contains(notes[0].String(), c.note) || notes[0].Path != p):
				t.Errorf("notes %v, want one on %s saying %q", notes, p, c.note)
			}
		})
	}
}

// TestFileDateOrderKeepsResultOrder: every result, article or error,
// comes out in the order of the file while records wait for the order.
func TestFileDateOrderKeepsResultOrder(t *testing.T) {
	p := write(t, t.TempDir(), "desk.jsonl", `{"date":"03/04/2022","text":"Ferries resumed on the northern route."}
not json
{"date":"2022-03-06","text":"A new pier was opened."}
{"date":"04/05/2022"}
{"date":"19/04/2022","text":"Tugs returned to the harbour."}
`)
	r := New(Options{}, nil)
	inputs, _ := r.Plan([]string{p})
	var got []string
	err := r.Read(t.Context(), inputs, func(res Result) error {
		switch {
		case res.Article != nil:
			got = append(got, res.Article.Origin[len(p):]+"="+res.Article.DateString())
		case res.Err != nil:
			got = append(got, fmt.Sprintf(":%d!", res.Err.Line))
		}
		return nil
	}, nil)
	want := ":1=2022-04-03 :2! :3=2022-03-06 :4! :5=2022-04-19"
	if err != nil || strings.Join(got, " ") != want {
		t.Errorf("results %v (%v), want %s", got, err, want)
	}
}

// TestFileDateOrderPerFile: one file's order says nothing of the next's.
func TestFileDateOrderPerFile(t *testing.T) {
	dir := t.TempDir()
	a := write(t, dir, "a.csv", "date,text\n18/03/2022,Tugs returned to the harbour.\n03/04/2022,Ferries resumed.\n")
	b := write(t, dir, "b.csv", "date,text\n03/04/2022,Ferries resumed on the southern route.\n")
	arts, errs, notes := readNotes(t, Options{}, a, b)
	if got := strings.Join(dated(arts, errs), " "); got != "2022-03-18 2022-04-03 2022-03-04" {
		t.Errorf("dates %s, want b.csv read month first on its own", got)
	}
	if len(notes) != 1 || notes[0].Path != b {
		t.Errorf("notes %v, want one on b.csv", notes)
	}
}

// TestFileDateOrderBounded: records held for the order are bounded; past
// the bound the file is read month first, with a note, and nothing is lost.
func TestFileDateOrderBounded(t *testing.T) {
	var b strings.Builder
	b.WriteString("date,text\n")
	n := 0
	for b.Len() < 12<<10 {
		n++
		fmt.Fprintf(&b, "0%d/0%d/2022,Bulletin %d: the ferry timetable is unchanged today.\n", n%9+1, (n+1)%9+1, n)
		if n%9 == (n+1)%9 {
			t.Fatal("equal numbers")
		}
	}
	b.WriteString("18/03/2022,The timetable changes from Monday.\n")
	p := write(t, t.TempDir(), "bulletins.csv", b.String())
	arts, errs, notes := readNotes(t, Options{MaxArticleBytes: 1 << 10}, p)
	if len(arts) != n+1 || len(errs) != 0 {
		t.Fatalf("%d articles and errors %v, want %d", len(arts), errs, n+1)
	}
	if arts[0].DateString() != "2022-02-03" {
		t.Errorf("first date %s, want month first", arts[0].DateString())
	}
	if len(notes) == 0 || !strings.Contains(notes[0].Text, "first 8.0 KiB of records") {
		t.Errorf("notes %v, want one on the bound", notes)
	}
}

// TestFieldDateHint: a dump's date in no known form points to
// --date-format; a lone date, which the flag cannot help, does not.
func TestFieldDateHint(t *testing.T) {
	for _, in := range []string{"yesterday", "18th of March", "2022年3月18日", "Fri 18.3."} {
		p := write(t, t.TempDir(), "desk.csv", "date,text\n"+in+",Ferries resumed on the northern route.\n")
		_, errs, _ := readAll(t, Options{}, p)
		if len(errs) != 1 || !errors.Is(errs[0], ErrBadDate) || !strings.Contains(errs[0].Error(), "or give its form with --date-format") {
			t.Errorf("%q: errors %v, want one pointing to --date-format", in, errs)
		}
		if _, err := ParseDate(in); err == nil || strings.Contains(err.Error(), "--date-format") {
			t.Errorf("ParseDate(%q): %v", in, err)
		}
	}
}
