package event

import (
	"strings"

	"github.com/sitrep-project/sitrep/internal/lexicon"
	"github.com/sitrep-project/sitrep/internal/model"
)

// Roles from the dependency tree. A verb's actor is its subject, or the
// agent of a passive; its target the object or an oblique with one of the
// frame's prepositions. An event noun's actor is its possessor or national
// adjective ("Russia's attack", "Russian strikes") or the phrase after
// "by"; its target the noun phrase after one of the frame's prepositions
// ("strikes on Kharkiv"). The rules here answer only where the tree names
// an entity; where it does not, the word-order rules of args.go and
// target.go still look.

// trigWord returns the head word of the trigger's tokens: for a phrase
// ("hand over", "carried out strikes") the word whose head lies outside
// it. It is -1 when the sentence was not parsed.
func (c *cand) trigWord() int {
	t := c.s.tr
	if t == nil {
		return -1
	}
	for k := c.hit.t0; k < c.hit.t1; k++ {
		w := t.head[k]
		if w < 0 {
			continue
		}
		p := t.parent(w)
		if p < 0 || t.tok[p] < c.hit.t0 || t.tok[p] >= c.hit.t1 {
			return w
		}
	}
	return t.head[c.hit.t0]
}

// verbal reports whether word w is used as a verb (a participle used as
// an adjective counts).
func (t *tree) verbal(w int) bool {
	switch t.w[w].UPOS {
	case "VERB", "AUX":
		return true
	}
	return false
}

// modifierRels are the relations by which a word names who a phrase
// belongs to or comes from: "Russian forces", "Russia's army", "the
// Kremlin spokesman Dmitry Peskov". An "of" phrase is left out: "members
// of NATO" and "leaders of the G7" are not NATO and the G7.
var modifierRels = []string{"nmod:poss", "amod", "compound", "flat"}

// entityOf returns the entity mention word w stands for: the mention that
// covers it, or else that of a modifier naming its owner ("Russian
// forces": forces stand for Russia). It returns nil when the phrase names
// no party.
func (c *cand) entityOf(w int) *mention {
	s, t := c.s, c.s.tr
	if m := s.mentionAt(t.tok[w]); m != nil {
		if partyMention(m) {
			return m
		}
		if m.kind != mName && m.kind != mItem {
			return nil
		}
	}
	for _, k := range t.children(w, modifierRels...) {
		m := s.mentionAt(t.tok[k])
		if m == nil || !partyMention(m) {
			continue
		}
		if t.rel(k) == "amod" && originForm(m) {
			// "Russian-made tanks" come from Russia; they are not its.
			continue
		}
		return m
	}
	return nil
}

// partyMention reports whether m names a state, organisation, group or
// person who can act.
func partyMention(m *mention) bool {
	return (m.kind == mEntity || m.kind == mSource) && len(m.codes) > 0 && !m.dateline
}

// subjectWord returns the subject word of verb v, looking through
// coordination ("Russia shelled Kharkiv and struck Odesa"), control
// ("Germany agreed to send", "urged Berlin to send"), relative clauses
// ("Russia, which shelled ...") and participle clauses ("..., killing
// five"). It returns -1 where the clause has none.
func (t *tree) subjectWord(v int) int {
	for hops := 0; v >= 0 && hops < 4; hops++ {
		if s := t.child(v, "nsubj"); s >= 0 {
			if p := t.parent(v); t.rel(v) == "acl:relcl" && p >= 0 && t.w[s].UPOS == "PRON" {
				// "which", "who", "that": the noun the clause describes.
				return p
			}
			return s
		}
		if t.child(v, "nsubj:pass", "aux:pass") >= 0 {
			return -1
		}
		p := t.parent(v)
		switch t.rel(v) {
		case "conj":
			if j := t.nominalConjBetween(p, v); j >= 0 {
				// "troops massed ... and Russian bombers struck", parsed
				// with the bombers as a conjunct of the first verb: they
				// are the second clause's subject, which the parser
				// missed.
				return j
			}
			v = p
		case "xcomp":
			if o := t.child(p, "obj"); o >= 0 {
				return o
			}
			v = p
		case "advcl":
			if t.w[v].XPOS != "VBG" {
				return -1
			}
			if o := t.child(p, "obj"); o >= 0 && t.prepositionalGerund(v) {
				// "accused Ukrainian forces of shelling", "blamed Kyiv
				// for attacking": the object does what the gerund
				// tells, not the accuser.
				return o
			}
			v = p
		case "acl:relcl":
			return p
		case "acl":
			// "Russia used drones to strike the port": an infinitive
			// that says what the object is for is done by the subject
			// of the verb the object belongs to.
			if !t.infinitive(v) || p < 0 || t.rel(p) != "obj" {
				return -1
			}
			v = t.parent(p)
		default:
			return -1
		}
	}
	return -1
}

// gerundPreps are the prepositions that make a gerund say what the object
// of the verb before it did (see words.tsv).
var gerundPreps = words("gerundPreps")

// prepositionalGerund reports a gerund introduced by a preposition of
// gerundPreps: "of shelling", "for attacking".
func (t *tree) prepositionalGerund(v int) bool {
	for _, k := range t.children(v, "mark", "case") {
		if gerundPreps[strings.ToLower(t.w[k].Form)] {
			return true
		}
	}
	return false
}

// coordinatedAt reports whether the tree joins a word of mention m to
// another by coordination.
func (t *tree) coordinatedAt(s *sent, m *mention) bool {
	for k := m.t0; k < m.t1; k++ {
		w := t.head[k]
		if w < 0 {
			continue
		}
		if t.rel(w) == "conj" || len(t.children(w, "conj")) > 0 {
			return true
		}
	}
	return false
}

// nominalConjBetween returns the last noun joined to verb p that lies
// between it and its joined verb v, or -1: such a noun is v's own subject,
// misread as a conjunct of p.
func (t *tree) nominalConjBetween(p, v int) int {
	last := -1
	for j := p + 1; j < v; j++ {
		if t.parent(j) == p && t.rel(j) == "conj" {
			switch t.w[j].UPOS {
			case "NOUN", "PROPN", "PRON":
				last = j
			}
		}
	}
	return last
}

// agentWord returns the agent of a passive verb or of an event noun: an
// oblique or nominal modifier marked by "by".
func (t *tree) agentWord(v int, low []string) int {
	for _, k := range t.children(v, "obl:agent", "obl", "nmod", "nmod:agent") {
		if t.caseOf(k, low) == "by" {
			return k
		}
	}
	return -1
}

// treeActor returns the actor mention the tree gives the trigger, with the
// rule that found it, or nil.
func (c *cand) treeActor() (*mention, string) {
	v := c.trigWord()
	if v < 0 {
		return nil, ""
	}
	t, s := c.s.tr, c.s
	switch {
	case t.verbal(v) && t.passiveVerb(v):
		if a := t.agentWord(v, s.low); a >= 0 {
			if m := c.entityOf(a); m != nil {
				return m, "tree: agent of the passive verb"
			}
		}
	case t.verbal(v):
		if w := t.subjectWord(v); w >= 0 {
			if m := c.entityOf(w); m != nil {
				return m, "tree: subject of the verb"
			}
		}
	case t.w[v].UPOS == "NOUN":
		if a := t.agentWord(v, s.low); a >= 0 {
			if m := c.entityOf(a); m != nil {
				return m, "tree: \"by\" after the event noun"
			}
		}
		owners := t.children(v, "nmod:poss", "amod", "compound")
		if p := t.parent(v); t.rel(v) == "conj" && p >= 0 && t.w[p].UPOS == "NOUN" {
			// "Russian siege and bombardment": the owner of the first
			// noun owns the nouns joined to it.
			owners = append(owners, t.children(p, "nmod:poss", "amod", "compound")...)
		}
		for _, k := range owners {
			m := s.mentionAt(t.tok[k])
			if m == nil || !partyMention(m) || originForm(m) {
				continue
			}
			if m.entry.Kind == lexicon.KindPerson && t.rel(k) != "nmod:poss" {
				continue
			}
			return m, "tree: owner of the event noun"
		}
		if p := t.parent(v); sharedSubjectFrames[c.f.typ] && t.rel(v) == "obl" && p >= 0 && t.verbal(p) && occasionPreps[t.caseOf(v, s.low)] {
			// "During a meeting with Erdogan in Ankara, the Swedish
			// prime minister pledged ...": whoever acts at the meeting
			// held it.
			if w := t.subjectWord(p); w >= 0 {
				if m := c.entityOf(w); m != nil {
					return m, "tree: subject of the clause the meeting is the occasion of"
				}
			}
		}
	}
	return nil, ""
}

// sharedSubjectFrames are the types whose event noun, as the occasion of
// a clause ("at talks with Kyiv, Moscow offered ..."), was held by the
// clause's subject; occasionPreps mark such an occasion.
var (
	sharedSubjectFrames = map[model.EventType]bool{model.TypeMeet: true, model.TypeTalks: true}
	// purposePreps make talks what a meeting was for ("met Erdogan for
	// talks"): the one met is the other side of the talks.
	purposePreps  = words("purposePreps")
	occasionPreps = words("occasionPreps")
)

// treeTargets returns the target mention the tree gives the trigger, with
// the rule that found it, or nil: the object of a verb (for frames that
// take one), the passive subject (for frames whose patient it is), or a
// phrase after one of the frame's prepositions.
func (c *cand) treeTargets() (*mention, string) {
	v := c.trigWord()
	if v < 0 {
		return nil, ""
	}
	t, s := c.s.tr, c.s
	isTarget := func(m *mention) bool {
		if m == nil {
			return false
		}
		codes := targetCodes(m)
		return len(codes) > 0 && !(len(codes) == 1 && contains(c.actors, codes[0]) && !c.selfOK())
	}
	if t.verbal(v) {
		if c.hit.tr.class == classSuffer {
			// "Russia had lost 12,000 soldiers", "Belgorod came under
			// fire": the subject is what the event befell.
			if k := t.subjectWord(v); k >= 0 {
				if m := c.placeOrEntity(k); isTarget(m) {
					return m, "tree: subject, who the event befell"
				}
			}
		}
		if t.passiveVerb(v) && patientFrames[c.f.typ] {
			for _, k := range t.children(v, "nsubj:pass") {
				if m := c.placeOrEntity(k); isTarget(m) {
					return m, "tree: subject of the passive verb"
				}
			}
		}
		if c.f.objectTarget && c.hit.tr.class != classNoun {
			for _, k := range t.children(v, "obj", "iobj") {
				if m := c.placeOrEntity(k); isTarget(m) {
					return m, "tree: object of the verb"
				}
			}
		}
	}
	rels := []string{"obl", "nmod"}
	if !t.verbal(v) {
		rels = []string{"nmod"}
	}
	for _, k := range t.children(v, rels...) {
		prep := t.caseOf(k, s.low)
		of := prep == "of" && c.f.ofPatient && !t.verbal(v)
		if prep == "" || !contains(c.f.targetPreps, prep) && !of {
			continue
		}
		if m := c.placeOrEntity(k); isTarget(m) {
			return m, "tree: after \"" + prep + "\""
		}
	}
	if sharedSubjectFrames[c.f.typ] && !t.verbal(v) && t.rel(v) == "obl" && purposePreps[t.caseOf(v, s.low)] {
		// "Putin met Erdogan for talks": whom the clause's verb meets
		// is the other side of the talks.
		if p := t.parent(v); p >= 0 && t.verbal(p) {
			for _, k := range t.children(p, "obj") {
				if m := c.placeOrEntity(k); isTarget(m) {
					return m, "tree: the object of the clause the talks are the occasion of"
				}
			}
		}
	}
	if c.f.typ == model.TypeVisit && !t.verbal(v) {
		// "the minister's tour, which goes on to Kenya and Mali", "a
		// trip that included stops in Warsaw": the places a relative
		// clause of the trip names are where it goes.
		for _, r := range t.children(v, "acl:relcl") {
			for _, k := range t.children(r, "obj", "obl") {
				if m := c.placeOrEntity(k); isTarget(m) {
					return m, "tree: a place the trip's relative clause names"
				}
				for _, n := range t.children(k, "nmod") {
					if m := c.placeOrEntity(n); isTarget(m) {
						return m, "tree: a place the trip's relative clause names"
					}
				}
			}
		}
	}
	return nil, ""
}

// selfOK reports whether an event may have its actor as its target: a
// visit to one's own country is still a visit.
func (c *cand) selfOK() bool { return c.f.typ == "visit" }

// placeOrEntity returns the place or party word w names (see entityOf),
// or nil.
func (c *cand) placeOrEntity(w int) *mention {
	if m := c.s.mentionAt(c.s.tr.tok[w]); m != nil && m.kind == mPlace && !m.dateline {
		return m
	}
	if m := c.entityOf(w); m != nil {
		return m
	}
	if c.s.mentionAt(c.s.tr.tok[w]) == nil {
		// "the city of Lysychansk", "the village of Shyroke": a common
		// noun named by the place after "of".
		t := c.s.tr
		for _, k := range t.children(w, "nmod") {
			if m := c.s.mentionAt(t.tok[k]); m != nil && m.kind == mPlace && !m.dateline && t.caseOf(k, c.s.low) == "of" {
				return m
			}
		}
	}
	return nil
}

// treeNegated reports whether the tree puts the trigger under a negation:
// "not", "never" or "no" on its own word ("no talks were held"), or on a
// verb that governs it through an infinitive or an object ("has not
// offered to resume talks", "did not launch an attack"), or a governing
// verb of refusal or halting ("refused to send tanks", "suspended the
// deliveries"). The walk stops at the first clause boundary: a
// negation in the clause that reports an event does not negate it.
func (c *cand) treeNegated() bool {
	t := c.s.tr
	v := c.trigWord()
	for hops := 0; v >= 0 && hops < 4; hops++ {
		for _, k := range t.children(v, "advmod", "det", "aux") {
			if negators[strings.ToLower(t.w[k].Form)] {
				return true
			}
		}
		if hops == 0 && t.verbal(v) {
			// "hit no civilian sites": a negated object negates the act.
			for _, o := range t.children(v, "obj") {
				for _, k := range t.children(o, "det") {
					if negators[strings.ToLower(t.w[k].Form)] {
						return true
					}
				}
			}
		}
		if hops > 0 && negators[strings.ToLower(t.w[v].Form)] {
			return true
		}
		switch t.rel(v) {
		case "xcomp", "obj":
			v = t.parent(v)
		case "advcl":
			// An infinitive read as an adverbial clause ("offered Russia
			// to resume talks") still completes the verb it hangs on.
			if m := t.child(v, "mark"); m < 0 || strings.ToLower(t.w[m].Form) != "to" {
				return false
			}
			v = t.parent(v)
		default:
			return false
		}
	}
	return false
}

// referenceOnly reports whether the trigger names an event only as a point
// in time for another: a clause or phrase opened by "since" ("since
// Russia invaded Ukraine", "the heaviest shelling since the invasion").
// ("Before" is left out: "before sitting down with Putin" tells the
// order of a trip's legs, each an event.) News recalls the start of a war in
// nearly every story; the recollection is not a new report. Counts and
// tolls "since" a day are not affected: they are the figures of a period.
func (c *cand) referenceOnly() bool {
	t := c.s.tr
	v := c.trigWord()
	if v < 0 {
		return false
	}
	for _, k := range t.children(v, "mark", "case") {
		if referenceMarks[strings.ToLower(t.w[k].Form)] {
			return true
		}
	}
	return false
}

// referenceMarks open a clause or phrase that names a point in time.
var referenceMarks = words("referenceMarks")

// treeSubjectNamesNoParty reports whether the tree gives an active verb
// trigger a subject that is a noun naming no party ("Missiles struck the
// station", "Fighting raged"): the actor is then not named in the clause,
// and an entity elsewhere in the sentence is not it. A pronoun subject
// says nothing here; the word-order rules resolve it.
func (c *cand) treeSubjectNamesNoParty() bool {
	if c.hit.tr.class == classSuffer {
		// "Kharkiv came under fire": the subject is the target.
		return false
	}
	v := c.trigWord()
	if v < 0 {
		return false
	}
	t := c.s.tr
	if !t.verbal(v) || t.passiveVerb(v) {
		return false
	}
	w := t.subjectWord(v)
	if w < 0 {
		return false
	}
	switch t.w[w].UPOS {
	case "NOUN":
	default:
		return false
	}
	if m := c.s.mentionAt(t.tok[w]); m != nil && m.kind != mItem {
		return false
	}
	return c.entityOf(w) == nil
}

// nounAgentAfter returns the party after "by" that follows a trigger used
// as a noun, with no verb between them ("the visit to Lviv by Turkish
// President Erdoğan and ..."): the agent of the event noun, where the
// tree, which reads a long "by" phrase poorly, did not give it.
func (c *cand) nounAgentAfter() *mention {
	s, t := c.s, c.s.tr
	if t == nil {
		return nil
	}
	if w := t.head[c.hit.t0]; w < 0 || t.w[w].UPOS != "NOUN" {
		return nil
	}
	for k := c.hit.t1; k < len(s.low) && k < c.hit.t1+6; k++ {
		if w := t.head[k]; w >= 0 && t.verbal(w) {
			return nil
		}
		if s.low[k] != "by" {
			continue
		}
		for j := k + 1; j < len(s.low) && j <= k+5; j++ {
			if m := s.mentionAt(j); m != nil {
				if partyMention(m) && !isAdjectival(m) {
					return m
				}
				if m.kind != mEntity {
					return nil
				}
			}
		}
		return nil
	}
	return nil
}
