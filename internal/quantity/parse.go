package quantity

import (
	"math"
	"strings"
	"unicode/utf8"

	"github.com/sitrep-project/sitrep/internal/text"
)

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
	plural  bool // digits with a plural s: "1990s", "the 40s"
	mAmbig  bool // a glued "m": million or metres
	bAmbig  bool // a glued "b": billion only next to a currency
}

var pow10 = [...]float64{1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18}

// scaleVal places the decimal point and applies the scale in the order
// that keeps whole amounts exact: 2.197 million is 2197 × 1000. A
// mantissa that overflowed gives Inf or NaN, which the callers refuse.
func scaleVal(mant float64, dexp int, mag float64) float64 {
	var p float64
	if dexp < len(pow10) {
		p = pow10[dexp]
	} else {
		// More decimals than the table holds: still the written value,
		// not zero ("2.000000000000000000000" is 2).
		p = math.Pow10(dexp)
	}
	if mag >= p {
		return mant * (mag / p)
	}
	return mant * mag / p
}

type numFmt struct {
	ok, plain, frac3, lead0 bool
	ndig                    int
}

// parseDigits reads a digit token: "2,000", "1.5", "1.000.000". Anything
// but digits and their separators fails it.
func parseDigits(s string) (mant float64, dexp int, f numFmt) {
	dots, commas := 0, 0
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == '.':
			dots++
		case c == ',':
			commas++
		case !isDigit(c):
			return 0, 0, f
		}
	}
	if s == "" || !isDigit(s[0]) || !isDigit(s[len(s)-1]) {
		return 0, 0, f
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

// digitCore reads the figure at token i, a digit token, which may end in
// an ordinal or plural suffix ("3rd", "1990s").
func (w *win) digitCore(i int) (core, bool) {
	digits, suffix := splitSuffix(w.str(i))
	mant, dexp, f := parseDigits(digits)
	if !f.ok {
		return core{}, false
	}
	c := core{i: i, j: i + 1, mag: 1, num: true, plain: f.plain, ndig: f.ndig, lead0: f.lead0, frac3: f.frac3}
	switch suffix {
	case "":
	case "s", "S":
		c.plural = true
		c.mant, c.base, c.lo, c.hi = mant, mant, mant, mant
		return c, true
	default:
		if dexp > 0 {
			return core{}, false
		}
		c.ord = true
		c.mant, c.base, c.lo, c.hi = mant, mant, mant, mant
		return c, true
	}
	// Thousands grouped by spaces: "10 000", "1 200 000".
	if f.plain && f.ndig <= 3 && !f.lead0 && !w.monthAt(i-1) {
		for w.num(c.j) && w.sp(c.j) && w.thinGap(c.j) {
			g := w.str(c.j)
			if len(g) != 3 || !allDigits(g) || (w.glued(c.j+1) && !w.word(c.j+1) && !w.sym(c.j+1, "%")) {
				break
			}
			if w.glued(c.j+1) && w.word(c.j+1) && w.calibreUnit(c.j+1) {
				// "18 155mm howitzers": no bore is written in groups of
				// thousands, so this is a count and then a calibre.
				break
			}
			mant = mant*1000 + float64(int(g[0]-'0')*100+int(g[1]-'0')*10+int(g[2]-'0'))
			c.j++
			c.plain, c.ndig = false, 0
		}
	}
	mag := 1.0
	if w.word(c.j) {
		s := w.wstr(c.j)
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
				if inf, ok := wlookup(w, numWords, c.j); ok && inf.c == wScale && w.sp(c.j) {
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
	return c, true
}

// splitSuffix cuts the letters off the end of a digit token: "3rd" is "3"
// and "rd", "1990s" is "1990" and "s". The tokeniser keeps only ordinal and
// plural suffixes on a number.
func splitSuffix(s string) (string, string) {
	k := len(s)
	for k > 0 && isLetter(s[k-1]) {
		k--
	}
	return s[:k], s[k:]
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if !isDigit(s[i]) {
			return false
		}
	}
	return s != ""
}

// calibreUnit reports whether token i is a unit of bore size ("mm").
func (w *win) calibreUnit(i int) bool {
	if a, ok := unitAbbr[w.str(i)]; ok {
		return a.kind == KindCalibre
	}
	u, ok := lookup(unitWords, w.str(i))
	return ok && u.kind == KindCalibre
}

// thinGap reports whether token i is set off from the one before by a
// single space, as digit groups are.
func (w *win) thinGap(i int) bool {
	g := w.text[w.t[i-1].End:w.t[i].Start]
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
	if scale == 0 && w.word(k) && w.sp(k) {
		// Wire style: "four mln", "two bn".
		switch w.wstr(k) {
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

// parseAt parses the mention whose first token is a, taking no token
// before floor.
func parseAt(w *win, src string, toks []text.Token, a, floor int) (res, bool) {
	w.reset(src, toks, a, floor)
	if w.word(a) {
		if hasDigit(w.str(a)) {
			return w.digitWord(a)
		}
		if w.gluedDigits(a) {
			if w.modelWord(a) {
				return w.chain(a), true
			}
			return res{}, false
		}
		return w.spelledAt(a)
	}
	return w.digitsAt(a)
}

// digitWord reads a word with digits in it: a designation ("M777", "TB2",
// "G7", "covid19") or a year with a prefix ("mid-2022", "pre-2014",
// "mid-1990s"), which the tokeniser keeps whole.
func (w *win) digitWord(a int) (res, bool) {
	s := w.str(a)
	h := strings.IndexByte(s, '-')
	if h <= 0 || h+1 >= len(s) || !isDigit(s[h+1]) {
		return w.chain(a), true
	}
	// The mention is the figure after the prefix, as it is when the prefix
	// stands apart ("early-2014"): a year or a count after a year prefix,
	// else a name ("over-55s", "post-9/11").
	skip := h + 1
	if t := &w.t[a]; len(t.Text) != t.End-t.Start {
		// Invisible characters inside the token: its Text is shorter
		// than its span, and the digits lie further in.
		skip = text.VisibleOffset(w.text[t.Start:t.End], skip)
	}
	r := res{kind: KindID, s: a, e: a + 1, skip: skip}
	if _, ok := yearPrefixes[s[:h]]; !ok {
		return r, true
	}
	digits, suffix := splitSuffix(s[h+1:])
	y, _, f := parseDigits(digits)
	switch {
	case !f.plain:
		return r, true
	case suffix == "" && (f.ndig != 4 || y < 1800 || y > 2100):
		// "post-18 education", "the mid-30s": a figure, not a year.
		r.kind, r.lo, r.hi, r.hasLo, r.hasHi = KindCount, y, y, true, true
		return r, true
	case suffix == "" && f.ndig == 4 && y >= 1800 && y <= 2100:
		r.lo, r.hi = y, y
	case suffix == "s" && f.ndig == 4 && int(y)%10 == 0:
		r.lo, r.hi = y, y+9
	case suffix == "s" && f.ndig == 2 && int(y)%10 == 0:
		r.lo, r.hi = 1900+y, 1909+y
	default:
		return r, true
	}
	r.kind, r.hasLo, r.hasHi = KindYear, true, true
	return r, true
}

// modelWord reports whether the word at i, glued to digits, starts a
// designation: short ("T-72", "Mi-17"), all capitals ("HIMARS-1"), a known
// family ("Zuzana-2") or a lower-case code.
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
	if w.word(i-1) && w.sp(i) {
		if _, ok := modelFamilies[w.str(i-1)]; ok {
			s = i - 1
		}
	}
	j := i + 1
	for w.glued(j) {
		switch {
		case w.num(j) || w.word(j) && !w.clitic(j):
			j++
		case w.dash(j) && w.glued(j+1) && (w.num(j+1) || (w.word(j+1) && w.upperInitial(j+1) && len(leadingLetters(w.str(j+1))) <= 4)):
			j += 2
		default:
			goto done
		}
	}
done:
	kind := KindModel
	if w.word(i) {
		// The letters before the digits say what it is: "G7" and
		// "COVID-19" name, "M777" models.
		if _, ok := idPrefixes[leadingLetters(w.str(i))]; ok || w.lowerWord(i) {
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
	s := w.str(a)
	if s[0] == '\'' {
		// '90s: a decade with its apostrophe.
		if v, ok := decade(s[1:3]); ok {
			return res{kind: KindYear, s: a, e: a + 1, lo: 1900 + v, hi: 1909 + v, hasLo: true, hasHi: true}, true
		}
		return res{}, false
	}
	if w.glued(a) && a > 0 {
		switch {
		case w.sym(a-1, "+") && !w.num(a-2):
			return w.phone(a - 1), true
		case w.sym(a-1, "#"):
			return res{kind: KindID, s: a - 1, e: a + 1}, true
		}
	}
	// The tokeniser keeps clock times, slashed and hyphenated digit groups
	// and codes such as "2S19" whole; what joins them says what they are.
	for k := 0; k < len(s); k++ {
		switch c := s[k]; {
		case c == ':':
			return w.clock(a), true
		case c == '/':
			return w.slashed(a), true
		case c == '-' || c >= utf8.RuneSelf:
			return w.dashed(a), true
		case isLetter(c):
			if _, suffix := splitSuffix(s); len(suffix) < len(s)-k {
				// Up to three capitals between digits make a model
				// ("2S19"); other letters a name ("7f37fd83").
				l := k
				for l < len(s) && isLetter(s[l]) {
					l++
				}
				if l-k <= 3 && allUpper(s[k:l]) {
					return w.chain(a), true
				}
				j := a + 1
				for w.glued(j) && (w.word(j) && !w.clitic(j) || w.num(j)) {
					j++
				}
				return res{kind: KindID, s: a, e: j}, true
			}
		}
	}
	c, ok := w.digitCore(a)
	if !ok {
		return w.dotted(a), true
	}
	return w.finish(c)
}

func decade(s string) (float64, bool) {
	if len(s) != 2 || s[1] != '0' || !isDigit(s[0]) {
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

// parts cuts a digit token at sep into at most len(out) numbers and
// returns how many parts there were and whether each read as digits.
func parts(s string, sep func(byte) bool, out []float64, plain []bool, ndig []int) (n int, ok bool) {
	ok = true
	start := 0
	for k := 0; k <= len(s); k++ {
		if k < len(s) && !sep(s[k]) {
			continue
		}
		v, _, f := parseDigits(s[start:k])
		if !f.ok {
			ok = false
		}
		if n < len(out) {
			out[n], plain[n], ndig[n] = v, f.plain, f.ndig
		}
		n++
		start = k + 1
	}
	return n, ok
}

// clock reads "10:30", "1:06:00", "21:00 GMT", "9:15 p.m.".
func (w *win) clock(a int) res {
	var v [3]float64
	var plain [3]bool
	var nd [3]int
	n, ok := parts(w.str(a), func(c byte) bool { return c == ':' }, v[:], plain[:], nd[:])
	h, m := v[0], v[1]
	if !ok || n < 2 || n > 3 || !plain[0] || !plain[1] || nd[1] != 2 || h > 24 || m > 59 {
		return res{kind: KindID, s: a, e: a + 1}
	}
	t := h + m/60
	r := res{kind: KindTime, s: a, e: a + 1}
	r.e, t = w.meridiem(a+1, t)
	r.lo, r.hi, r.hasLo, r.hasHi = t, t, true, true
	return r
}

// meridiem reads "am", "p.m." and a time zone after a clock time at e.
func (w *win) meridiem(e int, v float64) (int, float64) {
	pm, am := false, false
	switch {
	case w.isw(e, "pm") || w.isw(e, "p.m"):
		pm = true
		e++
	case w.isw(e, "am") || w.isw(e, "a.m"):
		am = true
		e++
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
	var p [3]float64
	var plain [3]bool
	var nd [3]int
	s := w.str(a)
	n, _ := parts(s, func(c byte) bool { return c == '/' }, p[:], plain[:], nd[:])
	j := a + 1
	if n == 2 && nd[0] == 4 && p[0] >= 1800 && p[0] <= 2100 {
		// "the 2022/23 budget", "2022/2023": a span of two years.
		next := p[0] + 1
		if p[1] == next || p[1] == float64(int(next)%100) {
			return res{kind: KindYear, s: a, e: j, lo: p[0], hi: next, hasLo: true, hasHi: true}
		}
	}
	if n == 3 && p[0] >= 1 && p[1] >= 1 && p[0] <= 31 && p[1] <= 31 && (p[0] <= 12 || p[1] <= 12) {
		day := p[0]
		if day <= 12 && p[1] > 12 {
			day = p[1]
		}
		return res{kind: KindDate, s: a, e: j, lo: day, hi: day, hasLo: true, hasHi: true}
	}
	return res{kind: KindID, s: a, e: j}
}

// dashed reads "2022-06-27" as a date and other hyphenated digit groups
// ("044-256-1234") as a name.
func (w *win) dashed(a int) res {
	var p [3]float64
	var plain [3]bool
	var nd [3]int
	s := w.str(a)
	// U+2010 and U+2011 are three bytes each; any byte above ASCII in a
	// digit token is part of one.
	if t := strings.IndexByte(s, 'T'); t > 0 {
		s = s[:t] // a timestamp: 2022-03-16T19:40:00Z
	}
	n, _ := parts(s, func(c byte) bool { return c == '-' || c >= utf8.RuneSelf }, p[:], plain[:], nd[:])
	if n == 3 && nd[0] == 4 {
		y, m, d := p[0], p[1], p[2]
		if y >= 1800 && y <= 2100 && m >= 1 && m <= 12 && d >= 1 && d <= 31 {
			return res{kind: KindDate, s: a, e: a + 1, lo: d, hi: d, hasLo: true, hasHi: true}
		}
	}
	return res{kind: KindID, s: a, e: a + 1}
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
		// A part past a year's size is no date part whatever its value;
		// stopping its growth keeps a long digit run from wrapping the int
		// round into one that looks like a day or month.
		if v < 1e6 {
			v = v*10 + int(s[i]-'0')
		}
	}
	if n == 3 && parts[0] >= 1 && parts[0] <= 31 && parts[1] >= 1 && parts[1] <= 12 && (parts[2] >= 1800 && parts[2] <= 2100 || parts[2] < 100) {
		d := float64(parts[0])
		return res{kind: KindDate, s: a, e: a + 1, lo: d, hi: d, hasLo: true, hasHi: true}
	}
	return res{kind: KindID, s: a, e: a + 1}
}
