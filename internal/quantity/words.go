package quantity

import "strings"

// The lexicons of the number parser. They are small and closed (number
// words, hedges, units, currencies), so they live here as Go tables rather
// than as data files.

type wclass uint8

const (
	wUnit    wclass = iota + 1 // zero … nineteen
	wTens                      // twenty … ninety
	wHundred                   // hundred
	wScale                     // thousand, million, billion, trillion
	wDozen                     // dozen
	wHalf                      // half (a million)
	wQuarter                   // quarter (of a million)
	wVague                     // hundreds, thousands, dozens, tens, scores
	wFew                       // several, (a) few, (a) couple (of), (a) handful (of)
	wOrd                       // first … hundredth
	wLink                      // a, an: read inside a number, never start one
)

type wordInfo struct {
	c      wclass
	v      float64 // value, or the unit a vague word counts in
	lo, hi float64 // range of a vague word
	needA  bool    // only after "a": "a few"
	needOf bool    // only before "of": "tens of", "a couple of"
}

var numWords = map[string]wordInfo{
	"zero": {c: wUnit, v: 0}, "one": {c: wUnit, v: 1}, "two": {c: wUnit, v: 2},
	"three": {c: wUnit, v: 3}, "four": {c: wUnit, v: 4}, "five": {c: wUnit, v: 5},
	"six": {c: wUnit, v: 6}, "seven": {c: wUnit, v: 7}, "eight": {c: wUnit, v: 8},
	"nine": {c: wUnit, v: 9}, "ten": {c: wUnit, v: 10}, "eleven": {c: wUnit, v: 11},
	"twelve": {c: wUnit, v: 12}, "thirteen": {c: wUnit, v: 13}, "fourteen": {c: wUnit, v: 14},
	"fifteen": {c: wUnit, v: 15}, "sixteen": {c: wUnit, v: 16}, "seventeen": {c: wUnit, v: 17},
	"eighteen": {c: wUnit, v: 18}, "nineteen": {c: wUnit, v: 19},
	"twenty": {c: wTens, v: 20}, "thirty": {c: wTens, v: 30}, "forty": {c: wTens, v: 40},
	"fourty": {c: wTens, v: 40}, "fifty": {c: wTens, v: 50}, "sixty": {c: wTens, v: 60},
	"seventy": {c: wTens, v: 70}, "eighty": {c: wTens, v: 80}, "ninety": {c: wTens, v: 90},
	"hundred":  {c: wHundred, v: 100},
	"thousand": {c: wScale, v: 1e3}, "million": {c: wScale, v: 1e6},
	"billion": {c: wScale, v: 1e9}, "trillion": {c: wScale, v: 1e12},
	"dozen":     {c: wDozen, v: 12},
	"half":      {c: wHalf, v: 0.5},
	"quarter":   {c: wQuarter, v: 0.25},
	"tens":      {c: wVague, v: 10, lo: 20, hi: 99, needOf: true},
	"dozens":    {c: wVague, v: 12, lo: 24, hi: 99},
	"scores":    {c: wVague, v: 20, lo: 40, hi: 199, needOf: true},
	"hundreds":  {c: wVague, v: 100, lo: 200, hi: 999},
	"thousands": {c: wVague, v: 1e3, lo: 2e3, hi: 1e4 - 1},
	"millions":  {c: wVague, v: 1e6, lo: 2e6, hi: 1e7 - 1},
	"billions":  {c: wVague, v: 1e9, lo: 2e9, hi: 1e10 - 1},
	"trillions": {c: wVague, v: 1e12, lo: 2e12, hi: 1e13 - 1},
	"several":   {c: wFew, lo: 3, hi: 9},
	"few":       {c: wFew, lo: 2, hi: 5, needA: true},
	"couple":    {c: wFew, lo: 2, hi: 2, needA: true, needOf: true},
	"handful":   {c: wFew, lo: 2, hi: 6, needA: true, needOf: true},
	"first":     {c: wOrd, v: 1}, "second": {c: wOrd, v: 2}, "third": {c: wOrd, v: 3},
	"fourth": {c: wOrd, v: 4}, "fifth": {c: wOrd, v: 5}, "sixth": {c: wOrd, v: 6},
	"seventh": {c: wOrd, v: 7}, "eighth": {c: wOrd, v: 8}, "ninth": {c: wOrd, v: 9},
	"tenth": {c: wOrd, v: 10}, "eleventh": {c: wOrd, v: 11}, "twelfth": {c: wOrd, v: 12},
	"thirteenth": {c: wOrd, v: 13}, "fourteenth": {c: wOrd, v: 14}, "fifteenth": {c: wOrd, v: 15},
	"sixteenth": {c: wOrd, v: 16}, "seventeenth": {c: wOrd, v: 17}, "eighteenth": {c: wOrd, v: 18},
	"nineteenth": {c: wOrd, v: 19}, "twentieth": {c: wOrd, v: 20}, "thirtieth": {c: wOrd, v: 30},
	"fortieth": {c: wOrd, v: 40}, "fiftieth": {c: wOrd, v: 50}, "sixtieth": {c: wOrd, v: 60},
	"seventieth": {c: wOrd, v: 70}, "eightieth": {c: wOrd, v: 80}, "ninetieth": {c: wOrd, v: 90},
	"hundredth": {c: wOrd, v: 100}, "thousandth": {c: wOrd, v: 1000},
	"a": {c: wLink}, "an": {c: wLink},
}

// anchorFirst has a bit for each first letter of a word that can start a
// number, so that most words are passed over without a table look-up.
var anchorFirst = func() uint32 {
	var m uint32
	for k, v := range numWords {
		if v.c != wLink {
			m |= 1 << (k[0] - 'a')
		}
	}
	return m
}()

// yearPrefixes glue to a year with a hyphen: "post-2014", "mid-1990s".
var yearPrefixes = map[string]struct{}{
	"pre": {}, "post": {}, "mid": {}, "early": {}, "late": {},
	"Pre": {}, "Post": {}, "Mid": {}, "Early": {}, "Late": {},
}

// yearCues are words after which a bare four-digit number is a year.
var yearCues = map[string]struct{}{
	"in": {}, "since": {}, "until": {}, "till": {}, "by": {}, "during": {}, "before": {},
	"after": {}, "early": {}, "late": {}, "mid": {}, "year": {}, "fiscal": {}, "circa": {},
	"summer": {}, "spring": {}, "autumn": {}, "winter": {}, "pre": {}, "post": {},
	"between": {}, "from": {}, "through": {}, "throughout": {},
}

// months maps month names and their usual abbreviations to month numbers.
var months = map[string]int{
	"january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6,
	"july": 7, "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
	"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8,
	"sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}

// hedge classes: how a hedge bounds the figure after it.
type hclass uint8

const (
	hNone   hclass = iota
	hLower         // over 200: Min only
	hUpper         // up to 200: Max only
	hApprox        // some 200: both, approximate
)

type hedge struct {
	words []string // lower-case tokens, symbols as written
	c     hclass
}

var hedges = []hedge{
	{[]string{"over"}, hLower}, {[]string{"more", "than"}, hLower}, {[]string{"at", "least"}, hLower},
	{[]string{"in", "excess", "of"}, hLower}, {[]string{"upwards", "of"}, hLower},
	{[]string{"upward", "of"}, hLower}, {[]string{"exceeding"}, hLower}, {[]string{"surpassing"}, hLower},
	{[]string{"above"}, hLower}, {[]string{"greater", "than"}, hLower}, {[]string{"no", "fewer", "than"}, hLower},
	{[]string{"no", "less", "than"}, hLower}, {[]string{"not", "less", "than"}, hLower},
	{[]string{"well", "over"}, hLower}, {[]string{"just", "over"}, hLower}, {[]string{"well", "above"}, hLower},
	{[]string{"slightly", "more", "than"}, hLower}, {[]string{"a", "little", "over"}, hLower},
	{[]string{"north", "of"}, hLower}, {[]string{"topping"}, hLower}, {[]string{"a", "minimum", "of"}, hLower},
	{[]string{"well", "in", "excess", "of"}, hLower}, {[]string{"exceeded"}, hLower}, {[]string{"surpassed"}, hLower},
	{[]string{"exceeds"}, hLower}, {[]string{"surpasses"}, hLower}, {[]string{"tops"}, hLower},
	{[]string{"exceed"}, hLower}, {[]string{"surpass"}, hLower}, {[]string{"topped"}, hLower},
	{[]string{"up", "to"}, hUpper}, {[]string{"nearly"}, hUpper}, {[]string{"almost"}, hUpper},
	{[]string{"under"}, hUpper}, {[]string{"less", "than"}, hUpper}, {[]string{"fewer", "than"}, hUpper},
	{[]string{"at", "most"}, hUpper}, {[]string{"just", "under"}, hUpper}, {[]string{"no", "more", "than"}, hUpper},
	{[]string{"not", "more", "than"}, hUpper}, {[]string{"as", "many", "as"}, hUpper},
	{[]string{"as", "much", "as"}, hUpper}, {[]string{"below"}, hUpper}, {[]string{"just", "below"}, hUpper},
	{[]string{"shy", "of"}, hUpper}, {[]string{"just", "shy", "of"}, hUpper}, {[]string{"short", "of"}, hUpper},
	{[]string{"a", "maximum", "of"}, hUpper}, {[]string{"maximum", "of"}, hUpper},
	{[]string{"not", "exceeding"}, hUpper}, {[]string{"well", "under"}, hUpper}, {[]string{"well", "below"}, hUpper},
	{[]string{"barely"}, hUpper}, {[]string{"a", "little", "under"}, hUpper}, {[]string{"slightly", "less", "than"}, hUpper},
	{[]string{"some"}, hApprox}, {[]string{"around"}, hApprox}, {[]string{"about"}, hApprox},
	{[]string{"approximately"}, hApprox}, {[]string{"approx"}, hApprox}, {[]string{"approx", "."}, hApprox},
	{[]string{"roughly"}, hApprox}, {[]string{"an", "estimated"}, hApprox}, {[]string{"estimated"}, hApprox},
	{[]string{"close", "to"}, hApprox}, {[]string{"circa"}, hApprox}, {[]string{"c", "."}, hApprox},
	{[]string{"ca", "."}, hApprox}, {[]string{"ca."}, hApprox}, {[]string{"approx."}, hApprox}, {[]string{"~"}, hApprox}, {[]string{"an", "approximate"}, hApprox},
	{[]string{"approximate"}, hApprox}, {[]string{"in", "the", "region", "of"}, hApprox},
	{[]string{"in", "the", "order", "of"}, hApprox}, {[]string{"on", "the", "order", "of"}, hApprox},
	{[]string{"of", "the", "order", "of"}, hApprox}, {[]string{"something", "like"}, hApprox},
	{[]string{"just", "about"}, hApprox}, {[]string{"around", "about"}, hApprox}, {[]string{"an", "approximated"}, hApprox},
	{[]string{"a", "reported"}, hApprox}, {[]string{"reportedly"}, hApprox}, {[]string{"an", "estimate", "of"}, hApprox},
	{[]string{"somewhere", "around"}, hApprox}, {[]string{"somewhere", "near"}, hApprox}, {[]string{"near"}, hApprox},
	{[]string{"more", "or", "less"}, hApprox}, {[]string{"a", "rough"}, hApprox},
}

// hedgeByLast indexes hedges by their last token, longest first.
var hedgeByLast = func() map[string][]int {
	m := map[string][]int{}
	for i, h := range hedges {
		k := h.words[len(h.words)-1]
		m[k] = append(m[k], i)
	}
	for k, ix := range m {
		for a := 1; a < len(ix); a++ {
			for b := a; b > 0 && len(hedges[ix[b]].words) > len(hedges[ix[b-1]].words); b-- {
				ix[b], ix[b-1] = ix[b-1], ix[b]
			}
		}
		m[k] = ix
	}
	return m
}()

// isoCodes are the currency codes read next to an amount ("CHF 60
// million", "60 million CHF"). Codes that are also common capitalised
// words in headlines (ALL, PEN) are left out.
var isoCodes = map[string]struct{}{
	"USD": {}, "EUR": {}, "GBP": {}, "CHF": {}, "CAD": {}, "AUD": {}, "SEK": {}, "NOK": {},
	"DKK": {}, "PLN": {}, "CZK": {}, "JPY": {}, "UAH": {}, "RUB": {}, "NZD": {}, "HUF": {},
	"RON": {}, "BGN": {}, "TRY": {}, "CNY": {}, "KRW": {}, "INR": {}, "HRK": {}, "ISK": {},
	"MDL": {}, "GEL": {}, "BYN": {}, "KZT": {}, "AMD": {}, "AZN": {}, "RSD": {}, "BAM": {},
	"MKD": {}, "ILS": {}, "SAR": {}, "AED": {}, "QAR": {}, "KWD": {}, "BRL": {}, "MXN": {},
	"ARS": {}, "ZAR": {}, "SGD": {}, "HKD": {}, "TWD": {}, "THB": {}, "MYR": {}, "IDR": {},
	"PHP": {}, "VND": {}, "EGP": {}, "NGN": {}, "KES": {}, "PKR": {}, "BDT": {}, "IRR": {},
	"IQD": {}, "CLP": {}, "COP": {}, "RMB": {}, "XDR": {}, "SDR": {},
}

// isoAlias maps codes written in the press but not ISO to ISO ones.
var isoAlias = map[string]string{"RMB": "CNY", "SDR": "XDR"}

// dollarPrefix maps the letters glued before "$" to a currency.
var dollarPrefix = map[string]string{
	"US": "USD", "U": "USD", "A": "AUD", "AU": "AUD", "C": "CAD", "CA": "CAD", "Can": "CAD",
	"CAN": "CAD", "NZ": "NZD", "HK": "HKD", "S": "SGD", "SG": "SGD", "R": "BRL", "NT": "TWD",
	"Mex": "MXN", "MX": "MXN",
}

// currencySigns maps currency signs written before (or after) an amount.
var currencySigns = map[string]string{
	"$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "₴": "UAH", "₽": "RUB", "₹": "INR",
	"₩": "KRW", "₺": "TRY", "₪": "ILS", "₦": "NGN", "₸": "KZT", "₾": "GEL", "₼": "AZN",
}

// currencyWords are currency names written after an amount. needMag marks
// names that are also ordinary words ("pounds" of flour, "won" a vote) and
// count as money only after million, bn and the like.
type curWord struct {
	code    string
	needMag bool
}

var currencyWords = map[string]curWord{
	"dollar": {"USD", false}, "dollars": {"USD", false}, "dlr": {"USD", false}, "dlrs": {"USD", false},
	"stg":  {"GBP", false},
	"euro": {"EUR", false}, "euros": {"EUR", false},
	"pound": {"GBP", true}, "pounds": {"GBP", true}, "sterling": {"GBP", false},
	"franc": {"CHF", false}, "francs": {"CHF", false},
	"yen": {"JPY", false}, "yuan": {"CNY", false}, "renminbi": {"CNY", false},
	"rupee": {"INR", false}, "rupees": {"INR", false}, "won": {"KRW", true},
	"krona": {"SEK", false}, "kronor": {"SEK", false}, "kronur": {"ISK", false},
	"krone": {"", false}, "kroner": {"", false},
	"koruna": {"CZK", false}, "korunas": {"CZK", false}, "korun": {"CZK", false}, "crowns": {"", true},
	"zloty": {"PLN", false}, "zlotys": {"PLN", false}, "zlotych": {"PLN", false}, "złoty": {"PLN", false},
	"złotys": {"PLN", false}, "zł": {"PLN", false},
	"hryvnia": {"UAH", false}, "hryvnias": {"UAH", false}, "hryvnas": {"UAH", false},
	"hryvnyas": {"UAH", false}, "hryvnya": {"UAH", false}, "hryvnyia": {"UAH", false}, "hryvni": {"UAH", false},
	"rouble": {"RUB", false}, "roubles": {"RUB", false}, "ruble": {"RUB", false}, "rubles": {"RUB", false},
	"forint": {"HUF", false}, "forints": {"HUF", false},
	"leu": {"RON", false}, "lei": {"RON", false}, "lev": {"BGN", false}, "leva": {"BGN", false},
	"lira": {"TRY", false}, "liras": {"TRY", false}, "lire": {"TRY", false},
	"kuna": {"HRK", false}, "kunas": {"HRK", false},
	"rand": {"ZAR", true}, "shekel": {"ILS", false}, "shekels": {"ILS", false},
	"reais": {"BRL", false}, "riyal": {"SAR", false}, "riyals": {"SAR", false},
	"dirham": {"AED", false}, "dirhams": {"AED", false}, "dinar": {"", false}, "dinars": {"", false},
	"peso": {"", false}, "pesos": {"", false}, "tenge": {"KZT", false}, "lari": {"GEL", false},
	"dram": {"AMD", true}, "drams": {"AMD", false}, "manat": {"", false},
	"baht": {"THB", false}, "ringgit": {"MYR", false}, "rupiah": {"IDR", false},
	"kč": {"CZK", false},
}

// sharedNames are currency names several states use, with the currency
// each of those states (ISO 3166-1 alpha-3) means by it.
var sharedNames = map[string]map[string]string{
	"dollar": {"USA": "USD", "CAN": "CAD", "AUS": "AUD", "NZL": "NZD", "SGP": "SGD", "TWN": "TWD"},
	"krone":  {"NOR": "NOK", "DNK": "DKK"},
}

// LocalCurrency returns the currency a state means by a money mention's
// bare shared name: "98 million dollars" said of Canada is CAD, "60
// million kroner" said of Norway NOK. It gives "" where the mention has a
// sign, a code or an adjective of its own ("$98m", "US dollars", "NOK"),
// names no shared currency, or the state does not use that name.
func LocalCurrency(m Mention, state string) string {
	if m.Kind != KindMoney || strings.ContainsAny(m.Text, "$€£¥") {
		return ""
	}
	name := ""
	for _, w := range strings.Fields(strings.ToLower(m.Text)) {
		w = strings.Trim(w, ".,")
		if _, ok := currencyAdj[w]; ok {
			return ""
		}
		if _, ok := isoCodes[strings.ToUpper(w)]; ok {
			return ""
		}
		switch w {
		case "dollar", "dollars":
			name = "dollar"
		case "krone", "kroner":
			name = "krone"
		}
	}
	return sharedNames[name][state]
}

// currencyAdj names the state whose currency a following name means:
// "Australian dollars", "Swiss francs", "Danish kroner".
var currencyAdj = map[string]string{
	"us": "USD", "american": "USD", "australian": "AUD", "canadian": "CAD", "zealand": "NZD",
	"kong": "HKD", "singapore": "SGD", "singaporean": "SGD", "taiwan": "TWD", "taiwanese": "TWD",
	"swiss": "CHF", "swedish": "SEK", "norwegian": "NOK", "danish": "DKK", "czech": "CZK",
	"polish": "PLN", "ukrainian": "UAH", "russian": "RUB", "hungarian": "HUF", "romanian": "RON",
	"bulgarian": "BGN", "turkish": "TRY", "chinese": "CNY", "japanese": "JPY", "indian": "INR",
	"korean": "KRW", "icelandic": "ISK", "moldovan": "MDL", "georgian": "GEL", "belarusian": "BYN",
	"kazakh": "KZT", "armenian": "AMD", "azerbaijani": "AZN", "serbian": "RSD", "croatian": "HRK",
	"mexican": "MXN", "argentine": "ARS", "argentinian": "ARS", "brazilian": "BRL", "chilean": "CLP",
	"colombian": "COP", "philippine": "PHP", "saudi": "SAR", "qatari": "QAR", "emirati": "AED",
	"uae": "AED", "moroccan": "MAD", "kuwaiti": "KWD", "jordanian": "JOD", "iraqi": "IQD",
	"egyptian": "EGP", "israeli": "ILS", "south": "", "new": "", "hong": "", "u": "", "s": "", "u.s": "",
}

type unitInfo struct {
	kind Kind
	unit string
}

// unitWords are unit names read after a figure, case-insensitively.
var unitWords = map[string]unitInfo{
	"tonne": {KindMeasure, "tonne"}, "tonnes": {KindMeasure, "tonne"},
	"ton": {KindMeasure, "tonne"}, "tons": {KindMeasure, "tonne"},
	"kilotonne": {KindMeasure, "kiloton"}, "kilotonnes": {KindMeasure, "kiloton"},
	"kiloton": {KindMeasure, "kiloton"}, "kilotons": {KindMeasure, "kiloton"},
	"megaton": {KindMeasure, "megaton"}, "megatons": {KindMeasure, "megaton"},
	"kilogram": {KindMeasure, "kilogram"}, "kilograms": {KindMeasure, "kilogram"},
	"kilogramme": {KindMeasure, "kilogram"}, "kilogrammes": {KindMeasure, "kilogram"},
	"kilo": {KindMeasure, "kilogram"}, "kilos": {KindMeasure, "kilogram"},
	"gram": {KindMeasure, "gram"}, "grams": {KindMeasure, "gram"},
	"litre": {KindMeasure, "litre"}, "litres": {KindMeasure, "litre"},
	"liter": {KindMeasure, "litre"}, "liters": {KindMeasure, "litre"},
	"millilitre": {KindMeasure, "millilitre"}, "millilitres": {KindMeasure, "millilitre"},
	"kilometre": {KindMeasure, "km"}, "kilometres": {KindMeasure, "km"},
	"kilometer": {KindMeasure, "km"}, "kilometers": {KindMeasure, "km"},
	"metre": {KindMeasure, "metre"}, "metres": {KindMeasure, "metre"},
	"meter": {KindMeasure, "metre"}, "meters": {KindMeasure, "metre"},
	"centimetre": {KindMeasure, "cm"}, "centimetres": {KindMeasure, "cm"},
	"centimeter": {KindMeasure, "cm"}, "centimeters": {KindMeasure, "cm"},
	"mile": {KindMeasure, "mile"}, "miles": {KindMeasure, "mile"},
	"hectare": {KindMeasure, "hectare"}, "hectares": {KindMeasure, "hectare"},
	"acre": {KindMeasure, "acre"}, "acres": {KindMeasure, "acre"},
	"barrel": {KindMeasure, "barrel"}, "barrels": {KindMeasure, "barrel"},
	"gallon": {KindMeasure, "gallon"}, "gallons": {KindMeasure, "gallon"},
	"megawatt": {KindMeasure, "megawatt"}, "megawatts": {KindMeasure, "megawatt"},
	"gigawatt": {KindMeasure, "gigawatt"}, "gigawatts": {KindMeasure, "gigawatt"},
	"kilowatt": {KindMeasure, "kilowatt"}, "kilowatts": {KindMeasure, "kilowatt"},
	"foot": {KindMeasure, "foot"}, "feet": {KindMeasure, "foot"},
	"inch": {KindMeasure, "inch"}, "inches": {KindMeasure, "inch"},
	"pound": {KindMeasure, "pound"}, "pounds": {KindMeasure, "pound"},
	"ounce": {KindMeasure, "ounce"}, "ounces": {KindMeasure, "ounce"},
	"knot": {KindMeasure, "knot"}, "knots": {KindMeasure, "knot"},
	"degree": {KindMeasure, "degree"}, "degrees": {KindMeasure, "degree"},
	"millimetre": {KindCalibre, "mm"}, "millimetres": {KindCalibre, "mm"},
	"millimeter": {KindCalibre, "mm"}, "millimeters": {KindCalibre, "mm"},
	"calibre": {KindCalibre, "calibre"}, "caliber": {KindCalibre, "calibre"},
	"second": {KindDuration, "second"}, "seconds": {KindDuration, "second"},
	"minute": {KindDuration, "minute"}, "minutes": {KindDuration, "minute"},
	"hour": {KindDuration, "hour"}, "hours": {KindDuration, "hour"},
	"day": {KindDuration, "day"}, "days": {KindDuration, "day"},
	"week": {KindDuration, "week"}, "weeks": {KindDuration, "week"},
	"fortnight": {KindDuration, "fortnight"}, "fortnights": {KindDuration, "fortnight"},
	"month": {KindDuration, "month"}, "months": {KindDuration, "month"},
	"year": {KindDuration, "year"}, "years": {KindDuration, "year"},
	"decade": {KindDuration, "decade"}, "decades": {KindDuration, "decade"},
	"century": {KindDuration, "century"}, "centuries": {KindDuration, "century"},
}

// unitAbbr are unit abbreviations, matched with their case ("MW" is not
// "mw"). glued marks those read only when touching the figure ("5t",
// "24h"), since as separate words they are too often something else.
type abbrInfo struct {
	unitInfo
	glued bool
}

var unitAbbr = map[string]abbrInfo{
	"t": {unitInfo{KindMeasure, "tonne"}, true}, "kt": {unitInfo{KindMeasure, "kiloton"}, true},
	"kg": {unitInfo{KindMeasure, "kilogram"}, false}, "kgs": {unitInfo{KindMeasure, "kilogram"}, false},
	"g": {unitInfo{KindMeasure, "gram"}, true},
	"l": {unitInfo{KindMeasure, "litre"}, true}, "ml": {unitInfo{KindMeasure, "millilitre"}, false},
	"km": {unitInfo{KindMeasure, "km"}, false}, "kms": {unitInfo{KindMeasure, "km"}, false},
	"cm":  {unitInfo{KindMeasure, "cm"}, false},
	"mm":  {unitInfo{KindCalibre, "mm"}, false},
	"ha":  {unitInfo{KindMeasure, "hectare"}, true},
	"bbl": {unitInfo{KindMeasure, "barrel"}, false}, "bpd": {unitInfo{KindMeasure, "barrel per day"}, false},
	"bcm": {unitInfo{KindMeasure, "bcm"}, false},
	"MW":  {unitInfo{KindMeasure, "megawatt"}, false}, "GW": {unitInfo{KindMeasure, "gigawatt"}, false},
	"kW": {unitInfo{KindMeasure, "kilowatt"}, false}, "MWh": {unitInfo{KindMeasure, "megawatt hour"}, false},
	"GWh": {unitInfo{KindMeasure, "gigawatt hour"}, false}, "kWh": {unitInfo{KindMeasure, "kilowatt hour"}, false},
	"ft": {unitInfo{KindMeasure, "foot"}, false}, "lb": {unitInfo{KindMeasure, "pound"}, false},
	"lbs": {unitInfo{KindMeasure, "pound"}, false}, "oz": {unitInfo{KindMeasure, "ounce"}, false},
	"mph": {unitInfo{KindMeasure, "mph"}, false}, "kph": {unitInfo{KindMeasure, "km/h"}, false},
	"kmh": {unitInfo{KindMeasure, "km/h"}, false},
	"h":   {unitInfo{KindDuration, "hour"}, true}, "hr": {unitInfo{KindDuration, "hour"}, false},
	"hrs": {unitInfo{KindDuration, "hour"}, false}, "min": {unitInfo{KindDuration, "minute"}, true},
	"mins": {unitInfo{KindDuration, "minute"}, false}, "sec": {unitInfo{KindDuration, "second"}, true},
	"secs": {unitInfo{KindDuration, "second"}, false}, "yr": {unitInfo{KindDuration, "year"}, false},
	"yrs": {unitInfo{KindDuration, "year"}, false},
}

// metreFollowers are words after which a glued "m" is metres, not
// millions: "a 30m high wall", "100m from the border".
var metreFollowers = map[string]struct{}{
	"high": {}, "long": {}, "wide": {}, "deep": {}, "tall": {}, "away": {}, "from": {},
	"of": {}, "in": {}, "above": {}, "below": {}, "into": {}, "off": {}, "down": {}, "up": {},
	"across": {}, "on": {}, "at": {}, "to": {}, "and": {}, "or": {}, "underground": {},
	"beneath": {}, "under": {}, "deeper": {}, "higher": {}, "further": {}, "farther": {},
	"behind": {}, "inside": {}, "outside": {}, "radius": {}, "range": {}, "sprint": {},
	"hurdles": {}, "freestyle": {}, "race": {},
}

// idNouns are nouns that a following number names rather than counts:
// "Resolution 2623", "Article 5", "Flight 752".
var idNouns = map[string]struct{}{
	"resolution": {}, "resolutions": {}, "article": {}, "articles": {}, "section": {}, "chapter": {},
	"paragraph": {}, "clause": {}, "flight": {}, "highway": {}, "route": {}, "reactor": {},
	"unit": {}, "block": {}, "gate": {}, "platform": {}, "terminal": {}, "building": {}, "room": {},
	"page": {}, "pages": {}, "volume": {}, "version": {}, "phase": {}, "level": {}, "tier": {},
	"category": {}, "zone": {}, "sector": {}, "line": {}, "channel": {}, "stream": {},
	"protocol": {}, "decree": {}, "bus": {}, "tram": {}, "track": {}, "episode": {}, "season": {},
	"part": {}, "annex": {}, "appendix": {}, "rule": {}, "no": {}, "nos": {}, "number": {},
	"ward": {}, "cell": {}, "pier": {}, "berth": {}, "exit": {}, "junction": {}, "district": {},
	"camp": {}, "corps": {}, "law": {}, "bill": {}, "directive": {}, "regulation": {},
	"quadrant": {}, "grid": {}, "code": {}, "lot": {}, "plot": {}, "box": {}, "ref": {},
	// An aid tracker cites its sources by number: "Source of Aid 2
	// specifies", "Source 1 lists".
	"aid": {}, "source": {},
}

// ordinalNouns are nouns a following number counts off: "day 130" of a war.
var ordinalNouns = map[string]struct{}{
	"day": {}, "week": {}, "month": {}, "round": {}, "stage": {}, "leg": {}, "game": {},
}

// modelFamilies are names written with a separate model number: "Leopard 2".
var modelFamilies = map[string]struct{}{
	"Leopard": {}, "Challenger": {}, "Mirage": {}, "Boeing": {}, "Marder": {}, "Piranha": {},
	"Zuzana": {}, "Antonov": {}, "Tupolev": {}, "Ilyushin": {}, "Sukhoi": {}, "Patria": {},
	"Krab": {}, "Dana": {}, "Vulcano": {}, "Pz": {}, "Panzerhaubitze": {},
}

// idPrefixes are letters glued to digits that name rather than model:
// "G7", "COVID-19", "MH17".
var idPrefixes = map[string]struct{}{
	"G": {}, "COVID": {}, "Covid": {}, "covid": {}, "SARS": {}, "MH": {}, "PS": {}, "FY": {},
	"Q": {}, "COP": {}, "Cop": {}, "H": {},
}

// timeZones are read as part of a clock time: "7am BST", "0600 GMT".
var timeZones = map[string]struct{}{
	"GMT": {}, "UTC": {}, "BST": {}, "CET": {}, "CEST": {}, "EET": {}, "EEST": {}, "MSK": {},
	"EST": {}, "EDT": {}, "ET": {}, "PST": {}, "PDT": {}, "PT": {}, "CST": {}, "CDT": {},
	"IST": {}, "JST": {}, "AEST": {}, "AEDT": {}, "Zulu": {},
}

// ageCues are words before a figure that make it an age: "aged 40".
var ageCues = map[string]struct{}{"aged": {}, "age": {}, "ages": {}}

// fractions after a number word make a share, not a count: "two thirds".
var fractions = map[string]struct{}{
	"half": {}, "halves": {}, "third": {}, "thirds": {}, "quarter": {}, "quarters": {},
	"fifth": {}, "fifths": {}, "sixth": {}, "sixths": {}, "eighth": {}, "eighths": {},
	"tenth": {}, "tenths": {},
}

// oneSkips are words after which "one" is a pronoun: "no one", "the one".
var oneSkips = map[string]struct{}{
	"no": {}, "any": {}, "every": {}, "each": {}, "the": {}, "this": {}, "that": {},
	"which": {}, "little": {}, "loved": {}, "someone": {}, "anyone": {}, "everyone": {},
	"last": {}, "next": {}, "other": {}, "another": {}, "such": {}, "big": {},
	"right": {}, "wrong": {}, "new": {}, "old": {}, "young": {}, "same": {},
}

// changeVerbs before "from X to Y" make two figures of a change, not a range.
var changeVerbs = map[string]struct{}{
	"increase": {}, "increased": {}, "increases": {}, "increasing": {}, "rise": {}, "rose": {},
	"risen": {}, "rising": {}, "raise": {}, "raised": {}, "raising": {}, "grew": {}, "grown": {},
	"grow": {}, "growing": {}, "fell": {}, "fall": {}, "fallen": {}, "falling": {}, "drop": {},
	"dropped": {}, "dropping": {}, "doubled": {}, "tripled": {}, "cut": {}, "cuts": {},
	"jumped": {}, "jump": {}, "climbed": {}, "climb": {}, "boosted": {}, "boost": {},
	"declined": {}, "decline": {}, "reduced": {}, "reduce": {}, "lowered": {}, "lifted": {},
	"expanded": {}, "upped": {}, "slashed": {}, "up": {}, "down": {}, "soared": {}, "surged": {},
	"plunged": {}, "went": {}, "moved": {}, "changed": {}, "revised": {}, "brings": {},
	"brought": {}, "bringing": {},
}
