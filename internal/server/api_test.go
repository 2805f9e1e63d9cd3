package server

import (
	"encoding/json"
	"math"
	"net/http/httptest"
	"net/url"
	"slices"
	"strings"
	"testing"

	"github.com/sitrep-project/sitrep/internal/model"
	"github.com/sitrep-project/sitrep/internal/query"
	"github.com/sitrep-project/sitrep/internal/store"
)

func TestOpenAPIDescribesEveryRoute(t *testing.T) {
	s := newTestServer(t)
	var doc struct {
		OpenAPI string                                `json:"openapi"`
		Paths   map[string]map[string]json.RawMessage `json:"paths"`
	}
	getJSON(t, s, "/api/v1/openapi.json", 200, &doc)
	if !strings.HasPrefix(doc.OpenAPI, "3.") {
		t.Errorf("openapi version %q", doc.OpenAPI)
	}
	registered := map[string]bool{}
	routes := s.APIRoutes()
	if len(routes) < 11 {
		t.Fatalf("only %d API routes registered: %v", len(routes), routes)
	}
	for _, rt := range routes {
		method, path, ok := strings.Cut(rt, " ")
		if !ok {
			t.Errorf("route %q has no method", rt)
			continue
		}
		registered[strings.ToLower(method)+" "+path] = true
		if _, ok := doc.Paths[path][strings.ToLower(method)]; !ok {
			t.Errorf("route %s is not in openapi.json", rt)
		}
	}
	for path, ops := range doc.Paths {
		for method := range ops {
			if !registered[method+" "+path] {
				t.Errorf("openapi.json describes %s %s, which the server does not serve", method, path)
			}
		}
	}
}

func TestAPIErrorsAreJSON(t *testing.T) {
	s := newTestServer(t)
	cases := []struct {
		method, target string
		status         int
		says           string
	}{
		{"GET", "/api/v1/articles", 400, "q"},
		{"GET", "/api/v1/articles?q=-tank", 400, "word"},
		{"GET", "/api/v1/articles?q=tank&limit=0", 400, "limit"},
		{"GET", "/api/v1/articles?q=tank&limit=501", 400, "limit"},
		{"GET", "/api/v1/articles?q=tank&limit=ten", 400, "limit"},
		{"GET", "/api/v1/articles?q=tank&offset=-1", 400, "offset"},
		{"GET", "/api/v1/articles?q=tank&from=2022-02-30", 400, "from"},
		{"GET", "/api/v1/articles?q=tank&type=parade", 400, "type"},
		{"GET", "/api/v1/articles?q=" + url.QueryEscape(strings.Repeat("word ", 300)), 400, "q"},
		{"GET", "/api/v1/articles/no-such-article", 404, "not found"},
		{"GET", "/api/v1/events?actor=U%3BS", 400, "actor"},
		{"GET", "/api/v1/events?to=yesterday-ish", 400, "to"},
		{"GET", "/api/v1/events/r000000000000", 404, "not found"},
		{"GET", "/api/v1/timeline?limit=100000", 400, "limit"},
		{"GET", "/api/v1/ledger?donor=%3Cscript%3E", 400, "donor"},
		{"GET", "/api/v1/figures?type=aid", 400, "type"},
		{"GET", "/api/v1/figures?type=casualties,mobilize", 400, "one type"},
		{"GET", "/api/v1/figures?points=-1", 400, "points"},
		{"GET", "/api/v1/figures?from=last-week", 400, "from"},
		{"GET", "/api/v1/figures?points=many", 400, "points"},
		{"GET", "/api/v1/figures?points=20001", 400, "points"},
		{"GET", "/api/v1/actors/ZZZ", 404, "not found"},
		{"GET", "/api/v1/no-such-route", 404, "openapi"},
		{"DELETE", "/api/v1/stats", 405, "GET"},
		{"PUT", "/api/v1/articles", 405, "POST"},
		{"POST", "/api/v1/events", 405, "GET"},
		{"POST", "/api/v1/articles", 403, "ingest-token"},
	}
	for _, c := range cases {
		t.Run(c.method+" "+c.target, func(t *testing.T) {
			r := do(t, s, httptest.NewRequest(c.method, c.target, nil))
			if r.code != c.status {
				t.Fatalf("status %d, want %d: %s", r.code, c.status, r.body)
			}
			var e errorBody
			if err := json.Unmarshal([]byte(r.body), &e); err != nil {
				t.Fatalf("error body %q is not JSON: %v", r.body, err)
			}
			if e.Status != c.status || !strings.Contains(e.Error, c.says) {
				t.Errorf("error body %+v, want status %d and a message naming %q", e, c.status, c.says)
			}
		})
	}
}

// searchResult mirrors the search page of the API.
type searchResult struct {
	Total   int           `json:"total"`
	Limit   int           `json:"limit"`
	Offset  int           `json:"offset"`
	Next    string        `json:"next"`
	Items   []Hit         `json:"items"`
	ByMonth []store.Count `json:"by_month"`
	Partial bool          `json:"partial"`
}

func TestAPISearch(t *testing.T) {
	s := newTestServer(t)
	var all searchResult
	getJSON(t, s, "/api/v1/articles?q=stinger&limit=100", 200, &all)
	if all.Total < 4 || len(all.Items) != all.Total {
		t.Fatalf("stinger: total %d, %d items", all.Total, len(all.Items))
	}
	months := 0
	for _, c := range all.ByMonth {
		months += c.Count
	}
	if months != all.Total {
		t.Errorf("by_month sums to %d, total is %d", months, all.Total)
	}
	for _, h := range all.Items {
		if len(h.Marks) == 0 {
			t.Errorf("%s: no marked word in %q", h.Doc, h.Snippet)
		}
		for _, m := range h.Marks {
			if m[0] < 0 || m[1] > len(h.Snippet) || m[0] >= m[1] {
				t.Fatalf("%s: mark %v outside snippet of %d bytes", h.Doc, m, len(h.Snippet))
			}
			if w := strings.ToLower(h.Snippet[m[0]:m[1]]); !strings.HasPrefix(w, "stinger") {
				t.Errorf("%s: marked %q for the query stinger", h.Doc, w)
			}
		}
		if strings.ContainsAny(h.Snippet, store.MarkStart+store.MarkEnd) {
			t.Errorf("%s: snippet keeps the store's markers: %q", h.Doc, h.Snippet)
		}
	}

	// Paging: two pages of two follow the full list, linked by next.
	var p1, p2 searchResult
	getJSON(t, s, "/api/v1/articles?q=stinger&limit=2", 200, &p1)
	if p1.Next == "" || len(p1.Items) != 2 || p1.Total != all.Total {
		t.Fatalf("first page: %+v", p1)
	}
	getJSON(t, s, p1.Next, 200, &p2)
	if p2.Offset != 2 || len(p2.Items) != 2 {
		t.Fatalf("second page: offset %d, %d items", p2.Offset, len(p2.Items))
	}
	for i, h := range append(p1.Items, p2.Items...) {
		if h.ID != all.Items[i].ID {
			t.Errorf("paged hit %d is %s, the full list has %s", i, h.Doc, all.Items[i].Doc)
		}
	}
	var last searchResult
	getJSON(t, s, "/api/v1/articles?q=stinger&limit=5&offset="+itoa(all.Total-1), 200, &last)
	if len(last.Items) != 1 || last.Next != "" {
		t.Errorf("last page: %d items, next %q", len(last.Items), last.Next)
	}

	// Filters.
	outlet := all.Items[0].Outlet
	var byOutlet searchResult
	getJSON(t, s, "/api/v1/articles?q=stinger&limit=100&outlet="+url.QueryEscape(strings.ToUpper(outlet)), 200, &byOutlet)
	if byOutlet.Total == 0 || byOutlet.Total >= all.Total {
		t.Errorf("outlet %q: %d of %d hits", outlet, byOutlet.Total, all.Total)
	}
	for _, h := range byOutlet.Items {
		if h.Outlet != outlet {
			t.Errorf("outlet filter %q let through %q", outlet, h.Outlet)
		}
	}
	var dated searchResult
	getJSON(t, s, "/api/v1/articles?q=stinger&limit=100&from=2022-03-01&to=March+20,+2022", 200, &dated)
	if dated.Total == 0 || dated.Total >= all.Total {
		t.Errorf("dated: %d of %d hits", dated.Total, all.Total)
	}
	for _, h := range dated.Items {
		if h.Date < "2022-03-01" || h.Date > "2022-03-20" {
			t.Errorf("date filter let through %s", h.Date)
		}
	}
}

func TestAPISearchByEventTypeAndActor(t *testing.T) {
	s := newTestServer(t)
	var all, aid searchResult
	getJSON(t, s, "/api/v1/articles?q=ukraine&limit=200", 200, &all)
	getJSON(t, s, "/api/v1/articles?q=ukraine&limit=200&type=aid&actor=usa", 200, &aid)
	if aid.Total == 0 || aid.Total >= all.Total {
		t.Fatalf("aid by USA: %d of %d articles", aid.Total, all.Total)
	}
	kept := map[string]bool{}
	for _, h := range aid.Items {
		kept[h.ID] = true
		var a ArticleJSON
		getJSON(t, s, "/api/v1/articles/"+h.ID, 200, &a)
		if !hasEvent(a.Events, "aid", "USA") {
			t.Errorf("%s was kept but reports no aid event with USA", h.Doc)
		}
	}
	// Every article left out indeed has no such event.
	for _, h := range all.Items {
		if kept[h.ID] {
			continue
		}
		var a ArticleJSON
		getJSON(t, s, "/api/v1/articles/"+h.ID, 200, &a)
		if hasEvent(a.Events, "aid", "USA") {
			t.Errorf("%s reports aid with USA but was filtered out", h.Doc)
		}
	}
}

func hasEvent(evs []model.Event, typ model.EventType, code string) bool {
	for _, e := range evs {
		if e.Type != typ || !e.IsFact() {
			continue
		}
		if e.Actor != nil && e.Actor.Code == code {
			return true
		}
		for _, t := range e.Targets {
			if t.Code == code {
				return true
			}
		}
	}
	return false
}

func TestAPIArticle(t *testing.T) {
	s := newTestServer(t)
	var byDoc, byID ArticleJSON
	getJSON(t, s, "/api/v1/articles/nw-0226-germany-stingers", 200, &byDoc)
	getJSON(t, s, "/api/v1/articles/"+byDoc.ID, 200, &byID)
	if byID.Doc != "nw-0226-germany-stingers" || byID.Text != byDoc.Text || byID.Date != "2022-02-26" {
		t.Fatalf("by id: doc %q date %q", byID.Doc, byID.Date)
	}
	if len(byDoc.Events) < 2 {
		t.Fatalf("%d events", len(byDoc.Events))
	}
	for _, e := range byDoc.Events {
		sp := model.Span{Start: e.Evidence.Start, End: e.Evidence.End}
		if got := sp.Of(byDoc.Text); got != e.Evidence.Sentence {
			t.Errorf("event %s: text[%d:%d] = %q, evidence %q", e.ID, sp.Start, sp.End, got, e.Evidence.Sentence)
		}
		if e.Actor != nil && e.Actor.Span != nil && e.Actor.Span.Of(byDoc.Text) != e.Actor.Text {
			t.Errorf("event %s: actor span gives %q, text %q", e.ID, e.Actor.Span.Of(byDoc.Text), e.Actor.Text)
		}
	}
	if len(byDoc.Records) == 0 {
		t.Fatal("no event is tied to a record")
	}
	for ev, rec := range byDoc.Records {
		var r model.Record
		getJSON(t, s, "/api/v1/events/"+rec, 200, &r)
		found := false
		for _, m := range r.Mentions {
			found = found || m.Event == ev
		}
		if !found {
			t.Errorf("record %s does not hold event %s", rec, ev)
		}
	}
}

// recordPage mirrors a page of records.
type recordPage struct {
	Total  *int            `json:"total"`
	Limit  int             `json:"limit"`
	Offset int             `json:"offset"`
	Next   string          `json:"next"`
	Items  []*model.Record `json:"items"`
}

func TestAPIEvents(t *testing.T) {
	s := newTestServer(t)
	var all recordPage
	getJSON(t, s, "/api/v1/events?limit=500", 200, &all)
	if len(all.Items) < 50 || all.Next != "" {
		t.Fatalf("%d records, next %q", len(all.Items), all.Next)
	}
	for i := 1; i < len(all.Items); i++ {
		if all.Items[i].Day < all.Items[i-1].Day {
			t.Fatalf("records out of day order: %s after %s", all.Items[i].Day, all.Items[i-1].Day)
		}
	}
	var p1, p2 recordPage
	getJSON(t, s, "/api/v1/events?limit=7", 200, &p1)
	if p1.Next == "" || p1.Total == nil || *p1.Total != len(all.Items) {
		t.Fatalf("first page: next %q, total %v, want %d", p1.Next, p1.Total, len(all.Items))
	}
	getJSON(t, s, p1.Next, 200, &p2)
	for i, r := range append(p1.Items, p2.Items...) {
		if r.ID != all.Items[i].ID {
			t.Fatalf("paged record %d is %s, full list has %s", i, r.ID, all.Items[i].ID)
		}
	}

	filters := []struct {
		query string
		keep  func(*model.Record) bool
	}{
		{"type=aid", func(r *model.Record) bool { return r.Type == "aid" }},
		{"type=attack,casualties", func(r *model.Record) bool { return r.Type == "attack" || r.Type == "casualties" }},
		{"actor=rus", func(r *model.Record) bool { return party(r, "RUS") }},
		{"target=UKR&type=aid", func(r *model.Record) bool { return r.Type == "aid" && targets(r, "UKR") }},
		{"from=2022-03-01&to=2022-03-10", func(r *model.Record) bool { return r.Day >= "2022-03-01" && r.Day <= "2022-03-10" }},
		{"place=Kyiv", func(r *model.Record) bool { return atPlace(r, "Kyiv") }},
	}
	for _, f := range filters {
		t.Run(f.query, func(t *testing.T) {
			var got recordPage
			getJSON(t, s, "/api/v1/events?limit=500&"+f.query, 200, &got)
			want := 0
			for _, r := range all.Items {
				if f.keep(r) {
					want++
				}
			}
			if want == 0 {
				t.Fatalf("no record of the corpus passes %s; the test needs one", f.query)
			}
			if len(got.Items) != want {
				t.Errorf("%d records, want %d", len(got.Items), want)
			}
			for _, r := range got.Items {
				if !f.keep(r) {
					t.Errorf("record %s (%s) passed %s", r.ID, query.Summary(r), f.query)
				}
			}
		})
	}

	// One record, by its id and by one of its events' ids.
	rec := all.Items[len(all.Items)/2]
	var byID, byEvent model.Record
	getJSON(t, s, "/api/v1/events/"+rec.ID, 200, &byID)
	getJSON(t, s, "/api/v1/events/"+rec.Mentions[0].Event, 200, &byEvent)
	if byID.ID != rec.ID || byEvent.ID != rec.ID || len(byID.Mentions) != len(rec.Mentions) {
		t.Errorf("record %s: by id %s, by event %s", rec.ID, byID.ID, byEvent.ID)
	}
}

func party(r *model.Record, code string) bool {
	return (r.Actor != nil && r.Actor.Code == code) || targets(r, code)
}

func targets(r *model.Record, code string) bool {
	for _, t := range r.Targets {
		if t.Code == code {
			return true
		}
	}
	return false
}

func atPlace(r *model.Record, name string) bool {
	for _, p := range r.Places {
		if p.Name == name {
			return true
		}
	}
	return false
}

func TestAPITimeline(t *testing.T) {
	s := newTestServer(t)
	var tl struct {
		Total *int           `json:"total"`
		Limit int            `json:"limit"`
		Next  string         `json:"next"`
		Items []TimelineItem `json:"items"`
	}
	getJSON(t, s, "/api/v1/timeline?limit=500&type=aid", 200, &tl)
	if tl.Limit != 500 || len(tl.Items) < 10 || tl.Total == nil || *tl.Total != len(tl.Items) {
		t.Fatalf("limit %d, %d items, total %v", tl.Limit, len(tl.Items), tl.Total)
	}
	// Each item counts the reports its record lists: one per article and
	// sentence.
	var whole recordPage
	getJSON(t, s, "/api/v1/events?type=aid&limit=500", 200, &whole)
	if len(whole.Items) != len(tl.Items) {
		t.Fatalf("%d aid records, %d timeline items", len(whole.Items), len(tl.Items))
	}
	several := false
	for i, r := range whole.Items {
		if tl.Items[i].ID != r.ID || tl.Items[i].Reports != r.ReportCount() {
			t.Errorf("item %d: %s with %d reports, record %s lists %d", i, tl.Items[i].ID, tl.Items[i].Reports, r.ID, r.ReportCount())
		}
		several = several || r.ReportCount() > 1
	}
	if !several {
		t.Error("no aid record of the corpus has several reports: the count is not tested")
	}
	precisions := map[string]bool{"day": true, "week": true, "month": true, "year": true, "reported": true}
	prec := map[string]int{}
	for i, it := range tl.Items {
		if it.Type != "aid" || it.Start > it.End || it.Reports < 1 || it.Summary == "" {
			t.Errorf("item %+v", it)
		}
		if !precisions[it.Precision] {
			t.Errorf("item %s: precision %q", it.ID, it.Precision)
		}
		prec[it.Precision]++
		if i > 0 && it.Day < tl.Items[i-1].Day {
			t.Errorf("%s after %s", it.Day, tl.Items[i-1].Day)
		}
	}
	if prec["day"] == 0 || prec["reported"] == 0 {
		t.Errorf("precisions %v: the corpus has both exact and report-dated aid", prec)
	}
	var def struct{ Limit int }
	getJSON(t, s, "/api/v1/timeline", 200, &def)
	if def.Limit != 100 {
		t.Errorf("default timeline limit %d", def.Limit)
	}
}

func TestAPILedger(t *testing.T) {
	s := newTestServer(t)
	var l struct {
		Total  int                `json:"total"`
		Next   string             `json:"next"`
		Items  []query.LedgerRow  `json:"items"`
		Totals []query.DonorTotal `json:"totals"`
		Rates  string             `json:"rates"`
	}
	getJSON(t, s, "/api/v1/ledger?limit=500", 200, &l)
	if l.Total != len(l.Items) || l.Total < 20 || l.Rates == "" {
		t.Fatalf("total %d, %d rows, rates %q", l.Total, len(l.Items), l.Rates)
	}
	eur := map[string]float64{}
	for _, r := range l.Items {
		if !r.RunningTotal && !r.Opinion {
			eur[r.Donor] += r.EUR
		}
	}
	for _, d := range l.Totals {
		// Money rows carry the converted value; the totals sum them, less
		// the running totals, which sum packages listed on their own, and
		// the rows told only by opinion pieces.
		if math.Abs(d.EUR-eur[d.Donor]) > 0.05*float64(d.Records)+0.01 {
			t.Errorf("%s: total EUR %.2f, rows sum to %.2f", d.Donor, d.EUR, eur[d.Donor])
		}
	}
	var deu struct {
		Total int               `json:"total"`
		Next  string            `json:"next"`
		Items []query.LedgerRow `json:"items"`
	}
	getJSON(t, s, "/api/v1/ledger?donor=deu&limit=2", 200, &deu)
	if deu.Total == 0 || deu.Total >= l.Total || len(deu.Items) != min(2, deu.Total) {
		t.Fatalf("DEU: %d rows of %d", deu.Total, l.Total)
	}
	if deu.Total > 2 && deu.Next == "" {
		t.Error("no next link on a partial page")
	}
	for _, r := range deu.Items {
		if r.Donor != "DEU" {
			t.Errorf("donor filter let through %s", r.Donor)
		}
	}
}

func TestAPIFiguresActorStats(t *testing.T) {
	s := newTestServer(t)
	var figs struct {
		Total int            `json:"total"`
		Items []model.Series `json:"items"`
	}
	getJSON(t, s, "/api/v1/figures?type=casualties&limit=500", 200, &figs)
	if figs.Total == 0 || figs.Total != len(figs.Items) {
		t.Fatalf("casualty series: total %d, %d items", figs.Total, len(figs.Items))
	}
	for _, sr := range figs.Items {
		if sr.Type != "casualties" || len(sr.Points) == 0 {
			t.Errorf("series %s: type %s, %d points", sr.Key, sr.Type, len(sr.Points))
		}
	}
	// points bounds each series' points to its latest ones, and
	// points_total says how many there are.
	var one struct {
		Items []SeriesJSON `json:"items"`
	}
	getJSON(t, s, "/api/v1/figures?type=casualties&limit=500&points=1", 200, &one)
	if len(one.Items) != len(figs.Items) {
		t.Fatalf("points=1: %d series, want %d", len(one.Items), len(figs.Items))
	}
	longer := 0
	for i, sr := range one.Items {
		all := figs.Items[i].Points
		if len(sr.Points) != 1 || sr.PointsTotal != len(all) || sr.Points[0].Event != all[len(all)-1].Event {
			t.Errorf("series %s with points=1: %d points of %d, want the latest of %d", sr.Key, len(sr.Points), sr.PointsTotal, len(all))
		}
		if len(all) > 1 {
			longer++
		}
	}
	if longer == 0 {
		t.Error("no casualty series of the corpus has two points: the points bound is not tested")
	}
	// from and to keep the claims about their days.
	var dates []string
	for _, sr := range figs.Items {
		for _, p := range sr.Points {
			dates = append(dates, p.Date)
		}
	}
	slices.Sort(dates)
	mid := dates[len(dates)/2]
	var cut struct {
		Items []SeriesJSON `json:"items"`
	}
	getJSON(t, s, "/api/v1/figures?type=casualties&limit=500&points=20000&from="+mid+"&to="+mid, 200, &cut)
	kept := 0
	for _, sr := range cut.Items {
		for _, p := range sr.Points {
			kept++
			if p.Date != mid {
				t.Errorf("from=to=%s: a claim about %s", mid, p.Date)
			}
		}
	}
	if want := strings.Count(strings.Join(dates, ","), mid); kept != want {
		t.Errorf("from=to=%s: %d claims, want %d", mid, kept, want)
	}

	var a struct {
		Code    string         `json:"code"`
		Name    string         `json:"name"`
		AsActor map[string]int `json:"as_actor"`
		Records recordPage     `json:"records"`
	}
	getJSON(t, s, "/api/v1/actors/usa?limit=5", 200, &a)
	if a.Code != "USA" || a.Name == "" || a.AsActor["aid"] == 0 {
		t.Fatalf("actor %+v", a)
	}
	if a.Records.Total == nil || *a.Records.Total <= 5 || len(a.Records.Items) != 5 || a.Records.Next == "" {
		t.Fatalf("actor records page: total %v, %d items, next %q", a.Records.Total, len(a.Records.Items), a.Records.Next)
	}
	if !strings.HasPrefix(a.Records.Next, "/api/v1/actors/USA?") && !strings.HasPrefix(a.Records.Next, "/api/v1/actors/usa?") {
		t.Errorf("next link %q", a.Records.Next)
	}
	for _, r := range a.Records.Items {
		if !party(r, "USA") {
			t.Errorf("record %s does not involve USA", r.ID)
		}
	}

	var st store.Stats
	getJSON(t, s, "/api/v1/stats", 200, &st)
	if st.Articles < 40 || st.Events == 0 || len(st.ByMonth) == 0 {
		t.Errorf("stats %+v", st)
	}
}

func TestSecurityHeadersOnEveryResponse(t *testing.T) {
	s := newTestServer(t)
	for _, target := range []string{"/", "/search?q=tank", "/timeline", "/ledger", "/api/v1/stats", "/api/v1/nothing", "/nothing", asset("app.js"), "/api/v1/openapi.json"} {
		r := get(t, s, target)
		csp := r.header.Get("Content-Security-Policy")
		for _, want := range []string{"default-src 'self'", "script-src 'self'", "frame-ancestors 'none'", "object-src 'none'"} {
			if !strings.Contains(csp, want) {
				t.Errorf("%s: CSP %q lacks %q", target, csp, want)
			}
		}
		if strings.Contains(csp, "unsafe-inline") || strings.Contains(csp, "unsafe-eval") {
			t.Errorf("%s: CSP %q allows inline or eval", target, csp)
		}
		if r.header.Get("X-Content-Type-Options") != "nosniff" || r.header.Get("Referrer-Policy") == "" {
			t.Errorf("%s: headers %v", target, r.header)
		}
	}
}

func TestStaticAssets(t *testing.T) {
	s := newTestServer(t)
	for name, ctype := range map[string]string{"app.js": "javascript", "app.css": "text/css", "favicon.svg": "image/svg+xml"} {
		r := get(t, s, asset(name))
		if r.code != 200 || !strings.Contains(r.header.Get("Content-Type"), ctype) || len(r.body) < 100 {
			t.Errorf("%s: %d %q, %d bytes", name, r.code, r.header.Get("Content-Type"), len(r.body))
		}
	}
	if r := get(t, s, "/static/nothing.js"); r.code != 404 {
		t.Errorf("missing asset: %d", r.code)
	}
	// The version in an asset's URL changes with its content.
	if v := assetVersions(); v["app.js"] == v["app.css"] || len(v["app.js"]) != 12 {
		t.Errorf("asset versions %v", v)
	}
}

func itoa(n int) string {
	b, _ := json.Marshal(n)
	return string(b)
}

// TestAPIActorPages checks that walking an actor's records page by page
// gives every record the query layer lists, in its order, whether a page
// is read through the store's index of parties or record by record (as
// for an office holder).
func TestAPIActorPages(t *testing.T) {
	s := newTestServer(t)
	want, err := query.ActorRecord(t.Context(), s.st, "UKR")
	if err != nil {
		t.Fatal(err)
	}
	if len(want.Records) < 15 {
		t.Fatalf("UKR has %d records in the corpus; the test needs three pages", len(want.Records))
	}
	var wantIDs []string
	for _, r := range want.Records {
		wantIDs = append(wantIDs, r.ID)
	}
	var got []string
	next := "/api/v1/actors/UKR?limit=7"
	for pages := 0; next != ""; pages++ {
		if pages > len(wantIDs) {
			t.Fatal("the pages do not end")
		}
		var a struct {
			Records recordPage `json:"records"`
		}
		getJSON(t, s, next, 200, &a)
		if *a.Records.Total != len(wantIDs) {
			t.Fatalf("total %d, want %d", *a.Records.Total, len(wantIDs))
		}
		for _, r := range a.Records.Items {
			got = append(got, r.ID)
		}
		next = a.Records.Next
	}
	if !slices.Equal(got, wantIDs) {
		t.Errorf("records page by page:\n%v\nwant\n%v", got, wantIDs)
	}

	sum, err := s.actorRecord(t.Context(), "UKR")
	if err != nil {
		t.Fatal(err)
	}
	byID := *sum
	byID.ids = wantIDs
	for _, p := range []paging{{limit: 7}, {limit: 7, offset: 7}, {limit: 100, offset: len(wantIDs) - 3}, {limit: 5, offset: len(wantIDs)}} {
		recs, err := s.actorRecords(t.Context(), &byID, p)
		if err != nil {
			t.Fatal(err)
		}
		var ids []string
		for _, r := range recs {
			ids = append(ids, r.ID)
			if len(r.Mentions) == 0 {
				t.Errorf("record %s read by id without its reports", r.ID)
			}
		}
		if w := wantIDs[min(p.offset, len(wantIDs)):min(p.offset+p.limit, len(wantIDs))]; !slices.Equal(ids, w) {
			t.Errorf("page %+v read by id: %v, want %v", p, ids, w)
		}
	}
}

// TestAPIActorNames checks that actor parameters take a name as well as a
// code, and that a name nobody knows is a bad request with suggestions.
func TestAPIActorNames(t *testing.T) {
	s := newTestServer(t)
	var byCode, byName recordPage
	getJSON(t, s, "/api/v1/events?actor=DEU&limit=500", 200, &byCode)
	getJSON(t, s, "/api/v1/events?actor=germany&limit=500", 200, &byName)
	if len(byCode.Items) == 0 || len(byCode.Items) != len(byName.Items) {
		t.Errorf("actor=germany: %d records, actor=DEU %d", len(byName.Items), len(byCode.Items))
	}
	var a struct {
		Code string `json:"code"`
	}
	getJSON(t, s, "/api/v1/actors/Germany", 200, &a)
	if a.Code != "DEU" {
		t.Errorf("/api/v1/actors/Germany: code %q", a.Code)
	}
	r := get(t, s, "/api/v1/ledger?donor=land")
	if r.code != 400 || !strings.Contains(r.body, "POL (Poland)") {
		t.Errorf("donor=land: %d %s, want 400 suggesting POL", r.code, r.body)
	}
	if r := get(t, s, "/api/v1/events?actor=Atlantis%20Republic"); r.code != 400 {
		t.Errorf("an unknown name: %d, want 400", r.code)
	}
}
