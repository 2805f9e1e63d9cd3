package event

import (
	"testing"

	"github.com/sitrep-project/sitrep/internal/model"
)

// TestTriggersByLemma checks that a trigger row written as a lemma finds
// every form of the word: the rows of data/triggers.tsv list "strike",
// "come under fire", "hand over" and "lose" once, not each inflection.
func TestTriggersByLemma(t *testing.T) {
	runCases(t, []caseT{
		{name: "past-of-strike",
			text: "Russian missiles struck a fuel depot near Lviv on Saturday, the regional governor said.",
			want: []ev{{typ: "attack", actor: "RUS", targets: []string{"UKR"}}}},
		{name: "gerund-of-destroy",
			text: "Even with Ukrainian gunners destroying a Russian fuel depot near Kherson, the invaders kept advancing, Oleh Marchuk said.",
			want: []ev{{typ: "attack", actor: "UKR", targets: []string{"RUS"}}}},
		{name: "present-of-pound",
			text: "Russian artillery pounds the outskirts of Kharkiv every night, the mayor said on Monday.",
			want: []ev{{typ: "attack", actor: "RUS", targets: []string{"UKR"}}}},
		{name: "infinitive-of-storm",
			text: "Russian troops tried again on Tuesday to storm the steelworks in Mariupol, Ukraine's military said.",
			want: []ev{{typ: "attack", actor: "RUS", targets: []string{"UKR"}}}},
		{name: "the-pound-is-no-attack",
			text: "The pound fell against the dollar on Monday as fears of a Russian gas cut grew.",
			not:  []string{"attack"}},
		{name: "past-of-sink",
			text: "The Ukrainian navy sank a Russian tug near Snake Island, the defence ministry said.",
			want: []ev{{typ: "attack", actor: "UKR", targets: []string{"RUS"}}}},
		{name: "phrasal-drive-out",
			text: "Ukrainian troops drove out Russian forces from the village of Bilohorivka on Sunday.",
			want: []ev{{typ: "attack", actor: "UKR", targets: []string{"RUS"}}}},
		{name: "phrasal-call-up",
			text: "Russia has called up 10,000 reservists for service in the south, Ukrainian intelligence said.",
			want: []ev{{typ: "mobilize", actor: "RUS", items: []string{"troops"}, count: exactly(10000)}}},
		{name: "present-of-strike",
			text: "Russia strikes Odesa port a day after signing the grain deal, Ukrainian officials said.",
			want: []ev{{typ: "attack", actor: "RUS", targets: []string{"UKR"}}}},
		{name: "suffer-phrase-in-present",
			text: "Every night the town of Kramatorsk comes under fire from Russian artillery, its mayor said.",
			want: []ev{{typ: "attack", actor: "RUS", targets: []string{"UKR"}}}},
		{name: "phrasal-verb-past",
			text: "Norway handed over 22 self-propelled howitzers to Ukraine on Wednesday.",
			want: []ev{{typ: "aid", actor: "NOR", targets: []string{"UKR"}, items: []string{"howitzer"}}}},
		{name: "particle-after-object",
			text: "Norway handed the 22 howitzers over to Ukraine on Wednesday.",
			want: []ev{{typ: "aid", actor: "NOR", targets: []string{"UKR"}, items: []string{"howitzer"}}}},
		{name: "particle-after-object-mobilize",
			text: "Russia sent thousands more troops in to reinforce its positions near Izium, the Pentagon said.",
			want: []ev{{typ: "mobilize", actor: "RUS"}}},
		{name: "phrase-to-infinitive",
			text: "The strikes led the Ukrainian president to call for a strong response from the West.",
			want: []ev{{typ: "demand", actor: "UKR"}}},
		{name: "phrase-in-present",
			text: "Poland takes delivery of the first Abrams tanks from the United States on Friday.",
			want: []ev{{typ: "aid", actor: "USA", targets: []string{"POL"}}}},
		{name: "gerund-of-send",
			text: "Poland is sending 60 tanks to Ukraine, its prime minister said on Tuesday.",
			want: []ev{{typ: "aid", actor: "POL", targets: []string{"UKR"}, items: []string{"tank"}}}},
		{name: "losing-soldiers",
			text: "Russia is losing hundreds of soldiers a day in the east of Ukraine, British intelligence said.",
			want: []ev{{typ: "casualties", targets: []string{"RUS"}}},
			not:  []string{"casualties:RUS>UKR"}},
	})
}

// TestJoinedClausesTellTwoEvents checks that two clauses joined by "and",
// each with a trigger of one type and a place or a day of its own, give
// two events, not one with both places.
func TestJoinedClausesTellTwoEvents(t *testing.T) {
	two := []ev{{typ: "attack", actor: "RUS", targets: []string{"UKR"}}, {typ: "attack", actor: "RUS", targets: []string{"UKR"}}}
	runCases(t, []caseT{
		{name: "two-days",
			text: "Russian forces shelled Chernihiv on Monday and intensified their shelling of Kharkiv on Tuesday, the general staff said.",
			want: two, only: []model.EventType{model.TypeAttack}},
		{name: "two-places",
			text: "Russian troops bombarded Sumy and struck an oil depot in Dnipro, according to Ukrainian officials.",
			want: two, only: []model.EventType{model.TypeAttack}},
		{name: "shared-trailing-day",
			text: "Russian troops shelled Kharkiv and struck Kyiv on Tuesday, the general staff said.",
			want: []ev{{typ: "attack", actor: "RUS", targets: []string{"UKR"}, date: "2022-03-01"}, {typ: "attack", actor: "RUS", targets: []string{"UKR"}, date: "2022-03-01"}},
			only: []model.EventType{model.TypeAttack}},
		{name: "one-clause-two-places",
			text: "Russian troops bombarded Sumy and Dnipro overnight, according to Ukrainian officials.",
			want: two[:1], only: []model.EventType{model.TypeAttack}},
	})
}

// TestVerbIsNoItem checks that a word of the item catalogue used as a verb
// names no item: "ship" in "would ship rifles" is a delivery.
func TestVerbIsNoItem(t *testing.T) {
	tc := caseT{name: "ship-as-verb",
		text: "Ottawa said it would ship 200 rifles to Ukraine by the end of the month."}
	runCases(t, []caseT{{name: tc.name, text: tc.text,
		want: []ev{{typ: "aid", actor: "CAN", targets: []string{"UKR"}, items: []string{"rifle"}}}}})
	noItem(t, tc, "ship")
}

// noItem fails when an event of the case holds an item of that name.
func noItem(t *testing.T, tc caseT, name string) {
	t.Helper()
	for _, e := range extractCase(tc) {
		for _, it := range e.Items {
			if it.Name == name {
				t.Errorf("%q read as an item: %s", name, brief(e))
			}
		}
	}
}

// TestCompoundNumberCountsNothing checks that a number inside a hyphenated
// modifier ("a four-country tour") counts no item.
func TestCompoundNumberCountsNothing(t *testing.T) {
	tc := caseT{name: "four-country-tour",
		text: "Poland will send 20 trucks of medicine to Ukraine, its minister said at the start of a three-nation tour of the Baltics."}
	runCases(t, []caseT{{name: tc.name, text: tc.text,
		want: []ev{{typ: "aid", actor: "POL", targets: []string{"UKR"}}}}})
	noItem(t, tc, "tour")
}
