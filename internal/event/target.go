package event

import (
	"strings"

	"github.com/sitrep-project/sitrep/internal/lexicon"
	"github.com/sitrep-project/sitrep/internal/model"
)

// findTargets fills the targets after the trigger: an entity introduced by
// one of the frame's prepositions, or (for frames that take an object) the
// entity right after the trigger, with the rest of its list; places stand
// for the state they lie in.
func (c *cand) findTargets(d *docState) {
	s := c.s
	r := c.r
	if c.f.typ == model.TypeThreaten {
		// "warned of counteractions if NATO rejects": the threatened party
		// sits in the condition.
		r = len(s.low)
	}
	for i := c.hit.t1; i < r; i++ {
		m := s.mentionAt(i)
		if m == nil {
			if c.f.typ == model.TypeAid && (s.low[i] == "help" || s.low[i] == "helping" || s.low[i] == "support" || s.low[i] == "arm") {
				if n := s.mentionAt(i + 1 + boolInt(i+1 < len(s.low) && s.low[i+1] == "the")); n != nil && n.kind == mEntity && len(n.codes) > 0 {
					c.addTargets(s, n, "object of \""+s.low[i]+"\"")
					return
				}
			}
			continue
		}
		i = m.t1 - 1
		if m.kind != mEntity && m.kind != mPlace && m.kind != mSource {
			continue
		}
		if m.kind == mEntity && isAdjectival(m) && c.f.typ == model.TypeAid {
			continue
		}
		prep := prepBefore(s, m.t0)
		direct := prep == "" && m.t0 <= c.hit.t1+1
		switch {
		case prep == "neighbouring" || prep == "neighboring" || prep == "bordering" || prep == "near":
			continue
		case contains(c.f.targetPreps, prep):
			c.addTargets(s, m, "after \""+prep+"\"")
			return
		case direct && c.f.objectTarget:
			c.addTargets(s, m, "object of the trigger")
			return
		case c.f.typ == model.TypeVisit && prep == "":
			// "visiting countries neighbouring Ukraine namely Belgium,
			// Poland and Moldova": the list after the trigger.
			c.addTargets(s, m, "named after the trigger")
			return
		case prep == "" && (c.f.typ == model.TypeAccuse || c.f.typ == model.TypeDemand || c.f.typ == model.TypeThreaten ||
			c.f.typ == model.TypeSanction || c.f.typ == model.TypeCyberattack):
			c.addTargets(s, m, "first entity after the trigger")
			return
		}
	}
	// A target named before the trigger: "Ukraine's cities were shelled",
	// "Lithuanian government websites were hit by a cyberattack".
	if c.f.typ == model.TypeAttack || c.f.typ == model.TypeCyberattack || c.f.typ == model.TypeSanction {
		for i := c.hit.t0 - 1; i >= c.l; i-- {
			m := s.mentionAt(i)
			if m == nil {
				continue
			}
			i = m.t0
			if m.kind == mPlace || (m.kind == mEntity && isAdjectival(m) && !agentive(s, m)) {
				c.addTargets(s, m, "named before the trigger")
				return
			}
		}
	}
}

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
		if w == "the" || w == "a" || w == "its" || w == "their" || w == "western" || w == "eastern" || w == "southern" || w == "northern" {
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
	for _, m := range ms {
		for _, ct := range targetCodes(m) {
			if !c.hasTarget(ct) && !contains(c.actors, ct) {
				c.targets = append(c.targets, codeText{code: ct, text: textOf(s, m.t0, m.t1), span: s.span(m.t0, m.t1)})
			}
		}
		if m.kind == mPlace {
			c.addPlace(s, m)
		}
	}
	var codes []string
	for _, t := range c.targets {
		codes = append(codes, t.code)
	}
	if len(codes) > 0 {
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
	for i < len(s.low) && (s.low[i] == "," || s.low[i] == "and" || s.low[i] == "the") {
		if s.low[i] != "the" {
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
	if n.kind == mPlace || (n.kind == mEntity && (n.entry.Kind == lexicon.KindState || n.entry.Kind == lexicon.KindOrg || n.entry.Kind == lexicon.KindGroup) && !isAdjectival(n)) {
		if (m.kind == mPlace) == (n.kind == mPlace) || m.kind == mEntity {
			return n
		}
	}
	return nil
}
