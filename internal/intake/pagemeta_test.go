package intake

import (
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// TestPageMeta checks where a saved page's date, headline, outlet and
// address are read from, in the ways news sites write them.
func TestPageMeta(t *testing.T) {
	cases := []struct {
		name, head, body    string
		title, site, url, d string
	}{
		{"open graph and article tags",
			`<meta property="og:title" content="Aid convoy reaches Sumy"><meta property="og:site_name" content="Borealis Post"><meta property="og:url" content="https://borealis.example/world/aid-convoy"><meta property="article:published_time" content="2022-03-18T21:40:00+01:00">`,
			``, "Aid convoy reaches Sumy", "Borealis Post", "https://borealis.example/world/aid-convoy", "2022-03-18"},
		{"json-ld only",
			`<script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"NewsArticle","headline":"Grain ships leave Odesa","datePublished":"2022-08-01T07:00:00Z","publisher":{"@type":"Organization","name":"Danube Ledger"}}]}</script>`,
			``, "Grain ships leave Odesa", "Danube Ledger", "", "2022-08-01"},
		{"name-keyed tags and a title with the outlet",
			`<title>Talks resume in Istanbul | Harbour Daily</title><meta name="pubdate" content="2022-03-29"><meta name="application-name" content="Harbour Daily"><link rel="canonical" href="https://harbour.example/talks">`,
			``, "Talks resume in Istanbul", "Harbour Daily", "https://harbour.example/talks", "2022-03-29"},
		{"a time element and a headline",
			`<title>Home</title>`,
			`<article><h1>Strike hits Kramatorsk station</h1><time datetime="2022-04-08">8 April</time><p>Text.</p></article>`,
			"Strike hits Kramatorsk station", "", "", "2022-04-08"},
		{"the date in the address",
			`<meta property="og:url" content="https://wire.example/2022/06/23/himars-package"><meta property="og:title" content="Four more launchers">`,
			``, "Four more launchers", "", "https://wire.example/2022/06/23/himars-package", "2022-06-23"},
		{"nothing dated",
			`<title>About us</title>`, `<p>We are a newspaper.</p>`, "About us", "", "", ""},
	}
	for _, c := range cases {
		doc, err := html.Parse(strings.NewReader("<html><head>" + c.head + "</head><body>" + c.body + "</body></html>"))
		if err != nil {
			t.Fatal(err)
		}
		md := pageMeta(doc)
		d := ""
		if !md.date.IsZero() {
			d = md.date.Format("2006-01-02")
		}
		if md.title != c.title || md.site != c.site || md.url != c.url || d != c.d {
			t.Errorf("%s: title %q, site %q, url %q, date %q; want %q, %q, %q, %q", c.name, md.title, md.site, md.url, d, c.title, c.site, c.url, c.d)
		}
	}
}

// TestDropBoilerplate checks that boxes set inside a story's body
// (newsletter sign-ups, share bars, related links) leave its text, and the
// story's own containers stay whatever they are called.
func TestDropBoilerplate(t *testing.T) {
	page := `<html><body><main class="main-content"><article class="story article-social">
<p>Kyiv was shelled overnight, officials said.</p>
<div class="newsletter-promo"><p>Morning Briefing: sign up for our newsletter.</p></div>
<div id="share_bar">Share on social media</div>
<aside class="related_links"><a href="/x">Related: earlier strikes</a></aside>
<p>Two people were wounded.</p>
<div class="adslot ad">Advertisement</div>
</article></main></body></html>`
	doc, err := html.Parse(strings.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	dropBoilerplate(doc)
	got := pageText(doc)
	want := "Kyiv was shelled overnight, officials said.\n\nTwo people were wounded.\n\n"
	if got != want {
		t.Errorf("text after dropping boilerplate:\n%q\nwant\n%q", got, want)
	}
}
