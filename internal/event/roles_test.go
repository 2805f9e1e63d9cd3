package event

import (
	"testing"

	"github.com/sitrep-project/sitrep/internal/model"
)

// TestTreeRoles checks the roles read from the dependency tree (roles.go)
// on sentences whose word order misleads: subjects far from their verb,
// passives, control and relative clauses, event nouns with their owner,
// agent and patient. The sentences are written for the test.
func TestTreeRoles(t *testing.T) {
	runCases(t, []caseT{
		{name: "subject-shared-by-joined-verbs",
			text: "Russian artillery shelled the outskirts of Izium, where Ukrainian troops were dug in, and then struck Lviv on Thursday.",
			want: []ev{{typ: "attack", actor: "RUS", targets: []string{"UKR"}, date: "2022-03-03"}},
			not:  []string{"attack:UKR"}},
		{name: "subject-before-long-participle-phrase",
			text: "Poland, facing pressure from allies anxious about stocks in Germany and France, sent 60 tanks to Ukraine on Friday.",
			want: []ev{{typ: "aid", actor: "POL", targets: []string{"UKR"}}},
			not:  []string{"aid:DEU", "aid:FRA"}},
		{name: "control-verb-gives-its-subject",
			text: "Norway agreed on Monday to send air defence systems to Ukraine.",
			want: []ev{{typ: "aid", actor: "NOR", targets: []string{"UKR"}}}},
		{name: "object-of-urging-verb-is-the-actor",
			text: "Kyiv urged Berlin to deliver more howitzers to Ukraine.",
			not:  []string{"aid:UKR"}},
		{name: "relative-clause-subject",
			text: "Officials said the Netherlands, which had already sent howitzers, would supply 20 more armoured vehicles to Ukraine.",
			want: []ev{{typ: "aid", actor: "NLD", targets: []string{"UKR"}}}},
		{name: "passive-agent-far-after-the-verb",
			text: "The rail depot in Lviv was struck early on Sunday, according to the regional administration, by Russian cruise missiles.",
			want: []ev{{typ: "attack", actor: "RUS", targets: []string{"UKR"}}}},
		{name: "passive-subject-is-the-target",
			text: "A Russian ammunition depot near Melitopol was destroyed by Ukrainian artillery overnight.",
			want: []ev{{typ: "attack", actor: "UKR", targets: []string{"RUS"}}},
			not:  []string{"attack:RUS"}},
		{name: "event-noun-possessor",
			text: "Russia's bombardment of Mykolaiv continued for a third day on Wednesday.",
			want: []ev{{typ: "attack", actor: "RUS", targets: []string{"UKR"}}}},
		{name: "event-noun-agent-after-by",
			text: "The bombardment of Kharkiv by Russian forces intensified on Tuesday, local officials said.",
			want: []ev{{typ: "attack", actor: "RUS", targets: []string{"UKR"}}},
			not:  []string{"attack:UKR"}},
		{name: "event-noun-demonym-and-on",
			text: "Ukrainian drone strikes on Belgorod damaged a fuel depot overnight, the Russian governor said.",
			want: []ev{{typ: "attack", actor: "UKR", targets: []string{"RUS"}}}},
		{name: "verb-object-target",
			text: "Moldova accused Russia on Thursday of violating its airspace.",
			want: []ev{{typ: "accuse", actor: "MDA", targets: []string{"RUS"}}}},
		{name: "oblique-target-after-to",
			text: "After weeks of debate, Canada finally delivered eight armoured vehicles to Ukraine this week.",
			want: []ev{{typ: "aid", actor: "CAN", targets: []string{"UKR"}}}},
		{name: "demonym-made-is-no-donor",
			text: "American-made rocket launchers arrived in Ukraine from Poland on Monday.",
			not:  []string{"aid:USA"}},
	})
}

// TestTriggersOfTheirPart checks the part of speech triggers.tsv declares
// for event nouns: the noun names the event, the verb of the same spelling
// does not.
func TestTriggersOfTheirPart(t *testing.T) {
	runCases(t, []caseT{
		{name: "adjective-offensive-is-no-attack",
			text: "Ukraine's foreign ministry called the Russian envoy's remarks deeply offensive on Tuesday.",
			not:  []string{"attack"}},
		{name: "noun-offensive-is-an-attack",
			text: "Russia's offensive in the Donbas slowed on Tuesday as Ukrainian troops held their lines.",
			want: []ev{{typ: "attack", actor: "RUS", targets: []string{"UKR"}}}},
		{name: "participle-describing-a-noun-is-no-talks",
			text: "Only a negotiated settlement can end the fighting in Ukraine, the Kremlin said on Monday.",
			not:  []string{"talks"}},
		{name: "verb-of-negotiating-is-talks",
			text: "Ukraine is negotiating with Russia over an exchange of prisoners, officials in Kyiv said.",
			want: []ev{{typ: "talks", actor: "RUS", targets: []string{"UKR"}}}},
		{name: "support-as-verb-is-no-aid",
			text: "Germany strongly supports Finland's bid to join Nato, the chancellor said on Monday.",
			not:  []string{"aid"}},
		{name: "support-as-noun-is-aid",
			text: "Germany announced new military support for Ukraine worth 500 million euros on Monday.",
			want: []ev{{typ: "aid", actor: "DEU", targets: []string{"UKR"}}}},
		{name: "aid-as-verb-of-help-is-no-package",
			text: "Poland's border guards said volunteers would aid Moldova in processing the arrivals.",
			not:  []string{"aid:POL"}},
	})
}

// TestTreeNegation checks negation read from the tree where it stands far
// from the trigger, past commas and infinitives.
func TestTreeNegation(t *testing.T) {
	runCases(t, []caseT{
		{name: "never-on-the-verb-an-infinitive-completes",
			text: "Germany never agreed with Poland to deliver tanks to Ukraine, officials said.",
			want: []ev{{typ: "aid", actor: "DEU", modality: "negated"}},
			not:  []string{"aid"}},
		{name: "no-before-event-noun",
			text: "There were no talks between Russian and Ukrainian officials this week, the Kremlin said.",
			not:  []string{"talks"}},
		{name: "not-negating-a-later-clause",
			text: "Officials did not say how many people had fled, but Poland received 50,000 refugees from Ukraine on Sunday.",
			want: []ev{{typ: "displacement", count: exactly(50000)}}},
	})
}

// TestReferenceOnly checks that the war's start named as a point in time
// is no new attack, while a past attack recalled with its place is.
func TestReferenceOnly(t *testing.T) {
	runCases(t, []caseT{
		{name: "since-the-invasion",
			text: "Exports of sunflower oil have collapsed since Russia invaded Ukraine in February, traders said.",
			not:  []string{"attack"}},
		{name: "first-since-the-war-began",
			text: "It was the largest exchange of prisoners since Russian troops crossed the border, Kyiv said.",
			not:  []string{"attack"}},
		{name: "recalled-attack-with-its-place",
			text: "It was the deadliest day in the region since Russian missiles struck the railway station in Kramatorsk in April.",
			want: []ev{{typ: "attack", actor: "RUS", targets: []string{"UKR"}}}},
	})
}

// TestSubjectNamesNoParty checks that when the tree gives an attack a
// subject that names no party, no entity elsewhere in the sentence becomes
// its actor.
func TestSubjectNamesNoParty(t *testing.T) {
	runCases(t, []caseT{
		{name: "weapon-subject-and-a-city-before",
			text: "The UN secretary general was visiting Kyiv when the missiles struck on Thursday evening.",
			not:  []string{"attack:UKR"}},
		{name: "fighting-subject",
			text: "In Sievierodonetsk, Ukrainian officials said, heavy fighting raged for a fourth day.",
			not:  []string{"attack:UKR"}},
	})
}

// TestLongAgentOfEventNoun checks the agent of an event noun read after
// "by" where the phrase is too long for the parser to attach.
func TestLongAgentOfEventNoun(t *testing.T) {
	runCases(t, []caseT{
		{name: "visit-by-two-leaders",
			text: "The visit to Lviv by Turkish President Recep Tayyip Erdogan and UN Secretary-General Antonio Guterres on Thursday brought the two men face to face with President Volodymyr Zelenskyy.",
			want: []ev{
				{typ: "visit", actor: "TUR", targets: []string{"UKR"}},
				{typ: "visit", actor: "UN", targets: []string{"UKR"}},
			}},
		{name: "not-across-a-verb",
			text: "The visit to Lviv was praised by Turkish officials on Thursday.",
			not:  []string{"visit:TUR"}},
	})
}

// TestAttackNounUnderComment checks that whoever condemns, reports or
// repels an attack is not its actor, while the subject of a support verb
// ("launched a strike") is.
func TestAttackNounUnderComment(t *testing.T) {
	runCases(t, []caseT{
		{name: "denounced-strike",
			text: "Zelenskiy denounced the strike on Odesa as barbarism on Sunday.",
			want: []ev{{typ: "attack", actor: "RUS", targets: []string{"UKR"}}},
			not:  []string{"attack:UKR"}},
		{name: "repelled-assault",
			text: "The Ukrainian garrison repelled an assault on Bakhmut overnight.",
			want: []ev{{typ: "attack", actor: "RUS", targets: []string{"UKR"}}},
			not:  []string{"attack:UKR"}},
		{name: "condemned-bombing",
			text: "The French foreign ministry condemned the bombing of the theatre in Mariupol.",
			not:  []string{"attack:FRA"}},
		{name: "stepped-up-shelling",
			text: "Russian troops stepped up their shelling of Kharkiv on Tuesday.",
			want: []ev{{typ: "attack", actor: "RUS", targets: []string{"UKR"}}}},
	})
}

// TestOneDayOfManyAttacks checks that a definite mention of an attack on
// one day, after attacks told in the plural or over a longer span, is an
// attack of its own and not a repeat of them.
func TestOneDayOfManyAttacks(t *testing.T) {
	two := []ev{{typ: "attack", actor: "RUS", targets: []string{"UKR"}}, {typ: "attack", actor: "RUS", targets: []string{"UKR"}}}
	runCases(t, []caseT{
		{name: "plural-then-dated",
			text: "Russian strikes on Kramatorsk have killed at least 12 people this month, the city council said. The 1 March strike on Kramatorsk's bus station was the deadliest.",
			want: two, only: []model.EventType{model.TypeAttack}},
		{name: "same-attack-told-twice",
			text: "A Russian missile struck the bus station in Kramatorsk on Tuesday, the city council said. The strike on the station left a crater in the square.",
			want: two[:1], only: []model.EventType{model.TypeAttack}},
		{name: "each-names-its-attacker",
			text: "Russian troops stormed a village outside Izium, the general staff said. Russian aircraft also bombed a fuel depot, it added.",
			want: two, only: []model.EventType{model.TypeAttack}},
		{name: "each-names-its-attacker-with-objects",
			text: "Russian artillery shelled a school north of the city. In a separate report, Russian forces destroyed two bridges over the river.",
			want: two, only: []model.EventType{model.TypeAttack}},
		{name: "second-names-no-attacker",
			text: "Russian artillery shelled a school north of the city. The shelling went on for hours.",
			want: two[:1], only: []model.EventType{model.TypeAttack}},
	})
}

// TestVisitAtHome checks that a leader's trip within their own country is
// a visit when the tree names the visitor, that "the city of X" names the
// place, and that a host named beside the place is no visitor.
func TestVisitAtHome(t *testing.T) {
	runCases(t, []caseT{
		{name: "president-visits-front-city",
			text: "President Volodymyr Zelenskyy visited the frontline city of Kharkiv on Sunday, his office said.",
			want: []ev{{typ: "visit", actor: "UKR", targets: []string{"UKR"}}}},
		{name: "city-of-names-the-place",
			text: "The Polish president visited the western city of Lviv on Tuesday.",
			want: []ev{{typ: "visit", actor: "POL", targets: []string{"UKR"}}}},
		{name: "host-is-no-visitor",
			text: "The three prime ministers met President Volodymyr Zelenskyy in the capital after visiting Bucha.",
			not:  []string{"visit:UKR>UKR"}},
	})
}

// TestHostWelcomes checks that a host's welcome tells the guest's visit:
// the object is the visitor, the place after "to" or "in" (or the host's
// state) is where.
func TestHostWelcomes(t *testing.T) {
	runCases(t, []caseT{
		{name: "welcomed-to-city",
			text: "Putin welcomed the Iranian president to Moscow on Wednesday for talks on energy.",
			want: []ev{{typ: "visit", actor: "IRN", targets: []string{"RUS"}}},
			not:  []string{"visit:RUS"}},
		{name: "welcomed-no-place",
			text: "Chancellor Olaf Scholz welcomed the Polish president on Friday.",
			want: []ev{{typ: "visit", actor: "POL", targets: []string{"DEU"}}}},
		{name: "welcomed-a-decision",
			text: "Kyiv welcomed the decision by Berlin on Friday.",
			not:  []string{"visit"}},
		{name: "welcomed-a-states-decision",
			text: "Zelenskyy welcomed Germany's decision to send more tanks.",
			not:  []string{"visit"}},
		{name: "received-tanks",
			text: "Kyiv received the first Polish tanks on Monday.",
			not:  []string{"visit"}},
	})
}

// TestSpeakerAbroad checks that a leader speaking in a city of another
// state is visiting it, and that speaking at home is no visit.
func TestSpeakerAbroad(t *testing.T) {
	runCases(t, []caseT{
		{name: "said-in-foreign-capital",
			text: "Lavrov said in Algiers on Monday after talks with his Algerian counterpart that Moscow would keep its grain promises.",
			want: []ev{{typ: "visit", actor: "RUS", targets: []string{"DZA"}}}},
		{name: "said-at-home",
			text: "Lavrov said in Moscow on Monday after talks with his Algerian counterpart that grain would flow.",
			not:  []string{"visit:RUS"}},
	})
}

// TestGroundTaken checks that a verb of taking ground tells an attack
// only when what is taken is a place, and that a pronoun for both sides
// names no attacker.
func TestGroundTaken(t *testing.T) {
	runCases(t, []caseT{
		{name: "captured-town",
			text: "Russian forces captured the town of Popasna on Saturday, the Ukrainian military said.",
			want: []ev{{typ: "attack", actor: "RUS", targets: []string{"UKR"}}}},
		{name: "retook-villages",
			text: "Ukrainian troops retook four villages near Kharkiv this week, the general staff said.",
			want: []ev{{typ: "attack", actor: "UKR"}}},
		{name: "established-control",
			text: "Russian troops have established full control over Lysychansk, the defence ministry in Moscow said.",
			want: []ev{{typ: "attack", actor: "RUS", targets: []string{"UKR"}}}},
		{name: "captured-soldiers",
			text: "Two British volunteers were captured by Russian forces near Mariupol in April.",
			not:  []string{"attack"}},
		{name: "captured-volunteer-near-city",
			text: "Russian forces captured a British volunteer near Mariupol, his family said.",
			not:  []string{"attack"}},
		{name: "seized-the-chance",
			text: "Moscow seized the chance to press its demands at the talks.",
			not:  []string{"attack"}},
		{name: "they-for-both-sides",
			text: "Russia and Ukraine have fought for the region for weeks. They have recaptured two villages near Izium, officials said.",
			not:  []string{"attack:UKR>RUS", "attack:RUS>UKR"}},
	})
}

// TestBodyIsTheAntecedent checks that "it" after a body that reports
// ("Ukraine's military said it had ...") is that body, not a state named
// in the sentence before, and that a state in an origin compound
// ("US-supplied") is never a target.
func TestBodyIsTheAntecedent(t *testing.T) {
	runCases(t, []caseT{
		{name: "military-said-it",
			text: "Washington shipped more rockets last week. The Ukrainian military said on Sunday that it had blown up two fuel depots near Melitopol.",
			want: []ev{{typ: "attack", actor: "UKR"}},
			not:  []string{"attack:USA"}},
		{name: "us-supplied-weapons",
			text: "Ukraine carried out strikes using US-supplied rockets on a bridge in the Kherson region on Tuesday.",
			want: []ev{{typ: "attack", actor: "UKR"}},
			not:  []string{"attack:UKR>USA"}},
	})
}

// TestMeetingOccasion checks that a leader who receives another hosts a
// visit, that a meeting or talks named as the occasion of a clause were
// held by its subject, and that words before the subject that look like
// a list are none when the tree joins nothing.
func TestMeetingOccasion(t *testing.T) {
	runCases(t, []caseT{
		{name: "received-guest",
			text: "Scholz received the Ukrainian prime minister in Berlin on Friday.",
			want: []ev{{typ: "visit", actor: "UKR", targets: []string{"DEU"}}}},
		{name: "received-aid-is-no-visit",
			text: "Ukraine received 20 howitzers from Canada on Friday.",
			not:  []string{"visit"}},
		{name: "during-a-meeting",
			text: "During a meeting with Erdogan in Ankara, the Swedish prime minister pledged to address Turkish concerns.",
			want: []ev{{typ: "meet", actor: "SWE", targets: []string{"TUR"}}}},
		{name: "after-talks-comma",
			text: "After talks with President Volodymyr Zelenskyy, the Polish prime minister told reporters that Warsaw stood by Kyiv.",
			want: []ev{{typ: "talks", actor: "POL", targets: []string{"UKR"}}},
			not:  []string{"talks:UKR"}},
	})
}

// TestAttackNounParts checks that an attack noun telling how a verb's
// attack was done is no attack of its own, and that nouns joined to an
// owned attack noun share its owner.
func TestAttackNounParts(t *testing.T) {
	runCases(t, []caseT{
		{name: "strikes-as-instrument",
			text: "Russia hit Odesa with cruise missile strikes hours after the grain deal was signed.",
			want: []ev{{typ: "attack", actor: "RUS", targets: []string{"UKR"}}},
			not:  []string{"attack:UKR"}},
		{name: "joined-attack-nouns",
			text: "Ukrainian troops are still holding out in the port, where thousands died under weeks of Russian siege and bombardment.",
			not:  []string{"attack:UKR"}},
	})
}

// TestAttackWordAsModifier checks that an attack word naming a unit or a
// weapon ("a strike force", "attack helicopters") tells no attack, while
// one that heads its phrase still does.
func TestAttackWordAsModifier(t *testing.T) {
	runCases(t, []caseT{
		{name: "strike-force",
			text: "Russia has begun assembling a strike force near Kryvyi Rih, Ukrainian officials said.",
			not:  []string{"attack"}},
		{name: "attack-helicopters",
			text: "Slovakia will hand Ukraine eight attack helicopters, its defence minister said.",
			not:  []string{"attack"}},
		{name: "attack-still-an-attack",
			text: "Russian troops attacked positions near Kryvyi Rih on Monday, Ukrainian officials said.",
			want: []ev{{typ: "attack", actor: "RUS", targets: []string{"UKR"}}}},
	})
}

// TestAdjectiveBeforeActiveAttack checks that a national adjective before
// an active attack verb or an attack noun is not read as the side struck
// (from which the other side would be guessed as the attacker), while a
// passive or "under" still puts the side struck first; a sanction's
// adjective stays its target, and a party "under sanctions" imposes none.
func TestAdjectiveBeforeActiveAttack(t *testing.T) {
	runCases(t, []caseT{
		{name: "pretext-for-attacking",
			text: "In his view, Russian security concerns were only a pretext for attacking a much weaker neighbour.",
			not:  []string{"attack:UKR"}},
		{name: "operations-then-offensives",
			text: "The ministry said Russian operations in the east would not go better than the earlier offensives around Kyiv.",
			not:  []string{"attack:UKR"}},
		{name: "adjective-owns-the-noun",
			text: "Western officials described the Russian push towards Sloviansk as the main offensive of the summer.",
			not:  []string{"attack:UKR"}},
		{name: "passive-keeps-the-target",
			text: "Russian positions near Izium were shelled overnight, the Ukrainian general staff said.",
			want: []ev{{typ: "attack", actor: "UKR", targets: []string{"RUS"}}}},
		{name: "under-strikes",
			text: "“Ukrainian towns are under strikes every night,” the governor said.",
			want: []ev{{typ: "attack", actor: "RUS", targets: []string{"UKR"}}}},
		{name: "under-bombardment",
			text: "The mayor said Ukrainian villages along the river remained under bombardment on Sunday.",
			want: []ev{{typ: "attack", actor: "RUS", targets: []string{"UKR"}}}},
		{name: "under-assault-names-no-attacker-before",
			text: "As Ukrainian soldiers held out in the factory, volunteers drove families out of a town under constant assault.",
			not:  []string{"attack:UKR"}},
		{name: "sanction-adjective-is-target",
			text: "The EU agreed on Friday to ban imports of Russian coal, its fifth round of sanctions.",
			want: []ev{{typ: "sanction", actor: "EU", targets: []string{"RUS"}}}},
		{name: "under-sanctions-imposes-none",
			text: "Tehran hopes to sign trade deals with Russian firms that have come under heavy western sanctions.",
			not:  []string{"sanction"}},
		{name: "despite-sanctions",
			text: "Russia's economy has held up better than expected despite western sanctions on Moscow, the IMF said.",
			not:  []string{"sanction"}},
		{name: "amid-sanctions",
			text: "Amid new EU sanctions on Russia, the rouble fell to a record low on Monday.",
			not:  []string{"sanction"}},
		{name: "talked-of-sanctions",
			text: "Yellen met Japan's finance minister on Tuesday to discuss the effect of sanctions on Russia.",
			not:  []string{"sanction"}},
		{name: "importance-of-sanctions",
			text: "Zelenskiy also spoke to Italy's prime minister and stressed the importance of sanctions on Russia.",
			not:  []string{"sanction"}},
		{name: "imposed-sanctions",
			text: "Japan has also frozen the assets of Vladimir Putin and imposed sanctions on Russia's central bank.",
			want: []ev{{typ: "sanction", actor: "JPN", targets: []string{"RUS"}}}},
		{name: "new-sanctions",
			text: "Canada announced new sanctions on Russia's defence industry on Monday.",
			want: []ev{{typ: "sanction", actor: "CAN", targets: []string{"RUS"}}}},
		{name: "sanctions-list",
			text: "The UK's sanctions list now also includes 12 Syrian officials accused of recruiting fighters.",
			want: []ev{{typ: "sanction", actor: "GBR", targets: []string{"SYR"}}}},
		{name: "hit-by-sanctions-is-sanctioned",
			text: "The tycoon was hit by EU sanctions on Russian oligarchs in March.",
			want: []ev{{typ: "sanction", actor: "EU", targets: []string{"RUS"}}}},
		{name: "both-under-sanctions",
			text: "Iran and Russia, both under American sanctions, pledged to expand trade.",
			not:  []string{"sanction"}},
	})
}

// TestAttackOwnedByAPronoun checks that an attack noun owned by "its" or
// "their" belongs to the subject of its clause, or else to the party
// named last before the pronoun.
func TestAttackOwnedByAPronoun(t *testing.T) {
	runCases(t, []caseT{
		{name: "stepping-up-its-attacks",
			text: "The governor said Russia was stepping up its attacks on civilians in the Donetsk region.",
			want: []ev{{typ: "attack", actor: "RUS", targets: []string{"UKR"}}},
			not:  []string{"attack:UKR"}},
		{name: "designate-for-its-attacks",
			text: "The Senate passed a resolution calling on Antony Blinken to designate Russia a sponsor of terrorism for its attacks in Ukraine.",
			want: []ev{{typ: "attack", actor: "RUS", targets: []string{"UKR"}}},
			not:  []string{"attack:USA"}},
		{name: "with-its-attack",
			text: "Macron said that by its attack on Ukraine, Moscow had torn up every agreement in Europe.",
			want: []ev{{typ: "attack", actor: "RUS", targets: []string{"UKR"}}}},
		{name: "their-offensive",
			text: "Russian troops fought their way into Sievierodonetsk on Tuesday, as their slow offensive in the east gathered pace.",
			not:  []string{"attack:UKR"}},
	})
}

// TestTheCityIsTheCapitalNamed checks that "the city" points back at a
// capital named as its state ("Kyiv") as at any other place, for a visit
// as for an attack.
func TestTheCityIsTheCapitalNamed(t *testing.T) {
	runCases(t, []caseT{
		{name: "visiting-the-city",
			text: "Russian missiles hit Kyiv on Thursday evening. The blasts were heard as the UN chief toured the city with the mayor.",
			want: []ev{{typ: "visit", actor: "UN", targets: []string{"UKR"}}}},
		{name: "struck-the-city",
			text: "Emmanuel Macron arrived in Kyiv on Thursday. Hours later, missiles struck the city, the mayor said.",
			want: []ev{{typ: "attack", targets: []string{"UKR"}}}},
	})
}
