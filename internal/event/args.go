package event

import (
	"strings"

	"github.com/sitrep-project/sitrep/internal/lexicon"
	"github.com/sitrep-project/sitrep/internal/model"
)

// agentNouns are nouns after a national adjective that make the adjective
// an agent: "Russian forces fired", "British troops".
var agentNouns = setOf("forces", "troops", "army", "military", "soldiers", "artillery", "shells", "shelling", "missiles",
	"missile", "rockets", "strikes", "strike", "airstrikes", "jets", "warplanes", "aircraft", "drones", "drone", "navy",
	"officials", "authorities", "government", "side", "units", "fighters", "separatists", "invasion", "aggression",
	"offensive", "attack", "attacks", "bombardment", "fire", "gunfire", "tanks", "helicopters", "hackers", "planes",
	"servicemen", "paratroopers", "president", "diplomats", "delegation", "leaders", "leader", "ministry", "counterparts")

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
	if (m.kind != mEntity && m.kind != mSource) || len(m.codes) == 0 {
		return false
	}
	s := c.s
	if afterPrep(s, m.t0) {
		// "by" introduces the agent of a passive verb.
		if k := m.t0 - 1; k >= 0 && (s.low[k] == "by" || (determiners[s.low[k]] && k > 0 && s.low[k-1] == "by")) {
			return true
		}
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

// findActor fills the actor: the passive agent after the trigger, else the
// nearest entity before the trigger in its clause (a list counts whole),
// else a pronoun resolved back, else the nearest such entity earlier in
// the sentence.
func (x *Extractor) findActor(d *docState, c *cand) {
	s := c.s
	// Passive: "were sent by Germany".
	if k := c.hit.t0 - 1; k >= 0 && (s.low[k] == "been" || s.low[k] == "was" || s.low[k] == "were" || s.low[k] == "be" || s.low[k] == "is" || s.low[k] == "are") {
		for i := c.hit.t1; i < c.r && i < c.hit.t1+8; i++ {
			if s.low[i] == "by" {
				if m := s.mentionAt(i + 1 + boolInt(i+1 < len(s.low) && determiners[s.low[i+1]])); m != nil && c.actorOK(m) {
					c.setActor(s, m, "passive agent after \"by\"")
					return
				}
			}
		}
	}
	// "We hope ... and call on Russia": a verb joined by "and" shares the
	// subject at the head of its clause.
	if k := c.hit.t0 - 1; k > c.l && s.low[k] == "and" && c.hit.tr.class == classAct {
		for i := c.l; i < k; i++ {
			if m := s.mentionAt(i); m != nil {
				if c.actorOK(m) {
					c.setActor(s, m, "subject of the clause the verb is joined to")
					return
				}
				i = m.t1 - 1
				continue
			}
			if codes, t0, t1, ok := d.anaphor(s, i); ok {
				c.actors, c.actorT = codes, textOf(s, t0, t1)
				c.explain("actor", "%q, subject of the clause the verb is joined to, points back to %s", c.actorT, strings.Join(codes, " "))
				return
			}
		}
	}
	if x.scanActor(d, c, c.l) {
		return
	}
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
}

var determiners = setOf("the", "a", "an")

var relative = setOf("which", "who", "whom", "whose", ",")

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
		if reportVerbs[s.low[i]] && s.mentionAt(i) == nil && !speech[c.f.typ] && c.f.typ != model.TypeAid {
			return false
		}
		m := s.mentionAt(i)
		if m != nil {
			if c.actorOK(m) {
				c.setActor(s, m, "")
				return true
			}
			i = m.t0
			continue
		}
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

func (c *cand) setActor(s *sent, m *mention, how string) {
	codes := m.codes
	if list := s.coordinated(m); len(list) > 1 {
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

func textOf(s *sent, t0, t1 int) string {
	if t1 <= t0 {
		return ""
	}
	return spanText(s, t0, t1)
}

func spanText(s *sent, t0, t1 int) string {
	return s.text[s.toks[t0].Start:s.toks[t1-1].End]
}
