package event

import (
	"strings"

	"github.com/sitrep-project/sitrep/internal/lexicon"
	"github.com/sitrep-project/sitrep/internal/model"
	"github.com/sitrep-project/sitrep/internal/quantity"
)

// argRule reads the arguments of one event type once its parties are
// found: what the event must have to be a fact, and where its missing
// parts lie. class is the class its trigger is read with (readingClass);
// permitted reports parties set by a permission or a receipt.
type argRule func(x *Extractor, d *docState, c *cand, class class, permitted bool) verdict

// argRules are the argument rules by event type. A type not listed is a
// relation between two parties and reads them with fillParties, so a new
// type needs a row in data/frames.tsv and, if it has rules of its own,
// one entry here.
var argRules map[model.EventType]argRule

func init() {
	// Set here rather than where declared: the aid rule reads troops sent
	// nowhere again through fill, which reads this table.
	argRules = map[model.EventType]argRule{
		model.TypeAid:          (*Extractor).fillAid,
		model.TypeCasualties:   (*Extractor).fillCasualties,
		model.TypeDisplacement: (*Extractor).fillDisplacement,
		model.TypeMobilize:     (*Extractor).fillMobilize,
	}
}

// argRuleOf returns the argument rule of an event type.
func argRuleOf(typ model.EventType) argRule {
	if r, ok := argRules[typ]; ok {
		return r
	}
	return (*Extractor).fillParties
}

// fillAid reads aid: what is given or what it is worth, to whom and by
// whom, and how firmly it is promised. Aid with neither items nor money
// tells nothing.
func (x *Extractor) fillAid(d *docState, c *cand, class class, permitted bool) verdict {
	s := c.s
	if class == classAuthorize && !c.permitsGiving() {
		return reject
	}
	c.findItems(d)
	c.findMoney()
	if len(c.items) == 0 && c.money == nil {
		return reject
	}
	if valueNouns[c.hit.tr.phrase] && c.money == nil {
		// "worth", "a total of" name aid only by its value: "bringing
		// the total to 16 ships" counts, it gives nothing.
		return reject
	}
	if class == classContinue {
		c.modality = model.ModalityAsserted
		if c.src != nil {
			c.modality = model.ModalityReported
		}
	} else {
		if class != classReceive {
			if v := x.aidRecipients(d, c); v != proceed {
				return v
			}
		}
		c.readCues()
	}
	if len(c.targets) == 0 && c.unplacedRecipient() {
		// "the credit it granted Veltra": a firm or a person sitrep
		// cannot place, not a state, its forces or its people.
		return reject
	}
	d.aidDonor(c)
	if c.money != nil && len(c.actors) == 1 {
		// "Canada announced 98 million dollars": the donor's dollars.
		if cur := quantity.LocalCurrency(*c.money, c.actors[0]); cur != "" && cur != c.money.Currency {
			m := *c.money
			m.Currency = cur
			c.money = &m
			c.explain("money", "%q from %s: %s", m.Text, c.actors[0], cur)
		}
	}
	if len(c.items) == 0 && (class == classNoun || class == classPledge) && sanctionsInClause(s, c) {
		// "the total value of goods under sanctions": a figure of
		// sanctions, not of aid.
		return reject
	}
	c.aidMode()
	// A sentence of commerce that does not name the state the article is
	// about ("a $44bn deal to buy a social network", "a retailer left
	// Russia at a cost of £31m", in a business story or a live page that
	// names Ukraine elsewhere) does not make that state the implied
	// recipient: the recipient stays unnamed, and scope drops the
	// purchase.
	if len(c.targets) == 0 && d.home() != "" && !contains(c.actors, d.home()) && (s.namesCode(d.home()) || !mustScope().commercialToks(s.toks)) {
		c.targets = []codeText{{code: d.home()}}
		c.explain("targets", "none named: the state the article is about, %s", d.home())
	}
	if permitted && class != classReceive {
		c.status = model.StatusAuthorized
	}
	if len(c.actors) == 1 && len(c.targets) > 0 && x.dyad[c.actors[0]] == c.targets[0].code {
		// One warring side does not aid the other: "Russia sent troops
		// to its border with Ukraine".
		return reject
	}
	return proceed
}

// unplacedRecipient reports a verb of giving whose recipient the tree gives
// as a proper name sitrep knows nothing of: the indirect object, the
// object of a verb with no item, or the noun after "to".
func (c *cand) unplacedRecipient() bool {
	t := c.s.tr
	v := c.trigWord()
	if t == nil || v < 0 || !t.verbal(v) {
		return false
	}
	recips := t.children(v, "iobj", "obj")
	for _, o := range t.children(v, "obl") {
		if c.f.typ == model.TypeAid && contains(c.f.targetPreps, t.caseOf(o, c.s.low)) {
			recips = append(recips, o)
		}
	}
	for _, w := range recips {
		if t.w[w].UPOS != "PROPN" {
			continue
		}
		if m := c.s.mentionAt(t.tok[w]); m == nil || m.kind == mName {
			return true
		}
	}
	return false
}

// sendingTriggers are the aid triggers that, said of troops with no
// recipient, tell a deployment: "sent 8,000 troops to exercises" (see
// words.tsv).
var sendingTriggers = words("sendingTriggers")

// aidRecipients finds whom aid goes to, and keeps only what a state gives
// another: not money for its own forces, nor items the recipient owns
// already. Troops sent with no recipient are a deployment, and the
// candidate is decided by reading it again as one.
func (x *Extractor) aidRecipients(d *docState, c *cand) verdict {
	c.findTargets(d)
	c.trainees()
	if c.selfTarget || ownForces(c.s, c.l, c.r) {
		// "a special fund of €100bn for the Bundeswehr": money
		// a state spends on its own forces is not aid.
		return reject
	}
	if c.dropDeployedTroops() && len(c.items) == 0 && c.money == nil {
		if !sendingTriggers[c.hit.tr.phrase] {
			// "secured the release of 144 soldiers", "will hand
			// over the bodies of soldiers": people freed or handed
			// back, neither given nor deployed.
			return reject
		}
		// "Britain is sending 8,000 troops to exercises": a
		// deployment, read again as one. The second reading is of the
		// mobilisation frame, whose rules never come back here.
		*c = cand{f: mobilizeFrame, hit: c.hit, s: c.s, l: c.l, r: c.r, conf: c.conf}
		c.explain("trigger", "mobilize frame: troops sent with no recipient are deployed")
		if x.fill(d, c) {
			return accept
		}
		return reject
	}
	if c.dropRecipientsOwn(); len(c.items) == 0 && c.money == nil {
		return reject
	}
	return proceed
}

// aidDonor settles who gives aid: not the state the article is about,
// which more often receives it, and where no donor is named, the donor
// of the aid just before or, less surely, the state the article names
// most after the recipient.
func (d *docState) aidDonor(c *cand) {
	s := c.s
	if h := d.home(); h != "" && len(c.actors) == 1 && c.actors[0] == h && (len(c.targets) == 0 || c.hasTarget(h)) {
		// The state the article is about receives aid; named before
		// the verb it is more often the topic than the donor.
		c.explain("actor", "dropped %s: the recipient the article is about", h)
		c.actors = nil
	}
	if len(c.actors) == 0 && d.lastAid != nil && d.lastAid.s.idx >= s.idx-2 && len(d.lastAid.actors) > 0 {
		c.actors, c.actorT = d.lastAid.actors, d.lastAid.actorT
		c.explain("actor", "none named: the donor of the aid just before, %s", strings.Join(c.actors, " "))
	}
	if len(c.actors) == 0 {
		if donor := d.donor(c); donor != "" {
			c.actors = []string{donor}
			c.conf -= 0.2
			c.explain("actor", "none named: the state the article names most after the recipient, %s", donor)
		}
	}
}

// accidentCauses are the words of a death or injury that no violence
// caused (see words.tsv).
var accidentCauses = words("accidentCauses")

// harmlessCause reports losses whose clause names a cause other than
// violence: "died after being hit by a scooter", "died of cancer".
func (c *cand) harmlessCause() bool {
	for i := c.l; i < c.r; i++ {
		if accidentCauses[c.s.low[i]] {
			return true
		}
	}
	return false
}

// selfLossTriggers are the casualty triggers that name dying, not killing
// (see words.tsv).
var selfLossTriggers = words("selfLossTriggers")

// agentNamed reports an actor named as an agent: after "by" ("killed by
// Russian shelling"), or as the owner of an attack noun in the clause
// ("died in Russian strikes").
func (c *cand) agentNamed() bool {
	s := c.s
	if c.actorM == nil {
		return false
	}
	if c.actorM.t0 > 0 && s.low[c.actorM.t0-1] == "by" {
		return true
	}
	for _, h := range s.trigs {
		if h.f.typ == model.TypeAttack && h.t0 >= c.l && h.t0 < c.r && c.actorM.t1 <= h.t0 && h.t0-c.actorM.t1 <= 2 {
			return true
		}
	}
	return false
}

// fillCasualties reads losses: they need a number or named victims; the
// side of the victims is the target, and the killer is read from the
// clause, the attack just told or, less surely, the other side.
func (x *Extractor) fillCasualties(d *docState, c *cand, class class, permitted bool) verdict {
	side := c.findCount()
	c.outcome = c.hit.tr.outcome
	if c.count == nil && c.victims == "" || c.harmlessCause() {
		return reject
	}
	c.readCues()
	c.findTargets(d)
	if c.agentAfter() {
		side = ""
	}
	c.victimSide(side)
	x.lossParties(d, c)
	x.countedSide(d, c)
	if len(c.actors) == 0 && len(c.targets) == 1 {
		c.heldPlace()
	}
	if len(c.actors) == 0 && len(c.targets) == 1 && x.dyad[c.targets[0].code] != "" {
		c.actors = []string{x.dyad[c.targets[0].code]}
		c.conf -= 0.2
		c.explain("actor", "the other side of the conflict: %s", c.actors[0])
	}
	return proceed
}

// fillDisplacement reads people displaced: they need a number, and the
// country they left is the target.
func (x *Extractor) fillDisplacement(d *docState, c *cand, class class, permitted bool) verdict {
	side := c.findCount()
	if c.count == nil || c.countIsOfLosses() {
		return reject
	}
	c.readCues()
	c.findTargets(d)
	if len(c.actors) > 0 {
		x.displacedFrom(c)
	}
	if len(c.targets) == 0 {
		// The side of the people counted, where nothing named the
		// country left: a national adjective elsewhere in the clause
		// ("staying with Irish families") is not theirs.
		c.victimSide(side)
	}
	if len(c.targets) == 0 {
		// "120 civilians escaped from the steelworks in Mariupol": the
		// state of the place they left, where it is a party's.
		if m := c.lossPlace(); m != nil && x.dyad[m.entry.Country] != "" {
			c.placeTarget(m, m.entry.Country, "the state the place lies in")
		}
	}
	x.countedSide(d, c)
	return proceed
}

// placeTarget makes code, the side a place mention m stands for, the one
// target, explained by how.
func (c *cand) placeTarget(m *mention, code, how string) {
	text := textOf(c.s, m.t0, m.t1)
	c.targets = []codeText{{code: code, text: text, span: c.s.span(m.t0, m.t1)}}
	c.explain("targets", "%s: %q -> %s", how, text, code)
}

// countIsOfLosses reports a count followed by a word of losses: "the war
// has left tens of thousands dead" counts the dead, not people who left.
func (c *cand) countIsOfLosses() bool {
	s := c.s
	for i := c.hit.t1; i < c.r && i < c.hit.t1+8; i++ {
		if m := s.mentionAt(i); m != nil && m.kind == mNum && m.num == c.count && m.t1 < len(s.low) {
			for _, h := range s.trigs {
				if h.f.typ == model.TypeCasualties && h.t0 == m.t1 {
					return true
				}
			}
		}
	}
	return false
}

// Trigger rows whose own words settle a question (see words.tsv):
// callUpTriggers name troops called up, threatTriggers a threat told as
// one, presenceTriggers mere presence, a visit only of a person.
var (
	callUpTriggers   = words("callUpTriggers")
	threatTriggers   = words("threatTriggers")
	presenceTriggers = words("presenceTriggers")
)

// fillMobilize reads a call-up or deployment: it needs troops and the
// state that calls them up, and takes the troops as its item.
func (x *Extractor) fillMobilize(d *docState, c *cand, class class, permitted bool) verdict {
	c.findCount()
	c.findItems(d)
	// "a general mobilisation" calls up troops by its own word.
	troops := c.victims == "military" || callUpTriggers[c.hit.tr.phrase]
	if !troops || len(c.actors) == 0 {
		return reject
	}
	c.items = []itemArg{{name: "troops", category: "troops", mode: model.ModeMilitary}}
	c.victims = ""
	c.readCues()
	c.findTargets(d)
	return proceed
}

// victimSide makes the side the people counted belong to, where their
// words tell it ("Ukrainian soldiers"), the target.
func (c *cand) victimSide(side string) {
	if side != "" {
		c.targets = []codeText{{code: side}}
		c.explain("targets", "the side of the victims: %s", side)
	}
}

// countedSide gives people counted with no side named one: the other
// side of a warring actor's, or else the state the article is about.
func (x *Extractor) countedSide(d *docState, c *cand) {
	if len(c.targets) == 0 {
		if len(c.actors) == 1 && x.dyad[c.actors[0]] != "" {
			c.targets = []codeText{{code: x.dyad[c.actors[0]]}}
		} else if h := d.home(); h != "" {
			c.targets = []codeText{{code: h}}
			c.explain("targets", "none named: the state the article is about, %s", h)
		}
	}
}

// displacedFrom reads the parties of displacement, which has no actor: a
// party to the conflict named as one is the country left.
func (x *Extractor) displacedFrom(c *cand) {
	// People flee a country; nobody "does" displacement. A party to
	// the conflict named before the trigger ("Ukraine ... displaced")
	// is the country left; another state ("Poland has taken in")
	// is a host, neither actor nor target.
	if len(c.targets) == 0 && len(c.actors) == 1 && x.dyad[c.actors[0]] != "" {
		c.targets = []codeText{{code: c.actors[0], text: c.actorT}}
		c.explain("targets", "the country left or displaced in: %s", c.actors[0])
	}
	c.actors, c.actorM, c.actorT = nil, nil, ""
}

// lossParties reads who inflicted losses and on whom: who "lost" them
// suffered them, the victims' own adjective and an organisation counting
// the dead name no killer, a place names the side hit, and losses told
// right after an attack take its sides.
func (x *Extractor) lossParties(d *docState, c *cand) {
	s := c.s
	if c.hit.tr.class == classSuffer && c.actorM != nil && len(c.actors) == 1 {
		// "Russia had lost 12,000 soldiers": who lost them suffered.
		c.targets = []codeText{{code: c.actors[0], text: c.actorT}}
		c.actors, c.actorM, c.actorT = nil, nil, ""
		c.explain("targets", "the side that lost them: %s", c.targets[0].code)
	}
	if len(c.actors) > 0 && len(c.targets) > 0 && contains(c.actors, c.targets[0].code) {
		// "Russian soldiers killed": the victims' adjective is not the
		// killer.
		c.actors = nil
	}
	if len(c.actors) > 0 && selfLossTriggers[c.hit.tr.phrase] && !c.agentNamed() {
		// "We have counted about 200 dead", "Ukraine said 12 people
		// died": dying names no killer, and the subject of the clause
		// it stands in is who counts or tells of the dead. Only "by"
		// or an attack names one.
		c.explain("actor", "dropped %s: dying names no killer", strings.Join(c.actors, " "))
		c.actors, c.actorM, c.actorT = nil, nil, ""
	}
	if len(c.actors) == 1 && !x.armed(c.actors[0]) {
		// "The UN's human rights office said 227 civilians were
		// killed": an organisation that counts the dead is their
		// source, not their killer.
		c.explain("actor", "dropped %s: it counts the losses, it does not inflict them", c.actors[0])
		c.actors, c.actorM, c.actorT = nil, nil, ""
	}
	if len(c.targets) == 0 {
		// "three killed in Belgorod": the state the place lies in.
		if m := c.lossPlace(); m != nil && x.dyad[m.entry.Country] != "" && !contains(c.actors, m.entry.Country) {
			code, how := m.entry.Country, "the state the place lies in"
			if m.entry.Held != "" && len(c.actors) == 0 {
				// Losses in a place the other side held: that side's.
				code, how = m.entry.Held, "the side that held the place"
			}
			c.placeTarget(m, code, how)
		}
	}
	if la := d.lastAttack; la != nil && (d.lastAttackIdx >= s.idx-2 || la.s.para == s.para) &&
		len(la.actors) > 0 && (len(c.targets) == 0 || la.hasTarget(c.targets[0].code)) && (len(c.actors) == 0 || la.actors[0] == c.actors[0]) {
		// Losses told right after an attack are its losses.
		if len(c.actors) == 0 {
			c.actors = la.actors
			c.explain("actor", "from the attack just before: %s", strings.Join(c.actors, " "))
		}
		if len(c.targets) == 0 && len(la.targets) > 0 {
			c.targets = la.targets[:1]
			c.explain("targets", "from the attack just before: %s", la.targets[0].code)
		}
	}
	if lc := d.last[model.TypeCasualties]; lc != nil && len(c.actors) == 0 && len(c.targets) == 0 && lc.s.idx >= s.idx-1 && lc.s != s {
		// "... killing 21 people. 38 others were wounded": losses told
		// right after others, with no side of their own, are of the
		// same attack.
		c.actors = lc.actors
		c.targets = lc.targets
		c.explain("targets", "from the losses just before: %s", strings.Join(codesOf(c.targets), " "))
	}
}

// codesOf returns the codes of targets.
func codesOf(ts []codeText) []string {
	var out []string
	for _, t := range ts {
		out = append(out, t.code)
	}
	return out
}

// fillParties reads an event between parties (an attack, a visit, a
// meeting, talks, a threat, a demand, an accusation, a sanction): whom
// the actor acts on, and whether the event has the parties its type
// needs to be a fact.
func (x *Extractor) fillParties(d *docState, c *cand, class class, permitted bool) verdict {
	if c.f.typ == model.TypeThreaten && !threatened(c) {
		return reject
	}
	if c.f.typ == model.TypeAttack && !c.launchesAnAttack() {
		return reject
	}
	if c.f.typ == model.TypeMeet && c.meetsAMeasure() || c.f.typ == model.TypeVisit && c.troopsMove() {
		return reject
	}
	if !x.speechParties(d, c, class) || c.f.typ == model.TypeDemand && (c.bareAsking() || warnTriggers[c.hit.tr.phrase] && !c.warnsAgainst()) {
		return reject
	}
	c.readCues()
	x.partyTargets(d, c)
	c.findPlaces()
	if c.f.typ == model.TypeSanction {
		// "£1.7bn of new sanctions": the value of the measures.
		c.findMoney()
	}
	x.pairParties(c)
	if c.f.typ == model.TypeTalks && class != classNoun && len(c.actors) == 0 {
		// A call needs a caller; only talks named as such are between
		// the warring parties by default.
		return reject
	}
	if !x.dyadParties(d, c) {
		return reject
	}
	if !hasParties(d, c) {
		return reject
	}
	return proceed
}

// warnTriggers are the demand triggers that demand only when they warn
// someone against something (see words.tsv).
var warnTriggers = words("warnTriggers")

// warnsAgainst reports a warning that asks someone to refrain: "warned
// Erdogan against another incursion", "warned Moscow not to invade". A
// warning of a danger ("warned of famine") asks nothing.
func (c *cand) warnsAgainst() bool {
	t, v := c.s.tr, c.trigWord()
	if t == nil || v < 0 {
		return false
	}
	for _, k := range t.children(v, "obl", "advcl", "xcomp") {
		if t.rel(k) == "obl" && t.caseOf(k, c.s.low) == "against" {
			return true
		}
		if t.rel(k) != "obl" && t.infinitive(k) {
			for _, n := range t.children(k, "advmod") {
				if negators[c.s.low[t.tok[n]]] {
					return true
				}
			}
		}
	}
	return false
}

// askVerbs are the verbs that ask a question as well as ask for
// something (see words.tsv).
var askVerbs = words("askVerbs")

// measureNouns are what a party meets that is no one: a target, a
// standard, a demand (see words.tsv).
var measureNouns = words("measureNouns")

// meetsAMeasure reports "meet" said of a measure, not of someone: "to
// meet Nato standards", "help the bloc meet its targets".
func (c *cand) meetsAMeasure() bool {
	t, v := c.s.tr, c.trigWord()
	if t == nil || v < 0 || !t.verbal(v) {
		return false
	}
	for _, k := range t.children(v, "obj") {
		if measureNouns[c.s.low[t.tok[k]]] {
			return true
		}
	}
	return false
}

// troopsMove reports a verb of travel whose subject is troops: "Ukrainian
// soldiers arrived at the plant" moves forces, it is no visit.
func (c *cand) troopsMove() bool {
	t, v := c.s.tr, c.trigWord()
	if t == nil || v < 0 || !t.verbal(v) {
		return false
	}
	w := t.subjectWord(v)
	if w < 0 {
		return false
	}
	m := c.s.mentionAt(t.tok[w])
	return m != nil && m.kind == mItem && m.entry != nil && m.entry.Category == "troops"
}

// launchTriggers are the attack triggers that tell an attack only by what
// they launch (see words.tsv).
var launchTriggers = words("launchTriggers")

// launchedWars are nouns of war that a verb of launching starts (see
// words.tsv).
var launchedWars = words("launchedWars")

// launchesAnAttack reports whether a verb of launching launches an
// attack: its object is a weapon or a word of attack ("launched
// missiles", "launched an offensive"), not a product or a scheme
// ("launched war insurance for grain cargoes").
func (c *cand) launchesAnAttack() bool {
	t, v := c.s.tr, c.trigWord()
	if !launchTriggers[c.hit.tr.phrase] || t == nil || v < 0 {
		return true
	}
	objs := t.children(v, "obj")
	if t.passiveVerb(v) {
		objs = t.children(v, "nsubj:pass")
	}
	for _, k := range objs {
		tok := t.tok[k]
		if m := c.s.mentionAt(tok); m != nil && m.kind == mItem || launchedWars[c.s.low[tok]] {
			return true
		}
		for _, h := range c.s.trigs {
			if h.f.typ == model.TypeAttack && tok >= h.t0 && tok < h.t1 {
				return true
			}
		}
	}
	return len(objs) == 0
}

// bareAsking reports a verb of asking with nothing asked for: no clause
// or "for" phrase after it in the tree ("asked Poland to send jets",
// "asked Nato for help"), only whom it asks or the question itself.
// "'Why did they shell the hospital?' the mayor asked" reports a
// question, not a demand.
func (c *cand) bareAsking() bool {
	t, v := c.s.tr, c.trigWord()
	if t == nil || v < 0 || !askVerbs[c.s.low[c.hit.t0]] || !t.verbal(v) || t.passiveVerb(v) || c.hit.t1-c.hit.t0 > 1 {
		return false
	}
	for _, k := range t.children(v, "xcomp", "ccomp", "advcl", "obl") {
		if k < v || questionClause(c.s, k) || t.rel(k) == "obl" && t.caseOf(k, c.s.low) != "for" {
			// A clause before the verb is the question it reports, as
			// is one after it opened by "whether" or "if"; whom it
			// is asked of asks nothing by itself.
			continue
		}
		return false
	}
	for j := v + 1; j < len(t.w); j++ {
		if t.w[j].UPOS == "VERB" && t.infinitive(j) && !inQuestion(c.s, j, v) {
			// "asked residents of the occupied regions to leave",
			// however the parser attached the infinitive.
			return false
		}
	}
	return true
}

// inQuestion reports whether word j lies in an indirect question that
// hangs from word v: "asked whether they backed Finland's bid to join".
func inQuestion(s *sent, j, v int) bool {
	t := s.tr
	for k := j; k >= 0 && k != v; k = t.parent(k) {
		if questionClause(s, k) {
			return true
		}
	}
	return false
}

// questionClause reports a clause opened by a word of an indirect
// question: "asked whether they backed it".
func questionClause(s *sent, k int) bool {
	t := s.tr
	for _, m := range t.children(k, "mark") {
		if questionMarks[s.low[t.tok[m]]] {
			return true
		}
	}
	return false
}

// questionMarks open an indirect question (see words.tsv).
var questionMarks = words("questionMarks")

// threatened reports a threat told as one: by "threaten" or "ultimatum",
// or by a condition or a consequence after its trigger (threatCues).
func threatened(c *cand) bool {
	s := c.s
	if threatTriggers[c.hit.tr.phrase] {
		return true
	}
	for k := c.hit.t1; k < len(s.low); k++ {
		if threatCues[s.low[k]] {
			return true
		}
	}
	return false
}

// speechParties reads the parties of the trigger classes that say who
// accuses or demands of whom: a claim, a charge, a modal of obligation.
// Hostile acts and words are read for a reply ("accused each other").
// It reports false where the words accuse or oblige no one.
func (x *Extractor) speechParties(d *docState, c *cand, class class) bool {
	typ := c.f.typ
	switch {
	case typ == model.TypeAccuse && class == classClaim:
		if !x.claimTarget(d, c) {
			return false
		}
	case typ == model.TypeAccuse && class == classCharge:
		if !x.chargedAttack(d, c) && !c.ownedCharge() && !c.chargeParties(d) {
			return false
		}
	case class == classModal:
		if !c.modalParties() {
			return false
		}
	case typ == model.TypeAccuse || typ == model.TypeDeny || typ == model.TypeAttack || typ == model.TypeThreaten:
		c.reciprocal(x)
	}
	return true
}

// partyTargets finds whom the event is aimed at: the target its clause
// names, or else the dateline's place for an attack, the event an
// accusation condemns, whom a demand is addressed to. A side striking
// its own state strikes the other side, which holds the place.
func (x *Extractor) partyTargets(d *docState, c *cand) {
	typ := c.f.typ
	if len(c.targets) == 0 {
		c.findTargets(d)
	}
	if (typ == model.TypeAttack || typ == model.TypeCasualties) && len(c.targets) == 0 {
		c.datelineTarget()
	}
	if (typ == model.TypeThreaten || typ == model.TypeDemand) && len(c.targets) == 0 {
		// "repeated threats to freeze their accession": the list named
		// before "their".
		c.possessiveTarget(d)
	}
	if (typ == model.TypeAttack || typ == model.TypeVisit) && len(c.targets) == 0 {
		// "said three rockets hit the city", "as the Nato chief toured
		// the town": the place named last; a strike's only where a
		// party holds it.
		if name, country := d.definitePlace(c); country != "" && (typ == model.TypeVisit || x.dyad[country] != "") && !contains(c.actors, country) {
			c.targets = []codeText{{code: country, text: name}}
			c.explain("targets", "%q points back at %s -> %s", "the "+c.s.low[c.definiteNoun()], name, country)
		}
	}
	if typ == model.TypeAttack && len(c.targets) == 0 && len(c.actors) == 0 && d.conflict() {
		// "explosions ripped through an air base on the west coast of
		// Crimea": with no side named, the place struck names the side
		// hit (its holder, see heldPlace), in a story about the war.
		if m := c.lossPlace(); m != nil && x.dyad[m.entry.Country] != "" && !originPreps[prepBefore(c.s, m.t0)] {
			c.placeTarget(m, m.entry.Country, "the state the place struck lies in")
		}
	}
	if typ == model.TypeAccuse && len(c.targets) == 0 {
		x.condemnedEvent(d, c)
	}
	if typ == model.TypeDemand && len(c.targets) == 0 {
		if codes, text := d.addressee(c); len(codes) > 0 {
			for _, code := range codes {
				if !contains(c.actors, code) {
					c.targets = append(c.targets, codeText{code: code, text: text})
				}
			}
			c.explain("targets", "whom the demand is addressed to: %q -> %s", text, strings.Join(codes, " "))
		}
	}
	if typ == model.TypeAttack && len(c.actors) == 1 && x.dyad[c.actors[0]] != "" {
		// "Ukrainian rockets hit a bridge in Kherson": a side striking
		// a place in its own country strikes the other side holding it.
		for i := range c.targets {
			if c.targets[i].code == c.actors[0] {
				c.targets[i].code = x.dyad[c.actors[0]]
				c.explain("targets", "%q lies in the actor's own state: the other side, %s", c.targets[i].text, c.targets[i].code)
			}
		}
	}
}

// pairParties reads meetings and talks, whose parties are named together
// ("Kuleba and Lavrov met"): the second is the one met, unless both met a
// third named apart ("Erdoğan and Guterres met Zelenskyy": each met him)
// and they are not the two sides of the war, whose meeting is talks
// wherever a host sits with them.
func (x *Extractor) pairParties(c *cand) {
	typ := c.f.typ
	if typ == model.TypeTalks {
		c.talksParties()
	}
	if (typ == model.TypeMeet || typ == model.TypeTalks) && len(c.actors) == 2 && (!c.metOther() || x.dyad[c.actors[0]] == c.actors[1]) {
		// "Kuleba and Lavrov met": one meets the other; where they
		// meet ("in Antalya") is the place, not a party.
		c.targets = []codeText{{code: c.actors[1], text: c.actorT}}
		c.actors = c.actors[:1]
		c.explain("targets", "the second of the parties named together: %s", c.targets[0].code)
	}
	if typ == model.TypeMeet && len(c.actors) == 1 && len(c.targets) == 1 && x.dyad[c.actors[0]] == c.targets[0].code {
		// A meeting of the warring sides is a round of talks.
		c.f = talksFrame
		c.explain("trigger", "a meeting between the two sides of the conflict: talks")
	}
}

// possessivePronouns point back at the parties whose thing a clause is
// about (see words.tsv).
var possessivePronouns = words("possessivePronouns")

// possessiveTarget takes as targets the parties a possessive pronoun after
// the trigger points back at ("threatened to freeze their accession"): the
// last list, or else the last party, named before the trigger in the
// sentence that is not the actor.
func (c *cand) possessiveTarget(d *docState) {
	s := c.s
	k := -1
	for i := c.hit.t1; i < c.r; i++ {
		if possessivePronouns[s.low[i]] {
			k = i
			break
		}
	}
	if t, v := s.tr, c.trigWord(); k < 0 && t != nil && v >= 0 {
		// The tree knows what the trigger governs past a quotation
		// mark, where the clause was cut: threats to “freeze” their
		// accession.
		for i := c.r; i < len(s.low); i++ {
			if w := t.head[i]; possessivePronouns[s.low[i]] && w >= 0 && t.dominates(v, w) {
				k = i
				break
			}
		}
	}
	if k < 0 {
		return
	}
	if pluralPronouns[ownerPronouns[s.low[k]]] {
		// "their" points back at a list before a single party: "to
		// Finland and Sweden joining Nato ... their accession".
		for i := c.hit.t0 - 1; i >= 0; i-- {
			m := s.mentionAt(i)
			if m == nil {
				continue
			}
			i = m.t0
			if list := s.coordinated(m); len(list) > 1 && partyMention(m) && !contains(c.actors, list[0]) {
				for _, code := range list {
					if !contains(c.actors, code) {
						c.targets = append(c.targets, codeText{code: code, text: s.low[k]})
					}
				}
				c.explain("targets", "%q points back at %s", s.low[k], strings.Join(list, " "))
				return
			}
		}
	}
	for i := c.hit.t0 - 1; i >= 0; i-- {
		m := s.mentionAt(i)
		if m == nil {
			continue
		}
		i = m.t0
		if !partyMention(m) || contains(c.actors, m.codes[0]) {
			continue
		}
		codes := m.codes
		if list := s.coordinated(m); len(list) > 1 {
			codes = list
		}
		for _, code := range codes {
			if !contains(c.actors, code) {
				c.targets = append(c.targets, codeText{code: code, text: s.low[k]})
			}
		}
		c.explain("targets", "%q points back at %s", s.low[k], strings.Join(codes, " "))
		return
	}
}

// definiteNoun returns the token of a noun of territoryNouns after "the"
// that the trigger's clause strikes after the trigger ("hit the city",
// "shelling of the town"), or -1.
func (c *cand) definiteNoun() int {
	s := c.s
	for k := c.hit.t1; k+1 < c.r && k <= c.hit.t1+3; k++ {
		if s.low[k] == "the" && territoryNouns[s.low[k+1]] && s.mentionAt(k+1) == nil {
			return k + 1
		}
	}
	return -1
}

// definitePlace returns the name and state of the place "the city" or
// "the town" after the trigger points back at: the last place named before
// it in the sentence (a place of its own, or the place of a role, "the
// mayor of Kramatorsk"), or else in the two sentences before; "" where
// none is.
func (d *docState) definitePlace(c *cand) (name, country string) {
	if c.definiteNoun() < 0 {
		return "", ""
	}
	s := c.s
	for i := c.hit.t0 - 1; i >= 0; i-- {
		m := s.mentionAt(i)
		if m == nil {
			continue
		}
		switch {
		case m.dateline || m.entry == nil:
		case m.kind == mPlace:
			// Where it is this sentence's, the place is the event's
			// too, so that a later report of the same strike merges.
			c.addPlace(s, m)
			return m.entry.Name, m.entry.Country
		case m.kind == mEntity && m.entry.Place != "" && m.entry.Country != "":
			return m.entry.Place, m.entry.Country
		case m.kind == mEntity && m.form == lexicon.FormCapital && len(m.codes) == 1:
			// "Russia hit Kyiv ... while he was visiting the city".
			return textOf(s, m.t0, m.t1), m.codes[0]
		}
		i = m.t0
	}
	m := d.lastPlace
	if d.lastCapital != "" && s.idx-d.lastCapitalIdx <= 2 && (m == nil || d.lastCapitalIdx > d.lastPlaceIdx) {
		return d.lastCapital, d.lastCapitalOf
	}
	if m != nil && s.idx-d.lastPlaceIdx <= 2 {
		return m.entry.Name, m.entry.Country
	}
	return "", ""
}

// originPreps are prepositions before a place that say where an attack
// came from, not what it struck (see words.tsv).
var originPreps = words("originPreps")

// heldPlace makes the holder of a place the target, where the one
// target is the state a held place lies in and no actor is named: a
// strike on Sevastopol or Donetsk city in 2022 hit the side that held it
// (see the held column of the lexicon's places.tsv).
func (c *cand) heldPlace() {
	for _, p := range c.places {
		if p.entry.Held != "" && p.entry.Country == c.targets[0].code {
			c.targets = []codeText{{code: p.entry.Held, text: p.text, span: p.span}}
			c.explain("targets", "the side that held %q: %s", p.text, p.entry.Held)
			return
		}
	}
}

// dyadParties fills in the warring sides for the frames between them
// (dyad): the other side of the one named, or for talks with neither
// named, both, in an article about both. It reports false for talks with
// no parties in an article about one side.
func (x *Extractor) dyadParties(d *docState, c *cand) bool {
	typ := c.f.typ
	if c.f.dyad && len(c.targets) == 0 && len(c.actors) == 1 && x.dyad[c.actors[0]] != "" && !(typ == model.TypeTalks && c.hit.tr.class != classNoun) {
		// A call is with someone the text names; only talks named as
		// such are, by default, with the other side.
		c.targets = []codeText{{code: x.dyad[c.actors[0]]}}
		c.explain("targets", "the other side of the conflict: %s", c.targets[0].code)
	}
	if c.f.dyad && len(c.actors) == 0 && len(c.targets) == 1 {
		c.heldPlace()
	}
	if c.f.dyad && typ != model.TypeThreaten && len(c.actors) == 0 && len(c.targets) == 1 && x.dyad[c.targets[0].code] != "" {
		// A strike on one side was the other side's; a threat with no
		// threatener named ("ships threatened by war") is no one's.
		c.actors = []string{x.dyad[c.targets[0].code]}
		c.conf -= 0.2
		c.explain("actor", "the other side of the conflict: %s", c.actors[0])
	}
	if typ == model.TypeTalks && len(c.actors) == 0 && len(c.targets) == 0 {
		// Peace talks with no parties named are the warring parties'
		// in an article about both, and nobody's in another. Other
		// talks with no parties ("after days of fraught negotiations,
		// ministers agreed ...") are nobody's that sitrep can name.
		a, b := x.dyadPair()
		if d.allCodes[a] == 0 || d.allCodes[b] == 0 || !c.peaceTalks() {
			return false
		}
		c.actors = []string{a}
		c.targets = []codeText{{code: b}}
		c.conf -= 0.3
		c.explain("actor", "talks with no parties named: the warring parties")
	}
	if typ == model.TypeTalks && len(c.actors) == 1 && len(c.targets) == 1 && x.dyad[c.actors[0]] == c.targets[0].code && c.targets[0].code < c.actors[0] {
		// Talks between the warring sides have no direction; one fixed
		// order lets their reports merge.
		a := c.actors[0]
		c.actors, c.actorM, c.actorT = []string{c.targets[0].code}, nil, c.targets[0].text
		c.targets = []codeText{{code: a}}
	}
	return true
}

// partiesNeeded says, by event type, whether a relation has the parties
// it needs to be a fact. A type not listed needs an actor.
var partiesNeeded = map[model.EventType]func(d *docState, c *cand) bool{
	model.TypeVisit: visitParties,
	model.TypeMeet:  meetParties,
	model.TypeAttack: func(_ *docState, c *cand) bool {
		return (len(c.actors) > 0 || len(c.targets) > 0) && c.groundTaken() && !c.bothSidesByPronoun()
	},
	model.TypeSanction:    sanctionParties,
	model.TypeAccuse:      func(_ *docState, c *cand) bool { return bothParties(c) },
	model.TypeCyberattack: func(*docState, *cand) bool { return true },
}

// trainees makes the party whose forces the aid trains its recipient:
// "Canada is sending 225 instructors to the UK to resume training
// Ukrainian recruits" aids Ukraine; the UK is only where. It reads the
// tree: the object of "train", or the owner of "training" ("the training
// of Ukrainian troops", "Ukraine's training").
func (c *cand) trainees() {
	t := c.s.tr
	if t == nil {
		return
	}
	for w := range t.w {
		k := t.tok[w]
		if k < c.l || k >= c.r || !trainingWords[strings.ToLower(t.w[w].Lemma)] && !trainingWords[c.s.low[k]] {
			continue
		}
		var whose []int
		if t.verbal(w) {
			whose = t.children(w, "obj")
		} else {
			whose = t.children(w, "nmod:poss", "amod")
			for _, n := range t.children(w, "nmod") {
				// "the training of Ukrainian pilots", not "the training
				// in Poland".
				if t.caseOf(n, c.s.low) == "of" {
					whose = append(whose, n)
				}
			}
		}
		for _, o := range whose {
			m := c.entityOf(o)
			if m == nil || len(m.codes) != 1 || contains(c.actors, m.codes[0]) {
				continue
			}
			c.targets = []codeText{{code: m.codes[0], text: textOf(c.s, m.t0, m.t1), span: c.s.span(m.t0, m.t1)}}
			c.explain("targets", "tree: whose forces it trains: %q -> %s", textOf(c.s, m.t0, m.t1), m.codes[0])
			return
		}
	}
}

// territoryVerbs tell of ground taken; territoryNouns name ground (see
// words.tsv).
var (
	territoryVerbs = words("territoryVerbs")
	territoryNouns = words("territoryNouns")
	groundPreps    = words("groundPreps")
	trainingWords  = words("trainingWords")
)

// groundTaken reports, for an attack told by a verb of taking ground
// ("captured", "retook", "advanced on"), whether the tree gives it ground
// to take: a place, or a noun of territoryNouns, as its object, its
// passive subject or after one of groundPreps ("of", "on", "towards").
// Other attacks pass.
func (c *cand) groundTaken() bool {
	t := c.s.tr
	v := c.trigWord()
	if t == nil || v < 0 || !territoryVerbs[strings.ToLower(t.w[v].Lemma)] {
		return true
	}
	ground := func(w int) bool {
		if m := c.s.mentionAt(t.tok[w]); m != nil {
			return m.kind == mPlace || m.kind == mEntity && m.form == lexicon.FormCapital
		}
		if territoryNouns[strings.ToLower(t.w[w].Lemma)] || territoryNouns[c.s.low[t.tok[w]]] {
			return true
		}
		m := c.placeOrEntity(w)
		return m != nil && m.kind == mPlace
	}
	args := t.children(v, "obj", "nsubj:pass")
	for _, o := range t.children(v, "obl") {
		if groundPreps[t.caseOf(o, c.s.low)] {
			args = append(args, o)
		}
	}
	for _, o := range t.children(v, "obj") {
		// "took control of Lysychansk".
		for _, n := range t.children(o, "nmod") {
			if groundPreps[t.caseOf(n, c.s.low)] {
				args = append(args, n)
			}
		}
	}
	for _, w := range args {
		if ground(w) {
			return true
		}
	}
	return false
}

// bothSidesByPronoun reports an attack whose actor is a pronoun pointing
// back at both sides of a conflict ("Russia and Ukraine ... They have
// recaptured two villages"): which side acted is not told.
func (c *cand) bothSidesByPronoun() bool {
	if c.actorM != nil || len(c.actors) < 2 {
		return false
	}
	parties := mustScope().parties
	for _, a := range c.actors {
		if o := parties[a]; o != "" && contains(c.actors, o) {
			return true
		}
	}
	return false
}

// hasParties reports whether the event has the parties its type needs.
func hasParties(d *docState, c *cand) bool {
	if need, ok := partiesNeeded[c.f.typ]; ok {
		return need(d, c)
	}
	return len(c.actors) > 0
}

// visitParties: a visit needs a visitor and a place visited, and "was in"
// a visitor who is a person.
func visitParties(_ *docState, c *cand) bool {
	if len(c.actors) == 0 || len(c.targets) == 0 {
		return false
	}
	if presenceTriggers[c.hit.tr.phrase] && !personMention(c.actorM) {
		// "Boris Johnson was in Kyiv" tells a visit; "Russian
		// troops were in Belarus" does not.
		return false
	}
	return true
}

// meetParties: a meeting needs two sides, or one that is a body.
func meetParties(_ *docState, c *cand) bool {
	if len(c.actors) == 0 {
		return false
	}
	if len(c.targets) == 0 && !bodyActor(c) {
		// A meeting needs two sides, unless a body meets: "NATO
		// leaders met in Brussels".
		return false
	}
	return true
}

// sanctionParties: sanctions need both parties; a sanctions noun with a
// target and no actor takes the actor of the sanctions told just before.
func sanctionParties(d *docState, c *cand) bool {
	s := c.s
	if c.underNoun() || c.backgroundNoun() || !c.sanctionImposed() {
		// "businesses that have come under western sanctions", "the
		// economy grew despite sanctions" say what a party lives
		// with, not that anyone imposed anything.
		return false
	}
	if p := d.last[model.TypeSanction]; len(c.actors) == 0 && len(c.targets) > 0 && p != nil && len(p.actors) > 0 && p.s.idx >= s.idx-5 {
		// A sanctions noun with a target and no actor ("the fresh
		// round of measures against Minsk"): the sanctions the
		// article is telling of.
		c.actors, c.actorT = p.actors, p.actorT
		c.explain("actor", "none named: the sanctions told just before, %s", strings.Join(c.actors, " "))
	}
	return bothParties(c)
}

// permitsGiving reports whether a permitting verb permits a gift: its
// object or its "for" phrase is an item, an amount or a word of giving
// ("approved the Gepard delivery", "authorised $200 million in arms",
// "cleared the way for the transfer"). A permit to
// do something else ("authorised the ship to leave the port", "allow
// the export of grain", "allowing Russian troops to cross") gives
// nothing; a verb of giving after it reads the gift itself (see
// permitHandsOver).
func (c *cand) permitsGiving() bool {
	t, v := c.s.tr, c.trigWord()
	if t == nil || v < 0 {
		return true
	}
	for _, k := range t.children(v, "xcomp", "advcl") {
		if t.rel(k) == "xcomp" || t.infinitive(k) {
			// "allowed the ship to leave": permission to act, whose
			// act is no gift (a verb of giving hands over before).
			return false
		}
	}
	for _, k := range t.children(v, "obj", "iobj", "obl") {
		if t.rel(k) == "obl" && t.caseOf(k, c.s.low) != "for" {
			continue
		}
		tok := t.tok[k]
		if m := c.s.mentionAt(tok); m != nil && (m.kind == mItem || isMoney(m)) {
			return true
		}
		for _, h := range c.s.trigs {
			if h.f.typ == model.TypeAid && h.tr.class != classAuthorize && tok >= h.t0 && tok < h.t1 {
				return true
			}
		}
		return false
	}
	return true
}

// imposeVerbs are the verbs that put sanctions in place, and newWords the
// words that make sanctions named by a noun new ones (see words.tsv).
var (
	imposeVerbs = words("imposeVerbs")
	newWords    = words("newWords")
)

// sanctionImposed reports whether sanctions a noun names are put in place
// here, not talked of: the object of a verb of imposing ("the EU adopted
// a sixth package of sanctions"), new ones ("fresh sanctions on Minsk",
// "the latest £1.7bn sanctions"), or the subject of what they do
// ("sanctions target 42 people"). Sanctions the importance, the effect
// or the easing of which is discussed are no new measures. A verb of
// sanctioning decides itself.
func (c *cand) sanctionImposed() bool {
	t, v := c.s.tr, c.trigWord()
	if t == nil || v < 0 || t.w[v].UPOS != "NOUN" {
		return true
	}
	if c.money != nil {
		return true
	}
	// The word the sanctions hang from: "a package of sanctions", "the
	// sanctions list" stand for the sanctions.
	w := v
	if p := t.parent(w); p >= 0 && t.w[p].UPOS == "NOUN" && (t.rel(w) == "compound" || t.rel(w) == "nmod" && t.caseOf(w, c.s.low) == "of") {
		// "the sanctions list", "a package of sanctions".
		w = p
	}
	for _, k := range append(t.children(w, "amod", "nummod", "compound", "acl"), t.children(v, "amod", "nummod", "compound", "acl")...) {
		if newWords[c.s.low[t.tok[k]]] || t.w[k].UPOS == "NUM" || strings.Contains(t.w[k].Feats, "NumType=Ord") ||
			imposeVerbs[strings.ToLower(t.w[k].Lemma)] && k < v {
			// "fresh sanctions", "the sixth package", "imposed
			// sanctions" read as a participle before the noun.
			return true
		}
	}
	for k := v - 1; k >= 0 && k >= v-3; k-- {
		// "imposed sanctions", "announced new sanctions", however the
		// parser attached the noun.
		if t.w[k].UPOS == "VERB" {
			if imposeVerbs[strings.ToLower(t.w[k].Lemma)] {
				return true
			}
			break
		}
		if u := t.w[k].UPOS; u != "ADJ" && u != "DET" && u != "NUM" && u != "NOUN" {
			break
		}
	}
	for t.rel(w) == "conj" && t.parent(w) >= 0 && t.w[t.parent(w)].UPOS == "NOUN" {
		// "froze the assets and sanctions ...": the first conjunct's
		// verb governs them all.
		w = t.parent(w)
	}
	switch t.rel(w) {
	case "nsubj", "nsubj:pass":
		return true
	case "obj", "obl", "obl:agent", "xcomp", "conj":
		if p := t.parent(w); p >= 0 && t.verbal(p) {
			return imposeVerbs[strings.ToLower(t.w[p].Lemma)]
		}
	}
	return false
}

// backgroundPreps are prepositions before an event noun that make it the
// background of another clause (see words.tsv).
var backgroundPreps = words("backgroundPreps")

// backgroundNoun reports a trigger noun after a preposition of
// background: "despite sanctions", "amid sanctions", "because of
// sanctions".
func (c *cand) backgroundNoun() bool {
	t, v := c.s.tr, c.trigWord()
	return t != nil && v >= 0 && t.w[v].UPOS == "NOUN" && backgroundPreps[t.caseOf(v, c.s.low)]
}

// peaceWords are the words that make talks peace talks (see words.tsv).
var peaceWords = words("peaceWords")

// peaceTalks reports talks that a word of peace names: "peace talks",
// "ceasefire negotiations", "talks on a ceasefire".
func (c *cand) peaceTalks() bool {
	s := c.s
	for i := max(c.l, c.hit.t0-2); i < min(c.r, c.hit.t1+4); i++ {
		if peaceWords[s.low[i]] {
			return true
		}
	}
	return false
}

// bothParties reports an actor and a target.
func bothParties(c *cand) bool {
	// A sanction or accusation is between two parties; with one
	// missing it says too little to be a fact.
	return len(c.actors) > 0 && len(c.targets) > 0
}

// metOther reports whether the event has a target, named as a party and
// not a place, that is none of its actors: the party the named actors met
// together.
func (c *cand) metOther() bool {
	for _, t := range c.targets {
		if contains(c.actors, t.code) || t.span.End <= t.span.Start {
			continue
		}
		if k, _ := c.s.tokRange(t.span.Start, t.span.End); k < len(c.s.toks) {
			if m := c.s.mentionAt(k); m != nil && m.kind == mPlace {
				// Where they met ("in Antalya") is no party to it.
				continue
			}
		}
		return true
	}
	return false
}
