package event

import (
	"bytes"
	"encoding/json"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"sync"
	"testing"

	"github.com/sitrep-project/sitrep/internal/eval"
	"github.com/sitrep-project/sitrep/internal/model"
)

// TestDeterministic extracts the sample corpus twice with two extractors
// and once more with the first: the events, their order and their IDs
// must not change.
func TestDeterministic(t *testing.T) {
	arts := sampleCorpus(t)
	x, y := New(WithExplain(true)), New(WithExplain(true))
	for _, a := range arts {
		first := x.Extract(a)
		if len(first) == 0 {
			continue
		}
		for run, got := range [][]model.Event{y.Extract(a), x.Extract(a)} {
			if !reflect.DeepEqual(first, got) {
				t.Fatalf("%s: run %d differs from the first:\n%s\nvs\n%s", a.Doc, run+2, dump(first), dump(got))
			}
		}
		ids := map[string]bool{}
		for _, e := range first {
			if e.ID == "" || ids[e.ID] {
				t.Errorf("%s: empty or repeated event ID %q", a.Doc, e.ID)
			}
			ids[e.ID] = true
		}
	}
}

// TestConcurrent runs one Extractor from many goroutines; with -race it
// checks that Extract shares no mutable state between calls.
func TestConcurrent(t *testing.T) {
	arts := sampleCorpus(t)
	x := New()
	want := make([][]model.Event, len(arts))
	for i, a := range arts {
		want[i] = x.Extract(a)
	}
	var wg sync.WaitGroup
	errs := make(chan string, 8*len(arts))
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func(g int) {
			defer wg.Done()
			for k := range arts {
				i := (k + g*7) % len(arts)
				if got := x.Extract(arts[i]); !reflect.DeepEqual(got, want[i]) {
					errs <- arts[i].Doc
				}
			}
		}(g)
	}
	wg.Wait()
	close(errs)
	for doc := range errs {
		t.Errorf("%s: concurrent extraction differs from the sequential one", doc)
	}
}

// TestExtractEmpty checks the edges: no text, text with no sentence, and
// text with no event.
func TestExtractEmpty(t *testing.T) {
	x := New()
	for _, txt := range []string{"", "   \n\n  ", "Ukraine.", "The weather in Kyiv was mild on Tuesday."} {
		a := &model.Article{ID: "e", Doc: "e", Date: refDate, Text: txt}
		if evs := x.Extract(a); len(evs) != 0 {
			t.Errorf("%q: %d events, want none:\n%s", txt, len(evs), dump(evs))
		}
	}
}

// TestVersionStamped checks that every event names the rules that made it
// and carries its evidence sentence.
func TestVersionStamped(t *testing.T) {
	a := &model.Article{ID: "v", Doc: "v", Date: refDate, Text: "Germany will send 1,000 anti-tank weapons to Ukraine."}
	evs := New().Extract(a)
	if len(evs) == 0 {
		t.Fatal("no events")
	}
	for _, e := range evs {
		if e.Extractor != Version {
			t.Errorf("extractor %q, want %q", e.Extractor, Version)
		}
		if got := a.Text[e.Evidence.Start:e.Evidence.End]; got != e.Evidence.Sentence {
			t.Errorf("evidence %q does not match its span %q", e.Evidence.Sentence, got)
		}
		if len(e.Explain) != 0 {
			t.Errorf("explain lines without WithExplain: %v", e.Explain)
		}
	}
}

// TestExplainNamesEverySlot checks that each filled slot says which rule
// filled it.
func TestExplainNamesEverySlot(t *testing.T) {
	a := &model.Article{ID: "x", Doc: "x", Date: refDate,
		Text: "Germany will send 1,000 anti-tank weapons to Ukraine on Saturday, the German government said."}
	evs := New(WithExplain(true)).Extract(a)
	if len(evs) == 0 {
		t.Fatal("no events")
	}
	e := evs[0]
	for _, slot := range []string{"trigger", "actor", "items", "targets", "status", "time", "source"} {
		found := false
		for _, w := range e.Explain {
			if len(w) > len(slot) && w[:len(slot)+1] == slot+":" {
				found = true
			}
		}
		if !found {
			t.Errorf("no %q line in %v", slot, e.Explain)
		}
	}
}

// TestScorerAgreesWithReference writes the dev corpus events as JSON lines
// and checks that eval.ScoreEvents gives the figures of the reference
// scorer shipped with the gold files.
func TestScorerAgreesWithReference(t *testing.T) {
	shared := sharedDir(t)
	py, err := exec.LookPath("python3")
	if err != nil {
		t.Skip("python3 not found; skipping the cross-check with the reference scorer")
	}
	goldPath := filepath.Join(shared, "gold", "dev.jsonl")
	script := filepath.Join(shared, "gold", "score.py")
	for _, p := range []string{goldPath, script, filepath.Join(shared, "corpus", "dev")} {
		if _, err := os.Stat(p); err != nil {
			t.Skipf("%s not found: %v", p, err)
		}
	}
	arts := readCorpus(t, filepath.Join(shared, "corpus", "dev"))
	x := New()
	var evs []model.Event
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	for _, a := range arts {
		for _, e := range x.Extract(a) {
			if !e.IsFact() {
				continue
			}
			evs = append(evs, e)
			if err := enc.Encode(&e); err != nil {
				t.Fatalf("encoding: %v", err)
			}
		}
	}
	evPath := filepath.Join(t.TempDir(), "events.jsonl")
	if err := os.WriteFile(evPath, buf.Bytes(), 0o644); err != nil {
		t.Fatalf("writing events: %v", err)
	}
	out, err := exec.Command(py, script, goldPath, evPath, "--json").Output()
	if err != nil {
		t.Fatalf("running the reference scorer: %v", err)
	}
	var ref struct {
		Overall struct {
			Precision, Recall, F1 float64
			TP, FP, FN            int
		} `json:"overall"`
		ExactShare float64 `json:"exact_share"`
	}
	if err := json.Unmarshal(out, &ref); err != nil {
		t.Fatalf("reading the reference scores: %v\n%s", err, out)
	}
	gold, err := eval.LoadGold(goldPath)
	if err != nil {
		t.Fatal(err)
	}
	got := eval.ScoreEvents(gold, evs)
	r3 := func(v float64) float64 { return math.Round(v*1000) / 1000 }
	checks := []struct {
		name      string
		ours, ref float64
	}{
		{"precision", r3(got.Overall.Precision), ref.Overall.Precision},
		{"recall", r3(got.Overall.Recall), ref.Overall.Recall},
		{"F1", r3(got.Overall.F1), ref.Overall.F1},
		{"exact share", r3(got.ExactShare), ref.ExactShare},
	}
	for _, c := range checks {
		if c.ours != c.ref {
			t.Errorf("%s: eval.ScoreEvents %.3f, reference scorer %.3f", c.name, c.ours, c.ref)
		}
	}
	if got.Overall.TP != ref.Overall.TP || got.Overall.FP != ref.Overall.FP || got.Overall.FN != ref.Overall.FN {
		t.Errorf("counts: eval.ScoreEvents tp %d fp %d fn %d, reference tp %d fp %d fn %d",
			got.Overall.TP, got.Overall.FP, got.Overall.FN, ref.Overall.TP, ref.Overall.FP, ref.Overall.FN)
	}
	if got.Overall.TP == 0 {
		t.Error("no fact matched: the comparison says nothing")
	}
}
