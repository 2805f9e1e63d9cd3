package event

import (
	"testing"
	"time"

	"github.com/sitrep-project/sitrep/internal/model"
)

func TestAttack(t *testing.T) {
	runCases(t, []caseT{
		{name: "reporter-is-not-the-subject-of-joined-losses",
			text: "Ukraine's military said seven missiles had hit a shopping centre in Odesa late on Monday, killing one person and injuring five.",
			want: []ev{{typ: "casualties", outcome: "wounded", targets: []string{"UKR"}, count: exactly(5)}},
			not:  []string{"casualties:UKR>RUS"}},
		{name: "displaced-inside-the-country",
			text: "Another 8 million people were displaced inside Ukraine, the UN refugee agency said on Tuesday.",
			want: []ev{{typ: "displacement", actor: "-", targets: []string{"UKR"}, count: exactly(8e6)}}},

		// A bare number after "at" or "aged" is an age, not a toll.
		{name: "died-at-an-age-is-no-toll",
			text: "The former mayor of Kherson died at home on Saturday at 88, his family said.",
			not:  []string{"casualties"}},
		{name: "died-aged-is-no-toll",
			text: "A veteran of the Soviet war in Afghanistan, he died aged 79 in a Kyiv hospital.",
			not:  []string{"casualties"}},
		{name: "a-toll-put-at-a-figure-counts",
			text: "British intelligence now puts the Russian dead at about 15,000 since the invasion began.",
			want: []ev{{typ: "casualties", count: exactly(15000)}}},
		// The war's start, recalled months later, is no new attack.
		{name: "invasion-recalled-months-later",
			text: "The authorities detained the basketball player about a week before Russian forces invaded Ukraine.",
			date: time.Date(2022, 7, 1, 0, 0, 0, 0, time.UTC),
			not:  []string{"attack"}},
		{name: "invasion-reported-in-its-first-days",
			text: "Russian forces invaded Ukraine on Thursday from the north, east and south.",
			date: time.Date(2022, 2, 26, 0, 0, 0, 0, time.UTC),
			want: []ev{{typ: "attack", actor: "RUS", targets: []string{"UKR"}}}},
		{name: "a-new-invasion-of-a-place-is-an-attack",
			text: "Russian troops invaded the village of Bilohorivka on Tuesday after days of shelling.",
			date: time.Date(2022, 7, 1, 0, 0, 0, 0, time.UTC),
			want: []ev{{typ: "attack", actor: "RUS", targets: []string{"UKR"}}}},
		// A verb that keeps an attack going has the attacker as subject.
		{name: "kept-up-their-bombardment",
			text: "Russian forces kept up their bombardment along the front over the weekend, the regional governor said on Sunday.",
			want: []ev{{typ: "attack", actor: "RUS", targets: []string{"UKR"}}}},
		// "The city" points back at the place last named.
		{name: "the-city-of-the-mayor",
			text: "The mayor of Sloviansk said two rockets hit the city early on Sunday.",
			want: []ev{{typ: "attack", actor: "RUS", targets: []string{"UKR"}}}},
		{name: "the-town-named-a-sentence-before",
			text: "Firefighters worked through the night in Chuhuiv. On Tuesday morning two more missiles struck the town, the regional governor said.",
			want: []ev{{typ: "attack", actor: "RUS", targets: []string{"UKR"}}}},
		// With no side named, the place struck names the side hit.
		{name: "blasts-at-a-base-in-held-crimea",
			text: "Five months into the war, the fighting has reached the occupied peninsula. A series of explosions ripped through an air base on the west coast of Crimea on Tuesday. One person was killed and nine were injured, according to the Russian-installed head of the peninsula, as troops and missiles massed on both sides of the front.",
			want: []ev{
				{typ: "attack", targets: []string{"RUS"}},
				{typ: "casualties", targets: []string{"RUS"}, count: exactly(9), outcome: "wounded"},
			}},
		{name: "fired-from-a-place-is-no-target",
			text: "Missiles fired from the Belgorod region struck a fuel depot overnight, the regional governor said.",
			not:  []string{"attack:UKR>RUS"}},
		// A participle the tagger does not know, after "have".
		{name: "have-retaken-villages",
			text: "Ukrainian forces have retaken four villages north of Kherson, a Ukrainian general said on Monday.",
			want: []ev{{typ: "attack", actor: "UKR", targets: []string{"RUS"}}}},
		// "They" points back at a state's forces named by its adjective.
		{name: "they-after-the-states-forces",
			text: "Ukrainian troops are holding their lines near Bakhmut. They have retaken four villages north of Kherson since Monday.",
			want: []ev{{typ: "attack", actor: "UKR", targets: []string{"RUS"}}}},
		// The object of another verb is not the attacker.
		{name: "a-place-visited-does-not-attack",
			text: "The Austrian chancellor was visiting Kyiv on Thursday when the rockets hit.",
			not:  []string{"attack:UKR"}},
		{name: "blamed-for-an-attack-names-the-accused",
			text: "The Kremlin blamed Kyiv for a drone attack overnight on an oil depot in the Russian region of Kursk.",
			want: []ev{{typ: "attack", actor: "UKR", targets: []string{"RUS"}}},
			not:  []string{"attack:RUS"}},
		// What the accused is accused of doing, the accused did.
		{name: "blamed-for-attacking-names-the-accused",
			text: "Kyiv blamed Russian troops for attacking the railway station in Kramatorsk.",
			want: []ev{{typ: "attack", actor: "RUS", targets: []string{"UKR"}, status: "alleged"}},
			not:  []string{"attack:UKR"}},
		{name: "accusing-of-shelling-is-an-allegation",
			text: "The fighting has spread across the border, with Russian officials accusing Ukrainian forces on Sunday of shelling a village near Kursk.",
			want: []ev{{typ: "attack", actor: "UKR", targets: []string{"RUS"}, status: "alleged"}},
			not:  []string{"attack:RUS"}},
		// A sentence or a threat of death is no loss.
		{name: "sentenced-to-death-is-no-loss",
			text: "Two British volunteers were sentenced to death by a separatist court in Donetsk on Thursday.",
			not:  []string{"casualties"}},
		{name: "death-threats-are-no-loss",
			text: "The mayor of Melitopol said he had received death threats from Russian officers since March.",
			not:  []string{"casualties"}},
		// A word of people describing a thing names no victims' side.
		{name: "civilian-infrastructure-names-no-victims",
			text: "At least 12 people were killed in the Sumy region as a result of Russian strikes on civilian infrastructure, the governor said.",
			want: []ev{{typ: "casualties", actor: "RUS", targets: []string{"UKR"}, count: atLeast(12)}},
			not:  []string{"casualties:UKR>RUS"}},
		{name: "civilian-deaths-name-their-victims",
			text: "The UN has recorded 412 civilian deaths in Ukraine since the invasion began.",
			want: []ev{{typ: "casualties", targets: []string{"UKR"}, count: exactly(412), victims: "civilians"}}},
		// "Fired" with a person as its object dismisses.
		{name: "firing-a-minister-is-no-attack",
			text: "Ukraine's president fired his head of security and the prosecutor general on Sunday, citing treason cases in their agencies.",
			not:  []string{"attack"}},
		{name: "firing-missiles-is-an-attack",
			text: "Russian forces fired missiles at the port of Mykolaiv on Sunday.",
			want: []ev{{typ: "attack", actor: "RUS", targets: []string{"UKR"}}}},
		// A participle describing a place is no new attack.
		{name: "the-destroyed-city-is-described",
			text: "A French region has offered to rebuild the destroyed Ukrainian town of Irpin as a model of green housing.",
			not:  []string{"attack"}},
		// Agreeing to hold attacks back is no attack.
		{name: "withheld-attacks-are-no-attack",
			text: "Russian and Ukrainian negotiators agreed on Friday to withhold attacks on merchant ships using the three Black Sea ports.",
			not:  []string{"attack"}},
		{name: "refraining-from-strikes-is-no-attack",
			text: "Russian forces will refrain from strikes on Ukrainian ports while the grain ships sail, the Kremlin said.",
			not:  []string{"attack"}},
		{name: "active-with-date",
			text: "Russian forces shelled Kharkiv on Tuesday, the regional governor said.",
			want: []ev{{typ: "attack", actor: "RUS", targets: []string{"UKR"}, date: "2022-03-01"}}},
		{name: "passive-no-agent",
			text: "Kyiv was shelled overnight, the mayor said.",
			want: []ev{{typ: "attack", actor: "RUS", targets: []string{"UKR"}}},
			not:  []string{"attack:UKR"}},
		{name: "passive-with-agent",
			text: "The headquarters in Sevastopol was hit by a Ukrainian drone on Sunday, Russian officials said.",
			want: []ev{{typ: "attack", actor: "UKR", targets: []string{"RUS"}, date: "2022-02-27"}}},
		{name: "reduced-passive-headline-style",
			text: "Vinnytsia, hit by four cruise missiles early on Saturday, spent the day without water.",
			want: []ev{{typ: "attack", actor: "RUS", targets: []string{"UKR"}, date: "2022-02-26"}}},
		{name: "strike-on-russian-forces",
			text: "Ukrainian artillery struck a Russian fuel dump near Nova Kakhovka late on Thursday.",
			want: []ev{{typ: "attack", actor: "UKR", targets: []string{"RUS"}}},
			not:  []string{"attack:RUS"}},
		{name: "strike-on-occupied-place",
			text: "Ukrainian rockets hit a bridge in Kherson on Wednesday.",
			want: []ev{{typ: "attack", actor: "UKR", targets: []string{"RUS"}, date: "2022-03-02"}},
			not:  []string{"attack:UKR>UKR"}},
		{name: "counterattacks-adjective-is-actor",
			text: "Russian troops have faced Ukrainian counterattacks near Kherson.",
			want: []ev{{typ: "attack", actor: "UKR", targets: []string{"RUS"}}},
			not:  []string{"attack:RUS"}},
		{name: "anaphora-merged",
			text: "Russian missiles hit the port of Odesa on Saturday. The attack drew swift condemnation. It was the largest strike on the city since the war began.",
			want: []ev{{typ: "attack", actor: "RUS", targets: []string{"UKR"}, date: "2022-02-26"}},
			only: []model.EventType{"attack"}},
		{name: "repeat-same-place-merged",
			text: "Russian artillery pounded Mariupol on Monday. Officials in Mariupol said the shelling of the city had not stopped for hours.",
			want: []ev{{typ: "attack", actor: "RUS", targets: []string{"UKR"}}},
			only: []model.EventType{"attack"}},
		{name: "two-places-two-attacks",
			text: "Russian missiles hit Lviv on Saturday. On Sunday, Russian forces shelled Chernihiv.",
			want: []ev{
				{typ: "attack", actor: "RUS", targets: []string{"UKR"}, date: "2022-02-26"},
				{typ: "attack", actor: "RUS", targets: []string{"UKR"}, date: "2022-02-27"},
			},
			only: []model.EventType{"attack"}},
		{name: "later-mention-names-source",
			text: "A Ukrainian drone hit an airfield in Crimea. The strike was reported by Sergei Aksyonov, the Russian-installed head of the peninsula.",
			want: []ev{{typ: "attack", actor: "UKR", targets: []string{"RUS"}, source: "Sergei Aksyonov"}},
			only: []model.EventType{"attack"}},
		{name: "alleged",
			text: "Russian forces allegedly shelled the humanitarian corridor out of Mariupol.",
			want: []ev{{typ: "attack", actor: "RUS", targets: []string{"UKR"}, status: "alleged"}}},
		{name: "future-is-not-an-attack",
			text: "Putin said Russia would strike new targets in Ukraine.",
			not:  []string{"attack"}},
		{name: "negated-by-speaker-is-denial",
			text: "Lavrov repeated that Russia had not attacked Ukraine.",
			want: []ev{
				{typ: "attack", actor: "RUS", modality: model.ModalityNegated},
				{typ: "deny", actor: "RUS"},
			},
			not: []string{"attack"}},
		{name: "denied-attack",
			text: "Moscow has repeatedly denied targeting civilian areas.",
			want: []ev{{typ: "deny", actor: "RUS"}},
			not:  []string{"attack"}},
		{name: "possible-offensive",
			text: "Officials said a Russian offensive on Kyiv was possible within days.",
			not:  []string{"attack"}},
		{name: "historical",
			text: "Russian-backed separatists shelled the town in 2015.",
			not:  []string{"attack"}},
		{name: "besieged-is-an-adjective",
			text: "Thousands of civilians remain in the besieged city of Mariupol.",
			not:  []string{"attack"}},
		{name: "sanctions-targeted-are-not-attacks",
			text: "Previous rounds of sanctions have targeted Russia's energy sector.",
			not:  []string{"attack"}},
		{name: "with-absolute-clause",
			text: "Petro Andryushchenko claimed the agreement had been a trap, with Russian forces firing on the exit zone.",
			want: []ev{{typ: "attack", actor: "RUS", targets: []string{"UKR"}, source: "Petro Andryushchenko"}}},
		{name: "after-clause-takes-main-date",
			text: "Eleven people died on Monday after three Russian rockets struck a bus depot in Kostiantynivka, local officials said.",
			want: []ev{
				{typ: "attack", actor: "RUS", targets: []string{"UKR"}, date: "2022-02-28"},
				{typ: "casualties", actor: "RUS", targets: []string{"UKR"}, count: exactly(11), outcome: "killed", date: "2022-02-28"},
			}},
	})
}

func TestCasualties(t *testing.T) {
	runCases(t, []caseT{
		{name: "killed-and-wounded-split",
			text: "Four civilians were killed and nine wounded overnight when Russian shells fell on Nikopol, the regional police said.",
			want: []ev{
				{typ: "casualties", actor: "RUS", targets: []string{"UKR"}, count: exactly(4), outcome: "killed", victims: "civilians"},
				{typ: "casualties", actor: "RUS", targets: []string{"UKR"}, count: exactly(9), outcome: "wounded"},
			}},
		{name: "ages-are-not-counts",
			text: "A 63-year-old man and a 70-year-old woman died after shelling in Kharkiv.",
			want: []ev{{typ: "casualties", targets: []string{"UKR"}, count: exactly(2), outcome: "killed", victims: "civilians"}}},
		{name: "one-girl",
			text: "A seven-year-old girl was wounded by shrapnel in Kyiv, the mayor said.",
			want: []ev{{typ: "casualties", targets: []string{"UKR"}, count: exactly(1), outcome: "wounded", victims: "civilians"}}},
		{name: "possessive-counts-the-head",
			text: "Russian rockets hit an apartment building in Odesa on Sunday. The boy's mother died in the attack, Zelenskiy said.",
			want: []ev{{typ: "casualties", actor: "RUS", targets: []string{"UKR"}, count: exactly(1), outcome: "killed", source: "Volodymyr Zelenskiy"}}},
		{name: "russian-soldiers-side",
			text: "Ukraine's general staff said 498 Russian soldiers had been killed.",
			want: []ev{{typ: "casualties", targets: []string{"RUS"}, count: exactly(498), victims: "military", outcome: "killed"}},
			not:  []string{"casualties:RUS>RUS"}},
		{name: "place-in-russia",
			text: "On Sunday three people were killed in the Russian city of Kursk, its governor said.",
			want: []ev{{typ: "casualties", targets: []string{"RUS"}, count: exactly(3), date: "2022-02-27"}}},
		{name: "agent-after-trigger",
			text: "Thousands of people have died in Mariupol under Russian siege.",
			want: []ev{{typ: "casualties", actor: "RUS", targets: []string{"UKR"}, count: between(2000, 9999), outcome: "killed"}},
			not:  []string{"casualties:UKR"}},
		{name: "losses-after-attack",
			text: "Russian rockets hit a fuel depot in Lviv on Saturday. Five people were wounded, the governor said.",
			want: []ev{{typ: "casualties", actor: "RUS", targets: []string{"UKR"}, count: exactly(5), outcome: "wounded"}}},
		{name: "losses-after-ukrainian-strike",
			text: "A Ukrainian missile hit the Russian navy headquarters in Sevastopol. Five people were injured.",
			want: []ev{{typ: "casualties", actor: "UKR", targets: []string{"RUS"}, count: exactly(5)}}},
		{name: "dozens",
			text: "At least 25 detained soldiers were killed when the barracks exploded, and dozens more were maimed.",
			want: []ev{
				{typ: "casualties", count: atLeast(25), outcome: "killed", victims: "military"},
				{typ: "casualties", count: between(24, 99), outcome: "wounded"},
			}},
		{name: "forecast-is-not-a-toll",
			text: "Thousands could be killed if Russia attacks Kyiv, officials warned.",
			not:  []string{"casualties"}},
		{name: "no-one-killed",
			text: "No one was killed in the blast, the governor said.",
			not:  []string{"casualties"}},
		{name: "storey-is-not-a-count",
			text: "A Russian shell hit a nine-storey apartment block in Obolon early on Monday, killing two people.",
			want: []ev{{typ: "casualties", actor: "RUS", targets: []string{"UKR"}, count: exactly(2), date: "2022-02-28"}}},
		{name: "wounded-fighters-are-a-description",
			text: "Russian troops are blocking the removal of wounded Ukrainian marines from the port.",
			not:  []string{"casualties"}},
		{name: "source-by-role-named-earlier",
			text: "Serhiy Haidai, the governor of Luhansk, said the city was under fire. Four people were killed overnight, the governor said.",
			want: []ev{{typ: "casualties", targets: []string{"UKR"}, count: exactly(4), source: "Serhiy Haidai"}}},
	})
}

func TestDisplacementAndMobilize(t *testing.T) {
	runCases(t, []caseT{
		{name: "fled-since",
			text: "More than 1.5 million people have fled Ukraine since February 24, the UN refugee agency said.",
			want: []ev{{typ: "displacement", targets: []string{"UKR"}, count: atLeast(1.5e6), source: "UNHCR"}}},
		{name: "refugees-taken-in",
			text: "Poland has taken in more than 1.4 million refugees from Ukraine, the border guard said.",
			want: []ev{{typ: "displacement", targets: []string{"UKR"}, count: atLeast(1.4e6)}}},
		{name: "could-flee",
			text: "Up to five million people could flee Ukraine, the EU warned.",
			not:  []string{"displacement"}},
		{name: "internally-displaced",
			text: "Nearly two million people are internally displaced inside Ukraine, the IOM said.",
			want: []ev{{typ: "displacement", targets: []string{"UKR"}, count: upTo(2e6)}}},
		{name: "massed-troops",
			text: "Russia has massed more than 130,000 troops near Ukraine's borders, US officials said.",
			want: []ev{{typ: "mobilize", actor: "RUS", items: []string{"troops"}, count: atLeast(130000), source: "US officials"}}},
		{name: "troops-moved-into-belarus",
			text: "Some 30,000 Russian soldiers have been moved into Belarus for joint drills.",
			want: []ev{{typ: "mobilize", actor: "RUS", items: []string{"troops"}, count: exactly(30000)}}},
		{name: "army-size-is-not-mobilisation",
			text: "Ukraine's army has about 200,000 soldiers.",
			not:  []string{"mobilize"}},
	})
}

func TestCyberattack(t *testing.T) {
	runCases(t, []caseT{
		{name: "websites-hit",
			text: "Ukrainian government websites were hit by a cyberattack on Tuesday.",
			want: []ev{{typ: "cyberattack", targets: []string{"UKR"}, date: "2022-03-01"}},
			not:  []string{"attack"}},
		{name: "institutions-in-state",
			text: "Banks and schools in Estonia were hit by a denial-of-service attack on Friday, the national CERT said.",
			want: []ev{{typ: "cyberattack", targets: []string{"EST"}}},
			not:  []string{"attack"}},
		{name: "blamed-on-gru",
			text: "The United States on Friday blamed Russia's GRU for the cyberattacks on Ukrainian banks.",
			want: []ev{{typ: "accuse", actor: "USA", targets: []string{"RUS"}}}},
	})
}

// TestAttackPhrases checks attack words beyond the verbs of striking.
func TestAttackPhrases(t *testing.T) {
	runCases(t, []caseT{
		{name: "set-ablaze-by",
			text: "An oil terminal near Bryansk was set ablaze overnight by Ukrainian drones, the Russian governor said.",
			want: []ev{{typ: "attack", actor: "UKR", targets: []string{"RUS"}}}},
		{name: "slammed-into",
			text: "A Russian missile slammed into a shopping centre in Odesa on Monday.",
			want: []ev{{typ: "attack", actor: "RUS", targets: []string{"UKR"}}}},
		{name: "counteroffensive-noun",
			text: "Ukraine's counteroffensive in the south gained ground on Tuesday, officials in Kyiv said.",
			want: []ev{{typ: "attack", actor: "UKR", targets: []string{"RUS"}}}},
		{name: "car-bomb",
			text: "A car bomb killed a Russian-installed official in Melitopol on Friday, Moscow said.",
			want: []ev{{typ: "attack"}}},
	})
}

// TestCameUnderFire checks that the subject of "came under fire" is what
// was attacked, never the attacker.
func TestCameUnderFire(t *testing.T) {
	runCases(t, []caseT{
		{name: "town-came-under-shelling",
			text: "The town of Avdiivka came under heavy shelling on Tuesday, the regional governor said.",
			want: []ev{{typ: "attack", actor: "RUS", targets: []string{"UKR"}, date: "2022-03-01"}},
			not:  []string{"attack:UKR"}},
		{name: "russian-city-came-under-fire",
			text: "Belgorod came under fire from Ukrainian artillery overnight, the Russian governor said.",
			want: []ev{{typ: "attack", actor: "UKR", targets: []string{"RUS"}}},
			not:  []string{"attack:RUS"}},
	})
}

// TestLosses checks that whoever loses soldiers is the side that
// suffered, never the one that inflicted the losses.
func TestLosses(t *testing.T) {
	runCases(t, []caseT{
		{name: "state-lost-soldiers",
			text: "Ukraine's defence ministry said on Sunday that Russia had lost more than 12,000 soldiers since the invasion began.",
			want: []ev{{typ: "casualties", actor: "UKR", targets: []string{"RUS"}, outcome: "killed"}},
			not:  []string{"casualties:RUS>UKR"}},
		{name: "army-losing-men",
			text: "The Ukrainian army is losing up to 100 soldiers a day in the Donbas, a senior adviser said.",
			want: []ev{{typ: "casualties", targets: []string{"UKR"}, outcome: "killed"}},
			not:  []string{"casualties:UKR>RUS"}},
	})
}

// TestTollLevelAndLoans checks that a toll reached after a long noun
// phrase is counted, and that lending a state money is aid.
func TestTollLevelAndLoans(t *testing.T) {
	runCases(t, []caseT{
		{name: "toll-risen-to",
			text: "The death toll from Saturday's missile strike on the shopping centre in Kremenchuk had risen to 21, the regional governor said.",
			want: []ev{{typ: "casualties", count: exactly(21), outcome: "killed"}}},
		{name: "lend-money",
			text: "The World Bank agreed on Friday to lend Ukraine $1.5 billion to pay wages.",
			want: []ev{{typ: "aid", targets: []string{"UKR"}, money: &money{1.5e9, "USD"}}}},
	})
}

// TestPassiveSubjectFromTheTree checks that the target of a passive is
// the subject the tree gives it, not a party named before it in another
// role, and that a party inside the subject's phrase still is.
func TestPassiveSubjectFromTheTree(t *testing.T) {
	runCases(t, []caseT{
		{name: "addressee-is-no-target",
			text: "Zelenskyy told the UN Security Council that 22 civilians had been killed in the strike.",
			not:  []string{"casualties:>UN"}},
		{name: "possessor-in-subject",
			text: "Ukraine's second city was shelled again overnight, the regional governor said.",
			want: []ev{{typ: "attack", targets: []string{"UKR"}}}},
	})
}

// TestLossesRightAfterLosses checks that losses told with no side right
// after others take their sides.
func TestLossesRightAfterLosses(t *testing.T) {
	runCases(t, []caseT{
		{name: "others-wounded",
			text: "Twelve civilians were killed in Mykolaiv on Tuesday, the mayor said. Thirty others were wounded, the regional administration said.",
			want: []ev{{typ: "casualties", targets: []string{"UKR"}, count: exactly(30), outcome: "wounded"}}},
	})
}

// TestHeldPlaces checks that a strike with no attacker named on a place
// held by the other side since before 2022 hit that side, and that a
// place its own state holds is unchanged.
func TestHeldPlaces(t *testing.T) {
	runCases(t, []caseT{
		{name: "crimea-airbase",
			text: "A series of explosions hit an airbase in Yevpatoria on Tuesday, killing one person, local officials said.",
			want: []ev{{typ: "attack", actor: "UKR", targets: []string{"RUS"}}, {typ: "casualties", targets: []string{"RUS"}}},
			not:  []string{"attack:RUS>UKR", "casualties:RUS>UKR"}},
		{name: "ukrainian-held-city",
			text: "Shells hit a market in Kharkiv on Tuesday, killing three people, the governor said.",
			want: []ev{{typ: "attack", actor: "RUS", targets: []string{"UKR"}}}},
	})
}

// TestAgentIsNoVictim checks that the people after "by" did the killing:
// they are not the side that suffered it.
func TestAgentIsNoVictim(t *testing.T) {
	runCases(t, []caseT{
		{name: "school-bombed-by-russians",
			text: "Forty people were confirmed dead at a village school bombed by Russians on Saturday, the governor said.",
			want: []ev{{typ: "casualties", actor: "RUS", targets: []string{"UKR"}, count: exactly(40), outcome: "killed"}},
			not:  []string{"casualties:UKR"}},
		{name: "shot-by-ukrainian-soldiers",
			text: "Two Russian officers were killed by Ukrainian soldiers near Kherson, the regional military said.",
			want: []ev{{typ: "casualties", actor: "UKR", targets: []string{"RUS"}, count: exactly(2), outcome: "killed"}}},
	})
}

// TestDyingNamesNoKiller checks that the subject of the clause a death is
// told in (who counts or reports the dead) is not the killer, while "by"
// and an attack still name one; and that a death no violence caused is
// no casualty.
func TestDyingNamesNoKiller(t *testing.T) {
	runCases(t, []caseT{
		{name: "we-counted-the-dead",
			text: "“We have official figures – about 300 dead – but the real number is higher,” the Ukrainian governor said.",
			not:  []string{"casualties:UKR"}},
		{name: "office-said-children-died",
			text: "Ukraine's prosecutor general said at least 40 children had died in the region since March.",
			not:  []string{"casualties:UKR"}},
		{name: "died-in-strikes",
			text: "Nine people died in Russian strikes on Odesa overnight, the regional governor said.",
			want: []ev{{typ: "casualties", actor: "RUS", targets: []string{"UKR"}, count: exactly(9), outcome: "killed"}}},
		{name: "troops-who-murdered",
			text: "Russian troops murdered dozens of people in the village of Motyzhyn, survivors said.",
			want: []ev{{typ: "casualties", actor: "RUS", targets: []string{"UKR"}}},
			not:  []string{"casualties:UKR"}},
		{name: "impossible-to-count",
			text: "The Ukrainian mayor said it was hard to count civilian casualties while Russian shelling went on day and night.",
			not:  []string{"casualties:UKR", "attack:UKR"}},
		{name: "scooter",
			text: "A ten-year-old Ukrainian refugee died on Friday after being hit by a scooter in Lyon, police said.",
			not:  []string{"casualties"}},
		{name: "car-crash",
			text: "Two Ukrainian volunteers were killed in a car crash near Lviv on Sunday.",
			not:  []string{"casualties"}},
	})
}

// TestLaunchAndCriticise checks that "launched" tells an attack only when
// it launches a weapon, an attack or a war, and that "attacked" said of a
// person is criticism.
func TestLaunchAndCriticise(t *testing.T) {
	runCases(t, []caseT{
		{name: "launched-insurance",
			text: "Two London insurers said on Friday they had launched war insurance for grain cargoes leaving Odesa.",
			not:  []string{"attack"}},
		{name: "launched-a-criminal-case",
			text: "Russia has launched a criminal case against an opposition politician for spreading false news about the army.",
			not:  []string{"attack"}},
		{name: "launched-missiles",
			text: "Russia launched 12 cruise missiles at Kyiv overnight, the Ukrainian air force said.",
			want: []ev{{typ: "attack", actor: "RUS", targets: []string{"UKR"}}}},
		{name: "launched-an-operation",
			text: "Ukraine launched a military operation to retake the Kherson region on Monday.",
			want: []ev{{typ: "attack", actor: "UKR"}}},
		{name: "attacked-a-person",
			text: "The Russian embassy attacked Zelenskiy on Monday for comparing the war to the Second World War.",
			not:  []string{"attack"}},
	})
}

// TestDisplacedFromWhere checks that the owner of the displaced names the
// country they left, not an adjective of their hosts, and that "left
// thousands dead" counts the dead, not people who left.
func TestDisplacedFromWhere(t *testing.T) {
	runCases(t, []caseT{
		{name: "hosted-with-host-families",
			text: "Portugal is hosting more than 40,000 Ukrainian refugees, many of them living with Portuguese families.",
			want: []ev{{typ: "displacement", targets: []string{"UKR"}}},
			not:  []string{"displacement:>PRT"}},
		{name: "couple-of-bags",
			text: "Most of the families fled Ukraine with just a couple of bags, volunteers at the Polish border said.",
			not:  []string{"displacement"}},
		{name: "left-dead",
			text: "By Western estimates, Russia's invasion has left tens of thousands dead in Ukraine.",
			not:  []string{"displacement"}},
	})
}

// TestDisplacementFigures checks that two clearly different counts of the
// displaced are two movements, that round and exact forms of one figure
// are one, and that "managed to escape" tells displacement.
func TestDisplacementFigures(t *testing.T) {
	runCases(t, []caseT{
		{name: "two-convoys",
			text: "More than 300 civilians fled Mariupol in a convoy on Monday, the UN said. Another 60 people escaped from the nearby port of Berdiansk.",
			want: []ev{
				{typ: "displacement", targets: []string{"UKR"}, count: atLeast(300)},
				{typ: "displacement", targets: []string{"UKR"}, count: exactly(60)},
			},
			only: []model.EventType{model.TypeDisplacement}},
		{name: "round-and-exact",
			text: "About 100 civilians were evacuated from the plant in Mariupol, the Red Cross said. The UN later put the number evacuated at 101.",
			want: []ev{{typ: "displacement", targets: []string{"UKR"}}},
			only: []model.EventType{model.TypeDisplacement}},
		{name: "managed-to-escape",
			text: "More than 120 civilians managed to escape from the besieged steelworks in Mariupol on Sunday, officials said.",
			want: []ev{{typ: "displacement", targets: []string{"UKR"}, count: atLeast(120)}}},
	})
}

// TestCountTheTreeGives checks that the count of losses is the one the
// tree ties to the verb, not the number nearest it.
func TestCountTheTreeGives(t *testing.T) {
	runCases(t, []caseT{
		{name: "including-children",
			text: "At least 31 people, including four children, were killed in the Russian strike on Chasiv Yar, officials said.",
			want: []ev{{typ: "casualties", outcome: "killed", count: atLeast(31)}}},
		{name: "of-them-wounded",
			text: "About 60 people had been hiding in the basement and 40 were pulled out alive, nine of them wounded, after the Russian strike.",
			want: []ev{{typ: "casualties", outcome: "wounded", count: exactly(9)}}},
	})
}

// TestUsedToStrike checks that means used to strike tell a strike done.
func TestUsedToStrike(t *testing.T) {
	runCases(t, []caseT{
		{name: "used-drones-to-strike",
			text: "Russia used Iranian-made drones to strike the port of Odesa on Sunday, the Ukrainian navy said.",
			want: []ev{{typ: "attack", actor: "RUS", targets: []string{"UKR"}, date: "2022-02-27"}}},
		{name: "origin-is-no-actor",
			text: "Moscow says Kyiv fired US-supplied rockets at the detention camp.",
			not:  []string{"attack:USA"}},
		{name: "continued-to-hit",
			text: "The army command in Kyiv said Russian troops continued to shell the eastern suburbs of Kharkiv through Monday.",
			want: []ev{{typ: "attack", actor: "RUS", targets: []string{"UKR"}}}},
		{name: "plans-to-use-is-to-come",
			text: "Russia plans to use Iranian-made drones to strike the port of Odesa, the Ukrainian navy said.",
			not:  []string{"attack"}},
	})
}

// TestYearInAModifier checks that a year in a prefixed modifier ("the
// post-2014 regional capital") does not make an attack historical.
func TestYearInAModifier(t *testing.T) {
	runCases(t, []caseT{
		{name: "post-2014-capital",
			text: "Russian artillery pounded Sloviansk, the post-2014 seat of the regional police, two times last week.",
			want: []ev{{typ: "attack", actor: "RUS", targets: []string{"UKR"}}}},
	})
}
