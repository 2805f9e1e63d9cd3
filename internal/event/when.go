package event

// findTime fills the time: the date expression in the clause nearest the
// trigger, else the nearest in the sentence.
func (c *cand) findTime() {
	s := c.s
	pick := func(l, r int) *mention {
		var best *mention
		bd := 0
		for i := l; i < r; i++ {
			m := s.mentionAt(i)
			if m == nil {
				continue
			}
			i = m.t1 - 1
			if m.kind != mTime || m.tx.Start.IsZero() || (m.tx.Type != "DATE" && m.tx.Type != "TIME") {
				continue
			}
			if reportedBetween(s, m, c.hit.t0) {
				// "Blinken, on Wednesday, announced that he will be
				// visiting": the date is the announcement's.
				continue
			}
			if !c.owns(m) && m.tx.Signal != "since" {
				// "the weapons that Berlin promised on Saturday had
				// arrived": the date is the promise's.
				continue
			}
			d := abs(m.t0 - c.hit.t0)
			if best == nil || d < bd {
				best, bd = m, d
			}
		}
		return best
	}
	if m := pick(c.l, c.r); m != nil {
		c.tx = m.tx
		c.explain("time", "%q -> %s", m.tx.Text, m.tx.Value)
		return
	}
	// "Eleven people died on Thursday when a rocket struck a bus
	// depot": a clause of time or cause shares the main clause's
	// date.
	if c.l > 0 && timeClause[s.low[c.l-1]] || c.r < len(s.low) && timeClause[s.low[c.r]] {
		if m := pick(0, len(s.low)); m != nil && m.tx.Signal != "since" {
			c.tx = m.tx
			c.explain("time", "%q, of the clause it is joined to -> %s", m.tx.Text, m.tx.Value)
		}
	}
}

// timeClause are the words that join a clause happening at the same time
// as the one before or after it.
var timeClause = setOf("after", "when", "as", "while", "before", "where")

// reportedBetween reports a reporting verb between a time mention and the
// trigger at t, which makes the time the report's, not the event's.
func reportedBetween(s *sent, m *mention, t int) bool {
	lo, hi := m.t1, t
	if m.t0 > t {
		return false
	}
	for k := lo; k < hi; k++ {
		if reportVerbAt(s, k) {
			return true
		}
	}
	return false
}
