package event

import (
	"fmt"
	"path/filepath"
	"reflect"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/sitrep-project/sitrep/internal/model"
	"github.com/sitrep-project/sitrep/internal/testshared"
)

// scaleStory is one paragraph of a war report, written for these tests:
// an attack with its toll and source, a quotation, a pledge of aid, an
// accusation and a definite mention of the attack, so that every pass of
// the extractor has work in it, and repeats to merge.
var scaleStory = []string{
	"Russian forces shelled the northern city of Kharkiv on Tuesday, killing three civilians and wounding seven, the regional governor said.",
	"“The shelling went on through the night,” he told reporters.",
	"Germany said on Wednesday it would send 500 more anti-tank weapons to Ukraine.",
	"Ukraine's foreign minister accused Moscow of targeting apartment blocks.",
	"The attack was the third on the city this week.",
}

// scaleArticle repeats scaleStory until it holds n sentences, each story a
// paragraph of its own, or, with oneParagraph, all in one paragraph, as
// hard-wrapped plain text reads.
func scaleArticle(n int, oneParagraph bool) *model.Article {
	var sb strings.Builder
	for i := 0; i < n; i++ {
		if i > 0 {
			switch {
			case i%len(scaleStory) != 0:
				sb.WriteString(" ")
			case oneParagraph:
				sb.WriteString("\n")
			default:
				sb.WriteString("\n\n")
			}
		}
		sb.WriteString(scaleStory[i%len(scaleStory)])
	}
	txt := sb.String()
	return &model.Article{ID: model.ArticleID(txt), Doc: fmt.Sprintf("scale-%d", n),
		Date: time.Date(2022, 3, 10, 0, 0, 0, 0, time.UTC), Text: txt}
}

// allocsPerByte extracts a's events and returns the heap allocations and
// the bytes allocated for it, per byte of its text.
func allocsPerByte(x *Extractor, a *model.Article) (allocs, bytes float64, events int) {
	var m0, m1 runtime.MemStats
	runtime.ReadMemStats(&m0)
	events = len(x.Extract(a))
	runtime.ReadMemStats(&m1)
	n := float64(len(a.Text))
	return float64(m1.Mallocs-m0.Mallocs) / n, float64(m1.TotalAlloc-m0.TotalAlloc) / n, events
}

// TestExtractCostIsLinear feeds articles of 200 to 8,000 sentences and
// checks that the work per byte of text, counted in heap allocations and
// bytes allocated, does not grow with the article: no article may cost
// more than twice the least a shorter one cost per byte. Any pass that
// compares every sentence or event with all those before it makes the
// largest article cost many times the smallest per byte.
func TestExtractCostIsLinear(t *testing.T) {
	x := New()
	x.Extract(scaleArticle(50, false)) // load the grammar and the tables first
	for _, shape := range []struct {
		name         string
		oneParagraph bool
		sizes        []int
	}{
		{"paragraphs", false, []int{200, 2000, 8000}},
		{"one paragraph", true, []int{200, 2000}},
	} {
		var leastAllocs, leastBytes float64
		for i, n := range shape.sizes {
			allocs, bytes, events := allocsPerByte(x, scaleArticle(n, shape.oneParagraph))
			t.Logf("%s, %d sentences: %d events, %.3f allocations and %.1f bytes allocated per byte", shape.name, n, events, allocs, bytes)
			if events < n/5 {
				t.Errorf("%s, %d sentences: only %d events; the story's events are no longer read and the test measures nothing", shape.name, n, events)
			}
			if i > 0 && (allocs > 2*leastAllocs || bytes > 2*leastBytes) {
				t.Errorf("%s, %d sentences: %.3f allocations and %.1f bytes per byte, over twice the %.3f and %.1f of a shorter article: extraction is no longer linear",
					shape.name, n, allocs, bytes, leastAllocs, leastBytes)
			}
			if i == 0 || allocs < leastAllocs {
				leastAllocs = allocs
			}
			if i == 0 || bytes < leastBytes {
				leastBytes = bytes
			}
		}
	}
}

// mergePairwise is the merge mergeRepeats replaces: every candidate is
// compared with every event kept before it.
func mergePairwise(split []*cand) []*cand {
	var kept []*cand
	for _, c := range split {
		merged := false
		for _, k := range kept {
			if mergeable(k, c) {
				absorb(k, c)
				merged = true
				break
			}
		}
		if !merged {
			kept = append(kept, c)
		}
	}
	return kept
}

// TestMergeIndexAgreesWithPairwise checks that the indexed merge keeps and
// merges exactly what comparing every pair did, with the explanations that
// record each merge, on the sample corpus, the shared corpus where it is
// present, and long articles of repeats.
func TestMergeIndexAgreesWithPairwise(t *testing.T) {
	arts := sampleCorpus(t)
	if dir := testshared.Root(); dir != "" {
		arts = append(arts, readCorpus(t, filepath.Join(dir, "corpus", "dev"))...)
	}
	arts = append(arts, scaleArticle(400, false), scaleArticle(400, true))
	arts = append(arts, repeatArticles()...)
	indexed := New(WithExplain(true))
	pairwise := New(WithExplain(true))
	pairwise.merge = mergePairwise
	merged := 0
	for _, a := range arts {
		want, got := pairwise.Extract(a), indexed.Extract(a)
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s: the indexed merge gives\n%s\nthe pairwise merge\n%s", a.Doc, dump(got), dump(want))
		}
		for _, e := range got {
			for _, w := range e.Explain {
				if strings.HasPrefix(w, "merged:") {
					merged++
				}
			}
		}
	}
	if merged == 0 {
		t.Error("no event merged a repeat: the comparison tests nothing")
	}
}

// repeatPairs are two reports of one event, or of two alike, for each way
// mergeable lets events merge far apart: aid without items, aid with money,
// an attack by its place or its own date, a visit or an accusation in one
// paragraph. Written for these tests.
var repeatPairs = [][2]string{
	{"Germany pledged €100 million in military aid to Ukraine.", "Germany promised to send weapons to Ukraine."},
	{"Germany promised to send weapons to Ukraine.", "Germany pledged €100 million in military aid to Ukraine."},
	{"Germany pledged 500 anti-tank weapons to Ukraine.", "Germany pledged 500 anti-tank weapons to Ukraine."},
	{"Germany pledged €100 million in military aid to Ukraine.", "Germany pledged €100 million and 500 anti-tank weapons to Ukraine."},
	{"Germany pledged €100 million and 500 anti-tank weapons to Ukraine.", "Germany pledged €100 million and 500 anti-tank weapons to Ukraine."},
	{"Russian forces shelled Kharkiv on Tuesday.", "Russian troops shelled Kharkiv again."},
	{"Russian forces shelled the city on Tuesday.", "Russian artillery struck the town on Tuesday."},
	{"Three civilians were killed in Kharkiv on Tuesday.", "Three civilians were killed in Kharkiv on Tuesday."},
	{"Chancellor Olaf Scholz visited Kyiv on Monday.", "Scholz visited Kyiv to meet President Volodymyr Zelenskyy."},
	{"Ukraine accused Russia of shelling civilians.", "Ukraine accused Russia of shelling civilians."},
	{"The European Union imposed new sanctions on Russia.", "The European Union imposed sanctions on Russian banks."},
	{"About 2,000 people fled Mariupol on Sunday.", "About 2,100 people fled Mariupol."},
}

// repeatFillers report nothing.
var repeatFillers = []string{
	"Rain fell across the region for most of the day.",
	"Schools in the area stayed open.",
	"Traffic on the main road was light.",
	"Shops reopened in the afternoon.",
	"The river rose after the storm.",
}

// repeatArticles tells each pair of repeatPairs one to six sentences apart,
// in one paragraph and in two.
func repeatArticles() []*model.Article {
	var out []*model.Article
	for i, p := range repeatPairs {
		for apart := 1; apart <= len(repeatFillers)+1; apart++ {
			for _, split := range []bool{false, true} {
				parts := []string{p[0]}
				parts = append(parts, repeatFillers[:apart-1]...)
				txt := strings.Join(parts, " ")
				if split {
					txt += "\n\n"
				} else {
					txt += " "
				}
				txt += p[1]
				out = append(out, &model.Article{ID: model.ArticleID(txt), Doc: fmt.Sprintf("pair-%d-%d-%v", i, apart, split),
					Date: time.Date(2022, 3, 10, 0, 0, 0, 0, time.UTC), Text: txt})
			}
		}
	}
	return out
}
