package server

import (
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/sitrep-project/sitrep/internal/model"
	"github.com/sitrep-project/sitrep/internal/query"
	"github.com/sitrep-project/sitrep/internal/store"
)

// Charts are drawn on the server as SVG: geometry here, markup in the
// templates, colours in the style sheet. They need no script, print, and
// every mark is a real link with a text title, so the keyboard and screen
// readers reach them like any other link.

// barChart is a column chart of counts, one column a month.
type barChart struct {
	W, H   int
	Label  string // what is counted, for the chart's accessible name
	Bars   []bar
	Ticks  []tick // value gridlines
	Max    int
	Months int
}

type bar struct {
	X, Y, W, H float64
	Key        string
	Count      int
	Href       string
	LabelX     float64
	ShowLabel  bool
}

type tick struct {
	Pos    float64
	Label  string
	Anchor string // text-anchor of the label: start, middle or end
}

// monthChart draws counts per month (YYYY-MM), months without any
// filled in so that gaps show as gaps.
func monthChart(counts []store.Count, href func(month string) string, label string) *barChart {
	if len(counts) == 0 {
		return nil
	}
	months := fillMonths(counts)
	c := &barChart{W: 640, H: 140, Label: label, Months: len(months)}
	const top, bottom, left, right = 10.0, 24.0, 36.0, 8.0
	for _, m := range months {
		c.Max = max(c.Max, m.Count)
	}
	plotW := float64(c.W) - left - right
	plotH := float64(c.H) - top - bottom
	step := plotW / float64(len(months))
	every := int(math.Ceil(float64(len(months)) / 8))
	scale, ticks := niceScale(float64(c.Max), 3)
	for i, m := range months {
		h := plotH * float64(m.Count) / scale
		b := bar{X: left + float64(i)*step + step*0.1, W: step * 0.8, Y: top + plotH - h, H: h, Key: m.Key, Count: m.Count,
			LabelX: left + float64(i)*step + step/2, ShowLabel: i%every == 0}
		if href != nil && m.Count > 0 {
			b.Href = href(m.Key)
		}
		c.Bars = append(c.Bars, b)
	}
	for _, v := range ticks {
		c.Ticks = append(c.Ticks, tick{Pos: top + plotH - plotH*v/scale, Label: query.Number(v)})
	}
	return c
}

// fillMonths returns every month from the first count's to the last's,
// with zero for those missing; bounded to 240 months so a stray date
// (a year 1939 in a 2022 corpus) cannot make thousands of columns.
func fillMonths(counts []store.Count) []store.Count {
	sorted := append([]store.Count(nil), counts...)
	sort.Slice(sorted, func(i, j int) bool { return sorted[i].Key < sorted[j].Key })
	first, err1 := time.Parse("2006-01", sorted[0].Key)
	last, err2 := time.Parse("2006-01", sorted[len(sorted)-1].Key)
	if err1 != nil || err2 != nil || last.Sub(first) > 240*31*24*time.Hour {
		// Too sparse to draw month by month: keep the months that have
		// articles, at most the last 240.
		if len(sorted) > 240 {
			sorted = sorted[len(sorted)-240:]
		}
		return sorted
	}
	have := map[string]int{}
	for _, c := range sorted {
		have[c.Key] = c.Count
	}
	var out []store.Count
	for m := first; !m.After(last); m = m.AddDate(0, 1, 0) {
		k := m.Format("2006-01")
		out = append(out, store.Count{Key: k, Count: have[k]})
	}
	return out
}

// niceMax rounds a maximum up to 1, 2 or 5 times a power of ten, so that
// axis labels are round numbers.
func niceMax(v float64) float64 {
	if v <= 0 {
		return 1
	}
	p := math.Pow(10, math.Floor(math.Log10(v)))
	for _, m := range []float64{1, 2, 2.5, 5, 10} {
		if v <= m*p {
			return m * p
		}
	}
	return 10 * p
}

// niceScale picks about n round steps (1, 2, 2.5 or 5 times a power of
// ten) covering [0, v], and returns the top of the axis and the ticks.
func niceScale(v float64, n int) (float64, []float64) {
	if v <= 0 {
		v = 1
	}
	step := niceMax(v / float64(n))
	top := step * math.Ceil(v/step-1e-9)
	var ticks []float64
	for i := 0; float64(i)*step <= top*1.0001; i++ {
		ticks = append(ticks, float64(i)*step)
	}
	return top, ticks
}

// stackChart is a horizontal stacked bar chart: one bar a donor, one
// segment a kind of aid.
type stackChart struct {
	W, H    int
	Rows    []stackRow
	Kinds   []string // legend order
	Ticks   []tick
	PlotTop float64
	PlotBot float64
}

type stackRow struct {
	Label, Name, Total string
	Y, H, TotalX       float64
	Href               string
	Segs               []stackSeg
}

type stackSeg struct {
	Kind, Title string
	X, W        float64
}

// aidKinds are the ledger's kinds of aid, as the Kiel tracker sorts them.
var aidKinds = []string{model.ModeMilitary, model.ModeFinancial, model.ModeHumanitarian, "unspecified"}

// ledgerChart draws each donor's converted value by kind of aid, largest
// donors first, at most maxRows of them.
func ledgerChart(l *query.Ledger, maxRows int) *stackChart {
	type acc struct {
		donor, name string
		by          map[string]float64
		total       float64
	}
	byDonor := map[string]*acc{}
	var order []*acc
	for _, r := range l.Rows {
		if r.EUR <= 0 {
			continue
		}
		a := byDonor[r.Donor]
		if a == nil {
			a = &acc{donor: r.Donor, name: r.DonorName, by: map[string]float64{}}
			byDonor[r.Donor] = a
			order = append(order, a)
		}
		kind := r.Mode
		if kind != model.ModeMilitary && kind != model.ModeFinancial && kind != model.ModeHumanitarian {
			kind = "unspecified"
		}
		a.by[kind] += r.EUR
		a.total += r.EUR
	}
	if len(order) == 0 {
		return nil
	}
	sort.SliceStable(order, func(i, j int) bool {
		if order[i].total != order[j].total {
			return order[i].total > order[j].total
		}
		return order[i].donor < order[j].donor
	})
	if len(order) > maxRows {
		order = order[:maxRows]
	}
	const rowH, gap, left, right, top = 22.0, 6.0, 56.0, 70.0, 6.0
	c := &stackChart{W: 720, Kinds: aidKinds, PlotTop: top}
	c.H = int(top + float64(len(order))*(rowH+gap) + 24)
	c.PlotBot = float64(c.H) - 20
	scale, ticks := niceScale(order[0].total, 4)
	plotW := float64(c.W) - left - right
	for i, a := range order {
		y := top + float64(i)*(rowH+gap)
		row := stackRow{Label: orUnknown(a.donor), Name: a.name, Y: y, H: rowH, Total: "€" + compact(a.total),
			Href: link("/timeline", "type", model.TypeAid, "actor", a.donor)}
		x := left
		for _, k := range aidKinds {
			v := a.by[k]
			if v <= 0 {
				continue
			}
			w := plotW * v / scale
			row.Segs = append(row.Segs, stackSeg{Kind: k, X: x, W: w,
				Title: fmt.Sprintf("%s, %s aid: €%s", orUnknown(a.donor), k, query.Number(math.Round(v)))})
			x += w
		}
		row.TotalX = x + 6
		c.Rows = append(c.Rows, row)
	}
	for _, v := range ticks {
		c.Ticks = append(c.Ticks, tick{Pos: left + plotW*v/scale, Label: "€" + compact(v)})
	}
	return c
}

func orUnknown(s string) string {
	if s == "" {
		return "?"
	}
	return s
}

// lineChart draws one figure series: a line per source through its
// claims in date order, each claim a dot (a range a whisker from its low
// to its high bound), and a dashed rule where sources disagree on a date.
type lineChart struct {
	W, H      int
	Left, Top float64
	Right     float64
	Bottom    float64
	X2, AxisX float64 // the plot's right edge, the y labels' anchor
	Lines     []sourceLine
	YTicks    []tick
	XTicks    []tick
	Conflicts []conflictMark
	// Legend names the sources with a colour of their own and, when
	// there are more, one "other" entry for the rest, drawn grey.
	Legend []legendKey
	// Log is set when the y axis is logarithmic (see logSpan).
	Log bool
}

// legendKey is one entry of a chart's legend.
type legendKey struct {
	Label, Class string
}

// Source colours: the sources with the most claims get a colour each, the
// rest share otherClass, so that no two sources of a legend share a colour
// and a chart of twenty sources stays readable.
const (
	namedSources = sourceClasses - 1
	otherClass   = "s7"
)

// logSpan is the ratio of a series' highest to its lowest positive value
// above which its chart uses a logarithmic axis: on a linear one a single
// point of ten million flattens every claim of thousands to the floor.
const logSpan = 100

type sourceLine struct {
	Source string
	Class  string // s0..s7, the source's colour
	Points string // polyline points, "" for a single claim
	Dots   []dot
}

type dot struct {
	X, Y, Y1, Y2 float64 // Y1..Y2 is the whisker of a range
	Range        bool
	Title, Href  string
}

type conflictMark struct {
	X, Y1, Y2 float64
	Title     string
}

// sourceClasses is the number of source colours the style sheet defines.
const sourceClasses = 8

func figureChart(s model.Series) *lineChart {
	if len(s.Points) == 0 {
		return nil
	}
	c := &lineChart{W: 720, H: 240, Left: 64, Top: 12, Right: 16, Bottom: 28}
	c.X2, c.AxisX = float64(c.W)-c.Right, c.Left-6
	lo, hi := "", ""
	maxV := 0.0
	for _, p := range s.Points {
		if lo == "" || p.Date < lo {
			lo = p.Date
		}
		if p.Date > hi {
			hi = p.Date
		}
		maxV = math.Max(maxV, pointHigh(p))
	}
	t0, err0 := parseDay(lo)
	t1, err1 := parseDay(hi)
	if err0 != nil || err1 != nil {
		return nil
	}
	// Pad a day either side so single-date series sit inside the plot.
	t0, t1 = t0.AddDate(0, 0, -1), t1.AddDate(0, 0, 1)
	span := t1.Sub(t0).Hours()
	plotW := float64(c.W) - c.Left - c.Right
	plotH := float64(c.H) - c.Top - c.Bottom
	xOf := func(d string) float64 {
		t, err := parseDay(d)
		if err != nil {
			return c.Left
		}
		return c.Left + plotW*t.Sub(t0).Hours()/span
	}
	minPos := math.Inf(1)
	for _, p := range s.Points {
		if v := pointValue(p); v > 0 {
			minPos = math.Min(minPos, v)
		}
	}
	var yOf func(float64) float64
	var yticks []float64
	if maxV > 0 && !math.IsInf(minPos, 1) && maxV/minPos > logSpan {
		// Decades from the one below the lowest claim to the one above
		// the highest; a claim of zero sits on the floor.
		c.Log = true
		lo, hi := math.Floor(math.Log10(minPos)), math.Ceil(math.Log10(maxV))
		yOf = func(v float64) float64 {
			l := lo
			if v > 0 {
				l = math.Max(lo, math.Log10(v))
			}
			return c.Top + plotH - plotH*(l-lo)/(hi-lo)
		}
		for e := lo; e <= hi; e++ {
			yticks = append(yticks, math.Pow(10, e))
		}
	} else {
		var scale float64
		scale, yticks = niceScale(maxV, 4)
		yOf = func(v float64) float64 { return c.Top + plotH - plotH*v/scale }
	}

	// One dot per source and date: a toll reported by a source in many
	// articles of one day is one claim on the chart, drawn at the day's
	// lowest value with a whisker to its highest when they differ, and
	// linked to the day's first report. Drawing every report made a chart
	// of a year's running toll tens of thousands of dots, megabytes of SVG
	// that draw as one smear; the claims table lists the reports.
	type dayKey struct{ source, date string }
	type daySpan struct {
		first  model.Point
		lo, hi float64
		n      int
	}
	bySource := map[string]*sourceLine{}
	var order []string
	byDate := map[string][]model.Point{}
	perDay := map[dayKey]*daySpan{}
	var dayOrder []dayKey
	classes, legend := sourceColours(s.Points)
	c.Legend = legend
	for _, p := range s.Points {
		if bySource[p.Source] == nil {
			bySource[p.Source] = &sourceLine{Source: p.Source, Class: classes[p.Source]}
			order = append(order, p.Source)
		}
		byDate[p.Date] = append(byDate[p.Date], p)
		k := dayKey{p.Source, p.Date}
		d := perDay[k]
		if d == nil {
			d = &daySpan{first: p, lo: pointValue(p), hi: pointHigh(p)}
			perDay[k] = d
			dayOrder = append(dayOrder, k)
		}
		d.lo, d.hi = math.Min(d.lo, pointValue(p)), math.Max(d.hi, pointHigh(p))
		d.n++
	}
	for _, k := range dayOrder {
		sp := perDay[k]
		p := sp.first
		title := fmt.Sprintf("%s: %s per %s (%s)", p.Date, query.RangeText(&model.Range{Min: p.Min, Max: p.Max, Approx: p.Approx}), p.Source, p.Doc)
		if sp.n > 1 {
			title = fmt.Sprintf("%s: %s per %s in %d reports", p.Date, query.RangeText(&model.Range{Min: &sp.lo, Max: &sp.hi}), p.Source, sp.n)
		}
		d := dot{X: xOf(p.Date), Y: yOf(sp.lo), Href: "/events/" + p.Event, Title: title}
		if sp.hi > sp.lo {
			d.Range, d.Y1, d.Y2 = true, yOf(sp.lo), yOf(sp.hi)
		}
		sl := bySource[k.source]
		sl.Dots = append(sl.Dots, d)
	}
	for _, src := range order {
		sl := bySource[src]
		if len(sl.Dots) > 1 {
			// One builder, not a string grown dot by dot: a source with
			// thousands of claims made that quadratic.
			var pts strings.Builder
			for i, d := range sl.Dots {
				if i > 0 {
					pts.WriteByte(' ')
				}
				pts.WriteString(strconv.FormatFloat(d.X, 'f', 1, 64))
				pts.WriteByte(',')
				pts.WriteString(strconv.FormatFloat(d.Y, 'f', 1, 64))
			}
			sl.Points = pts.String()
		}
		c.Lines = append(c.Lines, *sl)
	}
	var dates []string
	for d := range byDate {
		dates = append(dates, d)
	}
	sort.Strings(dates)
	for _, d := range dates {
		if lo, hi, ok := disagree(byDate[d]); ok {
			c.Conflicts = append(c.Conflicts, conflictMark{X: xOf(d), Y1: yOf(hi), Y2: yOf(lo),
				Title: fmt.Sprintf("%s: sources disagree (%s to %s)", d, query.Number(lo), query.Number(hi))})
		}
	}
	for _, v := range yticks {
		c.YTicks = append(c.YTicks, tick{Pos: yOf(v), Label: compact(v)})
	}
	days := int(math.Round(span / 24))
	n := min(5, max(1, days))
	for i := 0; i <= n; i++ {
		t := t0.Add(time.Duration(float64(i) / float64(n) * span * float64(time.Hour)))
		anchor := "middle"
		switch i {
		case 0:
			anchor = "start"
		case n:
			anchor = "end"
		}
		c.XTicks = append(c.XTicks, tick{Pos: c.Left + plotW*float64(i)/float64(n), Label: t.Format("2 Jan 2006"), Anchor: anchor})
	}
	return c
}

// sourceColours gives the namedSources sources with the most claims a
// colour each, in order of their claims (ties by first claim), and the
// rest otherClass, with the legend that says so.
func sourceColours(ps []model.Point) (map[string]string, []legendKey) {
	count := map[string]int{}
	var order []string
	for _, p := range ps {
		if count[p.Source] == 0 {
			order = append(order, p.Source)
		}
		count[p.Source]++
	}
	sort.SliceStable(order, func(i, j int) bool { return count[order[i]] > count[order[j]] })
	classes := make(map[string]string, len(order))
	var legend []legendKey
	for i, src := range order {
		if i < namedSources || len(order) == namedSources+1 {
			classes[src] = fmt.Sprintf("s%d", i)
			legend = append(legend, legendKey{Label: src, Class: classes[src]})
			continue
		}
		classes[src] = otherClass
	}
	if rest := len(order) - len(legend); rest > 0 {
		legend = append(legend, legendKey{Label: fmt.Sprintf("%d other sources", rest), Class: otherClass})
	}
	return classes, legend
}

// pointValue is where a claim is drawn: its lower bound, or its upper one
// when only that is known.
func pointValue(p model.Point) float64 {
	switch {
	case p.Min != nil:
		return *p.Min
	case p.Max != nil:
		return *p.Max
	}
	return 0
}

func pointHigh(p model.Point) float64 {
	if p.Max != nil {
		return *p.Max
	}
	return pointValue(p)
}

// disagree reports whether claims of different sources on one date give
// different values, and the lowest and highest of them.
func disagree(ps []model.Point) (lo, hi float64, ok bool) {
	sources := map[string]bool{}
	lo, hi = math.Inf(1), math.Inf(-1)
	for _, p := range ps {
		sources[p.Source] = true
		v := pointValue(p)
		lo, hi = math.Min(lo, v), math.Max(hi, v)
	}
	return lo, hi, len(sources) > 1 && hi > lo
}

func parseDay(s string) (time.Time, error) { return time.Parse(model.DateLayout, s) }
