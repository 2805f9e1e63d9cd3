package event

import (
	"testing"

	"github.com/sitrep-project/sitrep/internal/model"
)

func TestVisitMeetTalks(t *testing.T) {
	runCases(t, []caseT{
		// "The three" are the subject and those who came with them.
		{name: "the-three-who-travelled-together",
			text: "Fiala, who travelled to Kyiv overnight with the Polish prime minister, Mateusz Morawiecki, and the EU's foreign policy chief, Josep Borrell, said the visit was a message to Moscow. The three met President Zelenskyy in the capital on Tuesday.",
			want: []ev{
				{typ: "meet", actor: "POL", targets: []string{"UKR"}},
				{typ: "meet", actor: "EU", targets: []string{"UKR"}},
			}},
		// Speaking to people who are no party is no talks.
		{name: "spoke-to-reporters-is-no-talks",
			text: "The mayor of Kramatorsk spoke to reporters outside the station on Monday.",
			not:  []string{"talks"}},
		{name: "spoke-with-a-leader-is-talks",
			text: "Scholz spoke with Putin by phone on Friday for the first time since May.",
			want: []ev{{typ: "talks", actor: "DEU", targets: []string{"RUS"}}}},
		// A travel ban is a sanction, not a journey.
		{name: "travel-bans-are-no-visit",
			text: "Canada will impose travel bans on 14 more Russian officials and their families, the foreign minister said.",
			not:  []string{"visit"}},
		{name: "visit-travelled",
			text: "Polish Prime Minister Mateusz Morawiecki travelled to Kyiv on Tuesday.",
			want: []ev{{typ: "visit", actor: "POL", targets: []string{"UKR"}, date: "2022-03-01", status: "-"}}},
		{name: "visit-planned",
			text: "US Vice President Kamala Harris will travel to Warsaw next week.",
			want: []ev{{typ: "visit", actor: "USA", targets: []string{"POL"}, status: "planned", date: "2022-03-07..2022-03-13"}}},
		{name: "visit-coordinated-visitors",
			text: "The prime ministers of Poland, the Czech Republic and Slovenia travelled to Kyiv by train.",
			want: []ev{
				{typ: "visit", actor: "POL", targets: []string{"UKR"}},
				{typ: "visit", actor: "CZE", targets: []string{"UKR"}},
				{typ: "visit", actor: "SVN", targets: []string{"UKR"}},
			}},
		{name: "visit-in-relative-clause",
			text: "Boris Johnson, who visited Kyiv on Saturday, promised more missiles to Ukraine.",
			want: []ev{
				{typ: "visit", actor: "GBR", targets: []string{"UKR"}, date: "2022-02-26"},
				{typ: "aid", actor: "GBR", targets: []string{"UKR"}, items: []string{"missile"}, status: "pledged"},
			}},
		{name: "visit-no-plans",
			text: "Scholz said he had no plans to visit Kyiv.",
			not:  []string{"visit"}},
		{name: "visit-and-then",
			text: "Israel's prime minister met Putin in Moscow on Saturday and then flew to Berlin.",
			want: []ev{
				{typ: "meet", actor: "ISR", targets: []string{"RUS"}, date: "2022-02-26"},
				{typ: "visit", actor: "ISR", targets: []string{"DEU"}},
			},
			not: []string{"visit:RUS"}},
		{name: "visit-during-speech",
			text: "Latvia's prime minister told reporters during a trip to Ukraine that his government stood with Kyiv.",
			want: []ev{{typ: "visit", actor: "LVA", targets: []string{"UKR"}}}},
		{name: "meet-kremlin",
			text: "Olaf Scholz met Vladimir Putin in the Kremlin on Tuesday.",
			want: []ev{{typ: "meet", actor: "DEU", targets: []string{"RUS"}, date: "2022-03-01"}}},
		{name: "meet-video-call-group",
			text: "G7 leaders, including Boris Johnson and Joe Biden, held a video call with Volodymyr Zelenskiy on Sunday.",
			want: []ev{{typ: "meet", actor: "G7", targets: []string{"UKR"}, date: "2022-02-27"}},
			not:  []string{"meet:USA", "meet:GBR"}},
		{name: "meet-hypothetical",
			text: "Biden could meet Putin if Russian troops pull back.",
			not:  []string{"meet"}},
		{name: "talks-held",
			text: "Russian and Ukrainian delegations held talks in Belarus on Monday.",
			want: []ev{{typ: "talks", targets: []string{"UKR"}, actor: "RUS", date: "2022-02-28"}}},
		{name: "talks-calls-with-two",
			text: "Erdogan held phone calls with Vladimir Putin and Volodymyr Zelenskiy on Monday.",
			want: []ev{{typ: "talks", actor: "TUR", targets: []string{"RUS", "UKR"}, date: "2022-02-28"}}},
		{name: "talks-between-planned",
			text: "Talks between Russia and Ukraine will resume on Monday, a Ukrainian negotiator said.",
			want: []ev{{typ: "talks", actor: "RUS", targets: []string{"UKR"}, status: "planned", date: "2022-03-07"}}},
		{name: "talks-spoke-by-phone",
			text: "Biden spoke by phone with Zelenskiy overnight.",
			want: []ev{{typ: "talks", actor: "USA", targets: []string{"UKR"}}}},
		{name: "call-needs-a-caller",
			text: "The call with Zelenskiy lasted an hour.",
			not:  []string{"talks"}},
	})
}

func TestSpeechActs(t *testing.T) {
	runCases(t, []caseT{
		// Rejecting accusations, plural and with no article, denies.
		{name: "rejected-accusations-denies",
			text: "The Kremlin rejected accusations that its troops had looted grain silos in the south.",
			want: []ev{{typ: "deny", actor: "RUS"}}},
		// A possessive after a demand points back at whom it is made of.
		{name: "demanded-the-lifting-of-its-ban",
			text: "Lithuania banned the transit of some goods last week, and on Monday Moscow demanded the immediate lifting of its ban.",
			want: []ev{{typ: "demand", actor: "RUS", targets: []string{"LTU"}}}},
		// A charge with an owner charges the owner; the one who calls it
		// so charges.
		{name: "called-it-a-russian-war-crime",
			text: "Zelenskiy called the strike on the Kremenchuk shopping centre a Russian war crime.",
			want: []ev{{typ: "accuse", actor: "UKR", targets: []string{"RUS"}}}},
		{name: "a-deputy-envoy-calls-it-a-ukrainian-act-of-terror",
			text: "Russia's deputy UN envoy, Pavel Kuznetsov, called the blast a Ukrainian act of terror.",
			want: []ev{{typ: "accuse", actor: "RUS", targets: []string{"UKR"}}},
			not:  []string{"accuse:UN"}},
		// An act's word used as an adjective names no act.
		{name: "less-threatening-is-no-threat",
			text: "Detainees deemed less threatening by Russian officers were moved to camps near Donetsk, the Ukrainian ombudsman said.",
			not:  []string{"threaten"}},
		// "We" in a quotation is the speaker's side; where sitrep cannot
		// place the speaker, it is not the states an earlier sentence
		// listed.
		{name: "we-of-an-unplaced-speaker",
			text: "Ukraine, Russia, Turkey and the UN signed the grain deal in Istanbul on Friday. \u201cEverything is being shelled, even the bread queues. So we are urging people to stay in shelters,\u201d Oleh Petrenko, the head of the district, told reporters.",
			not:  []string{"demand:RUS", "demand:TUR", "demand:UN"}},
		{name: "threaten-conditional",
			text: "Putin warned that Russia would respond if NATO moved weapons closer to its borders.",
			want: []ev{{typ: "threaten", actor: "RUS", targets: []string{"NATO"}}}},
		{name: "threaten-coordinated-targets",
			text: "Russia threatened Finland and Sweden with military consequences if they joined NATO.",
			want: []ev{{typ: "threaten", actor: "RUS", targets: []string{"FIN", "SWE"}}}},
		{name: "warning-without-threat",
			text: "Officials warned of rising food prices.",
			not:  []string{"threaten"}},
		{name: "demand-urged",
			text: "Zelenskiy urged NATO to close the skies over Ukraine.",
			want: []ev{{typ: "demand", actor: "UKR", targets: []string{"NATO"}}}},
		{name: "demand-asked-for",
			text: "Ukraine asked Germany for more weapons on Friday.",
			want: []ev{{typ: "demand", actor: "UKR", targets: []string{"DEU"}}},
			not:  []string{"aid:DEU"}},
		{name: "demand-modal-reported",
			text: "Kuleba said G7 countries should impose further sanctions on Russia.",
			want: []ev{{typ: "demand", actor: "UKR", targets: []string{"G7"}}},
			not:  []string{"sanction"}},
		{name: "demand-must",
			text: "Moscow says NATO must stop expanding eastwards.",
			want: []ev{{typ: "demand", actor: "RUS", targets: []string{"NATO"}}}},
		{name: "own-side-must-is-no-demand",
			text: "“We must stay united,” Johnson said.",
			not:  []string{"demand"}},
		{name: "demand-that",
			text: "Russia demanded that NATO withdraw its forces from eastern Europe.",
			want: []ev{{typ: "demand", actor: "RUS", targets: []string{"NATO"}}}},
		{name: "demand-call-for-has-no-addressee",
			text: "Kyiv called for an immediate ceasefire and the withdrawal of Russian troops.",
			want: []ev{{typ: "demand", actor: "UKR"}},
			not:  []string{"demand:UKR>RUS"}},
		{name: "accuse-of",
			text: "Kyiv accused Moscow of shelling the humanitarian corridor.",
			want: []ev{{typ: "accuse", actor: "UKR", targets: []string{"RUS"}}}},
		{name: "accuse-passive",
			text: "Russia was accused by Ukraine of bombing the theatre.",
			want: []ev{{typ: "accuse", actor: "UKR", targets: []string{"RUS"}}}},
		{name: "accuse-claimed-attack",
			text: "Lukashenko claimed Ukraine had tried to strike military facilities in Belarus.",
			want: []ev{
				{typ: "accuse", actor: "BLR", targets: []string{"UKR"}},
				{typ: "attack", actor: "UKR", targets: []string{"BLR"}, status: "alleged", source: "Alexander Lukashenko"},
			}},
		{name: "claim-of-own-gain-is-no-accusation",
			text: "Russia claimed it had taken full control of the city.",
			not:  []string{"accuse"}},
		{name: "accuse-charge-word",
			text: "Biden called Putin a war criminal.",
			want: []ev{{typ: "accuse", actor: "USA", targets: []string{"RUS"}}}},
		{name: "accuse-quoted-charge",
			text: "“Outrageous,” tweeted the US ambassador, Bridget Brink. “The Kremlin continues to weaponise food.”",
			want: []ev{{typ: "accuse", actor: "USA", targets: []string{"RUS"}}}},
		{name: "accuse-reciprocal",
			text: "Each side accused the other of shelling the plant.",
			want: []ev{
				{typ: "accuse", actor: "RUS", targets: []string{"UKR"}},
				{typ: "accuse", actor: "UKR", targets: []string{"RUS"}},
			}},
		{name: "accuse-condemned-attack",
			text: "Russian missiles hit Odesa on Saturday. The UN secretary general condemned the strikes.",
			want: []ev{
				{typ: "accuse", actor: "UN", targets: []string{"RUS"}},
				{typ: "attack", actor: "RUS", targets: []string{"UKR"}, date: "2022-02-26"},
			},
			only: []model.EventType{"attack"}},
		{name: "accuse-deliberately-said",
			text: "Kharkiv's governor said Russian forces were deliberately firing at civilians.",
			want: []ev{{typ: "accuse", actor: "UKR", targets: []string{"RUS"}}}},
		{name: "deny-involvement",
			text: "The Kremlin denied any involvement in the cyberattack.",
			want: []ev{{typ: "deny", actor: "RUS"}}},
		{name: "deny-preposterous",
			text: "Washington called the claim preposterous.",
			want: []ev{{typ: "deny", actor: "USA"}}},
		{name: "deny-and-accuse",
			text: "Kyiv dismissed the claim as a lie, accusing Moscow of shelling the hospital itself.",
			want: []ev{
				{typ: "deny", actor: "UKR"},
				{typ: "accuse", actor: "UKR", targets: []string{"RUS"}},
			}},
		{name: "deny-claims-false",
			text: "Oleksandr Kamyshin, the head of the railways, said the Russian claims were false.",
			want: []ev{{typ: "deny", actor: "UKR", source: "Oleksandr Kamyshin"}}},
		{name: "deny-quoted-own-side",
			text: "“We do not strike the territory of the Russian Federation,” the Ukrainian spokesperson said.",
			want: []ev{{typ: "deny", actor: "UKR"}},
			not:  []string{"attack"}},
		{name: "sanction-imposed",
			text: "The EU imposed sanctions on Russia's central bank on Monday.",
			want: []ev{{typ: "sanction", actor: "EU", targets: []string{"RUS"}, date: "2022-02-28"}}},
		{name: "sanction-verb",
			text: "Britain sanctioned five Russian banks on Thursday.",
			want: []ev{{typ: "sanction", actor: "GBR", targets: []string{"RUS"}, date: "2022-03-03"}}},
		{name: "sanction-money-and-list",
			text: "The UK imposed £1.7bn of new sanctions on Russia and Belarus.",
			want: []ev{{typ: "sanction", actor: "GBR", targets: []string{"RUS", "BLR"}}}},
		{name: "sanctions-blamed-are-not-sanctions",
			text: "Moscow has blamed western sanctions for the food crisis.",
			not:  []string{"sanction"}},
		{name: "statement",
			text: "Zelenskiy said in a statement that the army would hold Kyiv.",
			want: []ev{{typ: "statement", actor: "UKR"}}},
	})
}

func TestSources(t *testing.T) {
	runCases(t, []caseT{
		{name: "apposition-before-verb",
			text: "Taras Bondar, an aide to the mayor of Kherson, said on Tuesday that Russian troops had shelled a column of evacuation buses.",
			want: []ev{{typ: "attack", actor: "RUS", targets: []string{"UKR"}, source: "Taras Bondar", date: "2022-03-01"}}},
		{name: "surname-later",
			text: "Petro Andryushchenko, an adviser to the mayor, spoke to reporters. Andryushchenko said Russian jets had bombed the plant.",
			want: []ev{{typ: "attack", actor: "RUS", targets: []string{"UKR"}, source: "Petro Andryushchenko"}}},
		{name: "role-then-name-apposition",
			text: "The governor, Serhiy Haidai, said Russian shells had hit a hospital in Sievierodonetsk.",
			want: []ev{{typ: "attack", actor: "RUS", targets: []string{"UKR"}, source: "Serhiy Haidai"}}},
		{name: "name-then-role-apposition",
			text: "Vitaliy Kim, head of the Mykolaiv regional administration, reported that three people had died in the night.",
			want: []ev{{typ: "casualties", targets: []string{"UKR"}, count: exactly(3), source: "Vitaliy Kim"}}},
		{name: "he-said",
			text: "Vitali Klitschko spoke on television. A residential block in Kyiv was hit by a missile overnight, he said.",
			want: []ev{{typ: "attack", targets: []string{"UKR"}, source: "Vitali Klitschko"}}},
		{name: "outlet-citing-officials",
			text: "NBC News reported, citing two US officials, that the United States had sent Stinger missiles to Ukraine.",
			want: []ev{{typ: "aid", actor: "USA", targets: []string{"UKR"}, items: []string{"Stinger"}, source: "NBC News"}}},
		{name: "according-to",
			text: "More than 2,000 civilians have been killed, according to the UN human rights office.",
			want: []ev{{typ: "casualties", count: atLeast(2000), victims: "civilians", source: "OHCHR"}}},
		{name: "qualified-body",
			text: "Ukrainian officials said Russian forces had stepped up their offensive in the east.",
			want: []ev{{typ: "attack", actor: "RUS", targets: []string{"UKR"}, source: "Ukrainian officials"}}},
		{name: "article-spelling-of-a-name",
			text: "President Volodymyr Zelenskyy said 137 Ukrainians had been killed.",
			want: []ev{{typ: "casualties", targets: []string{"UKR"}, count: exactly(137), source: "Volodymyr Zelenskyy"}}},
	})
}

func TestModality(t *testing.T) {
	runCases(t, []caseT{
		{name: "negated-visit",
			text:    "Biden will not travel to Ukraine, the White House said.",
			want:    []ev{{typ: "visit", actor: "USA", targets: []string{"UKR"}, modality: model.ModalityNegated}},
			noFacts: true},
		{name: "hypothetical-aid-if",
			text: "If Russia invades, the United States would send more Javelin missiles to Ukraine.",
			want: []ev{{typ: "aid", actor: "USA", modality: model.ModalityHypothetical}},
			not:  []string{"aid"}},
		{name: "hope-is-hypothetical",
			text: "Kyiv hopes that Berlin might supply more air defence systems.",
			not:  []string{"aid"}},
		{name: "refused",
			text: "Hungary refused to send weapons to Ukraine.",
			not:  []string{"aid"}},
		{name: "ruled-out",
			text: "NATO ruled out sending troops to Ukraine.",
			not:  []string{"aid", "mobilize"}},
		{name: "would-be-attack",
			text: "Western officials fear an imminent Russian attack on Kyiv.",
			not:  []string{"attack"}},
		{name: "reported-modality",
			text: "Russian forces shelled Chernihiv, Ukrainian officials said.",
			want: []ev{{typ: "attack", actor: "RUS", targets: []string{"UKR"}, modality: model.ModalityReported}}},
		{name: "asserted-modality",
			text: "Russian forces shelled Chernihiv on Wednesday.",
			want: []ev{{typ: "attack", actor: "RUS", targets: []string{"UKR"}, modality: model.ModalityAsserted}}},
		{name: "planned-talks-are-facts-of-a-plan",
			text: "Russian and Ukrainian negotiators are expected to meet in Antalya on Thursday.",
			want: []ev{{typ: "talks", actor: "RUS", targets: []string{"UKR"}, status: "planned", modality: model.ModalityPlanned}}},
		{name: "no-events-in-background",
			text:    "The war has driven up the price of wheat. Analysts expect markets to stay volatile.",
			noFacts: true},
	})
}

// TestUnnamedSubjectIsNotANamedSource checks that in "..., the government
// said" the source is not a name found further back (the recipient).
func TestUnnamedSubjectIsNotANamedSource(t *testing.T) {
	for _, text := range []string{
		"Norway will send 2,000 anti-tank weapons to Ukraine, the government said on Monday.",
		"Norway will send 2,000 anti-tank weapons to Ukraine, officials said.",
		"Norway will send 2,000 anti-tank weapons to Ukraine, the ministry has said.",
	} {
		evs := extractCase(caseT{name: "unnamed", text: text})
		if len(evs) == 0 {
			t.Errorf("%q: no event", text)
			continue
		}
		for _, e := range evs {
			if e.Source != nil && (e.Source.Name == "Ukraine" || e.Source.Name == "Norway") {
				t.Errorf("%q: source %q, a name before the subject of \"said\"", text, e.Source.Name)
			}
		}
	}
}

// TestPressingIsNotDemanding checks that an army pressing an assault
// demands nothing, while a government pressing for sanctions does.
func TestPressingIsNotDemanding(t *testing.T) {
	runCases(t, []caseT{
		{name: "pressed-an-assault", text: "Russian troops pressed their assault on Sievierodonetsk on Wednesday.", not: []string{"demand"}},
		{name: "pressed-for-sanctions", text: "Poland pressed for tougher sanctions on Russia on Wednesday.",
			want: []ev{{typ: "demand", actor: "POL"}}},
	})
}

// TestPairBlamesEachOther checks "X and Y blamed each other": each accuses
// the other, and each alleged attack is on the other side.
func TestPairBlamesEachOther(t *testing.T) {
	runCases(t, []caseT{
		{name: "pair-blamed-each-other", text: "Ukraine and Russia blamed each other for the attacks on the plant.",
			want: []ev{
				{typ: "accuse", actor: "UKR", targets: []string{"RUS"}},
				{typ: "accuse", actor: "RUS", targets: []string{"UKR"}},
				{typ: "attack", actor: "UKR", targets: []string{"RUS"}},
				{typ: "attack", actor: "RUS", targets: []string{"UKR"}},
			}},
	})
}

// TestSourceAcrossWhile checks that a source speaks across "while" for a
// clause without a subject of its own, and not for one with its own.
func TestSourceAcrossWhile(t *testing.T) {
	runCases(t, []caseT{
		{name: "governor-said-killed-while-wounded",
			text: "The local governor, Andriy Raikovych, said two guards were killed in Kropyvnytskyi, while 13 other people were wounded.",
			want: []ev{{typ: "casualties", outcome: "wounded", count: exactly(13), source: "Andriy Raikovych"}}},
	})
	evs := extractCase(caseT{name: "while-britain", text: "Germany said it would deliver three more rocket launchers to Ukraine, while Britain pledged another batch of M270 launchers."})
	found := false
	for _, e := range evs {
		if e.Type == "aid" && e.Actor != nil && e.Actor.Code == "GBR" {
			found = true
			if e.Source != nil && e.Source.Name == "Germany" {
				t.Errorf("Britain's pledge attributed to Germany")
			}
		}
	}
	if !found {
		t.Error("no British aid event")
	}
}

// TestDemandedActIsNoFact checks that what a demand asks for is not
// reported as having happened, while the demand is.
func TestDemandedActIsNoFact(t *testing.T) {
	runCases(t, []caseT{
		{name: "urged-to-impose-sanctions",
			text: "Zelenskiy urged Western leaders to impose sanctions on Moscow now rather than after an invasion.",
			want: []ev{{typ: "demand", actor: "UKR"}},
			not:  []string{"sanction"}},
		{name: "asked-to-send-jets",
			text: "Kuleba asked Poland to send its MiG-29 fighter jets to Ukraine.",
			not:  []string{"aid"}},
		{name: "imposed-sanctions-is-a-fact",
			text: "Canada imposed new sanctions on Moscow on Monday.",
			want: []ev{{typ: "sanction", actor: "CAN", targets: []string{"RUS"}}}},
	})
}

// TestPronounSources checks that "it said" and "they said" take the body
// that spoke just before, and that "he said" keeps the person.
func TestPronounSources(t *testing.T) {
	runCases(t, []caseT{
		{name: "it-is-the-ministry",
			text: "Ukraine's defence ministry said on Tuesday that Russian forces had shelled Kharkiv overnight. It also said a Russian drone hit a fuel depot near Lviv.",
			want: []ev{
				{typ: "attack", actor: "RUS", source: "Ministry of Defence of Ukraine"},
				{typ: "attack", actor: "RUS", source: "Ministry of Defence of Ukraine", date: "2022-03-01"},
			}},
		{name: "they-is-the-body",
			text: "The Kremlin said Russian troops were advancing. They said Ukrainian artillery shelled Donetsk on Monday.",
			want: []ev{{typ: "attack", actor: "UKR", source: "Kremlin"}}},
	})
}

// TestNumberAsSubject checks that a number standing alone as a subject
// points back at the people just named, and that a duration does not keep
// the date of the story from carrying over.
func TestNumberAsSubject(t *testing.T) {
	runCases(t, []caseT{
		{name: "the-two-met",
			text: "Antony Blinken and Lloyd Austin arrived in Kyiv on Sunday. The two met President Zelenskyy for about three hours.",
			want: []ev{{typ: "meet", actor: "USA", targets: []string{"UKR"}, date: "2022-02-27"}}},
		{name: "the-two-not-the-dateline",
			text: "PRZEMYSL, Poland (Harbour Wire) — Two American cabinet secretaries, Antony Blinken and Lloyd Austin, crossed into Ukraine by train on Sunday. The two met President Zelenskyy in Kyiv.",
			want: []ev{{typ: "meet", actor: "USA", targets: []string{"UKR"}}},
			not:  []string{"meet:POL"}},
	})
}

// TestMeetingPhrases checks phrases that tell of a meeting without the
// verb "meet".
func TestMeetingPhrases(t *testing.T) {
	runCases(t, []caseT{
		{name: "news-conference-with",
			text: "Guterres held a joint news conference with President Zelenskyy in Kyiv on Thursday.",
			want: []ev{{typ: "meet", actor: "UN", targets: []string{"UKR"}}}},
		{name: "face-to-face",
			text: "Scholz came face to face with Putin across a long table in the Kremlin on Tuesday.",
			want: []ev{{typ: "meet", actor: "DEU", targets: []string{"RUS"}}}},
	})
}

// TestItIsTheBodyBefore checks that "it" as a subject points back at a
// body named as the previous sentence's subject, not at a state named
// elsewhere.
func TestItIsTheBodyBefore(t *testing.T) {
	runCases(t, []caseT{
		{name: "it-denied",
			text: "Russia's defence ministry said its jets had struck an arms depot near Lviv on Sunday, not far from Ukraine's border with Poland. It denied hitting any homes.",
			want: []ev{{typ: "deny", actor: "RUS"}},
			not:  []string{"deny:UKR", "deny:POL"}},
	})
}

// TestChargeWords checks words of condemnation that make the speaker
// accuse whoever the charged act is of.
func TestChargeWords(t *testing.T) {
	runCases(t, []caseT{
		{name: "barbarism",
			text: "Zelenskyy called the Russian strike on the grain port an act of pure barbarism on Saturday.",
			want: []ev{{typ: "accuse", actor: "UKR", targets: []string{"RUS"}}}},
		{name: "nuclear-terrorism",
			text: "Ukraine's energy minister called Russia's shelling of the nuclear plant an act of nuclear terrorism.",
			want: []ev{{typ: "accuse", actor: "UKR", targets: []string{"RUS"}}}},
		{name: "place-in-apposition-is-not-charged",
			text: "Killings by Russian troops in the towns west of the capital, Kyiv, have already led to war crimes trials.",
			not:  []string{"accuse:RUS>UKR"}},
		{name: "crimes-against-humanity",
			text: "The Czech foreign minister said the Russian shelling of Kharkiv amounted to crimes against humanity.",
			want: []ev{{typ: "accuse", actor: "CZE", targets: []string{"RUS"}}}},
	})
}

// TestWentTo checks "went to" as a visit only where it goes to a place.
func TestWentTo(t *testing.T) {
	runCases(t, []caseT{
		{name: "went-to-a-capital",
			text: "Iranian President Ebrahim Raisi went to Moscow in January for talks on energy.",
			want: []ev{{typ: "visit", actor: "IRN", targets: []string{"RUS"}}}},
		{name: "went-to-court",
			text: "Ukrainian President Volodymyr Zelenskyy went to court over the decree.",
			not:  []string{"visit"}},
		{name: "aid-went-to-hospitals",
			text: "Most of the aid went to hospitals in Lviv, officials said.",
			not:  []string{"visit"}},
	})
}

// TestCriticism checks that criticising a party accuses it.
func TestCriticism(t *testing.T) {
	runCases(t, []caseT{
		{name: "criticised-object",
			text: "Ukraine's foreign minister criticised Hungary on Tuesday for blocking the new sanctions package.",
			want: []ev{{typ: "accuse", actor: "UKR", targets: []string{"HUN"}}}},
		{name: "criticised-by-agent",
			text: "Switzerland was sharply criticised by the EU for its refusal to freeze more assets.",
			want: []ev{{typ: "accuse", actor: "EU", targets: []string{"CHE"}}}},
	})
}

// TestThreatWithNoTargetNamed checks that a warring party's threat with
// no target named is against the other side, and that another state's
// threat gets no such target.
func TestThreatWithNoTargetNamed(t *testing.T) {
	runCases(t, []caseT{
		{name: "party-threat",
			text: "Putin warned on Sunday that Russia would strike new targets if the West delivered long-range rockets.",
			want: []ev{{typ: "threaten", actor: "RUS", targets: []string{"UKR"}}}},
		{name: "non-party-threat",
			text: "Erdogan again threatened on Tuesday to block the accession talks.",
			not:  []string{"threaten:TUR>UKR", "threaten:TUR>RUS"}},
		{name: "their-past-a-quotation-mark",
			text: "Though he had dropped his objections to Norway and Denmark joining the EU, Orban this week renewed threats to “halt” their accession unless Hungarian demands were met.",
			want: []ev{{typ: "threaten", actor: "HUN", targets: []string{"NOR", "DNK"}}},
			not:  []string{"threaten:HUN>EU"}},
	})
}

// TestTwoMeetAThird checks that two leaders named together who meet a
// third each meet that one, while the two sides of the war meeting with a
// host still hold talks with each other.
func TestTwoMeetAThird(t *testing.T) {
	runCases(t, []caseT{
		{name: "two-guests-one-host",
			text: "Erdogan and Guterres met Zelenskyy in Lviv on Thursday.",
			want: []ev{
				{typ: "meet", actor: "TUR", targets: []string{"UKR"}},
				{typ: "meet", actor: "UN", targets: []string{"UKR"}},
			},
			not: []string{"meet:TUR>UN"}},
		{name: "warring-sides-with-a-host",
			text: "Kuleba and Lavrov met in Antalya on Thursday with the Turkish foreign minister.",
			want: []ev{{typ: "talks", actor: "RUS", targets: []string{"UKR"}}}},
	})
}

// TestPersonAfterRole checks that a source named by role and then by name
// is the person, even one the lexicon does not know, and that a national
// adjective before the role does not hide the source.
func TestPersonAfterRole(t *testing.T) {
	runCases(t, []caseT{
		{name: "mayor-then-name",
			text: "A missile destroyed a hotel in Kramatorsk, according to its mayor Oleksandr Honcharuk.",
			want: []ev{{typ: "attack", source: "Oleksandr Honcharuk"}}},
		{name: "adjective-role-name",
			text: "Russian troops shelled two villages near Sloviansk on Monday, according to Ukrainian general Petro Vasylenko.",
			want: []ev{{typ: "attack", actor: "RUS", source: "Petro Vasylenko"}}},
	})
}

// TestSelfDenials checks that a side's statement that it did no harm, or
// that its own site was not attacked, is its denial, whatever form the
// negation takes.
func TestSelfDenials(t *testing.T) {
	runCases(t, []caseT{
		{name: "negated-object",
			text: "Russia's defence ministry said it had struck no civilian buildings in Chernihiv.",
			want: []ev{{typ: "deny", actor: "RUS"}},
			not:  []string{"attack:RUS"}},
		{name: "did-not-target",
			text: "The Kremlin said that Russian forces did not target residential areas.",
			want: []ev{{typ: "deny", actor: "RUS"}}},
		{name: "not-come-under-fire",
			text: "Russia's defence ministry said an ammunition store had exploded at the base in Crimea and that the base had not come under fire.",
			want: []ev{{typ: "deny", actor: "RUS"}}},
	})
}

// TestTradedBlame checks that two sides trading blame accuse each other.
func TestTradedBlame(t *testing.T) {
	runCases(t, []caseT{
		{name: "traded-blame",
			text: "Kyiv and Moscow traded blame on Friday for the shelling of the dam near Nova Kakhovka.",
			want: []ev{{typ: "accuse", actor: "UKR", targets: []string{"RUS"}}, {typ: "accuse", actor: "RUS", targets: []string{"UKR"}}}},
		{name: "exchanged-accusations",
			text: "Armenia and Azerbaijan exchanged accusations over the clashes on the border.",
			want: []ev{{typ: "accuse", actor: "ARM", targets: []string{"AZE"}}, {typ: "accuse", actor: "AZE", targets: []string{"ARM"}}}},
	})
}

// TestGenericSourcesAsWritten checks that an unnamed official or body is
// named as the article qualifies it: by its state or the place that owns
// it, the possessive dropped.
func TestGenericSourcesAsWritten(t *testing.T) {
	runCases(t, []caseT{
		{name: "state-official",
			text: "A US official accused Moscow on Friday of planning to stage a fake attack.",
			want: []ev{{typ: "accuse", actor: "USA", source: "US official"}}},
		{name: "place-owns-body",
			text: "Three civilians were killed in Russian shelling of Chuhuiv, Kharkiv's regional military administration said.",
			want: []ev{{typ: "casualties", source: "Kharkiv regional military administration"}}},
	})
}

// TestGroupSpeaks checks that a group named after its organisation is a
// source as that organisation, and that its charge against an attack
// already reported accuses the attacker.
func TestGroupSpeaks(t *testing.T) {
	runCases(t, []caseT{
		{name: "g7-charge",
			text: "A Russian missile hit a railway station in Kramatorsk on Friday. G7 leaders said on Friday the attack was a war crime.",
			want: []ev{{typ: "accuse", actor: "G7", targets: []string{"RUS"}, source: "G7"}},
			not:  []string{"accuse:G7>USA"}},
	})
}

// TestSubjectFarBeforeItsVerb checks that a source is found through the
// tree when a long phrase stands between it and its verb of reporting.
func TestSubjectFarBeforeItsVerb(t *testing.T) {
	runCases(t, []caseT{
		{name: "long-parenthesis",
			text: "Ukraine's foreign ministry, in a statement posted late on Sunday night after a day of talks, said Russian forces had shelled the plant again.",
			want: []ev{{typ: "attack", actor: "RUS", source: "Ministry of Foreign Affairs of Ukraine"}}},
	})
}

// TestPronounJoinedToAName checks that a meeting whose subject joins a
// pronoun and a name has both sides, the pronoun pointing back (or, when
// it would point at the same side as the name, ahead) to the other
// person; and that "the two men" are the last two people named.
func TestPronounJoinedToAName(t *testing.T) {
	runCases(t, []caseT{
		{name: "pronoun-points-back",
			text: "Emmanuel Macron landed in Ankara on Monday. He and Erdogan met for three hours at the presidential palace.",
			want: []ev{{typ: "meet", actor: "FRA", targets: []string{"TUR"}}}},
		{name: "cataphoric-pronoun",
			text: "Ebrahim Raisi hosted a dinner on Monday. When he and Mr. Raisi met a day later, Mr. Putin praised their ties.",
			want: []ev{{typ: "meet", actor: "RUS", targets: []string{"IRN"}}},
			not:  []string{"meet:IRN>IRN"}},
		{name: "the-two-men",
			text: "Joe Biden called Olaf Scholz in the morning. In the evening, Scholz flew to Washington, where the two men met at the White House.",
			want: []ev{{typ: "meet", actor: "USA", targets: []string{"DEU"}}}},
	})
}

// TestTripsRelativeClause checks that the places a relative clause of a
// trip names are where it goes. (The parser reads "X's trip, which
// included stops in ..." as a main clause, so that phrasing is not here.)
func TestTripsRelativeClause(t *testing.T) {
	runCases(t, []caseT{
		{name: "tour-takes-in",
			text: "The Russian foreign minister's tour, which goes on to Kenya, Algeria and Mali, is meant to win friends in Africa.",
			want: []ev{{typ: "visit", actor: "RUS", targets: []string{"KEN", "DZA", "MLI"}}}},
		{name: "visit-that-goes-on-to",
			text: "Blinken's visit, which continues on Tuesday in Riga and Vilnius, is his third to the region this year.",
			want: []ev{{typ: "visit", actor: "USA", targets: []string{"LVA", "LTU"}}}},
	})
}

// TestAskedForIsWhatTheTreeSays checks that what a demand asks for is read
// from the tree: the demand's own complement is only asked, while an
// event named further down ("a response to Thursday's strikes") happened,
// and "what they called a cyberattack" asks for nothing.
func TestAskedForIsWhatTheTreeSays(t *testing.T) {
	runCases(t, []caseT{
		{name: "response-to-strikes",
			text: "Dmytro Kuleba called for a tougher international response to Sunday's strikes on Lviv.",
			want: []ev{
				{typ: "demand", actor: "UKR"},
				{typ: "attack", actor: "RUS", targets: []string{"UKR"}},
			},
			not: []string{"attack:UKR"}},
		{name: "called-it-a-cyberattack",
			text: "Ukrainian officials said they had evidence that Moscow took part in what they called a large cyberattack on bank websites in Ukraine.",
			want: []ev{{typ: "cyberattack", actor: "RUS", targets: []string{"UKR"}}}},
		{name: "urged-to-strike-is-asked",
			text: "The general urged his government to strike the bridges over the river at once.",
			not:  []string{"attack"}},
		{name: "called-for-sanctions-is-asked",
			text: "Lithuania called for new sanctions on Russia on Monday.",
			want: []ev{{typ: "demand", actor: "LTU"}},
			not:  []string{"sanction"}},
	})
}

// TestQuestions checks that a yes-or-no question tells no event, that a
// question of "why" takes its event as given, and that reporting a
// question with "asked" is no demand.
func TestQuestions(t *testing.T) {
	runCases(t, []caseT{
		{name: "will-they-strike",
			text: "Will Russian forces strike Odesa next week?",
			not:  []string{"attack"}},
		{name: "did-they-send",
			text: "Did Norway send air defence systems to Ukraine last month?",
			not:  []string{"aid"}},
		{name: "why-presupposes",
			text: "Why did Russian troops shell the maternity hospital in Mariupol?",
			want: []ev{{typ: "attack", actor: "RUS", targets: []string{"UKR"}}}},
		{name: "asked-a-question",
			text: "“Why did Russian forces shell a school in Kharkiv?” the governor asked.",
			not:  []string{"demand"}},
		{name: "asked-whether",
			text: "Joe Biden asked his advisers whether they backed Finland's bid to join Nato.",
			not:  []string{"demand"}},
		{name: "has-to-say",
			text: "Sergei Lavrov said he would listen to what Antony Blinken has to say.",
			not:  []string{"demand"}},
		{name: "appeal-against-a-verdict",
			text: "The two Britons, held by Russia, are preparing an appeal against the verdict.",
			not:  []string{"demand"}},
		{name: "appealed-for-help",
			text: "Zelenskiy appealed to Germany on Monday for more air defence systems.",
			want: []ev{{typ: "demand", actor: "UKR"}}},
		{name: "urgently-is-no-urging",
			text: "Ukraine's grid operator said Russia must urgently stop its strikes on power stations.",
			not:  []string{"demand:RUS"}},
		{name: "asked-residents-to-leave",
			text: "Ukraine's deputy prime minister asked all residents of the occupied regions of Kherson and Zaporizhzhia to “leave by any means”.",
			want: []ev{{typ: "demand", actor: "UKR"}}},
		{name: "warned-against",
			text: "Iran's supreme leader warned Erdogan against a new incursion into Syria during their talks.",
			want: []ev{{typ: "demand", actor: "IRN", targets: []string{"TUR"}}}},
		{name: "warned-not-to",
			text: "Joe Biden warned Moscow not to use chemical weapons in Ukraine.",
			want: []ev{{typ: "demand", actor: "USA", targets: []string{"RUS"}}}},
		{name: "warned-of-famine",
			text: "The head of the World Food Programme warned of famine across Africa if Ukraine's ports stay closed.",
			not:  []string{"demand"}},
		{name: "asked-for-help",
			text: "Zelenskiy asked Nato for more air defence systems on Monday.",
			want: []ev{{typ: "demand", actor: "UKR"}}},
	})
}

// TestClaimNamesTheAgent checks that a claim accuses only an agent named
// in what is claimed: a side claiming its own success accuses nobody.
func TestClaimNamesTheAgent(t *testing.T) {
	runCases(t, []caseT{
		{name: "claimed-own-victory",
			text: "The Ukrainian army pulled back from Sievierodonetsk on Friday as Russia claimed a big win by taking control of the whole Luhansk region.",
			not:  []string{"accuse"}},
		{name: "claimed-the-other-side-struck",
			text: "Belarus claimed that Ukrainian forces had fired missiles at a military base near Mozyr.",
			want: []ev{{typ: "accuse", actor: "BLR", targets: []string{"UKR"}}}},
	})
}

// TestRankIsNoPartOfAName checks that a rank or its short form before an
// unknown person's name is not part of the source's name.
func TestRankIsNoPartOfAName(t *testing.T) {
	runCases(t, []caseT{
		{name: "lt-col",
			text: "Three Ukrainian soldiers were wounded near Izium, according to Lt Col Ivan Shevchuk.",
			want: []ev{{typ: "casualties", count: exactly(3), source: "Ivan Shevchuk"}}},
		{name: "maj-gen",
			text: "Two Ukrainian soldiers were killed near Bakhmut on Monday, said Maj Gen Petro Sydorenko.",
			want: []ev{{typ: "casualties", count: exactly(2), source: "Petro Sydorenko"}}},
	})
}

// TestMeetingSomeone checks that "meet" said of a measure is no meeting
// and that troops arriving somewhere pay no visit.
func TestMeetingSomeone(t *testing.T) {
	runCases(t, []caseT{
		{name: "meet-standards",
			text: "Slovakia will replace its Soviet-era jets as it works to meet Nato standards, its defence minister said.",
			not:  []string{"meet"}},
		{name: "meet-targets",
			text: "Germany will have to cut its gas use further to help the EU meet its storage targets.",
			not:  []string{"meet"}},
		{name: "meet-a-person",
			text: "Olaf Scholz will meet Emmanuel Macron in Paris on Friday.",
			want: []ev{{typ: "meet", actor: "DEU", targets: []string{"FRA"}}}},
		{name: "soldiers-arrive",
			text: "Ukrainian soldiers arrived in Bakhmut on Tuesday to reinforce the town's defenders.",
			not:  []string{"visit"}},
		{name: "minister-arrives",
			text: "Ukraine's foreign minister arrived in Warsaw on Tuesday for talks with his Polish counterpart.",
			want: []ev{{typ: "visit", actor: "UKR", targets: []string{"POL"}}}},
	})
}

// TestTalksWithNoParties checks that talks with no parties named are the
// warring sides' only when they are peace talks.
func TestTalksWithNoParties(t *testing.T) {
	runCases(t, []caseT{
		{name: "fraught-negotiations",
			text: "Russia's war has pushed up gas prices. After days of fraught negotiations, energy ministers agreed on Tuesday to cut gas use by a fifth. Ukraine welcomed the plan.",
			not:  []string{"talks"}},
		{name: "a-call-with-no-partner-named",
			text: "Russia's war in Ukraine entered its fifth month. Once the two leaders had spoken by phone, Zelenskiy thanked him in a statement.",
			not:  []string{"talks:UKR>RUS"}},
		{name: "i-is-the-speaker",
			text: "Russia's war in Ukraine entered its fifth month. Boris Johnson said: “This morning I have spoken to President Zelenskiy about what comes next.”",
			want: []ev{{typ: "talks", actor: "GBR", targets: []string{"UKR"}}},
			not:  []string{"talks:RUS"}},
		{name: "peace-talks",
			text: "Russia's war in Ukraine entered its fifth month. Officials said peace talks would resume in Istanbul next week.",
			want: []ev{{typ: "talks", actor: "RUS", targets: []string{"UKR"}}}},
	})
}

// TestHeIsAPerson checks that "he said" points back at a person, not at a
// channel or a council the lexicon does not know, and that a religious
// title is no part of a name.
func TestHeIsAPerson(t *testing.T) {
	runCases(t, []caseT{
		{name: "interview-with-a-channel",
			text: "Zelenskiy admitted the scale of the losses when he spoke to the Lakeshore TV channel. “We are losing up to 100 soldiers a day,” he said.",
			want: []ev{{typ: "casualties", source: "Volodymyr Zelenskiy"}}},
		{name: "ayatollah",
			text: "Twelve civilians were killed in Russian strikes on Kharkiv, Ayatollah Mahmoud Rezaei said in a sermon.",
			want: []ev{{typ: "casualties", count: exactly(12), source: "Mahmoud Rezaei"}}},
	})
}

// TestSubjectOfTheReportingVerb checks that the source is the tree's
// subject of the reporting verb, not a party named last before the verb
// inside the subject's apposition, while a name in apposition to the
// subject still names it.
func TestSubjectOfTheReportingVerb(t *testing.T) {
	runCases(t, []caseT{
		{name: "apposition-names-another-party",
			text: "The governor of the Kharkiv region, one of the areas hardest hit by Russia's offensive, said three civilians had been killed overnight.",
			want: []ev{{typ: "casualties", count: exactly(3), source: "governor"}}},
		{name: "name-in-apposition",
			text: "The head of Ukraine's state railways, Oleksandr Kamyshin, said four stations had been hit by Russian missiles on Monday.",
			want: []ev{{typ: "attack", actor: "RUS", source: "Oleksandr Kamyshin"}}},
	})
}

// TestTargetsJoinedByTheTree checks that parties the tree joins as
// conjuncts with words other than "and" are all targets.
func TestTargetsJoinedByTheTree(t *testing.T) {
	runCases(t, []caseT{
		{name: "trilateral-counterparts",
			text: "Erdogan held talks with his Iranian and Russian counterparts on Tuesday at a summit in Tehran.",
			want: []ev{{typ: "talks", actor: "TUR", targets: []string{"IRN", "RUS"}}}},
		{name: "call-with-two",
			text: "Macron held an 80-minute phone call with Putin and German chancellor Olaf Scholz on Saturday.",
			want: []ev{{typ: "talks", actor: "FRA", targets: []string{"RUS", "DEU"}}}},
	})
}

// TestMetForTalks checks that "met X for talks" tells talks between the
// two, however the talks' topic is hedged in a relative clause, while a
// hedge over the talks themselves still makes them hypothetical.
func TestMetForTalks(t *testing.T) {
	runCases(t, []caseT{
		{name: "met-for-talks",
			text: "Emmanuel Macron met Olaf Scholz for talks that were expected to cover energy prices.",
			want: []ev{
				{typ: "meet", actor: "FRA", targets: []string{"DEU"}},
				{typ: "talks", actor: "FRA", targets: []string{"DEU"}},
			}},
		{name: "talks-hedged",
			text: "Officials said talks between Kyiv and Moscow were possible within days.",
			not:  []string{"talks"}},
	})
}

// TestThreatNeedsAThreatener checks that "threaten" whose subject names
// no party tells no threat.
func TestThreatNeedsAThreatener(t *testing.T) {
	runCases(t, []caseT{
		{name: "feud-could-threaten",
			text: "The row has raised fears it could threaten wider cooperation on energy and revive Poland's tensions with Hungary.",
			not:  []string{"threaten"}},
		{name: "threatened-by-war",
			text: "Threatened by war and by drifting mines, freighters full of Ukrainian maize should leave Odesa within days.",
			not:  []string{"threaten"}},
		{name: "party-threatens",
			text: "Russia threatened on Monday to cut gas supplies to Lithuania if the transit ban stayed in place.",
			want: []ev{{typ: "threaten", actor: "RUS", targets: []string{"LTU"}}}},
	})
}
