package event

import (
	"sort"
	"strings"

	"github.com/sitrep-project/sitrep/internal/model"
	"github.com/sitrep-project/sitrep/internal/text"
	"github.com/sitrep-project/sitrep/internal/timex"
)

// The passes over an article's sentences once asked, for every sentence,
// questions that scanned the whole article: which block holds it, which of
// the article's time expressions lie in it, whether a quotation is open
// where it starts. On an article of n sentences that is n² work, which a
// long page (a live blog, a scraped archive) turns into minutes. The
// indexes here answer the same questions in O(log n) or amortised O(1),
// with the same answers.

// blockIndex places text offsets in an article's blocks.
type blockIndex struct {
	blocks []model.Block
	// ordered: the blocks follow each other in the text without
	// overlapping, as intake makes them, so a binary search finds the one
	// block that holds an offset; otherwise every lookup scans them all.
	ordered bool
	// hasPara: some block is a paragraph.
	hasPara bool
}

func newBlockIndex(a *model.Article) *blockIndex {
	ix := &blockIndex{blocks: a.Blocks, ordered: true}
	for i, b := range a.Blocks {
		if b.Kind == model.BlockParagraph {
			ix.hasPara = true
		}
		if b.End < b.Start || i > 0 && b.Start < a.Blocks[i-1].End {
			ix.ordered = false
		}
	}
	return ix
}

// find returns the index of the first block holding off, or -1.
func (ix *blockIndex) find(off int) int {
	if !ix.ordered {
		for i, b := range ix.blocks {
			if off >= b.Start && off < b.End {
				return i
			}
		}
		return -1
	}
	// The ends rise with the blocks: the first block ending after off is
	// the only one that may hold it.
	i := sort.Search(len(ix.blocks), func(i int) bool { return ix.blocks[i].End > off })
	if i < len(ix.blocks) && ix.blocks[i].Start <= off {
		return i
	}
	return -1
}

// inBody reports whether a sentence starting at off lies in a body
// paragraph: headings and credit lines restate or label the story and would
// only add repeats.
func (ix *blockIndex) inBody(off int) bool {
	if len(ix.blocks) == 0 || !ix.hasPara {
		// A record of one line has only its headline to read.
		return true
	}
	if i := ix.find(off); i >= 0 {
		return ix.blocks[i].Kind == model.BlockParagraph
	}
	return true
}

// paraOf returns the index of the block holding off, 0 when none does.
func (ix *blockIndex) paraOf(off int) int {
	if i := ix.find(off); i >= 0 {
		return i
	}
	return 0
}

// timesBySentence returns, for each sentence, the indexes of the time
// expressions lying wholly inside it, in the order of times.
func timesBySentence(sents []text.Sentence, times []timex.Expr) [][]int {
	out := make([][]int, len(sents))
	ordered := true
	for i := 1; i < len(sents); i++ {
		if sents[i].Start < sents[i-1].End {
			ordered = false
			break
		}
	}
	for k := range times {
		sp := times[k].Span
		if !ordered || sp.Start >= sp.End {
			// Overlapping sentences, or sentences meeting at an empty
			// span, may share an expression: ask each.
			for i, s := range sents {
				if sp.Start >= s.Start && sp.End <= s.End {
					out[i] = append(out[i], k)
				}
			}
			continue
		}
		// The last sentence starting at or before the expression is the
		// only one that may hold it.
		i := sort.Search(len(sents), func(i int) bool { return sents[i].Start > sp.Start }) - 1
		if i >= 0 && sp.End <= sents[i].End {
			out[i] = append(out[i], k)
		}
	}
	return out
}

// quoteScan tells, for sentence starts taken in text order, whether a
// quotation opened earlier in the paragraph is still open there (see
// inQuote). It reads the text once, keeping the counts of quotation marks
// since the last blank line, instead of counting back to the paragraph's
// start for every sentence.
type quoteScan struct {
	text string
	pos  int // text[:pos] has been read
	// curly is the number of opening minus closing curly marks since the
	// paragraph's start; straight the number of straight marks.
	curly, straight int
}

// openAt reports whether a quotation is open at off.
func (q *quoteScan) openAt(off int) bool {
	if off < q.pos {
		return quoteOpenBefore(q.text, off)
	}
	for ; q.pos < off; q.pos++ {
		j := q.pos
		switch c := q.text[j]; {
		case c == '\n' && j >= 1 && q.text[j-1] == '\n':
			// A blank line ends the paragraph: what follows starts
			// counting afresh.
			q.curly, q.straight = 0, 0
		case c == '"':
			q.straight++
		case strings.HasPrefix(q.text[j:], "“"):
			q.curly++
		case strings.HasPrefix(q.text[j:], "”"):
			q.curly--
		}
	}
	return q.curly > 0 || q.straight%2 == 1
}

// quoteOpenBefore reports whether a quotation opened in the paragraph
// holding off is still open at off, counting the marks from the
// paragraph's start.
func quoteOpenBefore(text string, off int) bool {
	start := off
	for start > 0 && !(text[start-1] == '\n' && start >= 2 && text[start-2] == '\n') {
		start--
	}
	pre := text[start:off]
	open := strings.Count(pre, "“") - strings.Count(pre, "”")
	return open > 0 || strings.Count(pre, "\"")%2 == 1
}
