package intake

import (
	"bytes"
	"errors"
	"runtime"
	"strings"
	"testing"
	"time"

	"golang.org/x/net/html"
)

// scaleParagraph is one paragraph of a local news report, written for
// these tests.
const scaleParagraph = "<p>Officials in the regional capital said on Tuesday that repairs to the water network would take another week.</p>\n"

// scalePage returns a saved page whose story repeats scaleParagraph n
// times, between a head with its metadata and the site's navigation and
// footer.
func scalePage(n int) []byte {
	var b bytes.Buffer
	b.WriteString(`<!doctype html><html><head><title>Water repairs to take another week</title>
<meta property="article:published_time" content="2022-03-08T09:30:00Z">
<meta property="og:site_name" content="Riverside Gazette">
<style>p { margin: 0 }</style><script>var layout = "wide";</script></head>
<body><nav><a href="/">Home</a> <a href="/local">Local</a> <a href="/sport">Sport</a></nav>
<article><h1>Water repairs to take another week</h1>
`)
	for i := 0; i < n; i++ {
		b.WriteString(scaleParagraph)
	}
	b.WriteString(`</article><aside><p>Most read: council approves new bus routes.</p></aside>
<footer><p>Copyright Riverside Gazette. All rights reserved.</p></footer></body></html>
`)
	return b.Bytes()
}

// readPage reads a page as intake does and returns its one article's
// result, failing the test on anything else.
func readPage(t *testing.T, page []byte, opts Options) Result {
	t.Helper()
	var got []Result
	p := &parser{opts: &opts, path: "page.html", emit: func(r Result) error {
		got = append(got, r)
		return nil
	}}
	if err := p.html(page); err != nil {
		t.Fatalf("reading the page: %v", err)
	}
	if len(got) != 1 || got[0].Err != nil || got[0].Article == nil {
		t.Fatalf("results %+v, want one article", got)
	}
	return got[0]
}

// TestHTMLScaleCostIsLinear reads pages of 1,000 to 100,000 paragraphs
// and checks that the work per byte of page, counted in heap allocations
// and bytes allocated, does not grow with the page: no page may cost more
// than twice the least any smaller page cost per byte. Trafilatura joins
// the text of every paragraph one at a time, which on a large page
// allocates a string of all the text so far for each paragraph.
func TestHTMLScaleCostIsLinear(t *testing.T) {
	sizes := []int{1000, 10000, 100000}
	var leastAllocs, leastBytes float64
	for i, n := range sizes {
		page := scalePage(n)
		var res Result
		var m0, m1 runtime.MemStats
		runtime.ReadMemStats(&m0)
		res = readPage(t, page, Options{})
		runtime.ReadMemStats(&m1)
		allocs := float64(m1.Mallocs-m0.Mallocs) / float64(len(page))
		bytes := float64(m1.TotalAlloc-m0.TotalAlloc) / float64(len(page))
		t.Logf("%d paragraphs, %d bytes: %.3f allocations and %.1f bytes allocated per byte", n, len(page), allocs, bytes)

		a := res.Article
		if got := strings.Count(a.Text, "repairs to the water network"); got != n {
			t.Errorf("%d paragraphs: the text holds %d of them", n, got)
		}
		if a.Title != "Water repairs to take another week" || a.Outlet != "Riverside Gazette" || a.DateString() != "2022-03-08" {
			t.Errorf("%d paragraphs: title %q, outlet %q, date %s; want the page's metadata", n, a.Title, a.Outlet, a.DateString())
		}
		if i > 0 && (allocs > 2*leastAllocs || bytes > 2*leastBytes) {
			t.Errorf("%d paragraphs: %.3f allocations and %.1f bytes per byte, over twice the %.3f and %.1f of a smaller page: reading a page is no longer linear",
				n, allocs, bytes, leastAllocs, leastBytes)
		}
		if i == 0 || allocs < leastAllocs {
			leastAllocs = allocs
		}
		if i == 0 || bytes < leastBytes {
			leastBytes = bytes
		}
	}
}

func parsePage(t *testing.T, page []byte) *html.Node {
	t.Helper()
	doc, err := html.Parse(bytes.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

// TestHTMLScaleOrdinaryPagesStayOnReadability checks that the limits
// leave every page of ordinary size to readability, whose text the rest of
// the pipeline is tuned on: a long story, a live blog, a page heavy with
// scripts.
func TestHTMLScaleOrdinaryPagesStayOnReadability(t *testing.T) {
	liveBlog := strings.Repeat("<p>12:05 Air raid sirens sounded across the eastern region for the third time this morning, the emergency service said, and residents were told to stay in shelters until the all-clear.</p>\n", 2000)
	scripts := "<script>" + strings.Repeat("window.config.push({slot: 'banner', size: [728, 90]});\n", 100000) + "</script>"
	for _, tc := range []struct {
		name  string
		page  []byte
		heavy bool
	}{
		{"a story of 60 paragraphs", scalePage(60), false},
		{"a live blog of 2,000 posts", []byte("<html><body><article>" + liveBlog + "</article></body></html>"), false},
		{"a story under 5 MB of scripts", []byte("<html><head>" + scripts + "</head><body><article>" + strings.Repeat(scaleParagraph, 60) + "</article></body></html>"), false},
		{"10,000 paragraphs", scalePage(10000), true},
		{"5 MB of markup without paragraphs", []byte("<html><body>" + strings.Repeat("<div><span>Water</span></div>", 200000) + "</body></html>"), true},
	} {
		if got := heavyPage(parsePage(t, tc.page), len(tc.page)); got != tc.heavy {
			t.Errorf("%s: heavy %v, want %v", tc.name, got, tc.heavy)
		}
	}
}

// TestHTMLScaleHeavyPageText checks what pageText keeps of a page: the
// story's blocks in order, one a paragraph, without the page's navigation,
// scripts, asides and footer, and only the story when an element marks
// it.
func TestHTMLScaleHeavyPageText(t *testing.T) {
	page := `<html><head><title>t</title><script>var x = "<p>not text</p>";</script></head><body>
<nav><p>Home Local Sport</p></nav>
<header><p>Riverside Gazette</p></header>
<main><article>
<h1>Bridge reopens after repairs</h1>
<p>The   old bridge over the river
reopened on Friday<br>after three weeks of repairs.</p>
<ul><li>Cars may cross again.</li><li>Lorries must wait.</li></ul>
<figure><img src="b.jpg"><figcaption>The bridge on Friday.</figcaption></figure>
<aside><p>Read more: a new bus route.</p></aside>
<p>The council said the work cost <b>£2 million</b>.</p>
<form><textarea>Your comment</textarea></form>
</article></main>
<footer><p>Copyright</p></footer></body></html>`
	want := "Bridge reopens after repairs\n\n" +
		"The old bridge over the river reopened on Friday after three weeks of repairs.\n\n" +
		"Cars may cross again.\n\nLorries must wait.\n\n" +
		"The bridge on Friday.\n\n" +
		"The council said the work cost £2 million.\n\n"
	if got := pageText(parsePage(t, []byte(page))); got != want {
		t.Errorf("pageText:\n%q\nwant\n%q", got, want)
	}

	// Without a story element, or with one too small to be the story (a
	// teaser), the whole body is read.
	teaser := `<html><body><p>Flood defences held overnight.</p><p>The river fell by a metre.</p>
<article><p>Also: fair opens.</p></article><footer>Copyright</footer></body></html>`
	want = "Flood defences held overnight.\n\nThe river fell by a metre.\n\nAlso: fair opens.\n\n"
	if got := pageText(parsePage(t, []byte(teaser))); got != want {
		t.Errorf("pageText of a page with a teaser:\n%q\nwant\n%q", got, want)
	}
}

// TestHTMLScaleHeavyPageMetadata checks that a heavy page takes its
// metadata from its markup, and that a page whose start holds no text is
// still read, dated by the caller.
func TestHTMLScaleHeavyPageMetadata(t *testing.T) {
	// The page's start is 5,000 empty elements, and no date anywhere.
	page := []byte("<html><head><title>Water repairs</title></head><body>" + strings.Repeat("<div></div>", 5000) +
		"<article>" + strings.Repeat(scaleParagraph, 10000) + "</article></body></html>")
	if !heavyPage(parsePage(t, page), len(page)) {
		t.Fatal("the page is not heavy: the test checks nothing")
	}
	var undated Result
	p := &parser{opts: &Options{}, path: "page.html", emit: func(r Result) error {
		undated = r
		return nil
	}}
	if err := p.html(page); err != nil || undated.Err == nil || !errors.Is(undated.Err, ErrNoDate) {
		t.Errorf("an undated heavy page: %v, result %+v; want the error %v", err, undated, ErrNoDate)
	}
	date := time.Date(2022, 3, 9, 0, 0, 0, 0, time.UTC)
	a := readPage(t, page, Options{Date: date}).Article
	if !a.Date.Equal(date) || strings.Count(a.Text, "water network") != 10000 {
		t.Errorf("dated by the caller: date %s and %d paragraphs, want %s and 10000", a.DateString(), strings.Count(a.Text, "water network"), date.Format("2006-01-02"))
	}
}
