package text

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// tokenCase is one line of a tokeniser table: the text and its tokens
// joined by " | ".
type tokenCase struct {
	in, want string
}

// The tables below are news-style sentences written for these tests. Each
// group checks one convention of the English Web Treebank that the parser
// trained on it expects.

var abbreviationCases = []tokenCase{
	{"U.S. officials said", "U.S. | officials | said"},
	{"the U.S.-led coalition", "the | U.S. | - | led | coalition"},
	{"U.K. and U.N. envoys", "U.K. | and | U.N. | envoys"},
	{"Mr. Blinken and Mrs. Novak", "Mr. | Blinken | and | Mrs. | Novak"},
	{"Mr Blinken arrived", "Mr | Blinken | arrived"},
	{"Gen. Mark Milley", "Gen. | Mark | Milley"},
	{"Lt. Col. Petrenko", "Lt. | Col. | Petrenko"},
	{"a spokesman for No. 10", "a | spokesman | for | No. | 10"},
	{"he said no.", "he | said | no | ."},
	{"J. Smith wrote", "J. | Smith | wrote"},
	{"at 5 a.m. on Sunday", "at | 5 | a.m. | on | Sunday"},
	{"light arms, e.g. rifles", "light | arms | , | e.g. | rifles"},
	{"on Feb. 24 at dawn", "on | Feb. | 24 | at | dawn"},
	{"Acme Ltd. said", "Acme | Ltd. | said"},
	{"U.A.V.s, drones", "U.A.V.s | , | drones"},
	{"reached Kyiv.The convoy", "reached | Kyiv | . | The | convoy"},
	{"AT&T and S&P", "AT&T | and | S&P"},
	// The full stop of an abbreviation that ends a sentence is the
	// sentence's, as in the treebank.
	{"aid from the U.S.", "aid | from | the | U.S | ."},
	{"from the U.S. The convoy", "from | the | U.S | . | The | convoy"},
	{"from the U.S. Senate", "from | the | U.S. | Senate"},
	{"shells, drones etc. They arrived", "shells | , | drones | etc | . | They | arrived"},
	{"Acme Ltd.\n\nGermany", "Acme | Ltd | . | Germany"},
	{"rose 5 pct.", "rose | 5 | pct | ."},
	{"until Feb. He said", "until | Feb | . | He | said"},
	{"on Feb. 24", "on | Feb. | 24"},
	{"by Charles V. The", "by | Charles | V | . | The"},
	{"from the U.S.” The", "from | the | U.S | . | ” | The"},
	{"Mr. The", "Mr. | The"},
}

var possessiveCases = []tokenCase{
	{"Ukraine's army", "Ukraine | 's | army"},
	{"Kyiv’s mayor", "Kyiv | ’s | mayor"},
	{"the U.S.'s allies", "the | U.S. | 's | allies"},
	{"UKRAINE'S ARMY", "UKRAINE | 'S | ARMY"},
	{"the states' leaders", "the | states | ' | leaders"},
	{"the soldiers’ families", "the | soldiers | ’ | families"},
	{"O'Brien said", "O'Brien | said"},
	{"Chișinău's mayor", "Chișinău | 's | mayor"},
}

var cliticCases = []tokenCase{
	{"we don't know", "we | do | n't | know"},
	{"They can't leave", "They | ca | n't | leave"},
	{"it won't stop", "it | wo | n't | stop"},
	{"she didn’t say", "she | did | n’t | say"},
	{"DON'T SHOOT", "DO | N'T | SHOOT"},
	{"they're coming", "they | 're | coming"},
	{"we'll see", "we | 'll | see"},
	{"I've heard", "I | 've | heard"},
	{"he'd gone", "he | 'd | gone"},
	{"I'm here", "I | 'm | here"},
	{"it's over", "it | 's | over"},
	{"they’re", "they | ’re"},
	{"we cannot accept", "we | can | not | accept"},
	{"they're gonna try", "they | 're | gon | na | try"},
	{"rock'n'roll", "rock'n'roll"},
}

var currencyCases = []tokenCase{
	{"$350 million in aid", "$ | 350 | million | in | aid"},
	{"a $350m package", "a | $ | 350 | m | package"},
	{"£1.2bn for", "£ | 1.2 | bn | for"},
	{"€500m more", "€ | 500 | m | more"},
	{"US$2bn", "US | $ | 2 | bn"},
	{"20% of the grid", "20 | % | of | the | grid"},
	{"#3 in the ranking", "# | 3 | in | the | ranking"},
}

var numberCases = []tokenCase{
	{"2,000 launchers", "2,000 | launchers"},
	{"in 2022, 15 people", "in | 2022 | , | 15 | people"},
	{"1.5 billion", "1.5 | billion"},
	{"155mm shells", "155 | mm | shells"},
	{"7.62mm rounds", "7.62 | mm | rounds"},
	{"155-mm howitzers", "155 | - | mm | howitzers"},
	{"at 5pm local time", "at | 5 | pm | local | time"},
	{"at 5.30am", "at | 5.30 | am"},
	{"at 9p.m. on Sunday", "at | 9 | p.m. | on | Sunday"},
	{"at 01:11 GMT", "at | 01:11 | GMT"},
	{"on 27/06/2022", "on | 27/06/2022"},
	{"on 2022-02-24 at", "on | 2022-02-24 | at"},
	{"call 044-256-1234", "call | 044-256-1234"},
	{"the 2022-23 budget", "the | 2022 | - | 23 | budget"},
	{"20-30 troops", "20 | - | 30 | troops"},
	{"the 3rd brigade", "the | 3rd | brigade"},
	{"the 1990s", "the | 1990s"},
	{"the '90s", "the | '90s"},
	{"M777 and G7 and TB2", "M777 | and | G7 | and | TB2"},
	{"2S19 Msta", "2S19 | Msta"},
	{"T-72s", "T | - | 72s"},
	{"Mi-17 and S-300", "Mi | - | 17 | and | S | - | 300"},
	{"60km from", "60 | km | from"},
	{"a 20k bonus", "a | 20 | k | bonus"},
	{"24/7 coverage", "24/7 | coverage"},
}

var hyphenCases = []tokenCase{
	{"Russian-made helicopters", "Russian | - | made | helicopters"},
	{"Kyiv-based analysts", "Kyiv | - | based | analysts"},
	{"a 63-year-old man", "a | 63 | - | year | - | old | man"},
	{"so-called referendums", "so | - | called | referendums"},
	{"long-range missiles", "long | - | range | missiles"},
	{"anti-tank weapons", "anti-tank | weapons"},
	{"Anti-war protests", "Anti-war | protests"},
	{"pro-Russian separatists", "pro-Russian | separatists"},
	{"non-NATO states", "non-NATO | states"},
	{"in mid-March", "in | mid-March"},
	{"since mid-2022", "since | mid-2022"},
	{"the ex-president", "the | ex-president"},
	{"a counter-offensive", "a | counter-offensive"},
	{"by e-mail", "by | e-mail"},
	{"UN-backed talks", "UN | - | backed | talks"},
	{"self-propelled guns", "self | - | propelled | guns"},
	{"well-\nknown", "well | - | known"},
	{"COVID-19 rules", "COVID | - | 19 | rules"},
}

var punctuationCases = []tokenCase{
	{"KYIV, Ukraine — Russian forces", "KYIV | , | Ukraine | — | Russian | forces"},
	{"LONDON (Reuters) - Britain", "LONDON | ( | Reuters | ) | - | Britain"},
	{"“quoted”", "“ | quoted | ”"},
	{`"We will hold," he said.`, `" | We | will | hold | , | " | he | said | .`},
	{"'Enough,' she said", "' | Enough | , | ' | she | said"},
	{"Kyiv—Moscow", "Kyiv | — | Moscow"},
	{"pages 3–5", "pages | 3 | – | 5"},
	{"-- dash", "-- | dash"},
	{"=====", "====="},
	{"''Enough,'' he said", "'' | Enough | , | '' | he | said"},
	{"wait...", "wait | ..."},
	{"wait…", "wait | …"},
	{"what?!", "what | ?!"},
	{"[sic]", "[ | sic | ]"},
	{"Radio Free Europe/Radio Liberty", "Radio | Free | Europe | / | Radio | Liberty"},
}

var linkCases = []tokenCase{
	{"see https://example.org/a?b=1.", "see | https://example.org/a?b=1 | ."},
	{"at www.example.com/news, then", "at | www.example.com/news | , | then"},
	{"write to press.office@example.org.", "write | to | press.office@example.org | ."},
	{"on theguardian.com, and", "on | theguardian.com | , | and"},
	{"see president.gov.ua/news.", "see | president.gov.ua/news | ."},
	{"reached Kyiv.The convoy", "reached | Kyiv | . | The | convoy"},
	{"@SecBlinken wrote", "@SecBlinken | wrote"},
	{"#StandWithUkraine trended", "#StandWithUkraine | trended"},
	{"Erdoğan and Chișinău", "Erdoğan | and | Chișinău"},
}

func TestTokenizeConventions(t *testing.T) {
	groups := []struct {
		name  string
		cases []tokenCase
	}{
		{"abbreviations", abbreviationCases},
		{"possessives", possessiveCases},
		{"clitics", cliticCases},
		{"currency", currencyCases},
		{"numbers", numberCases},
		{"hyphens", hyphenCases},
		{"punctuation", punctuationCases},
		{"links", linkCases},
	}
	for _, g := range groups {
		for _, tc := range g.cases {
			t.Run(g.name+"/"+tc.in, func(t *testing.T) {
				toks := Tokenize(tc.in, 0)
				got := make([]string, len(toks))
				for i, tk := range toks {
					got[i] = tk.Text
				}
				if g := strings.Join(got, " | "); g != tc.want {
					t.Errorf("Tokenize(%q)\n got %s\nwant %s", tc.in, g, tc.want)
				}
				checkTokens(t, tc.in, 0, toks)
			})
		}
	}
}

func TestTokenKinds(t *testing.T) {
	in := "On 3rd March, Kyiv's mayor got $1.5bn (20%) — see www.example.org; they're n't"
	want := map[string]Kind{
		"On": KindWord, "3rd": KindNumber, "March": KindWord, ",": KindPunct, "Kyiv": KindWord,
		"'s": KindWord, "$": KindSymbol, "1.5": KindNumber, "bn": KindWord, "(": KindPunct,
		"20": KindNumber, "%": KindSymbol, "—": KindPunct, "www.example.org": KindLink,
		";": KindPunct, "'re": KindWord, "n't": KindWord,
	}
	for _, tk := range Tokenize(in, 0) {
		if k, ok := want[tk.Text]; ok && tk.Kind != k {
			t.Errorf("%q: kind %d, want %d", tk.Text, tk.Kind, k)
		}
	}
}

func TestTokenGaps(t *testing.T) {
	in := "155mm shells,\nRussian-made\n\n  drones"
	want := []struct {
		text string
		gap  Gap
	}{
		{"155", GapPara}, {"mm", GapNone}, {"shells", GapSpace}, {",", GapNone},
		{"Russian", GapLine}, {"-", GapNone}, {"made", GapNone}, {"drones", GapPara},
	}
	toks := Tokenize(in, 0)
	if len(toks) != len(want) {
		t.Fatalf("got %d tokens, want %d: %+v", len(toks), len(want), toks)
	}
	for i, w := range want {
		if toks[i].Text != w.text || toks[i].Gap != w.gap {
			t.Errorf("token %d = %q gap %d, want %q gap %d", i, toks[i].Text, toks[i].Gap, w.text, w.gap)
		}
	}
	if !toks[1].Glued() || toks[2].Glued() {
		t.Errorf("Glued: %v %v, want true false", toks[1].Glued(), toks[2].Glued())
	}
}

func TestTokenizePhrase(t *testing.T) {
	for _, tc := range []tokenCase{
		{"U.S.", "U.S."},
		{"the U.K.", "the | U.K."},
		{"Guinea-Bissau", "Guinea | - | Bissau"},
		{"anti-tank missiles", "anti-tank | missiles"},
	} {
		var got []string
		for _, tk := range TokenizePhrase(tc.in) {
			if tc.in[tk.Start:tk.End] != tk.Text {
				t.Errorf("%q: token %q at [%d,%d) is not its bytes", tc.in, tk.Text, tk.Start, tk.End)
			}
			got = append(got, tk.Text)
		}
		if g := strings.Join(got, " | "); g != tc.want {
			t.Errorf("TokenizePhrase(%q) = %s, want %s", tc.in, g, tc.want)
		}
	}
}

func TestCompounds(t *testing.T) {
	in := "Russian-made T-72 tanks, a 63-year-old man - and anti-tank mines"
	toks := Tokenize(in, 0)
	var got []string
	for _, tk := range Compounds(in, toks) {
		got = append(got, tk.Text)
	}
	want := "Russian-made | T-72 | tanks | , | a | 63-year-old | man | - | and | anti-tank | mines"
	if g := strings.Join(got, " | "); g != want {
		t.Errorf("Compounds\n got %s\nwant %s", g, want)
	}
	if CompoundEnd(toks, 0) != 3 || CompoundStart(toks, 2) != 0 || CompoundStart(toks, 1) != 0 || CompoundEnd(toks, 3) != 6 {
		t.Errorf("compound bounds of %q wrong", in)
	}
	plain := Tokenize("no compound here", 0)
	if c := Compounds("no compound here", plain); &c[0] != &plain[0] {
		t.Error("Compounds copied tokens that hold no compound")
	}
}

func TestSplitHyphens(t *testing.T) {
	in := "in mid-March"
	toks := Tokenize(in, 0)
	var got []string
	var parts []Token
	for _, tk := range toks {
		parts = SplitHyphens(parts, tk)
	}
	checkTokens(t, in, 0, parts)
	for _, p := range parts {
		got = append(got, p.Text)
	}
	if g := strings.Join(got, " | "); g != "in | mid | - | March" {
		t.Errorf("SplitHyphens: %s", g)
	}
	if !HasHyphen(toks[1]) || HasHyphen(toks[0]) {
		t.Error("HasHyphen wrong")
	}
}

// checkTokens checks what holds for any tokenisation of s at base: tokens
// in order, not overlapping, inside the text, each the bytes it points at
// less the invisible characters inside it (and neither starting nor ending
// with one), with a kind, and with a gap that says truly whether anything
// visible (white space) lies between it and the token before; and nothing
// but white space and invisible characters lies outside the tokens.
func checkTokens(t testing.TB, s string, base int, toks []Token) {
	t.Helper()
	prev := base
	blank := func(from, to int) {
		if g := StripInvisible(s[from-base : to-base]); strings.TrimFunc(g, unicode.IsSpace) != "" {
			t.Fatalf("%q between tokens at [%d,%d) belongs to no token", g, from, to)
		}
	}
	defer func() {
		if !t.Failed() {
			blank(prev, base+len(s))
		}
	}()
	for i, tk := range toks {
		if tk.Start < prev || tk.End <= tk.Start || tk.End > base+len(s) {
			t.Fatalf("token %d %q at [%d,%d) out of order or range (previous end %d, text %d bytes)", i, tk.Text, tk.Start, tk.End, prev, len(s))
		}
		span := s[tk.Start-base : tk.End-base]
		if StripInvisible(span) != tk.Text || tk.Text == "" {
			t.Fatalf("token %d %q at [%d,%d) covers %q", i, tk.Text, tk.Start, tk.End, span)
		}
		if invisibleAt(span, 0) > 0 || invisibleEnds(span) {
			t.Fatalf("token %d %q at [%d,%d) starts or ends with an invisible character: %q", i, tk.Text, tk.Start, tk.End, span)
		}
		if tk.Kind < KindWord || tk.Kind > KindLink {
			t.Fatalf("token %d %q has no kind", i, tk.Text)
		}
		if i > 0 && (tk.Gap == GapNone) != (StripInvisible(s[prev-base:tk.Start-base]) == "") {
			t.Fatalf("token %d %q: gap %d but %q between it and the one before", i, tk.Text, tk.Gap, s[prev-base:tk.Start-base])
		}
		blank(prev, tk.Start)
		if utf8.ValidString(s) && !utf8.RuneStart(s[tk.Start-base]) {
			t.Fatalf("token %d %q starts inside a character", i, tk.Text)
		}
		prev = tk.End
	}
}

// invisibleEnds reports whether s ends with an invisible character.
func invisibleEnds(s string) bool {
	for _, n := range []int{2, 3} {
		if len(s) >= n && invisibleAt(s, len(s)-n) == n {
			return true
		}
	}
	return false
}

// FuzzTokenize checks Tokenize, the Tokenizer, Compounds and SplitHyphens
// on any text and base. Invariants (see checkTokens):
//   - no panic;
//   - tokens are in order and do not overlap, with base <= Start < End <=
//     base+len(text), neither end inside an invisible character;
//   - a token's Text is the text of its span without invisible characters;
//   - Gap is none exactly when nothing visible separates two tokens, and
//     only white space and invisible characters lie outside tokens;
//   - the streaming Tokenizer cuts the same tokens; compounds and hyphen
//     parts keep the same invariants over the same bytes.
func FuzzTokenize(f *testing.F) {
	for _, g := range [][]tokenCase{abbreviationCases, possessiveCases, cliticCases, currencyCases, numberCases, hyphenCases, punctuationCases, linkCases} {
		for _, tc := range g {
			f.Add(tc.in, 0)
		}
	}
	f.Add("a\u2028b\u2029c\u200bd", 3)
	f.Add("x@y.z www.\xff http://\xe2\x80 'n't n'", 0)
	for _, sh := range linearShapes {
		f.Add(strings.Repeat(sh.unit, 3), 0)
	}
	f.Add("Ger\u200bmany sent aid", 0)
	f.Add("\ufeffRus\u00adsian-made mid\u2060-March U.\u200dS. 2,\u200c000", 7)
	f.Add("Kyiv\u200b's \u200b\u200b Ukraine\u200b. \xe2\x80\x8b\xe2\x80", 0)
	f.Add("post\u200b-2014 a.\u200bm. n\u200b't ca\u00adn't", 0)
	f.Add(strings.Repeat("a.", 40)+" ab."+strings.Repeat("c", 70)+".com", 0)
	f.Fuzz(func(t *testing.T, s string, base int) {
		if base < 0 || base > 1<<20 {
			base = 0
		}
		toks := Tokenize(s, base)
		checkTokens(t, s, base, toks)
		// The streaming tokenizer cuts the same tokens.
		var tz Tokenizer
		tz.Reset(s, base)
		for i := 0; ; i++ {
			tk, ok := tz.Next()
			if !ok {
				if i != len(toks) {
					t.Fatalf("Tokenizer gave %d tokens, Tokenize %d", i, len(toks))
				}
				break
			}
			if i >= len(toks) || tk != toks[i] {
				t.Fatalf("Tokenizer token %d = %+v, Tokenize has %+v", i, tk, toks[min(i, len(toks)-1)])
			}
		}
		// Compounds and their parts cover the same bytes.
		if base == 0 {
			joined := Compounds(s, toks)
			if len(joined) > 0 && (joined[0].Start != toks[0].Start || joined[len(joined)-1].End != toks[len(toks)-1].End) {
				t.Fatal("Compounds changed the span of the text")
			}
			for _, tk := range joined {
				if StripInvisible(s[tk.Start:tk.End]) != tk.Text {
					t.Fatalf("compound %q is not its bytes", tk.Text)
				}
			}
			var parts []Token
			for _, tk := range toks {
				parts = SplitHyphens(parts, tk)
			}
			checkTokens(t, s, 0, parts)
		}
	})
}

// FuzzSentences checks Sentences and the Scanner on any text. Invariants:
//   - no panic;
//   - sentences are in order, do not overlap, lie inside the text with
//     Start < End, and each spans exactly its tokens;
//   - together they cover the text: their tokens are those of Tokenize,
//     all of them, in order, so only white space and invisible characters
//     lie between sentences (checkTokens);
//   - the streaming Scanner cuts the same sentences.
func FuzzSentences(f *testing.F) {
	f.Add(benchText)
	f.Add("The U.S. The talks. Mr. Smith\n\nNext para\u2029and\u2028more")
	f.Add("Gen. Feb. 24... “Why?” he asked. 5 p.m. ok")
	for _, sh := range linearShapes {
		f.Add(strings.Repeat(sh.unit, 3))
	}
	f.Add("Aid reached Ger\u200bmany\u200b.\u200b The convoy left.\n\u200b\nIt returned\u00ad.")
	f.Add("\ufeffThe U.S.\u2060 The talks\u200b...\u200d\u201d Next")
	f.Fuzz(func(t *testing.T, s string) {
		prev := 0
		var all []Token
		for _, st := range Sentences(s) {
			if st.Start < prev || st.End > len(s) || st.Start >= st.End || len(st.Tokens) == 0 {
				t.Fatalf("sentence [%d,%d) out of order or range", st.Start, st.End)
			}
			if st.Tokens[0].Start != st.Start || st.Tokens[len(st.Tokens)-1].End != st.End {
				t.Fatalf("sentence [%d,%d) does not span its tokens", st.Start, st.End)
			}
			all = append(all, st.Tokens...)
			prev = st.End
		}
		checkTokens(t, s, 0, all)
		toks := Tokenize(s, 0)
		if len(all) != len(toks) {
			t.Fatalf("sentences hold %d tokens, Tokenize gives %d", len(all), len(toks))
		}
		for i := range toks {
			if all[i] != toks[i] {
				t.Fatalf("sentence token %d = %+v, Tokenize has %+v", i, all[i], toks[i])
			}
		}
		// The streaming scanner cuts the same sentences.
		sents := Sentences(s)
		var sc Scanner
		sc.Reset(s)
		n := 0
		for sc.Next() {
			st := sc.Sentence()
			if n >= len(sents) || st.Start != sents[n].Start || st.End != sents[n].End || len(st.Tokens) != len(sents[n].Tokens) {
				t.Fatalf("Scanner sentence %d [%d,%d) differs from Sentences", n, st.Start, st.End)
			}
			n++
		}
		if n != len(sents) {
			t.Fatalf("Scanner found %d sentences, Sentences %d", n, len(sents))
		}
	})
}
