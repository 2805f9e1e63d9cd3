package cluster

import (
	"encoding/json"
	"fmt"
	"html"
	"os"
	"path/filepath"
	"regexp"
	"strings"

	"github.com/sitrep-project/sitrep/internal/text"
)

// Corpus is raw training text read into memory, ready to be cut into
// sentences by the project's tokeniser as Train iterates over it. Reading
// every file up front means a missing or malformed file is an error from
// ReadCorpus, not something the iteration would have to smuggle out; the
// text is a few tens of megabytes, and tokenising lazily keeps the tokens,
// several times larger, out of memory.
type Corpus struct {
	// texts are documents of raw text; treebank sentences are already
	// tokenised, by their annotators.
	texts    []string
	treebank [][]string
}

// SharedSources returns the sources the syntax models' clusters are
// trained on, under the shared data folder: the Reuters-21578 newswire, the
// 2022 news articles, and the training split of the English Web Treebank,
// whose word forms show the tokenisation and the web genres the tagger is
// trained on. It names no held-out text (EWT dev and test, PUD, the
// extraction dev corpora), so the clusters cannot leak them into scores.
func SharedSources(shared string) []string {
	return []string{
		filepath.Join(shared, "bench", "reuters21578"),
		filepath.Join(shared, "corpus", "news-2022"),
		filepath.Join(shared, "ud", "en-ewt", "en_ewt-ud-train.conllu"),
	}
}

// heldOut matches the names of treebank files that are evaluation data.
var heldOut = regexp.MustCompile(`(?i)(-dev|-test|pud)`)

// ReadCorpus reads raw text for Train from files and folders. A folder
// stands for its *.json and *.txt files. By name, a file is
//
//   - *.json: a JSON array of Reuters-21578 stories, of which the title and
//     body are read (HTML entities decoded, the "Reuter" sign-off dropped);
//   - *.txt: an article in the seed format, whose first line "date
//     YYYY-MM-DD" is dropped while the headline after it on that line is kept;
//   - *.conllu: a treebank, of which the word forms (the second column of
//     the word lines) are read as already tokenised sentences. A name with
//     "dev", "test" or "pud" in it is refused: clusters learnt from held-out
//     sentences would flatter the scores measured on them.
func ReadCorpus(paths ...string) (*Corpus, error) {
	c := &Corpus{}
	for _, p := range paths {
		info, err := os.Stat(p)
		if err != nil {
			return nil, fmt.Errorf("cluster: %w", err)
		}
		files := []string{p}
		if info.IsDir() {
			files = nil
			for _, pattern := range []string{"*.json", "*.txt"} {
				m, err := filepath.Glob(filepath.Join(p, pattern))
				if err != nil {
					return nil, fmt.Errorf("cluster: %w", err)
				}
				files = append(files, m...)
			}
			if len(files) == 0 {
				return nil, fmt.Errorf("cluster: no *.json or *.txt files in %s", p)
			}
		}
		for _, f := range files {
			if err := c.readFile(f); err != nil {
				return nil, fmt.Errorf("cluster: %s: %w", f, err)
			}
		}
	}
	return c, nil
}

func (c *Corpus) readFile(name string) error {
	ext := filepath.Ext(name)
	if ext == ".conllu" && heldOut.MatchString(filepath.Base(name)) {
		return fmt.Errorf("refusing held-out treebank text")
	}
	b, err := os.ReadFile(name)
	if err != nil {
		return err
	}
	switch ext {
	case ".json":
		var stories []struct{ Title, Body string }
		if err := json.Unmarshal(b, &stories); err != nil {
			return err
		}
		for _, s := range stories {
			body := strings.TrimRight(html.UnescapeString(s.Body), " \t\r\n\x03")
			body = strings.TrimSuffix(strings.TrimSuffix(body, "Reuter"), "REUTER")
			// The blank line keeps the headline, which has no full
			// stop, from running into the first sentence.
			c.texts = append(c.texts, html.UnescapeString(s.Title)+"\n\n"+body)
		}
	case ".txt":
		s := string(b)
		if rest, ok := strings.CutPrefix(s, "date "); ok && len(rest) >= 10 {
			s = rest[10:]
		}
		c.texts = append(c.texts, s)
	case ".conllu":
		var sent []string
		for line := range strings.Lines(string(b)) {
			line = strings.TrimRight(line, "\r\n")
			if line == "" {
				if len(sent) > 0 {
					c.treebank = append(c.treebank, sent)
					sent = nil
				}
				continue
			}
			if line[0] == '#' {
				continue
			}
			cols := strings.SplitN(line, "\t", 3)
			if len(cols) < 3 {
				return fmt.Errorf("malformed line %q", line)
			}
			// Multiword tokens (1-2) repeat their words' forms, and
			// empty nodes (1.1) have none in the text.
			if strings.ContainsAny(cols[0], "-.") {
				continue
			}
			sent = append(sent, cols[1])
		}
		if len(sent) > 0 {
			c.treebank = append(c.treebank, sent)
		}
	default:
		return fmt.Errorf("unknown kind of file (want .json, .txt or .conllu)")
	}
	return nil
}

// Sentences yields every sentence of the corpus as tokens, the raw texts
// cut by text.Sentences. The slice is reused between sentences. Its type is
// what Train takes, so a caller passes c.Sentences.
func (c *Corpus) Sentences(yield func([]string) bool) {
	for _, sent := range c.treebank {
		if !yield(sent) {
			return
		}
	}
	var toks []string
	for _, doc := range c.texts {
		for _, s := range text.Sentences(doc) {
			toks = toks[:0]
			for _, t := range s.Tokens {
				toks = append(toks, t.Text)
			}
			if !yield(toks) {
				return
			}
		}
	}
}
