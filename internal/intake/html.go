package intake

import (
	"bytes"
	"fmt"
	"strings"
	"time"

	"github.com/markusmobius/go-trafilatura"
	"golang.org/x/net/html"

	"github.com/sitrep-project/sitrep/internal/model"
)

// html reads a saved article page. The main text is separated from
// navigation, banners and footers by trafilatura, whose scoring of text
// density is far sturdier than any hand-made rule; the date, title and outlet
// come from the page's metadata. A page too large for trafilatura to read in
// reasonable time (see heavyPage) is read by pageText instead.
func (p *parser) html(data []byte) error {
	if err := checkText(data); err != nil {
		return p.fail(lineOf(data, err), err)
	}
	opts := trafilatura.Options{
		ExcludeComments: true,
		ExcludeTables:   false,
		EnableFallback:  true,
		HtmlDateMode:    trafilatura.Extensive,
	}
	var md trafilatura.Metadata
	var text string
	doc, err := html.Parse(bytes.NewReader(data))
	if err == nil && heavyPage(doc, len(data)) {
		// The metadata sits in the head and near the top of the body:
		// trafilatura reads it from the page's start, and the text is
		// taken from the whole page in one pass. A start too thin for
		// trafilatura to find text in leaves the metadata empty, not the
		// page unread.
		if res, err := trafilatura.ExtractDocument(pagePrefix(doc), opts); err == nil {
			md = res.Metadata
		}
		text = pageText(doc)
	} else {
		res, err := trafilatura.Extract(bytes.NewReader(data), opts)
		if err != nil {
			return p.fail(0, fmt.Errorf("no article text found in the page: %v", err))
		}
		md = res.Metadata
		text = res.ContentText
		if res.ContentNode != nil {
			var sb strings.Builder
			if err := html.Render(&sb, res.ContentNode); err == nil {
				text = htmlText(sb.String())
			}
		}
	}
	if strings.TrimSpace(text) == "" {
		return p.fail(0, ErrEmpty)
	}
	date := md.Date
	if date.IsZero() {
		if p.opts.Date.IsZero() {
			return p.fail(0, fmt.Errorf("%w: the page has no publication date in its metadata; give one with --date", ErrNoDate))
		}
		date = p.opts.Date
	}
	a := newArticle(text, md.Title, false)
	a.Date = time.Date(date.Year(), date.Month(), date.Day(), 0, 0, 0, 0, time.UTC)
	a.Outlet = collapseSpace(md.Sitename)
	a.URL = md.URL
	a.Doc, a.DocKind = docName(p.path), model.DocFile
	a.Origin = p.path
	return p.emit(Result{Article: a})
}

// Trafilatura's cost grows with the square of a page's paragraphs: before
// choosing the main text it joins the text of every <p> of the page into
// one string, one paragraph at a time (extractContent in
// go-trafilatura v1.12.2, paragraphText += ...), so a page of n paragraphs
// of text t copies about n·t/2 bytes. A page of 16,000 short paragraphs
// took 10 to 20 s, one of 8 MB two minutes and 1 GB. The limits below keep
// every ordinary page, live blogs included, on trafilatura, and read the
// rest in linear time.
const (
	// maxParagraphWork bounds paragraphs × paragraph text bytes: about
	// half a second of trafilatura's joining. An article of 200 paragraphs
	// and 60 KB is 12 MB of it; a live blog of 2,000 and 300 KB, 600 MB.
	maxParagraphWork = 1 << 30
	// maxMarkupBytes bounds a page's bytes outside scripts and styles,
	// which trafilatura drops cheaply: past it even a page of no
	// paragraphs takes seconds. Saved news pages weigh far less once
	// their scripts are set aside.
	maxMarkupBytes = 4 << 20
	// prefixTextBytes and prefixNodes bound the start of a heavy page that
	// trafilatura reads for its metadata: enough for the head, a byline
	// and a dateline, small enough to read in a fraction of a second.
	prefixTextBytes = 64 << 10
	prefixNodes     = 4096
)

// heavyPage reports whether a page of size bytes is too large for
// trafilatura: too much paragraph text in too many paragraphs
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

// pagePrefix returns a copy of the document cut after its first
// prefixTextBytes of text or prefixNodes nodes, in document order: the
// head, and the top of the body, where the metadata is. Scripts and styles
// do not count against the text: trafilatura drops them cheaply, and a
// head may carry megabytes of them before its last <meta>.
func pagePrefix(doc *html.Node) *html.Node {
	text, nodes := 0, 0
	var cp func(n *html.Node) (*html.Node, bool)
	// cp copies n and as much of its subtree as the budget allows; it
	// reports false once the budget is spent.
	cp = func(n *html.Node) (*html.Node, bool) {
		m := &html.Node{Type: n.Type, DataAtom: n.DataAtom, Data: n.Data, Namespace: n.Namespace, Attr: append([]html.Attribute(nil), n.Attr...)}
		code := n.Type == html.ElementNode && (n.Data == "script" || n.Data == "style")
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			nodes++
			if c.Type == html.TextNode && !code {
				text += len(c.Data)
			}
			if nodes > prefixNodes || text > prefixTextBytes {
				return m, false
			}
			cc, more := cp(c)
			m.AppendChild(cc)
			if !more {
				return m, false
			}
		}
		return m, true
	}
	out, _ := cp(doc)
	return out
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
