package server

import (
	"context"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	cdppage "github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"github.com/sitrep-project/sitrep/internal/model"
)

// The browser tests drive a real headless Chromium over the pages, as a
// reader would: search, follow a result to its event and its article,
// zoom the timeline, use the keyboard. They skip when no Chromium is
// installed (apt-get install chromium).
//
// SITREP_SCREENSHOTS names a folder for the screenshots they take, one per
// page (relative paths are taken from the repository root, so
// SITREP_SCREENSHOTS=docs/screenshots refreshes the README's pictures);
// without it they go to a temporary folder.

// chromePath finds a Chromium binary, or "" when there is none.
func chromePath() string {
	if p := os.Getenv("SITREP_CHROME"); p != "" {
		return p
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "headless-shell"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}

// serveOn starts a server on a free loopback port and returns its URL.
func serveOn(t *testing.T, s *Server) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- s.Serve(ctx, ln) }()
	t.Cleanup(func() {
		cancel()
		if err := <-done; err != nil {
			t.Errorf("server: %v", err)
		}
	})
	return "http://" + ln.Addr().String()
}

// browserLog gathers what a page did that a test must see: dialogs
// opened, script exceptions, and Content-Security-Policy violations.
type browserLog struct {
	mu         sync.Mutex
	dialogs    []string
	exceptions []string
}

func (l *browserLog) take() (dialogs, exceptions []string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	d, e := l.dialogs, l.exceptions
	l.dialogs, l.exceptions = nil, nil
	return d, e
}

// newBrowser starts Chromium with a fresh profile and a laptop-sized
// window.
func newBrowser(t *testing.T) (context.Context, *browserLog) {
	t.Helper()
	path := chromePath()
	if path == "" {
		t.Skip("no Chromium found (install it with: apt-get install chromium); skipping the browser tests")
	}
	// A fresh profile per browser, removed after it: Chromium's helper
	// processes may still write to it for a moment after it exits, which
	// t.TempDir's cleanup would report as a failure.
	profile, err := os.MkdirTemp("", "sitrep-chromium-")
	if err != nil {
		t.Fatal(err)
	}
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(path),
		chromedp.Flag("headless", true),
		chromedp.Flag("no-sandbox", true),
		chromedp.Flag("disable-gpu", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("no-first-run", true),
		chromedp.Flag("no-default-browser-check", true),
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.Flag("hide-scrollbars", true),
		chromedp.Flag("font-render-hinting", "none"),
		chromedp.UserDataDir(profile),
		chromedp.WindowSize(1280, 860),
	}
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelCtx := chromedp.NewContext(actx)
	ctx, cancelTime := context.WithTimeout(ctx, 3*time.Minute)
	t.Cleanup(func() {
		cancelTime()
		cancelCtx()
		cancelAlloc()
		for i := 0; i < 20 && os.RemoveAll(profile) != nil; i++ {
			time.Sleep(50 * time.Millisecond)
		}
	})
	log := &browserLog{}
	chromedp.ListenTarget(ctx, func(ev any) {
		switch e := ev.(type) {
		case *cdppage.EventJavascriptDialogOpening:
			log.mu.Lock()
			log.dialogs = append(log.dialogs, e.Message)
			log.mu.Unlock()
			go chromedp.Run(ctx, cdppage.HandleJavaScriptDialog(false))
		case *runtime.EventExceptionThrown:
			log.mu.Lock()
			log.exceptions = append(log.exceptions, e.ExceptionDetails.Error())
			log.mu.Unlock()
		}
	})
	// Record CSP violations in the page itself; the listener is added by
	// the browser, so the policy does not block it.
	const watch = `document.addEventListener("securitypolicyviolation", function (e) {
		(window.__csp = window.__csp || []).push(e.violatedDirective + " " + e.blockedURI);
	});`
	if err := chromedp.Run(ctx, chromedp.EmulateViewport(1280, 800), chromedp.ActionFunc(func(ctx context.Context) error {
		_, err := cdppage.AddScriptToEvaluateOnNewDocument(watch).Do(ctx)
		return err
	})); err != nil {
		t.Fatalf("starting Chromium (%s): %v", path, err)
	}
	return ctx, log
}

// screenshotDir is where screenshots go: $SITREP_SCREENSHOTS, or a
// temporary folder.
func screenshotDir(t *testing.T) string {
	dir := os.Getenv("SITREP_SCREENSHOTS")
	if dir == "" {
		return t.TempDir()
	}
	if !filepath.IsAbs(dir) {
		root, err := repoRoot()
		if err != nil {
			t.Fatal(err)
		}
		dir = filepath.Join(root, dir)
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	return dir
}

// shoot saves a screenshot of the window.
func shoot(dir, name string) chromedp.Action {
	return chromedp.ActionFunc(func(ctx context.Context) error {
		var buf []byte
		if err := chromedp.CaptureScreenshot(&buf).Do(ctx); err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(dir, name+".png"), buf, 0o644)
	})
}

// pageClean fails the test when the page opened a dialog, threw, or broke
// the Content-Security-Policy.
func pageClean(t *testing.T, ctx context.Context, log *browserLog, where string) {
	t.Helper()
	var csp []string
	var pwned bool
	if err := chromedp.Run(ctx,
		chromedp.Evaluate(`window.__csp || []`, &csp),
		chromedp.Evaluate(`typeof window.pwned !== "undefined"`, &pwned),
	); err != nil {
		t.Fatalf("%s: %v", where, err)
	}
	dialogs, exceptions := log.take()
	if pwned || len(dialogs) > 0 {
		t.Errorf("%s: injected script ran (window.pwned set: %v, dialogs %q)", where, pwned, dialogs)
	}
	if len(exceptions) > 0 {
		t.Errorf("%s: script errors %q", where, exceptions)
	}
	if len(csp) > 0 {
		t.Errorf("%s: Content-Security-Policy violations %q", where, csp)
	}
}

func text(sel string, out *string) chromedp.Action {
	return chromedp.Text(sel, out, chromedp.NodeVisible)
}

func TestBrowserWalkthrough(t *testing.T) {
	ctx, log := newBrowser(t)
	base := serveOn(t, newTestServer(t))
	shots := screenshotDir(t)
	run := func(where string, actions ...chromedp.Action) {
		t.Helper()
		if err := chromedp.Run(ctx, actions...); err != nil {
			t.Fatalf("%s: %v", where, err)
		}
		pageClean(t, ctx, log, where)
	}

	// Search: type a query, submit, read the results.
	var heading, firstTitle, mark string
	var hits int
	run("search",
		chromedp.Navigate(base+"/"),
		chromedp.WaitVisible("#q", chromedp.ByID),
		chromedp.SendKeys("#q", "stinger", chromedp.ByID),
		chromedp.Submit("#q", chromedp.ByID),
		chromedp.WaitVisible("ol.hits"),
		text("#results-h", &heading),
		chromedp.Evaluate(`document.querySelectorAll("li.hit").length`, &hits),
		text("li.hit h3 a", &firstTitle),
		text("li.hit .snippet mark", &mark),
		shoot(shots, "search"),
	)
	if !strings.HasSuffix(heading, "matching articles") || hits < 4 {
		t.Errorf("search: heading %q, %d hits", heading, hits)
	}
	if !strings.Contains(strings.ToLower(firstTitle), "stinger") || !strings.EqualFold(strings.TrimSuffix(mark, "s"), "stinger") {
		t.Errorf("search: first title %q, marked %q", firstTitle, mark)
	}

	// The chips take their type's colour from the registry, through the
	// style sheet the server makes of it.
	var chipClass, chipColour string
	run("type colours",
		chromedp.Evaluate(`document.querySelector("li.hit a.chip").className`, &chipClass),
		chromedp.Evaluate(`getComputedStyle(document.querySelector("li.hit a.chip")).getPropertyValue("--tc").trim()`, &chipColour),
	)
	if typ, ok := strings.CutPrefix(strings.Fields(chipClass + " ?")[1], "t-"); !ok || !strings.EqualFold(chipColour, model.EventType(typ).Info().Colour) {
		t.Errorf("chip %q has colour %q", chipClass, chipColour)
	}

	// Follow the first result's first event to the event page.
	var evTitle, evidence, location string
	var mentions int
	run("event",
		chromedp.Click("li.hit a.chip", chromedp.NodeVisible),
		chromedp.WaitVisible("ol.mentions"),
		text("h1", &evTitle),
		text(".mention .evidence", &evidence),
		chromedp.Evaluate(`document.querySelectorAll("li.mention").length`, &mentions),
		chromedp.Location(&location),
		shoot(shots, "event"),
	)
	if !strings.Contains(location, "/events/") || !strings.Contains(evTitle, "->") || len(evidence) < 30 || mentions < 1 {
		t.Errorf("event page %s: title %q, %d mentions, evidence %q", location, evTitle, mentions, evidence)
	}

	// From the event to the article it was read from: the evidence is
	// marked, and focusing it shows the slots.
	var current int
	var pop, articleTitle string
	run("article",
		chromedp.Click(`.mention a[href^="/articles/"]`, chromedp.NodeVisible),
		chromedp.WaitVisible(".article-text mark.ev"),
		chromedp.Location(&location),
		text("h1", &articleTitle),
		chromedp.Evaluate(`document.querySelectorAll("mark.ev.current").length`, &current),
		chromedp.Focus("mark.ev.current"),
		chromedp.WaitVisible("#slot-pop .card", chromedp.ByQuery),
		text("#slot-pop", &pop),
		// The page scrolled to the event's card; show it from the top,
		// the pop-up still beside its mark.
		chromedp.Evaluate(`window.scrollTo(0, 0)`, nil),
		shoot(shots, "article"),
	)
	if !strings.Contains(location, "/articles/") || !strings.Contains(location, "#ev-") || current == 0 {
		t.Errorf("article %s: %d marks of the event", location, current)
	}
	if !strings.Contains(pop, "modality") || !strings.Contains(pop, "confidence") {
		t.Errorf("slot pop-up reads %q", pop)
	}
	if articleTitle == "" {
		t.Error("article without a title")
	}

	// Timeline: drawn, zoomable with the buttons and the keyboard.
	var items int
	var r0, r1, r2, r3 string
	var fitsAll bool
	run("timeline",
		chromedp.Navigate(base+"/timeline"),
		chromedp.WaitVisible(".tl-canvas svg"),
		chromedp.Evaluate(`document.querySelectorAll(".tl-canvas a.tl-item").length`, &items),
		text(".tl-range", &r0),
		shoot(shots, "timeline"),
		chromedp.Click(`[data-zoom="in"]`),
		text(".tl-range", &r1),
		chromedp.Focus(".tl-canvas"),
		chromedp.KeyEvent(kb.ArrowRight),
		text(".tl-range", &r2),
		chromedp.Click(`[data-zoom="fit"]`),
		text(".tl-range", &r3),
		chromedp.Evaluate(`(function () {
			var tl = window.sitrepTimeline;
			var ds = Array.from(document.querySelectorAll("#timeline-list li")).map(function (li) { return Date.parse(li.dataset.start + "T00:00:00Z"); });
			return tl.t0 <= Math.min.apply(null, ds) && tl.t1 >= Math.max.apply(null, ds);
		})()`, &fitsAll),
	)
	if items < 50 {
		t.Errorf("timeline draws %d events", items)
	}
	if r0 == "" || r1 == r0 || r2 == r1 || r3 == r2 {
		t.Errorf("timeline ranges did not move: %q, zoomed %q, panned %q, fit %q", r0, r1, r2, r3)
	}
	if !fitsAll {
		t.Errorf("fit all shows %q, which leaves events out", r3)
	}

	// Ledger: chart and tables; a bar leads to the donor's aid events.
	var donor string
	run("ledger",
		chromedp.Navigate(base+"/ledger"),
		chromedp.WaitVisible("figure.stack svg rect.seg"),
		text(".totals tbody th", &donor),
		shoot(shots, "ledger"),
		chromedp.Click("figure.stack svg a"),
		chromedp.WaitVisible(".tl-canvas svg"),
		chromedp.Location(&location),
	)
	if !strings.Contains(location, "/timeline?") || !strings.Contains(location, "type=aid") || !strings.Contains(location, "actor=") {
		t.Errorf("ledger bar led to %s", location)
	}
	if donor == "" {
		t.Error("no donor in the totals")
	}

	var series []string
	run("figures",
		chromedp.Navigate(base+"/figures"),
		chromedp.WaitVisible(".series svg polyline"),
		chromedp.Evaluate(`Array.from(document.querySelectorAll(".series h3")).map(h => h.textContent)`, &series),
		shoot(shots, "figures"),
	)
	if len(series) < 3 || !strings.Contains(strings.Join(series, "|"), "Casualties") {
		t.Errorf("figures: %q", series)
	}

	var actorTitle string
	run("actor",
		chromedp.Navigate(base+"/actors/USA"),
		chromedp.WaitVisible("table.records"),
		text("h1", &actorTitle),
		shoot(shots, "actor"),
	)
	if !strings.Contains(actorTitle, "United States") {
		t.Errorf("actor page: %q", actorTitle)
	}

	// The keyboard: the first Tab reaches the skip link, and Enter on it
	// moves to the content.
	var focused, hash string
	run("keyboard",
		chromedp.Navigate(base+"/search?q=javelin"),
		chromedp.WaitVisible("ol.hits"),
		chromedp.KeyEvent(kb.Tab),
		chromedp.Evaluate(`document.activeElement.className + ":" + document.activeElement.textContent`, &focused),
		chromedp.KeyEvent(kb.Enter),
		chromedp.Evaluate(`location.hash`, &hash),
	)
	if focused != "skip:Skip to content" || hash != "#main" {
		t.Errorf("first Tab focused %q; Enter went to %q", focused, hash)
	}
}

func TestBrowserHostileArticles(t *testing.T) {
	ctx, log := newBrowser(t)
	s := hostileServer(t)
	pages, _ := hostileTargets(t, s)
	base := serveOn(t, s)
	// Hover, focus and click everything a reader could, then look for
	// any sign that a payload ran.
	const poke = `(function () {
		var n = 0;
		document.querySelectorAll("*").forEach(function (e) {
			["mouseover", "mouseenter", "focus"].forEach(function (k) { e.dispatchEvent(new Event(k, {bubbles: true})); });
			n++;
		});
		document.querySelectorAll("a[href^='#'], mark").forEach(function (e) { e.click && e.click(); });
		return n;
	})()`
	for _, p := range pages {
		var n int
		if err := chromedp.Run(ctx,
			chromedp.Navigate(base+p),
			chromedp.WaitReady("body"),
			chromedp.Evaluate(poke, &n),
			chromedp.Sleep(50*time.Millisecond),
		); err != nil {
			t.Fatalf("%s: %v", p, err)
		}
		if n < 20 {
			t.Errorf("%s: only %d elements", p, n)
		}
		pageClean(t, ctx, log, p)
	}
	// The article's text is shown, payloads as text.
	var body string
	if err := chromedp.Run(ctx,
		chromedp.Navigate(base+"/articles/xss-1%22%3E%3Cscript%3Ewindow.pwned%3D1%3C%2Fscript%3E"),
		chromedp.WaitVisible(".article-text"),
		text(".article-text", &body),
	); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(body, "<script>window.pwned=5</script>") {
		t.Errorf("the article text does not show its script tag as text: %q", body)
	}
	pageClean(t, ctx, log, "hostile article")
}

func TestServeStopsWithContext(t *testing.T) {
	s := newTestServer(t)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- s.Serve(ctx, ln) }()
	resp, err := http.Get("http://" + ln.Addr().String() + "/api/v1/stats")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != 200 {
		t.Fatalf("status %d", resp.StatusCode)
	}
	cancel()
	if err := <-done; err != nil {
		t.Fatalf("Serve returned %v after its context ended", err)
	}
	if resp, err := http.Get("http://" + ln.Addr().String() + "/api/v1/stats"); err == nil {
		resp.Body.Close()
		t.Error("still answering after shutdown")
	}
}
