package event

import (
	"testing"

	"github.com/sitrep-project/sitrep/internal/model"
)

// TestEventDates checks the rules that pick an event's time expression, on
// articles dated Thursday 3 March 2022: which of a sentence's dates is the
// event's, which the report's, and which another event's.
func TestEventDates(t *testing.T) {
	runCases(t, []caseT{
		// Two events of one kind joined by "and" share the date after them.
		{name: "coordinated-casualties-range",
			text: "The UN rights office said it had counted 310 civilians killed and 420 injured in Ukraine between February 24 and March 1.",
			want: []ev{
				{typ: "casualties", count: exactly(310), outcome: "killed", date: "2022-02-24..2022-03-01"},
				{typ: "casualties", count: exactly(420), outcome: "wounded", date: "2022-02-24..2022-03-01"},
			}},
		{name: "coordinated-participles",
			text: "Russian missiles struck an airfield near Lutsk early on Monday, killing four people and wounding 17, the governor said.",
			want: []ev{
				{typ: "casualties", count: exactly(4), outcome: "killed", date: "2022-02-28"},
				{typ: "casualties", count: exactly(17), outcome: "wounded", date: "2022-02-28"},
			}},
		// A verb that governs the event noun dates it.
		{name: "verb-governs-noun",
			text: "Volodymyr Zelenskyy on Tuesday ordered a general mobilisation, and officials said reservists would be called up within weeks.",
			want: []ev{{typ: "mobilize", actor: "UKR", date: "2022-03-01"}}},
		// A date before the clause that a warning reports is the warning's.
		{name: "warning-before-complement",
			text: "The secretary of Russia's Security Council warned during a trip to Kaliningrad on Monday that Moscow would retaliate against Lithuania.",
			want: []ev{{typ: "threaten", actor: "RUS", targets: []string{"LTU"}, date: "2022-02-28"}}},
		// A pledge is made by the words that report it, and is dated by them.
		{name: "pledge-said-on",
			text: "Speaking in Warsaw on Tuesday, the defence secretary said Washington would provide $200 million in military aid to Ukraine.",
			want: []ev{{typ: "aid", actor: "USA", targets: []string{"UKR"}, date: "2022-03-01"}}},
		{name: "pledge-said-after",
			text: "Denmark is sending 2,700 anti-tank weapons to Ukraine, the government in Copenhagen said on Sunday.",
			want: []ev{{typ: "aid", actor: "DNK", targets: []string{"UKR"}, date: "2022-02-27"}}},
		{name: "deadline-by",
			text: "EU governments agreed late on Monday to ban Russian coal imports by the middle of August, the core of a fifth package of sanctions.",
			want: []ev{{typ: "sanction", actor: "EU", targets: []string{"RUS"}, date: "2022-02-28"}}},
		// A running figure since the start of the war runs from its day.
		{name: "since-invasion-began",
			text: "The health ministry said on Wednesday that 352 civilians had been killed since the invasion began.",
			want: []ev{{typ: "casualties", count: exactly(352), outcome: "killed", date: "2022-02-24..2022-03-03"}}},
		{name: "since-clause-with-date",
			text: "More than a million people have fled Ukraine since Russian forces crossed the border on February 24, the UN refugee agency said.",
			want: []ev{{typ: "displacement", targets: []string{"UKR"}, date: "2022-02-24..2022-03-03"}}},
		{name: "talks-since-invasion-not-dated",
			text: "Russian and Ukrainian delegations met in Belarus on Monday for the first talks since the invasion.",
			want: []ev{{typ: "talks", actor: "RUS", targets: []string{"UKR"}, date: "2022-02-28"}}},
		// An event noun told in a relative clause of its own.
		{name: "noun-relative-clause",
			text: "Negotiators from Kyiv said the third round of talks with Russia, which took place on Monday near the border, had brought no breakthrough.",
			want: []ev{{typ: "talks", actor: "RUS", targets: []string{"UKR"}, date: "2022-02-28"}}},
		// "A day after" counts back from the date of the clause it joins.
		{name: "a-day-after",
			text: "Macron met Putin in the Kremlin on Tuesday, a day after the French president held talks with Zelenskyy in Kyiv.",
			want: []ev{
				{typ: "meet", actor: "FRA", targets: []string{"RUS"}, date: "2022-03-01"},
				{typ: "meet", actor: "FRA", targets: []string{"UKR"}, date: "2022-02-28"},
			}},
		{name: "hours-after",
			text: "Tuesday's shelling of Kharkiv came hours after Russian troops struck the television tower in Kyiv.",
			want: []ev{{typ: "attack", actor: "RUS", targets: []string{"UKR"}, date: "2022-03-01"}}},
		// Two days joined by "and" are one range.
		{name: "two-days",
			text: "The German chancellor will visit Poland on Monday and Tuesday next week.",
			want: []ev{{typ: "visit", actor: "DEU", targets: []string{"POL"}, date: "2022-03-07..2022-03-08"}}},
	})
}

// TestEventUndated checks dates that are not the event's and leave it
// undated: the day a toll was told, the day inside a claim.
func TestEventUndated(t *testing.T) {
	for _, tc := range []struct {
		name, text string
		typ        model.EventType
	}{
		{"casualties-said-after", "Two people were killed when a shell hit a school in Okhtyrka, the regional administration said on Thursday.", model.TypeCasualties},
		{"casualties-said-before-pronoun", "Eleven soldiers were wounded, Ukraine's general staff said late on Wednesday.", model.TypeCasualties},
		{"claim-content", "Alexander Lukashenko accused Ukraine of firing missiles at Belarusian bases, claiming that last week his air defences had shot them down.", model.TypeAccuse},
		{"denial-content", "The Kremlin denied that its forces had shelled a hospital in Mariupol on Wednesday.", model.TypeDeny},
	} {
		t.Run(tc.name, func(t *testing.T) {
			found := false
			for _, e := range extractCase(caseT{name: tc.name, text: tc.text}) {
				if e.Type != tc.typ {
					continue
				}
				found = true
				if e.Time != nil {
					t.Errorf("%s dated %s..%s (%q), want no date", e.Type, e.Time.Start, e.Time.End, e.Time.Text)
				}
			}
			if !found {
				t.Errorf("no %s event", tc.typ)
			}
		})
	}
}

// TestInheritedDates checks that an event its sentence leaves undated takes
// the date of the story told just before it in its paragraph, and only
// then (articles dated Thursday 3 March 2022).
func TestInheritedDates(t *testing.T) {
	runCases(t, []caseT{
		{name: "losses-after-the-attack",
			text: "Russian rockets struck a market in Kharkiv on Tuesday. Three people were killed and eleven were wounded, the regional governor said.",
			want: []ev{
				{typ: "attack", actor: "RUS", date: "2022-03-01"},
				{typ: "casualties", count: exactly(3), outcome: "killed", date: "2022-03-01"},
				{typ: "casualties", count: exactly(11), outcome: "wounded", date: "2022-03-01"},
			}},
		{name: "next-event-of-the-story",
			text: "Polish President Andrzej Duda arrived in Kyiv on Wednesday. He met Volodymyr Zelenskyy at the presidential palace.",
			want: []ev{{typ: "meet", actor: "POL", targets: []string{"UKR"}, date: "2022-03-02"}}},
		{name: "not-past-the-story-before",
			text: "Russian rockets struck a market in Kharkiv on Tuesday. The city has been a target since the first days of the war. Its metro stations still shelter thousands of families. Three soldiers were killed near Izium, the military said.",
			want: []ev{{typ: "casualties", count: exactly(3), outcome: "killed", date: "-"}}},
		{name: "a-plan-gives-no-date",
			text: "Polish President Andrzej Duda will travel to Kyiv on Saturday, his office said. Duda met Volodymyr Zelenskyy in Warsaw.",
			want: []ev{{typ: "meet", actor: "POL", targets: []string{"UKR"}, date: "-"}}},
		{name: "a-plan-keeps-no-date",
			text: "Polish President Andrzej Duda arrived in Kyiv on Wednesday. He will meet Volodymyr Zelenskyy.",
			want: []ev{{typ: "meet", actor: "POL", modality: model.ModalityPlanned, date: "-"}}},
	})
}

// TestReportDateIsNotTheEvents checks that a date the tree hangs on a
// reporting verb dates the report, not a trip or an attack it tells of,
// while a figure keeps the date it was given and a date inside the
// reported clause stays the event's.
func TestReportDateIsNotTheEvents(t *testing.T) {
	runCases(t, []caseT{
		{name: "said-on-tuesday-that-trip",
			text: "Dmitry Peskov said on Tuesday that Vladimir Putin would travel to Iran.",
			want: []ev{{typ: "visit", actor: "RUS", targets: []string{"IRN"}, date: "-"}}},
		{name: "figure-takes-the-report-date",
			text: "The UN refugee agency said on Tuesday that 7.1 million people had fled Ukraine.",
			want: []ev{{typ: "displacement", date: "2022-03-01"}}},
		{name: "date-inside-the-clause",
			text: "Ukrainian officials said a strike last Thursday on a Russian depot in Kherson had killed 40 soldiers.",
			want: []ev{{typ: "attack", actor: "UKR", date: "2022-02-24"}}},
	})
}
