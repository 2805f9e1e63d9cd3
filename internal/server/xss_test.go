package server

import (
	"encoding/json"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// Hostile articles: script tags, attribute injection and javascript:
// links in the text, title, outlet, URL and doc name. Each payload, if it
// ever ran, would set window.pwned; the browser test checks it never does.
var hostile = []map[string]string{
	{
		"id":     `xss-1"><script>window.pwned=1</script>`,
		"date":   "2022-03-05",
		"title":  `<script>window.pwned=2</script> Germany pledges helmets`,
		"outlet": `<img src=x onerror="window.pwned=3">`,
		"url":    `javascript:window.pwned=4`,
		"text": "Germany pledged 500 helmets to Ukraine on Friday, the defence ministry said. <script>window.pwned=5</script>\n\n" +
			`Officials said " onmouseover="window.pwned=6" x=" that more Stinger missiles would follow.` + "\n\n" +
			`A note read <a href="javascript:window.pwned=7">click here</a> for Stinger updates.`,
	},
	{
		"id":     "xss-2",
		"date":   "2022-03-06",
		"title":  `</title><svg onload=window.pwned=8> Poland sends Stinger missiles`,
		"outlet": `" onmouseover="window.pwned=9`,
		"url":    `JaVaScRiPt:window.pwned=10`,
		"text":   `Poland sent 300 Stinger missiles to Ukraine on Monday <img src=x onerror=window.pwned=11>, officials said.`,
	},
	{
		"id":     "xss-3",
		"date":   "2022-03-07",
		"title":  `Kyiv' onfocus='window.pwned=12' autofocus='`,
		"outlet": "Wire</style><script>window.pwned=13</script>",
		"url":    " javascript:window.pwned=14",
		"text":   `Russian forces shelled Kharkiv overnight, killing 12 civilians, the governor said. '><iframe src="javascript:window.pwned=15"></iframe>`,
	},
}

// hostileRevision is a later text of the third hostile article, posted
// under its id after it: the article becomes a revision, and the pages of
// both revisions (the current one listing the earlier, the earlier one
// marked superseded) must escape what either holds.
var hostileRevision = map[string]string{
	"id":     "xss-3",
	"date":   "2022-03-07",
	"title":  `Kyiv revised <script>window.pwned=16</script>`,
	"outlet": hostile[2]["outlet"],
	"url":    hostile[2]["url"],
	"text": hostile[2]["text"] + "\n\n" +
		`Officials later said 14 civilians were killed "><img src=x onerror="window.pwned=17"> in the shelling.`,
}

// rawPayloads are fragments that must never reach a page or a response
// unescaped: each is markup or an attribute break-out as written above.
var rawPayloads = []string{
	"<script>window.pwned", `"><script>`, "<img src=x", "<svg onload", `<a href="javascript:`, `<iframe src=`,
	`" onmouseover="window`, `' onfocus='window`, "</style><script>", "</title><svg",
}

// hostileServer ingests the hostile articles through the API.
func hostileServer(t *testing.T) *Server {
	t.Helper()
	s := ingestServer(t, Options{})
	var lines []string
	for _, a := range hostile {
		b, _ := json.Marshal(a)
		lines = append(lines, string(b))
	}
	r := post(t, s, "Bearer "+testToken, "application/x-ndjson", strings.Join(lines, "\n"))
	var res IngestResult
	if err := json.Unmarshal([]byte(r.body), &res); err != nil || r.code != 200 || res.Summary.Stored != len(hostile) {
		t.Fatalf("ingesting the hostile articles: %d %s", r.code, r.body)
	}
	b, _ := json.Marshal(hostileRevision)
	r = post(t, s, "Bearer "+testToken, "application/x-ndjson", string(b))
	res = IngestResult{}
	if err := json.Unmarshal([]byte(r.body), &res); err != nil || r.code != 200 || res.Summary.Revised != 1 {
		t.Fatalf("ingesting the hostile revision: %d %s", r.code, r.body)
	}
	return s
}

// hostileTargets lists every page and API response that shows the
// hostile articles or echoes a hostile query.
func hostileTargets(t *testing.T, s *Server) (pages, api []string) {
	t.Helper()
	q := url.QueryEscape
	pages = []string{"/", "/search?q=stinger", "/search?q=helmets", "/search?q=" + q(`<script>window.pwned=20</script> stinger`),
		"/search?q=stinger&outlet=" + q(hostile[1]["outlet"]), "/search?q=stinger&actor=" + q(`"><script>window.pwned=21</script>`),
		"/timeline", "/timeline?place=" + q(`"><script>window.pwned=22</script>`), "/ledger", "/figures", "/actors/DEU", "/actors/POL", "/actors/UKR",
		"/articles/" + q(hostile[0]["id"]), "/search?q=stinger&from=" + q(`<script>window.pwned=23</script>`),
		"/map", "/map?place=" + q(`"><script>window.pwned=30</script>`), "/map?actor=" + q(`"><svg onload=x>`)}
	api = []string{"/api/v1/articles?q=stinger", "/api/v1/events?limit=500", "/api/v1/timeline?limit=500", "/api/v1/ledger?limit=500",
		"/api/v1/figures", "/api/v1/actors/DEU", "/api/v1/stats", "/api/v1/articles?q=" + q(`<script>x</script>`),
		"/api/v1/events?actor=" + q(`<script>`), "/api/v1/articles/" + q(hostile[0]["id"])}
	var evs recordPage
	getJSON(t, s, "/api/v1/events?limit=500", 200, &evs)
	for _, r := range evs.Items {
		pages = append(pages, "/events/"+r.ID)
		api = append(api, "/api/v1/events/"+r.ID)
	}
	earlier := 0
	for _, a := range hostile {
		var art ArticleJSON
		getJSON(t, s, "/api/v1/articles/"+q(a["id"]), 200, &art)
		pages = append(pages, "/articles/"+art.ID)
		api = append(api, "/api/v1/articles/"+art.ID)
		// The earlier revisions' pages, each marked superseded.
		for _, rv := range art.Revisions {
			if rv.ID != art.ID {
				pages = append(pages, "/articles/"+rv.ID)
				api = append(api, "/api/v1/articles/"+rv.ID)
				earlier++
			}
		}
	}
	if earlier == 0 {
		t.Fatal("no hostile article lists an earlier revision: the revision pages are not walked")
	}
	return pages, api
}

func TestHostileArticlesAreEscaped(t *testing.T) {
	s := hostileServer(t)
	pages, api := hostileTargets(t, s)
	sawEscaped := false
	for _, target := range pages {
		r := get(t, s, target)
		if r.code >= 500 {
			t.Errorf("%s: %d", target, r.code)
		}
		for _, p := range rawPayloads {
			if strings.Contains(r.body, p) {
				t.Errorf("%s: raw %q in the page", target, p)
			}
		}
		for _, p := range activeContent(r.body) {
			t.Errorf("%s: %s", target, p)
		}
		sawEscaped = sawEscaped || strings.Contains(r.body, "&lt;script&gt;window.pwned=5&lt;/script&gt;")
	}
	if !sawEscaped {
		t.Error("the escaped script of the first article's text is shown nowhere: the pages tested do not show the payloads")
	}
	for _, target := range api {
		r := get(t, s, target)
		if strings.ContainsAny(r.body, "<>") {
			t.Errorf("%s: '<' or '>' unescaped in JSON", target)
		}
		if !json.Valid([]byte(r.body)) {
			t.Errorf("%s: not JSON", target)
		}
	}
	// The payloads did reach the store intact: escaping happens on the
	// way out, not by mangling the input.
	var a ArticleJSON
	getJSON(t, s, "/api/v1/articles/xss-2", 200, &a)
	if a.Outlet != hostile[1]["outlet"] || !strings.Contains(a.Text, "<img src=x onerror=window.pwned=11>") {
		t.Errorf("stored article changed: outlet %q", a.Outlet)
	}
}

// TestSourcesAvoidRawHTMLSinks guards the two places where escaping could
// be bypassed: Go code converting strings to trusted template types, and
// script code writing markup.
func TestSourcesAvoidRawHTMLSinks(t *testing.T) {
	goFiles, _ := filepath.Glob("*.go")
	for _, f := range goFiles {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, bad := range []string{"template.HTML(", "template.JS(", "template.URL(", "template.HTMLAttr(", "template.CSS(", "template.Srcset("} {
			if strings.Contains(string(src), bad) {
				t.Errorf("%s converts to %s: content would skip escaping", f, strings.TrimSuffix(bad, "("))
			}
		}
	}
	js, err := staticFS.ReadFile("static/app.js")
	if err != nil {
		t.Fatal(err)
	}
	for _, bad := range []string{"innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(", "new Function", "setAttribute(\"style\"", "srcdoc"} {
		if strings.Contains(string(js), bad) {
			t.Errorf("app.js uses %s", bad)
		}
	}
}

// activeContent parses a page as a browser would and lists what could run
// script: event handler attributes, javascript: URLs, inline scripts, and
// elements the pages never use (img, iframe, svg onload and the like).
func activeContent(page string) []string {
	var found []string
	z := html.NewTokenizer(strings.NewReader(page))
	inScript := false
	for {
		tt := z.Next()
		switch tt {
		case html.ErrorToken:
			return found
		case html.TextToken:
			if inScript && strings.TrimSpace(string(z.Text())) != "" {
				found = append(found, "inline script "+string(z.Text()))
			}
		case html.EndTagToken:
			inScript = false
		case html.StartTagToken, html.SelfClosingTagToken:
			tok := z.Token()
			switch tok.Data {
			case "img", "iframe", "object", "embed", "base", "style", "frame", "meta":
				if tok.Data != "meta" || len(tok.Attr) > 1 && tok.Attr[0].Key == "http-equiv" {
					found = append(found, "element "+tok.String())
				}
			case "script":
				inScript = tt == html.StartTagToken
				src := false
				for _, a := range tok.Attr {
					src = src || a.Key == "src" && strings.HasPrefix(a.Val, "/static/")
				}
				if !src {
					found = append(found, "script without a same-site src: "+tok.String())
				}
			}
			for _, a := range tok.Attr {
				key := strings.ToLower(a.Key)
				val := strings.ToLower(strings.Join(strings.Fields(a.Val), ""))
				switch {
				case strings.HasPrefix(key, "on"):
					found = append(found, "handler attribute in "+tok.String())
				case key == "style":
					found = append(found, "style attribute in "+tok.String())
				case (key == "href" || key == "src" || key == "action" || key == "formaction" || key == "xlink:href") &&
					(strings.HasPrefix(val, "javascript:") || strings.HasPrefix(val, "data:") || strings.HasPrefix(val, "vbscript:")):
					found = append(found, "script URL in "+tok.String())
				}
			}
		}
	}
}

func TestActiveContentFindsPayloads(t *testing.T) {
	// The checker itself must catch what it is there to catch.
	bad := []string{
		`<p><script>window.pwned=1</script></p>`,
		`<a href="javascript:window.pwned=1">x</a>`,
		`<a href=" JavaScript:x">x</a>`,
		`<span onmouseover="x">y</span>`,
		`<option value="" onmouseover="x">`,
		`<img src=x onerror=x>`,
		`<svg onload=x></svg>`,
		`<iframe src="data:text/html,x"></iframe>`,
		`<p style="background:url(x)">`,
	}
	for _, b := range bad {
		if len(activeContent(b)) == 0 {
			t.Errorf("activeContent missed %q", b)
		}
	}
	good := []string{
		`<option value="&#34; onmouseover=&#34;window.pwned=9">`,
		`<p>&lt;script&gt;window.pwned=5&lt;/script&gt;</p>`,
		`<a href="#ZgotmplZ">x</a>`,
		`<script src="/static/app.js?v=1" defer></script>`,
		`<p>javascript:window.pwned=4</p>`,
	}
	for _, g := range good {
		if f := activeContent(g); len(f) != 0 {
			t.Errorf("activeContent(%q) = %v", g, f)
		}
	}
}
