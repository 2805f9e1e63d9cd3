package timex

// The lexicon maps the few hundred lower-cased words that can take part in a
// time expression (or that tell the tense of a clause) to a small id. The
// tokenizer looks every word up once; the matcher then only compares ids,
// so the text is never re-read or re-lowered while patterns are tried.

// wkind is the class of a lexicon word; the matcher dispatches on it.
type wkind uint8

const (
	kNone      wkind = iota
	kMonth           // January; val is the month number
	kMonthAbbr       // Jan, Sept; val is the month number
	kWeekday         // Monday; val is the time.Weekday
	kWeekdays        // Mondays (a SET); val is the time.Weekday
	kUnit            // day, weeks; val is a unit code
	kPartDay         // morning; val is a part-of-day code
	kSeason          // spring; val is a season code
	kNum             // two; val is the number, -1 for vague (several)
	kOrd             // third; val is the ordinal
	kRel             // yesterday, now: resolved by id
	kMod             // last, next, early: resolved by id
	kDet             // the
	kSetAdv          // daily; val is a unit code
	kSignal          // on, since: prepositions recorded as Signal
	kZone            // UTC; val is the offset in minutes
	kAmPm            // am, pm; val 0 or 12
	kCue             // tense cue; val is tensePast or tenseFuture, 0 neutral
	kAbbr            // Mr, Gen: abbreviations that do not end a sentence
	kMisc            // words referred to by id only
)

// Unit codes.
const (
	uNone = iota
	uDay
	uWeek
	uMonth
	uYear
	uDecade
	uCentury
	uHour
	uMinute
	uSecond
	uQuarter
	uFortnight
	uWeekend
)

// Part-of-day codes and their TIMEX3 suffixes.
const (
	pdMorning = iota + 1
	pdMidday
	pdAfternoon
	pdEvening
	pdNight
)

var partCode = [...]string{"", "MO", "MI", "AF", "EV", "NI"}

// Season codes and their TIMEX3 suffixes.
const (
	seSpring = iota + 1
	seSummer
	seFall
	seWinter
)

var seasonCode = [...]string{"", "SP", "SU", "FA", "WI"}

// Tense values returned by the clause tense guesser.
const (
	tenseNone   = 0
	tensePast   = -1
	tenseFuture = 1
)

// Word ids referred to by the matcher. Words that are only ever used
// through their kind and value get an id from the table order instead.
const (
	wNone uint16 = iota
	wThe
	wA
	wAn
	wLast
	wNext
	wThis
	wThat
	wComing
	wPast
	wPrevious
	wFollowing
	wPreceding
	wSame
	wEarly
	wLate
	wMid
	wMiddle
	wEnd
	wBeginning
	wStart
	wEarlier
	wLater
	wAgo
	wAfter
	wBefore
	wSince
	wUntil
	wTill
	wFrom
	wTo
	wThrough
	wBetween
	wAnd
	wOr
	wOn
	wIn
	wAt
	wBy
	wDuring
	wOver
	wFor
	wWithin
	wThroughout
	wOf
	wAround
	wAbout
	wNearly
	wAlmost
	wMore
	wThan
	wLess
	wUp
	wLeast
	wJust
	wOnly
	wSome
	wApproximately
	wRoughly
	wStraight
	wConsecutive
	wFull
	wEntire
	wWhole
	wOld
	wLong
	wNear
	wShort
	wTerm
	wTime
	wBeing
	wMoment
	wEvery
	wEach
	wPer
	wOnce
	wTwice
	wTimes
	wYesterday
	wToday
	wTomorrow
	wTonight
	wNow
	wCurrently
	wRecently
	wFormerly
	wLately
	wSoon
	wNowadays
	wPresently
	wPresent
	wFuture
	wRecent
	wCurrent
	wDay
	wDays
	wWeek
	wWeeks
	wMonth
	wMonths
	wYear
	wYears
	wDecade
	wDecades
	wCentury
	wCenturies
	wHour
	wHours
	wMinute
	wMinutes
	wSecond
	wSeconds
	wQuarter
	wQuarters
	wFortnight
	wWeekend
	wWeekends
	wHalf
	wNight
	wMorning
	wFall
	wMay
	wMarch
	wAugust
	wApril
	wJune
	wQ
	wH
	wNoon
	wMidnight
	wChristmas
	wEve
	wFew
	wCouple
	wSeveral
	wMany
	wDozens
	wHundreds
	wDozen
	wWill
	wWould
	wShall
	wLl
	wWon
	wWo
	wGoing
	wExpected
	wSet
	wDue
	wLikely
	wIs
	wAre
	wWas
	wWere
	wBe
	wBeen
	wHas
	wHave
	wHad
	wT
	wM
	wP
	wHrs
	wEnded
	wEnding
	wClose
	wClosed
	wFinish
	wFinished
	wFinishing
	wEnds
	wWhen
	wWhich
	wFirst
	wFinal
	wSingle
	wAs
	wTrading
	wBusiness
	wWorking
	wFixedCount
)

// wordInfo is what the tokenizer copies into each token.
type wordInfo struct {
	kind wkind
	val  int16
	trig bool // a match may start at this word
}

// lexicon maps lower-cased words to ids; infos is indexed by id.
var (
	lexicon = make(map[string]uint16, 512)
	infos   = make([]wordInfo, wFixedCount, 512)
)

// maxWordLen bounds the words looked up: longer words cannot be in the
// lexicon, so they are never lowered or hashed.
const maxWordLen = 14

// def registers a word under a fixed id.
func def(w string, id uint16, k wkind, val int16, trig bool) {
	if _, dup := lexicon[w]; dup {
		panic("timex: duplicate lexicon word " + w)
	}
	if len(w) > maxWordLen {
		panic("timex: lexicon word too long: " + w)
	}
	lexicon[w] = id
	infos[id] = wordInfo{kind: k, val: val, trig: trig}
}

// add registers a word with a fresh id.
func add(w string, k wkind, val int16, trig bool) {
	id := uint16(len(infos))
	infos = append(infos, wordInfo{})
	def(w, id, k, val, trig)
}

// init builds the lexicon and its lookup table.
func init() {
	def("the", wThe, kDet, 0, true)
	def("a", wA, kNum, 1, true)
	def("an", wAn, kNum, 1, true)
	for _, m := range []struct {
		w  string
		id uint16
		k  wkind
	}{
		{"last", wLast, kMod}, {"next", wNext, kMod}, {"this", wThis, kMod},
		{"that", wThat, kMod}, {"coming", wComing, kMod}, {"past", wPast, kMod},
		{"previous", wPrevious, kMod}, {"following", wFollowing, kMod},
		{"preceding", wPreceding, kMod}, {"same", wSame, kMisc},
		{"early", wEarly, kMod}, {"late", wLate, kMod}, {"mid", wMid, kMod},
		{"middle", wMiddle, kMisc}, {"end", wEnd, kMisc}, {"beginning", wBeginning, kMisc},
		{"start", wStart, kMisc}, {"earlier", wEarlier, kMod}, {"later", wLater, kMod},
		{"ago", wAgo, kMisc}, {"every", wEvery, kMod}, {"each", wEach, kMod},
		{"once", wOnce, kMod}, {"twice", wTwice, kMod},
	} {
		trig := m.k == kMod || m.k == kDet
		def(m.w, m.id, m.k, 0, trig)
	}
	for _, s := range []struct {
		w  string
		id uint16
	}{
		{"after", wAfter}, {"before", wBefore}, {"since", wSince}, {"until", wUntil},
		{"till", wTill}, {"from", wFrom}, {"to", wTo}, {"through", wThrough},
		{"between", wBetween}, {"and", wAnd}, {"or", wOr}, {"on", wOn}, {"in", wIn},
		{"at", wAt}, {"by", wBy}, {"during", wDuring}, {"over", wOver}, {"for", wFor},
		{"within", wWithin}, {"throughout", wThroughout}, {"of", wOf},
		{"around", wAround}, {"about", wAbout}, {"nearly", wNearly}, {"almost", wAlmost},
		{"more", wMore}, {"than", wThan}, {"less", wLess}, {"up", wUp}, {"least", wLeast},
		{"just", wJust}, {"only", wOnly}, {"some", wSome}, {"approximately", wApproximately},
		{"roughly", wRoughly},
	} {
		def(s.w, s.id, kSignal, 0, false)
	}
	// "at present", "at the moment" start at "at".
	infos[wAt].trig = true
	for _, s := range []struct {
		w  string
		id uint16
	}{
		{"straight", wStraight}, {"consecutive", wConsecutive}, {"full", wFull},
		{"entire", wEntire}, {"whole", wWhole}, {"old", wOld}, {"long", wLong},
		{"near", wNear}, {"short", wShort}, {"term", wTerm}, {"time", wTime},
		{"being", wBeing}, {"moment", wMoment}, {"per", wPer}, {"times", wTimes},
		{"q", wQ}, {"h", wH}, {"eve", wEve}, {"when", wWhen}, {"which", wWhich},
		{"t", wT}, {"m", wM}, {"p", wP}, {"hrs", wHrs},
		{"ended", wEnded}, {"ending", wEnding}, {"close", wClose}, {"closed", wClosed},
		{"finish", wFinish}, {"finished", wFinished}, {"finishing", wFinishing},
		{"ends", wEnds}, {"as", wAs}, {"trading", wTrading}, {"business", wBusiness},
		{"working", wWorking},
	} {
		def(s.w, s.id, kMisc, 0, false)
	}
	infos[wQ].trig = true
	infos[wH].trig = true
	for _, r := range []struct {
		w  string
		id uint16
	}{
		{"yesterday", wYesterday}, {"today", wToday}, {"tomorrow", wTomorrow},
		{"tonight", wTonight}, {"now", wNow}, {"currently", wCurrently},
		{"recently", wRecently}, {"formerly", wFormerly}, {"lately", wLately},
		{"soon", wSoon}, {"nowadays", wNowadays}, {"presently", wPresently},
		{"present", wPresent}, {"future", wFuture}, {"recent", wRecent},
		{"current", wCurrent}, {"christmas", wChristmas},
	} {
		def(r.w, r.id, kRel, 0, true)
	}
	units := []struct {
		w  string
		id uint16
		u  int16
	}{
		{"day", wDay, uDay}, {"days", wDays, uDay}, {"week", wWeek, uWeek},
		{"weeks", wWeeks, uWeek}, {"month", wMonth, uMonth}, {"months", wMonths, uMonth},
		{"year", wYear, uYear}, {"years", wYears, uYear}, {"decade", wDecade, uDecade},
		{"decades", wDecades, uDecade}, {"century", wCentury, uCentury},
		{"centuries", wCenturies, uCentury}, {"hour", wHour, uHour}, {"hours", wHours, uHour},
		{"minute", wMinute, uMinute}, {"minutes", wMinutes, uMinute},
		{"second", wSecond, uSecond}, {"seconds", wSeconds, uSecond},
		{"quarter", wQuarter, uQuarter}, {"quarters", wQuarters, uQuarter},
		{"fortnight", wFortnight, uFortnight}, {"weekend", wWeekend, uWeekend},
		{"weekends", wWeekends, uWeekend},
	}
	for _, u := range units {
		def(u.w, u.id, kUnit, u.u, true)
	}
	def("half", wHalf, kMisc, 0, false)
	def("night", wNight, kPartDay, pdNight, false)
	def("morning", wMorning, kPartDay, pdMorning, false)
	add("afternoon", kPartDay, pdAfternoon, false)
	add("evening", kPartDay, pdEvening, false)
	add("overnight", kPartDay, pdNight, false)
	add("midday", kPartDay, pdMidday, false)
	def("noon", wNoon, kMisc, 0, true)
	def("midnight", wMidnight, kMisc, 0, true)

	add("spring", kSeason, seSpring, true)
	add("summer", kSeason, seSummer, true)
	add("autumn", kSeason, seFall, true)
	def("fall", wFall, kSeason, seFall, true)
	add("winter", kSeason, seWinter, true)

	months := []string{"january", "february", "march", "april", "may", "june", "july",
		"august", "september", "october", "november", "december"}
	for i, m := range months {
		switch m {
		case "may":
			def(m, wMay, kMonth, int16(i+1), true)
		case "march":
			def(m, wMarch, kMonth, int16(i+1), true)
		case "august":
			def(m, wAugust, kMonth, int16(i+1), true)
		case "april":
			def(m, wApril, kMonth, int16(i+1), true)
		case "june":
			def(m, wJune, kMonth, int16(i+1), true)
		default:
			add(m, kMonth, int16(i+1), true)
		}
	}
	for _, a := range []struct {
		w string
		m int16
	}{
		{"jan", 1}, {"feb", 2}, {"mar", 3}, {"apr", 4}, {"jun", 6}, {"jul", 7},
		{"aug", 8}, {"sep", 9}, {"sept", 9}, {"oct", 10}, {"nov", 11}, {"dec", 12},
	} {
		add(a.w, kMonthAbbr, a.m, true)
	}
	days := []string{"sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"}
	for i, d := range days {
		add(d, kWeekday, int16(i), true)
		add(d+"s", kWeekdays, int16(i), true)
	}
	nums := []struct {
		w string
		v int16
	}{
		{"one", 1}, {"two", 2}, {"three", 3}, {"four", 4}, {"five", 5}, {"six", 6},
		{"seven", 7}, {"eight", 8}, {"nine", 9}, {"ten", 10}, {"eleven", 11},
		{"twelve", 12}, {"thirteen", 13}, {"fourteen", 14}, {"fifteen", 15},
		{"sixteen", 16}, {"seventeen", 17}, {"eighteen", 18}, {"nineteen", 19},
		{"twenty", 20}, {"thirty", 30}, {"forty", 40}, {"fifty", 50}, {"sixty", 60},
		{"seventy", 70}, {"eighty", 80}, {"ninety", 90}, {"hundred", 100},
	}
	for _, n := range nums {
		add(n.w, kNum, n.v, true)
	}
	def("few", wFew, kNum, -1, true)
	def("couple", wCouple, kNum, 2, false)
	def("several", wSeveral, kNum, -1, true)
	def("many", wMany, kNum, -1, true)
	def("dozens", wDozens, kNum, -1, true)
	def("hundreds", wHundreds, kNum, -1, true)
	def("dozen", wDozen, kNum, 12, true)
	def("single", wSingle, kNum, 1, true)
	def("first", wFirst, kOrd, 1, true)
	def("final", wFinal, kOrd, -1, true)
	for _, o := range []struct {
		w string
		v int16
	}{
		{"third", 3}, {"fourth", 4}, {"fifth", 5}, {"sixth", 6}, {"seventh", 7},
		{"eighth", 8}, {"ninth", 9}, {"tenth", 10}, {"eleventh", 11}, {"twelfth", 12},
		{"nineteenth", 19}, {"twentieth", 20},
	} {
		add(o.w, kOrd, o.v, true)
	}
	for _, s := range []struct {
		w string
		u int16
	}{
		{"daily", uDay}, {"weekly", uWeek}, {"monthly", uMonth}, {"yearly", uYear},
		{"annually", uYear}, {"annual", uYear}, {"hourly", uHour}, {"quarterly", uQuarter},
		{"nightly", uDay},
	} {
		add(s.w, kSetAdv, s.u, true)
	}
	for _, z := range []struct {
		w   string
		off int16
	}{
		{"utc", 0}, {"gmt", 0}, {"est", -300}, {"edt", -240}, {"cst", -360}, {"cdt", -300},
		{"pst", -480}, {"pdt", -420}, {"cet", 60}, {"cest", 120}, {"bst", 60},
		{"eet", 120}, {"eest", 180}, {"msk", 180},
	} {
		add(z.w, kZone, z.off, false)
	}
	add("am", kAmPm, 0, false)
	add("pm", kAmPm, 12, false)

	// Tense cues. Modal and auxiliary verbs with fixed ids are checked in
	// context (won't, going to, expected to); the rest carry their tense.
	def("will", wWill, kCue, tenseFuture, false)
	def("would", wWould, kCue, tenseFuture, false)
	def("shall", wShall, kCue, tenseFuture, false)
	def("ll", wLl, kCue, tenseFuture, false)
	def("won", wWon, kCue, tensePast, false)
	// "won't" is "wo" "n't" to the tokeniser.
	def("wo", wWo, kCue, tenseFuture, false)
	def("going", wGoing, kCue, 0, false)
	def("expected", wExpected, kCue, tenseFuture, false)
	def("set", wSet, kCue, 0, false)
	def("due", wDue, kCue, 0, false)
	def("likely", wLikely, kCue, 0, false)
	def("is", wIs, kCue, 0, false)
	def("are", wAre, kCue, 0, false)
	def("was", wWas, kCue, tensePast, false)
	def("were", wWere, kCue, tensePast, false)
	def("be", wBe, kCue, 0, false)
	def("been", wBeen, kCue, tensePast, false)
	def("has", wHas, kCue, tensePast, false)
	def("have", wHave, kCue, tensePast, false)
	def("had", wHad, kCue, tensePast, false)
	for _, w := range []string{"plans", "plan", "planning", "planned", "scheduled",
		"slated", "upcoming", "intends", "intend", "aims", "poised", "forthcoming",
		"prepares", "preparing"} {
		if _, ok := lexicon[w]; !ok {
			add(w, kCue, tenseFuture, false)
		}
	}
	for _, w := range []string{"said", "told", "did", "made", "met", "went", "came",
		"gave", "took", "sent", "held", "began", "spoke", "saw", "left", "fought",
		"struck", "lost", "fell", "rose", "flew", "brought", "bought", "sold", "paid",
		"ran", "stood", "wrote", "knew", "thought", "found", "became", "got", "kept",
		"led", "felt", "heard", "meant", "broke", "chose", "drove", "hid", "rode",
		"shook", "stole", "swore", "threw", "woke", "wore", "withdrew", "arose",
		"sought", "taught", "caught", "built", "spent", "lent", "sank", "shot", "fled",
		"dealt", "swept", "bore", "tore", "drew", "grew", "blew", "understood",
		"overtook", "undertook", "forgot", "froze", "ate", "says", "wounded"} {
		if _, ok := lexicon[w]; !ok {
			add(w, kCue, tensePast, false)
		}
	}
	// "says" above reports the present, which in news refers back to what
	// happened, so it counts like "said". Below: words ending in -ed that
	// are not past verbs, so the -ed rule leaves them alone.
	for _, w := range []string{"need", "needed", "speed", "feed", "seed", "bed", "red",
		"shed", "proceed", "exceed", "succeed", "indeed", "embed", "breed", "greed",
		"steed", "armed", "based", "advanced", "detailed", "limited", "united",
		"related", "concerned", "interested", "unprecedented", "unprovoked",
		"alleged", "estimated", "unexpected", "unidentified",
		"unnamed", "named", "injured", "skilled", "experienced", "renewed",
		"continued", "sustained", "increased", "reduced", "improved", "expanded",
		"combined", "extended", "guided", "mixed", "wanted", "wicked", "naked",
		"sacred", "hundred", "kindred", "rugged", "ragged", "beloved", "aged"} {
		if _, ok := lexicon[w]; !ok {
			add(w, kCue, 0, false)
		}
	}
	// Abbreviations that a full stop follows without ending the sentence.
	for _, w := range []string{"mr", "mrs", "ms", "dr", "st", "gen", "col", "lt",
		"sgt", "sen", "rep", "gov", "prof", "no", "vs", "etc", "inc", "corp", "co",
		"ltd", "jr", "sr", "maj", "capt", "cmdr", "adm", "mt", "ft", "pres", "approx",
		"fig"} {
		if _, ok := lexicon[w]; !ok {
			add(w, kAbbr, 0, false)
		} else if infos[lexicon[w]].kind == kNone || infos[lexicon[w]].kind == kMisc {
			infos[lexicon[w]].kind = kAbbr
		}
	}
	// Verbs after which "to" starts an infinitive about what is to come
	// ("agreed to meet on Friday").
	for _, w := range []string{"agreed", "decided", "promised", "pledged", "vowed",
		"hopes", "hoped", "wants", "wanted", "ready", "about", "able", "threatened",
		"vows", "pledges", "promises", "agrees", "decides", "hope", "want", "aim",
		"intended", "aimed", "prepared", "begin", "start", "continue"} {
		id, ok := lexicon[w]
		if !ok {
			add(w, kNone, 0, false)
			id = lexicon[w]
		}
		toFuture[id] = true
	}
	for _, w := range []string{"plans", "plan", "planning", "planned", "scheduled",
		"slated", "intends", "intend", "aims", "poised", "expected", "set", "due",
		"likely", "going", "is", "are", "was", "were", "preparing", "prepares"} {
		toFuture[lexicon[w]] = true
	}
	initTenseCues()
	for w, id := range lexicon {
		h := uint32(fnvOffset)
		for i := 0; i < len(w); i++ {
			h = (h ^ uint32(w[i])) * fnvPrime
		}
		k := h & (lexSlots - 1)
		for lexTable[k].w != "" {
			k = (k + 1) & (lexSlots - 1)
		}
		lexTable[k] = lexSlot{w: w, id: id}
	}
}

// toFuture holds the verbs after which "to" looks forward in time.
var toFuture = map[uint16]bool{}

// The tokenizer looks words up in an open-addressing table keyed by an
// FNV-1a hash that it computes while lowering the word, which is cheaper
// than hashing the word a second time for a Go map.
const (
	fnvOffset = 2166136261
	fnvPrime  = 16777619
	lexSlots  = 2048 // a power of two, several times the lexicon's size
)

type lexSlot struct {
	w  string
	id uint16
}

var lexTable [lexSlots]lexSlot

// lookup returns the id of the lower-case word b whose hash is h, or 0.
func lookup(h uint32, b []byte) uint16 {
	for k := h & (lexSlots - 1); ; k = (k + 1) & (lexSlots - 1) {
		s := &lexTable[k]
		if s.w == "" {
			return 0
		}
		if s.w == string(b) {
			return s.id
		}
	}
}
