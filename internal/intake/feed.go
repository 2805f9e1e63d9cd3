package intake

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/mmcdole/gofeed"
	"golang.org/x/net/html"
)

// feed reads an RSS 2.0 or Atom file: each item is an article, the feed's
// title its outlet. Item bodies are HTML; their text is taken paragraph by
// paragraph so that blocks survive.
func (p *parser) feed(data []byte) error {
	if err := checkText(data); err != nil {
		return p.fail(lineOf(data, err), err)
	}
	f, err := gofeed.NewParser().Parse(bytes.NewReader(data))
	if err != nil {
		return p.fail(0, fmt.Errorf("not an RSS or Atom feed: %v", err))
	}
	outlet := collapseSpace(f.Title)
	for i, it := range f.Items {
		n := i + 1
		body := it.Content
		if strings.TrimSpace(body) == "" {
			body = it.Description
		}
		text := htmlText(body)
		if strings.TrimSpace(text) == "" {
			if err := p.failRecord(n, fmt.Errorf("item %q: %w", it.Title, ErrEmpty)); err != nil {
				return err
			}
			continue
		}
		var date = it.PublishedParsed
		if date == nil {
			date = it.UpdatedParsed
		}
		if date == nil {
			if p.opts.Date.IsZero() {
				if err := p.failRecord(n, fmt.Errorf("item %q: %w (no pubDate, published or updated)", it.Title, ErrNoDate)); err != nil {
					return err
				}
				continue
			}
			d := p.opts.Date
			date = &d
		}
		a := newArticle(text, html.UnescapeString(it.Title), false)
		d := date.UTC()
		a.Date = d.Truncate(24 * 60 * 60 * 1e9)
		a.Outlet = outlet
		a.URL = it.Link
		a.Origin = fmt.Sprintf("%s#%d", p.path, n)
		a.Doc = strings.TrimSpace(it.GUID)
		if a.Doc == "" {
			a.Doc = fmt.Sprintf("%s#%d", docName(p.path), n)
		}
		if err := p.emit(Result{Article: a}); err != nil {
			return err
		}
	}
	return nil
}

// htmlText turns an HTML fragment into plain text with a blank line between
// block elements. Text without markup comes back as it was.
func htmlText(fragment string) string {
	if !strings.Contains(fragment, "<") {
		return html.UnescapeString(fragment)
	}
	nodes, err := html.ParseFragment(strings.NewReader(fragment), nil)
	if err != nil {
		return fragment
	}
	var sb strings.Builder
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		switch n.Type {
		case html.TextNode:
			sb.WriteString(n.Data)
			return
		case html.ElementNode:
			switch n.Data {
			case "script", "style", "noscript":
				return
			case "br":
				sb.WriteString("\n")
				return
			}
		}
		block := n.Type == html.ElementNode && isBlockElement(n.Data)
		if block {
			sb.WriteString("\n\n")
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
		if block {
			sb.WriteString("\n\n")
		}
	}
	for _, n := range nodes {
		walk(n)
	}
	return sb.String()
}

func isBlockElement(tag string) bool {
	switch tag {
	case "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "blockquote", "section", "article", "figure", "figcaption", "table", "tr", "pre", "header", "footer", "aside":
		return true
	}
	return false
}
