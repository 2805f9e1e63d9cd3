package timex

import (
	"strings"
	"testing"
	"time"
)

// want is one expected expression; start and end (the resolved range)
// and sig (the signal) are checked only when set.
type want struct {
	text, typ, value string
	start, end       string
	sig              string
	mod              string
}

func d(text, value string) want { return want{text: text, typ: TypeDate, value: value} }

func dr(text, value, start, end string) want {
	return want{text: text, typ: TypeDate, value: value, start: start, end: end}
}

func tm(text, value string) want    { return want{text: text, typ: TypeTime, value: value} }
func dur(text, value string) want   { return want{text: text, typ: TypeDuration, value: value} }
func set(text, value string) want   { return want{text: text, typ: TypeSet, value: value} }
func (w want) signal(s string) want { w.sig = s; return w }
func (w want) withMod(m string) want {
	w.mod = m
	return w
}
func (w want) span(start, end string) want {
	w.start, w.end = start, end
	return w
}

// Reference dates: Thursday 3 March 2022 unless a case says otherwise.
const (
	thu = "2022-03-03"
	sat = "2022-01-22"
	wed = "2022-06-01"
)

type findCase struct {
	ref  string
	text string
	want []want
}

var findCases = []findCase{
	// Day names placed by the tense of their clause.
	{thu, "Russian forces shelled the city on Sunday.", []want{d("Sunday", "2022-02-27").signal("on")}},
	{thu, "The foreign ministers will meet on Sunday in Geneva.", []want{d("Sunday", "2022-03-06")}},
	{sat, "The secretary of state on Friday stated that the allies stand together.", []want{d("Friday", "2022-01-21")}},
	{thu, "Talks are scheduled to resume on Monday.", []want{d("Monday", "2022-03-07")}},
	{thu, "Officials said on Monday that the convoy had stalled.", []want{d("Monday", "2022-02-28")}},
	{thu, "On Tuesday, the parliament approved the bill.", []want{d("Tuesday", "2022-03-01")}},
	{thu, "The defence minister is going to visit Warsaw on Friday.", []want{d("Friday", "2022-03-04")}},
	{thu, "The summit planned for Saturday was postponed.", []want{d("Saturday", "2022-03-05")}},
	{thu, "He said the army would withdraw on Saturday.", []want{d("Saturday", "2022-03-05")}},
	{thu, "On Thursday the president addressed the nation.", []want{d("Thursday", "2022-03-03")}},
	{thu, "Ukraine plans to hold a referendum on Thursday.", []want{d("Thursday", "2022-03-03")}},
	{thu, "Kyiv said Sunday's strike killed four people.", []want{d("Sunday", "2022-02-27")}},
	{thu, "Late on Wednesday, negotiators left the border town.", []want{d("Late on Wednesday", "2022-03-02").withMod("END")}},
	{thu, "Last Tuesday night the first missiles struck Kharkiv.", []want{tm("Last Tuesday night", "2022-03-01TNI")}},
	{thu, "The envoy arrived on Monday, March 7, 2022.", []want{d("Monday, March 7, 2022", "2022-03-07")}},
	{thu, "Fighting continued through Friday morning.", []want{tm("Friday morning", "2022-02-25TMO")}},
	{thu, "The vote will take place next Tuesday.", []want{d("next Tuesday", "2022-03-08")}},
	{thu, "The ceasefire collapsed last Saturday.", []want{d("last Saturday", "2022-02-26")}},
	{thu, "The committee meets this Friday.", []want{d("this Friday", "2022-03-04")}},
	{thu, "Mondays are quiet at the border post.", []want{set("Mondays", "XXXX-WXX-1")}},
	{thu, "Crowds gather in the square every Sunday.", []want{set("every Sunday", "XXXX-WXX-7")}},
	{thu, "On Sunday \u2014 the fifth day of the war \u2014 shelling resumed.", []want{d("Sunday", "2022-02-27")}},
	{thu, "Protesters plan to march on Sunday.", []want{d("Sunday", "2022-03-06")}},
	{thu, "The convoy that left on Saturday will reach the city on Monday.", []want{d("Saturday", "2022-02-26"), d("Monday", "2022-03-07")}},

	// Days counted from the article date.
	{thu, "The general resigned yesterday.", []want{d("yesterday", "2022-03-02")}},
	{thu, "The agency confirmed the figures today.", []want{d("today", "2022-03-03")}},
	{thu, "The ministers meet tomorrow in Brussels.", []want{d("tomorrow", "2022-03-04")}},
	{thu, "Air raid sirens sounded tonight across the west.", []want{tm("tonight", "2022-03-03TNI")}},
	{thu, "Explosions were heard last night near the airport.", []want{tm("last night", "2022-03-02TNI")}},
	{thu, "Shelling resumed this morning.", []want{tm("this morning", "2022-03-03TMO")}},
	{thu, "Yesterday afternoon a convoy crossed the bridge.", []want{tm("Yesterday afternoon", "2022-03-02TAF")}},
	{thu, "Early this morning the mayor spoke.", []want{tm("Early this morning", "2022-03-03TMO").withMod("START")}},
	{thu, "Earlier today the governor ordered an evacuation.", []want{d("Earlier today", "2022-03-03")}},
	{thu, "Late yesterday the embassy closed.", []want{d("Late yesterday", "2022-03-02").withMod("END")}},

	// Weeks, months and years around the article date.
	{thu, "Last week, the White House announced a new package.", []want{dr("Last week", "2022-W08", "2022-02-21", "2022-02-27")}},
	{thu, "The cabinet will decide next week.", []want{dr("next week", "2022-W10", "2022-03-07", "2022-03-13")}},
	{thu, "Inspectors arrive this week.", []want{dr("this week", "2022-W09", "2022-02-28", "2022-03-06")}},
	{thu, "Prices rose sharply last month.", []want{dr("last month", "2022-02", "2022-02-01", "2022-02-28")}},
	{thu, "Elections are due next month.", []want{dr("next month", "2022-04", "2022-04-01", "2022-04-30")}},
	{thu, "Exports fell this month.", []want{d("this month", "2022-03")}},
	{thu, "The alliance expanded last year.", []want{dr("last year", "2021", "2021-01-01", "2021-12-31")}},
	{thu, "The pipeline opens next year.", []want{d("next year", "2023")}},
	{thu, "Spending will double this year.", []want{d("this year", "2022")}},
	{thu, "Earlier this month, the rouble collapsed.", []want{dr("Earlier this month", "2022-03", "2022-03-01", "2022-03-02")}},
	{thu, "A second package is expected later this month.", []want{dr("later this month", "2022-03", "2022-03-03", "2022-03-31")}},
	{thu, "Later this year the fleet returns.", []want{dr("Later this year", "2022", "2022-03-03", "2022-12-31")}},
	{thu, "This past weekend the protests grew.", []want{dr("This past weekend", "2022-W08-WE", "2022-02-26", "2022-02-27")}},
	{thu, "Refugees crossed the border over the weekend.", []want{dr("the weekend", "2022-W08-WE", "2022-02-26", "2022-02-27").signal("over")}},
	{thu, "The leaders meet this weekend.", []want{dr("this weekend", "2022-W09-WE", "2022-03-05", "2022-03-06")}},

	// Calendar dates and ranges.
	{thu, "The offensive began on February 26.", []want{d("February 26", "2022-02-26")}},
	{thu, "The treaty was signed on March 3 2021.", []want{d("March 3 2021", "2021-03-03")}},
	{thu, "The decree took effect on 3 March.", []want{d("3 March", "2022-03-03")}},
	{thu, "The talks, held on 24th of February, failed.", []want{d("24th of February", "2022-02-24")}},
	{thu, "The embassy reopened on Feb. 14 after repairs.", []want{d("Feb. 14", "2022-02-14")}},
	{thu, "Sanctions take effect on Jan 1, 2023.", []want{d("Jan 1, 2023", "2023-01-01")}},
	{thu, "The statement is dated March 01 , 2022 .", []want{d("March 01 , 2022", "2022-03-01")}},
	{thu, "Drills are planned from March 10 to 20.", []want{dr("March 10 to 20", "2022-03-10", "2022-03-10", "2022-03-20").signal("from")}},
	{thu, "Drills will run between March 3 and 8.", []want{dr("March 3 and 8", "2022-03-03", "2022-03-03", "2022-03-08").signal("between")}},
	{thu, "Delegations will meet March 10-11 in Antalya.", []want{dr("March 10-11", "2022-03-10", "2022-03-10", "2022-03-11")}},
	{thu, "Exercises will run March 3\u20138 near the border.", []want{dr("March 3\u20138", "2022-03-03", "2022-03-03", "2022-03-08")}},
	{thu, "The exercise ran from 10 to 20 February.", []want{dr("10 to 20 February", "2022-02-10", "2022-02-10", "2022-02-20")}},
	{thu, "The corridor will stay open from March 30 to April 2.", []want{dr("March 30 to April 2", "2022-03-30", "2022-03-30", "2022-04-02")}},
	{thu, "Over a million people have fled since February 24.", []want{d("February 24", "2022-02-24").signal("since")}},
	{thu, "The ministry published the list on 2022-03-01.", []want{d("2022-03-01", "2022-03-01")}},
	{thu, "The order was dated 03/01/2022.", []want{d("03/01/2022", "2022-03-01")}},
	{thu, "The contract expires on 25/12/2022.", []want{d("25/12/2022", "2022-12-25")}},
	{thu, "The pact was renewed on 7/8/07 in Minsk.", []want{d("7/8/07", "2007-07-08")}},
	{thu, "The truce held on Christmas Eve.", []want{d("Christmas Eve", "2021-12-24")}},
	{"2022-01-03", "On December 30, Moscow rejected the proposal.", []want{d("December 30", "2021-12-30")}},
	{"2022-12-20", "The talks will resume on January 5.", []want{d("January 5", "2023-01-05")}},

	// Clock times, given the day the sentence names.
	{thu, "The strike hit at 10:30 on Tuesday.", []want{tm("10:30", "2022-03-01T10:30").signal("at"), d("Tuesday", "2022-03-01")}},
	// Tokens the tokeniser keeps whole: clock times with seconds,
	// timestamps, spans of fiscal years.
	{thu, "The first alert came at 04:12:30 on Tuesday.", []want{tm("04:12:30", "2022-03-01T04:12").signal("at"), d("Tuesday", "2022-03-01")}},
	{thu, "The feed was updated 2022-03-02T19:40:00Z.", []want{tm("2022-03-02T19:40:00Z", "2022-03-02T19:40Z")}},
	{thu, "Spending rose in fiscal 2021/22.", []want{dr("2021/22", "2021", "2021-01-01", "2022-12-31")}},
	// Contractions, cut into their words: "wo" "n't", "they" "'ll".
	{thu, "The envoy won't travel on Sunday.", []want{d("Sunday", "2022-03-06")}},
	{thu, "They'll meet on Sunday.", []want{d("Sunday", "2022-03-06")}},
	{thu, "The team won on Sunday.", []want{d("Sunday", "2022-02-27")}},
	{thu, "The curfew starts at 22:00 local time.", []want{tm("22:00", "2022-03-03T22:00")}},
	{thu, "Sirens sounded at 5.30am.", []want{tm("5.30am", "2022-03-03T05:30")}},
	{thu, "The explosion occurred at 3 p.m. local time.", []want{tm("3 p.m.", "2022-03-03T15:00")}},
	{thu, "Flights resume at 0800 GMT.", []want{tm("0800 GMT", "2022-03-03T08:00Z")}},
	{thu, "The rally was called for noon on Saturday.", []want{tm("noon", "2022-02-26T12:00"), d("Saturday", "2022-02-26")}},
	{thu, "The market closed at 16:00 UTC today.", []want{tm("16:00 UTC today", "2022-03-03T16:00Z")}},

	// Months, years, decades, quarters and seasons.
	{thu, "In February, grain exports fell.", []want{dr("February", "2022-02", "2022-02-01", "2022-02-28").signal("in")}},
	{thu, "Crimea was annexed in 2014.", []want{dr("2014", "2014", "2014-01-01", "2014-12-31").signal("in")}},
	{thu, "The fleet will be modernised by 2030.", []want{d("2030", "2030").signal("by")}},
	{thu, "The reactor was built in the 1970s.", []want{dr("1970s", "197", "1970-01-01", "1979-12-31")}},
	{thu, "Production peaked in the early 1990s.", []want{d("the early 1990s", "199").withMod("START")}},
	{thu, "The bridge opened in March 2018.", []want{d("March 2018", "2018-03")}},
	{thu, "Talks could resume in May.", []want{d("May", "2022-05")}},
	{wed, "The siege lasted from early March until mid-April.", []want{d("early March", "2022-03").withMod("START"), d("mid-April", "2022-04").withMod("MID")}},
	{thu, "By late 2021 the buildup was visible.", []want{dr("late 2021", "2021", "2021-09-02", "2021-12-31").withMod("END")}},
	{thu, "The deal was struck in mid-2019.", []want{d("mid-2019", "2019").withMod("MID")}},
	{thu, "Kramatorsk, the post-2014 regional capital, was hit twice.", nil},
	{thu, "Kyiv wants its pre-2022 borders back.", nil},
	{thu, "Supplies will last until the end of the month.", []want{d("the end of the month", "2022-03").withMod("END")}},
	{thu, "The plant closes at the end of this year.", []want{d("the end of this year", "2022").withMod("END")}},
	{thu, "Growth slowed in the first quarter of 2021.", []want{dr("the first quarter of 2021", "2021-Q1", "2021-01-01", "2021-03-31")}},
	{thu, "Profits rose in the third quarter.", []want{d("the third quarter", "2021-Q3")}},
	{thu, "Third-quarter output fell.", []want{d("Third-quarter", "2021-Q3")}},
	{thu, "The company reported Q4 2021 results.", []want{d("Q4 2021", "2021-Q4")}},
	{thu, "Deliveries will accelerate in the second half of the year.", []want{dr("the second half of the year", "2022-H2", "2022-07-01", "2022-12-31")}},
	{thu, "The treaty shaped security in the 20th century.", []want{d("the 20th century", "19")}},
	{thu, "Fighting intensified last spring.", []want{dr("last spring", "2021-SP", "2021-03-01", "2021-05-31")}},
	{thu, "The offensive is expected in the summer.", []want{d("the summer", "2022-SU")}},
	{thu, "Kabul fell in the fall of 2021.", []want{d("the fall of 2021", "2021-FA")}},
	{thu, "Dues were raised in October of next year.", []want{d("October", "2023-10"), d("next year", "2023")}},

	// Durations.
	{thu, "Over the past 24 hours, shelling intensified.", []want{dur("the past 24 hours", "P1D").span("2022-03-02", "2022-03-03").signal("over")}},
	{thu, "Refugee numbers tripled over the past three weeks.", []want{dur("the past three weeks", "P3W").span("2022-02-11", "2022-03-03")}},
	{thu, "The city has been under siege for two weeks.", []want{dur("two weeks", "P2W").signal("for")}},
	{thu, "Negotiations could take several years.", []want{dur("several years", "PXY")}},
	{thu, "He served a five-year term.", []want{dur("five-year", "P5Y")}},
	{thu, "A 45-year-old man was wounded.", []want{dur("45-year-old", "P45Y")}},
	{thu, "The talks lasted nearly five hours.", []want{dur("nearly five hours", "PT5H").withMod("LESS_THAN")}},
	{thu, "Power was cut for more than a week.", []want{dur("more than a week", "P1W").withMod("MORE_THAN")}},
	{thu, "The factory stood idle for 18 months.", []want{dur("18 months", "P18M")}},
	{thu, "Repairs will take a few days.", []want{dur("a few days", "PXD")}},
	{thu, "The blockade lasted twenty-five days.", []want{dur("twenty-five days", "P25D")}},
	{thu, "A decade-long dispute ended.", []want{dur("decade-long", "P10Y")}},
	{thu, "The ceasefire held for 30 minutes.", []want{dur("30 minutes", "PT30M")}},
	{thu, "Inspectors stayed for a day.", []want{dur("a day", "P1D")}},
	{thu, "In the coming weeks the alliance will decide.", []want{dur("the coming weeks", "PXW")}},
	{thu, "Markets fell for years.", []want{dur("years", "PXY")}},
	{thu, "Shares lost ground for the past five trading days.", []want{dur("the past five trading days", "P5D")}},
	{thu, "Output fell for a third straight month.", nil},

	// Days counted from another day.
	{thu, "A week ago the border was calm.", []want{d("A week ago", "2022-02-24")}},
	{thu, "Three months ago the army began exercises.", []want{d("Three months ago", "2021-12")}},
	{thu, "Two years ago the port was rebuilt.", []want{d("Two years ago", "2020")}},
	{thu, "Two days later the convoy reached the city.", []want{d("Two days later", "2022-03-05")}},
	{thu, "The siege began on February 24. Two days later, the airport fell.", []want{d("February 24", "2022-02-24"), d("Two days later", "2022-02-26")}},
	{thu, "A day after the vote, troops withdrew.", []want{dur("A day", "P1D").span("2022-03-04", "2022-03-04")}},
	{thu, "Three days before the invasion, the president spoke.", []want{dur("Three days", "P3D").span("2022-02-28", "2022-02-28")}},
	{thu, "The bridge was hit on Saturday. The same day, the mayor fled.", []want{d("Saturday", "2022-02-26"), d("The same day", "2022-02-26")}},
	{thu, "The banks were cut off on Saturday evening. The same day, the fund was frozen.", []want{tm("Saturday evening", "2022-02-26TEV"), d("The same day", "2022-02-26")}},
	{thu, "Talks ended late on Monday night. On the same day the border closed.", []want{tm("late on Monday night", "2022-02-28TNI").withMod("END"), d("the same day", "2022-02-28")}},
	{thu, "The package, the tenth drawn from stocks since August, also contains rifles.", []want{dr("August", "2021-08", "2021-08-01", "2021-08-31").signal("since")}},
	{thu, "Prices will stay high, as they have since October.", []want{dr("October", "2021-10", "2021-10-01", "2021-10-31").signal("since")}},
	{thu, "The minister will hold talks with the Polish president in Warsaw on Friday before travelling to Vilnius on Monday.", []want{d("Friday", "2022-03-04"), d("Monday", "2022-03-07")}},
	{thu, "Officials met in Geneva on Monday before the delegations flew home on Tuesday.", []want{d("Monday", "2022-02-28"), d("Tuesday", "2022-03-01")}},
	{thu, "Earlier this week, the envoy left.", []want{dr("Earlier this week", "2022-W09", "2022-02-28", "2022-03-02")}},
	{thu, "The minister arrived on Monday and left the following day.", []want{d("Monday", "2022-02-28"), d("the following day", "2022-03-01")}},

	// The present, the past and the future.
	{thu, "The situation is now stable.", []want{d("now", "PRESENT_REF")}},
	{thu, "The plant is currently offline.", []want{d("currently", "PRESENT_REF")}},
	{thu, "The ministry recently approved the plan.", []want{d("recently", "PAST_REF")}},
	{thu, "The building formerly housed a school.", []want{d("formerly", "PAST_REF")}},
	{thu, "Talks will resume soon.", []want{d("soon", "FUTURE_REF")}},
	{thu, "Peace may come in the future.", []want{d("the future", "FUTURE_REF")}},
	{thu, "At present the road is closed.", []want{d("present", "PRESENT_REF")}},
	{thu, "In recent years the navy expanded.", []want{dur("recent years", "PXY")}},

	// Repetitions.
	{thu, "The ministry publishes losses daily.", []want{set("daily", "P1D")}},
	{thu, "Officials brief reporters every week.", []want{set("every week", "P1W")}},
	{thu, "Convoys leave twice a week.", []want{set("twice a week", "P1W")}},
	{thu, "The country spends $5bn a year on defence.", []want{set("a year", "P1Y")}},
	{thu, "The annual summit opens in June.", []want{set("annual", "P1Y"), d("June", "2022-06")}},
	{thu, "Annual revenue fell by a third.", []want{dur("Annual", "P1Y")}},

	// Words and numbers that are not time expressions.
	{thu, "The Sunday Times reported the talks had failed.", nil},
	{thu, "Theresa May met the president.", nil},
	{thu, "Inflation may rise further.", nil},
	{thu, "The march on Kyiv stalled in the north.", nil},
	{thu, "Prices fall when supply grows.", nil},
	{thu, "The fall of Mariupol shocked Europe.", nil},
	{thu, "The Arab Spring began in 2010.", []want{d("2010", "2010")}},
	{thu, "The second round of talks took place in Belarus.", nil},
	{thu, "The army fired 155mm shells and M777 howitzers.", nil},
	{thu, "Germany sent 1,000 anti-tank weapons.", nil},
	{thu, "About 2000 troops were deployed.", nil},
	{thu, "The brigade lost 300 soldiers.", nil},
	{thu, "The UN counted 2,000 civilian deaths.", nil},
	{thu, "Flight MH17 was shot down.", nil},
	{thu, "As soon as the corridor opens, buses leave.", nil},
	{thu, "Black Monday hit markets.", nil},
	{thu, "Good Friday services were cancelled.", nil},
	{thu, "The Daily Telegraph reported the strike.", nil},
	{thu, "Over 200 Stinger missiles were sent.", nil},
	{thu, "A second battalion joined the attack.", nil},
	{thu, "Kyiv received 5,000 helmets and 2,022 rifles.", nil},
	{thu, "The S-300 batteries and MiG-29 jets stayed grounded.", nil},
	{thu, "The unit lost a quarter of its vehicles.", nil},
	{thu, "May God protect our soldiers, the president said.", nil},
	{thu, "The iLife '11 suite shipped.", nil},
	{thu, "He is in his 80s and lives in Lviv.", nil},
}

func TestFind(t *testing.T) {
	for _, c := range findCases {
		ref, err := time.Parse("2006-01-02", c.ref)
		if err != nil {
			t.Fatal(err)
		}
		got := Find(c.text, ref)
		if len(got) != len(c.want) {
			t.Errorf("%s\n  got  %s\n  want %d expressions", c.text, describe(got), len(c.want))
			continue
		}
		for k, w := range c.want {
			g := got[k]
			if g.Text != w.text || g.Type != w.typ || g.Value != w.value {
				t.Errorf("%s\n  got  %q %s %s\n  want %q %s %s", c.text, g.Text, g.Type, g.Value, w.text, w.typ, w.value)
				continue
			}
			if w.start != "" {
				if s, e := day(g.Start), day(g.End); s != w.start || e != w.end {
					t.Errorf("%s: %q range %s..%s, want %s..%s", c.text, g.Text, s, e, w.start, w.end)
				}
			}
			if w.sig != "" && g.Signal != w.sig {
				t.Errorf("%s: %q signal %q, want %q", c.text, g.Text, g.Signal, w.sig)
			}
			if w.mod != g.Mod {
				t.Errorf("%s: %q mod %q, want %q", c.text, g.Text, g.Mod, w.mod)
			}
		}
	}
}

func day(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format("2006-01-02")
}

func describe(es []Expr) string {
	var sb strings.Builder
	for _, e := range es {
		sb.WriteString("[" + e.Text + " " + e.Type + " " + e.Value + "] ")
	}
	if sb.Len() == 0 {
		return "nothing"
	}
	return sb.String()
}

// TestSpans checks on every case that spans point at their text, come in
// order and do not overlap, and that DATE ranges are well formed.
func TestSpans(t *testing.T) {
	for _, c := range findCases {
		ref, _ := time.Parse("2006-01-02", c.ref)
		prev := 0
		for _, e := range Find(c.text, ref) {
			if e.Span.Start < prev || e.Span.End <= e.Span.Start || e.Span.End > len(c.text) {
				t.Errorf("%s: bad span %v after %d", c.text, e.Span, prev)
				continue
			}
			if c.text[e.Span.Start:e.Span.End] != e.Text {
				t.Errorf("%s: span %v reads %q, Text is %q", c.text, e.Span, c.text[e.Span.Start:e.Span.End], e.Text)
			}
			prev = e.Span.End
			if e.Type == TypeDate && e.Precision != "" && (e.Start.IsZero() || e.End.Before(e.Start)) {
				t.Errorf("%s: %q has precision %s but range %v..%v", c.text, e.Text, e.Precision, e.Start, e.End)
			}
		}
	}
}

// TestArticle runs a whole paragraph, where sentences and the last named
// day carry from one expression to the next.
func TestArticle(t *testing.T) {
	text := `The brigade crossed the river on Tuesday, the regional governor said.

Three days later, it reached the outskirts. Fighting there has continued since February 24, and the council will meet on Friday to discuss the evacuation.
Reinforcements are expected next week.`
	ref := time.Date(2022, 3, 3, 15, 4, 5, 0, time.FixedZone("EET", 2*3600))
	want := []want{
		d("Tuesday", "2022-03-01"), d("Three days later", "2022-03-04"), d("February 24", "2022-02-24"),
		d("Friday", "2022-03-04"), d("next week", "2022-W10"),
	}
	got := Find(text, ref)
	if len(got) != len(want) {
		t.Fatalf("got %s", describe(got))
	}
	for k, w := range want {
		if got[k].Text != w.text || got[k].Value != w.value {
			t.Errorf("got %q %s, want %q %s", got[k].Text, got[k].Value, w.text, w.value)
		}
	}
}

// TestNoReference leaves what needs the article date unresolved.
func TestNoReference(t *testing.T) {
	got := Find("The talks ended yesterday, a week after the 2014 accords lapsed on March 3, 2015.", time.Time{})
	want := []struct{ text, value string }{
		{"yesterday", "XXXX-XX-XX"}, {"a week", "P1W"}, {"2014", "2014"}, {"March 3, 2015", "2015-03-03"},
	}
	if len(got) != len(want) {
		t.Fatalf("got %s", describe(got))
	}
	for k, w := range want {
		if got[k].Text != w.text || got[k].Value != w.value {
			t.Errorf("got %q %s, want %q %s", got[k].Text, got[k].Value, w.text, w.value)
		}
	}
	if !got[0].Start.IsZero() {
		t.Errorf("unresolved %q has a range", got[0].Text)
	}
	if got[3].Start.IsZero() {
		t.Errorf("%q lost its range", got[3].Text)
	}
}

// TestEmptyAndOdd feeds text with no words, stray bytes and long runs.
func TestEmptyAndOdd(t *testing.T) {
	ref := time.Date(2022, 3, 3, 0, 0, 0, 0, time.UTC)
	for _, s := range []string{"", " ", "\n\n\n", "....", "\xff\xfe March", "2022-", "03/", "12:", "the", "last",
		strings.Repeat("word ", 5000), strings.Repeat("9", 400), "Q", "mid-", "early"} {
		for _, e := range Find(s, ref) {
			if s[e.Span.Start:e.Span.End] != e.Text {
				t.Errorf("%q: bad span %v", s, e.Span)
			}
		}
	}
	if n := len(Find("\xff\xfe March 3, 2022", ref)); n != 1 {
		t.Errorf("invalid UTF-8 before a date: %d expressions, want 1", n)
	}
}

// FuzzFind checks on any input that Find does not panic and that its
// spans are in order, within the text and as long as their Text.
func FuzzFind(f *testing.F) {
	for _, c := range findCases {
		f.Add(c.text)
	}
	f.Add("Between 1 and 5 March, at 4am (0200 GMT), on 24/02/2022 and mid-'90s.")
	// Invisible characters inside and around dates, which the tokeniser
	// passes over, and figures too long for any number.
	f.Add("On 24 Feb\u200bruary 2022, in mid\u2060-March and on Mon\u00adday at 10\u200b:30.")
	f.Add("\ufeffMarch 3,\u200b 2022 \u200b\u200b the 1990\u200ds and 20\u200c22-03-03.")
	f.Add("In " + strings.Repeat("9", 320) + " BC, for " + strings.Repeat("9", 40) + " days, 1e400 years ago.")
	ref := time.Date(2022, 3, 3, 0, 0, 0, 0, time.UTC)
	f.Fuzz(func(t *testing.T, s string) {
		prev := 0
		for _, e := range Find(s, ref) {
			if e.Span.Start < prev || e.Span.End <= e.Span.Start || e.Span.End > len(s) || s[e.Span.Start:e.Span.End] != e.Text {
				t.Fatalf("%q: bad span %v (%q) after %d", s, e.Span, e.Text, prev)
			}
			if e.Value == "" || e.Type == "" {
				t.Fatalf("%q: %q has no type or value", s, e.Text)
			}
			prev = e.Span.End
		}
	})
}

// TestConcurrent runs Find from several goroutines at once; each must see
// the results a lone call gives, whatever the pooled state.
func TestConcurrent(t *testing.T) {
	ref := time.Date(2022, 3, 3, 0, 0, 0, 0, time.UTC)
	want := make([]string, len(findCases))
	for k, c := range findCases {
		want[k] = describe(Find(c.text, ref))
	}
	done := make(chan bool)
	for g := 0; g < 4; g++ {
		go func(g int) {
			ok := true
			for r := 0; r < 20; r++ {
				for k := range findCases {
					k := (k + g*7) % len(findCases)
					if got := describe(Find(findCases[k].text, ref)); got != want[k] {
						t.Errorf("%s: concurrent %s, alone %s", findCases[k].text, got, want[k])
						ok = false
					}
				}
			}
			done <- ok
		}(g)
	}
	for g := 0; g < 4; g++ {
		<-done
	}
}
