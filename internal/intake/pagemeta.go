package intake

import (
	"encoding/json"
	"regexp"
	"strings"
	"time"

	"golang.org/x/net/html"
)

// pageMetadata is what a saved page says about its article in its markup:
// the headline, the outlet, the address and the publication date.
type pageMetadata struct {
	title, site, url string
	date             time.Time
}

// Where pages put their metadata, most trusted first within each field:
// Open Graph and article tags (<meta property="og:title">), the
// name-keyed tags news sites and Dublin Core use, schema.org's JSON-LD
// (NewsArticle's headline, datePublished, publisher.name), a <time
// datetime> in the page, and at last the <title> and the address's
// /2022/03/18/ path.
var (
	titleKeys = []string{"og:title", "twitter:title", "headline", "dc.title"}
	siteKeys  = []string{"og:site_name", "application-name", "publisher", "dc.publisher"}
	urlKeys   = []string{"og:url", "twitter:url"}
	dateKeys  = []string{"article:published_time", "og:published_time", "datepublished", "date", "pubdate", "publishdate",
		"publish-date", "publication_date", "dc.date", "dc.date.issued", "dcterms.created", "parsely-pub-date", "sailthru.date",
		"article.published", "published_time", "og:updated_time", "article:modified_time", "datemodified"}
)

// urlDate finds a date in an article's address: /2022/03/18/ or
// /2022-03-18/.
var urlDate = regexp.MustCompile(`/(19|20)(\d\d)[/-](\d\d?)[/-](\d\d?)(/|-|$)`)

// pageMeta reads a page's metadata in one pass over its tree.
func pageMeta(doc *html.Node) pageMetadata {
	meta := map[string]string{} // lower-case key -> first value
	var docTitle, h1, timeAttr, canonical string
	var ld []map[string]any
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			switch n.Data {
			case "meta":
				key := strings.ToLower(firstAttr(n, "property", "name", "itemprop"))
				if v := strings.TrimSpace(attr(n, "content")); key != "" && v != "" {
					if _, ok := meta[key]; !ok {
						meta[key] = v
					}
				}
			case "link":
				if strings.EqualFold(attr(n, "rel"), "canonical") && canonical == "" {
					canonical = strings.TrimSpace(attr(n, "href"))
				}
			case "title":
				if docTitle == "" {
					docTitle = nodeText(n)
				}
			case "h1":
				if h1 == "" {
					h1 = nodeText(n)
				}
			case "time":
				if timeAttr == "" {
					timeAttr = strings.TrimSpace(attr(n, "datetime"))
				}
			case "script":
				if strings.EqualFold(attr(n, "type"), "application/ld+json") {
					ld = append(ld, jsonLD(nodeText(n))...)
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	for _, obj := range ld {
		for _, k := range []string{"headline", "datePublished", "dateModified"} {
			if v, ok := obj[k].(string); ok {
				if _, seen := meta[strings.ToLower(k)]; !seen {
					meta[strings.ToLower(k)] = v
				}
			}
		}
		if pub, ok := obj["publisher"].(map[string]any); ok {
			if v, ok := pub["name"].(string); ok && meta["publisher"] == "" {
				meta["publisher"] = v
			}
		}
	}
	var md pageMetadata
	md.title = firstOf(meta, titleKeys)
	md.site = firstOf(meta, siteKeys)
	md.url = firstOf(meta, urlKeys)
	if md.url == "" {
		md.url = canonical
	}
	if md.title == "" {
		md.title = h1
	}
	if md.title == "" {
		md.title = docTitle
		if md.site != "" {
			// "Headline | Outlet", "Headline - Outlet".
			for _, sep := range []string{" | ", " - ", " – ", " — "} {
				md.title = strings.TrimSuffix(md.title, sep+md.site)
			}
		}
	}
	for _, k := range dateKeys {
		if v, ok := meta[k]; ok {
			if d, err := ParseDate(v); err == nil {
				md.date = d
				break
			}
		}
	}
	if md.date.IsZero() && timeAttr != "" {
		if d, err := ParseDate(timeAttr); err == nil {
			md.date = d
		}
	}
	if md.date.IsZero() {
		if m := urlDate.FindStringSubmatch(md.url); m != nil {
			if d, err := ParseDate(m[1] + m[2] + "/" + m[3] + "/" + m[4]); err == nil {
				md.date = d
			}
		}
	}
	md.title = collapseSpace(md.title)
	return md
}

// jsonLD decodes a JSON-LD block into its objects: one, a list, or a
// @graph of them. A block that does not parse gives none.
func jsonLD(s string) []map[string]any {
	var v any
	if err := json.Unmarshal([]byte(s), &v); err != nil {
		return nil
	}
	var out []map[string]any
	var add func(v any)
	add = func(v any) {
		switch x := v.(type) {
		case map[string]any:
			out = append(out, x)
			if g, ok := x["@graph"]; ok {
				add(g)
			}
		case []any:
			for _, e := range x {
				add(e)
			}
		}
	}
	add(v)
	return out
}

func firstOf(m map[string]string, keys []string) string {
	for _, k := range keys {
		if v := m[k]; v != "" {
			return v
		}
	}
	return ""
}

func firstAttr(n *html.Node, keys ...string) string {
	for _, k := range keys {
		if v := attr(n, k); v != "" {
			return v
		}
	}
	return ""
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if strings.EqualFold(a.Key, key) {
			return a.Val
		}
	}
	return ""
}

// nodeText is the text under a node, white space collapsed.
func nodeText(n *html.Node) string {
	var sb strings.Builder
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.TextNode {
			sb.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return collapseSpace(sb.String())
}

// boilerplateMarks are the parts of class and id names that news pages
// give the boxes they set inside or beside a story: newsletter sign-ups,
// promotions, share bars, related links, adverts, consent banners.
// Readability scores such a box inside the story's body as part of it.
var boilerplateMarks = map[string]bool{
	"newsletter": true, "newsletters": true, "promo": true, "promotion": true, "subscribe": true, "subscription": true,
	"signup": true, "share": true, "sharing": true, "social": true, "related": true, "advert": true, "advertisement": true,
	"ad": true, "ads": true, "cookie": true, "cookies": true, "consent": true, "paywall": true, "outbrain": true,
	"taboola": true, "recirc": true, "popular": true, "trending": true, "breadcrumb": true, "breadcrumbs": true,
}

// dropBoilerplate removes from a page the elements whose class or id
// names them as boilerplate (boilerplateMarks), never the story's own
// containers (<html>, <body>, <main>, <article>).
func dropBoilerplate(n *html.Node) {
	for c := n.FirstChild; c != nil; {
		next := c.NextSibling
		if c.Type == html.ElementNode && isBoilerplate(c) {
			n.RemoveChild(c)
		} else {
			dropBoilerplate(c)
		}
		c = next
	}
}

func isBoilerplate(n *html.Node) bool {
	switch n.Data {
	case "html", "body", "main", "article", "head", "meta", "script", "title":
		return false
	}
	for _, name := range []string{attr(n, "class"), attr(n, "id")} {
		for _, part := range strings.FieldsFunc(strings.ToLower(name), func(r rune) bool {
			return r == ' ' || r == '-' || r == '_' || r == '\t' || r == '\n'
		}) {
			if boilerplateMarks[part] {
				return true
			}
		}
	}
	return false
}
