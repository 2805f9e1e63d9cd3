package model

// Statuses of an event in its life; aid moves from pledged to delivered.
const (
	StatusPledged    = "pledged"
	StatusDelivered  = "delivered"
	StatusAuthorized = "authorized"
	StatusPlanned    = "planned"
	StatusRequested  = "requested"
	StatusAlleged    = "alleged"
)

// Aid modes.
const (
	ModeMilitary     = "military"
	ModeFinancial    = "financial"
	ModeHumanitarian = "humanitarian"
)

// Modalities: how the article holds the event to be true. Only asserted and
// reported events count as facts; the others are kept so an analyst can see
// what was ruled out and why.
const (
	ModalityAsserted     = "asserted"
	ModalityReported     = "reported"
	ModalityPlanned      = "planned"
	ModalityHypothetical = "hypothetical"
	ModalityNegated      = "negated"
	ModalityDenied       = "denied"
)

// GenreOpinion is the genre of an opinion piece: a column, an editorial,
// a letter (see model.Event.Genre).
const GenreOpinion = "opinion"

// Source kinds: who an article attributes a fact to.
const (
	SourceOutlet       = "outlet"
	SourceOfficial     = "official"
	SourceOrganisation = "organisation"
	SourceUnnamed      = "unnamed"
)

// Date precisions of a resolved time range.
const (
	PrecisionDay   = "day"
	PrecisionWeek  = "week"
	PrecisionMonth = "month"
	PrecisionYear  = "year"
)

// Actor is an entity slot: a state (ISO 3166-1 alpha-3), an organisation
// code, or a person resolved to the state they speak for.
type Actor struct {
	Code string `json:"code,omitempty"`
	Name string `json:"name,omitempty"`
	Text string `json:"text,omitempty"`
	Span *Span  `json:"span,omitempty"`
}

// Range is a hedged number: "over 200" has only Min, "up to 50" only Max,
// "some 2,000" has both equal and Approx set. A nil bound is open.
type Range struct {
	Min    *float64 `json:"min,omitempty"`
	Max    *float64 `json:"max,omitempty"`
	Approx bool     `json:"approx,omitempty"`
	Text   string   `json:"text,omitempty"`
	Span   *Span    `json:"span,omitempty"`
}

// Item is one kind of thing given or massed, with how many.
type Item struct {
	Name     string `json:"name"`
	Category string `json:"category,omitempty"`
	Text     string `json:"text,omitempty"`
	Span     *Span  `json:"span,omitempty"`
	Qty      *Range `json:"qty,omitempty"`
}

// Money is an amount in its original currency (ISO 4217) and whole units.
type Money struct {
	Amount   float64 `json:"amount"`
	Currency string  `json:"currency"`
	Approx   bool    `json:"approx,omitempty"`
	Text     string  `json:"text,omitempty"`
	Span     *Span   `json:"span,omitempty"`
}

// Time is when an event happened, resolved against the article date into an
// inclusive range of calendar dates (DateLayout) with the precision the text gave.
type Time struct {
	Start     string `json:"start,omitempty"`
	End       string `json:"end,omitempty"`
	Precision string `json:"precision,omitempty"`
	Value     string `json:"value,omitempty"` // TIMEX3 value, e.g. 2022-W08
	Text      string `json:"text,omitempty"`
	Span      *Span  `json:"span,omitempty"`
}

// Place is a location an event is tied to.
type Place struct {
	Name    string   `json:"name"`
	Country string   `json:"country,omitempty"`
	Lat     *float64 `json:"lat,omitempty"`
	Lon     *float64 `json:"lon,omitempty"`
	Text    string   `json:"text,omitempty"`
	Span    *Span    `json:"span,omitempty"`
}

// Source is who the article attributes a fact to.
type Source struct {
	Name string `json:"name"`
	Kind string `json:"kind,omitempty"`
	Text string `json:"text,omitempty"`
	Span *Span  `json:"span,omitempty"`
}

// Evidence is the sentence an event was read from.
type Evidence struct {
	Sentence string `json:"sentence"`
	Start    int    `json:"start"`
	End      int    `json:"end"`
}

// Event is one frame read from one article: the export schema's unit.
type Event struct {
	ID       string    `json:"id,omitempty"`
	Doc      string    `json:"doc"`
	Article  string    `json:"article"`
	Date     string    `json:"date,omitempty"`   // the article's date
	Outlet   string    `json:"outlet,omitempty"` // the article's outlet
	Type     EventType `json:"type"`
	Status   string    `json:"status,omitempty"`
	Mode     string    `json:"mode,omitempty"`
	Actor    *Actor    `json:"actor,omitempty"`
	Targets  []Actor   `json:"targets,omitempty"`
	Items    []Item    `json:"items,omitempty"`
	Money    *Money    `json:"money,omitempty"`
	Count    *Range    `json:"count,omitempty"`
	Victims  string    `json:"victims,omitempty"`
	Outcome  string    `json:"outcome,omitempty"`
	Time     *Time     `json:"time,omitempty"`
	Places   []Place   `json:"places,omitempty"`
	Source   *Source   `json:"source,omitempty"`
	Modality string    `json:"modality"`
	// Genre is the kind of article the event was read from, where it is
	// not news: GenreOpinion for an opinion piece, whose account of an
	// event is an argument's premise, not a report of it.
	Genre string `json:"genre,omitempty"`
	// Additional marks aid the report presents as more than earlier aid
	// ("four more HIMARS", "an additional $800 million"): a package of its
	// own, never a later report of one announced weeks before.
	Additional bool `json:"additional,omitempty"`
	// Cumulative marks a running total ("bringing its aid to $3bn so
	// far"): a figure that sums earlier events, never a new package or
	// incident of its own.
	Cumulative bool     `json:"cumulative,omitempty"`
	Evidence   Evidence `json:"evidence"`
	Confidence float64  `json:"confidence"`
	// Extractor names the extractor version that produced the event, so
	// reextract can tell stale events from current ones.
	Extractor string `json:"extractor,omitempty"`
	// Explain lists, for --explain, which rule or lexicon entry filled each slot.
	Explain []string `json:"explain,omitempty"`
}

// IsFact reports whether the article holds the event to be true or
// planned, as opposed to hypothetical, negated or denied: only these are
// reported as facts, exported and scored.
func (e *Event) IsFact() bool {
	switch e.Modality {
	case ModalityHypothetical, ModalityNegated, ModalityDenied:
		return false
	}
	return true
}
