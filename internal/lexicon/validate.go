package lexicon

import (
	"errors"
	"fmt"
	"sort"
)

// Categories are the item categories the event stage and the gold files
// know; an item outside them is a typo in the data.
var Categories = []string{
	"air defence", "anti-tank", "artillery", "rockets", "armour", "aircraft", "helicopters",
	"drones", "ships", "small arms", "ammunition", "protective gear", "vehicles", "medical",
	"food", "fuel", "shelter", "funds", "troops", "training", "equipment", "radar", "communications",
}

// Validate checks the loaded data for consistency across files: every code
// a row refers to exists, categories are known, and no alias names two
// entries of one kind unless the data marks it as ambiguous. It returns all
// problems found, joined, or nil.
func (l *Lexicon) Validate() error {
	var errs []error
	bad := func(format string, args ...any) { errs = append(errs, fmt.Errorf(format, args...)) }
	actor := func(code string) bool {
		return l.Get(KindState, code) != nil || l.Get(KindOrg, code) != nil
	}
	for _, e := range l.entries[KindState] {
		if len(e.Code) != 3 {
			bad("state %q: code %q is not three letters", e.Name, e.Code)
		}
	}
	for _, e := range l.entries[KindGroup] {
		for _, m := range e.Members {
			if l.Get(KindState, m) == nil {
				bad("group %s: member %q is not a state code", e.Code, m)
			}
		}
	}
	for _, e := range l.entries[KindOrg] {
		if e.Parent != "" && l.Get(KindOrg, e.Parent) == nil {
			bad("org %s: parent %q is not an organisation code", e.Code, e.Parent)
		}
	}
	for _, e := range l.entries[KindRole] {
		if e.deflt != "" && !actor(e.deflt) {
			bad("role %s: default %q is not a state or organisation code", e.Code, e.deflt)
		}
	}
	for _, e := range l.entries[KindPerson] {
		if !actor(e.Country) {
			bad("person %q: country %q is not a state or organisation code", e.Name, e.Country)
		}
		if l.Get(KindRole, e.Role) == nil {
			bad("person %q: role %q is not in roles.tsv", e.Name, e.Role)
		}
	}
	for _, e := range l.entries[KindOutlet] {
		if l.Get(KindState, e.Country) == nil {
			bad("outlet %q: country %q is not a state code", e.Name, e.Country)
		}
	}
	for _, e := range l.entries[KindSource] {
		if !actor(e.Country) {
			bad("source %q: code %q is not a state or organisation code", e.Name, e.Country)
		}
		if e.Role != "" && l.Get(KindRole, e.Role) == nil {
			bad("source %q: role %q is not in roles.tsv", e.Name, e.Role)
		}
	}
	for _, e := range l.entries[KindPlace] {
		if e.Country == "" && e.Category != "sea" {
			bad("place %q: no country", e.Name)
		} else if e.Country != "" && l.Get(KindState, e.Country) == nil {
			bad("place %q: country %q is not a state code", e.Name, e.Country)
		}
	}
	cats := map[string]bool{}
	for _, c := range Categories {
		cats[c] = true
	}
	for _, e := range l.entries[KindItem] {
		if !cats[e.Category] {
			bad("item %q: unknown category %q", e.Name, e.Category)
		}
	}
	errs = append(errs, l.collisions()...)
	return errors.Join(errs...)
}

// collisions finds aliases that name two entries of the same kind without
// the data saying so: a ? marker on the alias, or a surname that every
// bearer has flagged titled (and so only counts in context).
func (l *Lexicon) collisions() []error {
	var errs []error
	var walk func(n *node)
	walk = func(n *node) {
		byKind := map[Kind][]*pattern{}
		for _, p := range n.outs {
			byKind[p.entry.Kind] = append(byKind[p.entry.Kind], p)
		}
		for kind, ps := range byKind {
			if kind == kindStop || distinctEntries(ps) < 2 {
				continue
			}
			ok := true
			for _, p := range ps {
				if !p.ambiguous && !(p.surname && p.entry.titled) {
					ok = false
				}
			}
			if !ok {
				var names []string
				for _, p := range ps {
					names = append(names, fmt.Sprintf("%q (%s)", p.entry.Name, p.alias))
				}
				sort.Strings(names)
				errs = append(errs, fmt.Errorf("%s alias %q names %v; mark it with ? if that is meant", kind, ps[0].alias, names))
			}
		}
		for _, c := range n.next {
			walk(c)
		}
	}
	walk(l.root)
	return errs
}

func distinctEntries(ps []*pattern) int {
	seen := map[*Entry]bool{}
	for _, p := range ps {
		seen[p.entry] = true
	}
	return len(seen)
}
