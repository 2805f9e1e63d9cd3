package event

import (
	"strings"

	"github.com/sitrep-project/sitrep/internal/lexicon"
	"github.com/sitrep-project/sitrep/internal/model"
)

// reportVerbs are the verbs whose subject is the source of what follows.
var reportVerbs = setOf("said", "says", "say", "told", "tells", "reported", "reports", "stated", "states", "informed",
	"claimed", "claims", "added", "announced", "announces", "confirmed", "confirms", "wrote", "tweeted", "posted",
	"noted", "insisted", "estimated", "estimates", "counted", "recorded", "documented", "disclosed", "revealed", "quoted")

// outletAnaphors point back at the last outlet named: "the media outlet
// informed", "the report stated", "the US also reportedly plans".
var outletAnaphors = setOf("outlet", "newspaper", "report", "reportedly", "paper", "broadcaster", "agency", "daily", "network")

// findSource finds who the sentence attributes its facts to. An outlet
// wins over the officials it cites ("NBC News reported, citing officials"),
// then official and organisational sources, then named people.
func (x *Extractor) findSource(d *docState, s *sent) (*source, string) {
	var cands []*source
	var whys []string
	add := func(m *mention, how string) {
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
		case reportVerbs[w]:
			// The subject before the verb ("NBC News reported"), or after it
			// in an inverted quote (", said Kremlin spokesman Dmitry Peskov").
			if m := prevMention(s, i, 6); m != nil {
				add(m, "subject of \""+w+"\"")
			} else if m := nextMention(s, i+1, 3); m != nil && i > 0 && (s.low[i-1] == "," || s.low[i-1] == "”" || s.low[i-1] == "\"") {
				add(m, "after \""+w+"\"")
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
	return cands[best], whys[best]
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

// nextMention returns the first source-like mention within n tokens after
// i, skipping "a report by", "the", "figures from".
func nextMention(s *sent, i, n int) *mention {
	for k := i; k < len(s.low) && k < i+n; k++ {
		if m := s.mentionAt(k); m != nil {
			if sourceLike(m) {
				return m
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
		src.name, src.kind = m.name, model.SourceOfficial
	case mEntity:
		switch m.entry.Kind {
		case lexicon.KindOrg:
			src.name, src.kind = m.entry.Name, model.SourceOrganisation
		case lexicon.KindState:
			src.name, src.kind = m.entry.Name, model.SourceOfficial
			if m.form == lexicon.FormSeat || m.form == lexicon.FormCapital {
				src.name = strings.TrimPrefix(strings.TrimPrefix(src.text, "the "), "The ")
			}
		case lexicon.KindPerson:
			src.name, src.kind = m.entry.Name, model.SourceOfficial
		case lexicon.KindRole:
			src.name, src.kind = m.entry.Name, model.SourceOfficial
			if src.name == "" {
				src.name = src.text
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
	return src
}
