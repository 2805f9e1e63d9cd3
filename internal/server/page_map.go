package server

import (
	"bufio"
	"bytes"
	_ "embed"
	"errors"
	"fmt"
	"math"
	"net/http"
	"strconv"
	"strings"
	"sync"

	"github.com/sitrep-project/sitrep/internal/model"
	"github.com/sitrep-project/sitrep/internal/query"
)

// The map page draws the records that have a place with coordinates on
// country outlines, all in Go as SVG: the page needs no script, no tiles
// and no network, so it works offline and under the site's
// Content-Security-Policy.

// countriesTxt holds the country outlines: Natural Earth 1:110m (public
// domain) from the npm package world-atlas, converted by ./mapgen (see
// its doc comment for the command). One ring a line: the country's name,
// a tab, then "lon,lat" points in tenths of a degree.
//
//go:embed data/countries.txt
var countriesTxt []byte

// mapLimit bounds the records one map reads and draws: enough for any
// filtered view, and a page that a browser still draws quickly.
const mapLimit = 2000

// mapWidth is the width of the map's viewBox; its height follows the
// area shown.
const mapWidth = 960

// ring is one closed outline of a country, in degrees, with its bounds
// so that the rings off the map are skipped without projecting them.
type ring struct {
	country                        string
	pts                            [][2]float64 // lon, lat
	minLon, maxLon, minLat, maxLat float64
}

var (
	worldOnce  sync.Once
	worldRings []ring
	worldErr   error
)

// countryRings parses the embedded outlines once, on first use.
func countryRings() ([]ring, error) {
	worldOnce.Do(func() { worldRings, worldErr = parseRings(countriesTxt) })
	return worldRings, worldErr
}

// parseRings reads the outline format that mapgen writes.
func parseRings(data []byte) ([]ring, error) {
	var out []ring
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(make([]byte, 0, 64*1024), 1<<20)
	for n := 1; sc.Scan(); n++ {
		name, pts, ok := strings.Cut(sc.Text(), "\t")
		if !ok {
			return nil, fmt.Errorf("country outlines, line %d: no tab", n)
		}
		r := ring{country: name, minLon: math.Inf(1), maxLon: math.Inf(-1), minLat: math.Inf(1), maxLat: math.Inf(-1)}
		for _, p := range strings.Fields(pts) {
			xs, ys, ok := strings.Cut(p, ",")
			x, err1 := strconv.Atoi(xs)
			y, err2 := strconv.Atoi(ys)
			if !ok || err1 != nil || err2 != nil {
				return nil, fmt.Errorf("country outlines, line %d: bad point %q", n, p)
			}
			lon, lat := float64(x)/10, float64(y)/10
			r.pts = append(r.pts, [2]float64{lon, lat})
			r.minLon, r.maxLon = min(r.minLon, lon), max(r.maxLon, lon)
			r.minLat, r.maxLat = min(r.minLat, lat), max(r.maxLat, lat)
		}
		if len(r.pts) >= 3 {
			out = append(out, r)
		}
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	if len(out) == 0 {
		return nil, errors.New("country outlines: none")
	}
	return out, nil
}

// extent is the area a map shows, in degrees.
type extent struct{ minLon, maxLon, minLat, maxLat float64 }

// europe is what the map shows when no event has coordinates: sitrep's
// sample news is mostly about Europe and its neighbours.
var europe = extent{minLon: -25, maxLon: 50, minLat: 33, maxLat: 72}

// mapExtent is the area around the points: their bounds with a margin,
// no smaller than a region (so that one event does not fill the map with
// one town), and widened to an aspect a page can show.
func mapExtent(pts [][2]float64) extent {
	if len(pts) == 0 {
		return europe
	}
	e := extent{math.Inf(1), math.Inf(-1), math.Inf(1), math.Inf(-1)}
	for _, p := range pts {
		e.minLon, e.maxLon = min(e.minLon, p[0]), max(e.maxLon, p[0])
		e.minLat, e.maxLat = min(e.minLat, p[1]), max(e.maxLat, p[1])
	}
	cx, cy := (e.minLon+e.maxLon)/2, (e.minLat+e.maxLat)/2
	w := max((e.maxLon-e.minLon)*1.2, 12)
	h := max((e.maxLat-e.minLat)*1.2, 8)
	k := math.Cos(cy * math.Pi / 180)
	// Between a wide strip (1:2.2) and 3:4 tall, measured on the map,
	// so that the whole map fits a screen beside the filters.
	if a := h / (w * k); a < 0.45 {
		h = 0.45 * w * k
	} else if a > 0.75 {
		w = h / (0.75 * k)
	}
	w, h = min(w, 360), min(h, 170)
	e = extent{cx - w/2, cx + w/2, cy - h/2, cy + h/2}
	// Keep the frame on the globe: slide it back inside rather than shrink.
	if e.minLat < -85 {
		e.minLat, e.maxLat = -85, -85+h
	}
	if e.maxLat > 85 {
		e.minLat, e.maxLat = 85-h, 85
	}
	if e.minLon < -180 {
		e.minLon, e.maxLon = -180, -180+w
	}
	if e.maxLon > 180 {
		e.minLon, e.maxLon = 180-w, 180
	}
	return e
}

// projection is an equirectangular projection of an extent onto the
// map's viewBox, its parallels spaced true at the extent's middle
// latitude, which keeps a region's shape at the scales the map shows.
type projection struct {
	e             extent
	scale, k      float64
	width, height float64
}

func newProjection(e extent) projection {
	k := math.Cos((e.minLat + e.maxLat) / 2 * math.Pi / 180)
	scale := mapWidth / ((e.maxLon - e.minLon) * k)
	return projection{e: e, scale: scale, k: k, width: mapWidth, height: math.Round((e.maxLat - e.minLat) * scale)}
}

func (p projection) xy(lon, lat float64) (x, y float64) {
	return (lon - p.e.minLon) * p.k * p.scale, (p.e.maxLat - lat) * p.scale
}

// countryPaths draws the rings that reach into the extent, one path per
// country, with coordinates to a tenth of a unit; the viewBox crops the
// rest.
func countryPaths(rings []ring, p projection) []mapCountry {
	var out []mapCountry
	idx := map[string]int{}
	for _, r := range rings {
		if r.maxLon < p.e.minLon || r.minLon > p.e.maxLon || r.maxLat < p.e.minLat || r.minLat > p.e.maxLat {
			continue
		}
		var b strings.Builder
		for i, pt := range r.pts {
			x, y := p.xy(pt[0], pt[1])
			if i == 0 {
				b.WriteByte('M')
			} else {
				b.WriteByte('L')
			}
			b.WriteString(strconv.FormatFloat(x, 'f', 1, 64))
			b.WriteByte(' ')
			b.WriteString(strconv.FormatFloat(y, 'f', 1, 64))
		}
		b.WriteByte('Z')
		if i, ok := idx[r.country]; ok {
			out[i].D += b.String()
			continue
		}
		idx[r.country] = len(out)
		out = append(out, mapCountry{Name: r.country, D: b.String()})
	}
	return out
}

// mapCountry is one country's outline as an SVG path.
type mapCountry struct{ Name, D string }

// mapEvent is one drawn record: a circle on the map and a row below it.
type mapEvent struct {
	ID, Day, Summary, Place string
	Type                    model.EventType
	X, Y                    string
}

// mapView is the map page's data.
type mapView struct {
	recordFilters
	Present       []model.EventType // types drawn, for the legend
	Events        []mapEvent
	Countries     []mapCountry
	Width, Height int
	Read          int // records read for the map, at most mapLimit
	Total         int // records the filter selects
	Unplaced      int // records read that have no place with coordinates
	More          string
	Problem       string
}

// firstLocated is the record's first place with coordinates, or nil.
func firstLocated(r *model.Record) *model.Place {
	for i := range r.Places {
		p := &r.Places[i]
		if p.Lat != nil && p.Lon != nil && !math.IsNaN(*p.Lat) && !math.IsNaN(*p.Lon) &&
			math.Abs(*p.Lat) <= 90 && math.Abs(*p.Lon) <= 180 {
			return p
		}
	}
	return nil
}

func (s *Server) mapPage(r *http.Request) (string, *view, error) {
	q := r.URL.Query()
	v := &mapView{recordFilters: readRecordFilters(q, "/map", "Filter the map")}
	rings, err := countryRings()
	if err != nil {
		return "", nil, err
	}
	f, _, err := recordParams(q, mapLimit)
	var ae *apiError
	switch {
	case errors.As(err, &ae):
		v.Problem = ae.msg
	case err != nil:
		return "", nil, err
	}
	var placed []*model.Record
	if v.Problem == "" {
		// The map reads the first mapLimit records of the filter whatever
		// limit or offset the address gives: it has no pages, and a
		// bound of its own keeps one request from reading the store.
		f.NoMentions = true
		recs, total, err := s.records(r.Context(), f, paging{limit: mapLimit})
		if err != nil {
			return "", nil, err
		}
		v.Read, v.Total = len(recs), total
		for _, rec := range recs {
			if firstLocated(rec) != nil {
				placed = append(placed, rec)
			} else {
				v.Unplaced++
			}
		}
		if total > len(recs) {
			v.More = link("/timeline", "type", v.Type, "actor", v.Actor, "place", v.Place, "from", v.From, "to", v.To)
		}
	}
	pts := make([][2]float64, len(placed))
	for i, rec := range placed {
		p := firstLocated(rec)
		pts[i] = [2]float64{*p.Lon, *p.Lat}
	}
	proj := newProjection(mapExtent(pts))
	v.Width, v.Height = int(proj.width), int(proj.height)
	v.Countries = countryPaths(rings, proj)
	seen := map[model.EventType]bool{}
	// Many reports name only a city, so events pile up on one point;
	// each after the first there moves out along a spiral (the golden
	// angle apart), so that every event stays a circle of its own that
	// can be seen and followed.
	stacked := map[[2]float64]int{}
	for i, rec := range placed {
		x, y := proj.xy(pts[i][0], pts[i][1])
		n := stacked[pts[i]]
		stacked[pts[i]]++
		if n > 0 {
			a, d := float64(n)*2.399963, 6*math.Sqrt(float64(n))
			x, y = x+d*math.Cos(a), y+d*math.Sin(a)
		}
		v.Events = append(v.Events, mapEvent{ID: rec.ID, Day: rec.Day, Summary: query.Summary(rec), Place: firstLocated(rec).Name, Type: rec.Type,
			X: strconv.FormatFloat(x, 'f', 1, 64), Y: strconv.FormatFloat(y, 'f', 1, 64)})
		seen[rec.Type] = true
	}
	for _, t := range model.TypeNames() {
		if seen[t] {
			v.Present = append(v.Present, t)
		}
	}
	return "map", &view{Title: "Map", Nav: "map", Data: v}, nil
}
