package intake

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/sitrep-project/sitrep/internal/model"
)

// fieldNames lists, for each canonical field, the keys and column names
// dumps commonly use for it, in order of preference.
var fieldNames = map[string][]string{
	"id":     {"id", "doc", "guid", "uid", "article_id"},
	"date":   {"date", "published", "published_at", "publishedAt", "pubdate", "pub_date", "datetime", "time", "created_at"},
	"title":  {"title", "headline", "heading"},
	"text":   {"text", "body", "article", "content", "story", "full_text"},
	"url":    {"url", "link", "href", "permalink"},
	"outlet": {"outlet", "source", "publisher", "site", "site_name", "publication", "newspaper"},
}

// record is one dump row, keyed by the dump's own names.
type record map[string]string

// get returns the value of a canonical field, honouring a user's mapping
// first and then the usual names, compared case-insensitively.
func (p *parser) get(r record, field string) string {
	if name, ok := p.opts.Fields[field]; ok {
		return r[strings.ToLower(name)]
	}
	for _, name := range fieldNames[field] {
		if v, ok := r[strings.ToLower(name)]; ok && v != "" {
			return v
		}
	}
	return ""
}

// record turns one dump row into an article or an error about it.
func (p *parser) record(r record, line int) error {
	return p.recordAt(r, line, p.fail, p.path+":"+strconv.Itoa(line), ":"+strconv.Itoa(line))
}

// recordAt turns one row into an article; fail reports an error at the
// row's place, origin is that place, and place (":N" or "#N") names the
// article when it has no id of its own (see names).
func (p *parser) recordAt(r record, line int, fail func(int, error) error, origin, place string) error {
	text, title := p.get(r, "text"), p.get(r, "title")
	if !utf8.ValidString(text) || !utf8.ValidString(title) {
		return fail(line, ErrInvalidUTF8)
	}
	if strings.IndexByte(text, 0) >= 0 || strings.IndexByte(title, 0) >= 0 {
		return fail(line, ErrBinary)
	}
	if strings.TrimSpace(text) == "" && strings.TrimSpace(title) == "" {
		return fail(line, fmt.Errorf("%w (looked for a field named %s, or a headline in %s)", ErrEmpty, p.nameList("text"), p.nameList("title")))
	}
	if n := int64(len(text) + len(title)); n > p.opts.MaxArticleBytes {
		return fail(line, fmt.Errorf("%w: article text of %s, over the limit of %s", ErrTooLarge, humanBytes(n), humanBytes(p.opts.MaxArticleBytes)))
	}
	ds := p.get(r, "date")
	if ds == "" {
		if p.opts.Date.IsZero() {
			return fail(line, fmt.Errorf("%w (looked for a field named %s; or give --date)", ErrNoDate, p.nameList("date")))
		}
	}
	date, alt := p.opts.Date, time.Time{}
	if ds != "" {
		d, other, err := p.fieldDate(ds)
		if err != nil {
			return fail(line, fmt.Errorf("field %s: %w", p.fieldFound(r, "date"), err))
		}
		date, alt = d, other
	}
	a := withHeadline(newArticle(text, title, false))
	if a == nil {
		return fail(line, ErrEmpty)
	}
	a.Date = date
	a.URL = strings.TrimSpace(p.get(r, "url"))
	a.Outlet = collapseSpace(p.get(r, "outlet"))
	a.Origin = origin
	if id := strings.TrimSpace(p.get(r, "id")); id != "" {
		a.Doc, a.DocKind = id, model.DocOwnID
		place = ""
	}
	return p.emit(Result{Article: a, alt: alt, place: place})
}

// fieldFound names the key or column a field's value came from, for a
// message that points at it.
func (p *parser) fieldFound(r record, field string) string {
	if name, ok := p.opts.Fields[field]; ok {
		return strconv.Quote(name)
	}
	for _, name := range fieldNames[field] {
		if v, ok := r[strings.ToLower(name)]; ok && v != "" {
			return strconv.Quote(name)
		}
	}
	return field
}

func (p *parser) nameList(field string) string {
	if name, ok := p.opts.Fields[field]; ok {
		return strconv.Quote(name)
	}
	return strings.Join(fieldNames[field], "/")
}

// maxRecordBytes bounds the raw bytes of one record of a dump (a JSON line,
// an element of a JSON array, a CSV row): twice the article limit, room for
// quoting, escapes and the other fields. Only this much of a record is ever
// held in memory; a longer one is read past and reported, so memory follows
// the limit, not the size of the file or of its largest record.
func (p *parser) maxRecordBytes() int64 {
	return 2 * p.opts.MaxArticleBytes
}

// tooLarge is the error for a record of size bytes over the record limit.
func (p *parser) tooLarge(what string, size int64) error {
	return fmt.Errorf("%w: %s of %s, over the limit of %s (twice --max-article-size)", ErrTooLarge, what, humanBytes(size), humanBytes(p.maxRecordBytes()))
}

// jsonl streams a JSON Lines dump: a line that is not a JSON object is
// reported with its line number and the rest go on.
func (p *parser) jsonl(r io.Reader) error {
	br := bufio.NewReaderSize(r, 64<<10)
	line := 0
	var buf []byte
	for {
		p.atLine = line + 1
		raw, size, err := readLine(br, p.maxRecordBytes(), buf[:0])
		buf = raw[:0]
		if size > 0 || err == nil {
			line++
		}
		p.atLine = line
		if errors.Is(err, errLineTooLong) {
			if ferr := p.fail(line, p.tooLarge("line", size)); ferr != nil {
				return ferr
			}
			continue
		}
		if err != nil && err != io.EOF {
			return p.fail(line, fmt.Errorf("reading: %w", err))
		}
		if t := bytes.TrimSpace(raw); len(t) > 0 {
			if ferr := p.jsonRecord(t, line); ferr != nil {
				return ferr
			}
		}
		if err == io.EOF {
			return nil
		}
	}
}

var errLineTooLong = errors.New("line too long")

// appendGrow appends b to buf, which is never to hold more than limit
// bytes, doubling its capacity up to limit when it must grow. append alone
// grows a large slice by a quarter at a time, which, for a record of
// megabytes gathered 64 KiB at a time, allocates several times the record
// in all; doubling allocates about twice the limit at most.
func appendGrow(buf, b []byte, limit int64) []byte {
	if need := len(buf) + len(b); need > cap(buf) {
		want := max(need, int(min(int64(2*cap(buf)), limit)))
		buf = slices.Grow(buf, want-len(buf))
	}
	return append(buf, b...)
}

// readLine reads one line without its newline into buf, refusing to hold
// more than max bytes so that a file without newlines cannot exhaust memory;
// size is the line's whole length, newline included, even when it was too
// long to keep.
func readLine(br *bufio.Reader, max int64, buf []byte) (line []byte, size int64, err error) {
	for {
		chunk, err := br.ReadSlice('\n')
		size += int64(len(chunk))
		if size > max {
			// Read past the rest of the line, counting it, before
			// reporting it.
			for err == bufio.ErrBufferFull {
				chunk, err = br.ReadSlice('\n')
				size += int64(len(chunk))
			}
			if err != nil && err != io.EOF {
				return nil, size, err
			}
			return nil, size, errLineTooLong
		}
		buf = appendGrow(buf, chunk, max)
		if err == bufio.ErrBufferFull {
			continue
		}
		return bytes.TrimRight(buf, "\r\n"), size, err
	}
}

func (p *parser) jsonRecord(raw []byte, line int) error {
	if !utf8.Valid(raw) {
		return p.fail(line, ErrInvalidUTF8)
	}
	var obj map[string]any
	if err := json.Unmarshal(raw, &obj); err != nil {
		return p.fail(line, fmt.Errorf("not a JSON object: %v", err))
	}
	rec := flatten(obj)
	p.keys.see(p.opts.Fields, rec)
	return p.record(rec, line)
}

// flatten keeps a JSON object's string and number fields under lower-case
// keys; nested values are left out, since no article field lives in them.
func flatten(obj map[string]any) record {
	r := make(record, len(obj))
	for k, v := range obj {
		switch v := v.(type) {
		case string:
			r[strings.ToLower(k)] = v
		case float64:
			r[strings.ToLower(k)] = strconv.FormatFloat(v, 'f', -1, 64)
		}
	}
	return r
}

// jsonArray streams a JSON array of objects, one article each. Records are
// numbered from 1 in place of lines, and errors also give the byte offset
// where the record starts.
//
// The array is cut into elements by a small scanner (jsonElems) rather than
// by json.Decoder, which buffers a whole element however large it is; each
// element is decoded on its own. A bad element is therefore reported and the
// next one read, and an element over the record limit is read past without
// being held.
func (p *parser) jsonArray(r io.Reader) error {
	s := &jsonElems{br: bufio.NewReaderSize(r, 64<<10), max: p.maxRecordBytes()}
	if err := s.open(); err != nil {
		return p.fail(0, err)
	}
	for n := 1; ; n++ {
		p.atRecord = n
		el, err := s.next()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			// The array's structure is lost (a truncated file, a missing
			// comma): there is no telling where the next element starts.
			return p.failRecord(n, fmt.Errorf("%v at byte %d; the rest of the file is skipped", err, s.off))
		}
		if el.size > s.max {
			if ferr := p.failRecord(n, fmt.Errorf("%w, at byte %d", p.tooLarge("record", el.size), el.start)); ferr != nil {
				return ferr
			}
			continue
		}
		if ferr := p.jsonElem(el, n); ferr != nil {
			return ferr
		}
	}
}

// jsonElem decodes one array element and reads it as a record.
func (p *parser) jsonElem(el jsonElem, n int) error {
	if !utf8.Valid(el.data) {
		return p.failRecord(n, fmt.Errorf("%w, in the record at byte %d", ErrInvalidUTF8, el.start))
	}
	var obj map[string]any
	if err := json.Unmarshal(el.data, &obj); err != nil {
		var te *json.UnmarshalTypeError
		if errors.As(err, &te) {
			return p.failRecord(n, fmt.Errorf("not a JSON object but %s, at byte %d", te.Value, el.start))
		}
		return p.failRecord(n, fmt.Errorf("invalid JSON in the record at byte %d: %v", el.start, err))
	}
	if obj == nil {
		return p.failRecord(n, fmt.Errorf("not a JSON object but null, at byte %d", el.start))
	}
	rec := flatten(obj)
	p.keys.see(p.opts.Fields, rec)
	return p.recordAt(rec, n, p.failRecord, fmt.Sprintf("%s#%d", p.path, n), "#"+strconv.Itoa(n))
}

// jsonElems cuts a JSON array into its elements. It follows strings,
// escapes and bracket depth only, which is enough to find where each
// element ends; whether an element is valid JSON is left to the decoder.
type jsonElems struct {
	br    *bufio.Reader
	max   int64 // bytes of one element kept; a longer one is counted only
	off   int64 // bytes consumed so far
	first bool  // the next element is the first: no comma before it
	done  bool  // the closing ] has been read
	buf   []byte
}

// jsonElem is one element of an array: its bytes (nil when it was over the
// limit), its size, and the offset where it starts.
type jsonElem struct {
	data  []byte
	size  int64
	start int64
}

// open reads up to and including the array's opening bracket.
func (s *jsonElems) open() error {
	c, err := s.skipSpace()
	if err == nil && c == 0xEF {
		// A UTF-8 byte order mark, which some exporters write.
		if bom, _ := s.br.Peek(3); bytes.Equal(bom, []byte("\ufeff")) {
			s.discard(3)
			c, err = s.skipSpace()
		}
	}
	if err != nil || c != '[' {
		return errors.New("not a JSON array of articles")
	}
	s.discard(1)
	s.first = true
	return nil
}

// skipSpace reads past white space and returns the next byte, unread.
func (s *jsonElems) skipSpace() (byte, error) {
	for {
		b, err := s.br.Peek(1)
		if err != nil {
			return 0, err
		}
		switch b[0] {
		case ' ', '\t', '\r', '\n':
			s.discard(1)
		default:
			return b[0], nil
		}
	}
}

func (s *jsonElems) discard(n int) {
	m, _ := s.br.Discard(n)
	s.off += int64(m)
}

// next returns the next element, or io.EOF after the closing bracket.
func (s *jsonElems) next() (jsonElem, error) {
	if s.done {
		return jsonElem{}, io.EOF
	}
	c, err := s.skipSpace()
	if err != nil {
		return jsonElem{}, errors.New("the array is not closed: truncated file")
	}
	if c == ']' {
		s.discard(1)
		s.done = true
		// Anything after the array but white space would be read by
		// nobody: say so rather than drop it unseen.
		if _, err := s.skipSpace(); err != io.EOF {
			return jsonElem{}, errors.New("data after the end of the array")
		}
		return jsonElem{}, io.EOF
	}
	if !s.first {
		if c != ',' {
			return jsonElem{}, fmt.Errorf("invalid JSON: %q where a comma or ] should be", c)
		}
		s.discard(1)
		if c, err = s.skipSpace(); err != nil {
			return jsonElem{}, errors.New("the array is not closed: truncated file")
		}
	}
	s.first = false
	if c == ',' || c == ']' {
		return jsonElem{}, fmt.Errorf("invalid JSON: %q where a record should be", c)
	}
	return s.element()
}

// element reads one value, whose first byte is next in the input.
func (s *jsonElems) element() (jsonElem, error) {
	el := jsonElem{start: s.off}
	s.buf = s.buf[:0]
	depth := 0
	inString, escaped := false, false
	scalar := false
	for {
		chunk, err := s.br.Peek(max(s.br.Buffered(), 1))
		if len(chunk) == 0 {
			if err == io.EOF && scalar {
				break // a bare value at the very end; the decoder judges it
			}
			return el, errors.New("the array is not closed: truncated file")
		}
		end := -1 // index just past the element's last byte in chunk
	scan:
		for i, c := range chunk {
			switch {
			case inString:
				switch {
				case escaped:
					escaped = false
				case c == '\\':
					escaped = true
				case c == '"':
					inString = false
					if depth == 0 {
						end = i + 1
						break scan
					}
				}
			case c == '"':
				inString = true
			case c == '{' || c == '[':
				depth++
			case c == '}' || c == ']':
				if depth == 0 {
					// The array's own closing bracket after a bare value.
					end = i
					break scan
				}
				depth--
				if depth == 0 {
					end = i + 1
					break scan
				}
			case depth == 0 && (c == ',' || c == ' ' || c == '\t' || c == '\r' || c == '\n'):
				end = i
				break scan
			default:
				if depth == 0 {
					scalar = true
				}
			}
		}
		take := len(chunk)
		if end >= 0 {
			take = end
		}
		el.size += int64(take)
		if el.size <= s.max {
			s.buf = appendGrow(s.buf, chunk[:take], s.max)
		}
		s.discard(take)
		if end >= 0 {
			break
		}
	}
	if el.size <= s.max {
		el.data = s.buf
	}
	return el, nil
}

// csv streams a CSV or TSV dump with a header row. A broken row is reported
// with its line and skipped; the reader carries on with the next.
//
// Rows are cut from the input by csvRows, which holds at most the record
// limit of one row, and each row is then parsed by encoding/csv on its own:
// a row that encoding/csv refuses costs that row only, and a row over the
// limit is read past without being held.
func (p *parser) csv(r io.Reader, comma rune) error {
	rows := &csvRows{br: bufio.NewReaderSize(r, 64<<10), comma: byte(comma), max: p.maxRecordBytes(), line: 1}
	one := &csvOne{comma: comma}
	var header []string
	for {
		p.atLine = rows.line
		row, err := rows.next()
		if row.size > 0 {
			var fields []string
			line, problem := row.line, error(nil)
			if row.size > rows.max {
				problem = p.tooLarge("row", row.size)
			} else {
				fields, line, problem = one.parse(row.data, row.line)
			}
			switch {
			case problem != nil && header == nil:
				// Without a header no row can be read: stop rather than
				// report every row after it.
				return p.fail(line, fmt.Errorf("reading header: %w", problem))
			case problem != nil:
				if ferr := p.fail(line, problem); ferr != nil {
					return ferr
				}
			case fields == nil: // an empty line
			case header == nil:
				header = fields
				for i, h := range header {
					header[i] = strings.ToLower(strings.TrimSpace(strings.TrimPrefix(h, "\ufeff")))
				}
				if err := p.checkHeader(header); err != nil {
					// Every row would fail the same way: say it once, for
					// the file, and read no further.
					return p.fail(line, err)
				}
			default:
				if ferr := p.csvRecord(header, fields, line); ferr != nil {
					return ferr
				}
			}
		}
		if err == io.EOF {
			if header == nil {
				return p.fail(1, ErrEmpty)
			}
			return nil
		}
		if err != nil {
			return p.fail(rows.line, fmt.Errorf("reading: %w", err))
		}
	}
}

// csvRecord reads one parsed row against the header.
func (p *parser) csvRecord(header, row []string, line int) error {
	if len(row) != len(header) {
		return p.fail(line, fmt.Errorf("broken row: %d fields, the header has %d", len(row), len(header)))
	}
	rec := make(record, len(header))
	for i, h := range header {
		rec[h] = row[i]
	}
	return p.record(rec, line)
}

// csvOne parses one row's bytes with encoding/csv, reusing its buffers from
// row to row.
type csvOne struct {
	comma rune
	src   bytes.Reader
	buf   *bufio.Reader
}

// parse returns the fields of the row that starts on line first, or an
// error about it and the line it is on. It returns no fields and no error
// for a row with nothing in it.
func (c *csvOne) parse(data []byte, first int) ([]string, int, error) {
	c.src.Reset(data)
	if c.buf == nil {
		c.buf = bufio.NewReader(&c.src)
	} else {
		c.buf.Reset(&c.src)
	}
	// csv.NewReader keeps a *bufio.Reader it is given, so no buffer is
	// made per row.
	cr := csv.NewReader(c.buf)
	cr.Comma = c.comma
	cr.FieldsPerRecord = -1
	fields, err := cr.Read()
	if err == io.EOF {
		return nil, first, nil
	}
	if err != nil {
		var pe *csv.ParseError
		if errors.As(err, &pe) {
			// The row's first line is its place, as for every record; the
			// column, and the line when the row spans several, say where
			// in it the fault is.
			at := fmt.Sprintf("column %d", pe.Column)
			if pe.Line != pe.StartLine {
				at = fmt.Sprintf("line %d, column %d", first+pe.Line-1, pe.Column)
			}
			return nil, first + pe.StartLine - 1, fmt.Errorf("broken row: %v (%s)", pe.Err, at)
		}
		return nil, first, fmt.Errorf("broken row: %v", err)
	}
	// csvRows and encoding/csv agree on where a row ends, so there is
	// nothing after it; if there were, it must not go unseen.
	if _, err := cr.Read(); err != io.EOF {
		return nil, first, errors.New("broken row: more than one row where one was expected")
	}
	return fields, first, nil
}

// csvRows cuts a CSV or TSV stream into rows as encoding/csv reads them:
// a row ends at a line break outside quotes, and a quoted field may span
// lines. Only the row's first max bytes are kept.
type csvRows struct {
	br    *bufio.Reader
	comma byte
	max   int64
	line  int // the line the next row starts on
	buf   []byte
}

// csvRow is one row: its bytes (nil when over the limit), its size and the
// line it starts on.
type csvRow struct {
	data []byte
	size int64
	line int
}

// The states of csvRows' scanner, by what the last byte was.
const (
	csvFieldStart = iota // a field begins: after a comma or at the start of a row
	csvBare              // inside an unquoted field
	csvQuoted            // inside a quoted field
	csvQuote             // a quote inside a quoted field: its end, or the first of ""
	csvQuoteCR           // a carriage return after the closing quote
	csvBroken            // a misplaced quote: encoding/csv gives up on the rest of the line
)

// next returns the next row, with io.EOF when the input ends with it. A row
// of size 0 comes only with an error.
func (s *csvRows) next() (csvRow, error) {
	row := csvRow{line: s.line}
	s.buf = s.buf[:0]
	state := csvFieldStart
	for {
		chunk, err := s.br.ReadSlice('\n')
		for _, c := range chunk {
			switch state {
			case csvFieldStart:
				switch c {
				case '"':
					state = csvQuoted
				case s.comma, '\n':
				default:
					state = csvBare
				}
			case csvBare:
				switch c {
				case s.comma:
					state = csvFieldStart
				case '"':
					// A bare quote: encoding/csv refuses the row and goes on
					// at the next line, whatever quotes follow on this one.
					state = csvBroken
				}
			case csvQuoted:
				if c == '"' {
					state = csvQuote
				}
			case csvQuote:
				switch c {
				case '"':
					state = csvQuoted
				case s.comma:
					state = csvFieldStart
				case '\r':
					state = csvQuoteCR
				case '\n':
				default:
					state = csvBroken
				}
			case csvQuoteCR:
				if c != '\n' {
					state = csvBroken
				}
			}
		}
		row.size += int64(len(chunk))
		if row.size <= s.max {
			s.buf = appendGrow(s.buf, chunk, s.max)
		}
		if err == nil {
			s.line++ // ReadSlice stopped at a line break
		}
		switch {
		case err == bufio.ErrBufferFull:
			continue // the line goes on
		case err != nil:
			// The input ends (or fails) and the row with it.
			if row.size <= s.max {
				row.data = s.buf
			}
			return row, err
		case state != csvQuoted:
			// A line break outside quotes ends the row.
			if row.size <= s.max {
				row.data = s.buf
			}
			return row, nil
		}
		// A line break inside a quoted field: the row goes on.
	}
}
