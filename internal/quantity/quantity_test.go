package quantity

import (
	"fmt"
	"strings"
	"testing"
)

// bounds is an expected range; nil is an open bound.
type bounds struct{ min, max *float64 }

func f64(v float64) *float64 { return &v }

func exact(v float64) bounds     { return bounds{f64(v), f64(v)} }
func atLeast(v float64) bounds   { return bounds{min: f64(v)} }
func atMost(v float64) bounds    { return bounds{max: f64(v)} }
func span(lo, hi float64) bounds { return bounds{f64(lo), f64(hi)} }
func noValue() bounds            { return bounds{} }
func fmtBound(p *float64) string {
	return map[bool]string{true: "open", false: ""}[p == nil] + fmtVal(p)
}
func fmtVal(p *float64) string {
	if p == nil {
		return ""
	}
	return fmt.Sprintf("%g", *p)
}

// want is one mention a sentence must yield. Every field is compared.
type want struct {
	text   string
	kind   Kind
	b      bounds
	approx bool
	hedge  string
	cur    string
	unit   string
}

func count(text string, b bounds) want { return want{text: text, kind: KindCount, b: b} }
func hedged(text string, b bounds, hedge string) want {
	return want{text: text, kind: KindCount, b: b, approx: true, hedge: hedge}
}
func vague(text string, lo, hi float64) want {
	return want{text: text, kind: KindCount, b: span(lo, hi), approx: true}
}
func money(text string, b bounds, cur string) want {
	return want{text: text, kind: KindMoney, b: b, cur: cur}
}
func hedgedMoney(text string, b bounds, cur, hedge string) want {
	return want{text: text, kind: KindMoney, b: b, cur: cur, approx: true, hedge: hedge}
}
func measure(text string, b bounds, unit string) want {
	return want{text: text, kind: KindMeasure, b: b, unit: unit}
}
func kinded(text string, kind Kind, b bounds, unit string) want {
	return want{text: text, kind: kind, b: b, unit: unit}
}

type findCase struct {
	name string
	in   string
	want []want
	// notCount lists substrings that no count mention may cover.
	notCount []string
}

var findCases = []findCase{
	// Digits with separators.
	{name: "comma thousands", in: "Officials counted 2,000 displaced families at the stadium.",
		want: []want{count("2,000", exact(2000))}},
	{name: "comma millions", in: "The health ministry said 1,000,000 doses had arrived by rail.",
		want: []want{count("1,000,000", exact(1e6))}},
	{name: "decimal", in: "The index slipped 1.5 points in early trading.",
		want: []want{count("1.5", exact(1.5))}},
	{name: "space thousands", in: "Engineers restored power to 10 000 homes overnight.",
		want: []want{count("10 000", exact(10000))}},
	{name: "space millions", in: "The agency shipped 1 250 000 rations before winter.",
		want: []want{count("1 250 000", exact(1250000))}},
	{name: "bare large count", in: "The donation covered 135000 field rations.",
		want: []want{count("135000", exact(135000))}},
	{name: "point grouping", in: "The convoy carried 1.536 food packages and 240 tents.",
		want: []want{count("1.536", exact(1536)), count("240", exact(240))}},
	{name: "dotted millions", in: "Organisers said 1.000.000 people signed the petition.",
		want: []want{count("1.000.000", exact(1e6))}},

	// Number words.
	{name: "units", in: "Five ambulances and twelve field kitchens crossed the border.",
		want: []want{count("Five", exact(5)), count("twelve", exact(12))}},
	{name: "hyphenated tens", in: "The brigade lost twenty-one soldiers in the assault.",
		want: []want{count("twenty-one", exact(21))}},
	{name: "ninety-nine", in: "Ninety-nine detainees walked free in the exchange.",
		want: []want{count("Ninety-nine", exact(99))}},
	{name: "spaced tens", in: "Guards escorted thirty two prisoners to the bus.",
		want: []want{count("thirty two", exact(32))}},
	{name: "a hundred", in: "Rescuers pulled a hundred people from the rubble.",
		want: []want{count("a hundred", exact(100))}},
	{name: "a million", in: "The scheme is meant to reach a million households.",
		want: []want{count("a million", exact(1e6))}},
	{name: "a dozen and two dozen", in: "Volunteers handed out a dozen generators and two dozen heaters.",
		want: []want{count("a dozen", exact(12)), count("two dozen", exact(24))}},
	{name: "half a million", in: "Half a million people are without running water.",
		want: []want{count("Half a million", exact(5e5))}},
	{name: "quarter of a million", in: "A quarter of a million refugees crossed in one week.",
		want: []want{count("A quarter of a million", exact(2.5e5)), kinded("one week", KindDuration, exact(1), "week")}},
	{name: "hundred and fifty thousand", in: "Three hundred and fifty thousand people lost heating.",
		want: []want{count("Three hundred and fifty thousand", exact(350000))}},
	{name: "hundred and twenty", in: "The column included one hundred and twenty tanks.",
		want: []want{count("one hundred and twenty", exact(120))}},
	{name: "half a dozen", in: "Half a dozen drones struck the depot.",
		want: []want{count("Half a dozen", exact(6))}},

	// Digits with scale words.
	{name: "1.2 million", in: "The city had a pre-war population of 1.2 million.",
		want: []want{count("1.2 million", exact(1.2e6))}},
	{name: "bn glued", in: "The ministry sought a 3.5bn loan from lenders.",
		want: []want{count("3.5bn", exact(3.5e9))}},
	{name: "m with a noun", in: "Ports shipped 20m tonnes of grain last year.",
		want: []want{measure("20m tonnes", exact(2e7), "tonne")}},
	{name: "m as metres", in: "Troops dug a trench 30m from the riverbank.",
		want: []want{measure("30m", exact(30), "metre")}},
	{name: "thousand after digits", in: "Roughly 3 thousand workers joined the strike.",
		want: []want{hedged("Roughly 3 thousand", exact(3000), "Roughly")}},
	{name: "k glued", in: "The appeal raised 50k signatures in a day.",
		want: []want{count("50k", exact(50000))}},

	// Money.
	{name: "euro sign bn", in: "The bank approved €1.2bn for reconstruction.",
		want: []want{money("€1.2bn", exact(1.2e9), "EUR")}},
	{name: "dollar m", in: "Washington unveiled $350m in new security aid.",
		want: []want{money("$350m", exact(3.5e8), "USD")}},
	{name: "dollar million", in: "The White House announced $350 million for air defence.",
		want: []want{money("$350 million", exact(3.5e8), "USD")}},
	{name: "dollars word", in: "Donors pledged 350 million dollars at the conference.",
		want: []want{money("350 million dollars", exact(3.5e8), "USD")}},
	{name: "euros word", in: "Brussels will release 500 million euros next month.",
		want: []want{money("500 million euros", exact(5e8), "EUR")}},
	{name: "pound sign", in: "London added £25 million to the fund.",
		want: []want{money("£25 million", exact(2.5e7), "GBP")}},
	{name: "CHF before", in: "Bern set aside CHF 60 million for winter relief.",
		want: []want{money("CHF 60 million", exact(6e7), "CHF")}},
	{name: "CHF after", in: "Bern set aside 60 million CHF for winter relief.",
		want: []want{money("60 million CHF", exact(6e7), "CHF")}},
	{name: "Australian dollars", in: "Canberra committed 70 million Australian dollars in equipment.",
		want: []want{money("70 million Australian dollars", exact(7e7), "AUD")}},
	{name: "A dollar sign", in: "Canberra committed A$70 million in equipment.",
		want: []want{money("A$70 million", exact(7e7), "AUD")}},
	{name: "C dollar sign", in: "Ottawa offered a C$500 million loan.",
		want: []want{money("C$500 million", exact(5e8), "CAD")}},
	{name: "US dollar sign", in: "The lender approved US$1 billion in guarantees.",
		want: []want{money("US$1 billion", exact(1e9), "USD")}},
	{name: "SEK before", in: "Stockholm announced SEK 500 million in budget support.",
		want: []want{money("SEK 500 million", exact(5e8), "SEK")}},
	{name: "kronor", in: "Stockholm announced 300 million kronor in budget support.",
		want: []want{money("300 million kronor", exact(3e8), "SEK")}},
	{name: "zloty", in: "Warsaw earmarked 1.5 billion zloty for housing refugees.",
		want: []want{money("1.5 billion zloty", exact(1.5e9), "PLN")}},
	{name: "Polish zloty", in: "The swap line was worth 4 billion Polish zloty.",
		want: []want{money("4 billion Polish zloty", exact(4e9), "PLN")}},
	{name: "hryvnias", in: "Kyiv paid out 2 billion hryvnias in pensions.",
		want: []want{money("2 billion hryvnias", exact(2e9), "UAH")}},
	{name: "Danish kroner", in: "Copenhagen gave 100 million Danish kroner to the fund.",
		want: []want{money("100 million Danish kroner", exact(1e8), "DKK")}},
	{name: "bare kroner", in: "The package was worth 30 million kroner in all.",
		want: []want{money("30 million kroner", exact(3e7), "")}},
	{name: "NOK and DKK codes", in: "Oslo pledged NOK 2.5 billion and Copenhagen DKK 820 million.",
		want: []want{money("NOK 2.5 billion", exact(2.5e9), "NOK"), money("DKK 820 million", exact(8.2e8), "DKK")}},
	{name: "Swiss francs", in: "Switzerland raised its aid by 50 million Swiss francs.",
		want: []want{money("50 million Swiss francs", exact(5e7), "CHF")}},
	{name: "yen sign", in: "Tokyo extended ¥50 billion in soft loans.",
		want: []want{money("¥50 billion", exact(5e10), "JPY")}},
	{name: "hryvnia sign", in: "Salaries cost ₴1.5bn a month.",
		want: []want{money("₴1.5bn", exact(1.5e9), "UAH")}},
	{name: "CZK after", in: "Prague bought shells for 36.6 million CZK.",
		want: []want{money("36.6 million CZK", exact(3.66e7), "CZK")}},
	{name: "HUF before", in: "Budapest sent HUF 66 million for water repairs.",
		want: []want{money("HUF 66 million", exact(6.6e7), "HUF")}},
	{name: "Turkish lira", in: "Ankara sent aid worth 2 billion Turkish lira.",
		want: []want{money("2 billion Turkish lira", exact(2e9), "TRY")}},
	{name: "yuan", in: "Beijing offered 10 million yuan in humanitarian aid.",
		want: []want{money("10 million yuan", exact(1e7), "CNY")}},
	{name: "won with scale", in: "Seoul pledged 3 billion won for medical supplies.",
		want: []want{money("3 billion won", exact(3e9), "KRW")}},
	{name: "NZ dollar", in: "Wellington contributed NZ$5 million to the trust fund.",
		want: []want{money("NZ$5 million", exact(5e6), "NZD")}},
	{name: "pounds with scale", in: "The broadcaster received 30 million pounds in emergency funding.",
		want: []want{money("30 million pounds", exact(3e7), "GBP")}},
	{name: "cents kept", in: "Each ambulance was valued at 83,693.93 EUR by the cabinet.",
		want: []want{money("83,693.93 EUR", exact(83693.93), "EUR")}},
	{name: "bare digits with code", in: "The donation was worth 500000 USD.",
		want: []want{money("500000 USD", exact(500000), "USD")}},
	{name: "decimal millions exact", in: "The final tally came to EUR 2.197 million.",
		want: []want{money("EUR 2.197 million", exact(2197000), "EUR")}},
	{name: "USD bn spaced", in: "Only USD 9.025 bn of the limit was used.",
		want: []want{money("USD 9.025 bn", exact(9.025e9), "USD")}},
	{name: "rubles", in: "Moscow froze 200 million roubles in accounts.",
		want: []want{money("200 million roubles", exact(2e8), "RUB")}},

	// Vague amounts.
	{name: "hundreds of", in: "Hundreds of civilians sheltered in the metro.",
		want: []want{vague("Hundreds", 200, 999)}},
	{name: "thousands of", in: "Thousands of residents queued for water.",
		want: []want{vague("Thousands", 2000, 9999)}},
	{name: "tens of thousands", in: "Tens of thousands of people fled the shelling.",
		want: []want{vague("Tens of thousands", 20000, 99999)}},
	{name: "hundreds of thousands", in: "Hundreds of thousands of homes lost power.",
		want: []want{vague("Hundreds of thousands", 200000, 999999)}},
	{name: "dozens", in: "Dozens of villages were cut off by the floods.",
		want: []want{vague("Dozens", 24, 99)}},
	{name: "several", in: "Several tanks were seen moving north.",
		want: []want{vague("Several", 3, 9)}},
	{name: "several hundred", in: "Several hundred volunteers cleared the streets.",
		want: []want{vague("Several hundred", 300, 900)}},
	{name: "a few thousand", in: "A few thousand soldiers remain in the garrison.",
		want: []want{vague("A few thousand", 2000, 5000)}},
	{name: "millions of", in: "Millions of people depend on the grain corridor.",
		want: []want{vague("Millions", 2e6, 1e7-1)}},
	{name: "tens of millions of dollars", in: "The repairs will cost tens of millions of dollars.",
		want: []want{{text: "tens of millions of dollars", kind: KindMoney, b: span(2e7, 1e8-1), approx: true, cur: "USD"}}},
	{name: "scores of", in: "Scores of protesters gathered outside parliament.",
		want: []want{vague("Scores", 40, 199)}},
	{name: "a handful of", in: "Only a handful of journalists reached the port.",
		want: []want{vague("a handful", 2, 6)}},
	{name: "tens without of", in: "The tens were stacked on the counter.",
		want: nil},

	// Lower bounds.
	{name: "over", in: "Washington sent over 200 of the missiles.",
		want: []want{hedged("over 200", atLeast(200), "over")}},
	{name: "more than", in: "More than 2,000 civilians have been killed, the agency said.",
		want: []want{hedged("More than 2,000", atLeast(2000), "More than")}},
	{name: "at least", in: "At least 11 apartment blocks were damaged.",
		want: []want{hedged("At least 11", atLeast(11), "At least")}},
	{name: "in excess of money", in: "The guarantee is in excess of 44 million EUR.",
		want: []want{hedgedMoney("in excess of 44 million EUR", atLeast(4.4e7), "EUR", "in excess of")}},
	{name: "upwards of", in: "Upwards of 5,000 people attended the funeral.",
		want: []want{hedged("Upwards of 5,000", atLeast(5000), "Upwards of")}},
	{name: "exceeding", in: "Losses exceeding 1,000 vehicles were reported.",
		want: []want{hedged("exceeding 1,000", atLeast(1000), "exceeding")}},
	{name: "surpassing a million", in: "The number of refugees is now surpassing a million.",
		want: []want{hedged("surpassing a million", atLeast(1e6), "surpassing")}},
	{name: "exceed", in: "The toll could exceed 20,000, the mayor said.",
		want: []want{hedged("exceed 20,000", atLeast(20000), "exceed")}},
	{name: "above", in: "Turnout was above 300 in every district.",
		want: []want{hedged("above 300", atLeast(300), "above")}},
	{name: "over a million", in: "Over a million residents have left the region.",
		want: []want{hedged("Over a million", atLeast(1e6), "Over")}},
	{name: "well over", in: "Well over 400 buses were requisitioned.",
		want: []want{hedged("Well over 400", atLeast(400), "Well over")}},
	{name: "more than a dozen", in: "More than a dozen drones were shot down.",
		want: []want{hedged("More than a dozen", atLeast(12), "More than")}},

	// Upper bounds.
	{name: "up to", in: "The clinic can treat up to 500 patients a day.",
		want: []want{hedged("up to 500", atMost(500), "up to")}},
	{name: "up to spelled", in: "Up to eight armoured vehicles will be financed.",
		want: []want{hedged("Up to eight", atMost(8), "Up to")}},
	{name: "nearly money", in: "Paris has provided nearly 100 million EUR so far.",
		want: []want{hedgedMoney("nearly 100 million EUR", atMost(1e8), "EUR", "nearly")}},
	{name: "almost", in: "Almost 4,000 homes were destroyed.",
		want: []want{hedged("Almost 4,000", atMost(4000), "Almost")}},
	{name: "fewer than", in: "Fewer than 50 residents stayed behind.",
		want: []want{hedged("Fewer than 50", atMost(50), "Fewer than")}},
	{name: "at most", in: "The ferry holds at most 12 cars.",
		want: []want{hedged("at most 12", atMost(12), "at most")}},
	{name: "just under money", in: "Bern has so far set aside just under CHF 60 million for the relief effort.",
		want: []want{hedgedMoney("just under CHF 60 million", atMost(6e7), "CHF", "just under")}},
	{name: "no more than", in: "No more than 40 journalists were accredited.",
		want: []want{hedged("No more than 40", atMost(40), "No more than")}},
	{name: "as many as", in: "As many as 100 servicemen may have died.",
		want: []want{hedged("As many as 100", atMost(100), "As many as")}},
	{name: "less than duration", in: "The strike came less than 24 hours after the talks.",
		want: []want{{text: "less than 24 hours", kind: KindDuration, b: atMost(24), approx: true, hedge: "less than", unit: "hour"}}},

	// Approximate figures.
	{name: "some", in: "The UK sent some 2,000 anti-tank launchers.",
		want: []want{hedged("some 2,000", exact(2000), "some")}},
	{name: "around", in: "Around 30 instructors arrived with the shipment.",
		want: []want{hedged("Around 30", exact(30), "Around")}},
	{name: "about", in: "Officials from about 40 countries met in the capital.",
		want: []want{hedged("about 40", exact(40), "about")}},
	{name: "approximately money", in: "The package is worth approximately AUD 388 million.",
		want: []want{hedgedMoney("approximately AUD 388 million", exact(3.88e8), "AUD", "approximately")}},
	{name: "roughly", in: "Roughly 1.5 million people live in the occupied area.",
		want: []want{hedged("Roughly 1.5 million", exact(1.5e6), "Roughly")}},
	{name: "an estimated", in: "Moscow has massed an estimated 100,000 troops near the border.",
		want: []want{hedged("an estimated 100,000", exact(100000), "an estimated")}},
	{name: "close to", in: "Close to 50 trucks waited at the crossing.",
		want: []want{hedged("Close to 50", exact(50), "Close to")}},
	{name: "circa", in: "The fortress held circa 600 defenders.",
		want: []want{hedged("circa 600", exact(600), "circa")}},
	{name: "tilde", in: "Satellite images show ~300 vehicles in the column.",
		want: []want{hedged("~300", exact(300), "~")}},
	{name: "some euros", in: "The EU agreed to provide some €500 million in arms.",
		want: []want{hedgedMoney("some €500 million", exact(5e8), "EUR", "some")}},

	// Hedges written after the figure.
	{name: "odd", in: "The 2,000-odd defenders refused to surrender.",
		want: []want{hedged("2,000-odd", exact(2000), "odd")}},
	{name: "or so", in: "Another 500 or so people left on foot.",
		want: []want{hedged("500 or so", exact(500), "or so")}},
	{name: "plus sign", in: "The siege has killed 1,000+ civilians.",
		want: []want{hedged("1,000+", atLeast(1000), "+")}},
	{name: "or more", in: "Ten or more shells landed near the plant.",
		want: []want{hedged("Ten or more", atLeast(10), "or more")}},

	// Ranges.
	{name: "between and", in: "Between 20 and 30 people were trapped inside.",
		want: []want{count("Between 20 and 30", span(20, 30))}},
	{name: "to", in: "The battalion lost 20 to 30 vehicles.",
		want: []want{count("20 to 30", span(20, 30))}},
	{name: "hyphen", in: "Each wave used 20-30 drones.",
		want: []want{count("20-30", span(20, 30))}},
	{name: "en dash", in: "Each wave used 20–30 drones.",
		want: []want{count("20–30", span(20, 30))}},
	{name: "money range shared scale", in: "Analysts priced the deal at $20-30 million.",
		want: []want{money("$20-30 million", span(2e7, 3e7), "USD")}},
	{name: "money range glued m", in: "The repairs will cost about €40-50m in total.",
		want: []want{hedgedMoney("about €40-50m", span(4e7, 5e7), "EUR", "about")}},
	{name: "between money", in: "Rebuilding will cost between $20 million and $30 million.",
		want: []want{money("between $20 million and $30 million", span(2e7, 3e7), "USD")}},
	{name: "range currency after", in: "Estimates ran from 20 to 30 million euros.",
		want: []want{money("20 to 30 million euros", span(2e7, 3e7), "EUR")}},
	{name: "or range", in: "Two or three tanks were destroyed.",
		want: []want{vague("Two or three", 2, 3)}},
	{name: "hedged range measure", in: "The front moved about 20 to 40 miles east.",
		want: []want{{text: "about 20 to 40 miles", kind: KindMeasure, b: span(20, 40), approx: true, hedge: "about", unit: "mile"}}},
	{name: "percent range", in: "Prices rose 5-10% in a month.",
		want: []want{kinded("5-10%", KindPercent, span(5, 10), "")}},
	{name: "percent then money", in: "Sales were up 19.5% to 52 million dollars.",
		want: []want{kinded("19.5%", KindPercent, exact(19.5), ""), money("52 million dollars", exact(5.2e7), "USD")}},
	{name: "change is not a range", in: "The total rose from 116 million AUD to 165 million AUD.",
		want: []want{money("116 million AUD", exact(1.16e8), "AUD"), money("165 million AUD", exact(1.65e8), "AUD")}},

	// Years.
	{name: "year after in", in: "Russia annexed the peninsula in 2014.",
		want: []want{kinded("2014", KindYear, exact(2014), "")}, notCount: []string{"2014"}},
	{name: "year before noun", in: "The 2022 invasion displaced millions.",
		want: []want{kinded("2022", KindYear, exact(2022), ""), vague("millions", 2e6, 1e7-1)}},
	{name: "decade", in: "The base was built in the 1990s.",
		want: []want{kinded("1990s", KindYear, span(1990, 1999), "")}},
	{name: "fiscal year span", in: "The budget for 2022-23 was approved.",
		want: []want{kinded("2022-23", KindYear, span(2022, 2023), "")}},
	{name: "year range", in: "Between 2014 and 2022 the front barely moved.",
		want: []want{kinded("Between 2014 and 2022", KindYear, span(2014, 2022), "")}},
	{name: "year prefix", in: "The post-2014 reforms were praised.",
		want: []want{kinded("2014", KindYear, exact(2014), "")}},
	{name: "hedged count not year", in: "Some 2000 soldiers were redeployed.",
		want: []want{hedged("Some 2000", exact(2000), "Some")}},
	{name: "year before a model", in: "In 2014 T-72 tanks crossed the border.",
		want: []want{kinded("2014", KindYear, exact(2014), ""), kinded("T-72", KindModel, noValue(), "")}},
	{name: "year not a range start", in: "The surplus fell in 2014 to 11.4 billion.",
		want: []want{kinded("2014", KindYear, exact(2014), ""), count("11.4 billion", exact(1.14e10))}},
	{name: "slashed years", in: "Parliament passed the 2022/23 budget.",
		want: []want{kinded("2022/23", KindYear, span(2022, 2023), "")}},
	{name: "count before a model", in: "Oslo shipped 2000 M72 launchers.",
		want: []want{count("2000", exact(2000)), kinded("M72", KindModel, noValue(), "")}},

	// Dates.
	{name: "month day", in: "Fighting resumed on March 3 near the plant.",
		want: []want{kinded("March 3", KindDate, exact(3), "")}, notCount: []string{"3"}},
	{name: "day month", in: "Talks were held on 3 March in Belarus.",
		want: []want{kinded("3 March", KindDate, exact(3), "")}},
	{name: "since date", in: "Over a million people have fled since February 24.",
		want: []want{hedged("Over a million", atLeast(1e6), "Over"), kinded("February 24", KindDate, exact(24), "")}},
	{name: "date with year", in: "The drawdown was approved on Sept. 30, 2022 in Washington.",
		want: []want{kinded("Sept. 30, 2022", KindDate, exact(30), "")}},
	{name: "ordinal date", in: "The convoy left on the 24th of February.",
		want: []want{kinded("24th of February", KindDate, exact(24), "")}},
	{name: "date range", in: "The trip is scheduled between March 3 and 8.",
		want: []want{kinded("between March 3 and 8", KindDate, span(3, 8), "")}},
	{name: "day range month", in: "Exercises run 3-8 March near the border.",
		want: []want{kinded("3-8 March", KindDate, span(3, 8), "")}},
	{name: "date with year no comma", in: "The invasion began on 24 February 2022, before dawn.",
		want: []want{kinded("24 February 2022", KindDate, exact(24), "")}, notCount: []string{"2022"}},
	{name: "iso date", in: "The order is dated 2022-06-27.",
		want: []want{kinded("2022-06-27", KindDate, exact(27), "")}},
	{name: "slashed date", in: "The decree took effect on 27/06/2022.",
		want: []want{kinded("27/06/2022", KindDate, exact(27), "")}},
	{name: "may as a verb", in: "Officials may 5 times revise the figure.",
		want: []want{count("5", exact(5))}},

	// Calibres.
	{name: "calibre glued", in: "Gunners fired 155mm shells all night.",
		want: []want{kinded("155mm", KindCalibre, exact(155), "mm")}},
	{name: "calibre spelled", in: "The 155-millimetre howitzers arrived by rail.",
		want: []want{kinded("155-millimetre", KindCalibre, exact(155), "mm")}},
	{name: "calibre decimal", in: "Crates of 7.62mm rounds and 7.62 mm belts were seized.",
		want: []want{kinded("7.62mm", KindCalibre, exact(7.62), "mm"), kinded("7.62 mm", KindCalibre, exact(7.62), "mm")}},
	{name: "calibre word", in: "Troops mounted 50-calibre machine guns on trucks.",
		want: []want{kinded("50-calibre", KindCalibre, exact(50), "calibre")}},
	{name: "count then calibre", in: "Lisbon sent 5 units of 155-mm howitzers.",
		want: []want{count("5", exact(5)), kinded("155-mm", KindCalibre, exact(155), "mm")}},
	{name: "count before glued calibre", in: "Poland sent 18 155mm howitzers to Kyiv.",
		want: []want{count("18", exact(18)), kinded("155mm", KindCalibre, exact(155), "mm")}},
	{name: "space-grouped thousands stay", in: "The army received 10 000 helmets.",
		want: []want{count("10 000", exact(10000))}},

	// Models.
	{name: "models hyphen", in: "Crews abandoned T-72 tanks and an S-300 battery.",
		want: []want{kinded("T-72", KindModel, noValue(), ""), kinded("S-300", KindModel, noValue(), "")}},
	{name: "models glued", in: "The package adds M777 howitzers and TB2 drones.",
		want: []want{kinded("M777", KindModel, noValue(), ""), kinded("TB2", KindModel, noValue(), "")}},
	{name: "helicopters and jets", in: "Five Mi-17 helicopters, two Su-25 jets and F-16 pilots were discussed.",
		want: []want{count("Five", exact(5)), kinded("Mi-17", KindModel, noValue(), ""), count("two", exact(2)),
			kinded("Su-25", KindModel, noValue(), ""), kinded("F-16", KindModel, noValue(), "")}},
	{name: "system names", in: "HIMARS M142 launchers and Patriot PAC-3 interceptors were sent.",
		want: []want{kinded("M142", KindModel, noValue(), ""), kinded("PAC-3", KindModel, noValue(), "")}},
	{name: "family with spaced number", in: "Berlin approved Leopard 2 tanks for export.",
		want: []want{kinded("Leopard 2", KindModel, noValue(), "")}, notCount: []string{"2"}},
	{name: "digit-led model", in: "The army fielded 2S19 guns near the river.",
		want: []want{kinded("2S19", KindModel, noValue(), "")}},
	{name: "plural model", in: "Pilots trained on F-16s in Denmark.",
		want: []want{kinded("F-16s", KindModel, noValue(), "")}},

	// Ages.
	{name: "year-old", in: "A 63-year-old man was detained at the checkpoint.",
		want: []want{kinded("63-year-old", KindAge, exact(63), "year")}, notCount: []string{"63"}},
	{name: "aged", in: "The victim, aged 40, worked at the plant.",
		want: []want{kinded("aged 40", KindAge, exact(40), "year")}},
	{name: "years old", in: "The youngest recruit was 18 years old.",
		want: []want{kinded("18 years old", KindAge, exact(18), "year")}},
	{name: "age range", in: "Men aged between 18 and 60 may not leave.",
		want: []want{kinded("aged between 18 and 60", KindAge, span(18, 60), "year")}},
	{name: "infant age", in: "Her three-month-old son survived the blast.",
		want: []want{kinded("three-month-old", KindAge, exact(3), "month")}},
	{name: "spelled age", in: "A five-year-old girl was among the wounded.",
		want: []want{kinded("five-year-old", KindAge, exact(5), "year")}},
	{name: "decade of life", in: "The commander, in his 40s, was promoted.",
		want: []want{kinded("40s", KindAge, span(40, 49), "year")}},

	// Clock times.
	{name: "colon time", in: "The sirens sounded at 10:30 local time.",
		want: []want{kinded("10:30", KindTime, exact(10.5), "")}},
	{name: "pm time", in: "The curfew starts at 9 p.m. every day.",
		want: []want{kinded("9 p.m.", KindTime, exact(21), "")}},
	{name: "am glued", in: "The first blasts came at about 5.30am.",
		want: []want{{text: "5.30am", kind: KindTime, b: exact(5.5)}}},
	{name: "military time with hours", in: "Results are due at 1500 hrs CET.",
		want: []want{kinded("1500 hrs CET", KindTime, exact(15), "")}},
	{name: "military time", in: "The ceasefire began at 0600 GMT.",
		want: []want{kinded("0600 GMT", KindTime, exact(6), "")}},

	// Percentages.
	{name: "percent sign", in: "Inflation reached 5% in March.",
		want: []want{kinded("5%", KindPercent, exact(5), "")}},
	{name: "per cent words", in: "Exports fell by five per cent.",
		want: []want{kinded("five per cent", KindPercent, exact(5), "")}},
	{name: "percent word", in: "Turnout was 14.5 percent, the commission said.",
		want: []want{kinded("14.5 percent", KindPercent, exact(14.5), "")}},
	{name: "percentage points", in: "Tariffs rise by 35 percentage points.",
		want: []want{kinded("35 percentage points", KindPercent, exact(35), "percentage point")}},
	{name: "hedged percent", in: "Ukraine regained about 20% of the region.",
		want: []want{{text: "about 20%", kind: KindPercent, b: exact(20), approx: true, hedge: "about"}}},

	// Ordinals.
	{name: "spelled ordinals", in: "The second round of talks ended on the third day.",
		want: []want{kinded("second", KindOrdinal, exact(2), ""), kinded("third", KindOrdinal, exact(3), "")}},
	{name: "digit ordinal", in: "The 24th brigade held the line.",
		want: []want{kinded("24th", KindOrdinal, exact(24), "")}, notCount: []string{"24"}},
	{name: "compound ordinal", in: "It was the twenty-first convoy this year.",
		want: []want{kinded("twenty-first", KindOrdinal, exact(21), "")}},
	{name: "day of war", in: "On day 130 of the war, shelling continued.",
		want: []want{kinded("day 130", KindOrdinal, exact(130), "")}},
	{name: "share is not ordinal", in: "A third of the city has no heating.",
		want: nil},

	// Names and identifiers.
	{name: "No. 10", in: "Talks were held at No. 10 on Monday.",
		want: []want{kinded("No. 10", KindID, noValue(), "")}, notCount: []string{"10"}},
	{name: "G7 G20", in: "The G7 and G20 leaders issued statements.",
		want: []want{kinded("G7", KindID, noValue(), ""), kinded("G20", KindID, noValue(), "")}},
	{name: "covid", in: "Stocks bought during COVID-19 were sent east.",
		want: []want{kinded("COVID-19", KindID, noValue(), "")}},
	{name: "resolution", in: "The council adopted Resolution 2623 after the vote.",
		want: []want{kinded("Resolution 2623", KindID, noValue(), "")}, notCount: []string{"2623"}},
	{name: "article", in: "Allies invoked Article 5 for the first time.",
		want: []want{kinded("Article 5", KindID, noValue(), ""), kinded("first", KindOrdinal, exact(1), "")}},
	{name: "cited source", in: "Source of Aid 2 lists 300 generators for the region.",
		want: []want{kinded("Aid 2", KindID, noValue(), ""), kinded("300", KindCount, exact(300), "")}, notCount: []string{"2"}},
	{name: "numbered source", in: "Source 1 gives the value of the package.",
		want: []want{kinded("Source 1", KindID, noValue(), "")}, notCount: []string{"1"}},
	{name: "lower-case aid names nothing", in: "The convoy brought aid 3 times a week.",
		want: []want{kinded("3", KindCount, exact(3), "")}},
	{name: "phone", in: "The hotline is +380 44 256 1234 for families.",
		want: []want{kinded("+380 44 256 1234", KindID, noValue(), "")}},
	{name: "flight", in: "Investigators reviewed the downing of MH17.",
		want: []want{kinded("MH17", KindID, noValue(), "")}},
	{name: "round the clock", in: "Crews worked 24/7 to restore power.",
		want: []want{kinded("24/7", KindID, noValue(), "")}},
	{name: "5G", in: "Masts for 5G networks were damaged.",
		want: []want{kinded("5G", KindID, noValue(), "")}},

	// Durations and measures.
	{name: "hours", in: "The shelling lasted 24 hours.",
		want: []want{kinded("24 hours", KindDuration, exact(24), "hour")}},
	{name: "hyphen duration", in: "Creditors agreed a 30-day grace period.",
		want: []want{kinded("30-day", KindDuration, exact(30), "day")}},
	{name: "spelled duration", in: "The evacuation took three weeks.",
		want: []want{kinded("three weeks", KindDuration, exact(3), "week")}},
	{name: "tonnes hedged", in: "Bern sent around 100 tonnes of goods.",
		want: []want{{text: "around 100 tonnes", kind: KindMeasure, b: exact(100), approx: true, hedge: "around", unit: "tonne"}}},
	{name: "litres", in: "The shipment held 50,000 liters of disinfectant.",
		want: []want{measure("50,000 liters", exact(50000), "litre")}},
	{name: "km", in: "The missile has a range of 300 km.",
		want: []want{measure("300 km", exact(300), "km")}},
	{name: "square km", in: "Mines cover 40 square kilometres of farmland.",
		want: []want{measure("40 square kilometres", exact(40), "square km")}},
	{name: "pound weight", in: "A 2,000-pound bomb hit the bridge.",
		want: []want{measure("2,000-pound", exact(2000), "pound")}},
	{name: "kilograms", in: "Each parcel weighed 15 kg.",
		want: []want{measure("15 kg", exact(15), "kilogram")}},

	// Words that look like numbers but do not count anything.
	{name: "no one", in: "No one was hurt when the one remaining bridge fell.",
		want: nil},
	{name: "only one", in: "Moscow confirmed only one death, though the only one who spoke was a sailor.",
		want: []want{count("one", exact(1))}, notCount: []string{"one who"}},
	{name: "one-sided", in: "Critics called it a one-sided deal.",
		want: nil},
	{name: "fraction", in: "Two-thirds of the city is without power.",
		want: nil},
	{name: "three quarters", in: "Three quarters of the budget went to defence.",
		want: nil},
	{name: "strong", in: "A 5,000-strong force crossed the river.",
		want: []want{count("5,000", exact(5000))}},
}

func describe(m Mention) string {
	return fmt.Sprintf("%s %q [%s,%s] approx=%v hedge=%q cur=%q unit=%q", m.Kind, m.Text,
		fmtBound(m.Min), fmtBound(m.Max), m.Approx, m.Hedge, m.Currency, m.Unit)
}

func sameBound(p, q *float64) bool {
	if p == nil || q == nil {
		return p == nil && q == nil
	}
	d := *p - *q
	return d < 1e-9 && d > -1e-9
}

func TestFind(t *testing.T) {
	for _, tc := range findCases {
		t.Run(tc.name, func(t *testing.T) {
			got := Find(tc.in)
			var all []string
			for _, m := range got {
				all = append(all, describe(m))
			}
			if tc.want == nil && len(got) > 0 {
				t.Fatalf("want no mentions in %q, got:\n  %s", tc.in, strings.Join(all, "\n  "))
			}
			for _, w := range tc.want {
				var m *Mention
				for i := range got {
					if got[i].Text == w.text {
						m = &got[i]
						break
					}
				}
				if m == nil {
					t.Errorf("no mention %q in %q; got:\n  %s", w.text, tc.in, strings.Join(all, "\n  "))
					continue
				}
				if m.Kind != w.kind || !sameBound(m.Min, w.b.min) || !sameBound(m.Max, w.b.max) ||
					m.Approx != w.approx || m.Hedge != w.hedge || m.Currency != w.cur || m.Unit != w.unit {
					t.Errorf("mention %q:\n got  %s\n want %s %q [%s,%s] approx=%v hedge=%q cur=%q unit=%q",
						w.text, describe(*m), w.kind, w.text, fmtBound(w.b.min), fmtBound(w.b.max), w.approx, w.hedge, w.cur, w.unit)
				}
			}
			for _, nc := range tc.notCount {
				at := strings.Index(tc.in, nc)
				for _, m := range got {
					if m.Kind == KindCount && m.Start <= at && at < m.End {
						t.Errorf("%q was read as a count: %s", nc, describe(m))
					}
				}
			}
		})
	}
	if len(findCases) < 120 {
		t.Errorf("only %d cases; the table is meant to cover every rule", len(findCases))
	}
}

// TestFindInvariants checks, over every sentence of the table, that mentions
// come in order without overlaps and that spans and texts agree.
func TestFindInvariants(t *testing.T) {
	for _, tc := range findCases {
		prev := 0
		for _, m := range Find(tc.in) {
			if m.Start < prev || m.End <= m.Start || m.End > len(tc.in) {
				t.Errorf("%q: bad span %d-%d after %d", tc.in, m.Start, m.End, prev)
				continue
			}
			if tc.in[m.Start:m.End] != m.Text {
				t.Errorf("%q: span %d-%d is %q, text %q", tc.in, m.Start, m.End, tc.in[m.Start:m.End], m.Text)
			}
			if m.Min != nil && m.Max != nil && *m.Min > *m.Max {
				t.Errorf("%q: %s has Min above Max", tc.in, describe(m))
			}
			if (m.Kind == KindMoney) != (m.Currency != "" || strings.Contains(m.Text, "kroner")) {
				t.Errorf("%q: %s: currency and kind disagree", tc.in, describe(m))
			}
			prev = m.End
		}
	}
}

func TestFindParagraphBreak(t *testing.T) {
	got := Find("The fund reached 20\n\n30 million people were affected.")
	if len(got) != 2 || got[0].Text != "20" || got[1].Text != "30 million" {
		var all []string
		for _, m := range got {
			all = append(all, describe(m))
		}
		t.Fatalf("a range or scale must not run across a blank line; got %v", all)
	}
}

func TestFindEmptyAndPlain(t *testing.T) {
	for _, in := range []string{"", " ", "No figures appear in this sentence at all.", "Ünïcödé wörds ånd “quotes” — dashes…"} {
		if got := Find(in); len(got) != 0 {
			t.Errorf("Find(%q) = %v, want none", in, got)
		}
	}
}

func TestMentionConversions(t *testing.T) {
	ms := Find("The package is worth up to $1 billion, and more than 2,000 troops left.")
	if len(ms) != 2 {
		t.Fatalf("want 2 mentions, got %d", len(ms))
	}
	mon, ok := ms[0].Money()
	if !ok || mon.Amount != 1e9 || mon.Currency != "USD" || !mon.Approx {
		t.Errorf("Money() = %+v, %v; want the upper bound 1e9 USD, approximate", mon, ok)
	}
	if _, ok := ms[1].Money(); ok {
		t.Error("a count converted to money")
	}
	if _, ok := ms[1].Value(); ok {
		t.Error("an open range reported an exact value")
	}
	r := ms[1].Range()
	if r.Min == nil || *r.Min != 2000 || r.Max != nil || !r.Approx || r.Span == nil || r.Span.Start != ms[1].Start {
		t.Errorf("Range() = %+v", r)
	}
	if !ms[1].IsAmount() || ms[0].Kind != KindMoney {
		t.Error("IsAmount or kind wrong")
	}
	if y := Find("It happened in 2014."); len(y) != 1 || y[0].IsAmount() {
		t.Errorf("a year counted as an amount: %v", y)
	}
}

func TestParseNumber(t *testing.T) {
	cases := []struct {
		in   string
		want float64
		ok   bool
	}{
		{"2,000", 2000, true},
		{"1,000,000", 1e6, true},
		{"1.5", 1.5, true},
		{"10 000", 10000, true},
		{"five", 5, true},
		{"Twelve", 12, true},
		{"twenty-one", 21, true},
		{"ninety nine", 99, true},
		{"a hundred", 100, true},
		{"a million", 1e6, true},
		{"a dozen", 12, true},
		{"two dozen", 24, true},
		{"half a million", 5e5, true},
		{"a quarter of a million", 2.5e5, true},
		{"1.2bn", 1.2e9, true},
		{"1.2 million", 1.2e6, true},
		{"3.5 billion", 3.5e9, true},
		{"350m", 3.5e8, true},
		{"50k", 5e4, true},
		{"two hundred and fifty", 250, true},
		{"one hundred thousand", 1e5, true},
		{"  42  ", 42, true},
		{"zero", 0, true},
		{"", 0, false},
		{"hundreds", 0, false},
		{"second", 0, false},
		{"24th", 0, false},
		{"$350 million", 0, false},
		{"five tanks", 0, false},
		{"million", 0, false},
		{"several", 0, false},
		{"twenty-first", 0, false},
	}
	for _, c := range cases {
		got, ok := ParseNumber(c.in)
		if ok != c.ok || (ok && got != c.want) {
			t.Errorf("ParseNumber(%q) = %g, %v; want %g, %v", c.in, got, ok, c.want, c.ok)
		}
	}
}

// TestLocalCurrency checks which state's currency a bare shared name
// means: the state's own where it uses that name, none where the mention
// says whose it is or the state uses another.
func TestLocalCurrency(t *testing.T) {
	cases := []struct {
		text, state, want string
	}{
		{"Ottawa announced 98 million dollars in aid.", "CAN", "CAD"},
		{"Canberra pledged 100 million dollars.", "AUS", "AUD"},
		{"Oslo will give 60 million kroner.", "NOR", "NOK"},
		{"Copenhagen gave 60 million kroner.", "DNK", "DKK"},
		{"Ottawa announced 98 million US dollars in aid.", "CAN", ""},
		{"Ottawa announced $98 million in aid.", "CAN", ""},
		{"Ottawa announced 98 million Canadian dollars in aid.", "CAN", ""},
		{"Berlin announced 50 million dollars in aid.", "DEU", ""},
		{"Ottawa announced 50 million euros in aid.", "CAN", ""},
	}
	for _, tc := range cases {
		var money *Mention
		for _, m := range Find(tc.text) {
			if m.Kind == KindMoney {
				money = &m
			}
		}
		if money == nil {
			t.Fatalf("%q: no money found", tc.text)
		}
		if got := LocalCurrency(*money, tc.state); got != tc.want {
			t.Errorf("%q said of %s: %q, want %q", tc.text, tc.state, got, tc.want)
		}
	}
}
