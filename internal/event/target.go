package event

import (
	"strings"

	"github.com/sitrep-project/sitrep/internal/lexicon"
	"github.com/sitrep-project/sitrep/internal/model"
)

// findTargets fills the targets after the trigger: an entity introduced by
// one of the frame's prepositions, or (for frames that take an object) the
// entity right after the trigger, with the rest of its list; places stand
// for the state they lie in. The rules are tried in the order of
// targetRules; the first that finds a target ends the search.
func (c *cand) findTargets(d *docState) {
	for _, rule := range targetRules {
		if rule(c) {
			return
		}
	}
}

// targetRule looks for the targets of c one way and reports whether it
// found them; a rule that did not leaves the search to the next.
type targetRule func(c *cand) bool

// targetRules are the ways to the targets, most certain first: what the
// parse tree says, then what follows the trigger, then what stands before
// it.
var targetRules = []targetRule{
	(*cand).targetsInTree,
	(*cand).targetsAfterTrigger,
	// A target named before the trigger: "Ukraine's cities were shelled",
	// "Lithuanian government websites were hit by a cyberattack".
	(*cand).passiveSubjectTarget,
	(*cand).attackAgentSubjectTarget,
	(*cand).targetBeforeTrigger,
}

// targetsInTree takes the targets the parse tree gives, except for a verb
// of receiving, whose object is what is given, not to whom.
func (c *cand) targetsInTree() bool {
	m, how := c.treeTargets()
	if m == nil || c.hit.tr.class == classReceive {
		return false
	}
	c.addTargets(c.s, m, how)
	return true
}

// targetsAfterTrigger scans the clause after the trigger for the first
// mention that is a target by where it stands: after one of the frame's
// prepositions, as the trigger's object, in a visit's list, or first
// after a verb that names whom it is aimed at. The scan stops at a
// joined verb, which has objects of its own.
func (c *cand) targetsAfterTrigger() bool {
	s := c.s
	r := c.r
	if c.f.typ == model.TypeThreaten {
		// "warned of counteractions if NATO rejects": the threatened party
		// sits in the condition.
		r = len(s.low)
	}
	for i := c.hit.t1; i < r; i++ {
		if s.low[i] == "and" && i+1 < len(s.low) && verbish(s.low[i+1]) && s.mentionAt(i+1) == nil {
			// "would impose sanctions and ordered troops to Germany": the
			// next verb has its own objects.
			break
		}
		m := s.mentionAt(i)
		if m == nil {
			if c.aidObject(i) {
				return true
			}
			continue
		}
		i = m.t1 - 1
		if c.aimable(m) && c.targetAfter(m) {
			return true
		}
	}
	return false
}

// aidObject takes, for aid, the entity after a verb at i that takes the
// recipient as its object ("to help Ukraine"): the verb names to whom the
// aid goes.
func (c *cand) aidObject(i int) bool {
	s := c.s
	if c.f.typ != model.TypeAid || !aidObjectVerbs[s.low[i]] {
		return false
	}
	n := s.mentionAt(i + 1 + boolInt(i+1 < len(s.low) && s.low[i+1] == "the"))
	if n == nil || n.kind != mEntity || len(n.codes) == 0 {
		return false
	}
	c.addTargets(s, n, "object of \""+s.low[i]+"\"")
	return true
}

// aimable reports whether a mention after the trigger may be a target: an
// entity, place or source that stands for some party other than the
// actor. A national adjective names where aid comes from, not where it
// goes.
func (c *cand) aimable(m *mention) bool {
	if m.kind != mEntity && m.kind != mPlace && m.kind != mSource {
		return false
	}
	if m.kind == mEntity && isAdjectival(m) && c.f.typ == model.TypeAid {
		return false
	}
	if originForm(m) && m.form == lexicon.FormOrigin {
		// "strikes using US-supplied weapons": where the weapons came
		// from, not whom they hit.
		return false
	}
	if codes := targetCodes(m); len(codes) == 0 || len(codes) == 1 && contains(c.actors, codes[0]) && c.f.typ != model.TypeVisit {
		// Nothing to aim at, or the actor again: "Putin warned that
		// Russia would respond if NATO ...".
		return false
	}
	return true
}

// targetAfter reports whether an aimable mention after the trigger is its
// target, and takes it, by the preposition before it: one of the frame's
// own, none for an object right after the trigger, a visit's list, or the
// first entity after a verb that takes its target directly. A mention
// after a border word ("neighbouring Ukraine") says where, and is no
// target.
func (c *cand) targetAfter(m *mention) bool {
	s := c.s
	prep := prepBefore(s, m.t0)
	if m.t0 <= c.hit.t1+1 && c.hit.t1 > c.hit.t0+1 && preps[s.low[c.hit.t1-1]] {
		// The trigger ends in its own preposition: "called on NATO".
		prep = ""
	}
	direct := prep == "" && m.t0 <= c.hit.t1+1
	switch {
	case borderWords[prep]:
		return false
	case contains(c.f.targetPreps, prep):
		c.addTargets(s, m, "after \""+prep+"\"")
		return true
	case direct && c.f.objectTarget && c.hit.tr.class != classNoun:
		c.addTargets(s, m, "object of the trigger")
		return true
	case c.visitListed(m, prep):
		// "visiting countries neighbouring Ukraine namely Belgium,
		// Poland and Moldova": the list after the trigger.
		c.addTargets(s, m, "named after the trigger")
		return true
	case prep == "" && (c.f.typ == model.TypeAccuse || c.f.typ == model.TypeDemand || c.f.typ == model.TypeThreaten ||
		c.f.typ == model.TypeSanction || c.f.typ == model.TypeCyberattack):
		c.addTargets(s, m, "first entity after the trigger")
		return true
	}
	return false
}

// visitListed reports a mention with no preposition that a visit names
// as where it goes: close after the trigger, or after "namely" or a colon
// that opens the list of places visited.
func (c *cand) visitListed(m *mention, prep string) bool {
	s := c.s
	return c.f.typ == model.TypeVisit && prep == "" && (m.t0 <= c.hit.t1+4 && !afterPrep(s, m.t0) || m.t0 > 0 && (s.low[m.t0-1] == "namely" || s.low[m.t0-1] == ":"))
}

// passiveSubjectTarget takes the subject of a passive verb whose frame's
// subject is what the act was done to.
func (c *cand) passiveSubjectTarget() bool {
	if !c.passive || !patientFrames[c.f.typ] {
		return false
	}
	// "Kyiv was hit", "Russia was accused": the passive subject, right
	// before the auxiliary ("Ukraine's capital was shelled").
	m := passiveSubject(c.s, c.hit.t0, c.l)
	if m == nil || c.treeSubjectElsewhere(m) {
		return false
	}
	c.addTargets(c.s, m, "subject of the passive verb")
	return true
}

// treeSubjectElsewhere reports whether the tree gives the trigger's verb
// a passive subject other than mention m: "told the UN Security Council
// that 22 people had been killed" killed people, not the council.
func (c *cand) treeSubjectElsewhere(m *mention) bool {
	t := c.s.tr
	v := c.trigWord()
	if t == nil || v < 0 {
		return false
	}
	subj := t.child(v, "nsubj:pass")
	if subj < 0 {
		return false
	}
	// The mention may stand inside the subject's phrase ("Ukraine's
	// capital was shelled").
	for k := m.t0; k < m.t1; k++ {
		if w := t.head[k]; w >= 0 && t.dominates(subj, w) {
			return false
		}
	}
	return true
}

// attackAgentSubjectTarget takes, for an attack noun that is the agent of
// a passive verb, the subject of that verb: what the attack hit.
func (c *cand) attackAgentSubjectTarget() bool {
	v := agentOf(c.s, c.hit)
	if v < 0 || c.f.typ != model.TypeAttack && c.f.typ != model.TypeCyberattack {
		return false
	}
	// "banks and schools in Estonia were hit by a denial-of-service
	// attack": the noun is the agent of a passive verb.
	m := passiveSubject(c.s, v, 0)
	if m == nil {
		return false
	}
	c.addTargets(c.s, m, "subject of the passive verb the attack is the agent of")
	return true
}

// targetBeforeTrigger takes, for attacks and sanctions, the nearest place,
// or national adjective that does not act, before the trigger in its
// clause ("a maternity hospital in Mariupol was hit"): where the act fell
// when nothing after the trigger names it.
func (c *cand) targetBeforeTrigger() bool {
	if c.f.typ != model.TypeAttack && c.f.typ != model.TypeCyberattack && c.f.typ != model.TypeSanction {
		return false
	}
	s := c.s
	for i := c.hit.t0 - 1; i >= c.l; i-- {
		m := s.mentionAt(i)
		if m == nil {
			continue
		}
		i = m.t0
		if originPreps[prepBefore(s, m.t0)] {
			// "missiles fired from the Belgorod region struck": where
			// the strike came from.
			continue
		}
		if m.kind == mEntity && isAdjectival(m) && c.f.typ != model.TypeSanction && s.tr != nil && !c.passiveTrigger() {
			// Before an active verb or an event noun a national
			// adjective names the side that acts, not the one struck:
			// "Russian operations ... the offensives", "Russian
			// interests served as a pretext for attacking". Only a
			// passive ("Russian positions were shelled") puts the
			// target first. A sanction's adjective is its target
			// whatever the voice: "a ban on Russian coal".
			continue
		}
		if m.kind == mPlace || (m.kind == mEntity && isAdjectival(m) && !originForm(m) && !agentive(s, m)) {
			c.addTargets(s, m, "named before the trigger")
			return true
		}
	}
	return false
}

// treeConjuncts returns the parties the tree joins to mention m as
// conjuncts, each by its own mention or by a name in apposition to it
// ("with Putin and also the Ukrainian leader, Volodymyr Zelenskiy").
func (s *sent) treeConjuncts(m *mention) []*mention {
	t := s.tr
	if t == nil {
		return nil
	}
	w := mentionHead(s, m)
	if w < 0 {
		return nil
	}
	var out []*mention
	for _, k := range t.children(w, "conj") {
		n := s.mentionAt(t.tok[k])
		if n == nil || n == m || len(n.codes) == 0 && n.kind != mPlace {
			for _, a := range t.children(k, "appos") {
				if n = s.mentionAt(t.tok[a]); n != nil {
					break
				}
			}
		}
		if n != nil && n != m && (len(n.codes) > 0 || n.kind == mPlace) {
			out = append(out, n)
		}
	}
	return out
}

// passiveTrigger reports whether c's trigger is passive, by its words or
// by the tree: "were shelled", "came under fire", "a city hit by".
func (c *cand) passiveTrigger() bool {
	if passive(c.s, c.hit) {
		return true
	}
	if c.underNoun() {
		// "Ukrainian cities are under strikes": what is under an
		// attack suffers it.
		return true
	}
	t, v := c.s.tr, c.trigWord()
	return v >= 0 && t.verbal(v) && t.passiveVerb(v)
}

// underNoun reports a trigger noun after a preposition of suffering:
// "under fire", "under sanctions".
func (c *cand) underNoun() bool {
	t, v := c.s.tr, c.trigWord()
	return t != nil && v >= 0 && t.w[v].UPOS == "NOUN" && sufferPreps[t.caseOf(v, c.s.low)]
}

// sufferPreps are the prepositions before an attack noun that make what
// the phrase is said of the target: "under fire" (see words.tsv).
var sufferPreps = words("sufferPreps")

// prepBefore returns the preposition just before token t (skipping "the"
// and adjectives), or "".
func prepBefore(s *sent, t int) string {
	for k := t - 1; k >= 0 && k >= t-3; k-- {
		w := s.low[k]
		if preps[w] || w == "namely" {
			if w == "namely" {
				return ""
			}
			return w
		}
		if prepGap[w] {
			continue
		}
		return ""
	}
	return ""
}

func contains(ss []string, s string) bool {
	for _, x := range ss {
		if x == s {
			return true
		}
	}
	return false
}

// addTargets adds a mention, and the list it belongs to, as targets.
func (c *cand) addTargets(s *sent, m *mention, how string) {
	var ms []*mention
	ms = append(ms, m)
	// Lists of states or places: "Belgium, Poland, Moldova, Latvia,
	// Lithuania and Estonia".
	for cur := m; ; {
		n := s.nextInList(cur)
		if n == nil {
			break
		}
		ms = append(ms, n)
		cur = n
	}
	if len(ms) == 1 {
		// A list the tree joins with other words: "with Putin and
		// also the Ukrainian leader, Volodymyr Zelenskiy".
		ms = append(ms, s.treeConjuncts(m)...)
	}
	for _, m := range ms {
		codes := targetCodes(m)
		if org := s.groupOrg(m); org != "" && asBody[c.f.typ] {
			// "demanded that G7 countries": the group as the body it
			// forms, not each member.
			codes = []string{org}
		}
		for _, ct := range codes {
			if contains(c.actors, ct) && len(ms) == 1 && c.f.typ == model.TypeAid {
				c.selfTarget = true
			}
			// A leader's trip at home is a visit too ("Zelenskiy visited
			// Lysychansk"), when the tree names the visitor: a word-order
			// actor beside a place of its own state is more often a host.
			if !c.hasTarget(ct) && (!contains(c.actors, ct) || c.selfOK() && c.actorTree && m.kind == mPlace) {
				c.targets = append(c.targets, codeText{code: ct, text: textOf(s, m.t0, m.t1), span: s.span(m.t0, m.t1)})
			}
		}
		if m.kind == mPlace && c.f.typ != model.TypeAid {
			// A recipient named by its city ("weapons for Kyiv") is the
			// state, not where the aid was given.
			c.addPlace(s, m)
		}
	}
	if codes := codesOf(c.targets); len(codes) > 0 {
		c.explain("targets", "%s: %q -> %s", how, textOf(s, m.t0, m.t1), strings.Join(codes, " "))
	}
}

func (c *cand) hasTarget(code string) bool {
	for _, t := range c.targets {
		if t.code == code {
			return true
		}
	}
	return false
}

// targetCodes is what a mention stands for as a target: a place its state.
func targetCodes(m *mention) []string {
	if m.kind == mPlace {
		if m.entry.Country != "" {
			return []string{m.entry.Country}
		}
		return nil
	}
	return m.codes
}

// nextInList returns the entity or place joined to m by a comma or "and".
func (s *sent) nextInList(m *mention) *mention {
	i := m.t1
	sep := false
	for i < len(s.low) && (s.low[i] == "," || s.low[i] == "and" || s.low[i] == "the" || sep && listAdjectives[s.low[i]]) {
		if s.low[i] == "," || s.low[i] == "and" {
			sep = true
		}
		i++
	}
	if !sep || i >= len(s.low) {
		return nil
	}
	n := s.mentionAt(i)
	if n == nil || n.t0 != i {
		return nil
	}
	if n.kind == mPlace || (n.kind == mEntity && len(n.codes) > 0 && !isAdjectival(n) && (m.kind != mEntity || listCompatible(m, n))) {
		if (m.kind == mPlace) == (n.kind == mPlace) || m.kind == mEntity {
			return n
		}
	}
	return nil
}

// originForm reports a state named as the maker or backer of something
// ("U.S.-made", "Russian-backed"): never the side an act is aimed at.
func originForm(m *mention) bool {
	return m.kind == mEntity && (m.form == lexicon.FormOrigin || m.form == lexicon.FormCompound)
}

// groupOrg returns the organisation a group of states forms, when the
// group is named after it ("G7 countries", "G7 leaders" are the G7), or "".
func (s *sent) groupOrg(m *mention) string {
	if m.kind != mEntity || m.entry.Kind != lexicon.KindGroup || s.lex == nil {
		return ""
	}
	w := s.toks[m.t0].Text
	if determiners[s.low[m.t0]] && m.t1 > m.t0+1 {
		w = s.toks[m.t0+1].Text
	}
	if e := s.lex.Get(lexicon.KindOrg, strings.ToUpper(w)); e != nil {
		return e.Code
	}
	return ""
}

// passiveSubject returns the subject of the passive verb at v: the entity
// or place right before its auxiliary, or nil.
func passiveSubject(s *sent, v, l int) *mention {
	aux := v - 1
	for aux > l && !beAux[s.low[aux]] {
		aux--
	}
	// Past the rest of the verb group: "have been", "will be", "had not been".
	for aux > l && auxiliaries[s.low[aux-1]] {
		aux--
	}
	for i := aux - 1; i >= l && i >= aux-4; i-- {
		m := s.mentionAt(i)
		if m == nil {
			if w := s.low[i]; w == "," || verbish(w) && w != "'s" && w != "’s" {
				break
			}
			continue
		}
		i = m.t0
		inSubject := m.t0 > 0 && s.low[m.t0-1] == "in" && m.kind == mEntity && !isAdjectival(m)
		if m.kind == mPlace || (m.kind == mEntity || m.kind == mSource) && len(m.codes) > 0 && (!afterPrep(s, m.t0) || inSubject) && !originForm(m) {
			return m
		}
	}
	return nil
}

// agentOf returns the passive verb whose agent a nominal trigger is ("were
// hit by a cyberattack"), or -1.
func agentOf(s *sent, h trigHit) int {
	if h.tr.class != classNoun {
		return -1
	}
	k := h.t0 - 1
	for k >= 0 && k >= h.t0-4 && s.low[k] != "by" {
		if m := s.mentionAt(k); m != nil && m.kind != mEntity && m.kind != mItem {
			return -1
		}
		k--
	}
	if k < 1 || s.low[k] != "by" || !pastForm(s.low[k-1]) {
		return -1
	}
	for a := k - 2; a >= 0 && a >= k-4; a-- {
		if beAux[s.low[a]] {
			return k - 1
		}
	}
	return -1
}

// auxiliaries are the words of a verb group before a form of "be".
var auxiliaries = words("auxiliaries")

// aidObjectVerbs take the recipient of aid as their object; borderWords
// put a place, no target, after them; prepGap may stand between a
// preposition and its object.
var (
	aidObjectVerbs = words("aidObjectVerbs")
	borderWords    = words("borderWords")
	prepGap        = words("prepGap")
)

// listAdjectives may stand before a later member of a list: "sanctions on
// Russia and neighbouring Belarus".
var listAdjectives = words("listAdjectives")
