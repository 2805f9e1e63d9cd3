package server

import (
	"net/url"
	"regexp"
	"strings"
	"testing"

	"github.com/sitrep-project/sitrep/internal/model"
)

// page fetches a page, checks it is a whole HTML page, and returns it.
func page(t *testing.T, s *Server, target string, status int) string {
	t.Helper()
	r := get(t, s, target)
	if r.code != status {
		t.Fatalf("GET %s: %d, want %d\n%s", target, r.code, status, r.body)
	}
	if ct := r.header.Get("Content-Type"); ct != "text/html; charset=utf-8" {
		t.Fatalf("GET %s: Content-Type %q", target, ct)
	}
	for _, want := range []string{"<!doctype html>", `<a class="skip" href="#main">`, `<main id="main"`, "</html>"} {
		if !strings.Contains(r.body, want) {
			t.Fatalf("GET %s: no %q in the page", target, want)
		}
	}
	if strings.Contains(r.body, "<script>") || strings.Contains(r.body, " style=") || strings.Contains(r.body, " on") && regexp.MustCompile(`<[^>]+\son[a-z]+=`).MatchString(r.body) {
		t.Fatalf("GET %s: inline script, style or handler in the page", target)
	}
	return r.body
}

func TestPagesRender(t *testing.T) {
	s := newTestServer(t)
	var evs recordPage
	getJSON(t, s, "/api/v1/events?type=aid&actor=DEU&limit=1", 200, &evs)
	rec := evs.Items[0]
	cases := []struct {
		target string
		want   []string
	}{
		{"/", []string{"Search articles", `name="q"`, "articles from 2022-01-22 to 2022-07-05", "Northgate Wire Service"}},
		{"/search?q=stinger", []string{"matching articles", "<mark>Stinger</mark>", `href="/articles/`, `value="stinger"`, `class="chip t-aid"`}},
		{"/search?q=stinger&from=2022-03-01&outlet=Northgate+Wire+Service", []string{`value="2022-03-01"`, `<option value="Northgate Wire Service" selected>`}},
		{"/search?q=stinger&offset=2&limit=2", []string{`rel="prev"`, `rel="next"`, `<ol class="hits" start="3">`}},
		{"/search?q=-stinger", []string{"no word to look for"}},
		{"/search?q=stinger&from=not-a-date", []string{"from:", `role="alert"`}},
		{"/timeline", []string{`id="timeline-list"`, `data-precision="day"`, `data-precision="reported"`, `href="/events/`, `data-zoom="in"`}},
		{"/timeline?type=aid&actor=deu", []string{`<option value="aid" selected>`, `value="deu"`, "DEU -&gt; UKR"}},
		{"/events/" + rec.ID, []string{"Reports", `href="/articles/` + rec.Mentions[0].Article + `#ev-` + rec.Mentions[0].Event + `"`, "Where reports disagree", `href="/actors/DEU"`}},
		{"/events/" + rec.Mentions[0].Event, []string{rec.Mentions[0].Doc}},
		{"/articles/nw-0226-germany-stingers", []string{`<mark class="ev t-aid" data-ev="`, `<span class="slot slot-actor">Germany</span>`, `id="ev-`, "The merged event, with every report", `id="slot-pop"`}},
		{"/ledger", []string{"Totals by donor", `<rect class="seg k-military"`, `href="/timeline?actor=DEU&amp;type=aid"`, "Rates: ECB",
			"running total of aid so far", "flagged <strong>outlier</strong>"}},
		{"/ledger?donor=DEU", []string{`value="DEU"`, "Germany"}},
		{"/ledger?limit=500", []string{`<span class="tag warn">outlier</span>`, `<span class="tag">running total</span>`}},
		{"/figures", []string{"Casualties", `<polyline points=`, `class="conflict"`, "running totals", "incident counts", "claims"}},
		{"/figures?type=displacement", []string{"Displaced", `<option value="displacement" selected>`}},
		{"/actors/USA", []string{"United States", "Acts in", "Reported as", "Biden", `href="/timeline?actor=USA&amp;type=aid"`}},
	}
	for _, c := range cases {
		t.Run(c.target, func(t *testing.T) {
			body := page(t, s, c.target, 200)
			for _, w := range c.want {
				if !strings.Contains(body, w) {
					t.Errorf("no %q in the page", w)
				}
			}
		})
	}
}

func TestPageErrors(t *testing.T) {
	s := newTestServer(t)
	for target, status := range map[string]int{
		"/nothing-here":          404,
		"/articles/no-such-doc":  404,
		"/events/r000000000000":  404,
		"/actors/ZZZ":            404,
		"/actors?code=":          400,
		"/actors?code=%3Cb%3E":   400,
		"/actors/USA?limit=9999": 400,
	} {
		body := page(t, s, target, status)
		if !strings.Contains(body, `class="problem"`) {
			t.Errorf("%s: no message", target)
		}
	}
	r := get(t, s, "/actors?code=deu")
	if r.code != 303 || r.header.Get("Location") != "/actors/DEU" {
		t.Errorf("actor form: %d to %q", r.code, r.header.Get("Location"))
	}
}

func TestSearchPageFiltersByEventType(t *testing.T) {
	s := newTestServer(t)
	all := page(t, s, "/search?q=ukraine&limit=100", 200)
	aid := page(t, s, "/search?q=ukraine&limit=100&type=aid&actor=USA", 200)
	count := func(body string) int { return strings.Count(body, `<li class="hit">`) }
	if count(aid) == 0 || count(aid) >= count(all) {
		t.Errorf("aid by USA: %d of %d hits", count(aid), count(all))
	}
	// The month bars link to the same search narrowed to their month.
	if !strings.Contains(aid, `href="/search?actor=USA&amp;from=2022-03-01&amp;q=ukraine&amp;to=2022-03-31&amp;type=aid"`) {
		t.Error("no month bar linking to March with the filters kept")
	}
}

func TestArticlePageShowsTextWhole(t *testing.T) {
	s := newTestServer(t)
	a, err := s.article(t.Context(), "nw-0226-germany-stingers")
	if err != nil {
		t.Fatal(err)
	}
	body := page(t, s, "/articles/"+a.ID, 200)
	// Strip the tags of the text column: what remains is every block of
	// the article, escaped, in order.
	start := strings.Index(body, `<div class="article-text">`)
	end := strings.Index(body, `<aside class="cards"`)
	shown := regexp.MustCompile(`<[^>]+>`).ReplaceAllString(body[start:end], "")
	shown = strings.Join(strings.Fields(shown), " ")
	for _, b := range a.Blocks {
		want := strings.Join(strings.Fields(escapeText(b.Of(a.Text))), " ")
		if !strings.Contains(shown, want) {
			t.Errorf("block %q is not shown whole", b.Of(a.Text))
		}
	}
	// Each fact event's evidence is marked.
	marks := strings.Count(body[start:end], `<mark class="ev`)
	if marks < 3 {
		t.Errorf("%d marked regions", marks)
	}
}

// escapeText escapes text as html/template does in element content.
func escapeText(s string) string {
	return strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&#34;", "'", "&#39;").Replace(s)
}

func TestPageLinksResolve(t *testing.T) {
	// Every same-site link of the main pages leads somewhere.
	s := newTestServer(t)
	seen := map[string]bool{}
	href := regexp.MustCompile(`href="(/[^"#]*)`)
	for _, start := range []string{"/search?q=javelin", "/timeline?type=aid", "/ledger?donor=USA", "/figures?type=displacement", "/actors/POL"} {
		body := page(t, s, start, 200)
		for _, m := range href.FindAllStringSubmatch(body, -1) {
			u := strings.ReplaceAll(m[1], "&amp;", "&")
			if seen[u] || strings.HasPrefix(u, "/static/") {
				continue
			}
			seen[u] = true
			if r := get(t, s, u); r.code != 200 {
				t.Errorf("%s links to %s: %d", start, u, r.code)
			}
		}
	}
	if len(seen) < 30 {
		t.Errorf("only %d links followed", len(seen))
	}
}

func TestLink(t *testing.T) {
	cases := []struct {
		path string
		kv   []any
		want string
	}{
		{"/timeline", nil, "/timeline"},
		{"/timeline", []any{"type", "aid", "actor", ""}, "/timeline?type=aid"},
		{"/timeline", []any{"type", model.TypeCasualties}, "/timeline?type=casualties"},
		{"/search", []any{"q", `"anti-tank" & more`}, "/search?q=%22anti-tank%22+%26+more"},
	}
	for _, c := range cases {
		if got := link(c.path, c.kv...); got != c.want {
			t.Errorf("link(%q, %v) = %q, want %q", c.path, c.kv, got, c.want)
		}
	}
	if got, _ := url.Parse(link("/x", "q", "a b")); got.Query().Get("q") != "a b" {
		t.Errorf("round trip: %v", got)
	}
}

func TestSeriesTitle(t *testing.T) {
	cases := map[string]model.Series{
		"Casualties · UKR · civilians killed": {Type: "casualties", Target: "UKR", Victims: "civilians", Outcome: "killed"},
		"Displaced · UKR":                     {Type: "displacement", Target: "UKR"},
		"Troops massed":                       {Type: "mobilize"},
		"Casualties · military wounded":       {Type: "casualties", Victims: "military", Outcome: "wounded"},
	}
	for want, s := range cases {
		if got := seriesTitle(s); got != want {
			t.Errorf("seriesTitle(%+v) = %q, want %q", s, got, want)
		}
	}
}
