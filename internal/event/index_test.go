package event

import (
	"reflect"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/sitrep-project/sitrep/internal/model"
	"github.com/sitrep-project/sitrep/internal/text"
	"github.com/sitrep-project/sitrep/internal/timex"
)

// The indexes of index.go, holder, joinedBy and tree.dependents replace
// scans of the whole article or sentence; each test here checks one
// against the scan it replaces.

// scanBlock is the scan blockIndex.find replaces.
func scanBlock(a *model.Article, off int) int {
	for i, b := range a.Blocks {
		if off >= b.Start && off < b.End {
			return i
		}
	}
	return -1
}

// scanInBody is the inBody that scanned every block.
func scanInBody(a *model.Article, off int) bool {
	hasPara := false
	for _, b := range a.Blocks {
		hasPara = hasPara || b.Kind == model.BlockParagraph
	}
	if len(a.Blocks) == 0 || !hasPara {
		return true
	}
	if i := scanBlock(a, off); i >= 0 {
		return a.Blocks[i].Kind == model.BlockParagraph
	}
	return true
}

func TestBlockIndexAgreesWithScan(t *testing.T) {
	para, head := model.BlockParagraph, model.BlockHeading
	blk := func(k model.BlockKind, s, e int) model.Block {
		return model.Block{Kind: k, Span: model.Span{Start: s, End: e}}
	}
	arts := append(sampleCorpus(t),
		&model.Article{Doc: "no blocks", Text: "Shelling resumed at dawn."},
		&model.Article{Doc: "headings only", Text: "0123456789", Blocks: []model.Block{blk(head, 0, 4), blk(head, 6, 10)}},
		&model.Article{Doc: "empty block", Text: "0123456789", Blocks: []model.Block{blk(head, 0, 3), blk(para, 3, 3), blk(para, 3, 10)}},
		&model.Article{Doc: "out of order", Text: "0123456789", Blocks: []model.Block{blk(para, 5, 10), blk(head, 0, 5)}},
		&model.Article{Doc: "overlapping", Text: "0123456789", Blocks: []model.Block{blk(para, 0, 6), blk(head, 4, 10)}},
	)
	for _, a := range arts {
		ix := newBlockIndex(a)
		for off := -1; off <= len(a.Text)+1; off++ {
			if got, want := ix.find(off), scanBlock(a, off); got != want {
				t.Fatalf("%s: block of offset %d: %d, the scan says %d", a.Doc, off, got, want)
			}
			if got, want := ix.inBody(off), scanInBody(a, off); got != want {
				t.Fatalf("%s: offset %d in the body: %v, the scan says %v", a.Doc, off, got, want)
			}
		}
	}
}

// scanTimes is the scan timesBySentence replaces.
func scanTimes(sents []text.Sentence, times []timex.Expr) [][]int {
	out := make([][]int, len(sents))
	for i, s := range sents {
		for k, e := range times {
			if e.Span.Start >= s.Start && e.Span.End <= s.End {
				out[i] = append(out[i], k)
			}
		}
	}
	return out
}

func TestTimesBySentenceAgreesWithScan(t *testing.T) {
	checked := 0
	for _, a := range sampleCorpus(t) {
		sents := text.Sentences(a.Text)
		times := timex.FindSentences(a.Text, sents, a.Date)
		checked += len(times)
		if got, want := timesBySentence(sents, times), scanTimes(sents, times); !reflect.DeepEqual(got, want) {
			t.Errorf("%s: time expressions by sentence %v, the scan says %v", a.Doc, got, want)
		}
	}
	if checked == 0 {
		t.Fatal("the corpus holds no time expressions: the test checks nothing")
	}
	sp := func(s, e int) model.Span { return model.Span{Start: s, End: e} }
	exprs := []timex.Expr{{Span: sp(2, 5)}, {Span: sp(10, 10)}, {Span: sp(8, 12)}, {Span: sp(12, 15)}, {Span: sp(0, 20)}}
	for _, sents := range [][]text.Sentence{
		{{Start: 0, End: 10}, {Start: 10, End: 20}},
		{{Start: 0, End: 12}, {Start: 8, End: 20}},  // overlapping
		{{Start: 10, End: 20}, {Start: 0, End: 10}}, // out of order
	} {
		if got, want := timesBySentence(sents, exprs), scanTimes(sents, exprs); !reflect.DeepEqual(got, want) {
			t.Errorf("sentences %v: %v, the scan says %v", sents, got, want)
		}
	}
}

func TestQuoteScanAgreesWithCount(t *testing.T) {
	texts := []string{
		"“The bridge is gone,” the mayor said. “We will rebuild it.\n\nThe council met on Monday.",
		"He called it \"a disgrace. Nobody was warned\n\nin time.\" Others agreed.\n\n\n“Open. Still open",
		"No quotation here.\n\n“One” and “two” and “three",
		"\n\n\"\n\n“",
	}
	for _, a := range sampleCorpus(t) {
		texts = append(texts, a.Text)
	}
	for _, txt := range texts {
		q := &quoteScan{text: txt}
		for off := 0; off <= len(txt); off++ {
			if off < len(txt) && !utf8.RuneStart(txt[off]) {
				continue // sentences start on a character
			}
			if got, want := q.openAt(off), quoteOpenBefore(txt, off); got != want {
				t.Fatalf("%.40q: quotation open at %d: %v, counting says %v", txt, off, got, want)
			}
		}
		// Asked out of order, the scan counts afresh.
		if len(txt) > 0 {
			if got, want := q.openAt(len(txt)/2), quoteOpenBefore(txt, len(txt)/2); got != want {
				t.Fatalf("%.40q: asked again at %d: %v, counting says %v", txt, len(txt)/2, got, want)
			}
		}
	}
}

// scanHolder is the holder that read every person named in a role.
func scanHolder(hs []roleHolder, codes []string, idx int) *source {
	var best *source
	for _, h := range hs {
		if len(codes) > 0 && len(h.src.codes) > 0 && codes[0] != h.src.codes[0] {
			continue
		}
		if h.sent <= idx {
			best = h.src
		} else if best == nil && h.sent <= idx+2 {
			return h.src
		}
	}
	return best
}

func TestHolderIndexAgreesWithScan(t *testing.T) {
	x := New()
	arts := append(sampleCorpus(t), scaleArticle(40, false), &model.Article{Doc: "two governors", Date: time.Date(2022, 5, 4, 0, 0, 0, 0, time.UTC), Text: strings.Join([]string{
		"Pavlo Kyrylenko, the governor of Donetsk, said two people were killed in Bakhmut.",
		"Officials in Russia's Belgorod region reported damage to a fuel depot.",
		"Vyacheslav Gladkov, the governor of Belgorod, said no one was hurt.",
		"The governor said repairs would begin on Friday.",
	}, " ")})
	asked := 0
	for _, a := range arts {
		d := newDoc(a)
		x.sentences(d)
		for role, hs := range d.holders {
			for i := 1; i < len(hs); i++ {
				if hs[i].sent < hs[i-1].sent {
					t.Fatalf("%s: the holders of %q are out of sentence order", a.Doc, role)
				}
			}
			codeSets := [][]string{nil, {"XXX"}}
			for _, h := range hs {
				if len(h.src.codes) > 0 {
					codeSets = append(codeSets, h.src.codes[:1])
				}
			}
			for idx := -1; idx <= d.sentIdx+3; idx++ {
				for _, codes := range codeSets {
					asked++
					if got, want := d.holder(role, codes, idx), scanHolder(hs, codes, idx); got != want {
						t.Fatalf("%s: holder of %q %v at sentence %d: %+v, the scan says %+v", a.Doc, role, codes, idx, got, want)
					}
				}
			}
		}
	}
	if asked == 0 {
		t.Fatal("no article names a person in a role: the test checks nothing")
	}
}

// scanJoinedBy is the joinedBy that read every token of the span.
func scanJoinedBy(s *sent, lo, hi int) bool {
	found := false
	for k := lo; k < hi; k++ {
		if s.low[k] == "and" || s.low[k] == "or" {
			found = true
		}
		if relOpeners[s.low[k]] || reportVerbAt(s, k) {
			return false
		}
	}
	return found
}

func TestJoinedByAgreesWithScan(t *testing.T) {
	x := New()
	joined := 0
	for _, a := range sampleCorpus(t) {
		d := newDoc(a)
		for _, s := range x.sentences(d) {
			for lo := 0; lo <= len(s.low); lo++ {
				for hi := lo; hi <= len(s.low) && hi <= lo+30; hi++ {
					got, want := joinedBy(s, lo, hi), scanJoinedBy(s, lo, hi)
					if got != want {
						t.Fatalf("%s: tokens %d to %d of %q joined: %v, the scan says %v", a.Doc, lo, hi, s.text[s.start:s.end], got, want)
					}
					if got {
						joined++
					}
				}
			}
		}
	}
	if joined == 0 {
		t.Fatal("no span of the corpus is joined: the test checks nothing")
	}
}

// scanChildren is the children that read every word of the sentence.
func scanChildren(t *tree, i int, rels ...string) []int {
	var out []int
	for j := range t.w {
		if t.w[j].Head-1 == i && (len(rels) == 0 || containsStr(rels, t.w[j].Deprel)) {
			out = append(out, j)
		}
	}
	return out
}

func TestTreeDependentsAgreeWithScan(t *testing.T) {
	x := New()
	trees := 0
	for _, a := range sampleCorpus(t) {
		d := newDoc(a)
		for _, s := range x.sentences(d) {
			tr := s.tr
			if tr == nil {
				continue
			}
			trees++
			for i := -2; i <= len(tr.w); i++ {
				for _, rels := range [][]string{nil, {"nsubj"}, {"obj", "obl", "case"}} {
					if got, want := tr.children(i, rels...), scanChildren(tr, i, rels...); !reflect.DeepEqual(got, want) {
						t.Fatalf("%s: children %v of word %d in %q: %v, the scan says %v", a.Doc, rels, i, s.text[s.start:s.end], got, want)
					}
					if len(rels) == 0 {
						continue
					}
					want := -1
					if cs := scanChildren(tr, i, rels...); len(cs) > 0 {
						want = cs[0]
					}
					if got := tr.child(i, rels...); got != want {
						t.Fatalf("%s: child %v of word %d in %q: %d, the scan says %d", a.Doc, rels, i, s.text[s.start:s.end], got, want)
					}
				}
			}
		}
	}
	if trees == 0 {
		t.Fatal("no sentence was parsed: the test checks nothing")
	}
}
