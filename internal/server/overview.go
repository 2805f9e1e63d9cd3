package server

import (
	"fmt"
	"net/url"
	"time"

	"github.com/sitrep-project/sitrep/internal/model"
	"github.com/sitrep-project/sitrep/internal/store"
)

// The timeline page draws one page of events (400) in its interactive
// chart; a filter of thousands then seemed to stop where the page did. The
// overview above it counts every event of the filter, by day, week or
// month and by type, from the store's counts (store.DayCounts) without
// reading the events, and each bar links to the timeline of its days and
// type: zooming in is following a link, so the view is always in the URL.

// overviewBuckets bounds the bars of a lane: a span of up to that many
// days is drawn by day, up to that many weeks by week, longer by month.
const overviewBuckets = 120

// overviewChart is the timeline's overview: a lane per type, a bar per
// bucket with events.
type overviewChart struct {
	W, H         int
	Left, PlotW  float64
	Lanes        []overviewLane
	XTicks       []tick
	Total        int
	Unit         string // day, week or month
	First, Last  string // the first and last day drawn
	BucketsTotal int
	// Before and After count the outlying events left out of the drawn
	// span (see coreSpan), with links to them; Lanes count only those drawn.
	Before, After         int
	BeforeHref, AfterHref string
}

// outlierShare is the share of a filter's events, at each end of its span,
// that the overview may leave out of its drawing, and outlierStretch how
// many times longer than the rest their span must make the whole for that:
// on real news a handful of events dated to 1991 or to 2023 ("by next
// year") would otherwise squeeze months of war into one column.
const (
	outlierShare   = 0.01
	outlierStretch = 3
)

// coreSpan returns the first and last index of the counts to draw: all of
// them, or, where the few events at either end stretch the span over
// outlierStretch times that of the rest, the rest. Counts are in day
// order.
func coreSpan(counts []store.DayCount) (int, int) {
	total := 0
	for _, c := range counts {
		total += c.Count
	}
	cut := int(float64(total) * outlierShare)
	lo, hi := 0, len(counts)-1
	for n := 0; lo < hi && n+counts[lo].Count <= cut; lo++ {
		n += counts[lo].Count
	}
	for n := 0; hi > lo && n+counts[hi].Count <= cut; hi-- {
		n += counts[hi].Count
	}
	whole := daysApart(counts[0].Day, counts[len(counts)-1].Day)
	core := daysApart(counts[lo].Day, counts[hi].Day)
	if lo == 0 && hi == len(counts)-1 || whole <= outlierStretch*(core+1) {
		return 0, len(counts) - 1
	}
	return lo, hi
}

// daysApart is the number of days from one YYYY-MM-DD day to another.
func daysApart(a, b string) int {
	x, err1 := parseDay(a)
	y, err2 := parseDay(b)
	if err1 != nil || err2 != nil {
		return 0
	}
	return int(y.Sub(x).Hours() / 24)
}

// overviewLane is one type's row of bars.
type overviewLane struct {
	Type         model.EventType
	Y, H, LabelY float64
	Count        int
	Bars         []overviewBar
	Href         string
}

// overviewBar is the events of one type in one bucket.
type overviewBar struct {
	X, Y, W, H  float64
	Href, Title string
}

// bucketing maps days to the first day of their bucket.
type bucketing struct {
	unit string
	of   func(time.Time) time.Time
	next func(time.Time) time.Time
}

func bucketsFor(first, last time.Time) bucketing {
	days := int(last.Sub(first).Hours()/24) + 1
	switch {
	case days <= overviewBuckets:
		return bucketing{"day", func(t time.Time) time.Time { return t }, func(t time.Time) time.Time { return t.AddDate(0, 0, 1) }}
	case days <= 7*overviewBuckets:
		return bucketing{"week", func(t time.Time) time.Time {
			return t.AddDate(0, 0, -((int(t.Weekday()) + 6) % 7)) // Monday
		}, func(t time.Time) time.Time { return t.AddDate(0, 0, 7) }}
	}
	return bucketing{"month", func(t time.Time) time.Time {
		return time.Date(t.Year(), t.Month(), 1, 0, 0, 0, 0, time.UTC)
	}, func(t time.Time) time.Time { return t.AddDate(0, 1, 0) }}
}

// overview lays out the counts of a filter; filters are the timeline's
// query without paging, kept in every bar's link. Nil when nothing is
// counted.
func overview(counts []store.DayCount, filters url.Values) *overviewChart {
	if len(counts) == 0 {
		return nil
	}
	lo, hi := 0, len(counts)-1
	if filters.Get("from") == "" && filters.Get("to") == "" {
		// A span the reader chose is drawn whole.
		lo, hi = coreSpan(counts)
	}
	first, err1 := parseDay(counts[lo].Day)
	last, err2 := parseDay(counts[hi].Day)
	if err1 != nil || err2 != nil {
		return nil
	}
	b := bucketsFor(first, last)
	start := b.of(first)
	var starts []time.Time
	index := map[string]int{}
	for t := start; !t.After(last); t = b.next(t) {
		index[t.Format(model.DateLayout)] = len(starts)
		starts = append(starts, t)
	}
	byType := map[model.EventType][]int{}
	total, before, after := 0, 0, 0
	for k, c := range counts {
		d, err := parseDay(c.Day)
		if err != nil {
			continue
		}
		i, ok := index[b.of(d).Format(model.DateLayout)]
		switch {
		case k < lo:
			before += c.Count
			continue
		case k > hi:
			after += c.Count
			continue
		case !ok:
			continue
		}
		if byType[c.Type] == nil {
			byType[c.Type] = make([]int, len(starts))
		}
		byType[c.Type][i] += c.Count
		total += c.Count
	}
	const laneH, gap, top, left = 22.0, 6.0, 4.0, 110.0
	c := &overviewChart{W: 720, Left: left, Total: total + before + after, Unit: b.unit, First: counts[lo].Day, Last: counts[hi].Day,
		BucketsTotal: len(starts), Before: before, After: after}
	if before > 0 {
		q := cloneValues(filters)
		q.Set("to", first.AddDate(0, 0, -1).Format(model.DateLayout))
		c.BeforeHref = "/timeline?" + q.Encode()
	}
	if after > 0 {
		q := cloneValues(filters)
		q.Set("from", last.AddDate(0, 0, 1).Format(model.DateLayout))
		c.AfterHref = "/timeline?" + q.Encode()
	}
	c.PlotW = float64(c.W) - left - 8
	bw := c.PlotW / float64(len(starts))
	y := top
	for _, t := range model.TypeNames() {
		row := byType[t]
		if row == nil {
			continue
		}
		lane := overviewLane{Type: t, Y: y, H: laneH, LabelY: y + laneH/2}
		most := 0
		for _, n := range row {
			lane.Count += n
			most = max(most, n)
		}
		q := cloneValues(filters)
		q.Set("type", string(t))
		lane.Href = "/timeline?" + q.Encode()
		for i, n := range row {
			if n == 0 {
				continue
			}
			h := max(2, laneH*float64(n)/float64(most))
			from := starts[i].Format(model.DateLayout)
			to := b.next(starts[i]).AddDate(0, 0, -1).Format(model.DateLayout)
			bq := cloneValues(filters)
			bq.Set("type", string(t))
			bq.Set("from", from)
			bq.Set("to", to)
			title := fmt.Sprintf("%s: %s", from, plural(n, string(t)+" event", string(t)+" events"))
			if b.unit != "day" {
				title = fmt.Sprintf("%s of %s: %s", b.unit, from, plural(n, string(t)+" event", string(t)+" events"))
			}
			lane.Bars = append(lane.Bars, overviewBar{X: left + bw*float64(i), Y: y + laneH - h, W: max(1, bw-1), H: h,
				Href: "/timeline?" + bq.Encode(), Title: title})
		}
		c.Lanes = append(c.Lanes, lane)
		y += laneH + gap
	}
	c.H = int(y) + 18
	n := min(5, len(starts))
	for i := 0; i <= n && n > 0; i++ {
		k := min(len(starts)-1, i*(len(starts)-1)/n)
		anchor := "middle"
		switch i {
		case 0:
			anchor = "start"
		case n:
			anchor = "end"
		}
		c.XTicks = append(c.XTicks, tick{Pos: left + bw*float64(k) + bw/2, Label: starts[k].Format("2 Jan 2006"), Anchor: anchor})
	}
	return c
}

// cloneValues copies a query so each link sets its own parameters.
func cloneValues(v url.Values) url.Values {
	out := url.Values{}
	for k, vs := range v {
		out[k] = append([]string(nil), vs...)
	}
	return out
}
