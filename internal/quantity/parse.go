package quantity

import "strings"

// core is a bare figure: digits with their scale word ("1.2 million",
// "$350m" without the sign) or number words ("twenty-one", "a dozen",
// "hundreds of thousands").
type core struct {
	i, j    int     // token span [i, j)
	lo, hi  float64 // equal unless vague
	mant    float64 // the digits as an integer, before the decimal point is placed
	dexp    int     // digits after the decimal point
	base    float64 // value before the scale word
	mag     float64 // scale word applied; 1 when none
	hasMag  bool
	num     bool // written in digits
	plain   bool // digits only: no separators, point or scale word
	ndig    int  // digit count of a plain number
	lead0   bool // a plain number with a leading zero: "007"
	frac3   bool // one point and three digits after it: "1.536"
	spelled bool
	vague   bool
	ord     bool
	mAmbig  bool // a glued "m": million or metres
	bAmbig  bool // a glued "b": billion only next to a currency
}

var pow10 = [...]float64{1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18}

// scaleVal places the decimal point and applies the scale in the order
// that keeps whole amounts exact: 2.197 million is 2197 × 1000.
func scaleVal(mant float64, dexp int, mag float64) float64 {
	if dexp >= len(pow10) {
		return 0
	}
	p := pow10[dexp]
	if mag >= p {
		return mant * (mag / p)
	}
	return mant * mag / p
}

type numFmt struct {
	ok, plain, frac3, lead0 bool
	ndig                    int
}

// parseDigits reads a digit token: "2,000", "1.5", "1.000.000".
func parseDigits(s string) (mant float64, dexp int, f numFmt) {
	dots, commas := 0, 0
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '.':
			dots++
		case ',':
			commas++
		}
	}
	f.plain = dots == 0 && commas == 0
	if f.plain {
		f.ndig = len(s)
		f.lead0 = len(s) > 1 && s[0] == '0'
	}
	if dots >= 2 {
		// Points as thousands separators ("1.000.000") or a date.
		if commas > 0 {
			return 0, 0, f
		}
		g := 0
		for i := 0; i < len(s); i++ {
			if s[i] == '.' {
				if (g == 0 && i > 3) || (g > 0 && i-g != 3) || i == 0 {
					return 0, 0, f
				}
				g = i + 1
				continue
			}
			mant = mant*10 + float64(s[i]-'0')
		}
		if len(s)-g != 3 {
			return 0, 0, f
		}
		f.ok = true
		return mant, 0, f
	}
	afterDot := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '.':
			afterDot = true
		case c == ',':
		default:
			mant = mant*10 + float64(c-'0')
			if afterDot {
				dexp++
			}
		}
	}
	f.frac3 = dots == 1 && commas == 0 && dexp == 3 && s[0] != '0'
	f.ok = true
	return mant, dexp, f
}

// digitCore reads the figure at token i, a digit token.
func (w *win) digitCore(i int) (core, bool) {
	mant, dexp, f := parseDigits(w.str(i))
	if !f.ok {
		return core{}, false
	}
	c := core{i: i, j: i + 1, mag: 1, num: true, plain: f.plain, ndig: f.ndig, lead0: f.lead0, frac3: f.frac3}
	// Thousands grouped by spaces: "10 000", "1 200 000".
	if f.plain && f.ndig <= 3 && !f.lead0 && !w.monthAt(i-1) {
		for w.num(c.j) && w.t[c.j].sp && w.thinGap(c.j) {
			g := w.str(c.j)
			if len(g) != 3 || !allDigits(g) || (w.glued(c.j+1) && !w.word(c.j+1) && !w.sym(c.j+1, "%")) {
				break
			}
			mant = mant*1000 + float64(int(g[0]-'0')*100+int(g[1]-'0')*10+int(g[2]-'0'))
			c.j++
			c.plain, c.ndig = false, 0
		}
	}
	mag := 1.0
	if w.word(c.j) {
		s := w.str(c.j)
		if w.glued(c.j) {
			switch s {
			case "k", "K":
				mag = 1e3
			case "m":
				mag, c.mAmbig = 1e6, true
			case "M", "mn", "mln", "Mn", "MN", "mio":
				mag = 1e6
			case "bn", "bln", "Bn", "BN":
				mag = 1e9
			case "b", "B":
				mag, c.bAmbig = 1e9, true
			case "tn", "trn", "trln", "Tn":
				mag = 1e12
			default:
				if inf, ok := lookup(numWords, s); ok && (inf.c == wScale || inf.c == wHundred) {
					mag = inf.v
				}
			}
		} else {
			switch s {
			case "mn", "mln", "Mn":
				mag = 1e6
			case "bn", "bln", "Bn":
				mag = 1e9
			case "tn", "trn":
				mag = 1e12
			default:
				if inf, ok := lookup(numWords, s); ok && (inf.c == wScale || inf.c == wHundred || inf.c == wDozen) {
					mag = inf.v
				}
			}
		}
		if mag > 1 {
			c.j++
			c.hasMag = true
			if mag == 100 {
				if inf, ok := wlookup(w, numWords, c.j); ok && inf.c == wScale && w.t[c.j].sp {
					mag *= inf.v
					c.j++
				}
			}
		}
	}
	c.mant, c.dexp, c.mag = mant, dexp, mag
	c.base = scaleVal(mant, dexp, 1)
	v := scaleVal(mant, dexp, mag)
	c.lo, c.hi = v, v
	if c.hasMag {
		c.plain = false
	}
	if !c.hasMag && dexp == 0 && w.glued(c.j) && w.word(c.j) {
		switch strings.ToLower(w.str(c.j)) {
		case "st", "nd", "rd", "th":
			c.ord = true
			c.j++
		}
	}
	return c, true
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if !isDigit(s[i]) {
			return false
		}
	}
	return s != ""
}

// thinGap reports whether token i is set off from the one before by a
// single space, as digit groups are.
func (w *win) thinGap(i int) bool {
	g := w.text[w.t[i-1].e:w.t[i].s]
	return g == " " || g == "\u00a0" || g == "\u202f" || g == "\u2009"
}

// spelledCore reads number words from token i: "twenty-one", "a dozen",
// "half a million", "two hundred and fifty thousand", "hundreds of".
func (w *win) spelledCore(i int) (core, bool) {
	c := core{i: i, mag: 1, spelled: true}
	k := i
	lead := w.isw(k, "a") || w.isw(k, "an")
	if lead {
		k++
	}
	inf, ok := wlookup(w, numWords, k)
	if !ok {
		return c, false
	}
	switch inf.c {
	case wLink:
		return c, false
	case wHalf:
		if lead || !(w.isw(k+1, "a") || w.isw(k+1, "an")) {
			return c, false
		}
		if nx, ok := wlookup(w, numWords, k+2); ok && (nx.c == wScale || nx.c == wDozen || nx.c == wHundred) {
			return w.setCore(c, k+3, 0.5*nx.v, nx.v), true
		}
		return c, false
	case wQuarter:
		if !lead || !w.isw(k+1, "of") || !(w.isw(k+2, "a") || w.isw(k+2, "an")) {
			return c, false
		}
		if nx, ok := wlookup(w, numWords, k+3); ok && (nx.c == wScale || nx.c == wHundred) {
			return w.setCore(c, k+4, 0.25*nx.v, nx.v), true
		}
		return c, false
	case wVague:
		if lead {
			return c, false
		}
		return w.vagueCore(c, k, inf)
	case wFew:
		if inf.needA != lead {
			return c, false
		}
		return w.fewCore(c, k, inf)
	case wOrd:
		if lead {
			if w.isw(k+1, "of") {
				return c, false // "a third of": a share
			}
			c.i = k
		}
		c.ord = true
		return w.setCore(c, k+1, inf.v, 1), true
	}
	allowAnd := !w.isw(i-1, "between") && !w.isw(i-2, "between")
	total, cur, scale := 0.0, 0.0, 0.0
	const (
		lNone = iota
		lUnit
		lTens
		lHundred
		lScale
		lAnd
		lDozen
	)
	last := lNone
	start := k
loop:
	for w.word(k) {
		inf, ok := wlookup(w, numWords, k)
		if !ok {
			if allowAnd && (last == lHundred || last == lScale) && eqFold(w.str(k), "and") {
				if nx, ok := wlookup(w, numWords, k+1); ok && (nx.c == wUnit || nx.c == wTens) && nx.v > 0 {
					if nn, ok := wlookup(w, numWords, k+2); ok && nn.c == wHundred {
						break loop
					}
					last = lAnd
					k++
					continue
				}
			}
			break
		}
		first := k == start && lead
		switch inf.c {
		case wUnit:
			if last == lUnit || last == lDozen || (last == lTens && inf.v >= 10) || (inf.v == 0 && k != start) {
				break loop
			}
			cur += inf.v
			last = lUnit
		case wTens:
			if last == lUnit || last == lTens || last == lDozen {
				break loop
			}
			cur += inf.v
			last = lTens
			if w.hyphen(k + 1) {
				if nx, ok := wlookup(w, numWords, k+2); ok && nx.v >= 1 && nx.v <= 9 {
					switch nx.c {
					case wUnit:
						cur += nx.v
						k += 2
						last = lUnit
					case wOrd:
						cur += nx.v
						k += 3
						c.ord = true
						break loop
					}
				}
			}
		case wHundred:
			if cur == 0 {
				if !first {
					break loop
				}
				cur = 1
			}
			if cur >= 100 || last == lHundred {
				break loop
			}
			cur *= 100
			last = lHundred
		case wScale:
			if cur == 0 {
				if !first {
					break loop
				}
				cur = 1
			}
			if scale > 0 && inf.v >= scale {
				break loop
			}
			total += cur * inf.v
			cur = 0
			scale = inf.v
			last = lScale
			c.mag = inf.v
		case wDozen:
			if cur == 0 {
				if !first {
					break loop
				}
				cur = 1
			}
			if last == lDozen {
				break loop
			}
			cur *= 12
			last = lDozen
		default:
			break loop
		}
		k++
	}
	if k == start {
		return c, false
	}
	if last == lAnd {
		k--
	}
	v := total + cur
	if scale == 0 && w.word(k) && w.t[k].sp {
		// Wire style: "four mln", "two bn".
		switch w.str(k) {
		case "mln", "mn":
			v, c.mag = v*1e6, 1e6
			k++
		case "bn", "bln":
			v, c.mag = v*1e9, 1e9
			k++
		}
	}
	return w.setCore(c, k, v, c.mag), true
}

// setCore records a spelled value; base keeps the figure before its scale
// word so that "two to three million" can scale the first figure too.
func (w *win) setCore(c core, j int, v, mag float64) core {
	c.j = j
	c.lo, c.hi = v, v
	c.mant, c.base, c.mag = v, v, 1
	if mag > 1 {
		c.mag = mag
		c.hasMag = true
		c.base = v / mag
		c.mant = c.base
	}
	return c
}

// vagueCore reads "hundreds", "tens of thousands", "dozens".
func (w *win) vagueCore(c core, k int, inf wordInfo) (core, bool) {
	if inf.needOf && !w.isw(k+1, "of") {
		return c, false
	}
	lo, hi := inf.lo, inf.hi
	j := k + 1
	if w.isw(k+1, "of") {
		if nx, ok := wlookup(w, numWords, k+2); ok && nx.c == wVague && nx.v >= 1000 && nx.v > inf.v {
			lo, hi = inf.lo*nx.v, (inf.hi+1)*nx.v-1
			j = k + 3
		}
	}
	c.j = j
	c.lo, c.hi = lo, hi
	c.vague = true
	c.mag = 1
	return c, true
}

// fewCore reads "several", "a few", "a couple of", "a handful of", and
// "several hundred", "a few thousand".
func (w *win) fewCore(c core, k int, inf wordInfo) (core, bool) {
	if inf.needOf && !w.isw(k+1, "of") {
		return c, false
	}
	lo, hi := inf.lo, inf.hi
	j := k + 1
	prev := 0.0
	for {
		nx, ok := wlookup(w, numWords, j)
		if !ok || !(nx.c == wHundred || nx.c == wScale || nx.c == wDozen) || (prev > 0 && nx.v <= prev) {
			break
		}
		lo, hi = lo*nx.v, hi*nx.v
		prev = nx.v
		j++
	}
	c.j = j
	c.lo, c.hi = lo, hi
	c.vague = true
	c.mag = 1
	return c, true
}

// parseAt parses the mention whose first token starts at byte at, taking
// nothing before floor.
func parseAt(w *win, text string, at, floor int) (res, bool) {
	w.reset(text, at, floor)
	a := w.a
	if w.t[a].k == tWord {
		if w.glued(a+1) && (w.num(a+1) || (w.dash(a+1) && w.glued(a+2) && w.num(a+2))) {
			if w.modelWord(a) {
				return w.chain(a), true
			}
			return res{}, false
		}
		return w.spelledAt(a)
	}
	return w.digitsAt(a)
}

// modelWord reports whether the word at i, glued to digits, starts a
// designation: short ("T-72", "Mi-17", "TB2"), all capitals ("HIMARS"),
// a known family ("Zuzana-2") or a lower-case code ("covid19").
func (w *win) modelWord(i int) bool {
	s := w.str(i)
	if _, ok := idPrefixes[s]; ok {
		return true
	}
	if _, ok := modelFamilies[s]; ok {
		return true
	}
	if w.dash(i + 1) {
		return len(s) <= 4 && w.upperInitial(i) || allUpper(s)
	}
	return true
}

func allUpper(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= 'a' && c <= 'z' {
			return false
		}
	}
	return true
}

// chain reads a designation glued together from letters, digits and
// hyphens starting at token i: "Su-25SM", "2S19", "PAC-3", "S-300s".
func (w *win) chain(i int) res {
	s := i
	if w.word(i-1) && w.t[i].sp {
		if _, ok := modelFamilies[w.str(i-1)]; ok {
			s = i - 1
		}
	}
	j := i + 1
	for w.glued(j) {
		switch {
		case w.num(j) || w.word(j):
			j++
		case w.dash(j) && w.glued(j+1) && (w.num(j+1) || (w.word(j+1) && w.upperInitial(j+1) && w.t[j+1].e-w.t[j+1].s <= 4)):
			j += 2
		default:
			goto done
		}
	}
done:
	kind := KindModel
	if w.word(i) {
		if _, ok := idPrefixes[w.str(i)]; ok || w.lowerWord(i) {
			kind = KindID
		}
	}
	return res{kind: kind, s: s, e: j}
}

// spelledAt parses a mention that starts with a number word.
func (w *win) spelledAt(a int) (res, bool) {
	inf, ok := wlookup(w, numWords, a)
	if !ok {
		return res{}, false
	}
	i := a
	switch inf.c {
	case wHundred, wScale, wDozen, wQuarter:
		if !(w.isw(a-1, "a") || w.isw(a-1, "an")) {
			return res{}, false
		}
		i = a - 1
	case wFew:
		if inf.needA {
			if !w.isw(a-1, "a") {
				return res{}, false
			}
			i = a - 1
		}
	case wUnit:
		if inf.v == 1 {
			// "no one", "the one", "one another", "one-sided": not a count.
			_, skip := wlookup(w, oneSkips, a-1)
			if skip || w.isw(a+1, "another") || (w.isw(a-1, "only") && w.isw(a-2, "the")) {
				return res{}, false
			}
			if w.hyphen(a + 1) {
				if _, _, unit := w.unitAt(a + 2); !unit {
					if _, num := wlookup(w, numWords, a+2); !num {
						return res{}, false
					}
				}
			}
		}
	case wOrd:
		if (w.isw(a-1, "a") || w.isw(a-1, "one")) && w.isw(a+1, "of") {
			return res{}, false // "a third of": a share
		}
	}
	c, ok := w.spelledCore(i)
	if !ok {
		return res{}, false
	}
	// "two thirds", "three quarters": a share.
	if w.word(c.j) && !c.vague && !c.ord {
		if _, frac := wlookup(w, fractions, c.j); frac {
			return res{}, false
		}
	}
	if w.hyphen(c.j) {
		if _, frac := wlookup(w, fractions, c.j+1); frac {
			return res{}, false
		}
	}
	return w.finish(c)
}

// digitsAt parses a mention that starts with a digit token.
func (w *win) digitsAt(a int) (res, bool) {
	if w.glued(a) && a > 0 {
		switch {
		case w.sym(a-1, "+") && !w.num(a-2):
			return w.phone(a - 1), true
		case w.sym(a-1, "#"):
			return res{kind: KindID, s: a - 1, e: a + 1}, true
		case (w.sym(a-1, "'") || w.sym(a-1, "’")) && w.t[a].e-w.t[a].s == 2 && w.isw(a+1, "s") && w.glued(a+1):
			if v, ok := decade(w.str(a)); ok {
				return res{kind: KindYear, s: a - 1, e: a + 2, lo: 1900 + v, hi: 1909 + v, hasLo: true, hasHi: true}, true
			}
		}
	}
	if w.glued(a + 1) {
		switch {
		case w.sym(a+1, ":") && w.glued(a+2) && w.num(a+2):
			return w.clock(a), true
		case w.sym(a+1, "/") && w.glued(a+2) && w.num(a+2):
			return w.slashed(a), true
		case w.dash(a+1) && w.glued(a+2) && w.num(a+2) && w.dash(a+3) && w.glued(a+3) && w.glued(a+4) && w.num(a+4):
			return w.dashed(a), true
		case w.word(a+1) && w.t[a+1].e-w.t[a+1].s <= 3 && allUpper(w.str(a+1)) && w.glued(a+2) && w.num(a+2):
			return w.chain(a), true
		}
	}
	c, ok := w.digitCore(a)
	if !ok {
		return w.dotted(a), true
	}
	return w.finish(c)
}

func decade(s string) (float64, bool) {
	if len(s) != 2 || s[1] != '0' {
		return 0, false
	}
	return float64(s[0]-'0') * 10, true
}

// phone reads "+380 44 123 4567" from the plus sign at i.
func (w *win) phone(i int) res {
	j := i + 2
	for w.has(j) && j-i < 10 {
		switch {
		case w.num(j) && w.thinGap(j):
			j++
		case w.dash(j) && w.glued(j) && w.glued(j+1) && w.num(j+1):
			j += 2
		case w.sym(j, "(") && w.num(j+1) && w.sym(j+2, ")"):
			j += 3
		default:
			return res{kind: KindID, s: i, e: j}
		}
	}
	return res{kind: KindID, s: i, e: j}
}

// clock reads "10:30", "1:06:00", "21:00 GMT", "9:15 p.m.".
func (w *win) clock(a int) res {
	h, _, fh := parseDigits(w.str(a))
	m, _, fm := parseDigits(w.str(a + 2))
	e := a + 3
	if w.sym(e, ":") && w.glued(e) && w.num(e+1) && w.glued(e+1) {
		e += 2
	}
	if !fh.plain || !fm.plain || fm.ndig != 2 || h > 24 || m > 59 {
		return res{kind: KindID, s: a, e: e}
	}
	v := h + m/60
	r := res{kind: KindTime, s: a, e: e}
	r.e, v = w.meridiem(e, v)
	r.lo, r.hi, r.hasLo, r.hasHi = v, v, true, true
	return r
}

// meridiem reads "am", "p.m." and a time zone after a clock time at e.
func (w *win) meridiem(e int, v float64) (int, float64) {
	pm, am := false, false
	switch {
	case w.isw(e, "pm"):
		pm = true
		e++
	case w.isw(e, "am"):
		am = true
		e++
	case (w.isw(e, "p") || w.isw(e, "a")) && w.sym(e+1, ".") && w.glued(e+1) && w.isw(e+2, "m") && w.glued(e+2):
		pm = w.isw(e, "p")
		am = !pm
		e += 3
		if w.sym(e, ".") && w.glued(e) {
			e++
		}
	}
	if pm && v < 12 {
		v += 12
	}
	if am && v >= 12 && v < 13 {
		v -= 12
	}
	if w.timeZone(e) {
		e++
	}
	return e, v
}

// slashed reads "27/06/2022" as a date and "24/7" or "9/11" as a name.
func (w *win) slashed(a int) res {
	parts := [3]float64{}
	n := 0
	j := a
	for {
		if n < 3 {
			v, _, _ := parseDigits(w.str(j))
			parts[n] = v
		}
		n++
		j++
		if w.sym(j, "/") && w.glued(j) && w.glued(j+1) && w.num(j+1) {
			j++
			continue
		}
		break
	}
	if n == 2 && len(w.str(a)) == 4 && parts[0] >= 1800 && parts[0] <= 2100 {
		// "the 2022/23 budget", "2022/2023": a span of two years.
		next := parts[0] + 1
		if parts[1] == next || parts[1] == float64(int(next)%100) {
			return res{kind: KindYear, s: a, e: j, lo: parts[0], hi: next, hasLo: true, hasHi: true}
		}
	}
	if n == 3 && parts[0] >= 1 && parts[1] >= 1 && parts[0] <= 31 && parts[1] <= 31 && (parts[0] <= 12 || parts[1] <= 12) {
		day := parts[0]
		if day <= 12 && parts[1] > 12 {
			day = parts[1]
		}
		return res{kind: KindDate, s: a, e: j, lo: day, hi: day, hasLo: true, hasHi: true}
	}
	return res{kind: KindID, s: a, e: j}
}

// dashed reads "2022-06-27" as a date and other hyphenated digit groups
// ("044-256-1234") as a name.
func (w *win) dashed(a int) res {
	n := 1
	j := a + 1
	for w.dash(j) && w.glued(j) && w.glued(j+1) && w.num(j+1) {
		n++
		j += 2
	}
	if n == 3 && len(w.str(a)) == 4 {
		y, _, _ := parseDigits(w.str(a))
		m, _, _ := parseDigits(w.str(a + 2))
		d, _, _ := parseDigits(w.str(a + 4))
		if y >= 1800 && y <= 2100 && m >= 1 && m <= 12 && d >= 1 && d <= 31 {
			return res{kind: KindDate, s: a, e: j, lo: d, hi: d, hasLo: true, hasHi: true}
		}
	}
	return res{kind: KindID, s: a, e: j}
}

// dotted reads "27.06.2022" as a date; other dotted digit runs are names.
func (w *win) dotted(a int) res {
	s := w.str(a)
	var parts [4]int
	n, v := 0, 0
	for i := 0; i <= len(s); i++ {
		if i == len(s) || s[i] == '.' {
			if n < len(parts) {
				parts[n] = v
			}
			n++
			v = 0
			continue
		}
		if s[i] == ',' {
			continue
		}
		v = v*10 + int(s[i]-'0')
	}
	if n == 3 && parts[0] >= 1 && parts[0] <= 31 && parts[1] >= 1 && parts[1] <= 12 && (parts[2] >= 1800 && parts[2] <= 2100 || parts[2] < 100) {
		d := float64(parts[0])
		return res{kind: KindDate, s: a, e: a + 1, lo: d, hi: d, hasLo: true, hasHi: true}
	}
	return res{kind: KindID, s: a, e: a + 1}
}
