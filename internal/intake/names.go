package intake

import (
	"hash/maphash"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/sitrep-project/sitrep/internal/model"
)

// names gives the records and feed items of one run that have no id of
// their own their names (model.Article.Doc), and keeps those names unique
// within the run. Names are for people: the store tells articles apart by
// the hash of their text, and two records with one text are one article
// whatever they are called. But a name given twice in a run would make
// "sitrep show NAME" find one of two articles, so the second of a name
// gets "-2", the third "-3", in the order the run reads them (files in
// the sorted order Plan gives, records in file order): the same inputs
// read again give the same names, and the store finds them unchanged.
//
// A name is either
//   - with Options.NameByTitle, the article's date and a slug of its
//     title: "2022-03-18-russian-strikes-hit-kharkiv"; or
//   - the file's name without extension and the record's place in it:
//     "desk:12" for the record on line 12 (CSV, TSV, JSON Lines),
//     "wires#7" for the 7th element of a JSON array or item of a feed.
//     Two files of one name in different folders get "desk" and "desk-2".
//
// The two kinds cannot meet: a slug holds no ':' or '#'. A record's own id
// is kept as it is and not checked against the names given: it is the
// dump's name for the article, and the dump's to keep unique.
//
// Only hashes of the titled names are kept, eight bytes each, so that a
// run of millions of records without ids holds tens of megabytes, not the
// names themselves.
type names struct {
	mu    sync.Mutex
	seed  maphash.Seed
	given map[uint64]struct{} // hashes of the titled names given
	stems map[string]string   // a file's part of positional names → its path
}

func newNames() *names {
	return &names{seed: maphash.MakeSeed(), given: map[uint64]struct{}{}, stems: map[string]string{}}
}

// recordName names an article without an id; place is ":N" or "#N". It
// says which kind of name it gave: a titled name is revisable, a name by
// place is not (see model.DocKind). A titled name is unique in its run
// only ("-2" for the second of one title): two items of one day and
// title in one run are two stories, while the same title and day in a
// later run is, for the store, the same story again.
func (p *parser) recordName(a *model.Article, place string) (string, model.DocKind) {
	if p.opts.NameByTitle {
		if s := slug(a.Title); s != "" {
			base := s
			if !a.Date.IsZero() {
				base = a.DateString() + "-" + s
			}
			return p.names.unique(base), model.DocTitle
		}
	}
	if p.stem == "" {
		p.stem = p.names.stemOf(p.path)
	}
	return p.stem + place, model.DocPlace
}

// unique returns base, or base-2, base-3… when base was given already.
func (n *names) unique(base string) string {
	if n == nil {
		return base
	}
	n.mu.Lock()
	defer n.mu.Unlock()
	name := base
	for i := 2; ; i++ {
		h := maphash.String(n.seed, name)
		if _, taken := n.given[h]; !taken {
			n.given[h] = struct{}{}
			return name
		}
		name = base + "-" + strconv.Itoa(i)
	}
}

// stemOf is the file's name without extension, or name-2, name-3… when
// another file of the run has that name.
func (n *names) stemOf(path string) string {
	base := docName(path)
	if n == nil {
		return base
	}
	n.mu.Lock()
	defer n.mu.Unlock()
	stem := base
	for i := 2; ; i++ {
		owner, taken := n.stems[stem]
		if !taken {
			n.stems[stem] = path
			return stem
		}
		if owner == path {
			return stem
		}
		stem = base + "-" + strconv.Itoa(i)
	}
}

// maxSlugBytes bounds the title part of a name: enough for the gist of a
// headline ("germany-to-send-ukraine-1000-anti-tank-weapons-and-500"),
// short enough to type and to read in a table.
const maxSlugBytes = 60

// slug makes a name of a title: its words lower-cased and joined by
// hyphens, letters (of any script) and digits only, cut after the last
// whole word that fits in maxSlugBytes. Apostrophes join ("Kyiv's" gives
// "kyivs") and so does a comma between digits ("1,000" gives "1000"), so
// that possessives and figures stay one word. It is "" for a title with
// no letter or digit.
func slug(title string) string {
	var words []string
	var w strings.Builder
	flush := func() {
		if w.Len() > 0 {
			words = append(words, w.String())
			w.Reset()
		}
	}
	prev := rune(0)
	for i, r := range title {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r) || (unicode.IsMark(r) && w.Len() > 0):
			w.WriteString(strings.ToLower(string(r)))
		case r == '\'' || r == '’':
		case r == ',' && unicode.IsDigit(prev) && i+1 < len(title) && title[i+1] >= '0' && title[i+1] <= '9':
		default:
			flush()
		}
		prev = r
	}
	flush()
	var sb strings.Builder
	for _, word := range words {
		need := len(word)
		if sb.Len() > 0 {
			need++
		}
		if sb.Len()+need > maxSlugBytes {
			if sb.Len() == 0 {
				// One word longer than the limit (a script written
				// without spaces): cut it at a character's start.
				cut := maxSlugBytes
				for cut > 0 && !utf8.RuneStart(word[cut]) {
					cut--
				}
				sb.WriteString(word[:cut])
			}
			break
		}
		if sb.Len() > 0 {
			sb.WriteByte('-')
		}
		sb.WriteString(word)
	}
	return sb.String()
}
