package model

import "testing"

func TestReportCount(t *testing.T) {
	m := func(article string, start int) Mention {
		return Mention{Article: article, Evidence: Evidence{Start: start}}
	}
	cases := []struct {
		name string
		rec  Record
		want int
	}{
		{"two steps told in one sentence are one report",
			Record{Mentions: []Mention{m("a1", 10), m("a1", 10)}}, 1},
		{"two sentences of one article are two reports",
			Record{Mentions: []Mention{m("a1", 10), m("a1", 200)}}, 2},
		{"the same sentence in two articles is two reports",
			Record{Mentions: []Mention{m("a1", 10), m("a2", 10), m("a2", 10)}}, 2},
		{"a record read without its mentions keeps the stored count",
			Record{Reports: 7}, 7},
	}
	for _, c := range cases {
		if got := c.rec.ReportCount(); got != c.want {
			t.Errorf("%s: %d, want %d", c.name, got, c.want)
		}
	}
}
