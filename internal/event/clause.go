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
