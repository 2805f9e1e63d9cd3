// Package syntax is sitrep's grammar layer: for every sentence it gives each
// token a universal part of speech (UPOS) and a Penn tag (XPOS), a lemma,
// the morphological features extraction reads (tense, number, verb form,
// polarity), and a labelled dependency tree with Universal Dependencies v2
// relations.
//
// Three models do the work, all learnt by this package's own training code
// from the English Web Treebank and shipped as one compact data file that
// the binary embeds:
//
//   - a tagger: an averaged perceptron that reads the sentence left to right,
//     predicting UPOS and XPOS together from the words around each token,
//     their shapes and affixes, and the tags already given;
//   - a lemmatiser: a table of forms seen in the treebank, and for unseen
//     forms the suffix rewrite most often seen with the same tag and ending;
//   - a parser: a greedy arc-eager transition system whose averaged
//     perceptron scores transitions and labels together, trained with a
//     dynamic oracle so that it learns to recover from its own mistakes.
//
// Greedy decoding over sparse hashed features keeps parsing linear in the
// sentence and cheap: one pass, the model loaded once and shared read-only by
// every worker, scratch buffers reused from a pool.
package syntax
