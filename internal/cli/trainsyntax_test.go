package cli

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/sitrep-project/sitrep/internal/syntax"
)

// tinySentences are short sentences written for these tests, one word a
// field FORM/LEMMA/UPOS/XPOS/HEAD/DEPREL, enough to train a small model
// in well under a second.
var tinySentences = []string{
	"The/the/DET/DT/2/det minister/minister/NOUN/NN/3/nsubj visited/visit/VERB/VBD/0/root Kyiv/Kyiv/PROPN/NNP/3/obj ././PUNCT/./3/punct",
	"Germany/Germany/PROPN/NNP/2/nsubj sent/send/VERB/VBD/0/root tanks/tank/NOUN/NNS/2/obj to/to/ADP/IN/5/case Ukraine/Ukraine/PROPN/NNP/2/obl ././PUNCT/./2/punct",
	"Officials/official/NOUN/NNS/2/nsubj said/say/VERB/VBD/0/root the/the/DET/DT/4/det talks/talk/NOUN/NNS/5/nsubj failed/fail/VERB/VBD/2/ccomp ././PUNCT/./2/punct",
	"The/the/DET/DT/2/det army/army/NOUN/NN/3/nsubj fired/fire/VERB/VBD/0/root three/three/NUM/CD/5/nummod rockets/rocket/NOUN/NNS/3/obj ././PUNCT/./3/punct",
	"Two/two/NUM/CD/2/nummod soldiers/soldier/NOUN/NNS/4/nsubj:pass were/be/AUX/VBD/4/aux:pass killed/kill/VERB/VBN/0/root ././PUNCT/./4/punct",
	"France/France/PROPN/NNP/3/nsubj will/will/AUX/MD/3/aux send/send/VERB/VB/0/root aid/aid/NOUN/NN/3/obj ././PUNCT/./3/punct",
	"The/the/DET/DT/2/det talks/talk/NOUN/NNS/3/nsubj ended/end/VERB/VBD/0/root on/on/ADP/IN/5/case Monday/Monday/PROPN/NNP/3/obl ././PUNCT/./3/punct",
	"Police/police/NOUN/NNS/2/nsubj arrested/arrest/VERB/VBD/0/root a/a/DET/DT/4/det man/man/NOUN/NN/2/obj in/in/ADP/IN/6/case Paris/Paris/PROPN/NNP/2/obl ././PUNCT/./2/punct",
	"The/the/DET/DT/2/det president/president/NOUN/NN/3/nsubj denied/deny/VERB/VBD/0/root the/the/DET/DT/5/det report/report/NOUN/NN/3/obj ././PUNCT/./3/punct",
	"Britain/Britain/PROPN/NNP/4/nsubj and/and/CCONJ/CC/3/cc France/France/PROPN/NNP/1/conj pledged/pledge/VERB/VBD/0/root money/money/NOUN/NN/4/obj ././PUNCT/./4/punct",
	"The/the/DET/DT/2/det convoy/convoy/NOUN/NN/3/nsubj reached/reach/VERB/VBD/0/root the/the/DET/DT/5/det city/city/NOUN/NN/3/obj ././PUNCT/./3/punct",
	"Rebels/rebel/NOUN/NNS/2/nsubj attacked/attack/VERB/VBD/0/root a/a/DET/DT/4/det base/base/NOUN/NN/2/obj near/near/ADP/IN/7/case the/the/DET/DT/7/det border/border/NOUN/NN/4/nmod ././PUNCT/./2/punct",
	"Spain/Spain/PROPN/NNP/4/nsubj did/do/AUX/VBD/4/aux not/not/PART/RB/4/advmod comment/comment/VERB/VB/0/root ././PUNCT/./4/punct",
	"The/the/DET/DT/2/det ministers/minister/NOUN/NNS/3/nsubj met/meet/VERB/VBD/0/root in/in/ADP/IN/5/case Brussels/Brussels/PROPN/NNP/3/obl ././PUNCT/./3/punct",
	"Italy/Italy/PROPN/NNP/2/nsubj sent/send/VERB/VBD/0/root five/five/NUM/CD/4/compound hundred/hundred/NUM/CD/5/nummod tents/tent/NOUN/NNS/2/obj ././PUNCT/./2/punct",
	"The/the/DET/DT/2/det refugees/refugee/NOUN/NNS/3/nsubj crossed/cross/VERB/VBD/0/root the/the/DET/DT/5/det river/river/NOUN/NN/3/obj ././PUNCT/./3/punct",
	"Poland/Poland/PROPN/NNP/3/nmod:poss 's/'s/PART/POS/1/case leader/leader/NOUN/NN/4/nsubj visited/visit/VERB/VBD/0/root Berlin/Berlin/PROPN/NNP/4/obj ././PUNCT/./4/punct",
	"The/the/DET/DT/2/det bridge/bridge/NOUN/NN/4/nsubj:pass was/be/AUX/VBD/4/aux:pass destroyed/destroy/VERB/VBN/0/root by/by/ADP/IN/6/case shelling/shelling/NOUN/NN/4/obl:agent ././PUNCT/./4/punct",
	"Japan/Japan/PROPN/NNP/2/nsubj promised/promise/VERB/VBD/0/root food/food/NOUN/NN/2/obj and/and/CCONJ/CC/5/cc medicine/medicine/NOUN/NN/3/conj ././PUNCT/./2/punct",
	"The/the/DET/DT/2/det government/government/NOUN/NN/3/nsubj wants/want/VERB/VBZ/0/root to/to/PART/TO/5/mark stop/stop/VERB/VB/3/xcomp the/the/DET/DT/7/det war/war/NOUN/NN/5/obj ././PUNCT/./3/punct",
	"Troops/troop/NOUN/NNS/2/nsubj left/leave/VERB/VBD/0/root the/the/DET/DT/4/det town/town/NOUN/NN/2/obj on/on/ADP/IN/6/case Friday/Friday/PROPN/NNP/2/obl ././PUNCT/./2/punct",
	"Canada/Canada/PROPN/NNP/2/nsubj sends/send/VERB/VBZ/0/root doctors/doctor/NOUN/NNS/2/obj ././PUNCT/./2/punct",
	"The/the/DET/DT/3/det new/new/ADJ/JJ/3/amod aid/aid/NOUN/NN/4/nsubj arrived/arrive/VERB/VBD/0/root yesterday/yesterday/NOUN/NN/4/obl:tmod ././PUNCT/./4/punct",
	"Sweden/Sweden/PROPN/NNP/2/nsubj gave/give/VERB/VBD/0/root Ukraine/Ukraine/PROPN/NNP/2/iobj ten/ten/NUM/CD/5/nummod guns/gun/NOUN/NNS/2/obj ././PUNCT/./2/punct",
}

// tinyFeats are the features of each Penn tag in the tiny treebank.
var tinyFeats = map[string]string{
	"NN": "Number=Sing", "NNP": "Number=Sing", "NNS": "Number=Plur", "CD": "NumForm=Word|NumType=Card",
	"VBD": "Mood=Ind|Tense=Past|VerbForm=Fin", "VBN": "Tense=Past|VerbForm=Part", "VB": "VerbForm=Inf",
	"VBZ": "Mood=Ind|Number=Sing|Person=3|Tense=Pres|VerbForm=Fin", "JJ": "Degree=Pos",
}

// tinyTreebank writes sentences (indices into tinySentences) as CoNLL-U,
// with sent_id and text comments and SpaceAfter=No before punctuation.
func tinyTreebank(t *testing.T, name string, idx []int) string {
	t.Helper()
	var b strings.Builder
	for _, i := range idx {
		fields := strings.Fields(tinySentences[i])
		rows := make([][]string, len(fields))
		for j, f := range fields {
			rows[j] = strings.Split(f, "/")
			if len(rows[j]) != 6 {
				t.Fatalf("sentence %d word %d: %q", i, j+1, f)
			}
		}
		var text strings.Builder
		for j, r := range rows {
			text.WriteString(r[0])
			if j+1 < len(rows) && rows[j+1][2] != "PUNCT" && rows[j+1][0] != "'s" {
				text.WriteByte(' ')
			}
		}
		fmt.Fprintf(&b, "# sent_id = %s-%d\n# text = %s\n", name, i+1, text.String())
		for j, r := range rows {
			feats := tinyFeats[r[3]]
			if feats == "" {
				feats = "_"
			}
			misc := "_"
			if j+1 < len(rows) && (rows[j+1][2] == "PUNCT" || rows[j+1][0] == "'s") {
				misc = "SpaceAfter=No"
			}
			fmt.Fprintf(&b, "%d\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t_\t%s\n", j+1, r[0], r[1], r[2], r[3], feats, r[4], r[5], misc)
		}
		b.WriteByte('\n')
	}
	return b.String()
}

// tinyTreebankDir writes a treebank folder as Universal Dependencies
// releases lay them out: train and dev splits, a README and a LICENSE.
func tinyTreebankDir(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	var train, dev []int
	for i := range tinySentences {
		train = append(train, i)
		if i%4 == 0 {
			dev = append(dev, i)
		}
	}
	files := map[string]string{
		"xx_tiny-ud-train.conllu": tinyTreebank(t, "train", train),
		"xx_tiny-ud-dev.conllu":   tinyTreebank(t, "dev", dev),
		"README.md":               "# Summary\n\nA tiny treebank written for sitrep's tests.\nhttps://github.com/UniversalDependencies/UD_Test-Tiny\n",
		"LICENSE.txt":             "\nAttribution-ShareAlike 4.0 International\n\n=====\n",
	}
	for name, content := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// tinyTrainArgs train quickly: few passes, two folds.
var tinyTrainArgs = []string{"--tagger-epochs", "2", "--parser-epochs", "2", "--folds", "2", "--seed", "7"}

func TestTrainSyntaxDeterministic(t *testing.T) {
	dir := tinyTreebankDir(t)
	out := t.TempDir()
	var models [2][]byte
	for i := range models {
		path := filepath.Join(out, fmt.Sprintf("m%d.model", i))
		stdout, stderr, err := runCLI(t, "", append([]string{"train", "syntax", "--ud", dir, "--out", path}, tinyTrainArgs...)...)
		if err != nil {
			t.Fatalf("%v\n%s", err, stderr)
		}
		for _, want := range []string{"xx_tiny-ud-dev.conllu: 6 sentences", "UPOS", "LAS"} {
			if !strings.Contains(stdout, want) {
				t.Errorf("output lacks the dev scores (%q):\n%s", want, stdout)
			}
		}
		for _, want := range []string{"training tagger", "training parser", "model written"} {
			if !strings.Contains(stderr, want) {
				t.Errorf("progress lacks %q:\n%s", want, stderr)
			}
		}
		if models[i], err = os.ReadFile(path); err != nil {
			t.Fatal(err)
		}
	}
	if !bytes.Equal(models[0], models[1]) {
		t.Fatalf("two trainings with the same data and seed wrote different models (%d and %d bytes)", len(models[0]), len(models[1]))
	}
	m, err := syntax.Load(bytes.NewReader(models[0]))
	if err != nil {
		t.Fatal(err)
	}
	if m.Info.Treebank != "UD_Test-Tiny, xx_tiny-ud-train.conllu" || m.Info.Licence != "CC BY-SA 4.0" || m.Info.Sentences != len(tinySentences) {
		t.Errorf("provenance %+v", m.Info)
	}
	if leftovers, _ := filepath.Glob(filepath.Join(out, ".*")); len(leftovers) > 0 {
		t.Errorf("temporary files left: %v", leftovers)
	}

	// The trained model serves parse and eval syntax through --model.
	modelPath := filepath.Join(out, "m0.model")
	text, _, err := runCLI(t, "France sent tanks to Ukraine.", "parse", "--model", modelPath, "--date", "2022-03-03", "--format", "json", "-")
	if err != nil {
		t.Fatal(err)
	}
	if a := decodeParseJSON(t, text); len(a[0].Sentences) != 1 || len(a[0].Sentences[0].Words) != 6 {
		t.Errorf("parse with the trained model: %s", text)
	}
	js, _, err := runCLI(t, "", "--json", "eval", "syntax", "--model", modelPath, filepath.Join(dir, "xx_tiny-ud-train.conllu"))
	if err != nil {
		t.Fatal(err)
	}
	var s syntax.Scores
	if err := json.Unmarshal([]byte(js), &s); err != nil {
		t.Fatal(err)
	}
	if s.Words == 0 || s.UPOS < 50 {
		t.Errorf("a model scored on its own training data: %+v", s)
	}
}

func TestTrainSyntaxJSON(t *testing.T) {
	dir := tinyTreebankDir(t)
	path := filepath.Join(t.TempDir(), "tiny.model")
	out, _, err := runCLI(t, "", append([]string{"--json", "--quiet", "train", "syntax", "--ud", dir, "--out", path, "--licence", "for tests only"}, tinyTrainArgs...)...)
	if err != nil {
		t.Fatal(err)
	}
	var res trainSyntaxOutput
	if err := json.Unmarshal([]byte(out), &res); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	if res.Out != path || res.Model.Licence != "for tests only" || res.Dev == nil || res.Dev.Words == 0 {
		t.Errorf("%+v", res)
	}
}

func TestTrainSyntaxErrors(t *testing.T) {
	noTrain := t.TempDir()
	if err := os.WriteFile(filepath.Join(noTrain, "xx_tiny-ud-dev.conllu"), []byte(tinyTreebank(t, "dev", []int{0})), 0o644); err != nil {
		t.Fatal(err)
	}
	twoTrains := tinyTreebankDir(t)
	if err := os.WriteFile(filepath.Join(twoTrains, "yy_other-ud-train.conllu"), []byte(tinyTreebank(t, "x", []int{0})), 0o644); err != nil {
		t.Fatal(err)
	}
	brokenDir := t.TempDir()
	broken := strings.Replace(tinyTreebank(t, "train", []int{0, 1}), "2\tsent\tsend", "2 sent\tsend", 1)
	if err := os.WriteFile(filepath.Join(brokenDir, "xx_tiny-ud-train.conllu"), []byte(broken), 0o644); err != nil {
		t.Fatal(err)
	}
	emptyDir := t.TempDir()
	if err := os.WriteFile(filepath.Join(emptyDir, "xx_tiny-ud-train.conllu"), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	missing := filepath.Join(t.TempDir(), "absent")
	out := filepath.Join(t.TempDir(), "m.model")
	for _, tc := range []struct {
		name string
		args []string
		want string
	}{
		{"no train split", []string{"--ud", noTrain, "--out", out}, noTrain + ": no *-ud-train.conllu"},
		{"two train splits", []string{"--ud", twoTrains, "--out", out}, "2 *-ud-train.conllu files"},
		{"missing folder", []string{"--ud", missing, "--out", out}, missing + ": no such file"},
		{"broken line", []string{"--ud", brokenDir, "--out", out}, "xx_tiny-ud-train.conllu:12:"},
		{"empty treebank", []string{"--ud", emptyDir, "--out", out}, "no sentences"},
		{"no --out", []string{"--ud", noTrain}, "--out FILE"},
		{"out in a missing folder", append([]string{"--ud", tinyTreebankDir(t), "--out", filepath.Join(missing, "m.model")}, tinyTrainArgs...), "--out"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, _, err := runCLI(t, "", append([]string{"--quiet", "train", "syntax"}, tc.args...)...)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error %v, want one saying %q", err, tc.want)
			}
		})
	}
	if _, err := os.Stat(out); err == nil {
		t.Error("a failed training wrote a model")
	}
}

func TestTreebankLicence(t *testing.T) {
	for _, tc := range []struct {
		name, readme, licence, want string
	}{
		{"readme metadata", "# Metadata\n\n```\nLicense: CC BY-SA 4.0\n```\n", "", "CC BY-SA 4.0"},
		{"licence title", "# Summary\n", "Attribution-ShareAlike 4.0 International\n", "CC BY-SA 4.0"},
		{"non-commercial", "", "Attribution-NonCommercial-ShareAlike 3.0 Unported\n", "CC BY-NC-SA 3.0"},
		{"other licence", "", "\n  GNU GENERAL PUBLIC LICENSE\n", "GNU GENERAL PUBLIC LICENSE"},
		{"readme wins", "License: CC BY 4.0\n", "Attribution-ShareAlike 4.0 International\n", "CC BY 4.0"},
		{"none", "", "", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			if tc.readme != "" {
				os.WriteFile(filepath.Join(dir, "README.md"), []byte(tc.readme), 0o644)
			}
			if tc.licence != "" {
				os.WriteFile(filepath.Join(dir, "LICENSE.txt"), []byte(tc.licence), 0o644)
			}
			if got := treebankLicence(dir); got != tc.want {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
}
