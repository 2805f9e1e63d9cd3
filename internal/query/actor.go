package query

import (
	"context"
	"sort"
	"strings"

	"github.com/sitrep-project/sitrep/internal/lexicon"
	"github.com/sitrep-project/sitrep/internal/model"
	"github.com/sitrep-project/sitrep/internal/store"
)

// Actor is one state, organisation or office holder with everything the
// store knows of it: the names it was reported under, the people who spoke
// or acted for it, and the records it takes part in. An office holder's
// records are those of the state or organisation they speak for in which
// they are named as actor or source.
type Actor struct {
	Code      string                  `json:"code"`
	Name      string                  `json:"name"`
	Kind      string                  `json:"kind"`              // state, org, group or person
	Role      string                  `json:"role,omitempty"`    // a person's office
	Country   string                  `json:"country,omitempty"` // the state or organisation a person speaks for
	NamesSeen []NameCount             `json:"names_seen"`
	People    []Person                `json:"people"`
	AsActor   map[model.EventType]int `json:"as_actor"` // records by type where it acts
	AsTarget  map[model.EventType]int `json:"as_target"`
	Records   []*model.Record         `json:"records"`
	// Total counts the records it takes part in.
	Total int `json:"total"`
	// NamesFrom, when set, counts the latest records NamesSeen and People
	// were read from, where there were more (see ActorSummary).
	NamesFrom int `json:"names_from,omitempty"`
}

// NameCount is a name an actor was reported under, with how often.
type NameCount struct {
	Name  string `json:"name"`
	Count int    `json:"count"`
}

// Person is an office holder who acted or spoke for the actor.
type Person struct {
	Name string `json:"name"`
	Role string `json:"role,omitempty"`
}

// ActorRecord gathers what the store holds about one actor code.
func ActorRecord(ctx context.Context, st store.Store, code string) (*Actor, error) {
	lex := lexicon.Default()
	a, person := newActor(lex, code)
	recs, err := st.Records(ctx, store.RecordFilter{Party: a.Code})
	if err != nil {
		return nil, err
	}
	if person != nil {
		recs = namedIn(lex, person, recs)
	}
	a.Records, a.Total = recs, len(recs)
	for _, r := range recs {
		if r.Actor != nil && r.Actor.Code == a.Code {
			a.AsActor[r.Type]++
		}
		for _, t := range r.Targets {
			if t.Code == a.Code {
				a.AsTarget[r.Type]++
			}
		}
	}
	gatherNames(lex, a, recs)
	if a.Name == "" && len(recs) == 0 {
		return nil, store.ErrNotFound
	}
	return a, nil
}

// ActorSummary is ActorRecord without the records, at a bounded cost: the
// counts come from the store's index of parties, and the names and people
// from the actor's latest sample records (NamesFrom says how many, when
// it has more). ActorRecord reads every record of the actor with all its
// reports, which for a state in most of the news is most of the store.
// An office holder's records are a selection only reading them can make,
// so for a person it is ActorRecord, records dropped.
func ActorSummary(ctx context.Context, st store.Store, code string, sample int) (*Actor, error) {
	lex := lexicon.Default()
	a, person := newActor(lex, code)
	if person != nil {
		full, err := ActorRecord(ctx, st, code)
		if err != nil {
			return nil, err
		}
		full.Records = nil
		return full, nil
	}
	pc, err := st.PartyCounts(ctx, a.Code)
	if err != nil {
		return nil, err
	}
	if a.Name == "" && pc.Records == 0 {
		return nil, store.ErrNotFound
	}
	a.Total, a.AsActor, a.AsTarget = pc.Records, pc.AsActor, pc.AsTarget
	recs, err := st.Records(ctx, store.RecordFilter{Party: a.Code, Limit: max(sample, 1), Offset: max(0, pc.Records-sample)})
	if err != nil {
		return nil, err
	}
	if len(recs) < pc.Records {
		a.NamesFrom = len(recs)
	}
	gatherNames(lex, a, recs)
	return a, nil
}

// newActor starts the Actor of a code: a state, organisation or group of
// the lexicon, or an office holder, whose records are those of the state
// or organisation they speak for (person is then their entry).
func newActor(lex *lexicon.Lexicon, code string) (a *Actor, person *lexicon.Entry) {
	if up := strings.ToUpper(code); lex.Get(lexicon.KindState, up) == nil && lex.Get(lexicon.KindOrg, up) == nil && lex.Get(lexicon.KindGroup, up) == nil {
		person = lex.Lookup(lexicon.KindPerson, code)
	}
	if person == nil {
		code = strings.ToUpper(code)
	} else {
		code = person.Country
	}
	a = &Actor{Code: code, AsActor: map[model.EventType]int{}, AsTarget: map[model.EventType]int{}, NamesSeen: []NameCount{}, People: []Person{}}
	for _, k := range []lexicon.Kind{lexicon.KindState, lexicon.KindOrg, lexicon.KindGroup} {
		if e := lex.Get(k, code); e != nil {
			a.Name, a.Kind = e.Name, string(k)
			break
		}
	}
	if person != nil {
		a.Name, a.Kind, a.Role, a.Country = person.Name, string(lexicon.KindPerson), person.Role, person.Country
	}
	return a, person
}

// gatherNames fills an actor's NamesSeen and People from the reports of
// recs: the words each report used for it as actor or target, and the
// office holders among them.
func gatherNames(lex *lexicon.Lexicon, a *Actor, recs []*model.Record) {
	code := a.Code
	names := map[string]int{}
	people := map[string]Person{}
	for _, r := range recs {
		for _, m := range r.Mentions {
			if m.Slots == nil {
				continue
			}
			var texts []string
			if m.Slots.Actor != nil && m.Slots.Actor.Code == code {
				texts = append(texts, m.Slots.Actor.Text)
			}
			for _, t := range m.Slots.Targets {
				if t.Code == code {
					texts = append(texts, t.Text)
				}
			}
			for _, t := range texts {
				t = strings.TrimSpace(t)
				if t == "" {
					continue
				}
				names[t]++
				for _, mt := range lex.Find(t) {
					if mt.Entry.Kind == lexicon.KindPerson && mt.Entry.Country == code {
						people[mt.Entry.Name] = Person{Name: mt.Entry.Name, Role: mt.Entry.Role}
					}
				}
			}
		}
	}
	for n, c := range names {
		a.NamesSeen = append(a.NamesSeen, NameCount{n, c})
	}
	sort.Slice(a.NamesSeen, func(i, j int) bool {
		if a.NamesSeen[i].Count != a.NamesSeen[j].Count {
			return a.NamesSeen[i].Count > a.NamesSeen[j].Count
		}
		return a.NamesSeen[i].Name < a.NamesSeen[j].Name
	})
	for _, p := range people {
		a.People = append(a.People, p)
	}
	sort.Slice(a.People, func(i, j int) bool { return a.People[i].Name < a.People[j].Name })
}

// namedIn keeps the records in which a person is named as the actor or
// the source of a report.
func namedIn(lex *lexicon.Lexicon, person *lexicon.Entry, recs []*model.Record) []*model.Record {
	names := func(text string) bool {
		for _, m := range lex.Find(text) {
			if m.Entry == person {
				return true
			}
			for _, e := range m.Also {
				if e == person {
					return true
				}
			}
		}
		return false
	}
	var out []*model.Record
	for _, r := range recs {
		for _, m := range r.Mentions {
			if m.Source != nil && m.Source.Name == person.Name ||
				m.Slots != nil && m.Slots.Actor != nil && names(m.Slots.Actor.Text) {
				out = append(out, r)
				break
			}
		}
	}
	return out
}
