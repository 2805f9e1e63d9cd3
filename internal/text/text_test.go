package text

import (
	"encoding/json"
	"github.com/sitrep-project/sitrep/internal/testshared"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// sentenceTexts returns the text of each sentence, the form the tables use.
func sentenceTexts(s string) []string {
	var out []string
	for _, st := range Sentences(s) {
		out = append(out, s[st.Start:st.End])
	}
	return out
}

func TestSentences(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []string
	}{
		{"plain", "Troops crossed the border. Officials denied it.",
			[]string{"Troops crossed the border.", "Officials denied it."}},
		{"embedded post after a full stop", "The first tranche was paid in May. #UPDATE The Treasury will send $1.7 billion more.",
			[]string{"The first tranche was paid in May.", "#UPDATE The Treasury will send $1.7 billion more."}},
		{"question and exclamation", "Will the talks resume? Nobody knows! The envoy left.",
			[]string{"Will the talks resume?", "Nobody knows!", "The envoy left."}},
		{"U.S. inside", "The U.S. Senate approved the package on Tuesday.",
			[]string{"The U.S. Senate approved the package on Tuesday."}},
		{"U.S. at end before The", "The aid came from the U.S. The first crates landed in Rzeszow.",
			[]string{"The aid came from the U.S.", "The first crates landed in Rzeszow."}},
		{"U.K. and U.N.", "U.K. and U.N. officials met in Geneva on Monday.",
			[]string{"U.K. and U.N. officials met in Geneva on Monday."}},
		{"Mr.", "Mr. Sullivan told reporters the drones were ready. He gave no date.",
			[]string{"Mr. Sullivan told reporters the drones were ready.", "He gave no date."}},
		{"Mrs. and Dr.", "Mrs. Novak met Dr. Tedros at the hospital.",
			[]string{"Mrs. Novak met Dr. Tedros at the hospital."}},
		{"Gen.", "Gen. Milley briefed the committee. Lawmakers asked about stocks.",
			[]string{"Gen. Milley briefed the committee.", "Lawmakers asked about stocks."}},
		{"Lt. Col.", "Lt. Col. Hanna Petrenko led the convoy out of the city.",
			[]string{"Lt. Col. Hanna Petrenko led the convoy out of the city."}},
		{"Sen. Rep. Gov.", "Sen. Reed, Rep. Smith and Gov. Hochul signed the letter.",
			[]string{"Sen. Reed, Rep. Smith and Gov. Hochul signed the letter."}},
		{"St.", "The ship docked in St. Petersburg after a week at sea.",
			[]string{"The ship docked in St. Petersburg after a week at sea."}},
		{"No. 10", "A spokesman for No. 10 declined to comment.",
			[]string{"A spokesman for No. 10 declined to comment."}},
		{"no. as word", "Asked whether troops would stay, he said no. The meeting ended.",
			[]string{"Asked whether troops would stay, he said no.", "The meeting ended."}},
		{"Feb. date", "The invasion began on Feb. 24 before dawn.",
			[]string{"The invasion began on Feb. 24 before dawn."}},
		{"Sept. date", "By Sept. 10 the counteroffensive had reached Izium.",
			[]string{"By Sept. 10 the counteroffensive had reached Izium."}},
		{"Jan. date", "Talks were held in Geneva on Jan. 10 and in Brussels on Jan. 12.",
			[]string{"Talks were held in Geneva on Jan. 10 and in Brussels on Jan. 12."}},
		{"Inc. mid", "Lockheed Martin Inc. said output would rise.",
			[]string{"Lockheed Martin Inc. said output would rise."}},
		{"Ltd. end", "The contract went to Acme Ltd. The value was not disclosed.",
			[]string{"The contract went to Acme Ltd.", "The value was not disclosed."}},
		{"Co.", "Boeing Co. and Raytheon Co. will share the order.",
			[]string{"Boeing Co. and Raytheon Co. will share the order."}},
		{"vs.", "It was Kyiv vs. Moscow in the court of opinion.",
			[]string{"It was Kyiv vs. Moscow in the court of opinion."}},
		{"e.g. and i.e.", "Light arms, e.g. rifles, were sent; i.e. nothing heavy.",
			[]string{"Light arms, e.g. rifles, were sent; i.e. nothing heavy."}},
		{"a.m. p.m.", "Sirens sounded at 5 a.m. and again at 9 p.m. on Sunday.",
			[]string{"Sirens sounded at 5 a.m. and again at 9 p.m. on Sunday."}},
		{"a.m. at end", "The strike came at 4 a.m. The mayor called it deliberate.",
			[]string{"The strike came at 4 a.m.", "The mayor called it deliberate."}},
		{"initial", "The report was written by J. Smith of the institute.",
			[]string{"The report was written by J. Smith of the institute."}},
		{"two initials", "Former envoy John F. Tefft said sanctions would bite.",
			[]string{"Former envoy John F. Tefft said sanctions would bite."}},
		{"decimal", "Germany pledged 1.5 billion euros. France matched it.",
			[]string{"Germany pledged 1.5 billion euros.", "France matched it."}},
		{"thousands", "Some 2,000 launchers arrived. More are expected.",
			[]string{"Some 2,000 launchers arrived.", "More are expected."}},
		{"closing straight quote then he said", `"We will not yield to aggression." he said on Friday.`,
			[]string{`"We will not yield to aggression." he said on Friday.`}},
		{"closing curly quote then he said", "“We will not yield to aggression.” he said on Friday.",
			[]string{"“We will not yield to aggression.” he said on Friday."}},
		{"closing curly quote then capital", "“The city is holding.” The governor hung up.",
			[]string{"“The city is holding.”", "The governor hung up."}},
		{"comma inside quote", "“We need more air defence,” the minister said. Allies agreed.",
			[]string{"“We need more air defence,” the minister said.", "Allies agreed."}},
		{"question in quote lower", "“Why now?” asked one official. Nobody answered.",
			[]string{"“Why now?” asked one official.", "Nobody answered."}},
		{"quote opens sentence", `The shelling stopped. "We can breathe again," a resident said.`,
			[]string{"The shelling stopped.", `"We can breathe again," a resident said.`}},
		{"curly quote opens sentence", "The shelling stopped. “We can breathe again,” a resident said.",
			[]string{"The shelling stopped.", "“We can breathe again,” a resident said."}},
		{"ellipsis mid", "He paused... then went on speaking.",
			[]string{"He paused... then went on speaking."}},
		{"ellipsis end", "The line went dead... Nobody called back.",
			[]string{"The line went dead...", "Nobody called back."}},
		{"unicode ellipsis", "The line went dead… Nobody called back.",
			[]string{"The line went dead…", "Nobody called back."}},
		{"em dash", "The convoy — forty trucks in all — reached Kharkiv. It unloaded at night.",
			[]string{"The convoy — forty trucks in all — reached Kharkiv.", "It unloaded at night."}},
		{"dash after stop", "We stand with Ukraine. — Foreign Minister (@example) March 1, 2022",
			[]string{"We stand with Ukraine.", "— Foreign Minister (@example) March 1, 2022"}},
		{"starts with digit", "The toll rose overnight. 37 people are still missing.",
			[]string{"The toll rose overnight.", "37 people are still missing."}},
		{"starts with quote after digit sentence", "It lasted 3 hours. “Enough,” she said.",
			[]string{"It lasted 3 hours.", "“Enough,” she said."}},
		{"blank line", "Shelling resumed at dawn\n\nThe mayor urged calm.",
			[]string{"Shelling resumed at dawn", "The mayor urged calm."}},
		{"blank line with spaces", "First paragraph ends here.\n   \nSecond one starts.",
			[]string{"First paragraph ends here.", "Second one starts."}},
		{"crlf blank line", "One para.\r\n\r\nAnother para.",
			[]string{"One para.", "Another para."}},
		{"headline line", "UK sends troops, weapons to Ukraine\nThe shipment left on Monday.",
			[]string{"UK sends troops, weapons to Ukraine", "The shipment left on Monday."}},
		{"headline then blank", "Blinken schedules visit to the region\n\nThe trip starts in Brussels.",
			[]string{"Blinken schedules visit to the region", "The trip starts in Brussels."}},
		{"line ends in a preposition", "Grain entered after\nJanuary 19, 1984 was counted.",
			[]string{"Grain entered after\nJanuary 19, 1984 was counted."}},
		{"line ends in a month", "The reserve closed on July\n23, 1981 for wheat.",
			[]string{"The reserve closed on July\n23, 1981 for wheat."}},
		{"abbreviation ends the sentence", "The aid came from the U.S. The crates landed.",
			[]string{"The aid came from the U.S.", "The crates landed."}},
		{"no cross blank line without stop", "Kyiv said\n\nthe talks were over.",
			[]string{"Kyiv said", "the talks were over."}},
		{"lowercase continuation joins", "The package includes rifles and\nammunition for the army.",
			[]string{"The package includes rifles and\nammunition for the army."}},
		{"parenthesis after stop", "The talks ended. (Reporting by staff.)",
			[]string{"The talks ended.", "(Reporting by staff.)"}},
		{"possessive", "Ukraine's defence minister spoke. Russia’s envoy left.",
			[]string{"Ukraine's defence minister spoke.", "Russia’s envoy left."}},
		{"lowercase after stop", "The range is 40 km. roughly the distance to the border.",
			[]string{"The range is 40 km. roughly the distance to the border."}},
		{"money", "The EU agreed €500m. Washington added $350 million.",
			[]string{"The EU agreed €500m.", "Washington added $350 million."}},
		{"percent then sentence", "Prices rose 20%. Bread is scarce.",
			[]string{"Prices rose 20%.", "Bread is scarce."}},
		{"time with dot", "The alarm sounded at 5.30am. Residents fled to shelters.",
			[]string{"The alarm sounded at 5.30am.", "Residents fled to shelters."}},
		{"U.A.V.s", "Iran will send several hundred U.A.V.s to Russia, he said.",
			[]string{"Iran will send several hundred U.A.V.s to Russia, he said."}},
		{"acronym then name", "Talks in the U.S. Capitol went on late.",
			[]string{"Talks in the U.S. Capitol went on late."}},
		{"trailing spaces trimmed", "   The talks ended.   ",
			[]string{"The talks ended."}},
		{"single sentence no stop", "Missile strikes hit Odesa port",
			[]string{"Missile strikes hit Odesa port"}},
		{"stop after closing bracket", "The deal (signed in Istanbul) holds. Ships sail.",
			[]string{"The deal (signed in Istanbul) holds.", "Ships sail."}},
		{"quote after question", "“Is it safe?” The guard shrugged.",
			[]string{"“Is it safe?”", "The guard shrugged."}},
		{"url", "Details are at www.example.org. The site is slow.",
			[]string{"Details are at www.example.org.", "The site is slow."}},
		{"Ms. and Prof.", "Ms. Stefanishyna met Prof. Roth in Kyiv.",
			[]string{"Ms. Stefanishyna met Prof. Roth in Kyiv."}},
		{"etc. end", "They sent tents, blankets, stoves etc. The list goes on.",
			[]string{"They sent tents, blankets, stoves etc.", "The list goes on."}},
		{"one paragraph a line", "Kyiv was quiet overnight\nThe curfew was lifted at 6am\nShops reopened",
			[]string{"Kyiv was quiet overnight", "The curfew was lifted at 6am", "Shops reopened"}},
		{"non-breaking space", "The talks ended.\u00a0Officials left.",
			[]string{"The talks ended.", "Officials left."}},
		{"exclamation in quote lower", `"Glory to Ukraine!" shouted the crowd.`,
			[]string{`"Glory to Ukraine!" shouted the crowd.`}},
		{"empty", "", nil},
		{"only space", " \n\n \t ", nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := sentenceTexts(tc.in)
			if strings.Join(got, "\x00") != strings.Join(tc.want, "\x00") || len(got) != len(tc.want) {
				t.Errorf("Sentences(%q)\n got %q\nwant %q", tc.in, got, tc.want)
			}
		})
	}
}

// TestSentencesWrapped checks newswire copy wrapped at a fixed width: line
// breaks inside a paragraph are spaces, indented lines open a paragraph.
func TestSentencesWrapped(t *testing.T) {
	in := "EUROPE TO SEND MORE AID\n" +
		"The European Commission said on Tuesday it would send\n" +
		"another consignment of generators and blankets to the\n" +
		"region before the winter, officials said.\n" +
		"    The consignment follows an appeal from the city\n" +
		"authorities, who said heating had failed in three\n" +
		"districts.\n"
	want := []string{
		"EUROPE TO SEND MORE AID",
		"The European Commission said on Tuesday it would send\nanother consignment of generators and blankets to the\nregion before the winter, officials said.",
		"The consignment follows an appeal from the city\nauthorities, who said heating had failed in three\ndistricts.",
	}
	got := sentenceTexts(in)
	if strings.Join(got, "\x00") != strings.Join(want, "\x00") {
		t.Errorf("wrapped text\n got %q\nwant %q", got, want)
	}
}

func TestTokenizeBase(t *testing.T) {
	doc := "Intro. Kyiv's mayor spoke."
	frag := doc[7:]
	toks := Tokenize(frag, 7)
	if len(toks) == 0 {
		t.Fatal("no tokens")
	}
	for _, tk := range toks {
		if doc[tk.Start:tk.End] != tk.Text {
			t.Errorf("token %q at [%d,%d) does not match the document there (%q)", tk.Text, tk.Start, tk.End, doc[tk.Start:tk.End])
		}
	}
	if toks[0].Start != 7 || toks[0].Text != "Kyiv" {
		t.Errorf("first token = %+v, want Kyiv at 7", toks[0])
	}
}

// sharedDir returns the shared data folder, skipping when it is absent.
func sharedDir(t testing.TB) string { return testshared.Dir(t) }

// TestCorpusInvariants runs the splitter over the real corpora and checks
// what must hold for any text: sentences in order, inside the text, trimmed,
// never across a blank line, and tokens that are exactly the bytes they
// point at.
func TestCorpusInvariants(t *testing.T) {
	shared := sharedDir(t)
	var files []string
	for _, dir := range []string{"corpus/seeds", "corpus/dev", "corpus/kiel-dev"} {
		m, err := filepath.Glob(filepath.Join(shared, dir, "*.txt"))
		if err != nil {
			t.Fatalf("glob %s: %v", dir, err)
		}
		files = append(files, m...)
	}
	if len(files) == 0 {
		t.Skip("no corpus files under shared/corpus")
	}
	total := 0
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatalf("read %s: %v", f, err)
		}
		checkInvariants(t, filepath.Base(f), string(b))
		total += len(Sentences(string(b)))
	}
	if total < len(files) {
		t.Errorf("only %d sentences in %d files", total, len(files))
	}
}

func checkInvariants(t *testing.T, name, s string) {
	t.Helper()
	prevEnd := 0
	for _, st := range Sentences(s) {
		if st.Start < prevEnd || st.End > len(s) || st.Start >= st.End {
			t.Fatalf("%s: sentence [%d,%d) out of order or range", name, st.Start, st.End)
		}
		body := s[st.Start:st.End]
		if strings.TrimSpace(body) != body {
			t.Errorf("%s: sentence %q is not trimmed", name, body)
		}
		if strings.Contains(body, "\n\n") || strings.Contains(body, "\n\r\n") {
			t.Errorf("%s: sentence crosses a blank line: %q", name, body)
		}
		for _, tk := range st.Tokens {
			if tk.Start < st.Start || tk.End > st.End || s[tk.Start:tk.End] != tk.Text {
				t.Fatalf("%s: token %q [%d,%d) not inside its sentence or not its bytes", name, tk.Text, tk.Start, tk.End)
			}
		}
		prevEnd = st.End
	}
}

// benchText is a few paragraphs of news prose written for the benchmark,
// with the abbreviations, quotes and numbers the splitter has to weigh.
const benchText = `The U.S. will send another $450 million in security assistance to Ukraine, officials said on Friday, including four more HIMARS launchers and 1,500 rounds of 155mm ammunition. "We will keep the weapons flowing," Mr. Austin told reporters at the Pentagon.

Ukraine's defence minister, Oleksii Reznikov, thanked Washington. “The rockets are already changing the picture at the front,” he wrote on Twitter. Gen. Milley said training would begin at a base in Germany by Sept. 1.

Russian forces shelled Kharkiv overnight, killing at least three civilians and wounding 12, according to the regional governor. The Kremlin denied targeting residential areas... Moscow's defence ministry said its strikes hit only military targets.

EU foreign ministers agreed a further €500m for the European Peace Facility. Josep Borrell, the bloc's foreign policy chief, said: "This is not the end of our support." The package still needs approval by all 27 member states.
`

func BenchmarkSentences(b *testing.B) {
	text := strings.Repeat(benchText, 64)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		Sentences(text)
	}
}

func BenchmarkTokenize(b *testing.B) {
	text := strings.Repeat(benchText, 64)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		Tokenize(text, 0)
	}
}

// BenchmarkSentencesReuters measures the splitter on real newswire bodies
// (hard-wrapped, abbreviation-heavy) when the shared data is present.
func BenchmarkSentencesReuters(b *testing.B) {
	shared := sharedDir(b)
	raw, err := os.ReadFile(filepath.Join(shared, "bench", "reuters21578", "reut2-000.json"))
	if err != nil {
		b.Skipf("reuters benchmark text unavailable: %v", err)
	}
	var docs []struct {
		Body string `json:"body"`
	}
	if err := json.Unmarshal(raw, &docs); err != nil {
		b.Fatalf("decode reuters json: %v", err)
	}
	var bodies []string
	size := 0
	for _, d := range docs {
		if d.Body != "" {
			bodies = append(bodies, d.Body)
			size += len(d.Body)
		}
	}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	for b.Loop() {
		for _, body := range bodies {
			Sentences(body)
		}
	}
}
