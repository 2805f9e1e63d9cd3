package intake

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"errors"
	"io"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/sitrep-project/sitrep/internal/model"
)

// fuzzLimit keeps each fuzz input's work small: inputs over it are refused
// by the size check, which is itself under test.
const fuzzLimit = 16 << 10

// fuzzRead reads data as standard input in the given format and checks the
// invariants every reader keeps, whatever it is given:
//
//   - it does not panic, and no panic was caught and reported (ErrInternal);
//   - every article has non-empty text that is valid UTF-8 without NUL
//     bytes, an id that is the hash of that text, blocks that lie inside
//     the text in order, and a date in range (or none, where allowed);
//   - every error is an *Error naming the input ("-"), with a cause, and a
//     line and record number that are not negative and not past the input's
//     end.
func fuzzRead(t *testing.T, opts Options, data []byte) {
	opts.MaxArticleBytes = fuzzLimit
	r := New(opts, bytes.NewReader(data))
	lines := bytes.Count(data, []byte("\n")) + 1
	err := r.Read(context.Background(), []Input{{Path: "-", Size: int64(len(data)), Explicit: true}}, func(res Result) error {
		if res.Err != nil {
			checkFuzzError(t, res.Err, lines, len(data))
		}
		if a := res.Article; a != nil {
			checkFuzzArticle(t, a, opts)
		}
		return nil
	}, nil)
	if err != nil {
		t.Fatalf("Read: %v", err)
	}
}

func checkFuzzError(t *testing.T, e *Error, lines, size int) {
	t.Helper()
	switch {
	case errors.Is(e, ErrInternal):
		t.Fatalf("a panic was caught: %v", e)
	case e.Path != "-" || e.Err == nil || !strings.HasPrefix(e.Error(), "-"):
		t.Errorf("error %q does not name the input", e)
	case e.Line < 0 || e.Record < 0 || e.Line > lines || e.Record > size:
		t.Errorf("error %q at line %d, record %d: out of the input (%d lines)", e, e.Line, e.Record, lines)
	}
}

func checkFuzzArticle(t *testing.T, a *model.Article, opts Options) {
	t.Helper()
	if a.Text == "" || !utf8.ValidString(a.Text) || strings.IndexByte(a.Text, 0) >= 0 || !utf8.ValidString(a.Title) {
		t.Errorf("article text %q (title %q) is empty, not UTF-8 or holds NUL", a.Text, a.Title)
	}
	if a.ID != model.ArticleID(a.Text) {
		t.Errorf("id %s is not the hash of the text", a.ID)
	}
	if a.Doc == "" {
		t.Errorf("article %s has no name", a.ID)
	}
	if opts.Outlet != "" && a.Outlet == "" {
		t.Errorf("article %s has no outlet, though one was given", a.Doc)
	}
	end := 0
	for _, b := range a.Blocks {
		if b.Start < end || b.End < b.Start || b.End > len(a.Text) {
			t.Errorf("block %+v out of order or outside text of %d bytes", b, len(a.Text))
		}
		end = b.End
	}
	switch {
	case a.Date.IsZero():
		if !opts.Undated {
			t.Errorf("article %s has no date", a.Doc)
		}
	case checkDate(a.Date, a.DateString()) != nil:
		t.Errorf("article %s dated %s, out of range", a.Doc, a.DateString())
	}
}

// FuzzSeedText reads the seed format: " date YYYY-MM-DD" then the article.
func FuzzSeedText(f *testing.F) {
	f.Add([]byte(" date 2022-03-04 Poland opens border crossings\n\nPoland opened two more crossings on Thursday.\n\n(Photo: staff)\n"))
	f.Add([]byte("\ufeff\n\t date 2022/03/04\n\nA ferry left Constanta at noon."))
	f.Add([]byte(" date 0001-01-01 Year one."))
	f.Add([]byte(" date 2022-02-30 A day that never was."))
	f.Add([]byte(" date 2022-03-04"))
	f.Add([]byte(" date 2022-03-04 \xff\xfe broken bytes"))
	f.Fuzz(func(t *testing.T, data []byte) {
		fuzzRead(t, Options{Format: FormatSeed}, data)
	})
}

// FuzzPlainText reads plain text dated by the options, and undated.
func FuzzPlainText(f *testing.F) {
	f.Add([]byte("Talks resumed in Geneva\n\nDelegates met for three hours on Friday, officials said.\n"), false)
	f.Add([]byte("(Image: pool)\r\nA single line with a credit."), true)
	f.Add([]byte("\x00binary"), false)
	f.Add([]byte(""), true)
	f.Fuzz(func(t *testing.T, data []byte, undated bool) {
		opts := Options{Format: FormatText, Undated: undated}
		if !undated {
			opts.Date = march1
		}
		fuzzRead(t, opts, data)
	})
}

// FuzzJSONL reads JSON Lines dumps.
func FuzzJSONL(f *testing.F) {
	f.Add([]byte(`{"id":"w1","published":"2022-03-03T16:23:25Z","headline":"Convoy reaches Lviv","body":"A convoy of 40 lorries reached Lviv.","source":"Test Wire"}` + "\n" + `not json` + "\n" + `{"date":"0001-01-01","text":"x"}`))
	f.Add([]byte(`{"title":"Headline only","date":"2022-03-03"}` + "\r\n\r\n" + `{"text":"\u0000"}`))
	f.Add([]byte(`{"text":"` + strings.Repeat("a", fuzzLimit*2) + `"}` + "\n" + `{"text":"After.","date":"March 4, 2022"}`))
	f.Add([]byte(`[1,2]` + "\n" + `null` + "\n" + `{"text":5,"date":20220303}`))
	f.Add([]byte(`{"date":"03/04/2022","title":"Ferries resume","text":"Ferries resumed."}` + "\n" + `{"date":"2022.3.18 14:37","text":"Tugs returned."}` + "\n" + `{"date":"18/03/2022","headline":"Port open"}`))
	f.Add([]byte(`{"date":"04/05/2022 2:37 PM","title":"???","text":"A curfew was announced."}` + "\n" + `{"date":"31/02/2022","text":"No such day."}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		fuzzRead(t, Options{Format: FormatJSONL}, data)
		fuzzRead(t, Options{Format: FormatJSONL, NameByTitle: true, Outlet: "Quay Wire", DateLayout: "2/1/2006 15:04",
			Fields: map[string]string{"outlet": "paper"}}, data)
	})
}

// jsonAgrees checks, for an input encoding/json reads as one array, that
// each element gives exactly one result here (an article or an error), in
// order: cutting the array into elements must not merge, split or lose
// any.
func jsonAgrees(t *testing.T, data []byte) {
	var elems []json.RawMessage
	if json.Unmarshal(data, &elems) != nil {
		return
	}
	r := New(Options{Format: FormatJSON, Date: march1, MaxArticleBytes: fuzzLimit}, bytes.NewReader(data))
	var got []string
	_ = r.Read(context.Background(), []Input{{Path: "-", Explicit: true}}, func(res Result) error {
		switch {
		case res.Article != nil:
			got = append(got, strings.TrimPrefix(res.Article.Origin, "-#"))
		case res.Err != nil:
			got = append(got, strconv.Itoa(res.Err.Record))
		}
		return nil
	}, nil)
	var want []string
	for i := range elems {
		want = append(want, strconv.Itoa(i+1))
	}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("results for records %v, encoding/json has %d", got, len(elems))
	}
}

// FuzzJSONArray reads JSON arrays of records.
func FuzzJSONArray(f *testing.F) {
	f.Add([]byte(`[{"story":"Prices rose in March, traders said.","when":"02-MAR-1987 10:00:00.00"},{"text":"Second.","date":"1987-03-03"}]`))
	f.Add([]byte("\ufeff[ {\"text\":\"a\\\"]}\",\"date\":\"2022-03-01\"} , 5, \"s\", null, [ ], {\"title\":\"Only a headline\",\"date\":\"2022-03-01\"} ]"))
	f.Add([]byte(`[{"text":"a","date":"2022-03-01"}, {"text": `))
	f.Add([]byte(`[{"a":1}} , {"b":2}]`))
	f.Add([]byte(`[{"text":"` + strings.Repeat("b", fuzzLimit*2) + `"},{"text":"After.","date":"2022-03-01"}] trailing`))
	f.Add([]byte(`[true]`))
	f.Add([]byte(`[{"title":"Ferries resume","text":"Ferries resumed.","date":"03/04/2022"},{"title":"Ferries resume","text":"More ferries.","date":"03/04/2022"},{"text":"Tugs returned.","date":"19/04/2022 06:00"}]`))
	f.Add([]byte(`[{"story":"Dam holds.","when":"2022.3.8 9:05"},{"story":"Dam inspected.","when":"3/18/2022"}]`))
	f.Fuzz(func(t *testing.T, data []byte) {
		fuzzRead(t, Options{Format: FormatJSON, Fields: map[string]string{"text": "story", "date": "when"}}, data)
		fuzzRead(t, Options{Format: FormatJSON}, data)
		jsonAgrees(t, data)
	})
}

// csvAgrees checks, for an input encoding/csv reads whole without error,
// that each row after the header gives exactly one result here (an article
// or an error) at the line encoding/csv puts it on: cutting the stream into
// rows ahead of encoding/csv must not merge, split or lose rows.
func csvAgrees(t *testing.T, data []byte, comma rune) {
	cr := csv.NewReader(bytes.NewReader(data))
	cr.Comma = comma
	cr.FieldsPerRecord = -1
	var want []string
	var header []string
	for {
		row, err := cr.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return // a broken input: fuzzRead's invariants cover it
		}
		if header == nil {
			header = row
		}
		line, _ := cr.FieldPos(0)
		want = append(want, strconv.Itoa(line))
	}
	if len(want) < 2 || len(data) > 2*fuzzLimit {
		return // no rows, or rows refused as too large
	}
	if !hasTextColumn(header) {
		// A header without a column of text or headline is one error, at
		// the header's line, and no row is read.
		want = want[:2]
		want[1] = want[0]
	}
	r := New(Options{Format: map[rune]Format{',': FormatCSV, '\t': FormatTSV}[comma], Date: march1, MaxArticleBytes: fuzzLimit}, bytes.NewReader(data))
	var got []string
	_ = r.Read(context.Background(), []Input{{Path: "-", Explicit: true}}, func(res Result) error {
		switch {
		case res.Article != nil:
			got = append(got, strings.TrimPrefix(res.Article.Origin, "-:"))
		case res.Err != nil:
			got = append(got, strconv.Itoa(res.Err.Line))
		}
		return nil
	}, nil)
	if strings.Join(got, " ") != strings.Join(want[1:], " ") {
		t.Errorf("rows at lines %v, encoding/csv has them at %v", got, want[1:])
	}
}

// hasTextColumn reports whether a header, as encoding/csv reads it, names
// a column of article text or headline by one of the usual names.
func hasTextColumn(header []string) bool {
	for _, h := range header {
		h = strings.ToLower(strings.TrimSpace(strings.TrimPrefix(h, "\ufeff")))
		for _, name := range append(fieldNames["text"], fieldNames["title"]...) {
			if h == name {
				return true
			}
		}
	}
	return false
}

// FuzzCSV reads comma-separated dumps.
func FuzzCSV(f *testing.F) {
	f.Add([]byte("id,published,outlet,headline,link,body\nc1,2022/03/05,Desk,\"Aid, at last\",https://example.org/c1,\"The first lorries, carrying \"\"kits\"\", crossed.\n\nA second paragraph.\"\nc2,2022-03-06,Desk,Short row\n"))
	f.Add([]byte("text\na\"b\n"))
	f.Add([]byte("id,text\r\nq1,\"Talks ended\"x\r\nq2,\"never closed\n"))
	f.Add([]byte("\ufefftitle,date\nHeadline only,2022-03-01\n,0001-01-01\n"))
	f.Add([]byte("text\n\"" + strings.Repeat("c", fuzzLimit*2) + "\"\nAfter.\n"))
	f.Add([]byte("date,title,text\n03/04/2022,Ferries resume,Ferries resumed.\n31/02/2022,No day,Never.\n04/05/2022,,\n18/03/2022 14:37,Tugs return,Tugs returned.\n"))
	f.Add([]byte("date,title,text\n03/04/2022,Talks round,Delegates met.\n03/04/2022,Talks round,Delegates met again.\n03/18/2022,Talks round 2,Delegates left.\n"))
	f.Add([]byte("published,outlet,headline\n2022.3.18 14:37,,Port open\n2022.03.19,Quay Wire,Port closed\n"))
	f.Add([]byte("summary,story_body\nA,B\n"))
	f.Add([]byte("date,paper,text\n2/1/2022 10:00,Quay Wire,Snow closed the pass.\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		fuzzRead(t, Options{Format: FormatCSV, Date: march1}, data)
		fuzzRead(t, Options{Format: FormatCSV, NameByTitle: true, Outlet: "Desk"}, data)
		fuzzRead(t, Options{Format: FormatCSV, DateLayout: "2/1/2006 15:04", Fields: map[string]string{"outlet": "paper"}}, data)
		csvAgrees(t, data, ',')
	})
}

// FuzzTSV reads tab-separated dumps.
func FuzzTSV(f *testing.F) {
	f.Add([]byte("id\tdate\ttext\nt1\t2022-03-01\tTroops withdrew overnight.\nt2\t2022-03-02\ta\"b\n"))
	f.Add([]byte("text\n\"quoted\ttab\"\n\t\n"))
	f.Add([]byte("date\ttitle\ttext\n2022.3.18 14:37\tPower back\tPower returned.\n02/03/2022\tCurfew\tA curfew.\n13/03/2022 06:00\tCurfew lifted\tLifted.\n"))
	f.Add([]byte("when\tbody\n05/05/2022\tNothing to tell.\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		fuzzRead(t, Options{Format: FormatTSV, Date: march1}, data)
		fuzzRead(t, Options{Format: FormatTSV, NameByTitle: true, Outlet: "Desk"}, data)
		csvAgrees(t, data, '\t')
	})
}

// FuzzFeed reads RSS and Atom feeds.
func FuzzFeed(f *testing.F) {
	f.Add([]byte(`<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Harbour Wire</title>
<item><title>Ferry resumes</title><guid>hw-1</guid><pubDate>Wed, 02 Mar 2022 08:00:00 GMT</pubDate><content:encoded><![CDATA[<p>The ferry resumed.</p><p>400 crossed.</p>]]></content:encoded></item>
<item><title>Headline only</title><pubDate>Mon, 01 Jan 0001 00:00:00 GMT</pubDate></item>
<item><title>Same</title><description>Same</description><pubDate>2022-02-30</pubDate></item></channel></rss>`))
	f.Add([]byte(`<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Atom Desk</title><entry><title>Ministers meet</title><id>ad-1</id><published>2022-03-04T09:00:00Z</published><content type="html">&lt;p&gt;Ministers met.&lt;/p&gt;</content></entry></feed>`))
	f.Add([]byte(`<rss><channel><item><description><![CDATA[<script>x</script><br>]]></description></item></channel></rss>`))
	f.Add([]byte(`<rss version="2.0"><channel><item><title>Ferries resume</title><pubDate>03/04/2022</pubDate><description>Ferries resumed.</description></item>` +
		`<item><title>Tugs return</title><pubDate>25/03/2022 10:00</pubDate></item><item><title>Odd</title><pubDate>2022.3.18 14:37</pubDate></item></channel></rss>`))
	f.Fuzz(func(t *testing.T, data []byte) {
		fuzzRead(t, Options{Format: FormatFeed}, data)
		fuzzRead(t, Options{Format: FormatFeed, NameByTitle: true, Outlet: "Quay Wire", DateLayout: "2.1.2006 15:04"}, data)
	})
}

// FuzzHTML reads saved article pages.
func FuzzHTML(f *testing.F) {
	f.Add([]byte(`<!doctype html><html><head><title>Shelter opens | Courier</title><meta property="article:published_time" content="2022-03-07T10:00:00Z"></head><body><nav>Home</nav><article><h1>Shelter opens</h1><p>A new shelter for families opened on Monday, city officials said, with room for 600 people.</p></article></body></html>`))
	f.Add([]byte(`<html><head><meta name="date" content="0001-01-01"></head><body><p>Placeholder date in the page.</p></body></html>`))
	f.Add([]byte(`<html><body><p></p></body></html>`))
	f.Fuzz(func(t *testing.T, data []byte) {
		fuzzRead(t, Options{Format: FormatHTML, Date: march1}, data)
	})
}

// FuzzParseDate checks that a date ParseDate accepts is midnight UTC, in
// range, and reads back as itself; and that one it refuses is refused with
// ErrNoDate or ErrBadDate, never a panic.
func FuzzParseDate(f *testing.F) {
	for _, s := range []string{"2022-03-03", "2022/03/03", "2022-03-03T16:23:25Z", "March 3, 2022", "3 March 2022",
		"Thu, 03 Mar 2022 16:23:25 GMT", "26-FEB-1987 15:01:01.79", "27-MAR-1987 00:02:59.13&#5;RM", "0001-01-01",
		"2022-02-30", "", "   ", "9999-12-31", "1900-01-01", "03.03.2022", "Mar. 3, 2022 at noon",
		"2022.3.18 14:37", "2022.03.18", "18/03/2022", "18/03/2022 14:37", "03/18/2022", "3/18/2022 2:37 PM", "03/04/2022",
		"05/05/2022", "31/02/2022", "2022-3-8T9:05", "18.3.2022, 08:00:05.5", "18-03-2022 14:37:60", "1/2/1899"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if len(s) > 256 {
			return // dates are short; long junk only costs time
		}
		d, err := ParseDate(s)
		if err != nil {
			if !errors.Is(err, ErrBadDate) && !errors.Is(err, ErrNoDate) {
				t.Errorf("ParseDate(%q): %v is neither ErrBadDate nor ErrNoDate", s, err)
			}
			return
		}
		if d.Location() != time.UTC || d.Hour() != 0 || d.Minute() != 0 || d.Second() != 0 || d.Nanosecond() != 0 {
			t.Errorf("ParseDate(%q) = %v, not midnight UTC", s, d)
		}
		if checkDate(d, s) != nil {
			t.Errorf("ParseDate(%q) = %v, out of range", s, d)
		}
		back, err := ParseDate(d.Format(model.DateLayout))
		if err != nil || !back.Equal(d) {
			t.Errorf("ParseDate(%q) = %v, which reads back as %v, %v", s, d, back, err)
		}
	})
}

// FuzzDateLayout checks that a layout CheckDateLayout accepts reads dates
// as midnight UTC in range, or refuses them with ErrBadDate or ErrNoDate,
// and that the date it writes reads back as itself.
func FuzzDateLayout(f *testing.F) {
	for _, c := range [][2]string{{"2006.1.2 15:04", "2022.3.18 14:37"}, {"02/01/2006", "18/03/2022"}, {"01/02/2006", "18/03/2022"},
		{"Jan 2 2006", "Mar 18 2022"}, {"20060102", "20220318"}, {"2/1/06", "3/4/22"}, {"15:04", "14:37"}, {"", ""}, {"2006-002", "2022-077"}} {
		f.Add(c[0], c[1])
	}
	f.Fuzz(func(t *testing.T, layout, s string) {
		if len(layout) > 64 || len(s) > 128 || CheckDateLayout(layout) != nil {
			return
		}
		d, err := parseLayout(s, layout)
		if err != nil {
			if !errors.Is(err, ErrBadDate) && !errors.Is(err, ErrNoDate) {
				t.Errorf("parseLayout(%q, %q): %v is neither ErrBadDate nor ErrNoDate", s, layout, err)
			}
			return
		}
		if d.Location() != time.UTC || d.Hour() != 0 || d.Minute() != 0 || d.Second() != 0 || d.Nanosecond() != 0 || checkDate(d, s) != nil {
			t.Errorf("parseLayout(%q, %q) = %v: not midnight UTC in range", s, layout, d)
		}
		if back, err := parseLayout(d.Format(layout), layout); err != nil || !back.Equal(d) {
			t.Errorf("parseLayout(%q, %q) = %v, which reads back as %v, %v", s, layout, d, back, err)
		}
	})
}
