package event

import (
	"encoding/json"
	"math"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/sitrep-project/sitrep/internal/model"
)

// fuzzExtractor is built once: the lexicons and the grammar model take a
// moment to load, and the extractor is safe to share.
var fuzzExtractor = New()

// FuzzExtract runs the whole extractor over arbitrary article text. For
// every event it must hold that: extraction does not panic; every span and
// the evidence lie inside the text, start before end; every number is
// finite and a range's minimum is not above its maximum; the event encodes
// as JSON (the store's and the export's form).
func FuzzExtract(f *testing.F) {
	for _, s := range []string{
		"Germany will send 1,000 anti-tank weapons and 500 Stinger missiles to Ukraine, the government said on Saturday.",
		"At least 12 civilians were killed when Russian rockets hit a market in Kharkiv on Tuesday, the regional governor said.",
		"More than 2 million people have fled Ukraine since the invasion began, according to the UN refugee agency.",
		"The US pledged $" + "9999999999999999999999999999999" + " billion in aid.",
		"Ger\u200bmany pledged €1.5bn.\n\n\"We will not stop,\" he said. Russia denied it.",
		"KYIV (Reuters) - Talks resumed in Istanbul on Tuesday. Neither side gave ground.",
		"",
		"\x00\xff\xfe",
	} {
		f.Add(s)
	}
	date := time.Date(2022, 3, 3, 0, 0, 0, 0, time.UTC)
	f.Fuzz(func(t *testing.T, text string) {
		if len(text) > 4096 || !utf8.ValidString(text) {
			return // intake refuses invalid UTF-8; long inputs only slow the search
		}
		a := &model.Article{ID: model.ArticleID(text), Doc: "fuzz", Date: date, Text: text,
			Blocks: []model.Block{{Kind: model.BlockParagraph, Span: model.Span{Start: 0, End: len(text)}}}}
		for _, ev := range fuzzExtractor.Extract(a) {
			checkSpan(t, text, "evidence", &model.Span{Start: ev.Evidence.Start, End: ev.Evidence.End})
			if ev.Actor != nil {
				checkSpan(t, text, "actor", ev.Actor.Span)
			}
			for _, x := range ev.Targets {
				checkSpan(t, text, "target", x.Span)
			}
			for _, it := range ev.Items {
				checkSpan(t, text, "item", it.Span)
				checkRange(t, "quantity", it.Qty)
			}
			checkRange(t, "count", ev.Count)
			if ev.Money != nil {
				checkSpan(t, text, "money", ev.Money.Span)
				if math.IsInf(ev.Money.Amount, 0) || math.IsNaN(ev.Money.Amount) {
					t.Errorf("money %v in %q", ev.Money.Amount, text)
				}
			}
			if ev.Time != nil {
				checkSpan(t, text, "time", ev.Time.Span)
				if ev.Time.Start != "" && ev.Time.End != "" && ev.Time.Start > ev.Time.End {
					t.Errorf("time %s after %s in %q", ev.Time.Start, ev.Time.End, text)
				}
			}
			for _, p := range ev.Places {
				checkSpan(t, text, "place", p.Span)
			}
			if ev.Source != nil {
				checkSpan(t, text, "source", ev.Source.Span)
			}
			if _, err := json.Marshal(ev); err != nil {
				t.Errorf("event does not encode: %v (text %q)", err, text)
			}
		}
	})
}

func checkSpan(t *testing.T, text, what string, s *model.Span) {
	t.Helper()
	if s != nil && (s.Start < 0 || s.End > len(text) || s.Start > s.End) {
		t.Errorf("%s span [%d,%d) outside a text of %d bytes: %q", what, s.Start, s.End, len(text), text)
	}
}

func checkRange(t *testing.T, what string, r *model.Range) {
	t.Helper()
	if r == nil {
		return
	}
	for _, v := range []*float64{r.Min, r.Max} {
		if v != nil && (math.IsInf(*v, 0) || math.IsNaN(*v)) {
			t.Errorf("%s bound %v", what, *v)
		}
	}
	if r.Min != nil && r.Max != nil && *r.Min > *r.Max {
		t.Errorf("%s range %v > %v", what, *r.Min, *r.Max)
	}
}
