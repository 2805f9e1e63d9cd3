package intake

import (
	"errors"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestDateLayout: with a layout given, the date field of every kind of
// dump is read with it alone; a date that does not fit is an error for its
// record, naming the file, the line or record, the value and the layout,
// and the rest of the file goes on.
func TestDateLayout(t *testing.T) {
	cases := []struct {
		name, layout, file, content string
		want                        []string // dates in order, then "!" and the error's place
		errWant                     []string // in the first error
	}{
		{"dotted with time, csv", "2006.1.2 15:04", "desk.csv",
			"date,text\n2022.3.18 14:37,Shelling was reported near the station.\n2022.03.19 08:05,Repair crews reached the station.\n18/03/2022,The station reopened.\n",
			[]string{"2022-03-18", "2022-03-19", "!desk.csv:4"}, []string{`"18/03/2022"`, `does not match --date-format "2006.1.2 15:04"`}},
		{"day first slashes read as the layout says", "02/01/2006", "desk.csv",
			"date,text\n03/04/2022,Ferries resumed on the northern route.\n04/05/2022,The port reopened to grain ships.\n",
			[]string{"2022-04-03", "2022-05-04"}, nil},
		{"month first slashes read as the layout says", "01/02/2006", "desk.csv",
			"date,text\n03/04/2022,Ferries resumed on the northern route.\n18/03/2022,The port reopened to grain ships.\n",
			[]string{"2022-03-04", "!desk.csv:3"}, []string{`"18/03/2022", read with --date-format "01/02/2006", is not a day of the calendar`}},
		{"a form ParseDate knows is no excuse", "2.1.2006", "desk.tsv",
			"date\ttext\n2022-03-18\tThe curfew was extended by a week.\n18.3.2022\tThe curfew was lifted.\n",
			[]string{"2022-03-18", "!desk.tsv:2"}, []string{`"2022-03-18" does not match --date-format "2.1.2006"`}},
		{"named month, jsonl", "Jan 2 2006 at 15:04", "wire.jsonl",
			`{"date":"Mar 18 2022 at 14:37","text":"Talks resumed in the afternoon."}` + "\n" + `{"date":"March 18, 2022","text":"Talks ended without a statement."}` + "\n",
			[]string{"2022-03-18", "!wire.jsonl:2"}, []string{`"March 18, 2022"`, `"Jan 2 2006 at 15:04"`}},
		{"compact digits, json array with a number", "20060102", "wire.json",
			`[{"date":20220318,"text":"Grain ships left the port."},{"date":"2022-03-19","text":"A fourth ship sailed."}]`,
			[]string{"2022-03-18", "!wire.json#2"}, []string{"record 2", `"2022-03-19" does not match`}},
		{"zone kept to the calendar day written", "2006-01-02 15:04 -0700", "desk.csv",
			"date,text\n2022-03-18 23:30 -0500,Late sitting ended after midnight in London.\n",
			[]string{"2022-03-18"}, nil},
		{"range check stays", "2.1.2006", "desk.csv",
			"date,text\n18.3.1899,An archive photograph resurfaced.\n",
			[]string{"!desk.csv:2"}, []string{"implausible date", "--date-format"}},
		{"feed: standard dates as ever, others by the layout", "2.1.2006", "quay.rss",
			`<rss version="2.0"><channel><title>Quay Wire</title>` +
				`<item><title>One</title><guid>q1</guid><pubDate>Wed, 02 Mar 2022 08:00:00 GMT</pubDate><description>Notice one.</description></item>` +
				`<item><title>Two</title><guid>q2</guid><pubDate>3.4.2022</pubDate><description>Notice two.</description></item>` +
				`<item><title>Three</title><guid>q3</guid><pubDate>the 5th of April</pubDate><description>Notice three.</description></item>` +
				`</channel></rss>`,
			[]string{"2022-03-02", "2022-04-03", "!quay.rss#3"}, []string{`"the 5th of April" does not match --date-format "2.1.2006"`}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			p := write(t, t.TempDir(), c.file, c.content)
			arts, errs, notes := readNotes(t, Options{DateLayout: c.layout}, p)
			var got []string
			for _, a := range arts {
				got = append(got, a.DateString())
			}
			for _, e := range errs {
				place := filepath.Base(e.Path) + ":" + itoa(e.Line)
				if e.Record > 0 {
					place = filepath.Base(e.Path) + "#" + itoa(e.Record)
				}
				got = append(got, "!"+place)
				if !strings.HasPrefix(e.Error(), p) {
					t.Errorf("error %q does not name the file", e)
				}
				if !errors.Is(e, ErrBadDate) {
					t.Errorf("error %v is not an ErrBadDate", e)
				}
			}
			if strings.Join(got, " ") != strings.Join(c.want, " ") {
				t.Errorf("read %v, want %v (errors %v)", got, c.want, errs)
			}
			for _, w := range c.errWant {
				if len(errs) == 0 || !strings.Contains(errs[0].Error(), w) {
					t.Errorf("errors %v, want the first to say %q", errs, w)
				}
			}
			if len(notes) > 0 {
				t.Errorf("notes %v: with a layout nothing is guessed", notes)
			}
		})
	}
}

// TestDateLayoutNotForFilesDates: a layout is for dump and feed fields; the
// seed format's own date line and --date are read as ever.
func TestDateLayoutNotForFilesDates(t *testing.T) {
	dir := t.TempDir()
	seed := write(t, dir, "seed.txt", " date 2022-03-18 Rail traffic resumed on the western line.")
	plain := write(t, dir, "plain.txt", "Rail traffic resumed on the eastern line.")
	undated := write(t, dir, "undated.csv", "text\nBuses replaced trains for the day.\n")
	arts, errs, _ := readAll(t, Options{DateLayout: "2.1.2006", Date: time.Date(2022, 3, 19, 0, 0, 0, 0, time.UTC)}, seed, plain, undated)
	if len(errs) != 0 || len(arts) != 3 || arts[0].DateString() != "2022-03-18" || arts[1].DateString() != "2022-03-19" || arts[2].DateString() != "2022-03-19" {
		t.Errorf("articles %v, errors %v", arts, errs)
	}
}

// TestCheckDateLayout: a layout must give a year, a month and a day.
func TestCheckDateLayout(t *testing.T) {
	good := []string{"2006.1.2 15:04", "2006.01.02", "02/01/2006", "01/02/2006", "2/1/06", "Jan 2 2006", "2 January 2006 15:04 MST",
		"20060102", "2006-01-02T15:04:05Z07:00", "Monday, 2 Jan 2006", "2006-002"}
	for _, l := range good {
		if err := CheckDateLayout(l); err != nil {
			t.Errorf("CheckDateLayout(%q): %v", l, err)
		}
	}
	bad := []string{"", "  ", "15:04", "2006", "Jan 2006", "2 Jan", "01/2006", "yyyy-mm-dd", "DD/MM/YYYY", "%Y-%m-%d"}
	for _, l := range bad {
		err := CheckDateLayout(l)
		if err == nil {
			t.Errorf("CheckDateLayout(%q) accepted", l)
			continue
		}
		if !strings.Contains(err.Error(), "Mon Jan 2 15:04:05 2006") {
			t.Errorf("CheckDateLayout(%q): %q does not show the reference time", l, err)
		}
	}
}
