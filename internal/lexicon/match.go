package lexicon

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/sitrep-project/sitrep/internal/text"
)

// Find returns the names in text: non-overlapping, the longest match at each
// place, left to right, with byte offsets into text.
func (l *Lexicon) Find(src string) []Match {
	return l.FindTokens(src, text.Tokenize(src, 0))
}

// FindTokens is Find on tokens already cut from src (by text.Sentences or
// text.Tokenize with base 0), so that a caller who has them does not cut the
// text twice. Matches never run across a blank line.
func (l *Lexicon) FindTokens(src string, toks []text.Token) []Match {
	if len(toks) == 0 {
		return nil
	}
	raws := l.scan(src, toks)
	if len(raws) == 0 {
		return nil
	}
	return l.combine(toks, l.choose(toks, raws))
}

// child steps from a node along a token, folding it into scratch only when
// folding changes it, so that a lookup allocates nothing.
func (n *node) child(tok string, scratch *[]byte) *node {
	if !needsFold(tok) {
		return n.next[tok]
	}
	*scratch = fold((*scratch)[:0], tok)
	return n.next[string(*scratch)]
}

// raw is a trie hit before the rules: tokens [ti, tj), bytes [start, end)
// (short of the last token's end when the sentence took an abbreviation's
// full stop), and the patterns that matched there.
type raw struct {
	ti, tj     int
	start, end int
	pats       []*pattern
	form       string // set for compounds: origin or compound
}

// scan walks the trie from every token, keeping the longest valid match.
// A hyphenated compound ("Russian-made", "Guinea-Bissau") is matched whole
// or by the compound rules, never by a part of it: a match starts and ends
// on the compound's bounds.
func (l *Lexicon) scan(src string, toks []text.Token) []raw {
	raws := make([]raw, 0, len(toks)/4+1)
	var scratch []byte
	n := len(toks)
	for i := 0; i < n; {
		end := text.CompoundEnd(toks, i)
		best, bestEnd := -1, 0
		var bestPats []*pattern
		nd := l.root
		for j := i; j < n; j++ {
			if j > i && blankBetween(src, toks[j-1].End, toks[j].Start) {
				break
			}
			next := nd.child(toks[j].Text, &scratch)
			if next == nil && j+1 < n && finalStop(toks, j) {
				// "from the U.S.": the sentence took the abbreviation's
				// full stop; the name is still "U.S.".
				if next = nd.childDotted(toks[j].Text, &scratch); next != nil && len(next.outs) > 0 && !text.IsHyphen(toks, j+1) {
					if ps := validPatterns(next.outs, toks[i:j+1]); len(ps) > 0 {
						best, bestEnd, bestPats = j+1, toks[j].End, ps
					}
				}
				break
			}
			nd = next
			if nd == nil {
				break
			}
			if len(nd.outs) > 0 && !text.IsHyphen(toks, j+1) {
				if ps := validPatterns(nd.outs, toks[i:j+1]); len(ps) > 0 {
					best, bestEnd, bestPats = j+1, toks[j].End, ps
				}
			}
		}
		if best <= 0 && end == i+1 {
			// "M109A3GN", "T-72B3": a model the catalogue names, with a
			// variant's letters after its number.
			if ps := l.modelVariant(toks[i].Text, &scratch); len(ps) > 0 {
				best, bestEnd, bestPats = i+1, toks[i].End, ps
			}
		}
		if best > 0 {
			raws = append(raws, raw{ti: i, tj: best, start: toks[i].Start, end: bestEnd, pats: bestPats})
			i = best
			continue
		}
		if end > i+1 {
			raws, scratch = l.compound(raws, scratch, src, toks, i, end)
		}
		i = end
	}
	return raws
}

// finalStop reports whether token j is followed by the full stop that the
// tokeniser cut off an abbreviation ending a sentence ("U.S" ".").
func finalStop(toks []text.Token, j int) bool {
	return toks[j+1].Text == "." && toks[j+1].Gap == text.GapNone && toks[j].Kind == text.KindWord
}

// childDotted steps along a token with the full stop the sentence took
// from it put back.
func (n *node) childDotted(tok string, scratch *[]byte) *node {
	*scratch = append(fold((*scratch)[:0], tok), '.')
	return n.next[string(*scratch)]
}

// blankBetween reports whether the white space between two tokens holds a
// blank line, which no name crosses.
func blankBetween(src string, a, b int) bool {
	if b-a < 2 || a < 0 || b > len(src) {
		return false
	}
	return strings.Count(src[a:b], "\n") >= 2
}

// validPatterns keeps the patterns whose case rules the tokens meet. It
// returns the node's own slice when all pass, so the common case allocates
// nothing.
func validPatterns(ps []*pattern, toks []text.Token) []*pattern {
	bad := 0
	for _, p := range ps {
		if !caseMatches(p, toks) {
			bad++
		}
	}
	if bad == 0 {
		return ps
	}
	if bad == len(ps) {
		return nil
	}
	out := make([]*pattern, 0, len(ps)-bad)
	for _, p := range ps {
		if caseMatches(p, toks) {
			out = append(out, p)
		}
	}
	return out
}

func caseMatches(p *pattern, toks []text.Token) bool {
	for w := range p.words {
		if !caseOK(p.cases[w], toks[w].Text, p.words[w]) {
			return false
		}
	}
	return true
}

// originSuffixes end compounds that say where a thing was made; the state
// before them is its origin, not an actor ("Russian-made helicopters").
var originSuffixes = map[string]bool{
	"made": true, "built": true, "produced": true, "manufactured": true, "designed": true,
	"developed": true, "sourced": true, "origin": true, "supplied": true, "donated": true,
	"provided": true, "delivered": true, "funded": true, "financed": true,
}

// compoundSuffixes end compounds that tie something to a state ("Russian-
// backed separatists", "Kyiv-based", "US-led").
var compoundSuffixes = map[string]bool{
	"backed": true, "led": true, "controlled": true, "occupied": true, "held": true,
	"installed": true, "allied": true, "aligned": true, "friendly": true, "based": true,
	"sponsored": true, "annexed": true, "run": true, "owned": true, "appointed": true,
	"imposed": true, "brokered": true, "linked": true, "affiliated": true, "trained": true,
}

// compound matches a hyphenated compound, tokens [i, end), that the trie
// did not know whole: "Russian-made" (a state with an origin suffix) or
// "Russia-Ukraine" (two names, each matched on its own part).
func (l *Lexicon) compound(raws []raw, scratch []byte, src string, toks []text.Token, i, end int) ([]raw, []byte) {
	last := end - 1 // the part after the last hyphen
	suffix := strings.ToLower(toks[last].Text)
	if originSuffixes[suffix] || compoundSuffixes[suffix] {
		var ps []*pattern
		ps, scratch = l.singleName(scratch, text.StripInvisible(src[toks[i].Start:toks[last-1].Start]))
		if len(ps) > 0 {
			form := FormCompound
			if originSuffixes[suffix] {
				form = FormOrigin
			}
			return append(raws, raw{ti: i, tj: end, start: toks[i].Start, end: toks[last].End, pats: ps, form: form}), scratch
		}
		return raws, scratch
	}
	if parts := (end - i + 1) / 2; parts > 4 {
		return raws, scratch
	}
	mark := len(raws)
	for k := i; k < end; k += 2 {
		var ps []*pattern
		ps, scratch = l.singleName(scratch, toks[k].Text)
		if len(ps) == 0 {
			return raws[:mark], scratch
		}
		raws = append(raws, raw{ti: k, tj: k + 1, start: toks[k].Start, end: toks[k].End, pats: ps})
	}
	return raws, scratch
}

// singleName looks a word up as a one-word name of a state, group or
// organisation, the only kinds that make up compounds.
func (l *Lexicon) singleName(scratch []byte, w string) ([]*pattern, []byte) {
	if w == "" {
		return nil, scratch
	}
	scratch = fold(scratch[:0], w)
	nd := l.root.next[string(scratch)]
	if nd == nil {
		return nil, scratch
	}
	tok := []text.Token{{Text: w}}
	var out []*pattern
	for _, p := range nd.outs {
		switch p.entry.Kind {
		case KindState, KindGroup, KindOrg:
			if len(p.words) == 1 && caseMatches(p, tok) {
				out = append(out, p)
			}
		}
	}
	return out, scratch
}

// cand is a match after its entry has been chosen, before the rules that
// join neighbouring matches.
type cand struct {
	ti, tj     int
	start, end int
	entry      *Entry
	form       string
	also       []*Entry
}

// kindRank orders the kinds when the same words name several entries: the
// first becomes the match's Entry, the rest go to Also.
var kindRank = map[Kind]int{
	KindPerson: 0, KindOutlet: 1, KindOrg: 2, KindGroup: 3, KindState: 4,
	KindSource: 5, KindRole: 6, KindItem: 7, KindPlace: 8,
}

// titles are words before a surname that make it a person's ("Mr
// Johnson"), even when the surname alone is a common word.
var titles = map[string]bool{
	"Mr": true, "Mr.": true, "Mrs": true, "Mrs.": true, "Ms": true, "Ms.": true, "Miss": true,
	"Dr": true, "Dr.": true, "Sir": true, "Dame": true, "Lord": true, "Lady": true, "Prof.": true,
	"Professor": true, "Gen.": true, "General": true, "Gen": true, "Adm.": true, "Admiral": true,
	"Col.": true, "Colonel": true, "Lt.": true, "Maj.": true, "Capt.": true, "Sen.": true,
	"Senator": true, "Rep.": true, "Gov.": true, "Ayatollah": true, "Sheikh": true, "Prince": true,
	"Comrade": true, "Herr": true, "Frau": true, "Madame": true, "Monsieur": true,
}

// choose picks each raw match's entry: stop phrases drop out, surnames that
// need a title or an earlier full mention are checked, names that are also
// given names are checked against their neighbours, and the rest are ranked.
func (l *Lexicon) choose(toks []text.Token, raws []raw) []cand {
	cands := make([]cand, 0, len(raws))
	var seen map[*Entry]bool // people named in full so far
	for k := range raws {
		r := &raws[k]
		stop := false
		for _, p := range r.pats {
			if p.entry.Kind == kindStop {
				stop = true
				break
			}
		}
		if stop {
			continue
		}
		keep := r.pats
		filtered := false
		for i, p := range r.pats {
			ok := true
			if p.surname && p.entry.titled && !seen[p.entry] && !titledBefore(toks, raws, k) {
				ok = false
			}
			if ok && p.given && givenNameContext(toks, raws, k) {
				ok = false
			}
			switch {
			case !ok && !filtered:
				// Copy only when something drops out: the slice is the trie's.
				keep = append(make([]*pattern, 0, len(r.pats)), r.pats[:i]...)
				filtered = true
			case ok && filtered:
				keep = append(keep, p)
			}
		}
		keep = dropAmbiguousPeople(keep, seen)
		if len(keep) == 0 {
			continue
		}
		best := keep[0]
		for _, p := range keep[1:] {
			if kindRank[p.entry.Kind] < kindRank[best.entry.Kind] ||
				p.entry.Kind == best.entry.Kind && best.generated && !p.generated {
				best = p
			}
		}
		c := cand{ti: r.ti, tj: r.tj, start: r.start, end: r.end, entry: best.entry, form: best.form}
		if r.form != "" {
			c.form = r.form
		}
		for _, p := range keep {
			if p.entry != best.entry && !containsEntry(c.also, p.entry) {
				c.also = append(c.also, p.entry)
			}
		}
		if best.entry.Kind == KindPerson {
			if seen == nil {
				seen = map[*Entry]bool{}
			}
			seen[best.entry] = true
		}
		cands = append(cands, c)
	}
	return cands
}

// dropAmbiguousPeople keeps one person when a surname names several: the
// one named in full earlier, or none at all.
func dropAmbiguousPeople(ps []*pattern, seen map[*Entry]bool) []*pattern {
	people := 0
	for _, p := range ps {
		if p.entry.Kind == KindPerson {
			people++
		}
	}
	if people < 2 {
		return ps
	}
	var out []*pattern
	var known *pattern
	for _, p := range ps {
		if p.entry.Kind != KindPerson {
			out = append(out, p)
		} else if seen[p.entry] && known == nil {
			known = p
		}
	}
	if known != nil {
		out = append(out, known)
	}
	return out
}

// titledBefore reports whether the match k follows a title or a role head
// (with at most a comma between): "Mr Johnson", "Prime Minister Johnson".
func titledBefore(toks []text.Token, raws []raw, k int) bool {
	ti := raws[k].ti
	if ti > 0 && titles[toks[ti-1].Text] {
		return true
	}
	if k > 0 {
		prev := raws[k-1]
		gap := ti - prev.tj
		if gap == 0 || gap == 1 && toks[ti-1].Text == "," {
			for _, p := range prev.pats {
				if p.entry.Kind == KindRole && p.entry.Category == "person" {
					return true
				}
			}
		}
	}
	return false
}

// givenNameContext reports whether a name that is also a given name stands
// next to an unknown capitalised word, as in "Jordan Peterson" or "Paris
// Hilton", where it is part of a person's name.
func givenNameContext(toks []text.Token, raws []raw, k int) bool {
	r := raws[k]
	if r.tj < len(toks) && isCapitalWord(toks[r.tj].Text) {
		if k+1 >= len(raws) || raws[k+1].ti != r.tj {
			return true
		}
	}
	if r.ti > 0 && isCapitalWord(toks[r.ti-1].Text) && (k == 0 || raws[k-1].tj != r.ti) {
		// A capital after a sentence's end is only the sentence's first word.
		if r.ti >= 2 && !sentenceEnd(toks[r.ti-2].Text) {
			return true
		}
	}
	return false
}

func isCapitalWord(t string) bool {
	r, _ := utf8.DecodeRuneInString(t)
	if !unicode.IsUpper(r) {
		return false
	}
	for _, r := range t {
		if !unicode.IsLetter(r) {
			return false
		}
	}
	return !titles[t] && !functionWords[t]
}

// functionWords are capitalised words that open sentences and headlines; a
// name next to them is not part of a longer name.
var functionWords = map[string]bool{
	"The": true, "A": true, "An": true, "In": true, "On": true, "At": true, "And": true, "But": true,
	"To": true, "From": true, "For": true, "With": true, "By": true, "Of": true, "As": true,
	"Meanwhile": true, "However": true, "After": true, "Before": true, "While": true, "When": true,
	"Both": true, "Neither": true, "Nor": true, "Or": true, "If": true, "Then": true, "Than": true,
	"Says": true, "Said": true, "Has": true, "Have": true, "Is": true, "Was": true, "Will": true,
}

func sentenceEnd(t string) bool {
	switch t {
	case ".", "!", "?", "…", "...", "\"", "“", "”", ":", "(", "—", "–", "-":
		return true
	}
	return false
}

// combine applies the rules that join neighbouring matches: role heads with
// their qualifier and the person they introduce, named weapons with the
// generic noun after them.
func (l *Lexicon) combine(toks []text.Token, cands []cand) []Match {
	out := make([]cand, 0, len(cands))
	for k := 0; k < len(cands); k++ {
		c := cands[k]
		switch {
		case c.entry.Kind == KindRole:
			merged, next, ok := l.role(toks, cands, k, &out)
			if !ok {
				continue
			}
			out = append(out, merged)
			k = next
		case c.entry.Kind == KindItem && c.entry.system && k+1 < len(cands):
			nc := cands[k+1]
			if nc.entry.Kind == KindItem && !nc.entry.system && absorbable(nc.entry) && onlyModifiers(toks, c.tj, nc.ti) {
				c.tj, c.end = nc.tj, nc.end
				k++
			}
			out = append(out, c)
		default:
			out = append(out, c)
		}
	}
	ms := make([]Match, len(out))
	for i, c := range out {
		ms[i] = Match{Start: c.start, End: c.end, Entry: c.entry, Form: c.form, Also: c.also}
	}
	return ms
}

// absorbable says whether a generic item may be taken in by a named system
// before it: "Javelin anti-tank missiles", but not "Javelin ammunition".
func absorbable(e *Entry) bool {
	if e.Mode != "military" {
		return false
	}
	switch e.Category {
	case "troops", "training", "funds", "ammunition":
		return false
	}
	return true
}

// onlyModifiers reports whether the tokens [from, to) are at most two
// lower-case hyphenated modifiers ("truck-mounted", "shoulder-fired").
func onlyModifiers(toks []text.Token, from, to int) bool {
	n := 0
	for k := from; k < to; {
		end := text.CompoundEnd(toks, k)
		if end == k+1 || end > to {
			return false
		}
		for p := k; p < end; p += 2 {
			if !isLowerWord(toks[p].Text) {
				return false
			}
		}
		n++
		k = end
	}
	return n <= 2
}

// roleModifiers may stand between a qualifier and a role head: "Russia's
// top diplomat", "Ukraine's former defence minister".
var roleModifiers = map[string]bool{
	"'s": true, "’s": true, "'": true, "’": true, "top": true, "new": true, "former": true,
	"acting": true, "interim": true, "then": true, "own": true, "senior": true, "current": true,
	"outgoing": true, "incoming": true, "chief": true, "longtime": true, "veteran": true, "deputy": true,
}

// countryNouns stand for a state named before them: "the country's
// president", "the nation's defence ministry".
var countryNouns = map[string]bool{"country": true, "nation": true}

// countryBefore returns, for a role at token i after "the country's", the
// state of the last match before it that can say whose a role is ("Ukraine's
// second city came under fire, the country's military said"), or "".
func countryBefore(toks []text.Token, i int, out []cand) string {
	if i < 3 || !roleModifiers[toks[i-1].Text] || !countryNouns[strings.ToLower(toks[i-2].Text)] || !strings.EqualFold(toks[i-3].Text, "the") {
		return ""
	}
	for k := len(out) - 1; k >= 0; k-- {
		if out[k].tj > i-3 {
			continue
		}
		if co, _, ok := qualifier(&out[k]); ok && co != "" && (out[k].entry.Kind == KindState || out[k].entry.Kind == KindPlace) {
			return co
		}
	}
	return ""
}

// qualifier reports whether a match can say whose a role is, and whose.
func qualifier(c *cand) (country, place string, ok bool) {
	switch c.form {
	case FormDemonym, FormOrigin, FormCompound:
		return "", "", false
	}
	e := c.entry
	switch e.Kind {
	case KindState, KindOrg:
		return e.Code, "", true
	case KindPlace:
		if e.Category == "sea" {
			return "", "", false
		}
		return e.Country, e.Name, true
	case KindSource:
		return e.Country, "", e.Country != ""
	case KindRole:
		return e.Country, e.Place, e.Category == "body" && e.Country != ""
	}
	return "", "", false
}

// role builds the match for the role head at cands[k]: with the qualifier
// before it (already in out) or after it ("of Ukraine", "in Kyiv"), and with
// a person named right after it. It reports the index of the last candidate
// used, and false when the head alone is not worth a match.
func (l *Lexicon) role(toks []text.Token, cands []cand, k int, out *[]cand) (cand, int, bool) {
	c := cands[k]
	base := c.entry
	country, place := "", ""
	found := false
	merged := c
	next := k
	// A qualifier before: "Ukraine's defence minister", "the German government spokesperson".
	if n := len(*out); n > 0 {
		q := &(*out)[n-1]
		if co, pl, ok := qualifier(q); ok && q.tj <= c.ti && c.ti-q.tj <= 3 && allModifiers(toks[q.tj:c.ti]) {
			country, place, found = co, pl, true
			merged.ti, merged.start = q.ti, q.start
			*out = (*out)[:n-1]
			// "Russia's UN ambassador", "the British NATO envoy": the
			// organisation says where the role serves, the state before
			// it whom it serves.
			if n > 1 && q.entry.Kind == KindOrg {
				if p := &(*out)[n-2]; p.entry.Kind == KindState && p.tj <= q.ti && q.ti-p.tj <= 2 && allModifiers(toks[p.tj:q.ti]) {
					country, place = p.entry.Code, ""
					merged.ti, merged.start = p.ti, p.start
					*out = (*out)[:n-2]
				}
			}
		}
	}
	// A qualifier after: "State Emergency Service of Ukraine", "officials in Kyiv".
	if !found && k+1 < len(cands) {
		j := c.tj
		prep := ""
		if j < len(toks) {
			prep = strings.ToLower(toks[j].Text)
		}
		if prep == "of" || prep == "for" || prep == "in" && base.Category == "body" {
			j++
			if j < len(toks) && strings.EqualFold(toks[j].Text, "the") {
				j++
			}
			q := &cands[k+1]
			if q.ti == j {
				if co, pl, ok := qualifier(q); ok {
					country, place, found = co, pl, true
					merged.tj, merged.end = q.tj, q.end
					next = k + 1
				}
			}
		}
	}
	// "the country's military command": the state named last before it.
	if !found {
		if co := countryBefore(toks, c.ti, *out); co != "" {
			country, found = co, true
			merged.ti, merged.start = c.ti-3, toks[c.ti-3].Start
		}
	}
	if !found {
		country = base.deflt
	}
	merged.entry = l.roleEntry(base, country, place)
	merged.form = FormRole
	merged.also = nil
	// The person the role introduces: "defence minister Oleksii Reznikov",
	// "Russia's foreign minister, Sergei Lavrov".
	if p := next + 1; p < len(cands) && cands[p].entry.Kind == KindPerson {
		pc := cands[p]
		gap := pc.ti - merged.tj
		if (gap == 0 || gap == 1 && toks[merged.tj].Text == ",") && compatible(merged.entry, pc.entry) {
			role := merged.entry
			merged.tj, merged.end = pc.tj, pc.end
			merged.entry = pc.entry
			merged.also = append([]*Entry{role}, pc.also...)
			next = p
		}
	}
	// A head that is an ordinary word alone ("the military", "the
	// government") counts only when qualified or introducing a person.
	if country == "" && base.qualified && merged.entry.Kind == KindRole {
		return cand{}, k, false
	}
	return merged, next, true
}

func allModifiers(ts []text.Token) bool {
	for _, t := range ts {
		if !roleModifiers[strings.ToLower(t.Text)] {
			return false
		}
	}
	return true
}

// compatible reports whether a person may be the holder of a role: the role
// has no state, or the same one.
func compatible(role, person *Entry) bool {
	return role.Country == "" || role.Country == person.Country
}

// roleEntry returns the entry for a role qualified by a state or
// organisation code and maybe a place: the source the data names for it
// when there is one (defence ministry of GBR is the UK Ministry of
// Defence), else a role entry made once and cached.
func (l *Lexicon) roleEntry(base *Entry, country, place string) *Entry {
	if place == "" {
		if src := l.sourceByRole[base.Code+"|"+country]; src != nil {
			return src
		}
		if country == base.Country {
			return base
		}
	}
	key := roleKey{base.Code, country, place}
	l.roleMu.RLock()
	e := l.roles[key]
	l.roleMu.RUnlock()
	if e != nil {
		return e
	}
	l.roleMu.Lock()
	defer l.roleMu.Unlock()
	if e = l.roles[key]; e == nil {
		e = &Entry{Kind: KindRole, Code: base.Code, Name: base.Name, Category: base.Category,
			Role: base.Role, Country: country, Place: place, qualified: base.qualified, deflt: base.deflt}
		l.roles[key] = e
	}
	return e
}

// modelVariant returns the patterns of the named model (an item of type
// system) that a single token is a variant of: the model's designation up
// to a number, then a capital letter and more ("M109A3GN" is an M109,
// "T-72B3" a T-72). Variants are many and national; the catalogue lists
// the model once. Names of other kinds never match this way.
func (l *Lexicon) modelVariant(tok string, scratch *[]byte) []*pattern {
	cut := -1
	for k := 1; k < len(tok); k++ {
		if tok[k-1] >= '0' && tok[k-1] <= '9' && tok[k] >= 'A' && tok[k] <= 'Z' {
			cut = k
			break
		}
	}
	if cut < 2 {
		return nil
	}
	nd := l.root.child(tok[:cut], scratch)
	if nd == nil {
		return nil
	}
	var out []*pattern
	for _, p := range nd.outs {
		if p.entry.Kind == KindItem && p.entry.system && len(p.words) == 1 {
			out = append(out, p)
		}
	}
	return out
}
