package event

// Clause boundaries: arguments of a trigger are looked for between the
// nearest of these on either side, so that "Germany said it would send
// arms to Kyiv while Russia shelled Kharkiv" gives Germany's aid and
// Russia's attack, not a mix.
var boundaryWords = words("boundaryWords")

// boundaryPunct bound a clause as boundaryWords do; datedConjunctions are
// boundaryWords that bound no clause inside a number or a date; asPhrasePrev
// and asPhraseNext, before or after "as", make it part of a phrase.
var (
	boundaryPunct     = words("boundaryPunct")
	datedConjunctions = words("datedConjunctions")
	asPhrasePrev      = words("asPhrasePrev")
	asPhraseNext      = words("asPhraseNext")
)

// isBoundary reports whether token i ends a clause. The answer depends
// only on the sentence, so it is worked out once per token.
func isBoundary(s *sent, i int) bool {
	if s.bnd == nil {
		s.bnd = make([]int8, len(s.low))
	}
	if b := s.bnd[i]; b != 0 {
		return b > 0
	}
	v := boundaryAt(s, i)
	s.bnd[i] = -1
	if v {
		s.bnd[i] = 1
	}
	return v
}

func boundaryAt(s *sent, i int) bool {
	w := s.low[i]
	if s.at[i] >= 0 && datedConjunctions[w] {
		// Inside a number or date: "as many as 100", "the day before".
		return false
	}
	// A short parenthesis is part of its clause: "worth 188 million koruna
	// (CZK) had arrived", "HRK 247311 (EUR 33000)".
	if w == "(" {
		for k := i + 1; k < len(s.low) && k <= i+6; k++ {
			if s.low[k] == ")" {
				return false
			}
		}
	}
	if w == ")" {
		for k := i - 1; k >= 0 && k >= i-6; k-- {
			if s.low[k] == "(" {
				return false
			}
		}
	}
	if boundaryPunct[w] {
		return true
	}
	// A straight quote closes a quotation after its final punctuation.
	if w == "\"" && i > 0 && (s.low[i-1] == "," || s.low[i-1] == ".") {
		return true
	}
	if boundaryWords[w] {
		// "after" and "before" open a clause only before a subject, not
		// before a date or a noun ("after Sunday", "before the talks").
		if (w == "after" || w == "before" || w == "until") && i+1 < len(s.low) {
			n := s.mentionAt(i + 1)
			return n == nil || n.kind != mTime
		}
		return true
	}
	if w == "as" && i+1 < len(s.low) {
		prev := ""
		if i > 0 {
			prev = s.low[i-1]
		}
		next := s.low[i+1]
		if asPhrasePrev[prev] || asPhraseNext[next] {
			return false
		}
		return true
	}
	return false
}

// clause returns the token range of the clause around tokens [t0, t1).
func clause(s *sent, t0, t1 int) (int, int) {
	l := t0
	for l > 0 && !isBoundary(s, l-1) {
		l--
	}
	r := t1
	for r < len(s.low) && !isBoundary(s, r) {
		r++
	}
	return l, r
}

// ownConjunct narrows a trigger's clause to its own conjunct where the
// tree joins its verb to another: "Russian forces shelled Chernihiv on
// Monday and intensified their shelling of Kharkiv on Tuesday" tells two
// attacks, each with its own place and day, which the word boundaries
// (that must keep "Kyiv and Lviv" together) cannot part. The first
// conjunct's clause ends where the second starts; the second's place and
// time are read from its own start (c.own). Roles still come
// through the tree, which reads a shared subject across the conjuncts.
func (c *cand) ownConjunct() {
	t := c.s.tr
	w := c.trigWord()
	if t == nil || w < 0 {
		return
	}
	v := t.clauseVerb(w)
	if v < 0 {
		return
	}
	for _, k := range t.children(v, "conj") {
		if k < v || !t.verbal(k) {
			continue
		}
		tok := t.tok[t.firstWord(k)]
		if tok >= c.hit.t1 && tok < c.r && c.sameTypeIn(tok, c.r) {
			c.r = tok
		}
	}
	if p := t.parent(v); t.rel(v) == "conj" && p >= 0 && p < v && t.verbal(p) {
		tok := t.tok[t.firstWord(v)]
		if tok <= c.hit.t0 && tok > c.own && c.sameTypeIn(c.l, tok) {
			// Cues before it still scope over it ("should impose
			// sanctions and send arms"): only its place and time are
			// its own.
			c.own = tok
		}
	}
}

// sameTypeIn reports whether tokens [t0, t1) hold another trigger of the
// candidate's type: only then do the conjuncts tell two events of a kind
// that must not share a place or a time. A joined clause without one
// goes on telling the same event ("raised its aid, and a train carrying
// generators left").
func (c *cand) sameTypeIn(t0, t1 int) bool {
	for _, h := range c.s.trigs {
		if h.f.typ == c.f.typ && h.t0 != c.hit.t0 && h.t0 >= t0 && h.t1 <= t1 {
			return true
		}
	}
	return false
}

// clauseVerb returns the verb whose clause holds word w: w itself when it
// is a verb, else the verb its noun phrase hangs on ("intensified their
// shelling of Kharkiv"), or -1.
func (t *tree) clauseVerb(w int) int {
	for hops := 0; w >= 0 && hops < 4; hops++ {
		if t.verbal(w) {
			return w
		}
		switch t.rel(w) {
		case "obj", "obl", "nmod", "nsubj", "nsubj:pass", "compound", "iobj":
			w = t.parent(w)
		default:
			return -1
		}
	}
	return -1
}

// firstWord returns the first word of the phrase word w heads.
func (t *tree) firstWord(w int) int {
	first := w
	for j := range t.w {
		if j < first && t.dominates(w, j) {
			first = j
		}
	}
	return first
}

// dominates reports whether word j lies in the phrase word w heads.
func (t *tree) dominates(w, j int) bool {
	for hops := 0; j >= 0 && hops < len(t.w); hops++ {
		if j == w {
			return true
		}
		j = t.parent(j)
	}
	return false
}
