package intake

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"path/filepath"
	"strings"
	"unicode/utf8"
)

// peek returns the first n bytes of r (fewer at end of input) and a reader
// that still yields the whole input, so a format can be sniffed before the
// input is streamed.
func peek(r io.Reader, n int) ([]byte, io.Reader, error) {
	br := bufio.NewReaderSize(r, n)
	head, err := br.Peek(n)
	if err != nil && err != io.EOF && err != bufio.ErrBufferFull {
		return nil, nil, err
	}
	return head, br, nil
}

// detect picks the format from the file extension, checked against the
// content, and from the content alone when the extension says nothing.
func detect(path string, head []byte) (Format, error) {
	if len(bytes.TrimSpace(head)) == 0 {
		return "", ErrEmpty
	}
	if looksBinary(head) {
		return "", ErrBinary
	}
	ext := strings.ToLower(filepath.Ext(path))
	switch ext {
	case ".jsonl", ".ndjson":
		return FormatJSONL, nil
	case ".json":
		if first := firstByte(head); first == '[' {
			return FormatJSON, nil
		}
		return FormatJSONL, nil
	case ".csv":
		return FormatCSV, nil
	case ".tsv":
		return FormatTSV, nil
	case ".rss", ".atom", ".xml", ".feed":
		return FormatFeed, nil
	case ".html", ".htm", ".xhtml":
		return FormatHTML, nil
	case ".txt", ".text":
		return textFormat(head), nil
	case "":
		return sniff(head), nil
	}
	return "", fmt.Errorf("%w %q (sitrep reads .txt, .jsonl, .json, .csv, .tsv, .xml/.rss/.atom and .html)", ErrUnsupported, ext)
}

// sniff guesses a format from content alone, for standard input and files
// without an extension.
func sniff(head []byte) Format {
	t := bytes.TrimLeft(head, " \t\r\n\ufeff")
	lower := bytes.ToLower(t[:min(len(t), 512)])
	switch {
	case bytes.HasPrefix(t, []byte("{")):
		return FormatJSONL
	case bytes.HasPrefix(t, []byte("[")):
		return FormatJSON
	case bytes.HasPrefix(lower, []byte("<!doctype html")), bytes.HasPrefix(lower, []byte("<html")):
		return FormatHTML
	case bytes.HasPrefix(lower, []byte("<?xml")), bytes.HasPrefix(lower, []byte("<rss")), bytes.HasPrefix(lower, []byte("<feed")):
		if bytes.Contains(lower, []byte("<html")) {
			return FormatHTML
		}
		return FormatFeed
	}
	return textFormat(head)
}

func textFormat(head []byte) Format {
	if _, _, ok := seedDate(head); ok {
		return FormatSeed
	}
	return FormatText
}

func firstByte(b []byte) byte {
	t := bytes.TrimLeft(b, " \t\r\n\ufeff")
	if len(t) == 0 {
		return 0
	}
	return t[0]
}

// looksBinary reports a NUL byte, or many control characters, in the first
// bytes: text formats never contain them, and trying to parse an image or an
// archive as an article only produces garbage.
func looksBinary(head []byte) bool {
	if bytes.IndexByte(head, 0) >= 0 {
		return true
	}
	ctrl := 0
	for _, c := range head {
		if c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f' {
			ctrl++
		}
	}
	if ctrl*20 > len(head) {
		return true
	}
	// A run of invalid UTF-8 at the very start is a sign of binary data
	// rather than of one bad character in a text file.
	bad := 0
	for i := 0; i < len(head) && i < 64; {
		r, n := utf8.DecodeRune(head[i:])
		if r == utf8.RuneError && n == 1 {
			bad++
		}
		i += n
	}
	return bad > 8
}
