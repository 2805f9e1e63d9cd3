package cli

import (
	"encoding/csv"
	"fmt"
	"io"
	"strconv"
	"strings"
	"text/tabwriter"
	"unicode/utf8"

	"github.com/sitrep-project/sitrep/internal/model"
	"github.com/sitrep-project/sitrep/internal/query"
)

// table is rows of text with a header, printed aligned for people or as
// CSV for spreadsheets. Cells hold whole values: a table for people
// bounds each cell to maxCell characters (one long source list padded a
// table to 250 columns), CSV writes them whole. Numbers are written plain
// ("70000000"); the columns named numeric are written with thousands
// separators for people.
type table struct {
	header  []string
	rows    [][]string
	numeric map[int]bool
}

// maxCell bounds a cell of a table for people, in characters.
const maxCell = 60

func (t *table) add(cells ...string) { t.rows = append(t.rows, cells) }

// numbers marks the columns named as numeric.
func (t *table) numbers(names ...string) *table {
	if t.numeric == nil {
		t.numeric = map[int]bool{}
	}
	for i, h := range t.header {
		for _, n := range names {
			if h == n {
				t.numeric[i] = true
			}
		}
	}
	return t
}

func (t *table) write(w io.Writer, asCSV bool) error {
	if asCSV {
		cw := csv.NewWriter(w)
		cw.Write(t.header)
		for _, r := range t.rows {
			cw.Write(r)
		}
		cw.Flush()
		return cw.Error()
	}
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, strings.Join(t.header, "\t"))
	cells := make([]string, 0, len(t.header))
	for _, r := range t.rows {
		cells = cells[:0]
		for i, c := range r {
			if t.numeric[i] {
				if f, err := strconv.ParseFloat(c, 64); err == nil {
					c = query.Number(f)
				}
			}
			// Tabs and line breaks inside a value would break the
			// alignment, and an ellipsis says where a value was cut.
			c = strings.Join(strings.Fields(c), " ")
			cells = append(cells, truncate(c, maxCell))
		}
		fmt.Fprintln(tw, strings.Join(cells, "\t"))
	}
	return tw.Flush()
}

// plain writes a number for a table cell: no separators, no needless
// decimals ("70000000", "2.5").
func plain(f float64) string { return strconv.FormatFloat(f, 'f', -1, 64) }

// plainRange writes a range for CSV: "5000", "200-999", ">=10", "<=50",
// with "~" before an approximate value.
func plainRange(r *model.Range) string {
	approx := ""
	if r.Approx {
		approx = "~"
	}
	switch {
	case r.Min != nil && r.Max != nil && *r.Min == *r.Max:
		return approx + plain(*r.Min)
	case r.Min != nil && r.Max != nil:
		return plain(*r.Min) + "-" + plain(*r.Max)
	case r.Min != nil:
		return ">=" + plain(*r.Min)
	case r.Max != nil:
		return "<=" + plain(*r.Max)
	}
	return ""
}

// truncate shortens s to n runes with an ellipsis.
func truncate(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return string(r[:n-1]) + "…"
}

// plural writes a count with its noun: "1 report", "3 reports".
func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return strconv.Itoa(n) + " " + many
}
