package event

import (
	"fmt"
	"math"
	"strings"
	"testing"

	"github.com/sitrep-project/sitrep/internal/model"
)

// counted is an item and the count an aid event must give it.
type counted struct {
	item string
	n    float64
}

// aidFigures returns, over the aid events extracted from text, every item
// with its lower count ("name=n", or "name" uncounted) and every amount
// of money ("12000000 EUR").
func aidFigures(text string) (items, amounts []string) {
	a := &model.Article{ID: "t-items", Doc: "items", Date: refDate, Text: text}
	for _, e := range New(withoutScope()).Extract(a) {
		if e.Type != model.TypeAid {
			continue
		}
		for _, it := range e.Items {
			if it.Qty != nil && it.Qty.Min != nil {
				items = append(items, fmt.Sprintf("%s=%g", strings.ToLower(it.Name), *it.Qty.Min))
			} else {
				items = append(items, strings.ToLower(it.Name))
			}
		}
		if e.Money != nil {
			amounts = append(amounts, fmt.Sprintf("%.0f %s", math.Round(e.Money.Amount), e.Money.Currency))
		}
	}
	return items, amounts
}

func has(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// TestItemCounts: the numbers of aid records and news count the items
// they stand before, through units, parentheses and lists, and nothing
// else.
func TestItemCounts(t *testing.T) {
	for _, tc := range []struct {
		name, text string
		want       []counted
		// notN are counts no item may carry.
		notN []float64
	}{
		// A measure counts the item after "of".
		{"litres-of", "The second consignment contained 4,000 litres of wound antiseptic and 300 stretchers.",
			[]counted{{"wound antiseptic", 4000}, {"stretcher", 300}}, nil},
		{"tonnes-of-catalogue", "Poland delivered 35 tonnes of medicines to Ukraine on Monday.",
			[]counted{{"medicines", 35}}, nil},
		{"kilograms-of", "Moldova sent 800 kilograms of baby formula to Lviv on Sunday.",
			[]counted{{"baby formula", 800}}, nil},
		{"pairs-of", "Slovakia donated 12,000 pairs of boots to Ukraine.",
			[]counted{{"boot", 12000}}, nil},
		// A parenthesis long enough to end a clause still belongs to its
		// list of items.
		{"paren-gives-counts", "The first shipment was sent on Monday and held blankets, tents and medical supplies (350 family tents, 1,200 blankets, 600 hygiene kits and 90 camp beds).",
			[]counted{{"tent", 350}, {"blanket", 1200}, {"hygiene kit", 600}, {"camp bed", 90}}, nil},
		{"list-goes-on-after-paren", "The government decided to donate three ambulances (each one fitted out by the health ministry last year) and 150 stretchers to a hospital in Kyiv.",
			[]counted{{"ambulance", 3}, {"stretcher", 150}}, nil},
		{"list-goes-on-after-remark", "Belgium is going to provide fuel (the amount is not yet known to the ministry) and furthermore, 12 ambulances to Ukraine.",
			[]counted{{"ambulance", 12}}, nil},
		{"list-begins-before-paren", "A first consignment comprising 40 tonnes of rescue equipment (pumps, protective suits, chainsaws and hoses), 8 tonnes of medicines and 20 generators was sent on Tuesday.",
			[]counted{{"equipment", 40}, {"medicines", 8}, {"generator", 20}}, nil},
		// A calibre stands between a count and its item like an
		// adjective.
		{"calibre-between", "The package also contains 12,000 rounds of 155mm artillery ammunition for Ukraine.",
			[]counted{{"ammunition", 12000}}, []float64{155}},
		{"count-then-calibre", "Poland sent 18 155mm howitzers to Ukraine.",
			[]counted{{"howitzer", 18}}, []float64{155, 18155}},
		// A remark between a count and its item.
		{"remark-between", "Norway sent 5,000 rounds (worth 2 million EUR) of artillery ammunition to Ukraine.",
			[]counted{{"ammunition", 5000}}, nil},
		{"remark-after-item", "Norway sent 300 generators (a gift from the city of Oslo) and ammunition to Ukraine.",
			[]counted{{"generator", 300}}, nil},
		// A number in a parenthesis that describes each item counts
		// nothing.
		{"capacity-each", "The shipment included 6 generators and 30 water tanks (with a volume of 2,000 litres each) for Ukraine.",
			[]counted{{"generator", 6}}, []float64{2000}},
		{"capacity-of-item", "The second shipment included 6 generators and 30 water tanks (each with a capacity of 2,000 litres of drinking water) for Ukraine.",
			[]counted{{"generator", 6}, {"water", 30}}, []float64{2000}},
		{"capacity-of-noun-phrase", "Austria sent 12 field kitchens (with a capacity of 500 meals a day) and 40 tonnes of flour to Ukraine.",
			[]counted{{"field kitchen", 12}, {"food", 40}}, []float64{500}},
		{"range-of", "Germany sent 20 trucks with a range of 600 kilometres and 300 tonnes of fuel to Ukraine.",
			[]counted{{"vehicle", 20}, {"fuel", 300}}, []float64{600}},
		// Two lots of one kind of item keep their own counts.
		{"two-lots-of-tents", "Turkey sent a convoy to Ukraine carrying 300 family tents, 900 blankets and 25 general purpose tents.",
			[]counted{{"tent", 300}, {"tent", 25}, {"blanket", 900}}, nil},
		// An indefinite article counts one of a singular item, and
		// nothing in the plural or after "of".
		{"a-ship", "Italy sent a hospital ship with 300 tonnes of supplies on board to Odesa on Monday.",
			[]counted{{"ship", 1}}, nil},
		{"an-ambulance", "The city of Gdansk donated an ambulance and 40 stretchers to a hospital in Lviv.",
			[]counted{{"ambulance", 1}, {"stretcher", 40}}, nil},
		{"a-shipment-of", "Romania sent a shipment of generators to Ukraine on Friday.",
			nil, []float64{1}},
		{"a-loan", "Poland granted a loan of 500 million USD to Ukraine on Friday.",
			nil, []float64{1}},
		// Another donor's clause after a parenthesis is no part of the
		// list.
		{"other-donor-after-paren", "Germany sent 20 howitzers to Ukraine (the defence ministry confirmed the transfer on Friday), and France delivered 12 tanks.",
			[]counted{{"howitzer", 20}, {"tank", 12}}, nil},
		{"same-lot-twice", "Canada will send 20 armoured vehicles to Ukraine; the 20 armoured vehicles will arrive in May.",
			[]counted{{"armoured vehicle", 20}}, nil},
	} {
		items, _ := aidFigures(tc.text)
		for _, w := range tc.want {
			if !has(items, fmt.Sprintf("%s=%g", w.item, w.n)) {
				t.Errorf("%s: no %s counted %g in %v", tc.name, w.item, w.n, items)
			}
		}
		for _, n := range tc.notN {
			for _, it := range items {
				if strings.HasSuffix(it, fmt.Sprintf("=%g", n)) {
					t.Errorf("%s: %s counts %g", tc.name, it, n)
				}
			}
		}
	}
}

// TestPackageMoney: where a sentence gives a package beside the whole it
// belongs to, or the level a fund grew to, the package's value is the
// event's money.
func TestPackageMoney(t *testing.T) {
	for _, tc := range []struct {
		name, text string
		want       string
		not        string
	}{
		{"part-of-total-package", "As part of a total package of 2 billion NOK, Norway will also give 300 million NOK in humanitarian aid to Ukraine.",
			"300000000 NOK", "2000000000 NOK"},
		{"fund-raised-to-with-tranche", "The EU raised the overall budget of its defence fund for Ukraine to 3 billion EUR with a new tranche worth 750 million EUR.",
			"750000000 EUR", "3000000000 EUR"},
		{"aid-doubled-to-with-addition", "Australia doubled its military aid to Ukraine to 200 million AUD, adding a package of 100 million AUD on Friday.",
			"100000000 AUD", "200000000 AUD"},
		{"so-far-beside-new", "Denmark has given 1 billion DKK in aid so far and will send another 150 million DKK to Ukraine.",
			"150000000 DKK", ""},
		{"first-of-two-packages", "Japan pledged $100 million in aid to Ukraine and a further $200 million for refugees in Poland.",
			"100000000 USD", ""},
		{"subject-before-paren", "The additional 250 million USD in loans (a second source also calls it a loan) are provided to Ukraine through the World Bank.",
			"250000000 USD", ""},
		// A value word gives the amount it governs, not another
		// package's beside it.
		{"valued-at-two-packages", "Austria sent 12 tonnes of medicines to Ukraine. Since the first package is valued at 30 million EUR, the value of the second package is estimated to be 20 million EUR.",
			"20000000 EUR", ""},
		{"worth-of-before", "Spain will send 15 million EUR worth of ammunition to Ukraine, on top of the 200 million EUR it pledged in April.",
			"15000000 EUR", ""},
		{"only-a-level", "Britain increased its humanitarian aid to Ukraine to £220 million on Monday.",
			"220000000 GBP", ""},
	} {
		_, amounts := aidFigures(tc.text)
		if !has(amounts, tc.want) {
			t.Errorf("%s: no aid of %s in %v", tc.name, tc.want, amounts)
		}
		if tc.not != "" && has(amounts, tc.not) {
			t.Errorf("%s: aid of %s, a whole, in %v", tc.name, tc.not, amounts)
		}
	}
}

// TestListStaysWithItsDonor: a list carried across a parenthesis never
// reaches into the clause of another donor.
func TestListStaysWithItsDonor(t *testing.T) {
	text := "Germany sent 20 howitzers to Ukraine (the defence ministry confirmed the transfer on Friday), and France delivered 12 tanks."
	a := &model.Article{ID: "t-donor", Doc: "donor", Date: refDate, Text: text}
	for _, e := range New(withoutScope()).Extract(a) {
		if e.Type != model.TypeAid || e.Actor == nil {
			continue
		}
		for _, it := range e.Items {
			if e.Actor.Code == "DEU" && it.Name == "tank" || e.Actor.Code == "FRA" && it.Name == "howitzer" {
				t.Errorf("%s gives %s", e.Actor.Code, it.Name)
			}
		}
	}
}

// TestItemThatModifiesAnItem checks that an item hung from another by a
// preposition ("training for the equipment") is no second item, while a
// list of items stays a list.
func TestItemThatModifiesAnItem(t *testing.T) {
	for _, tc := range []struct {
		name, text string
		want       []string // item names the aid must hold
		not        string   // an item name it must not hold
	}{
		{"training-for-the-equipment", "Portugal will supply Ukraine with anti-aircraft missiles along with training for the equipment.", []string{"anti-aircraft missile", "training"}, "equipment"},
		{"a-list-stays", "Portugal will supply Ukraine with ammunition and protective equipment.", []string{"ammunition", "protective equipment"}, ""},
		{"protection-equipment", "Greece had earlier sent helmets and personal protection equipment to Ukraine.", []string{"protective equipment"}, "equipment"},
	} {
		a := &model.Article{ID: "t-" + tc.name, Doc: tc.name, Date: refDate, Text: tc.text}
		names := map[string]bool{}
		for _, e := range New(withoutScope()).Extract(a) {
			if e.Type == model.TypeAid {
				for _, it := range e.Items {
					names[it.Name] = true
				}
			}
		}
		for _, w := range tc.want {
			if !names[w] {
				t.Errorf("%s: no item %q in %v", tc.name, w, names)
			}
		}
		if tc.not != "" && names[tc.not] {
			t.Errorf("%s: item %q should not be read: %v", tc.name, tc.not, names)
		}
	}
}
