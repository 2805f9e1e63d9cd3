package event

import (
	"strings"

	"github.com/sitrep-project/sitrep/internal/model"
)

// Cue words that bear on whether and how an event happened. They are read
// in the trigger's clause, before the trigger unless noted; what each set
// does is documented with its words in data/words.tsv.
var (
	negators   = words("negators")
	hypos      = words("hypos")
	futures    = words("futures")
	predHedges = words("predHedges")
	nounHedges = words("nounHedges")
	plans      = words("plans")
	weighs     = words("weighs")
	delays     = words("delays")
	pledges    = words("pledges")
	allow      = words("allow")
	alleged    = words("alleged")
	pasts      = words("pasts")
	// pastForms are the past forms of trigger verbs not in "-ed".
	pastForms = words("pastForms")
)

// forecastOnly are the event types that are facts only once they have
// happened: "more targets will be struck" reports no attack.
var forecastOnly = setOf(model.TypeAttack, model.TypeCyberattack, model.TypeCasualties, model.TypeDisplacement)

// pastForm reports whether a trigger word reads as past tense or a past
// participle.
func pastForm(w string) bool {
	return pastForms[w] || strings.HasSuffix(w, "ed")
}

// cueFlags are the cues read around a trigger, each a word or a reading
// that bears on whether its event happened and how it is told. The steps of
// readCues set them in turn, a later step reading what an earlier one
// found ("had struck" is past only where no "will" came before), and the
// last steps decide the modality and status from them all.
type cueFlags struct {
	neg, hypo, fut, plan, pledge, allowed, alleg, past bool
}

// readCues sets the candidate's status and modality from the words of its
// clause and sentence.
// attempts are verbs of trying: an infinitive they govern in the past
// tells an act attempted, which happened (see words.tsv).
var attempts = words("attempts")

// attempted reports a trigger the tree makes the infinitive of a verb of
// trying in the past: "tried again on Tuesday to storm the steelworks".
func (c *cand) attempted() bool {
	t := c.s.tr
	v := c.trigWord()
	if t == nil || v < 0 || t.rel(v) != "xcomp" && !((t.rel(v) == "advcl" || t.rel(v) == "acl") && t.infinitive(v)) {
		return false
	}
	p := t.parent(v)
	if p >= 0 && t.rel(v) == "acl" {
		// "used drones to strike": the infinitive hangs from the
		// object of the verb of using.
		if t.rel(p) != "obj" {
			return false
		}
		p = t.parent(p)
	}
	if p < 0 {
		return false
	}
	lemma := strings.ToLower(t.w[p].Lemma)
	return (attempts[lemma] || meansVerbs[lemma]) && strings.Contains(t.w[p].Feats, "Tense=Past")
}

// meansVerbs are the verbs of using whose infinitive, in the past, tells
// what the means were used for, so an act done: "has used artillery
// based around the plant to target Ukrainian territory" (see words.tsv).
var meansVerbs = words("meansVerbs")

func (c *cand) readCues() {
	var q cueFlags
	c.auxCues(&q)
	c.moodCues(&q)
	c.conditionCue(&q)
	c.negationCues(&q)
	c.nounHedgeCue(&q)
	c.tenseCues(&q)
	c.requestedCue(&q)
	c.questionCue(&q)
	c.readModality(q, c.deniedCue())
	if c.f.typ == model.TypeAid {
		c.aidStatus(q)
	} else {
		c.otherStatus(q)
	}
	c.explain("status", "%s (%s)", orNone(c.status), cueWords(q.neg, q.hypo, q.fut, q.plan, q.pledge, q.allowed, q.alleg, q.past))
	c.explain("modality", "%s", c.modality)
}

// auxCues reads the auxiliaries and adverbs just before the trigger:
// "did not strike" is negated, "will send" and "to send" are to come,
// "had already struck" is past. They bind only the verb they stand by,
// so the reading stops at a comma, at "and" before a verb in the past,
// and at a party's name, whose own verb they would belong to.
func (c *cand) auxCues(q *cueFlags) {
	s := c.s
	w := s.low[c.hit.t0]
	// Auxiliaries and adverbs just before the trigger.
	for k := c.hit.t0 - 1; k >= c.l && k >= c.hit.t0-6; k-- {
		t := s.low[k]
		if t == "," || t == "and" && pastForm(w) {
			// "Ukraine rejected the claim, accusing Russia": a participle
			// after a comma is outside the scope of the verb before it;
			// "would impose sanctions and ordered troops": a verb in the
			// past after "and" has its own tense.
			break
		}
		switch {
		case negators[t]:
			q.neg = true
		case t == "to":
			// The infinitive marker right before the verb ("to send", "to
			// quickly send"), not the preposition ("resorted to attacks").
			// "to be delivered" is as much to come as "to deliver".
			if k == c.hit.t0-1 || k == c.hit.t0-2 && (strings.HasSuffix(s.low[k+1], "ly") || s.low[k+1] == "be") {
				// "tried to storm the plant": an attempt made is an
				// act done, not one to come.
				if c.attempted() {
					q.past = true
				} else {
					q.fut = true
				}
			}
		case futures[t]:
			q.fut = true
		case pasts[t]:
			q.past = true
		}
		if m := s.mentionAt(k); m != nil && m.kind == mEntity {
			break
		}
	}
}

// moodCues reads the mood words anywhere in the clause before the
// trigger, which colour the whole clause and not only the next verb:
// "plans to send" is a plan, "is considering sending" or "postponed the
// delivery" a possibility, "pledged to send" a pledge, "allowed to send" a
// permission, "allegedly shelled" an allegation. A word in more than one
// set cues what the first case names ("expected to send" is a plan).
func (c *cand) moodCues(q *cueFlags) {
	s := c.s
	// Mood words anywhere in the clause before the trigger.
	for k := c.l; k < c.hit.t0; k++ {
		t := s.low[k]
		switch {
		case plans[t]:
			q.plan = true
		case weighs[t], delays[t]:
			q.hypo = true
		case pledges[t]:
			q.pledge = true
		case allow[t]:
			q.allowed = true
		case alleged[t]:
			q.alleg = true
		case hypos[t] && !(t == "may" && isCap(s.toks[k].Text)):
			// Words that hedge a noun hedge only the noun they precede:
			// "preparing for a potential counteroffensive fired rockets".
			if !nounHedges[t] || k >= c.hit.t0-3 {
				q.hypo = true
			}
		}
	}
}

// conditionCue reads a condition over the trigger: "if" or "unless"
// anywhere earlier in the sentence, even in another clause, puts what
// follows in a condition ("if Russia attacks, NATO will respond").
func (c *cand) conditionCue(q *cueFlags) {
	s := c.s
	// "if" anywhere earlier in the sentence puts what follows in a
	// condition; "said ... had no plans to" negates.
	for k := 0; k < c.hit.t0; k++ {
		if s.low[k] == "if" || s.low[k] == "unless" {
			q.hypo = true
		}
	}
}

// negationCues reads negation that stands away from the trigger, where the
// words just before it miss it: over it in the tree, however far ("refused,
// despite pressure from its allies, to send tanks"), or just after it at
// the end of its clause ("... deliveries were not made").
func (c *cand) negationCues(q *cueFlags) {
	s := c.s
	// Negation the tree shows over the trigger, however far from it.
	if !q.neg && c.s.tr != nil && c.treeNegated() {
		q.neg = true
	}
	// Clause-final negation: "... deliveries were not made".
	for k := c.hit.t1; k < c.r && k < c.hit.t1+3; k++ {
		if (s.low[k] == "not" || s.low[k] == "n't") && !c.negatesComplement(k) {
			q.neg = true
		}
	}
}

// negatesComplement reports a "not" after the trigger that the tree
// puts in what the trigger governs: "warned Moscow not to invade" asks
// Moscow not to; the warning itself is not negated.
func (c *cand) negatesComplement(k int) bool {
	t, v := c.s.tr, c.trigWord()
	if t == nil || v < 0 {
		return false
	}
	n := t.head[k]
	if n < 0 {
		return false
	}
	p := t.parent(n)
	return p >= 0 && p != v && t.dominates(v, p)
}

// nounHedgeCue reads a hedge in the predicate of a nominal trigger: a noun
// has no auxiliaries of its own, so what it may or may not be is said
// after it.
func (c *cand) nounHedgeCue(q *cueFlags) {
	s := c.s
	w := s.low[c.hit.t0]
	// A hedge in the predicate of a nominal trigger: "an offensive on Kyiv
	// was possible within days", "an attack is likely".
	if c.hit.tr.class == classNoun || nounForm(w) {
		for k := c.hit.t1; k+1 < c.r && k < c.hit.t1+8; k++ {
			if c.inOwnRelative(k) {
				// "talks that were expected to focus on the war": the
				// relative clause hedges what the talks were about,
				// not whether they were held.
				continue
			}
			if beAux[s.low[k]] && (predHedges[s.low[k+1]] || s.low[k+1] == "not" && k+2 < c.r && predHedges[s.low[k+2]]) {
				q.hypo = true
				break
			}
		}
	}
}

// inOwnRelative reports whether token k lies in a relative clause the
// tree hangs from the trigger noun.
func (c *cand) inOwnRelative(k int) bool {
	t, v := c.s.tr, c.trigWord()
	if t == nil || v < 0 || t.head[k] < 0 {
		return false
	}
	for _, r := range t.children(v, "acl:relcl") {
		if t.dominates(r, t.head[k]) {
			return true
		}
	}
	return false
}

// tenseCues settles the trigger's tense where its auxiliaries did not: a
// noun takes the tense of its clause ("the delivery will take place"), a
// verb in a past form is past unless something before it put it to come
// ("will have delivered").
func (c *cand) tenseCues(q *cueFlags) {
	s := c.s
	w := s.low[c.hit.t0]
	if c.hit.tr.class == classNoun && !q.past && !q.fut {
		// A nominal trigger takes its tense from the clause verb.
		for k := c.l; k < c.r; k++ {
			t := s.low[k]
			if futures[t] && t != "to" {
				q.fut = true
			}
		}
	}
	if pastForm(w) && !q.fut {
		q.past = true
	}
}

// questionAux are the auxiliaries that open a yes-or-no question (see
// words.tsv).
var questionAux = words("questionAux")

// questionCue makes an event a yes-or-no question asks about
// hypothetical: "Will Russia attack Odesa next?", "Did Germany send
// tanks?" ask whether it happened. A question of "why" or "where" takes
// the event as given, and stays as it is.
func (c *cand) questionCue(q *cueFlags) {
	s := c.s
	n := len(s.low)
	if n < 2 || s.low[n-1] != "?" {
		return
	}
	// The question's first word: past a closing quotation mark or an
	// opening one.
	first := 0
	for first < n && !isLowerWord(s.low[first]) {
		first++
	}
	if first < n && questionAux[s.low[first]] && c.hit.t0 > first {
		q.hypo = true
	}
}

// requestedCue makes what another party is asked to do hypothetical.
func (c *cand) requestedCue(q *cueFlags) {
	// "urged Western leaders to impose sanctions", "asked the US to send
	// jets": what is demanded has not happened; the demand is the fact.
	requested := c.f.typ != model.TypeDemand && demandedBefore(c.s, c)
	if requested {
		q.hypo = true
	}
}

// deniedCue reports a trigger that is what a denial earlier in its clause
// denies, with no comma between: the event is then told as denied, not
// as happened.
func (c *cand) deniedCue() bool {
	s := c.s
	denied := false
	if c.f.typ != model.TypeDeny {
		// "Moscow denied targeting civilians": what a denial is of.
		for _, h := range s.trigs {
			if h.f.typ == model.TypeDeny && h.t1 <= c.hit.t0 && h.t0 >= c.l && !hasComma(s, h.t1, c.hit.t0) {
				denied = true
			}
		}
	}
	return denied
}

// readModality decides how the event is told from its cues, the first
// that holds deciding: denied, negated, hypothetical, planned, reported
// (with a source or an allegation) or asserted. What a threat, a demand
// or an accusation speaks of is often hedged or still to come ("threatened
// to strike"), but the speech act is itself a fact, so hedges and plans do
// not make it hypothetical or planned.
func (c *cand) readModality(q cueFlags, denied bool) {
	speechAct := speech[c.f.typ]
	switch {
	case denied:
		c.modality = model.ModalityDenied
	case q.neg && !(c.f.typ == model.TypeDeny):
		c.modality = model.ModalityNegated
	case q.hypo && !speechAct:
		c.modality = model.ModalityHypothetical
	case (q.plan || q.fut) && !q.past && !speechAct:
		c.modality = model.ModalityPlanned
	case c.src != nil || q.alleg:
		c.modality = model.ModalityReported
	default:
		c.modality = model.ModalityAsserted
	}
}

// aidStatus sets how far aid has gone, from its trigger's class and its
// cues: authorized ("authorized the transfer", "allowed to send"), pledged
// ("promised", "will send"), planned ("plans to send") or delivered
// ("has dispatched"), the first that holds deciding. A noun of aid with no
// tense of its own is pledged, unless it names the delivery itself.
func (c *cand) aidStatus(q cueFlags) {
	w := c.s.low[c.hit.t0]
	switch {
	case c.hit.tr.class == classAuthorize || q.allowed:
		c.status = model.StatusAuthorized
	case c.hit.tr.class == classPledge || c.givesApproval():
		// "gave final approval to $40bn in aid": a verb of giving
		// with a noun of consent approves.
		c.status = model.StatusPledged
		if q.plan && !q.pledge {
			c.status = model.StatusPlanned
		}
	case q.plan && !q.past:
		c.status = model.StatusPlanned
	case q.past && !q.fut && (c.hit.tr.class == classAct || c.hit.tr.class == classReceive):
		// "announced that it has dispatched": done, whoever says so.
		c.status = model.StatusDelivered
	case q.pledge || q.fut || c.presentProgressive():
		// "is sending" tells of aid on its way or about to go: what
		// the donor has undertaken, not what has arrived.
		c.status = model.StatusPledged
	case c.hit.tr.class == classNoun && !q.past:
		c.status = model.StatusPledged
		if strings.HasPrefix(w, "deliver") || strings.HasPrefix(w, "shipment") {
			c.status = model.StatusDelivered
		}
	default:
		c.status = model.StatusDelivered
	}
	if c.modality == model.ModalityPlanned && (c.status == model.StatusPledged || c.status == model.StatusAuthorized) {
		// A pledge is a fact about the present, not a plan.
		c.modality = model.ModalityAsserted
		if c.src != nil {
			c.modality = model.ModalityReported
		}
	}
}

// progressiveAux are the present forms of "be" (see words.tsv).
var progressiveAux = words("progressiveAux")

// presentProgressive reports a trigger verb in the present progressive
// ("is sending", "are supplying"), by the tree: a gerund with a present
// form of "be" as its auxiliary.
func (c *cand) presentProgressive() bool {
	t := c.s.tr
	v := c.trigWord()
	if t == nil || v < 0 || t.w[v].XPOS != "VBG" {
		return false
	}
	for _, a := range t.children(v, "aux") {
		if progressiveAux[strings.ToLower(t.w[a].Form)] {
			return true
		}
	}
	return false
}

// otherStatus sets the status of an event that is not aid, which most
// types only have when the event is still to come: a visit, a meeting or
// talks still to come are planned, an attack told as alleged is alleged.
// An attack or a toll still to come is no plan but a forecast, and so
// hypothetical.
func (c *cand) otherStatus(q cueFlags) {
	switch c.f.typ {
	case model.TypeVisit, model.TypeMeet, model.TypeTalks:
		if c.modality == model.ModalityPlanned {
			c.status = model.StatusPlanned
		}
	case model.TypeAttack, model.TypeCyberattack:
		if q.alleg {
			c.status = model.StatusAlleged
		}
	}
	if c.modality == model.ModalityPlanned && forecastOnly[c.f.typ] {
		// An attack or a death toll still to come is a forecast or a
		// threat, not an event.
		c.modality = model.ModalityHypothetical
	}
	if c.modality == model.ModalityPlanned && c.status == "" && c.f.typ != model.TypeSanction {
		c.status = model.StatusPlanned
	}
}

func cueWords(flags ...bool) string {
	names := []string{"negation", "condition", "future", "plan", "pledge", "permission", "allegation", "past"}
	var on []string
	for i, f := range flags {
		if f {
			on = append(on, names[i])
		}
	}
	if len(on) == 0 {
		return "no cue"
	}
	return "cues: " + strings.Join(on, ", ")
}

func orNone(s string) string {
	if s == "" {
		return "none"
	}
	return s
}

func hasComma(s *sent, i, j int) bool {
	for k := i; k < j; k++ {
		if s.low[k] == "," {
			return true
		}
	}
	return false
}

// demandedInTree reports, where the sentence has a tree, whether the
// trigger is what a demand verb asks for: its infinitive complement
// ("urged Nato to impose sanctions"), its object or its "for" phrase
// ("called for talks"), or the object of such a complement. A noun
// further down ("called for a response to Thursday's strikes") is no
// part of the request: the strikes happened. ok is false without a
// tree.
func demandedInTree(s *sent, c *cand) (asked, ok bool) {
	t, cur := s.tr, c.trigWord()
	if t == nil || cur < 0 {
		return false, false
	}
	for range 4 {
		p := t.parent(cur)
		if p < 0 {
			return false, true
		}
		rel := t.rel(cur)
		infinitive := t.verbal(cur) && (rel == "xcomp" || t.infinitive(cur))
		forPhrase := rel == "obl" && t.caseOf(cur, s.low) == "for"
		complement := infinitive || forPhrase || rel == "obj" || rel == "xcomp"
		if v := s.low[t.tok[p]]; demandVerbs[v] {
			if demandForVerbs[v] {
				// "called for talks", not "what they called a
				// cyberattack".
				return infinitive || forPhrase, true
			}
			return complement, true
		}
		if !complement && rel != "conj" {
			return false, true
		}
		cur = p
	}
	return false, true
}

// demandForVerbs are the demand verbs that ask only through "for" or an
// infinitive: their object is a name given, not a thing asked for ("what
// they called a cyberattack").
var demandForVerbs = words("demandForVerbs")

// demandVerbs ask someone else to act; the act after "to" is only asked.
var demandVerbs = words("demandVerbs")

// demandedBefore reports a trigger that is the infinitive complement of a
// demand verb earlier in its sentence: "urged ... to impose".
func demandedBefore(s *sent, c *cand) bool {
	if asked, ok := demandedInTree(s, c); ok {
		return asked
	}
	// "called for talks", "appealed for new sanctions": a demand verb
	// right before "for" and the event.
	for k := c.hit.t0 - 1; k >= 1 && k >= c.hit.t0-3; k-- {
		if s.low[k] == "for" && demandVerbs[s.low[k-1]] {
			return true
		}
	}
	// "to send", "to impose new sanctions": "to" within a few words.
	to := -1
	for k := c.hit.t0 - 1; k >= 0 && k >= c.hit.t0-3; k-- {
		if s.low[k] == "to" {
			to = k
			break
		}
	}
	if to < 0 {
		return false
	}
	for k := to - 1; k >= 0 && k >= to-9; k-- {
		if demandVerbs[s.low[k]] {
			return true
		}
		if s.low[k] == "." || s.low[k] == ";" {
			return false
		}
	}
	return false
}
