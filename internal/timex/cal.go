package timex

import (
	"strconv"
	"time"
)

// Granularities of a calendar value.
const (
	gDay uint8 = iota + 1
	gWeek
	gWeekend
	gMonth
	gQuarter
	gHalf
	gSeason
	gYear
	gDecade
	gCentury
)

// cal is a calendar unit: a day, an ISO week, a month, a quarter... The
// meaning of n depends on the granularity: the ISO week number, the
// quarter, the half or the season; for a decade or century y is its first
// year.
type cal struct {
	g       uint8
	y, m, d int
	n       int
}

// civil returns the calendar day of t, in t's own zone, at UTC midnight.
func civil(t time.Time) time.Time {
	y, m, d := t.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

// dayOf returns the day t falls on.
func dayOf(t time.Time) cal {
	y, m, d := t.Date()
	return cal{g: gDay, y: y, m: int(m), d: d}
}

// time returns the day c at UTC midnight.
func (c cal) time() time.Time {
	return time.Date(c.y, time.Month(c.m), c.d, 0, 0, 0, 0, time.UTC)
}

// daysIn is the number of days of month m in year y.
func daysIn(y, m int) int {
	return time.Date(y, time.Month(m)+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

// validDay tells whether y-m-d exists; y == 0 stands for a leap year so
// that February 29 without a year is accepted.
func validDay(y, m, d int) bool {
	if m < 1 || m > 12 || d < 1 {
		return false
	}
	if y == 0 {
		y = 2000
	}
	return d <= daysIn(y, m)
}

// weekOf returns the ISO week t falls in.
func weekOf(t time.Time) cal {
	y, w := t.ISOWeek()
	return cal{g: gWeek, y: y, n: w}
}

// mondayOf returns the Monday of ISO week w of year y.
func mondayOf(y, w int) time.Time {
	jan4 := time.Date(y, 1, 4, 0, 0, 0, 0, time.UTC)
	off := (int(jan4.Weekday()) + 6) % 7
	return jan4.AddDate(0, 0, -off+7*(w-1))
}

// span returns the first and last day the value covers.
func (c cal) span() (time.Time, time.Time) {
	switch c.g {
	case gDay:
		t := c.time()
		return t, t
	case gWeek:
		s := mondayOf(c.y, c.n)
		return s, s.AddDate(0, 0, 6)
	case gWeekend:
		s := mondayOf(c.y, c.n).AddDate(0, 0, 5)
		return s, s.AddDate(0, 0, 1)
	case gMonth:
		s := time.Date(c.y, time.Month(c.m), 1, 0, 0, 0, 0, time.UTC)
		return s, s.AddDate(0, 1, -1)
	case gQuarter:
		s := time.Date(c.y, time.Month(3*c.n-2), 1, 0, 0, 0, 0, time.UTC)
		return s, s.AddDate(0, 3, -1)
	case gHalf:
		s := time.Date(c.y, time.Month(6*c.n-5), 1, 0, 0, 0, 0, time.UTC)
		return s, s.AddDate(0, 6, -1)
	case gSeason:
		// Meteorological seasons; winter starts in December of its year.
		first := [...]int{0, 3, 6, 9, 12}[c.n]
		s := time.Date(c.y, time.Month(first), 1, 0, 0, 0, 0, time.UTC)
		return s, s.AddDate(0, 3, -1)
	case gYear:
		return time.Date(c.y, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(c.y, 12, 31, 0, 0, 0, 0, time.UTC)
	case gDecade:
		return time.Date(c.y, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(c.y+9, 12, 31, 0, 0, 0, 0, time.UTC)
	case gCentury:
		return time.Date(c.y, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(c.y+99, 12, 31, 0, 0, 0, 0, time.UTC)
	}
	return time.Time{}, time.Time{}
}

// precision names the granularity for Expr.Precision.
func (c cal) precision() string {
	switch c.g {
	case gDay:
		return PrecisionDay
	case gWeek, gWeekend:
		return PrecisionWeek
	case gMonth:
		return PrecisionMonth
	case gQuarter:
		return PrecisionQuarter
	case gHalf:
		return PrecisionHalf
	case gSeason:
		return PrecisionSeason
	case gYear:
		return PrecisionYear
	case gDecade:
		return PrecisionDecade
	case gCentury:
		return PrecisionCentury
	}
	return ""
}

// value writes the TIMEX3 value of c.
func (c cal) value() string {
	var b [16]byte
	return string(c.appendValue(b[:0]))
}

// appendPad appends v in decimal, zero-padded to width digits.
func appendPad(b []byte, v, width int) []byte {
	if v < 0 {
		b = append(b, '-')
		v = -v
	}
	var d [20]byte
	i := len(d)
	for v > 0 || i == len(d) {
		i--
		d[i] = byte('0' + v%10)
		v /= 10
	}
	for k := len(d) - i; k < width; k++ {
		b = append(b, '0')
	}
	return append(b, d[i:]...)
}

// appendValue appends the TIMEX3 value of c to b.
func (c cal) appendValue(b []byte) []byte {
	switch c.g {
	case gDecade:
		return appendPad(b, c.y/10, 3)
	case gCentury:
		return appendPad(b, c.y/100, 2)
	}
	b = appendPad(b, c.y, 4)
	switch c.g {
	case gDay:
		b = append(b, '-')
		b = appendPad(b, c.m, 2)
		b = append(b, '-')
		b = appendPad(b, c.d, 2)
	case gWeek, gWeekend:
		b = append(b, '-', 'W')
		b = appendPad(b, c.n, 2)
		if c.g == gWeekend {
			b = append(b, '-', 'W', 'E')
		}
	case gMonth:
		b = append(b, '-')
		b = appendPad(b, c.m, 2)
	case gQuarter:
		b = append(b, '-', 'Q', byte('0'+c.n))
	case gHalf:
		b = append(b, '-', 'H', byte('0'+c.n))
	case gSeason:
		b = append(b, '-')
		b = append(b, seasonCode[c.n]...)
	}
	return b
}

// add moves c by k of its own units (the day after, the month before).
func (c cal) add(k int) cal {
	switch c.g {
	case gDay:
		return dayOf(c.time().AddDate(0, 0, k))
	case gWeek, gWeekend:
		w := weekOf(mondayOf(c.y, c.n).AddDate(0, 0, 7*k))
		w.g = c.g
		return w
	case gMonth:
		t := time.Date(c.y, time.Month(c.m)+time.Month(k), 1, 0, 0, 0, 0, time.UTC)
		return cal{g: gMonth, y: t.Year(), m: int(t.Month())}
	case gQuarter:
		i := c.y*4 + c.n - 1 + k
		return cal{g: gQuarter, y: floorDiv(i, 4), n: i - 4*floorDiv(i, 4) + 1}
	case gHalf:
		i := c.y*2 + c.n - 1 + k
		return cal{g: gHalf, y: floorDiv(i, 2), n: i - 2*floorDiv(i, 2) + 1}
	case gSeason:
		i := c.y*4 + c.n - 1 + k
		return cal{g: gSeason, y: floorDiv(i, 4), n: i - 4*floorDiv(i, 4) + 1}
	case gYear:
		return cal{g: gYear, y: c.y + k}
	case gDecade:
		return cal{g: gDecade, y: c.y + 10*k}
	case gCentury:
		return cal{g: gCentury, y: c.y + 100*k}
	}
	return c
}

// floorDiv divides rounding towards minus infinity.
func floorDiv(a, b int) int {
	q := a / b
	if a%b != 0 && (a < 0) != (b < 0) {
		q--
	}
	return q
}

// less orders two values of the same granularity.
func (c cal) less(o cal) bool {
	if c.y != o.y {
		return c.y < o.y
	}
	if c.m != o.m {
		return c.m < o.m
	}
	if c.n != o.n {
		return c.n < o.n
	}
	return c.d < o.d
}

// at converts the reference day to granularity g.
func at(ref time.Time, g uint8) cal {
	y, m, _ := ref.Date()
	switch g {
	case gDay:
		return dayOf(ref)
	case gWeek, gWeekend:
		w := weekOf(ref)
		w.g = g
		return w
	case gMonth:
		return cal{g: gMonth, y: y, m: int(m)}
	case gQuarter:
		return cal{g: gQuarter, y: y, n: (int(m)-1)/3 + 1}
	case gHalf:
		return cal{g: gHalf, y: y, n: (int(m)-1)/6 + 1}
	case gSeason:
		s := seasonOf(int(m))
		if m <= 2 {
			y--
		}
		return cal{g: gSeason, y: y, n: s}
	case gYear:
		return cal{g: gYear, y: y}
	case gDecade:
		return cal{g: gDecade, y: y - y%10}
	case gCentury:
		return cal{g: gCentury, y: y - y%100}
	}
	return cal{}
}

// seasonOf returns the meteorological season of month m.
func seasonOf(m int) int {
	switch {
	case m >= 3 && m <= 5:
		return seSpring
	case m >= 6 && m <= 8:
		return seSummer
	case m >= 9 && m <= 11:
		return seFall
	}
	return seWinter
}

// durationValue writes a TIMEX3 duration such as P3D, PT2H or PXY;
// q < 0 stands for an unknown number (X).
func durationValue(q float64, unit int) string {
	var b [24]byte
	return string(appendDuration(b[:0], q, unit))
}

// appendDuration appends the value durationValue returns.
func appendDuration(b []byte, q float64, unit int) []byte {
	b = append(b, 'P')
	if unit == uHour || unit == uMinute || unit == uSecond {
		b = append(b, 'T')
	}
	letter := byte('D')
	switch unit {
	case uWeek:
		letter = 'W'
	case uMonth, uMinute:
		letter = 'M'
	case uYear:
		letter = 'Y'
	case uDecade:
		if q >= 0 {
			q *= 10
		}
		letter = 'Y'
	case uCentury:
		if q >= 0 {
			q *= 100
		}
		letter = 'Y'
	case uHour:
		letter = 'H'
		// A whole number of days reads better as days: the past 24 hours.
		if q > 0 && q == float64(int(q)) && int(q)%24 == 0 {
			b = b[:len(b)-1]
			q /= 24
			letter = 'D'
		}
	case uSecond:
		letter = 'S'
	case uQuarter:
		letter = 'Q'
	case uFortnight:
		if q >= 0 {
			q *= 2
		}
		letter = 'W'
	case uWeekend:
		b = append(b, "XWE"...)
		return b
	}
	if q < 0 {
		b = append(b, 'X')
		if unit == uDecade {
			return append(b, 'D', 'E')
		}
	} else {
		b = strconv.AppendFloat(b, q, 'f', -1, 64)
	}
	return append(b, letter)
}

// shiftBy moves a day by q units (2 weeks, 3 months) and returns the day
// and the granularity the result is known to.
func shiftBy(t time.Time, q int, unit int) (time.Time, uint8) {
	switch unit {
	case uDay:
		return t.AddDate(0, 0, q), gDay
	case uWeek:
		return t.AddDate(0, 0, 7*q), gDay
	case uFortnight:
		return t.AddDate(0, 0, 14*q), gDay
	case uMonth:
		return t.AddDate(0, q, 0), gMonth
	case uQuarter:
		return t.AddDate(0, 3*q, 0), gQuarter
	case uYear:
		return t.AddDate(q, 0, 0), gYear
	case uDecade:
		return t.AddDate(10*q, 0, 0), gYear
	case uCentury:
		return t.AddDate(100*q, 0, 0), gYear
	case uHour, uMinute, uSecond:
		return t, gDay
	case uWeekend:
		return t.AddDate(0, 0, 7*q), gWeekend
	}
	return t, gDay
}
