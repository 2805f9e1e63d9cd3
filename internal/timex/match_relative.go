package timex

import (
	"time"
)

// Expressions placed relative to the article date: yesterday, last week,
// the past three days, early next year, the end of the month.

// matchRel reads words that name a time relative to now: yesterday,
// tonight, now, recently, soon, Christmas.
func (f *finder) matchRel(i int) int {
	t := &f.toks[i]
	switch t.id {
	case wYesterday, wToday, wTomorrow:
		f.relative = true
		c := dayOf(f.ref.AddDate(0, 0, relDay(t.id)))
		if p := f.tk(i + 1); p.kind == tWord && p.wk == kPartDay {
			f.emitTime(i, i+2, c, "T"+partCode[p.val], true)
			return 2
		}
		f.emitDate(i, i+1, c, "")
		return 1
	case wTonight:
		f.relative = true
		f.emitTime(i, i+1, dayOf(f.ref), "TNI", true)
		return 1
	case wNow:
		f.emitRef(i, i+1, "PRESENT_REF")
		return 1
	case wCurrently, wNowadays, wPresently:
		f.emitRef(i, i+1, "PRESENT_REF")
		return 1
	case wCurrent:
		if f.idAt(i-1) == wThe || f.idAt(i-1) == wIn || f.kindAt(i+1) == kNone && f.tk(i+1).kind == tWord {
			f.emitRef(i, i+1, "PRESENT_REF")
			return 1
		}
	case wRecently, wLately, wFormerly:
		f.emitRef(i, i+1, "PAST_REF")
		return 1
	case wRecent:
		if n := f.tk(i + 1); n.kind == tWord && n.wk == kUnit && f.text[n.e-1] == 's' {
			f.emitDuration(i, i+2, durationValue(-1, int(n.val)), time.Time{}, time.Time{})
			return 2
		}
		if f.tk(i+1).kind == tWord && f.tk(i+1).flags&fCap == 0 {
			f.emitRef(i, i+1, "PAST_REF")
			return 1
		}
	case wSoon:
		if f.idAt(i+1) == wAfter || f.idAt(i+1) == wAs {
			return 0
		}
		f.emitRef(i, i+1, "FUTURE_REF")
		return 1
	case wFuture:
		if f.idAt(i-1) == wIn && f.tk(i+1).kind != tWord {
			f.emitRef(i, i+1, "FUTURE_REF")
			return 1
		}
	case wChristmas:
		if t.flags&fCap == 0 {
			return 0
		}
		end := i + 1
		d := 25
		if f.idAt(end) == wEve {
			d = 24
			end++
		} else if f.idAt(end) == wDay {
			end++
		}
		y := 0
		if yy := f.yearAt(end); yy > 0 {
			y = yy
			end++
		}
		var c cal
		if y > 0 {
			c = cal{g: gDay, y: y, m: 12, d: d}
		} else {
			c = f.inferYear(cal{g: gDay, m: 12, d: d}, at(f.ref, gDay), i, end)
		}
		f.emitDate(i, end, c, "")
		return end - i
	}
	return 0
}

// matchMod reads what a modifier starts: last week, that day, early
// 2009, later this month, every Sunday, twice a week.
func (f *finder) matchMod(i int) int {
	t := &f.toks[i]
	switch t.id {
	case wLast, wNext, wThis, wComing, wPast, wPrevious, wFollowing, wPreceding:
		return f.matchRelUnit(i, i, t.id)
	case wThat:
		return f.matchThat(i)
	case wEarly, wLate, wMid:
		return f.matchEdge(i)
	case wEarlier, wLater:
		return f.matchEarlierLater(i)
	case wEvery, wEach:
		return f.matchEvery(i)
	case wOnce, wTwice:
		k := i + 1
		if f.idAt(k) == wA || f.idAt(k) == wAn || f.idAt(k) == wPer || f.idAt(k) == wEvery || f.idAt(k) == wEach {
			if u := f.tk(k + 1); u.kind == tWord && u.wk == kUnit && u.id != wSecond {
				f.emitSet(i, k+2, durationValue(1, int(u.val)))
				return k + 2 - i
			}
		}
	}
	return 0
}

// matchRelUnit reads last/next/this/coming/past + a unit, day, month or
// season name, or a count: "last week", "next Tuesday", "this morning",
// "last March", "the past three weeks". from is where the expression
// starts ("the" before i, or i itself).
func (f *finder) matchRelUnit(from, i int, mod uint16) int {
	k := i + 1
	if mod == wThis && f.idAt(k) == wPast {
		mod = wLast // this past week
		k++
	}
	n := f.tk(k)
	if n.id == wDay {
		// next day, the following day, the previous day: from the last
		// day the text named
		d := 0
		switch mod {
		case wNext, wFollowing:
			d = 1
		case wPrevious, wPreceding:
			d = -1
		default:
			return 0
		}
		f.relative = !f.anchorSet
		f.emitDate(from, k+1, dayOf(f.anchor.AddDate(0, 0, d)), "")
		return k + 1 - from
	}
	if n.kind == tNum || n.kind == tWord && n.wk == kNum && n.id != wA && n.id != wAn {
		return f.matchAnchoredCount(from, k, mod)
	}
	if n.kind != tWord {
		return 0
	}
	shift := 0
	mode := modeThis
	switch mod {
	case wLast, wPast, wPrevious, wPreceding:
		shift, mode = -1, modeLast
	case wNext, wFollowing:
		shift, mode = 1, modeNext
	case wComing:
		shift, mode = 1, modeComing
	}
	theFirst := from < i
	switch n.wk {
	case kUnit:
		if f.text[n.e-1] == 's' && n.id != wDays || n.id == wDays {
			if theFirst || mod == wPast || mod == wLast || mod == wComing || mod == wNext {
				// the past few days, the coming weeks
				f.emitDuration(from, k+1, durationValue(-1, int(n.val)), time.Time{}, time.Time{})
				return k + 1 - from
			}
			return 0
		}
		if theFirst && (mod == wPast || mod == wLast || mod == wComing || mod == wNext) {
			// "the past week" is the seven days up to the article
			return f.anchoredDuration(from, k+1, 1, int(n.val), mod)
		}
		g := unitGran(int(n.val))
		if g == 0 {
			return 0
		}
		if mod == wPast {
			return f.anchoredDuration(from, k+1, 1, int(n.val), mod)
		}
		base := f.ref
		if theFirst && (mod == wPrevious || mod == wFollowing || mod == wPreceding) {
			base = f.anchor
		}
		f.relative = true
		f.emitDate(from, k+1, at(base, g).add(shift), "")
		return k + 1 - from
	case kPartDay:
		if mod == wPast || theFirst {
			return 0
		}
		d := dayOf(f.ref)
		if mod == wLast && n.id == wNight || mod == wLast && int(n.val) == pdEvening {
			d = dayOf(f.ref.AddDate(0, 0, -1))
		} else if mod != wThis {
			return 0
		}
		f.relative = true
		f.emitTime(from, k+1, d, "T"+partCode[n.val], true)
		return k + 1 - from
	case kWeekday:
		if theFirst || mod == wPast {
			return 0
		}
		return f.matchWeekday(k, mode, from)
	case kMonth:
		if theFirst || n.flags&fCap == 0 {
			return 0
		}
		now := at(f.ref, gMonth)
		c := cal{g: gMonth, y: now.y, m: int(n.val)}
		switch mode {
		case modeLast:
			if !c.less(now) {
				c.y--
			}
		case modeNext, modeComing:
			if !now.less(c) {
				c.y++
			}
		}
		f.relative = true
		f.emitDate(from, k+1, c, "")
		return k + 1 - from
	case kSeason:
		if theFirst {
			return 0
		}
		return f.matchSeason(k, from, mode)
	}
	return 0
}

// unitGran maps a unit to the calendar granularity of "last <unit>".
func unitGran(u int) uint8 {
	switch u {
	case uDay:
		return gDay
	case uWeek:
		return gWeek
	case uWeekend:
		return gWeekend
	case uMonth:
		return gMonth
	case uQuarter:
		return gQuarter
	case uYear:
		return gYear
	case uDecade:
		return gDecade
	case uCentury:
		return gCentury
	}
	return 0
}

// matchAnchoredCount reads "[the] past/last/next N units" at the count k.
func (f *finder) matchAnchoredCount(from, k int, mod uint16) int {
	q := -1.0
	j := k
	t := f.tk(k)
	switch {
	case t.kind == tNum && t.flags&(fGroup|fGlued|fOrd|fPluralS) == 0:
		q = float64(t.val)
		j++
	case t.kind == tWord && t.wk == kNum:
		v, jj := f.numberWords(k)
		q, j = v, jj
	default:
		return 0
	}
	for {
		switch f.idAt(j) {
		case wStraight, wConsecutive, wFull, wTrading, wBusiness, wWorking:
			j++
			continue
		}
		break
	}
	u := f.tk(j)
	if u.kind != tWord || u.wk != kUnit || u.id == wSecond && q == 1 {
		return 0
	}
	return f.anchoredDuration(from, j+1, q, int(u.val), mod)
}

// anchoredDuration emits a duration reaching back from, or forward from,
// the article date: the past three weeks, the next four years.
func (f *finder) anchoredDuration(from, end int, q float64, unit int, mod uint16) int {
	var s, e time.Time
	if q > 0 && q <= 10000 && q == float64(int(q)) && !f.noRef {
		switch mod {
		case wPast, wLast, wPrevious, wPreceding:
			e = f.ref
			s0, _ := shiftBy(f.ref, -int(q), unit)
			s = s0.AddDate(0, 0, 1)
			if unit == uHour {
				s = f.ref.AddDate(0, 0, -(int(q)+23)/24)
			}
		case wNext, wComing, wFollowing:
			s = f.ref
			e0, _ := shiftBy(f.ref, int(q), unit)
			e = e0.AddDate(0, 0, -1)
			if unit == uHour {
				e = f.ref.AddDate(0, 0, (int(q)+23)/24)
			}
		}
		if unit == uMinute || unit == uSecond {
			s, e = f.ref, f.ref
		}
	}
	f.emitDuration(from, end, durationValue(q, unit), s, e)
	return end - from
}

// matchThe reads expressions that start with "the": the past three
// weeks, the weekend, the same day, the future, the end of the year.
func (f *finder) matchThe(i int) int {
	k := i + 1
	n := f.tk(k)
	if n.kind == tNum {
		if n.flags&fPluralS != 0 && n.nd == 2 {
			return 0 // the 90s: read from the number
		}
		if n.flags&fOrd != 0 {
			return f.matchOrdinal(k, i)
		}
		return 0
	}
	if n.kind != tWord {
		return 0
	}
	switch n.id {
	case wPast:
		nn := f.tk(k + 1)
		if nn.kind == tWord && (nn.wk == kUnit || nn.wk == kNum) || nn.kind == tNum {
			return f.matchRelUnit(i, k, wPast)
		}
		if nn.kind == tWord && nn.flags&fCap == 0 && nn.wk != kSignal && nn.wk != kCue {
			return 0 // "the past decision": an adjective
		}
		f.emitRef(i, k+1, "PAST_REF")
		return k + 1 - i
	case wLast, wNext, wComing, wPrevious, wFollowing, wPreceding:
		if f.idAt(k+1) == wQuarter || f.idAt(k+1) == wHalf || f.idAt(k+1) == wWeek && f.idAt(k+2) == wOf {
			return f.matchOrdinal(k, i)
		}
		return f.matchRelUnit(i, k, n.id)
	case wYears, wDecades, wMonths, wWeeks:
		switch f.idAt(i - 1) {
		case wOver, wThrough, wThroughout, wIn, wFor, wDuring:
			if f.idAt(k+1) != wOf && f.idAt(k+1) != wAgo {
				f.emitDuration(i, k+1, durationValue(-1, int(n.val)), time.Time{}, time.Time{})
				return k + 1 - i
			}
		}
	case wWeekend:
		f.relative = true
		c := at(f.ref, gWeekend)
		wd := f.ref.Weekday()
		switch f.tense(i, k+1) {
		case tenseFuture:
		default:
			if wd != time.Saturday && wd != time.Sunday {
				c = c.add(-1)
			}
		}
		f.emitDate(i, k+1, c, "")
		return k + 1 - i
	case wSame:
		if f.idAt(k+1) == wDay {
			f.relative = !f.anchorSet
			f.emitDate(i, k+2, dayOf(f.anchor), "")
			return k + 2 - i
		}
	case wDay:
		switch f.idAt(k + 1) {
		case wBefore, wAfter:
			if f.tk(k+2).kind == tWord && f.tk(k+2).wk != kSignal && f.tk(k+2).wk != kCue || f.tk(k+2).kind == tPunct {
				// "the day before" stands alone; "the day before the vote"
				// counts from an event the finder cannot date
				if f.tk(k+2).kind == tWord {
					return 0
				}
			}
			d := 1
			if f.idAt(k+1) == wBefore {
				d = -1
			}
			f.relative = !f.anchorSet
			f.emitDate(i, k+2, dayOf(f.anchor.AddDate(0, 0, d)), "")
			return k + 2 - i
		}
		switch f.idAt(i - 1) {
		case wEnd, wEnded, wEnding, wEnds, wFinish, wFinished, wFinishing, wClose, wClosed, wFor:
			switch f.idAt(k + 1) {
			case wOf, wWhen, wThat, wWhich, wBefore, wAfter:
				return 0
			}
			f.relative = !f.anchorSet
			f.emitDate(i, k+1, dayOf(f.anchor), "")
			return k + 1 - i
		}
	case wFuture:
		f.emitRef(i, k+1, "FUTURE_REF")
		return k + 1 - i
	case wTime:
		if f.idAt(k+1) == wBeing {
			f.emitRef(i, k+2, "PRESENT_REF")
			return k + 2 - i
		}
	case wLong, wNear, wShort:
		if f.idAt(k+1) == wTerm {
			f.emitRef(i, k+2, "FUTURE_REF")
			return k + 2 - i
		}
	case wEnd, wBeginning, wStart, wMiddle:
		return f.matchPartOf(i, k)
	case wFirst, wFinal:
		return f.matchOrdinal(k, i)
	case wSecond:
		if f.idAt(k+1) == wQuarter || f.idAt(k+1) == wHalf {
			return f.matchOrdinal(k, i)
		}
	case wEarly, wLate, wMid:
		if d := f.tk(k + 1); d.kind == tNum && d.flags&fPluralS != 0 && (d.nd == 4 || d.nd == 2) {
			f.emitDecadeEdge(i, k+2, d, n.id)
			return k + 2 - i
		}
	}
	if n.wk == kOrd {
		return f.matchOrdinal(k, i)
	}
	if n.wk == kSeason {
		return f.matchSeason(k, i, modeTense)
	}
	return 0
}

// emitDecadeEdge emits "the early 1990s" and similar.
func (f *finder) emitDecadeEdge(i, end int, d *token, id uint16) {
	y := int(d.val)
	if d.nd == 2 {
		y += 1900
	}
	f.emitDate(i, end, cal{g: gDecade, y: y - y%10}, edgeMod(id))
}

// edgeMod maps early, mid, late and the like to a TIMEX3 mod.
func edgeMod(id uint16) string {
	switch id {
	case wEarly, wBeginning, wStart:
		return "START"
	case wMid, wMiddle:
		return "MID"
	case wLate, wEnd:
		return "END"
	}
	return ""
}

// matchPartOf reads "the end of this year", "the beginning of March",
// "the middle of next week" from "the" at i; k is the edge word.
func (f *finder) matchPartOf(i, k int) int {
	if f.idAt(k+1) != wOf {
		return 0
	}
	c, end, ok := f.periodAt(k+2, i)
	if !ok {
		return 0
	}
	f.emitDate(i, end, c, edgeMod(f.idAt(k)))
	return end - i
}

// periodAt reads a period that an edge word can qualify: 2022, March
// [2022], this/last/next week/month/year, the year, the month, the week.
func (f *finder) periodAt(k, from int) (cal, int, bool) {
	if y := f.yearAt(k); y > 0 {
		return cal{g: gYear, y: y}, k + 1, true
	}
	if m, kk := f.monthAt(k); m > 0 {
		if y := f.yearAt(kk); y > 0 {
			return cal{g: gMonth, y: y, m: m}, kk + 1, true
		}
		if f.tk(k).wk == kMonthAbbr {
			return cal{}, 0, false
		}
		return f.inferYear(cal{g: gMonth, m: m}, at(f.ref, gMonth), from, kk), kk, true
	}
	id := f.idAt(k)
	u := f.tk(k + 1)
	switch id {
	case wThis, wLast, wNext, wThe:
		if u.kind != tWord || u.wk != kUnit || f.text[u.e-1] == 's' {
			return cal{}, 0, false
		}
		g := unitGran(int(u.val))
		if g == 0 || g == gDay {
			return cal{}, 0, false
		}
		f.relative = true
		c := at(f.ref, g)
		switch id {
		case wLast:
			c = c.add(-1)
		case wNext:
			c = c.add(1)
		}
		return c, k + 2, true
	}
	return cal{}, 0, false
}

// matchEdge reads early/late/mid + a period or a day: "early 2009",
// "mid-March", "late on Wednesday", "early this month", "late last night".
func (f *finder) matchEdge(i int) int {
	id := f.idAt(i)
	mod := edgeMod(id)
	k := i + 1
	if f.isDash(k) && f.glued(k) {
		k++
	} else if id == wMid {
		return 0
	}
	if d := f.tk(k); d.kind == tNum && d.flags&fPluralS != 0 && (d.nd == 4 || d.nd == 2) {
		f.emitDecadeEdge(i, k+1, d, id)
		return k + 1 - i
	}
	if c, end, ok := f.periodAt(k, i); ok {
		f.emitDate(i, end, c, mod)
		return end - i
	}
	if id == wMid {
		return 0
	}
	// late on Wednesday, early Friday, late yesterday, late last night
	j := k
	if f.idAt(j) == wOn {
		j++
	}
	n := f.tk(j)
	if n.kind != tWord {
		return 0
	}
	switch {
	case n.wk == kWeekday && n.flags&fCap != 0:
		if holidayPrefix(f.text, f.tk(j-1)) || pressSuffix(f.text, f.tk(j+1)) {
			return 0
		}
		c := f.resolveWeekday(int(n.val), modeTense, i, j+1)
		if p := f.tk(j + 1); p.kind == tWord && p.wk == kPartDay {
			f.emitTime(i, j+2, c, "T"+partCode[p.val], true)
			f.out[len(f.out)-1].Mod = mod
			return j + 2 - i
		}
		f.emitDate(i, j+1, c, mod)
		return j + 1 - i
	case n.id == wYesterday || n.id == wToday || n.id == wTomorrow:
		f.relative = true
		c := dayOf(f.ref.AddDate(0, 0, relDay(n.id)))
		if p := f.tk(j + 1); p.kind == tWord && p.wk == kPartDay {
			f.emitTime(i, j+2, c, "T"+partCode[p.val], true)
			f.out[len(f.out)-1].Mod = mod
			return j + 2 - i
		}
		f.emitDate(i, j+1, c, mod)
		return j + 1 - i
	case n.id == wLast && (f.idAt(j+1) == wNight) || n.id == wThis && f.kindAt(j+1) == kPartDay:
		d := dayOf(f.ref)
		if n.id == wLast {
			d = dayOf(f.ref.AddDate(0, 0, -1))
		}
		f.relative = true
		f.emitTime(i, j+2, d, "T"+partCode[f.tk(j+1).val], true)
		f.out[len(f.out)-1].Mod = mod
		return j + 2 - i
	case n.id == wIn && f.idAt(j+1) == wThe:
		return f.matchInThe(i, j+2, mod)
	}
	if n.wk == kSeason {
		return f.matchSeasonMod(i, j, mod)
	}
	return 0
}

// matchInThe reads "[late|earlier|later] in the day/week/month/year",
// u being the index of the unit.
func (f *finder) matchInThe(i, u int, mod string) int {
	t := f.tk(u)
	if t.kind != tWord || t.wk != kUnit || f.text[t.e-1] == 's' {
		return 0
	}
	g := unitGran(int(t.val))
	if g == 0 || g == gWeekend || g == gDecade || g == gCentury {
		return 0
	}
	base := f.ref
	if g == gDay {
		base = f.anchor
		f.relative = !f.anchorSet
	} else {
		f.relative = true
	}
	f.emitDate(i, u+1, at(base, g), mod)
	return u + 1 - i
}

// matchSeasonMod reads "early spring", "late summer 2021".
func (f *finder) matchSeasonMod(i, j int, mod string) int {
	n := f.matchSeason(j, i, modeTense)
	if n > 0 {
		f.out[len(f.out)-1].Mod = mod
		e := &f.out[len(f.out)-1]
		e.Start, e.End = narrow(e.Start, e.End, mod)
	}
	return n
}

// matchEarlierLater reads "earlier this month", "later today" and
// "later in the day".
func (f *finder) matchEarlierLater(i int) int {
	id := f.idAt(i)
	k := i + 1
	switch f.idAt(k) {
	case wThis:
		u := f.tk(k + 1)
		if u.kind != tWord || u.wk != kUnit || f.text[u.e-1] == 's' {
			return 0
		}
		g := unitGran(int(u.val))
		if g == 0 || g == gDay || g == gDecade || g == gCentury {
			return 0
		}
		f.relative = true
		c := at(f.ref, g)
		s, e := c.span()
		if id == wEarlier {
			// "Earlier this month" is told of days before the article's:
			// of the article's own day a report says "today".
			e = f.ref
			if d := f.ref.AddDate(0, 0, -1); !d.Before(s) {
				e = d
			}
		} else {
			s = f.ref
		}
		f.emit(i, k+2, Expr{Type: TypeDate, Value: c.value(), Start: s, End: e, Precision: c.precision()})
		return k + 2 - i
	case wToday:
		f.relative = true
		f.emitDate(i, k+1, dayOf(f.ref), "")
		return k + 1 - i
	case wIn:
		if f.idAt(k+1) == wThe {
			mod := "START"
			if id == wLater {
				mod = "END"
			}
			return f.matchInThe(i, k+2, mod)
		}
	}
	return 0
}

// matchThat reads "that day" and "that night", which refer to the last
// day the text named.
func (f *finder) matchThat(i int) int {
	n := f.tk(i + 1)
	if n.kind != tWord {
		return 0
	}
	f.relative = !f.anchorSet
	switch {
	case n.id == wDay:
		f.emitDate(i, i+2, dayOf(f.anchor), "")
		return 2
	case n.wk == kPartDay:
		f.emitTime(i, i+2, dayOf(f.anchor), "T"+partCode[n.val], true)
		return 2
	}
	f.relative = false
	return 0
}
