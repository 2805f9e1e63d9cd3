package text

import (
	"runtime"
	"strings"
	"testing"
)

// linearShapes are texts of one sentence (or fragment) repeated, in the
// layouts the splitter treats differently, and runs of the marks that make
// the tokeniser look ahead: a dotted abbreviation that never ends, closing
// brackets after full stops, and dotted words that might make a domain.
var linearShapes = []struct{ name, unit string }{
	{"paragraph", "The ministry said 2,000 troops had crossed the border near Kharkiv on Monday. "},
	{"line a sentence", "The ministry said 2,000 troops had crossed the border near Kharkiv on Monday.\n"},
	{"hard-wrapped", "The ministry said 2,000 troops had crossed\nthe border near Kharkiv on Monday and more\n"},
	{"abbreviations", "Gen. Smith met Mr. Jones in the U.S. on Feb. 24 and said no. "},
	{"quotes", "\"We will rebuild,\" the mayor said. (He did not say when.) "},
	{"no full stop", "the convoy moved on toward the city and "},
	{"invisible characters", "Ger\u200bmany sent aid to Kyiv\u00ad. "},
	{"dotted run", "a."},
	{"closers", ".)"},
	{"domain labels", "ab.cd."},
}

// cost is what one cut of a text allocated, per byte of the text.
type cost struct{ mallocs, bytes float64 }

// measure runs f once and returns what it allocated per byte of text. The
// count is of the goroutine's own allocations, which the test does not
// share, so it is the same from run to run.
func measure(n int, f func()) cost {
	var a, b runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&a)
	f()
	runtime.ReadMemStats(&b)
	return cost{float64(b.Mallocs-a.Mallocs) / float64(n), float64(b.TotalAlloc-a.TotalAlloc) / float64(n)}
}

// TestLinearCost checks that cutting a text into tokens and sentences
// costs the same per byte whatever its length: from a thousand repeats of a
// sentence to a hundred thousand, neither the number of allocations nor the
// bytes allocated per byte of text may grow more than twice. Wall time is
// not used: it varies with the machine and its load. (Allocation does not
// see a loop that reads the same bytes again without allocating, such as
// the rescans of a dotted abbreviation TestDottedRun covers; the code
// review that found those looked for such loops.)
func TestLinearCost(t *testing.T) {
	if testing.Short() {
		t.Skip("cuts texts of several megabytes")
	}
	cuts := []struct {
		name string
		cut  func(string)
	}{
		// Sentences cuts all the tokens with Tokenize first; Scanner
		// streams them from a Tokenizer into a buffer it reuses.
		{"Sentences", func(s string) { Sentences(s) }},
		{"Scanner", func(s string) {
			var sc Scanner
			sc.Reset(s)
			for sc.Next() {
				sc.Sentence()
			}
		}},
	}
	for _, sh := range linearShapes {
		for _, c := range cuts {
			var first, last cost
			for i, n := range []int{1000, 10000, 100000} {
				s := strings.Repeat(sh.unit, n)
				got := measure(len(s), func() { c.cut(s) })
				if i == 0 {
					first = got
				}
				last = got
			}
			// A cut that allocates a fixed amount costs less per byte as
			// the text grows; the slack of 1/64 allocation per byte lets a
			// text cut without allocating pass whatever the noise.
			if last.mallocs > 2*first.mallocs+1.0/64 || last.bytes > 2*first.bytes+1.0/64 {
				t.Errorf("%s of %s: per byte %.4f allocations and %.1f bytes at 1k repeats, %.4f and %.1f at 100k",
					c.name, sh.name, first.mallocs, first.bytes, last.mallocs, last.bytes)
			}
		}
	}
}

// TestDottedRun: a dotted abbreviation is judged group by group as the
// tokeniser reads it, with the same tokens as when each full stop looked
// back over the whole word; a run of a hundred thousand "a." is one
// token, read once (it used to be read again from its start at every full
// stop, some ten billion byte reads). A domain's labels are at most 63
// bytes: a longer run of letters after a full stop makes no domain.
func TestDottedRun(t *testing.T) {
	long := strings.Repeat("a.", 100000)
	for _, tc := range []struct {
		in   string
		want []string
	}{
		{"the U.S. army", []string{"the", "U.S.", "army"}},
		{"U.A.V.s were seen", []string{"U.A.V.s", "were", "seen"}},
		{"at 5 a.m. on", []string{"at", "5", "a.m.", "on"}},
		{"e.g. this", []string{"e.g.", "this"}},
		{"Kyiv.The city", []string{"Kyiv", ".", "The", "city"}},
		{"a.b.cdef.g", []string{"a.b.cdef", ".", "g"}},
		{"a.bcd.e", []string{"a.bcd.e"}},
		{"U.S.-led", []string{"U.S.", "-", "led"}},
		{"x.1.2.y", []string{"x", ".", "1.2", ".", "y"}},
		{"ab.cd.ef.com", []string{"ab.cd.ef.com"}},
		{"ab." + strings.Repeat("c", 70) + ".com", []string{"ab", ".", strings.Repeat("c", 70), ".", "com"}},
		{long, []string{long[:len(long)-1], "."}},
	} {
		var got []string
		for _, tk := range Tokenize(tc.in, 0) {
			got = append(got, tk.Text)
		}
		if strings.Join(got, "|") != strings.Join(tc.want, "|") {
			t.Errorf("Tokenize(%.40q) = %.80q, want %.80q", tc.in, got, tc.want)
		}
	}
}
