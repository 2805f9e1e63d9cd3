// Package store defines where sitrep keeps articles and what it extracted
// from them, as a small interface with one implementation per database in
// its own package (store/sqlite by default). Nothing above the store knows
// which database it talks to: a driver registers itself by URL scheme, the
// way database/sql drivers do, and Open picks it from the location given.
package store

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/sitrep-project/sitrep/internal/model"
)

// ErrNotFound is returned when an article or event asked for by key does
// not exist.
var ErrNotFound = errors.New("not found")

// Outcome says what storing one article did.
type Outcome int

// Outcomes of PutArticles, one per article.
const (
	// Stored: a new article.
	Stored Outcome = iota
	// Unchanged: the same text under the same name was already stored;
	// ingesting a corpus twice gives only these.
	Unchanged
	// Duplicate: the same text was already stored under another name; the
	// new name is recorded against the stored article, the text is not
	// stored twice.
	Duplicate
	// Revised: a new text under the name of a stored article, a name that
	// stays with its article (model.DocKind.Revisable), from the same
	// outlet (or one of the two names none): a revision of it. The new
	// text is stored and is the article's current revision; the earlier
	// one is kept, superseded, and its events leave the records that held
	// them, which are marked for rebuilding (RecordStore.Dirty).
	Revised
)

// String names the outcome as the ingest summary does.
func (o Outcome) String() string {
	switch o {
	case Stored:
		return "stored"
	case Unchanged:
		return "unchanged"
	case Duplicate:
		return "duplicate"
	case Revised:
		return "revised"
	}
	return fmt.Sprintf("Outcome(%d)", int(o))
}

// Doc is an article with the events extracted from it, stored together so
// that an article is never kept without the events its extractor gave.
type Doc struct {
	Article *model.Article
	// Events are the article's events; Extractor names the extractor
	// version that produced them, "" when the article was not extracted.
	Events    []model.Event
	Extractor string
}

// Store is everything sitrep keeps, as three small interfaces (articles,
// their events, the records merged from them) that a database driver
// implements together. Implementations must make each writing call one
// transaction, so that a crash loses at most the batch in flight.
type Store interface {
	ArticleStore
	EventStore
	RecordStore
	WriterLock
	// Close releases the database.
	Close() error
}

// WriterLock is the store-wide lock that every writing run (an ingest, a
// re-extraction, a merge, one ingest request to the server) holds from its
// start to its end. Records are merged across articles: two writers that
// interleave their batches would each merge against records the other is
// rewriting, so writers take turns, whole run by whole run. Readers never
// take it: they see committed batches only.
type WriterLock interface {
	// LockWriter takes the writer lock for who (a short description of the
	// run, such as "sitrep ingest"). When another writer holds it, waiting
	// is called once with that writer's description and LockWriter waits
	// up to wait for it (0: not at all), then fails with a *LockedError.
	// The returned function releases the lock; calling it twice is safe.
	LockWriter(ctx context.Context, who string, wait time.Duration, waiting func(holder string)) (release func(), err error)
}

// LockedError says that another writer held the store's writer lock for
// longer than the caller would wait.
type LockedError struct {
	// Store names the store; Holder describes the writer that holds it.
	Store, Holder string
	// Waited is how long the caller waited.
	Waited time.Duration
	// Err is why the caller stopped waiting before its time was up: its
	// context's error, or nil.
	Err error
}

// Unwrap returns why waiting stopped early, for errors.Is(err,
// context.DeadlineExceeded).
func (e *LockedError) Unwrap() error { return e.Err }

func (e *LockedError) Error() string {
	msg := "another writer is writing to " + e.Store
	if e.Holder != "" {
		msg += " (" + e.Holder + ")"
	}
	if w := e.Waited.Round(time.Second); w > 0 {
		msg = fmt.Sprintf("%s; gave up after waiting %s", msg, w)
	}
	if e.Err != nil {
		msg += ": " + e.Err.Error()
	}
	return msg
}

// ArticleStore keeps articles and answers searches over them.
type ArticleStore interface {
	// Put stores a batch of articles with their events atomically and says,
	// per article, what became of it. Events of an article already stored
	// are left alone: re-extraction is PutEvents' job.
	Put(ctx context.Context, batch []Doc) ([]Outcome, error)
	// Article returns one article by its id, or by doc name when no id
	// matches (the current revision of that name, else the most recently
	// stored one). An earlier revision, asked for by its id, comes with
	// SupersededBy set.
	Article(ctx context.Context, key string) (*model.Article, error)
	// Revisions lists the revisions of the article with the given id,
	// current and earlier, oldest first; one revision for an article never
	// revised.
	Revisions(ctx context.Context, id string) ([]Revision, error)
	// Search ranks articles by relevance to a query.
	Search(ctx context.Context, q SearchQuery) (*SearchResult, error)
	// Stats counts what the store holds.
	Stats(ctx context.Context) (*Stats, error)
}

// Revision is one stored text of an article that was revised: the text
// itself is read with ArticleStore.Article by ID.
type Revision struct {
	ID    string `json:"id"`
	Doc   string `json:"doc"`
	Date  string `json:"date"`
	Title string `json:"title,omitempty"`
	// Bytes is the length of the text.
	Bytes int `json:"bytes"`
	// Ingested is when the store took the text in (RFC 3339, UTC).
	Ingested string `json:"ingested"`
	// Current is true for the revision that counts: the newest.
	Current bool `json:"current"`
}

// EventStore keeps the events read from each article.
type EventStore interface {
	// PutEvents replaces the events of each given article (by article id)
	// with new ones from extractor, all in one transaction, so readers see
	// either the old events or the new, never a mix or none. An earlier
	// revision gets none: its events no longer count.
	PutEvents(ctx context.Context, extractor string, events map[string][]model.Event) error
	// Events returns stored events matching a filter, ordered by article
	// date, then article, then position in the article.
	Events(ctx context.Context, f EventFilter) ([]model.Event, error)
	// Stale lists up to limit articles, after the id "after", whose events
	// were not produced by extractor; reextract walks the store with it.
	// Earlier revisions are never stale: their events no longer count.
	Stale(ctx context.Context, extractor, after string, limit int) ([]*model.Article, error)
}

// RecordStore keeps records: events merged across articles. The methods
// resolution needs come first (see package resolve), then the readers.
type RecordStore interface {
	// Unresolved returns up to limit fact events that no record holds,
	// ordered by article date, article and position.
	Unresolved(ctx context.Context, limit int) ([]model.Event, error)
	// Candidates returns the records of a type and actor ("": those
	// without one) whose day lies in [from, to], as summaries
	// (model.DecodeSummary): the merged slots, and mentions with only
	// what matching asks of them, a fraction of the reading.
	Candidates(ctx context.Context, typ model.EventType, actor, from, to string) ([]*model.Record, error)
	// MergeVersion returns a number that changes whenever any process
	// saves records.
	MergeVersion(ctx context.Context) (int64, error)
	// Dirty returns up to limit records some of whose events were removed,
	// with those mentions dropped.
	Dirty(ctx context.Context, limit int) ([]*model.Record, error)
	// SaveRecords writes records, links the newly resolved events named in
	// linked to the records that hold them, and deletes the records named,
	// in one transaction.
	SaveRecords(ctx context.Context, recs []*model.Record, linked, deleted []string) error
	// Records returns the records a filter selects, ordered by day.
	Records(ctx context.Context, f RecordFilter) ([]*model.Record, error)
	// CountRecords counts the records a filter selects, its Limit and
	// Offset aside: the total of a page of them.
	CountRecords(ctx context.Context, f RecordFilter) (int, error)
	// DayCounts counts the records a filter selects by day and type, its
	// Limit and Offset aside, in day order: a timeline of every record of
	// the filter, drawn without reading them.
	DayCounts(ctx context.Context, f RecordFilter) ([]DayCount, error)
	// Record returns one record by id, or the record holding an event id.
	Record(ctx context.Context, id string) (*model.Record, error)
	// PartyCounts counts the records an actor code takes part in, by type
	// and role, from the store's index of parties: what an actor's page
	// shows of a state in most of the news without reading its records.
	PartyCounts(ctx context.Context, code string) (*PartyCounts, error)
}

// DayCount is how many records of a type happened on a day.
type DayCount struct {
	Day   string          `json:"day"`
	Type  model.EventType `json:"type"`
	Count int             `json:"count"`
}

// PartyCounts are the records one actor code takes part in.
type PartyCounts struct {
	// Records counts the records it acts in or is targeted in.
	Records int
	// AsActor and AsTarget count them by type and role; a record where
	// it is both counts in both.
	AsActor, AsTarget map[model.EventType]int
}

// RecordFilter selects records; empty fields select everything.
type RecordFilter struct {
	Types    []model.EventType // any of these types
	Actor    string            // actor code
	Target   string            // target code
	Party    string            // actor or target code
	Place    string            // a place name the record is tied to
	From, To string            // the record's day, inclusive
	// ReportedOn selects records with a mention in an article of that day.
	ReportedOn string
	// NoMentions leaves the records' Mentions unread (Reports still counts
	// them), for lists that show a line per record: the reports are most
	// of what reading a record costs.
	NoMentions bool
	Limit      int
	Offset     int
}

// EventFilter selects stored events; empty fields select everything.
type EventFilter struct {
	Type   model.EventType // event type
	Actor  string          // actor code
	Target string          // target code
	Doc    string          // article doc name or id
	From   string          // article date on or after (DateLayout)
	To     string          // article date on or before
	Facts  bool            // only facts: events held true or planned (model.Event.IsFact)
	Limit  int
	Offset int
}

// SearchQuery is a full-text query with filters. Text uses a small, forgiving
// syntax (see ParseQuery); dates are inclusive DateLayout strings.
type SearchQuery struct {
	Text   string
	From   string
	To     string
	Outlet string
	Limit  int
	Offset int
	// Variants lists other ways of writing a term of Text, by the term's
	// words in lower case joined by a space ("zelensky": "zelenskiy",
	// "zelenskyy"): the term matches any of them (see ExpandTerms).
	Variants map[string][]string
}

// Snippet markers: search snippets wrap each matched term in these control
// characters, which never occur in stored text, so that each front end can
// render the match its own way (bold on a terminal, <mark> in HTML after
// escaping the text around it).
const (
	MarkStart = "\x02"
	MarkEnd   = "\x03"
)

// Hit is one search result.
type Hit struct {
	ID      string  `json:"id"`
	Doc     string  `json:"doc"`
	Date    string  `json:"date"`
	Title   string  `json:"title"`
	Outlet  string  `json:"outlet"`
	URL     string  `json:"url,omitempty"`
	Snippet string  `json:"snippet"`
	Score   float64 `json:"score"`
}

// SearchResult is a page of hits and how many articles match in all.
type SearchResult struct {
	Total int   `json:"total"`
	Hits  []Hit `json:"hits"`
	// Ranked is how many of the matches were ranked by relevance when not
	// all were: a query that matches many articles is ranked among the
	// RankWindow most recently stored, so that its cost does not grow
	// with the store. 0 when every match was ranked.
	Ranked int `json:"ranked,omitempty"`
	// ByMonth counts all matching articles per month (YYYY-MM).
	ByMonth []Count `json:"by_month"`
}

// RankWindow is how many matches of a search are ranked by relevance at
// most, the most recently stored: scoring every match of a common word in
// a large store costs more than the rest of the search together (45,000
// matches of "humanitarian aid" in 100,000 articles), and the newest
// thousands hold the page a reader looks at. A page beyond the window is
// ranked among all matches.
const RankWindow = 2000

// Count is a label with a number.
type Count struct {
	Key   string `json:"key"`
	Count int    `json:"count"`
}

// Stats counts a store's contents.
type Stats struct {
	// Articles counts current articles; Revisions the earlier revisions
	// kept beside them, which no other count includes.
	Articles   int     `json:"articles"`
	Revisions  int     `json:"revisions"`
	Duplicates int     `json:"duplicates"`
	Events     int     `json:"events"`
	FirstDate  string  `json:"first_date,omitempty"`
	LastDate   string  `json:"last_date,omitempty"`
	TextBytes  int64   `json:"text_bytes"`
	ByMonth    []Count `json:"by_month"`
	ByOutlet   []Count `json:"by_outlet"`
}

// Opener opens a store at a location in a driver's own syntax.
type Opener func(ctx context.Context, location string) (Store, error)

var (
	mu      sync.Mutex
	drivers = map[string]Opener{}
)

// Register makes a driver available under a URL scheme ("sqlite",
// "postgres"). A driver registers itself from its package's init.
func Register(scheme string, open Opener) {
	mu.Lock()
	defer mu.Unlock()
	drivers[scheme] = open
}

// Open opens the store at location: a URL whose scheme names the driver
// (postgres://…, sqlite://path), or a plain file path for SQLite.
func Open(ctx context.Context, location string) (Store, error) {
	scheme := "sqlite"
	if i := strings.Index(location, "://"); i > 0 {
		scheme = location[:i]
		if scheme == "postgresql" {
			scheme = "postgres"
		}
	}
	mu.Lock()
	open, ok := drivers[scheme]
	var known []string
	for k := range drivers {
		known = append(known, k)
	}
	mu.Unlock()
	if !ok {
		sort.Strings(known)
		return nil, fmt.Errorf("no store driver for %q (available: %s)", scheme, strings.Join(known, ", "))
	}
	s, err := open(ctx, location)
	if err != nil {
		return nil, fmt.Errorf("opening store %s: %w", location, err)
	}
	return s, nil
}
