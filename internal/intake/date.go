package intake

import (
	"fmt"
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
func ParseDate(s string) (time.Time, error) {
	d, err := parseDay(s)
	if err != nil {
		return time.Time{}, err
	}
	if err := checkDate(d, strings.TrimSpace(s)); err != nil {
		return time.Time{}, err
	}
	return d, nil
}

// parseDay is ParseDate without the range check.
func parseDay(s string) (time.Time, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return time.Time{}, ErrNoDate
	}
	var firstErr error
	for _, layout := range dateLayouts {
		t, err := time.Parse(layout, s)
		if err == nil {
			return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC), nil
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
				if t, err := parseDay(strings.Join(f[:n], " ")); err == nil {
					return t, nil
				}
			}
		}
	}
	if strings.Contains(firstErr.Error(), "out of range") {
		return time.Time{}, fmt.Errorf("%w: %q is not a day of the calendar", ErrBadDate, clip(s))
	}
	return time.Time{}, fmt.Errorf("%w: %q (use YYYY-MM-DD, YYYY/MM/DD, RFC 3339 or \"March 3, 2022\")", ErrBadDate, clip(s))
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
