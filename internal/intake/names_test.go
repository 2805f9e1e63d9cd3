package intake

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/sitrep-project/sitrep/internal/model"
)

// TestSlug: a title becomes a name of lower-case words and hyphens.
func TestSlug(t *testing.T) {
	cases := []struct{ in, want string }{
		{"Strikes hit rail depot", "strikes-hit-rail-depot"},
		{"  Strikes   hit\trail depot  ", "strikes-hit-rail-depot"},
		{"Kyiv's mayor opens more shelters", "kyivs-mayor-opens-more-shelters"},
		{"Kyiv’s mayor opens more shelters", "kyivs-mayor-opens-more-shelters"},
		{"Germany sends 1,000 helmets, 500 vests", "germany-sends-1000-helmets-500-vests"},
		{"$800m aid package: what's in it?", "800m-aid-package-whats-in-it"},
		{"UN: 2.5 million have fled", "un-2-5-million-have-fled"},
		{"Live: talks resume — day 21", "live-talks-resume-day-21"},
		{"\"Hold the line,\" mayor urges", "hold-the-line-mayor-urges"},
		{"Bürgermeister trifft Minister in Lwiw", "bürgermeister-trifft-minister-in-lwiw"},
		{"Удари по Харкову тривають", "удари-по-харкову-тривають"},
		{"Convoy of 40 lorries reaches the city after a two-day journey through the hills", "convoy-of-40-lorries-reaches-the-city-after-a-two-day"},
		{"???", ""},
		{"", ""},
		{" — ", ""},
		{strings.Repeat("長", 40), strings.Repeat("長", 20)},
	}
	for _, c := range cases {
		got := slug(c.in)
		if got != c.want {
			t.Errorf("slug(%q) = %q, want %q", c.in, got, c.want)
		}
		if len(got) > maxSlugBytes {
			t.Errorf("slug(%q) = %q: %d bytes, over %d", c.in, got, len(got), maxSlugBytes)
		}
	}
}

// docs lists the names of articles.
func docs(arts []*model.Article) string {
	return strings.Join(articlesOf(arts, func(a *model.Article) string { return a.Doc }), " ")
}

// TestRecordNames: records and feed items without an id are named by date
// and title when asked, else by file and place; an id is kept; names are
// unique in a run.
func TestRecordNames(t *testing.T) {
	cases := []struct {
		name, file, content string
		byTitle, byPlace    string // the names, with and without NameByTitle
	}{
		{"csv with titles", "desk.csv",
			"date,title,text\n2022-03-18,Strikes hit rail depot,Strikes hit a rail depot overnight.\n2022-03-19,Depot back in service,The depot was back in service by noon.\n",
			"2022-03-18-strikes-hit-rail-depot 2022-03-19-depot-back-in-service", "desk:2 desk:3"},
		{"csv without titles, and an id kept", "desk.csv",
			"id,date,text\n,2022-03-18,Strikes hit a rail depot overnight.\nd-7,2022-03-19,The depot was back in service.\n",
			"desk:2 d-7", "desk:2 d-7"},
		{"a title of no words", "desk.csv",
			"date,title,text\n2022-03-18,???,Strikes hit a rail depot overnight.\n",
			"desk:2", "desk:2"},
		{"headline only", "desk.csv",
			"date,headline\n2022-03-18,Rail depot hit overnight\n",
			"2022-03-18-rail-depot-hit-overnight", "desk:2"},
		{"one title, one day, two stories", "desk.csv",
			"date,title,text\n2022-03-18,Talks round,Delegates met for three hours.\n2022-03-18,Talks round 2,Delegates met again.\n2022-03-18,Talks round,A second group met in the evening.\n2022-03-19,Talks round,Delegates met for an hour.\n",
			"2022-03-18-talks-round 2022-03-18-talks-round-2 2022-03-18-talks-round-3 2022-03-19-talks-round", "desk:2 desk:3 desk:4 desk:5"},
		{"the same story twice", "desk.csv",
			"date,title,text\n2022-03-18,Depot hit,Strikes hit a rail depot overnight.\n2022-03-18,Depot hit,Strikes hit a rail depot overnight.\n",
			"2022-03-18-depot-hit 2022-03-18-depot-hit-2", "desk:2 desk:3"},
		{"a row spanning lines is named by its first", "desk.csv",
			"date,title,text\n2022-03-18,,\"Strikes hit a depot.\n\nCrews worked overnight.\"\n2022-03-19,,The depot reopened.\n",
			"desk:2 desk:5", "desk:2 desk:5"},
		{"jsonl", "wire.jsonl",
			`{"date":"2022-03-18","headline":"Dam inspected","body":"Engineers inspected the dam."}` + "\n" + `{"date":"2022-03-18","body":"The dam held."}` + "\n",
			"2022-03-18-dam-inspected wire:2", "wire:1 wire:2"},
		{"json array", "wire.json",
			`[{"date":"2022-03-18","text":"The dam held."},{"date":"2022-03-18","title":"Dam holds","text":"The dam held again."}]`,
			"wire#1 2022-03-18-dam-holds", "wire#1 wire#2"},
		{"feed items without a guid", "quay.rss",
			`<rss version="2.0"><channel><title>Quay Wire</title>` +
				`<item><title>Ferries resume</title><pubDate>Fri, 18 Mar 2022 08:00:00 GMT</pubDate><description>Ferries resumed.</description></item>` +
				`<item><title>Port open</title><guid>q-2</guid><pubDate>Fri, 18 Mar 2022 09:00:00 GMT</pubDate><description>The port opened.</description></item>` +
				`<item><pubDate>Fri, 18 Mar 2022 10:00:00 GMT</pubDate><description>Tugs returned.</description></item>` +
				`</channel></rss>`,
			"2022-03-18-ferries-resume q-2 quay#3", "quay#1 q-2 quay#3"},
		{"named with the date the file's order gave", "desk.csv",
			"date,title,text\n03/04/2022,Ferries resume,Ferries resumed on the northern route.\n18/03/2022,Tugs return,Tugs returned to the harbour.\n",
			"2022-04-03-ferries-resume 2022-03-18-tugs-return", "desk:2 desk:3"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			p := write(t, t.TempDir(), c.file, c.content)
			for _, by := range []bool{true, false} {
				arts, errs, _ := readAll(t, Options{NameByTitle: by}, p)
				want := c.byPlace
				if by {
					want = c.byTitle
				}
				if got := docs(arts); len(errs) != 0 || got != want {
					t.Errorf("NameByTitle %v: names %q (errors %v), want %q", by, got, errs, want)
				}
			}
		})
	}
}

// TestRecordNamesAcrossFiles: names are unique over the files of a run, the
// same inputs read again get the same names, and a titled record keeps its
// name when the dump is exported in another order.
func TestRecordNamesAcrossFiles(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "north/desk.csv", "date,title,text\n2022-03-18,,Ferries resumed.\n2022-03-18,Port open,The port opened.\n")
	write(t, dir, "south/desk.csv", "date,title,text\n2022-03-18,,Ferries resumed in the south.\n2022-03-18,Port open,The southern port opened.\n")
	// Read before south/desk.csv ("-" sorts before "."), it takes the
	// name "desk-2" first, and south/desk.csv gets "desk-3".
	write(t, dir, "south/desk-2.jsonl", `{"date":"2022-03-18","text":"Tugs returned."}`+"\n")
	want := "desk:2 2022-03-18-port-open desk-2:1 desk-3:2 2022-03-18-port-open-2"
	for run := range 2 {
		arts, errs, _ := readAll(t, Options{NameByTitle: true}, filepath.Join(dir, "north"), filepath.Join(dir, "south"))
		if got := docs(arts); len(errs) != 0 || got != want {
			t.Errorf("run %d: names %q (errors %v), want %q", run, got, errs, want)
		}
	}
	// The same stories in another order keep their titled names.
	d := write(t, dir, "v1.csv", "date,title,text\n2022-03-18,Port open,The port opened.\n2022-03-19,Tugs return,Tugs returned.\n")
	e := write(t, dir, "v2.csv", "date,title,text\n2022-03-19,Tugs return,Tugs returned.\n2022-03-18,Port open,The port opened.\n")
	a1, _, _ := readAll(t, Options{NameByTitle: true}, d)
	a2, _, _ := readAll(t, Options{NameByTitle: true}, e)
	byID := map[string]string{}
	for _, x := range a1 {
		byID[x.ID] = x.Doc
	}
	for _, x := range a2 {
		if byID[x.ID] != x.Doc {
			t.Errorf("%q named %q in one export and %q in the other", x.Text, byID[x.ID], x.Doc)
		}
	}
}

// TestRecordNamesKeepDeduplication: names do not touch the article id,
// the hash of the text by which the store tells duplicates: one story under
// two names is one id, two stories under one title are two.
func TestRecordNamesKeepDeduplication(t *testing.T) {
	p := write(t, t.TempDir(), "desk.csv", "date,title,text\n"+
		"2022-03-18,Depot hit,Strikes hit a rail depot overnight.\n"+
		"2022-03-18,Depot hit,\"Strikes  hit a rail depot\novernight.\"\n"+
		"2022-03-18,Depot hit,Crews cleared the depot by noon.\n")
	arts, errs, _ := readAll(t, Options{NameByTitle: true}, p)
	if len(errs) != 0 || len(arts) != 3 {
		t.Fatalf("%d articles, errors %v", len(arts), errs)
	}
	if arts[0].ID != arts[1].ID || arts[0].ID == arts[2].ID {
		t.Errorf("ids %s %s %s: want the first two equal, the third apart", arts[0].ID, arts[1].ID, arts[2].ID)
	}
	for _, a := range arts {
		if a.ID != model.ArticleID(a.Text) {
			t.Errorf("%s: id %s is not the hash of the text", a.Doc, a.ID)
		}
	}
	if docs(arts) != "2022-03-18-depot-hit 2022-03-18-depot-hit-2 2022-03-18-depot-hit-3" {
		t.Errorf("names %q", docs(arts))
	}
}
