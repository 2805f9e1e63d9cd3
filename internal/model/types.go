package model

import (
	"fmt"
	"sort"
	"strings"
)

// EventType names what kind of event a frame reports. It is a string so
// that JSON, the store and the gold files keep the plain names ("aid",
// "casualties"); it is its own type so that the compiler tells an event
// type from an actor code or a status wherever one is passed.
type EventType string

// The event types, as the gold files and the export schema name them.
// Each has one row in typeTable below; code that branches on one type
// (extraction rules, the aid ledger) names these constants.
const (
	TypeAid          EventType = "aid"
	TypeCasualties   EventType = "casualties"
	TypeDisplacement EventType = "displacement"
	TypeMobilize     EventType = "mobilize"
	TypeAttack       EventType = "attack"
	TypeCyberattack  EventType = "cyberattack"
	TypeVisit        EventType = "visit"
	TypeMeet         EventType = "meet"
	TypeTalks        EventType = "talks"
	TypeStatement    EventType = "statement"
	TypeThreaten     EventType = "threaten"
	TypeDemand       EventType = "demand"
	TypeAccuse       EventType = "accuse"
	TypeDeny         EventType = "deny"
	TypeSanction     EventType = "sanction"
)

// TypeInfo declares one event type: everything a stage other than
// extraction needs to know about it. Stages read these declarations
// instead of keeping their own lists, so that they cannot disagree about
// which types exist.
type TypeInfo struct {
	// Type is the type's name.
	Type EventType
	// Label heads the type's events or figures on a page ("Troops
	// massed" reads better than "mobilize").
	Label string
	// Window bounds, in days, how far apart two reports of one event may
	// be filed for resolve to merge them: an aid package is announced,
	// approved and delivered over weeks; a strike or a day's toll is told
	// within a day or two.
	Window int
	// Order places the type in lists, menus and legends: lower first.
	// Rows are numbered in tens so a new type can go between two.
	Order int
	// Colour is the CSS colour (#rrggbb) the web UI marks the type with,
	// in chips, highlighted text and the timeline.
	Colour string
	// Figure marks types whose counts of people form series over time
	// (the figures command and page): casualties, displacement, troops.
	Figure bool
}

// typeTable is the registry of event types: one row per type. Adding an
// event type is one constant above and one row here, plus its extraction
// data (a row in internal/event/data/frames.tsv and its words in
// triggers.tsv); the merge window, the menus and legends, the colour, the
// figures and the type checks of the CLI and the HTTP API all follow from
// the row. The tests
// check that every constant has exactly one row, that orders are unique,
// windows positive and colours valid CSS hex.
var typeTable = []TypeInfo{
	{Type: TypeAid, Label: "Aid", Window: 45, Order: 10, Colour: "#1f6fb5"},
	{Type: TypeAttack, Label: "Attack", Window: 2, Order: 20, Colour: "#c62828"},
	{Type: TypeCasualties, Label: "Casualties", Window: 2, Order: 30, Colour: "#7b1f1f", Figure: true},
	{Type: TypeDisplacement, Label: "Displaced", Window: 2, Order: 40, Colour: "#7a4fb0", Figure: true},
	{Type: TypeMobilize, Label: "Troops massed", Window: 10, Order: 50, Colour: "#8a5a2b", Figure: true},
	{Type: TypeCyberattack, Label: "Cyberattack", Window: 5, Order: 60, Colour: "#c2417f"},
	{Type: TypeSanction, Label: "Sanction", Window: 1, Order: 70, Colour: "#5f6b7a"},
	{Type: TypeVisit, Label: "Visit", Window: 14, Order: 80, Colour: "#2e7d32"},
	{Type: TypeMeet, Label: "Meeting", Window: 7, Order: 90, Colour: "#00838f"},
	{Type: TypeTalks, Label: "Talks", Window: 7, Order: 100, Colour: "#7c8b00"},
	// Speech acts keep the three days resolve gave every type it had no
	// window for before the registry.
	{Type: TypeStatement, Label: "Statement", Window: 3, Order: 110, Colour: "#6b7280"},
	{Type: TypeThreaten, Label: "Threat", Window: 3, Order: 120, Colour: "#e06c00"},
	{Type: TypeDemand, Label: "Demand", Window: 3, Order: 130, Colour: "#a35200"},
	{Type: TypeAccuse, Label: "Accusation", Window: 3, Order: 140, Colour: "#ad1457"},
	{Type: TypeDeny, Label: "Denial", Window: 3, Order: 150, Colour: "#37474f"},
}

// OtherColour is the neutral colour of a type the registry does not
// declare, which the UI can still meet in a store written by another
// version of sitrep.
const OtherColour = "#6b7280"

// registry is typeTable sorted by Order and indexed by name, built once.
var registry = newRegistry(typeTable)

type typeRegistry struct {
	list   []TypeInfo
	byName map[EventType]int
}

// newRegistry indexes a table; a name declared twice is a programming
// error in the table, so it panics rather than letting one row win.
func newRegistry(table []TypeInfo) typeRegistry {
	r := typeRegistry{list: append([]TypeInfo(nil), table...), byName: map[EventType]int{}}
	sort.SliceStable(r.list, func(i, j int) bool { return r.list[i].Order < r.list[j].Order })
	for i, t := range r.list {
		if _, dup := r.byName[t.Type]; dup {
			panic(fmt.Sprintf("model: event type %q declared twice", t.Type))
		}
		r.byName[t.Type] = i
	}
	return r
}

// Types returns every declared event type in display order. The slice is
// a copy: callers may keep or change it.
func Types() []TypeInfo {
	return append([]TypeInfo(nil), registry.list...)
}

// TypeNames returns the names of the declared types in display order,
// for messages and menus.
func TypeNames() []EventType {
	out := make([]EventType, len(registry.list))
	for i, t := range registry.list {
		out[i] = t.Type
	}
	return out
}

// FigureTypes returns the types whose counts form series, in display order.
func FigureTypes() []EventType {
	var out []EventType
	for _, t := range registry.list {
		if t.Figure {
			out = append(out, t.Type)
		}
	}
	return out
}

// LookupType returns the declaration of the type named s. Case and
// surrounding space are ignored, as users type them in flags and query
// parameters.
func LookupType(s string) (TypeInfo, bool) {
	i, ok := registry.byName[EventType(strings.ToLower(strings.TrimSpace(s)))]
	if !ok {
		return TypeInfo{}, false
	}
	return registry.list[i], true
}

// ParseEventType reads a type name as a user gives it; an unknown name is
// an error that lists the known ones, so that a typo is told, not
// answered with an empty result.
func ParseEventType(s string) (EventType, error) {
	t, ok := LookupType(s)
	if !ok {
		return "", fmt.Errorf("unknown event type %q (types: %s)", strings.TrimSpace(s), joinTypes(TypeNames()))
	}
	return t.Type, nil
}

// ParseEventTypes reads a comma-separated list of type names; empty items
// are skipped, so "" gives none.
func ParseEventTypes(list string) ([]EventType, error) {
	var out []EventType
	for _, s := range strings.Split(list, ",") {
		if strings.TrimSpace(s) == "" {
			continue
		}
		t, err := ParseEventType(s)
		if err != nil {
			return nil, err
		}
		out = append(out, t)
	}
	return out, nil
}

// Known reports whether the registry declares t.
func (t EventType) Known() bool {
	_, ok := registry.byName[t]
	return ok
}

// Info returns t's declaration. A type the registry does not declare gets
// a neutral one (its name as label, OtherColour, last in order, no merge
// window), so that a page can still show it.
func (t EventType) Info() TypeInfo {
	if i, ok := registry.byName[t]; ok {
		return registry.list[i]
	}
	last := 0
	if n := len(registry.list); n > 0 {
		last = registry.list[n-1].Order
	}
	return TypeInfo{Type: t, Label: string(t), Order: last + 10, Colour: OtherColour}
}

// String returns the type's name.
func (t EventType) String() string { return string(t) }

// joinTypes writes names as "aid, attack, casualties".
func joinTypes(ts []EventType) string {
	parts := make([]string, len(ts))
	for i, t := range ts {
		parts[i] = string(t)
	}
	return strings.Join(parts, ", ")
}
