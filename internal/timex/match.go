package timex

// The matcher: token helpers and the dispatch from a token to the
// patterns that can start there.

var noToken token

// tk returns token k, or an empty token when k is out of range.
func (f *finder) tk(k int) *token {
	if k < 0 || k >= len(f.toks) {
		return &noToken
	}
	return &f.toks[k]
}

// idAt returns the lexicon id of word k, 0 for anything else.
func (f *finder) idAt(k int) uint16 {
	t := f.tk(k)
	if t.kind != tWord {
		return 0
	}
	return t.id
}

// glued tells whether token k directly follows token k-1, with no space.
func (f *finder) glued(k int) bool {
	t := f.tk(k)
	return t.kind != 0 && t.flags&fSpace == 0
}

// isPunct tells whether token k is the ASCII punctuation mark c.
func (f *finder) isPunct(k int, c byte) bool {
	t := f.tk(k)
	return t.kind == tPunct && t.e-t.s == 1 && f.text[t.s] == c
}

// isDash tells whether token k is a hyphen, an en dash or an em dash.
func (f *finder) isDash(k int) bool {
	t := f.tk(k)
	if t.kind != tPunct {
		return false
	}
	s := f.text[t.s:t.e]
	return s == "-" || s == "\u2013" || s == "\u2014" || s == "\u2011"
}

// isApos tells whether token k is a straight or curly apostrophe.
func (f *finder) isApos(k int) bool {
	t := f.tk(k)
	if t.kind != tPunct {
		return false
	}
	s := f.text[t.s:t.e]
	return s == "'" || s == "\u2019"
}

// isCap tells whether token k is a capitalised word.
func (f *finder) isCap(k int) bool {
	t := f.tk(k)
	return t.kind == tWord && t.flags&fCap != 0
}

// word returns the lower-case lexicon kind of token k.
func (f *finder) kindAt(k int) wkind {
	t := f.tk(k)
	if t.kind != tWord {
		return kNone
	}
	return t.wk
}

// match tries the patterns that can start at token i and emits at most
// one expression; it returns the number of tokens consumed.
func (f *finder) match(i int) int {
	t := &f.toks[i]
	if t.kind == tNum {
		return f.matchNumber(i)
	}
	switch t.wk {
	case kMonth, kMonthAbbr:
		return f.matchMonth(i)
	case kWeekday:
		return f.matchWeekday(i, modeTense, i)
	case kWeekdays:
		if t.flags&fCap != 0 {
			f.emitSet(i, i+1, "XXXX-WXX-"+string(rune('0'+isoWeekday(int(t.val)))))
			return 1
		}
	case kRel:
		return f.matchRel(i)
	case kMod:
		return f.matchMod(i)
	case kDet:
		return f.matchThe(i)
	case kNum:
		return f.matchNumWord(i)
	case kOrd:
		return f.matchOrdinal(i, i)
	case kUnit:
		return f.matchBareUnit(i)
	case kSeason:
		return f.matchSeason(i, i, modeTense)
	case kSetAdv:
		return f.matchSetAdv(i)
	}
	switch t.id {
	case wAt:
		if f.idAt(i+1) == wPresent {
			f.emitRef(i+1, i+2, "PRESENT_REF")
			return 2
		}
		if f.idAt(i+1) == wThe && f.idAt(i+2) == wMoment {
			f.emitRef(i+1, i+3, "PRESENT_REF")
			return 3
		}
	case wQ, wH:
		return f.matchPeriodCode(i)
	case wNoon, wMidnight:
		clock := "T12:00"
		if t.id == wMidnight {
			clock = "T24:00"
		}
		f.relative = true
		f.emitTime(i, i+1, dayOf(f.ref), clock, false)
		return 1
	}
	return 0
}

// isoWeekday numbers a time.Weekday as ISO 8601 does, Monday 1 to Sunday 7.
func isoWeekday(wd int) int {
	if wd == 0 {
		return 7
	}
	return wd
}

// Modes of resolving a weekday, month or season.
const (
	modeTense  = iota // by the tense of the clause
	modeLast          // strictly before the reference
	modeNext          // strictly after the reference
	modeThis          // in the reference's own week or year
	modeComing        // on or after the reference
)
