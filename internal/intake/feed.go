package intake

import (
	"bytes"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/mmcdole/gofeed"
	"golang.org/x/net/html"

	"github.com/sitrep-project/sitrep/internal/model"
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
		p.atRecord = n
		if err := p.feedItem(it, n, outlet); err != nil {
			return err
		}
	}
	return nil
}

// feedItem reads the nth item of a feed. An item with a headline and no
// body (many feeds carry only headlines) is kept as a headline-only article.
func (p *parser) feedItem(it *gofeed.Item, n int, outlet string) error {
	body := it.Content
	if strings.TrimSpace(body) == "" {
		body = it.Description
	}
	title := html.UnescapeString(it.Title)
	a := withHeadline(newArticle(htmlText(body), title, false))
	if a == nil {
		return p.failRecord(n, fmt.Errorf("item %q: %w (no title, description or content)", clip(it.Title), ErrEmpty))
	}
	date, alt, err := p.itemDate(it)
	if err != nil {
		return p.failRecord(n, fmt.Errorf("item %q: %w", clip(it.Title), err))
	}
	if date.IsZero() {
		if p.opts.Date.IsZero() {
			return p.failRecord(n, fmt.Errorf("item %q: %w (no pubDate, published or updated)", clip(it.Title), ErrNoDate))
		}
		date = p.opts.Date
	}
	a.Date = date
	a.Outlet = outlet
	a.URL = it.Link
	a.Origin = fmt.Sprintf("%s#%d", p.path, n)
	place := ""
	if a.Doc = strings.TrimSpace(it.GUID); a.Doc == "" {
		place = "#" + strconv.Itoa(n)
	} else {
		a.DocKind = model.DocOwnID
	}
	return p.emit(Result{Article: a, alt: alt, place: place})
}

// itemDate is the calendar day an item was published or, failing that,
// updated; zero when it gives neither. A date the item gives that cannot be
// read, or cannot be an article's (0001-01-01), is an error naming it, unless
// the other date is good: the item is never read as undated because of it.
//
// Dates in the forms feeds are meant to use (RFC 822, RFC 3339) are read
// as gofeed reads them. A numeric date with the year last ("03/04/2022")
// is read as dumps read theirs, in the file's order of day and month (see
// slashOrder), not by gofeed's fixed guess; with --date-format, a date
// that fits the layout is read with it, and one that fits neither the
// layout nor a feed form is an error naming the layout. alt is as for
// parser.fieldDate.
func (p *parser) itemDate(it *gofeed.Item) (day, alt time.Time, err error) {
	var firstErr error
	for _, d := range []struct {
		parsed *time.Time
		text   string
	}{{it.PublishedParsed, it.Published}, {it.UpdatedParsed, it.Updated}} {
		text := strings.TrimSpace(d.text)
		if text == "" && d.parsed == nil {
			continue
		}
		day, alt, err = time.Time{}, time.Time{}, nil
		var layoutErr error
		if p.opts.DateLayout != "" {
			day, layoutErr = parseLayout(text, p.opts.DateLayout)
		}
		_, numeric := numericDate(firstWord(text))
		switch {
		case p.opts.DateLayout != "" && layoutErr == nil:
		case p.opts.DateLayout == "" && numeric:
			day, alt, err = p.fieldDate(text)
		case d.parsed != nil:
			t := d.parsed.UTC()
			day = time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
			err = checkDate(day, text)
		case layoutErr != nil:
			err = layoutErr
		default:
			// gofeed could not read it; the forms sitrep knows may.
			day, alt, err = p.fieldDate(text)
		}
		if err == nil {
			return day, alt, nil
		}
		if firstErr == nil {
			firstErr = err
		}
	}
	return time.Time{}, time.Time{}, firstErr
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
