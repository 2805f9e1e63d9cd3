package event

import (
	"fmt"
	"sort"
	"strings"
)

// The rules' word lists (cue words, verb forms, function words a rule
// looks for) live in data/words.tsv, one named set a purpose, so that a
// list is read and extended in one place and shared by every rule that
// needs it. A package-level variable takes each set by name:
//
//	var negators = words("negators")
//
// The file is read once, before any such variable is set. A malformed file,
// a set the code asks for that the file lacks, and a set in the file that
// no code asks for are build errors: the package panics at init, and every
// test fails with the reason.

// wordFile is the embedded file of word sets.
const wordFile = "data/words.tsv"

// wordSets holds the sets of wordFile: each set's words in file order.
var wordSets = mustWords()

// wordsAsked records the sets the code has taken, for the check at init
// that the file holds no set nobody reads.
var wordsAsked = map[string]bool{}

// words returns the named set of wordFile as a lookup table.
func words(set string) map[string]bool {
	ws, ok := wordSets[set]
	if !ok {
		panic(fmt.Sprintf("event: %s has no set %q", wordFile, set))
	}
	wordsAsked[set] = true
	m := make(map[string]bool, len(ws))
	for _, w := range ws {
		m[w] = true
	}
	return m
}

// wordList returns the named set of wordFile in file order, for the sets
// that are scanned rather than looked up (word stems matched as prefixes).
func wordList(set string) []string {
	ws, ok := wordSets[set]
	if !ok {
		panic(fmt.Sprintf("event: %s has no set %q", wordFile, set))
	}
	wordsAsked[set] = true
	return ws
}

// wordPairs returns the named set of wordFile as a map from each row's
// first word to its second, for the sets whose rows pair a word with the
// one it stands for ("its it").
func wordPairs(set string) map[string]string {
	m := map[string]string{}
	for _, row := range wordList(set) {
		k, v, ok := strings.Cut(row, " ")
		if !ok || strings.Contains(v, " ") {
			panic(fmt.Sprintf("event: %s: row %q of set %s is not two words", wordFile, row, set))
		}
		m[k] = v
	}
	return m
}

// init runs after every package-level variable is set, so wordsAsked
// then names every set the code reads.
func init() {
	if unread := unreadSets(); len(unread) > 0 {
		panic(fmt.Sprintf("event: %s has sets no code reads: %s", wordFile, strings.Join(unread, ", ")))
	}
}

// unreadSets returns, sorted, the sets of wordFile that no code has taken.
func unreadSets() []string {
	var unread []string
	for set := range wordSets {
		if !wordsAsked[set] {
			unread = append(unread, set)
		}
	}
	sort.Strings(unread)
	return unread
}

// mustWords reads wordFile; a failure is a build error, caught by the
// tests.
func mustWords() map[string][]string {
	sets, err := loadWords()
	if err != nil {
		panic("event: " + err.Error())
	}
	return sets
}

// loadWords reads wordFile into its sets, rejecting empty, padded or
// repeated words and set names that are not Go-style identifiers.
func loadWords() (map[string][]string, error) {
	sets := map[string][]string{}
	seen := map[[2]string]bool{}
	err := readTSV(wordFile, []string{"set", "word"}, func(line int, f []string) error {
		set, w := f[0], f[1]
		if !validSetName(set) {
			return fmt.Errorf("set name %q is not a lower-camel-case identifier", set)
		}
		if w == "" || strings.TrimSpace(w) != w || strings.Contains(w, "  ") {
			return fmt.Errorf("word %q of set %s is empty or has stray spaces", w, set)
		}
		if seen[[2]string{set, w}] {
			return fmt.Errorf("word %q is twice in set %s", w, set)
		}
		seen[[2]string{set, w}] = true
		sets[set] = append(sets[set], w)
		return nil
	})
	return sets, err
}

// validSetName reports a set name spelt as the Go variable that holds
// the set: a lower-case letter, then letters and digits.
func validSetName(s string) bool {
	if s == "" || s[0] < 'a' || s[0] > 'z' {
		return false
	}
	for _, r := range s {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9') {
			return false
		}
	}
	return true
}
