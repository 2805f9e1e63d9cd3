package model

// Record is one real-world event as told by every article that reports
// it: the merged slots, each report kept as a mention, the steps of its
// status, and the slots on which the reports disagree.
type Record struct {
	ID      string    `json:"id"`
	Type    EventType `json:"type"`
	Status  string    `json:"status,omitempty"` // the furthest step reached (aid: pledged, authorized, delivered)
	Mode    string    `json:"mode,omitempty"`
	Actor   *Actor    `json:"actor,omitempty"`
	Targets []Actor   `json:"targets,omitempty"`
	Items   []Item    `json:"items,omitempty"`
	Money   *Money    `json:"money,omitempty"`
	Count   *Range    `json:"count,omitempty"`
	Victims string    `json:"victims,omitempty"`
	Outcome string    `json:"outcome,omitempty"`
	// Time is the most precise time any report gives; Day is the date the
	// record is filed under on a timeline: Time's start, or the first
	// report's date when no report dates the event.
	Time   *Time   `json:"time,omitempty"`
	Day    string  `json:"day"`
	Places []Place `json:"places,omitempty"`
	// FirstReported and LastReported are the dates of the first and last
	// article reporting it.
	FirstReported string         `json:"first_reported"`
	LastReported  string         `json:"last_reported"`
	Mentions      []Mention      `json:"mentions"`
	History       []StatusStep   `json:"history,omitempty"`
	Disagreements []Disagreement `json:"disagreements,omitempty"`
	Confidence    float64        `json:"confidence"`
	// Reports counts the record's reports as the store keeps them, also
	// when a list was read without Mentions (store.RecordFilter's
	// NoMentions); not written, since Mentions say it.
	Reports int `json:"-"`
	// Indexed is what a store last indexed the record's parties and places
	// under (its own key of them and of the day), set as it reads or saves
	// the record; not written. A record saved again with the same key
	// needs no indexing again, which most reports added to a record are.
	Indexed string `json:"-"`
}

// RunningTotal reports whether every report of the record gives a running
// total (model.Event.Cumulative) rather than a package or incident of its
// own.
func (r *Record) RunningTotal() bool {
	for _, m := range r.Mentions {
		if m.Slots == nil || !m.Slots.Cumulative {
			return false
		}
	}
	return len(r.Mentions) > 0
}

// OpinionOnly reports whether every report of the record comes from an
// opinion piece (model.Event.Genre): a column's account of aid or of a
// toll is an argument's premise, never news of its own.
func (r *Record) OpinionOnly() bool {
	for _, m := range r.Mentions {
		if m.Slots == nil || m.Slots.Genre != GenreOpinion {
			return false
		}
	}
	return len(r.Mentions) > 0
}

// ReportCount counts a record's reports: one per article and sentence,
// however many events extraction read from that sentence ("had delivered
// most of the package Biden authorised last week" tells of two steps of
// one package, in one report). A record read without its mentions
// (Reports set, Mentions nil) gives the count the store keeps.
func (r *Record) ReportCount() int {
	if len(r.Mentions) == 0 {
		return r.Reports
	}
	type where struct {
		article string
		start   int
	}
	seen := make(map[where]bool, len(r.Mentions))
	for _, m := range r.Mentions {
		seen[where{m.Article, m.Evidence.Start}] = true
	}
	return len(seen)
}

// MentionOf makes an event a record's report of it: the event itself as
// the mention's slots, less its explanation, with the fields a record
// shows of each report beside it.
func MentionOf(ev *Event) Mention {
	slots := *ev
	slots.Explain = nil
	slots.Evidence = Evidence{}
	return Mention{
		Event: ev.ID, Article: ev.Article, Doc: ev.Doc, Date: ev.Date, Outlet: ev.Outlet,
		Status: ev.Status, Modality: ev.Modality, Source: ev.Source, Evidence: ev.Evidence, Slots: &slots,
	}
}

// Mention is one article's report of a record: the event read from it,
// with what the record needs to show and re-merge it.
type Mention struct {
	Event    string   `json:"event"`
	Article  string   `json:"article"`
	Doc      string   `json:"doc"`
	Date     string   `json:"date"`
	Outlet   string   `json:"outlet,omitempty"`
	Status   string   `json:"status,omitempty"`
	Modality string   `json:"modality"`
	Source   *Source  `json:"source,omitempty"`
	Evidence Evidence `json:"evidence"`
	// Slots is the event itself, less what the fields above repeat, so
	// that the record can be merged again when a mention leaves it.
	Slots *Event `json:"slots"`
}

// StatusStep is one step of a record's life: when a report first said it
// had reached a status, and who said so.
type StatusStep struct {
	Status string  `json:"status"`
	Date   string  `json:"date"` // the event's own date when given, else the report's
	Doc    string  `json:"doc"`
	Source *Source `json:"source,omitempty"`
}

// Disagreement is a slot on which reports of one record differ: each
// value with who claims it, side by side, never averaged.
type Disagreement struct {
	Slot   string  `json:"slot"`
	Claims []Claim `json:"claims"`
}

// Claim is one report's value of a disputed slot.
type Claim struct {
	Value  string `json:"value"`
	Doc    string `json:"doc"`
	Date   string `json:"date"`
	Source string `json:"source,omitempty"`
}

// Series is a figure tracked over time: how many people killed, wounded,
// displaced or massed, for one side, as each source claims it.
type Series struct {
	// Key is type/target/victims/outcome, e.g. "casualties/UKR/civilians/killed",
	// with "/total" after it for the series of running totals.
	Key     string    `json:"key"`
	Type    EventType `json:"type"`
	Target  string    `json:"target,omitempty"`
	Victims string    `json:"victims,omitempty"`
	Outcome string    `json:"outcome,omitempty"`
	// Cumulative is set for a series of running totals (claims that say
	// they sum: "so far", "since February 24", "the toll rose to"), which
	// are compared as such rather than summed; unset, the series counts
	// incidents.
	Cumulative bool    `json:"cumulative"`
	Points     []Point `json:"points"`
}

// Point is one claim of a series.
type Point struct {
	Date    string   `json:"date"` // the date the figure refers to
	Min     *float64 `json:"min,omitempty"`
	Max     *float64 `json:"max,omitempty"`
	Approx  bool     `json:"approx,omitempty"`
	Source  string   `json:"source"` // who claims it; "unattributed" when no one is named
	Doc     string   `json:"doc"`
	Article string   `json:"article"`
	Event   string   `json:"event"`
	Text    string   `json:"text,omitempty"`
	// Parties are the codes of the record's actor and targets, and
	// Running is set when the claim's sentence says it is a running
	// total: kept in memory, not written, so that the figures of one
	// party can be cut from those of all (see query.PartyFigures).
	Parties []string `json:"-"`
	Running bool     `json:"-"`
}
