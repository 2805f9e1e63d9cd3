// Package lexicon finds the names of states, groups of states,
// organisations, office holders, roles, news outlets, official sources,
// aid items and places in news text.
//
// The gazetteers are data, not code: documented TSV files under data/,
// embedded in the binary and loaded once into a token trie, so that adding
// an alias is a one-line change. Matching walks the trie over the tokens of
// package text (longest match first, left to right) and then applies a few
// rules the files cannot say by themselves: role head words combine with a
// state, organisation or place before or after them and with the person
// named right after them ("Ukraine's defence minister Oleksii Reznikov"),
// "-made" and "-backed" compounds point at their state, a named weapon takes
// in the generic noun after it ("Javelin anti-tank missiles"), and surnames
// that are also common words count only after a title or a full mention.
package lexicon

import (
	"embed"
	"fmt"
	"io/fs"
	"strings"
	"sync"
	"sync/atomic"
)

// Kind says which gazetteer an entry comes from.
type Kind string

// The kinds of entries.
const (
	KindState  Kind = "state"
	KindGroup  Kind = "group"
	KindOrg    Kind = "org"
	KindPerson Kind = "person"
	KindRole   Kind = "role"
	KindOutlet Kind = "outlet"
	KindSource Kind = "source"
	KindItem   Kind = "item"
	KindPlace  Kind = "place"

	// kindStop marks phrases that only block shorter matches inside them.
	kindStop Kind = "stop"
)

// ModeFinancial is the mode of the items that are money (funds, a loan, a
// grant): aid paid rather than delivered.
const ModeFinancial = "financial"

// Forms say how a match was made, so that later stages can weigh it: a
// state named outright is an actor, a state named by its adjective may only
// describe something ("Russian-made").
const (
	FormName      = "name"      // the canonical name
	FormShort     = "short"     // another name of a state (UK, the US, Britain)
	FormAdjective = "adjective" // British, Ukrainian
	FormDemonym   = "demonym"   // Ukrainians, Britons
	FormCapital   = "capital"   // Washington, Kyiv: the capital standing for the state
	FormSeat      = "seat"      // the Kremlin, Downing Street, Brussels for the EU
	FormAlias     = "alias"     // any other listed name
	FormSurname   = "surname"   // a person by surname alone
	FormRole      = "role"      // a role phrase, or a person introduced by one
	FormOrigin    = "origin"    // Russian-made, US-built: where a thing comes from
	FormCompound  = "compound"  // Russian-backed, Kyiv-based: a state in a hyphenated compound
)

// Entry is one thing the lexicon knows. Fields that do not apply to a kind
// are empty.
type Entry struct {
	Kind Kind
	// Code identifies the entry within its kind: ISO 3166-1 alpha-3 for
	// states, the short name for organisations and groups (EU, NATO,
	// BALTICS), the role code for roles, and a slug of the name for people,
	// sources, items and places.
	Code string
	// Name is the canonical name, the one the gold files and the event
	// stage use ("Stinger", "The Wall Street Journal", "Volodymyr Zelenskiy").
	Name string
	// Category is the item category ("air defence", "funds"); for sources
	// official or organisation, for outlets agency, newspaper and so on, for
	// places oblast, city, town, region, site or sea, for roles person or body.
	Category string
	// Mode is the item's mode: military, humanitarian or financial
	// (ModeFinancial).
	Mode string
	// Role is a person's role code (see roles.tsv); for roles, the role code.
	Role string
	// Country is the code of the state or organisation the entry stands or
	// speaks for: its own code for states and organisations, a person's or
	// role's state or organisation, the state a place lies in, the country
	// an outlet is based in.
	Country string
	// Held is, for a place, the party that held it through the period
	// sitrep follows where that is not the state it lies in (Crimea:
	// RUS), or "".
	Held string
	// Lat and Lon locate places, in decimal degrees.
	Lat, Lon float64
	// Members are the state codes of a group.
	Members []string
	// Parent is the organisation an organisation belongs to (UNHCR: UN).
	Parent string
	// Place is the canonical name of the place that qualifies a role
	// ("Donetsk governor"); empty otherwise.
	Place string

	system    bool     // items: a named model that takes in a generic noun after it
	qualified bool     // roles: counts only with a qualifier or a default
	titled    bool     // people: surname alone only after a title or full mention
	spellings []string // people: the forms of the data, name, aliases and surnames
	deflt     string   // roles: the code a head stands for when unqualified
}

// Match is one found name: Start and End are byte offsets into the text,
// Entry what it names and Form how it was written. Also lists other entries
// the same words name (Kyiv is the Ukrainian state and a city; "the White
// House" is the United States and a source; a person introduced by a role
// carries that role here).
type Match struct {
	Start, End int
	Entry      *Entry
	Form       string
	Also       []*Entry
}

// Lexicon holds the loaded gazetteers and the trie built from them. It is
// safe for concurrent use.
type Lexicon struct {
	root    *node
	byCode  map[Kind]map[string]*Entry
	byName  map[Kind]map[string][]*Entry
	entries map[Kind][]*Entry
	// spellings finds the people a written form names (see Spellings).
	spellings map[string][]*Entry
	// sourceByRole resolves "role|code" to the source it names
	// ("defence-ministry|GBR" is the UK Ministry of Defence).
	sourceByRole map[string]*Entry
	// roles holds the role entries made for qualified role phrases, so that
	// every "Ukraine's defence minister" shares one entry.
	roleMu sync.RWMutex
	roles  map[roleKey]*Entry
	// patterns counts the trie's patterns, for tests and tuning.
	patterns int
}

// roleKey identifies a role as qualified in a text.
type roleKey struct{ code, country, place string }

//go:embed data/*.tsv
var dataFS embed.FS

var (
	defaultOnce sync.Once
	defaultLex  *Lexicon
	// loaded holds defaultLex once it is loaded, for loadedDefault.
	loaded atomic.Pointer[Lexicon]
)

// Default returns the lexicon built from the embedded data, loading it on
// first use. The data ships with the binary and is checked by the tests, so
// a failure to load is a build defect and panics.
func Default() *Lexicon {
	defaultOnce.Do(func() {
		sub, err := fs.Sub(dataFS, "data")
		if err != nil {
			panic(fmt.Sprintf("lexicon: embedded data: %v", err))
		}
		l, err := New(sub)
		if err != nil {
			panic(fmt.Sprintf("lexicon: embedded data: %v", err))
		}
		defaultLex = l
		loaded.Store(l)
	})
	return defaultLex
}

// Get returns the entry of a kind with a code, or nil.
func (l *Lexicon) Get(kind Kind, code string) *Entry {
	return l.byCode[kind][code]
}

// Lookup returns the entry of a kind that has name as its canonical name or
// one of its aliases (compared without regard to case or accents, and with
// a leading "the" optional), or nil. When an alias names several entries,
// the first in the data wins.
func (l *Lexicon) Lookup(kind Kind, name string) *Entry {
	k := nameKey(name)
	if es := l.byName[kind][k]; len(es) > 0 {
		return es[0]
	}
	if rest, ok := strings.CutPrefix(k, "the "); ok {
		if es := l.byName[kind][rest]; len(es) > 0 {
			return es[0]
		}
	}
	return nil
}

var (
	spellingsOnce sync.Once
	spellingsLex  *Lexicon
)

// Spellings is Default().Spellings, without loading the whole lexicon
// when no other part of it has been: a search only widens people's names
// (query.SearchVariants), and reading every gazetteer into the matcher
// would cost the search command more than the search.
func Spellings(form string) []string {
	if l := loadedDefault(); l != nil {
		return l.Spellings(form)
	}
	spellingsOnce.Do(func() {
		sub, err := fs.Sub(dataFS, "data")
		if err != nil {
			panic(fmt.Sprintf("lexicon: embedded data: %v", err))
		}
		rows, err := readTSV(sub, "people.tsv")
		if err != nil {
			panic(fmt.Sprintf("lexicon: embedded data: %v", err))
		}
		l := &Lexicon{}
		if err := l.loadSpellings(rows); err != nil {
			panic(fmt.Sprintf("lexicon: embedded data: %v", err))
		}
		spellingsLex = l
	})
	return spellingsLex.Spellings(form)
}

// loadedDefault returns the default lexicon if it has been loaded.
func loadedDefault() *Lexicon {
	return loaded.Load()
}

// Spellings returns the other ways the data writes a person's name when
// form is one of them, with as many words as form: "Zelensky" gives
// "Zelenskiy", "Zelenskyy" and "Zelenskyi"; "Volodymyr Zelensky" the
// full names. Transliterations of one name are one person to a reader,
// and a search for one should find the others. Forms of several people
// give the spellings of all; a form of nobody gives nil.
func (l *Lexicon) Spellings(form string) []string {
	k := nameKey(form)
	n := len(strings.Fields(k))
	var out []string
	for _, e := range l.spellings[k] {
		for _, f := range e.spellings {
			if fk := nameKey(f); fk != k && len(strings.Fields(fk)) == n && !contains(out, f) {
				out = append(out, f)
			}
		}
	}
	return out
}

// Entries returns the entries of a kind in the order of the data files.
func (l *Lexicon) Entries(kind Kind) []*Entry {
	return l.entries[kind]
}

// nameKey is the key Lookup compares names by.
func nameKey(s string) string {
	return strings.Join(strings.Fields(foldString(s)), " ")
}
