package timex

import "strings"

// Calendar dates, clock times, and month and day names.

// monthAt returns the month named by token k (a capitalised month name,
// or an abbreviation with its optional full stop) and the index after it.
func (f *finder) monthAt(k int) (int, int) {
	t := f.tk(k)
	if t.kind != tWord || t.flags&fCap == 0 {
		return 0, k
	}
	switch t.wk {
	case kMonth:
		return int(t.val), k + 1
	case kMonthAbbr:
		if f.isPunct(k+1, '.') && f.glued(k+1) {
			return int(t.val), k + 2
		}
		return int(t.val), k + 1
	}
	return 0, k
}

// dayNumAt returns the day of the month written by token k (3, 03, 3rd).
func (f *finder) dayNumAt(k int) int {
	t := f.tk(k)
	if t.kind != tNum || t.nd > 2 || t.flags&(fGroup|fPluralS|fApos) != 0 {
		return 0
	}
	if t.flags&fGlued != 0 && t.flags&fOrd == 0 {
		return 0
	}
	if t.shape != shPlain {
		return 0 // a clock time, a decimal or a numeric date
	}
	if t.val < 1 || t.val > 31 {
		return 0
	}
	return int(t.val)
}

// yearAt returns the year written by token k when it is a plain four-digit
// number that may be a year, else 0.
func (f *finder) yearAt(k int) int {
	t := f.tk(k)
	if t.kind != tNum || t.nd != 4 || t.flags&(fGlued|fGroup|fOrd|fPluralS|fApos) != 0 || t.shape != shPlain {
		return 0
	}
	if t.val < 1000 || t.val > 2199 {
		return 0
	}
	if f.glued(k + 1) {
		n := f.tk(k + 1)
		if n.kind == tPunct && (f.text[n.s] == '%' || f.text[n.s] == '.' && f.tk(k+2).kind == tNum && f.glued(k+2)) {
			return 0
		}
	}
	return int(t.val)
}

// yearContext holds the words after which a bare number reads as a year.
func yearContext(id uint16) bool {
	switch id {
	case wIn, wSince, wBy, wUntil, wTill, wFrom, wTo, wThrough, wBetween, wAnd, wDuring,
		wOf, wBefore, wAfter, wEarly, wLate, wMid, wThe, wThroughout, wFor, wOr, wOn,
		wThis, wWithin:
		return true
	}
	return false
}

// isYear tells whether the number at k is a year in its context, and
// returns it.
func (f *finder) isYear(k int) int {
	y := f.yearAt(k)
	if y == 0 {
		return 0
	}
	p := f.tk(k - 1)
	ctx := false
	switch p.kind {
	case tPunct:
		s := f.text[p.s:p.e]
		switch s {
		case "$", "\u20ac", "\u00a3", "#", "\u00a5", "+", "=", "/", "\u00d7":
			return 0
		case "-":
			if f.tk(k-2).kind == tNum && f.glued(k-1) {
				ctx = true // 2014-2016
			}
			if w := f.tk(k - 2); w.kind == tWord && f.glued(k-1) && f.glued(k) && w.id != wMid && w.id != wEarly && w.id != wLate {
				// "the post-2014 regional capital", "pre-2022 borders":
				// a year in a prefixed modifier dates nothing ("mid-2014"
				// does).
				return 0
			}
		case ",", "(", "'", "\u2019":
			ctx = true
		}
		if !f.glued(k) {
			break
		}
		switch s {
		case ".", ",", ":":
			if f.tk(k-2).kind == tNum {
				return 0
			}
		}
	case tNum:
		return 0
	case tWord:
		switch p.id {
		case wAbout, wSome, wNearly, wAlmost, wAround, wApproximately, wRoughly, wThan,
			wLeast, wOver, wUp, wJust, wOnly:
			return 0
		}
		ctx = yearContext(p.id) || p.wk == kMonth || p.wk == kSeason || p.wk == kAbbr
	}
	n := f.tk(k + 1)
	if n.kind == tWord && n.flags&fCap == 0 && !ctx {
		// A lower-case plural noun after a bare number is a count:
		// "2000 troops". Verbs such as "was" and "has" are cues.
		if n.wk != kCue && n.wk != kSignal && f.text[n.e-1] == 's' && n.e-n.s > 3 {
			return 0
		}
		if n.wk == kUnit {
			return 0
		}
	}
	if !ctx && (y < 1900 || y > 2100) {
		return 0
	}
	return y
}

// matchNumber reads what a digit run can start: a numeric date, a clock
// time, a day of the month, a decade, a count of units or a year.
func (f *finder) matchNumber(i int) int {
	t := &f.toks[i]
	if t.flags&fGlued != 0 && t.flags&fOrd == 0 {
		// 155mm, M777; only "3pm" is a time.
		if f.kindAt(i+1) == kAmPm && f.glued(i+1) {
			return f.matchClock(i)
		}
		return 0
	}
	switch t.shape {
	case shSlash, shDash:
		return f.matchNumericDate(i)
	case shDotted, shCode:
		return 0
	}
	if n := f.matchClock(i); n > 0 {
		return n
	}
	if f.dayNumAt(i) > 0 {
		if c1, c2, end, ok := f.parseDayFirst(i); ok {
			f.emitDay(i, end, c1, c2)
			return end - i
		}
	}
	if t.flags&fPluralS != 0 && t.flags&fGroup == 0 {
		return f.matchDecade(i)
	}
	if t.flags&fOrd != 0 {
		return f.matchOrdinal(i, i)
	}
	if t.flags&fGroup == 0 && (t.shape == shPlain || t.shape == shDecimal) {
		q := float64(t.val)
		if t.shape == shDecimal {
			// 1.5 hours: the digits after the point.
			frac := f.text[int(t.s)+int(t.nd)+1 : t.e]
			v, div := 0, 1.0
			for d := 0; d < len(frac) && d < 9; d++ {
				v = v*10 + int(frac[d]-'0')
				div *= 10
			}
			q += float64(v) / div
		}
		if n := f.matchQuantity(i, i+1, q, false); n > 0 {
			return n
		}
	}
	if y := f.isYear(i); y > 0 {
		f.emitDate(i, i+1, cal{g: gYear, y: y}, "")
		return 1
	}
	if t.nd == 2 && f.isApos(i-1) && f.glued(i) && !f.glued(i-1) && f.tk(i+1).kind != tNum &&
		(yearContext(f.idAt(i-2)) || f.kindAt(i-2) == kMonth || f.kindAt(i-2) == kSeason) {
		// '82: a year written with two digits
		y := 1900 + int(t.val)
		if y+100 <= f.ref.Year()+10 {
			y += 100
		}
		f.emitDate(i-1, i+1, cal{g: gYear, y: y}, "")
		return 1
	}
	return 0
}

// matchNumericDate reads 2022-03-03 and 03/03/2022 (month first, as in
// American usage, unless the first number cannot be a month), which the
// tokeniser keeps as one token.
func (f *finder) matchNumericDate(i int) int {
	t := &f.toks[i]
	sep := byte('/')
	if t.shape == shDash {
		sep = '-'
	}
	var v, nd [3]int
	str := f.text[t.s:t.e]
	clock := ""
	if k := strings.IndexByte(str, 'T'); k > 0 && sep == '-' {
		// A timestamp: 2022-03-16T19:40:00Z.
		str, clock = str[:k], str[k+1:]
	}
	n, ok := numParts(str, sep, v[:], nd[:])
	if ok && n == 2 && sep == '/' && nd[0] == 4 && v[0] >= 1000 && v[0] <= 2199 {
		// A span of years, as in fiscal 1986/87: the first year, running
		// to the second when it is the next.
		a := cal{g: gYear, y: v[0]}
		if v[1] == v[0]+1 || nd[1] == 2 && v[1] == (v[0]+1)%100 {
			f.emitRange(i, i+1, a, cal{g: gYear, y: v[0] + 1})
		} else {
			f.emitDate(i, i+1, a, "")
		}
		return 1
	}
	if !ok || n != 3 {
		return 0
	}
	var y, m, d int
	switch {
	case sep == '-' && nd[0] == 4 && nd[1] <= 2 && nd[2] <= 2:
		y, m, d = v[0], v[1], v[2]
	case sep == '/' && nd[0] <= 2 && nd[1] <= 2 && (nd[2] == 4 || nd[2] == 2):
		m, d, y = v[0], v[1], v[2]
		if m > 12 {
			m, d = d, m
		}
		if nd[2] == 2 {
			if y < 70 {
				y += 2000
			} else {
				y += 1900
			}
		}
	default:
		return 0
	}
	if !validDay(y, m, d) || y < 1000 {
		return 0
	}
	day := cal{g: gDay, y: y, m: m, d: d}
	if clock != "" {
		zone := ""
		if strings.HasSuffix(clock, "Z") {
			clock, zone = clock[:len(clock)-1], "Z"
		}
		var cv, cnd [3]int
		if cn, ok := numParts(clock, ':', cv[:], cnd[:]); !ok || cn < 2 || cn > 3 || cnd[0] != 2 || cnd[1] != 2 || cv[0] > 24 || cv[1] > 59 {
			return 0
		}
		var buf [16]byte
		b := append(buf[:0], 'T')
		b = appendPad(b, cv[0], 2)
		b = append(b, ':')
		b = appendPad(b, cv[1], 2)
		b = append(b, zone...)
		f.emitTimeBytes(i, i+1, day, b, true)
		return 1
	}
	f.emitDate(i, i+1, day, "")
	return 1
}

// ampmAt reads am, pm, a.m. or p.m. at k; it returns 0 or 12 for the hour
// offset, -1 when there is none, and the index after it.
func (f *finder) ampmAt(k int) (int, int) {
	t := f.tk(k)
	if t.kind != tWord {
		return -1, k
	}
	if t.wk == kAmPm {
		return int(t.val), k + 1
	}
	if (t.id == wA || t.id == wP) && f.isPunct(k+1, '.') && f.glued(k+1) && f.idAt(k+2) == wM && f.glued(k+2) {
		end := k + 3
		if f.isPunct(end, '.') && f.glued(end) {
			end++
		}
		if t.id == wP {
			return 12, end
		}
		return 0, end
	}
	return -1, k
}

// matchClock reads clock times: 10:30, 10:30 a.m., 3 pm, 18:00 UTC,
// 0800 GMT, optionally followed by the day (16:00 UTC today).
func (f *finder) matchClock(i int) int {
	t := &f.toks[i]
	h, m := int(t.val), 0
	k := i + 1
	hasMin := false
	switch {
	case t.nd <= 2 && (t.shape == shClock || t.shape == shDecimal):
		// 10:30, 1:06:00, and 10.30 with am or pm after it.
		sep := byte(':')
		if t.shape == shDecimal {
			sep = '.'
		}
		var v, nd [3]int
		n, ok := numParts(f.text[t.s:t.e], sep, v[:], nd[:])
		if !ok || n > 3 || nd[1] != 2 || n == 3 && sep == '.' {
			return 0
		}
		m = v[1]
		hasMin = true
		if sep == '.' {
			if off, _ := f.ampmAt(k); off < 0 {
				return 0
			}
		}
	case t.shape != shPlain:
		return 0
	case t.nd == 4 && t.flags&fGroup == 0:
		h, m = int(t.val)/100, int(t.val)%100
		z := f.tk(k)
		if !(z.kind == tWord && (z.wk == kZone || z.id == wHours || z.id == wHrs)) {
			return 0
		}
		hasMin = true
	case t.nd <= 2:
	default:
		return 0
	}
	off, k2 := f.ampmAt(k)
	if off >= 0 {
		if h < 1 || h > 12 {
			return 0
		}
		if h == 12 {
			h = 0
		}
		h += off
		k = k2
	} else if !hasMin {
		return 0
	}
	if h > 24 || m > 59 {
		return 0
	}
	zone := ""
	if z := f.tk(k); z.kind == tWord && z.wk == kZone {
		zone = zoneSuffix(int(z.val))
		k++
	} else if z.kind == tWord && (z.id == wHours || z.id == wHrs) && t.nd == 4 {
		k++
	}
	var buf [16]byte
	clock := append(buf[:0], 'T')
	clock = appendPad(clock, h, 2)
	clock = append(clock, ':')
	clock = appendPad(clock, m, 2)
	clock = append(clock, zone...)
	// A day word right after: 12:00 UTC Monday, 16:00 UTC today.
	day, dayKnown := dayOf(f.ref), false
	switch d := f.tk(k); {
	case d.kind == tWord && d.wk == kWeekday && d.flags&fCap != 0:
		day = f.resolveWeekday(int(d.val), modeTense, i, k+1)
		dayKnown = true
		k++
	case d.kind == tWord && (d.id == wToday || d.id == wYesterday || d.id == wTomorrow):
		day = dayOf(f.ref.AddDate(0, 0, relDay(d.id)))
		dayKnown = true
		k++
	}
	f.relative = true
	f.emitTimeBytes(i, k, day, clock, dayKnown)
	return k - i
}

// relDay is the offset in days of yesterday, today or tomorrow.
func relDay(id uint16) int {
	switch id {
	case wYesterday:
		return -1
	case wTomorrow:
		return 1
	}
	return 0
}

// zoneSuffix writes a zone offset in minutes as TIMEX3 does: Z for UTC.
func zoneSuffix(off int) string {
	if off == 0 {
		return "Z"
	}
	b := make([]byte, 0, 6)
	if off < 0 {
		b = append(b, '-')
		off = -off
	} else {
		b = append(b, '+')
	}
	b = appendPad(b, off/60, 2)
	b = append(b, ':')
	b = appendPad(b, off%60, 2)
	return string(b)
}

// parseDayFirst reads "3 March", "3rd of March 2022", "3-8 March" and
// "3 to 8 March 2022" starting at the day number i.
func (f *finder) parseDayFirst(i int) (cal, cal, int, bool) {
	d := f.dayNumAt(i)
	k := i + 1
	d2 := 0
	if f.isDash(k) || f.idAt(k) == wTo || f.idAt(k) == wAnd || f.idAt(k) == wThrough || f.idAt(k) == wUntil {
		if x := f.dayNumAt(k + 1); x > 0 {
			if m, _ := f.monthAt(k + 2); m > 0 || f.idAt(k+2) == wOf {
				d2 = x
				k += 2
			}
		}
	}
	if f.idAt(k) == wOf {
		k++
	}
	m, k2 := f.monthAt(k)
	if m == 0 {
		return cal{}, cal{}, 0, false
	}
	k = k2
	y := 0
	if f.isPunct(k, ',') && f.yearAt(k+1) > 0 {
		y = f.yearAt(k + 1)
		k += 2
	} else if f.yearAt(k) > 0 {
		y = f.yearAt(k)
		k++
	}
	return f.finishDay(y, m, d, m, d2, i, k)
}

// parseMonthFirst reads "March 3", "March 3rd, 2022", "March 3-8",
// "March 30 to April 2" and "March 3 and 8" starting at the month name i.
func (f *finder) parseMonthFirst(i int) (cal, cal, int, bool) {
	m, k := f.monthAt(i)
	d := f.dayNumAt(k)
	if m == 0 || d == 0 {
		return cal{}, cal{}, 0, false
	}
	k++
	m2, d2 := m, 0
	if f.isDash(k) || f.idAt(k) == wTo || f.idAt(k) == wAnd || f.idAt(k) == wThrough || f.idAt(k) == wUntil {
		if x := f.dayNumAt(k + 1); x > 0 && !(f.isPunct(k+2, ',') && f.tk(k+3).kind == tNum && f.yearAt(k+3) == 0) {
			d2 = x
			k += 2
		} else if mm, kk := f.monthAt(k + 1); mm > 0 && f.dayNumAt(kk) > 0 {
			m2, d2 = mm, f.dayNumAt(kk)
			k = kk + 1
		}
	}
	y := 0
	if f.isPunct(k, ',') && f.yearAt(k+1) > 0 {
		y = f.yearAt(k + 1)
		k += 2
	} else if f.yearAt(k) > 0 {
		y = f.yearAt(k)
		k++
	}
	return f.finishDay(y, m, d, m2, d2, i, k)
}

// finishDay validates and resolves a day (and the end of a range, d2 > 0)
// whose year y may be missing.
func (f *finder) finishDay(y, m, d, m2, d2, i, end int) (cal, cal, int, bool) {
	if !validDay(y, m, d) || d2 > 0 && !validDay(y, m2, d2) {
		return cal{}, cal{}, 0, false
	}
	var c1 cal
	if y > 0 {
		c1 = cal{g: gDay, y: y, m: m, d: d}
	} else {
		c1 = f.inferYear(cal{g: gDay, m: m, d: d}, at(f.ref, gDay), i, end)
		if !validDay(c1.y, m, d) {
			return cal{}, cal{}, 0, false
		}
	}
	var c2 cal
	if d2 > 0 {
		c2 = cal{g: gDay, y: c1.y, m: m2, d: d2}
		if m2 < m {
			c2.y++
		}
		if !validDay(c2.y, m2, d2) || c2.less(c1) {
			return cal{}, cal{}, 0, false
		}
	}
	return c1, c2, end, true
}

// inferYear gives c (a day, month, quarter or season without a year) the
// year that the tense of its clause implies, relative to now (the
// reference at c's granularity): the last one in the past, the next in
// the future. A day may lie up to two weeks on the wrong side of the
// article date ("said the vote is on March 7"); without a tense a day is
// put in the nearest year and a month or season in the article's year.
func (f *finder) inferYear(c, now cal, i, j int) cal {
	f.relative = true
	c.y = now.y
	tense := f.tense(i, j)
	if i > 0 && f.idAt(i-1) == wSince {
		// "since August" counts from a time gone by, whatever the verb.
		tense = tensePast
	}
	if c.g == gDay {
		ref := f.ref
		t := c.time()
		switch tense {
		case tensePast:
			if t.After(ref.AddDate(0, 0, 14)) {
				c.y--
			}
		case tenseFuture:
			if t.Before(ref.AddDate(0, 0, -14)) {
				c.y++
			}
		default:
			if t.After(ref.AddDate(0, 6, 0)) {
				c.y--
			} else if t.Before(ref.AddDate(0, -6, 0)) {
				c.y++
			}
		}
		return c
	}
	switch tense {
	case tensePast:
		if now.less(c) {
			c.y--
		}
	case tenseFuture:
		if c.less(now) {
			c.y++
		}
	}
	return c
}

// emitDay emits a day, or a range of days when c2 is set.
func (f *finder) emitDay(i, end int, c1, c2 cal) {
	if c2.g != 0 {
		f.emitRange(i, end, c1, c2)
		return
	}
	f.emitDate(i, end, c1, "")
}

// matchDecade reads 1990s, and 90s after "the", "mid-" or an apostrophe.
func (f *finder) matchDecade(i int) int {
	t := &f.toks[i]
	switch {
	case t.nd == 4 && t.val%10 == 0:
		f.emitDate(i, i+1, cal{g: gDecade, y: int(t.val)}, "")
		return 1
	case t.nd == 2 && t.val%10 == 0:
		// "the 90s", "'90s", "the 70s and 80s"; not "in his 80s"
		switch f.idAt(i - 1) {
		case wThe, wEarly, wLate, wAnd, wOr, wTo, wIn, wSince, wFrom, wThrough, wDuring, wBy, wOf:
		default:
			if t.flags&fApos == 0 && !f.isApos(i-1) && !f.isDash(i-1) {
				return 0
			}
		}
		y := 1900 + int(t.val)
		f.emitDate(i, i+1, cal{g: gDecade, y: y}, "")
		return 1
	}
	return 0
}

// matchMonth reads a month name and what follows it: a day (March 3,
// 2022), a year (March 2022) or nothing (in March).
func (f *finder) matchMonth(i int) int {
	t := &f.toks[i]
	if t.flags&fCap == 0 {
		return 0 // "may" the modal, "march" the noun
	}
	if c1, c2, end, ok := f.parseMonthFirst(i); ok {
		f.emitDay(i, end, c1, c2)
		return end - i
	}
	m, k := f.monthAt(i)
	kk := k
	if f.idAt(kk) == wOf {
		kk++
	}
	if y := f.yearAt(kk); y > 0 {
		f.emitDate(i, kk+1, cal{g: gMonth, y: y, m: m}, "")
		return kk + 1 - i
	}
	if t.wk == kMonthAbbr || !f.bareMonthOK(i) {
		return 0
	}
	if f.idAt(i+1) == wOf && f.idAt(i+3) == wYear {
		// "October of next year": the year phrase is an expression of
		// its own, but it places the month
		y := f.ref.Year()
		switch f.idAt(i + 2) {
		case wNext:
			y++
		case wLast:
			y--
		case wThis:
		default:
			y = 0
		}
		if y != 0 {
			f.relative = true
			f.emitDate(i, i+1, cal{g: gMonth, y: y, m: m}, "")
			return 1
		}
	}
	c := f.inferYear(cal{g: gMonth, m: m}, at(f.ref, gMonth), i, i+1)
	f.emitDate(i, i+1, c, "")
	return 1
}

// bareMonthOK tells whether a month name with neither day nor year is a
// month and not a name: "Theresa May", "the March on Rome".
func (f *finder) bareMonthOK(i int) bool {
	t := &f.toks[i]
	p := f.tk(i - 1)
	// An abbreviation before the month ("the U.S. January figures") is no
	// part of a name.
	if p.kind == tWord && p.flags&fCap != 0 && i-1 > 0 && f.text[p.e-1] != '.' {
		switch p.wk {
		case kSignal, kMod, kMonth, kCue:
		default:
			return false
		}
	}
	switch t.id {
	case wMay, wMarch, wApril, wJune, wAugust:
		if f.isCap(i+1) && f.kindAt(i+1) != kSignal && f.kindAt(i+1) != kCue {
			return false
		}
	}
	if t.id != wMay && t.id != wMarch {
		return true
	}
	if f.isPunct(i-1, '-') && f.idAt(i-2) == wMid {
		return true
	}
	switch p.id {
	case wIn, wSince, wBy, wUntil, wTill, wDuring, wEarly, wLate, wMid, wLast, wNext,
		wThis, wOf, wFrom, wThrough, wBefore, wAfter, wBetween, wThroughout, wFor,
		wWithin, wComing, wPast:
		return true
	case wAnd, wOr, wTo:
		return f.kindAt(i-2) == kMonth
	}
	return false
}

// matchWeekday reads a day name and what may follow it: an explicit date
// (Monday, March 7), a part of the day (Friday morning). mode says how a
// bare day name is placed; from is where the expression starts (before a
// modifier such as "last").
func (f *finder) matchWeekday(i, mode, from int) int {
	t := &f.toks[i]
	if t.flags&fCap == 0 {
		return 0
	}
	if holidayPrefix(f.text, f.tk(i-1)) || pressSuffix(f.text, f.tk(i+1)) {
		return 0
	}
	k := i + 1
	if f.isPunct(k, ',') {
		k++
	}
	if mode == modeTense && f.tk(i+1).flags&fNewline == 0 && f.tk(k).flags&fNewline == 0 {
		if c1, c2, end, ok := f.parseMonthFirst(k); ok {
			f.emitDay(from, end, c1, c2)
			return end - from
		}
		if f.dayNumAt(k) > 0 {
			if c1, c2, end, ok := f.parseDayFirst(k); ok {
				f.emitDay(from, end, c1, c2)
				return end - from
			}
		}
	}
	c := f.resolveWeekday(int(t.val), mode, from, i+1)
	if p := f.tk(i + 1); p.kind == tWord && p.wk == kPartDay {
		f.emitTime(from, i+2, c, "T"+partCode[p.val], true)
		return i + 2 - from
	}
	f.emitDate(from, i+1, c, "")
	return i + 1 - from
}

// resolveWeekday places weekday wd relative to the reference.
func (f *finder) resolveWeekday(wd, mode, i, j int) cal {
	f.relative = true
	ref := f.ref
	rw := int(ref.Weekday())
	back := (rw - wd + 7) % 7
	fwd := (wd - rw + 7) % 7
	switch mode {
	case modeLast:
		if back == 0 {
			back = 7
		}
		return dayOf(ref.AddDate(0, 0, -back))
	case modeNext:
		if fwd == 0 {
			fwd = 7
		}
		return dayOf(ref.AddDate(0, 0, fwd))
	case modeThis:
		monday := ref.AddDate(0, 0, -((rw + 6) % 7))
		return dayOf(monday.AddDate(0, 0, (wd+6)%7))
	case modeComing:
		return dayOf(ref.AddDate(0, 0, fwd))
	}
	switch f.tense(i, j) {
	case tenseFuture:
		return dayOf(ref.AddDate(0, 0, fwd))
	case tenseNone:
		if f.futureBefore() {
			// "will hold talks in Warsaw on Thursday before travelling to
			// Bucharest on Friday": the verb's tense lies too far back,
			// but the day before it in the sentence is still to come.
			return dayOf(ref.AddDate(0, 0, fwd))
		}
	}
	return dayOf(ref.AddDate(0, 0, -back))
}

// holidayPrefix tells whether word p names a holiday or an event with
// the following day name: Good Friday, Black Monday, Super Tuesday.
func holidayPrefix(text string, p *token) bool {
	if p.kind != tWord || p.flags&fCap == 0 {
		return false
	}
	switch text[p.s:p.e] {
	case "Good", "Black", "Super", "Bloody", "Cyber", "Ash", "Holy", "Easter", "Palm",
		"Shrove", "Maundy", "Blue", "Giving", "Small", "Patriots":
		return true
	}
	return false
}

// pressSuffix tells whether word n makes the day name before it part of a
// title: the Sunday Times, Saturday Night Live.
func pressSuffix(text string, n *token) bool {
	if n.kind != tWord || n.flags&fCap == 0 {
		return false
	}
	switch text[n.s:n.e] {
	case "Times", "Telegraph", "Mirror", "Express", "Post", "Herald", "Mail", "Independent",
		"Star", "Tribune", "Observer", "People", "Sport", "Review", "League", "School",
		"Service", "Agreement", "Mass", "Edition", "Magazine", "Show", "Club", "Paper",
		"Night", "Morning", "Business", "World", "Sun", "Record", "Journal", "Globe":
		return true
	}
	return false
}

// futureBefore reports whether the last date found so far in the sentence
// lies after the reference day.
func (f *finder) futureBefore() bool {
	out := f.out[f.sentOut:]
	if len(out) == 0 {
		return false
	}
	e := out[len(out)-1]
	return e.Type == TypeDate && e.Precision == PrecisionDay && e.Start.After(f.ref)
}
