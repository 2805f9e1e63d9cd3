package synth

import (
	"testing"
	"time"
)

func TestDaysFor(t *testing.T) {
	for _, c := range []struct{ n, perDay, want int }{
		{10000, 100, 100},
		{10001, 100, 101},
		{50, 100, 1},
		{10000, 0, 1},
		{0, 30, 1},
	} {
		if got := DaysFor(c.n, c.perDay); got != c.want {
			t.Errorf("DaysFor(%d, %d) = %d, want %d", c.n, c.perDay, got, c.want)
		}
	}
}

// TestArticlesOver checks that the articles fall within the span asked
// for, about evenly, and that Articles is ArticlesOver with Span.
func TestArticlesOver(t *testing.T) {
	const n, days = 3000, 30
	arts := ArticlesOver(n, 1, days)
	if len(arts) != n {
		t.Fatalf("got %d articles, want %d", len(arts), n)
	}
	start := time.Date(2022, 2, 1, 0, 0, 0, 0, time.UTC)
	perDay := map[int]int{}
	for _, a := range arts {
		d := int(a.Date.Sub(start) / (24 * time.Hour))
		if d < 0 || d >= days {
			t.Fatalf("%s dated %s, outside the %d days from %s", a.Doc, a.Date, days, start)
		}
		perDay[d]++
	}
	if len(perDay) != days {
		t.Errorf("articles on %d days, want all %d", len(perDay), days)
	}
	for d, c := range perDay {
		if c < n/days/2 || c > n/days*2 {
			t.Errorf("day %d has %d articles, want about %d", d, c, n/days)
		}
	}
	a, b := Articles(200, 7), ArticlesOver(200, 7, Span)
	for i := range a {
		if a[i].ID != b[i].ID || !a[i].Date.Equal(b[i].Date) {
			t.Fatalf("article %d differs between Articles and ArticlesOver(Span)", i)
		}
	}
}
