package server

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/sitrep-project/sitrep/internal/model"
)

// TestTypesCSS checks that the type style sheet gives every registered
// type its colour, is linked from the pages by its versioned address,
// and is served under the same policy as the other static files.
func TestTypesCSS(t *testing.T) {
	s := newTestServer(t)
	r := get(t, s, asset(typesCSSName))
	if r.code != 200 || !strings.HasPrefix(r.header.Get("Content-Type"), "text/css") {
		t.Fatalf("GET %s: %d %q", asset(typesCSSName), r.code, r.header.Get("Content-Type"))
	}
	if r.header.Get("Content-Security-Policy") == "" {
		t.Error("no Content-Security-Policy on the style sheet")
	}
	for _, ti := range model.Types() {
		if want := fmt.Sprintf(".t-%s { --tc: %s; }", ti.Type, ti.Colour); !strings.Contains(r.body, want) {
			t.Errorf("no %q in types.css", want)
		}
		if got := typeClass(ti.Type); got != "t-"+string(ti.Type) {
			t.Errorf("typeClass(%s) = %q", ti.Type, got)
		}
	}
	if !strings.Contains(r.body, ".t-other { --tc: "+model.OtherColour+"; }") || typeClass("riot") != "t-other" {
		t.Error("no neutral class for an unknown type")
	}
	if body := page(t, s, "/timeline", 200); !strings.Contains(body, `<link rel="stylesheet" href="`+asset(typesCSSName)+`">`) {
		t.Error("pages do not link types.css")
	}
	if assetVersions()[typesCSSName] == "" {
		t.Error("types.css has no version")
	}
}

// TestTypeMenusFollowRegistry checks that the menus list the registry's
// types in its order, and the figures menu its figure types by label.
func TestTypeMenusFollowRegistry(t *testing.T) {
	s := newTestServer(t)
	body := page(t, s, "/timeline", 200)
	last := -1
	for _, ti := range model.Types() {
		i := strings.Index(body, fmt.Sprintf(`<option value="%s"`, ti.Type))
		if i < 0 || i < last {
			t.Errorf("timeline menu: %s missing or out of order", ti.Type)
		}
		last = i
	}
	body = page(t, s, "/figures?type=mobilize", 200)
	for _, ft := range model.FigureTypes() {
		if !strings.Contains(body, fmt.Sprintf(`<option value="%s"`, ft)) || !strings.Contains(body, ft.Info().Label+"</option>") {
			t.Errorf("figures menu lacks %s (%s)", ft, ft.Info().Label)
		}
	}
	if !strings.Contains(body, `<option value="mobilize" selected>Troops massed</option>`) {
		t.Error("figures menu does not select mobilize")
	}
	if strings.Contains(body, `<option value="aid"`) {
		t.Error("figures menu offers aid")
	}
}

// TestTypeParamErrors checks the API's answers to types it does not know
// and to types that have no figures: both name what it would take.
func TestTypeParamErrors(t *testing.T) {
	s := newTestServer(t)
	var e struct{ Error string }
	getJSON(t, s, "/api/v1/timeline?type=aid,Riot", 400, &e)
	if want := `type: unknown event type "Riot" (types: aid, attack, casualties, displacement, mobilize, cyberattack, sanction, visit, meet, talks, statement, threaten, demand, accuse, deny)`; e.Error != want {
		t.Errorf("got %q, want %q", e.Error, want)
	}
	getJSON(t, s, "/api/v1/figures?type=aid", 400, &e)
	if want := "type: figures are kept for casualties, displacement and mobilize, not aid"; e.Error != want {
		t.Errorf("got %q, want %q", e.Error, want)
	}
	var page struct{ Items []TimelineItem }
	getJSON(t, s, "/api/v1/timeline?type=+Attack+,casualties&limit=500", 200, &page)
	if len(page.Items) == 0 {
		t.Fatal("no attacks or casualties in the corpus")
	}
	for _, it := range page.Items {
		if it.Type != model.TypeAttack && it.Type != model.TypeCasualties {
			t.Errorf("%s is a %s", it.ID, it.Type)
		}
	}
}

// TestOpenAPITypeEnums checks that the served description lists the
// registry's types where the source leaves it to the server.
func TestOpenAPITypeEnums(t *testing.T) {
	s := newTestServer(t)
	var doc struct {
		Components struct {
			Schemas map[string]struct {
				Enum []model.EventType `json:"enum"`
			} `json:"schemas"`
		} `json:"components"`
	}
	getJSON(t, s, "/api/v1/openapi.json", 200, &doc)
	if got := doc.Components.Schemas["EventType"].Enum; !slices.Equal(got, model.TypeNames()) {
		t.Errorf("EventType enum %v, want %v", got, model.TypeNames())
	}
	if got := doc.Components.Schemas["FigureType"].Enum; !slices.Equal(got, model.FigureTypes()) {
		t.Errorf("FigureType enum %v, want %v", got, model.FigureTypes())
	}
	// The hand-written source leaves the lists out, so there is no second
	// copy of them to fall behind the registry.
	var src struct {
		Components struct {
			Schemas map[string]map[string]any `json:"schemas"`
		} `json:"components"`
	}
	if err := json.Unmarshal(openAPISource, &src); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"EventType", "FigureType"} {
		if _, ok := src.Components.Schemas[name]["enum"]; ok {
			t.Errorf("openapi.json lists the %s enum itself", name)
		}
	}
}
