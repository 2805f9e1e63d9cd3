package timex

// tenseWindow is how many tokens either side of an expression the tense
// search looks at; further away the verb rarely governs the expression.
const tenseWindow = 14

// tense guesses whether the clause around tokens [i, j) speaks of the past
// or the future. The nearest cue to the left wins ("said he will meet on
// Friday" looks forward), else the nearest to the right ("on Friday, he
// said"). Without any cue it returns tenseNone.
func (f *finder) tense(i, j int) int {
	toks := f.toks
	for k := i - 1; k >= 0 && i-k <= tenseWindow; k-- {
		if toks[k].kind == tPunct && (f.text[toks[k].s] == ';' || f.text[toks[k].s] == ':') {
			break
		}
		if c := f.cue(k); c != tenseNone {
			return c
		}
	}
	for k := j; k < len(toks) && k-j <= tenseWindow; k++ {
		if toks[k].kind == tPunct && f.text[toks[k].s] == ';' {
			break
		}
		if c := f.cue(k); c != tenseNone {
			return c
		}
	}
	return tenseNone
}

// cue tells the tense token k marks, if any.
func (f *finder) cue(k int) int {
	t := &f.toks[k]
	if t.kind != tWord {
		return tenseNone
	}
	switch t.id {
	case wWo:
		// won't, cut by the tokeniser into "wo" and "n't"
		if f.tk(k+1).kind == tWord && f.text[f.tk(k+1).s] == 'n' {
			return tenseFuture
		}
		return tenseNone
	case wLl:
		// 'll, cut off the word before it
		if t.flags&fClitic != 0 || f.isApos(k-1) {
			return tenseFuture
		}
		return tenseNone
	case wGoing, wSet, wDue, wLikely:
		if f.idAt(k+1) == wTo {
			return tenseFuture
		}
		return tenseNone
	case wTo:
		if k > 0 && toFuture[f.toks[k-1].id] && f.toks[k-1].id != 0 && f.isVerbish(k+1) {
			return tenseFuture
		}
		return tenseNone
	case wBe:
		return tenseNone
	case wHas, wHave, wHad, wWas, wWere, wBeen, wIs, wAre:
		// "has been scheduled", "is expected to": the participle decides
		for n := k + 1; n <= k+2; n++ {
			if id := f.idAt(n); futureParticiple[id] && id != 0 {
				if id == wExpected || id == wSet || id == wDue || id == wLikely {
					if f.idAt(n+1) != wTo {
						continue
					}
				}
				return tenseFuture
			}
		}
	}
	if t.wk == kCue && futurePlan[t.id] && t.id != 0 && f.idAt(k+1) != wTo {
		// "announced plans on Friday": a noun, not a plan to come
		return tenseNone
	}
	if t.wk == kCue {
		if t.val == tensePast && f.idAt(k-1) == wBe {
			return tenseFuture // "will be held", "to be sent"
		}
		if t.val == tensePast && t.id != 0 {
			// "will have met" and "would have" still look forward
			if t.id == wHave && (f.idAt(k-1) == wWill || f.idAt(k-1) == wWould) {
				return tenseFuture
			}
		}
		return int(t.val)
	}
	if t.wk != kNone && t.wk != kMisc || t.flags&(fCap|fNonASCII) != 0 {
		return tenseNone
	}
	// A lower-case word in -ed not in the lexicon: a past verb or a
	// participle. "will be delivered" and "to be held" look forward.
	n := int(t.e - t.s)
	if n < 4 || f.text[t.e-1] != 'd' || f.text[t.e-2] != 'e' {
		return tenseNone
	}
	if f.idAt(k-1) == wBe {
		return tenseFuture
	}
	if f.idAt(k-1) == wBeing {
		return tenseNone
	}
	return tensePast
}

// isVerbish tells whether token k could be a bare verb after "to": a
// lower-case word that is not an article or a number word.
func (f *finder) isVerbish(k int) bool {
	if k >= len(f.toks) {
		return false
	}
	t := &f.toks[k]
	if t.kind != tWord || t.flags&fCap != 0 {
		return false
	}
	switch t.wk {
	case kDet, kNum, kMonth, kWeekday, kRel, kSignal:
		return false
	}
	switch t.id {
	case wThis, wThat, wLast, wNext:
		return false
	}
	return true
}

// futureParticiple holds the participles that make an auxiliary look
// forward: "has been scheduled", "is expected to", "was set to".
var futureParticiple = map[uint16]bool{}

// futurePlan holds the words that look forward only when "to" follows:
// "plans to visit", not "announced plans".
var futurePlan = map[uint16]bool{}

// initTenseCues fills the cue sets once the lexicon is built.
func initTenseCues() {
	for _, w := range []string{"scheduled", "planned", "slated", "expected", "set", "due", "likely", "going", "poised"} {
		futureParticiple[lexicon[w]] = true
	}
	for _, w := range []string{"plans", "plan", "planning", "intends", "intend", "aims"} {
		futurePlan[lexicon[w]] = true
	}
}
