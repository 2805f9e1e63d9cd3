package event

import (
	"fmt"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/sitrep-project/sitrep/internal/lexicon"
	"github.com/sitrep-project/sitrep/internal/model"
	"github.com/sitrep-project/sitrep/internal/quantity"
	"github.com/sitrep-project/sitrep/internal/text"
	"github.com/sitrep-project/sitrep/internal/timex"
)

// Version names the extractor's rules. It is stored with every event, so
// that reextract can tell events made by older rules; change it whenever a
// change to the rules or lexicons changes what is extracted.
const Version = "sitrep-extract/14"

// Extractor reads events from articles. It holds only read-only tables, so
// one Extractor may serve many goroutines.
type Extractor struct {
	lex     *lexicon.Lexicon
	trig    *trie
	explain bool
	// noScope keeps events outside the world sitrep tracks: the rule tests
	// read one-sentence articles that carry no context.
	noScope bool
	// dyad pairs the sides of the conflicts followed (data/parties.tsv):
	// with no target in the text, an attack or talks by one side involve
	// the other.
	dyad map[string]string
	// merge merges the repeats of one event (mergeRepeats when nil); the
	// tests set it to the pairwise scan the index must agree with.
	merge func([]*cand) []*cand
}

// Option configures an Extractor.
type Option func(*Extractor)

// WithExplain makes every event list, for each slot, the rule or lexicon
// entry that filled it.
func WithExplain(on bool) Option { return func(x *Extractor) { x.explain = on } }

// WithLexicon replaces the built-in lexicon, for tests and custom gazetteers.
func WithLexicon(l *lexicon.Lexicon) Option { return func(x *Extractor) { x.lex = l } }

// New returns an Extractor with the built-in frames and lexicon.
func New(opts ...Option) *Extractor {
	sd, err := loadScope()
	if err != nil {
		panic(fmt.Sprintf("event: embedded scope data: %v", err)) // a build error, caught by the tests
	}
	x := &Extractor{dyad: sd.parties}
	for _, o := range opts {
		o(x)
	}
	if x.lex == nil {
		x.lex = lexicon.Default()
	}
	x.trig = buildTrie(frames)
	return x
}

// Extract returns the events of one article, in the order of their
// evidence. Events the article does not hold true (negated, hypothetical,
// denied) are returned too, with their modality, so that callers choose
// whether to show them; see model.Event.IsFact.
func (x *Extractor) Extract(a *model.Article) []model.Event {
	d := newDoc(a)
	sents := x.sentences(d)
	// Sources first, in their own pass: a quotation may be attributed
	// after it, and a role ("the governor") may be named later.
	for _, st := range sents {
		st.src, st.srcExplain = x.findSource(d, st)
		d.rememberSource(st)
	}
	quoteSources(sents)
	// Then events in order, carrying what each sentence tells the next.
	var evs []*cand
	for _, st := range sents {
		evs = append(evs, x.sentenceEvents(d, st)...)
		d.remember(st)
	}
	out := x.finish(d, evs)
	markRunningTotals(a, out)
	if g := genreOf(a); g != "" {
		for i := range out {
			out[i].Genre = g
		}
	}
	if x.noScope {
		return out
	}
	return inScope(d, out)
}

// inScope keeps the events that belong to the world sitrep tracks (see
// scope.go).
func inScope(d *docState, evs []model.Event) []model.Event {
	if len(evs) == 0 {
		return evs
	}
	sd := mustScope()
	conflict := d.conflict()
	out := evs[:0]
	for i := range evs {
		if sd.inScope(&evs[i], conflict) {
			out = append(out, evs[i])
		}
	}
	return out
}

func newDoc(a *model.Article) *docState {
	return &docState{art: a, ref: a.Date, allCodes: map[string]int{}, last: map[model.EventType]*cand{},
		done: map[model.EventType][]*cand{}, doneIn: map[*sent][]*cand{}, surnames: map[string]string{}}
}

// sentences annotates every body sentence of the article and counts who
// the article is about.
func (x *Extractor) sentences(d *docState) []*sent {
	a := d.art
	all := text.Sentences(a.Text)
	d.textSents = all
	d.times = timex.FindSentences(a.Text, all, a.Date)
	d.blocks = newBlockIndex(a)
	times := timesBySentence(all, d.times)
	quotes := &quoteScan{text: a.Text}
	var sents []*sent
	for i, s := range all {
		if !d.blocks.inBody(s.Start) {
			continue
		}
		st := x.analyse(d, s, times[i], quotes)
		sents = append(sents, st)
		d.sentIdx++
		for i := range st.ms {
			if m := &st.ms[i]; m.kind == mEntity {
				for _, c := range m.codes {
					d.allCodes[c]++
				}
			}
		}
	}
	return sents
}

// mkind is the kind of a mention in a sentence.
type mkind uint8

const (
	mEntity mkind = iota + 1 // a state, group, organisation, person or role
	mItem
	mPlace
	mOutlet
	mSource // an official or organisational source
	mNum    // a quantity.Mention
	mTime   // a timex.Expr
	mName   // a capitalised name the lexicon does not know
)

// mention is one thing found in a sentence, on a token range [t0, t1).
type mention struct {
	kind   mkind
	t0, t1 int
	entry  *lexicon.Entry
	form   string
	also   []*lexicon.Entry
	num    *quantity.Mention
	tx     *timex.Expr
	name   string // for mName and generic items: the words
	plural bool   // a pronoun or phrase that points back at several actors
	// dateline marks a mention in the sentence's dateline ("KYIV,
	// Ukraine —"): where the story was filed, never an actor.
	dateline bool
	// codes are the actor codes the mention stands for, after resolving
	// groups and pronouns.
	codes []string
}

// sent is one analysed sentence.
type sent struct {
	text       string // the whole article text, which offsets index
	idx        int
	start, end int
	toks       []text.Token
	low        []string
	ms         []mention
	at         []int16 // token -> index into ms, or -1
	trigs      []trigHit
	para       int // index of the paragraph block holding the sentence
	src        *source
	srcExplain string
	lex        *lexicon.Lexicon
	explain    bool   // record why each slot was filled
	bnd        []int8 // per token: 1 ends a clause, -1 does not, 0 not yet known
	// refTo is, per event type, the earlier event a definite mention in
	// this sentence pointed back at, for the clause [refL, refR).
	refTo      map[model.EventType]*cand
	refL, refR int
	// tr is the sentence's dependency analysis, made only for sentences
	// that hold a trigger; nil elsewhere.
	tr *tree
	// quoteOpen: a quotation opened earlier in the paragraph is still
	// open where the sentence starts; quoteKnown: quoteOpen was set (see
	// inQuote).
	quoteOpen, quoteKnown bool
	// joins counts the conjunctions and clause breaks before each token,
	// made on first use (see joinedBy).
	joins *joins
}

// docState carries what one sentence tells the next: the last actors,
// outlet, person and events, for pronouns, "the report" and continuations.
type docState struct {
	art *model.Article
	// conflictKnown is 1 when the article is about armed conflict, -1
	// when it is not, 0 before it is known (see conflict).
	conflictKnown int8
	ref           time.Time
	times         []timex.Expr
	blocks        *blockIndex
	// textSents are the article text's sentences, cut once.
	textSents []text.Sentence
	sentIdx   int

	lastActors []string // codes of the last subject actors
	lastPlural []string // the last group or list of several actors
	lastBody   []string // the last organisation or group named, for "them"
	lastPerson *mention
	// prevPerson is the person named before lastPerson, of another
	// side: "the two men" are the last two.
	prevPerson *mention
	// lastPlace is the last place named, and lastPlaceIdx its sentence,
	// for "the city" and "the town" (see definitePlace).
	lastPlace    *mention
	lastPlaceIdx int
	// lastCapital is the last capital named as its state ("Kyiv"), and
	// lastCapitalIdx its sentence: "the city" may point back at it too.
	lastCapital    string
	lastCapitalOf  string
	lastCapitalIdx int
	lastOutlet     *lexicon.Entry
	lastOutPara    int
	lastSpeaker    *source // the last person named, for "he said"
	// lastBodySrc is the last source that is not a person, and
	// lastBodyIdx its sentence, for "they said".
	lastBodySrc *source
	lastBodyIdx int
	// holders are the people named with a role, for "the governor
	// said", by role, each role's in the order of their sentences.
	holders map[string][]roleHolder
	// surnames maps the last word of a name the lexicon does not know to
	// the whole name, so that "Andryushchenko said" names the person
	// introduced as "Petro Andryushchenko".
	surnames   map[string]string
	lastAid    *cand
	lastAttack *cand
	// lastDated is the last factual event with a date, which an undated
	// report right after it shares (see inheritTime).
	lastDated *cand
	// lastAttackIdx is the sentence that last told of lastAttack.
	lastAttackIdx int
	last          map[model.EventType]*cand // the last event of each type
	lastItem      *itemArg
	allCodes      map[string]int              // how often each state is named
	done          map[model.EventType][]*cand // the factual events so far, by type
	// doneIn are the factual events so far by their sentence, in the
	// order of done, so that a rule asking for one sentence's events does
	// not read the whole article's.
	doneIn map[*sent][]*cand
}

func (d *docState) remember(s *sent) {
	for i := range s.ms {
		m := &s.ms[i]
		if m.kind == mEntity && m.entry != nil && m.entry.Kind == lexicon.KindPerson {
			if d.lastPerson != nil && !slices.Equal(d.lastPerson.codes, m.codes) {
				d.prevPerson = d.lastPerson
			}
			d.lastPerson = m
		}
		if m.kind == mPlace && m.entry != nil && !m.dateline {
			d.lastPlace, d.lastPlaceIdx = m, s.idx
		}
		if m.kind == mEntity && m.form == lexicon.FormCapital && len(m.codes) == 1 && !m.dateline {
			d.lastCapital, d.lastCapitalOf, d.lastCapitalIdx = textOf(s, m.t0, m.t1), m.codes[0], s.idx
		}
	}
}

// rememberSource keeps what the source pass carries from one sentence to
// the next: the last outlet and the last person named.
func (d *docState) rememberSource(s *sent) {
	if s.src != nil && !s.src.person && s.src.role == "" {
		d.lastBodySrc, d.lastBodyIdx = s.src, s.idx
	}
	for i := range s.ms {
		m := &s.ms[i]
		switch {
		case m.kind == mOutlet:
			d.lastOutlet = m.entry
			d.lastOutPara = s.para
		case m.kind == mName || m.kind == mEntity && m.entry.Kind == lexicon.KindPerson:
			if src := mentionSource(s, m); src != nil && src.person {
				// "he said" points back at a person, never at
				// "Newsmax TV".
				d.lastSpeaker = src
			}
		}
	}
}

// analyse annotates a sentence with its mentions and triggers. times are
// the indexes in d.times of the time expressions inside the sentence (see
// timesBySentence); quotes reads the quotation marks before it.
func (x *Extractor) analyse(d *docState, s text.Sentence, times []int, quotes *quoteScan) *sent {
	// The extractor's word lists write hyphenated compounds as one word
	// ("russian-made", "would-be", "denial-of-service"), so it reads the
	// sentence with each compound joined; the lexicon reads the tokens as
	// cut, and every mention is placed on these words by its byte span.
	toks := text.Compounds(d.art.Text, s.Tokens)
	st := &sent{text: d.art.Text, idx: d.sentIdx, start: s.Start, end: s.End, toks: toks, lex: x.lex, explain: x.explain}
	st.para = d.blocks.paraOf(s.Start)
	st.quoteOpen, st.quoteKnown = quotes.openAt(s.Start), true
	st.low = make([]string, len(toks))
	for i, t := range toks {
		st.low[i] = strings.ToLower(t.Text)
	}
	st.ms = make([]mention, 0, len(toks)/3+4)
	st.at = make([]int16, len(toks))
	for i := range st.at {
		st.at[i] = -1
	}
	src := d.art.Text
	for _, m := range x.lex.FindTokens(src, s.Tokens) {
		t0, t1 := st.tokRange(m.Start, m.End)
		if t0 >= t1 {
			continue
		}
		mm := mention{t0: t0, t1: t1, entry: m.Entry, form: m.Form, also: m.Also}
		switch m.Entry.Kind {
		case lexicon.KindState, lexicon.KindGroup, lexicon.KindOrg, lexicon.KindPerson, lexicon.KindRole:
			mm.kind = mEntity
		case lexicon.KindItem:
			mm.kind = mItem
		case lexicon.KindPlace:
			mm.kind = mPlace
		case lexicon.KindOutlet:
			mm.kind = mOutlet
		case lexicon.KindSource:
			mm.kind = mSource
		default:
			continue
		}
		st.add(mm)
	}
	// Time expressions before numbers: "February 24" is a date to both,
	// and timex resolves it.
	for _, i := range times {
		e := &d.times[i]
		t0, t1 := st.tokRange(e.Span.Start, e.Span.End)
		if t0 >= t1 || st.covered(t0, t1) {
			continue
		}
		st.add(mention{kind: mTime, t0: t0, t1: t1, tx: e})
	}
	for _, q := range quantity.FindTokens(src, s.Tokens) {
		t0, t1 := st.tokRange(q.Start, q.End)
		if t0 >= t1 {
			continue
		}
		if q.Kind == quantity.KindMoney && st.onlyAdjectives(t0, t1) {
			// "500 million Swedish kronor": the adjective names the
			// currency, not a party.
			st.drop(t0, t1)
		}
		if st.covered(t0, t1) {
			continue
		}
		st.add(mention{kind: mNum, t0: t0, t1: t1, num: &q})
	}
	st.names(d)
	d.noteHolders(st)
	if end := datelineEnd(st); end > 0 {
		// "KHARKIV, Ukraine — Missiles hit a school": the dateline says
		// where the story was filed, not who acted: its states may locate
		// the events, never act in them.
		for i := range st.ms {
			if st.ms[i].t1 <= end {
				st.ms[i].dateline = true
			}
		}
	}
	sort.Slice(st.ms, func(i, j int) bool { return st.ms[i].t0 < st.ms[j].t0 })
	for i := range st.at {
		st.at[i] = -1
	}
	for i, m := range st.ms {
		for t := m.t0; t < m.t1; t++ {
			st.at[t] = int16(i)
		}
	}
	x.resolveEntities(d, st)
	st.trigs = x.trig.find(st)
	if (len(st.trigs) > 0 || x.trig.maybePhrasal(st)) && x.mayMatter(d, st) {
		// Only the sentences that hold a trigger and may give an event in
		// scope are parsed, which keeps the cost of the grammar layer to
		// the sentences that need it.
		st.tr = parseSentence(s, st)
		st.verbsAreNoItems()
		st.trigs = x.trig.phrasal(st)
		st.trigs = instrumentsDoNotTrigger(st)
		st.trigs = modifiersDoNotTrigger(st)
		st.trigs = verbsAsModifiersDoNotTrigger(st)
		if !titleCase(st) {
			st.trigs = properNounsDoNotTrigger(st)
		}
		st.trigs = triggersOfTheirPart(st)
	}
	st.trigs = itemsDoNotTrigger(st)
	return st
}

// modifiersDoNotTrigger drops the attack words the tree reads as a
// modifier of a noun of unitHeads: "a strike force", "attack helicopters"
// name a unit or a weapon, not an attack.
func modifiersDoNotTrigger(st *sent) []trigHit {
	out := st.trigs[:0]
	for _, h := range st.trigs {
		if w := st.tr.head[h.t0]; h.f.typ == model.TypeAttack && h.t1 == h.t0+1 && w >= 0 && st.tr.rel(w) == "compound" {
			if p := st.tr.parent(w); p >= 0 && st.tr.w[p].UPOS == "NOUN" && unitHeads[strings.ToLower(st.tr.w[p].Lemma)] {
				continue
			}
		}
		out = append(out, h)
	}
	return out
}

// verbsAsModifiersDoNotTrigger drops the hits of an aid or visit verb (of
// giving, pledging, permitting or travelling) whose word the tree reads as
// a noun or adjective compounded with a noun: "a shipping company",
// "supply chains", "travel bans" name a kind of thing, not an act. Other
// types' nouns name their event in compounds too ("the sanctions list" is
// of sanctions), and attack words are modifiersDoNotTrigger's.
func verbsAsModifiersDoNotTrigger(st *sent) []trigHit {
	out := st.trigs[:0]
	for _, h := range st.trigs {
		if (h.f.typ == model.TypeAid || h.f.typ == model.TypeVisit) && h.t1 == h.t0+1 && verbClass(h.tr.class) {
			if w := st.tr.head[h.t0]; w >= 0 && (st.tr.w[w].UPOS == "NOUN" || st.tr.w[w].UPOS == "ADJ") && st.tr.rel(w) == "compound" {
				if p := st.tr.parent(w); p >= 0 && st.tr.w[p].UPOS == "NOUN" {
					continue
				}
			}
		}
		out = append(out, h)
	}
	return out
}

// verbClass reports the trigger classes that name an act by a verb.
func verbClass(c class) bool {
	return c == classAct || c == classPledge || c == classAuthorize
}

// unitHeads are nouns that an attack word before them names a unit or a
// weapon with (see words.tsv).
var unitHeads = words("unitHeads")

// itemsDoNotTrigger drops the trigger hits that start on a word still
// read as an item: the noun "ship" or "supplies", or any item of a
// sentence that was not parsed.
//
// The one exception is instrumentNamesAid: a grant or a loan that carries
// its amount, with no other word of aid in its sentence, is the aid.
func itemsDoNotTrigger(st *sent) []trigHit {
	instrument := instrumentNamesAid(st)
	out := st.trigs[:0]
	for _, h := range st.trigs {
		if m := st.mentionAt(h.t0); m != nil && m.kind == mItem && h.t0 != instrument {
			continue
		}
		out = append(out, h)
	}
	return out
}

// instrumentNamesAid finds the financial instrument that alone names the
// aid of its sentence: "Grant of 5 million EUR for field hospitals",
// "300 million EUR grant, paid in tranches", "Loan guarantee of up to $2
// billion": a sentence without a verb, headed by the loan or grant itself
// (no finite verb governs it), with its amount. A loan a verb governs ("the
// firm took out a loan") is told by the verb, which may name no aid. It
// gives the instrument's first token, or -1 when the sentence holds
// another aid trigger, no amount of money, or no such instrument.
func instrumentNamesAid(st *sent) int {
	m := instrumentAlone(st)
	if m == nil || st.tr == nil || !st.headsSentence(m) {
		return -1
	}
	return m.t0
}

// instrumentAlone is the part of instrumentNamesAid that needs no tree:
// the first loan or grant a trigger starts on, in a sentence with an
// amount of money and no other aid trigger; nil where there is none.
func instrumentAlone(st *sent) *mention {
	money := false
	for i := range st.ms {
		money = money || isMoney(&st.ms[i])
	}
	if !money {
		return nil
	}
	var first *mention
	for _, h := range st.trigs {
		if h.f.typ != model.TypeAid {
			continue
		}
		m := st.mentionAt(h.t0)
		if m == nil || m.kind != mItem {
			return nil // a word of aid of its own carries the amount
		}
		if first == nil && financialItem(m) {
			first = m
		}
	}
	return first
}

// headsSentence reports whether m heads a sentence without a finite verb:
// no word from m's head up to the root of the tree is a finite verb or has
// a finite auxiliary ("Loan guarantee of $1bn, to be drawn in 2023" has
// none; "the firm took out a loan" has "took").
func (st *sent) headsSentence(m *mention) bool {
	w := st.tr.head[m.t1-1]
	for n := 0; w >= 0 && n < len(st.tr.w); n++ {
		if st.tr.finite(w) {
			return false
		}
		w = st.tr.parent(w)
	}
	return true
}

// verbsAreNoItems unmarks a one-word item the tree reads as a verb:
// "Ottawa would ship rifles" names a delivery, not a ship, as "Berlin
// will supply shells" names no supplies. The mention stays, with no
// kind, so that no other reading takes its word.
func (s *sent) verbsAreNoItems() {
	for i := range s.ms {
		m := &s.ms[i]
		if m.kind != mItem || m.t1-m.t0 != 1 {
			continue
		}
		if w := s.tr.head[m.t0]; w >= 0 && s.tr.w[w].UPOS == "VERB" {
			m.kind = 0
		}
	}
}

// tokRange maps a byte range to the tokens it covers.
func (s *sent) tokRange(start, end int) (int, int) {
	t0 := sort.Search(len(s.toks), func(i int) bool { return s.toks[i].End > start })
	t1 := sort.Search(len(s.toks), func(i int) bool { return s.toks[i].Start >= end })
	return t0, t1
}

func (s *sent) covered(t0, t1 int) bool {
	for t := t0; t < t1; t++ {
		if s.at[t] >= 0 {
			return true
		}
	}
	return false
}

func (s *sent) add(m mention) {
	if s.covered(m.t0, m.t1) {
		return
	}
	s.ms = append(s.ms, m)
	for t := m.t0; t < m.t1; t++ {
		s.at[t] = int16(len(s.ms) - 1)
	}
}

// onlyAdjectives reports whether the mentions on tokens [t0, t1) are all
// national adjectives lying inside the range.
func (s *sent) onlyAdjectives(t0, t1 int) bool {
	found := false
	for t := t0; t < t1; t++ {
		if s.at[t] < 0 {
			continue
		}
		m := &s.ms[s.at[t]]
		if m.kind != mEntity || m.form != lexicon.FormAdjective || m.t0 < t0 || m.t1 > t1 {
			return false
		}
		found = true
	}
	return found
}

// drop removes the mentions on tokens [t0, t1).
func (s *sent) drop(t0, t1 int) {
	kept := s.ms[:0]
	for _, m := range s.ms {
		if m.t1 <= t0 || m.t0 >= t1 {
			kept = append(kept, m)
		}
	}
	s.ms = kept
	for i := range s.at {
		s.at[i] = -1
	}
	for i, m := range s.ms {
		for t := m.t0; t < m.t1; t++ {
			s.at[t] = int16(i)
		}
	}
}

// mentionAt returns the mention covering token t, or nil.
func (s *sent) mentionAt(t int) *mention {
	if t < 0 || t >= len(s.at) || s.at[t] < 0 {
		return nil
	}
	return &s.ms[s.at[t]]
}

// span returns the byte span of tokens [t0, t1).
func (s *sent) span(t0, t1 int) model.Span {
	if t1 <= t0 {
		return model.Span{Start: s.toks[t0].Start, End: s.toks[t0].Start}
	}
	return model.Span{Start: s.toks[t0].Start, End: s.toks[t1-1].End}
}

func isCap(w string) bool {
	return w != "" && w[0] >= 'A' && w[0] <= 'Z'
}

// names marks runs of two or three capitalised words that the lexicon does
// not know, such as the name of a local official, so that they can stand
// as sources. The first word of a sentence counts only when a second
// capitalised word follows it.
func (s *sent) names(d *docState) {
	for i := 0; i < len(s.toks); i++ {
		if s.at[i] >= 0 || !isCap(s.toks[i].Text) || stopCaps[s.low[i]] {
			continue
		}
		if full, ok := d.surnames[s.toks[i].Text]; ok && (i+1 >= len(s.toks) || !isCap(s.toks[i+1].Text)) {
			// A surname alone, for a person named in full before.
			s.add(mention{kind: mName, t0: i, t1: i + 1, name: full})
			continue
		}
		j := i
		for j < len(s.toks) && j-i < 4 && s.at[j] < 0 && isCap(s.toks[j].Text) && !stopCaps[s.low[j]] && isWordTok(s.toks[j].Text) {
			j++
		}
		if j-i >= 2 {
			var parts []string
			for k := i; k < j; k++ {
				parts = append(parts, s.toks[k].Text)
			}
			name := strings.Join(parts, " ")
			s.add(mention{kind: mName, t0: i, t1: j, name: name})
			if last := parts[len(parts)-1]; len(last) > 3 {
				d.surnames[last] = name
			}
		}
		i = j
	}
}

func isWordTok(w string) bool {
	for _, r := range w {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r == '-' || r == '\'' || r > 127) {
			return false
		}
	}
	return true
}

// stopCaps are capitalised words that do not start a person's name.
var stopCaps = words("stopCaps")

func setOf[T comparable](ws ...T) map[T]bool {
	m := make(map[T]bool, len(ws))
	for _, w := range ws {
		m[w] = true
	}
	return m
}

// titleCase reports whether most words of a sentence are capitalised, as
// in a headline ("Russia Shells Kharkiv Again"): there capitals do not
// mark names, and the tagger, trained on sentence case, reads too many.
func titleCase(st *sent) bool {
	words, caps := 0, 0
	for _, t := range st.toks {
		if t.Kind != text.KindWord {
			continue
		}
		words++
		if isCap(t.Text) {
			caps++
		}
	}
	return words >= 3 && 5*caps >= 3*words
}

// mayMatter reports whether a sentence's triggers may give an event that
// scope keeps (see scope.go): in an article about armed conflict any may;
// elsewhere only an event with a party to the conflict named in the
// sentence. Those sentences, those with a capitalised trigger that may be
// a name and those with a loan or grant, are worth a parse; the others keep the word-order rules
// alone: their events are dropped, or are aid with no recipient named,
// which needs no grammar to find.
func (x *Extractor) mayMatter(d *docState, st *sent) bool {
	if x.noScope || d.conflict() {
		return true
	}
	for _, h := range st.trigs {
		if isCap(st.toks[h.t0].Text) {
			return true
		}
	}
	if instrumentAlone(st) != nil {
		// A loan or grant may be the aid itself, which only the tree
		// tells (instrumentNamesAid).
		return true
	}
	for _, h := range st.trigs {
		if h.f.typ == model.TypeAid && h.tr.class == classAct && h.t1 < len(st.toks) && isCap(st.toks[h.t1].Text) &&
			(st.mentionAt(h.t1) == nil || st.mentionAt(h.t1).kind == mName) {
			// "granted Veltra a loan": aid with no recipient named is
			// kept (an aid tracker's record leaves it implied), so the
			// tree must say whether the name after the verb, which
			// sitrep cannot place, receives it (see unplacedRecipient).
			return true
		}
	}
	return st.namesParty()
}

// namesParty reports whether the sentence names a party to a conflict
// sitrep follows.
func (st *sent) namesParty() bool {
	sd := mustScope()
	for i := range st.ms {
		for _, c := range st.ms[i].codes {
			if sd.parties[c] != "" {
				return true
			}
		}
	}
	return false
}

// namesCode reports whether the sentence names the party of code.
func (st *sent) namesCode(code string) bool {
	for i := range st.ms {
		if contains(st.ms[i].codes, code) {
			return true
		}
	}
	return false
}

// triggersOfTheirPart drops the trigger hits declared with a part of
// speech whose head word the tree gives another: "Russia's offensive" is
// an attack, "deeply offensive" is not; "negotiating with Moscow" is
// talks, "a negotiated settlement" is not.
func triggersOfTheirPart(st *sent) []trigHit {
	out := st.trigs[:0]
	for _, h := range st.trigs {
		if adjectiveOfSpeech(st, h) {
			continue
		}
		if pos := h.tr.pos; pos != "" {
			w := st.tr.head[h.t0]
			if w >= 0 && st.tr.w[w].UPOS != pos {
				continue
			}
			if w >= 0 && pos == "VERB" && st.tr.rel(w) == "amod" {
				// A participle describing a noun ("a negotiated
				// settlement") names no act.
				continue
			}
		}
		out = append(out, h)
	}
	return out
}

// adjectiveBlind are the types whose act triggers are verbs or nouns
// only: a denial's are adjectives too ("called the claim preposterous"),
// and losses and attacks read their participles by their own rules
// ("1,115 wounded", "the shelled village").
var adjectiveBlind = setOf(model.TypeThreaten, model.TypeDemand, model.TypeAccuse, model.TypeTalks, model.TypeVisit, model.TypeMeet, model.TypeAid, model.TypeSanction)

// adjectiveOfSpeech reports a one-word act trigger of a type in
// adjectiveBlind that the tree tags as an adjective: "less threatening",
// "a demanding schedule", "an appealing offer" name no act.
func adjectiveOfSpeech(st *sent, h trigHit) bool {
	if h.t1 != h.t0+1 || h.tr.class != classAct || !adjectiveBlind[h.f.typ] {
		return false
	}
	w := st.tr.head[h.t0]
	if w < 0 {
		return false
	}
	if st.tr.w[w].UPOS == "ADJ" {
		return true
	}
	// "deemed less threatening": a word of degree makes a participle
	// an adjective, however it is tagged.
	for _, a := range st.tr.children(w, "advmod") {
		if degreeWords[strings.ToLower(st.tr.w[a].Form)] {
			return true
		}
	}
	return false
}

// degreeWords are adverbs of degree that only an adjective takes (see
// words.tsv).
var degreeWords = words("degreeWords")

// properNounsDoNotTrigger drops the trigger hits whose first word the tagger
// reads as a proper noun: a yacht named "Shellest", a company called
// "Strike Capital" or an operation's name are names, not events. Headlines
// in title case are exempt: there capitals do not mark names, and the
// tagger, trained on sentence case, reads too many.
func properNounsDoNotTrigger(st *sent) []trigHit {
	out := st.trigs[:0]
	for _, h := range st.trigs {
		if w := st.tr.head[h.t0]; w >= 0 && isCap(st.toks[h.t0].Text) && st.tr.w[w].UPOS == "PROPN" {
			continue
		}
		out = append(out, h)
	}
	return out
}

// datelineEnd returns the index of the first token after a dateline that
// opens the sentence ("KYIV, Ukraine —", "ODESA (Wire Agency) -",
// "WASHINGTON --"), or 0 when there is none. A dateline starts with a
// place in capitals and ends with a dash within a dozen tokens, with only
// names, commas and a bracketed agency before it.
func datelineEnd(st *sent) int {
	if len(st.toks) < 3 {
		return 0
	}
	first := st.toks[0].Text
	if len(first) < 3 || strings.ToUpper(first) != first || strings.ToLower(first) == first {
		return 0
	}
	depth := 0
	for i := 1; i < len(st.toks) && i < 12; i++ {
		t := st.toks[i].Text
		switch {
		case t == "(":
			depth++
		case t == ")":
			depth--
		case depth > 0 || t == ",":
		case t == "—" || t == "–" || t == "--" || t == "-":
			if depth == 0 && i+1 < len(st.toks) {
				return i + 1
			}
			return 0
		case st.toks[i].Kind == text.KindWord && (isCap(t) || t == "of"):
		default:
			return 0
		}
	}
	return 0
}
