package event

import (
	"slices"
	"strconv"
	"strings"

	"github.com/sitrep-project/sitrep/internal/lexicon"
	"github.com/sitrep-project/sitrep/internal/model"
)

// agentNouns are nouns after a national adjective that make the adjective
// an agent: "Russian forces fired", "British troops".
var agentNouns = words("agentNouns")

// attackNouns are nouns of attack whose national adjective is their agent.
var attackNouns = words("attackNouns")

// isAdjectival reports a state named by its adjective or as an origin
// ("Russian", "Russian-made").
func isAdjectival(m *mention) bool {
	switch m.form {
	case lexicon.FormAdjective, lexicon.FormOrigin, lexicon.FormCompound:
		return true
	}
	return false
}

// agentive reports whether an adjectival state at m acts: its noun is one
// of the agent nouns, and not an item, within two tokens.
func agentive(s *sent, m *mention) bool {
	for k := m.t1; k < len(s.low) && k <= m.t1+2; k++ {
		if attackNouns[s.low[k]] {
			// "a Russian shell hit", "Ukrainian counterattacks".
			return true
		}
		if n := s.mentionAt(k); n != nil && n.kind == mItem {
			return n.entry.Category == "troops"
		}
		if agentNouns[s.low[k]] {
			return true
		}
	}
	return false
}

// actorOK reports whether an entity mention may be the actor of c.
func (c *cand) actorOK(m *mention) bool {
	if (m.kind != mEntity && m.kind != mSource) || len(m.codes) == 0 || m.dateline {
		return false
	}
	s := c.s
	if afterPrep(s, m.t0) {
		// "by" introduces the agent of a passive verb.
		if k := m.t0 - 1; k >= 0 && (s.low[k] == "by" || (determiners[s.low[k]] && k > 0 && s.low[k-1] == "by")) {
			return true
		}
		// "with Russian forces firing on the exit": the subject of an
		// absolute clause whose verb is the trigger.
		if k := m.t0 - 1; k >= 0 && s.low[k] == "with" {
			n := m.t1
			if n < len(s.low) && agentNouns[s.low[n]] {
				n++
			}
			if n == c.hit.t0 && strings.HasSuffix(s.low[n], "ing") {
				return !isAdjectival(m) || agentive(s, m)
			}
		}
		return false
	}
	if m.form == lexicon.FormOrigin {
		// "US-supplied rockets", "Iranian-made drones": where a weapon
		// came from, not who fired it.
		return false
	}
	if isAdjectival(m) {
		if c.f.typ == "aid" {
			return false
		}
		return agentive(s, m)
	}
	return true
}

// treeActorOK reports whether a mention the tree gives as actor may be
// one: a national adjective gives aid only as its owner ("Germany's aid"),
// never as an adjective, which names where things come from ("American
// weapons").
func (c *cand) treeActorOK(m *mention) bool {
	if c.f.typ == model.TypeAid && isAdjectival(m) {
		return false
	}
	return c.hit.tr.class == classAct || c.hit.tr.class == classPledge || c.hit.tr.class == classNoun
}

// findActor fills the actor: the passive agent after the trigger, else the
// nearest entity before the trigger in its clause (a list counts whole),
// else a pronoun resolved back, else the nearest such entity earlier in
// the sentence. The rules are tried in the order of actorRules; the first
// that decides ends the search.
func (x *Extractor) findActor(d *docState, c *cand) {
	for _, rule := range actorRules {
		if rule(x, d, c) {
			return
		}
	}
}

// actorRule reads the actor of c one way. It reports whether it decided,
// with an actor or with none; a rule that did not decide leaves the search
// to the next.
type actorRule func(x *Extractor, d *docState, c *cand) bool

// actorRules are the ways to the actor, most certain first: what the
// parse tree says, then the passive agent, the subject a joined verb
// shares, an attack noun's agent, sides named together, "by" after a noun,
// a subject past its apposition, the nearest entity before the trigger,
// and last the head of a relative clause.
var actorRules = []actorRule{
	(*Extractor).actorInTree,
	(*Extractor).ownerPronoun,
	(*Extractor).actorlessTreeSubject,
	(*Extractor).attackNounUnderComment,
	(*Extractor).passiveAgent,
	(*Extractor).joinedClauseSubject,
	(*Extractor).attackNounAgent,
	(*Extractor).sidesNamedTogether,
	(*Extractor).pronounAndPartner,
	(*Extractor).agentAfterNoun,
	(*Extractor).subjectBeforeApposition,
	(*Extractor).actorBeforeTrigger,
	(*Extractor).relativeClauseHead,
}

// actorInTree takes the actor the parse tree gives, when it may be one:
// the tree knows the subject better than any word-order rule.
func (x *Extractor) actorInTree(d *docState, c *cand) bool {
	m, how := c.treeActor()
	if m == nil || !c.treeActorOK(m) {
		return false
	}
	c.passive = passive(c.s, c.hit)
	c.setActor(c.s, m, how)
	c.actorTree = true
	if len(c.actors) > len(m.codes) && !c.s.tr.coordinatedAt(c.s, m) && c.s.prepPhraseBefore(m) {
		// A name before the subject that looks like the start of a list
		// ("After talks with Zelenskyy, Morawiecki told") closes an
		// opening phrase: the subject alone acts.
		c.actors = m.codes
	}
	return true
}

// ownerPronouns maps an owner pronoun to the personal pronoun it stands
// for, "its" to "it" (see words.tsv).
var ownerPronouns = wordPairs("ownerPronouns")

// ownerPronoun takes the actor of an attack noun owned by a pronoun:
// "Russia is stepping up its attacks", "with its attack on Ukraine,
// Russia broke every rule". The owner is the subject of the clause the
// noun stands in, where that names a party, or else whom the pronoun
// points back to.
func (x *Extractor) ownerPronoun(d *docState, c *cand) bool {
	t, v := c.s.tr, c.trigWord()
	if t == nil || v < 0 || c.f.typ != model.TypeAttack || t.w[v].UPOS != "NOUN" {
		return false
	}
	p := t.child(v, "nmod:poss")
	if p < 0 || t.w[p].UPOS != "PRON" {
		return false
	}
	pron := ownerPronouns[strings.ToLower(t.w[p].Form)]
	if pron == "" || pron == "we" || pron == "i" {
		return false
	}
	for h := t.parent(v); h >= 0; h = t.parent(h) {
		if !t.verbal(h) {
			continue
		}
		if w := t.subjectWord(h); w >= 0 {
			if m := c.entityOf(w); m != nil && c.actorOK(m) {
				c.setActor(c.s, m, "tree: the subject of the clause that owns the attack ("+t.w[p].Form+")")
				c.actorTree = true
				return true
			}
		}
		break
	}
	// Else the party named last before the pronoun: "to designate
	// Russia a sponsor of terrorism for its attacks".
	for i := t.tok[p] - 1; i >= 0; i-- {
		if m := c.s.mentionAt(i); m != nil && m.kind == mEntity && len(m.codes) > 0 && !m.dateline && (!isAdjectival(m) || agentive(c.s, m)) {
			c.setActor(c.s, m, "the party named last before the owner "+strconv.Quote(t.w[p].Form))
			return true
		}
	}
	codes, _, _, ok := d.anaphorAs(c.s, t.tok[p], pron)
	if !ok {
		return false
	}
	c.actors, c.actorT = codes, t.w[p].Form
	c.explain("actor", "tree: %q, owner of the attack, points back to %s", t.w[p].Form, strings.Join(codes, " "))
	return true
}

// actorlessTreeSubject decides an attack or a threat with no actor when
// the tree's subject names no party ("fears that shortages could threaten
// heating"): a word-order rule would take a party from elsewhere in the
// sentence.
func (x *Extractor) actorlessTreeSubject(d *docState, c *cand) bool {
	if c.f.typ != model.TypeAttack && c.f.typ != model.TypeThreaten || !c.treeSubjectNamesNoParty() {
		return false
	}
	c.passive = passive(c.s, c.hit)
	c.explain("actor", "tree: the subject names no party")
	return true
}

// supportVerbs carry out the attack their object names (see words.tsv).
var supportVerbs = words("supportVerbs")

// attackNounUnderComment decides an attack noun with no actor of its own
// that is the object of a verb other than a support verb: "Zelenskiy
// condemned the strike on Odesa", "the garrison repelled an assault". The
// verb's subject comments on the attack or suffers it; the word-order
// rules would take it for the attacker.
func (x *Extractor) attackNounUnderComment(d *docState, c *cand) bool {
	t := c.s.tr
	v := c.trigWord()
	if t == nil || v < 0 || c.f.typ != model.TypeAttack || t.w[v].UPOS != "NOUN" {
		return false
	}
	nested := false
	if t.rel(v) == "nmod" && !c.ownedByParty(v) {
		// "called for a response to Thursday's strikes on Kyiv": the
		// noun hangs from another noun that the verb governs.
		if n := t.parent(v); n >= 0 && t.w[n].UPOS == "NOUN" && (t.rel(n) == "obj" || t.rel(n) == "obl") {
			v, nested = n, true
		}
	}
	if t.rel(v) != "obj" && !nested {
		return false
	}
	p := t.parent(v)
	if p < 0 || !t.verbal(p) || supportVerbs[strings.ToLower(t.w[p].Lemma)] {
		return false
	}
	if c.hit.tr.class == classAct && auxiliaryLemmas[strings.ToLower(t.w[p].Lemma)] {
		// "forces have retaken three villages", with a participle the
		// tagger did not know read as a noun: the tense is the verb's,
		// and its subject acts.
		return false
	}
	c.explain("actor", "tree: the attack noun is the object of %q, whose subject is no attacker", t.w[p].Form)
	return true
}

// ownedByParty reports whether noun w has an owner that names a party:
// "Russia's strikes", "Russian shelling".
func (c *cand) ownedByParty(w int) bool {
	t := c.s.tr
	for _, k := range t.children(w, "nmod:poss", "amod", "compound") {
		if m := c.s.mentionAt(t.tok[k]); m != nil && partyMention(m) {
			return true
		}
	}
	return false
}

// auxiliaryLemmas are the verbs that also serve as auxiliaries (see
// words.tsv).
var auxiliaryLemmas = words("auxiliaryLemmas")

// passiveAgent reads the actor of a passive verb, which only "by" names:
// it marks c passive, and decides with no actor for a frame whose subject
// is what the act was done to, lest the subject be taken as the actor.
func (x *Extractor) passiveAgent(d *docState, c *cand) bool {
	s := c.s
	// Passive: "were sent by Germany", "Kyiv was hit", "Kropyvnytskyi hit by
	// 13 missiles". The agent comes only after "by"; the subject before the
	// verb is what the act was done to.
	if !passive(s, c.hit) {
		return false
	}
	c.passive = true
	for i := c.hit.t1; i < c.r && i < c.hit.t1+8; i++ {
		if s.low[i] == "by" {
			if m := s.mentionAt(i + 1 + boolInt(i+1 < len(s.low) && determiners[s.low[i+1]])); m != nil && c.actorOK(m) {
				c.setActor(s, m, "passive agent after \"by\"")
				return true
			}
			break
		}
	}
	if patientFrames[c.f.typ] {
		c.explain("actor", "passive verb with no agent named")
		return true
	}
	return false
}

// joinedClauseSubject takes, for a verb joined by "and" to the clause
// before it, the subject of that clause (or a pronoun resolved back): the
// joined verb has none of its own.
func (x *Extractor) joinedClauseSubject(d *docState, c *cand) bool {
	s := c.s
	// "We hope ... and call on Russia": a verb joined by "and" shares the
	// subject at the head of its clause.
	k := c.hit.t0 - 1
	for k > c.l && sequenceAdverbs[s.low[k]] {
		k--
	}
	if k <= c.l || s.low[k] != "and" || c.hit.tr.class != classAct {
		return false
	}
	for i := joinedClauseHead(c, k); i < k; i++ {
		if m := s.mentionAt(i); m != nil {
			if c.actorOK(m) {
				c.setActor(s, m, "subject of the clause the verb is joined to")
				return true
			}
			i = m.t1 - 1
			continue
		}
		if codes, t0, t1, ok := d.anaphor(s, i); ok {
			c.actors, c.actorT = codes, textOf(s, t0, t1)
			c.explain("actor", "%q, subject of the clause the verb is joined to, points back to %s", c.actorT, strings.Join(codes, " "))
			return true
		}
	}
	return false
}

// joinedClauseHead returns where the subject of the clause the "and" at
// k joins a verb to is looked for: the clause start, or past the last
// reporting verb, whose speaker is no subject (speech and aid are the
// speaker's own).
func joinedClauseHead(c *cand, k int) int {
	s := c.s
	if speech[c.f.typ] || c.f.typ == model.TypeAid {
		return c.l
	}
	// The head of the joined clause lies after the last reporting
	// verb: in "the military said missiles had hit X, killing one and
	// injuring five" the speaker is the source, not the subject.
	for i := k - 1; i >= c.l; i-- {
		if reportVerbs[s.low[i]] && s.mentionAt(i) == nil {
			return i + 1
		}
	}
	return c.l
}

// attackNounAgent decides a nominal trigger that is the agent of a
// passive verb: the subject is what was hit, so the actor can only be an
// adjective on the noun.
func (x *Extractor) attackNounAgent(d *docState, c *cand) bool {
	s := c.s
	if agentOf(s, c.hit) < 0 {
		return false
	}
	// "websites were hit by a cyberattack": the subject was hit; only
	// an adjective on the noun names who did it ("a Russian attack").
	if m := s.mentionAt(c.hit.t0 - 1); m != nil && m.kind == mEntity && isAdjectival(m) && !originForm(m) {
		c.setActor(s, m, "adjective on the attack")
	}
	return true
}

// sidesNamedTogether takes both sides of a meeting or talks named by two
// national adjectives joined by "and": neither alone is the actor.
func (x *Extractor) sidesNamedTogether(d *docState, c *cand) bool {
	if c.f.typ != model.TypeMeet && c.f.typ != model.TypeTalks {
		return false
	}
	s := c.s
	// "Russian and Ukrainian negotiators met": both sides.
	for k := c.hit.t0 - 1; k >= c.l+2; k-- {
		a, b := s.mentionAt(k-2), s.mentionAt(k)
		if s.low[k-1] == "and" && a != nil && b != nil && a.kind == mEntity && b.kind == mEntity && isAdjectival(a) && isAdjectival(b) &&
			len(a.codes) == 1 && len(b.codes) == 1 && a.codes[0] != b.codes[0] && b.t1 < len(s.low) && isLowerWord(s.toks[b.t1].Text) {
			c.actors, c.actorM, c.actorT = []string{a.codes[0], b.codes[0]}, a, textOf(s, a.t0, b.t1)
			c.explain("actor", "the sides named together: %q -> %s %s", c.actorT, a.codes[0], b.codes[0])
			return true
		}
	}
	return false
}

// pronounAndPartner reads a meeting or talks whose subject joins a
// pronoun and a name: "he and Mr. Scholz met", "she and Scholz held
// talks". The pronoun points back to one side; the name is the other.
func (x *Extractor) pronounAndPartner(d *docState, c *cand) bool {
	t, v := c.s.tr, c.trigWord()
	if c.f.typ != model.TypeMeet && c.f.typ != model.TypeTalks || t == nil || v < 0 || !t.verbal(v) {
		return false
	}
	w := t.subjectWord(v)
	if w < 0 || t.w[w].UPOS != "PRON" {
		return false
	}
	for _, k := range t.children(w, "conj") {
		m := c.entityOf(k)
		if m == nil || len(m.codes) == 0 {
			continue
		}
		codes, _, _, ok := d.anaphor(c.s, t.tok[w])
		if ok && slices.Equal(codes, m.codes) {
			// A pronoun joined to a name is someone else: "when he
			// and Mr. Scholz met, Mr. Macron spoke first" points ahead
			// to the other person the sentence names.
			codes = c.s.otherPerson(m)
			ok = len(codes) > 0
		}
		if !ok {
			return false
		}
		c.actors = append(slices.Clone(codes), m.codes...)
		c.actorM, c.actorT = m, t.w[w].Form+" and "+textOf(c.s, m.t0, m.t1)
		c.explain("actor", "tree: %q joined as subject -> %s", c.actorT, strings.Join(c.actors, " "))
		return true
	}
	return false
}

// otherPerson returns the codes of the first person the sentence names
// whose side differs from m's, or nil.
func (s *sent) otherPerson(m *mention) []string {
	for i := range s.low {
		o := s.mentionAt(i)
		if o == nil || o == m || o.kind != mEntity || o.entry.Kind != lexicon.KindPerson || len(o.codes) == 0 {
			continue
		}
		if !slices.Equal(o.codes, m.codes) {
			return o.codes
		}
	}
	return nil
}

// agentAfterNoun takes the agent "by" introduces after an event noun
// ("an attack by Russia"): it names the actor outright.
func (x *Extractor) agentAfterNoun(d *docState, c *cand) bool {
	m := c.nounAgentAfter()
	if m == nil {
		return false
	}
	c.setActor(c.s, m, "\"by\" after the event noun")
	return true
}

// subjectBeforeApposition takes a subject set off from its verb by an
// apposition or relative clause ("Latvia, a NATO member that borders
// Russia, has sent"): the entities inside the apposition are not the
// subject.
func (x *Extractor) subjectBeforeApposition(d *docState, c *cand) bool {
	m := appositiveSubject(c.s, c.hit.t0, c.l)
	if m == nil || !c.actorOK(m) {
		return false
	}
	c.setActor(c.s, m, "subject before its apposition")
	return true
}

// actorBeforeTrigger takes the nearest entity, or pronoun resolved back,
// before the trigger in its clause: in English word order the subject
// comes before its verb.
func (x *Extractor) actorBeforeTrigger(d *docState, c *cand) bool {
	if c.underNoun() {
		// "a city under constant assault": what comes before suffers
		// the attack; only "by" names who makes it.
		c.explain("actor", "tree: what is under the attack suffers it")
		return true
	}
	return x.scanActor(d, c, c.l)
}

// relativeClauseHead looks for the subject before the clause, past the
// relative clause that split it from its verb. An actor found so far away
// is less certain. It is the last rule and so always decides.
func (x *Extractor) relativeClauseHead(d *docState, c *cand) bool {
	s := c.s
	// Past a relative clause to its head: "Germany, which had long
	// refused, will now send ...".
	if c.l > 0 {
		from := c.l - 1
		for from > 0 && (!isBoundary(s, from-1) || relative[s.low[from-1]]) {
			from--
		}
		if from < c.l-1 && x.scanActor(d, c, from) {
			c.conf -= 0.1
		}
	}
	return true
}

var determiners = words("determiners")

// beAux are the forms of "be" (and "get") that make a past participle
// passive.
var beAux = words("beAux")

// passive reports whether a verbal trigger is a passive participle: after a
// form of "be" (with adverbs between), or followed by "by" with no
// auxiliary ("Kropyvnytskyi hit by 13 missiles").
func passive(s *sent, h trigHit) bool {
	if h.tr.class == classSuffer {
		return true
	}
	if h.tr.class == classNoun || !pastForm(s.low[h.t1-1]) {
		return false
	}
	for k := h.t0 - 1; k >= 0 && k >= h.t0-3; k-- {
		w := s.low[k]
		if beAux[w] {
			// "'s" is "is" only after a pronoun or name, not a possessive.
			return w != "'s" && w != "’s" || k > 0 && pluralPronouns[s.low[k-1]]
		}
		if !(strings.HasSuffix(w, "ly") || passiveGap[w]) {
			break
		}
	}
	if h.t1 < len(s.low) && s.low[h.t1] == "by" && h.t0 > 0 && reducedPassive[h.f.typ] {
		// A reduced relative or headline passive: the word before is a name
		// or noun, not an auxiliary or subject pronoun.
		prev := s.low[h.t0-1]
		if !pluralPronouns[prev] && prev != "has" && prev != "have" && prev != "had" {
			return true
		}
	}
	return false
}

// sequenceAdverbs may stand between "and" and a joined verb that shares
// the subject of its clause.
var sequenceAdverbs = words("sequenceAdverbs")

// passiveGap may stand, with adverbs in "-ly", between a form of "be" and
// its participle.
var passiveGap = words("passiveGap")

// relative open a relative clause or apposition that a subject is looked
// for across.
var relative = words("relative")

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

func (x *Extractor) scanActor(d *docState, c *cand, from int) bool {
	s := c.s
	for i := c.hit.t0 - 1; i >= from; i-- {
		// "Andryushchenko said there had been 35 airstrikes": who reports
		// an attack is its source, not its actor. Speech acts and aid
		// announcements are the speaker's own.
		if reportVerbAt(s, i) && s.mentionAt(i) == nil && !speech[c.f.typ] && !speakerActs[c.f.typ] {
			return false
		}
		m := s.mentionAt(i)
		if m != nil && m.kind != mNum {
			if c.actorOK(m) && !inIncluding(s, m.t0, c.l) && !c.objectOfOtherVerb(m) {
				c.setActor(s, m, "")
				return true
			}
			i = m.t0
			continue
		}
		// A number may stand for the people just named ("the two met").
		if codes, t0, t1, ok := d.anaphor(s, i); ok {
			if afterPrep(s, t0) {
				continue
			}
			c.actors = codes
			c.actorT = textOf(s, t0, t1)
			c.explain("actor", "%q points back to %s", c.actorT, strings.Join(codes, " "))
			return true
		}
	}
	return false
}

// objectOfOtherVerb reports whether the tree makes m the object of a verb
// other than the trigger: "was visiting Kyiv when the missiles hit" has
// Kyiv visited, not attacking.
func (c *cand) objectOfOtherVerb(m *mention) bool {
	t := c.s.tr
	if t == nil {
		return false
	}
	v := c.trigWord()
	w := t.head[m.t1-1]
	if w < 0 || t.rel(w) != "obj" && t.rel(w) != "iobj" {
		return false
	}
	p := t.parent(w)
	if p < 0 || p == v || t.w[p].UPOS != "VERB" {
		return false
	}
	// "blamed Ukraine for a missile attack", "accused Kyiv of
	// shelling": the object is the doer of what follows "for" or "of".
	if v >= 0 && t.parent(v) == p && (t.rel(v) == "xcomp" || t.infinitive(v) || t.prepositionalGerund(v) || gerundPreps[t.caseOf(v, c.s.low)]) {
		// and "led the president to call for": the object of a verb of
		// control may do what its infinitive tells (the parser gives
		// such clauses as xcomp or as a clause of purpose).
		return false
	}
	return true
}

func (c *cand) setActor(s *sent, m *mention, how string) {
	codes := m.codes
	if org := s.groupOrg(m); org != "" && asBody[c.f.typ] {
		codes = []string{org}
	} else if list := s.coordinated(m); len(list) > 1 {
		codes = list
	}
	c.actors = codes
	c.actorM = m
	c.actorT = textOf(s, m.t0, m.t1)
	if how == "" {
		how = "entity before the trigger"
	}
	c.explain("actor", "%s %q (%s %s) -> %s", how, c.actorT, m.entry.Kind, m.form, strings.Join(codes, " "))
}

// prepPhraseBefore reports whether a comma right before m closes a
// phrase whose last name follows a preposition ("after talks with
// Zelenskyy,").
func (s *sent) prepPhraseBefore(m *mention) bool {
	if m.t0 < 2 || s.low[m.t0-1] != "," {
		return false
	}
	p := s.mentionAt(m.t0 - 2)
	return p != nil && afterPrep(s, p.t0)
}

func textOf(s *sent, t0, t1 int) string {
	if t1 <= t0 {
		return ""
	}
	return spanText(s, t0, t1)
}

func spanText(s *sent, t0, t1 int) string {
	return s.text[s.toks[t0].Start:s.toks[t1-1].End]
}

// inIncluding reports whether token t lies in an "including ..."
// parenthesis after the subject: "G7 leaders, including Boris Johnson and
// Joe Biden, held a video call".
func inIncluding(s *sent, t, from int) bool {
	for k := t - 1; k >= from; k-- {
		switch s.low[k] {
		case ",", ";":
			return false
		case "including", "among":
			return k > 0 && s.low[k-1] == ","
		}
	}
	return false
}

// verbGroup are the words of a verb group before its main verb.
var verbGroup = words("verbGroup")

// appositiveSubject finds the subject of a verb whose subject carries an
// apposition or a relative clause set off by commas: "Latvia, a NATO member
// that borders Russia, has sent", "Boris Johnson, who visited Kyiv on
// Saturday, promised". It returns nil when the verb does not follow a
// comma.
func appositiveSubject(s *sent, v, l int) *mention {
	k := v - 1
	for k >= 0 && verbGroup[s.low[k]] {
		k--
	}
	if k < 1 || s.low[k] != "," {
		return nil
	}
	for j := k - 1; j > 0; j-- {
		w := s.low[j]
		if boundaryPunct[w] || w == "." {
			return nil
		}
		if w != "," {
			continue
		}
		if j+1 < k && appositionStarts[s.low[j+1]] {
			if m := s.mentionAt(j - 1); m != nil && (m.kind == mEntity || m.kind == mSource) && len(m.codes) > 0 && m.t1 == j {
				return m
			}
		}
	}
	return nil
}

// appositionStarts open an apposition or a relative clause after a name.
var appositionStarts = words("appositionStarts")
