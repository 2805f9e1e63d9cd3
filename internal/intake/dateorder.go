package intake

import (
	"errors"
	"fmt"
	"strings"
	"time"
)

// fileDates is what one file's date fields have shown so far of the order
// of day and month in its slashed dates (see slashOrder).
type fileDates struct {
	order slashOrder
	// dayFirstAt and monthFirstAt are the first date that could only be
	// read day first, or month first, and where it is ("18/03/2022" on
	// line 4), empty until one comes.
	dayFirstAt, monthFirstAt string
	// ambiguous counts the dates that could be either while the order was
	// unknown, and firstAmbiguous is the first of them as written.
	ambiguous      int
	firstAmbiguous string
	// held are the results waiting for the order to be known, in input
	// order: every result from the first ambiguous date on, so that the
	// caller gets them in the order of the file. heldBytes is about what
	// they weigh.
	held      []Result
	heldBytes int64
}

// where names the place the parser is at, for a note.
func (p *parser) where() string {
	if p.atLine > 0 {
		return fmt.Sprintf("line %d", p.atLine)
	}
	return fmt.Sprintf("record %d", p.atRecord)
}

// fieldDate reads the date a record or feed item gives in a field: with
// the user's layout when there is one, else in any form ParseDate knows,
// except that a slashed date that reads both ways is read in the file's
// order (see slashOrder). While that order is unknown, such a date comes
// back read month first with alt its day-first reading; the result that
// carries it is held until the order is known.
func (p *parser) fieldDate(s string) (d, alt time.Time, err error) {
	if p.opts.DateLayout != "" {
		d, err = parseLayout(s, p.opts.DateLayout)
		return d, time.Time{}, err
	}
	fd := &p.dates
	d, shape, err := parseDay(s, fd.order)
	if err != nil {
		if errors.As(err, new(unknownForm)) {
			err = fmt.Errorf("%w; or give its form with --date-format", err)
		}
		return time.Time{}, time.Time{}, err
	}
	s = strings.TrimSpace(s)
	switch shape {
	case shapeDayFirst, shapeMonthFirst:
		at := fmt.Sprintf("%q on %s", clip(s), p.where())
		order := dayFirst
		if shape == shapeMonthFirst {
			order = monthFirst
			if fd.monthFirstAt == "" {
				fd.monthFirstAt = at
			}
		} else if fd.dayFirstAt == "" {
			fd.dayFirstAt = at
		}
		if fd.order == orderUnknown {
			fd.order = order
		}
	case shapeAmbiguous:
		if fd.firstAmbiguous == "" {
			fd.firstAmbiguous = s
		}
		if fd.order == orderUnknown {
			fd.ambiguous++
			alt, _, _ = parseDay(s, dayFirst)
		}
	}
	// Both readings of an ambiguous date fall in the same year, so one
	// check does for both.
	if err := checkDate(d, s); err != nil {
		return time.Time{}, time.Time{}, err
	}
	return d, alt, nil
}

// maxHeldBytes bounds the results held for a file's date order: eight
// articles' worth of the article limit (64 MiB by default), so that memory
// still follows that limit. A dump sorted by date whose first days are all
// the 1st to the 12th of a month holds that many days of articles.
func (p *parser) maxHeldBytes() int64 {
	return 8 * p.opts.MaxArticleBytes
}

// deliver passes a checked result on in input order: at once, or after the
// results held before it once the file's date order is known, or into the
// queue of held results while it is not and one of them (or this) waits
// for it.
func (p *parser) deliver(res Result) error {
	fd := &p.dates
	if len(fd.held) > 0 && fd.order != orderUnknown {
		if err := p.release(); err != nil {
			return err
		}
	}
	if len(fd.held) == 0 && (res.alt.IsZero() || fd.order != orderUnknown) {
		return p.out(res)
	}
	fd.held = append(fd.held, res)
	fd.heldBytes += 256 // the record's other fields and the result itself
	if a := res.Article; a != nil {
		fd.heldBytes += int64(len(a.Text) + len(a.Title))
	}
	if fd.heldBytes > p.maxHeldBytes() {
		fd.order = monthFirst
		p.note("%s read month first (MM/DD/YYYY), as US feeds write them: the file's first %s of records has no date that tells; if they are day first, give --date-format %q",
			fd.readBoth(), humanBytes(p.maxHeldBytes()), dayFirstLayout(fd.firstAmbiguous))
		return p.release()
	}
	return nil
}

// release sends the held results, their dates read in the file's order.
func (p *parser) release() error {
	fd := &p.dates
	held := fd.held
	fd.held, fd.heldBytes = nil, 0
	for i := range held {
		if err := p.out(held[i]); err != nil {
			return err
		}
		held[i] = Result{} // let what went out be collected
	}
	return nil
}

// out sends one result to the caller: with the day-first reading of its
// date when the file turned out day first, and named, when it has no id,
// now that its date is final and every name before it has been given.
func (p *parser) out(res Result) error {
	if a := res.Article; a != nil {
		if !res.alt.IsZero() && p.dates.order == dayFirst {
			a.Date = res.alt
		}
		if res.place != "" {
			a.Doc, a.DocKind = p.recordName(a, res.place)
		}
	}
	res.alt, res.place = time.Time{}, ""
	return p.send(res)
}

// finish ends a file: results still held (every date so far could be read
// either way) go out read month first, and what the file as a whole showed
// that the user may not expect is noted.
func (p *parser) finish() error {
	fd := &p.dates
	if len(fd.held) > 0 {
		fd.order = monthFirst
		p.note("%s read month first (MM/DD/YYYY), as US feeds write them: no date in the file has a number above 12 to tell; if they are day first, give --date-format %q",
			fd.readBoth(), dayFirstLayout(fd.firstAmbiguous))
		if err := p.release(); err != nil {
			return err
		}
	}
	if fd.dayFirstAt != "" && fd.monthFirstAt != "" {
		read := "day first"
		if fd.order == monthFirst {
			read = "month first"
		}
		msg := fmt.Sprintf("dates are written both day first (%s) and month first (%s)", fd.dayFirstAt, fd.monthFirstAt)
		if fd.firstAmbiguous != "" {
			msg += fmt.Sprintf("; those that could be either, such as %q, were read %s, as the first that could not be", clip(fd.firstAmbiguous), read)
		}
		p.note("%s; give --date-format to read them all one way", msg)
	}
	p.noteMissingKeys()
	return nil
}

// readBoth opens a note on the dates that could be read either way.
func (fd *fileDates) readBoth() string {
	if fd.ambiguous == 1 {
		return fmt.Sprintf("the date %q, which could be day first or month first, was", clip(fd.firstAmbiguous))
	}
	return fmt.Sprintf("%d dates such as %q, which could be day first or month first, were", fd.ambiguous, clip(fd.firstAmbiguous))
}

// note tells the caller something worth knowing about the file.
func (p *parser) note(format string, args ...any) {
	if p.opts.OnNote != nil {
		p.opts.OnNote(Note{Path: p.path, Text: fmt.Sprintf(format, args...)})
	}
}

// dayFirstLayout is the --date-format layout that reads a date written as
// s day first: "2/1/2006" for "03/04/2022" (Go's "2" and "1" take one
// digit or two), "2-1-2006 15:04" for "3-4-2022 09:15".
func dayFirstLayout(s string) string {
	f := strings.Fields(s)
	n, ok := numericDate(firstWord(s))
	if !ok || n.yearFirst {
		return "2/1/2006"
	}
	sep := string(n.sep)
	layout := "2" + sep + "1" + sep + "2006"
	if len(f) > 1 {
		clock := strings.Join(f[1:], " ")
		switch strings.Count(clock, ":") {
		case 1:
			layout += " 15:04"
		default:
			layout += " 15:04:05"
		}
		if u := strings.ToUpper(clock); strings.HasSuffix(u, "AM") || strings.HasSuffix(u, "PM") {
			layout = strings.Replace(layout, "15:", "3:", 1) + " PM"
		}
	}
	return layout
}

// firstWord is s up to its first space.
func firstWord(s string) string {
	if f := strings.Fields(s); len(f) > 0 {
		return f[0]
	}
	return ""
}
