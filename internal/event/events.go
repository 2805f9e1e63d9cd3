package event

import (
	"fmt"
	"strings"
	"time"

	"github.com/sitrep-project/sitrep/internal/lexicon"
	"github.com/sitrep-project/sitrep/internal/model"
)

// threatCues tell a threat from a mere warning ("warned of the threat of
// an invasion" is not one): a condition or a consequence.
var threatCues = words("threatCues")

// sentenceEvents builds the candidate events of one sentence.
func (x *Extractor) sentenceEvents(d *docState, s *sent) []*cand {
	var out []*cand
	// Attacks first: losses told before the attack that caused them in
	// one sentence ("19 were killed after missiles hit") take its sides.
	order := make([]trigHit, 0, len(s.trigs))
	for _, h := range s.trigs {
		if h.f.typ == model.TypeAttack {
			order = append(order, h)
		}
	}
	for _, h := range s.trigs {
		if h.f.typ != model.TypeAttack {
			order = append(order, h)
		}
	}
	for _, h := range order {
		if inApposition(s, h) {
			// "Viktor Orban, a critic of EU sanctions on Russia, said":
			// the noun describes the person, it tells no event.
			continue
		}
		c := &cand{f: h.f, hit: h, s: s, conf: 0.9}
		c.l, c.r = clause(s, h.t0, h.t1)
		c.own, c.whole = c.l, c.r
		c.ownConjunct()
		c.explain("trigger", "%s frame, %q (%s)", h.f.typ, textOf(s, h.t0, h.t1), className(h.tr.class))
		if x.fill(d, c) {
			out = append(out, c)
		}
	}
	out = append(out, selfDenials(s, out)...)
	out = append(out, meetingVisits(s, out)...)
	out = append(out, speakerAbroad(s, out)...)
	// What this sentence tells the next: its first actor for "it" and
	// "he", its lists and groups for "they" and "the three nations".
	for i := range s.ms {
		m := &s.ms[i]
		if (m.kind != mEntity && m.kind != mSource) || len(m.codes) == 0 || afterPrep(s, m.t0) || isAdjectival(m) && !agentive(s, m) || m.dateline {
			// "Ukrainian forces are holding the line. They have
			// retaken ...": a state's adjective before its forces is
			// what "they" points back at.
			continue
		}
		if list := s.coordinated(m); len(list) > 1 || s.listNeighbour(m.t1-1, 1) != nil {
			// A list, even of two people of one state ("Blinken and
			// Austin"), is what "the two" points back at.
			d.lastPlural = list
		} else if m.plural {
			d.lastPlural = m.codes
		} else if with := s.companions(m); len(with) > 0 {
			// "Heger, who travelled with von der Leyen and Borrell,
			// said ... The three met Zelenskyy": the subject and those
			// who came with them.
			group := append([]string{}, m.codes...)
			for _, code := range with {
				if !contains(group, code) {
					group = append(group, code)
				}
			}
			d.lastPlural = group
		}
		d.lastActors = m.codes
		break
	}
	// The last body named anywhere in the sentence, for "them" as an
	// object: "addressed the G7 summit. He told them ...".
	for i := len(s.ms) - 1; i >= 0; i-- {
		m := &s.ms[i]
		if m.kind == mEntity && m.entry != nil && (m.entry.Kind == lexicon.KindOrg || m.entry.Kind == lexicon.KindGroup) {
			d.lastBody = m.codes
			if org := s.groupOrg(m); org != "" {
				d.lastBody = []string{org}
			}
			break
		}
	}
	return out
}

// companions returns the codes of the people or bodies named after
// "with" later in m's sentence, who travel or act together with m: the
// first such mention and those listed with it.
func (s *sent) companions(m *mention) []string {
	for i := m.t1; i < len(s.low); i++ {
		n := s.mentionAt(i)
		if n == nil {
			continue
		}
		i = n.t1 - 1
		if !partyMention(n) || prepBefore(s, n.t0) != "with" {
			continue
		}
		out := append([]string{}, s.coordinated(n)...)
		// "with the Commission president, Ursula von der Leyen, and
		// the EU's foreign policy chief, Josep Borrell": a list whose
		// members carry appositions.
		for k := n.t1; k < len(s.low); k++ {
			o := s.mentionAt(k)
			if o == nil {
				continue
			}
			k = o.t1 - 1
			if s.low[o.t0-1] == "and" || o.t0 >= 2 && s.low[o.t0-2] == "and" {
				if partyMention(o) {
					out = append(out, o.codes...)
				}
				break
			}
		}
		return out
	}
	return nil
}

// addressVerbs are verbs of speaking whose object a demand is made of.
var addressVerbs = words("addressVerbs")

// addressee finds whom a demand with no target is made of: the object of
// a verb of speaking in its sentence ("told them ... and asked for",
// "addressed Congress and asked for").
func (d *docState) addressee(c *cand) (codes []string, text string) {
	s := c.s
	for i := 0; i+1 < len(s.low) && i < c.hit.t0; i++ {
		if !addressVerbs[s.low[i]] {
			continue
		}
		k := i + 1
		if s.low[k] == "to" || determiners[s.low[k]] {
			k++
		}
		if k >= len(s.low) {
			continue
		}
		if m := s.mentionAt(k); m != nil && m.kind == mEntity && len(m.codes) > 0 && !isAdjectival(m) {
			codes = m.codes
			if org := s.groupOrg(m); org != "" {
				codes = []string{org}
			}
			return codes, textOf(s, m.t0, m.t1)
		}
		if s.low[k] == "them" && len(d.lastBody) > 0 {
			return d.lastBody, "them"
		}
	}
	return nil, ""
}

// definiteOpeners make the trigger after them a definite mention.
var definiteOpeners = words("definiteOpeners")

// definite reports a trigger after "the", "this" or a possessive pronoun.
func definite(s *sent, h trigHit) bool {
	if h.t0 == 0 {
		return false
	}
	return definiteOpeners[s.low[h.t0-1]]
}

// ownForceNouns name a state's own forces after a possessive.
var ownForceNouns = words("ownForceNouns")

// ownForces reports money or arms a state puts into its own military:
// "a special fund for its armed forces", "more on their own defence".
func ownForces(s *sent, l, r int) bool {
	for k := l; k+2 < r; k++ {
		if s.low[k] != "for" && s.low[k] != "into" && s.low[k] != "on" {
			continue
		}
		j := k + 1
		if s.low[j] != "its" && s.low[j] != "their" && s.low[j] != "our" {
			continue
		}
		j++
		if s.low[j] == "own" && j+1 < r {
			j++
		}
		if ownForceNouns[s.low[j]] {
			return true
		}
	}
	return false
}

// otherClause reports a sentence's source that lies across a contrasting
// conjunction from the candidate's clause.
func otherClause(s *sent, c *cand) bool {
	t0, _ := s.tokRange(c.src.span.Start, c.src.span.End)
	lo, hi := t0, c.l
	if t0 >= c.r {
		lo, hi = c.r, t0
	} else if t0 >= c.l {
		return false
	}
	for k := lo; k < hi && k < len(s.low); k++ {
		switch s.low[k] {
		case "while", "whereas":
			return true
		}
	}
	return false
}

// valueNouns name what aid is worth, not aid of their own.
var valueNouns = words("valueNouns")

// nominal reports a verb trigger used as a noun: "the supply of Javelins",
// "a delivery of fuel".
func nominal(s *sent, h trigHit) bool {
	if h.t0 == 0 {
		return false
	}
	prev := s.low[h.t0-1]
	if (prev == "the" || prev == "a") && h.t1 < len(s.low) && s.low[h.t1] == "of" {
		return true
	}
	// A plural verb form after a preposition or a quantifier is a noun:
	// "50 million euros for supplies such as fuel", "further supplies".
	w := s.low[h.t0]
	return strings.HasSuffix(w, "s") && (preps[prev] || nounQuantifiers[prev])
}

// nounQuantifiers come before nouns, never before verbs.
var nounQuantifiers = words("nounQuantifiers")

// className is the name triggers.tsv gives class c.
func className(c class) string {
	for name, k := range classNames {
		if k == c {
			return name
		}
	}
	return fmt.Sprintf("class %d", c)
}

// verdict is what a step of fill decides of its candidate.
type verdict uint8

const (
	// proceed: the step has done its part; the next step reads on.
	proceed verdict = iota
	// reject: the candidate makes no event.
	reject
	// accept: the candidate is an event as it stands, and no later step
	// adds to it.
	accept
)

// fill finds the candidate's arguments and reports whether it makes an
// event.
func (x *Extractor) fill(d *docState, c *cand) bool {
	s := c.s
	c.takeSentenceSource()
	if misreadTrigger(s, c) || handsOver(s, c) {
		return false
	}
	class := c.readingClass()
	permitted, ok := x.findParties(d, c, class)
	if !ok {
		return false
	}
	c.dropSourceAcrossContrast()
	if v := x.refersBack(d, c); v != proceed {
		return v == accept
	}
	if v := argRuleOf(c.f.typ)(x, d, c, class, permitted); v != proceed {
		return v == accept
	}
	c.findWhen(d)
	c.speakerSource()
	if background(d, c) {
		return false
	}
	d.rememberEvent(c, class)
	return true
}

// findWhen dates the event by its own sentence, or else by the story
// before it.
func (c *cand) findWhen(d *docState) {
	if c.tx == nil {
		c.findTime()
	}
	if c.tx == nil {
		c.inheritTime(d)
	}
}

// speakerSource makes a person who is the actor of a speech act with no
// source the source of their own words.
func (c *cand) speakerSource() {
	if speech[c.f.typ] && c.actorM != nil && c.src == nil &&
		(c.actorM.kind == mName || c.actorM.kind == mEntity && (c.actorM.entry.Kind == lexicon.KindPerson || c.actorM.entry.Kind == lexicon.KindRole)) {
		// A person's own denial or demand is told on their word, and
		// so is an official's ("a US official accused Moscow").
		if src := mentionSource(c.s, c.actorM); src != nil {
			c.src = src
			c.explain("source", "the speaker, %s", src.name)
		}
	}
}

// background reports an event the article recalls rather than reports:
// one dated years before it, or the war's start named as a point in
// time. It finds the event's places first, since a place makes a recalled
// attack a report of it.
func background(d *docState, c *cand) bool {
	if historical(d, c) {
		// "the 2019 order of six drones", "shelled in 2014": background,
		// not news.
		return true
	}
	if len(c.places) == 0 {
		c.findPlaces()
	}
	if c.f.typ == model.TypeAttack && len(c.places) == 0 && c.recallsWarStart(d) {
		// "about a week before Putin's forces invaded Ukraine", in a
		// story of July: the war's start, recalled.
		return true
	}
	if referenceTypes[c.f.typ] && len(c.places) == 0 && c.referenceOnly() {
		// "since Russia invaded Ukraine": the war's start as a point in
		// time. One recalled with its place ("since the attack on the
		// station in Kramatorsk") is a report of that attack.
		return true
	}
	return false
}

// rememberEvent records an event the sentence told for the rules of later
// sentences: the last event of its type (for definite nouns), the facts
// told (for dates and repeats), the last aid and item (for continuing
// verbs and "them"), and the last attack (for the losses it caused). A
// continuing verb's aid is not remembered as the package itself.
func (d *docState) rememberEvent(c *cand, class class) {
	typ := c.f.typ
	d.last[typ] = c
	if factual(c) {
		d.done[typ] = append(d.done[typ], c)
		d.doneIn[c.s] = append(d.doneIn[c.s], c)
		if c.tx != nil {
			d.lastDated = c
		}
	}
	switch typ {
	case model.TypeAid:
		if class != classContinue {
			d.lastAid = c
		}
		if n := len(c.items); n > 0 {
			it := c.items[n-1]
			d.lastItem = &it
		}
	case model.TypeAttack:
		if factual(c) {
			d.lastAttack = c
			d.lastAttackIdx = c.s.idx
		}
	}
}

// takeSentenceSource gives the candidate the source its sentence
// attributes its facts to; later steps may drop it, or name the speaker
// where the sentence names none.
func (c *cand) takeSentenceSource() {
	c.src = c.s.src
	if c.src != nil {
		c.explain("source", "%s", c.s.srcExplain)
	}
}

// nounCompound reports a one-word trigger the tree reads as a noun
// compounded with another noun that names no event of its type: "death
// threats", "the death penalty". (An adjective or participle is not one:
// parses of "1,115 wounded" vary.)
func nounCompound(s *sent, h trigHit) bool {
	t := s.tr
	if t == nil || h.t1 != h.t0+1 {
		return false
	}
	w := t.head[h.t0]
	return w >= 0 && t.w[w].UPOS == "NOUN" && t.rel(w) == "compound" && s.describesThing(h.t0)
}

// speaksToNoParty reports a talks phrase that ends in its preposition
// ("spoke to", "speak with") followed by a common noun, not a party: "the
// mayor spoke to reporters", "talked with students".
func speaksToNoParty(s *sent, h trigHit) bool {
	if h.t1 >= len(s.low) || !preps[s.low[h.t1-1]] {
		return false
	}
	k := h.t1
	for k < len(s.low) && determiners[s.low[k]] {
		k++
	}
	if k >= len(s.low) || !isLowerWord(s.toks[k].Text) {
		return false
	}
	m := s.mentionAt(k)
	return m == nil || m.kind != mEntity && m.kind != mSource
}

// vagueAidNouns are aid nouns that as often name backing of any kind
// (see words.tsv).
var vagueAidNouns = words("vagueAidNouns")

// vagueSupport reports a vague aid noun ("support") the tree gives nothing
// that makes it aid: no word of aid's kind on it ("military support"), no
// party it goes to or comes from ("support for Kyiv", "US support"), no
// amount.
func vagueSupport(s *sent, h trigHit) bool {
	t := s.tr
	if t == nil || h.t1 != h.t0+1 || !vagueAidNouns[s.low[h.t0]] {
		return false
	}
	v := t.head[h.t0]
	if v < 0 {
		return false
	}
	for w := range t.w {
		if w == v || !t.dominates(v, w) {
			continue
		}
		k := t.tok[w]
		if k < 0 {
			continue
		}
		if modeWords[s.low[k]] != "" {
			return false
		}
		if m := s.mentionAt(k); m != nil && (m.kind == mNum || partyMention(m)) {
			return false
		}
	}
	return true
}

// sentenceVerbs are verbs of a court's sentence (see words.tsv).
var sentenceVerbs = words("sentenceVerbs")

// sentencedTo reports a word of death the tree makes the oblique of a verb
// of sentencing: "were sentenced to death by a court" is a sentence, not a
// loss.
func sentencedTo(s *sent, h trigHit) bool {
	t := s.tr
	if t == nil {
		return false
	}
	w := t.head[h.t0]
	if w < 0 || t.rel(w) != "obl" {
		return false
	}
	p := t.parent(w)
	return p >= 0 && sentenceVerbs[strings.ToLower(t.w[p].Lemma)]
}

// dismissVerbs are verbs of attack that, with a person as their object,
// dismiss the person from a post (see words.tsv).
var dismissVerbs = words("dismissVerbs")

// dismissal reports an attack verb whose object the tree gives as a
// person: "the president fired his prosecutor general" dismisses, where
// "fired missiles at the port" attacks.
func dismissal(s *sent, h trigHit) bool {
	t := s.tr
	if t == nil {
		return false
	}
	v := t.head[h.t0]
	if v < 0 || t.w[v].UPOS != "VERB" || !dismissVerbs[strings.ToLower(t.w[v].Lemma)] {
		return false
	}
	// Any person in the object's phrase: "fired his head of security and
	// the prosecutor general".
	return personObject(s, v, true, personMention)
}

// attacksAPerson reports an active attack verb whose object the tree
// gives as a person: "attacked Zelenskiy for comparing the war to the
// Holocaust" criticises him; strikes fall on places, forces and things.
func attacksAPerson(s *sent, h trigHit) bool {
	t := s.tr
	if t == nil {
		return false
	}
	v := t.head[h.t0]
	// Only a person the lexicon knows: an unknown capitalised name is
	// as often a village ("shelled Bilohorivka").
	known := func(m *mention) bool { return m != nil && m.entry != nil && m.entry.Kind == lexicon.KindPerson }
	return v >= 0 && t.verbal(v) && !t.passiveVerb(v) && personObject(s, v, false, known)
}

// personObject reports an object of verb v that names a person by
// isPerson: the object itself, or, with anywhere, any word of its phrase.
func personObject(s *sent, v int, anywhere bool, isPerson func(*mention) bool) bool {
	t := s.tr
	for _, o := range t.children(v, "obj") {
		for w := range t.w {
			if w == o || anywhere && t.dominates(o, w) {
				if k := t.tok[w]; k >= 0 && isPerson(s.mentionAt(k)) {
					return true
				}
			}
		}
	}
	return false
}

// misreadTrigger reports trigger words that tell no event of their frame
// where they stand: a participle describing a noun, an attack that is a
// cyberattack or a sanction, victims described rather than counted.
func misreadTrigger(s *sent, c *cand) bool {
	typ, class := c.f.typ, c.hit.tr.class
	if class == classAct && typ != model.TypeCasualties && adjectivalParticiple(s, c.hit) {
		return true
	}
	if typ == model.TypeAttack && (dismissal(s, c.hit) || attacksAPerson(s, c.hit)) {
		return true
	}
	if typ == model.TypeAid && vagueSupport(s, c.hit) {
		// "her support of an abortion rights bill": backing, not aid.
		return true
	}
	if typ == model.TypeTalks && speaksToNoParty(s, c.hit) {
		// "the mayor spoke to reporters": no talks.
		return true
	}
	if typ == model.TypeCasualties && (nounCompound(s, c.hit) || sentencedTo(s, c.hit)) {
		// "death threats", "the death penalty", "sentenced to death":
		// no one has died.
		return true
	}
	if typ == model.TypeAttack && c.hit.t1 < len(s.low) && s.low[c.hit.t1] == "by" {
		// "were hit by a cyberattack": not a strike.
		for _, h := range s.trigs {
			if h.f.typ == model.TypeCyberattack && h.t0 > c.hit.t1 && h.t0 <= c.hit.t1+5 {
				return true
			}
		}
	}
	if typ == model.TypeAttack {
		// "denial-of-service attacks", "cyber attacks hit websites": the
		// noun, or the verb's subject, is a cyberattack.
		for _, h := range s.trigs {
			if h.f.typ == model.TypeCyberattack && h.t0 <= c.hit.t0 && h.t1 >= c.hit.t0-2 {
				return true
			}
		}
	}
	if typ == model.TypeAttack && class == classAct && sanctionsInClause(s, c) {
		// "rounds of sanctions have targeted the energy sector".
		return true
	}
	if typ == model.TypeCasualties && describedVictims(s, c.hit) {
		// "the evacuation of wounded Ukrainian fighters": a description,
		// not a report of losses.
		return true
	}
	if typ == model.TypeAid && class == classAct && (reducedRelative(s, c.hit) || participleOfItems(s, c.hit)) {
		// "a memorandum released by the White House": a participle
		// describing a noun that is not aid.
		return true
	}
	return false
}

// handsOver reports a trigger that leaves its event to another trigger
// of its sentence, which reads the same words with more to go on: a
// permitting verb to the act it permits, an announcing verb or a naming
// noun to the verb of giving, a continuing verb to the trigger it
// continues. Each event is then told once.
func handsOver(s *sent, c *cand) bool {
	return permitHandsOver(s, c) || announceHandsOver(s, c) || continueHandsOver(s, c) || nominalHandsOver(s, c)
}

// permitHandsOver reports a permitting verb followed, through an
// infinitive, by the act it permits: the act reads the event, with the
// permitted party as its actor.
func permitHandsOver(s *sent, c *cand) bool {
	typ, class := c.f.typ, c.hit.tr.class
	// "permitting Estonia, Latvia and Lithuania to dispatch weapons": the
	// permitting verb hands over to the act after it, whose actor is the
	// permitted party.
	if class == classAuthorize {
		for _, h := range s.trigs {
			if h.t0 > c.hit.t0 && h.t0 < c.r && h.f.typ == typ && h.tr.class == classAct && infinitiveBetween(s, c.hit.t1, h.t0) {
				return true
			}
		}
	}
	return false
}

// announceHandsOver reports an aid trigger that announces or names aid
// (a pledging verb, a noun, a verb used as a noun) where a verb of giving
// tells the same aid: one after it in its sentence, or, for a noun of what
// aid is worth ("worth", "total"), one before it in its clause. The verb
// reads the same cues and has the parties.
func announceHandsOver(s *sent, c *cand) bool {
	typ, class := c.f.typ, c.hit.tr.class
	// "announced that it would supply X": the announcing verb or naming
	// noun hands over to the act after it, which reads the same cues.
	if typ == model.TypeAid && (class == classPledge || class == classNoun || nominal(s, c.hit)) {
		for _, h := range s.trigs {
			if h.t0 > c.hit.t0 && h.f.typ == typ && h.tr.class == classAct && !nominal(s, h) && !participleClause(s, h) {
				return true
			}
			// "Norway provided protective equipment worth NOK 25 million":
			// a noun naming the aid after the verb of its clause is the
			// verb's too.
			if class == classNoun && valueNouns[c.hit.tr.phrase] && h.t0 < c.hit.t0 && h.t0 >= c.l && h.f.typ == typ && h.tr.class == classAct && !nominal(s, h) {
				return true
			}
		}
	}
	return false
}

// participleClause reports a trigger the tree reads as a participle or
// gerund heading a clause of its own, with no tense ("..., sending it to
// the president for signature"): what it tells follows from the main
// clause, and a noun of aid before it keeps its own event.
func participleClause(s *sent, h trigHit) bool {
	t := s.tr
	if t == nil {
		return false
	}
	w := t.head[h.t0]
	if w < 0 || t.w[w].UPOS != "VERB" || t.rel(w) != "advcl" {
		return false
	}
	f := t.w[w].Feats
	return (strings.Contains(f, "VerbForm=Part") || strings.Contains(f, "VerbForm=Ger")) && !t.finite(w)
}

// continueHandsOver reports a continuing verb ("includes", "comprises")
// after another trigger of its type in its clause: what it lists belongs
// to that event.
func continueHandsOver(s *sent, c *cand) bool {
	typ, class := c.f.typ, c.hit.tr.class
	// "announced $10 million in aid, including night-vision devices": a
	// continuing verb after another trigger of its clause belongs to it.
	if class == classContinue {
		for _, h := range s.trigs {
			// "the package also contains ...": a definite noun points back
			// at the package, which the verb continues.
			if h.t0 < c.hit.t0 && h.t0 >= c.l && h.f.typ == typ && h.tr.class != classContinue && !definite(s, h) {
				return true
			}
		}
	}
	return false
}

// nominalHandsOver reports a verb of giving used as a noun after a
// continuing verb of its sentence ("the package includes supplies of
// ammunition"): it is what the continuing verb lists, not an event of its
// own.
func nominalHandsOver(s *sent, c *cand) bool {
	typ, class := c.f.typ, c.hit.tr.class
	if typ == model.TypeAid && class == classAct && nominal(s, c.hit) {
		for _, h := range s.trigs {
			if h.t0 < c.hit.t0 && h.f.typ == typ && h.tr.class == classContinue {
				return true
			}
		}
	}
	return false
}

// readingClass is the class the trigger is read with: its declared one,
// except for a verb of giving used as a noun.
func (c *cand) readingClass() class {
	cl := c.hit.tr.class
	if cl == classAct && c.f.typ == model.TypeAid && nominal(c.s, c.hit) {
		// "50 million euros for supplies": the verb's form used as a noun
		// names aid and takes its tense from the clause, like "aid".
		cl = classNoun
	}
	return cl
}

// approvalNouns are nouns of consent that make a verb of giving a light
// verb (see words.tsv).
var approvalNouns = words("approvalNouns")

// givesApproval reports a verb of giving whose object the tree reads as a
// noun of consent: it approves, it does not hand over.
func (c *cand) givesApproval() bool {
	t := c.s.tr
	if t == nil {
		return false
	}
	v := t.head[c.hit.t0]
	if v < 0 || t.w[v].UPOS != "VERB" {
		return false
	}
	for _, o := range t.children(v, "obj") {
		if approvalNouns[strings.ToLower(t.w[o].Lemma)] {
			return true
		}
	}
	return false
}

// findParties finds who acts: the party a permitting verb before the
// trigger names ("allowed Poland to send"), the donor and recipient of a
// verb of receiving, the parties of the aid a continuing verb continues,
// or else the actor its clause names. permitted reports parties set by a
// permission or a receipt, which no later rule looks for again; ok is
// false where a receipt or continuation has no parties to take.
func (x *Extractor) findParties(d *docState, c *cand, class class) (permitted, ok bool) {
	s := c.s
	for _, h := range s.trigs {
		if h.tr.class == classAuthorize && h.f.typ == c.f.typ && h.t1 <= c.hit.t0 && h.t0 >= c.l && class == classAct {
			for i := h.t1; i < c.hit.t0; i++ {
				if m := s.mentionAt(i); m != nil && m.kind == mEntity && len(m.codes) > 0 {
					c.setActor(s, m, "permitted party")
					permitted = true
					break
				}
			}
		}
	}
	if class == classReceive {
		if !c.receiveParties() {
			return false, false
		}
		permitted = true // the parties are set
	}
	if class == classHost {
		if !c.hostParties() {
			return false, false
		}
		permitted = true // the parties are set
	}
	if !permitted {
		if class == classContinue {
			if !d.continueAid(c) {
				return false, false
			}
		} else {
			x.findActor(d, c)
		}
	}
	return permitted, true
}

// continueAid gives a continuing verb ("the package includes 20 drones")
// the parties, status, mode, source and date of the aid event told at
// most two sentences before; with none it reports false, for a verb
// that continues nothing tells nothing.
func (d *docState) continueAid(c *cand) bool {
	s := c.s
	if c.f.typ != model.TypeAid || d.lastAid == nil || d.lastAid.s.idx < s.idx-2 {
		return false
	}
	p := d.lastAid
	c.actors, c.actorT, c.targets, c.status, c.mode = p.actors, p.actorT, p.targets, p.status, p.mode
	if c.src == nil {
		c.src = p.src
	}
	if c.findTime(); c.tx == nil {
		// The date of the package continued, told by any trigger
		// of its sentence.
		for _, q := range d.doneIn[p.s] {
			if q.f.typ == model.TypeAid && q.tx != nil && c.tx == nil {
				c.tx = q.tx
				c.explain("time", "of the aid event continued: %s", q.tx.Value)
			}
		}
	}
	c.explain("actor", "continues the aid event of the sentence before: %s", strings.Join(c.actors, " "))
	return true
}

// dropSourceAcrossContrast drops the sentence's source where a contrast
// divides it from the candidate's own subject.
func (c *cand) dropSourceAcrossContrast() {
	if c.src != nil && c.actorM != nil && c.actorM.t0 >= c.l && otherClause(c.s, c) {
		// "Germany said it would send rockets, while Britain pledged
		// launchers": across a contrast, a clause with a subject of its
		// own is not the report of the source before it. ("The governor
		// said two were killed, while 13 were wounded" is.)
		c.src = nil
		c.explain("source", "none: the source speaks across %q for another clause", "while")
	}
}

// refersBack handles a trigger that points back at an event already
// reported rather than telling a new one: what it tells goes to that
// event, and the candidate is rejected, or accepted where it keeps a fact
// of its own (the value of aid just reported).
func (x *Extractor) refersBack(d *docState, c *cand) verdict {
	if x.absorbedByRef(d, c) || d.packageContinued(c) {
		return reject
	}
	return d.addToLast(c)
}

// absorbedByRef reports an attack that an earlier one of the article
// takes in, after adding to it what the candidate tells.
func (x *Extractor) absorbedByRef(d *docState, c *cand) bool {
	s, typ := c.s, c.f.typ
	// "The strike is the latest setback", "They were the first raids on
	// the capital": a definite mention of an attack already reported adds
	// to it rather than starting another.
	if !refTypes[typ] {
		return false
	}
	prev := s.refTo[typ]
	if prev != nil && !s.followsRef(c.hit) {
		prev = nil
	}
	if prev == nil && definiteRef(s, c.hit) {
		prev = x.antecedent(d, c)
	}
	if prev == nil {
		return false
	}
	// "the raid, near Melitopol, struck a fuel depot instead": the
	// verb of a definite subject tells of the same attack.
	prev.absorbRef(c)
	if s.refTo == nil {
		s.refTo = map[model.EventType]*cand{}
	}
	s.refTo[typ], s.refL, s.refR = prev, c.hit.t1, c.r
	if typ == model.TypeAttack {
		d.lastAttack = prev
		d.lastAttackIdx = s.idx
	}
	return true
}

// packageContinued reports a definite aid noun that a continuing verb of
// its clause goes on with ("the package includes"): the verb tells the
// aid, continuing the package just reported.
func (d *docState) packageContinued(c *cand) bool {
	s := c.s
	if c.f.typ != model.TypeAid || !definite(s, c.hit) || d.lastAid == nil || d.lastAid.s.idx < s.idx-2 {
		return false
	}
	for _, h := range s.trigs {
		if h.t0 > c.hit.t0 && h.t0 < c.r && h.f.typ == c.f.typ && h.tr.class == classContinue {
			return true
		}
	}
	return false
}

// addToLast reads a definite noun with no actor, told within three
// sentences of an event of its type, as that event: its date goes to it,
// and for aid its value is kept as a fact of its own.
func (d *docState) addToLast(c *cand) verdict {
	s, typ := c.s, c.f.typ
	// "the trip is scheduled between March 3 and 8": a definite noun for
	// an event just reported, which adds to it rather than starting one.
	prev := d.last[typ]
	if prev == nil || len(c.actors) != 0 || !definite(s, c.hit) || prev.s.idx < s.idx-3 || prev.s.idx >= s.idx {
		return proceed
	}
	c.findTime()
	if prev.tx == nil && c.tx != nil {
		prev.tx = c.tx
		prev.explain("time", "from %q in a later sentence", textOf(s, c.hit.t0-1, c.hit.t1))
	}
	if typ == model.TypeAid && prev.money == nil {
		// "The value of the shipment is estimated at EUR 1.2 million":
		// the value of the aid just reported, kept as its own fact as
		// a package's value always is, with the same donor and status.
		c.findMoney()
		if c.money != nil {
			c.actors, c.actorT, c.targets, c.status, c.mode, c.modality = prev.actors, prev.actorT, prev.targets, prev.status, prev.mode, prev.modality
			if c.src == nil {
				c.src = prev.src
			}
			c.explain("actor", "the value of the aid reported just before: %s", strings.Join(c.actors, " "))
			return accept
		}
	}
	return reject
}

// dropRecipientsOwn removes from aid the items that the recipient's own
// adjective or name marks as its own: "a deal to allow Ukrainian ships
// safe passage" gives Ukraine no ships. Read from the tree, so only where
// the sentence was parsed.
func (c *cand) dropRecipientsOwn() {
	t := c.s.tr
	if t == nil || len(c.targets) == 0 {
		return
	}
	kept := c.items[:0]
	for _, it := range c.items {
		if k, _ := c.s.tokRange(it.span.Start, it.span.End); k < len(c.s.toks) && c.ownedByTarget(t.head[k]) {
			c.explain("items", "%q belongs to the recipient already: dropped", it.text)
			continue
		}
		kept = append(kept, it)
	}
	c.items = kept
}

// ownedByTarget reports whether word w has a modifier naming one of the
// event's targets ("Ukrainian ships", "Ukraine's grain").
func (c *cand) ownedByTarget(w int) bool {
	if w < 0 {
		return false
	}
	t := c.s.tr
	for _, k := range t.children(w, "amod", "compound", "nmod:poss") {
		m := c.s.mentionAt(t.tok[k])
		if m == nil || m.kind != mEntity || originForm(m) {
			continue
		}
		for _, code := range m.codes {
			if c.hasTarget(code) {
				return true
			}
		}
	}
	return false
}

// dropDeployedTroops removes troops from the items of aid whose recipient
// the text does not name: a state that sends its soldiers with no one to
// receive them deploys them ("Britain is sending 8,000 troops to
// exercises in eastern Europe"), which is mobilisation, not aid. Troops
// sent to a state named as their recipient ("dispatched 30 instructors
// to Ukraine") are help given to it.
func (c *cand) dropDeployedTroops() (dropped bool) {
	if len(c.targets) > 0 && c.targets[0].text != "" {
		return false
	}
	kept := c.items[:0]
	for _, it := range c.items {
		if it.category == "troops" {
			c.explain("items", "troops with no recipient named are deployed, not given: %q dropped", it.text)
			dropped = true
			continue
		}
		kept = append(kept, it)
	}
	c.items = kept
	return dropped
}

// talksParties reads "talks between Russia and Ukraine" and "talks with
// Moscow".
func (c *cand) talksParties() {
	s := c.s
	for i := c.hit.t1; i < c.r && i < c.hit.t1+4; i++ {
		if s.low[i] != "between" {
			continue
		}
		var codes []string
		for k := i + 1; k < c.r && k < i+8; k++ {
			if m := s.mentionAt(k); m != nil && m.kind == mEntity && len(m.codes) > 0 {
				codes = append(codes, m.codes[0])
				k = m.t1 - 1
			}
		}
		if len(codes) >= 2 {
			c.actors = []string{codes[0]}
			c.targets = []codeText{{code: codes[1]}}
			c.explain("actor", "talks between %s and %s", codes[0], codes[1])
		}
		return
	}
}

// The words that make aid in their clause military, humanitarian or
// financial, tried in that order, when no item says which.
var (
	militaryAidWords     = words("militaryAidWords")
	humanitarianAidWords = words("humanitarianAidWords")
	financialAidWords    = words("financialAidWords")
)

// aidMode decides military, humanitarian or financial aid from the items,
// then from the words of the clause.
func (c *cand) aidMode() {
	if c.mode != "" {
		return
	}
	// The words on the trigger itself decide first: "humanitarian aid",
	// "a loan of", "budget support", "military assistance".
	s := c.s
	for k := c.hit.t0 - 2; k < c.hit.t1; k++ {
		if k < 0 {
			continue
		}
		if m := modeWords[s.low[k]]; m != "" {
			c.mode = m
			c.explain("mode", "%s, from %q", m, s.low[k])
			return
		}
	}
	counts := map[string]int{}
	for _, it := range c.items {
		if it.mode != "" {
			counts[it.mode]++
		}
	}
	switch {
	case counts[model.ModeMilitary] > 0:
		c.mode = model.ModeMilitary
	case counts[model.ModeHumanitarian] > 0:
		c.mode = model.ModeHumanitarian
	case counts[model.ModeFinancial] > 0:
		c.mode = model.ModeFinancial
	}
	if c.mode == "" {
		for k := c.l; k < c.r; k++ {
			switch w := s.low[k]; {
			case militaryAidWords[w]:
				c.mode = model.ModeMilitary
			case humanitarianAidWords[w]:
				if c.mode == "" {
					c.mode = model.ModeHumanitarian
				}
			case financialAidWords[w]:
				if c.mode == "" {
					c.mode = model.ModeFinancial
				}
			}
		}
	}
	if c.mode == "" && c.money != nil {
		c.mode = model.ModeFinancial
	}
	if c.mode != "" {
		c.explain("mode", "%s", c.mode)
	}
}

// donor is the state an article about aid names most, other than the
// recipient: the donor of aid whose sentence names none ("a further €40
// million for Kyiv was set aside in this year's spending plan").
func (d *docState) donor(c *cand) string {
	best, n := "", 0
	for code, k := range d.allCodes {
		if code == "UKR" || c.hasTarget(code) || len(code) != 3 {
			continue
		}
		if k > n || k == n && code < best {
			best, n = code, k
		}
	}
	return best
}

// armed reports whether a code can inflict losses: a state or a military
// alliance, not a humanitarian or monitoring body.
func (x *Extractor) armed(code string) bool {
	if x.lex.Get(lexicon.KindState, code) != nil {
		return true
	}
	return code == "NATO" || code == "CSTO"
}

// home is the state the article is mostly about among the conflict's
// parties: the default recipient of aid and side of unattributed losses.
func (d *docState) home() string {
	if d.allCodes["UKR"] > 0 {
		return "UKR"
	}
	return ""
}

// refTypes are the event types whose definite mentions point back at an
// event already reported ("the attack", "the strikes").
var refTypes = setOf(model.TypeAttack, model.TypeCyberattack)

// refDeterminers open a definite noun phrase.
var refDeterminers = words("refDeterminers")

// definiteRef reports a nominal trigger in a definite noun phrase: "the
// attack", "the drone strike", "Saturday's strikes", "this latest attack".
func definiteRef(s *sent, h trigHit) bool {
	if h.tr.class != classNoun && !nounForm(s.low[h.t1-1]) {
		return false
	}
	for k := h.t0 - 1; k >= 0 && k >= h.t0-4; k-- {
		w := s.low[k]
		if refDeterminers[w] {
			return true
		}
		if (w == "'s" || w == "’s") && k > 0 {
			if m := s.mentionAt(k - 1); m != nil && m.kind == mTime {
				return true
			}
			return false
		}
		if m := s.mentionAt(k); m != nil {
			if m.kind == mTime || m.kind == mItem || m.kind == mName || m.kind == mEntity && isAdjectival(m) {
				k = m.t0
				continue
			}
			return false
		}
		if w == "“" || w == "”" || w == "\"" || w == "'" {
			continue
		}
		if !isLowerWord(s.toks[k].Text) || preps[w] || beAux[w] || verbGroup[w] || reportVerbs[w] || w == "a" || w == "an" {
			return false
		}
	}
	return false
}

// bareAttackNouns are verbal triggers that read as nouns after a
// determiner though they end neither in "-ing" nor "-s".
var bareAttackNouns = words("bareAttackNouns")

// nounForm reports a verbal trigger word that reads as a noun after a
// determiner: "the strike", "the shelling", "the attacks".
func nounForm(w string) bool {
	return strings.HasSuffix(w, "ing") || strings.HasSuffix(w, "s") || bareAttackNouns[w]
}

// maxAntecedents bounds how many earlier events of its type a definite
// mention is compared with, latest first: "the attack" points back at one
// told recently, and a page of thousands of attacks would otherwise read
// them all for every mention.
const maxAntecedents = 256

// antecedent returns the earlier event that a definite mention points
// back at: the latest of its type in the article whose parties, place and
// time do not contradict the mention's.
func (x *Extractor) antecedent(d *docState, c *cand) *cand {
	evs := d.done[c.f.typ]
	if len(evs) == 0 {
		return nil
	}
	c.findTime()
	c.findPlaces()
	for i := len(evs) - 1; i >= 0 && i >= len(evs)-maxAntecedents; i-- {
		p := evs[i]
		if p.s == c.s {
			continue
		}
		if len(c.actors) > 0 && len(p.actors) > 0 && c.actorM != nil && c.actorM.t1 >= c.hit.t0-1 && !contains(p.actors, c.actors[0]) {
			// Only an actor named with the noun tells another attack:
			// "the Ukrainian counterattack", not "Zelenskyy called the
			// strike an atrocity".
			continue
		}
		recent := i == len(evs)-1 && p.s.idx >= c.s.idx-2
		if len(c.places) > 0 && len(p.places) > 0 && !sharesPlace(c, p) && !recent {
			// A place names another attack, unless the attack was just
			// told: "a depot in the Kherson region ... the strike, in Nova
			// Kakhovka".
			continue
		}
		if c.tx != nil && p.tx != nil && (c.tx.End.Before(p.tx.Start) || p.tx.End.Before(c.tx.Start)) {
			continue
		}
		if c.f.typ == model.TypeAttack && dayWithin(c, p) {
			// "strikes on Sloviansk in the past week ... the 5 July
			// strike on its market": one day of a longer span is one of
			// the attacks told, not all of them.
			continue
		}
		if len(c.places) > 0 && len(p.places) == 0 && i < len(evs)-1 {
			// A place names a new attack unless it is the latest one.
			continue
		}
		return p
	}
	return nil
}

// dayWithin reports whether c is dated to one day and p tells of many
// days or many attacks: dated to a longer span, or named by a plural noun
// ("strikes", "attacks").
func dayWithin(c, p *cand) bool {
	if c.tx == nil || c.tx.End.After(c.tx.Start) {
		return false
	}
	if p.tx != nil {
		return p.tx.End.After(p.tx.Start)
	}
	w := p.trigWord()
	return w >= 0 && p.s.tr.w[w].XPOS == "NNS"
}

// absorbRef adds what a later definite mention tells about an event: its
// place and time when the first report lacked them, and its source when
// the mention names a person where the first report had none or only a
// state.
func (p *cand) absorbRef(c *cand) {
	at := c.s.toks[c.hit.t0].Start
	for _, pl := range c.places {
		if !p.hasPlace(pl.entry) {
			p.places = append(p.places, pl)
		}
	}
	if p.tx == nil && c.tx != nil {
		p.tx = c.tx
		p.explain("time", "%q, from a later mention at byte %d", c.tx.Text, at)
	}
	// A later mention names a better source only when it reports the
	// attack ("the attack was reported by the mayor"), not when someone
	// comments on it.
	reports := strings.HasPrefix(c.s.srcExplain, "\"by\"") || strings.HasPrefix(c.s.srcExplain, "\"according to\"")
	if c.src != nil && (p.src == nil || reports && c.src.person && !p.src.person && !p.src.outlet) {
		p.src = c.src
		p.explain("source", "%s, from a later mention at byte %d", c.src.name, at)
	}
	p.explain("merged", "a later mention at byte %d refers back to it", at)
}

// participleOpeners make a single-word past participle after them
// describe the noun that follows.
var participleOpeners = words("participleOpeners")

// adjectivalParticiple reports a past participle used as an adjective
// before its noun: "the besieged port city", "a shelled village".
func adjectivalParticiple(s *sent, h trigHit) bool {
	w := s.low[h.t1-1]
	if h.t0 == 0 || h.t1-h.t0 != 1 || !strings.HasSuffix(w, "ed") && w != "sunk" && w != "frozen" {
		return false
	}
	if t := s.tr; t != nil {
		// The tree says it: "the destroyed Ukrainian city of Borodyanka"
		// describes the city, whatever word follows.
		if v := t.head[h.t0]; v >= 0 && t.rel(v) == "amod" && participleOpeners[s.low[h.t0-1]] {
			return true
		}
	}
	if !participleOpeners[s.low[h.t0-1]] {
		return false
	}
	return h.t1 < len(s.low) && isLowerWord(s.toks[h.t1].Text) && !preps[s.low[h.t1]] && s.low[h.t1] != "by" && s.low[h.t1] != "and"
}

// hostileFrames are the event types whose report, when someone claims it
// of another party, accuses that party.
var hostileFrames = setOf(model.TypeAttack, model.TypeCyberattack, model.TypeCasualties, model.TypeThreaten)

// hostileStems are beginnings of words that make a claim an accusation of
// whoever does what they name: "claimed Ukraine was attempting to provoke
// Belarus".
var hostileStems = wordList("hostileStems")

func hostileWord(w string) bool {
	for _, st := range hostileStems {
		if strings.HasPrefix(w, st) {
			return true
		}
	}
	return false
}

// claimTarget finds whom a claim accuses: the agent of a hostile act in
// what is claimed, when it is another party than the claimant. It
// reports false when the claim accuses no one.
func (x *Extractor) claimTarget(d *docState, c *cand) bool {
	s := c.s
	if len(c.actors) == 0 {
		return false
	}
	for _, h := range s.trigs {
		if h.t0 < c.hit.t1 || !hostileFrames[h.f.typ] {
			continue
		}
		tmp := &cand{f: h.f, hit: h, s: s}
		tmp.l, tmp.r = clause(s, h.t0, h.t1)
		if tmp.l < c.hit.t1 {
			tmp.l = c.hit.t1
		}
		x.findActor(d, tmp)
		if len(tmp.actors) == 0 || contains(c.actors, tmp.actors[0]) || tmp.actorM == nil || tmp.actorM.t0 < c.hit.t1 {
			// The agent must be named in what is claimed: "claimed a
			// victory by seizing the city" names none, and the
			// claimant seized it.
			continue
		}
		c.targets = []codeText{{code: tmp.actors[0], text: tmp.actorT}}
		if tmp.actorM != nil {
			c.targets[0].span = s.span(tmp.actorM.t0, tmp.actorM.t1)
		}
		c.explain("targets", "the agent of %q in what is claimed: %s", textOf(s, h.t0, h.t1), tmp.actors[0])
		return true
	}
	for i := c.hit.t1; i < len(s.low) && i < c.hit.t1+20; i++ {
		if s.mentionAt(i) != nil || !hostileWord(s.low[i]) {
			continue
		}
		if m := c.subjectBefore(i, c.hit.t1); m != nil && !contains(c.actors, m.codes[0]) {
			c.targets = []codeText{{code: m.codes[0], text: textOf(s, m.t0, m.t1), span: s.span(m.t0, m.t1)}}
			c.explain("targets", "the subject of %q in what is claimed: %s", s.low[i], m.codes[0])
			return true
		}
	}
	return false
}

// subjectBefore returns the nearest entity before token i, and not before
// token from, that may act: not the object of a preposition, and a
// national adjective only before an agent noun.
func (c *cand) subjectBefore(i, from int) *mention {
	s := c.s
	for k := i - 1; k >= from; k-- {
		m := s.mentionAt(k)
		if m == nil {
			continue
		}
		k = m.t0
		if (m.kind == mEntity || m.kind == mSource) && len(m.codes) > 0 && c.actorOK(m) {
			return m
		}
	}
	return nil
}

// chargeParties reads a charge word: the party it is said of is the
// target ("Biden called Putin a war criminal", "the Kremlin continues to
// weaponise food"), and the actor is who says it: the sentence's source,
// else the subject before the target.
// ownedCharge reads a charge whose word the tree gives an owner: "called
// the strike a Russian war crime", "a Ukrainian act of terror". The owner
// is charged; who charges is the speaker, or the subject of the verb the
// charge completes ("Zelenskiy called ...").
func (c *cand) ownedCharge() bool {
	s, t := c.s, c.s.tr
	v := c.trigWord()
	if t == nil || v < 0 {
		return false
	}
	var owner *mention
	for _, k := range t.children(v, "amod", "nmod:poss", "compound") {
		if m := s.mentionAt(t.tok[k]); m != nil && partyMention(m) {
			owner = m
			break
		}
	}
	if owner == nil {
		return false
	}
	target := owner.codes[0]
	var actor []string
	how := ""
	if s.src != nil && len(s.src.codes) > 0 {
		actor, how = s.src.codes[:1], "the speaker, "+s.src.name
	} else if p := t.parent(v); p >= 0 && t.verbal(p) {
		if w := t.subjectWord(p); w >= 0 {
			if m := c.entityOf(w); m != nil {
				actor, how = m.codes[:1], "the subject of "+strings.ToLower(t.w[p].Form)+", "+textOf(s, m.t0, m.t1)
			}
		}
	}
	if actor == nil || actor[0] == target {
		return false
	}
	c.actors, c.actorM, c.actorT = actor, nil, ""
	c.targets = []codeText{{code: target, text: textOf(s, owner.t0, owner.t1), span: s.span(owner.t0, owner.t1)}}
	c.rewhy()
	c.explain("actor", "%s -> %s", how, actor[0])
	c.explain("targets", "the owner of the charge, %q -> %s", textOf(s, owner.t0, owner.t1), target)
	return true
}

func (c *cand) chargeParties(d *docState) bool {
	s := c.s
	tm := c.subjectBefore(c.hit.t0, 0)
	if tm == nil || s.src != nil && s.span(tm.t0, tm.t1) == s.src.span {
		// The speaker is not the party their charge is said of.
		return false
	}
	if !s.actsInTree(tm) {
		// "Atrocities committed north of Ukraine's capital, Kyiv, ...
		// war crimes trials": a place in an apposition is no party a
		// charge is made against.
		return false
	}
	target := tm.codes[0]
	var actor []string
	how := ""
	switch {
	case s.src != nil && len(s.src.codes) > 0 && s.src.codes[0] != target:
		actor, how = s.src.codes[:1], "the speaker, "+s.src.name
	default:
		if m := c.subjectBefore(tm.t0, 0); m != nil && m.codes[0] != target {
			actor, how = m.codes[:1], "the subject before it, "+textOf(s, m.t0, m.t1)
		}
	}
	if actor == nil {
		return false
	}
	c.actors, c.actorM, c.actorT = actor, nil, ""
	c.targets = []codeText{{code: target, text: textOf(s, tm.t0, tm.t1), span: s.span(tm.t0, tm.t1)}}
	c.rewhy()
	c.explain("actor", "%s -> %s", how, actor[0])
	c.explain("targets", "the party the charge is said of, %q -> %s", textOf(s, tm.t0, tm.t1), target)
	return true
}

// actsInTree reports whether the tree gives mention m a part that a
// party charged with something can have: a subject, an owner or a
// modifier of a noun. Without a tree any mention may.
func (s *sent) actsInTree(m *mention) bool {
	t := s.tr
	if t == nil {
		return true
	}
	h := mentionHead(s, m)
	if h < 0 {
		return true
	}
	switch t.rel(h) {
	case "nsubj", "nsubj:pass", "nmod:poss", "amod", "compound", "obl:agent", "obj", "root", "conj":
		return true
	}
	return false
}

// condemnedEvent fills the target of an accusation whose object is an
// attack already reported ("condemned the strikes"): its actor.
func (x *Extractor) condemnedEvent(d *docState, c *cand) {
	s := c.s
	for _, h := range s.trigs {
		if h.t0 < c.hit.t1 || h.t0 > c.hit.t1+4 || !refTypes[h.f.typ] || !definiteRef(s, h) {
			continue
		}
		tmp := &cand{f: h.f, hit: h, s: s}
		tmp.l, tmp.r = clause(s, h.t0, h.t1)
		if p := x.antecedent(d, tmp); p != nil && len(p.actors) > 0 && !contains(c.actors, p.actors[0]) {
			c.targets = []codeText{{code: p.actors[0], text: textOf(s, h.t0, h.t1), span: s.span(h.t0, h.t1)}}
			c.explain("targets", "the actor of %q, reported before: %s", textOf(s, h.t0, h.t1), p.actors[0])
		}
		return
	}
}

// reciprocalSubjects and reciprocalObjects are the phrases of a reciprocal
// act (see words.tsv): "each side accused the other".
var (
	reciprocalSubjects = phrases("reciprocalSubjects")
	reciprocalObjects  = phrases("reciprocalObjects")
)

// phrases returns a set of words.tsv whose entries are phrases, split into
// their words.
func phrases(set string) [][]string {
	var out [][]string
	for _, p := range wordList(set) {
		out = append(out, strings.Fields(p))
	}
	return out
}

// phraseIn reports whether one of ps stands in tokens [from, to) of s.
func (s *sent) phraseIn(ps [][]string, from, to int) bool {
	for k := max(from, 0); k < to; k++ {
		for _, p := range ps {
			if k+len(p) <= to && phraseAt(s.toks, k, p) {
				return true
			}
		}
	}
	return false
}

// reciprocal reads "each side accused the other", "both sides shelled
// each other": the two sides of the conflict act on one another.
func (c *cand) reciprocal(x *Extractor) {
	s := c.s
	subj := s.phraseIn(reciprocalSubjects, c.l, c.hit.t0)
	// "Ukraine and Russia blamed each other": two parties named together.
	pair := !subj && len(c.actors) == 2
	if !subj && !pair {
		return
	}
	obj := s.phraseIn(reciprocalObjects, c.hit.t1, c.r)
	if !obj && c.f.typ != model.TypeDeny && !c.mutualVerb() {
		return
	}
	a, b := x.dyadPair()
	if pair {
		a, b = c.actors[0], c.actors[1]
	}
	c.actors, c.actorM, c.actorT = []string{a, b}, nil, "each side"
	c.targets = []codeText{{code: b}, {code: a}}
	c.explain("actor", "each side of the conflict acts on the other: %s and %s", a, b)
}

// notYet are the words that make a negation "not so far" (see words.tsv).
var notYet = phrases("notYet")

// denyFrame and talksFrame are the declared frames of denials and talks.
var (
	denyFrame  = frameOf(model.TypeDeny)
	talksFrame = frameOf(model.TypeTalks)
	visitFrame = frameOf(model.TypeVisit)
	// mobilizeFrame takes the troops a state sends with no recipient.
	mobilizeFrame = frameOf(model.TypeMobilize)
)

func frameOf(typ model.EventType) *frame {
	for i := range frames {
		if frames[i].typ == typ {
			return &frames[i]
		}
	}
	panic("no frame " + string(typ))
}

// selfDenials reads a negated attack that a side says of itself as that
// side's denial: "Lavrov repeated that Russia had not attacked Ukraine",
// "“We do not strike Russian territory,” she said".
func selfDenials(s *sent, cs []*cand) []*cand {
	var out []*cand
	for _, c := range cs {
		if c.modality != model.ModalityNegated || !hostileFrames[c.f.typ] || c.f.typ == model.TypeCasualties || s.src == nil {
			continue
		}
		side := ""
		switch {
		case len(c.actors) > 0 && contains(s.src.codes, c.actors[0]):
			side = c.actors[0]
		case c.hit.tr.class == classSuffer && len(c.targets) > 0 && contains(s.src.codes, c.targets[0].code):
			// "it had not come under fire", said of its own airfield:
			// the side denies it was attacked.
			side = c.targets[0].code
		default:
			continue
		}
		if c.l > 0 && relative[s.low[c.l-1]] || c.l > 0 && s.low[c.l-1] == "that" {
			// A relative clause ("depots that our units have not struck
			// so far") describes, it does not deny.
			continue
		}
		if s.phraseIn(notYet, c.l, c.hit.t0) {
			// "has not yet struck": not so far, which denies nothing.
			continue
		}
		dup := false
		for _, o := range cs {
			if o.f.typ == model.TypeDeny && contains(o.actors, side) {
				dup = true
			}
		}
		if dup {
			continue
		}
		dn := &cand{f: denyFrame, hit: c.hit, s: s, l: c.l, r: c.r, conf: 0.8, src: s.src,
			actors: []string{side}, modality: model.ModalityReported}
		if side == actorOf(c) {
			dn.actorM, dn.actorT = c.actorM, c.actorT
		}
		dn.explain("trigger", "deny frame: %q negated by the side it concerns", textOf(s, c.hit.t0, c.hit.t1))
		dn.explain("actor", "%s, the speaker's own side", side)
		dn.explain("source", "%s", s.srcExplain)
		out = append(out, dn)
	}
	return out
}

// agentPreps introduce, after a casualty trigger, the attack that caused
// the losses.
var agentPreps = words("agentPreps")

// agentAfter reads the attack that caused losses after the trigger:
// "died under Russian siege", "killed in Russian shelling", "wounded by
// Ukrainian fire". The agent's side is the actor and the victims are the
// other side's.
func (c *cand) agentAfter() bool {
	s := c.s
	for i := c.hit.t1; i < c.r && i < c.hit.t1+8; i++ {
		w := s.low[i]
		if !agentPreps[w] {
			continue
		}
		for k := i + 1; k < c.r && k <= i+6; k++ {
			m := s.mentionAt(k)
			if m == nil {
				continue
			}
			if m.kind == mEntity && isAdjectival(m) && !originForm(m) && len(m.codes) == 1 && agentive(s, m) {
				c.actors, c.actorM, c.actorT = m.codes, m, textOf(s, m.t0, m.t1)
				c.explain("actor", "the agent of the losses after %q: %q -> %s", w, c.actorT, m.codes[0])
				return true
			}
			break
		}
	}
	return false
}

// lossPlace returns the place where losses happened: the first place after
// the trigger in its clause, else one just before it ("in Kharkiv, three
// people were killed").
func (c *cand) lossPlace() *mention {
	s := c.s
	for i := c.hit.t1; i < c.r; i++ {
		if m := s.mentionAt(i); m != nil {
			if m.kind == mPlace {
				return m
			}
			i = m.t1 - 1
		}
	}
	for i := c.hit.t0 - 1; i >= c.l && i >= c.hit.t0-6; i-- {
		if m := s.mentionAt(i); m != nil {
			if m.kind == mPlace {
				return m
			}
			i = m.t0
		}
	}
	return nil
}

// modalIdioms are the verbs after a modal of obligation that make it an
// idiom, not an obligation (see words.tsv).
var modalIdioms = words("modalIdioms")

// modalParties reads a modal of obligation in reported speech: the
// subject of "should" or "must" is the target and the speaker the actor
// ("Kuleba said G7 countries should respond", "Moscow says NATO must stop
// expanding"). A speaker's own side ("we must") demands nothing of
// another.
func (c *cand) modalParties() bool {
	s := c.s
	if s.src == nil || len(s.src.codes) == 0 {
		return false
	}
	if c.hit.t1 < len(s.low) && modalIdioms[s.low[c.hit.t1]] {
		// "what Blinken has to say": no obligation.
		return false
	}
	var tm *mention
	for k := c.hit.t0 - 1; k >= 0 && k >= c.hit.t0-4; k-- {
		m := s.mentionAt(k)
		if m == nil {
			if w := s.low[k]; w == "," || w == "that" || verbish(w) {
				break
			}
			continue
		}
		if (m.kind == mEntity || m.kind == mSource) && len(m.codes) > 0 && !afterPrep(s, m.t0) && !originForm(m) {
			tm = m
		}
		break
	}
	if tm == nil || contains(tm.codes, s.src.codes[0]) {
		return false
	}
	c.actors, c.actorM, c.actorT = s.src.codes[:1], nil, s.src.text
	c.targets = nil
	codes := tm.codes
	if org := s.groupOrg(tm); org != "" {
		codes = []string{org}
	}
	for _, code := range codes {
		c.targets = append(c.targets, codeText{code: code, text: textOf(s, tm.t0, tm.t1), span: s.span(tm.t0, tm.t1)})
	}
	c.rewhy()
	c.explain("actor", "the speaker, %s -> %s", s.src.name, s.src.codes[0])
	c.explain("targets", "the subject of %q: %q -> %s", textOf(s, c.hit.t0, c.hit.t1), textOf(s, tm.t0, tm.t1), strings.Join(codes, " "))
	return true
}

// followsRef reports whether a verbal trigger tells of the attack a
// definite noun just before it named: "the strike, in Nova Kakhovka,
// instead hit a warehouse", not "the attack was one of a series, with
// Kropyvnytskyi hit by 13 missiles".
func (s *sent) followsRef(h trigHit) bool {
	if h.t0 < s.refL || h.t0 >= s.refR || h.t0 > s.refL+8 || h.tr.class == classNoun || definite(s, h) {
		return false
	}
	for k := s.refL; k < h.t0; k++ {
		if w := s.low[k]; w == "with" || w == "of" || w == "and" {
			return false
		}
	}
	return true
}

// infinitiveBetween reports a "to" before the verb at j, after i:
// "permitting Estonia, Latvia and Lithuania to dispatch".
func infinitiveBetween(s *sent, i, j int) bool {
	for k := i; k < j; k++ {
		if s.low[k] == "to" && k+1 == j {
			return true
		}
	}
	return false
}

// participleOfItems reports a verb of giving the tree reads as a past
// participle describing a noun, in a sentence whose main clause tells
// something else ("the strikes destroyed arms delivered by Washington",
// "systems recently supplied by the west have changed the front"): what
// was given before, told as a description, not a new transfer. Where the
// described noun heads the sentence ("Loan guarantee of $1bn provided
// through the World Bank") or the main clause is itself aid ("announced
// $99m in aid, including vehicles supplied by its industry"), the
// participle is part of the aid told.
func participleOfItems(s *sent, h trigHit) bool {
	t := s.tr
	if t == nil {
		return false
	}
	w := t.head[h.t0]
	if w < 0 || t.w[w].UPOS != "VERB" || t.rel(w) != "acl" || !strings.Contains(t.w[w].Feats, "VerbForm=Part") ||
		!strings.Contains(t.w[w].Feats, "Tense=Past") || len(t.children(w, "aux", "aux:pass", "mark")) > 0 {
		// "weapons to be delivered to a country at war" is aid to come.
		return false
	}
	root := -1
	for i := range t.w {
		if t.parent(i) < 0 {
			root = i
			break
		}
	}
	if root < 0 || t.w[root].UPOS != "VERB" {
		// A sentence without a verb: the participle tells its aid.
		return false
	}
	k := t.tok[root]
	for _, o := range s.trigs {
		if o.f.typ == model.TypeAid && k >= o.t0 && k < o.t1 {
			return false
		}
	}
	return true
}

// reducedRelative reports a past participle right after a noun that is
// not an item, with its agent after "by": "a memorandum released by".
func reducedRelative(s *sent, h trigHit) bool {
	if h.t0 == 0 || h.t1 >= len(s.low) || s.low[h.t1] != "by" || !pastForm(s.low[h.t1-1]) {
		return false
	}
	prev := s.low[h.t0-1]
	if m := s.mentionAt(h.t0 - 1); m != nil {
		return m.kind != mItem && m.kind != mNum
	}
	return isLowerWord(s.toks[h.t0-1].Text) && !beAux[prev] && !pasts[prev] && prev != "not" && !strings.HasSuffix(prev, "ly")
}

// referenceTypes are the event types that happen once, which news names
// as points in time ("since Russia invaded"); see referenceOnly.
var referenceTypes = setOf(model.TypeAttack, model.TypeMobilize)

// historical reports an event the article dates to a year at least two
// years before its own date, without "since" (an ongoing state).
// invasionVerbs are the verbs that name the start of the war sitrep
// follows when told without a place or a date of their own (see
// words.tsv). Lemmas.
var invasionVerbs = words("invasionVerbs")

// recallGrace is how long after the war's start its beginning is still
// news rather than a recollection.
const recallGrace = 30 * 24 * time.Hour

// recallsWarStart reports an invasion told, without a date of its own
// after the war's first days, in a story written well after them: the
// start of the war recalled as background ("a week before Russia invaded
// Ukraine"), not a new attack.
func (c *cand) recallsWarStart(d *docState) bool {
	t := c.s.tr
	v := c.trigWord()
	if t == nil || v < 0 || !invasionVerbs[strings.ToLower(t.w[v].Lemma)] || d.ref.IsZero() {
		return false
	}
	start := warStartDay()
	if start.IsZero() || d.ref.Sub(start) < recallGrace {
		return false
	}
	return c.tx == nil || c.txInherited || !c.tx.Start.After(start.Add(7*24*time.Hour))
}

func historical(d *docState, c *cand) bool {
	if c.tx == nil || c.tx.Signal == "since" || d.ref.IsZero() || c.tx.End.IsZero() {
		return false
	}
	return c.tx.End.Year() <= d.ref.Year()-2
}

// receiveParties reads a verb of receiving: the donor after "from", the
// recipient its subject ("Ukraine has received a new batch of drones from
// Turkey").
// guestKind are the kinds of party that can be a guest.
var guestKind = map[lexicon.Kind]bool{lexicon.KindPerson: true, lexicon.KindRole: true, lexicon.KindState: true}

// hostParties reads a host's welcome from the tree: the visitor is the
// object, the place visited the phrase after "to" or "in" ("Putin
// welcomed Erdoğan to Sochi"), or else the host's own state ("Scholz
// welcomed the Polish president on Friday").
func (c *cand) hostParties() bool {
	t, s := c.s.tr, c.s
	v := c.trigWord()
	if t == nil || v < 0 || !t.verbal(v) || t.passiveVerb(v) {
		return false
	}
	var guest *mention
	for _, k := range t.children(v, "obj") {
		// The guest is the object itself, a person, a role or a state:
		// "welcomed Germany's decision" or "received the first Polish
		// tanks" welcome no one.
		if m := s.mentionAt(t.tok[k]); m != nil && partyMention(m) && guestKind[m.entry.Kind] {
			guest = m
		}
	}
	if guest == nil {
		return false
	}
	c.setActor(s, guest, "tree: the guest, object of the verb")
	c.actorTree = true
	for _, k := range t.children(v, "obl") {
		if p := t.caseOf(k, s.low); p == "to" || p == "in" {
			if m := c.placeOrEntity(k); m != nil {
				c.addTargets(s, m, "tree: where the guest was welcomed")
				return len(c.targets) > 0
			}
		}
	}
	if w := t.subjectWord(v); w >= 0 {
		if m := c.entityOf(w); m != nil {
			c.addTargets(s, m, "tree: the host's state")
		}
	}
	return len(c.targets) > 0
}

func (c *cand) receiveParties() bool {
	s := c.s
	var donor *mention
	for i := c.hit.t1; i+1 < c.r; i++ {
		if s.low[i] != "from" {
			continue
		}
		k := i + 1
		if determiners[s.low[k]] && k+1 < c.r {
			k++
		}
		if m := s.mentionAt(k); m != nil && m.kind == mEntity && len(m.codes) > 0 && !isAdjectival(m) {
			donor = m
		}
		break
	}
	if donor == nil {
		return false
	}
	c.setActor(s, donor, "donor after \"from\"")
	if m := c.subjectBefore(c.hit.t0, c.l); m != nil {
		for _, code := range m.codes {
			if !contains(c.actors, code) {
				c.targets = append(c.targets, codeText{code: code, text: textOf(s, m.t0, m.t1), span: s.span(m.t0, m.t1)})
			}
		}
		c.explain("targets", "the recipient, subject of %q: %q", textOf(s, c.hit.t0, c.hit.t1), textOf(s, m.t0, m.t1))
	}
	return true
}

// sanctionsInClause reports a sanction trigger in c's clause.
func sanctionsInClause(s *sent, c *cand) bool {
	for _, h := range s.trigs {
		if h.f.typ == model.TypeSanction && h.t0 >= c.l && h.t1 <= c.r {
			return true
		}
	}
	return false
}

// describedVictims reports a casualty participle used as an adjective
// before a plural people noun with no number: "wounded Ukrainian
// fighters", "injured civilians".
func describedVictims(s *sent, h trigHit) bool {
	if h.t1-h.t0 != 1 || !strings.HasSuffix(s.low[h.t0], "ed") {
		return false
	}
	if h.t0 > 0 {
		if m := s.mentionAt(h.t0 - 1); m != nil && m.kind == mNum {
			return false
		}
		if p := s.low[h.t0-1]; beAux[p] || pasts[p] || p == "and" || p == "were" {
			return false
		}
	}
	k := h.t1
	if m := s.mentionAt(k); m != nil && m.kind == mEntity && isAdjectival(m) {
		k = m.t1
	}
	if k >= len(s.low) {
		return false
	}
	_, ok := peopleNouns[s.low[k]]
	return ok && strings.HasSuffix(s.low[k], "s")
}

// personMention reports a mention of a person or a one-person role.
func personMention(m *mention) bool {
	if m == nil || m.entry == nil {
		return m != nil && m.kind == mName
	}
	return m.entry.Kind == lexicon.KindPerson || m.entry.Kind == lexicon.KindRole && m.entry.Category == "person"
}

// bodyActor reports an actor that is an organisation or a group meeting
// as one: "NATO leaders", "the G7", "EU leaders".
func bodyActor(c *cand) bool {
	if c.actorM == nil || c.actorM.entry == nil || len(c.actors) != 1 {
		return false
	}
	k := c.actorM.entry.Kind
	return k == lexicon.KindOrg || k == lexicon.KindGroup || k == lexicon.KindRole && c.actorM.entry.Country != "" && len(c.actors[0]) != 3
}

// meetingVisits reads a visit into a meeting held abroad: "Austin met
// Naď in Bratislava", "in Moscow, Bennett met Putin", "met Putin in the
// Kremlin". The place (or a capital or seat of power) after "in" lies in
// another state than the visitor's.
func meetingVisits(s *sent, cs []*cand) []*cand {
	var out []*cand
	for _, c := range cs {
		if c.f.typ != model.TypeMeet && !(c.f.typ == model.TypeTalks && c.hit.tr.class != classNoun) || len(c.actors) != 1 || !factual(c) {
			continue
		}
		if remoteTalk(c.hit.tr.phrase) {
			continue
		}
		host, text, span := "", "", model.Span{}
		at := func(i int) bool {
			if i+1 >= len(s.low) || s.low[i] != "in" {
				return false
			}
			k := i + 1
			if determiners[s.low[k]] && k+1 < len(s.low) {
				k++
			}
			m := s.mentionAt(k)
			if host = placeState(m, true); host == "" {
				return false
			}
			text, span = textOf(s, m.t0, m.t1), s.span(m.t0, m.t1)
			return true
		}
		// The place after the verb ("met Putin in the Kremlin"), else an
		// opening "In Moscow, ...".
		found := false
		for i := c.hit.t1; i < c.r && i < c.hit.t1+8 && !found; i++ {
			if s.low[i] == "before" || s.low[i] == "after" || s.low[i] == "and" {
				break
			}
			found = at(i)
		}
		if !found && c.l == 0 {
			found = at(0)
		}
		if !found {
			continue
		}
		visitor, vm, vt := c.actors, c.actorM, c.actorT
		if host == c.actors[0] && len(c.targets) == 1 && c.targets[0].code != host {
			// "Biden met Scholz in Washington": the guest travelled.
			visitor, vm, vt = []string{c.targets[0].code}, nil, c.targets[0].text
		}
		if host == "" || host == visitor[0] {
			continue
		}
		if visitTold(cs, visitor[0]) {
			continue
		}
		v := &cand{f: visitFrame, hit: c.hit, s: s, l: c.l, r: c.r, conf: c.conf - 0.1, src: c.src, actors: visitor, actorM: vm,
			actorT: vt, targets: []codeText{{code: host, text: text, span: span}}, tx: c.tx, status: c.status, modality: c.modality}
		v.explain("trigger", "visit frame: the meeting %q is held in %q", textOf(s, c.hit.t0, c.hit.t1), text)
		v.explain("targets", "the state the meeting is held in: %s", host)
		out = append(out, v)
	}
	return out
}

// mutualVerbs are verbs whose subjects do to each other what their
// object names (see words.tsv).
var mutualVerbs = words("mutualVerbs")

// mutualVerb reports whether the trigger is the object of a verb of
// mutual action: "Kyiv and Moscow traded blame for the strike".
func (c *cand) mutualVerb() bool {
	t := c.s.tr
	w := c.trigWord()
	if t == nil || w < 0 || t.rel(w) != "obj" {
		return false
	}
	p := t.parent(w)
	return p >= 0 && mutualVerbs[strings.ToLower(t.w[p].Lemma)]
}

// remoteWords mark talks held at a distance (see words.tsv).
var remoteWords = words("remoteWords")

// remoteTalk reports whether a trigger phrase names talks held at a
// distance ("held a call", "spoke by phone", "video conference"), which
// tell no trip.
func remoteTalk(phrase string) bool {
	for _, w := range strings.Fields(phrase) {
		if remoteWords[w] {
			return true
		}
	}
	return false
}

// instrumentsDoNotTrigger drops the attack nouns that tell how a verb's
// attack was done (see instrumentOf), so that no rule reads them as an
// event of their own or gives them the verb's time or place.
func instrumentsDoNotTrigger(st *sent) []trigHit {
	out := make([]trigHit, 0, len(st.trigs))
	for _, h := range st.trigs {
		if !instrumentOf(st, h) {
			out = append(out, h)
		}
	}
	return out
}

// instrumentOf reports an attack noun that is an oblique of a verb
// triggering an attack too ("Russia hit Kyiv with cruise missile
// strikes"): the noun is how the verb's event was done, not an event of
// its own, and read alone it would take a party from word order.
func instrumentOf(s *sent, h trigHit) bool {
	t := s.tr
	if t == nil {
		return false
	}
	w := t.head[h.t0]
	if h.f.typ != model.TypeAttack || w < 0 || t.w[w].UPOS != "NOUN" || t.rel(w) != "obl" {
		return false
	}
	p := t.parent(w)
	if p < 0 || !t.verbal(p) {
		return false
	}
	for _, o := range s.trigs {
		if o.f == h.f && o.t0 != h.t0 && t.head[o.t0] == p {
			return true
		}
	}
	return false
}

// speechAbroad is the trigger speakerAbroad's visits are read from: a
// verb of saying with the place it was said in.
var speechAbroad = &trigger{phrase: "said in", class: classAct}

// speakerAbroad reads the visit told by where a leader spoke: "Lavrov
// said in Cairo": a person of one state speaking in a city of another is
// there. Only a sentence parsed for a trigger of its own is read. It reads the tree: a verb
// of reporting whose subject is a person of a state, with a place after
// "in" that lies in another state.
func speakerAbroad(s *sent, cs []*cand) []*cand {
	t := s.tr
	if t == nil {
		return nil
	}
	var out []*cand
	for v := range t.w {
		k := t.tok[v]
		if !reportVerbs[s.low[k]] || !t.verbal(v) {
			continue
		}
		subj := t.subjectWord(v)
		if subj < 0 {
			continue
		}
		who := s.mentionAt(t.tok[subj])
		if who == nil || who.kind != mEntity || who.entry.Kind != lexicon.KindPerson && who.entry.Kind != lexicon.KindRole || len(who.codes) != 1 {
			continue
		}
		for _, o := range t.children(v, "obl") {
			if t.caseOf(o, s.low) != "in" {
				continue
			}
			host, m := hostState(s, t.tok[o])
			if host == "" || host == who.codes[0] || visitTold(cs, who.codes[0]) {
				continue
			}
			c := &cand{f: visitFrame, hit: trigHit{t0: k, t1: k + 1, f: visitFrame, tr: speechAbroad}, s: s, conf: 0.7,
				actors: who.codes, actorM: who, actorT: textOf(s, who.t0, who.t1), actorTree: true, src: s.src,
				targets: []codeText{{code: host, text: textOf(s, m.t0, m.t1), span: s.span(m.t0, m.t1)}}}
			c.l, c.r = clause(s, k, k+1)
			c.own, c.whole = c.l, c.r
			c.explain("trigger", "visit frame: %q spoke in %q", c.actorT, textOf(s, m.t0, m.t1))
			c.explain("targets", "the state the place lies in: %s", host)
			c.readCues()
			if !factual(c) {
				continue
			}
			c.findTime()
			out = append(out, c)
		}
	}
	return out
}

// hostState returns the state whose place or capital token k names, with
// its mention; a dateline names none.
func hostState(s *sent, k int) (string, *mention) {
	m := s.mentionAt(k)
	if m == nil || m.dateline {
		return "", nil
	}
	if code := placeState(m, false); code != "" {
		return code, m
	}
	return "", nil
}

// placeState returns the state mention m names as a place: the state a
// place lies in, or a state named by its capital or seat, or with names
// set by its name too ("met Putin in Russia"); "" for none.
func placeState(m *mention, names bool) string {
	switch {
	case m == nil:
		return ""
	case m.kind == mPlace && m.entry.Country != "":
		return m.entry.Country
	case m.kind == mEntity && m.entry.Kind == lexicon.KindState &&
		(m.form == lexicon.FormCapital || m.form == lexicon.FormSeat || names && m.form == lexicon.FormName):
		return m.codes[0]
	}
	return ""
}

// visitTold reports whether cs holds a visit by code.
func visitTold(cs []*cand, code string) bool {
	for _, o := range cs {
		if o.f.typ == model.TypeVisit && contains(o.actors, code) {
			return true
		}
	}
	return false
}

// chargedAttack reads a charge word said of an attack already reported:
// "Truss said the appalling attack was completely unwarranted" accuses
// whoever made the attack, on the speaker's word.
func (x *Extractor) chargedAttack(d *docState, c *cand) bool {
	s := c.s
	if s.src == nil || len(s.src.codes) == 0 {
		return false
	}
	for _, h := range s.trigs {
		if h.f.typ != model.TypeAttack || abs(h.t0-c.hit.t0) > 6 || !definiteRef(s, h) {
			continue
		}
		tmp := &cand{f: h.f, hit: h, s: s}
		tmp.l, tmp.r = clause(s, h.t0, h.t1)
		p := x.antecedent(d, tmp)
		if p == nil || len(p.actors) == 0 || p.actors[0] == s.src.codes[0] {
			continue
		}
		c.actors, c.actorM, c.actorT = s.src.codes[:1], nil, s.src.text
		c.targets = []codeText{{code: p.actors[0], text: textOf(s, h.t0, h.t1), span: s.span(h.t0, h.t1)}}
		c.rewhy()
		c.explain("actor", "the speaker, %s -> %s", s.src.name, s.src.codes[0])
		c.explain("targets", "the actor of %q, reported before: %s", textOf(s, h.t0, h.t1), p.actors[0])
		return true
	}
	return false
}

// dyadPair returns the two sides of the conflict in a fixed order.
func (x *Extractor) dyadPair() (string, string) {
	var a, b string
	for k, v := range x.dyad {
		if a == "" || k < a {
			a, b = k, v
		}
	}
	return a, b
}

// datelineTarget makes the state of the sentence's dateline the target of
// an attack or of losses that name none: "KHARKIV, Ukraine — Missiles hit a
// school" happened in Ukraine, whoever fired them.
func (c *cand) datelineTarget() {
	for i := range c.s.ms {
		m := &c.s.ms[i]
		if !m.dateline || m.kind != mEntity || len(m.codes) != 1 || m.entry == nil || m.entry.Kind != lexicon.KindState {
			continue
		}
		if contains(c.actors, m.codes[0]) {
			continue
		}
		c.targets = []codeText{{code: m.codes[0], text: spanText(c.s, m.t0, m.t1)}}
		c.explain("targets", "where the dateline places the story: %s", m.codes[0])
		return
	}
}

// appositionOpeners open a noun phrase that describes the name before it.
var appositionOpeners = words("appositionOpeners")

// relativeWords open a relative clause.
var relativeWords = words("relativeWords")

// inApposition reports whether a trigger lies in an apposition: between a
// comma that follows a named person or body and opens a description ("a
// critic of", "the architect of", "an advocate of") and the comma that
// closes it.
func inApposition(s *sent, h trigHit) bool {
	open := -1
	for k := h.t0 - 1; k >= 1 && k >= h.t0-10; k-- {
		if s.low[k] == "," {
			open = k
			break
		}
	}
	if open < 1 || open+1 >= h.t0 || !appositionOpeners[s.low[open+1]] {
		return false
	}
	// "the minister who visited Kyiv": a relative clause inside the
	// description tells an event of its own.
	for k := open + 1; k < h.t0; k++ {
		if relativeWords[s.low[k]] {
			return false
		}
	}
	m := s.mentionAt(open - 1)
	if m == nil || (m.kind != mEntity && m.kind != mName && m.kind != mSource) {
		return false
	}
	for k := h.t1; k < len(s.low) && k <= h.t1+10; k++ {
		if s.low[k] == "," {
			return true
		}
		if s.low[k] == "." || s.low[k] == ";" {
			return false
		}
	}
	return false
}
