package event

import (
	"strings"
	"testing"
	"time"

	"github.com/sitrep-project/sitrep/internal/model"
)

// scopeCases are short whole articles written for this test: news that
// borrows the words of sitrep's events but is not about armed conflict
// must yield nothing, and news about the war, or aid records that leave the
// recipient implied, must keep their events.
var scopeCases = []struct {
	name, title, text string
	want              []model.EventType // types that must be among the facts; nil: no events at all
}{
	{"takeover", "Harlow Systems to buy rival chipmaker for $4bn",
		"Harlow Systems said on Monday it would buy Corvane Semiconductor for $4 billion in cash. " +
			"The company also pledged to invest €250 million in a new plant in Austria over the next two years. " +
			"Shareholders of Corvane will receive $41 a share, the companies said.", nil},
	{"budget", "Dutch cabinet lifts spending on schools and the army",
		"The Dutch government on Tuesday presented a budget of €9 billion for next year, with more money for teachers. " +
			"Defence spending rises by €1.5 billion, and every household will receive a €190 energy rebate. " +
			"The finance minister said the measures would be paid for by higher taxes on banks.", nil},
	{"fire", "Three dead in apartment fire in Ostrava",
		"Three people were killed and four injured when a fire broke out in an apartment block in Ostrava overnight, firefighters said. " +
			"The blaze started in a kitchen on the fourth floor, a spokesperson for the fire brigade said.", nil},
	{"sport", "Ajax attack overwhelms Shakhtar in Amsterdam",
		"Ajax's attack tore Shakhtar Donetsk apart on Wednesday as the Dutch side won 4-0 in the Champions League. " +
			"Shakhtar's coach said his players had been beaten by a better team.", nil},
	{"trade", "Canada and Chile sign trade deal",
		"Canada and Chile signed a trade deal on Friday that removes tariffs on 95% of goods, after two years of talks. " +
			"Ottawa pledged $20 million to help small exporters adapt, the trade minister said.", nil},
	// A business story that names Ukraine once is not about it: a
	// purchase there has no implied recipient, so it is no aid.
	{"takeover-beside-the-war", "Retail group agrees $12bn deal for rival",
		"Shares rose in New York on Monday after fears over the war in Ukraine weighed on markets last week. " +
			"A retail group has agreed a $12bn deal to buy a rival chain, in a takeover that will give its founder control of 900 stores.", nil},
	{"war", "Missiles strike Dnipro as troops dig in along the front",
		"Russian missiles hit an industrial area of Dnipro on Thursday, killing four people, the regional governor said. " +
			"Ukrainian troops repelled assaults near Bakhmut, the general staff said, as Russian forces kept up their shelling of the town.",
		[]model.EventType{model.TypeAttack, model.TypeCasualties}},
	{"aid-record", "",
		"Norway announced it would send 22 howitzers together with spare parts and ammunition.",
		[]model.EventType{model.TypeAid}},
	{"aid-to-party", "Japan sends generators to Kyiv",
		"Japan said on Friday it had sent 300 generators to Ukraine to help hospitals through the winter.",
		[]model.EventType{model.TypeAid}},
}

func TestScope(t *testing.T) {
	x := New()
	for _, tc := range scopeCases {
		a := &model.Article{ID: "s-" + tc.name, Doc: tc.name, Date: time.Date(2022, 11, 17, 0, 0, 0, 0, time.UTC), Title: tc.title, Text: tc.text}
		evs := x.Extract(a)
		got := map[model.EventType]bool{}
		var list []string
		for _, e := range evs {
			got[e.Type] = true
			list = append(list, string(e.Type))
		}
		if tc.want == nil {
			if len(evs) > 0 {
				t.Errorf("%s: not about armed conflict, yet %d events: %s", tc.name, len(evs), strings.Join(list, ", "))
			}
			continue
		}
		for _, typ := range tc.want {
			if !got[typ] {
				t.Errorf("%s: no %s event among %v", tc.name, typ, list)
			}
		}
	}
}

// TestScopeCommerceOnAWarPage checks that on a page about the war a
// takeover told in passing, naming no party, is no aid, while the page's
// attack stays.
func TestScopeCommerceOnAWarPage(t *testing.T) {
	a := &model.Article{ID: "s-war-page", Doc: "war-page", Date: time.Date(2022, 11, 17, 0, 0, 0, 0, time.UTC),
		Title: "Missiles hit Kharkiv; retail group agrees deal",
		Text: "Missiles hit Kharkiv overnight, killing two people, Ukraine's regional governor said. " +
			"Ukrainian troops repelled assaults near Bakhmut as shelling went on along the front line, the general staff said. " +
			"In business news, a retail group has agreed a $12bn deal to buy a rival chain, in a takeover that will give its founder control of 900 stores."}
	got := map[model.EventType]int{}
	for _, e := range New().Extract(a) {
		got[e.Type]++
	}
	if got[model.TypeAttack] == 0 || got[model.TypeAid] > 0 {
		t.Errorf("want an attack and no aid, got %v", got)
	}
}

// TestScopeCommerceNamingTheOtherSide checks that a sentence of commerce
// that names Russia but not Ukraine (a firm leaving Russia at a cost, a
// government taking equity in a firm) does not make Ukraine, the state a
// war page is about, the recipient of aid.
func TestScopeCommerceNamingTheOtherSide(t *testing.T) {
	a := &model.Article{ID: "s-war-page-2", Doc: "war-page-2", Date: time.Date(2022, 6, 2, 0, 0, 0, 0, time.UTC),
		Title: "Russian shelling hits Kharkiv; retailers count the cost of leaving Russia",
		Text: "Russian shelling hit Kharkiv overnight, killing three people, Ukraine's regional governor said. " +
			"Ukrainian troops held their lines near Izium, the general staff said. " +
			"A British clothing retailer announced it had fully left Russia at a cost of £45m. " +
			"Berlin also offered up to €5bn in equity to a struggling gas importer."}
	for _, e := range New().Extract(a) {
		if e.Type == model.TypeAid {
			t.Errorf("want no aid, got %s %v: %q", e.Type, e.Money, e.Evidence.Sentence)
		}
	}
}

// TestScopeData checks the embedded scope data: it loads, every cue is
// there once, and every party's opponent is a party that fights it back.
func TestScopeData(t *testing.T) {
	d, err := loadScope()
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	for _, cs := range d.cues {
		for _, c := range cs {
			k := strings.Join(c.words, " ")
			if seen[k] {
				t.Errorf("cue %q listed twice", k)
			}
			seen[k] = true
		}
	}
	if len(seen) < 50 {
		t.Errorf("only %d cues", len(seen))
	}
	for code, opp := range d.parties {
		if d.parties[opp] != code {
			t.Errorf("party %s fights %s, which does not fight it back", code, opp)
		}
	}
}

// TestAidTransfer checks the aid rules on events built by hand.
func TestAidTransfer(t *testing.T) {
	d, err := loadScope()
	if err != nil {
		t.Fatal(err)
	}
	ev := func(actor string, targets []string, sentence string) *model.Event {
		e := &model.Event{Type: model.TypeAid, Evidence: model.Evidence{Sentence: sentence}}
		if actor != "" {
			e.Actor = &model.Actor{Code: actor}
		}
		for _, c := range targets {
			e.Targets = append(e.Targets, model.Actor{Code: c})
		}
		return e
	}
	for _, tc := range []struct {
		name     string
		e        *model.Event
		conflict bool
		want     bool
	}{
		{"to a party", ev("DEU", []string{"UKR"}, "Germany sent tanks to Ukraine."), false, true},
		{"to itself", ev("IRL", []string{"IRL"}, "Ireland gave €2bn to its own army."), true, false},
		{"implied recipient", ev("NOR", nil, "Norway will send 22 howitzers."), false, true},
		{"purchase", ev("POL", nil, "Poland bought 250 tanks from a US maker."), true, false},
		{"budget", ev("FRA", nil, "The budget sets aside €3bn for the army."), true, false},
		{"to a non-party, not about war", ev("EU", []string{"ESP"}, "The EU sent vaccines to Spain."), false, false},
		{"to a non-party, about war", ev("EU", []string{"MDA"}, "The EU sent generators to Moldova."), true, true},
	} {
		if got := d.inScope(tc.e, tc.conflict); got != tc.want {
			t.Errorf("%s: in scope %v, want %v", tc.name, got, tc.want)
		}
	}
}
