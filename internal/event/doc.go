// Package event reads event frames out of an article: who did what to whom,
// with which items, how many, how much, when, where, according to whom, and
// how sure the article is that it happened. It is the extraction stage of
// the pipeline, built on the mention stages before it: text (sentences and
// tokens), lexicon (entities, items, places, sources), quantity (counts and
// money) and timex (dates).
//
// Extraction is rule-based. The frames, declared as data in
// data/frames.tsv and data/triggers.tsv (read by frames.go), give for each
// event type the words that trigger it, the class of each trigger (a verb
// of doing, of promising, of claiming, a noun, a charge such as "war
// criminal", a modal of obligation) and the arguments it takes; the rest of
// the package finds those arguments around a trigger: in the dependency
// tree of the syntax stage where it names them (roles.go), else by word
// order, reads status and
// modality from the words of its clause, carries actors and sources across
// sentences, and merges repeats of one event inside an article. Every slot
// records where it came from, for --explain.
//
// Much of what news says is said in its grammar rather than its words, so
// the rules follow the grammar: the subject of a passive verb is what was
// hit, not who hit it; an apposition or relative clause between a subject
// and its verb is skipped; a definite mention ("the attack", "the
// strikes") adds to an attack already told rather than starting another;
// losses told after an attack take its sides; a claim that another party
// attacked is an accusation, and a side saying it did not attack is a
// denial; a speaker's own "we" in a quotation is the speaker's side; a
// source named by role ("the governor said") is the person the article
// names in that role. Forecasts of attacks and losses, negated and
// conditional statements are returned but are not facts
// (model.Event.IsFact), and events dated two years or more before the
// article are background and left out.
package event
