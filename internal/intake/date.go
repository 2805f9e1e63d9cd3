package intake

import (
	"fmt"
	"strings"
	"time"
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

// ParseDate reads a date in any of the usual forms and returns midnight UTC
// of that calendar day. Dates that do not exist (2022-02-30) are refused
// rather than rolled over into the next month.
func ParseDate(s string) (time.Time, error) {
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
				if t, err := ParseDate(strings.Join(f[:n], " ")); err == nil {
					return t, nil
				}
			}
		}
	}
	if strings.Contains(firstErr.Error(), "out of range") {
		return time.Time{}, fmt.Errorf("%w: %q is not a day of the calendar", ErrBadDate, s)
	}
	return time.Time{}, fmt.Errorf("%w: %q (use YYYY-MM-DD, YYYY/MM/DD, RFC 3339 or \"March 3, 2022\")", ErrBadDate, s)
}
