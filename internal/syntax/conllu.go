package syntax

import (
	"bufio"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// Word is one syntactic word of a sentence. ID counts from 1; Head is the ID
// of the word it depends on, 0 for the root. Start and End are byte offsets
// into the text the word was read from, or -1 when it came without one (a
// treebank file).
type Word struct {
	ID     int
	Form   string
	Lemma  string
	UPOS   string
	XPOS   string
	Feats  string
	Head   int
	Deprel string
	Misc   string

	Start, End int
}

// Sentence is a sequence of words with the comment lines that came with it
// in a CoNLL-U file (sent_id, text), kept so a parsed file can be written
// back with them.
type Sentence struct {
	Comments []string
	Words    []Word
	// Ranges are the multiword token lines ("4-5 don't") of the file, kept
	// verbatim and written back before the word that starts them.
	Ranges []string
}

// ReadCoNLLU reads every sentence of a CoNLL-U file. Multiword token lines
// are kept as ranges, empty nodes (IDs such as 8.1) are dropped: the parser
// works on syntactic words of the basic tree. An error names the line.
func ReadCoNLLU(r io.Reader, name string) ([]Sentence, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64*1024), 16*1024*1024)
	var out []Sentence
	var cur Sentence
	line := 0
	flush := func() {
		if len(cur.Words) > 0 {
			out = append(out, cur)
		}
		cur = Sentence{}
	}
	for sc.Scan() {
		line++
		s := sc.Text()
		if s == "" {
			flush()
			continue
		}
		if s[0] == '#' {
			cur.Comments = append(cur.Comments, s)
			continue
		}
		f := strings.Split(s, "\t")
		if len(f) != 10 {
			return nil, fmt.Errorf("%s:%d: %d columns, CoNLL-U has 10", name, line, len(f))
		}
		if strings.IndexByte(f[0], '.') >= 0 {
			continue
		}
		if strings.IndexByte(f[0], '-') >= 0 {
			cur.Ranges = append(cur.Ranges, s)
			continue
		}
		id, err := strconv.Atoi(f[0])
		if err != nil || id != len(cur.Words)+1 {
			return nil, fmt.Errorf("%s:%d: word id %q out of sequence", name, line, f[0])
		}
		head := 0
		if f[6] != "_" {
			if head, err = strconv.Atoi(f[6]); err != nil || head < 0 {
				return nil, fmt.Errorf("%s:%d: head %q is not a word id", name, line, f[6])
			}
		}
		cur.Words = append(cur.Words, Word{
			ID: id, Form: f[1], Lemma: f[2], UPOS: f[3], XPOS: f[4], Feats: f[5],
			Head: head, Deprel: f[7], Misc: f[9], Start: -1, End: -1,
		})
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s:%d: %w", name, line, err)
	}
	flush()
	for _, s := range out {
		for _, w := range s.Words {
			if w.Head > len(s.Words) {
				return nil, fmt.Errorf("%s: word %d of a sentence of %d words has head %d", name, w.ID, len(s.Words), w.Head)
			}
		}
	}
	return out, nil
}

// WriteCoNLLU writes sentences in CoNLL-U. Words with byte offsets carry
// them in MISC as TokenRange=START:END, next to what MISC already held.
func WriteCoNLLU(w io.Writer, sents []Sentence) error {
	bw := bufio.NewWriter(w)
	for _, s := range sents {
		for _, c := range s.Comments {
			bw.WriteString(c)
			bw.WriteByte('\n')
		}
		ri := 0
		for _, x := range s.Words {
			for ri < len(s.Ranges) && rangeStart(s.Ranges[ri]) == x.ID {
				bw.WriteString(s.Ranges[ri])
				bw.WriteByte('\n')
				ri++
			}
			misc := x.Misc
			if x.Start >= 0 && x.End >= x.Start {
				r := "TokenRange=" + strconv.Itoa(x.Start) + ":" + strconv.Itoa(x.End)
				if misc == "" || misc == "_" {
					misc = r
				} else {
					misc += "|" + r
				}
			}
			fmt.Fprintf(bw, "%d\t%s\t%s\t%s\t%s\t%s\t%d\t%s\t_\t%s\n",
				x.ID, orBlank(x.Form), orBlank(x.Lemma), orBlank(x.UPOS), orBlank(x.XPOS),
				orBlank(x.Feats), x.Head, orBlank(x.Deprel), orBlank(misc))
		}
		bw.WriteByte('\n')
	}
	return bw.Flush()
}

// rangeStart is the first word id of a multiword token line.
func rangeStart(line string) int {
	n, _ := strconv.Atoi(line[:strings.IndexByte(line, '-')])
	return n
}

func orBlank(s string) string {
	if s == "" {
		return "_"
	}
	return s
}
