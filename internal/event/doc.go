// Package event reads event frames out of an article: who did what to whom,
// with which items, how many, how much, when, where, according to whom, and
// how sure the article is that it happened. It is the extraction stage of
// the pipeline, built on the mention stages before it: text (sentences and
// tokens), lexicon (entities, items, places, sources), quantity (counts and
// money) and timex (dates).
//
// Extraction is rule-based. The frames in frames.go declare, for each event
// type, the words that trigger it and the arguments it takes; the rest of
// the package finds those arguments around a trigger, reads status and
// modality from the words of its clause, carries actors and sources across
// sentences, and merges repeats of one event inside an article. Every slot
// records where it came from, for --explain.
package event
