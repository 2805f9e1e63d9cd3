package server

import (
	"context"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/sitrep-project/sitrep/internal/store"
)

// mapCircles finds the events a map page draws: each circle's link and
// its type class.
var mapCircles = regexp.MustCompile(`<a href="/events/([^"]+)" class="(t-[a-z_-]+)"><circle cx="[0-9.-]+" cy="[0-9.-]+" r="5"/><title>`)

func TestMapPage(t *testing.T) {
	s := newTestServer(t)
	r := get(t, s, "/map")
	if r.code != 200 {
		t.Fatalf("/map: %d", r.code)
	}
	drawn := mapCircles.FindAllStringSubmatch(r.body, -1)
	if len(drawn) < 10 {
		t.Fatalf("/map draws %d events", len(drawn))
	}
	for _, want := range []string{
		`<svg class="map-chart" viewBox="0 0 960 `, `role="group" aria-label="Map of ` + strconv.Itoa(len(drawn)) + ` events by place, coloured by type"`,
		`<a href="/map" aria-current="page">Map</a>`, "Natural Earth", `<caption class="visually-hidden">Events on the map`,
		`<form class="filters" action="/map"`,
	} {
		if !strings.Contains(r.body, want) {
			t.Errorf("/map lacks %q", want)
		}
	}
	// Every drawn event has its row in the table, and the outlines are
	// drawn around them.
	rows := strings.Count(r.body[strings.Index(r.body, `<table class="records map-list">`):], "<tr>") - 1
	if rows != len(drawn) {
		t.Errorf("%d events drawn, %d rows listed", len(drawn), rows)
	}
	if n := strings.Count(r.body, "<path d=\"M"); n < 5 {
		t.Errorf("%d countries drawn", n)
	}

	// Filtered by type: only that type's circles, fewer than all.
	typ := strings.TrimPrefix(drawn[0][2], "t-")
	r = get(t, s, "/map?type="+typ)
	only := mapCircles.FindAllStringSubmatch(r.body, -1)
	if len(only) == 0 || len(only) >= len(drawn) {
		t.Errorf("type %s: %d of %d events drawn", typ, len(only), len(drawn))
	}
	for _, m := range only {
		if m[2] != "t-"+typ {
			t.Errorf("type %s: drew %s as %s", typ, m[1], m[2])
		}
	}
	if !strings.Contains(r.body, `<option value="`+typ+`" selected>`) {
		t.Errorf("type %s not selected in the form", typ)
	}

	// A filter error shows on the page, as on the timeline.
	r = get(t, s, "/map?from=yesterday")
	if r.code != 200 || !strings.Contains(r.body, `class="problem" role="alert"`) || strings.Contains(r.body, "<circle") {
		t.Errorf("/map?from=yesterday: %d, no problem shown or events drawn", r.code)
	}
}

// TestMapPageLeavesUnplacedOut checks that a record with no place that
// has coordinates is not drawn nor listed, and that the page counts it.
func TestMapPageLeavesUnplacedOut(t *testing.T) {
	s := newTestServer(t)
	recs, _, err := s.records(context.Background(), store.RecordFilter{NoMentions: true}, paging{limit: mapLimit})
	if err != nil {
		t.Fatal(err)
	}
	var unplaced string
	placed := 0
	for _, rec := range recs {
		if firstLocated(rec) != nil {
			placed++
		} else if unplaced == "" {
			unplaced = rec.ID
		}
	}
	if unplaced == "" {
		t.Fatal("the corpus has no record without coordinates")
	}
	r := get(t, s, "/map")
	if strings.Contains(r.body, "/events/"+unplaced+`"`) {
		t.Errorf("record %s has no coordinates but is on the map page", unplaced)
	}
	if n := len(mapCircles.FindAllString(r.body, -1)); n != placed {
		t.Errorf("%d events drawn, %d have coordinates", n, placed)
	}
	want := strconv.Itoa(len(recs)-placed) + " more of this selection have no place with coordinates and are left out"
	if !strings.Contains(r.body, want) {
		t.Errorf("/map does not say %q", want)
	}
}

func TestCountryOutlines(t *testing.T) {
	rings, err := countryRings()
	if err != nil {
		t.Fatal(err)
	}
	names := map[string]bool{}
	for _, r := range rings {
		names[r.country] = true
		// Rings across the antimeridian are moved east of it whole
		// (mapgen's unwrap), so eastern Russia reaches past 180°.
		if r.minLon < -180 || r.maxLon > 195 || r.minLat < -90 || r.maxLat > 90 {
			t.Errorf("%s: ring out of bounds: lon %v to %v, lat %v to %v", r.country, r.minLon, r.maxLon, r.minLat, r.maxLat)
		}
	}
	for _, c := range []string{"Germany", "Ukraine", "Poland", "Russia", "United States of America"} {
		if !names[c] {
			t.Errorf("no outline of %s", c)
		}
	}
	if len(names) < 150 {
		t.Errorf("%d countries", len(names))
	}
	if len(countriesTxt) > 300<<10 {
		t.Errorf("the outlines take %d bytes", len(countriesTxt))
	}
	for _, bad := range []string{"", "Nowhere 1,2 3,4 5,6\n", "Nowhere\t1,2 3,x 5,6\n"} {
		if _, err := parseRings([]byte(bad)); err == nil {
			t.Errorf("parseRings(%q) took it", bad)
		}
	}
}

func TestMapExtent(t *testing.T) {
	if e := mapExtent(nil); e != europe {
		t.Errorf("no events: %v, want Europe", e)
	}
	// One town: a region around it, not the town alone.
	e := mapExtent([][2]float64{{30.5, 50.45}})
	if e.maxLon-e.minLon < 12 || e.maxLat-e.minLat < 8 || e.minLon > 30.5 || e.maxLon < 30.5 || e.minLat > 50.45 || e.maxLat < 50.45 {
		t.Errorf("Kyiv alone: %v", e)
	}
	// Events across the world: the frame stays on the globe.
	e = mapExtent([][2]float64{{-179, -80}, {179, 80}})
	if e.minLon < -180 || e.maxLon > 180 || e.minLat < -85 || e.maxLat > 85 {
		t.Errorf("the world: %v", e)
	}
	p := newProjection(e)
	if x, y := p.xy(e.minLon, e.maxLat); x != 0 || y != 0 {
		t.Errorf("top left at %v,%v", x, y)
	}
	if x, _ := p.xy(e.maxLon, e.minLat); x < mapWidth-0.01 || x > mapWidth+0.01 {
		t.Errorf("right edge at %v", x)
	}
}
