package event

import (
	"slices"
	"strings"

	"github.com/sitrep-project/sitrep/internal/lexicon"
)

// resolveEntities gives every entity mention the actor codes it stands
// for: a state its own code, a group its members, a person or role the
// state or organisation they speak for, an official source its state.
func (x *Extractor) resolveEntities(d *docState, s *sent) {
	for i := range s.ms {
		m := &s.ms[i]
		switch m.kind {
		case mEntity, mSource:
			m.codes = entityCodes(m.entry)
			if m.entry.Kind == lexicon.KindGroup {
				m.plural = true
			}
		}
	}
}

func entityCodes(e *lexicon.Entry) []string {
	switch e.Kind {
	case lexicon.KindState, lexicon.KindOrg:
		return []string{e.Code}
	case lexicon.KindGroup:
		return e.Members
	case lexicon.KindPerson, lexicon.KindRole, lexicon.KindSource:
		if e.Country != "" {
			return []string{e.Country}
		}
	}
	return nil
}

// pronouns can stand for an actor; pluralPronouns point back at several.
var (
	pronouns       = words("pronouns")
	pluralPronouns = words("pluralPronouns")
)

// pluralHeads are nouns that, after "the", "both" or a number, point back
// at several actors already named: "the three nations", "both countries".
var pluralHeads = words("pluralHeads")

// pairHeads are nouns for people that, after "the two", point back at
// the last two people named: "the two men", "the two leaders".
var pairHeads = words("pairHeads")

// pairCounts are the words of a pair before a pairHeads noun: "the two".
var pairCounts = words("pairCounts")

// groupCounts may stand between "the" and a pluralHeads noun.
var groupCounts = words("groupCounts")

// anaphor resolves a pronoun or plural phrase at token t: first to an
// actor named earlier in the same sentence, then to the last ones named
// before it. It returns the codes and the token range it covers.
func (d *docState) anaphor(s *sent, t int) ([]string, int, int, bool) {
	return d.anaphorAs(s, t, s.low[t])
}

// anaphorAs resolves the token at t as the pronoun w: an owner pronoun
// ("its", "their") is read as the personal pronoun it stands for.
func (d *docState) anaphorAs(s *sent, t int, w string) ([]string, int, int, bool) {
	if w == "it" && s.expletiveAt(t) {
		// "it was impossible to keep track of casualties": no one.
		return nil, 0, 0, false
	}
	plural, ok := pluralPronouns[w], pronouns[w]
	t0, t1 := t, t+1
	if pairHeads[w] && t >= 2 && pairCounts[s.low[t-1]] && s.low[t-2] == "the" {
		// "the two men talked for an hour": the last two people
		// named, of two sides.
		if d.lastPerson != nil && d.prevPerson != nil {
			return append(slices.Clone(d.prevPerson.codes), d.lastPerson.codes...), t - 2, t1, true
		}
		return nil, 0, 0, false
	}
	if !ok && groupCounts[w] && t > 0 && s.low[t-1] == "the" && s.numberAsSubject(t) {
		// "The two met Zelenskyy": a number standing alone as subject
		// points back at the people just named.
		ok, plural, t0 = true, true, t-1
	}
	if !ok {
		if !pluralHeads[w] || t == 0 {
			return nil, 0, 0, false
		}
		k := t - 1
		if groupCounts[s.low[k]] {
			k--
		}
		if k < 0 || (s.low[k] != "the" && s.low[k] != "both" && s.low[k] != "these") {
			return nil, 0, 0, false
		}
		plural, t0 = true, k
	}
	if (w == "we" || w == "our" || w == "i") && s.src != nil && (quotedAt(s, t0) || w == "i") {
		// "“We do not strike Russian territory,” she said": the speaker's
		// side. A speaker sitrep cannot place leaves "we" unresolved:
		// it is the speaker's own people, not the states an earlier
		// sentence listed.
		if len(s.src.codes) == 0 {
			return nil, 0, 0, false
		}
		return s.src.codes, t0, t1, true
	}
	// Earlier in the sentence: the nearest actor of the right number.
	for i := t0 - 1; i >= 0; i-- {
		m := s.mentionAt(i)
		if m == nil || len(m.codes) == 0 || m.kind != mEntity && m.kind != mSource || m.dateline {
			// A body the sources list names ("Ukraine's military said it
			// had ...") is an antecedent as a state is.
			continue
		}
		// A role of one holder is a person ("the governor"); a role that
		// is a body ("Norway's defence ministry said it had sent") is an
		// antecedent of "it" as its state is.
		person := m.kind == mEntity && (m.entry.Kind == lexicon.KindPerson || m.entry.Kind == lexicon.KindRole && m.entry.Category != "body")
		switch {
		case w == "he" || w == "she":
			if person {
				return m.codes, t0, t1, true
			}
		case plural:
			if afterPrep(s, m.t0) {
				break
			}
			if list := s.coordinated(m); len(list) > 1 {
				return list, t0, t1, true
			}
			// "officials in Kyiv said that they": the subject before,
			// whatever its grammatical number.
			return m.codes, t0, t1, true
		default:
			if !person && !afterPrep(s, m.t0) {
				return m.codes, t0, t1, true
			}
		}
		i = m.t0
	}
	switch {
	case w == "he" || w == "she":
		if d.lastPerson != nil && len(d.lastPerson.codes) > 0 {
			return d.lastPerson.codes, t0, t1, true
		}
	case plural && len(d.lastPlural) > 0:
		return d.lastPlural, t0, t1, true
	case len(d.lastActors) > 0:
		return d.lastActors, t0, t1, true
	}
	return nil, 0, 0, false
}

// expletiveAt reports an "it" that stands for no one: the tree's
// expletive, or "it" before a form of "be" and an adjective ("it was
// impossible to", "it is unclear whether").
func (s *sent) expletiveAt(t int) bool {
	if tr := s.tr; tr != nil {
		if w := tr.head[t]; w >= 0 && tr.rel(w) == "expl" {
			return true
		}
		if t+2 < len(s.low) && beAux[s.low[t+1]] {
			if w := tr.head[t+2]; w >= 0 && tr.w[w].UPOS == "ADJ" {
				return true
			}
		}
	}
	return false
}

// coordinated returns the codes of a list of entities joined by commas and
// "and" that m belongs to ("Estonia, Latvia and Lithuania").
func (s *sent) coordinated(m *mention) []string {
	// Walk left to the start of the list, then right to its end.
	first := m
	for {
		prev := s.listNeighbour(first.t0, -1)
		if prev == nil {
			break
		}
		first = prev
	}
	var codes []string
	seen := map[string]bool{}
	for cur := first; cur != nil; cur = s.listNeighbour(cur.t1-1, 1) {
		for _, c := range cur.codes {
			if !seen[c] {
				seen[c] = true
				codes = append(codes, c)
			}
		}
	}
	return codes
}

// listNeighbour returns the entity joined to the one at token t by a comma
// or "and" in direction dir (-1 left, +1 right), or nil.
func (s *sent) listNeighbour(t, dir int) *mention {
	i := t + dir
	sep := false
	for i >= 0 && i < len(s.low) {
		w := s.low[i]
		if w == "," || w == "and" || w == "&" {
			sep = true
			i += dir
			continue
		}
		if w == "the" {
			i += dir
			continue
		}
		break
	}
	if !sep || i < 0 || i >= len(s.low) {
		return nil
	}
	m := s.mentionAt(i)
	if m == nil || m.kind != mEntity || len(m.codes) == 0 {
		return nil
	}
	left, right := m, s.mentionAt(t)
	if dir > 0 {
		left, right = right, left
	}
	if isAdjectival(m) || !listCompatible(left, right) {
		return nil
	}
	return m
}

// listCompatible reports whether two entities, a before b, may stand in
// one list: states, organisations and groups together, a role before the
// states that qualify it ("the prime ministers of Poland, the Czech
// Republic and Slovenia"), people with people. A person or role after a
// state is an attribution or a new subject ("from Turkey, the minister
// said", "In Moscow, Israel's prime minister met"), not a list.
func listCompatible(a, b *mention) bool {
	if a == nil || b == nil || a.entry == nil || b.entry == nil {
		return true
	}
	stateLike := func(m *mention) bool {
		k := m.entry.Kind
		return k == lexicon.KindState || k == lexicon.KindOrg || k == lexicon.KindGroup
	}
	role := func(m *mention) bool { return m.entry.Kind == lexicon.KindRole }
	person := func(m *mention) bool { return m.entry.Kind == lexicon.KindPerson }
	switch {
	case stateLike(a) && stateLike(b), role(a) && stateLike(b):
		return true
	case person(a) && person(b):
		return true
	}
	return false
}

// preps are the prepositions whose object is not the subject of a clause.
var preps = words("preps")

// conjPreps are prepositions that also open a clause: "after the UK
// announced", "amid Moscow's amassing of troops".
var conjPreps = words("conjPreps")

// verbishWords are auxiliaries and reporting verbs that read as the verb
// after a subject.
var verbishWords = words("verbishWords")

// verbish reports a word that reads as a verb or auxiliary after a subject.
func verbish(w string) bool {
	return verbishWords[w] || reportVerbs[w] || strings.HasSuffix(w, "ed") || strings.HasSuffix(w, "ing") || pastForm(w)
}

// afterPrep reports whether the token at t is the object of a preposition:
// a preposition right before it, or before "the" and adjectives.
func afterPrep(s *sent, t int) bool {
	for k := t - 1; k >= 0 && k >= t-3; k-- {
		w := s.low[k]
		if preps[w] || conjPreps[w] {
			if conjPreps[w] {
				// A conjunction when a verb follows the name.
				if m := s.mentionAt(t); m != nil && m.t1 < len(s.low) {
					n := m.t1
					// "after Russian shells hit": past the agent noun.
					if agentNouns[s.low[n]] && n+1 < len(s.low) {
						n++
					}
					// "after G7 leaders, including ..., held": past the
					// parenthesis.
					if s.low[n] == "," && n+1 < len(s.low) && (s.low[n+1] == "including" || s.low[n+1] == "among") {
						for n++; n < len(s.low)-1 && s.low[n] != ","; n++ {
						}
						n++
					}
					if verbish(s.low[n]) || attackVerbs[s.low[n]] {
						return false
					}
				}
			}
			return true
		}
		if w == "the" || w == "a" || w == "its" || w == "their" || (s.mentionAt(k) != nil && s.mentionAt(k).kind == mEntity) {
			continue
		}
		if len(w) > 0 && (w[0] >= 'a' && w[0] <= 'z') && k == t-1 && !isCap(s.toks[k].Text) {
			// an adjective such as "western" before the name
			continue
		}
		return false
	}
	return false
}

// attackVerbs are verbs of attack whose form does not show them as verbs.
var attackVerbs = words("attackVerbs")

// numberAsSubject reports whether the number at token t stands alone as a
// subject in the sentence's tree ("the two met", not "the two sides met").
func (s *sent) numberAsSubject(t int) bool {
	if s.tr == nil {
		return false
	}
	w := s.tr.head[t]
	return w >= 0 && (s.tr.rel(w) == "nsubj" || s.tr.rel(w) == "nsubj:pass")
}
