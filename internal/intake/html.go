package intake

import (
	"bytes"
	"fmt"
	"strings"
	"time"

	"github.com/markusmobius/go-trafilatura"
	"golang.org/x/net/html"
)

// html reads a saved article page. The main text is separated from
// navigation, banners and footers by trafilatura, whose scoring of text
// density is far sturdier than any hand-made rule; the date, title and outlet
// come from the page's metadata.
func (p *parser) html(data []byte) error {
	if err := checkText(data); err != nil {
		return p.fail(lineOf(data, err), err)
	}
	res, err := trafilatura.Extract(bytes.NewReader(data), trafilatura.Options{
		ExcludeComments: true,
		ExcludeTables:   false,
		EnableFallback:  true,
		HtmlDateMode:    trafilatura.Extensive,
	})
	if err != nil {
		return p.fail(0, fmt.Errorf("no article text found in the page: %v", err))
	}
	text := res.ContentText
	if res.ContentNode != nil {
		var sb strings.Builder
		if err := html.Render(&sb, res.ContentNode); err == nil {
			text = htmlText(sb.String())
		}
	}
	if strings.TrimSpace(text) == "" {
		return p.fail(0, ErrEmpty)
	}
	md := res.Metadata
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
	a.Doc = docName(p.path)
	a.Origin = p.path
	return p.emit(Result{Article: a})
}
