package event

import (
	"fmt"
	"strings"
	"sync"

	"github.com/sitrep-project/sitrep/internal/lexicon"
	"github.com/sitrep-project/sitrep/internal/model"
	"github.com/sitrep-project/sitrep/internal/quantity"
)

// countable reports whether a number mention counts things or people.
func countable(q *quantity.Mention) bool {
	return q.Kind == quantity.KindCount || q.Kind == quantity.KindMeasure
}

var (
	propertiesOnce sync.Once
	propertiesDef  map[string]bool
	propertiesErr  error
)

// properties returns the nouns of data/properties.tsv; a failure to read
// them is a build error, caught by the tests.
func properties() map[string]bool {
	propertiesOnce.Do(func() {
		propertiesDef = map[string]bool{}
		propertiesErr = readTSV("data/properties.tsv", []string{"cue"}, func(line int, f []string) error {
			if _, err := cuePhrase(f[0]); err != nil {
				return err
			}
			propertiesDef[f[0]] = true
			return nil
		})
	})
	if propertiesErr != nil {
		panic(fmt.Sprintf("event: embedded properties data: %v", propertiesErr))
	}
	return propertiesDef
}

// propertyFigure reports whether the number m measures each item rather
// than counting items: a noun of data/properties.tsv stands just before it
// ("with a capacity of 1,000 litres each", "a range of up to 70 km").
func propertyFigure(s *sent, m *mention) bool {
	p := properties()
	for k := m.t0 - 1; k >= 0 && k >= m.t0-4; k-- {
		w := s.low[k]
		if p[w] {
			return true
		}
		if w != "of" && w != "a" && w != "an" && w != "the" && w != "its" && w != "their" && w != "each" {
			return false
		}
	}
	return false
}

// qtyBefore returns the number right before token t, skipping adjectives,
// calibres, origins ("Russian-made"), "of the" and a short parenthesis, but not a
// comma, "and" or another number's item: "five Russian-made Mi-17
// transport helicopters", "500 anti-aircraft Stinger missiles", "50,000
// litres of disinfectant".
func qtyBefore(s *sent, t int) *mention {
	lim := t - 5
	for k := t - 1; k >= 0 && k >= lim; k-- {
		if s.low[k] == ")" {
			// "5,000 rounds (worth €2m) of artillery ammunition": a
			// remark between the count and its item.
			if j := openParen(s, k); j >= 0 && k-j <= 8 {
				lim -= k - j + 1
				k = j
				continue
			}
			return nil
		}
		m := s.mentionAt(k)
		if m != nil {
			if m.kind == mNum {
				if countable(m.num) {
					return m
				}
				if m.num.Kind == quantity.KindCalibre {
					// "15,000 rounds of 155mm artillery ammunition": a
					// calibre describes the item like an adjective.
					k = m.t0
					continue
				}
				return nil
			}
			if m.kind == mEntity && isAdjectival(m) {
				k = m.t0
				continue
			}
			return nil
		}
		w := s.low[k]
		if w == "," || w == "and" || w == "or" || w == "(" || boundaryWords[w] || preps[w] && w != "of" {
			return nil
		}
		if !isLowerWord(s.toks[k].Text) && w != "of" {
			return nil
		}
	}
	return nil
}

// oneBefore returns a count of one for a catalogue item in the singular
// after "a" or "an", with only adjectives between: "sent a humanitarian
// ship", "donated an ambulance". A plural, or a noun after "of" ("a
// shipment of generators"), is not counted by the article.
func oneBefore(s *sent, m *mention) *quantity.Mention {
	last := s.low[m.t1-1]
	if m.entry.Mode == model.ModeFinancial {
		// "a loan of $1bn": its amount tells it, not a count.
		return nil
	}
	if strings.HasSuffix(last, "s") || !isLowerWord(s.toks[m.t1-1].Text) {
		return nil
	}
	for k := m.t0 - 1; k >= 0 && k >= m.t0-3; k-- {
		w := s.low[k]
		if w == "a" || w == "an" {
			one := 1.0
			return &quantity.Mention{Kind: quantity.KindCount, Min: &one, Max: &one, Text: s.toks[k].Text, Span: s.span(k, k+1)}
		}
		if s.mentionAt(k) != nil || !isLowerWord(s.toks[k].Text) || w == "of" || stopNP[w] || preps[w] {
			return nil
		}
	}
	return nil
}

func isLowerWord(w string) bool {
	if w == "" {
		return false
	}
	for _, r := range w {
		if !(r >= 'a' && r <= 'z' || r == '-') {
			return false
		}
	}
	return true
}

// modeWords name the kind of aid on the word that triggers it
// ("humanitarian aid", "military support"): the sets modeHumanitarian,
// modeMilitary and modeFinancial of words.tsv.
var modeWords = func() map[string]string {
	m := map[string]string{}
	for set, mode := range map[string]string{
		"modeHumanitarian": model.ModeHumanitarian,
		"modeMilitary":     model.ModeMilitary,
		"modeFinancial":    model.ModeFinancial,
	} {
		for _, w := range wordList(set) {
			m[w] = mode
		}
	}
	return m
}()

// describesPrevious reports a generic catalogue noun that follows a named
// system within a few words, with no comma or "and" between.
func describesPrevious(s *sent, m *mention) bool {
	if isCap(m.entry.Name) {
		return false
	}
	for k := m.t0 - 1; k >= 0 && k >= m.t0-4; k-- {
		if p := s.mentionAt(k); p != nil {
			return p.kind == mItem && isCap(p.entry.Name)
		}
		if w := s.low[k]; w == "," || w == "and" || w == "or" || !isLowerWord(s.toks[k].Text) {
			return false
		}
	}
	return false
}

// definiteGeneric reports a generic catalogue noun (lower-case canonical
// name, such as "missile") after "of the" or "of these".
func definiteGeneric(s *sent, m *mention) bool {
	if m.t0 < 2 || m.entry.Name == "" || isCap(m.entry.Name) {
		return false
	}
	return s.low[m.t0-2] == "of" && (s.low[m.t0-1] == "the" || s.low[m.t0-1] == "these" || s.low[m.t0-1] == "those")
}

// itemModifies are nouns that an item word modifies rather than names
// what is given: "food prices", "arms exports", "fuel shortages".
var itemModifies = words("itemModifies")

// unitNouns are the words between a number and what it counts that say
// how it is counted: "50,000 pairs of gloves", "20 tonnes of food".
var unitNouns = words("unitNouns")

// itemSpan is a run of tokens [l, r) where the items of an aid frame are
// looked for; counted marks a parenthesis, whose items count only with a
// number ("relief goods (300 camp beds, 1,200 sleeping bags)"), since a
// bare noun there describes rather than gives ("(protective clothing,
// hoses)").
type itemSpan struct {
	l, r    int
	counted bool
}

// itemSpans returns where the items of c are looked for: its clause and,
// for aid, the clause's list carried on across a long parenthesis that
// ends or opens it. A parenthesis long enough to end a clause (see
// boundaryAt) often sits in the middle of a list of what is given:
// "sleeping bags, stoves and relief goods (300 camp beds, 1,200
// sleeping bags)", "two ambulances (worth EUR 80,000 each) and 200
// stretchers", "71 tonnes of firefighting equipment (hoses, chainsaws),
// 11 tonnes of medicines ... was sent".
func (c *cand) itemSpans() []itemSpan {
	s := c.s
	spans := []itemSpan{{l: c.l, r: c.r}}
	if c.f.typ != model.TypeAid {
		return spans
	}
	// Rightwards: "( ... )" then, after "," or "and", the list goes on.
	for r := c.r; r < len(s.low) && s.low[r] == "("; {
		j := closeParen(s, r)
		if j < 0 {
			break
		}
		spans = append(spans, itemSpan{l: r + 1, r: j, counted: true})
		k := j + 1
		if k >= len(s.low) || s.low[k] != "," && s.low[k] != "and" {
			break
		}
		e := k
		for e < len(s.low) && !isBoundary(s, e) {
			e++
		}
		if s.verbAt(k, e) {
			// "(...), and France delivered five howitzers": another
			// event's clause, not the list going on.
			break
		}
		spans = append(spans, itemSpan{l: k, r: e})
		r = e
	}
	// Leftwards: the clause opens right after ")" with no subject of its
	// own before the trigger: the list began before the parenthesis.
	for k := c.l; k < c.hit.t0; k++ {
		if m := s.mentionAt(k); m != nil && m.kind == mEntity {
			return spans
		}
	}
	for l := c.l; l > 0 && s.low[l-1] == ")"; {
		j := openParen(s, l-1)
		if j < 0 {
			break
		}
		spans = append(spans, itemSpan{l: j + 1, r: l - 1, counted: true})
		b := j
		for b > 0 && !isBoundary(s, b-1) {
			b--
		}
		if b == j || s.verbAt(b, j) {
			// "Germany sent 20 tanks (...), and delivered ...": what
			// stands before is told by a verb of its own.
			break
		}
		spans = append(spans, itemSpan{l: b, r: j})
		l = b
	}
	return spans
}

// verbAt reports whether a verb that tells an event of its own stands in
// tokens [l, r): a noun trigger such as "consignment" or "worth" names
// what a list gives or its value, and "comprising" opens the list.
func (s *sent) verbAt(l, r int) bool {
	for _, h := range s.trigs {
		if h.t0 >= l && h.t0 < r && h.tr.class != classNoun && h.tr.class != classContinue {
			return true
		}
	}
	return false
}

// closeParen returns the ")" that closes the "(" at token i, or -1.
func closeParen(s *sent, i int) int {
	for k := i + 1; k < len(s.low); k++ {
		switch s.low[k] {
		case ")":
			return k
		case "(":
			return -1
		}
	}
	return -1
}

// openParen returns the "(" that the ")" at token i closes, or -1.
func openParen(s *sent, i int) int {
	for k := i - 1; k >= 0; k-- {
		switch s.low[k] {
		case "(":
			return k
		case ")":
			return -1
		}
	}
	return -1
}

// findItems fills the items of an aid or mobilisation frame: catalogue
// items in the clause with the numbers before them, and, for numbers that
// count something the catalogue lacks, the noun phrase after the number.
func (c *cand) findItems(d *docState) {
	s := c.s
	used := map[*mention]bool{}
	spans := c.itemSpans()
	for _, sp := range spans {
		for i := sp.l; i < sp.r; i++ {
			m := s.mentionAt(i)
			if m == nil {
				continue
			}
			i = m.t1 - 1
			if m.kind != mItem {
				continue
			}
			if m.t1 < len(s.low) && itemModifies[s.low[m.t1]] {
				// "food prices", "arms exports": the item names something
				// else.
				continue
			}
			if describesPrevious(s, m) {
				// "Himars truck-mounted multiple-launch rocket systems": a
				// generic noun right after a named system describes it.
				continue
			}
			if s.modifiesItem(m) {
				// "training for the equipment": the equipment says what
				// the training is for; it is no second item.
				continue
			}
			it := itemArg{name: m.entry.Name, category: m.entry.Category, mode: m.entry.Mode, text: textOf(s, m.t0, m.t1), span: s.span(m.t0, m.t1)}
			if definiteGeneric(s, m) && d.lastItem != nil {
				// "over 200 of the surface-to-air projectiles": a generic
				// noun after "of the" points back at the item named before.
				it.name, it.category, it.mode = d.lastItem.name, d.lastItem.category, d.lastItem.mode
				c.explain("items", "%q points back to %s", it.text, it.name)
			}
			if q := qtyBefore(s, m.t0); q != nil {
				used[q] = true
				if !propertyFigure(s, q) {
					it.qty = q.num
				}
			}
			if it.qty == nil && !sp.counted {
				it.qty = oneBefore(s, m)
			}
			if sp.counted && it.qty == nil {
				continue
			}
			c.addItem(it, "catalogue item "+m.entry.Name)
		}
	}
	if c.f.typ != model.TypeAid {
		return
	}
	// Numbers that count an item the catalogue does not know.
	for _, sp := range spans {
		for i := sp.l; i < sp.r; i++ {
			m := s.mentionAt(i)
			if m == nil || m.kind != mNum {
				continue
			}
			i = m.t1 - 1
			if used[m] || !countable(m.num) || m.t0 < c.hit.t1 || s.low[m.t0] == "one" || propertyFigure(s, m) || compoundModifier(s, m) {
				continue
			}
			name, t0, t1, anaphoric := nounPhrase(s, m.t1)
			if anaphoric && d.lastItem != nil {
				it := *d.lastItem
				it.qty = m.num
				it.text = textOf(s, m.t0, t1)
				it.span = s.span(m.t0, t1)
				c.addItem(it, "\"of the\" points back to "+it.name)
				continue
			}
			if name == "" {
				continue
			}
			c.addItem(itemArg{name: name, text: textOf(s, t0, t1), span: s.span(t0, t1), qty: m.num}, "noun phrase after a number")
		}
	}
}

// compoundModifier reports whether number m is part of a hyphenated
// modifier ("a four-country tour", "a 10-year-old boy"): it counts
// nothing that follows it.
func compoundModifier(s *sent, m *mention) bool {
	return strings.Contains(s.toks[m.t1-1].Text, "-") && !strings.HasPrefix(s.toks[m.t1-1].Text, "-")
}

// addItem adds it to the items of c. A second mention of an item already
// there adds nothing but a count the first lacked, except where both are
// counted, differently, in different words: "240 family tents and 18
// general purpose tents" are two lots of tents, each with its count.
func (c *cand) addItem(it itemArg, how string) {
	for i := range c.items {
		if !strings.EqualFold(c.items[i].name, it.name) {
			continue
		}
		if c.items[i].qty == nil {
			c.items[i].qty = it.qty
			return
		}
		if it.qty == nil || sameQty(c.items[i].qty, it.qty) || strings.EqualFold(c.items[i].text, it.text) {
			return
		}
	}
	c.items = append(c.items, it)
	q := ""
	if it.qty != nil {
		q = " x " + it.qty.Text
	}
	c.explain("items", "%s: %q%s", how, it.text, q)
}

// sameQty reports whether two counts give the same range.
func sameQty(a, b *quantity.Mention) bool {
	eq := func(x, y *float64) bool { return x == nil && y == nil || x != nil && y != nil && *x == *y }
	return eq(a.Min, b.Min) && eq(a.Max, b.Max)
}

// nounPhrase reads the noun phrase after a number at token t: its lower-
// case words up to a comma, "and" before another number, a preposition or
// a verb-like word. It reports an anaphoric "of the ..." separately.
func nounPhrase(s *sent, t int) (name string, t0, t1 int, anaphoric bool) {
	i := t
	if i < len(s.low) && unitNouns[s.low[i]] && i+1 < len(s.low) && s.low[i+1] == "of" {
		i += 2
	} else if i+1 < len(s.low) && s.low[i] == "of" && t > 0 && measureBefore(s, t) {
		// "9,000 litres of surface disinfectant": the unit is part of
		// the number's mention, and the item follows "of".
		i++
	}
	if i+1 < len(s.low) && s.low[i] == "of" && (s.low[i+1] == "the" || s.low[i+1] == "these" || s.low[i+1] == "those") {
		return "", 0, 0, true
	}
	t0 = i
	var words []string
	for i < len(s.low) && len(words) < 5 {
		w := s.low[i]
		if m := s.mentionAt(i); m != nil && m.kind != mEntity {
			break
		}
		if !isLowerWord(s.toks[i].Text) || preps[w] || stopNP[w] {
			if w == "and" && len(words) > 0 && i+1 < len(s.low) && isLowerWord(s.toks[i+1].Text) && s.mentionAt(i+1) == nil && !stopNP[s.low[i+1]] {
				words = append(words, w)
				i++
				continue
			}
			break
		}
		words = append(words, w)
		i++
	}
	if len(words) > 0 && words[len(words)-1] == "and" {
		words = words[:len(words)-1]
		i--
	}
	if len(words) == 0 {
		return "", 0, 0, false
	}
	head := words[len(words)-1]
	if !nounLike(head) || pluralHeads[head] || peopleNouns[head] != "" || notItems[head] {
		return "", 0, 0, false
	}
	if _, ok := peopleNouns[head]; ok {
		return "", 0, 0, false
	}
	words[len(words)-1] = singular(head)
	return strings.Join(words, " "), t0, i, false
}

// measureBefore reports whether the mention that ends at token t is a
// measure with its unit ("50 tonnes", "9,000 litres").
func measureBefore(s *sent, t int) bool {
	m := s.mentionAt(t - 1)
	return m != nil && m.kind == mNum && m.num.Kind == quantity.KindMeasure && m.num.Unit != ""
}

// notItems are heads of noun phrases after a number that are never aid.
var notItems = words("notItems")

// stopNP are words that end a noun phrase.
var stopNP = words("stopNP")

// nounLike rejects heads that are plainly not nouns.
func nounLike(w string) bool {
	if len(w) < 3 {
		return false
	}
	for _, suf := range []string{"ly", "ing", "ed"} {
		if strings.HasSuffix(w, suf) && !strings.HasSuffix(w, "bed") && !strings.HasSuffix(w, "ling") {
			return false
		}
	}
	return true
}

// singular undoes a regular English plural.
func singular(w string) string {
	switch {
	case strings.HasSuffix(w, "ies") && len(w) > 4:
		return w[:len(w)-3] + "y"
	case strings.HasSuffix(w, "sses"), strings.HasSuffix(w, "shes"), strings.HasSuffix(w, "ches"), strings.HasSuffix(w, "xes"):
		return w[:len(w)-2]
	case strings.HasSuffix(w, "ss"), strings.HasSuffix(w, "us"), strings.HasSuffix(w, "is"):
		return w
	case strings.HasSuffix(w, "s") && len(w) > 3:
		return w[:len(w)-1]
	}
	return w
}

// peopleNouns are what casualty and displacement counts count, with the
// victims they describe.
var peopleNouns = map[string]string{
	"people": "civilians", "persons": "civilians", "person": "civilians", "others": "", "residents": "civilians", "civilians": "civilians",
	"civilian": "civilians", "children": "civilians", "child": "civilians", "women": "civilians", "men": "", "citizens": "civilians",
	"passengers": "civilians", "patients": "civilians", "refugees": "civilians", "migrants": "civilians", "immigrants": "civilians",
	"journalists": "civilians", "volunteers": "civilians", "workers": "civilians", "employees": "", "students": "civilians",
	"inhabitants": "civilians", "families": "civilians", "girl": "civilians", "boy": "civilians", "woman": "civilians", "man": "",
	"soldiers": "military", "soldier": "military", "troops": "military", "servicemen": "military", "serviceman": "military",
	"fighters": "military", "personnel": "military", "marines": "military", "sailors": "military",
	"crew": "military", "servicemembers": "military", "paratroopers": "military", "officers": "military", "guards": "",
	"conscripts": "military", "commanders": "military", "generals": "military", "pilots": "military", "militants": "military",
	"ukrainians": "", "russians": "",
}

// findCount fills the count of a casualty, displacement or mobilisation
// frame: the number before a people noun in the clause, else the number
// nearest the trigger. A number belongs to the nearest trigger of the
// frame, so that "two civilians were killed and seven wounded" counts two
// killed and seven wounded. The people noun also gives the victims and,
// through a national adjective ("Russian soldiers"), the side that
// suffered. With no number, people named one by one are counted: "a
// 34-year-old man and a 68-year-old woman died".
func (c *cand) findCount() (victimSide string) {
	s := c.s
	best := -1
	var bestM *mention
	for i := c.l; i < c.r; i++ {
		v, ok := peopleNouns[s.low[i]]
		if m := s.mentionAt(i); m != nil {
			// Words inside a name are not people: "State Emergency Service".
			ok = ok && (m.kind == mItem || m.kind == mEntity && m.form == lexicon.FormDemonym)
			if m.kind == mItem && m.entry.Name == "troops" {
				v, ok = "military", true
			}
		}
		if s.low[i] == "members" && i > 0 && s.low[i-1] == "service" {
			v, ok = "military", true
		}
		if !ok || s.describesThing(i) || s.agentAt(i) || c.killerSubject(i) {
			// "Russian strikes on civilian infrastructure": a word of
			// people describing a thing names no victims; nor do the
			// people after "by", who did it ("a school bombed by
			// Russians").
			continue
		}
		if c.victims == "" {
			c.victims = v
		}
		// A national adjective before the noun: "7,000 Russian soldiers".
		for k := i - 1; k >= c.l && k >= i-3; k-- {
			if m := s.mentionAt(k); m != nil && m.kind == mEntity && isAdjectival(m) && len(m.codes) > 0 && !originForm(m) {
				victimSide = m.codes[0]
				break
			}
			// "498 of its soldiers", "its own losses": the side that
			// speaks of its own dead, named earlier in the sentence.
			if w := s.low[k]; w == "its" || w == "their" {
				if code := s.possessor(k); code != "" {
					victimSide = code
				}
				break
			}
		}
		if q := qtyBefore(s, i); q != nil && q.num.Kind == quantity.KindCount && c.owns(q) {
			d := abs(i - c.hit.t0)
			if best < 0 || d < best {
				best, bestM = d, q
			}
		}
		if (s.low[i] == "ukrainians" || s.low[i] == "russians") && victimSide == "" {
			if s.low[i] == "ukrainians" {
				victimSide = "UKR"
			} else {
				victimSide = "RUS"
			}
		}
	}
	if m := c.treeCount(); m != nil {
		// The tree ties the count to the trigger: "89 athletes have
		// been killed and 13 captured", "seven of them wounded".
		bestM = m
	}
	if bestM == nil {
		// Else the count nearest the trigger: "killed at least 19",
		// "the toll rose to 300", "surpassing a million".
		for i := c.l; i < c.r; i++ {
			m := s.mentionAt(i)
			if m == nil || m.kind != mNum || m.num.Kind != quantity.KindCount {
				continue
			}
			i = m.t1 - 1
			if !c.owns(m) || s.low[m.t0] == "one" && m.t1 < len(s.low) && s.low[m.t1] == "of" || bareAge(s, m) || s.countOfThings(m) {
				continue
			}
			d := abs(m.t0 - c.hit.t0)
			if (d <= 8 || c.tollLevel(m)) && (best < 0 || d < best) {
				best, bestM = d, m
			}
		}
	}
	if bestM != nil {
		c.count = bestM.num
		c.explain("count", "%q", bestM.num.Text)
	} else if n, v := c.countPeople(); n > 0 {
		one := float64(n)
		c.count = &quantity.Mention{Kind: quantity.KindCount, Min: &one, Max: &one, Text: v}
		c.explain("count", "%d named one by one: %s", n, v)
	}
	if c.victims != "" {
		c.explain("victims", "%s", c.victims)
	}
	return victimSide
}

// modifiesItem reports an item that the tree hangs, with a preposition
// and "the", from another item: "training for the equipment", "spare
// parts for the howitzers". A list of items ("tanks and artillery") or
// a measure ("tonnes of food") is no such modifier.
func (s *sent) modifiesItem(m *mention) bool {
	t := s.tr
	if t == nil {
		return false
	}
	w := t.head[m.t1-1]
	if w < 0 || t.rel(w) != "nmod" || t.caseOf(w, s.low) == "of" || t.child(w, "det") < 0 {
		return false
	}
	p := t.parent(w)
	if p < 0 {
		return false
	}
	o := s.mentionAt(t.tok[p])
	return o != nil && o.kind == mItem && o != m
}

// treeCount returns the count the tree ties to a verb of losses: the
// number of its subject or object ("89 athletes have been killed",
// "killed 23 people") or the number a participle describes ("seven of
// them wounded"), where that count is the candidate's. Nil where the
// tree ties none.
func (c *cand) treeCount() *mention {
	s, t, v := c.s, c.s.tr, c.trigWord()
	if t == nil || v < 0 || !t.verbal(v) && t.w[v].UPOS != "ADJ" {
		// A participle read as an adjective predicates too: "nine of
		// them wounded".
		return nil
	}
	words := t.children(v, "nsubj", "nsubj:pass", "obj")
	if r := t.rel(v); (r == "acl" || r == "amod") && t.parent(v) >= 0 {
		words = append(words, t.parent(v))
	}
	for _, w := range words {
		n := w
		if t.w[w].UPOS != "NUM" {
			if n = t.child(w, "nummod"); n < 0 {
				continue
			}
		}
		m := s.mentionAt(t.tok[n])
		if m != nil && m.kind == mNum && m.num.Kind == quantity.KindCount && c.owns(m) && !bareAge(s, m) {
			return m
		}
	}
	return nil
}

// countOfThings reports a count of things, not people: "a couple of
// bags", "dozens of buses". The word after "of" is a plain noun that names
// no people.
func (s *sent) countOfThings(m *mention) bool {
	k := m.t1
	if k+1 >= len(s.low) || s.low[k] != "of" {
		return false
	}
	w := s.low[k+1]
	if _, people := peopleNouns[w]; people || !isLowerWord(w) || determiners[w] || s.mentionAt(k+1) != nil {
		return false
	}
	if s.tr != nil {
		if h := s.tr.head[k+1]; h >= 0 && s.tr.w[h].UPOS != "NOUN" {
			return false
		}
	}
	return true
}

// maxAge is the oldest age a bare number after "at" is read as.
const maxAge = 125

// ageWords are the words before a bare number that make it an age (see
// words.tsv).
var ageWords = words("ageWords")

// bareAge reports a number that is someone's age: a plain figure a life
// can reach, after "at" or "aged", with no noun after it ("died on
// Saturday at 88", "died aged 82"), where "killed at least 19", "at 5
// sites" and "put the dead at about 5,840" count.
func bareAge(s *sent, m *mention) bool {
	if m.t0 == 0 || !ageWords[s.low[m.t0-1]] || m.num.Hedge != "" {
		return false
	}
	if v, ok := m.num.Value(); !ok || v > maxAge {
		return false
	}
	return m.t1 >= len(s.low) || !isLowerWord(s.toks[m.t1].Text) || preps[s.low[m.t1]]
}

// describesThing reports whether the tree reads token i as a word that
// modifies a noun (an adjective, or a noun in a compound) other than a
// word of losses: "civilian infrastructure", "military targets", where
// "civilian deaths" and "military casualties" name their victims.
func (s *sent) describesThing(i int) bool {
	t := s.tr
	if t == nil {
		return false
	}
	w := t.head[i]
	if w < 0 || t.rel(w) != "amod" && t.rel(w) != "compound" {
		return false
	}
	p := t.parent(w)
	if p < 0 {
		return false
	}
	k := t.tok[p]
	for _, h := range s.trigs {
		if h.f.typ == model.TypeCasualties && k >= h.t0 && k < h.t1 {
			return false
		}
	}
	return true
}

// killerSubject reports a people noun that is the subject of an active
// verb of killing: "Russian troops murdered dozens in the village" names
// the killers. The subject of "died" is the dead.
func (c *cand) killerSubject(i int) bool {
	t, v := c.s.tr, c.trigWord()
	if t == nil || v < 0 || c.f.typ != model.TypeCasualties || selfLossTriggers[c.hit.tr.phrase] || !t.verbal(v) || t.passiveVerb(v) {
		return false
	}
	w := t.head[i]
	return w >= 0 && w == t.subjectWord(v)
}

// agentAt reports whether token i is the agent of a passive: the noun
// after "by" ("bombed by Russians", "hit by Ukrainian forces").
func (s *sent) agentAt(i int) bool {
	if t := s.tr; t != nil {
		if w := t.head[i]; w >= 0 {
			return t.rel(w) == "obl:agent" || t.caseOf(w, s.low) == "by"
		}
	}
	return i > 0 && s.low[i-1] == "by"
}

// tollLevel reports whether the tree makes number m the level the
// trigger's noun reached, however long the noun phrase between: "the
// death toll from Thursday's strike on the station had risen to 25".
func (c *cand) tollLevel(m *mention) bool {
	t := c.s.tr
	w := c.trigWord()
	if t == nil || w < 0 || t.rel(w) != "nsubj" {
		return false
	}
	p := t.parent(w)
	for k := m.t0; k < m.t1; k++ {
		for n := t.head[k]; n >= 0 && n != p; n = t.parent(n) {
			if t.parent(n) == p && (t.rel(n) == "obj" || t.rel(n) == "obl") {
				return true
			}
		}
	}
	return false
}

// owns reports whether the number m belongs to c's trigger rather than to
// another trigger of the same frame nearer to it.
func (c *cand) owns(m *mention) bool {
	return c.ownsSpan(m.t0, m.t1)
}

// ownsSpan is owns for the tokens [t0, t1).
func (c *cand) ownsSpan(t0, t1 int) bool {
	m := struct{ t0, t1 int }{t0, t1}
	dist := func(h trigHit) int {
		switch {
		case m.t1 <= h.t0:
			// The subject of the verb: "dozens more were maimed" is as
			// close as "dozens maimed".
			n := 0
			for k := m.t1; k < h.t0; k++ {
				if _, ok := peopleNouns[c.s.low[k]]; !ok && !subjectFiller[c.s.low[k]] {
					n++
				}
			}
			return n
		case m.t0 >= h.t1:
			return m.t0 - h.t1
		}
		return 0
	}
	mine := dist(c.hit)
	for _, h := range c.s.trigs {
		if c.f.typ == model.TypeAid && h.t0 < c.hit.t0 && h.tr.class != classAct && c.hit.tr.class == classAct {
			// "approved yesterday sending": the pledge hands its words
			// over to the act after it.
			continue
		}
		if h.f == c.f && h.t0 != c.hit.t0 && h.t0 >= c.l && h.t1 <= c.r && dist(h) < mine &&
			(h.f.typ == model.TypeCasualties || !adjectivalParticiple(c.s, h)) {
			return false
		}
	}
	return true
}

// subjectFiller are the words between a count and its verb that do not
// take it away from the verb: "dozens more were maimed".
var subjectFiller = words("subjectFiller")

// singularPeople are nouns for one person, with the victims they describe.
var singularPeople = map[string]string{
	"woman": "civilians", "man": "civilians", "girl": "civilians", "boy": "civilians", "child": "civilians",
	"baby": "civilians", "father": "civilians", "mother": "civilians", "son": "civilians", "daughter": "civilians",
	"resident": "civilians", "civilian": "civilians", "journalist": "civilians", "photographer": "civilians",
	"producer": "civilians", "reporter": "civilians", "cameraman": "civilians", "driver": "civilians",
	"pensioner": "civilians", "teenager": "civilians", "volunteer": "civilians", "doctor": "civilians", "nurse": "civilians",
	"soldier": "military", "serviceman": "military", "officer": "military", "pilot": "military", "commander": "military",
	"sailor": "military", "marine": "military", "fighter": "military", "person": "",
}

// countPeople counts the people a clause names one by one ("a wounded
// boy", "a 34-year-old man and a 68-year-old woman"), each with an
// article or possessive before it and no number; the head of a
// possessive ("the girl's father") is the one counted.
func (c *cand) countPeople() (int, string) {
	s := c.s
	n := 0
	var words []string
	for i := c.l; i < c.r; i++ {
		v, ok := singularPeople[s.low[i]]
		if !ok {
			continue
		}
		if i+1 < len(s.low) && (s.low[i+1] == "'s" || s.low[i+1] == "’s") {
			continue
		}
		det := false
		for k := i - 1; k >= c.l && k >= i-3; k-- {
			w := s.low[k]
			if w == "a" || w == "an" || w == "the" || w == "his" || w == "her" || w == "their" || w == "'s" || w == "’s" || w == "one" {
				det = true
				break
			}
			if m := s.mentionAt(k); m != nil && m.kind == mNum && m.num.Kind != quantity.KindAge {
				det = false
				break
			}
		}
		if !det {
			continue
		}
		n++
		words = append(words, s.low[i])
		if c.victims == "" {
			c.victims = v
		}
	}
	return n, strings.Join(words, ", ")
}

// possessor returns the state a possessive pronoun at token k points
// back to: the nearest state, or body of a state, named before it in the
// sentence that is not the object of a preposition.
func (s *sent) possessor(k int) string {
	for i := k - 1; i >= 0; i-- {
		m := s.mentionAt(i)
		if m == nil {
			continue
		}
		if (m.kind == mEntity || m.kind == mSource) && len(m.codes) == 1 && len(m.codes[0]) == 3 && !afterPrep(s, m.t0) {
			return m.codes[0]
		}
		i = m.t0
	}
	return ""
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// findMoney fills the amount of money in the clause: the first one that
// is not a running total or the level a fund grew to, else the first. A
// package is often told beside the whole it belongs to ("as part of a total
// package of 1 billion SEK, Sweden will provide 100 million SEK", "raised
// the facility to €1.5bn with a tranche of €500m"), and the package is the
// event.
func (c *cand) findMoney() {
	s := c.s
	if m := c.valuedMoney(); m != nil {
		c.money = m.num
		c.explain("money", "%q, the value its trigger gives", m.num.Text)
		return
	}
	if m := c.treeMoney(); m != nil {
		c.money = m.num
		c.explain("money", "%q, tied to the trigger by the tree", m.num.Text)
		return
	}
	var first *mention
	for i := c.l; i < c.r; i++ {
		m := s.mentionAt(i)
		if m == nil {
			continue
		}
		i = m.t1 - 1
		if m.kind != mNum || m.num.Kind != quantity.KindMoney {
			continue
		}
		if _, ok := m.num.Money(); !ok {
			continue
		}
		if first == nil {
			first = m
		}
		if !c.wholeAmount(m) {
			c.money = m.num
			c.explain("money", "%q", m.num.Text)
			return
		}
	}
	if first != nil {
		c.money = first.num
		c.explain("money", "%q, though a running total", first.num.Text)
		return
	}
	// None in the clause: the clause may go on across a long parenthesis
	// ("The additional $300m in loans (the second source says so) are
	// provided through the World Bank"). What the parenthesis itself holds
	// is a conversion or the value of each item, never the package's.
	for _, sp := range c.itemSpans()[1:] {
		if sp.counted {
			continue
		}
		for i := sp.l; i < sp.r; i++ {
			m := s.mentionAt(i)
			if m == nil {
				continue
			}
			i = m.t1 - 1
			if m.kind == mNum && m.num.Kind == quantity.KindMoney && !c.wholeAmount(m) {
				if _, ok := m.num.Money(); ok {
					c.money = m.num
					c.explain("money", "%q, across a parenthesis", m.num.Text)
					return
				}
			}
		}
	}
}

// valuedMoney returns, for a trigger that names a value ("worth",
// "valued", "value"), the amount it gives: the one right before it ("$50m
// worth of shells") or else the first after it. Another amount in the
// clause is another package's: "since the first package is valued at
// CHF 60m, the value of the second is estimated at CHF 40m".
func (c *cand) valuedMoney() *mention {
	s := c.s
	if w := s.low[c.hit.t0]; c.hit.t1-c.hit.t0 != 1 || w != "worth" && w != "valued" && w != "value" {
		return nil
	}
	if m := s.mentionAt(c.hit.t0 - 1); m != nil && m.t0 >= c.l && isMoney(m) {
		return m
	}
	for i := c.hit.t1; i < c.r; i++ {
		m := s.mentionAt(i)
		if m == nil {
			continue
		}
		if isMoney(m) && !c.wholeAmount(m) {
			return m
		}
		i = m.t1 - 1
	}
	return nil
}

// isMoney reports whether m is an amount of money with a known currency.
func isMoney(m *mention) bool {
	if m.kind != mNum || m.num.Kind != quantity.KindMoney {
		return false
	}
	_, ok := m.num.Money()
	return ok
}

// wholeAmount reports whether the money m is a running total or the level
// something grew to, by the cues of data/totals.tsv.
func (c *cand) wholeAmount(m *mention) bool {
	d := mustTotals()
	return d.nearTokens(c.s.toks, m.t0, m.t1-1) || d.levelAt(c.s.toks, c.l, m.t0)
}

// findPlaces adds the places of the event: those the grammar hangs from
// its words (treePlaces), or, for a sentence without an analysis, those
// named in its clause.
func (c *cand) findPlaces() {
	if c.treePlaces() {
		return
	}
	s := c.s
	// A joined clause's own place comes first; with none, the places of
	// the clause it joins are its too.
	for _, rng := range [][2]int{{max(c.l, c.own), c.r}, {c.l, max(c.r, c.whole)}} {
		for i := rng[0]; i < rng[1]; i++ {
			m := s.mentionAt(i)
			if m == nil {
				continue
			}
			i = m.t1 - 1
			c.addPlace(s, m)
		}
		if len(c.places) > 0 {
			return
		}
	}
}

// addPlace adds m as a place of the event when it names one: a place, or
// a capital that is also a city.
func (c *cand) addPlace(s *sent, m *mention) {
	e := m.entry
	if m.kind != mPlace {
		e = nil
		if m.kind == mEntity && m.form == lexicon.FormCapital {
			for _, a := range m.also {
				if a.Kind == lexicon.KindPlace {
					e = a
				}
			}
		}
	}
	if e == nil || c.hasPlace(e) {
		return
	}
	c.places = append(c.places, placeArg{entry: e, text: textOf(s, m.t0, m.t1), span: s.span(m.t0, m.t1)})
}

func (c *cand) hasPlace(e *lexicon.Entry) bool {
	for _, p := range c.places {
		if p.entry == e {
			return true
		}
	}
	return false
}
