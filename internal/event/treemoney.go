package event

import "slices"

// The sum of an aid event, read from the grammar (see findMoney).

// moneyRels are the relations by which a sum hangs from an event's words:
// "provide $100 million" (obj), "with $40 billion" (obl), "a package of
// $700 million" (nmod), and the words of the amount itself.
var moneyRels = map[string]bool{
	"obj": true, "obl": true, "obl:npmod": true, "nmod": true, "nummod": true, "compound": true, "appos": true, "iobj": true,
	"nsubj:pass": true,
}

// treeMoney returns the sum of the clause the grammar ties to the event,
// or nil: one that hangs from the event's words ("will provide $100
// million"), or one the event's clause describes ("the $100 million in
// loans Tokyo pledged last month": a relative clause of the sum). Where a
// sentence holds two sums, the first in the clause is often another
// event's.
func (c *cand) treeMoney() *mention {
	t := c.s.tr
	if t == nil {
		return nil
	}
	event := c.eventWords()
	if len(event) == 0 {
		return nil
	}
	s := c.s
	for i := c.l; i < c.r; i++ {
		m := s.mentionAt(i)
		if m == nil {
			continue
		}
		i = m.t1 - 1
		if !isMoney(m) || c.wholeAmount(m) {
			continue
		}
		h := mentionHead(s, m)
		if h < 0 {
			continue
		}
		// The sum hangs from the event.
		for x, hops := h, 0; x >= 0 && hops < 6; hops++ {
			if slices.Contains(event, x) {
				return m
			}
			if !moneyRels[t.rel(x)] {
				break
			}
			x = t.parent(x)
		}
		// The event's clause describes the sum.
		for _, e := range event {
			if rel := t.rel(e); (rel == "acl:relcl" || rel == "acl") && t.parent(e) >= 0 && moneyHeadOf(s, m, t.parent(e)) {
				return m
			}
		}
	}
	return nil
}

// moneyHeadOf reports whether word w is the head of money mention m or a
// noun the sum measures ("the $100 million in loans": "loans").
func moneyHeadOf(s *sent, m *mention, w int) bool {
	t := s.tr
	h := mentionHead(s, m)
	if w == h {
		return true
	}
	// "in loans" hangs from the sum: a relative clause on "loans" is on
	// the sum too.
	return t.parent(w) == h && t.rel(w) == "nmod"
}
