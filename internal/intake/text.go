package intake

import (
	"bytes"
	"fmt"
	"path/filepath"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/sitrep-project/sitrep/internal/model"
)

// parser reads one input and emits its articles and errors.
type parser struct {
	opts *Options
	path string
	// emit takes every result a reader makes; Reader.readGuarded makes it
	// check the result and deliver it, and send pass it to the caller.
	emit func(Result) error
	send func(Result) error
	// atLine and atRecord are where the parser is: the line or the number
	// of the record it is reading, 0 when unknown. A panic caught while
	// reading is reported there.
	atLine, atRecord int
	// names gives records without an id their names, unique in the run;
	// stem is this file's part of those names, once asked for.
	names *names
	stem  string
	dates fileDates
	keys  keysSeen
}

func (p *parser) fail(line int, err error) error {
	return p.emit(Result{Err: &Error{Path: p.path, Line: line, Err: err}})
}

// failRecord reports a bad record of a format numbered by record, not line.
func (p *parser) failRecord(n int, err error) error {
	return p.emit(Result{Err: &Error{Path: p.path, Record: n, Err: err}})
}

// docName is the file name without its extension: the name an analyst
// already uses for a one-article file.
func docName(path string) string {
	if path == "-" {
		return "stdin"
	}
	base := filepath.Base(path)
	return strings.TrimSuffix(base, filepath.Ext(base))
}

// seedDate finds the seed format's leading " date YYYY-MM-DD" and returns
// the date text and the offset just past it.
func seedDate(data []byte) (string, int, bool) {
	i := 0
	for i < len(data) {
		r, n := utf8.DecodeRune(data[i:])
		if r != '\ufeff' && !unicode.IsSpace(r) {
			break
		}
		i += n
	}
	rest := data[i:]
	if !bytes.HasPrefix(rest, []byte("date")) || len(rest) < 5 || (rest[4] != ' ' && rest[4] != '\t') {
		return "", 0, false
	}
	j := 5
	for j < len(rest) && (rest[j] == ' ' || rest[j] == '\t') {
		j++
	}
	k := j
	for k < len(rest) && !unicode.IsSpace(rune(rest[k])) {
		k++
	}
	if k == j {
		return "", 0, false
	}
	return string(rest[j:k]), i + k, true
}

func (p *parser) text(data []byte, format Format) error {
	if err := checkText(data); err != nil {
		return p.fail(lineOf(data, err), err)
	}
	var date time.Time
	body := data
	if format == FormatSeed {
		ds, end, _ := seedDate(data)
		d, err := ParseDate(ds)
		if err != nil {
			return p.fail(1, err)
		}
		date = d
		body = data[end:]
	} else {
		if p.opts.Date.IsZero() && !p.opts.Undated {
			return p.fail(0, fmt.Errorf("%w: plain text carries no date; give one with --date YYYY-MM-DD or start the file with a line \"date YYYY-MM-DD\"", ErrNoDate))
		}
		date = p.opts.Date
	}
	a := newArticle(string(body), "", true)
	if a.Text == "" {
		return p.fail(0, ErrEmpty)
	}
	a.Doc, a.DocKind = docName(p.path), model.DocFile
	a.Date = date
	a.Origin = p.path
	return p.emit(Result{Article: a})
}

// invalidUTF8 is returned by checkText with the offset of the bad byte.
type invalidUTF8 struct{ offset int }

// Error says where the bad byte is.
func (e invalidUTF8) Error() string {
	return fmt.Sprintf("%v at byte %d", ErrInvalidUTF8, e.offset)
}

// Unwrap makes the error an ErrInvalidUTF8.
func (e invalidUTF8) Unwrap() error { return ErrInvalidUTF8 }

// checkText refuses text that is not valid UTF-8 or holds NUL bytes: storing
// it would corrupt search and every offset computed from it.
func checkText(data []byte) error {
	if bytes.IndexByte(data, 0) >= 0 {
		return ErrBinary
	}
	if utf8.Valid(data) {
		return nil
	}
	for i := 0; i < len(data); {
		r, n := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && n == 1 {
			return invalidUTF8{offset: i}
		}
		i += n
	}
	return nil
}

// lineOf returns the 1-based line of an invalidUTF8 error's offset, so the
// message points at the place to fix.
func lineOf(data []byte, err error) int {
	if e, ok := err.(invalidUTF8); ok {
		return bytes.Count(data[:e.offset], []byte("\n")) + 1
	}
	return 0
}

// newArticle normalises raw text and splits it into blocks. When takeTitle
// is set and the text opens with a heading-like line, that line becomes the
// title instead of part of the body. A title given separately is dropped
// from the body when the body repeats it.
func newArticle(raw, title string, takeTitle bool) *model.Article {
	paras := paragraphs(raw)
	title = collapseSpace(title)
	if len(paras) > 0 {
		first := paras[0]
		if title != "" && strings.EqualFold(collapseSpace(first), title) {
			paras = paras[1:]
		} else if title == "" && takeTitle && len(paras) > 1 && classify(first) == model.BlockHeading {
			title = first
			paras = paras[1:]
		}
	}
	a := &model.Article{Title: title}
	var sb strings.Builder
	for i, para := range paras {
		if i > 0 {
			sb.WriteString("\n\n")
		}
		start := sb.Len()
		sb.WriteString(para)
		a.Blocks = append(a.Blocks, model.Block{Kind: classify(para), Span: model.Span{Start: start, End: sb.Len()}})
	}
	a.Text = sb.String()
	a.ID = model.ArticleID(a.Text)
	return a
}

// withHeadline returns a; when a has no text but a title (a feed item or
// record with an empty body, or a body that only repeats the headline), it
// first makes the headline its text. It returns nil when there is neither.
//
// The headline becomes the text, rather than the id being derived from the
// title, url and date, because an article id is by contract the hash of its
// text (model.ArticleID): the store tells a duplicate from a new story by it,
// and reextraction reads the text. With the headline as text, two different
// headlines are two articles, the same item read twice is the same article,
// and the extractor has the headline's words to read. The headline is one
// paragraph block, not a heading, because it is all the story there is.
func withHeadline(a *model.Article) *model.Article {
	if a.Text != "" {
		return a
	}
	if a.Title == "" {
		return nil
	}
	a.Text = a.Title
	a.Blocks = []model.Block{{Kind: model.BlockParagraph, Span: model.Span{Start: 0, End: len(a.Text)}}}
	a.ID = model.ArticleID(a.Text)
	return a
}

// paragraphs splits text on blank lines, trims each line's edges and drops
// empty paragraphs. Single line breaks inside a paragraph are kept: in
// hard-wrapped wire copy they carry no meaning, but they are harmless and
// keep the text as the source had it.
func paragraphs(raw string) []string {
	raw = strings.TrimPrefix(raw, "\ufeff")
	raw = strings.ReplaceAll(raw, "\r\n", "\n")
	raw = strings.ReplaceAll(raw, "\r", "\n")
	var out []string
	var cur []string
	flush := func() {
		if len(cur) > 0 {
			out = append(out, strings.Join(cur, "\n"))
			cur = cur[:0]
		}
	}
	for _, line := range strings.Split(raw, "\n") {
		line = strings.TrimSpace(line)
		if line == "" {
			flush()
			continue
		}
		// A credit line glued to the end of a paragraph on its own line
		// still stands apart.
		if isCredit(line) {
			flush()
			out = append(out, line)
			continue
		}
		cur = append(cur, line)
	}
	flush()
	return out
}

func collapseSpace(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

// classify tells a heading or credit line from a body paragraph. A heading
// is one short line with no closing punctuation; a credit names an image or
// its source in parentheses, as wire and web copy print them.
func classify(para string) model.BlockKind {
	if isCredit(para) {
		return model.BlockCredit
	}
	if strings.Contains(para, "\n") || len(para) > 120 {
		return model.BlockParagraph
	}
	words := strings.Fields(para)
	if len(words) == 0 || len(words) > 14 {
		return model.BlockParagraph
	}
	last, _ := utf8.DecodeLastRuneInString(para)
	switch last {
	case '.', '!', '?', ':', ';', ',', '"', '”', '’', '\'':
		return model.BlockParagraph
	}
	hasLetter := strings.IndexFunc(para, unicode.IsLetter) >= 0
	if !hasLetter {
		return model.BlockParagraph
	}
	return model.BlockHeading
}

var creditWords = []string{"image", "photo", "picture", "file", "credit", "video", "illustration", "graphic"}

func isCredit(line string) bool {
	if len(line) > 80 {
		return false
	}
	l := strings.ToLower(line)
	inner := l
	if strings.HasPrefix(l, "(") && strings.HasSuffix(l, ")") {
		inner = l[1 : len(l)-1]
	} else if !strings.Contains(l, ":") {
		return false
	}
	colon := strings.IndexByte(inner, ':')
	if colon < 0 {
		return false
	}
	lead := strings.TrimSpace(inner[:colon])
	for _, w := range creditWords {
		if lead == w || strings.HasSuffix(lead, " "+w) || strings.HasPrefix(lead, w+" ") {
			return len(strings.Fields(lead)) <= 3
		}
	}
	return false
}
