package resolve

import (
	"fmt"
	"math"
	"strings"

	"github.com/sitrep-project/sitrep/internal/model"
	"github.com/sitrep-project/sitrep/internal/quantity"
)

// weakAidWindow bounds aid reports that share only parties and money, not
// a named item: a package is re-reported within weeks, while a delivery of
// named items may follow its pledge by a month or more.
const weakAidWindow = 21

// defaultWindow is the merge window of a type the registry does not
// declare, which only a store written by another version can hold.
const defaultWindow = 3

// window bounds how many days apart two reports of one event of typ may
// be filed: the registry's Window (model.TypeInfo), which says why each
// type's differs.
func window(typ model.EventType) int {
	if w := typ.Info().Window; w > 0 {
		return w
	}
	return defaultWindow
}

// Match reports whether ev reports the same real event as rec, and how
// well it fits (higher is better). Parties must agree; items, figures,
// money and times must not contradict; and for each type the slots that
// tell two events apart must agree (the amount of an aid package, the
// figure and who claims it for a toll, the place of a strike).
func Match(rec *model.Record, ev *model.Event) (float64, bool) {
	if !mayMatch(rec, ev) {
		return 0, false
	}
	score, why := match(rec, ev)
	return score, why == ""
}

// Why says why ev does not join rec ("" when it does), for analysts who
// ask why two reports were kept apart.
func Why(rec *model.Record, ev *model.Event) string {
	_, why := match(rec, ev)
	return why
}

// mayMatch is false where match would refuse the pairing for a reason it
// can tell from the slots alone, without reading the record's reports:
// another type or actor, too many days apart, no figure, item or place in
// common. A window of days holds thousands of records of a type, most of
// them of other events, so merging asks it of every candidate first
// (mayMatchSig, on signatures the pool keeps). Each test here is one that
// match makes later; this only asks them sooner.
func mayMatch(rec *model.Record, ev *model.Event) bool {
	if rec.Type != ev.Type {
		return false
	}
	if ra, ea := actorCode(rec.Actor), actorCode(ev.Actor); ra != "" && ea != "" && ra != ea {
		return false
	}
	rs := signatureOf(rec.Type, rec.Money != nil, rec.Items, rec.Places, rec.Count, rec.Day)
	es := signatureOf(ev.Type, ev.Money != nil, ev.Items, ev.Places, ev.Count, eventDay(ev))
	return mayMatchSig(rec.Type, &rs, &es)
}

// signature is what mayMatchSig compares of a record or an event of a
// type: its day, whether it has a sum, its figure, and a 64-bit set of
// what it names (the items of aid, the places of an attack), each name
// one bit, so that two sets with no bit in common name nothing in common.
type signature struct {
	day    int
	dayOK  bool
	money  bool
	names  bool // it names an item or place at all
	mask   uint64
	fig    float64
	figure bool
}

func signatureOf(typ model.EventType, money bool, items []model.Item, places []model.Place, count *model.Range, day string) signature {
	s := signature{money: money}
	s.day, s.dayOK = dayNum(day)
	switch typ {
	case model.TypeAid:
		// The items aidMatch compares: the specific ones, which share a
		// name, or a category (a kind and a system of it: sameItem).
		for _, it := range items {
			if genericItems[strings.ToLower(it.Name)] {
				continue
			}
			s.names = true
			s.mask |= nameBit(it.Name, 0)
			if it.Category != "" {
				s.mask |= nameBit(it.Category, 1)
			}
		}
	case model.TypeAttack, model.TypeCyberattack:
		for _, p := range places {
			s.names = true
			s.mask |= nameBit(p.Name, 0)
		}
	case model.TypeCasualties, model.TypeDisplacement, model.TypeMobilize:
		if count != nil {
			s.fig, s.figure = point(count)
		}
	}
	return s
}

// nameBit is the bit of a name, of one kind (seed), in a signature's
// set, the same for names equal but for the case of ASCII letters. A name
// with other letters, whose case folding is Unicode's, sets every bit:
// it is never ruled out.
func nameBit(name string, seed uint64) uint64 {
	h := uint64(14695981039346656037) ^ seed
	for i := 0; i < len(name); i++ {
		c := name[i]
		if c >= 0x80 {
			return ^uint64(0)
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		h = (h ^ uint64(c)) * 1099511628211
	}
	return 1 << (h % 64)
}

// mayMatchSig is mayMatch on the signatures of a record and an event of
// one type, with actors that agree.
func mayMatchSig(typ model.EventType, r, e *signature) bool {
	d := 1 << 20
	if r.dayOK && e.dayOK {
		d = r.day - e.day
		if d < 0 {
			d = -d
		}
	}
	bothSums := r.money && e.money
	if d > window(typ) && !(typ == model.TypeAid && bothSums) {
		return false
	}
	switch typ {
	case model.TypeAid:
		// Past a week, only the same sum, count or named system ties two
		// reports of aid (aidMatch); each needs a sum on both sides or an
		// item in common.
		return d <= packageDays || bothSums || r.mask&e.mask != 0
	case model.TypeCasualties, model.TypeDisplacement, model.TypeMobilize:
		return r.figure && e.figure && near(r.fig, e.fig, 0.005)
	case model.TypeAttack, model.TypeCyberattack:
		return !r.names || !e.names || r.mask&e.mask != 0
	}
	return true
}

func match(rec *model.Record, ev *model.Event) (float64, string) {
	if rec.Type != ev.Type {
		return 0, "different types"
	}
	// A running total sums packages; it is never one of them.
	if rec.RunningTotal() != ev.Cumulative {
		return 0, "a running total and a package of its own"
	}
	// Extraction already merged the repeats inside one article; two events
	// it kept apart there are two events, unless they are two steps of one
	// life ("announced last week ... delivered on Tuesday").
	for _, m := range rec.Mentions {
		if m.Article == ev.Article && (m.Status == ev.Status || rec.Type != model.TypeAid) {
			return 0, "the record already holds an event of this article"
		}
	}
	score := 1.0
	ra, ea := actorCode(rec.Actor), actorCode(ev.Actor)
	switch {
	case ra != "" && ea != "" && ra != ea:
		return 0, "different actors"
	case ra == "" || ea == "":
		score -= 0.3
	}
	if !targetsAgree(rec.Targets, ev.Targets) {
		return 0, "different targets"
	}
	d := daysBetween(rec.Day, eventDay(ev))
	w := window(rec.Type)
	if d > w && namesSameSum(rec, ev) {
		// A sum that names its package ("$40 billion") told within the
		// window is that package, whatever day a misread time ("on the
		// same day Biden signed") puts one report on.
		d = min(d, daysBetween(rec.FirstReported, ev.Date), daysBetween(rec.LastReported, ev.Date))
	}
	if d > w {
		return 0, fmt.Sprintf("%d days apart, more than the %d of a %s", d, w, rec.Type)
	}
	if firstIn(rec, ev) {
		// Deliveries follow their announcements by weeks, the oldest
		// first: of two packages of the same systems, a delivery is of
		// the one announced earlier.
		score += 0.1 * float64(d) / float64(w+1)
	} else {
		score -= 0.5 * float64(d) / float64(w+1)
	}
	// Two days given to the day tell two events apart, except for aid (a
	// pledge and its delivery) and a troop build-up (a state that lasts).
	if rec.Time != nil && ev.Time != nil && rec.Time.Precision == model.PrecisionDay && ev.Time.Precision == model.PrecisionDay &&
		(rec.Time.End < ev.Time.Start || ev.Time.End < rec.Time.Start) && rec.Type != model.TypeAid && rec.Type != model.TypeMobilize {
		return 0, "different days"
	}
	strong := false
	switch rec.Type {
	case model.TypeAid:
		sc, why := aidMatch(rec, ev, d)
		if why != "" {
			return 0, why
		}
		strong = true
		score += sc
	case model.TypeCasualties, model.TypeDisplacement, model.TypeMobilize:
		if rec.Victims != ev.Victims && rec.Victims != "" && ev.Victims != "" || rec.Outcome != ev.Outcome {
			return 0, "different victims or outcome"
		}
		// A toll is one claim: the same figure from the same source. An
		// updated figure is a new point of its series, not this record.
		if rec.Count == nil || ev.Count == nil || !sameFigure(rec.Count, ev.Count) {
			return 0, "different figures"
		}
		strong = true
	case model.TypeAttack, model.TypeCyberattack:
		if len(rec.Places) > 0 && len(ev.Places) > 0 {
			if !placesMeet(rec.Places, ev.Places) {
				return 0, "different places"
			}
			strong = true
			score += 0.2
		}
	default:
		if len(rec.Targets) > 0 && len(ev.Targets) > 0 {
			strong = true
		}
	}
	// The same day, given to the day, makes a pairing surer.
	if rec.Time != nil && ev.Time != nil && rec.Time.Precision == model.PrecisionDay && rec.Time.Start == ev.Time.Start {
		score += 0.2
	}
	if (ra == "" || ea == "") && !strong {
		return 0, "an actor is missing and nothing specific is shared"
	}
	return score, ""
}

// firstIn reports a delivery of aid matched against a package announced
// before it and not yet reported delivered.
func firstIn(rec *model.Record, ev *model.Event) bool {
	return rec.Type == model.TypeAid && ev.Status == model.StatusDelivered && rec.Status != model.StatusDelivered &&
		rec.Day <= eventDay(ev)
}

// packageDays bounds how far apart two announcements of aid may be and
// still be one package when nothing but the kind of aid ties them: a
// package is re-reported in the days after it is announced, while the
// same donor announces its next package of the same kinds of weapons a
// few weeks later ("four more HIMARS").
const packageDays = 7

// aidMatch decides whether an aid report joins an aid record, and how
// well it fits. A package is known by its sum or by what it holds; when
// neither ties them, by being told within days of each other.
func aidMatch(rec *model.Record, ev *model.Event, d int) (float64, string) {
	// An opinion piece tells what it argues from, not news: it is kept
	// apart from the reports, and they from it.
	if ev.Genre == model.GenreOpinion || hasGenre(rec, model.GenreOpinion) {
		return 0, "an opinion piece is not a report"
	}
	// Two announcements of the same status on different days are two
	// packages, even of the same size, unless the sum names the package.
	if rec.Time != nil && ev.Time != nil && rec.Time.Precision == model.PrecisionDay && ev.Time.Precision == model.PrecisionDay &&
		rec.Status == ev.Status && daysBetween(rec.Time.Start, ev.Time.Start) > 1 && !namesSameSum(rec, ev) {
		return 0, "the same step on different days"
	}
	score := 0.0
	sameSum := false
	if rec.Money != nil && ev.Money != nil {
		if !sameMoney(rec.Money, ev.Money, eventDay(ev)) {
			return 0, "different amounts of money"
		}
		// The same sum is the surest sign of the same package.
		sameSum = true
		score += 0.3
	}
	// A round sum ("$100 million") is given for many packages, and a
	// humanitarian and a financial one of the same size are two; a
	// precise one ("$13.6 billion") names its package even where one
	// report calls it military and another military and humanitarian.
	if rec.Mode != "" && ev.Mode != "" && rec.Mode != ev.Mode && !(sameSum && distinctive(ev.Money, eventDay(ev))) {
		return 0, "different modes of aid"
	}
	sameCount := false // an item of the same quantity in both
	named := false     // a named system in both, such as "HIMARS"
	ri, ei := specific(rec.Items), specific(ev.Items)
	switch {
	case len(ri) > 0 && len(ei) > 0:
		shared := 0.0
		for _, a := range ri {
			for _, b := range ei {
				if !sameItem(a, b) {
					continue
				}
				if a.Qty != nil && b.Qty != nil {
					if !rangesMeet(a.Qty, b.Qty) {
						return 0, "different quantities of " + a.Name
					}
					sameCount = true
				}
				// The same name counts more than a kind and a system.
				if strings.EqualFold(a.Name, b.Name) {
					shared += 1
					named = named || !isKind(a.Name)
				} else {
					shared += 0.3
				}
			}
		}
		if shared == 0 {
			return 0, "no item in common"
		}
		score += 0.1 * shared
	case (len(ri) > 0) != (len(ei) > 0):
		// A package's value and the items it includes stay apart, as
		// in one article; and a report that names neither ("weapons
		// provided by the US") is no report of a package that does.
		if (rec.Money != nil) != (ev.Money != nil) {
			return 0, "a package's value and its items are kept apart"
		}
		if !sameSum {
			return 0, "a report with nothing specific and a package with named items"
		}
	}
	if !sameSum && (rec.Money == nil) != (ev.Money == nil) && len(ri) == 0 && len(ei) == 0 {
		return 0, "nothing specific in common"
	}
	sure := sameSum || sameCount
	// A report that aid is only planned ("is expected to approve",
	// "plans to send") is one step of a package only where its sum or
	// count says which.
	if !sure && (ev.Modality == model.ModalityPlanned || allPlanned(rec)) {
		return 0, "a plan and a package with no sum or count in common"
	}
	if d <= packageDays {
		return score, ""
	}
	switch {
	case ev.Additional:
		// "Four more HIMARS", "an additional $800 million": news of a
		// package of its own, however like the earlier one it is.
		return 0, fmt.Sprintf("more aid, told %d days after this package", d)
	case sameSum && !sameCount && len(ri) == 0 && d > weakAidWindow && ev.Status != model.StatusDelivered && !distinctive(ev.Money, eventDay(ev)):
		// A round sum ("$100 million") weeks later is likelier a new
		// package than the old one told again; a delivery of "the $700
		// million package" refers back to it, and a precise sum ("the
		// $13.6 billion package") names it.
		return 0, fmt.Sprintf("%d days apart with no named item in common", d)
	case sure || named:
		// The same sum or count, or a named system ("the Starstreak
		// missiles it pledged earlier this month", "the Stingers that
		// arrived on Sunday"): a later report of the same package.
		return score, ""
	case len(ri) == 0 || len(ei) == 0:
		// Only "weapons" or "aid" in common, or a sum on one side alone.
		return 0, fmt.Sprintf("%d days apart with nothing specific in common", d)
	}
	return 0, fmt.Sprintf("%d days apart with only kinds of aid in common (%s): another package", d, ri[0].Name)
}

// hasGenre reports whether any report of a record comes from an article
// of a genre.
func hasGenre(rec *model.Record, genre string) bool {
	for _, m := range rec.Mentions {
		if m.Slots != nil && m.Slots.Genre == genre {
			return true
		}
	}
	return false
}

// allPlanned reports whether every report of a record holds its aid only
// planned.
func allPlanned(rec *model.Record) bool {
	for _, m := range rec.Mentions {
		if m.Modality != model.ModalityPlanned {
			return false
		}
	}
	return len(rec.Mentions) > 0
}

// crossCurrency is how near two sums in different currencies must come,
// once converted, to be the same sum: outlets convert at the rate of
// their day, and round ("€9bn, about $9.5bn").
const crossCurrency = 0.06

// sameMoney reports whether two sums are the same: the same currency and
// within 2%, or two currencies whose amounts meet at the month's rate.
func sameMoney(a, b *model.Money, day string) bool {
	if a.Currency == b.Currency {
		return near(a.Amount, b.Amount, 0.02)
	}
	x, _, okx := quantity.Convert(a.Amount, a.Currency, day)
	y, _, oky := quantity.Convert(b.Amount, b.Currency, day)
	return okx && oky && near(x, y, crossCurrency)
}

// namesSameSum reports two aid reports of one sum that names its package
// (distinctive).
func namesSameSum(rec *model.Record, ev *model.Event) bool {
	return rec.Type == model.TypeAid && rec.Money != nil && ev.Money != nil &&
		sameMoney(rec.Money, ev.Money, ev.Date) && distinctive(ev.Money, ev.Date)
}

// hugeSum is the sum, in euros, above which a package is one of few
// whatever its figure: one donor rarely gives two of that size in weeks.
const hugeSum = 5e9

// distinctive reports whether a sum names its package: a figure of at
// least two significant digits ("$13.6 billion", "$350 million") or a
// huge one ("$40 billion"), as opposed to a round one ("$100 million",
// "$1 billion") that many packages share.
func distinctive(m *model.Money, day string) bool {
	amount := m.Amount
	if amount <= 0 || math.IsInf(amount, 0) || math.IsNaN(amount) {
		return false
	}
	if eur, _, ok := quantity.Convert(amount, m.Currency, day); ok && eur >= hugeSum {
		return true
	}
	lead := amount / math.Pow(10, math.Floor(math.Log10(amount)))
	return math.Abs(lead-math.Round(lead)) > 1e-6
}

func sourceName(s *model.Source) string {
	if s == nil {
		return ""
	}
	return s.Name
}

func targetsAgree(a, b []model.Actor) bool {
	if len(a) == 0 || len(b) == 0 {
		return true
	}
	for _, x := range a {
		for _, y := range b {
			if x.Code == y.Code {
				return true
			}
		}
	}
	return false
}

func placesMeet(a, b []model.Place) bool {
	for _, x := range a {
		for _, y := range b {
			if x.Name == y.Name {
				return true
			}
		}
	}
	return false
}

func near(a, b, tol float64) bool {
	if a == b {
		return true
	}
	return math.Abs(a-b) <= tol*math.Max(math.Abs(a), math.Abs(b))
}

func lo(r *model.Range) float64 {
	if r.Min == nil {
		return math.Inf(-1)
	}
	return *r.Min
}

func hi(r *model.Range) float64 {
	if r.Max == nil {
		return math.Inf(1)
	}
	return *r.Max
}

// point is the figure a range states: its lower bound, or its upper one
// when only that is known ("over 4,000" states 4,000).
func point(r *model.Range) (float64, bool) {
	switch {
	case r.Min != nil:
		return *r.Min, true
	case r.Max != nil:
		return *r.Max, true
	}
	return 0, false
}

// rangesMeet reports whether two quantities of an item can be the same:
// their figures within 5% of each other. Reports of one delivery round or
// misstate its size a little (500 and 520 Stingers), which the record
// keeps as a disagreement; a running total that grows (3,615 then over
// 4,000 launchers) is a new figure.
func rangesMeet(a, b *model.Range) bool {
	x, okx := point(a)
	y, oky := point(b)
	if !okx || !oky {
		return true
	}
	return near(x, y, 0.05)
}

func exact(r *model.Range) (float64, bool) {
	if r.Min != nil && r.Max != nil && *r.Min == *r.Max {
		return *r.Min, true
	}
	return 0, false
}

// sameFigure reports two counts that state the same figure: a toll or a
// refugee count updated by a few is a new claim, not the same one.
func sameFigure(a, b *model.Range) bool {
	x, okx := point(a)
	y, oky := point(b)
	return okx && oky && near(x, y, 0.005)
}

// sameItem reports two items that may name the same thing: the same name,
// or a kind ("anti-tank weapon", lower case in the catalogue) and a named
// system of that kind ("NLAW"), as reports of one delivery word it.
func sameItem(a, b model.Item) bool {
	if strings.EqualFold(a.Name, b.Name) {
		return true
	}
	if a.Category == "" || a.Category != b.Category {
		return false
	}
	return isKind(a.Name) != isKind(b.Name)
}

// isKind reports a catalogue name for a kind of thing rather than a named
// system: the catalogue writes kinds in lower case.
func isKind(name string) bool {
	return name != "" && name[0] >= 'a' && name[0] <= 'z'
}

// genericItems are item names too vague to tell packages apart.
var genericItems = map[string]bool{"weapons": true, "weapon": true, "arms": true, "military equipment": true,
	"equipment": true, "weaponry": true, "military aid": true, "aid": true, "supplies": true, "materiel": true}

func specific(items []model.Item) []model.Item {
	var out []model.Item
	for _, it := range items {
		if !genericItems[strings.ToLower(it.Name)] {
			out = append(out, it)
		}
	}
	return out
}
