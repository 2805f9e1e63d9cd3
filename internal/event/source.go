package event

import (
	"sort"
	"strings"

	"github.com/sitrep-project/sitrep/internal/lexicon"
	"github.com/sitrep-project/sitrep/internal/model"
)

// reportVerbs are the verbs whose subject is the source of what follows.
var reportVerbs = words("reportVerbs")

// outletAnaphors point back at the last outlet named: "the media outlet
// informed", "the report stated", "the US also reportedly plans".
var outletAnaphors = words("outletAnaphors")

// findSource finds who the sentence attributes its facts to. An outlet
// wins over the officials it cites ("NBC News reported, citing officials"),
// then official and organisational sources, then named people.
func (x *Extractor) findSource(d *docState, s *sent) (*source, string) {
	var cands []*source
	var whys []string
	add := func(m *mention, how string) {
		if p := namedAfter(s, m); p != nil {
			// "according to its mayor Oleksandr Goncharenko": the
			// person the role names.
			m = p
		}
		src := mentionSource(s, m)
		if src != nil {
			cands = append(cands, src)
			whys = append(whys, how+" "+src.name)
		}
	}
	for i := 0; i < len(s.low); i++ {
		w := s.low[i]
		if m := s.mentionAt(i); m != nil {
			i = m.t1 - 1
			continue
		}
		switch {
		case w == "according" && i+1 < len(s.low) && s.low[i+1] == "to":
			if m := nextMention(s, i+2, 6); m != nil {
				add(m, "\"according to\"")
			}
		case w == "citing" || (w == "by" && i > 0 && (s.low[i-1] == "quoted" || s.low[i-1] == "reported")):
			if m := nextMention(s, i+1, 4); m != nil {
				add(m, "\""+w+"\"")
			}
		case reportVerbAt(s, i):
			// The subject before the verb ("NBC News reported"), or after it
			// in an inverted quote (", said Kremlin spokesman Dmitry Peskov").
			if m := appositionHead(s, i); m != nil {
				add(m, "subject of \""+w+"\", before its apposition,")
			} else if i > 0 && s.low[i-1] == "and" {
				// "Peskov denied that Russia intended to attack Ukraine and
				// said": the verb shares the subject of the sentence.
				if m := sentenceSubject(s, i); m != nil {
					add(m, "subject shared by \"and "+w+"\"")
				}
			} else if m := treeSubject(s, i); m != nil && m.t1 <= i && !nearSubject(s, m, prevMention(s, i, 6)) {
				// "The governor of the Donetsk region, one of two that
				// Russia's offensive targets, said": the tree's subject,
				// not the party named last before the verb.
				add(m, "tree: subject of \""+w+"\"")
			} else if m := prevMention(s, i, 6); m != nil {
				add(m, "subject of \""+w+"\"")
			} else if m := treeSubject(s, i); m != nil {
				// "The ministry, which has insisted since the war began
				// that ..., said": a subject far before its verb.
				add(m, "tree: subject of \""+w+"\"")
			} else if m := nextMention(s, i+1, 3); m != nil && i > 0 && (s.low[i-1] == "," || s.low[i-1] == "”" || s.low[i-1] == "\"") {
				add(m, "after \""+w+"\"")
			} else if k := pronounBefore(s, i); k >= 0 {
				// "he said", "she added": the last person named; "they
				// said", "it added": the last body that spoke.
				if ref := d.pronounSource(s, s.low[k]); ref != nil {
					src := *ref
					src.text, src.span = textOf(s, k, k+1), s.span(k, k+1)
					cands = append(cands, &src)
					whys = append(whys, "\""+s.low[k]+" "+w+"\" points back to "+src.name)
				}
			}
		case outletAnaphors[w] && d.lastOutlet != nil && d.lastOutPara >= s.para-2:
			if w == "reportedly" || (i > 0 && (s.low[i-1] == "the" || s.low[i-1] == "media")) {
				cands = append(cands, &source{name: d.lastOutlet.Name, kind: model.SourceOutlet, text: textOf(s, i, i+1), span: s.span(i, i+1), outlet: true})
				whys = append(whys, "\""+w+"\" points back to "+d.lastOutlet.Name)
			}
		}
	}
	if len(cands) == 0 {
		return nil, ""
	}
	best := 0
	for i, c := range cands {
		if rank(c) < rank(cands[best]) {
			best = i
		}
	}
	src, why := cands[best], whys[best]
	if src.role != "" {
		// "the governor said": the person the article names in that role.
		if h := d.holder(src.role, src.codes, s.idx); h != nil {
			named := *h
			named.text, named.span = src.text, src.span
			if len(named.codes) == 0 {
				named.codes = src.codes
			}
			return &named, why + ", the " + src.role + " named in the article: " + h.name
		}
	}
	return src, why
}

// subjectPronouns may be the subject of a reporting verb, and
// pronounVerbGap may stand between them.
var (
	subjectPronouns = words("subjectPronouns")
	pronounVerbGap  = words("pronounVerbGap")
)

// pronounBefore returns the index of a personal pronoun subject right
// before a reporting verb ("he said", "she also told", "they have
// said"), or -1.
func pronounBefore(s *sent, v int) int {
	for k := v - 1; k >= 0 && k >= v-3; k-- {
		switch {
		case subjectPronouns[s.low[k]]:
			return k
		case pronounVerbGap[s.low[k]]:
			continue
		}
		return -1
	}
	return -1
}

// pronounSource returns the source a pronoun subject of a reporting verb
// points back to: "he" or "she" the last person named, "they" or "it"
// the last body that spoke in the three sentences before ("The defence
// ministry said ... It also said ..."), or nil.
func (d *docState) pronounSource(s *sent, pronoun string) *source {
	switch pronoun {
	case "he", "she":
		return d.lastSpeaker
	}
	if inQuote(s) {
		// Inside a quotation "they" are whoever the speaker means.
		return nil
	}
	if d.lastBodySrc != nil && d.lastBodyIdx >= s.idx-3 && d.lastBodyIdx < s.idx {
		return d.lastBodySrc
	}
	return nil
}

// appositionHead finds the subject of a reporting verb that follows an
// apposition: "Olena Marchuk, a spokeswoman for the city council, said",
// "Ihor Danyliuk, head of the Sumy regional administration, reported". The
// subject is a person opening the sentence or a clause, followed by a
// comma, and the verb comes right after the closing comma.
func appositionHead(s *sent, v int) *mention {
	if v < 2 || s.low[v-1] != "," {
		return nil
	}
	for i := 0; i < v-2; i++ {
		m := s.mentionAt(i)
		if m == nil {
			if reportVerbAt(s, i) {
				return nil
			}
			continue
		}
		i = m.t1 - 1
		if !(m.kind == mName || m.kind == mEntity && m.entry.Kind == lexicon.KindPerson) {
			continue
		}
		if m.t1 >= v-1 || s.low[m.t1] != "," {
			continue
		}
		if m.t0 == 0 || s.low[m.t0-1] == "," || isBoundary(s, m.t0-1) {
			return m
		}
	}
	return nil
}

// roleHolder is a person the article names in a role.
type roleHolder struct {
	sent int
	role string
	src  *source
}

// noteHolders records the people a sentence names with their role: a
// person the lexicon knows the role of, and a name in apposition with a
// role ("Serhiy Haidai, the governor of Luhansk", "the mayor, Ivan
// Fedorov,").
func (d *docState) noteHolders(s *sent) {
	for i := range s.ms {
		m := &s.ms[i]
		switch {
		case m.kind == mEntity && m.entry.Kind == lexicon.KindPerson && m.entry.Role != "":
			if src := mentionSource(s, m); src != nil {
				d.addHolder(roleHolder{sent: d.sentIdx, role: m.entry.Role, src: src})
			}
		case m.kind == mName:
			// A role right before or after, across a comma.
			var r *mention
			if k := m.t1; k+1 < len(s.low) && s.low[k] == "," {
				r = s.mentionAt(k + 1 + boolInt(determiners[s.low[k+1]]))
			}
			if r == nil && m.t0 >= 2 && s.low[m.t0-1] == "," {
				r = s.mentionAt(m.t0 - 2)
			}
			if r != nil && r.kind == mEntity && r.entry.Kind == lexicon.KindRole && r.entry.Category == "person" {
				if src := mentionSource(s, m); src != nil {
					src.codes = r.codes
					d.addHolder(roleHolder{sent: d.sentIdx, role: r.entry.Code, src: src})
				}
			}
		}
	}
}

// addHolder records a person named in a role. Sentences are analysed in
// order, so each role's list stays in the order of its sentences, which
// holder searches.
func (d *docState) addHolder(h roleHolder) {
	if d.holders == nil {
		d.holders = map[string][]roleHolder{}
	}
	d.holders[h.role] = append(d.holders[h.role], h)
}

// holder returns the person named in a role nearest before sentence idx,
// else the first named in the two sentences after it; codes, when set,
// must agree with the person's. It looks only at the role's own holders,
// from sentence idx outwards, so that an article naming "the governor" in
// every paragraph does not read all of them for every sentence.
func (d *docState) holder(role string, codes []string, idx int) *source {
	hs := d.holders[role]
	agrees := func(h roleHolder) bool {
		return len(codes) == 0 || len(h.src.codes) == 0 || codes[0] == h.src.codes[0]
	}
	after := sort.Search(len(hs), func(i int) bool { return hs[i].sent > idx })
	for i := after - 1; i >= 0; i-- {
		if agrees(hs[i]) {
			return hs[i].src
		}
	}
	for i := after; i < len(hs) && hs[i].sent <= idx+2; i++ {
		if agrees(hs[i]) {
			return hs[i].src
		}
	}
	return nil
}

func rank(s *source) int {
	switch {
	case s.outlet:
		return 0
	case s.kind == model.SourceOrganisation || s.kind == model.SourceOfficial:
		return 1
	}
	return 2
}

// reportAux are the words that may stand between a subject and its
// reporting verb.
var reportAux = words("reportAux")

// nextMention returns the first source-like mention within n tokens after
// i, skipping "a report by", "the", "figures from".
func nextMention(s *sent, i, n int) *mention {
	for k := i; k < len(s.low) && k < i+n; k++ {
		if m := s.mentionAt(k); m != nil {
			if sourceLike(m) {
				return m
			}
			if m.kind == mEntity && isAdjectival(m) {
				// "according to Ukrainian general Oleksiy Hromov": the
				// adjective qualifies the source that follows.
				k = m.t1 - 1
				continue
			}
			return nil
		}
		if s.low[k] == "," || s.low[k] == "." {
			return nil
		}
	}
	return nil
}

// prevMention returns the source-like mention that is the subject of a
// reporting verb at v: the nearest one before it within n tokens, with
// only auxiliaries, adverbs and appositions in between.
func prevMention(s *sent, v, n int) *mention {
	// The word right before the verb, past auxiliaries and adverbs, is its
	// subject: when it is a plain noun ("..., the government said") the
	// source is that unnamed body, not a name further back.
	k := v - 1
	for k >= 0 && reportAux[s.low[k]] {
		k--
	}
	if k >= 0 && s.mentionAt(k) == nil && isLowerWord(s.toks[k].Text) && !reportAux[s.low[k]] {
		return nil
	}
	for k := v - 1; k >= 0 && k >= v-n; k-- {
		if m := s.mentionAt(k); m != nil {
			if sourceLike(m) {
				return m
			}
			if m.kind == mTime {
				k = m.t0
				continue
			}
			return nil
		}
		w := s.low[k]
		if w == "that" || w == "." || boundaryPunct[w] {
			return nil
		}
	}
	return nil
}

// nearSubject reports whether the mention p found just before a
// reporting verb is, or names, its tree subject m: the same mention, or
// a name in apposition to it ("The head of the railways, Oleksandr
// Kamyshin, said").
func nearSubject(s *sent, m, p *mention) bool {
	if p == nil || p == m {
		return true
	}
	t := s.tr
	w, h := mentionHead(s, m), mentionHead(s, p)
	if w < 0 || h < 0 {
		return true
	}
	return t.rel(h) == "appos" && t.parent(h) == w || h == w
}

// treeSubject returns the source-like mention that the tree makes the
// subject of the reporting verb at token k, however far before it, or nil
// (and nil for a sentence that was not parsed).
func treeSubject(s *sent, k int) *mention {
	t := s.tr
	if t == nil || t.head[k] < 0 {
		return nil
	}
	w := t.child(t.head[k], "nsubj")
	if w < 0 {
		return nil
	}
	m := s.mentionAt(t.tok[w])
	if m == nil {
		for _, c := range t.children(w, "nmod:poss", "compound") {
			if m = s.mentionAt(t.tok[c]); m != nil {
				break
			}
		}
	}
	if m == nil || !sourceLike(m) {
		return nil
	}
	return m
}

// namedAfter returns the person named right after a role or a body
// mention, with or without a comma ("its mayor Oleksandr Goncharenko",
// "the regional governor, Serhiy Haidai"), or nil: the source is the
// person.
func namedAfter(s *sent, m *mention) *mention {
	if m.kind != mSource && !(m.kind == mEntity && m.entry.Kind == lexicon.KindRole) {
		return nil
	}
	k := m.t1
	if k < len(s.low) && s.low[k] == "," {
		k++
	}
	p := s.mentionAt(k)
	if p == nil || p.t0 != k {
		return nil
	}
	if p.kind == mName || p.kind == mEntity && p.entry.Kind == lexicon.KindPerson {
		return p
	}
	return nil
}

func sourceLike(m *mention) bool {
	switch m.kind {
	case mOutlet, mSource, mName:
		return true
	case mEntity:
		return !isAdjectival(m)
	}
	return false
}

// mentionSource names the source a mention stands for, in the canonical
// form analysts use: outlets, sources, organisations and people by their
// catalogue name, a state's seat as written ("White House"), unknown
// people by their name.
func mentionSource(s *sent, m *mention) *source {
	src := &source{text: textOf(s, m.t0, m.t1), span: s.span(m.t0, m.t1)}
	switch m.kind {
	case mOutlet:
		src.name, src.kind, src.outlet = m.entry.Name, model.SourceOutlet, true
	case mSource:
		src.name, src.kind = m.entry.Name, m.entry.Category
		if src.kind != model.SourceOrganisation {
			src.kind = model.SourceOfficial
		}
	case mName:
		src.name, src.kind, src.person = m.name, model.SourceOfficial, !bodyName(m.name)
	case mEntity:
		switch m.entry.Kind {
		case lexicon.KindOrg:
			src.name, src.kind = m.entry.Name, model.SourceOrganisation
		case lexicon.KindState:
			src.name, src.kind = m.entry.Name, model.SourceOfficial
			if m.form == lexicon.FormSeat || m.form == lexicon.FormCapital {
				src.name = strings.TrimPrefix(strings.TrimPrefix(src.text, "the "), "The ")
			}
		case lexicon.KindGroup:
			// "G7 leaders said": the group as the body it forms.
			org := s.groupOrg(m)
			if org == "" {
				return nil
			}
			src.name, src.kind = org, model.SourceOrganisation
			src.codes = []string{org}
			return src
		case lexicon.KindPerson:
			src.name, src.kind, src.person = writtenName(s, m), model.SourceOfficial, true
		case lexicon.KindRole:
			src.name, src.kind = m.entry.Name, model.SourceOfficial
			if w := qualifiedBody(s, m); w != "" {
				src.name = w
			}
			if src.name == "" {
				src.name = src.text
			}
			if m.entry.Category == "person" {
				src.role = m.entry.Code
			}
		default:
			return nil
		}
	default:
		return nil
	}
	if src.name == "" {
		return nil
	}
	src.codes = m.codes
	return src
}

// bodyWords are words that make a capitalised name a body's, not a
// person's (see words.tsv).
var bodyWords = words("bodyWords")

// bodyName reports a capitalised name that names a body, not a person:
// "Newsmax TV", "Kherson Regional Council".
func bodyName(name string) bool {
	for _, w := range strings.Fields(strings.ToLower(name)) {
		if bodyWords[w] {
			return true
		}
	}
	return false
}

// quoteSources gives a sentence inside a quotation the speaker its
// paragraph attributes the quotation to: "“Outrageous,” tweeted the
// ambassador. “Russia strikes the port city ...”".
func quoteSources(sents []*sent) {
	for i, st := range sents {
		if st.src != nil || !inQuote(st) {
			continue
		}
		for _, j := range []int{i - 1, i + 1, i - 2, i + 2} {
			if j < 0 || j >= len(sents) || sents[j].para != st.para || sents[j].src == nil || !hasQuote(sents[j]) {
				continue
			}
			src := *sents[j].src
			st.src = &src
			st.srcExplain = "inside a quotation attributed to " + src.name
			break
		}
	}
}

// inQuote reports whether a sentence is quoted speech: it opens with a
// quotation mark, or a quotation opened earlier in its paragraph is still
// open when it starts.
func inQuote(s *sent) bool {
	if len(s.low) > 0 && (s.low[0] == "“" || s.low[0] == "\"") {
		return true
	}
	if s.quoteKnown {
		return s.quoteOpen
	}
	return quoteOpenBefore(s.text, s.start)
}

// quotedAt reports whether token i stands inside a quotation: the
// sentence starts inside one (inQuote), or a closing mark follows i with no
// opening mark before it in the sentence (a quotation opened in an earlier
// sentence of the paragraph: "... so we are urging people to stay in
// shelters,” the governor said").
func quotedAt(s *sent, i int) bool {
	if inQuote(s) {
		return true
	}
	for k := 0; k < i && k < len(s.low); k++ {
		if s.low[k] == "“" || s.low[k] == "\"" {
			return false
		}
	}
	for k := i + 1; k < len(s.low); k++ {
		if s.low[k] == "”" {
			return true
		}
	}
	return false
}

func hasQuote(s *sent) bool {
	t := s.text[s.start:s.end]
	return strings.ContainsAny(t, "\"“”")
}

// writtenName returns a person's full name as the article spells it
// ("Volodymyr Zelenskyy" where the catalogue says Zelenskiy), read from
// the end of the mention past any title before it ("Defence Secretary Ben
// Wallace"); a surname alone gives the catalogue name.
func writtenName(s *sent, m *mention) string {
	k := m.t1
	for k > m.t0 && isCap(s.toks[k-1].Text) && isWordTok(s.toks[k-1].Text) && !stopCaps[s.low[k-1]] && !titleWords[s.low[k-1]] {
		k--
	}
	if m.t1-k < 2 {
		return m.entry.Name
	}
	return textOf(s, k, m.t1)
}

// titleWords are capitalised words of a title before a name.
var titleWords = words("titleWords")

// qualifiedBody returns, for a body named by a generic head ("officials",
// "prosecutors", "regional administration"), the head with the words that
// qualify it as the article writes them ("Ukrainian officials", "Kharkiv
// regional prosecutors"), or "" when nothing qualifies it.
func qualifiedBody(s *sent, m *mention) string {
	if m.entry.Category != "body" && m.entry.Category != "person" || isCap(m.entry.Name) {
		return ""
	}
	t0 := m.t0
	for t0 > 0 && t0 > m.t0-4 {
		w := s.low[t0-1]
		if bodyModifiers[w] {
			t0--
			continue
		}
		if possessive(w) && t0 > 1 {
			// "Kharkiv's regional military administration": the place
			// that owns the body, named without the possessive as
			// analysts write it.
			if p := s.mentionAt(t0 - 2); p != nil && p.kind == mPlace {
				t0 = p.t0
				continue
			}
			break
		}
		if p := s.mentionAt(t0 - 1); p != nil && (p.kind == mPlace || p.kind == mEntity && isAdjectival(p)) {
			t0 = p.t0
			continue
		}
		break
	}
	for t0 < m.t1 && determiners[s.low[t0]] {
		t0++
	}
	if t0 >= m.t1-1 {
		// The head alone.
		return ""
	}
	if t := s.toks[m.t1-1]; !strings.EqualFold(t.Text, lastWord(m.entry.Name)) && !strings.HasPrefix(strings.ToLower(t.Text), lastWord(m.entry.Name)) {
		return ""
	}
	var words []string
	for k := t0; k < m.t1; k++ {
		if !possessive(s.low[k]) {
			words = append(words, s.toks[k].Text)
		}
	}
	return strings.Join(words, " ")
}

// possessive reports whether w is the possessive ending cut from a name.
func possessive(w string) bool { return w == "'s" || w == "’s" }

// bodyModifiers are the lower-case words that qualify a body of officials.
var bodyModifiers = words("bodyModifiers")

func lastWord(s string) string {
	if i := strings.LastIndexByte(s, ' '); i >= 0 {
		return strings.ToLower(s[i+1:])
	}
	return strings.ToLower(s)
}

// sentenceSubject returns the first source-like mention before token v
// that is not the object of a preposition: the subject of the sentence.
func sentenceSubject(s *sent, v int) *mention {
	for i := 0; i < v; i++ {
		m := s.mentionAt(i)
		if m == nil {
			if verbish(s.low[i]) && i > 0 {
				return nil
			}
			continue
		}
		i = m.t1 - 1
		if sourceLike(m) && !afterPrep(s, m.t0) {
			return m
		}
		if m.kind != mTime {
			return nil
		}
	}
	return nil
}

// nounForms are reporting verbs that are also plural nouns: "member
// states", "the reports", "Russian claims".
var nounForms = words("nounForms")

// reportVerbAt reports a reporting verb at token i: for a word that is also
// a plural noun, only after its subject (a name, a pronoun) or an adverb.
func reportVerbAt(s *sent, i int) bool {
	w := s.low[i]
	if !reportVerbs[w] {
		return false
	}
	if !nounForms[w] {
		return true
	}
	if i == 0 {
		return false
	}
	p := s.low[i-1]
	if m := s.mentionAt(i - 1); m != nil {
		return m.kind != mNum && m.kind != mTime && !isAdjectival(m)
	}
	return pluralPronouns[p] || strings.HasSuffix(p, "ly") || p == "also" || p == "now" || p == "still"
}
