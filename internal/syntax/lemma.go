package syntax

import (
	"sort"
	"strings"
	"unicode/utf8"
)

// lemmatizer gives the lemma and morphological features of a tagged word.
// Forms seen in the treebank take the lemma most often given to them with
// the same universal tag; an unseen form takes the suffix rewrite most often
// seen with its tag and the longest ending it shares with seen forms
// ("-ies" to "-y" for NOUN, "-ed" stripped for VERB), which is how an
// analyst would guess the lemma of a word they have not met.
type lemmatizer struct {
	// forms[upos] maps a lower-cased form to its lemma; exact[upos] the
	// same for forms whose lemma keeps a case the lower-cased form lacks.
	forms map[string]map[string]string
	exact map[string]map[string]string
	// byClass[class] holds the forms whose lemma with that tag class
	// differs from the one with its universal tag ("her": "she" as PRP,
	// "her" as PRP$).
	byClass []map[string]string
	// rules[upos] maps an ending (up to maxSuffix bytes, "" for any) to
	// the rewrites most often seen with it, most frequent first.
	rules map[string]map[string][]rewrite
	// known holds every lemma of the treebank: of the rewrites an unseen
	// form's endings offer, one that gives a known lemma is preferred
	// ("shelled" gives "shell" rather than "shel", as "travelled" would
	// suggest).
	known map[string]bool
	// feats[class] maps a lower-cased form to its features with that tag
	// class; classFeats[class] gives the most frequent features of the class.
	feats      []map[string]string
	classFeats []string
}

// rewrite turns a form into its lemma: strip bytes from its end, append a
// string, and lower-case the form first unless keep is set.
type rewrite struct {
	Strip  int
	Append string
	Keep   bool
}

const maxSuffix = 5

// maxRewrites is how many rewrites an ending keeps, most frequent first.
const maxRewrites = 3

func (r rewrite) apply(form string) string {
	if !r.Keep {
		form = strings.ToLower(form)
	}
	cut := len(form) - r.Strip
	if cut < 0 || cut < len(form) && !utf8.RuneStart(form[cut]) {
		// The rewrite would cut inside a rune of a form unlike the ones
		// it was learnt from: keep the form.
		return form
	}
	return form[:cut] + r.Append
}

// rewriteOf is the rewrite that turns form into lemma.
func rewriteOf(form, lemma string) rewrite {
	// The lemma keeps the form's case when it shares more with the form as
	// written than lower-cased ("Ukraine", "I"); a tie (a lower-case form)
	// lower-cases, so that a capitalised unseen common noun at the start of
	// a sentence gets a lower-case lemma.
	low := strings.ToLower(form)
	keep := commonPrefix(form, lemma) > commonPrefix(low, lemma)
	base := low
	if keep {
		base = form
	}
	p := commonPrefix(base, lemma)
	return rewrite{Strip: len(base) - p, Append: lemma[p:], Keep: keep}
}

func commonPrefix(a, b string) int {
	n := 0
	for n < len(a) && n < len(b) && a[n] == b[n] {
		n++
	}
	// Never cut inside a rune.
	for n > 0 && n < len(a) && !utf8.RuneStart(a[n]) {
		n--
	}
	return n
}

// lemma gives the lemma of form with the universal tag upos.
func (l *lemmatizer) lemma(form, upos string, class int, buf []byte) string {
	if m := l.exact[upos]; m != nil {
		if lem, ok := m[form]; ok {
			return lem
		}
	}
	low := lowerInto(buf, form)
	if class >= 0 && class < len(l.byClass) {
		if lem, ok := l.byClass[class][string(low)]; ok {
			return lem
		}
	}
	if m := l.forms[upos]; m != nil {
		if lem, ok := m[string(low)]; ok {
			return lem
		}
	}
	// The longest ending with a usable rewrite decides; among its rewrites,
	// one giving a known lemma wins over the most frequent one that does
	// not. A rewrite is usable for an ending only if it changes no more
	// than that ending and adds little: "-ing" learnt from "fighting" must
	// not strip the "egg" of an unseen verb, nor "Nov" teach "-ember".
	rules := l.rules[upos]
	for k := min(maxSuffix, len(low)); k >= 0; k-- {
		if k > 0 && !utf8.RuneStart(low[len(low)-k]) {
			continue
		}
		first := ""
		for _, r := range rules[string(low[len(low)-k:])] {
			if r.Strip > k || len(r.Append) > r.Strip+2 {
				continue
			}
			lem := r.apply(form)
			if l.known[strings.ToLower(lem)] {
				return lem
			}
			if first == "" {
				first = lem
			}
		}
		if first != "" {
			return first
		}
	}
	return strings.ToLower(form)
}

// features gives the morphological features of form with tag class c.
func (l *lemmatizer) features(form string, c int, buf []byte) string {
	if c < 0 || c >= len(l.feats) {
		return ""
	}
	if f, ok := l.feats[c][string(lowerInto(buf, form))]; ok {
		return f
	}
	return l.classFeats[c]
}

// lowerInto lower-cases the ASCII letters of s into buf (grown if needed)
// without allocating for words that fit.
func lowerInto(buf []byte, s string) []byte {
	buf = append(buf[:0], s...)
	for i, c := range buf {
		if c >= 'A' && c <= 'Z' {
			buf[i] = c + 'a' - 'A'
		}
	}
	return buf
}

// trainLemmatizer learns the tables from tagged, lemmatised sentences;
// classes maps a word's (UPOS, XPOS) to the tagger's class.
func trainLemmatizer(sents []Sentence, classes map[tagClass]int) *lemmatizer {
	type key struct{ upos, form string }
	lemmas := map[key]map[string]int{}
	exactLemmas := map[key]map[string]int{}
	rules := map[key]map[rewrite]int{}
	ruleForms := map[key]map[string]bool{}
	classLemmas := map[key]map[string]int{} // key.upos holds the class as text
	feats := map[key]map[string]int{}       // key.upos holds the class as text
	classFeats := map[int]map[string]int{}
	inc := func(m map[key]map[string]int, k key, v string) {
		if m[k] == nil {
			m[k] = map[string]int{}
		}
		m[k][v]++
	}
	for _, s := range sents {
		for _, w := range s.Words {
			if w.Lemma == "_" && w.Form != "_" {
				continue
			}
			low := strings.ToLower(w.Form)
			inc(lemmas, key{w.UPOS, low}, w.Lemma)
			inc(exactLemmas, key{w.UPOS, w.Form}, w.Lemma)
			rw := rewriteOf(w.Form, w.Lemma)
			for k := 0; k <= min(maxSuffix, len(low)); k++ {
				if k > 0 && !utf8.RuneStart(low[len(low)-k]) {
					continue
				}
				kk := key{w.UPOS, low[len(low)-k:]}
				if rules[kk] == nil {
					rules[kk] = map[rewrite]int{}
					ruleForms[kk] = map[string]bool{}
				}
				rules[kk][rw]++
				ruleForms[kk][low] = true
			}
			c, ok := classes[tagClass{w.UPOS, w.XPOS}]
			if !ok {
				continue
			}
			inc(classLemmas, key{string(rune(c + 1)), low}, w.Lemma)
			f := w.Feats
			if f == "_" {
				f = ""
			}
			ck := key{string(rune(c + 1)), low}
			inc(feats, ck, f)
			if classFeats[c] == nil {
				classFeats[c] = map[string]int{}
			}
			classFeats[c][f]++
		}
	}
	l := &lemmatizer{forms: map[string]map[string]string{}, exact: map[string]map[string]string{},
		rules: map[string]map[string][]rewrite{}, known: map[string]bool{}}
	for k, m := range lemmas {
		best := bestString(m)
		if l.forms[k.upos] == nil {
			l.forms[k.upos] = map[string]string{}
		}
		l.forms[k.upos][k.form] = best
	}
	// A form whose own lemma differs from its lower-cased form's (a proper
	// noun keeping its capitals) is kept exactly.
	for k, m := range exactLemmas {
		best := bestString(m)
		if best != l.forms[k.upos][strings.ToLower(k.form)] {
			if l.exact[k.upos] == nil {
				l.exact[k.upos] = map[string]string{}
			}
			l.exact[k.upos][k.form] = best
		}
	}
	for k, m := range rules {
		// An ending must be seen on a few different words to be trusted
		// (one abbreviation must not teach "Nov" -> "November" to every
		// word in -ov); the empty ending is the tag's default.
		if k.form != "" && len(ruleForms[k]) < 3 {
			continue
		}
		ranked := make([]rewrite, 0, len(m))
		for r := range m {
			ranked = append(ranked, r)
		}
		sort.Slice(ranked, func(i, j int) bool {
			a, b := ranked[i], ranked[j]
			if m[a] != m[b] {
				return m[a] > m[b]
			}
			return lessRewrite(a, b)
		})
		if len(ranked) > maxRewrites {
			ranked = ranked[:maxRewrites]
		}
		if l.rules[k.upos] == nil {
			l.rules[k.upos] = map[string][]rewrite{}
		}
		l.rules[k.upos][k.form] = ranked
	}
	for k, m := range lemmas {
		for lem := range m {
			l.known[strings.ToLower(lem)] = true
		}
		_ = k
	}
	l.byClass = make([]map[string]string, len(classes))
	for i := range l.byClass {
		l.byClass[i] = map[string]string{}
	}
	upos := make([]string, len(classes))
	for tc, c := range classes {
		upos[c] = tc.UPOS
	}
	for k, m := range classLemmas {
		c := int([]rune(k.upos)[0]) - 1
		if best := bestString(m); best != l.forms[upos[c]][k.form] {
			l.byClass[c][k.form] = best
		}
	}
	l.feats = make([]map[string]string, len(classes))
	l.classFeats = make([]string, len(classes))
	for i := range l.feats {
		l.feats[i] = map[string]string{}
	}
	for k, m := range feats {
		c := int([]rune(k.upos)[0]) - 1
		best := bestString(m)
		l.feats[c][k.form] = best
	}
	for c, m := range classFeats {
		l.classFeats[c] = bestString(m)
	}
	// Drop per-form features equal to their class's default: they add size
	// and nothing else.
	for c, m := range l.feats {
		for f, v := range m {
			if v == l.classFeats[c] {
				delete(m, f)
			}
		}
	}
	return l
}

func lessRewrite(a, b rewrite) bool {
	if a.Strip != b.Strip {
		return a.Strip < b.Strip
	}
	if a.Append != b.Append {
		return a.Append < b.Append
	}
	return !a.Keep && b.Keep
}

// bestString is the most frequent value, ties to the smallest.
func bestString(m map[string]int) string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	best, n := "", -1
	for _, k := range keys {
		if m[k] > n {
			best, n = k, m[k]
		}
	}
	return best
}

// Forms returns the lower-cased forms whose lemma with the universal tag
// upos is lemma: those the treebank shows, and the regular inflections
// (-s, -es, -ed, -ing, with a final e dropped, a consonant doubled or a
// y turned to i) that the lemmatiser maps back to it. A caller that finds
// words by lemma in text it has not tagged (extraction looks up its
// trigger words so, before it decides which sentences to parse) expands
// its lemmas once with Forms instead of lemmatising every word it reads.
func (m *Model) Forms(lemma, upos string) []string {
	byLemma := m.formsOf(upos)
	seen := map[string]bool{}
	var out []string
	add := func(f string) {
		if f != lemma && !seen[f] {
			seen[f] = true
			out = append(out, f)
		}
	}
	for _, f := range byLemma[lemma] {
		add(f)
	}
	for _, f := range inflections(lemma) {
		if m.lemmas.lemma(f, upos, -1, nil) == lemma {
			add(f)
		}
	}
	sort.Strings(out)
	return out
}

// formsOf returns the table Forms reads for one universal tag: the forms
// of each lemma the treebank shows with that tag, built on first use.
func (m *Model) formsOf(upos string) map[string][]string {
	m.formsMu.Lock()
	defer m.formsMu.Unlock()
	if idx, ok := m.byLemma[upos]; ok {
		return idx
	}
	if m.byLemma == nil {
		m.byLemma = map[string]map[string][]string{}
	}
	idx := map[string][]string{}
	for f, lem := range m.lemmas.forms[upos] {
		idx[lem] = append(idx[lem], f)
	}
	m.byLemma[upos] = idx
	return idx
}

// inflections are the regular English inflections of a verb or noun. A
// word of two letters has none worth guessing ("go" would give "god"):
// its forms are the treebank's.
func inflections(w string) []string {
	if len(w) < 3 {
		return nil
	}
	out := []string{w + "s", w + "es", w + "ed", w + "d", w + "ing"}
	last := w[len(w)-1]
	if last == 'e' {
		out = append(out, w[:len(w)-1]+"ing")
	}
	if last == 'y' {
		out = append(out, w[:len(w)-1]+"ies", w[:len(w)-1]+"ied")
	}
	if !strings.ContainsRune("aeiouwxy", rune(last)) {
		out = append(out, w+string(last)+"ed", w+string(last)+"ing")
	}
	return out
}
