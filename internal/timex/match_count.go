package timex

import (
	"time"
)

// Counts of units ("three weeks", "two days later"), repetitions,
// quarters, halves and seasons.

// matchQuantity reads a unit after a number of q (q < 0: unknown, as in
// "several") whose words are [i, k): "three weeks" (DURATION),
// "five-year" (DURATION), "two days later" and "a week ago" (DATE).
// needContext asks for a cue that "a"/"an" is a count ("for a year").
func (f *finder) matchQuantity(i, k int, q float64, needContext bool) int {
	j := k
	for {
		switch f.idAt(j) {
		case wStraight, wConsecutive, wFull, wMore, wWhole, wEntire, wTrading, wBusiness, wWorking:
			j++
			continue
		}
		break
	}
	u := f.tk(j)
	hyphen := false
	if f.isDash(j) && f.glued(j) && f.glued(j+1) && f.kindAt(j+1) == kUnit {
		hyphen = true
		j++
		u = f.tk(j)
	}
	if u.kind != tWord || u.wk != kUnit || f.idAt(i) == wSingle && !hyphen {
		return 0
	}
	unit := int(u.val)
	plural := f.text[u.e-1] == 's' && unit != uDay || u.id == wDays
	if u.id == wSecond || u.id == wQuarter && q == 1 && !hyphen {
		return 0 // "a second round", "a quarter of the troops"
	}
	if unit == uQuarter && !plural && !hyphen {
		return 0
	}
	if unit == uQuarter && f.idAt(i) != 0 && j == k && f.idAt(j+1) == wOf {
		return 0 // "three quarters of the way": a fraction
	}
	end := j + 1
	if hyphen {
		// five-year, 12-hour, 45-year-old, decade-long
		if f.isDash(end) && f.glued(end) && (f.idAt(end+1) == wOld || f.idAt(end+1) == wLong) && f.glued(end+1) {
			end += 2
		}
		f.emitDuration(i, end, durationValue(q, unit), time.Time{}, time.Time{})
		return end - i
	}
	if q == 1 && plural {
		return 0 // "one years" is noise
	}
	if q > 1 && !plural {
		// "a four day rally", "a 20 year high": a count used as an
		// adjective, which a noun must follow
		if n := f.tk(end); n.kind != tWord || n.flags&fCap != 0 || n.wk == kSignal || n.wk == kCue {
			return 0
		}
	}
	iq := int(q)
	if q > 10000 {
		iq = -1 // no calendar arithmetic on absurd counts
	}
	switch f.idAt(end) {
	case wAgo:
		if iq < 0 {
			f.emitRef(i, end+1, "PAST_REF")
			return end + 1 - i
		}
		f.relative = true
		f.emitDate(i, end+1, f.shifted(f.ref, -iq, unit), "")
		return end + 1 - i
	case wLater, wEarlier:
		if iq < 0 || q != float64(iq) {
			break
		}
		sign := 1
		if f.idAt(end) == wEarlier {
			sign = -1
		}
		f.relative = !f.anchorSet
		f.emitDate(i, end+1, f.shifted(f.anchor, sign*iq, unit), "")
		return end + 1 - i
	case wAfter, wBefore:
		// "two days after the vote": as in TimeML the count is a
		// DURATION and "after" a signal, but the range gives the day it
		// points to, counted from the last day the text named.
		if iq < 0 || q != float64(iq) || f.tk(end+1).kind == 0 {
			break
		}
		sign := 1
		if f.idAt(end) == wBefore {
			sign = -1
		}
		f.relative = !f.anchorSet
		c := f.shifted(f.anchor, sign*iq, unit)
		s, e := c.span()
		from, mod := f.quantifier(i)
		f.emit(from, end, Expr{Type: TypeDuration, Value: durationValue(q, unit), Start: s, End: e, Precision: c.precision(), Mod: mod})
		return end - i
	case wFrom:
		if f.idAt(end+1) == wNow && iq >= 0 && q == float64(iq) {
			f.relative = true
			f.emitDate(i, end+2, f.shifted(f.ref, iq, unit), "")
			return end + 2 - i
		}
	}
	if needContext && !f.countContext(i) {
		return 0
	}
	from, mod := f.quantifier(i)
	f.emit(from, end, Expr{Type: TypeDuration, Value: durationValue(q, unit), Mod: mod})
	return end - i
}

// quantifier extends a duration starting at i leftwards over a hedge that
// TimeML counts as part of it ("nearly five months", "more than a year",
// "over a decade") and returns the new start and the TIMEX3 mod.
func (f *finder) quantifier(i int) (int, string) {
	switch f.idAt(i - 1) {
	case wAbout, wAround, wApproximately, wRoughly, wSome:
		return i - 1, "APPROX"
	case wNearly, wAlmost:
		return i - 1, "LESS_THAN"
	case wOver:
		return i - 1, "MORE_THAN"
	case wThan:
		switch f.idAt(i - 2) {
		case wMore:
			return i - 2, "MORE_THAN"
		case wLess:
			return i - 2, "LESS_THAN"
		}
	case wLeast:
		if f.idAt(i-2) == wAt {
			return i - 2, "EQUAL_OR_MORE"
		}
	case wTo:
		if f.idAt(i-2) == wUp {
			return i - 2, "EQUAL_OR_LESS"
		}
	}
	return i, ""
}

// shifted moves day t by q units and returns the result at the precision
// the unit gives it (a week ago is a day, three months ago a month).
func (f *finder) shifted(t time.Time, q, unit int) cal {
	if unit == uHour || unit == uMinute || unit == uSecond {
		if unit == uHour {
			t = t.AddDate(0, 0, q/24)
		}
		return dayOf(t)
	}
	s, g := shiftBy(t, q, unit)
	return at(s, g)
}

// countContext tells whether "a"/"an" at i counts a duration: "for a
// week", "nearly a year", "more than a month".
func (f *finder) countContext(i int) bool {
	switch f.idAt(i - 1) {
	case wFor, wOver, wWithin, wNearly, wAlmost, wAbout, wAround, wThan, wLeast, wJust,
		wOnly, wIn, wApproximately, wRoughly, wUp, wThroughout, wDuring, wSome:
		return true
	}
	return false
}

// numberWords reads a number written in words at k (twenty-five, a few, a
// couple of, several) and returns it (-1 when vague) and the index after.
func (f *finder) numberWords(k int) (float64, int) {
	t := f.tk(k)
	if t.kind != tWord || t.wk != kNum {
		return 0, k
	}
	switch t.id {
	case wA, wAn:
		switch f.idAt(k + 1) {
		case wFew:
			return -1, k + 2
		case wCouple:
			if f.idAt(k+2) == wOf {
				return 2, k + 3
			}
			return 2, k + 2
		case wDozen:
			return 12, k + 2
		}
		return 1, k + 1
	case wDozens, wHundreds:
		if f.idAt(k+1) == wOf {
			return -1, k + 2
		}
		return -1, k + 1
	case wCouple:
		return 0, k
	}
	v := int(t.val)
	if v < 0 {
		return -1, k + 1
	}
	end := k + 1
	if v >= 20 && v < 100 && v%10 == 0 {
		// twenty-five, twenty five
		j := end
		if f.isDash(j) && f.glued(j) && f.glued(j+1) {
			j++
		}
		if n := f.tk(j); n.kind == tWord && n.wk == kNum && n.val > 0 && n.val < 10 && n.id != wA && n.id != wAn {
			v += int(n.val)
			end = j + 1
		}
	}
	return float64(v), end
}

// matchNumWord reads counts written in words: "two weeks", "a few days",
// "a week ago", "twenty-five years".
func (f *finder) matchNumWord(i int) int {
	q, k := f.numberWords(i)
	if k == i {
		return 0
	}
	t := &f.toks[i]
	if t.id == wA || t.id == wAn {
		if k == i+1 {
			// "a year-long war" is read from "year"; "a year" needs a cue
			if f.isDash(i+2) && f.glued(i+2) {
				return 0
			}
			if n := f.matchSetA(i); n > 0 {
				return n
			}
			return f.matchQuantity(i, k, q, true)
		}
	}
	return f.matchQuantity(i, k, q, false)
}

// matchSetA reads "a year" after an amount or a frequency: "$5bn a year",
// "three times a week".
func (f *finder) matchSetA(i int) int {
	u := f.tk(i + 1)
	if u.kind != tWord || u.wk != kUnit || u.id == wSecond || f.text[u.e-1] == 's' {
		return 0
	}
	switch f.idAt(i + 2) {
	case wAgo, wLater, wEarlier, wBefore, wAfter, wEarly, wLong, wOld:
		return 0
	}
	p := f.tk(i - 1)
	ok := p.kind == tNum || p.id == wTimes
	if p.kind == tWord && !ok {
		switch f.text[p.s:p.e] {
		case "million", "billion", "trillion", "bn", "m", "mln", "tonnes", "tons", "barrels",
			"dollars", "euros", "pounds", "percent", "cent":
			ok = true
		}
	}
	if p.kind == tPunct && f.text[p.s] == '%' {
		ok = true
	}
	if !ok {
		return 0
	}
	f.emitSet(i, i+2, durationValue(1, int(u.val)))
	return 2
}

// matchBareUnit reads units without a count: "for years", "decades-long",
// "year-long", "second quarter".
func (f *finder) matchBareUnit(i int) int {
	t := &f.toks[i]
	if t.id == wSecond {
		if f.idAt(i+1) == wQuarter || f.idAt(i+1) == wHalf {
			return f.matchOrdinal(i, i)
		}
		return 0
	}
	if f.isDash(i+1) && f.glued(i+1) && (f.idAt(i+2) == wLong) && f.glued(i+2) {
		q := 1.0
		if f.text[t.e-1] == 's' && t.id != wDays || t.id == wDays {
			q = -1
		}
		f.emitDuration(i, i+3, durationValue(q, int(t.val)), time.Time{}, time.Time{})
		return 3
	}
	plural := f.text[t.e-1] == 's'
	if !plural || t.id == wWeekends {
		return 0
	}
	p := i - 1
	if f.idAt(p) == wJust || f.idAt(p) == wOnly {
		p--
	}
	switch f.idAt(p) {
	case wFor, wIn, wOver, wWithin:
		if f.idAt(i+1) == wOf || f.idAt(i+1) == wAgo {
			if f.idAt(i+1) == wAgo {
				f.emitRef(i, i+2, "PAST_REF")
				return 2
			}
			return 0
		}
		f.emitDuration(i, i+1, durationValue(-1, int(t.val)), time.Time{}, time.Time{})
		return 1
	}
	return 0
}

// matchEvery reads "every week", "each Monday", "every two days".
func (f *finder) matchEvery(i int) int {
	k := i + 1
	n := f.tk(k)
	switch {
	case n.kind == tWord && n.wk == kUnit && n.id != wSecond && f.text[n.e-1] != 's':
		if n.id == wWeekend {
			f.emitSet(i, k+1, "XXXX-WXX-WE")
			return k + 1 - i
		}
		f.emitSet(i, k+1, durationValue(1, int(n.val)))
		return k + 1 - i
	case n.kind == tWord && n.wk == kWeekday && n.flags&fCap != 0:
		f.emitSet(i, k+1, "XXXX-WXX-"+string(rune('0'+isoWeekday(int(n.val)))))
		return k + 1 - i
	case n.kind == tWord && n.wk == kPartDay:
		f.emitSet(i, k+1, "XXXX-XX-XXT"+partCode[n.val])
		return k + 1 - i
	case n.kind == tNum && n.flags&(fGroup|fGlued|fOrd|fPluralS) == 0, n.kind == tWord && n.wk == kNum && n.id != wA && n.id != wAn:
		var q float64
		j := k + 1
		if n.kind == tNum {
			q = float64(n.val)
		} else {
			q, j = f.numberWords(k)
		}
		u := f.tk(j)
		if u.kind == tWord && u.wk == kUnit && q > 0 {
			f.emitSet(i, j+1, durationValue(q, int(u.val)))
			return j + 1 - i
		}
	}
	return 0
}

// matchSetAdv reads daily, weekly, annual and the like.
func (f *finder) matchSetAdv(i int) int {
	t := &f.toks[i]
	if t.flags&fCap != 0 && f.isCap(i+1) {
		return 0 // the Daily Telegraph
	}
	v := durationValue(1, int(t.val))
	if t.val == uQuarter {
		v = "P3M"
	}
	if n := f.tk(i + 1); n.kind == tWord && periodTotal(f.text[n.s:n.e]) {
		// "annual profit" is the profit of one year, not a repetition
		f.emitDuration(i, i+1, v, time.Time{}, time.Time{})
		return 1
	}
	f.emitSet(i, i+1, v)
	return 1
}

// ordAt reads an ordinal at k: first, 2nd, third, last, final; last and
// final come back as -1.
func (f *finder) ordAt(k int) int {
	t := f.tk(k)
	switch {
	case t.kind == tNum && t.flags&fOrd != 0:
		return int(t.val)
	case t.kind == tWord && t.wk == kOrd:
		return int(t.val)
	case t.id == wSecond:
		return 2
	case t.id == wLast:
		return -1
	}
	return 0
}

// matchOrdinal reads "[the] first quarter [of 2009]", "third-quarter",
// "the second half of the year", "the 20th century", "the 3rd of March"
// with the ordinal at k; from is where the expression starts.
func (f *finder) matchOrdinal(k, from int) int {
	o := f.ordAt(k)
	if o == 0 {
		return 0
	}
	j := k + 1
	if f.isDash(j) && f.glued(j) && f.glued(j+1) {
		j++
	}
	switch f.idAt(j) {
	case wQuarter:
		if o > 4 {
			return 0
		}
		return f.finishPart(from, j+1, gQuarter, o)
	case wHalf:
		if o > 2 {
			return 0
		}
		return f.finishPart(from, j+1, gHalf, o)
	case wWeek:
		// the first week of March, the last week of April 2021
		if f.idAt(j+1) != wOf || o > 5 {
			return 0
		}
		m, k2 := f.monthAt(j + 2)
		if m == 0 {
			return 0
		}
		var c cal
		if y := f.yearAt(k2); y > 0 {
			c = cal{g: gMonth, y: y, m: m}
			k2++
		} else {
			c = f.inferYear(cal{g: gMonth, m: m}, at(f.ref, gMonth), from, k2)
		}
		day := 4 + 7*(o-1) // the middle of the week's seven days
		if o < 0 {
			day = daysIn(c.y, m) - 3
		}
		if day > daysIn(c.y, m) {
			return 0
		}
		f.emitDate(from, k2, weekOf(time.Date(c.y, time.Month(m), day, 0, 0, 0, 0, time.UTC)), "")
		return k2 - from
	case wCentury:
		if o < 1 || o > 21 {
			return 0
		}
		f.emitDate(from, j+1, cal{g: gCentury, y: (o - 1) * 100}, "")
		return j + 1 - from
	case wOf:
		if f.tk(k).kind == tNum && from < k {
			if c1, c2, end, ok := f.parseDayFirst(k); ok {
				f.emitDay(from, end, c1, c2)
				return end - from
			}
		}
	}
	return 0
}

// finishPart resolves quarter or half n whose year may follow at k: "of
// 2009", "of this year", "of last year", "2022", "last year".
func (f *finder) finishPart(from, k int, g uint8, n int) int {
	j := k
	if f.idAt(j) == wOf {
		j++
	}
	y := 0
	end := k
	switch {
	case f.yearAt(j) > 0:
		y, end = f.yearAt(j), j+1
	case (f.idAt(j) == wThis || f.idAt(j) == wLast || f.idAt(j) == wNext || f.idAt(j) == wThe) && f.idAt(j+1) == wYear:
		f.relative = true
		y = f.ref.Year()
		switch f.idAt(j) {
		case wLast:
			y--
		case wNext:
			y++
		}
		end = j + 2
	}
	now := at(f.ref, g)
	var c cal
	switch {
	case y > 0 && n > 0:
		c = cal{g: g, y: y, n: n}
	case y > 0:
		c = cal{g: g, y: y, n: 4}
		if g == gHalf {
			c.n = 2
		}
	case n < 0:
		f.relative = true
		c = now.add(-1) // the last quarter
	default:
		c = f.inferYear(cal{g: g, n: n}, now, from, end)
	}
	f.emitDate(from, end, c, "")
	return end - from
}

// matchPeriodCode reads Q1, Q3 2022, H1 2023.
func (f *finder) matchPeriodCode(i int) int {
	t := &f.toks[i]
	if t.flags&fCode == 0 {
		return 0
	}
	g, max := gQuarter, 4
	if t.id == wH {
		g, max = gHalf, 2
	}
	if t.val < 1 || int(t.val) > max {
		return 0
	}
	return f.finishPart(i, i+1, g, int(t.val))
}

// matchSeason reads a season name at k: "spring", "winter 2022", "the
// summer of 2021", "last winter" (mode), starting the expression at from.
func (f *finder) matchSeason(k, from, mode int) int {
	t := f.tk(k)
	s := int(t.val)
	p := f.tk(k - 1)
	if from == k {
		// After a capitalised word a season is part of a name: the Arab
		// Spring, the Prague Spring.
		if p.kind == tWord && p.flags&fCap != 0 && p.wk != kSignal && p.wk != kMod && p.flags&fSentStart == 0 {
			return 0
		}
	}
	end := k + 1
	kk := end
	if f.idAt(kk) == wOf {
		kk++
	}
	if y := f.yearAt(kk); y > 0 {
		f.emitDate(from, kk+1, cal{g: gSeason, y: y, n: s}, "")
		return kk + 1 - from
	}
	if t.id == wFall {
		// "the fall of Kabul", "prices fall": only "in the fall", "this fall"
		if f.idAt(end) == wOf || from == k && !(p.id == wThe && (f.idAt(k-2) == wIn || f.idAt(k-2) == wBy || f.idAt(k-2) == wDuring || f.idAt(k-2) == wUntil) || p.id == wIn) {
			return 0
		}
	}
	if f.isCap(end) && f.kindAt(end) != kSignal && f.kindAt(end) != kCue {
		return 0 // the Summer Olympics
	}
	now := at(f.ref, gSeason)
	c := cal{g: gSeason, y: now.y, n: s}
	switch mode {
	case modeLast:
		if !c.less(now) {
			c.y--
		}
	case modeNext, modeComing:
		if !now.less(c) {
			c.y++
		}
	case modeThis:
		// the season of the reference's year, or the one under way
	default:
		c = f.inferYear(cal{g: gSeason, n: s}, now, from, end)
	}
	f.relative = true
	f.emitDate(from, end, c, "")
	return end - from
}

// periodTotal tells whether noun follows "annual" as the total of one
// year (annual profit) rather than a yearly event (annual meeting).
func periodTotal(noun string) bool {
	switch noun {
	case "profit", "profits", "loss", "losses", "revenue", "revenues", "sales", "earnings",
		"income", "growth", "rate", "inflation", "budget", "output", "production", "deficit",
		"surplus", "turnover", "spending", "exports", "imports", "salary", "pay", "rent":
		return true
	}
	return false
}
