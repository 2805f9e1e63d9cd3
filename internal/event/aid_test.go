package event

import (
	"testing"
	"time"

	"github.com/sitrep-project/sitrep/internal/model"
)

func TestAid(t *testing.T) {
	runCases(t, []caseT{
		{name: "value-of-the-shipment-in-the-next-sentence",
			text: "Slovenia delivered 10 ambulances and 5,000 blankets to Ukraine. The value of the shipment is estimated at EUR 1.2 million.",
			want: []ev{
				{typ: "aid", actor: "SVN", items: []string{"ambulance"}, qty: exactly(10), status: "delivered"},
				{typ: "aid", actor: "SVN", money: &money{1.2e6, "EUR"}, status: "delivered"},
			}},
		{name: "a-running-total-is-not-aid",
			text: "Four more ships carrying grain left Ukrainian ports on Friday under a deal brokered by Turkey, bringing the total to 16 since the first voyage on August 1.",
			not:  []string{"aid"}},
		// A loan or grant that heads a sentence without a verb, with its
		// amount, is the aid: the style of a tracker's record or a
		// summary line.
		{name: "grant-fragment-with-its-amount",
			text: "Grant of 12 million EUR to Ukraine for the repair of water pipes and pumping stations.",
			want: []ev{{typ: "aid", targets: []string{"UKR"}, money: &money{12e6, "EUR"}, mode: "financial"}}},
		{name: "amount-before-the-grant",
			text: "A 75 million CAD grant for Ukraine's power grid, to be paid through the World Bank over two years.",
			want: []ev{{typ: "aid", targets: []string{"UKR"}, money: &money{75e6, "CAD"}}}},
		{name: "loan-guarantee-fragment",
			text: "Loan guarantee of up to 500 million USD for Ukraine, to be drawn over three years.",
			want: []ev{{typ: "aid", targets: []string{"UKR"}, money: &money{500e6, "USD"}}}},
		{name: "a-firm-taking-out-a-loan-is-not-aid",
			text: "The Dutch logistics firm took out a loan of 40 million EUR to buy new trucks, its chief executive said.",
			not:  []string{"aid"}},
		{name: "a-loan-a-verb-tells-is-not-the-fragment-rule",
			text: "A loan of 40 million EUR was taken out by the bakery chain last spring to open new shops.",
			not:  []string{"aid"}},
		// One amount named through several words of one sentence is one
		// package; a participle describing it delivers nothing.
		{name: "one-amount-several-words",
			text: "The president signed a support package providing nearly $30bn in aid for Ukraine on Monday.",
			want: []ev{{typ: "aid", targets: []string{"UKR"}, money: &money{30e9, "USD"}, status: "pledged"}},
			only: []model.EventType{model.TypeAid}},
		{name: "one-amount-told-again-in-a-later-sentence",
			text: "The president signed a support package providing nearly $30bn in aid for Ukraine on Saturday. Lawmakers from both parties attended. The president signed a support package providing nearly $30bn in aid for Ukraine, his spokesperson said.",
			want: []ev{{typ: "aid", targets: []string{"UKR"}, money: &money{30e9, "USD"}, status: "pledged"}},
			only: []model.EventType{model.TypeAid}},
		{name: "a-verb-of-the-clause-says-what-happened-to-the-amount",
			text: "Washington has already delivered most of the $600m package that the president signed last month, a defence official said.",
			want: []ev{{typ: "aid", actor: "USA", money: &money{600e6, "USD"}, status: "delivered"}}},
		// A participle clause after the package tells what followed;
		// the package keeps its own event.
		{name: "participle-clause-after-the-package",
			text: "The House voted on Tuesday for a $12 billion aid package for Ukraine, sending the bill to the president.",
			want: []ev{{typ: "aid", targets: []string{"UKR"}, money: &money{12e9, "USD"}, status: "pledged"}},
			only: []model.EventType{model.TypeAid}},
		// A participle describing what was given before, in a sentence
		// about something else, is no new transfer.
		{name: "arms-delivered-before-are-described",
			text: "The missile strike destroyed a patrol boat and arms delivered by Washington, the Russian defence ministry said on Sunday.",
			not:  []string{"aid"}},
		{name: "systems-supplied-before-are-described",
			text: "Rocket launchers recently supplied by Britain have let Ukrainian gunners hit Russian depots far behind the front.",
			not:  []string{"aid"}},
		{name: "weapons-to-be-delivered-are-aid",
			text: "The bloc will for the first time pay for weapons to be delivered to Ukraine, its foreign policy chief said.",
			want: []ev{{typ: "aid", actor: "EU", items: []string{"weapons"}}}},
		{name: "a-fragment-with-its-participle-is-aid",
			text: "Loan guarantee of 60 million EUR provided through the World Bank for Ukraine.",
			want: []ev{{typ: "aid", money: &money{60e6, "EUR"}}}},
		// A recipient sitrep cannot place, named right after the verb,
		// is a firm or a person: no aid to a state.
		{name: "credit-granted-to-an-unknown-firm",
			text: "As part of the rescue, the government expanded the credit it granted Veltra to 9 billion euros, from 2 billion euros before.",
			not:  []string{"aid"}},
		{name: "a-loan-granted-to-a-state",
			text: "Germany granted Ukraine a loan of 1 billion euros on Friday, the finance ministry said.",
			want: []ev{{typ: "aid", actor: "DEU", targets: []string{"UKR"}, money: &money{1e9, "EUR"}}}},
		// "Support" is aid only with aid's kind, a party or an amount.
		{name: "support-of-a-bill-is-no-aid",
			text: "Farmers parked their tractors by the senator's office on Monday, angry at her support of the new farm bill.",
			not:  []string{"aid"}},
		{name: "military-support-is-aid",
			text: "Norway will give more military support to Ukraine, including 20 howitzers, its defence minister said.",
			want: []ev{{typ: "aid", actor: "NOR", targets: []string{"UKR"}}}},
		// Bare "dollars" said of a state that counts in its own dollars.
		{name: "canadian-bare-dollars",
			text: "Canada announced 98 million dollars in new military aid for Ukraine on Tuesday.",
			want: []ev{{typ: "aid", actor: "CAN", targets: []string{"UKR"}, money: &money{98e6, "CAD"}}}},
		{name: "german-bare-dollars-stay-us",
			text: "Germany announced 50 million dollars in humanitarian aid for Ukraine on Tuesday.",
			want: []ev{{typ: "aid", actor: "DEU", targets: []string{"UKR"}, money: &money{50e6, "USD"}}}},
		// A verb of giving with a noun of consent approves aid.
		{name: "gave-final-approval-is-a-pledge",
			text: "The Senate gave final approval on Thursday to $40 billion in military and economic aid for Ukraine.",
			want: []ev{{typ: "aid", targets: []string{"UKR"}, money: &money{40e9, "USD"}, status: "pledged"}}},
		{name: "gave-consent-is-a-pledge",
			text: "Parliament in Oslo gave its consent on Tuesday to 500 million euros of budget support for Ukraine.",
			want: []ev{{typ: "aid", targets: []string{"UKR"}, money: &money{500e6, "EUR"}, status: "pledged"}}},
		{name: "gave-items-is-a-delivery",
			text: "Norway gave 22 howitzers to Ukraine on Thursday, its defence minister said.",
			want: []ev{{typ: "aid", actor: "NOR", targets: []string{"UKR"}, items: []string{"howitzer"}, status: "delivered"}}},
		// A verb of giving compounded with a noun names a kind of thing.
		{name: "a-shipping-company-is-no-shipment",
			text: "A loan of 40 million EUR was taken out by the shipping company last spring to renew its fleet of Black Sea tankers.",
			not:  []string{"aid"}},
		{name: "supply-chains-are-no-supply",
			text: "Supply chains for 2,000 tonnes of Ukrainian sunflower oil were cut when Russian warships blockaded Odesa.",
			not:  []string{"aid"}},
		{name: "shipping-as-a-verb-still-gives",
			text: "Germany is shipping 50 howitzers to Ukraine this month, the defence ministry said.",
			want: []ev{{typ: "aid", actor: "DEU", targets: []string{"UKR"}, items: []string{"howitzer"}, qty: exactly(50)}}},
		{name: "own-forces-fund-is-not-aid",
			text: "Poland's president said on Monday that the country would put 20 billion zloty into a new fund for its armed forces.",
			not:  []string{"aid"}},
		{name: "own-defence-spending-is-not-aid",
			text: "Sweden will spend an extra 3 billion kronor on its own defence next year, the finance minister said on Tuesday.",
			not:  []string{"aid"}},
		{name: "fund-for-ukraine-is-aid",
			text: "Poland's president said on Monday that the country would put 200 million zloty into a fund for Ukraine's armed forces.",
			want: []ev{{typ: "aid", actor: "POL", targets: []string{"UKR"}, money: &money{200e6, "PLN"}}}},
		{name: "pledge-items-qty",
			text: "Germany will send 1,000 anti-tank weapons and 500 Stinger missiles to Ukraine, the chancellor said on Saturday.",
			want: []ev{
				{typ: "aid", actor: "DEU", targets: []string{"UKR"}, items: []string{"anti-tank weapon"}, qty: exactly(1000), status: "pledged", mode: "military"},
				{typ: "aid", actor: "DEU", items: []string{"Stinger"}, qty: exactly(500)},
			}},
		{name: "coordinated-donors-and-items",
			text: "Estonia, Latvia and Lithuania have sent Javelin and Stinger missiles to Ukraine.",
			want: []ev{
				{typ: "aid", actor: "EST", targets: []string{"UKR"}, items: []string{"Javelin", "Stinger"}, status: "delivered"},
				{typ: "aid", actor: "LVA", targets: []string{"UKR"}, items: []string{"Javelin", "Stinger"}},
				{typ: "aid", actor: "LTU", targets: []string{"UKR"}, items: []string{"Javelin", "Stinger"}},
			}},
		{name: "three-nations-point-back",
			text: "Estonia, Latvia and Lithuania met in Riga on Tuesday. The three nations said they would send more ammunition to Kyiv.",
			want: []ev{
				{typ: "aid", actor: "EST", targets: []string{"UKR"}, items: []string{"ammunition"}, status: "pledged"},
				{typ: "aid", actor: "LVA", items: []string{"ammunition"}},
				{typ: "aid", actor: "LTU", items: []string{"ammunition"}},
			}},
		{name: "passive-with-agent",
			text: "Two hundred Stinger missiles were delivered to Ukraine by the Netherlands on Monday.",
			want: []ev{{typ: "aid", actor: "NLD", targets: []string{"UKR"}, items: []string{"Stinger"}, status: "delivered", date: "2022-02-28"}}},
		{name: "money-humanitarian",
			text: "Japan pledged $100 million in emergency humanitarian aid for Ukraine on Tuesday.",
			want: []ev{{typ: "aid", actor: "JPN", targets: []string{"UKR"}, money: &money{100e6, "USD"}, status: "pledged", mode: "humanitarian", date: "2022-03-01"}}},
		{name: "money-other-currency",
			text: "Sweden will give 500 million Swedish kronor in budget support to Ukraine's central bank.",
			want: []ev{{typ: "aid", actor: "SWE", targets: []string{"UKR"}, money: &money{500e6, "SEK"}, mode: "financial", status: "pledged"}}},
		{name: "authorised-third-party",
			text: "Germany has authorised the Netherlands to send 400 anti-tank rocket launchers to Ukraine.",
			want: []ev{{typ: "aid", actor: "NLD", targets: []string{"UKR"}, status: "authorized"}},
			not:  []string{"aid:DEU"}},
		{name: "delivered-last-month",
			text: "Britain delivered 2,000 NLAW anti-tank weapons to Ukraine last month.",
			want: []ev{{typ: "aid", actor: "GBR", targets: []string{"UKR"}, items: []string{"NLAW"}, qty: exactly(2000), status: "delivered", date: "2022-02-01..2022-02-28"}}},
		{name: "planned",
			text: "Canada plans to send more artillery ammunition to Ukraine, officials said.",
			want: []ev{{typ: "aid", actor: "CAN", targets: []string{"UKR"}, items: []string{"ammunition"}, status: "planned"}}},
		{name: "package-continued",
			text: "The United States announced a $350 million military package for Ukraine on Saturday. The package includes Javelin missiles and body armour.",
			want: []ev{
				{typ: "aid", actor: "USA", targets: []string{"UKR"}, money: &money{350e6, "USD"}, status: "pledged", date: "2022-02-26"},
				{typ: "aid", actor: "USA", targets: []string{"UKR"}, items: []string{"Javelin", "body armour"}, status: "pledged"},
			}},
		{name: "negated-refusal",
			text: "Germany will not send Leopard 2 tanks to Ukraine, the defence ministry said.",
			want: []ev{{typ: "aid", actor: "DEU", items: []string{"Leopard 2"}, modality: model.ModalityNegated}},
			not:  []string{"aid"}},
		{name: "hypothetical-condition",
			text: "If Russia invades, Britain could send more anti-tank weapons to Ukraine.",
			not:  []string{"aid"}},
		{name: "calibre-is-not-a-count",
			text: "The Netherlands will send 155mm howitzers to Ukraine.",
			want: []ev{{typ: "aid", actor: "NLD", targets: []string{"UKR"}, items: []string{"howitzer"}}}},
		{name: "model-number-is-not-a-count",
			text: "Washington will supply M777 howitzers to Kyiv, the Pentagon said.",
			want: []ev{{typ: "aid", actor: "USA", targets: []string{"UKR"}, items: []string{"M777"}, source: "Pentagon"}}},
		{name: "historical-order",
			text: "Ukraine ordered six Bayraktar drones from Turkey in 2019.",
			not:  []string{"aid"}},
		{name: "received-from",
			text: "Ukraine has received a new batch of Bayraktar drones from Turkey, the defence minister said on Wednesday.",
			want: []ev{{typ: "aid", actor: "TUR", targets: []string{"UKR"}, items: []string{"Bayraktar"}, status: "delivered"}}},
		{name: "hedged-hundreds",
			text: "The US has sent hundreds of Stinger missiles to Ukraine, NBC News reported.",
			want: []ev{{typ: "aid", actor: "USA", targets: []string{"UKR"}, items: []string{"Stinger"}, qty: between(200, 999), source: "NBC News", status: "delivered"}}},
		{name: "up-to",
			text: "Norway will donate up to 2,000 M72 anti-tank weapons to Ukraine.",
			want: []ev{{typ: "aid", actor: "NOR", targets: []string{"UKR"}, items: []string{"M72 LAW"}, qty: upTo(2000), status: "pledged"}}},
		{name: "more-than",
			text: "Poland has delivered more than 200 Piorun launchers to Ukraine.",
			want: []ev{{typ: "aid", actor: "POL", targets: []string{"UKR"}, items: []string{"Piorun"}, qty: atLeast(200)}}},
		{name: "pronoun-it",
			text: "Sweden said on Sunday that it would send 5,000 anti-tank weapons to Ukraine.",
			want: []ev{{typ: "aid", actor: "SWE", targets: []string{"UKR"}, items: []string{"anti-tank weapon"}, qty: exactly(5000), status: "pledged"}}},
		{name: "repeat-merged",
			text: "Denmark will send 2,700 anti-tank weapons to Ukraine. The 2,700 anti-tank weapons will leave Denmark on Friday, the defence minister said.",
			want: []ev{{typ: "aid", actor: "DNK", targets: []string{"UKR"}, items: []string{"anti-tank weapon"}, qty: exactly(2700)}},
			only: []model.EventType{"aid"}},
		{name: "troops-are-not-aid",
			text: "Russia has sent more troops to its border with Ukraine.",
			not:  []string{"aid"}},
		{name: "food-prices-are-not-aid",
			text: "The war has sent food prices soaring across Africa.",
			not:  []string{"aid"}},
		{name: "recipient-named-first-is-not-donor",
			text: "Ukraine will receive 100 more Javelin missiles from the United States next week.",
			want: []ev{{typ: "aid", actor: "USA", targets: []string{"UKR"}, items: []string{"Javelin"}, qty: exactly(100)}},
			not:  []string{"aid:UKR"}},
		{name: "apposition-donor",
			text: "Latvia, a NATO member that borders Russia, has sent Stinger missiles to Ukraine.",
			want: []ev{{typ: "aid", actor: "LVA", targets: []string{"UKR"}, items: []string{"Stinger"}}}},
		{name: "loan-financial",
			text: "Canada announced a loan of up to CAD 500 million to Ukraine on Monday.",
			want: []ev{{typ: "aid", actor: "CAN", targets: []string{"UKR"}, mode: "financial", status: "pledged", date: "2022-02-28"}}},
		{name: "relative-clause-pledge-then-arrival",
			text: "The first shipment of the 1,000 anti-tank weapons that Germany promised on Saturday has arrived in Ukraine.",
			want: []ev{
				{typ: "aid", actor: "DEU", targets: []string{"UKR"}, items: []string{"anti-tank weapon"}, status: "delivered"},
			}},
		{name: "sanctions-total-is-not-aid",
			text: "The latest measures bring the total value of goods under British sanctions to more than £4bn.",
			not:  []string{"aid"}},
	})
}

// TestAidDateOfArticle checks that relative dates resolve against the
// article's own date.
func TestAidDateOfArticle(t *testing.T) {
	runCases(t, []caseT{
		{name: "yesterday",
			date: time.Date(2022, 3, 10, 0, 0, 0, 0, time.UTC),
			text: "Italy's cabinet yesterday approved sending Stinger missiles to Ukraine.",
			want: []ev{{typ: "aid", actor: "ITA", targets: []string{"UKR"}, items: []string{"Stinger"}, date: "2022-03-09", status: "pledged"}}},
	})
}

// TestValueNounTakesTheVerbsTense checks that "worth" after the verb of its
// clause adds no event of its own with another status.
func TestValueNounTakesTheVerbsTense(t *testing.T) {
	evs := extractCase(caseT{name: "worth", text: "Norway provided protective equipment, including helmets and body armour, worth 25 million kroner."})
	n := 0
	for _, e := range evs {
		if e.Type != "aid" {
			continue
		}
		n++
		if e.Status != "delivered" {
			t.Errorf("aid event with status %q: %s", e.Status, e.Evidence.Sentence)
		}
	}
	if n == 0 {
		t.Error("no aid event")
	}
}

// TestTroopsAreNotAidUnlessGiven checks that soldiers sent with no
// recipient named are a deployment (a mobilisation event), and soldiers
// sent to a state named as their recipient are help given to it.
func TestTroopsAreNotAidUnlessGiven(t *testing.T) {
	runCases(t, []caseT{
		{name: "troops-to-exercises",
			text: "Britain is sending 8,000 troops to exercises across eastern Europe, the defence ministry said on Tuesday.",
			want: []ev{{typ: "mobilize", actor: "GBR", count: exactly(8000)}},
			not:  []string{"aid"}},
		{name: "troops-arriving-for-drills",
			text: "Thousands of troops from Nato members arrived in Romania this week for long-planned drills.",
			not:  []string{"aid"}},
		{name: "soldiers-released",
			text: "Kyiv announced a prisoner swap on Wednesday that secured the release of 60 of its soldiers.",
			not:  []string{"aid", "mobilize"}},
		{name: "bodies-handed-over",
			text: "Russia said it would hand over the bodies of 80 Ukrainian soldiers found in the ruins of the plant.",
			not:  []string{"aid", "mobilize"}},
		{name: "soldiers-transferred-to-a-jail",
			text: "Dozens of Ukrainian soldiers were transferred to a detention centre in Taganrog, a Russian outlet reported.",
			not:  []string{"aid", "mobilize"}},
		{name: "troops-sent-to-the-recipient",
			text: "Canada has sent 40 special forces soldiers to Ukraine to train its army, officials said.",
			want: []ev{{typ: "aid", actor: "CAN", targets: []string{"UKR"}}}},
	})
}

// TestRecipientsOwnIsNotAid checks that goods the recipient's own
// adjective marks as its own are not given to it.
func TestRecipientsOwnIsNotAid(t *testing.T) {
	runCases(t, []caseT{
		{name: "own-ships-allowed-passage",
			text: "Turkey and the UN brokered a deal with Russia on Friday to allow Ukrainian ships safe passage through the Black Sea.",
			not:  []string{"aid"}},
		{name: "donors-own-goods-are-given",
			text: "Turkey delivered more Turkish drones to Ukraine on Friday, officials in Ankara said.",
			want: []ev{{typ: "aid", actor: "TUR", targets: []string{"UKR"}, items: []string{"drone"}}}},
	})
}

// TestTraineesAreTheRecipient checks that aid that trains another party's
// forces goes to that party, not to the country it is sent to, and that
// aid "being sent" is pledged, not delivered.
func TestTraineesAreTheRecipient(t *testing.T) {
	runCases(t, []caseT{
		{name: "instructors-to-third-country",
			text: "Norway is sending 40 instructors to Britain to train Ukrainian recruits, its defence ministry said.",
			want: []ev{{typ: "aid", actor: "NOR", targets: []string{"UKR"}, status: "pledged"}},
			not:  []string{"aid:NOR>GBR"}},
		{name: "training-of",
			text: "Denmark will fund the training of Ukrainian pilots in Romania, the Danish government announced.",
			want: []ev{{typ: "aid", actor: "DNK", targets: []string{"UKR"}}},
			not:  []string{"aid:DNK>ROU"}},
		{name: "training-in-of",
			text: "Denmark will fund the training in Poland of Ukrainian pilots, the Danish government announced.",
			want: []ev{{typ: "aid", actor: "DNK", targets: []string{"UKR"}}},
			not:  []string{"aid:DNK>POL"}},
	})
}

// TestPermitToGive checks that a permitting verb tells aid only when what
// it permits is a gift (an item, an amount or a word of giving), not a
// ship sailing, goods exported or troops crossing; and that a loan is
// extended as it is given, where sanctions and deadlines extended give
// nothing.
func TestPermitToGive(t *testing.T) {
	runCases(t, []caseT{
		{name: "ship-allowed-to-sail",
			text: "The joint centre in Istanbul said it had authorised the cargo ship to leave the port of Odesa with its load of maize.",
			not:  []string{"aid"}},
		{name: "export-allowed",
			text: "The accord signed in Istanbul on Friday will allow the export of some 20 million tonnes of grain stuck in Ukrainian silos.",
			not:  []string{"aid"}},
		{name: "troops-allowed-to-cross",
			text: "Collaborators removed the explosives from the bridge, allowing Russian tanks to cross the river.",
			not:  []string{"aid"}},
		{name: "authority-is-no-permit",
			text: "The port authority is checking the ship's papers to see whether the grain on board was stolen from Ukraine.",
			not:  []string{"aid"}},
		{name: "delivery-authorised",
			text: "Berlin authorised the delivery of 15 Gepard anti-aircraft guns to Kyiv on Tuesday.",
			want: []ev{{typ: "aid", actor: "DEU", targets: []string{"UKR"}, items: []string{"Gepard"}, status: "authorized"}}},
		{name: "loan-extended",
			text: "Japan extended a $600 million loan to Ukraine on Tuesday to keep its hospitals and schools running.",
			want: []ev{{typ: "aid", actor: "JPN", targets: []string{"UKR"}, money: &money{600e6, "USD"}}}},
		{name: "sanctions-extended",
			text: "The EU extended its sanctions on Russia by six months on Tuesday.",
			not:  []string{"aid"}},
		{name: "deadline-extended",
			text: "Turkey extended the deadline for the grain corridor talks until Friday.",
			not:  []string{"aid"}},
		{name: "amount-authorised",
			text: "President Biden authorised an additional $150 million in weapons for Ukraine on Friday.",
			want: []ev{{typ: "aid", actor: "USA", targets: []string{"UKR"}, money: &money{150e6, "USD"}}}},
	})
}
