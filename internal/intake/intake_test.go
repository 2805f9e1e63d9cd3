package intake

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/sitrep-project/sitrep/internal/model"
)

// readAll plans and reads paths, returning articles and errors.
func readAll(t *testing.T, opts Options, paths ...string) ([]*model.Article, []*Error, []string) {
	t.Helper()
	r := New(opts, strings.NewReader(""))
	inputs, errs := r.Plan(paths)
	var arts []*model.Article
	var skipped []string
	err := r.Read(context.Background(), inputs, func(res Result) error {
		switch {
		case res.Article != nil:
			arts = append(arts, res.Article)
		case res.Err != nil:
			errs = append(errs, res.Err)
		default:
			skipped = append(skipped, res.Skipped)
		}
		return nil
	}, nil)
	if err != nil {
		t.Fatalf("Read: %v", err)
	}
	return arts, errs, skipped
}

func write(t *testing.T, dir, name, content string) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

const seedArticle = ` date 2022-03-04 Poland opens border crossings

Poland opened two more border crossings on Thursday as thousands of people queued in the cold, the interior ministry said.

Aid convoys wait for the road

Volunteers handed out soup and blankets near Medyka, where the line stretched for several kilometres.

(Photo: staff)
`

func TestSeedFormat(t *testing.T) {
	dir := t.TempDir()
	p := write(t, dir, "pl-border.txt", seedArticle)
	arts, errs, _ := readAll(t, Options{}, p)
	if len(errs) > 0 || len(arts) != 1 {
		t.Fatalf("got %d articles, errors %v", len(arts), errs)
	}
	a := arts[0]
	if a.Doc != "pl-border" || a.DateString() != "2022-03-04" || a.Title != "Poland opens border crossings" {
		t.Errorf("doc %q date %q title %q", a.Doc, a.DateString(), a.Title)
	}
	var kinds []string
	for _, b := range a.Blocks {
		kinds = append(kinds, string(b.Kind)+":"+b.Of(a.Text)[:min(12, b.Len())])
	}
	want := []string{"paragraph:Poland opene", "heading:Aid convoys ", "paragraph:Volunteers h", "credit:(Photo: staf"}
	if strings.Join(kinds, "|") != strings.Join(want, "|") {
		t.Errorf("blocks\n got %v\nwant %v", kinds, want)
	}
	if a.ID != model.ArticleID(a.Text) || len(a.ID) != 16 {
		t.Errorf("id %q is not the hash of the text", a.ID)
	}
	if a.Origin != p {
		t.Errorf("origin %q, want %q", a.Origin, p)
	}
}

func TestSeedDateOnSameLine(t *testing.T) {
	dir := t.TempDir()
	p := write(t, dir, "a.txt", "\n\t date 2022-01-22 Talks resumed in Geneva on Friday, officials said.\n")
	arts, errs, _ := readAll(t, Options{}, p)
	if len(errs) > 0 || len(arts) != 1 {
		t.Fatalf("got %d articles, errors %v", len(arts), errs)
	}
	if got := arts[0].Text; got != "Talks resumed in Geneva on Friday, officials said." {
		t.Errorf("text %q", got)
	}
}

func TestPlainTextNeedsDate(t *testing.T) {
	dir := t.TempDir()
	p := write(t, dir, "note.txt", "Lithuania said it would send more ammunition.\n")
	_, errs, _ := readAll(t, Options{}, p)
	if len(errs) != 1 || !errors.Is(errs[0], ErrNoDate) {
		t.Fatalf("errors %v, want one ErrNoDate", errs)
	}
	arts, errs, _ := readAll(t, Options{Date: time.Date(2022, 3, 1, 0, 0, 0, 0, time.UTC)}, p)
	if len(errs) > 0 || len(arts) != 1 || arts[0].DateString() != "2022-03-01" {
		t.Fatalf("with --date: %v %v", arts, errs)
	}
}

func TestSameTextSameID(t *testing.T) {
	a := newArticle("Kyiv said on Monday  that\n talks would resume.", "", false)
	b := newArticle("Kyiv said on Monday that talks would resume.", "", false)
	c := newArticle("Kyiv said on Tuesday that talks would resume.", "", false)
	if a.ID != b.ID {
		t.Errorf("re-spaced text got another id: %s vs %s", a.ID, b.ID)
	}
	if a.ID == c.ID {
		t.Errorf("different text got the same id %s", a.ID)
	}
}

func TestJSONL(t *testing.T) {
	dir := t.TempDir()
	p := write(t, dir, "wire.jsonl", `{"id":"w1","published":"2022-03-03T16:23:25Z","headline":"Convoy reaches Lviv","body":"A convoy of 40 lorries reached Lviv on Thursday.","link":"https://example.com/w1","source":"Test Wire"}
{"id":"w2","date":"March 4, 2022","title":"Second","text":"Officials counted 300 vehicles.\n\nMore were expected."}
this line is not json
{"id":"w3","date":"2022-02-30","text":"A date that never was."}
{"id":"w4","text":"No date at all."}

{"id":"w5","date":"2022/03/05","text":""}
`)
	arts, errs, _ := readAll(t, Options{}, p)
	if len(arts) != 2 {
		t.Fatalf("got %d articles, want 2 (errors %v)", len(arts), errs)
	}
	a := arts[0]
	if a.Doc != "w1" || a.DateString() != "2022-03-03" || a.Title != "Convoy reaches Lviv" || a.Outlet != "Test Wire" || a.URL != "https://example.com/w1" {
		t.Errorf("first record: %+v", a)
	}
	if a.Origin != p+":1" {
		t.Errorf("origin %q", a.Origin)
	}
	if len(arts[1].Blocks) != 2 {
		t.Errorf("second record blocks %v", arts[1].Blocks)
	}
	want := map[int]error{3: nil, 4: ErrBadDate, 5: ErrNoDate, 7: ErrEmpty}
	if len(errs) != len(want) {
		t.Fatalf("errors %v, want lines 3,4,5,7", errs)
	}
	for _, e := range errs {
		w, ok := want[e.Line]
		if !ok {
			t.Errorf("unexpected error %v", e)
			continue
		}
		if w != nil && !errors.Is(e, w) {
			t.Errorf("line %d: %v, want %v", e.Line, e, w)
		}
		if !strings.HasPrefix(e.Error(), p+":") {
			t.Errorf("error %q does not name the file and line", e)
		}
	}
}

func TestJSONArrayAndFieldMapping(t *testing.T) {
	dir := t.TempDir()
	p := write(t, dir, "dump.json", `[{"story":"Prices rose in March, traders said.","when":"02-MAR-1987 10:00:00.00","name":"x1"},
	{"story":"Second story.","when":"1987-03-03","name":"x2"}]`)
	opts := Options{Fields: map[string]string{"text": "story", "date": "when", "id": "name"}}
	arts, errs, _ := readAll(t, opts, p)
	if len(errs) > 0 || len(arts) != 2 {
		t.Fatalf("got %d articles, errors %v", len(arts), errs)
	}
	if arts[0].Doc != "x1" || arts[0].DateString() != "1987-03-02" {
		t.Errorf("first: doc %q date %q", arts[0].Doc, arts[0].DateString())
	}
}

func TestCSV(t *testing.T) {
	dir := t.TempDir()
	p := write(t, dir, "desk.csv", "id,published,outlet,headline,link,body\n"+
		`c1,2022/03/05,Desk,"Aid, at last",https://example.org/c1,"The first lorries, carrying ""medical kits"", crossed.`+"\n\n"+`A second paragraph."`+"\n"+
		"c2,2022-03-06,Desk,Short row\n"+
		`c3,2022-03-07,Desk,Fine,https://example.org/c3,Another report of shelling near Kharkiv.`+"\n")
	arts, errs, _ := readAll(t, Options{}, p)
	if len(arts) != 2 {
		t.Fatalf("got %d articles, want 2; errors %v", len(arts), errs)
	}
	if arts[0].Title != "Aid, at last" || !strings.Contains(arts[0].Text, `"medical kits"`) || len(arts[0].Blocks) != 2 {
		t.Errorf("quoted row: %+v", arts[0])
	}
	if len(errs) != 1 || errs[0].Line != 5 || !strings.Contains(errs[0].Error(), "fields") {
		t.Errorf("errors %v, want the short row at line 5 (the quoted row before it spans lines 2-4)", errs)
	}
}

func TestBadInputs(t *testing.T) {
	dir := t.TempDir()
	cases := []struct {
		name    string
		content string
		want    error
	}{
		{"invalid-utf8.txt", " date 2022-03-01 Officials said \xff\xfe the talks failed.", ErrInvalidUTF8},
		{"empty.txt", "", ErrEmpty},
		{"blank.txt", "  \n\n\t\n", ErrEmpty},
		{"binary.txt", "\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", ErrBinary},
		{"nodate.txt", "Troops moved closer to the border overnight.", ErrNoDate},
		{"baddate.txt", " date 2022-13-45 Troops moved.", ErrBadDate},
		{"nodatevalue.txt", " date yesterday Troops moved.", ErrBadDate},
		{"notaday.txt", " date 2022-02-30 Troops moved.", ErrBadDate},
		{"datenobody.txt", " date 2022-02-20\n\n", ErrEmpty},
		{"report.docx", "PK\x03\x04 a zip archive", ErrBinary},
		{"notes.pdf", "%PDF-1.4 text that looks fine", ErrUnsupported},
		{"broken.json", "[{\"text\": \"a\", \"date\": \"2022-03-01\"}, {\"text\": ", nil},
		{"feed.xml", "<rss><channel><title>x</title><item><title>no date</title><description>Body text here.</description></item></channel></rss>", ErrNoDate},
		{"page.html", "<html><head><title>t</title></head><body><p></p></body></html>", nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			p := write(t, dir, c.name, c.content)
			arts, errs, _ := readAll(t, Options{}, p)
			if len(errs) == 0 {
				t.Fatalf("no error; articles %v", arts)
			}
			if c.want != nil && !errors.Is(errs[0], c.want) {
				t.Errorf("error %v, want %v", errs[0], c.want)
			}
			if !strings.HasPrefix(errs[0].Error(), p) {
				t.Errorf("error %q does not start with the path", errs[0])
			}
		})
	}
}

func TestInvalidUTF8NamesLine(t *testing.T) {
	dir := t.TempDir()
	p := write(t, dir, "bad.txt", " date 2022-03-01 First line.\n\nSecond line.\nThird \xc3\x28 line.\n")
	_, errs, _ := readAll(t, Options{}, p)
	if len(errs) != 1 || errs[0].Line != 4 {
		t.Fatalf("errors %v, want one at line 4", errs)
	}
}

func TestMissingPathAndUnknownTypeInFolder(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "corpus/a.txt", " date 2022-03-01 One story.")
	write(t, dir, "corpus/README.md", "# notes about the corpus")
	write(t, dir, "corpus/.hidden.txt", " date 2022-03-01 Hidden.")
	arts, errs, skipped := readAll(t, Options{}, filepath.Join(dir, "corpus"), filepath.Join(dir, "missing"))
	if len(arts) != 1 {
		t.Errorf("got %d articles, want 1", len(arts))
	}
	if len(errs) != 1 || !strings.Contains(errs[0].Error(), "missing: no such file") {
		t.Errorf("errors %v, want the missing path", errs)
	}
	if len(skipped) != 1 || !strings.Contains(skipped[0], "README.md") {
		t.Errorf("skipped %v, want README.md passed over", skipped)
	}
}

func TestLargeFiles(t *testing.T) {
	if testing.Short() {
		t.Skip("writes 100 MB")
	}
	dir := t.TempDir()
	para := strings.Repeat("Officials said more aid would follow within days. ", 20) + "\n\n"
	big := " date 2022-03-01 " + strings.Repeat(para, 50<<20/len(para))
	p := write(t, dir, "huge.txt", big)
	_, errs, _ := readAll(t, Options{}, p)
	if len(errs) != 1 || !errors.Is(errs[0], ErrTooLarge) {
		t.Fatalf("50 MB text file: errors %v, want ErrTooLarge", errs)
	}
	// A 50 MB dump is fine: it is streamed record by record.
	var sb strings.Builder
	n := 0
	for sb.Len() < 50<<20 {
		n++
		sb.WriteString(`{"id":"r` + strings.Repeat("x", 0) + itoa(n) + `","date":"2022-03-01","text":"` + strings.Repeat("Shelling continued near the city overnight. ", 25) + itoa(n) + `"}` + "\n")
	}
	p = write(t, dir, "huge.jsonl", sb.String())
	arts, errs, _ := readAll(t, Options{}, p)
	if len(errs) != 0 || len(arts) != n {
		t.Fatalf("50 MB dump: %d articles of %d, errors %v", len(arts), n, errs[:min(3, len(errs))])
	}
	// One line with no newline and no end is refused without reading it
	// all into memory.
	p = write(t, dir, "oneline.jsonl", `{"text":"`+strings.Repeat("a", 20<<20))
	_, errs, _ = readAll(t, Options{}, p)
	if len(errs) != 1 || !errors.Is(errs[0], ErrTooLarge) {
		t.Fatalf("endless line: errors %v, want ErrTooLarge", errs)
	}
}

func itoa(n int) string { return strconv.Itoa(n) }

func TestParseDate(t *testing.T) {
	cases := []struct{ in, want string }{
		{"2022-03-03", "2022-03-03"},
		{"2022/03/03", "2022-03-03"},
		{"2022-03-03T16:23:25Z", "2022-03-03"},
		{"2022-03-03T23:30:00-05:00", "2022-03-03"},
		{"March 3, 2022", "2022-03-03"},
		{"Mar 3, 2022", "2022-03-03"},
		{"3 March 2022", "2022-03-03"},
		{"Thu, 03 Mar 2022 16:23:25 GMT", "2022-03-03"},
		{"Thu, 3 Mar 2022 16:23:25 +0100", "2022-03-03"},
		{"26-FEB-1987 15:01:01.79", "1987-02-26"},
		{" 2022-03-03 ", "2022-03-03"},
		{"2-JUN-1987 23:39:39.70", "1987-06-02"},
		{"27-MAR-1987 00:02:59.13&#5;&#5;RM", "1987-03-27"},
		{"March 3, 2022 at noon", "2022-03-03"},
	}
	for _, c := range cases {
		d, err := ParseDate(c.in)
		if err != nil || d.Format(model.DateLayout) != c.want {
			t.Errorf("ParseDate(%q) = %v, %v; want %s", c.in, d, err, c.want)
		}
	}
	for _, bad := range []string{"", "2022-02-30", "2022-13-01", "yesterday", "03/03/22x", "2021-02-29", "2022-02-30 10:00"} {
		if _, err := ParseDate(bad); err == nil {
			t.Errorf("ParseDate(%q) accepted", bad)
		}
	}
}

func TestStdinSniffing(t *testing.T) {
	cases := []struct {
		name, in string
		want     int
	}{
		{"seed", " date 2022-03-01 A story from standard input.", 1},
		{"jsonl", `{"date":"2022-03-01","text":"One."}` + "\n" + `{"date":"2022-03-02","text":"Two."}`, 2},
		{"json", `[{"date":"2022-03-01","text":"One."}]`, 1},
		{"rss", `<?xml version="1.0"?><rss version="2.0"><channel><title>W</title><item><title>T</title><pubDate>Tue, 01 Mar 2022 10:00:00 GMT</pubDate><description>Body.</description></item></channel></rss>`, 1},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := New(Options{}, strings.NewReader(c.in))
			inputs, _ := r.Plan([]string{"-"})
			n := 0
			err := r.Read(context.Background(), inputs, func(res Result) error {
				if res.Err != nil {
					t.Errorf("error %v", res.Err)
				}
				if res.Article != nil {
					n++
				}
				return nil
			}, nil)
			if err != nil || n != c.want {
				t.Errorf("got %d articles, err %v; want %d", n, err, c.want)
			}
		})
	}
}

func TestFeeds(t *testing.T) {
	dir := t.TempDir()
	rss := write(t, dir, "wire.rss", `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Harbour Test Wire</title>
<item><title>Ferry service resumes</title><link>https://example.net/a</link><guid>hw-1</guid><pubDate>Wed, 02 Mar 2022 08:00:00 GMT</pubDate>
<content:encoded><![CDATA[<p>The ferry to Constanta resumed on Tuesday.</p><p>Port officials said 400 people crossed.</p>]]></content:encoded></item>
<item><title>Second</title><guid>hw-2</guid><pubDate>Thu, 03 Mar 2022 08:00:00 GMT</pubDate><description>Short &amp; plain.</description></item>
</channel></rss>`)
	atom := write(t, dir, "desk.atom", `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Atom Desk</title><id>urn:x</id><updated>2022-03-04T00:00:00Z</updated>
<entry><title>Ministers meet</title><id>ad-1</id><link href="https://example.org/ad-1"/><published>2022-03-04T09:00:00Z</published>
<content type="html">&lt;p&gt;Ministers met in Brussels on Friday.&lt;/p&gt;</content></entry></feed>`)
	arts, errs, _ := readAll(t, Options{}, rss, atom)
	if len(errs) > 0 || len(arts) != 3 {
		t.Fatalf("got %d articles, errors %v", len(arts), errs)
	}
	a := arts[0]
	if a.Outlet != "Harbour Test Wire" || a.Doc != "hw-1" || a.DateString() != "2022-03-02" || len(a.Blocks) != 2 || a.URL != "https://example.net/a" {
		t.Errorf("rss item: %+v", a)
	}
	if arts[1].Text != "Short & plain." {
		t.Errorf("entity in description: %q", arts[1].Text)
	}
	if arts[2].Outlet != "Atom Desk" || arts[2].Doc != "ad-1" || arts[2].Text != "Ministers met in Brussels on Friday." {
		t.Errorf("atom entry: %+v", arts[2])
	}
}

func TestHTMLPage(t *testing.T) {
	dir := t.TempDir()
	p := write(t, dir, "page.html", `<!doctype html><html><head><title>Shelter opens in Lviv | Test Courier</title>
<meta property="og:site_name" content="Test Courier">
<meta property="og:title" content="Shelter opens in Lviv">
<meta property="og:url" content="https://example.com/lviv-shelter">
<meta property="article:published_time" content="2022-03-07T10:00:00Z"></head>
<body><nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav>
<div class="cookie">We use cookies to improve your experience. Accept all cookies?</div>
<article><h1>Shelter opens in Lviv</h1>
<p>A new shelter for families fleeing the fighting opened in Lviv on Monday, city officials said, with room for 600 people.</p>
<p>Volunteers from across the region brought beds, blankets and food, and doctors set up a small clinic on the ground floor of the building.</p>
<p>The mayor said more shelters would open in the coming days as trains from the east continued to arrive full.</p>
</article>
<aside><h3>Related stories</h3><ul><li><a href="/a">Markets fall</a></li><li><a href="/b">Weather warning</a></li></ul></aside>
<footer>Copyright Test Courier. All rights reserved. Contact us. Terms of use.</footer></body></html>`)
	arts, errs, _ := readAll(t, Options{}, p)
	if len(errs) > 0 || len(arts) != 1 {
		t.Fatalf("got %d articles, errors %v", len(arts), errs)
	}
	a := arts[0]
	if a.DateString() != "2022-03-07" || a.Outlet != "Test Courier" || a.URL != "https://example.com/lviv-shelter" {
		t.Errorf("metadata: date %s outlet %q url %q", a.DateString(), a.Outlet, a.URL)
	}
	if !strings.Contains(a.Text, "room for 600 people") || !strings.Contains(a.Text, "trains from the east") {
		t.Errorf("main text missing: %q", a.Text)
	}
	for _, junk := range []string{"cookies", "Related stories", "All rights reserved", "Sport"} {
		if strings.Contains(a.Text, junk) {
			t.Errorf("boilerplate %q kept in %q", junk, a.Text)
		}
	}
}
