package lexicon

import (
	"bufio"
	"errors"
	"fmt"
	"io/fs"
	"strconv"
	"strings"

	"github.com/sitrep-project/sitrep/internal/text"
)

// pattern is one way of writing an entry, as the trie stores it.
type pattern struct {
	entry     *Entry
	form      string
	words     []string // the alias's tokens as the data writes them
	cases     []uint8  // each word's case rule
	given     bool     // ~: also a given name, needs a context check
	surname   bool     // a person by surname alone
	ambiguous bool     // ?: the data says this alias may name several entries
	alias     string   // the alias as written, for messages
	generated bool     // a plural the loader made, yields to a listed alias
}

// node is a trie node keyed by folded tokens.
type node struct {
	next map[string]*node
	outs []*pattern
}

// row is one data line: its columns by header name and where it came from.
type row struct {
	file string
	line int
	col  map[string]string
}

func (r row) get(name string) string { return r.col[name] }

func (r row) errorf(format string, args ...any) error {
	return fmt.Errorf("%s:%d: %s", r.file, r.line, fmt.Sprintf(format, args...))
}

// list splits a |-separated column, dropping empty parts.
func list(s string) []string {
	if s == "" || s == "-" {
		return nil
	}
	var out []string
	for _, p := range strings.Split(s, "|") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// readTSV reads a data file: # comments and blank lines are skipped, the
// first other line names the columns, and every row must have them all.
func readTSV(fsys fs.FS, name string) ([]row, error) {
	f, err := fsys.Open(name)
	if err != nil {
		return nil, fmt.Errorf("open %s: %w", name, err)
	}
	defer f.Close()
	var header []string
	var rows []row
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 64*1024), 1024*1024)
	line := 0
	for sc.Scan() {
		line++
		s := strings.TrimRight(sc.Text(), "\r")
		if strings.TrimSpace(s) == "" || strings.HasPrefix(s, "#") {
			continue
		}
		cols := strings.Split(s, "\t")
		if header == nil {
			header = cols
			continue
		}
		if len(cols) != len(header) {
			return nil, fmt.Errorf("%s:%d: %d columns, the header has %d", name, line, len(cols), len(header))
		}
		r := row{file: name, line: line, col: make(map[string]string, len(cols))}
		for i, h := range header {
			r.col[h] = strings.TrimSpace(cols[i])
		}
		rows = append(rows, r)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read %s: %w", name, err)
	}
	if header == nil {
		return nil, fmt.Errorf("%s: no header line", name)
	}
	return rows, nil
}

// aliasOpts say how a file's aliases are expanded and matched.
type aliasOpts struct {
	anyCase  bool // every word matches in any case (items, roles)
	plural   bool // also match the last word in the plural
	hyphens  bool // also match hyphen and space variants
	surname  bool
	noByName bool // not a name Lookup should answer to
	noTrie   bool // a name Lookup answers to but matching leaves to a shorter alias
}

// New loads the gazetteers from a folder holding the data files (the
// embedded one, or another for tests and local additions).
func New(fsys fs.FS) (*Lexicon, error) {
	l := &Lexicon{
		root:         &node{next: map[string]*node{}},
		byCode:       map[Kind]map[string]*Entry{},
		byName:       map[Kind]map[string][]*Entry{},
		entries:      map[Kind][]*Entry{},
		sourceByRole: map[string]*Entry{},
		roles:        map[roleKey]*Entry{},
	}
	steps := []struct {
		file string
		load func([]row) error
	}{
		{"states.tsv", l.loadStates},
		{"groups.tsv", l.loadGroups},
		{"orgs.tsv", l.loadOrgs},
		{"roles.tsv", l.loadRoles},
		{"people.tsv", l.loadPeople},
		{"outlets.tsv", l.loadOutlets},
		{"sources.tsv", l.loadSources},
		{"items.tsv", l.loadItems},
		{"places.tsv", l.loadPlaces},
		{"stop.tsv", l.loadStops},
	}
	for _, s := range steps {
		rows, err := readTSV(fsys, s.file)
		if err != nil {
			return nil, fmt.Errorf("load lexicon: %w", err)
		}
		if err := s.load(rows); err != nil {
			return nil, fmt.Errorf("load lexicon: %w", err)
		}
	}
	return l, nil
}

// add registers an entry under its kind and code.
func (l *Lexicon) add(r row, e *Entry) error {
	if e.Name == "" {
		return r.errorf("empty name")
	}
	if e.Code == "" {
		return r.errorf("empty code for %q", e.Name)
	}
	m := l.byCode[e.Kind]
	if m == nil {
		m = map[string]*Entry{}
		l.byCode[e.Kind] = m
	}
	if _, dup := m[e.Code]; dup {
		return r.errorf("duplicate %s code %q", e.Kind, e.Code)
	}
	m[e.Code] = e
	l.entries[e.Kind] = append(l.entries[e.Kind], e)
	return nil
}

// alias adds one way of writing an entry to the trie, with its variants.
func (l *Lexicon) alias(e *Entry, form, raw string, o aliasOpts) {
	exact, given, ambiguous := false, false, false
	for {
		switch {
		case strings.HasPrefix(raw, "="):
			exact, raw = true, raw[1:]
			continue
		case strings.HasSuffix(raw, "~"):
			given, raw = true, raw[:len(raw)-1]
			continue
		case strings.HasSuffix(raw, "?"):
			ambiguous, raw = true, raw[:len(raw)-1]
			continue
		}
		break
	}
	raw = strings.TrimSpace(raw)
	if raw == "" {
		return
	}
	var forms []string
	for _, v := range spellingVariants(raw) {
		if o.hyphens && !exact {
			forms = append(forms, hyphenVariants(v)...)
		} else {
			forms = append(forms, v)
		}
	}
	listed := len(forms)
	if o.plural {
		for _, v := range forms[:listed] {
			if p := plural(v); p != "" && !contains(forms, p) {
				forms = append(forms, p)
			}
		}
	}
	for i, v := range forms {
		if !o.noByName {
			k := nameKey(v)
			byName := l.byName[e.Kind]
			if byName == nil {
				byName = map[string][]*Entry{}
				l.byName[e.Kind] = byName
			}
			if !containsEntry(byName[k], e) {
				byName[k] = append(byName[k], e)
			}
		}
		if o.noTrie {
			continue
		}
		p := &pattern{entry: e, form: form, given: given, surname: o.surname, ambiguous: ambiguous, alias: v, generated: i >= listed}
		for _, t := range text.TokenizePhrase(v) {
			p.words = append(p.words, t.Text)
			switch {
			case exact:
				p.cases = append(p.cases, caseExact)
			case o.anyCase:
				p.cases = append(p.cases, caseAny)
			case strings.EqualFold(t.Text, "the"):
				p.cases = append(p.cases, caseAny)
			default:
				p.cases = append(p.cases, autoCase(t.Text))
			}
		}
		l.insert(p)
	}
}

// insert puts a pattern into the trie, unless the same entry is already
// reachable by the same words (a variant that adds nothing).
func (l *Lexicon) insert(p *pattern) {
	if len(p.words) == 0 {
		return
	}
	n := l.root
	for _, w := range p.words {
		k := foldString(w)
		next := n.next[k]
		if next == nil {
			next = &node{}
			if n.next == nil {
				n.next = map[string]*node{}
			}
			n.next[k] = next
		}
		n = next
	}
	for _, q := range n.outs {
		if q.entry == p.entry && sameCases(q, p) {
			return
		}
		// A plural the loader made yields to the same words listed for
		// another entry ("officials" is its own role, not many "official").
		if p.generated && !q.generated && q.entry.Kind == p.entry.Kind {
			return
		}
	}
	if !p.generated {
		kept := n.outs[:0]
		for _, q := range n.outs {
			if q.generated && q.entry.Kind == p.entry.Kind && q.entry != p.entry {
				l.patterns--
				continue
			}
			kept = append(kept, q)
		}
		n.outs = kept
	}
	n.outs = append(n.outs, p)
	l.patterns++
}

func sameCases(a, b *pattern) bool {
	for i := range a.cases {
		if a.cases[i] != b.cases[i] || (a.cases[i] == caseExact && a.words[i] != b.words[i]) {
			return false
		}
	}
	return true
}

// names lists a row's canonical name and aliases, and the subset the trie
// should hold: "The X" is left to Lookup when "X" is listed too, so that a
// match never starts with an article it does not need ("the Associated
// Press" matches as "Associated Press"; "The Hill" keeps its "The").
func trieNames(all []string) map[string]bool {
	keep := make(map[string]bool, len(all))
	bare := make(map[string]bool, len(all))
	for _, a := range all {
		bare[strings.TrimLeft(a, "=")] = true
	}
	for _, a := range all {
		rest, ok := strings.CutPrefix(strings.TrimLeft(a, "="), "The ")
		if !ok {
			rest, ok = strings.CutPrefix(strings.TrimLeft(a, "="), "the ")
		}
		keep[a] = !ok || !bare[rest]
	}
	return keep
}

func containsEntry(list []*Entry, e *Entry) bool {
	for _, x := range list {
		if x == e {
			return true
		}
	}
	return false
}

// slug makes a code from a name: folded, with runs of other characters
// turned into single hyphens.
func slug(name string) string {
	var b strings.Builder
	dash := false
	for _, r := range foldString(name) {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			b.WriteRune(r)
			dash = false
		} else if !dash && b.Len() > 0 {
			b.WriteByte('-')
			dash = true
		}
	}
	return strings.TrimSuffix(b.String(), "-")
}

func (l *Lexicon) loadStates(rows []row) error {
	for _, r := range rows {
		code := r.get("code")
		if len(code) != 3 || strings.ToUpper(code) != code {
			return r.errorf("state code %q is not three capital letters", code)
		}
		name := strings.TrimSuffix(r.get("name"), "~")
		e := &Entry{Kind: KindState, Code: code, Name: name, Country: code}
		if err := l.add(r, e); err != nil {
			return err
		}
		l.alias(e, FormName, r.get("name"), aliasOpts{})
		for _, c := range []struct{ col, form string }{
			{"short", FormShort}, {"adjective", FormAdjective}, {"demonym", FormDemonym},
			{"capital", FormCapital}, {"seat", FormSeat},
		} {
			for _, a := range list(r.get(c.col)) {
				l.alias(e, c.form, a, aliasOpts{})
			}
		}
	}
	return nil
}

func (l *Lexicon) loadGroups(rows []row) error {
	for _, r := range rows {
		e := &Entry{Kind: KindGroup, Code: r.get("code"), Name: r.get("name"), Members: strings.Fields(r.get("members"))}
		if len(e.Members) < 2 {
			return r.errorf("group %q has fewer than two members", e.Code)
		}
		if err := l.add(r, e); err != nil {
			return err
		}
		l.alias(e, FormName, e.Name, aliasOpts{})
		for _, a := range list(r.get("aliases")) {
			l.alias(e, FormAlias, a, aliasOpts{})
		}
	}
	return nil
}

func (l *Lexicon) loadOrgs(rows []row) error {
	for _, r := range rows {
		e := &Entry{Kind: KindOrg, Code: r.get("code"), Name: r.get("name"), Parent: r.get("parent")}
		e.Country = e.Code
		if err := l.add(r, e); err != nil {
			return err
		}
		l.names(e, e.Name, list(r.get("aliases")))
		for _, a := range list(r.get("seat")) {
			l.alias(e, FormSeat, a, aliasOpts{})
		}
	}
	return nil
}

func (l *Lexicon) loadRoles(rows []row) error {
	for _, r := range rows {
		typ := r.get("type")
		if typ != "person" && typ != "body" {
			return r.errorf("role type %q is neither person nor body", typ)
		}
		e := &Entry{Kind: KindRole, Code: r.get("code"), Name: r.get("name"), Role: r.get("code"),
			Category: typ, Country: r.get("default"), deflt: r.get("default")}
		for _, f := range strings.Fields(r.get("flags")) {
			switch f {
			case "q":
				e.qualified = true
			default:
				return r.errorf("unknown role flag %q", f)
			}
		}
		if err := l.add(r, e); err != nil {
			return err
		}
		for _, h := range list(r.get("heads")) {
			l.alias(e, FormRole, h, aliasOpts{anyCase: true, plural: true})
		}
	}
	return nil
}

func (l *Lexicon) loadPeople(rows []row) error {
	for _, r := range rows {
		e := &Entry{Kind: KindPerson, Code: slug(r.get("name")), Name: r.get("name"), Role: r.get("role"), Country: r.get("country")}
		for _, f := range strings.Fields(r.get("flags")) {
			switch f {
			case "titled":
				e.titled = true
			default:
				return r.errorf("unknown person flag %q", f)
			}
		}
		if err := l.add(r, e); err != nil {
			return err
		}
		l.alias(e, FormName, e.Name, aliasOpts{})
		l.spelling(e, e.Name)
		for _, a := range list(r.get("aliases")) {
			l.alias(e, FormAlias, a, aliasOpts{})
			l.spelling(e, a)
		}
		for _, a := range list(r.get("surnames")) {
			l.alias(e, FormSurname, a, aliasOpts{surname: true, noByName: true})
			l.spelling(e, a)
		}
	}
	return nil
}

// loadSpellings reads the people's spellings alone (for Spellings), not
// the trie and indexes the rest of the lexicon needs.
func (l *Lexicon) loadSpellings(rows []row) error {
	for _, r := range rows {
		e := &Entry{Kind: KindPerson, Code: slug(r.get("name")), Name: r.get("name")}
		l.spelling(e, e.Name)
		for _, a := range list(r.get("aliases")) {
			l.spelling(e, a)
		}
		for _, a := range list(r.get("surnames")) {
			l.spelling(e, a)
		}
	}
	return nil
}

// spelling records one way a person's name is written, for
// Lexicon.Spellings.
func (l *Lexicon) spelling(e *Entry, raw string) {
	form := strings.TrimSpace(strings.Trim(raw, "=~?"))
	if form == "" {
		return
	}
	k := nameKey(form)
	if l.spellings == nil {
		l.spellings = map[string][]*Entry{}
	}
	if !containsEntry(l.spellings[k], e) {
		l.spellings[k] = append(l.spellings[k], e)
	}
	if !contains(e.spellings, form) {
		e.spellings = append(e.spellings, form)
	}
}

func (l *Lexicon) loadOutlets(rows []row) error {
	for _, r := range rows {
		e := &Entry{Kind: KindOutlet, Code: r.get("code"), Name: r.get("name"), Country: r.get("country"), Category: r.get("kind")}
		if err := l.add(r, e); err != nil {
			return err
		}
		l.names(e, e.Name, list(r.get("aliases")))
	}
	return nil
}

// names adds a canonical name and its aliases, leaving "The X" to Lookup
// alone when "X" is listed as well.
func (l *Lexicon) names(e *Entry, name string, aliases []string) {
	keep := trieNames(append([]string{name}, aliases...))
	l.alias(e, FormName, name, aliasOpts{noTrie: !keep[name]})
	for _, a := range aliases {
		l.alias(e, FormAlias, a, aliasOpts{noTrie: !keep[a]})
	}
}

func (l *Lexicon) loadSources(rows []row) error {
	for _, r := range rows {
		kind := r.get("kind")
		if kind != "official" && kind != "organisation" {
			return r.errorf("source kind %q is neither official nor organisation", kind)
		}
		e := &Entry{Kind: KindSource, Code: slug(r.get("name")), Name: r.get("name"), Category: kind,
			Country: r.get("code"), Role: r.get("role")}
		if err := l.add(r, e); err != nil {
			return err
		}
		if e.Role != "" {
			key := e.Role + "|" + e.Country
			if prev := l.sourceByRole[key]; prev != nil {
				return r.errorf("role %s of %s already resolves to %q", e.Role, e.Country, prev.Name)
			}
			l.sourceByRole[key] = e
		}
		l.names(e, e.Name, list(r.get("aliases")))
	}
	return nil
}

func (l *Lexicon) loadItems(rows []row) error {
	for _, r := range rows {
		e := &Entry{Kind: KindItem, Code: slug(r.get("name")), Name: r.get("name"),
			Category: r.get("category"), Mode: r.get("mode")}
		switch r.get("type") {
		case "system":
			e.system = true
		case "generic":
		default:
			return r.errorf("item type %q is neither system nor generic", r.get("type"))
		}
		switch e.Mode {
		case "military", "humanitarian", ModeFinancial:
		default:
			return r.errorf("item mode %q is not military, humanitarian or financial", e.Mode)
		}
		o := aliasOpts{anyCase: true, plural: true, hyphens: true}
		for _, f := range strings.Fields(r.get("flags")) {
			switch f {
			case "p":
				o.anyCase = false
			default:
				return r.errorf("unknown item flag %q", f)
			}
		}
		if err := l.add(r, e); err != nil {
			return err
		}
		l.alias(e, FormName, e.Name, o)
		for _, a := range list(r.get("aliases")) {
			l.alias(e, FormAlias, a, o)
		}
	}
	return nil
}

// oblastSuffixes are the words after an oblast's stem that name the oblast
// rather than its centre ("Kharkiv region", "Odessa oblast").
var oblastSuffixes = []string{"region", "oblast", "province"}

func (l *Lexicon) loadPlaces(rows []row) error {
	for _, r := range rows {
		e := &Entry{Kind: KindPlace, Code: slug(r.get("name")), Name: r.get("name"),
			Category: r.get("kind"), Country: r.get("country"), Held: r.get("held")}
		if e.Held == e.Country && e.Held != "" {
			return r.errorf("%q is held by %s, the state it lies in: leave held empty", e.Name, e.Held)
		}
		var err1, err2 error
		e.Lat, err1 = strconv.ParseFloat(r.get("lat"), 64)
		e.Lon, err2 = strconv.ParseFloat(r.get("lon"), 64)
		if err := errors.Join(err1, err2); err != nil {
			return r.errorf("coordinates of %q: %v", e.Name, err)
		}
		if e.Lat < -90 || e.Lat > 90 || e.Lon < -180 || e.Lon > 180 {
			return r.errorf("coordinates of %q out of range", e.Name)
		}
		if err := l.add(r, e); err != nil {
			return err
		}
		l.alias(e, FormName, e.Name, aliasOpts{})
		for _, a := range list(r.get("aliases")) {
			l.alias(e, FormAlias, a, aliasOpts{})
		}
		stems := list(r.get("stems"))
		if len(stems) > 0 && e.Category != "oblast" {
			return r.errorf("stems are for oblasts, %q is a %s", e.Name, e.Category)
		}
		for _, s := range stems {
			for _, suf := range oblastSuffixes {
				l.alias(e, FormAlias, s+" "+suf, aliasOpts{})
			}
		}
	}
	return nil
}

func (l *Lexicon) loadStops(rows []row) error {
	for i, r := range rows {
		e := &Entry{Kind: kindStop, Code: strconv.Itoa(i + 1), Name: r.get("phrase")}
		if err := l.add(r, e); err != nil {
			return err
		}
		l.alias(e, FormAlias, e.Name, aliasOpts{noByName: true})
	}
	return nil
}
