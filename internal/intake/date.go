package intake

import (
	"fmt"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// dateLayouts are the forms dates take in dumps and feeds, tried in order.
// Times and zones are parsed but only the calendar date is kept: an article's
// date is the day it was published where it was published.
var dateLayouts = []string{
	"2006-01-02",
	"2006/01/02",
	time.RFC3339,
	time.RFC3339Nano,
	"2006-01-02T15:04:05",
	"2006-01-02 15:04:05",
	"2006-01-02 15:04:05Z07:00",
	"2006-01-02 15:04",
	"January 2, 2006",
	"January 2 2006",
	"Jan 2, 2006",
	"Jan. 2, 2006",
	"2 January 2006",
	"2 Jan 2006",
	"Monday, January 2, 2006",
	"Monday, 2 January 2006",
	time.RFC1123,
	time.RFC1123Z,
	"Mon, 2 Jan 2006 15:04:05 MST",
	"Mon, 2 Jan 2006 15:04:05 -0700",
	time.RFC850,
	time.ANSIC,
	"2-Jan-2006 15:04:05.00", // Reuters-21578
	"2-Jan-2006",
	"02.01.2006",
}

// earliestDate is the first day an article may carry. Nothing sitrep reads
// was published before it; an earlier year is a placeholder (0001-01-01 is
// Go's and many databases' "no value") or a typo, and storing it would put
// the article, and every event dated from it, in the wrong century.
var earliestDate = time.Date(1900, 1, 1, 0, 0, 0, 0, time.UTC)

// now is the clock the latest plausible date is taken from; tests set it.
var now = time.Now

// latestDate is the last day an article may carry: the end of next year.
// A little future is allowed because time zones, embargoed copy and feeds
// that date items ahead all happen; years ahead is an error in the input.
func latestDate() time.Time {
	return time.Date(now().Year()+1, 12, 31, 0, 0, 0, 0, time.UTC)
}

// ErrDateRange is the error for a date that exists in the calendar but
// cannot be an article's (before 1900 or after the end of next year). It is
// also an ErrBadDate, so callers that only tell good dates from bad need no
// change.
var ErrDateRange error = dateRangeError{}

type dateRangeError struct{}

func (dateRangeError) Error() string { return "implausible date" }

// Is makes ErrDateRange match ErrBadDate too.
func (dateRangeError) Is(target error) bool { return target == ErrBadDate }

// checkDate refuses a day outside [earliestDate, latestDate]; s is the date
// as the input wrote it, so that the message quotes it.
func checkDate(d time.Time, s string) error {
	if d.Before(earliestDate) {
		return fmt.Errorf("%w: %q is before %s", ErrDateRange, clip(s), earliestDate.Format("2006-01-02"))
	}
	if last := latestDate(); d.After(last) {
		return fmt.Errorf("%w: %q is after %s", ErrDateRange, clip(s), last.Format("2006-01-02"))
	}
	return nil
}

// ParseDate reads a date in any of the usual forms and returns midnight UTC
// of that calendar day. Dates that do not exist (2022-02-30) are refused
// rather than rolled over into the next month, and so are dates that cannot
// be a news article's (before 1900, after the end of next year: see
// ErrDateRange) rather than stored as if they were real.
//
// A date of three numbers with the year last is read day first when its
// first number is above 12 (18/03/2022) and month first when its second is
// (03/18/2022); with dots (18.03.2022) it is always day first, as only
// Europe writes dates so. One that reads both ways (03/04/2022) is refused
// here: a lone date, typed on a command line or in a query, has no other
// dates beside it to tell which was meant, and a wrong guess puts the
// article a month off. Dumps and feeds decide such dates for the whole
// file instead (see slashOrder).
func ParseDate(s string) (time.Time, error) {
	d, shape, err := parseDay(s, orderUnknown)
	if err != nil {
		return time.Time{}, err
	}
	if shape == shapeAmbiguous {
		return time.Time{}, ambiguousDate(s)
	}
	if err := checkDate(d, strings.TrimSpace(s)); err != nil {
		return time.Time{}, err
	}
	return d, nil
}

// ambiguousDate is the error for a slashed date that reads as two days.
func ambiguousDate(s string) error {
	s = strings.TrimSpace(s)
	md, _, _ := parseDay(s, monthFirst)
	dm, _, _ := parseDay(s, dayFirst)
	return fmt.Errorf("%w: %q could be %s or %s: write %s or %s", ErrBadDate, clip(s),
		dm.Format("2 January 2006"), md.Format("January 2, 2006"), dm.Format("2006-01-02"), md.Format("2006-01-02"))
}

// slashOrder is how a numeric date with its year last and a slash or dash
// between its numbers is read: day first (18/03/2022, as Britain, Europe and
// most of the world write it) or month first (03/18/2022, as the United
// States does). A date whose first number is above 12 can only be day
// first, one whose second is above 12 only month first, and one whose
// numbers are equal reads the same either way; the rest (03/04/2022) are
// ambiguous.
//
// The rule for ambiguous dates in a dump or feed: the order is decided once
// per file, by the first date in it that can only be read one way, and
// every ambiguous date of the file is read in that order, the ones before
// it included (they are held back until it comes). A file whose dates are
// all ambiguous is read month first, as US feeds and exports write them,
// and a note says so (Options.OnNote); so does one for a file that writes
// dates both ways. --date-format (Options.DateLayout) overrides all of it.
type slashOrder int

const (
	orderUnknown slashOrder = iota // not decided: an ambiguous date is read month first, and flagged
	dayFirst
	monthFirst
)

// dateShape is what a date's numbers tell of the order of day and month.
type dateShape int

const (
	shapeOther      dateShape = iota // no slashed date with the year last, or one that reads the same both ways
	shapeDayFirst                    // only day first makes a date: 18/03/2022
	shapeMonthFirst                  // only month first does: 03/18/2022
	shapeAmbiguous                   // both do, and differ: 03/04/2022
)

// parseDay reads a date without the range check. An ambiguous slashed date
// is read in the given order, month first when it is unknown, and its shape
// says it was ambiguous.
func parseDay(s string, order slashOrder) (time.Time, dateShape, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return time.Time{}, shapeOther, ErrNoDate
	}
	if n, ok := numericDate(s); ok {
		return n.day(s, order)
	}
	var firstErr error
	for _, layout := range dateLayouts {
		t, err := time.Parse(layout, s)
		if err == nil {
			return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC), shapeOther, nil
		}
		if firstErr == nil || strings.Contains(err.Error(), "out of range") {
			firstErr = err
		}
	}
	// Dumps sometimes glue junk after a good date ("27-MAR-1987
	// 00:02:59.13&#5;RM"): fall back on the leading words when they are a
	// whole date by themselves.
	if f := strings.Fields(s); len(f) > 1 {
		for _, n := range []int{3, 1} {
			if n < len(f) {
				if t, shape, err := parseDay(strings.Join(f[:n], " "), order); err == nil {
					return t, shape, nil
				}
			}
		}
	}
	if strings.Contains(firstErr.Error(), "out of range") {
		return time.Time{}, shapeOther, notADay(s)
	}
	return time.Time{}, shapeOther, unknownForm{s: clip(s)}
}

// unknownForm is the error for a date in no form sitrep knows, kept apart
// so that a dump's reader can point to --date-format, which a date typed
// on the command line has no use for.
type unknownForm struct{ s string }

// Error quotes the date and says which forms to use.
func (e unknownForm) Error() string {
	return fmt.Sprintf("%v: %q (use YYYY-MM-DD, DD/MM/YYYY, RFC 3339 or \"March 3, 2022\")", ErrBadDate, e.s)
}

// Unwrap makes the error an ErrBadDate.
func (e unknownForm) Unwrap() error { return ErrBadDate }

func notADay(s string) error {
	return fmt.Errorf("%w: %q is not a day of the calendar", ErrBadDate, clip(s))
}

// numDate is a date written as three numbers, as numericDate found it.
type numDate struct {
	yearFirst bool
	sep       byte
	year      int
	a, b      int // the other two numbers, in the order written
}

// numericDate reads a date of three numbers with a four-digit year first or
// last and one or two digits for day and month, joined by the same '-', '/'
// or '.': 2022-03-18, 2022.3.18, 18.03.2022, 18/3/2022, 03/18/2022. A time
// of day may follow (14:37, 14:37:05, 2:37 PM), after a space, a 'T' or a
// comma; it is checked and dropped. ok is false for anything else, which
// the layouts then try (a zone after the time, for one).
func numericDate(s string) (n numDate, ok bool) {
	i := 0
	num := func(minDigits, maxDigits int) (int, bool) {
		j := i
		for j < len(s) && j-i < maxDigits && s[j] >= '0' && s[j] <= '9' {
			j++
		}
		if j-i < minDigits || (j < len(s) && s[j] >= '0' && s[j] <= '9') {
			return 0, false
		}
		v, _ := strconv.Atoi(s[i:j])
		i = j
		return v, true
	}
	start := i
	first, ok := num(1, 4)
	if !ok || i == len(s) {
		return n, false
	}
	firstLen := i - start
	n.sep = s[i]
	if n.sep != '-' && n.sep != '/' && n.sep != '.' {
		return n, false
	}
	i++
	mid, ok := num(1, 2)
	if !ok || i == len(s) || s[i] != n.sep {
		return n, false
	}
	i++
	start = i
	last, ok := num(1, 4)
	if !ok {
		return n, false
	}
	lastLen := i - start
	switch {
	case firstLen == 4 && lastLen <= 2:
		n.yearFirst, n.year, n.a, n.b = true, first, mid, last
	case firstLen <= 2 && lastLen == 4:
		n.year, n.a, n.b = last, first, mid
	default:
		return n, false
	}
	return n, validClock(strings.TrimSpace(s[i:]), s[i:])
}

// validClock reports whether rest, what follows a numeric date, is nothing
// or a time of day: "14:37", "14:37:05", "14:37:05.250", "2:37 PM". raw is
// rest untrimmed, to check what separates it from the date.
func validClock(rest, raw string) bool {
	if rest == "" {
		return true
	}
	switch {
	case strings.HasPrefix(raw, "T"):
		rest = raw[1:]
	case strings.HasPrefix(raw, ","), strings.HasPrefix(raw, " "), strings.HasPrefix(raw, "\t"):
		rest = strings.TrimSpace(strings.TrimPrefix(raw, ","))
	default:
		return false
	}
	half := false
	if u := strings.ToUpper(rest); strings.HasSuffix(u, "AM") || strings.HasSuffix(u, "PM") {
		half = true
		rest = strings.TrimSpace(rest[:len(rest)-2])
	}
	parts := strings.Split(rest, ":")
	if len(parts) < 2 || len(parts) > 3 {
		return false
	}
	if len(parts) == 3 {
		if sec, frac, ok := strings.Cut(parts[2], "."); ok {
			if frac == "" || strings.Trim(frac, "0123456789") != "" {
				return false
			}
			parts[2] = sec
		}
	}
	limits := []int{23, 59, 60}
	for k, p := range parts {
		if len(p) == 0 || len(p) > 2 || (k > 0 && len(p) != 2) || strings.Trim(p, "0123456789") != "" {
			return false
		}
		v, _ := strconv.Atoi(p)
		if v > limits[k] || (half && k == 0 && (v < 1 || v > 12)) {
			return false
		}
	}
	return true
}

// day is the calendar day of a numeric date; s is the date as written, for
// messages. See slashOrder for how the order of day and month is found.
func (n numDate) day(s string, order slashOrder) (time.Time, dateShape, error) {
	month, day, shape := n.a, n.b, shapeOther
	switch {
	case n.yearFirst:
	case n.sep == '.':
		day, month = n.a, n.b
	case n.a > 12 && n.b > 12:
		return time.Time{}, shapeOther, notADay(s)
	case n.a > 12:
		day, month, shape = n.a, n.b, shapeDayFirst
	case n.b > 12:
		shape = shapeMonthFirst
	case n.a != n.b:
		shape = shapeAmbiguous
		if order == dayFirst {
			day, month = n.a, n.b
		}
	}
	t := time.Date(n.year, time.Month(month), day, 0, 0, 0, 0, time.UTC)
	if month < 1 || month > 12 || day < 1 || t.Day() != day || int(t.Month()) != month {
		return time.Time{}, shapeOther, notADay(s)
	}
	return t, shape, nil
}

// parseLayout reads a date with a layout the user gave (--date-format),
// and nothing else: a date that does not fit it is an error naming both.
func parseLayout(s, layout string) (time.Time, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return time.Time{}, ErrNoDate
	}
	t, err := time.Parse(layout, s)
	if err != nil {
		if strings.Contains(err.Error(), "out of range") {
			return time.Time{}, fmt.Errorf("%w: %q, read with --date-format %q, is not a day of the calendar", ErrBadDate, clip(s), layout)
		}
		return time.Time{}, fmt.Errorf("%w: %q does not match --date-format %q", ErrBadDate, clip(s), layout)
	}
	d := time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
	if err := checkDate(d, s); err != nil {
		return time.Time{}, fmt.Errorf("%w (read with --date-format %q)", err, layout)
	}
	return d, nil
}

// CheckDateLayout refuses a Go time layout that cannot give a calendar day:
// one without a year, a month or a day (written, as Go layouts are, with
// the reference time Mon Jan 2 15:04:05 2006), or one whose numbers run
// together so that the dates it writes do not read back ("0/1/206", where
// the day and a two-digit year meet). Without this check such a layout
// would be accepted and then refuse, or misdate, every record of a dump.
func CheckDateLayout(layout string) error {
	// The 18th, so that a layout that swaps or loses day and month shows
	// it; then days and months of one digit and of two, for layouts that
	// read them only one way.
	refs := []time.Time{
		time.Date(2022, 3, 18, 14, 37, 5, 0, time.UTC),
		time.Date(2001, 1, 1, 0, 0, 0, 0, time.UTC),
		time.Date(1999, 12, 9, 9, 5, 9, 0, time.UTC),
		time.Date(2010, 10, 31, 23, 59, 59, 0, time.UTC),
	}
	for _, ref := range refs {
		t, err := time.Parse(layout, ref.Format(layout))
		if strings.TrimSpace(layout) == "" || err != nil || t.Year() != ref.Year() || t.Month() != ref.Month() || t.Day() != ref.Day() {
			return fmt.Errorf("%q does not give a year, a month and a day that read back as written (%s is written %q): write the form with Go's reference time, Mon Jan 2 15:04:05 2006 (for example 2006.1.2 15:04, or 02/01/2006 for day-first dates)",
				layout, ref.Format("2006-01-02"), ref.Format(layout))
		}
	}
	return nil
}

// clip shortens a value quoted in an error message, so that a megabyte of
// junk in a date field gives a readable line, not a megabyte of message.
func clip(s string) string {
	const max = 64
	if len(s) <= max {
		return s
	}
	cut := max
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	return s[:cut] + "…"
}
