package intake

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/sitrep-project/sitrep/internal/model"
)

var march1 = time.Date(2022, 3, 1, 0, 0, 0, 0, time.UTC)

// errLines is "line:record" of each error, for comparing with a want list.
func errPlaces(errs []*Error) []string {
	var out []string
	for _, e := range errs {
		out = append(out, fmt.Sprintf("%d:%d", e.Line, e.Record))
	}
	return out
}

// TestCSVBrokenRows: a row encoding/csv refuses is reported at its line and
// costs that row only; the rows after it, and the next file, still go in.
// The first case is the tester's input, which panicked in FieldPos.
func TestCSVBrokenRows(t *testing.T) {
	cases := []struct {
		name, content string
		comma         string
		articles      int
		errLines      []int
		errHas        string
	}{
		{"tester's bare quote", "text\na\"b\n", ",", 0, []int{2}, "bare"},
		{"bare quote between good rows", "text\nShelling resumed at dawn.\na\"b\nThe mayor asked for calm.\n", ",", 2, []int{3}, "bare"},
		{"bare quote, then a quote that would open a field", "id,text\nq1,a\"b,\"x\nq2,Talks resumed on Monday.\n", ",", 1, []int{2}, "bare"},
		{"extraneous quote", "id,text\nq1,\"Talks ended\"x\nq2,Talks resumed on Monday.\n", ",", 1, []int{2}, "extraneous"},
		{"quoted field over lines, then bad row", "id,text\nq1,\"First line.\n\nSecond line.\"\nq2,a\"b\nq3,Last row.\n", ",", 2, []int{5}, "bare"},
		{"unterminated quote at the end", "id,text\nq1,Fine row.\nq2,\"never closed\nstill open\n", ",", 1, []int{3}, "extraneous or missing"},
		{"CRLF line ends", "id,text\r\nq1,\"Quoted, with comma.\"\r\nq2,Plain row.\r\n", ",", 2, nil, ""},
		{"blank lines between rows", "id,text\n\nq1,One.\n\n\nq2,Two.\n", ",", 2, nil, ""},
		{"TSV bare quote", "id\ttext\nt1\ta\"b\nt2\tTroops withdrew overnight.\n", "\t", 1, []int{2}, "bare"},
		{"short row", "id,text\nq1\nq2,Fine.\n", ",", 1, []int{2}, "1 fields"},
		{"bad header", "te\"xt\nq1\n", ",", 0, []int{1}, "header"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			ext := ".csv"
			if c.comma == "\t" {
				ext = ".tsv"
			}
			bad := write(t, dir, "x"+ext, c.content)
			good := write(t, dir, "y.txt", " date 2022-03-02 Officials said the bridge reopened.")
			arts, errs, _ := readAll(t, Options{Date: march1}, bad, good)
			if len(arts) != c.articles+1 || arts[len(arts)-1].Doc != "y" {
				t.Errorf("got %d articles, want %d and the next file's", len(arts), c.articles)
			}
			var lines []int
			for _, e := range errs {
				lines = append(lines, e.Line)
				if e.Path != bad || !strings.HasPrefix(e.Error(), fmt.Sprintf("%s:%d: ", bad, e.Line)) {
					t.Errorf("error %q does not name the file and line", e)
				}
				if !strings.Contains(e.Error(), c.errHas) {
					t.Errorf("error %q does not say %q", e, c.errHas)
				}
			}
			if fmt.Sprint(lines) != fmt.Sprint(c.errLines) {
				t.Errorf("errors at lines %v (%v), want %v", lines, errs, c.errLines)
			}
		})
	}
}

// panicReader panics once it has handed out its data, like a reader with a
// bug would.
type panicReader struct{ data *strings.Reader }

func (r panicReader) Read(b []byte) (int, error) {
	if r.data.Len() == 0 {
		panic("reader fault")
	}
	return r.data.Read(b)
}

// TestPanicIsContained: a panic while reading one input becomes an error
// about that input, at the place reached, and the next input is read.
func TestPanicIsContained(t *testing.T) {
	dir := t.TempDir()
	good := write(t, dir, "after.txt", " date 2022-03-02 Officials said the bridge reopened.")
	// More than the 4 KiB sniffed before parsing, so that the panic comes
	// while records are being read.
	var dump strings.Builder
	for i := 1; dump.Len() < 6000; i++ {
		fmt.Fprintf(&dump, `{"date":"2022-03-01","text":"Record %d of a wire dump: the council met again on Tuesday to discuss repairs."}`+"\n", i)
	}
	src := panicReader{strings.NewReader(dump.String())}
	r := New(Options{}, src)
	inputs, _ := r.Plan([]string{"-", good})
	var arts []*model.Article
	var errs []*Error
	err := r.Read(context.Background(), inputs, func(res Result) error {
		if res.Article != nil {
			arts = append(arts, res.Article)
		}
		if res.Err != nil {
			errs = append(errs, res.Err)
		}
		return nil
	}, nil)
	if err != nil {
		t.Fatalf("Read: %v", err)
	}
	if len(errs) != 1 || !errors.Is(errs[0], ErrInternal) || errs[0].Path != "-" || errs[0].Line < 1 {
		t.Fatalf("errors %v, want one ErrInternal for - at a line", errs)
	}
	if !strings.Contains(errs[0].Error(), "reader fault") || !strings.Contains(errs[0].Error(), "panicReader") {
		t.Errorf("error %q does not say what panicked where", errs[0])
	}
	if len(arts) < 2 || len(arts) != errs[0].Line || arts[len(arts)-1].Doc != "after" {
		t.Errorf("got %d articles, want the records before the panic's line %d and the next file", len(arts), errs[0].Line)
	}
}

// TestCallbackPanicNotHidden: a panic in the caller's own function is its
// bug, not a bad input, and must not be turned into a skipped file.
func TestCallbackPanicNotHidden(t *testing.T) {
	r := New(Options{}, strings.NewReader(" date 2022-03-01 A short report."))
	defer func() {
		if v := recover(); v != "caller fault" {
			t.Errorf("recovered %v, want the caller's panic", v)
		}
	}()
	_ = r.Read(context.Background(), []Input{{Path: "-", Explicit: true}}, func(Result) error { panic("caller fault") }, nil)
	t.Error("the caller's panic was swallowed")
}

// TestHeadlineOnly: items and records with a headline and no body are
// articles whose text is the headline; two headlines are two articles, and
// the same item read again has the same id.
func TestHeadlineOnly(t *testing.T) {
	dir := t.TempDir()
	feed := write(t, dir, "heads.rss", `<?xml version="1.0"?><rss version="2.0"><channel><title>Quay Wire</title>
<item><title>Ferry to Odesa cancelled</title><guid>q1</guid><pubDate>Wed, 02 Mar 2022 08:00:00 GMT</pubDate></item>
<item><title>Grain talks adjourned</title><guid>q2</guid><pubDate>Wed, 02 Mar 2022 09:00:00 GMT</pubDate><description>Grain talks adjourned</description></item>
<item><title>Ferry to Odesa cancelled</title><guid>q1</guid><pubDate>Wed, 02 Mar 2022 08:00:00 GMT</pubDate><description></description></item>
<item><guid>q4</guid><pubDate>Wed, 02 Mar 2022 10:00:00 GMT</pubDate></item>
</channel></rss>`)
	dump := write(t, dir, "heads.jsonl", `{"id":"j1","date":"2022-03-03","title":"Power restored in Kharkiv","text":""}
{"id":"j2","date":"2022-03-03","headline":"Curfew lifted in Sumy"}
{"id":"j3","date":"2022-03-03","title":"Bridge reopens","text":"Bridge reopens"}
{"id":"j4","date":"2022-03-03","title":"","text":" "}
`)
	csvDump := write(t, dir, "heads.csv", "id,date,title,text\nc1,2022-03-04,Rail link repaired,\nc2,2022-03-04,Rail link repaired,\n")
	arts, errs, _ := readAll(t, Options{}, feed, dump, csvDump)
	var got []string
	for _, a := range arts {
		got = append(got, a.Doc+"="+a.Text)
		if a.Text != a.Title || a.ID != model.ArticleID(a.Text) || len(a.Blocks) != 1 || a.Blocks[0].Of(a.Text) != a.Text || a.Blocks[0].Kind != model.BlockParagraph {
			t.Errorf("%s: not a headline-only article: %+v", a.Doc, a)
		}
	}
	want := []string{"q1=Ferry to Odesa cancelled", "q2=Grain talks adjourned", "q1=Ferry to Odesa cancelled",
		"j1=Power restored in Kharkiv", "j2=Curfew lifted in Sumy", "j3=Bridge reopens",
		"c1=Rail link repaired", "c2=Rail link repaired"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Fatalf("articles\n got %v\nwant %v", got, want)
	}
	if arts[0].ID == arts[1].ID || arts[3].ID == arts[4].ID {
		t.Errorf("two different headlines share an id")
	}
	if arts[0].ID != arts[2].ID || arts[6].ID != arts[7].ID {
		t.Errorf("the same headline twice got two ids")
	}
	if len(errs) != 2 || !errors.Is(errs[0], ErrEmpty) || errs[0].Record != 4 || !errors.Is(errs[1], ErrEmpty) || errs[1].Line != 4 {
		t.Errorf("errors %v, want the item and the record with neither headline nor text", errs)
	}
}

// withNow fixes the clock the latest plausible date is taken from.
func withNow(t *testing.T, day string) {
	t.Helper()
	d, err := time.Parse(model.DateLayout, day)
	if err != nil {
		t.Fatal(err)
	}
	old := now
	now = func() time.Time { return d }
	t.Cleanup(func() { now = old })
}

func TestParseDateRange(t *testing.T) {
	withNow(t, "2024-06-01")
	cases := []struct {
		in   string
		want string // "" for an ErrDateRange
	}{
		{"0001-01-01", ""},
		{"0001-01-01T00:00:00Z", ""},
		{"1899-12-31", ""},
		{"1900-01-01", "1900-01-01"},
		{"2025-12-31", "2025-12-31"},
		{"2026-01-01", ""},
		{"9999-12-31", ""},
		{"Mon, 01 Jan 0001 00:00:00 GMT", ""},
		{"0001-01-01 00:00:00 junk", ""},
	}
	for _, c := range cases {
		d, err := ParseDate(c.in)
		switch {
		case c.want == "" && (err == nil || !errors.Is(err, ErrDateRange) || !errors.Is(err, ErrBadDate)):
			t.Errorf("ParseDate(%q) = %v, %v; want an implausible date error", c.in, d, err)
		case c.want == "" && !strings.Contains(err.Error(), c.in[:4]):
			t.Errorf("ParseDate(%q): error %q does not quote the date", c.in, err)
		case c.want != "" && (err != nil || d.Format(model.DateLayout) != c.want):
			t.Errorf("ParseDate(%q) = %v, %v; want %s", c.in, d, err, c.want)
		}
	}
}

// TestImplausibleDatesSkipped: a record, item or seed file dated 0001-01-01
// is refused with an error naming the date and place, not stored undated.
func TestImplausibleDatesSkipped(t *testing.T) {
	withNow(t, "2024-06-01")
	cases := []struct {
		name, file, content string
		line, record        int
	}{
		{"jsonl", "d.jsonl", `{"date":"2022-03-01","text":"Good."}` + "\n" + `{"date":"0001-01-01","text":"Dated by a placeholder."}` + "\n", 2, 0},
		{"json array", "d.json", `[{"date":"2022-03-01","text":"Good."},{"date":"0001-01-01T00:00:00Z","text":"Placeholder."}]`, 0, 2},
		{"csv", "d.csv", "date,text\n2022-03-01,Good.\n3024-03-01,A typo for 2024.\n", 3, 0},
		{"seed", "d.txt", " date 0001-01-01 Nothing happened in year one.", 1, 0},
		{"feed", "d.rss", `<rss version="2.0"><channel><title>W</title><item><title>Old</title><pubDate>Mon, 01 Jan 0001 00:00:00 GMT</pubDate><description>Placeholder date.</description></item></channel></rss>`, 0, 1},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			p := write(t, t.TempDir(), c.file, c.content)
			arts, errs, _ := readAll(t, Options{}, p)
			for _, a := range arts {
				if a.Date.Year() < 1900 || a.DateString() == "" {
					t.Errorf("stored %s dated %q", a.Doc, a.DateString())
				}
			}
			if len(errs) != 1 || !errors.Is(errs[0], ErrDateRange) || errs[0].Line != c.line || errs[0].Record != c.record {
				t.Fatalf("errors %v, want one implausible date at %d:%d", errs, c.line, c.record)
			}
			if !strings.Contains(errs[0].Error(), "01-01") && !strings.Contains(errs[0].Error(), "3024") {
				t.Errorf("error %q does not quote the date", errs[0])
			}
		})
	}
}

// TestRecordOverLimit: in every dump format a record over the limit is
// reported with its size and place, and the records around it go in.
func TestRecordOverLimit(t *testing.T) {
	const limit = 256 // a record may take twice this
	long := strings.Repeat("Convoys moved west along the coast road. ", 40)
	cases := []struct {
		name, file, content string
		line, record        int
	}{
		{"jsonl", "big.jsonl", `{"text":"Before."}` + "\n" + `{"text":"` + long + `"}` + "\n" + `{"text":"After."}` + "\n", 2, 0},
		{"json array", "big.json", `[{"text":"Before."},` + "\n" + `{"text":"` + long + `","n":[1,{"a":"]"}]},{"text":"After."}]`, 0, 2},
		{"json array, last", "last.json", `[{"text":"Before."},{"text":"` + long + `"}]`, 0, 2},
		{"csv", "big.csv", "text\nBefore.\n\"" + strings.ReplaceAll(long, ". ", ".\n") + "\"\nAfter.\n", 3, 0},
		{"tsv", "big.tsv", "text\nBefore.\n" + long + "\nAfter.\n", 3, 0},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			p := write(t, t.TempDir(), c.file, c.content)
			arts, errs, _ := readAll(t, Options{Date: march1, MaxArticleBytes: limit}, p)
			if len(errs) != 1 || !errors.Is(errs[0], ErrTooLarge) || errs[0].Line != c.line || errs[0].Record != c.record {
				t.Fatalf("errors %v, want one ErrTooLarge at %d:%d", errs, c.line, c.record)
			}
			if !strings.Contains(errs[0].Error(), "KiB") || !strings.Contains(errs[0].Error(), "512 bytes") {
				t.Errorf("error %q does not give the size and the limit", errs[0])
			}
			want := "Before.|After."
			if c.name == "json array, last" {
				want = "Before."
			}
			var got []string
			for _, a := range arts {
				got = append(got, a.Text)
			}
			if strings.Join(got, "|") != want {
				t.Errorf("articles %q, want %q", got, want)
			}
		})
	}
}

// TestMemoryBoundedByLimit: reading a dump whose one record is 16 MiB, with
// a 4 KiB limit, allocates a small fraction of the record: the record is
// read past, not held. Before the fix CSV and JSON arrays held it whole.
func TestMemoryBoundedByLimit(t *testing.T) {
	if testing.Short() {
		t.Skip("writes 16 MiB files")
	}
	const big = 16 << 20
	filler := strings.Repeat("x", big)
	cases := []struct{ name, file, content string }{
		{"csv", "m.csv", "id,text\nm1,\"" + filler + "\"\nm2,After.\n"},
		{"tsv", "m.tsv", "id\ttext\nm1\t" + filler + "\nm2\tAfter.\n"},
		{"jsonl", "m.jsonl", `{"id":"m1","text":"` + filler + `"}` + "\n" + `{"id":"m2","text":"After."}` + "\n"},
		{"json array", "m.json", `[{"id":"m1","text":"` + filler + `"},{"id":"m2","text":"After."}]`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			p := write(t, t.TempDir(), c.file, c.content)
			r := New(Options{Date: march1, MaxArticleBytes: 4 << 10}, nil)
			inputs, _ := r.Plan([]string{p})
			var arts, errs int
			var before, after runtime.MemStats
			runtime.GC()
			runtime.ReadMemStats(&before)
			err := r.Read(context.Background(), inputs, func(res Result) error {
				if res.Article != nil {
					arts++
				}
				if res.Err != nil && errors.Is(res.Err, ErrTooLarge) {
					errs++
				}
				return nil
			}, nil)
			runtime.ReadMemStats(&after)
			if err != nil || arts != 1 || errs != 1 {
				t.Fatalf("err %v, %d articles, %d too-large errors; want 1 and 1", err, arts, errs)
			}
			if alloc := after.TotalAlloc - before.TotalAlloc; alloc > 1<<20 {
				t.Errorf("reading allocated %s for a %s record with a 4 KiB limit", humanBytes(int64(alloc)), humanBytes(big))
			}
		})
	}
}

// BenchmarkCSVOversizedRow reports the memory reading one 4 MiB row past a
// 4 KiB limit takes: it stays near the buffers' size, whatever the row's.
func BenchmarkCSVOversizedRow(b *testing.B) {
	data := []byte("id,text\nm1,\"" + strings.Repeat("y", 4<<20) + "\"\nm2,After.\n")
	r := New(Options{Format: FormatCSV, Date: march1, MaxArticleBytes: 4 << 10}, nil)
	b.ReportAllocs()
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		r.stdin = bytes.NewReader(data)
		_ = r.Read(context.Background(), []Input{{Path: "-", Explicit: true}}, func(Result) error { return nil }, nil)
	}
}

// TestEverySkipCounted: each input or record passed over reaches the
// caller as a Result (an error, or Skipped for a file of unknown type found
// in a folder), so a caller counting them misses none.
func TestEverySkipCounted(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "c/a.csv", "text\na\"b\nGood row.\n")
	write(t, dir, "c/b.json", `[{"text":"One."},{"text":`)
	write(t, dir, "c/notes.md", "# notes")
	write(t, dir, "c/c.rss", `<rss version="2.0"><channel><title>W</title><item><title></title><description> </description></item></channel></rss>`)
	arts, errs, skipped := readAll(t, Options{Date: march1}, dir+"/c", dir+"/none.txt")
	if len(arts) != 2 || len(errs) != 4 || len(skipped) != 1 {
		t.Errorf("%d articles, errors %v, skipped %v; want 2, 4 and 1", len(arts), errs, skipped)
	}
}
