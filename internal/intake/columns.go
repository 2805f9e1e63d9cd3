package intake

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
)

// canonicalFields are the fields a record may give, in the order messages
// name them.
var canonicalFields = []string{"id", "date", "title", "text", "url", "outlet"}

// checkHeader looks at a CSV or TSV header before any row is read. A column
// named with --field that is not there, or no column of text or headline
// (or of dates, with no --date to fall back on), would fail every row the
// same way, or, for an optional field such as the outlet, leave it empty in
// every article without a word: --field outlet=BBC names a column called
// "BBC", not the outlet BBC. Either is one error for the file, naming the
// columns the header has.
func (p *parser) checkHeader(header []string) error {
	has := make(map[string]bool, len(header))
	for _, h := range header {
		has[h] = true
	}
	for _, field := range canonicalFields {
		name, ok := p.opts.Fields[field]
		if !ok || has[strings.ToLower(name)] {
			continue
		}
		return fmt.Errorf("%w: no column %q, which --field %s=%s names; the header has %s (--field maps a field to the name of a column, not to a value%s)",
			ErrMissingColumn, name, field, name, columnList(header), outletHint(field, name))
	}
	if !p.hasColumn(has, "text") && !p.hasColumn(has, "title") {
		return fmt.Errorf("%w: no column of article text or headline (looked for %s, and %s); the header has %s; name yours with --field text=COLUMN",
			ErrMissingColumn, p.nameList("text"), p.nameList("title"), columnList(header))
	}
	if p.opts.Date.IsZero() && !p.hasColumn(has, "date") {
		return fmt.Errorf("%w: no date column (looked for %s); the header has %s; name it with --field date=COLUMN, or date every row with --date",
			ErrMissingColumn, p.nameList("date"), columnList(header))
	}
	return nil
}

// hasColumn reports whether a header has a column for a field: the one
// named with --field, or one of the usual names.
func (p *parser) hasColumn(has map[string]bool, field string) bool {
	if name, ok := p.opts.Fields[field]; ok {
		return has[strings.ToLower(name)]
	}
	for _, name := range fieldNames[field] {
		if has[strings.ToLower(name)] {
			return true
		}
	}
	return false
}

// outletHint points a user who wrote --field outlet=NAME, meaning the
// outlet's name, to --outlet.
func outletHint(field, name string) string {
	if field != "outlet" {
		return ""
	}
	return fmt.Sprintf("; to give every article the outlet %s, use --outlet %s", strconv.Quote(name), strconv.Quote(name))
}

// maxListed bounds the column or key names a message lists, so that a
// header of hundreds of columns still gives a readable line.
const maxListed = 30

// columnList lists names for a message: "id, date, title", each clipped,
// an empty one shown as "", and at most maxListed of them.
func columnList(names []string) string {
	if len(names) == 0 {
		return "no columns"
	}
	var parts []string
	for i, n := range names {
		if i == maxListed {
			parts = append(parts, fmt.Sprintf("and %d more", len(names)-maxListed))
			break
		}
		if n == "" || strings.ContainsAny(n, ", \t") {
			n = strconv.Quote(clip(n))
		} else {
			n = clip(n)
		}
		parts = append(parts, n)
	}
	return strings.Join(parts, ", ")
}

// keysSeen follows, through a JSON dump, whether each key named with
// --field occurs in any record, and which keys the records have, to name
// them when one does not. A JSON dump has no header to check first, and a
// key may rightly be missing from some records; but one that no record has
// is a mistake, most often a value given for a name (--field outlet=BBC),
// and is noted once the file has been read.
type keysSeen struct {
	records int
	found   map[string]bool // key named with --field (lower case) → seen
	sample  []string        // the first distinct keys seen, for the note
}

// see takes one record's keys into account. It costs nothing without
// --field, and stops collecting once every named key has been seen.
func (k *keysSeen) see(fields map[string]string, rec record) {
	if len(fields) == 0 {
		return
	}
	k.records++
	if k.found == nil {
		k.found = map[string]bool{}
	}
	missing := false
	for _, name := range fields {
		name = strings.ToLower(name)
		if k.found[name] {
			continue
		}
		if _, ok := rec[name]; ok {
			k.found[name] = true
		} else {
			missing = true
		}
	}
	if !missing || len(k.sample) >= maxListed {
		return
	}
	keys := make([]string, 0, len(rec))
	for key := range rec {
		if !slices.Contains(k.sample, key) {
			keys = append(keys, key)
		}
	}
	slices.Sort(keys)
	for _, key := range keys {
		if len(k.sample) >= maxListed {
			break
		}
		k.sample = append(k.sample, key)
	}
}

// noteMissingKeys notes each key named with --field that no record of a
// JSON dump had.
func (p *parser) noteMissingKeys() {
	k := &p.keys
	if k.records == 0 {
		return
	}
	for _, field := range canonicalFields {
		name, ok := p.opts.Fields[field]
		if !ok || k.found[strings.ToLower(name)] {
			continue
		}
		p.note("no record has a key %q, which --field %s=%s names (keys seen: %s); --field maps a field to the name of a key, not to a value%s",
			name, field, name, columnList(k.sample), outletHint(field, name))
	}
}
