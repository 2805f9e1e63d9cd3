package intake

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/sitrep-project/sitrep/internal/model"
)

// TestHeaderMissingColumn: a CSV or TSV header without a column the run
// needs is one error for the file, at the header's line, naming the
// header's columns; no row is read.
func TestHeaderMissingColumn(t *testing.T) {
	const rows = "\n2022-03-18,Courier,Flood warning,Rivers rose across the valley overnight.\n" +
		"2022-03-19,Courier,Flood eases,The water began to fall on Saturday.\n"
	cases := []struct {
		name, file, content string
		opts                Options
		want                []string // in the error; none: no error
	}{
		{"a value given as a column name", "desk.csv", "date,outlet,title,text" + rows,
			Options{Fields: map[string]string{"outlet": "BBC"}},
			[]string{`no column "BBC", which --field outlet=BBC names`, "the header has date, outlet, title, text", `use --outlet "BBC"`}},
		{"mapped text column missing", "desk.csv", "date,outlet,title,body_text" + rows,
			Options{Fields: map[string]string{"text": "content"}},
			[]string{`no column "content", which --field text=content names`, "body_text", "not to a value"}},
		{"mapped date column missing", "desk.csv", "date,outlet,title,text" + rows,
			Options{Fields: map[string]string{"date": "pubdate"}},
			[]string{`"pubdate"`, "--field date=pubdate"}},
		{"mapped url column missing: optional, still a mistake", "desk.csv", "date,outlet,title,text" + rows,
			Options{Fields: map[string]string{"url": "permalink_url"}},
			[]string{`"permalink_url"`, "date, outlet, title, text"}},
		{"no text or headline column", "desk.csv", "date,outlet,summary,story_body" + rows,
			Options{},
			[]string{"no column of article text or headline", "text/body/article", "title/headline/heading", "summary, story_body", "--field text=COLUMN"}},
		{"no date column and no --date", "desk.csv", "day,outlet,title,text" + rows,
			Options{},
			[]string{"no date column", "date/published", "day, outlet, title, text", "--date"}},
		{"tab separated", "desk.tsv", strings.ReplaceAll("when,outlet,title,text"+rows, ",", "\t"),
			Options{Fields: map[string]string{"date": "published_on"}},
			[]string{`no column "published_on"`, "when, outlet, title, text"}},
		{"odd column names quoted", "desk.csv", "\"pub date\",,title" + "\n2022-03-18,x,Flood warning\n",
			Options{Fields: map[string]string{"date": "pub_date"}},
			[]string{`"pub date", "", title`}},
		// What is fine.
		{"no date column with --date", "desk.csv", "day,outlet,title,text" + rows,
			Options{Date: time.Date(2022, 3, 20, 0, 0, 0, 0, time.UTC)}, nil},
		{"headline only is enough", "desk.csv", "date,headline\n2022-03-18,Flood warning for the valley\n", Options{}, nil},
		{"mapping matches whatever the case", "desk.csv", "Date,Outlet,Title,Story Text" + rows,
			Options{Fields: map[string]string{"text": "STORY TEXT"}}, nil},
		{"byte order mark before the header", "desk.csv", "\ufeffdate,outlet,title,text" + rows, Options{}, nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			p := write(t, t.TempDir(), c.file, c.content)
			arts, errs, _ := readAll(t, c.opts, p)
			if c.want == nil {
				if len(errs) != 0 || len(arts) == 0 {
					t.Fatalf("%d articles, errors %v; want articles and no error", len(arts), errs)
				}
				return
			}
			if len(errs) != 1 || len(arts) != 0 {
				t.Fatalf("%d articles, errors %v; want one error for the file and no article", len(arts), errs)
			}
			e := errs[0]
			if e.Line != 1 || !errors.Is(e, ErrMissingColumn) || !strings.HasPrefix(e.Error(), p+":1: missing column") {
				t.Errorf("error %q (line %d), want an ErrMissingColumn at %s:1", e, e.Line, p)
			}
			for _, w := range c.want {
				if !strings.Contains(e.Error(), w) {
					t.Errorf("error %q does not say %q", e, w)
				}
			}
		})
	}
}

// TestHeaderColumnsListed: a header of many columns is listed in part.
func TestHeaderColumnsListed(t *testing.T) {
	var cols []string
	for i := range 45 {
		cols = append(cols, "col"+itoa(i))
	}
	p := write(t, t.TempDir(), "wide.csv", strings.Join(cols, ",")+"\n"+strings.Repeat("x,", 44)+"x\n")
	_, errs, _ := readAll(t, Options{}, p)
	if len(errs) != 1 || !strings.Contains(errs[0].Error(), "col29, and 15 more") || strings.Contains(errs[0].Error(), "col30") {
		t.Errorf("errors %v, want 30 columns named and 15 counted", errs)
	}
}

// TestJSONKeyNeverSeen: a JSON dump has no header, so a key named with
// --field that no record has is noted once the file is read; the records
// are read as ever.
func TestJSONKeyNeverSeen(t *testing.T) {
	cases := []struct {
		name, file, content string
		fields              map[string]string
		note                []string // in the one note; none: no note
	}{
		{"value given as a key, jsonl", "wire.jsonl",
			`{"date":"2022-03-18","title":"Dam inspected","text":"Engineers inspected the dam on Friday."}` + "\n" +
				`{"date":"2022-03-19","title":"Dam holds","text":"The dam held through the night."}` + "\n",
			map[string]string{"outlet": "Valley Post"},
			[]string{`no record has a key "Valley Post", which --field outlet=Valley Post names`, "keys seen: date, text, title", `use --outlet "Valley Post"`}},
		{"mapped key missing, json array", "wire.json",
			`[{"when":"2022-03-18","story":"Engineers inspected the dam on Friday.","link":"https://example.org/dam"}]`,
			map[string]string{"date": "when", "text": "story", "url": "web_url"},
			[]string{`"web_url"`, "--field url=web_url", "keys seen: link, story, when"}},
		{"key in one record of many is enough", "wire.jsonl",
			`{"date":"2022-03-18","text":"Engineers inspected the dam on Friday."}` + "\n" +
				`{"date":"2022-03-19","text":"The dam held through the night.","paper":"Valley Post"}` + "\n",
			map[string]string{"outlet": "paper"}, nil},
		{"key present but empty counts", "wire.jsonl",
			`{"date":"2022-03-18","text":"Engineers inspected the dam on Friday.","paper":""}` + "\n",
			map[string]string{"outlet": "paper"}, nil},
		{"no mapping, no note", "wire.jsonl",
			`{"date":"2022-03-18","text":"Engineers inspected the dam on Friday."}` + "\n", nil, nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			p := write(t, t.TempDir(), c.file, c.content)
			arts, errs, notes := readNotes(t, Options{Fields: c.fields}, p)
			if len(errs) != 0 || len(arts) == 0 {
				t.Fatalf("%d articles, errors %v; the records must be read", len(arts), errs)
			}
			if c.note == nil {
				if len(notes) != 0 {
					t.Errorf("notes %v, want none", notes)
				}
				return
			}
			if len(notes) != 1 || notes[0].Path != p {
				t.Fatalf("notes %v, want one on %s", notes, p)
			}
			for _, w := range c.note {
				if !strings.Contains(notes[0].Text, w) {
					t.Errorf("note %q does not say %q", notes[0].Text, w)
				}
			}
		})
	}
}

// TestOutletOption: --outlet fills the outlet of every article that has
// none, in every format, and never replaces one an article names.
func TestOutletOption(t *testing.T) {
	const outlet = "Harbour Courier"
	cases := []struct {
		name, file, content string
		want                []string // outlets of the articles in order
	}{
		{"csv without an outlet column", "desk.csv", "date,text\n2022-03-18,Ferries resumed on the northern route.\n", []string{outlet}},
		{"csv with one, empty in a row", "desk.csv", "date,source,text\n2022-03-18,Quay Wire,Ferries resumed.\n2022-03-19,,The port reopened.\n", []string{"Quay Wire", outlet}},
		{"jsonl", "wire.jsonl", `{"date":"2022-03-18","text":"Ferries resumed."}` + "\n" + `{"date":"2022-03-18","publisher":"Quay Wire","text":"The port reopened."}` + "\n", []string{outlet, "Quay Wire"}},
		{"json array", "wire.json", `[{"date":"2022-03-18","text":"Ferries resumed."}]`, []string{outlet}},
		{"feed without a title", "quay.rss", `<rss version="2.0"><channel><item><title>Ferries resume</title><pubDate>Fri, 18 Mar 2022 08:00:00 GMT</pubDate><description>Ferries resumed.</description></item></channel></rss>`, []string{outlet}},
		{"feed with a title", "quay.rss", `<rss version="2.0"><channel><title>Quay Wire</title><item><title>Ferries resume</title><pubDate>Fri, 18 Mar 2022 08:00:00 GMT</pubDate><description>Ferries resumed.</description></item></channel></rss>`, []string{"Quay Wire"}},
		{"seed text", "seed.txt", " date 2022-03-18 Ferries resumed on the northern route.", []string{outlet}},
		{"page without a site name", "page.html", `<html><head><title>Ferries resume</title><meta property="article:published_time" content="2022-03-18T10:00:00Z"></head><body><article><p>Ferries resumed on the northern route on Friday after the storm, the port office said, and more sailings were added for the weekend.</p><p>Passengers queued from early morning at the terminal, where staff handed out tea and timetables.</p></article></body></html>`, []string{outlet}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			p := write(t, t.TempDir(), c.file, c.content)
			arts, errs, _ := readAll(t, Options{Outlet: "  Harbour   Courier "}, p)
			var got []string
			for _, a := range arts {
				got = append(got, a.Outlet)
			}
			if len(errs) != 0 || strings.Join(got, "|") != strings.Join(c.want, "|") {
				t.Errorf("outlets %q (errors %v), want %q", got, errs, c.want)
			}
			// Without the option, nothing is made up.
			arts, _, _ = readAll(t, Options{}, p)
			for _, a := range arts {
				if a.Outlet == outlet {
					t.Errorf("outlet %q without --outlet", a.Outlet)
				}
			}
		})
	}
}

// articlesOf is a shorthand for the test tables below.
func articlesOf(arts []*model.Article, f func(*model.Article) string) []string {
	var out []string
	for _, a := range arts {
		out = append(out, f(a))
	}
	return out
}
