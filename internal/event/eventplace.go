package event

import (
	"slices"

	"github.com/sitrep-project/sitrep/internal/model"
)

// The place of an event is where the text says it happened: a place the
// grammar hangs from the event's own words, never any place the sentence
// happens to name. "Speaking in Moscow, the Kremlin's spokesman said
// Norway's pledge changed nothing" gives Norway's pledge no place, and
// "as Russian strikes hit Kharkiv, Canada said it would send howitzers"
// gives Canada's aid none either.

// placeRels are the relations by which a place hangs from an event's
// words: a locative phrase of its verb ("were killed in Kharkiv": obl),
// of its noun ("the attack on Kharkiv": nmod), the object or passive
// subject of a verb of striking ("shelled Kharkiv", "Kharkiv was hit"),
// and the appositions, compounds and names inside such phrases ("the
// city of Kharkiv", "Kharkiv, Ukraine's second city"). A list of places
// hangs by conj from its first, which placeHangs allows only between
// nouns, since conj also joins one clause to the next.
var placeRels = map[string]bool{
	"obl": true, "obl:npmod": true, "nmod": true, "nmod:poss": true, "obj": true, "iobj": true,
	"nsubj:pass": true, "appos": true, "compound": true, "flat": true, "conj": true, "nmod:npmod": true,
}

// eventRels are the relations by which the trigger hangs from a word that
// is part of the event too: "agreed to send" (xcomp), "launched an
// attack" (obj), "the attack was carried out" (nsubj:pass), "explosions
// ripped through the base" and "strikes hit Kharkiv" (nsubj, of a noun).
// A place of that word is the event's place ("launched an attack in the
// east").
var eventRels = map[string]bool{"xcomp": true, "obj": true, "nsubj:pass": true, "nsubj": true}

// eventWords returns the tree's words that make up the event: the
// trigger and the words it hangs from by eventRels.
func (c *cand) eventWords() []int {
	t := c.s.tr
	w := c.trigWord()
	if t == nil || w < 0 {
		return nil
	}
	out := []int{w}
	for hops := 0; hops < 4; hops++ {
		p := t.parent(w)
		if p < 0 {
			break
		}
		rel := t.rel(w)
		switch {
		case rel == "advcl" && t.w[w].UPOS == "VERB" && (t.w[w].XPOS == "VBG" || t.w[w].XPOS == "VBN") && t.w[p].UPOS == "VERB":
			// A participle that tells what the event of its clause did:
			// "Sloviansk was hit by shelling, killing six people".
		case rel == "nmod" && t.w[w].UPOS == "NOUN" && t.w[p].UPOS == "NOUN" && t.caseOf(w, c.s.low) == "of":
			// "a series of explosions", "a wave of strikes": the
			// noun that counts the events stands for them.
		case !eventRels[rel]:
			return out
		case rel != "xcomp" && t.w[p].UPOS != "VERB", rel == "nsubj" && t.w[w].UPOS != "NOUN":
			// A verb's subject is its actor, not a word of its event.
			return out
		}
		out = append(out, p)
		w = p
	}
	return out
}

// reporter returns the verb of saying whose clausal complement holds the
// event ("the governor said three people were killed"), or -1.
func (c *cand) reporter(event []int) int {
	t := c.s.tr
	w := event[len(event)-1]
	if t.rel(w) != "ccomp" {
		return -1
	}
	if p := t.parent(w); p >= 0 && reportVerbs[c.s.low[t.tok[p]]] {
		return p
	}
	return -1
}

// placeHangs reports whether the place mention m hangs from one of the
// event's words by placeRels, or is put before the verb of saying that
// reports it ("In the Donetsk region, the governor said three people were
// killed"): a place a report opens with is where what it tells happened.
func (c *cand) placeHangs(m *mention, event []int) bool {
	t := c.s.tr
	x := mentionHead(c.s, m)
	rep := c.reporter(event)
	for hops := 0; x >= 0 && hops < 8; hops++ {
		for _, e := range event {
			if x == e {
				return true
			}
		}
		if x == rep && m.t0 < t.tok[rep] {
			return true
		}
		rel := t.rel(x)
		p := t.parent(x)
		if p < 0 {
			return false
		}
		if rel == "acl" && t.w[x].UPOS == "VERB" && slices.Contains(event, p) {
			// A participle that tells of the event noun: "explosions
			// ripped through the base", "strikes carried out near
			// Izium".
			x = p
			continue
		}
		if !placeRels[rel] && !(rel == "nsubj" && t.w[x].UPOS == "NOUN" && slices.Contains(event, p)) {
			// An event noun as the subject tells where too: "the strike
			// on Vinnytsia killed 23 people".
			return false
		}
		if rel == "conj" && (t.w[x].UPOS == "VERB" || t.w[p].UPOS == "VERB") {
			// Two clauses joined, not two places listed.
			return false
		}
		x = p
	}
	return false
}

// clauseRels are the relations of a clause of its own, whose places are
// that clause's: "After Ukraine withdrew from Lysychansk, explosions hit a
// Russian city" (advcl), "Kyiv, which was shelled again" (acl:relcl).
var clauseRels = map[string]bool{"advcl": true, "acl:relcl": true, "ccomp": true, "parataxis": true, "csubj": true}

// otherClause reports whether the place mention m lies in a clause of its
// own that does not hold the trigger.
func (c *cand) otherClause(m *mention, event []int) bool {
	t := c.s.tr
	trig := event[0]
	for x, hops := mentionHead(c.s, m), 0; x >= 0 && hops < 12; x, hops = t.parent(x), hops+1 {
		if !clauseRels[t.rel(x)] {
			continue
		}
		// Does the clause hold the trigger?
		for y, k := trig, 0; y >= 0 && k < 24; y, k = t.parent(y), k+1 {
			if y == x {
				return false
			}
		}
		return true
	}
	return false
}

// recipientCity reports a city named as where aid goes ("weapons for
// Kyiv", "sent to Kyiv"): the recipient by its capital, or the way there,
// never where the aid was given.
func (c *cand) recipientCity(m *mention) bool {
	if c.f.typ != model.TypeAid {
		return false
	}
	t := c.s.tr
	h := mentionHead(c.s, m)
	if h < 0 {
		return false
	}
	switch t.caseOf(h, c.s.low) {
	case "for", "to", "into":
		return true
	}
	return false
}

// treePlaces adds the places that hang from the event's words, and
// reports false when the sentence has no analysis to ask, so that the
// caller reads the clause instead. The parser often cuts a coordination
// wrongly ("five people were killed and seven injured in a strike in
// Mykolaiv"): where the grammar ties no place to an event, the places of
// its clause count, less those of a clause of their own. Aid is the
// exception: where aid was given is rarely told, and the places around a
// pledge ("speaking in Moscow", "a trip to Kyiv") are seldom its own.
func (c *cand) treePlaces() bool {
	if c.s.tr == nil {
		return false
	}
	event := c.eventWords()
	if len(event) == 0 {
		return false
	}
	s := c.s
	var loose []*mention
	for i := c.l; i < max(c.r, c.whole); i++ {
		m := s.mentionAt(i)
		if m == nil {
			continue
		}
		i = m.t1 - 1
		if m.dateline || (m.kind != mPlace && m.kind != mEntity) {
			continue
		}
		if c.recipientCity(m) {
			continue
		}
		if c.placeHangs(m, event) {
			c.addPlace(s, m)
		} else if i < c.r && !c.otherClause(m, event) {
			loose = append(loose, m)
		}
	}
	if len(c.places) == 0 && c.f.typ != model.TypeAid {
		for _, m := range loose {
			c.addPlace(s, m)
		}
	}
	return true
}
