package intake

import (
	"bytes"
	"fmt"
	"strings"
	"time"

	"github.com/go-shiori/go-readability"
	"golang.org/x/net/html"

	"github.com/sitrep-project/sitrep/internal/model"
)

// html reads a saved article page. The main text is separated from
// navigation, banners and footers by readability (go-readability, the port
// of the reader view browsers ship), whose scoring of text density is far
// sturdier than any hand-made rule; the date, title, outlet and address
// come from the page's metadata (pageMeta). A page too large to score in
// reasonable time (see heavyPage) is read by pageText instead.
//
// Trafilatura read pages here before: its date finder links go-dateparser,
// whose package initialisation alone took 0.3 s of CPU and 78 MB at the
// start of every command, whatever it did. Readability's metadata and ours
// cover what saved news pages carry.
func (p *parser) html(data []byte) error {
	if err := checkText(data); err != nil {
		return p.fail(lineOf(data, err), err)
	}
	doc, err := html.Parse(bytes.NewReader(data))
	if err != nil {
		return p.fail(0, fmt.Errorf("reading the page: %v", err))
	}
	md := pageMeta(doc)
	dropBoilerplate(doc)
	var text string
	if heavyPage(doc, len(data)) {
		text = pageText(doc)
	} else {
		art, err := readability.FromDocument(doc, nil)
		if err != nil || art.Node == nil {
			// Readability finds no story in a page of one short block:
			// its text is the page's.
			text = pageText(doc)
		} else {
			var sb strings.Builder
			if err := html.Render(&sb, art.Node); err == nil {
				text = htmlText(sb.String())
			}
			if md.title == "" {
				md.title = art.Title
			}
			if md.site == "" {
				md.site = art.SiteName
			}
			if md.date.IsZero() && art.PublishedTime != nil {
				md.date = *art.PublishedTime
			}
		}
	}
	if strings.TrimSpace(text) == "" {
		return p.fail(0, ErrEmpty)
	}
	date := md.date
	if date.IsZero() {
		if p.opts.Date.IsZero() {
			return p.fail(0, fmt.Errorf("%w: the page has no publication date in its metadata; give one with --date", ErrNoDate))
		}
		date = p.opts.Date
	}
	a := newArticle(text, md.title, false)
	a.Date = time.Date(date.Year(), date.Month(), date.Day(), 0, 0, 0, 0, time.UTC)
	a.Outlet = collapseSpace(md.site)
	a.URL = md.url
	a.Doc, a.DocKind = docName(p.path), model.DocFile
	a.Origin = p.path
	return p.emit(Result{Article: a})
}

// Scoring a page for its story costs more than linear time in its
// paragraphs: readability walks the candidates again for each of several
// passes, and trafilatura, which read pages here before, joined the text of
// every paragraph one at a time (a page of 16,000 short paragraphs took 10
// to 20 s, one of 8 MB two minutes and 1 GB). The limits below keep every
// ordinary page, live blogs included, on readability, and read the rest in
// linear time.
const (
	// maxParagraphWork bounds paragraphs × paragraph text bytes. An article of 200 paragraphs
	// and 60 KB is 12 MB of it; a live blog of 2,000 and 300 KB, 600 MB.
	maxParagraphWork = 1 << 30
	// maxMarkupBytes bounds a page's bytes outside scripts and styles,
	// which are dropped cheaply: past it even a page of no paragraphs
	// takes seconds to score. Saved news pages weigh far less once
	// their scripts are set aside.
	maxMarkupBytes = 4 << 20
)

// heavyPage reports whether a page of size bytes is too large to score:
// too much paragraph text in too many paragraphs
// (maxParagraphWork), or too much markup (maxMarkupBytes).
func heavyPage(doc *html.Node, size int) bool {
	var paras, paraText, scripts int
	var walk func(n *html.Node, inPara bool)
	walk = func(n *html.Node, inPara bool) {
		if n.Type == html.TextNode {
			if inPara {
				paraText += len(n.Data)
			}
			if p := n.Parent; p != nil && p.Type == html.ElementNode && (p.Data == "script" || p.Data == "style") {
				scripts += len(n.Data)
			}
			return
		}
		if n.Type == html.ElementNode && n.Data == "p" {
			paras++
			inPara = true
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, inPara)
		}
	}
	walk(doc, false)
	return paras*paraText > maxParagraphWork || size-scripts > maxMarkupBytes
}

// pageText returns the text of a heavy page: the text of its paragraphs,
// headings, list items and other blocks in document order, a blank line
// between blocks, leaving out scripts, styles, navigation, asides, footers
// and forms. When the page marks its story with <article> or <main>, only
// the largest such element is read. One pass over the page, whatever its
// size.
func pageText(doc *html.Node) string {
	root := doc
	best := 0
	var size func(n *html.Node) int
	// size returns the bytes of readable text under n, noting the largest
	// story element on the way.
	size = func(n *html.Node) int {
		if n.Type == html.TextNode {
			return len(n.Data)
		}
		if n.Type == html.ElementNode && skippedElement(n.Data) {
			return 0
		}
		t := 0
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			t += size(c)
		}
		if n.Type == html.ElementNode && (n.Data == "article" || n.Data == "main") && t > best {
			root, best = n, t
		}
		return t
	}
	total := size(doc)
	if best*2 < total {
		// The largest story element holds less than half the page's
		// text: a teaser or a comment, not the story.
		root, best = doc, total
	}

	var sb, block strings.Builder
	// The text is about as long as the story's, with white space
	// collapsed and blank lines added: growing it once spares copying a
	// text of megabytes again and again.
	sb.Grow(best + best/8)
	// flush ends a block: its words, white space collapsed, then a blank
	// line.
	flush := func() {
		if w := strings.Fields(block.String()); len(w) > 0 {
			for i, s := range w {
				if i > 0 {
					sb.WriteByte(' ')
				}
				sb.WriteString(s)
			}
			sb.WriteString("\n\n")
		}
		block.Reset()
	}
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		switch n.Type {
		case html.TextNode:
			block.WriteString(n.Data)
			return
		case html.ElementNode:
			if skippedElement(n.Data) {
				return
			}
			if n.Data == "br" {
				block.WriteByte(' ')
				return
			}
		}
		isBlock := n.Type == html.ElementNode && isBlockElement(n.Data)
		if isBlock {
			flush()
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
		if isBlock {
			flush()
		}
	}
	walk(root)
	flush()
	return sb.String()
}

// skippedElement reports an element whose text is never story text.
func skippedElement(tag string) bool {
	switch tag {
	case "head", "script", "style", "noscript", "template", "svg", "iframe", "nav", "aside", "footer", "form", "button", "select", "textarea":
		return true
	}
	return false
}
