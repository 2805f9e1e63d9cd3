package quantity

import "github.com/sitrep-project/sitrep/internal/text"

// phrase is a figure with what is written right against it: a currency
// sign or code before it, a unit, currency name or percent sign after.
type phrase struct {
	c      core
	s, e   int
	kind   Kind
	lo, hi float64
	cur    string
	unit   string
	tailed bool // a unit, currency or percent follows the figure
}

// phrase reads what is glued to a figure before deciding anything about its
// wider context, because a sign or unit settles the kind outright: "$5" is
// money whatever surrounds it. floor keeps a range's second half from
// taking tokens of the first; inMoney says the figure is the second half
// of a money range, where a bare "m" can only be millions ("€40-50m").
func (w *win) phrase(c core, floor int, inMoney bool) phrase {
	p := phrase{c: c, s: c.i, e: c.j, kind: KindCount, lo: c.lo, hi: c.hi}
	if c.ord {
		p.kind = KindOrdinal
		return p
	}
	if code, st, ok := w.curBefore(c.i, floor); ok {
		p.kind, p.cur, p.s = KindMoney, code, st
	}
	e := c.j
	if c.mAmbig || c.bAmbig {
		million := p.kind == KindMoney || inMoney
		if !million {
			_, _, million = w.curAfter(e, true, false)
		}
		if !million && c.mAmbig && w.has(e) && w.sp(e) {
			if _, _, ok := w.unitAt(e); ok {
				million = true
			} else if w.lowerWord(e) {
				_, metre := lookup(metreFollowers, w.wstr(e))
				million = !metre
			}
		}
		if !million {
			if c.bAmbig {
				p.kind = KindID
				return p
			}
			p.kind, p.unit, p.tailed = KindMeasure, "metre", true
			p.lo, p.hi = c.base, c.base
			return p
		}
	}
	if p.kind == KindMoney {
		return p
	}
	if pe, unit, ok := w.percentAt(e); ok {
		p.kind, p.unit, p.e, p.tailed = KindPercent, unit, pe, true
		return p
	}
	if code, ce, ok := w.curAfter(e, c.hasMag, c.vague); ok {
		p.kind, p.cur, p.e, p.tailed = KindMoney, code, ce, true
		return p
	}
	if c.plural {
		// "1990s", "the 40s"; other plural figures name: "747s".
		if c.plain && (c.ndig == 4 || c.ndig == 2) {
			return w.decadePhrase(p, e)
		}
		j := e
		for w.glued(j) && (w.word(j) && !w.clitic(j) || w.num(j)) {
			j++
		}
		p.kind, p.e = KindID, j
		return p
	}
	if c.num && !c.hasMag && w.word(e) && w.glued(e) && !w.clitic(e) {
		switch s := w.str(e); {
		case s == "am" || s == "pm" || s == "AM" || s == "PM":
			return w.timePhrase(p, e)
		}
		if u, n, ok := w.unitAt(e); ok {
			return w.unitPhrase(p, u, e, n, false)
		}
		// Other letters glued to the digits make a name: "5G", "3D".
		j := e + 1
		for w.glued(j) && (w.word(j) && !w.clitic(j) || w.num(j)) {
			j++
		}
		p.kind, p.e = KindID, j
		return p
	}
	if c.num && c.plain && c.ndig == 4 && c.lo < 2400 && int(c.lo)%100 < 60 && w.word(e) {
		// Military time: "0600 GMT", "at 0400 hours", "1500 hrs EST".
		hrs := w.isw(e, "hours") || w.isw(e, "hrs")
		if w.timeZone(e) || (hrs && (c.lead0 || w.timeZone(e+1))) {
			v := float64(int(c.lo)/100) + float64(int(c.lo)%100)/60
			p.kind, p.lo, p.hi, p.e = KindTime, v, v, e+1
			if hrs && w.timeZone(e+1) {
				p.e++
			}
			return p
		}
	}
	k := e
	hy := w.hyphen(k)
	if hy {
		k++
	}
	if u, n, ok := w.unitAt(k); ok {
		return w.unitPhrase(p, u, k, n, hy)
	}
	if c.vague && w.isw(e, "of") {
		if u, n, ok := w.unitAt(e + 1); ok && u.kind == KindMeasure {
			p.kind, p.unit, p.e, p.tailed = u.kind, u.unit, e+1+n, true
			return p
		}
	}
	if !c.hasMag && !c.vague && c.lo > 0 && c.lo < 13 && w.meridiemAt(e) {
		return w.timePhrase(p, e)
	}
	if (w.isw(e, "o'clock") || w.isw(e, "o’clock")) && !c.hasMag && c.lo <= 12 {
		p.kind, p.e = KindTime, e+1
		return p
	}
	return p
}

// unitPhrase gives a figure its unit; ages are durations followed by "old".
func (w *win) unitPhrase(p phrase, u unitInfo, k, n int, hy bool) phrase {
	p.kind, p.unit, p.e, p.tailed = u.kind, u.unit, k+n, true
	switch u.unit {
	case "year", "month", "week", "day":
		// "a 63-year-old", "a three-month-old baby", "40 years old".
		e := k + n
		switch {
		case hy && w.hyphen(e) && w.isw(e+1, "old"):
			p.kind, p.e = KindAge, e+2
		case !hy && w.isw(e, "old"):
			p.kind, p.e = KindAge, e+1
		case !hy && u.unit == "year" && w.isw(e, "of") && w.isw(e+1, "age"):
			p.kind, p.e = KindAge, e+2
		}
	}
	return p
}

// timeZone reports whether token i names a time zone: "GMT", "gmt", "CET".
// Two-letter zones count only in capitals, as "et" and "pt" are words.
func (w *win) timeZone(i int) bool {
	if !w.word(i) {
		return false
	}
	s := w.wstr(i)
	if _, ok := timeZones[s]; ok {
		return true
	}
	if len(s) < 3 || len(s) > 4 {
		return false
	}
	var buf [4]byte
	for k := 0; k < len(s); k++ {
		c := s[k]
		if c >= 'a' && c <= 'z' {
			c -= 'a' - 'A'
		}
		buf[k] = c
	}
	_, ok := timeZones[string(buf[:len(s)])]
	return ok
}

// meridiemAt reports whether "am", "pm", "a.m." or "p.m." is at e.
func (w *win) meridiemAt(e int) bool {
	if w.isw(e, "pm") || (w.isw(e, "am") && w.str(e) != "Am") {
		return true
	}
	return w.isw(e, "p.m") || w.isw(e, "a.m")
}

// timePhrase makes a clock time of a figure followed by am or pm.
func (w *win) timePhrase(p phrase, e int) phrase {
	c := p.c
	v := c.lo
	if c.dexp == 2 {
		// "5.30am": the decimals are minutes.
		h := float64(int(c.lo))
		v = h + (c.lo-h)*100/60
	}
	end, v := w.meridiem(e, v)
	p.kind, p.lo, p.hi, p.e = KindTime, v, v, end
	return p
}

// decadePhrase reads "1990s" (one token) as a decade and "his 40s" as an
// age band; e is the token after it.
func (w *win) decadePhrase(p phrase, e int) phrase {
	c := p.c
	v := c.lo
	p.e = e
	if int(v)%10 != 0 {
		p.kind = KindID
		return p
	}
	if c.ndig == 2 {
		switch {
		case w.isw(c.i-1, "his") || w.isw(c.i-1, "her") || w.isw(c.i-1, "their") || w.isw(c.i-1, "my") || w.isw(c.i-1, "your"):
			p.kind, p.unit, p.lo, p.hi = KindAge, "year", v, v+9
			return p
		default:
			v += 1900
		}
	}
	p.kind, p.lo, p.hi = KindYear, v, v+9
	return p
}

// unitAt reads a unit name at k and returns how many tokens it takes.
func (w *win) unitAt(k int) (unitInfo, int, bool) {
	if !w.word(k) {
		return unitInfo{}, 0, false
	}
	s := w.wstr(k)
	switch {
	case eqFold(s, "metric"):
		if u, ok := wlookup(w, unitWords, k+1); ok && u.unit == "tonne" {
			return u, 2, true
		}
		return unitInfo{}, 0, false
	case eqFold(s, "square") || eqFold(s, "sq"):
		j := k + 1
		if w.sym(j, ".") && w.glued(j) {
			j++
		}
		if u, n, ok := w.unitAt(j); ok && u.kind == KindMeasure {
			switch u.unit {
			case "km", "metre", "mile", "foot", "cm":
				return unitInfo{KindMeasure, "square " + u.unit}, j - k + n, true
			}
		}
		return unitInfo{}, 0, false
	case eqFold(s, "cubic"):
		if u, n, ok := w.unitAt(k + 1); ok && (u.unit == "metre" || u.unit == "foot") {
			return unitInfo{KindMeasure, "cubic " + u.unit}, 1 + n, true
		}
		return unitInfo{}, 0, false
	case eqFold(s, "nautical"):
		if w.isw(k+1, "miles") || w.isw(k+1, "mile") {
			return unitInfo{KindMeasure, "nautical mile"}, 2, true
		}
		return unitInfo{}, 0, false
	}
	if s == "km2" || s == "m2" && !w.sp(k) {
		// "km2" is one token: the letters and the digit of a square.
		a := unitAbbr[s[:len(s)-1]]
		return unitInfo{KindMeasure, "square " + a.unit}, 1, true
	}
	if a, ok := unitAbbr[s]; ok && (!a.glued || !w.sp(k)) {
		if (s == "km" || s == "m") && w.glued(k+1) && (w.str(k+1) == "2" || w.str(k+1) == "²") {
			return unitInfo{KindMeasure, "square " + a.unit}, 2, true
		}
		if s == "km" && w.sym(k+1, "/") && w.glued(k+1) && w.isw(k+2, "h") && w.glued(k+2) {
			return unitInfo{KindMeasure, "km/h"}, 3, true
		}
		return a.unitInfo, 1, true
	}
	if s == "m" && !w.sp(k) {
		return unitInfo{KindMeasure, "metre"}, 1, true
	}
	if u, ok := lookup(unitWords, s); ok {
		return u, 1, true
	}
	return unitInfo{}, 0, false
}

// percentAt reads "%", "per cent", "percent", "percentage points" at e.
func (w *win) percentAt(e int) (int, string, bool) {
	k := e
	if w.hyphen(k) {
		k++
	}
	switch {
	case w.sym(k, "%"):
		return k + 1, "", true
	case w.isw(k, "percent") || w.isw(k, "pct") || (w.isw(k, "pc") && w.glued(k) && k == e):
		return k + 1, "", true
	case w.isw(k, "per") && w.isw(k+1, "cent"):
		return k + 2, "", true
	case w.isw(k, "per") && w.hyphen(k+1) && w.isw(k+2, "cent"):
		return k + 3, "", true
	case w.isw(k, "percentage") && (w.isw(k+1, "point") || w.isw(k+1, "points")):
		return k + 2, "percentage point", true
	case w.isw(k, "basis") && (w.isw(k+1, "point") || w.isw(k+1, "points")):
		return k + 2, "basis point", true
	}
	return 0, "", false
}

// curBefore reads a currency sign or code written before the figure at i:
// "$", "US$", "A$", "€", "CHF", "SEK".
func (w *win) curBefore(i, floor int) (string, int, bool) {
	j := i - 1
	if j < floor || j < 0 || !w.has(j) {
		return "", 0, false
	}
	s := w.wstr(j)
	switch w.t[j].Kind {
	case text.KindPunct, text.KindSymbol:
		code, ok := currencySigns[s]
		if !ok {
			if s == "." && w.glued(j) && w.isw(j-1, "rs") && j-1 >= floor {
				return "INR", j - 1, true
			}
			return "", 0, false
		}
		st := j
		if s == "$" && w.glued(j) && j-1 >= floor {
			if w.word(j - 1) {
				if pc, ok := dollarPrefix[w.str(j-1)]; ok {
					code, st = pc, j-1
				}
			} else if w.isw(j-1, "u.s.") && j-1 >= floor {
				code, st = "USD", j-1
			}
		}
		return code, st, true
	case text.KindWord:
		if _, ok := isoCodes[s]; ok && w.sp(i) {
			if a, ok := isoAlias[s]; ok {
				return a, j, true
			}
			return s, j, true
		}
		if s == "Rs" {
			return "INR", j, true
		}
	}
	return "", 0, false
}

// curAfter reads a currency written after the figure: "60 million CHF",
// "350 million dollars", "70 million Australian dollars", "500 €".
func (w *win) curAfter(e int, hasMag, vague bool) (string, int, bool) {
	k := e
	if vague && w.isw(k, "of") {
		k++
	}
	if !w.has(k) {
		return "", 0, false
	}
	s := w.wstr(k)
	switch w.t[k].Kind {
	case text.KindWord:
		if _, ok := isoCodes[s]; ok {
			if a, ok := isoAlias[s]; ok {
				return a, k + 1, true
			}
			return s, k + 1, true
		}
	case text.KindPunct, text.KindSymbol:
		if code, ok := currencySigns[s]; ok && s != "$" {
			return code, k + 1, true
		}
		return "", 0, false
	}
	adj, sawAdj := "", false
	for j, n := k, 0; n < 6 && w.has(j); n++ {
		if w.sym(j, ".") && n > 0 && w.glued(j) {
			j++
			continue
		}
		if !w.word(j) {
			break
		}
		if cw, ok := wlookup(w, currencyWords, j); ok {
			end := j + 1
			sterling := w.isw(j+1, "sterling")
			if cw.needMag && !hasMag && !sawAdj && !sterling && !vague {
				break
			}
			if sterling {
				end++
			}
			code := cw.code
			if adj != "" {
				code = adj
			}
			return code, end, true
		}
		a, ok := wlookup(w, currencyAdj, j)
		if !ok || !w.upperInitial(j) {
			break
		}
		if a != "" {
			adj = a
		}
		sawAdj = true
		j++
	}
	return "", 0, false
}

// span2 is a range read after a first figure.
type span2 struct {
	e      int
	lo, hi float64
	kind   Kind
	cur    string
	unit   string
	approx bool
	and    bool
	years  bool
}

func yearLike(c core) bool {
	return c.num && c.plain && c.ndig == 4 && c.lo >= 1800 && c.lo <= 2100
}

// rangeAfter reads the second half of "20 to 30", "20-30", "$20-30
// million", "between 20 and 30", "two or three".
func (w *win) rangeAfter(p phrase, between bool) (span2, bool) {
	var r span2
	if p.c.vague || p.c.ord || p.c.lead0 {
		return r, false
	}
	switch p.kind {
	case KindCount, KindMoney, KindPercent, KindMeasure, KindDuration, KindAge:
	default:
		return r, false
	}
	k := p.e
	conn := ""
	switch {
	case w.dash(k) && ((w.glued(k) && w.glued(k+1)) || w.str(k) == "–"):
		conn = "-"
	case w.isw(k, "to"):
		conn = "to"
	case w.isw(k, "and") && between:
		conn = "and"
	case w.isw(k, "or"):
		conn = "or"
	default:
		return r, false
	}
	c2, ok := w.coreAfter(k + 1)
	if !ok || c2.vague || c2.ord || c2.lead0 {
		return r, false
	}
	if conn == "-" && w.dash(c2.j) && w.glued(c2.j) && w.num(c2.j+1) {
		return r, false
	}
	p2 := w.phrase(c2, k+1, p.kind == KindMoney)
	r.kind, r.cur, r.unit = p.kind, p.cur, p.unit
	r.lo, r.hi = p.lo, p2.hi
	// A first figure without a scale takes the second's: "20 to 30 million".
	scaled := func() {
		if !p.c.hasMag && p2.c.hasMag && p.c.base < p2.c.base {
			r.lo = scaleVal(p.c.mant, p.c.dexp, p2.c.mag)
		}
	}
	switch {
	case p.kind == KindCount && p2.kind == KindCount && yearLike(p.c) && conn == "-" && c2.num && c2.plain && c2.ndig == 2:
		r.hi = float64(int(p.lo)/100*100) + c2.lo
		r.years = true
	case p.kind == KindCount && p2.kind == KindCount && yearLike(p.c) && yearLike(c2):
		r.years = true
	case p.kind == KindCount && p2.kind != KindCount:
		switch p2.kind {
		case KindMoney, KindPercent, KindMeasure, KindDuration, KindAge:
		default:
			return r, false
		}
		r.kind, r.cur, r.unit = p2.kind, p2.cur, p2.unit
		scaled()
	case p.kind == KindMoney && p2.kind == KindCount && p.s < p.c.i:
		// "$20-30 million": the sign before the first figure serves both.
		scaled()
	case p.kind == p2.kind:
		if p.cur != p2.cur || p.unit != p2.unit {
			return r, false
		}
		scaled()
	default:
		return r, false
	}
	if !p.c.hasMag && p2.c.hasMag && p.c.base >= p2.c.base {
		return r, false // "in 1986 to 11.4 billion": two figures, not a range
	}
	if !(r.hi > r.lo) {
		return r, false
	}
	if conn == "to" || conn == "-" {
		// "rose from 116 million AUD to 165 million AUD" is a change.
		if w.isw(p.s-1, "from") {
			if p.tailed && p2.tailed {
				return r, false
			}
			for b := p.s - 2; b >= 0 && b >= p.s-5; b-- {
				if _, ok := wlookup(w, changeVerbs, b); ok {
					return r, false
				}
			}
		}
	}
	r.e = p2.e
	r.approx = conn == "or"
	r.and = conn == "and"
	return r, true
}

// coreAfter reads the second figure of a range at k, with its own
// currency sign if it has one.
func (w *win) coreAfter(k int) (core, bool) {
	j := k
	if w.has(j) && w.isSym(j) {
		if _, ok := currencySigns[w.str(j)]; ok {
			j++
		}
	} else if w.word(j) {
		if _, ok := isoCodes[w.str(j)]; ok {
			j++
		} else if _, ok := dollarPrefix[w.str(j)]; ok && w.sym(j+1, "$") && w.glued(j+1) {
			j += 2
		}
	}
	if w.num(j) {
		if w.glued(j+1) && (w.sym(j+1, ":") || w.sym(j+1, "/")) {
			return core{}, false
		}
		return w.digitCore(j)
	}
	if j == k {
		if inf, ok := wlookup(w, numWords, j); ok && (inf.c == wUnit || inf.c == wTens) {
			return w.spelledCore(j)
		}
	}
	return core{}, false
}

// monthAt reports whether token i is a capitalised month name, or its
// abbreviation with the full stop the tokeniser keeps on it ("Sept.").
func (w *win) monthAt(i int) bool {
	if !w.upperInitial(i) {
		return false
	}
	s := w.str(i)
	if len(s) > 3 && s[len(s)-1] == '.' {
		s = s[:len(s)-1]
	}
	_, ok := lookup(months, s)
	return ok
}

// abbrevMonth reports whether the month name at i is cut short ("Sept"),
// so that a point after it belongs to it.
func (w *win) abbrevMonth(i int) bool {
	s := w.str(i)
	return len(s) <= 4 && s[len(s)-1] != '.' && !eqFold(s, "may") && !eqFold(s, "june") && !eqFold(s, "july")
}

// dateAround makes a day figure into a date when a month name is next to
// it: "March 3", "3 March", "24th of February", "March 3-8", "Sep 30, 2022".
func (w *win) dateAround(r res, c core) (res, bool) {
	if !c.num || !(c.plain || c.ord) || c.ndig > 2 || c.hasMag || c.dexp > 0 || r.lo < 1 || r.hi > 31 {
		return r, false
	}
	s, e := r.s, r.e
	before := false
	switch {
	case w.monthAt(c.i - 1):
		s, before = min(s, c.i-1), true
	case w.sym(c.i-1, ".") && w.glued(c.i-1) && w.monthAt(c.i-2):
		s, before = min(s, c.i-2), true
	}
	if !before {
		switch {
		case w.monthAt(e):
			e++
		case c.ord && w.isw(e, "of") && w.monthAt(e+1):
			e += 2
		default:
			return r, false
		}
		if w.sym(e, ".") && w.glued(e) && w.abbrevMonth(e-1) {
			e++
		}
	}
	k := e
	if w.sym(k, ",") {
		k++
	}
	if w.num(k) {
		runsOn := w.glued(k+1) && (w.num(k+1) || w.word(k+1) || w.dash(k+1))
		if y, _, f := parseDigits(w.str(k)); f.plain && f.ndig == 4 && y >= 1800 && y <= 2100 && !runsOn {
			e = k + 1
		}
	}
	return res{kind: KindDate, s: s, e: e, lo: r.lo, hi: r.hi, hasLo: true, hasHi: true}, true
}

// hedgeBefore finds the longest hedge that ends right before token i.
func (w *win) hedgeBefore(i int) (int, hclass) {
	j := i - 1
	if !w.has(j) {
		return 0, hNone
	}
	var ix []int
	switch w.t[j].Kind {
	case text.KindWord:
		ix, _ = lookup(hedgeByLast, w.str(j))
	case text.KindPunct, text.KindSymbol:
		ix = hedgeByLast[w.str(j)]
	}
	for _, h := range ix {
		words := hedges[h].words
		st := j - len(words) + 1
		if st < w.lo {
			continue
		}
		ok := true
		for q, hw := range words {
			t := st + q
			if w.isSym(t) {
				ok = w.str(t) == hw
			} else {
				ok = eqFold(w.str(t), hw)
			}
			if !ok {
				break
			}
		}
		if ok {
			return st, hedges[h].c
		}
	}
	return 0, hNone
}

// hedgeAfter finds a hedge written after the figure: "2,000-odd", "500 or
// so", "1,000+", "ten or more".
func (w *win) hedgeAfter(e int) (int, int, hclass) {
	switch {
	case w.hyphen(e) && w.isw(e+1, "odd"):
		return e + 1, e + 2, hApprox
	case w.hyphen(e) && w.isw(e+1, "plus"):
		return e + 1, e + 2, hLower
	case w.sym(e, "+") && w.glued(e):
		return e, e + 1, hLower
	case w.isw(e, "odd") && !w.glued(e):
		return e, e + 1, hApprox
	case w.isw(e, "or") && w.isw(e+1, "so"):
		return e, e + 2, hApprox
	case w.isw(e, "or") && (w.isw(e+1, "more") || w.isw(e+1, "above") || w.isw(e+1, "over") || w.isw(e+1, "greater")):
		return e, e + 2, hLower
	case w.isw(e, "or") && (w.isw(e+1, "fewer") || w.isw(e+1, "less") || w.isw(e+1, "under") || w.isw(e+1, "below")):
		return e, e + 2, hUpper
	case w.isw(e, "plus") && !w.num(e+1) && w.lowerWord(e+1):
		if _, ok := wlookup(w, numWords, e+1); !ok {
			return e, e + 1, hLower
		}
	}
	return 0, 0, hNone
}

// finish reads the context of a figure: currency, unit, range, date,
// hedges, and the words that make it an age, a name or a year.
func (w *win) finish(c core) (res, bool) {
	p := w.phrase(c, 0, false)
	r := res{kind: p.kind, s: p.s, e: p.e, lo: p.lo, hi: p.hi, hasLo: true, hasHi: true,
		approx: c.vague, currency: p.cur, unit: p.unit}
	switch p.kind {
	case KindID, KindModel:
		r.hasLo, r.hasHi = false, false
		return r, true
	case KindTime, KindYear:
		return r, true
	case KindOrdinal:
		if d, ok := w.dateAround(r, c); ok {
			return d, true
		}
		return r, true
	}
	between := w.isw(p.s-1, "between") || (w.monthAt(c.i-1) && w.isw(c.i-2, "between"))
	ranged, years := false, false
	if q, ok := w.rangeAfter(p, between); ok {
		ranged, years = true, q.years
		r.e, r.lo, r.hi, r.kind, r.currency, r.unit = q.e, q.lo, q.hi, q.kind, q.cur, q.unit
		r.approx = r.approx || q.approx
		if q.and {
			if w.isw(r.s-1, "between") {
				r.s--
			}
		}
	}
	if r.kind == KindCount {
		if d, ok := w.dateAround(r, c); ok {
			if ranged && w.isw(d.s-1, "between") {
				d.s--
			}
			return d, true
		}
		if years {
			r.kind = KindYear
			return r, true
		}
		if !ranged && c.num && c.plain && !c.lead0 {
			if k, s, ok := w.nameBefore(c.i); ok {
				r.kind, r.s = k, s
				if k != KindOrdinal {
					r.hasLo, r.hasHi = false, false
				}
				return r, true
			}
		}
	}
	if hs, hc := w.hedgeBefore(r.s); hc != hNone {
		r.hedgeS, r.hedgeE = hs, r.s
		r.s = hs
		w.applyHedge(&r, hc)
	}
	if r.kind == KindCount || (r.kind == KindDuration && r.unit == "year") {
		if _, ok := wlookup(w, ageCues, r.s-1); ok {
			r.kind, r.unit, r.s = KindAge, "year", r.s-1
		} else if w.isw(r.s-1, "of") && w.isw(r.s-2, "age") {
			r.kind, r.unit, r.s = KindAge, "year", r.s-2
		}
	}
	if r.hedgeE == r.hedgeS {
		if hs, he, hc := w.hedgeAfter(r.e); hc != hNone {
			r.hedgeS, r.hedgeE = hs, he
			r.e = he
			w.applyHedge(&r, hc)
		}
	}
	if r.kind == KindCount && c.num {
		switch {
		case !ranged && yearLike(c) && w.yearContext(c, r):
			r.kind = KindYear
		case c.lead0 && !ranged:
			r.kind, r.hasLo, r.hasHi = KindID, false, false
		case c.plain && c.ndig >= 9:
			r.kind, r.hasLo, r.hasHi = KindID, false, false
		case c.frac3 && !c.hasMag && !ranged && w.lowerWord(r.e):
			// "1.536 food packages": a point used to group thousands.
			r.lo, r.hi = c.mant, c.mant
		}
	}
	return r, true
}

// applyHedge opens the bound the hedge leaves uncertain.
func (w *win) applyHedge(r *res, hc hclass) {
	r.approx = true
	switch hc {
	case hLower:
		r.hasHi = false
	case hUpper:
		r.hasLo = false
	}
}

// nameBefore finds a word that makes the plain number at i a name or a
// place in a sequence: "Resolution 2623", "No. 10", "Leopard 2", "day 130".
func (w *win) nameBefore(i int) (Kind, int, bool) {
	j := i - 1
	if !w.has(j) || j < 0 {
		return "", 0, false
	}
	if w.sym(j, ".") && w.glued(j) && (w.isw(j-1, "no") || w.isw(j-1, "nos") || w.isw(j-1, "art") || w.isw(j-1, "vol") || w.isw(j-1, "p") || w.isw(j-1, "pp")) {
		return KindID, j - 1, true
	}
	// The tokeniser keeps the full stop of these abbreviations: "No." "Art."
	if w.isw(j, "no.") || w.isw(j, "nos.") || w.isw(j, "art.") || w.isw(j, "vol.") || w.isw(j, "pp.") {
		return KindID, j, true
	}
	if !w.word(j) {
		return "", 0, false
	}
	s := w.str(j)
	if _, ok := modelFamilies[s]; ok {
		return KindModel, j, true
	}
	if _, ok := lookup(idNouns, s); ok {
		switch {
		case eqFold(s, "no") || eqFold(s, "number") || eqFold(s, "bill") || eqFold(s, "law") || eqFold(s, "code") ||
			eqFold(s, "lot") || eqFold(s, "box") || eqFold(s, "part") || eqFold(s, "camp") || eqFold(s, "line") ||
			eqFold(s, "level") || eqFold(s, "unit") || eqFold(s, "block") || eqFold(s, "cell") || eqFold(s, "exit") ||
			eqFold(s, "plot") || eqFold(s, "corps") || eqFold(s, "grid") || eqFold(s, "ref") || eqFold(s, "aid") ||
			eqFold(s, "source"):
			if !w.upperInitial(j) {
				return "", 0, false
			}
		}
		return KindID, j, true
	}
	if _, ok := lookup(ordinalNouns, s); ok {
		return KindOrdinal, j, true
	}
	return "", 0, false
}

// yearFollowers are words after which a bare four-digit number is still a
// year even when hedged: "around 2010 and".
var yearFollowers = map[string]struct{}{
	"and": {}, "or": {}, "but": {}, "when": {}, "after": {}, "before": {}, "to": {}, "in": {},
	"on": {}, "at": {}, "as": {}, "with": {}, "that": {}, "which": {}, "the": {}, "a": {},
	"for": {}, "by": {}, "was": {}, "is": {}, "were": {}, "are": {}, "had": {}, "has": {},
	"have": {}, "will": {}, "would": {}, "saw": {}, "while": {}, "until": {}, "onwards": {},
	"onward": {}, "levels": {}, "level": {},
}

// yearContext decides whether a bare four-digit number is a year.
func (w *win) yearContext(c core, r res) bool {
	e := r.e
	if _, ok := wlookup(w, yearCues, c.i-1); ok {
		return true // "in 2014 T-72s crossed"
	}
	if w.monthAt(c.i-1) || w.sym(c.i-1, ",") && w.num(c.i-2) {
		return true
	}
	if w.word(e) && (hasDigit(w.str(e)) || w.glued(e+1) && (w.num(e+1) || (w.dash(e+1) && w.num(e+2)))) {
		return false // "4500 M72 launchers"
	}
	if r.hedgeE > r.hedgeS && w.lowerWord(e) {
		if _, ok := wlookup(w, yearFollowers, e); !ok {
			return false
		}
	}
	return true
}
