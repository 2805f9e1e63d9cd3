package server

import (
	"net/url"
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
