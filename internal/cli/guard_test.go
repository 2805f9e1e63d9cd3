package cli

import (
	"encoding/json"
	"path/filepath"
	"testing"

	"github.com/sitrep-project/sitrep/internal/testshared"
)

// The regression guard: extraction and merging must not fall under these
// figures. For the project's own sample corpus and merge pairs they are
// floors committed with the code (raise them when a change moves the
// figures up; a change that lowers them must say why). For the shared
// development sets they are the targets of the extraction work, where the
// extractor reaches them; dev's and kiel-dev's floors are where they stand
// until the rules rebuilt on the grammar layer reach the targets (dev F1
// 0.80, exact 0.60); kiel-dev's money slot is at its target, 0.90. The held-out tune split
// is ours and may be tuned on; its test and fresh splits are only ever
// reported, never guarded, so that no change is made to pass them.
var extractionFloors = []struct {
	name, gold, corpus string
	shared             bool
	f1, exact, recall  float64
	slots              map[string]float64
}{
	{name: "sample", gold: "examples/gold/sample.jsonl", corpus: "examples/corpus", f1: 0.82, exact: 0.62},
	{name: "heldout-tune", gold: "examples/heldout/tune.jsonl", corpus: "examples/heldout/tune", f1: 0.86, exact: 0.52},
	{name: "seeds", gold: "gold/seeds.jsonl", corpus: "corpus/seeds", shared: true, f1: 0.95, exact: 0.95},
	{name: "dev", gold: "gold/dev.jsonl", corpus: "corpus/dev", shared: true, f1: 0.76, exact: 0.55},
	{name: "kiel-dev", gold: "gold/kiel-dev.jsonl", corpus: "corpus/kiel-dev", shared: true, recall: 0.92,
		slots: map[string]float64{"qty": 0.90, "money": 0.90}},
}

// mergeFloor is merging's F1 on examples/gold/merge.jsonl.
const mergeFloor = 0.93

func TestExtractionFloors(t *testing.T) {
	root := testshared.RepoRoot()
	for _, tc := range extractionFloors {
		t.Run(tc.name, func(t *testing.T) {
			gold, corpus := filepath.Join(root, tc.gold), filepath.Join(root, tc.corpus)
			if tc.shared {
				gold, corpus = filepath.Join(testshared.Dir(t, "gold"), filepath.Base(tc.gold)), testshared.Dir(t, filepath.Dir(tc.corpus), filepath.Base(tc.corpus))
			}
			out, stderr, err := runCLI(t, "", "eval", "--json", "--gold", gold, corpus)
			if err != nil {
				t.Fatalf("eval: %v\n%s", err, stderr)
			}
			var s struct {
				Overall struct{ Recall, F1 float64 } `json:"overall"`
				Exact   float64                      `json:"exact_share"`
				Slots   map[string]float64           `json:"slots"`
			}
			if err := json.Unmarshal([]byte(out), &s); err != nil {
				t.Fatalf("eval output: %v", err)
			}
			t.Logf("%s: F1 %.3f, recall %.3f, exact %.3f", tc.name, s.Overall.F1, s.Overall.Recall, s.Exact)
			if s.Overall.F1 < tc.f1 || s.Exact < tc.exact || s.Overall.Recall < tc.recall {
				t.Errorf("%s: F1 %.3f, exact %.3f, recall %.3f: under the floor (F1 %.2f, exact %.2f, recall %.2f)",
					tc.name, s.Overall.F1, s.Exact, s.Overall.Recall, tc.f1, tc.exact, tc.recall)
			}
			for slot, floor := range tc.slots {
				if got, ok := s.Slots[slot]; !ok || got < floor {
					t.Errorf("%s: %s slot accuracy %.3f, under the floor %.2f", tc.name, slot, got, floor)
				}
			}
		})
	}
}

func TestMergeFloor(t *testing.T) {
	root := testshared.RepoRoot()
	out, stderr, err := runCLI(t, "", "eval", "merge", "--json", "--gold", filepath.Join(root, "examples", "gold", "merge.jsonl"), filepath.Join(root, "examples", "corpus"))
	if err != nil {
		t.Fatalf("eval merge: %v\n%s", err, stderr)
	}
	var s struct{ F1 float64 }
	if err := json.Unmarshal([]byte(out), &s); err != nil {
		t.Fatalf("eval merge output: %v", err)
	}
	t.Logf("merge F1 %.3f", s.F1)
	if s.F1 < mergeFloor {
		t.Errorf("merge F1 %.3f, under the floor %.2f", s.F1, mergeFloor)
	}
}
