package syntax

import (
	"fmt"
	"github.com/sitrep-project/sitrep/internal/syntax/cluster"
	"log/slog"
	"os"
	"testing"
	"time"
)

func TestExpTagger(t *testing.T) {
	if os.Getenv("EXP") == "" {
		t.Skip()
	}
	tr, _ := readFile("/work/shared/ud/en-ewt/en_ewt-ud-train.conllu")
	dev, _ := readFile("/work/shared/ud/en-ewt/en_ewt-ud-dev.conllu")
	t0 := time.Now()
	var cl *cluster.Clusters
	if os.Getenv("CL") != "" {
		c, err := cluster.ReadCorpus(cluster.SharedSources("/work/shared")...)
		if err != nil {
			t.Fatal(err)
		}
		ncl := 0
		if e := os.Getenv("NCL"); e != "" {
			fmt.Sscan(e, &ncl)
		}
		cl, err = cluster.Train(c.Sentences, cluster.Options{Clusters: ncl})
		if err != nil {
			t.Fatal(err)
		}
		fmt.Println("clusters", time.Since(t0))
	}
	var tg *tagger
	epochs := 10
	if e := os.Getenv("EPOCHS"); e != "" {
		fmt.Sscan(e, &epochs)
	}
	if os.Getenv("ONE") != "" {
		tg = trainTagger(tr, epochs, 0, cl)
	} else {
		tg, _ = trainTaggers(tr, TrainOptions{TaggerEpochs: 10, Folds: 5, Clusters: cl}, slog.Default())
	}
	classes := map[tagClass]int{}
	for i, c := range tg.classes {
		classes[c] = i
	}
	lm := trainLemmatizer(tr, classes)
	fmt.Println("train", time.Since(t0), tg.w.features())
	sc := &scratch{tagScores: make([]float32, len(tg.classes))}
	n, ok, lok := 0, 0, 0
	for _, s := range dev {
		ws := describeWords(nil, s.Words, cl)
		tags := make([]int, len(ws))
		tg.tag(ws, tags, sc)
		for i, w := range s.Words {
			n++
			c := tg.classes[tags[i]]
			if c.UPOS == w.UPOS {
				ok++
			}
			if lm.lemma(w.Form, c.UPOS, tags[i], nil) == w.Lemma {
				lok++
			}
		}
	}
	fmt.Printf("UPOS %.2f lemma %.2f\n", 100*float64(ok)/float64(n), 100*float64(lok)/float64(n))
}

func TestExpPrune(t *testing.T) {
	if os.Getenv("EXP") == "" {
		t.Skip()
	}
	dev, _ := readFile("/work/shared/ud/en-ewt/en_ewt-ud-dev.conllu")
	m0, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	full := m0.parser.w
	for _, th := range []float32{0, 0.2, 0.5, 1, 2, 4} {
		m0.parser.w = full.pruned(th)
		pred := make([]Sentence, len(dev))
		t0 := time.Now()
		for i, s := range dev {
			ws := make([]Word, len(s.Words))
			for j, w := range s.Words {
				ws[j].Form = w.Form
			}
			m0.Annotate(ws)
			pred[i].Words = ws
		}
		el := time.Since(t0)
		sc, _ := Score(dev, pred)
		fmt.Printf("prune %.1f: %d feats %d weights, UAS %.2f LAS %.2f, %.0f w/s\n", th, m0.parser.w.features(), len(m0.parser.w.entries), sc.UAS, sc.LAS, float64(sc.Words)/el.Seconds())
	}
}
