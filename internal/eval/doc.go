// Package eval measures sitrep against gold annotations: extracted events
// against gold facts by the rules of the gold files' README (flattened
// tuples, one-to-one matching, slot accuracy), and time expressions against
// TimeML and MEANTIME gold with the TempEval-3 measures. Figures, not
// impressions, decide whether a change to the rules is an improvement.
package eval
