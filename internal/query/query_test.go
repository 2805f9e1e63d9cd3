package query_test

import (
	"context"
	"errors"
	"fmt"
	"math"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/sitrep-project/sitrep/internal/model"
	"github.com/sitrep-project/sitrep/internal/quantity"
	"github.com/sitrep-project/sitrep/internal/query"
	"github.com/sitrep-project/sitrep/internal/resolve"
	"github.com/sitrep-project/sitrep/internal/store"
	"github.com/sitrep-project/sitrep/internal/store/sqlite"
)

func f(v float64) *float64 { return &v }

func doc(name, date, outlet string, evs ...model.Event) store.Doc {
	text := "Report " + name
	d, _ := time.Parse(model.DateLayout, date)
	a := &model.Article{ID: model.ArticleID(text), Doc: name, Date: d, Outlet: outlet, Text: text}
	for i := range evs {
		evs[i].ID = fmt.Sprintf("%s-%d", name, i)
		evs[i].Doc, evs[i].Article = name, a.ID
		evs[i].Modality = model.ModalityReported
		evs[i].Confidence = 0.9
	}
	return store.Doc{Article: a, Events: evs, Extractor: "test"}
}

func setup(t *testing.T, docs ...store.Doc) store.Store {
	t.Helper()
	ctx := context.Background()
	st, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "q.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	if _, err := st.Put(ctx, docs); err != nil {
		t.Fatal(err)
	}
	if _, err := resolve.Run(ctx, st); err != nil {
		t.Fatal(err)
	}
	return st
}

func aid(actor, status string, money *model.Money, items ...model.Item) model.Event {
	return model.Event{Type: model.TypeAid, Status: status, Mode: model.ModeMilitary, Actor: &model.Actor{Code: actor, Name: actor},
		Targets: []model.Actor{{Code: "UKR"}}, Items: items, Money: money, Source: &model.Source{Name: "Defence ministry", Kind: model.SourceOfficial}}
}

func TestLedger(t *testing.T) {
	st := setup(t,
		doc("a", "2022-02-26", "Wire", aid("DEU", "pledged", nil, model.Item{Name: "Stinger", Category: "air defence", Qty: &model.Range{Min: f(500), Max: f(500)}})),
		doc("b", "2022-03-03", "Paper", aid("DEU", "delivered", nil, model.Item{Name: "Stinger", Category: "air defence", Qty: &model.Range{Min: f(500), Max: f(500)}})),
		doc("c", "2022-03-16", "Wire", aid("USA", "pledged", &model.Money{Amount: 800e6, Currency: "USD"})),
		doc("d", "2022-03-20", "Wire", aid("GBR", "pledged", &model.Money{Amount: 25e6, Currency: "GBP"})),
	)
	l, err := query.AidLedger(context.Background(), st, query.LedgerFilter{})
	if err != nil {
		t.Fatal(err)
	}
	if len(l.Rows) != 3 {
		t.Fatalf("%d rows, want 3: %+v", len(l.Rows), l.Rows)
	}
	var deu, usa *query.LedgerRow
	for i := range l.Rows {
		switch l.Rows[i].Donor {
		case "DEU":
			deu = &l.Rows[i]
		case "USA":
			usa = &l.Rows[i]
		}
	}
	if deu == nil || deu.Status != "delivered" || deu.Announced != "2022-02-26" || deu.Delivered != "2022-03-03" || deu.Item != "Stinger" {
		t.Errorf("German row %+v", deu)
	}
	// $800m in March 2022 at the table's rate of 1.102 dollars a euro.
	eur, usd, ok := quantity.Convert(800e6, "USD", "2022-03-16")
	if !ok || math.Abs(eur-800e6/1.102) > 1 || math.Abs(usd-800e6) > 1 {
		t.Errorf("Convert: %v %v %v", eur, usd, ok)
	}
	if usa == nil || math.Abs(usa.EUR-eur) > 1 {
		t.Errorf("US row %+v, want EUR %.0f", usa, eur)
	}
	// Totals: the US first by value, Germany's units delivered counted.
	if len(l.Totals) != 3 || l.Totals[0].Donor != "USA" {
		t.Fatalf("totals %+v", l.Totals)
	}
	for _, tot := range l.Totals {
		if tot.Donor == "DEU" && (tot.UnitsDelivered["air defence"] != 500 || tot.Delivered != 1) {
			t.Errorf("German totals %+v", tot)
		}
	}
	only, _ := query.AidLedger(context.Background(), st, query.LedgerFilter{Donor: "GBR"})
	if len(only.Rows) != 1 || only.Rows[0].Donor != "GBR" {
		t.Errorf("donor filter: %+v", only.Rows)
	}
	row := query.KielRow(*usa)
	if len(row) != len(query.KielHeader) || row[0] != "USA" || row[5] != "800000000" || row[6] != "USD" {
		t.Errorf("kiel row %v", row)
	}
}

func toll(n float64, source, date, evidence string) model.Event {
	return model.Event{Type: model.TypeCasualties, Targets: []model.Actor{{Code: "UKR"}}, Victims: "civilians", Outcome: "killed",
		Count: &model.Range{Min: f(n), Max: f(n)}, Source: &model.Source{Name: source, Kind: model.SourceOrganisation},
		Time: &model.Time{Start: date, End: date, Precision: "day"}, Evidence: model.Evidence{Sentence: evidence}}
}

func TestFiguresKeepClaimsApart(t *testing.T) {
	st := setup(t,
		doc("a", "2022-03-02", "Wire", toll(227, "OHCHR", "2022-03-01", "At least 227 civilians have been killed so far, the UN said.")),
		doc("b", "2022-03-03", "Paper", toll(227, "OHCHR", "2022-03-01", "The UN counted 227 civilian deaths.")),
		doc("c", "2022-03-03", "Paper", toll(2000, "State Emergency Service of Ukraine", "2022-03-02", "More than 2,000 civilians have died.")),
		doc("d", "2022-03-04", "Wire", toll(249, "OHCHR", "2022-03-03", "The toll rose to 249.")),
	)
	series, err := query.Figures(context.Background(), st, model.TypeCasualties, "")
	if err != nil {
		t.Fatal(err)
	}
	// The UN's toll (227 "so far", then "the toll rose to 249") is a
	// series of running totals; the 2,000 said without a word that it sums
	// is an incident count, kept apart.
	if len(series) != 2 {
		t.Fatalf("%d series, want 2: %+v", len(series), series)
	}
	inc, tot := series[0], series[1]
	if inc.Key != "casualties/UKR/civilians/killed" || inc.Cumulative || len(inc.Points) != 1 || *inc.Points[0].Min != 2000 {
		t.Errorf("incident series %s cumulative %v points %+v", inc.Key, inc.Cumulative, inc.Points)
	}
	if tot.Key != "casualties/UKR/civilians/killed/total" || !tot.Cumulative {
		t.Errorf("series %s cumulative %v", tot.Key, tot.Cumulative)
	}
	// 227 (two reports, one claim) and 249, in date order.
	if len(tot.Points) != 2 || *tot.Points[0].Min != 227 || *tot.Points[1].Min != 249 || tot.Points[0].Source != "OHCHR" {
		t.Errorf("running totals %+v", tot.Points)
	}
}

func TestDigestAndTimeline(t *testing.T) {
	ctx := context.Background()
	visit := model.Event{Type: model.TypeVisit, Actor: &model.Actor{Code: "USA"}, Targets: []model.Actor{{Code: "POL"}},
		Time: &model.Time{Start: "2022-03-05", End: "2022-03-05", Precision: "day"}}
	st := setup(t,
		doc("a", "2022-03-03", "Wire", aid("DEU", "pledged", nil, model.Item{Name: "Stinger", Qty: &model.Range{Min: f(500), Max: f(500)}})),
		doc("b", "2022-03-04", "Paper", aid("DEU", "pledged", nil, model.Item{Name: "Stinger", Qty: &model.Range{Min: f(500), Max: f(500)}})),
		doc("c", "2022-03-04", "Paper", visit),
	)
	d, err := query.DailyDigest(ctx, st, "2022-03-04")
	if err != nil {
		t.Fatal(err)
	}
	if len(d.New) != 1 || d.New[0].Type != model.TypeVisit || len(d.Updated) != 1 || d.Updated[0].Type != model.TypeAid {
		t.Errorf("digest new %d updated %d", len(d.New), len(d.Updated))
	}
	// The visit happened after the pledge was reported: by when it
	// happened, the pledge comes first.
	tl, _ := query.Timeline(ctx, st, store.RecordFilter{})
	if len(tl) != 2 || tl[0].Type != model.TypeAid || tl[1].Day != "2022-03-05" || query.Precision(tl[1]) != "day" || query.Precision(tl[0]) != "reported" {
		t.Errorf("timeline %v %v", tl[0].Day, tl[1].Day)
	}
	if got := query.Summary(tl[0]); got != "DEU -> UKR: 500 Stinger" {
		t.Errorf("summary %q", got)
	}
	a, err := query.ActorRecord(ctx, st, "deu")
	if err != nil || a.Name != "Germany" || a.AsActor["aid"] != 1 {
		t.Errorf("actor %+v %v", a, err)
	}
}

func TestActorPerson(t *testing.T) {
	visit := func(who string) model.Event {
		return model.Event{Type: model.TypeVisit, Actor: &model.Actor{Code: "USA", Text: who}, Targets: []model.Actor{{Code: "POL"}},
			Time: &model.Time{Start: "2022-03-05", End: "2022-03-05", Precision: "day"}}
	}
	st := setup(t,
		doc("a", "2022-03-05", "Wire", visit("Secretary of State Antony Blinken")),
		doc("b", "2022-03-10", "Paper", model.Event{Type: model.TypeVisit, Actor: &model.Actor{Code: "USA", Text: "Vice President Kamala Harris"},
			Targets: []model.Actor{{Code: "POL"}}, Time: &model.Time{Start: "2022-03-10", End: "2022-03-10", Precision: "day"}}),
	)
	a, err := query.ActorRecord(context.Background(), st, "Antony Blinken")
	if err != nil {
		t.Fatal(err)
	}
	if a.Kind != "person" || a.Country != "USA" || a.Role == "" || len(a.Records) != 1 || a.Records[0].Mentions[0].Doc != "a" {
		t.Errorf("person %+v with %d records", a, len(a.Records))
	}
	// The state has both visits.
	us, _ := query.ActorRecord(context.Background(), st, "USA")
	if len(us.Records) != 2 {
		t.Errorf("USA has %d records, want 2", len(us.Records))
	}
}

// TestLedgerRunningTotals: a running total ("$2.4bn so far") is its own
// row, marked as such, never merged into a package, and left out of its
// donor's totals, so no aid counts twice.
func TestLedgerRunningTotals(t *testing.T) {
	total := aid("USA", "pledged", &model.Money{Amount: 2.4e9, Currency: "USD"})
	total.Cumulative = true
	st := setup(t,
		doc("a", "2022-03-16", "Wire", aid("USA", "pledged", &model.Money{Amount: 800e6, Currency: "USD"})),
		doc("b", "2022-03-17", "Paper", total),
	)
	l, err := query.AidLedger(context.Background(), st, query.LedgerFilter{})
	if err != nil {
		t.Fatal(err)
	}
	if len(l.Rows) != 2 {
		t.Fatalf("%d rows, want the package and the running total apart: %+v", len(l.Rows), l.Rows)
	}
	for _, r := range l.Rows {
		if r.RunningTotal != (r.Money.Amount == 2.4e9) {
			t.Errorf("row of %v: running total %v", r.Money.Amount, r.RunningTotal)
		}
	}
	eur, _, _ := quantity.Convert(800e6, "USD", "2022-03-16")
	if len(l.Totals) != 1 || math.Abs(l.Totals[0].EUR-eur) > 1 || l.Totals[0].Records != 1 {
		t.Errorf("totals %+v, want the package's EUR %.0f alone", l.Totals, eur)
	}
}

// TestActorSummary checks that the summary counts what the full read
// counts, by type and role (a record where the actor is both actor and
// target counts in both), and reads names from the latest records only
// when asked for fewer than there are.
func TestActorSummary(t *testing.T) {
	day := func(d int) string { return fmt.Sprintf("2022-03-%02d", d) }
	visit := func(d int, actor, actorText, target string) model.Event {
		return model.Event{Type: model.TypeVisit, Actor: &model.Actor{Code: actor, Text: actorText}, Targets: []model.Actor{{Code: target, Text: target}},
			Time: &model.Time{Start: day(d), End: day(d), Precision: "day"}}
	}
	st := setup(t,
		doc("a", day(1), "Wire", visit(1, "USA", "Washington", "POL")),
		doc("b", day(3), "Wire", visit(3, "USA", "the United States", "UKR")),
		doc("c", day(5), "Paper", visit(5, "POL", "Warsaw", "USA")),
		doc("d", day(7), "Paper", aid("USA", model.StatusPledged, nil, model.Item{Name: "helmets"})),
		doc("e", day(9), "Paper", visit(9, "USA", "US officials", "USA")),
	)
	ctx := context.Background()
	full, err := query.ActorRecord(ctx, st, "usa")
	if err != nil {
		t.Fatal(err)
	}
	sum, err := query.ActorSummary(ctx, st, "usa", 100)
	if err != nil {
		t.Fatal(err)
	}
	if sum.Total != len(full.Records) || sum.Total != 5 {
		t.Errorf("total %d, full read %d records, want 5", sum.Total, len(full.Records))
	}
	if !reflect.DeepEqual(sum.AsActor, full.AsActor) || !reflect.DeepEqual(sum.AsTarget, full.AsTarget) {
		t.Errorf("counts: summary %v / %v, full read %v / %v", sum.AsActor, sum.AsTarget, full.AsActor, full.AsTarget)
	}
	if sum.AsActor[model.TypeVisit] != 3 || sum.AsTarget[model.TypeVisit] != 2 || sum.AsActor[model.TypeAid] != 1 {
		t.Errorf("counts %v / %v, want 3 visits and 1 aid as actor, 2 visits as target", sum.AsActor, sum.AsTarget)
	}
	if !reflect.DeepEqual(sum.NamesSeen, full.NamesSeen) || sum.NamesFrom != 0 || sum.Records != nil {
		t.Errorf("names: summary %v (from %d), full read %v; records %v", sum.NamesSeen, sum.NamesFrom, full.NamesSeen, sum.Records)
	}

	// Names from the latest two records only.
	few, err := query.ActorSummary(ctx, st, "USA", 2)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, n := range few.NamesSeen {
		names = append(names, n.Name)
	}
	if few.NamesFrom != 2 || few.Total != 5 || strings.Contains(strings.Join(names, "|"), "Washington") {
		t.Errorf("latest 2: names %v from %d of %d, want none of the first records", names, few.NamesFrom, few.Total)
	}
	if _, err := query.ActorSummary(ctx, st, "ZZZ", 10); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("an unknown code without records: %v, want not found", err)
	}
}

// TestPartyFigures checks that cutting one party's series from the
// figures of all gives what Figures reads for that party from the store:
// the same series, points and running-total judgement, for actors, for
// first and later targets, and for a party with no figures.
func TestPartyFigures(t *testing.T) {
	hit := func(n float64, actor string, targets []string, source, date, evidence string) model.Event {
		e := toll(n, source, date, evidence)
		e.Actor, e.Targets = nil, nil
		if actor != "" {
			e.Actor = &model.Actor{Code: actor}
		}
		for _, c := range targets {
			e.Targets = append(e.Targets, model.Actor{Code: c})
		}
		return e
	}
	st := setup(t,
		doc("a", "2022-03-02", "Wire", hit(12, "RUS", []string{"UKR"}, "Ukrainian police", "2022-03-01", "Russian shelling killed 12 civilians in Kharkiv.")),
		doc("b", "2022-03-04", "Wire", hit(30, "RUS", []string{"UKR"}, "Ukrainian police", "2022-03-03", "The number of civilians killed so far rose to 30.")),
		doc("c", "2022-03-05", "Paper", hit(4, "", []string{"UKR", "POL"}, "border guards", "2022-03-04", "Four civilians were killed near the border.")),
		doc("d", "2022-03-06", "Paper", hit(7, "UKR", []string{"RUS"}, "Russian officials", "2022-03-05", "Seven civilians were killed in Belgorod.")),
		doc("e", "2022-03-07", "Wire", hit(9, "", []string{"POL"}, "Polish police", "2022-03-06", "Nine civilians died.")),
	)
	ctx := context.Background()
	all, err := query.Figures(ctx, st, "", "")
	if err != nil {
		t.Fatal(err)
	}
	for _, party := range []string{"UKR", "RUS", "POL", "DEU"} {
		want, err := query.Figures(ctx, st, "", party)
		if err != nil {
			t.Fatal(err)
		}
		got := query.PartyFigures(all, party)
		if len(want) == 0 {
			want = []model.Series{}
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s: cut from all\n%+v\nread for the party\n%+v", party, got, want)
		}
	}
	// The cut is not the whole: RUS acts in UKR's incident counts and
	// running totals, and is the target of one count.
	if got := query.PartyFigures(all, "RUS"); len(got) != 3 {
		t.Errorf("RUS: %d series, want 3 (UKR's two, where it acts, and its own)", len(got))
	}
}

// TestRecordsWithoutMentions checks that a list read without reports
// holds the same records, in the same order, each counting the reports
// a full read lists.
func TestRecordsWithoutMentions(t *testing.T) {
	st := setup(t,
		doc("a", "2022-03-02", "Wire", toll(227, "OHCHR", "2022-03-01", "At least 227 civilians have been killed, the UN said.")),
		doc("b", "2022-03-03", "Paper", toll(227, "OHCHR", "2022-03-01", "The UN counted 227 civilian deaths.")),
		doc("c", "2022-03-03", "Paper", aid("POL", model.StatusPledged, nil, model.Item{Name: "helmets"})),
		doc("d", "2022-03-04", "Wire", toll(249, "OHCHR", "2022-03-03", "The toll rose to 249.")),
	)
	ctx := context.Background()
	for _, f := range []store.RecordFilter{{}, {Party: "UKR"}, {Types: []model.EventType{model.TypeCasualties}, Limit: 1, Offset: 1}} {
		full, err := st.Records(ctx, f)
		if err != nil {
			t.Fatal(err)
		}
		f.NoMentions = true
		brief, err := st.Records(ctx, f)
		if err != nil {
			t.Fatal(err)
		}
		if len(brief) != len(full) || len(full) == 0 {
			t.Fatalf("%+v: %d records without reports, %d with", f, len(brief), len(full))
		}
		several := false
		for i := range full {
			if brief[i].ID != full[i].ID || brief[i].Mentions != nil || brief[i].Reports != len(full[i].Mentions) || full[i].Reports != len(full[i].Mentions) {
				t.Errorf("%+v: record %d: %s with %d reports counted, %s with %d listed (%d counted)", f, i, brief[i].ID, brief[i].Reports,
					full[i].ID, len(full[i].Mentions), full[i].Reports)
			}
			several = several || len(full[i].Mentions) > 1
		}
		if f.Limit == 0 && !several {
			t.Errorf("%+v: no record with several reports; the count is not tested", f)
		}
	}
}

// TestFiguresBetween checks that a date range keeps the claims of its
// days, judges running totals on them alone, and drops emptied series.
func TestFiguresBetween(t *testing.T) {
	st := setup(t,
		doc("a", "2022-03-02", "Wire", toll(12, "police", "2022-03-01", "Shelling killed 12 civilians.")),
		doc("b", "2022-03-05", "Wire", toll(30, "police", "2022-03-04", "The number killed so far rose to 30.")),
		doc("c", "2022-04-02", "Wire", toll(5, "police", "2022-04-01", "Five civilians were killed.")),
	)
	all, err := query.Figures(context.Background(), st, "", "")
	if err != nil {
		t.Fatal(err)
	}
	// The incident counts of 1 March and 1 April, and the running total
	// of 4 March.
	if len(all) != 2 || len(all[0].Points) != 2 || all[0].Cumulative || len(all[1].Points) != 1 || !all[1].Cumulative {
		t.Fatalf("all: %+v", all)
	}
	cases := []struct {
		from, to string
		dates    []string
		series   int
	}{
		{"", "", []string{"2022-03-01", "2022-04-01", "2022-03-04"}, 2},
		{"2022-03-01", "2022-03-01", []string{"2022-03-01"}, 1},
		{"2022-03-02", "", []string{"2022-04-01", "2022-03-04"}, 2},
		{"", "2022-03-31", []string{"2022-03-01", "2022-03-04"}, 2},
		{"2022-05-01", "", nil, 0},
	}
	for _, c := range cases {
		got := query.FiguresBetween(all, c.from, c.to)
		var dates []string
		for _, s := range got {
			for _, p := range s.Points {
				dates = append(dates, p.Date)
			}
		}
		if strings.Join(dates, ",") != strings.Join(c.dates, ",") || len(got) != c.series {
			t.Errorf("%s..%s: dates %v in %d series, want %v in %d", c.from, c.to, dates, len(got), c.dates, c.series)
		}
		for _, s := range got {
			if s.Cumulative != strings.HasSuffix(s.Key, "/total") {
				t.Errorf("%s..%s: series %s cumulative %v", c.from, c.to, s.Key, s.Cumulative)
			}
		}
	}
}

// TestFiguresNeedASide checks that a count of no known side makes no
// series, while those of a side do.
func TestFiguresNeedASide(t *testing.T) {
	fire := toll(3, "fire service", "2022-03-01", "Three people died in a house fire.")
	fire.Targets = nil
	st := setup(t,
		doc("a", "2022-03-02", "Wire", fire),
		doc("b", "2022-03-03", "Wire", toll(12, "police", "2022-03-02", "Shelling killed 12 civilians.")),
	)
	series, err := query.Figures(context.Background(), st, "", "")
	if err != nil {
		t.Fatal(err)
	}
	if len(series) != 1 || series[0].Target != "UKR" || len(series[0].Points) != 1 {
		t.Errorf("series %+v, want UKR's alone", series)
	}
}

// TestDayCounts checks that counting records by day and type agrees with
// reading them, with and without filters.
func TestDayCounts(t *testing.T) {
	st := setup(t,
		doc("a", "2022-03-02", "Wire", toll(12, "police", "2022-03-01", "Shelling killed 12 civilians.")),
		doc("b", "2022-03-02", "Wire", aid("POL", model.StatusPledged, nil, model.Item{Name: "helmets"})),
		doc("c", "2022-03-05", "Wire", aid("DEU", model.StatusPledged, nil, model.Item{Name: "tents"})),
	)
	ctx := context.Background()
	for _, f := range []store.RecordFilter{{}, {Types: []model.EventType{model.TypeAid}}, {Party: "DEU"}, {From: "2022-03-03"}} {
		recs, err := st.Records(ctx, f)
		if err != nil {
			t.Fatal(err)
		}
		want := map[string]int{}
		for _, r := range recs {
			want[r.Day+" "+string(r.Type)]++
		}
		counts, err := st.DayCounts(ctx, f)
		if err != nil {
			t.Fatal(err)
		}
		got := map[string]int{}
		for i, c := range counts {
			got[c.Day+" "+string(c.Type)] += c.Count
			if i > 0 && c.Day < counts[i-1].Day {
				t.Errorf("%+v: counts out of day order", f)
			}
		}
		if !reflect.DeepEqual(got, want) || len(recs) == 0 {
			t.Errorf("%+v: counts %v, records %v", f, got, want)
		}
	}
}

// TestFiguresStocks checks that displacement figures, which are stocks,
// make one series whatever their sentences say, a running total when a
// source's claims only grow.
func TestFiguresStocks(t *testing.T) {
	fled := func(n float64, date, sentence string) model.Event {
		e := toll(n, "UNHCR", date, sentence)
		e.Type, e.Victims, e.Outcome = model.TypeDisplacement, "refugees", ""
		return e
	}
	st := setup(t,
		doc("a", "2022-03-02", "Wire", fled(1e6, "2022-03-02", "One million refugees have fled Ukraine so far, the UN said.")),
		doc("b", "2022-03-06", "Wire", fled(1.5e6, "2022-03-06", "Some 1.5 million people have crossed into neighbouring countries.")),
		doc("c", "2022-03-08", "Wire", fled(2e6, "2022-03-08", "Two million people have left Ukraine.")),
		doc("d", "2022-03-15", "Wire", fled(3e6, "2022-03-15", "Three million have fled.")),
	)
	series, err := query.Figures(context.Background(), st, model.TypeDisplacement, "")
	if err != nil {
		t.Fatal(err)
	}
	if len(series) != 1 || len(series[0].Points) != 4 || !series[0].Cumulative || strings.HasSuffix(series[0].Key, "/total") {
		t.Errorf("series %+v, want one running series of 4 claims", series)
	}
}

// TestLedgerOpinion checks that aid told only by opinion pieces is listed,
// flagged and left out of the totals, while the news of it counts.
func TestLedgerOpinion(t *testing.T) {
	op := aid("DEU", "pledged", &model.Money{Amount: 2e9, Currency: "EUR"})
	op.Genre = model.GenreOpinion
	st := setup(t,
		doc("a", "2022-05-02", "Wire", aid("DEU", "pledged", &model.Money{Amount: 500e6, Currency: "EUR"})),
		doc("b", "2022-05-20", "Paper", op),
	)
	l, err := query.AidLedger(context.Background(), st, query.LedgerFilter{})
	if err != nil {
		t.Fatal(err)
	}
	if len(l.Rows) != 2 {
		t.Fatalf("%d rows, want the news and the opinion piece's: %+v", len(l.Rows), l.Rows)
	}
	for _, r := range l.Rows {
		opinion := r.Money.Amount == 2e9
		if r.Opinion != opinion || slices.Contains(r.Flags(), "opinion") != opinion {
			t.Errorf("row of %v: opinion %v, flags %v", r.Money.Amount, r.Opinion, r.Flags())
		}
	}
	if l.Opinion.Rows != 1 || l.Opinion.EUR != 2e9 {
		t.Errorf("set aside %+v, want the opinion piece's row of EUR 2bn", l.Opinion)
	}
	if len(l.Totals) != 1 || l.Totals[0].EUR != 500e6 {
		t.Errorf("totals %+v, want the news's EUR 500m alone", l.Totals)
	}
}
