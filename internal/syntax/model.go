package syntax

import (
	"fmt"
	"github.com/sitrep-project/sitrep/internal/syntax/cluster"
	"log/slog"
	"sync"
)

// Model is a trained tagger, lemmatiser and parser. It is read-only once
// built, so one Model serves every goroutine.
type Model struct {
	tagger *tagger
	lemmas *lemmatizer
	parser *parser
	// Info says where the model came from.
	Info Info

	// tag class ids of the punct relation's usual words and the labels
	// used to finish a tree, found once.
	punctLabel, parataxisLabel int
	punctClass                 []bool

	pool sync.Pool

	// byLemma indexes the lemmatiser's forms by lemma for Forms, one
	// universal tag at a time, each built when Forms is first asked for
	// it: extraction asks for verbs and nouns only, and building the
	// index of every tag was a tenth of the start of a command reading
	// one article.
	formsMu sync.Mutex
	byLemma map[string]map[string][]string
}

// Info is the provenance of a model, kept in its file.
type Info struct {
	Treebank  string `json:"treebank"`
	Licence   string `json:"licence"`
	Sentences int    `json:"sentences"`
	Words     int    `json:"words"`
	Trainer   string `json:"trainer"`
}

// scratch is the per-call working memory of Annotate, pooled so that
// parsing allocates nothing per word once warm.
type scratch struct {
	ws          []wordInfo
	tags        []int
	first       []int
	feats       []feature
	tagScores   []float32 // 256 long: see weights.score
	parseScores []float32
	cfg         config
	view        sentenceView
	buf         []byte
}

func (m *Model) init() {
	m.punctLabel, m.parataxisLabel = -1, -1
	for i, l := range m.parser.labels {
		switch l {
		case "punct":
			m.punctLabel = i
		case "parataxis":
			m.parataxisLabel = i
		}
	}
	if m.punctLabel < 0 {
		m.punctLabel = 0
	}
	if m.parataxisLabel < 0 {
		m.parataxisLabel = 0
	}
	m.punctClass = make([]bool, len(m.tagger.classes))
	for i, c := range m.tagger.classes {
		m.punctClass[i] = c.UPOS == "PUNCT"
	}
	m.pool.New = func() any {
		return &scratch{
			tagScores:   make([]float32, 256),
			parseScores: make([]float32, 256),
			buf:         make([]byte, 0, 64),
		}
	}
}

// Annotate tags, lemmatises and parses one sentence in place: each word
// needs its Form; UPOS, XPOS, Lemma, Feats, Head and Deprel are set.
func (m *Model) Annotate(words []Word) {
	n := len(words)
	if n == 0 {
		return
	}
	sc := m.pool.Get().(*scratch)
	defer m.pool.Put(sc)
	tags := m.tagInto(words, sc)
	v := &sc.view
	v.reset()
	for i := range words {
		v.add(&sc.ws[i], tags[i])
	}
	v.addRoot()
	m.parser.parse(&sc.cfg, v, n, sc)
	sc.cfg.finish(tags, func(c int) bool { return m.punctClass[c] }, m.punctLabel, m.parataxisLabel)
	for i := range words {
		w := &words[i]
		w.ID = i + 1
		w.Head = sc.cfg.heads[i+1]
		if l := sc.cfg.labels[i+1]; w.Head == 0 {
			w.Deprel = "root"
		} else {
			w.Deprel = m.parser.labels[l]
		}
	}
}

// TrainOptions set how a model is trained; zero values take the defaults.
type TrainOptions struct {
	TaggerEpochs int // passes over the treebank for the tagger (default 15)
	ParserEpochs int // passes for the parser (default 15)
	Folds        int // jackknife folds giving the parser predicted tags (default 5)
	// Prune drops parser weights whose averaged magnitude is under it
	// (default 0.5): most features are seen once or twice and their small
	// weights cost memory and cache misses for next to no accuracy.
	Prune    float64
	Seed     uint64 // shuffling seed; the same seed and data give the same model
	Treebank string // name of the treebank, kept in Info
	Licence  string // its licence, kept in Info
	// Clusters are distributional word clusters learnt from raw text
	// (package cluster); the model keeps them. Nil trains without.
	Clusters *cluster.Clusters
	Log      *slog.Logger
}

// Train learns a model from a treebank's training sentences. The parser is
// trained on tags predicted by taggers that did not see the sentence
// (jackknifing), so that it learns to live with the tagger's mistakes.
func Train(sents []Sentence, opt TrainOptions) (*Model, error) {
	if len(sents) == 0 {
		return nil, fmt.Errorf("no training sentences")
	}
	if opt.TaggerEpochs <= 0 {
		opt.TaggerEpochs = 15
	}
	if opt.Prune <= 0 {
		opt.Prune = 0.5
	}
	if opt.ParserEpochs <= 0 {
		opt.ParserEpochs = 15
	}
	if opt.Folds <= 1 {
		opt.Folds = 5
	}
	log := opt.Log
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	words := 0
	for _, s := range sents {
		words += len(s.Words)
	}
	tg, predicted := trainTaggers(sents, opt, log)
	classes := map[tagClass]int{}
	for i, c := range tg.classes {
		classes[c] = i
	}
	lm := trainLemmatizer(sents, classes)

	labelIndex := map[string]int{}
	var labels []string
	for _, s := range sents {
		for _, w := range s.Words {
			if w.Head == 0 {
				continue
			}
			if _, ok := labelIndex[w.Deprel]; !ok {
				labelIndex[w.Deprel] = len(labels)
				labels = append(labels, w.Deprel)
			}
		}
	}
	if len(labels) > 64 {
		return nil, fmt.Errorf("%d relations: the parser keeps label sets in 64 bits", len(labels))
	}
	ex := make([]parseExample, 0, len(sents))
	for i, s := range sents {
		n := len(s.Words)
		heads := make([]int, n+2)
		labs := make([]int, n+2)
		x := parseExample{}
		x.view.reset()
		for j, w := range s.Words {
			heads[j+1] = w.Head
			labs[j+1] = labelIndex[w.Deprel]
			wi := describe(w.Form, j == 0, opt.Clusters)
			x.view.add(&wi, predicted[i][j])
		}
		x.view.addRoot()
		heads[0], heads[n+1] = -1, -1
		x.heads = rootLast(projectivize(heads[:n+1]))
		x.labels = labs
		ex = append(ex, x)
	}
	log.Info("training parser", "labels", len(labels), "epochs", opt.ParserEpochs)
	ps := trainParser(ex, labels, opt.ParserEpochs, opt.Seed, opt.Prune, func(e int) {
		log.Info("parser epoch done", "epoch", e, "of", opt.ParserEpochs)
	})
	m := &Model{tagger: tg, lemmas: lm, parser: ps, Info: Info{
		Treebank: opt.Treebank, Licence: opt.Licence, Sentences: len(sents), Words: words,
		Trainer: fmt.Sprintf("sitrep syntax: tagger %d epochs, parser %d epochs, %d jackknife folds, prune %g, seed %d, %d word clusters",
			opt.TaggerEpochs, opt.ParserEpochs, opt.Folds, opt.Prune, opt.Seed, opt.Clusters.Len()),
	}}
	m.init()
	return m, nil
}

// rootWord is the hash the root is read as by the parser's features.
var rootWord = hashString("\x00root", false)

// reset empties the view and puts the unused word 0 in place.
func (v *sentenceView) reset() {
	v.word, v.tag, v.suf = append(v.word[:0], 0), append(v.tag[:0], 0), append(v.suf[:0], 0)
	v.cl, v.cl6 = append(v.cl[:0], 0), append(v.cl6[:0], 0)
}

// add appends a word with its tag class.
func (v *sentenceView) add(wi *wordInfo, tag int) {
	v.word = append(v.word, wi.lower)
	v.tag = append(v.tag, uint64(tag+2))
	v.suf = append(v.suf, wi.suf[2])
	v.cl = append(v.cl, wi.clusters[3])
	v.cl6 = append(v.cl6, wi.clusters[1])
}

// addRoot appends the root after the last word.
func (v *sentenceView) addRoot() {
	v.word, v.tag, v.suf = append(v.word, rootWord), append(v.tag, 1), append(v.suf, 1)
	v.cl, v.cl6 = append(v.cl, 1), append(v.cl6, 1)
}

// rootLast turns heads indexed 0..n with 0 for the root into heads indexed
// 0..n+1 with the root at n+1, as the parser reads them.
func rootLast(heads []int) []int {
	n := len(heads) - 1
	out := make([]int, n+2)
	out[0], out[n+1] = -1, -1
	for i := 1; i <= n; i++ {
		out[i] = heads[i]
		if heads[i] == 0 {
			out[i] = n + 1
		}
	}
	return out
}

// trainTaggers learns the tagger on all sentences, and jackknife taggers,
// each on all folds but one, which tag the fold they did not see. Those
// tags are what the parser learns from, since they make the mistakes a
// tagger makes on unseen text. (A second tagging pass reading the first
// pass's tags ahead was tried and gained nothing on EWT dev.)
func trainTaggers(sents []Sentence, opt TrainOptions, log *slog.Logger) (*tagger, [][]int) {
	log.Info("training tagger", "sentences", len(sents), "epochs", opt.TaggerEpochs)
	tg := trainTagger(sents, opt.TaggerEpochs, opt.Seed, opt.Clusters)
	classes := map[tagClass]int{}
	for i, c := range tg.classes {
		classes[c] = i
	}
	predicted := make([][]int, len(sents))
	var wg sync.WaitGroup
	sem := make(chan struct{}, 2)
	for k := 0; k < opt.Folds; k++ {
		wg.Add(1)
		go func(k int) {
			defer wg.Done()
			sem <- struct{}{}
			defer func() { <-sem }()
			var rest []Sentence
			for i, s := range sents {
				if i%opt.Folds != k {
					rest = append(rest, s)
				}
			}
			ft := trainTagger(rest, opt.TaggerEpochs, opt.Seed+uint64(k)+1, opt.Clusters)
			sc := &scratch{tagScores: make([]float32, 256)}
			for i := k; i < len(sents); i += opt.Folds {
				ws := describeWords(nil, sents[i].Words, opt.Clusters)
				tags := make([]int, len(ws))
				ft.tag(ws, tags, sc)
				// Map the fold tagger's classes to the full tagger's.
				for j, t := range tags {
					if c, ok := classes[ft.classes[t]]; ok {
						tags[j] = c
					} else {
						tags[j] = 0
					}
				}
				predicted[i] = tags // each goroutine writes its own indices
			}
			log.Info("jackknife fold tagged", "fold", k+1, "of", opt.Folds)
		}(k)
	}
	wg.Wait()
	return tg, predicted
}

// Tag tags and lemmatises one sentence in place, without parsing it: each
// word needs its Form; UPOS, XPOS, Lemma and Feats are set. It costs a
// fifth of Annotate, for a caller that needs the words' classes alone.
func (m *Model) Tag(words []Word) {
	if len(words) == 0 {
		return
	}
	sc := m.pool.Get().(*scratch)
	defer m.pool.Put(sc)
	m.tagInto(words, sc)
}

// tagInto tags and lemmatises words with the scratch given, leaving the
// words' descriptions in sc.ws, and returns their tag classes.
func (m *Model) tagInto(words []Word, sc *scratch) []int {
	n := len(words)
	sc.ws = sc.ws[:0]
	for i := range words {
		sc.ws = append(sc.ws, describe(words[i].Form, i == 0, m.tagger.clusters))
	}
	if cap(sc.tags) < n {
		sc.tags = make([]int, n)
	}
	tags := sc.tags[:n]
	m.tagger.tag(sc.ws, tags, sc)
	for i := range words {
		w := &words[i]
		c := m.tagger.classes[tags[i]]
		w.ID, w.UPOS, w.XPOS = i+1, c.UPOS, c.XPOS
		w.Lemma = m.lemmas.lemma(w.Form, c.UPOS, tags[i], sc.buf)
		w.Feats = m.lemmas.features(w.Form, tags[i], sc.buf)
	}
	return tags
}
