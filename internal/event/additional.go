package event

import "github.com/sitrep-project/sitrep/internal/model"

// moreAid are the words that present aid as more than earlier aid (see
// words.tsv).
var moreAid = words("moreAid")

// additional reports whether an aid report presents its aid as more than
// earlier aid: one of moreAid between a few words before the trigger and
// the end of the items and sum it gives ("sent four more HIMARS", "an
// additional $800 million in weapons", "announced another package").
// Words of a name ("New Zealand", "The New York Times") do not count, nor
// "more than", a hedge on a figure.
func (c *cand) additional() bool {
	if c.f.typ != model.TypeAid {
		return false
	}
	s := c.s
	lo, hi := c.hit.t0, c.hit.t1
	cover := func(sp model.Span) {
		for i := c.l; i < c.r && i < len(s.toks); i++ {
			if s.toks[i].Start >= sp.Start && s.toks[i].End <= sp.End {
				lo, hi = min(lo, i), max(hi, i+1)
			}
		}
	}
	for _, it := range c.items {
		cover(it.span)
	}
	if c.money != nil {
		cover(c.money.Span)
	}
	lo = max(c.l, lo-3)
	for i := lo; i < hi && i < len(s.low); i++ {
		if !moreAid[s.low[i]] {
			continue
		}
		if m := s.mentionAt(i); m != nil && m.kind != mItem && m.kind != mNum {
			// A name: "New Zealand", "The New York Times".
			continue
		}
		if s.low[i] == "more" && i+1 < len(s.low) && s.low[i+1] == "than" {
			continue
		}
		return true
	}
	return false
}
