package cli

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"github.com/sitrep-project/sitrep/internal/syntax"
	"github.com/sitrep-project/sitrep/internal/testshared"
)

func TestEvalSyntax(t *testing.T) {
	gold := writeFile(t, "gold.conllu", goldCoNLLU)
	out, _, err := runCLI(t, "", "eval", "syntax", gold)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"gold.conllu: 2 sentences", "words 12", "UPOS", "XPOS", "lemma", "UAS", "LAS"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	out, _, err = runCLI(t, "", "--json", "eval", "syntax", gold)
	if err != nil {
		t.Fatal(err)
	}
	var s syntax.Scores
	if err := json.Unmarshal([]byte(out), &s); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	if s.Words != 12 || s.Relations == nil {
		t.Errorf("scores %+v", s)
	}
	// Every lemma of the gold file is marked, so none can be right: the
	// model saw the forms only.
	if s.Lemma != 0 {
		t.Errorf("lemma accuracy %.2f against lemmas the model cannot know", s.Lemma)
	}
}

// TestEvalSyntaxOwnOutput scores the model against its own analysis, which
// "parse --pretokenized" writes: every measure is 100.
func TestEvalSyntaxOwnOutput(t *testing.T) {
	pred, _, err := runCLI(t, "", "parse", "--quiet", "--pretokenized", writeFile(t, "gold.conllu", goldCoNLLU))
	if err != nil {
		t.Fatal(err)
	}
	out, _, err := runCLI(t, "", "--json", "eval", "syntax", "--workers", "1", writeFile(t, "pred.conllu", pred))
	if err != nil {
		t.Fatal(err)
	}
	var s syntax.Scores
	if err := json.Unmarshal([]byte(out), &s); err != nil {
		t.Fatal(err)
	}
	if s.UPOS != 100 || s.XPOS != 100 || s.Lemma != 100 || s.UAS != 100 || s.LAS != 100 || s.LASFull != 100 {
		t.Errorf("the model disagrees with its own output: %+v", s)
	}
}

func TestEvalSyntaxErrors(t *testing.T) {
	broken := strings.Replace(goldCoNLLU, "5\ttanks\tGOLDtank\tNOUN", "5\ttanks\tGOLDtank NOUN", 1)
	for _, tc := range []struct {
		name string
		args []string
		want string
	}{
		{"broken line", []string{writeFile(t, "gold.conllu", broken)}, "gold.conllu:9:"},
		{"missing file", []string{filepath.Join(t.TempDir(), "absent.conllu")}, "absent.conllu"},
		{"empty file", []string{writeFile(t, "empty.conllu", "")}, "no sentences"},
		{"no file", nil, "accepts 1 arg"},
		{"missing model", []string{"--model", filepath.Join(t.TempDir(), "none.model"), writeFile(t, "gold.conllu", goldCoNLLU)}, "none.model"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, _, err := runCLI(t, "", append([]string{"eval", "syntax"}, tc.args...)...)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error %v, want one saying %q", err, tc.want)
			}
		})
	}
}

// TestEvalSyntaxShared scores the shipped model on the EWT dev split when
// the shared data is present; it checks the scorer runs on a real
// treebank, not the model's accuracy, which its own tests watch.
func TestEvalSyntaxShared(t *testing.T) {
	if testing.Short() {
		t.Skip("parses a whole treebank split")
	}
	path := filepath.Join(testshared.Dir(t, "ud", "en-ewt"), "en_ewt-ud-dev.conllu")
	out, _, err := runCLI(t, "", "--json", "eval", "syntax", path)
	if err != nil {
		t.Fatal(err)
	}
	var s syntax.Scores
	if err := json.Unmarshal([]byte(out), &s); err != nil {
		t.Fatal(err)
	}
	if s.Words < 20000 || s.UPOS <= 0 || s.LAS <= 0 {
		t.Errorf("%+v", s)
	}
}
