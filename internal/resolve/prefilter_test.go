package resolve

import (
	"math/rand/v2"
	"testing"

	"github.com/sitrep-project/sitrep/internal/model"
)

// TestMayMatchNeverRulesOutAMatch draws many pairs of a record and an
// event from small vocabularies, so that types, actors, days, sums, items
// (names, kinds and categories), places and figures often coincide, and
// checks that every pairing match accepts is one mayMatch lets through:
// the pool's prefilter may only ask match's questions sooner.
func TestMayMatchNeverRulesOutAMatch(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 11))
	types := []model.EventType{model.TypeAid, model.TypeAttack, model.TypeCasualties, model.TypeDisplacement,
		model.TypeMobilize, model.TypeCyberattack, model.TypeVisit, model.TypeSanction}
	actors := []string{"", "USA", "DEU"}
	items := []model.Item{{Name: "HIMARS", Category: "rocket artillery"}, {Name: "rocket launcher", Category: "rocket artillery"},
		{Name: "himars"}, {Name: "Stinger", Category: "air defence"}, {Name: "weapons"}, {Name: "Grad"}, {Name: "Ærø howitzer"}}
	places := []string{"Kharkiv", "kharkiv", "Izium", "Odesa"}
	money := []float64{1e8, 1.01e8, 3.5e8, 4e10}
	counts := []float64{10, 10.02, 12, 1000}
	pick := func(n int) int { return rng.IntN(n) }
	slots := func() (model.EventType, *model.Actor, []model.Item, *model.Money, []model.Place, *model.Range, *model.Time, string) {
		typ := types[pick(len(types))]
		var actor *model.Actor
		if a := actors[pick(len(actors))]; a != "" {
			actor = &model.Actor{Code: a}
		}
		var its []model.Item
		for range pick(3) {
			it := items[pick(len(items))]
			if pick(2) == 0 {
				v := float64(4 + pick(2))
				it.Qty = &model.Range{Min: &v, Max: &v}
			}
			its = append(its, it)
		}
		var m *model.Money
		if pick(2) == 0 {
			m = &model.Money{Amount: money[pick(len(money))], Currency: []string{"USD", "EUR"}[pick(2)]}
		}
		var ps []model.Place
		for range pick(3) {
			ps = append(ps, model.Place{Name: places[pick(len(places))]})
		}
		var c *model.Range
		if pick(3) > 0 {
			v := counts[pick(len(counts))]
			c = &model.Range{Min: &v, Max: &v}
		}
		day := dayString(738600 + pick(70))
		var tm *model.Time
		if pick(2) == 0 {
			tm = &model.Time{Start: day, End: day, Precision: model.PrecisionDay}
		}
		return typ, actor, its, m, ps, c, tm, day
	}
	statuses := []string{model.StatusPledged, model.StatusDelivered, model.StatusPlanned}
	var accepted, ruledOut int
	for i := range 200000 {
		typ, actor, its, m, ps, c, tm, day := slots()
		ev := &model.Event{ID: "e", Article: "a2", Type: typ, Actor: actor, Items: its, Money: m, Places: ps, Count: c, Time: tm,
			Date: day, Status: statuses[pick(3)], Modality: model.ModalityAsserted, Additional: pick(4) == 0}
		rtyp, ractor, rits, rm, rps, rc, rtm, rday := slots()
		if pick(2) == 0 {
			rtyp = typ // same type half the time, as in a pool
		}
		rec := &model.Record{ID: "r", Type: rtyp, Actor: ractor, Items: rits, Money: rm, Places: rps, Count: rc, Time: rtm,
			Day: rday, FirstReported: rday, LastReported: rday, Status: statuses[pick(3)],
			Mentions: []model.Mention{{Article: "a1", Status: model.StatusPledged, Modality: model.ModalityAsserted, Slots: &model.Event{}}}}
		_, why := match(rec, ev)
		may := mayMatch(rec, ev)
		if why == "" {
			accepted++
			if !may {
				t.Fatalf("pair %d: match accepts, mayMatch rules it out:\nrecord %+v\nevent %+v", i, rec, ev)
			}
		} else if !may {
			ruledOut++
		}
	}
	// The draw must exercise both sides, or the test says nothing.
	if accepted < 1000 || ruledOut < 10000 {
		t.Fatalf("the draw gave %d accepted pairings and %d ruled out: too few to test", accepted, ruledOut)
	}
}
