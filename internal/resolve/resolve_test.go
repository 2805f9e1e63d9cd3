package resolve

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"
	"time"

	"github.com/sitrep-project/sitrep/internal/model"
	"github.com/sitrep-project/sitrep/internal/store"
	"github.com/sitrep-project/sitrep/internal/store/sqlite"
)

func f(v float64) *float64 { return &v }

// art makes an article and its events; each event gets a stable id from
// the doc and its position, as the extractor gives.
func art(doc, date, outlet string, evs ...model.Event) store.Doc {
	text := "Report " + doc + " of " + date
	d, _ := time.Parse(model.DateLayout, date)
	a := &model.Article{ID: model.ArticleID(text), Doc: doc, Date: d, Outlet: outlet, Text: text,
		Blocks: []model.Block{{Kind: model.BlockParagraph, Span: model.Span{End: len(text)}}}}
	for i := range evs {
		evs[i].ID = fmt.Sprintf("%s-e%d", doc, i)
		evs[i].Doc = doc
		evs[i].Article = a.ID
		if evs[i].Modality == "" {
			evs[i].Modality = model.ModalityAsserted
		}
		evs[i].Confidence = 0.8
		evs[i].Evidence = model.Evidence{Sentence: text, Start: 0, End: len(text)}
	}
	return store.Doc{Article: a, Events: evs, Extractor: "test/1"}
}

func aid(actor, status string, money *model.Money, items ...model.Item) model.Event {
	return model.Event{Type: model.TypeAid, Status: status, Mode: model.ModeMilitary, Actor: &model.Actor{Code: actor},
		Targets: []model.Actor{{Code: "UKR"}}, Items: items, Money: money}
}

func item(name string, n float64, approx bool) model.Item {
	return model.Item{Name: name, Qty: &model.Range{Min: f(n), Max: f(n), Approx: approx}}
}

// more marks aid the report presents as more than earlier aid.
func more(ev model.Event) model.Event { ev.Additional = true; return ev }

// planned marks aid the report holds only planned.
func planned(ev model.Event) model.Event { ev.Modality = model.ModalityPlanned; return ev }

// at dates an event to a day.
func at(ev model.Event, day string) model.Event {
	ev.Time = &model.Time{Start: day, End: day, Precision: model.PrecisionDay}
	return ev
}

// opinion marks an event read from an opinion piece.
func opinion(ev model.Event) model.Event { ev.Genre = model.GenreOpinion; return ev }

func toll(target, source string, n float64, day string) model.Event {
	return model.Event{Type: model.TypeCasualties, Targets: []model.Actor{{Code: target}}, Victims: "civilians", Outcome: "killed",
		Count: &model.Range{Min: f(n), Max: f(n)}, Source: &model.Source{Name: source, Kind: model.SourceOrganisation},
		Time: &model.Time{Start: day, End: day, Precision: model.PrecisionDay}}
}

func openStore(t testing.TB) store.Store {
	t.Helper()
	st, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "r.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

func put(t testing.TB, st store.Store, docs ...store.Doc) {
	t.Helper()
	if _, err := st.Put(context.Background(), docs); err != nil {
		t.Fatal(err)
	}
	if _, err := Run(context.Background(), st); err != nil {
		t.Fatal(err)
	}
}

// groups returns, for each doc-event id, the record it landed in.
func groups(t testing.TB, st store.Store) map[string]string {
	t.Helper()
	recs, err := st.Records(context.Background(), store.RecordFilter{})
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	for _, r := range recs {
		for _, m := range r.Mentions {
			out[m.Event] = r.ID
		}
	}
	return out
}

func TestMergeDecisions(t *testing.T) {
	usd := func(n float64) *model.Money { return &model.Money{Amount: n, Currency: "USD"} }
	cases := []struct {
		name string
		docs []store.Doc
		same bool // whether the first events of the first two docs share a record
	}{
		{"same pledge in other words", []store.Doc{
			art("a", "2022-02-26", "Wire", aid("DEU", "pledged", nil, item("Stinger", 500, false))),
			art("b", "2022-02-28", "Paper", aid("DEU", "pledged", nil, item("Stinger", 500, false), item("anti-tank weapon", 1000, false))),
		}, true},
		{"pledge then delivery", []store.Doc{
			art("a", "2022-02-26", "Wire", aid("DEU", "pledged", nil, item("Stinger", 500, false))),
			art("b", "2022-03-03", "Paper", aid("DEU", "delivered", nil, item("Stinger", 500, false))),
		}, true},
		{"hedged and exact figure", []store.Doc{
			art("a", "2022-01-18", "Wire", aid("GBR", "delivered", nil, item("NLAW", 2000, true))),
			art("b", "2022-01-20", "Paper", aid("GBR", "delivered", nil, item("NLAW", 2100, false))),
		}, true},
		{"same donor, two packages in a week", []store.Doc{
			art("a", "2022-03-12", "Wire", aid("USA", "pledged", usd(200e6))),
			art("b", "2022-03-16", "Paper", aid("USA", "pledged", usd(800e6))),
		}, false},
		{"same amount, different mode", []store.Doc{
			art("a", "2022-03-01", "Wire", model.Event{Type: model.TypeAid, Status: "pledged", Mode: model.ModeFinancial, Actor: &model.Actor{Code: "JPN"}, Money: usd(100e6)}),
			art("b", "2022-03-02", "Paper", model.Event{Type: model.TypeAid, Status: "pledged", Mode: model.ModeHumanitarian, Actor: &model.Actor{Code: "JPN"}, Money: usd(100e6)}),
		}, false},
		{"different donors", []store.Doc{
			art("a", "2022-03-01", "Wire", aid("EST", "pledged", nil, item("Javelin", 100, false))),
			art("b", "2022-03-01", "Paper", aid("LVA", "pledged", nil, item("Javelin", 100, false))),
		}, false},
		{"too far apart", []store.Doc{
			art("a", "2022-02-01", "Wire", aid("CAN", "pledged", nil, item("Carl Gustaf", 100, false))),
			art("b", "2022-04-01", "Paper", aid("CAN", "pledged", nil, item("Carl Gustaf", 100, false))),
		}, false},
		{"same toll from two outlets", []store.Doc{
			art("a", "2022-03-02", "Wire", toll("UKR", "OHCHR", 227, "2022-03-01")),
			art("b", "2022-03-03", "Paper", toll("UKR", "OHCHR", 227, "2022-03-01")),
		}, true},
		{"toll updated a day later", []store.Doc{
			art("a", "2022-03-02", "Wire", toll("UKR", "OHCHR", 227, "2022-03-01")),
			art("b", "2022-03-03", "Paper", toll("UKR", "OHCHR", 249, "2022-03-02")),
		}, false},
		{"same figure, other side", []store.Doc{
			art("a", "2022-03-02", "Wire", toll("UKR", "OHCHR", 498, "2022-03-02")),
			art("b", "2022-03-02", "Paper", toll("RUS", "Russian defence ministry", 498, "2022-03-02")),
		}, false},
		{"strikes on two places", []store.Doc{
			art("a", "2022-03-13", "Wire", model.Event{Type: model.TypeAttack, Actor: &model.Actor{Code: "RUS"}, Targets: []model.Actor{{Code: "UKR"}}, Places: []model.Place{{Name: "Yavoriv"}}}),
			art("b", "2022-03-14", "Paper", model.Event{Type: model.TypeAttack, Actor: &model.Actor{Code: "RUS"}, Targets: []model.Actor{{Code: "UKR"}}, Places: []model.Place{{Name: "Kyiv"}}}),
		}, false},
		{"one strike told twice", []store.Doc{
			art("a", "2022-03-13", "Wire", model.Event{Type: model.TypeAttack, Actor: &model.Actor{Code: "RUS"}, Targets: []model.Actor{{Code: "UKR"}}, Places: []model.Place{{Name: "Yavoriv"}}}),
			art("b", "2022-03-14", "Paper", model.Event{Type: model.TypeAttack, Actor: &model.Actor{Code: "RUS"}, Targets: []model.Actor{{Code: "UKR"}}, Places: []model.Place{{Name: "Yavoriv"}}}),
		}, true},
		// Packages of one donor are told apart by their sum or count,
		// and where neither ties two reports, by being told within a
		// week of each other.
		{"same kinds of weapons three weeks apart", []store.Doc{
			art("a", "2022-06-01", "Wire", aid("USA", "pledged", nil, model.Item{Name: "howitzer"}, model.Item{Name: "rocket launcher"})),
			art("b", "2022-06-23", "Paper", aid("USA", "pledged", nil, model.Item{Name: "howitzer"})),
		}, false},
		{"same kinds of weapons in one week", []store.Doc{
			art("a", "2022-06-01", "Wire", aid("USA", "pledged", nil, model.Item{Name: "howitzer"}, model.Item{Name: "rocket launcher"})),
			art("b", "2022-06-03", "Paper", aid("USA", "pledged", nil, model.Item{Name: "howitzer"})),
		}, true},
		{"more of one system weeks later", []store.Doc{
			art("a", "2022-06-01", "Wire", aid("USA", "pledged", nil, item("HIMARS", 4, false))),
			art("b", "2022-06-23", "Paper", more(aid("USA", "pledged", nil, item("HIMARS", 4, false)))),
		}, false},
		{"weapons in general and a package of named ones", []store.Doc{
			art("a", "2022-06-01", "Wire", aid("USA", "pledged", nil, item("Javelin", 1000, false), item("HIMARS", 4, false))),
			art("b", "2022-06-01", "Paper", aid("USA", "delivered", nil, model.Item{Name: "weapons"})),
		}, false},
		{"a named system recalled weeks later", []store.Doc{
			art("a", "2022-03-09", "Wire", aid("GBR", "pledged", nil, model.Item{Name: "Starstreak"})),
			art("b", "2022-03-23", "Paper", aid("GBR", "pledged", nil, model.Item{Name: "Starstreak"})),
		}, true},
		{"a named system delivered weeks later", []store.Doc{
			art("a", "2022-06-01", "Wire", aid("USA", "pledged", nil, item("HIMARS", 4, false))),
			art("b", "2022-06-24", "Paper", aid("USA", "delivered", nil, model.Item{Name: "HIMARS"})),
		}, true},
		{"a plan, then the signing of its sum", []store.Doc{
			art("a", "2022-05-19", "Wire", planned(aid("USA", "planned", usd(40e9)))),
			art("b", "2022-05-21", "Paper", aid("USA", "pledged", usd(40e9))),
		}, true},
		{"a plan and a pledge with no sum or count in common", []store.Doc{
			art("a", "2022-06-01", "Wire", planned(aid("USA", "planned", nil, model.Item{Name: "HIMARS"}))),
			art("b", "2022-06-03", "Paper", aid("USA", "pledged", nil, item("HIMARS", 4, false))),
		}, false},
		{"an opinion piece and the news", []store.Doc{
			art("a", "2022-05-21", "Wire", aid("USA", "pledged", usd(40e9))),
			art("b", "2022-05-24", "Paper", opinion(aid("USA", "pledged", usd(40e9)))),
		}, false},
		{"one sum in two currencies", []store.Doc{
			art("a", "2022-05-18", "Wire", model.Event{Type: model.TypeAid, Status: "pledged", Mode: model.ModeFinancial, Actor: &model.Actor{Code: "EU"}, Targets: []model.Actor{{Code: "UKR"}}, Money: &model.Money{Amount: 9e9, Currency: "EUR"}}),
			art("b", "2022-05-19", "Paper", model.Event{Type: model.TypeAid, Status: "pledged", Mode: model.ModeFinancial, Actor: &model.Actor{Code: "EU"}, Targets: []model.Actor{{Code: "UKR"}}, Money: usd(9.5e9)}),
		}, true},
		{"two sums in two currencies", []store.Doc{
			art("a", "2022-05-18", "Wire", model.Event{Type: model.TypeAid, Status: "pledged", Mode: model.ModeFinancial, Actor: &model.Actor{Code: "EU"}, Targets: []model.Actor{{Code: "UKR"}}, Money: &model.Money{Amount: 9e9, Currency: "EUR"}}),
			art("b", "2022-05-19", "Paper", model.Event{Type: model.TypeAid, Status: "pledged", Mode: model.ModeFinancial, Actor: &model.Actor{Code: "EU"}, Targets: []model.Actor{{Code: "UKR"}}, Money: usd(12e9)}),
		}, false},
		{"a precise sum called military and called financial", []store.Doc{
			art("a", "2022-03-10", "Wire", model.Event{Type: model.TypeAid, Status: "pledged", Mode: model.ModeMilitary, Actor: &model.Actor{Code: "USA"}, Targets: []model.Actor{{Code: "UKR"}}, Money: usd(13.6e9)}),
			art("b", "2022-03-11", "Paper", model.Event{Type: model.TypeAid, Status: "pledged", Mode: model.ModeFinancial, Actor: &model.Actor{Code: "USA"}, Targets: []model.Actor{{Code: "UKR"}}, Money: usd(13.6e9)}),
		}, true},
		{"a huge sum called military and called financial", []store.Doc{
			art("a", "2022-05-18", "Wire", model.Event{Type: model.TypeAid, Status: "pledged", Mode: model.ModeMilitary, Actor: &model.Actor{Code: "USA"}, Targets: []model.Actor{{Code: "UKR"}}, Money: usd(40e9)}),
			art("b", "2022-05-19", "Paper", model.Event{Type: model.TypeAid, Status: "pledged", Mode: model.ModeFinancial, Actor: &model.Actor{Code: "USA"}, Targets: []model.Actor{{Code: "UKR"}}, Money: usd(40e9)}),
		}, true},
		{"a huge sum with one report's time misread months back", []store.Doc{
			art("a", "2022-05-19", "Wire", aid("USA", "pledged", usd(40e9))),
			art("b", "2022-05-21", "Paper", at(aid("USA", "pledged", usd(40e9)), "2022-02-24")),
		}, true},
		{"a precise sum recalled a month later", []store.Doc{
			art("a", "2022-03-10", "Wire", aid("USA", "pledged", usd(13.6e9))),
			art("b", "2022-04-12", "Paper", aid("USA", "pledged", usd(13.6e9))),
		}, true},
		{"a round sum again a month later", []store.Doc{
			art("a", "2022-03-10", "Wire", aid("USA", "pledged", usd(100e6))),
			art("b", "2022-04-12", "Paper", aid("USA", "pledged", usd(100e6))),
		}, false},
		{"a round sum pledged again a week later", []store.Doc{
			art("a", "2022-03-01", "Wire", at(aid("JPN", "pledged", usd(100e6)), "2022-03-01")),
			art("b", "2022-03-08", "Paper", at(aid("JPN", "pledged", usd(100e6)), "2022-03-08")),
		}, false},
		{"planned visit then held", []store.Doc{
			art("a", "2022-02-12", "Wire", model.Event{Type: model.TypeVisit, Status: "planned", Actor: &model.Actor{Code: "DEU"}, Targets: []model.Actor{{Code: "UKR"}}, Time: &model.Time{Start: "2022-02-14", End: "2022-02-14", Precision: "day"}}),
			art("b", "2022-02-14", "Paper", model.Event{Type: model.TypeVisit, Actor: &model.Actor{Code: "DEU"}, Targets: []model.Actor{{Code: "UKR"}}}),
		}, true},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			st := openStore(t)
			put(t, st, c.docs...)
			g := groups(t, st)
			a, b := g["a-e0"], g["b-e0"]
			if a == "" || b == "" {
				t.Fatalf("events not resolved: %v", g)
			}
			if (a == b) != c.same {
				t.Errorf("merged = %v, want %v", a == b, c.same)
			}
		})
	}
}

func TestRecordSlots(t *testing.T) {
	st := openStore(t)
	put(t, st,
		art("a", "2022-02-26", "Wire", aid("DEU", "pledged", nil, item("Stinger", 500, true))),
		art("b", "2022-03-03", "Paper", aid("DEU", "delivered", nil, item("Stinger", 500, false), item("anti-tank weapon", 1000, false))),
		art("c", "2022-03-04", "Daily", aid("DEU", "delivered", nil, item("Stinger", 520, false))),
	)
	recs, _ := st.Records(context.Background(), store.RecordFilter{})
	if len(recs) != 1 {
		t.Fatalf("%d records, want 1", len(recs))
	}
	r := recs[0]
	if r.Status != model.StatusDelivered || len(r.Mentions) != 3 || r.FirstReported != "2022-02-26" || r.LastReported != "2022-03-04" {
		t.Errorf("record %+v", r)
	}
	if len(r.History) != 2 || r.History[0].Status != "pledged" || r.History[0].Date != "2022-02-26" || r.History[1].Status != "delivered" || r.History[1].Date != "2022-03-03" {
		t.Errorf("history %+v", r.History)
	}
	var stinger *model.Item
	for i := range r.Items {
		if r.Items[i].Name == "Stinger" {
			stinger = &r.Items[i]
		}
	}
	if stinger == nil || stinger.Qty.Approx || *stinger.Qty.Min != 500 {
		t.Errorf("Stinger should keep the exact 500 over the hedged one: %+v", stinger)
	}
	if len(r.Disagreements) != 1 || r.Disagreements[0].Slot != "qty:Stinger" || len(r.Disagreements[0].Claims) != 2 {
		t.Errorf("disagreements %+v, want 500 vs 520 Stingers", r.Disagreements)
	}
}

// TestDeterministicAndIncremental resolves the same events at once, in
// small batches, and in another store: the records are the same.
func TestDeterministicAndIncremental(t *testing.T) {
	var docs []store.Doc
	days := []string{"2022-02-24", "2022-02-25", "2022-02-26", "2022-02-27", "2022-02-28", "2022-03-01"}
	for i := 0; i < 36; i++ {
		day := days[i%len(days)]
		docs = append(docs, art(fmt.Sprintf("d%02d", i), day, "Wire",
			aid([]string{"USA", "GBR", "DEU"}[i%3], "pledged", nil, item([]string{"Javelin", "NLAW", "Stinger"}[i%3], float64(100*(i%2+1)), false)),
			toll("UKR", "OHCHR", float64(200+i%4), day)))
	}
	whole := openStore(t)
	put(t, whole, docs...)
	inSteps := openStore(t)
	for i := 0; i < len(docs); i += 5 {
		put(t, inSteps, docs[i:min(i+5, len(docs))]...)
	}
	ga, gb := groups(t, whole), groups(t, inSteps)
	if len(ga) != 72 || len(gb) != 72 {
		t.Fatalf("%d and %d events resolved, want 72", len(ga), len(gb))
	}
	for ev, rec := range ga {
		if gb[ev] != rec {
			t.Errorf("event %s: record %s at once, %s in steps", ev, rec, gb[ev])
		}
	}
	// Resolving again changes nothing.
	s, err := Run(context.Background(), whole)
	if err != nil || s.Events != 0 {
		t.Errorf("second run resolved %d events, %v", s.Events, err)
	}
}

func TestReextractionRebuildsRecords(t *testing.T) {
	ctx := context.Background()
	st := openStore(t)
	a := art("a", "2022-02-26", "Wire", aid("DEU", "pledged", nil, item("Stinger", 500, false)))
	b := art("b", "2022-02-27", "Paper", aid("DEU", "pledged", nil, item("Stinger", 500, false)))
	put(t, st, a, b)
	if n := len(groups(t, st)); n != 2 {
		t.Fatalf("%d events resolved", n)
	}
	// New rules read article b differently: a French pledge instead.
	nb := art("b", "2022-02-27", "Paper", aid("FRA", "pledged", nil, item("Milan", 40, false)))
	nb.Events[0].ID = "b-new"
	if err := st.PutEvents(ctx, "test/2", map[string][]model.Event{b.Article.ID: nb.Events}); err != nil {
		t.Fatal(err)
	}
	s, err := Run(ctx, st)
	if err != nil {
		t.Fatal(err)
	}
	if s.Rebuilt != 1 || s.Events != 1 || s.Created != 1 {
		t.Errorf("stats %+v: want one record rebuilt and one created", s)
	}
	recs, _ := st.Records(ctx, store.RecordFilter{})
	if len(recs) != 2 {
		t.Fatalf("%d records, want 2", len(recs))
	}
	for _, r := range recs {
		if len(r.Mentions) != 1 {
			t.Errorf("record %s keeps %d mentions", r.ID, len(r.Mentions))
		}
	}
	// Re-extraction that drops an article's only event deletes its record.
	if err := st.PutEvents(ctx, "test/3", map[string][]model.Event{b.Article.ID: nil}); err != nil {
		t.Fatal(err)
	}
	s, _ = Run(ctx, st)
	recs, _ = st.Records(ctx, store.RecordFilter{})
	if s.Deleted != 1 || len(recs) != 1 {
		t.Errorf("after dropping the event: %+v, %d records", s, len(recs))
	}
}

func TestDayNumbers(t *testing.T) {
	for _, day := range []string{"1987-02-26", "2000-02-29", "2022-01-01", "2022-02-28", "2022-03-01", "2022-12-31", "2024-02-29", "2100-03-01"} {
		n, ok := dayNum(day)
		if !ok || dayString(n) != day {
			t.Errorf("%s -> %d -> %s", day, n, dayString(n))
		}
		next, _ := dayNum(shiftDay(day, 1))
		if next != n+1 {
			t.Errorf("the day after %s is %d, want %d", day, next, n+1)
		}
	}
	if _, ok := dayNum("2022-3-1"); ok {
		t.Error("dayNum accepted a short date")
	}
}

// TestMergeAcrossRuns checks the decisions that need a record's reports
// when the record was stored by an earlier run and is read back as a
// summary: an opinion piece, a running total and a plan stay apart from
// the news, and the news joins its own record.
func TestMergeAcrossRuns(t *testing.T) {
	usd := func(n float64) *model.Money { return &model.Money{Amount: n, Currency: "USD"} }
	total := aid("USA", "pledged", usd(5.6e9))
	total.Cumulative = true
	cases := []struct {
		name  string
		first store.Doc
		then  store.Doc
		same  bool
	}{
		{"opinion first", art("a", "2022-05-21", "Paper", opinion(aid("USA", "pledged", usd(40e9)))),
			art("b", "2022-05-22", "Wire", aid("USA", "pledged", usd(40e9))), false},
		{"running total first", art("a", "2022-06-21", "Paper", total),
			art("b", "2022-06-22", "Wire", aid("USA", "pledged", usd(5.6e9))), false},
		{"plan first", art("a", "2022-06-01", "Paper", planned(aid("USA", "planned", nil, model.Item{Name: "HIMARS"}))),
			art("b", "2022-06-02", "Wire", aid("USA", "pledged", nil, item("HIMARS", 4, false))), false},
		{"news first", art("a", "2022-05-21", "Paper", aid("USA", "pledged", usd(40e9))),
			art("b", "2022-05-22", "Wire", aid("USA", "pledged", usd(40e9))), true},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			st := openStore(t)
			put(t, st, c.first)
			put(t, st, c.then)
			g := groups(t, st)
			if a, b := g["a-e0"], g["b-e0"]; a == "" || b == "" || (a == b) != c.same {
				t.Errorf("records %q and %q: merged = %v, want %v", a, b, a == b, c.same)
			}
		})
	}
}

// TestResolverKeptAcrossRuns keeps one Resolver from article to article,
// as a server does, and checks that it merges as a fresh one would: that
// the records it holds in memory follow what it saved, and that when
// another merger (another process, here a second Resolver) saves records
// in between, it reads them again rather than overwrite them with what it
// held.
func TestResolverKeptAcrossRuns(t *testing.T) {
	ctx := context.Background()
	kept := openStore(t)
	fresh := openStore(t)
	rv := New(kept)
	var docs []store.Doc
	for i := range 12 {
		day := fmt.Sprintf("2022-03-%02d", 1+i%4)
		docs = append(docs, art(fmt.Sprintf("k%02d", i), day, "Wire",
			aid([]string{"USA", "POL"}[i%2], "pledged", nil, item("Javelin", 300, false)),
			toll("UKR", "OHCHR", float64(400+i%3), day)))
	}
	for i, d := range docs {
		if _, err := kept.Put(ctx, []store.Doc{d}); err != nil {
			t.Fatal(err)
		}
		// Every third article is merged by another merger.
		if i%3 == 2 {
			if _, err := Run(ctx, kept); err != nil {
				t.Fatal(err)
			}
		} else if _, err := rv.Run(ctx); err != nil {
			t.Fatal(err)
		}
		put(t, fresh, d)
	}
	ga, gb := groups(t, kept), groups(t, fresh)
	if len(ga) != 24 {
		t.Fatalf("%d events resolved, want 24", len(ga))
	}
	for ev, rec := range gb {
		if ga[ev] != rec {
			t.Errorf("event %s: record %s with a kept resolver, %s with fresh ones", ev, ga[ev], rec)
		}
	}
	// Each record's stored tally of reports is that of its mentions: none
	// was saved from a stale copy.
	recs, err := kept.Records(ctx, store.RecordFilter{NoMentions: true})
	if err != nil {
		t.Fatal(err)
	}
	counts := map[string]int{}
	for _, r := range gb {
		counts[r]++
	}
	for _, r := range recs {
		if r.Reports != counts[r.ID] {
			t.Errorf("record %s: stored with %d reports, holds %d", r.ID, r.Reports, counts[r.ID])
		}
	}
}

// TestPoolBudgets merges the same articles with a pool that may hold only
// a handful of records, and a handful of reports whole, so that it lets
// go of blocks and holds records as summaries again after nearly every
// batch, and finds the records of a pool that holds everything.
func TestPoolBudgets(t *testing.T) {
	var docs []store.Doc
	for i := range 60 {
		day := fmt.Sprintf("2022-%02d-%02d", 3+i%5, 1+(i*7)%28)
		docs = append(docs, art(fmt.Sprintf("b%02d", i), day, "Wire",
			aid([]string{"USA", "GBR", "DEU"}[i%3], "pledged", nil, item([]string{"Javelin", "NLAW"}[i%2], float64(100*(i%2+1)), false)),
			toll("UKR", "OHCHR", float64(200+i%3), day)))
	}
	run := func() map[string]string {
		st := openStore(t)
		rv := New(st)
		for i := 0; i < len(docs); i += 3 {
			if _, err := st.Put(context.Background(), docs[i:min(i+3, len(docs))]); err != nil {
				t.Fatal(err)
			}
			if _, err := rv.Run(context.Background()); err != nil {
				t.Fatal(err)
			}
		}
		return groups(t, st)
	}
	want := run()
	pb, wb := poolBudget, wholeBudget
	poolBudget, wholeBudget = 4, 3
	defer func() { poolBudget, wholeBudget = pb, wb }()
	got := run()
	if len(want) != 120 || len(got) != 120 {
		t.Fatalf("%d and %d events resolved, want 120", len(want), len(got))
	}
	for ev, rec := range want {
		if got[ev] != rec {
			t.Errorf("event %s: record %s with small budgets, %s without", ev, got[ev], rec)
		}
	}
}
