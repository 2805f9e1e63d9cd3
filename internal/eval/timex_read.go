package eval

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/sitrep-project/sitrep/internal/model"
)

// TimexDoc is one document of a time-expression gold corpus: its text,
// its creation date (the reference for relative expressions) and the
// annotated expressions.
type TimexDoc struct {
	// Name is the file the document came from, relative to the folder
	// given to LoadTimexGold.
	Name string `json:"name"`
	// DCT is the document creation time, at UTC midnight.
	DCT  time.Time   `json:"dct"`
	Text string      `json:"-"`
	Gold []TimexGold `json:"gold,omitempty"`
	Kind TimexFormat `json:"format"`
}

// TimexFormat names the file format a document was read from.
type TimexFormat string

// The gold formats LoadTimexGold reads.
const (
	FormatTimeML   TimexFormat = "timeml"   // inline TIMEX3 tags in a TEXT element
	FormatMEANTIME TimexFormat = "meantime" // tokens and TIMEX3 markables anchored to them
)

// TimexGold is one annotated time expression.
type TimexGold struct {
	model.Span
	Text  string `json:"text"`
	Type  string `json:"type"`
	Value string `json:"value"`
}

// ErrNoTimexGold is returned when a folder holds no document with gold
// time expressions.
var ErrNoTimexGold = errors.New("no TimeML (.tml) or MEANTIME (.xml) documents")

// LoadTimexGold reads every TimeML (.tml, or .xml with a TimeML root) and
// MEANTIME (.xml with a Document root) file under dir, recursively, in a
// stable order. Other files are passed over; a file of a known format that
// cannot be read is an error naming it.
func LoadTimexGold(dir string) ([]TimexDoc, error) {
	var paths []string
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if path != dir && strings.HasPrefix(d.Name(), ".") {
				return filepath.SkipDir
			}
			return nil
		}
		switch strings.ToLower(filepath.Ext(path)) {
		case ".tml", ".xml":
			paths = append(paths, path)
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("listing %s: %w", dir, err)
	}
	sort.Strings(paths)
	var docs []TimexDoc
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			return nil, fmt.Errorf("reading gold: %w", err)
		}
		name, err := filepath.Rel(dir, p)
		if err != nil {
			name = p
		}
		var doc TimexDoc
		switch rootElement(data) {
		case "TimeML":
			doc, err = ReadTimeML(bytes.NewReader(data), name)
		case "Document":
			doc, err = ReadMEANTIME(bytes.NewReader(data), name)
		default:
			if strings.EqualFold(filepath.Ext(p), ".tml") {
				doc, err = ReadTimeML(bytes.NewReader(data), name)
				break
			}
			continue // some other XML file
		}
		if err != nil {
			return nil, err
		}
		docs = append(docs, doc)
	}
	if len(docs) == 0 {
		return nil, fmt.Errorf("%s: %w", dir, ErrNoTimexGold)
	}
	return docs, nil
}

// rootElement returns the name of the first element of an XML document, or
// "" when there is none.
func rootElement(data []byte) string {
	d := xml.NewDecoder(bytes.NewReader(data))
	d.Strict = false
	for {
		tok, err := d.Token()
		if err != nil {
			return ""
		}
		if se, ok := tok.(xml.StartElement); ok {
			return se.Name.Local
		}
	}
}

// parseDCT reads a creation date as TIMEX3 values write it (2007-10-15,
// 2007-10-15T08:30), tolerating the day-first form some annotators used.
func parseDCT(v string) (time.Time, bool) {
	v = strings.TrimSpace(v)
	for _, layout := range []string{"2006-01-02", "20060102", "02-01-2006"} {
		if len(v) >= len(layout) {
			if t, err := time.Parse(layout, v[:len(layout)]); err == nil {
				return t, true
			}
		}
	}
	return time.Time{}, false
}

func attr(se xml.StartElement, name string) string {
	for _, a := range se.Attr {
		if a.Name.Local == name {
			return a.Value
		}
	}
	return ""
}

// ReadTimeML reads a TimeML document: the text of its TEXT element with
// the inline TIMEX3 tags as gold, and the TIMEX3 whose functionInDocument
// is CREATION_TIME (usually in a DCT element) as its date. Expressions
// outside TEXT, such as the DCT itself, are not gold.
func ReadTimeML(r io.Reader, name string) (TimexDoc, error) {
	doc := TimexDoc{Name: name, Kind: FormatTimeML}
	d := xml.NewDecoder(r)
	d.Strict = false
	d.Entity = xml.HTMLEntity
	var sb strings.Builder
	inText := 0
	type open struct {
		start int
		typ   string
		value string
	}
	var stack []open
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return doc, fmt.Errorf("%s: reading TimeML: %w", name, err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "TEXT":
				inText++
			case "TIMEX3":
				if attr(t, "functionInDocument") == "CREATION_TIME" && doc.DCT.IsZero() {
					if dct, ok := parseDCT(attr(t, "value")); ok {
						doc.DCT = dct
					}
				}
				if inText > 0 {
					stack = append(stack, open{start: sb.Len(), typ: attr(t, "type"), value: attr(t, "value")})
				}
			}
		case xml.EndElement:
			switch t.Name.Local {
			case "TEXT":
				inText--
			case "TIMEX3":
				if inText > 0 && len(stack) > 0 {
					o := stack[len(stack)-1]
					stack = stack[:len(stack)-1]
					if sb.Len() > o.start {
						doc.Gold = append(doc.Gold, TimexGold{
							Span: model.Span{Start: o.start, End: sb.Len()},
							Text: sb.String()[o.start:], Type: o.typ, Value: o.value,
						})
					}
				}
			}
		case xml.CharData:
			if inText > 0 {
				sb.Write(t)
			}
		}
	}
	doc.Text = sb.String()
	for k := range doc.Gold {
		g := &doc.Gold[k]
		g.Text = doc.Text[g.Span.Start:g.Span.End]
	}
	sort.SliceStable(doc.Gold, func(a, b int) bool { return doc.Gold[a].Span.Start < doc.Gold[b].Span.Start })
	if doc.DCT.IsZero() {
		return doc, fmt.Errorf("%s: no TIMEX3 with functionInDocument=\"CREATION_TIME\"", name)
	}
	return doc, nil
}

// The MEANTIME layout: tokens with ids and sentence numbers, then
// markables that point at token ids.
type meantimeDoc struct {
	Name   string          `xml:"doc_name,attr"`
	Tokens []meantimeToken `xml:"token"`
	Timex  []meantimeTimex `xml:"Markables>TIMEX3"`
}

type meantimeToken struct {
	ID       string `xml:"t_id,attr"`
	Sentence string `xml:"sentence,attr"`
	Number   string `xml:"number,attr"`
	Text     string `xml:",chardata"`
}

type meantimeTimex struct {
	Type     string `xml:"type,attr"`
	Value    string `xml:"value,attr"`
	Function string `xml:"functionInDocument,attr"`
	Anchors  []struct {
		ID string `xml:"t_id,attr"`
	} `xml:"token_anchor"`
}

// meantimeSentences is how many sentences of a MEANTIME document carry
// time-expression annotation: the title, the dateline and the first four
// sentences of the body. Entity and event annotation goes further, but no
// TIMEX3 in the corpus lies beyond them, so later sentences are left out
// of the text rather than counting every date found there as spurious.
const meantimeSentences = 6

// ReadMEANTIME reads a MEANTIME (NewsReader) document. The text is rebuilt
// from the tokens of its annotated sentences (see meantimeSentences),
// joined by a space within a sentence and by a line break between
// sentences; each TIMEX3 anchored to tokens becomes a gold expression
// spanning its first to last token. The CREATION_TIME TIMEX3
// gives the date; where it is missing or unreadable, the first expression
// whose value is a full date stands in, as it is the dateline. Unlike in
// TimeML the dateline is part of the text here, so it is gold too.
func ReadMEANTIME(r io.Reader, name string) (TimexDoc, error) {
	doc := TimexDoc{Name: name, Kind: FormatMEANTIME}
	var md meantimeDoc
	d := xml.NewDecoder(r)
	d.Strict = false
	if err := d.Decode(&md); err != nil {
		return doc, fmt.Errorf("%s: reading MEANTIME: %w", name, err)
	}
	toks := md.Tokens
	sort.SliceStable(toks, func(a, b int) bool { return atoi(toks[a].Number) < atoi(toks[b].Number) })
	spans := make(map[string]model.Span, len(toks))
	var sb strings.Builder
	for k, t := range toks {
		if atoi(t.Sentence) >= meantimeSentences {
			continue
		}
		text := strings.TrimSpace(t.Text)
		if k > 0 {
			if t.Sentence != toks[k-1].Sentence {
				sb.WriteByte('\n')
			} else {
				sb.WriteByte(' ')
			}
		}
		start := sb.Len()
		sb.WriteString(text)
		spans[t.ID] = model.Span{Start: start, End: sb.Len()}
	}
	doc.Text = sb.String()
	var fallback time.Time
	for _, x := range md.Timex {
		if x.Function == "CREATION_TIME" && doc.DCT.IsZero() {
			if dct, ok := parseDCT(x.Value); ok {
				doc.DCT = dct
			}
		}
		if len(x.Anchors) == 0 {
			continue // an expression with no words in the text
		}
		sp := model.Span{Start: -1}
		for _, a := range x.Anchors {
			s, ok := spans[a.ID]
			if !ok {
				return doc, fmt.Errorf("%s: TIMEX3 anchored to token %q, which is not in the annotated sentences", name, a.ID)
			}
			if sp.Start < 0 || s.Start < sp.Start {
				sp.Start = s.Start
			}
			if s.End > sp.End {
				sp.End = s.End
			}
		}
		doc.Gold = append(doc.Gold, TimexGold{Span: sp, Text: doc.Text[sp.Start:sp.End], Type: x.Type, Value: x.Value})
	}
	sort.SliceStable(doc.Gold, func(a, b int) bool { return doc.Gold[a].Span.Start < doc.Gold[b].Span.Start })
	if doc.DCT.IsZero() {
		for _, g := range doc.Gold {
			if len(g.Value) == 10 && g.Type == "DATE" {
				if t, ok := parseDCT(g.Value); ok {
					fallback = t
					break
				}
			}
		}
		doc.DCT = fallback
	}
	if doc.DCT.IsZero() {
		return doc, fmt.Errorf("%s: no creation time and no dated expression to stand in for it", name)
	}
	return doc, nil
}

func atoi(s string) int {
	n, err := strconv.Atoi(strings.TrimSpace(s))
	if err != nil {
		return 0
	}
	return n
}
