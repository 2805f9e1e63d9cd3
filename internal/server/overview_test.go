package server

import (
	"net/url"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/sitrep-project/sitrep/internal/model"
	"github.com/sitrep-project/sitrep/internal/store"
)

// TestOverview checks the timeline's overview: every count in some bar,
// buckets by day, week or month as the span needs, and each bar a link to
// the timeline of its days and type with the page's other filters kept.
func TestOverview(t *testing.T) {
	cases := []struct {
		counts []store.DayCount
		unit   string
	}{
		{[]store.DayCount{{Day: "2022-03-01", Type: model.TypeAid, Count: 3}, {Day: "2022-03-01", Type: model.TypeAttack, Count: 1}, {Day: "2022-03-09", Type: model.TypeAid, Count: 2}}, "day"},
		{[]store.DayCount{{Day: "2022-01-03", Type: model.TypeAid, Count: 3}, {Day: "2022-09-30", Type: model.TypeAid, Count: 4}}, "week"},
		{[]store.DayCount{{Day: "2019-01-01", Type: model.TypeVisit, Count: 1}, {Day: "2022-12-31", Type: model.TypeAid, Count: 5}}, "month"},
	}
	for _, c := range cases {
		ov := overview(c.counts, url.Values{"actor": {"POL"}, "type": {"aid"}})
		if ov == nil || ov.Unit != c.unit || ov.BucketsTotal > overviewBuckets {
			t.Fatalf("%v: %+v, want %d buckets at most by %s", c.counts, ov, overviewBuckets, c.unit)
		}
		want := 0
		for _, dc := range c.counts {
			want += dc.Count
		}
		got := 0
		for _, l := range ov.Lanes {
			got += l.Count
			for _, b := range l.Bars {
				u, err := url.Parse(b.Href)
				if err != nil {
					t.Fatal(err)
				}
				q := u.Query()
				if u.Path != "/timeline" || q.Get("actor") != "POL" || q.Get("type") != string(l.Type) || q.Get("from") == "" || q.Get("to") < q.Get("from") {
					t.Errorf("bar link %s", b.Href)
				}
				if b.X < ov.Left || b.X+b.W > float64(ov.W) || b.H <= 0 || b.Y < l.Y || b.Y+b.H > l.Y+l.H+0.01 {
					t.Errorf("bar %+v outside its lane %+v", b, l)
				}
			}
		}
		if got != want || ov.Total != want {
			t.Errorf("%v: lanes count %d, total %d, want %d", c.counts, got, ov.Total, want)
		}
	}
	if overview(nil, nil) != nil {
		t.Error("an overview of nothing")
	}
}

// TestTimelinePageOverview checks that the timeline page draws the
// overview of every event of its filter, beyond its page.
func TestTimelinePageOverview(t *testing.T) {
	s := newTestServer(t)
	var all struct {
		Total *int `json:"total"`
	}
	getJSON(t, s, "/api/v1/timeline?limit=1", 200, &all)
	r := get(t, s, "/timeline?limit=5")
	if r.code != 200 {
		t.Fatalf("%d", r.code)
	}
	if !strings.Contains(r.body, "All "+strconv.Itoa(*all.Total)+" events of these filters") || !strings.Contains(r.body, `class="ov-bar"`) {
		t.Errorf("the timeline page of 5 lacks the overview of all %d events", *all.Total)
	}
	// Bar links are sorted by key: paging kept would show as "&amp;limit=5".
	if strings.Contains(r.body, "&amp;limit=5") {
		t.Error("a bar link keeps the page's paging")
	}
}

// TestOverviewOutliers checks that a few events dated far from the rest
// (a year-old reference, "by 2025") are counted and linked but do not
// stretch the drawing, unless the reader chose the dates.
func TestOverviewOutliers(t *testing.T) {
	var counts []store.DayCount
	counts = append(counts, store.DayCount{Day: "1991-08-24", Type: model.TypeStatement, Count: 1})
	for d := 1; d <= 28; d++ {
		for _, m := range []string{"03", "04", "05", "06", "07"} {
			counts = append(counts, store.DayCount{Day: "2022-" + m + "-" + strconv.Itoa(100 + d)[1:], Type: model.TypeAttack, Count: 2})
		}
	}
	counts = append(counts, store.DayCount{Day: "2025-01-01", Type: model.TypeAid, Count: 1})
	slices.SortFunc(counts, func(a, b store.DayCount) int { return strings.Compare(a.Day, b.Day) })
	ov := overview(counts, url.Values{})
	if ov.Unit != "week" || ov.Before != 1 || ov.After != 1 || ov.First != "2022-03-01" || ov.Last != "2022-07-28" {
		t.Fatalf("unit %s, before %d, after %d, drawn %s to %s: want the war's months by week, one outlier each side",
			ov.Unit, ov.Before, ov.After, ov.First, ov.Last)
	}
	if ov.Total != 2*28*5+2 || !strings.Contains(ov.BeforeHref, "to=2022-02-28") || !strings.Contains(ov.AfterHref, "from=2022-07-29") {
		t.Errorf("total %d, links %q %q", ov.Total, ov.BeforeHref, ov.AfterHref)
	}
	chosen := overview(counts, url.Values{"from": {"1990-01-01"}})
	if chosen.Before != 0 || chosen.After != 0 || chosen.Unit != "month" {
		t.Errorf("with dates chosen: unit %s, before %d, after %d: want all drawn", chosen.Unit, chosen.Before, chosen.After)
	}
}
