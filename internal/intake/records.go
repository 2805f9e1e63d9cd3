package intake

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"
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
	return p.recordAt(r, line, p.fail, p.path+":"+strconv.Itoa(line), docName(p.path)+":"+strconv.Itoa(line))
}

// recordAt turns one row into an article; fail reports an error at the
// row's place, origin and doc name the row when it has no id of its own.
func (p *parser) recordAt(r record, line int, fail func(int, error) error, origin, doc string) error {
	text := p.get(r, "text")
	if !utf8.ValidString(text) || !utf8.ValidString(p.get(r, "title")) {
		return fail(line, ErrInvalidUTF8)
	}
	if strings.IndexByte(text, 0) >= 0 {
		return fail(line, ErrBinary)
	}
	if strings.TrimSpace(text) == "" {
		return fail(line, fmt.Errorf("%w (looked for a field named %s)", ErrEmpty, p.nameList("text")))
	}
	if int64(len(text)) > p.opts.MaxArticleBytes {
		return fail(line, fmt.Errorf("%w: article text over %s", ErrTooLarge, humanBytes(p.opts.MaxArticleBytes)))
	}
	ds := p.get(r, "date")
	if ds == "" {
		if p.opts.Date.IsZero() {
			return fail(line, fmt.Errorf("%w (looked for a field named %s; or give --date)", ErrNoDate, p.nameList("date")))
		}
	}
	date := p.opts.Date
	if ds != "" {
		d, err := ParseDate(ds)
		if err != nil {
			return fail(line, err)
		}
		date = d
	}
	a := newArticle(text, p.get(r, "title"), false)
	if a.Text == "" {
		return fail(line, ErrEmpty)
	}
	a.Date = date
	a.URL = strings.TrimSpace(p.get(r, "url"))
	a.Outlet = collapseSpace(p.get(r, "outlet"))
	a.Origin = origin
	a.Doc = doc
	if id := strings.TrimSpace(p.get(r, "id")); id != "" {
		a.Doc = id
	}
	return p.emit(Result{Article: a})
}

func (p *parser) nameList(field string) string {
	if name, ok := p.opts.Fields[field]; ok {
		return strconv.Quote(name)
	}
	return strings.Join(fieldNames[field], "/")
}

// jsonl streams a JSON Lines dump: a line that is not a JSON object is
// reported with its line number and the rest go on.
func (p *parser) jsonl(r io.Reader) error {
	br := bufio.NewReaderSize(r, 64<<10)
	line := 0
	for {
		raw, err := readLine(br, p.opts.MaxArticleBytes*2)
		if len(raw) > 0 || err == nil {
			line++
		}
		if errors.Is(err, errLineTooLong) {
			if ferr := p.fail(line, fmt.Errorf("%w: line over %s", ErrTooLarge, humanBytes(p.opts.MaxArticleBytes*2))); ferr != nil {
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

// readLine reads one line without its newline, refusing to buffer more than
// max bytes so that a file without newlines cannot exhaust memory.
func readLine(br *bufio.Reader, max int64) ([]byte, error) {
	var buf []byte
	for {
		chunk, err := br.ReadSlice('\n')
		if int64(len(buf)+len(chunk)) > max {
			// Drain the rest of the line before reporting it.
			for err == bufio.ErrBufferFull {
				_, err = br.ReadSlice('\n')
			}
			if err != nil && err != io.EOF {
				return nil, err
			}
			return nil, errLineTooLong
		}
		buf = append(buf, chunk...)
		if err == bufio.ErrBufferFull {
			continue
		}
		return bytes.TrimRight(buf, "\r\n"), err
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
	return p.record(flatten(obj), line)
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

// jsonArray streams a JSON array of objects, one article each, without
// holding the whole array in memory. Records are numbered from 1 in place
// of lines.
func (p *parser) jsonArray(r io.Reader) error {
	dec := json.NewDecoder(r)
	tok, err := dec.Token()
	if err != nil {
		return p.fail(0, fmt.Errorf("not a JSON array: %v", err))
	}
	if d, ok := tok.(json.Delim); !ok || d != '[' {
		return p.fail(0, errors.New("not a JSON array of articles"))
	}
	n := 0
	for dec.More() {
		n++
		var obj map[string]any
		if err := dec.Decode(&obj); err != nil {
			var te *json.UnmarshalTypeError
			if errors.As(err, &te) {
				// The decoder has stepped over the value: go on.
				if ferr := p.failRecord(n, fmt.Errorf("not a JSON object but %s", te.Value)); ferr != nil {
					return ferr
				}
				continue
			}
			// After a syntax error or a truncated file the stream cannot
			// be resynchronised.
			return p.failRecord(n, fmt.Errorf("invalid JSON, rest of file skipped: %v", err))
		}
		if err := p.recordAt(flatten(obj), n, p.failRecord, fmt.Sprintf("%s#%d", p.path, n), fmt.Sprintf("%s#%d", docName(p.path), n)); err != nil {
			return err
		}
	}
	return nil
}

// csv streams a CSV or TSV dump with a header row. A broken row is reported
// with its line and skipped; the reader carries on with the next.
func (p *parser) csv(r io.Reader, comma rune) error {
	cr := csv.NewReader(r)
	cr.Comma = comma
	cr.FieldsPerRecord = -1
	cr.ReuseRecord = false
	header, err := cr.Read()
	if err != nil {
		if err == io.EOF {
			return p.fail(1, ErrEmpty)
		}
		return p.fail(1, fmt.Errorf("reading header: %v", err))
	}
	for i, h := range header {
		header[i] = strings.ToLower(strings.TrimSpace(strings.TrimPrefix(h, "\ufeff")))
	}
	for {
		row, err := cr.Read()
		if err == io.EOF {
			return nil
		}
		line, _ := cr.FieldPos(0)
		if err != nil {
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				if ferr := p.fail(pe.StartLine, fmt.Errorf("broken row: %v", pe.Err)); ferr != nil {
					return ferr
				}
				if errors.Is(pe.Err, csv.ErrQuote) {
					// A broken quote swallows the rest of the file; the
					// csv reader cannot find the next row reliably.
					return nil
				}
				continue
			}
			return p.fail(line, fmt.Errorf("reading: %w", err))
		}
		if len(row) != len(header) {
			if ferr := p.fail(line, fmt.Errorf("broken row: %d fields, the header has %d", len(row), len(header))); ferr != nil {
				return ferr
			}
			continue
		}
		rec := make(record, len(header))
		for i, h := range header {
			rec[h] = row[i]
		}
		if err := p.record(rec, line); err != nil {
			return err
		}
	}
}
