package event

import "github.com/sitrep-project/sitrep/internal/model"

// A trigger class says how a trigger's words bear on the event's status.
type class uint8

const (
	// classAct: a verb of doing (send, shell, visit); tense and modals
	// decide whether it happened, is promised or is planned.
	classAct class = iota
	// classPledge: a verb of promising (pledge, promise, commit); the event
	// is pledged whatever the tense.
	classPledge
	// classAuthorize: allowing a third party to act (permit, allow, clear
	// the way); for aid the allowed party is the donor.
	classAuthorize
	// classNoun: a noun naming the event (aid, package, airstrike,
	// refugees); it fires only with the arguments its frame requires.
	classNoun
	// classContinue: a verb that continues the previous event of its type
	// (include, comprise): "the package includes 20 drones".
	classContinue
	// classClaim: a verb of claiming that accuses only when what is
	// claimed is a hostile act of another party: "Lukashenko claimed
	// Ukraine tried to strike Belarus".
	classClaim
	// classCharge: words that charge whoever they are said of ("war
	// criminal", "deliberately", "weaponise"): the speaker accuses the
	// party they are said of.
	classCharge
	// classModal: a modal of obligation said of another party: "Kuleba
	// said G7 countries should impose sanctions" is his demand of them.
	classModal
	// classReceive: a verb whose subject is the recipient and whose donor
	// follows "from": "Ukraine received drones from Turkey".
	classReceive
)

// trigger is one declared trigger phrase of a frame.
type trigger struct {
	phrase  string // lower-case words, space-separated; a final * matches any ending
	class   class
	outcome string // casualties: killed or wounded
}

// frame declares one event type: its triggers, what it needs to fire, and
// which arguments it takes. Every rule that decides an event's type lives
// here, so that --explain can name the declaration that fired and a reader
// can see at a glance what sitrep looks for.
type frame struct {
	typ      model.EventType
	triggers []trigger
	// needs says what a nominal trigger requires in its clause before it
	// fires: "item", "figure" (a count or money), "actor" or "" for nothing.
	needs string
	// targetPreps are the prepositions that introduce the target after the
	// trigger ("to Ukraine", "on Kyiv").
	targetPreps []string
	// objectTarget: an entity right after a verbal trigger is its target
	// ("shelled Kharkiv", "visited Poland", "accused Moscow").
	objectTarget bool
	// dyad: with no target in the text, the other side of the conflict
	// dyad is the target (talks, attacks between the warring parties).
	dyad bool
	// counts: the frame takes a count of people (casualties, displacement,
	// mobilisation) rather than item quantities.
	counts bool
	// ofPatient: the "of" phrase of the frame's event nouns is what the
	// event was done to ("the shelling of Kharkiv", "the siege of
	// Mariupol"), as "of" after a verb's noun is its object.
	ofPatient bool
}

func act(words ...string) []trigger       { return mk(classAct, words) }
func pledge(words ...string) []trigger    { return mk(classPledge, words) }
func authorize(words ...string) []trigger { return mk(classAuthorize, words) }
func noun(words ...string) []trigger      { return mk(classNoun, words) }
func cont(words ...string) []trigger      { return mk(classContinue, words) }
func claim(words ...string) []trigger     { return mk(classClaim, words) }
func charge(words ...string) []trigger    { return mk(classCharge, words) }
func modal(words ...string) []trigger     { return mk(classModal, words) }
func receive(words ...string) []trigger   { return mk(classReceive, words) }

func mk(c class, words []string) []trigger {
	out := make([]trigger, len(words))
	for i, w := range words {
		out[i] = trigger{phrase: w, class: c}
	}
	return out
}

func outcome(o string, ts []trigger) []trigger {
	for i := range ts {
		ts[i].outcome = o
	}
	return ts
}

func join(tss ...[]trigger) []trigger {
	var out []trigger
	for _, ts := range tss {
		out = append(out, ts...)
	}
	return out
}

// frames is the declaration of every event type sitrep extracts.
var frames = []frame{
	{
		typ: model.TypeAid,
		triggers: join(
			act("send", "sends", "sent", "sending", "deliver*", "supply", "supplies", "supplied", "supplying",
				"provide*", "providing", "give", "gives", "gave", "given", "giving", "donate*", "donating",
				"ship", "ships", "shipped", "shipping", "dispatch*", "transfer*", "hand over", "handed over",
				"hands over", "handing over", "contribute*", "contributing", "redirect*", "airlift*", "equip*",
				"arrived", "arrive", "arrives", "arriving", "allocate*", "allocating", "earmark*", "release*", "grant*",
				"finance*", "fund", "funded", "funds", "funding"),
			pledge("pledge*", "pledging", "promise*", "promising", "commit", "commits", "committed", "committing",
				"offer", "offers", "offered", "offering", "vow*", "approve*", "approving", "unveil*", "announce*", "announcing"),
			authorize("permit*", "permitting", "allow*", "authori*", "authorising", "authorizing", "cleared the way", "clear the way",
				"green light", "green-light*", "greenlit"),
			noun("aid", "assistance", "package", "packages", "delivery", "deliveries", "shipment", "shipments",
				"consignment", "consignments", "donation", "donations", "support", "weapons", "arms", "tranche",
				"worth", "valued", "value", "total", "provision", "purchase", "purchases", "contribution", "contributions",
				"loan", "loans", "grant", "grants", "budget support", "funding", "equipment"),
			cont("include", "includes", "included", "including", "comprise*", "comprising", "consist*", "contain*"),
			receive("received", "receives", "receive", "receiving", "took delivery of", "has taken delivery of"),
		),
		needs:        "item|figure",
		targetPreps:  []string{"to", "for", "into"},
		objectTarget: true,
	},
	{
		typ: model.TypeCasualties,
		triggers: join(
			outcome("killed", act("killed", "kill", "kills", "killing", "died", "die", "dies", "dead", "deaths", "death", "death toll", "lost",
				"lost their lives", "lost his life", "lost her life", "perished", "fatalities", "slain", "executed", "murdered", "massacred")),
			outcome("wounded", act("wounded", "injured", "injuring", "wounding", "hurt", "injuries", "injury", "maimed", "maiming")),
			outcome("", noun("casualties", "casualty", "victims")),
		),
		needs:  "figure|victims",
		counts: true,
	},
	{
		typ: model.TypeDisplacement,
		triggers: join(
			act("fled", "flee", "flees", "fleeing", "displaced", "evacuated", "evacuate*", "crossed into", "sought refuge",
				"left the country", "have left", "escaped"),
			noun("refugees", "refugee", "exodus", "displacement", "evacuees", "internally displaced"),
		),
		needs:       "figure",
		targetPreps: []string{"from"},
		counts:      true,
	},
	{
		typ: model.TypeMobilize,
		triggers: join(
			act("amass*", "massed", "massing", "mass", "deploy*", "deploying", "mobilized", "mobilised", "mobilize", "mobilise",
				"mobilizing", "mobilising", "stationed", "gathered", "concentrated", "moved", "inched closer", "positioned",
				"moving", "brought into", "surrounded", "surrounding", "ordered", "activated", "sent in", "reinforce*"),
			noun("build-up", "buildup", "troop build-up", "mobilisation", "mobilization", "deployment"),
		),
		needs:  "troops",
		counts: true,
	},
	{
		typ: model.TypeAttack,
		triggers: join(
			act("shell*", "struck", "strike", "strikes", "striking", "hit", "hits", "hitting", "bomb", "bombed", "bombing", "bombings",
				"bombard*", "attack*", "fired", "fire on", "fired on", "fired at", "fires", "firing", "pounded", "pounding",
				"targeted", "targeting", "sank", "sunk", "destroyed", "invade*", "invading", "raid*", "counterattack*",
				"counter-attack*", "stormed", "besieged", "blasted", "launched"),
			noun("airstrike", "airstrikes", "air strike", "air strikes", "missile strike", "missile strikes", "offensive",
				"barrage", "assault", "explosions", "explosion", "incursion", "artillery fire", "rocket fire"),
		),
		needs:        "",
		targetPreps:  []string{"on", "against", "at", "in"},
		objectTarget: true,
		dyad:         true,
		ofPatient:    true,
	},
	{
		typ:          model.TypeCyberattack,
		triggers:     noun("cyberattack", "cyberattacks", "cyber-attack", "cyber-attacks", "cyber attack", "cyber attacks", "hack", "hacked", "hacking", "denial-of-service", "ddos", "malware", "ransomware"),
		targetPreps:  []string{"on", "against", "in"},
		objectTarget: true,
	},
	{
		typ: model.TypeVisit,
		triggers: join(
			act("visit", "visits", "visited", "visiting", "travel*", "trip", "trips", "tour", "toured", "touring", "arrived in", "arrives in", "arrive in",
				"arrived at", "arrives at", "arriving in", "flew to", "flies to", "fly to", "was in", "were in", "is in", "are in",
				"was also in", "were also in", "is also in", "was already in", "is already in"),
		),
		targetPreps:  []string{"to", "in"},
		objectTarget: true,
	},
	{
		typ: model.TypeMeet,
		triggers: join(
			act("met", "meet", "meets", "meeting", "meetings", "video call", "video conference", "videoconference", "virtual summit",
				"summit", "hosted", "hosts", "host", "sat down with", "sitting down with", "held talks with", "holds talks with", "hold talks with"),
		),
		targetPreps:  []string{"with"},
		objectTarget: true,
	},
	{
		typ: model.TypeTalks,
		triggers: join(
			noun("talks", "negotiations", "negotiate*", "negotiating", "peace talks", "round of talks", "ceasefire talks"),
			act("phone call", "phone calls", "telephone call", "telephone calls", "held calls", "held a call", "holds calls",
				"spoke by phone", "spoke by telephone", "spoke on the phone", "talked by phone", "spoke with", "spoke to"),
		),
		targetPreps: []string{"with"},
		dyad:        true,
	},
	{
		typ: model.TypeThreaten,
		triggers: act("threaten*", "threat", "threats", "warn", "warned", "warns", "warning", "vowed to retaliate", "retaliate", "ultimatum",
			"would respond", "will respond", "would retaliate", "will retaliate"),
		targetPreps:  []string{"against", "to"},
		objectTarget: true,
	},
	{
		typ: model.TypeDemand,
		triggers: join(
			act("demand*", "demanding", "called on", "calls on", "call on", "calling on", "urge*", "urging", "appeal*", "appealing",
				"called for", "calls for", "asked for", "asking for", "asked", "pleaded", "pressed for", "pressing for"),
			modal("should", "must", "ought to", "needs to", "need to", "has to", "have to"),
		),
		targetPreps:  []string{"to"},
		objectTarget: true,
	},
	{
		typ: model.TypeAccuse,
		triggers: join(
			act("accuse*", "accusing", "blame*", "blaming", "had proof", "has proof", "alleg*", "condemn*", "condemning", "charged",
				"denounce*", "denouncing"),
			charge("deliberately", "war criminal", "war criminals", "war crimes", "war crime", "nuclear terror", "terrorist state",
				"weaponise", "weaponises", "weaponising", "weaponize", "weaponizes", "weaponizing", "genocide", "atrocities",
				"appalling", "outrageous", "barbaric", "unwarranted", "unprovoked", "heinous", "abhorrent", "despicable", "atrocity"),
			claim("claimed", "claims", "claim", "claiming", "insisted", "insists", "suggested", "argued", "asserted"),
		),
		targetPreps:  []string{"on"},
		objectTarget: true,
	},
	{
		typ: model.TypeDeny,
		triggers: act("denied", "deny", "denies", "denying", "rejected claims", "rejects claims", "dismissed claims", "refuted", "refutes",
			"false claims", "rejected the claim", "rejected the claims", "rejects the claim", "rejected the accusation", "rejected the accusations",
			"rejected the allegation", "rejected the allegations", "dismissed the claim", "dismissed the claims", "dismissed reports",
			"dismissed the reports", "dismissed the accusations", "dismissed the allegations", "were false", "was false", "are false",
			"is false", "were fake", "was fake", "nothing to do with", "as lies", "as a lie", "as disinformation", "as fake", "as propaganda",
			"preposterous", "baseless", "groundless", "as fabricated", "disputed the claim", "disputed the claims"),
	},
	{
		typ: model.TypeSanction,
		triggers: join(
			act("sanction*", "sanctioning", "blacklist*", "froze", "frozen", "freeze", "banned", "ban", "bans", "banning",
				"close its airspace", "closed its airspace", "closes its airspace", "shut its airspace", "closed their airspace",
				"close their airspace", "expel*", "cut off from"),
			noun("export bans", "export ban", "asset freeze", "asset freezes", "tariffs", "embargo"),
		),
		targetPreps:  []string{"on", "against", "to", "from"},
		objectTarget: true,
	},
	{
		typ:      model.TypeStatement,
		triggers: act("stated", "said in a statement", "issued a statement", "tweeted"),
	},
}
