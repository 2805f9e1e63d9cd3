package cli

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/sitrep-project/sitrep/internal/syntax"
	"github.com/sitrep-project/sitrep/internal/syntax/cluster"
)

func init() {
	addCommand(newTrainCmd)
	addTrainCommand(newTrainSyntaxCmd)
}

// trainSubcommands holds the constructors of the "sitrep train"
// subcommands, one per trainable model; each model's file adds its own from
// an init function with addTrainCommand.
var trainSubcommands []func(*App) *cobra.Command

func addTrainCommand(f func(*App) *cobra.Command) { trainSubcommands = append(trainSubcommands, f) }

func newTrainCmd(app *App) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "train",
		Short: "Train one of sitrep's statistical models from annotated data",
		Long: `Train a model from annotated data and write it to a file that the commands
using it load with --model. "train syntax" trains the tagger, lemmatiser and
parser of the syntax stage on a Universal Dependencies treebank.`,
	}
	for _, f := range trainSubcommands {
		cmd.AddCommand(f(app))
	}
	return cmd
}

// trainSyntaxOutput is what "sitrep train syntax --json" prints.
type trainSyntaxOutput struct {
	Out   string         `json:"out"`
	Model syntax.Info    `json:"model"`
	Dev   *syntax.Scores `json:"dev,omitempty"`
}

func newTrainSyntaxCmd(app *App) *cobra.Command {
	var dir, out, treebank, licence string
	var corpus []string
	var opt syntax.TrainOptions
	cmd := &cobra.Command{
		Use:   "syntax --ud DIR --out FILE",
		Short: "Train the tagger, lemmatiser and parser on a Universal Dependencies treebank",
		Long: `Train the syntax stage's models (see "sitrep parse") on the training split of
a Universal Dependencies treebank: DIR must hold one *-ud-train.conllu file,
as the treebank's release folders do. The tagger and lemmatiser learn from
the gold words; the parser is trained on tags predicted by taggers that did
not see the sentence (--folds jackknife folds), so that it learns to live
with the tagger's mistakes. Progress is logged to standard error.

Before that, words are grouped into distributional clusters learnt from raw
text (--clusters-from: files and folders of Reuters-style JSON, seed-format
articles or CoNLL-U training files; by default the Reuters-21578 stories,
the news-2022 articles and the treebank's train split in the shared data
folder two levels above DIR). The clusters let the models generalise to
words the treebank never shows ("Kharkiv" behaves like the cities it has
seen). --clusters-from none trains without them.

The model is written to FILE (to a temporary file first, renamed when
complete) with its provenance: the treebank's name and its licence, read
from DIR/README.md ("License: ..." in the treebank's metadata) or the first
lines of DIR/LICENSE.txt, and the training settings. When DIR also holds a
*-ud-dev.conllu file, the new model is scored on it (see "sitrep eval
syntax"). Training is deterministic: the same data, settings and --seed give
the same bytes.

To ship the model, copy FILE over internal/syntax/data/en-ewt.model and
rebuild.`,
		Example: `  sitrep train syntax --ud ../shared/ud/en-ewt --out en-ewt.model
  sitrep train syntax --ud ../shared/ud/en-ewt --out quick.model --tagger-epochs 3 --parser-epochs 3 --folds 2
  sitrep eval syntax --model en-ewt.model ../shared/ud/en-ewt/en_ewt-ud-test.conllu`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if dir == "" || out == "" {
				return fmt.Errorf("give the treebank folder with --ud DIR and the model file to write with --out FILE")
			}
			if opt.TaggerEpochs < 0 || opt.ParserEpochs < 0 || opt.Folds < 0 {
				return fmt.Errorf("--tagger-epochs, --parser-epochs and --folds must not be negative")
			}
			// Training takes minutes: find out now that the model can be written.
			if info, err := os.Stat(filepath.Dir(out)); err != nil || !info.IsDir() {
				return fmt.Errorf("--out %s: no folder %s to write it in", out, filepath.Dir(out))
			}
			trainPath, err := findTreebankSplit(dir, "train")
			if err != nil {
				return err
			}
			if trainPath == "" {
				return fmt.Errorf("%s: no *-ud-train.conllu file; give a Universal Dependencies treebank folder", dir)
			}
			devPath, err := findTreebankSplit(dir, "dev")
			if err != nil {
				return err
			}
			log := app.Log
			log.Info("reading treebank", "file", trainPath)
			train, err := readCoNLLUFile(app, trainPath)
			if err != nil {
				return err
			}
			opt.Treebank, opt.Licence = treebank, licence
			if opt.Treebank == "" {
				opt.Treebank = treebankName(dir, trainPath)
			}
			if opt.Licence == "" {
				opt.Licence = treebankLicence(dir)
				if opt.Licence == "" {
					log.Warn("no licence found in README.md or LICENSE.txt; give it with --licence", "dir", dir)
				}
			}
			opt.Log = log
			start := time.Now()
			if len(corpus) == 0 {
				// The shared sources that are there: a treebank outside
				// the shared folder learns its clusters from itself.
				for _, p := range cluster.SharedSources(filepath.Join(dir, "..", "..")) {
					if _, err := os.Stat(p); err == nil && !strings.HasSuffix(p, ".conllu") {
						corpus = append(corpus, p)
					}
				}
				corpus = append(corpus, trainPath)
			}
			if !(len(corpus) == 1 && corpus[0] == "none") {
				log.Info("reading raw text for word clusters", "paths", corpus)
				raw, err := cluster.ReadCorpus(corpus...)
				if err != nil {
					return fmt.Errorf("reading raw text for word clusters: %w", err)
				}
				cl, err := cluster.Train(raw.Sentences, cluster.Options{Seed: opt.Seed})
				if err != nil {
					return fmt.Errorf("learning word clusters: %w", err)
				}
				log.Info("word clusters learnt", "words", cl.Len(), "clusters", cl.NumClusters())
				opt.Clusters = cl
			}
			m, err := syntax.Train(train, opt)
			if err != nil {
				return fmt.Errorf("training on %s: %w", trainPath, err)
			}
			log.Info("trained", "treebank", opt.Treebank, "licence", opt.Licence, "elapsed", time.Since(start).Round(time.Second))
			if err := saveSyntaxModel(m, out); err != nil {
				return err
			}
			log.Info("model written", "file", out)
			res := trainSyntaxOutput{Out: out, Model: m.Info}
			if devPath != "" {
				dev, err := readCoNLLUFile(app, devPath)
				if err != nil {
					return err
				}
				s, err := scoreSyntax(m, dev, runtime.NumCPU())
				if err != nil {
					return fmt.Errorf("scoring %s: %w", devPath, err)
				}
				res.Dev = &s
				if !app.JSON {
					if _, err := fmt.Fprintf(app.Stdout, "%s: %s\n%s", devPath, counted(len(dev), "sentence"), s.String()); err != nil {
						return fmt.Errorf("writing: %w", err)
					}
				}
			}
			if app.JSON {
				return printJSON(app.Stdout, res)
			}
			return nil
		},
	}
	fl := cmd.Flags()
	fl.StringVar(&dir, "ud", "", "the treebank folder, holding *-ud-train.conllu (and *-ud-dev.conllu to score)")
	fl.StringVar(&out, "out", "", "the model file to write")
	fl.IntVar(&opt.TaggerEpochs, "tagger-epochs", 0, "passes over the treebank for the tagger (0: the default, 15)")
	fl.IntVar(&opt.ParserEpochs, "parser-epochs", 0, "passes over the treebank for the parser (0: the default, 15)")
	fl.Float64Var(&opt.Prune, "prune", 0, "drop parser weights under this magnitude (0: the default, 0.5); higher is smaller and faster, lower more accurate")
	fl.IntVar(&opt.Folds, "folds", 0, "jackknife folds giving the parser predicted tags (0: the default, 5)")
	fl.Uint64Var(&opt.Seed, "seed", 0, "shuffling seed; the same data and seed give the same model")
	fl.StringVar(&treebank, "treebank", "", "the treebank's name to record (default: from DIR)")
	fl.StringSliceVar(&corpus, "clusters-from", nil, "raw text to learn word clusters from (default: the shared Reuters and news corpora and the train split; none: no clusters)")
	fl.StringVar(&licence, "licence", "", "the treebank's licence to record (default: from DIR/README.md or DIR/LICENSE.txt)")
	return cmd
}

// findTreebankSplit returns the one *-ud-SPLIT.conllu file of dir, or ""
// when there is none. A missing folder or two candidates are errors.
func findTreebankSplit(dir, split string) (string, error) {
	info, err := os.Stat(dir)
	if err != nil {
		return "", fmt.Errorf("--ud %s: %w", dir, describePathError(err))
	}
	if !info.IsDir() {
		return "", fmt.Errorf("--ud %s: not a folder; give the treebank's folder", dir)
	}
	found, err := filepath.Glob(filepath.Join(dir, "*-ud-"+split+".conllu"))
	if err != nil {
		return "", fmt.Errorf("--ud %s: %w", dir, err)
	}
	switch len(found) {
	case 0:
		return "", nil
	case 1:
		return found[0], nil
	}
	return "", fmt.Errorf("%s: %d *-ud-%s.conllu files (%s); give a folder with one", dir, len(found), split, strings.Join(found, ", "))
}

// describePathError drops the path from a file system error, which the
// caller names itself.
func describePathError(err error) error {
	if pe, ok := err.(*os.PathError); ok {
		return pe.Err
	}
	return err
}

// udRepo finds a Universal Dependencies repository name such as
// UD_English-EWT in a treebank's README.
var udRepo = regexp.MustCompile(`UniversalDependencies/(UD_[A-Za-z0-9_-]+)`)

// treebankName names a treebank by its repository, as its README gives it,
// and its training file: "UD_English-EWT, en_ewt-ud-train.conllu".
func treebankName(dir, trainPath string) string {
	file := filepath.Base(trainPath)
	for _, l := range headLines(filepath.Join(dir, "README.md"), 20) {
		if m := udRepo.FindStringSubmatch(l); m != nil {
			return m[1] + ", " + file
		}
	}
	if abs, err := filepath.Abs(dir); err == nil {
		return filepath.Base(abs) + ", " + file
	}
	return file
}

// treebankLicence reads a treebank's licence: the "License:" line of the
// metadata in its README.md, else the title of its LICENSE.txt, shortened
// to the usual name for Creative Commons licences. It returns "" when
// neither says.
func treebankLicence(dir string) string {
	for _, l := range headLines(filepath.Join(dir, "README.md"), 1000) {
		if v, ok := strings.CutPrefix(strings.TrimSpace(l), "License:"); ok && strings.TrimSpace(v) != "" {
			return strings.TrimSpace(v)
		}
	}
	for _, name := range []string{"LICENSE.txt", "LICENSE", "LICENSE.md"} {
		for _, l := range headLines(filepath.Join(dir, name), 5) {
			if l = strings.TrimSpace(l); l != "" {
				return ccName(l)
			}
		}
	}
	return ""
}

// ccName shortens a Creative Commons licence title ("Attribution-ShareAlike
// 4.0 International") to its usual name ("CC BY-SA 4.0"); other titles are
// returned as they are, cut to a line's length.
func ccName(title string) string {
	parts := strings.Fields(title)
	if len(parts) >= 2 && strings.HasPrefix(parts[0], "Attribution") {
		elems := map[string]string{"Attribution": "BY", "NonCommercial": "NC", "ShareAlike": "SA", "NoDerivatives": "ND", "NoDerivs": "ND"}
		code := []string{}
		for _, e := range strings.Split(parts[0], "-") {
			c, ok := elems[e]
			if !ok {
				code = nil
				break
			}
			code = append(code, c)
		}
		if code != nil {
			return "CC " + strings.Join(code, "-") + " " + parts[1]
		}
	}
	if len(title) > 100 {
		title = title[:100]
	}
	return title
}

// headLines returns up to n first lines of a file, none when it cannot be read.
func headLines(path string, n int) []string {
	f, err := os.Open(path)
	if err != nil {
		return nil
	}
	defer f.Close()
	var lines []string
	sc := bufio.NewScanner(f)
	for len(lines) < n && sc.Scan() {
		lines = append(lines, sc.Text())
	}
	return lines
}

// saveSyntaxModel writes m to path through a temporary file in the same
// folder, so that a failed or interrupted write leaves no partial model.
func saveSyntaxModel(m *syntax.Model, path string) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*")
	if err != nil {
		return fmt.Errorf("--out: %w", err)
	}
	fail := func(err error) error {
		tmp.Close()
		os.Remove(tmp.Name())
		return fmt.Errorf("writing %s: %w", path, err)
	}
	bw := bufio.NewWriter(tmp)
	if err := m.Save(bw); err != nil {
		return fail(err)
	}
	if err := bw.Flush(); err != nil {
		return fail(err)
	}
	if err := tmp.Chmod(0o644); err != nil {
		return fail(err)
	}
	if err := tmp.Close(); err != nil {
		os.Remove(tmp.Name())
		return fmt.Errorf("writing %s: %w", path, err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		os.Remove(tmp.Name())
		return fmt.Errorf("writing %s: %w", path, err)
	}
	return nil
}
