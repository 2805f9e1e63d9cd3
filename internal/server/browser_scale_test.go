package server

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/sitrep-project/sitrep/internal/event"
	"github.com/sitrep-project/sitrep/internal/ingest"
	"github.com/sitrep-project/sitrep/internal/intake"
	"github.com/sitrep-project/sitrep/internal/store/sqlite"
	"github.com/sitrep-project/sitrep/internal/testshared"
)

// TestBrowserAtScale opens the timeline and the map of the shared 2022
// news corpus with the sample corpus (about 390 articles, some 1,000
// events from January to August) in the browser: the timeline's overview
// counts every event of the filter, not one page, and runs to the
// corpus's last month; the map draws the events with places and lists
// them. Its screenshots are the README's pictures at that scale
// (timeline-news-2022, map-news-2022). It skips without the shared
// corpus or a browser.
func TestBrowserAtScale(t *testing.T) {
	news := testshared.Dir(t, "corpus", "news-2022")
	if chromePath() == "" {
		t.Skip("no Chromium installed (apt-get install chromium): the browser tests skip")
	}
	root, err := repoRoot()
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	st, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "news.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	r := intake.New(intake.Options{}, nil)
	inputs, errs := r.Plan([]string{news, filepath.Join(root, "examples", "corpus")})
	if len(errs) > 0 {
		t.Fatal(errs[0])
	}
	if _, err := ingest.Run(ctx, r, inputs, st, ingest.Options{Extractor: event.New(), Version: event.Version, Resolve: true}); err != nil {
		t.Fatal(err)
	}
	s, err := New(st, Options{})
	if err != nil {
		t.Fatal(err)
	}
	var all recordPage
	getJSON(t, s, "/api/v1/events?limit=1", 200, &all)
	if all.Total == nil || *all.Total < 500 {
		t.Fatalf("the news store holds %v records: not the scale this test is for", all.Total)
	}
	base := serveOn(t, s) // before the browser: see TestBrowserWalkthrough
	bctx, log := newBrowser(t)
	shots := screenshotDir(t)
	var heading, lastTick string
	var bars, drawn, listed int
	if err := chromedp.Run(bctx,
		chromedp.EmulateViewport(1280, 1000),
		chromedp.Navigate(base+"/timeline"),
		chromedp.WaitVisible("section.overview svg"),
		text("#ov-h", &heading),
		chromedp.Evaluate(`document.querySelectorAll("section.overview .ov-bar").length`, &bars),
		chromedp.Evaluate(`[...document.querySelectorAll("section.overview text.axis:not(.lane-label)")].map(e => e.textContent).pop() || ""`, &lastTick),
		shoot(shots, "timeline-news-2022"),
	); err != nil {
		t.Fatal(err)
	}
	pageClean(t, bctx, log, "timeline at scale")
	if want := "All " + itoa(*all.Total) + " events"; !strings.Contains(heading, want) {
		t.Errorf("overview heading %q: want it to count all %d records (%q)", heading, *all.Total, want)
	}
	if bars < 20 {
		t.Errorf("the overview draws %d bars for %d events", bars, *all.Total)
	}
	if !strings.Contains(lastTick, "Aug") && !strings.Contains(lastTick, "08") && !strings.Contains(lastTick, "Jul") {
		t.Errorf("the overview's last tick is %q: the corpus runs to August 2022", lastTick)
	}
	if err := chromedp.Run(bctx,
		chromedp.Navigate(base+"/map"),
		chromedp.WaitVisible("svg.map-chart"),
		chromedp.Evaluate(`document.querySelectorAll("svg.map-chart .map-events circle").length`, &drawn),
		chromedp.Evaluate(`document.querySelectorAll("table.map-list tbody tr").length`, &listed),
		shoot(shots, "map-news-2022"),
	); err != nil {
		t.Fatal(err)
	}
	pageClean(t, bctx, log, "map at scale")
	if drawn < 100 || listed != drawn {
		t.Errorf("the map draws %d events and lists %d: want the same, and over 100 at this scale", drawn, listed)
	}
}
