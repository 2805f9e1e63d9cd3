// Package model holds the types that flow between sitrep's pipeline stages:
// the article that intake produces, the byte spans every later stage points
// into it with, and the event frames that extraction emits and the store keeps.
//
// The types live apart from any stage so that a stage can depend on the data
// it receives without depending on the stage that produced it.
package model

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"time"
	"unicode"
	"unicode/utf8"
)

// DateLayout is the one layout sitrep uses for calendar dates everywhere
// (flags, JSON, the store), so that dates sort as strings.
const DateLayout = "2006-01-02"

// Span is a half-open byte range [Start, End) into an article's UTF-8 text.
// Byte offsets (not rune offsets) are used throughout so that slicing the
// text in Go, in SQL and in the browser's TextEncoder agree.
type Span struct {
	Start int `json:"start"`
	End   int `json:"end"`
}

// Len is the number of bytes the span covers.
func (s Span) Len() int { return s.End - s.Start }

// Of returns the text the span covers, or "" when it lies outside text.
func (s Span) Of(text string) string {
	if s.Start < 0 || s.End > len(text) || s.Start > s.End {
		return ""
	}
	return text[s.Start:s.End]
}

// BlockKind tells the part an article block plays: only body paragraphs are
// read for facts, headings and credits are shown but not extracted from.
type BlockKind string

// The block kinds intake recognises.
const (
	BlockParagraph BlockKind = "paragraph"
	BlockHeading   BlockKind = "heading"
	BlockCredit    BlockKind = "credit"
)

// Block is one paragraph, heading or credit line of an article's text.
type Block struct {
	Kind BlockKind `json:"kind"`
	Span
}

// Article is one dated news story as intake produced it.
type Article struct {
	// ID is a content hash of the normalised text (see ArticleID); two
	// articles with the same words have the same ID whatever they are called.
	ID string `json:"id"`
	// Doc is the human name of the article: the file name without its
	// extension, a record's own id, or file:line for a record without one.
	Doc string `json:"doc"`
	// DocKind says where Doc came from, which decides whether a later text
	// under the same name is a revision of this one (DocKind.Revisable).
	DocKind DocKind   `json:"doc_kind,omitempty"`
	Date    time.Time `json:"date"`
	Title   string    `json:"title,omitempty"`
	Outlet  string    `json:"outlet,omitempty"`
	URL     string    `json:"url,omitempty"`
	// Text is the article body, paragraphs separated by a blank line.
	Text string `json:"text"`
	// Blocks partitions Text into paragraphs, headings and credit lines.
	Blocks []Block `json:"blocks,omitempty"`
	// Origin says where the article came from: a path, path:line for a
	// record in a dump, or "-" for standard input.
	Origin string `json:"origin"`
	// SupersededBy is set by the store on an article it keeps as an
	// earlier revision: the id of the revision that is current now. It is
	// "" for a current article and for one not stored.
	SupersededBy string `json:"superseded_by,omitempty"`
}

// DocKind says where an article's name (Article.Doc) came from.
type DocKind string

// The kinds of names. Only a name that stays with one article as the
// article changes is revisable: a later, different text under it
// replaces the earlier one (the store keeps both, and counts the newest).
const (
	// DocUnknown: a name given outside intake, or one stored before the
	// store kept kinds and not recognised then. Never revisable.
	DocUnknown DocKind = ""
	// DocOwnID: the input's own name for the article, a dump record's id
	// or a feed item's guid. The publisher keeps it for the article
	// whatever its text becomes: revisable.
	DocOwnID DocKind = "id"
	// DocTitle: intake's name from the date and the title
	// ("2022-03-18-russian-strikes-hit-kharkiv"), given to a record or
	// feed item without an id. The same outlet's story of the same day
	// under the same headline is the same story, corrected or extended
	// (feeds that give no guid republish an item so): revisable.
	DocTitle DocKind = "title"
	// DocPlace: intake's name from a file and a place in it ("desk:12",
	// "wires#7"). Line 12 of today's desk.csv and of tomorrow's are
	// different records: never revisable.
	DocPlace DocKind = "place"
	// DocFile: a file's name without its extension (a text file, a saved
	// page). Names of files are the saver's, not the article's
	// ("index.html", "latest.txt" hold a different story each day): never
	// revisable.
	DocFile DocKind = "file"
)

// Revisable reports whether a new text under a name of this kind is a
// revision of the article stored under it (see the kinds).
func (k DocKind) Revisable() bool { return k == DocOwnID || k == DocTitle }

// MarshalJSON writes the article with its date as a day (DateLayout), the
// one form every date of sitrep's JSON takes; an article's date is a day,
// and time.Time's own form ("2022-02-26T00:00:00Z") claimed a midnight in
// UTC that no report gave.
func (a Article) MarshalJSON() ([]byte, error) {
	type plain Article
	return json.Marshal(struct {
		plain
		Date string `json:"date"`
	}{plain(a), a.DateString()})
}

// UnmarshalJSON reads an article written by MarshalJSON, or with its date
// in RFC 3339, as earlier versions wrote it.
func (a *Article) UnmarshalJSON(data []byte) error {
	type plain Article
	var v struct {
		*plain
		Date string `json:"date"`
	}
	v.plain = (*plain)(a)
	if err := json.Unmarshal(data, &v); err != nil {
		return err
	}
	a.Date = time.Time{}
	if v.Date == "" {
		return nil
	}
	d, err := time.Parse(DateLayout, v.Date)
	if err != nil {
		if d, err = time.Parse(time.RFC3339, v.Date); err != nil {
			return fmt.Errorf("article date %q: want YYYY-MM-DD", v.Date)
		}
	}
	a.Date = d
	return nil
}

// DateString returns the article date in DateLayout, or "" when unset.
func (a *Article) DateString() string {
	if a.Date.IsZero() {
		return ""
	}
	return a.Date.Format(DateLayout)
}

// ArticleID hashes text after folding case and collapsing white space, so
// that re-wrapped or re-spaced copies of one story are recognised as the same.
// Sixteen hex digits (64 bits) keep ids short enough to type while making an
// accidental collision in a corpus of millions vanishingly unlikely.
func ArticleID(text string) string {
	h := sha256.New()
	var buf [4]byte
	space := false
	started := false
	for _, r := range text {
		if unicode.IsSpace(r) {
			space = started
			continue
		}
		if space {
			h.Write([]byte{' '})
			space = false
		}
		started = true
		r = unicode.ToLower(r)
		n := utf8.EncodeRune(buf[:], r)
		h.Write(buf[:n])
	}
	sum := h.Sum(nil)
	return hex.EncodeToString(sum[:8])
}
