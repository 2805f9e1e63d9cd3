package server

import (
	"context"
	"fmt"
	"math"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
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
	// The server first, so that its shutdown comes after the browser's:
	// cleanups run last first, and a browser still loading a page would
	// hold the server's shutdown past its deadline.
	base := serveOn(t, newTestServer(t))
	ctx, log := newBrowser(t)
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

	// Map: events drawn as circles on the outlines, one row each in the
	// table; a circle leads to its event.
	var circles, rows int
	run("map",
		chromedp.Navigate(base+"/map"),
		chromedp.WaitVisible("svg.map-chart"),
		chromedp.Evaluate(`document.querySelectorAll("svg.map-chart .map-events circle").length`, &circles),
		chromedp.Evaluate(`document.querySelectorAll("table.map-list tbody tr").length`, &rows),
		shoot(shots, "map"),
		chromedp.Click("svg.map-chart .map-events a"),
		chromedp.WaitVisible("ol.mentions"),
		chromedp.Location(&location),
	)
	if circles < 10 || circles != rows {
		t.Errorf("map draws %d events and lists %d", circles, rows)
	}
	if !strings.Contains(location, "/events/") {
		t.Errorf("a map circle led to %s", location)
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
	s := hostileServer(t)
	pages, _ := hostileTargets(t, s)
	base := serveOn(t, s) // before the browser: see TestBrowserWalkthrough
	ctx, log := newBrowser(t)
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

// axeSource is axe-core's minified script, vendored for the tests only
// (testdata/axe-core holds its licence, MPL-2.0).
func axeSource(t *testing.T) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", "axe-core", "axe.min.js"))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// axeViolation is one failed axe rule and the elements that fail it.
type axeViolation struct {
	ID, Impact, Help string
	Targets          []string
}

// axeRun injects axe-core into the page and runs the WCAG 2.0 A and AA
// and WCAG 2.1 AA rules over it. The pages forbid scripts from anywhere
// but the site (script-src 'self'), so axe's source is evaluated through
// the DevTools protocol, which the policy does not govern, rather than
// loaded with a script element.
func axeRun(src string, out *[]axeViolation) chromedp.Action {
	const check = `axe.run(document, {
		runOnly: {type: "tag", values: ["wcag2a", "wcag2aa", "wcag21aa"]},
		resultTypes: ["violations"]
	}).then(function (r) {
		return r.violations.map(function (v) {
			return {ID: v.id, Impact: v.impact || "", Help: v.help,
				Targets: v.nodes.map(function (n) { return n.target.map(String).join(" >> "); })};
		});
	})`
	return chromedp.ActionFunc(func(ctx context.Context) error {
		if err := chromedp.Evaluate(src+"\n;true", nil).Do(ctx); err != nil {
			return fmt.Errorf("injecting axe: %w", err)
		}
		return chromedp.Evaluate(check, out, func(p *runtime.EvaluateParams) *runtime.EvaluateParams {
			return p.WithAwaitPromise(true)
		}).Do(ctx)
	})
}

// headingSkips lists the shown headings that come more than one level
// below the heading before them, the first one counting as below an h0:
// a page starts with its h1 and never goes from h1 to h3. (axe's
// heading-order rule is advice, outside the WCAG rules run here, and
// tolerates some skips.)
const headingSkips = `(function () {
	var out = [], prev = 0;
	document.querySelectorAll("h1, h2, h3, h4, h5, h6").forEach(function (h) {
		if (!h.getClientRects().length) return;
		var level = +h.tagName.charAt(1);
		if (level > prev + 1) out.push(h.tagName.toLowerCase() + " “" + h.textContent.trim().slice(0, 60) + "” after h" + prev);
		prev = level;
	});
	return out;
})()`

// TestBrowserAccessibility runs axe-core over every kind of page and
// fails on each WCAG A or AA violation it finds, naming the rule, its
// impact and the elements that break it.
func TestBrowserAccessibility(t *testing.T) {
	base := serveOn(t, newTestServer(t)) // before the browser: see TestBrowserWalkthrough
	ctx, log := newBrowser(t)
	src := axeSource(t)

	// An event and an article to look at, as a reader reaches them: the
	// first search result's first event, and the report it was read from.
	var eventHref, articleHref string
	if err := chromedp.Run(ctx,
		chromedp.Navigate(base+"/search?q=stinger"),
		chromedp.WaitVisible("li.hit a.chip"),
		chromedp.Evaluate(`document.querySelector("li.hit a.chip").getAttribute("href")`, &eventHref),
	); err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Run(ctx,
		chromedp.Navigate(base+eventHref),
		chromedp.WaitVisible(".mention"),
		chromedp.Evaluate(`document.querySelector('.mention a[href^="/articles/"]').getAttribute("href")`, &articleHref),
	); err != nil {
		t.Fatal(err)
	}
	articlePath, _, _ := strings.Cut(articleHref, "#")
	// Each page as it loads; then, for the article, with the slot pop-up
	// of a marked sentence open.
	pages := []struct {
		name, path, ready string
		then              []chromedp.Action
	}{
		{"search", "/search?q=stinger", "ol.hits", nil},
		{"store overview", "/", "section.overview", nil},
		{"timeline", "/timeline", ".tl-canvas svg", nil},
		{"map", "/map", "svg.map-chart", nil},
		{"event", eventHref, "ol.mentions", nil},
		{"article", articleHref, ".article-text mark.ev", nil},
		// The article again, without the event's anchor: a navigation
		// that only changes the anchor would not load the page.
		{"article, slot pop-up", articlePath, ".article-text mark.ev", []chromedp.Action{
			// A click gives the page focus first: until it has it, the
			// browser holds focus events back, and the pop-up waits.
			chromedp.Click("h1"),
			chromedp.Focus("mark.ev"),
			chromedp.WaitVisible("#slot-pop .card"),
		}},
		{"ledger", "/ledger", "figure.stack svg", nil},
		{"figures", "/figures", ".series svg", nil},
		{"actor", "/actors/USA", "table.records", nil},
		{"not found", "/no-such-page", "p.problem", nil},
	}
	for _, p := range pages {
		var found []axeViolation
		var skips []string
		actions := append([]chromedp.Action{chromedp.Navigate(base + p.path), chromedp.WaitVisible(p.ready)}, p.then...)
		actions = append(actions, axeRun(src, &found), chromedp.Evaluate(headingSkips, &skips))
		if err := chromedp.Run(ctx, actions...); err != nil {
			t.Fatalf("%s (%s): %v", p.name, p.path, err)
		}
		for _, s := range skips {
			t.Errorf("%s (%s): heading skips a level: %s", p.name, p.path, s)
		}
		pageClean(t, ctx, log, p.name)
		for _, v := range found {
			targets := v.Targets
			if len(targets) > 8 {
				targets = append(targets[:8:8], fmt.Sprintf("and %d more", len(v.Targets)-8))
			}
			t.Errorf("%s (%s): %s [%s] %s: %s", p.name, p.path, v.ID, v.Impact, v.Help, strings.Join(targets, "; "))
		}
	}
}

// TestBrowserFocusContrast focuses elements on each kind of background,
// as the keyboard does, and checks that the focus outline stands out from
// what it is drawn on by at least 3:1 (WCAG 2.2 non-text contrast): the
// page, the filter panel, the dark header, and the skip link, which shows
// over the header.
func TestBrowserFocusContrast(t *testing.T) {
	base := serveOn(t, newTestServer(t)) // before the browser: see TestBrowserWalkthrough
	ctx, _ := newBrowser(t)
	// ring focuses an element and reports its outline and the background
	// colours under the middle of the outline on its four sides.
	const ring = `(function (sel) {
		var el = document.querySelector(sel);
		el.focus();
		var cs = getComputedStyle(el);
		var r = el.getBoundingClientRect();
		// The middle of the outline: elementFromPoint sees through it
		// to what it is drawn on.
		var d = parseFloat(cs.outlineOffset) + parseFloat(cs.outlineWidth) / 2;
		var bgAt = function (x, y) {
			for (var e = document.elementFromPoint(x, y); e; e = e.parentElement) {
				var c = getComputedStyle(e).backgroundColor;
				if (c !== "rgba(0, 0, 0, 0)" && c !== "transparent") return c;
			}
			return "rgb(255, 255, 255)";
		};
		var cx = r.left + r.width / 2, cy = r.top + r.height / 2;
		return {Visible: el.matches(":focus-visible"), Style: cs.outlineStyle, Outline: cs.outlineColor,
			Around: [bgAt(r.left - d, cy), bgAt(r.right + d, cy), bgAt(cx, r.top - d), bgAt(cx, r.bottom + d)]};
	})`
	type focusRing struct {
		Visible        bool
		Style, Outline string
		Around         []string
	}
	if err := chromedp.Run(ctx,
		chromedp.Navigate(base+"/search?q=stinger"),
		chromedp.WaitVisible("ol.hits"),
		// A key pressed first makes later focus keyboard focus, which
		// :focus-visible shows.
		chromedp.KeyEvent(kb.Tab),
	); err != nil {
		t.Fatal(err)
	}
	for _, sel := range []string{".skip", "a.brand", ".top nav a", "#jump-code", "#q", ".filters button", "li.hit h3 a", "li.hit a.chip"} {
		var got focusRing
		if err := chromedp.Run(ctx, chromedp.Evaluate(ring+"("+strconv.Quote(sel)+")", &got)); err != nil {
			t.Fatalf("%s: %v", sel, err)
		}
		if !got.Visible || got.Style == "none" {
			t.Errorf("%s: focus shows no outline (focus-visible %v, outline style %q)", sel, got.Visible, got.Style)
			continue
		}
		seen := map[string]bool{}
		for _, bg := range got.Around {
			c, ok := contrast(got.Outline, bg)
			if !ok {
				t.Fatalf("%s: cannot read the colours %q and %q", sel, got.Outline, bg)
			}
			if c < 3 && !seen[bg] {
				seen[bg] = true
				t.Errorf("%s: focus outline %s on %s has contrast %.2f:1, under 3:1", sel, got.Outline, bg, c)
			}
		}
	}
}

// contrast is the WCAG contrast ratio of two computed CSS colours,
// written rgb(r, g, b) or rgba(r, g, b, a), alpha left aside; ok is false
// for a colour written otherwise.
func contrast(a, b string) (ratio float64, ok bool) {
	la, oka := luminance(a)
	lb, okb := luminance(b)
	if la < lb {
		la, lb = lb, la
	}
	return (la + 0.05) / (lb + 0.05), oka && okb
}

// luminance is the WCAG relative luminance of an rgb() or rgba() colour.
func luminance(css string) (float64, bool) {
	inner, ok := strings.CutPrefix(css, "rgb(")
	if !ok {
		inner, ok = strings.CutPrefix(css, "rgba(")
	}
	inner, _, closed := strings.Cut(inner, ")")
	var r, g, b float64
	if n, _ := fmt.Sscanf(strings.ReplaceAll(inner, ",", " "), "%g %g %g", &r, &g, &b); !ok || !closed || n != 3 {
		return 0, false
	}
	lin := func(c float64) float64 {
		c /= 255
		if c <= 0.04045 {
			return c / 12.92
		}
		return math.Pow((c+0.055)/1.055, 2.4)
	}
	return 0.2126*lin(r) + 0.7152*lin(g) + 0.0722*lin(b), true
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

// TestBrowserTimelineRoughDates checks that the timeline hides the events
// whose date is known only to the week, month or year when asked, keeps
// that choice in the URL, and reads it back from there.
func TestBrowserTimelineRoughDates(t *testing.T) {
	base := serveOn(t, newTestServer(t)) // before the browser: see TestBrowserWalkthrough
	ctx, log := newBrowser(t)
	var before, after, hiddenItems int
	var location string
	if err := chromedp.Run(ctx,
		chromedp.Navigate(base+"/timeline"),
		chromedp.WaitVisible(".tl-canvas svg"),
		chromedp.Evaluate(`document.querySelectorAll(".tl-canvas .mk.range").length`, &before),
		chromedp.Click("[data-rough]"),
		chromedp.Evaluate(`document.querySelectorAll(".tl-canvas .mk.range").length`, &after),
		chromedp.Evaluate(`document.querySelectorAll("#timeline-list li[hidden]").length`, &hiddenItems),
		chromedp.Location(&location),
	); err != nil {
		t.Fatal(err)
	}
	pageClean(t, ctx, log, "timeline, rough dates hidden")
	if before == 0 {
		t.Fatal("the sample corpus's timeline draws no event dated only to the week, month or year: nothing to hide")
	}
	if after != 0 || hiddenItems == 0 || !strings.Contains(location, "rough=hide") {
		t.Errorf("after hiding: %d rough bars drawn, %d list items hidden, URL %s", after, hiddenItems, location)
	}
	var checked bool
	var again int
	if err := chromedp.Run(ctx,
		chromedp.Navigate(location),
		chromedp.WaitVisible(".tl-canvas svg"),
		chromedp.Evaluate(`document.querySelector("[data-rough]").checked`, &checked),
		chromedp.Evaluate(`document.querySelectorAll(".tl-canvas .mk.range").length`, &again),
	); err != nil {
		t.Fatal(err)
	}
	if !checked || again != 0 {
		t.Errorf("the URL with rough=hide: box checked %v, %d rough bars drawn", checked, again)
	}
}
