package model

import (
	"encoding/json"
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// allTypes is every EventType constant the package declares, read from
// its source so that a constant added without a registry row is caught.
var allTypes = func() []EventType {
	names, err := filepath.Glob("*.go")
	if err != nil {
		panic(err)
	}
	var out []EventType
	for _, name := range names {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(token.NewFileSet(), name, nil, 0)
		if err != nil {
			panic(err)
		}
		for _, d := range f.Decls {
			g, ok := d.(*ast.GenDecl)
			if !ok || g.Tok != token.CONST {
				continue
			}
			for _, spec := range g.Specs {
				vs := spec.(*ast.ValueSpec)
				if id, ok := vs.Type.(*ast.Ident); !ok || id.Name != "EventType" {
					continue
				}
				for _, v := range vs.Values {
					lit := v.(*ast.BasicLit)
					s, err := strconv.Unquote(lit.Value)
					if err != nil {
						panic(err)
					}
					out = append(out, EventType(s))
				}
			}
		}
	}
	return out
}()

var hexColour = regexp.MustCompile(`^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$`)

// TestTypeTable checks every row of the registry on its own and against
// the others: the stages trust it without checking.
func TestTypeTable(t *testing.T) {
	if len(allTypes) < 15 {
		t.Fatalf("read %d EventType constants from the source, want at least 15", len(allTypes))
	}
	rows := map[EventType]int{}
	orders := map[int]EventType{}
	for _, ti := range typeTable {
		t.Run(string(ti.Type), func(t *testing.T) {
			rows[ti.Type]++
			if ti.Type == "" || string(ti.Type) != strings.ToLower(strings.TrimSpace(string(ti.Type))) {
				t.Errorf("name %q: want a lower-case word, as JSON and the store hold it", ti.Type)
			}
			if !slices.Contains(allTypes, ti.Type) {
				t.Errorf("row %q has no constant", ti.Type)
			}
			if ti.Label == "" {
				t.Error("no label")
			}
			if ti.Window <= 0 {
				t.Errorf("window %d: want a positive number of days", ti.Window)
			}
			if ti.Order <= 0 {
				t.Errorf("order %d: want a positive number", ti.Order)
			}
			if o, dup := orders[ti.Order]; dup {
				t.Errorf("order %d is also %s's", ti.Order, o)
			}
			orders[ti.Order] = ti.Type
			if !hexColour.MatchString(ti.Colour) {
				t.Errorf("colour %q: want CSS hex, #rgb or #rrggbb", ti.Colour)
			}
		})
	}
	for _, c := range allTypes {
		if rows[c] != 1 {
			t.Errorf("%s: %d rows, want 1", c, rows[c])
		}
	}
	if !hexColour.MatchString(OtherColour) {
		t.Errorf("OtherColour %q is not CSS hex", OtherColour)
	}
}

func TestTypesInDisplayOrder(t *testing.T) {
	ts := Types()
	if len(ts) != len(allTypes) {
		t.Fatalf("%d types, want %d", len(ts), len(allTypes))
	}
	if !slices.IsSortedFunc(ts, func(a, b TypeInfo) int { return a.Order - b.Order }) {
		t.Errorf("Types() not in display order: %v", ts)
	}
	names := TypeNames()
	for i := range ts {
		if names[i] != ts[i].Type {
			t.Errorf("TypeNames()[%d] = %s, Types()[%d] = %s", i, names[i], i, ts[i].Type)
		}
	}
	// The order pages have always shown, kept by the registry.
	want := []EventType{TypeAid, TypeAttack, TypeCasualties, TypeDisplacement, TypeMobilize, TypeCyberattack,
		TypeSanction, TypeVisit, TypeMeet, TypeTalks, TypeStatement, TypeThreaten, TypeDemand, TypeAccuse, TypeDeny}
	if !slices.Equal(names, want) {
		t.Errorf("order %v, want %v", names, want)
	}
	ts[0].Label = "changed"
	if Types()[0].Label == "changed" {
		t.Error("Types() shares its slice with the registry")
	}
	if got, want := FigureTypes(), []EventType{TypeCasualties, TypeDisplacement, TypeMobilize}; !slices.Equal(got, want) {
		t.Errorf("FigureTypes() = %v, want %v", got, want)
	}
}

func TestLookupType(t *testing.T) {
	for _, c := range allTypes {
		ti, ok := LookupType(string(c))
		if !ok || ti.Type != c {
			t.Errorf("LookupType(%q) = %v, %v", c, ti, ok)
		}
		if c.Info() != ti || !c.Known() {
			t.Errorf("%s.Info() = %v, want %v", c, c.Info(), ti)
		}
	}
	if ti, ok := LookupType(" Casualties "); !ok || ti.Type != TypeCasualties {
		t.Errorf("case and space not ignored: %v, %v", ti, ok)
	}
	if _, ok := LookupType("riot"); ok {
		t.Error("riot found")
	}
	other := EventType("riot")
	if other.Known() {
		t.Error("riot known")
	}
	if i := other.Info(); i.Type != other || i.Label != "riot" || i.Colour != OtherColour || i.Window != 0 || i.Figure {
		t.Errorf("unknown type's Info() = %+v", i)
	}
	if other.Info().Order <= Types()[len(Types())-1].Order {
		t.Error("an unknown type does not sort last")
	}
}

func TestParseEventType(t *testing.T) {
	for _, c := range []struct {
		in      string
		want    EventType
		wantErr string
	}{
		{in: "aid", want: TypeAid},
		{in: " MOBILIZE", want: TypeMobilize},
		{in: "riot", wantErr: `unknown event type "riot" (types: aid, attack, casualties, displacement, mobilize, cyberattack, sanction, visit, meet, talks, statement, threaten, demand, accuse, deny)`},
		{in: "", wantErr: `unknown event type ""`},
		{in: "aid,attack", wantErr: `unknown event type "aid,attack"`},
		{in: "casualty", wantErr: `unknown event type "casualty"`},
	} {
		got, err := ParseEventType(c.in)
		switch {
		case c.wantErr != "":
			if err == nil || !strings.HasPrefix(err.Error(), c.wantErr) {
				t.Errorf("ParseEventType(%q) = %q, %v; want error %q", c.in, got, err, c.wantErr)
			}
		case err != nil || got != c.want:
			t.Errorf("ParseEventType(%q) = %q, %v; want %q", c.in, got, err, c.want)
		}
	}
}

func TestParseEventTypes(t *testing.T) {
	got, err := ParseEventTypes(" aid, ,Attack,")
	if err != nil || !slices.Equal(got, []EventType{TypeAid, TypeAttack}) {
		t.Errorf("got %v, %v", got, err)
	}
	if got, err := ParseEventTypes(""); err != nil || got != nil {
		t.Errorf("empty: %v, %v", got, err)
	}
	if _, err := ParseEventTypes("aid,riots"); err == nil || !strings.Contains(err.Error(), `"riots"`) {
		t.Errorf("want an error naming riots, got %v", err)
	}
}

// TestRegistryRejectsDuplicates checks that a type declared twice stops
// the program instead of one row silently winning.
func TestRegistryRejectsDuplicates(t *testing.T) {
	defer func() {
		if recover() == nil {
			t.Error("no panic on a duplicate row")
		}
	}()
	newRegistry([]TypeInfo{{Type: TypeAid, Order: 1}, {Type: TypeAid, Order: 2}})
}

// TestEventTypeJSON checks that the typed field keeps the plain names of
// the export schema, the store and the gold files.
func TestEventTypeJSON(t *testing.T) {
	b, err := json.Marshal(Event{Type: TypeDisplacement})
	if err != nil || !strings.Contains(string(b), `"type":"displacement"`) {
		t.Fatalf("%s, %v", b, err)
	}
	var e Event
	if err := json.Unmarshal([]byte(`{"type":"visit"}`), &e); err != nil || e.Type != TypeVisit {
		t.Errorf("%q, %v", e.Type, err)
	}
}
