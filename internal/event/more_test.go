package event

import (
	"testing"

	"github.com/sitrep-project/sitrep/internal/model"
)

// TestInferences covers the events sitrep reads from the shape of a
// sentence rather than from one trigger word.
func TestInferences(t *testing.T) {
	runCases(t, []caseT{
		{name: "meeting-abroad-is-a-visit",
			text: "US Defence Secretary Lloyd Austin met his Slovak counterpart in Bratislava on Thursday.",
			want: []ev{{typ: "visit", actor: "USA", targets: []string{"SVK"}, date: "2022-03-03"}}},
		{name: "meeting-in-the-kremlin",
			text: "Olaf Scholz met Vladimir Putin in the Kremlin on Tuesday.",
			want: []ev{
				{typ: "meet", actor: "DEU", targets: []string{"RUS"}},
				{typ: "visit", actor: "DEU", targets: []string{"RUS"}, date: "2022-03-01"},
			}},
		{name: "opening-place-is-a-visit",
			text: "In Moscow, Israel's prime minister met Vladimir Putin on Saturday.",
			want: []ev{{typ: "visit", actor: "ISR", targets: []string{"RUS"}, date: "2022-02-26"}}},
		{name: "call-is-no-visit",
			text: "Emmanuel Macron spoke by phone with Vladimir Putin in Moscow on Sunday.",
			not:  []string{"visit"}},
		{name: "meeting-at-home-is-no-visit",
			text: "Joe Biden met Olaf Scholz in Washington on Monday.",
			want: []ev{{typ: "visit", actor: "DEU", targets: []string{"USA"}}},
			not:  []string{"visit:USA"}},
		{name: "person-was-in-capital",
			text: "British Prime Minister Boris Johnson was also in the Ukrainian capital on Tuesday.",
			want: []ev{{typ: "visit", actor: "GBR", targets: []string{"UKR"}, date: "2022-03-01"}}},
		{name: "troops-in-are-no-visit",
			text: "Russian troops were in Belarus for joint exercises.",
			not:  []string{"visit"}},
		{name: "body-meets-alone",
			text: "NATO leaders held a virtual summit on Friday.",
			want: []ev{{typ: "meet", actor: "NATO", date: "2022-02-25"}}},
		{name: "member-states-is-a-noun",
			text: "EU member states agreed on Monday a fourth package of sanctions against Russia.",
			want: []ev{{typ: "sanction", actor: "EU", targets: []string{"RUS"}, date: "2022-02-28"}}},
		{name: "airspace-ban",
			text: "The bloc will also close its airspace to Russian aircraft.",
			want: []ev{{typ: "sanction", actor: "EU", targets: []string{"RUS"}}}},
		{name: "announced-sanctions",
			text: "President Joe Biden announced sanctions on two large Russian banks.",
			want: []ev{{typ: "sanction", actor: "USA", targets: []string{"RUS"}}}},
		{name: "sanction-object-of-next-verb",
			text: "Biden said the US would impose severe sanctions and ordered 7,000 more troops to Germany.",
			want: []ev{{typ: "mobilize", actor: "USA", items: []string{"troops"}, count: exactly(7000)}},
			not:  []string{"sanction:USA>DEU"}},
		{name: "general-mobilisation",
			text: "Zelenskiy signed a decree ordering a general mobilisation.",
			want: []ev{{typ: "mobilize", actor: "UKR", items: []string{"troops"}}}},
		{name: "demand-addressee-told-them",
			text: "Zelenskiy addressed the G7 summit by video. He told them the war must end and asked for more air defence systems.",
			want: []ev{{typ: "demand", actor: "UKR", targets: []string{"G7"}}}},
		{name: "demand-addressed-and-asked",
			text: "Zelenskiy addressed NATO leaders and asked for a no-fly zone.",
			want: []ev{{typ: "demand", actor: "UKR", targets: []string{"NATO"}}}},
		{name: "threat-repercussions",
			text: "Russia warned Finland that joining NATO would have grave repercussions.",
			want: []ev{{typ: "threaten", actor: "RUS", targets: []string{"FIN"}}}},
		{name: "threat-legitimate-targets",
			text: "Moscow warned Washington that convoys carrying weapons would be treated as legitimate targets.",
			want: []ev{{typ: "threaten", actor: "RUS", targets: []string{"USA"}}}},
		{name: "lost-soldiers",
			text: "Ukraine's general staff said Russia had lost more than 12,000 soldiers.",
			want: []ev{{typ: "casualties", targets: []string{"RUS"}, count: atLeast(12000), victims: "military"}}},
		{name: "cyber-noun-is-not-a-strike",
			text: "Another wave of denial-of-service attacks hit government websites in Ukraine.",
			want: []ev{{typ: "cyberattack", targets: []string{"UKR"}}},
			not:  []string{"attack"}},
		{name: "value-and-items-are-two-facts",
			text: "Biden announced $800 million in new security assistance for Ukraine, including 800 Stinger anti-aircraft systems.",
			want: []ev{
				{typ: "aid", actor: "USA", targets: []string{"UKR"}, money: &money{800e6, "USD"}, status: "pledged"},
				{typ: "aid", actor: "USA", targets: []string{"UKR"}, items: []string{"Stinger"}, qty: exactly(800)},
			}},
		{name: "generic-words-stay-with-the-value",
			text: "The EU will provide 450 million euros in weapons to Ukraine.",
			want: []ev{{typ: "aid", actor: "EU", targets: []string{"UKR"}, money: &money{450e6, "EUR"}, mode: "military"}},
			only: []model.EventType{"aid"}},
		{name: "small-arms-by-kind",
			text: "Canada will send pistols, carbines and sniper rifles to Ukraine.",
			want: []ev{{typ: "aid", actor: "CAN", targets: []string{"UKR"}, items: []string{"pistol", "carbine", "sniper rifle"}}}},
		{name: "charge-on-an-attack",
			text: "Russian missiles hit Odesa on Saturday. Liz Truss, the British foreign secretary, said the “appalling” attack was completely unwarranted.",
			want: []ev{{typ: "accuse", actor: "GBR", targets: []string{"RUS"}}}},
		{name: "sanctions-list-with-adjective",
			text: "Britain imposed new sanctions on Russia and neighbouring Belarus on Monday.",
			want: []ev{{typ: "sanction", actor: "GBR", targets: []string{"RUS", "BLR"}, date: "2022-02-28"}}},
		{name: "sanctions-told-again",
			text: "Canada widened its sanctions against Moscow on Thursday. The new $250m sanctions on Russia and Belarus cover timber and fertiliser.",
			want: []ev{{typ: "sanction", actor: "CAN", targets: []string{"RUS", "BLR"}, money: &money{250e6, "USD"}}}},
		{name: "loan-is-financial",
			text: "Japan pledged a loan of $100 million in military and humanitarian support to Ukraine.",
			want: []ev{{typ: "aid", actor: "JPN", targets: []string{"UKR"}, mode: "financial", money: &money{100e6, "USD"}}}},
		{name: "unnamed-talks-in-a-war-story",
			text: "Russian forces shelled Kharkiv on Sunday. Ukraine's president said the talks would resume on Monday.",
			want: []ev{{typ: "talks", actor: "RUS", targets: []string{"UKR"}, status: "planned", date: "2022-03-07"}}},
		{name: "unnamed-talks-elsewhere",
			text: "Talks on the merger of the two steel makers were postponed until April.",
			not:  []string{"talks"}},
		{name: "quoted-we-is-the-speaker",
			text: "“We will not allow this,” the Ukrainian foreign minister said, adding that Russia must withdraw its troops.",
			want: []ev{{typ: "demand", actor: "UKR", targets: []string{"RUS"}}}},
	})
}

// TestNamesDoNotTrigger: a trigger word written as part of a name (a ship,
// a firm, an operation) is no event, while the same word in a headline's
// title case still is.
func TestNamesDoNotTrigger(t *testing.T) {
	runCases(t, []caseT{
		{name: "ship-named-strike",
			text: "The Russian ship Strike was seen off the coast of Crimea on Monday.",
			want: nil, only: []model.EventType{model.TypeAttack}},
		{name: "firm-named-shelling",
			text: "Shelling Systems, a Ukrainian engineering firm, said on Monday it had moved its staff to Lviv.",
			want: nil, only: []model.EventType{model.TypeAttack}},
		{name: "headline-title-case",
			text: "Russia Shells Kharkiv Again as Talks Stall",
			want: []ev{{typ: "attack", actor: "RUS", targets: []string{"UKR"}}}},
	})
}

// TestDelayedWeighedAndCalledFor: what is delayed, only weighed, or called
// for has not happened; the call itself is the demand.
func TestDelayedWeighedAndCalledFor(t *testing.T) {
	runCases(t, []caseT{
		{name: "delayed-delivery",
			text: "Berlin has delayed the delivery of 14 tanks to Ukraine, officials said on Monday.",
			want: nil, only: []model.EventType{model.TypeAid}},
		{name: "postponed-shipment",
			text: "Spain postponed the shipment of anti-aircraft missiles to Ukraine until the spring.",
			want: nil, only: []model.EventType{model.TypeAid}},
		{name: "withheld-aid",
			text: "Hungary withheld the transfer of €500 million in EU aid to Ukraine on Friday.",
			want: nil, only: []model.EventType{model.TypeAid}},
		{name: "weighing-jets",
			text: "The Netherlands is weighing sending F-16 fighter jets to Ukraine.",
			want: nil, only: []model.EventType{model.TypeAid}},
		{name: "called-for-talks",
			text: "Turkey called for talks between Russia and Ukraine on Monday.",
			want: []ev{{typ: "demand", actor: "TUR"}}, only: []model.EventType{model.TypeTalks, model.TypeDemand}},
		{name: "appealed-for-ceasefire-talks",
			text: "The Vatican appealed for peace talks on Sunday.",
			want: nil, only: []model.EventType{model.TypeTalks}},
	})
}

// TestDatelines: the state of a dateline locates the story and never acts
// in it.
func TestDatelines(t *testing.T) {
	runCases(t, []caseT{
		{name: "dateline-country-is-no-attacker",
			text: "KHARKIV, Ukraine — Missiles hit a school in the city centre on Tuesday, killing two teachers.",
			want: []ev{{typ: "attack", actor: "RUS", targets: []string{"UKR"}}}},
		{name: "dateline-with-agency",
			text: "ODESA, Ukraine (Harbour Wire) — Drones struck the port overnight, the regional governor said.",
			want: []ev{{typ: "attack", actor: "RUS", targets: []string{"UKR"}}}},
		{name: "dateline-of-the-actor",
			text: "WARSAW — Poland sent 60 tanks to Ukraine on Friday, the defence ministry said.",
			want: []ev{{typ: "aid", actor: "POL", targets: []string{"UKR"}}}},
	})
}

func TestDatelineEnd(t *testing.T) {
	for _, tc := range []struct {
		text string
		want string // the first word after the dateline; "" for none
	}{
		{"KYIV, Ukraine — Shelling resumed.", "Shelling"},
		{"BRUSSELS (Harbour Wire) - Ministers met.", "Ministers"},
		{"WASHINGTON -- The Pentagon said.", "The"},
		{"NATO said on Monday — in a statement — that it would act.", ""},
		{"Kyiv, Ukraine — Shelling resumed.", ""},
		{"UN officials — speaking anonymously — said so.", ""},
	} {
		a := &model.Article{Text: tc.text, Date: refDate}
		x := New()
		d := newDoc(a)
		st := x.sentences(d)[0]
		end := datelineEnd(st)
		got := ""
		if end > 0 {
			got = st.toks[end].Text
		}
		if got != tc.want {
			t.Errorf("%q: dateline ends before %q, want %q", tc.text, got, tc.want)
		}
	}
}

// TestAppositionDescribes: an event noun in a description of a person or
// body ("a critic of EU sanctions") tells no event; the same noun in the
// clause does.
func TestAppositionDescribes(t *testing.T) {
	runCases(t, []caseT{
		{name: "critic-of-sanctions",
			text: "Viktor Orban, a critic of EU sanctions on Russia, said on Monday that Hungary would block the new package.",
			want: nil, only: []model.EventType{model.TypeSanction}},
		{name: "architect-of-the-offensive",
			text: "Valery Gerasimov, the architect of the offensive on Kyiv, was seen in Moscow on Friday.",
			want: nil, only: []model.EventType{model.TypeAttack}},
		{name: "sanctions-in-the-clause",
			text: "The European Union, meeting in Brussels, imposed new sanctions on Russia on Monday.",
			want: []ev{{typ: "sanction", actor: "EU", targets: []string{"RUS"}}}},
	})
}
