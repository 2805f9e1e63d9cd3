// Command mapgen converts the country outlines of the npm package
// world-atlas (Natural Earth 1:110m, public domain) from TopoJSON into
// the small text file the map page draws from (internal/server/data/
// countries.txt), so that the server needs neither the package nor a
// TopoJSON decoder at run time.
//
//	cd /tmp && npm pack world-atlas && tar xzf world-atlas-*.tgz
//	go run ./internal/server/mapgen /tmp/package/countries-110m.json > internal/server/data/countries.txt
//
// Each line of the output is one ring of one country: its name, a tab,
// then the ring's points as "lon,lat" in tenths of a degree separated by
// spaces. A tenth of a degree (about 11 km) is finer than the 1:110m
// outlines themselves, and whole numbers keep the file small.
package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"math"
	"os"
	"strings"
)

type topology struct {
	Transform struct {
		Scale     [2]float64 `json:"scale"`
		Translate [2]float64 `json:"translate"`
	} `json:"transform"`
	Arcs    [][][2]float64 `json:"arcs"`
	Objects struct {
		Countries struct {
			Geometries []struct {
				Type       string          `json:"type"`
				Arcs       json.RawMessage `json:"arcs"`
				Properties struct {
					Name string `json:"name"`
				} `json:"properties"`
			} `json:"geometries"`
		} `json:"countries"`
	} `json:"objects"`
}

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: mapgen countries-110m.json > countries.txt")
		os.Exit(2)
	}
	if err := convert(os.Args[1]); err != nil {
		fmt.Fprintln(os.Stderr, "mapgen:", err)
		os.Exit(1)
	}
}

func convert(path string) error {
	data, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	var t topology
	if err := json.Unmarshal(data, &t); err != nil {
		return err
	}
	// Decode the quantized, delta-encoded arcs into tenths of a degree.
	arcs := make([][][2]int, len(t.Arcs))
	for i, arc := range t.Arcs {
		var x, y float64
		for _, d := range arc {
			x, y = x+d[0], y+d[1]
			lon := x*t.Transform.Scale[0] + t.Transform.Translate[0]
			lat := y*t.Transform.Scale[1] + t.Transform.Translate[1]
			arcs[i] = append(arcs[i], [2]int{int(math.Round(lon * 10)), int(math.Round(lat * 10))})
		}
	}
	w := bufio.NewWriter(os.Stdout)
	defer w.Flush()
	for _, g := range t.Objects.Countries.Geometries {
		var polys [][][]int
		switch g.Type {
		case "Polygon":
			var p [][]int
			if err := json.Unmarshal(g.Arcs, &p); err != nil {
				return err
			}
			polys = [][][]int{p}
		case "MultiPolygon":
			if err := json.Unmarshal(g.Arcs, &polys); err != nil {
				return err
			}
		default:
			continue
		}
		// Tabs and line ends would break the format; no name has them.
		name := strings.NewReplacer("\t", " ", "\n", " ").Replace(g.Properties.Name)
		for _, poly := range polys {
			for _, ring := range poly {
				pts := unwrap(ringPoints(arcs, ring))
				if len(pts) < 3 {
					continue
				}
				var b strings.Builder
				b.WriteString(name)
				b.WriteByte('\t')
				for i, p := range pts {
					if i > 0 {
						b.WriteByte(' ')
					}
					fmt.Fprintf(&b, "%d,%d", p[0], p[1])
				}
				b.WriteByte('\n')
				w.WriteString(b.String())
			}
		}
	}
	return nil
}

// ringPoints joins a ring's arcs (a negative index ~i is arc i reversed),
// dropping each arc's first point, which repeats the last one's end, and
// any point that rounding made equal to the one before.
func ringPoints(arcs [][][2]int, ring []int) [][2]int {
	var out [][2]int
	for _, idx := range ring {
		var arc [][2]int
		if idx < 0 {
			src := arcs[^idx]
			for i := len(src) - 1; i >= 0; i-- {
				arc = append(arc, src[i])
			}
		} else {
			arc = arcs[idx]
		}
		for i, p := range arc {
			if i == 0 && len(out) > 0 {
				continue
			}
			if len(out) > 0 && out[len(out)-1] == p {
				continue
			}
			out = append(out, p)
		}
	}
	// The ring closes itself; the path's Z draws the last side.
	if len(out) > 1 && out[0] == out[len(out)-1] {
		out = out[:len(out)-1]
	}
	return out
}

// unwrap mends the rings that cross the antimeridian, which a flat map
// would otherwise cross with a line from one edge to the other. A ring
// that crosses it twice (eastern Russia, Fiji) is moved east of it whole,
// into longitudes past 180°, where the map draws it on the edge; one
// that crosses it once goes round the pole (Antarctica), so the jump is
// replaced by a detour along the pole's edge of the map.
func unwrap(pts [][2]int) [][2]int {
	var jumps []int
	for i := range pts {
		a, b := pts[i], pts[(i+1)%len(pts)]
		if abs(a[0]-b[0]) > 1800 {
			jumps = append(jumps, i)
		}
	}
	switch len(jumps) {
	case 0:
		return pts
	case 1:
		i := jumps[0]
		a, b := pts[i], pts[(i+1)%len(pts)]
		pole := -900
		if a[1] > 0 {
			pole = 900
		}
		out := append([][2]int{}, pts[:i+1]...)
		out = append(out, [2]int{a[0], pole}, [2]int{b[0], pole})
		return append(out, pts[i+1:]...)
	default:
		out := make([][2]int, len(pts))
		for i, p := range pts {
			if p[0] < 0 {
				p[0] += 3600
			}
			out[i] = p
		}
		return out
	}
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}
