package server

import (
	"fmt"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/sitrep-project/sitrep/internal/model"
	"github.com/sitrep-project/sitrep/internal/query"
	"github.com/sitrep-project/sitrep/internal/store"
)

func TestNiceScale(t *testing.T) {
	cases := []struct {
		v     float64
		n     int
		top   float64
		ticks []float64
	}{
		{10, 3, 10, []float64{0, 5, 10}},
		{6, 3, 6, []float64{0, 2, 4, 6}},
		{34, 3, 40, []float64{0, 20, 40}},
		{4e6, 4, 4e6, []float64{0, 1e6, 2e6, 3e6, 4e6}},
		{1, 3, 1, []float64{0, 0.5, 1}},
		{0, 3, 1, []float64{0, 0.5, 1}},
		{14000, 4, 15000, []float64{0, 5000, 10000, 15000}},
	}
	for _, c := range cases {
		top, ticks := niceScale(c.v, c.n)
		if top != c.top || !reflect.DeepEqual(ticks, c.ticks) {
			t.Errorf("niceScale(%v, %d) = %v %v, want %v %v", c.v, c.n, top, ticks, c.top, c.ticks)
		}
		if top < c.v {
			t.Errorf("niceScale(%v): top %v below the value", c.v, top)
		}
	}
}

func TestFillMonths(t *testing.T) {
	got := fillMonths([]store.Count{{Key: "2022-03", Count: 4}, {Key: "2021-12", Count: 1}})
	want := []store.Count{{Key: "2021-12", Count: 1}, {Key: "2022-01", Count: 0}, {Key: "2022-02", Count: 0}, {Key: "2022-03", Count: 4}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("fillMonths = %v, want %v", got, want)
	}
	// A stray old date does not make centuries of empty months.
	got = fillMonths([]store.Count{{Key: "1939-09", Count: 1}, {Key: "2022-03", Count: 9}})
	if len(got) != 2 {
		t.Errorf("sparse months: %d columns", len(got))
	}
}

func TestMonthChartBarsAndLinks(t *testing.T) {
	c := monthChart([]store.Count{{Key: "2022-01", Count: 1}, {Key: "2022-03", Count: 30}}, func(m string) string { return "/m/" + m }, "articles")
	if len(c.Bars) != 3 {
		t.Fatalf("%d bars", len(c.Bars))
	}
	if c.Bars[1].Count != 0 || c.Bars[1].Href != "" || c.Bars[1].H != 0 {
		t.Errorf("the empty month: %+v", c.Bars[1])
	}
	if c.Bars[2].H <= c.Bars[0].H || c.Bars[2].Href != "/m/2022-03" {
		t.Errorf("bars %+v", c.Bars)
	}
	for _, b := range c.Bars {
		if b.Y < 0 || b.Y+b.H > float64(c.H) || b.X < 0 || b.X+b.W > float64(c.W) {
			t.Errorf("bar %+v outside the %dx%d chart", b, c.W, c.H)
		}
	}
	if monthChart(nil, nil, "x") != nil {
		t.Error("a chart of nothing")
	}
}

func f(v float64) *float64 { return &v }

func TestFigureChart(t *testing.T) {
	s := model.Series{Key: "casualties/UKR/civilians/killed", Points: []model.Point{
		{Date: "2022-03-01", Min: f(100), Max: f(100), Source: "OHCHR", Event: "a"},
		{Date: "2022-03-01", Min: f(140), Max: f(140), Source: "Ukraine", Event: "b"},
		{Date: "2022-03-05", Min: f(200), Max: f(300), Source: "OHCHR", Event: "c"},
		{Date: "2022-03-09", Min: f(260), Max: f(260), Source: "OHCHR", Event: "d"},
		{Date: "2022-03-09", Min: f(260), Max: f(260), Source: "Ukraine", Event: "e"},
	}}
	c := figureChart(s)
	if len(c.Lines) != 2 || c.Lines[0].Source != "OHCHR" || c.Lines[1].Class == c.Lines[0].Class {
		t.Fatalf("lines %+v", c.Lines)
	}
	if len(c.Lines[0].Dots) != 3 || c.Lines[0].Points == "" {
		t.Errorf("OHCHR: %d dots, points %q", len(c.Lines[0].Dots), c.Lines[0].Points)
	}
	if !c.Lines[0].Dots[1].Range || c.Lines[0].Dots[1].Y1 <= c.Lines[0].Dots[1].Y2 {
		t.Errorf("the 200-300 claim should be a whisker from low to high: %+v", c.Lines[0].Dots[1])
	}
	// 1 March is disputed (100 vs 140); 9 March is not (both 260).
	if len(c.Conflicts) != 1 || c.Conflicts[0].X != c.Lines[0].Dots[0].X {
		t.Errorf("conflicts %+v", c.Conflicts)
	}
	for _, l := range c.Lines {
		for _, d := range l.Dots {
			if d.X < c.Left || d.X > float64(c.W)-c.Right || d.Y < c.Top || d.Y > float64(c.H)-c.Bottom {
				t.Errorf("dot %+v outside the plot", d)
			}
			if d.Href == "/events/" {
				t.Errorf("dot without its event: %+v", d)
			}
		}
	}
	if figureChart(model.Series{}) != nil {
		t.Error("a chart of no points")
	}
}

func TestLedgerChart(t *testing.T) {
	l := &query.Ledger{Rows: []query.LedgerRow{
		{Donor: "DEU", Mode: "military", EUR: 300},
		{Donor: "DEU", Mode: "humanitarian", EUR: 100},
		{Donor: "USA", Mode: "military", EUR: 900},
		{Donor: "USA", Mode: "", EUR: 100},
		{Donor: "POL", Mode: "military"}, // units only: no bar
	}}
	c := ledgerChart(l, 10)
	if len(c.Rows) != 2 || c.Rows[0].Label != "USA" || c.Rows[1].Label != "DEU" {
		t.Fatalf("rows %+v", c.Rows)
	}
	usa := c.Rows[0]
	if len(usa.Segs) != 2 || usa.Segs[0].Kind != "military" || usa.Segs[1].Kind != "unspecified" {
		t.Errorf("USA segments %+v", usa.Segs)
	}
	if w := usa.Segs[0].W / usa.Segs[1].W; w < 8.99 || w > 9.01 {
		t.Errorf("USA military segment is %.2f times the other, want 9", w)
	}
	if usa.Href != "/timeline?actor=USA&type=aid" {
		t.Errorf("bar link %q", usa.Href)
	}
	if ledgerChart(&query.Ledger{Rows: []query.LedgerRow{{Donor: "POL"}}}, 10) != nil {
		t.Error("a chart without money")
	}
	if c := ledgerChart(l, 1); len(c.Rows) != 1 {
		t.Errorf("maxRows 1: %d rows", len(c.Rows))
	}
}

func TestDisagree(t *testing.T) {
	cases := []struct {
		ps     []model.Point
		lo, hi float64
		ok     bool
	}{
		{[]model.Point{{Source: "a", Min: f(1)}, {Source: "b", Min: f(3)}}, 1, 3, true},
		{[]model.Point{{Source: "a", Min: f(1)}, {Source: "a", Min: f(3)}}, 1, 3, false},
		{[]model.Point{{Source: "a", Min: f(2)}, {Source: "b", Max: f(2)}}, 2, 2, false},
		{[]model.Point{{Source: "a", Max: f(5)}}, 5, 5, false},
	}
	for i, c := range cases {
		lo, hi, ok := disagree(c.ps)
		if lo != c.lo || hi != c.hi || ok != c.ok {
			t.Errorf("case %d: %v %v %v, want %v %v %v", i, lo, hi, ok, c.lo, c.hi, c.ok)
		}
	}
}

// TestFigureChartOneDotPerDay checks that a source's many reports of one
// day are one dot, spanning their values, and that a long series draws
// one dot per source and day, not per report.
func TestFigureChartOneDotPerDay(t *testing.T) {
	s := model.Series{Key: "casualties/UKR/civilians/killed", Points: []model.Point{
		{Date: "2022-03-01", Min: f(100), Max: f(100), Source: "OHCHR", Event: "a"},
		{Date: "2022-03-01", Min: f(120), Max: f(120), Source: "OHCHR", Event: "b"},
		{Date: "2022-03-01", Min: f(110), Max: f(110), Source: "OHCHR", Event: "c"},
		{Date: "2022-03-02", Min: f(130), Max: f(130), Source: "OHCHR", Event: "d"},
	}}
	c := figureChart(s)
	if len(c.Lines) != 1 || len(c.Lines[0].Dots) != 2 {
		t.Fatalf("lines %+v, want one line of 2 dots", c.Lines)
	}
	d := c.Lines[0].Dots[0]
	if !d.Range || d.Href != "/events/a" || !strings.Contains(d.Title, "3 reports") {
		t.Errorf("1 March: %+v, want a whisker from 100 to 120 over 3 reports, linked to the first", d)
	}
	if d.Y1 <= d.Y2 {
		t.Errorf("whisker from %.1f to %.1f: the low value must be drawn lower", d.Y1, d.Y2)
	}

	// A year of a toll reported by 3 sources, 20 reports a day.
	var long model.Series
	day := time.Date(2022, 2, 24, 0, 0, 0, 0, time.UTC)
	for i := range 365 {
		for j := range 20 {
			src := []string{"Ukraine", "Russia", "UN"}[j%3]
			long.Points = append(long.Points, model.Point{Date: day.AddDate(0, 0, i).Format(model.DateLayout),
				Min: f(float64(100*i + j)), Source: src, Event: fmt.Sprintf("e%d-%d", i, j)})
		}
	}
	lc := figureChart(long)
	dots := 0
	for _, l := range lc.Lines {
		dots += len(l.Dots)
	}
	if dots != 3*365 {
		t.Errorf("%d dots for 3 sources over 365 days, want %d", dots, 3*365)
	}
	views := seriesViews([]model.Series{long}, 5)
	if len(views) != 1 {
		t.Fatalf("%d views", len(views))
	}
	v := views[0]
	if v.ClaimsTotal != len(long.Points) || len(v.Claims) != maxClaimsShown {
		t.Errorf("claims: %d listed of %d, want %d of %d", len(v.Claims), v.ClaimsTotal, maxClaimsShown, len(long.Points))
	}
	if last := long.Points[len(long.Points)-1]; v.Claims[0].P.Event != last.Event {
		t.Errorf("first claim listed %s, want the latest, %s", v.Claims[0].P.Event, last.Event)
	}
}

// TestSeriesViewsLongestFirst checks that the page keeps the series with
// the most claims when there are more than it shows.
func TestSeriesViewsLongestFirst(t *testing.T) {
	var series []model.Series
	for n := 1; n <= 6; n++ {
		s := model.Series{Key: fmt.Sprintf("casualties/X%d", n), Type: model.TypeCasualties}
		for i := range n {
			s.Points = append(s.Points, model.Point{Date: fmt.Sprintf("2022-03-%02d", i+1), Min: f(1), Source: "UN", Event: "e"})
		}
		series = append(series, s)
	}
	views := seriesViews(series, 3)
	var got []int
	for _, v := range views {
		got = append(got, v.ClaimsTotal)
	}
	if !slices.Equal(got, []int{6, 5, 4}) {
		t.Errorf("series shown by claims: %v, want [6 5 4]", got)
	}
}

// TestFigureChartLegendAndScale checks that the sources with the most
// claims get colours of their own and the rest one "other" entry, and that
// a series spanning more than two orders of magnitude gets a log axis.
func TestFigureChartLegendAndScale(t *testing.T) {
	var s model.Series
	for i := range 12 {
		src := fmt.Sprintf("source %02d", i)
		// source 11 has the most claims, source 00 the fewest.
		for j := 0; j <= i; j++ {
			s.Points = append(s.Points, model.Point{Date: fmt.Sprintf("2022-03-%02d", j+1), Min: f(float64(100 + j)), Source: src, Event: "e"})
		}
	}
	c := figureChart(s)
	if len(c.Legend) != namedSources+1 {
		t.Fatalf("legend %+v, want %d sources and an other entry", c.Legend, namedSources)
	}
	if c.Legend[0].Label != "source 11" || c.Legend[namedSources].Label != "5 other sources" || c.Legend[namedSources].Class != otherClass {
		t.Errorf("legend %+v", c.Legend)
	}
	seen := map[string]string{}
	for _, k := range c.Legend[:namedSources] {
		if prev, ok := seen[k.Class]; ok {
			t.Errorf("%s and %s share colour %s", prev, k.Label, k.Class)
		}
		seen[k.Class] = k.Label
	}
	for _, l := range c.Lines {
		if l.Source == "source 00" && l.Class != otherClass {
			t.Errorf("the source of fewest claims drawn in %s, want %s", l.Class, otherClass)
		}
	}
	if c.Log {
		t.Error("a series from 100 to 111 on a log axis")
	}

	wide := model.Series{Points: []model.Point{
		{Date: "2022-03-01", Min: f(12), Source: "police", Event: "a"},
		{Date: "2022-03-02", Min: f(340), Source: "police", Event: "b"},
		{Date: "2022-03-03", Min: f(10_000_000), Source: "UN", Event: "c"},
	}}
	wc := figureChart(wide)
	if !wc.Log {
		t.Fatal("a series from 12 to 10 million on a linear axis")
	}
	var labels []string
	for _, tk := range wc.YTicks {
		labels = append(labels, tk.Label)
	}
	if len(labels) != 7 || labels[0] != "10" || labels[len(labels)-1] != "10m" {
		t.Errorf("log ticks %v, want 10 to 10m", labels)
	}
	police := wc.Lines[0].Dots
	if len(police) != 2 || police[0].Y-police[1].Y < 20 {
		t.Errorf("12 and 340 drawn %.1f and %.1f: on a log axis they stand apart", police[0].Y, police[1].Y)
	}
	for _, l := range wc.Lines {
		for _, d := range l.Dots {
			if d.Y < wc.Top-0.01 || d.Y > float64(wc.H)-wc.Bottom+0.01 {
				t.Errorf("dot %+v outside the plot", d)
			}
		}
	}
}
