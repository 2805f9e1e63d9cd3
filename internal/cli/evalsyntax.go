package cli

import (
	"fmt"
	"runtime"
	"time"

	"github.com/spf13/cobra"

	"github.com/sitrep-project/sitrep/internal/syntax"
)

func init() { addEvalCommand(newEvalSyntaxCmd) }

func newEvalSyntaxCmd(app *App) *cobra.Command {
	var modelPath string
	var workers int
	cmd := &cobra.Command{
		Use:   "syntax FILE.conllu",
		Short: "Score the tagger, lemmatiser and parser against a Universal Dependencies file",
		Long: `Read a CoNLL-U file of gold analyses, give the model only the gold tokens'
forms, and score its analysis against the gold with the measures of the
CoNLL 2018 shared task on gold tokens: UPOS, XPOS and lemma accuracy, UAS
and LAS (every word counts, punctuation included; LAS compares relations
without their subtypes, as the task's scorer does, and "LAS with subtypes"
compares them whole), then labelled precision, recall and F1 for the
relations event extraction leans on. --json prints the scores as one JSON
object, with every relation.

To score with the shared task's own script instead, write the analysis with
"sitrep parse --pretokenized FILE.conllu" and give both files to
conll18_ud_eval.py.`,
		Example: `  sitrep eval syntax ../shared/ud/en-ewt/en_ewt-ud-dev.conllu
  sitrep eval syntax ../shared/ud/en-pud/en_pud-ud-test.conllu --json
  sitrep eval syntax --model en-ewt.model ../shared/ud/en-ewt/en_ewt-ud-test.conllu`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if workers < 1 {
				return fmt.Errorf("--workers %d: give at least 1", workers)
			}
			gold, err := readCoNLLUFile(app, args[0])
			if err != nil {
				return err
			}
			m, err := loadSyntaxModel(modelPath)
			if err != nil {
				return err
			}
			start := time.Now()
			s, err := scoreSyntax(m, gold, workers)
			if err != nil {
				return fmt.Errorf("scoring %s: %w", args[0], err)
			}
			elapsed := time.Since(start)
			if app.JSON {
				return printJSON(app.Stdout, s)
			}
			if _, err := fmt.Fprintf(app.Stdout, "%s: %s, %s\n", args[0], counted(len(gold), "sentence"), modelName(m)); err != nil {
				return fmt.Errorf("writing: %w", err)
			}
			if _, err := fmt.Fprint(app.Stdout, s.String()); err != nil {
				return fmt.Errorf("writing: %w", err)
			}
			if !app.Quiet {
				fmt.Fprintf(app.Stderr, "annotated %s in %s (%.0f words/s, %s)\n", counted(s.Words, "word"),
					elapsed.Round(time.Millisecond), float64(s.Words)/max(elapsed.Seconds(), 1e-9), counted(workers, "worker"))
			}
			return nil
		},
	}
	cmd.Flags().StringVar(&modelPath, "model", "", "a syntax model file written by \"sitrep train syntax\" (default: the shipped model)")
	cmd.Flags().IntVar(&workers, "workers", runtime.NumCPU(), "sentences annotated at once")
	return cmd
}

// scoreSyntax annotates the forms of gold's sentences and scores the result
// against gold.
func scoreSyntax(m *syntax.Model, gold []syntax.Sentence, workers int) (syntax.Scores, error) {
	return syntax.Score(gold, annotateTokens(m, gold, workers))
}

// modelName says which model is scoring, from its provenance.
func modelName(m *syntax.Model) string {
	i := m.Info
	if i.Treebank == "" {
		return fmt.Sprintf("model trained on %d sentences", i.Sentences)
	}
	return fmt.Sprintf("model trained on %s (%d sentences)", i.Treebank, i.Sentences)
}
