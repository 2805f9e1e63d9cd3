package event

import (
	"strings"

	"github.com/sitrep-project/sitrep/internal/model"
)

// threatCues tell a threat from a mere warning ("warned of the threat of
// an invasion" is not one): a condition or a consequence.
var threatCues = setOf("if", "unless", "face", "consequences", "retaliate", "retaliation", "respond", "response",
	"counteractions", "counter-measures", "countermeasures", "pay", "price", "severe", "disaster", "measures")

// sentenceEvents builds the candidate events of one sentence.
func (x *Extractor) sentenceEvents(d *docState, s *sent) []*cand {
	s.src, s.srcExplain = x.findSource(d, s)
	var out []*cand
	for _, h := range s.trigs {
		c := &cand{f: h.f, hit: h, s: s, conf: 0.9}
		c.l, c.r = clause(s, h.t0, h.t1)
		c.explain("trigger", "%s frame, %q (%s)", h.f.typ, textOf(s, h.t0, h.t1), className(h.tr.class))
		if x.fill(d, c) {
			out = append(out, c)
		}
	}
	// What this sentence tells the next: its first actor for "it" and
	// "he", its lists and groups for "they" and "the three nations".
	for i := range s.ms {
		m := &s.ms[i]
		if m.kind != mEntity || len(m.codes) == 0 || afterPrep(s, m.t0) || isAdjectival(m) {
			continue
		}
		if list := s.coordinated(m); len(list) > 1 {
			d.lastPlural = list
		} else if m.plural {
			d.lastPlural = m.codes
		}
		d.lastActors = m.codes
		break
	}
	return out
}

// definite reports a trigger after "the", "this" or a possessive pronoun.
func definite(s *sent, h trigHit) bool {
	if h.t0 == 0 {
		return false
	}
	switch s.low[h.t0-1] {
	case "the", "this", "that", "his", "her", "their", "its":
		return true
	}
	return false
}

// nominal reports a verb trigger used as a noun: "the supply of Javelins",
// "a delivery of fuel".
func nominal(s *sent, h trigHit) bool {
	return h.t0 > 0 && (s.low[h.t0-1] == "the" || s.low[h.t0-1] == "a") && h.t1 < len(s.low) && s.low[h.t1] == "of"
}

func className(c class) string {
	return [...]string{"act", "pledge", "authorize", "noun", "continue"}[c]
}

// fill finds the candidate's arguments and reports whether it makes an
// event.
func (x *Extractor) fill(d *docState, c *cand) bool {
	s := c.s
	c.src = s.src
	if c.src != nil {
		c.explain("source", "%s", s.srcExplain)
	}
	typ := c.f.typ
	class := c.hit.tr.class

	// "permitting Estonia, Latvia and Lithuania to dispatch weapons": the
	// permitting verb hands over to the act after it, whose actor is the
	// permitted party.
	if class == classAuthorize {
		for _, h := range s.trigs {
			if h.t0 > c.hit.t0 && h.t0 < c.r && h.f.typ == typ && h.tr.class == classAct {
				return false
			}
		}
	}
	// "announced that it would supply X": the announcing verb or naming
	// noun hands over to the act after it, which reads the same cues.
	if typ == model.TypeAid && (class == classPledge || class == classNoun || nominal(s, c.hit)) {
		for _, h := range s.trigs {
			if h.t0 > c.hit.t0 && h.f.typ == typ && h.tr.class == classAct && !nominal(s, h) {
				return false
			}
		}
	}
	// "announced $10 million in aid, including night-vision devices": a
	// continuing verb after another trigger of its clause belongs to it.
	if class == classContinue {
		for _, h := range s.trigs {
			if h.t0 < c.hit.t0 && h.t0 >= c.l && h.f.typ == typ && h.tr.class != classContinue {
				return false
			}
		}
	}
	if typ == model.TypeAid && class == classAct && nominal(s, c.hit) {
		for _, h := range s.trigs {
			if h.t0 < c.hit.t0 && h.f.typ == typ && h.tr.class == classContinue {
				return false
			}
		}
	}
	permitted := false
	for _, h := range s.trigs {
		if h.tr.class == classAuthorize && h.f.typ == typ && h.t1 <= c.hit.t0 && h.t0 >= c.l && class == classAct {
			for i := h.t1; i < c.hit.t0; i++ {
				if m := s.mentionAt(i); m != nil && m.kind == mEntity && len(m.codes) > 0 {
					c.setActor(s, m, "permitted party")
					permitted = true
					break
				}
			}
		}
	}
	if !permitted {
		if class == classContinue {
			if typ != model.TypeAid || d.lastAid == nil || d.lastAid.s.idx < s.idx-2 {
				return false
			}
			p := d.lastAid
			c.actors, c.actorT, c.targets, c.status, c.mode = p.actors, p.actorT, p.targets, p.status, p.mode
			if c.src == nil {
				c.src = p.src
			}
			c.explain("actor", "continues the aid event of the sentence before: %s", strings.Join(c.actors, " "))
		} else {
			x.findActor(d, c)
		}
	}
	// "the trip is scheduled between March 3 and 8": a definite noun for
	// an event just reported, which adds to it rather than starting one.
	if prev := d.last[typ]; prev != nil && len(c.actors) == 0 && definite(s, c.hit) && prev.s.idx >= s.idx-3 && prev.s.idx < s.idx {
		c.findTime()
		if prev.tx == nil && c.tx != nil {
			prev.tx = c.tx
			prev.explain("time", "from %q in a later sentence", textOf(s, c.hit.t0-1, c.hit.t1))
		}
		return false
	}

	switch typ {
	case model.TypeAid:
		c.findItems(d)
		c.findMoney()
		if len(c.items) == 0 && c.money == nil {
			return false
		}
		if class == classContinue {
			c.modality = model.ModalityAsserted
			if c.src != nil {
				c.modality = model.ModalityReported
			}
		} else {
			c.findTargets(d)
			c.readCues()
		}
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
		c.aidMode()
		if len(c.targets) == 0 && d.home() != "" && !contains(c.actors, d.home()) {
			c.targets = []codeText{{code: d.home()}}
			c.explain("targets", "none named: the state the article is about, %s", d.home())
		}
		if permitted {
			c.status = model.StatusAuthorized
		}
	case model.TypeCasualties, model.TypeDisplacement, model.TypeMobilize:
		side := c.findCount()
		if typ == model.TypeCasualties {
			c.outcome = c.hit.tr.outcome
			if c.count == nil && c.victims == "" {
				return false
			}
		}
		if typ == model.TypeDisplacement && c.count == nil {
			return false
		}
		if typ == model.TypeMobilize {
			c.findItems(d)
			troops := c.victims == "military"
			if !troops || len(c.actors) == 0 {
				return false
			}
			c.items = []itemArg{{name: "troops", category: "troops", mode: model.ModeMilitary}}
			c.victims = ""
		}
		c.readCues()
		c.findTargets(d)
		if side != "" && typ != model.TypeMobilize {
			c.targets = []codeText{{code: side}}
			c.explain("targets", "the side of the victims: %s", side)
		}
		if typ == model.TypeCasualties && len(c.actors) > 0 && len(c.targets) > 0 && contains(c.actors, c.targets[0].code) {
			// "Russian soldiers killed": the victims' adjective is not the
			// killer.
			c.actors = nil
		}
		if typ == model.TypeCasualties && len(c.actors) == 0 && d.lastAttack != nil && d.lastAttack.s.idx >= s.idx-1 {
			c.actors = d.lastAttack.actors
			c.explain("actor", "from the attack just before: %s", strings.Join(c.actors, " "))
		}
		if typ != model.TypeMobilize && len(c.targets) == 0 {
			if len(c.actors) == 1 && x.dyad[c.actors[0]] != "" {
				c.targets = []codeText{{code: x.dyad[c.actors[0]]}}
			} else if h := d.home(); h != "" {
				c.targets = []codeText{{code: h}}
				c.explain("targets", "none named: the state the article is about, %s", h)
			}
		}
		if typ == model.TypeCasualties && len(c.actors) == 0 && len(c.targets) == 1 && x.dyad[c.targets[0].code] != "" {
			c.actors = []string{x.dyad[c.targets[0].code]}
			c.conf -= 0.2
			c.explain("actor", "the other side of the conflict: %s", c.actors[0])
		}
	default:
		if typ == model.TypeThreaten && !strings.HasPrefix(c.hit.tr.phrase, "threaten") && c.hit.tr.phrase != "ultimatum" {
			ok := false
			for k := c.hit.t1; k < len(s.low); k++ {
				if threatCues[s.low[k]] {
					ok = true
					break
				}
			}
			if !ok {
				return false
			}
		}
		c.readCues()
		c.findTargets(d)
		c.findPlaces()
		if typ == model.TypeTalks {
			c.talksParties()
		}
		if c.f.dyad && len(c.targets) == 0 && len(c.actors) == 1 && x.dyad[c.actors[0]] != "" {
			c.targets = []codeText{{code: x.dyad[c.actors[0]]}}
			c.explain("targets", "the other side of the conflict: %s", c.targets[0].code)
		}
		if c.f.dyad && len(c.actors) == 0 && len(c.targets) == 1 && x.dyad[c.targets[0].code] != "" {
			c.actors = []string{x.dyad[c.targets[0].code]}
			c.conf -= 0.2
			c.explain("actor", "the other side of the conflict: %s", c.actors[0])
		}
		if typ == model.TypeTalks && len(c.actors) == 0 {
			c.actors = []string{"RUS"}
			c.targets = []codeText{{code: "UKR"}}
			c.conf -= 0.3
			c.explain("actor", "talks with no parties named: the warring parties")
		}
		switch typ {
		case model.TypeVisit, model.TypeMeet:
			if len(c.actors) == 0 || len(c.targets) == 0 {
				return false
			}
		case model.TypeAttack:
			if len(c.actors) == 0 && len(c.targets) == 0 {
				return false
			}
		case model.TypeSanction, model.TypeAccuse:
			// A sanction or accusation is between two parties; with one
			// missing it says too little to be a fact.
			if len(c.actors) == 0 || len(c.targets) == 0 {
				return false
			}
		case model.TypeCyberattack:
		default:
			if len(c.actors) == 0 {
				return false
			}
		}
	}
	if c.tx == nil {
		c.findTime()
	}
	if len(c.places) == 0 {
		c.findPlaces()
	}
	d.last[typ] = c
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
		d.lastAttack = c
	}
	return true
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

// aidMode decides military, humanitarian or financial aid from the items,
// then from the words of the clause.
func (c *cand) aidMode() {
	if c.mode != "" {
		return
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
		s := c.s
		for k := c.l; k < c.r; k++ {
			switch s.low[k] {
			case "military", "weapons", "arms", "lethal", "defence", "defense", "security", "ammunition", "weaponry":
				c.mode = model.ModeMilitary
			case "humanitarian", "medical", "relief", "food", "shelter", "refugees":
				if c.mode == "" {
					c.mode = model.ModeHumanitarian
				}
			case "financial", "budget", "loan", "loans", "grant", "grants", "macro-financial", "credit", "economic":
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
// recipient: the donor of aid whose sentence names none ("500 million CAD
// were dedicated to Ukraine in the Canadian budget").
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

// home is the state the article is mostly about among the conflict's
// parties: the default recipient of aid and side of unattributed losses.
func (d *docState) home() string {
	if d.allCodes["UKR"] > 0 {
		return "UKR"
	}
	return ""
}
