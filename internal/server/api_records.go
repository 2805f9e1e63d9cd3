package server

import (
	"context"
	"net/http"
	"net/url"
	"strings"

	"github.com/sitrep-project/sitrep/internal/model"
	"github.com/sitrep-project/sitrep/internal/query"
	"github.com/sitrep-project/sitrep/internal/store"
)

// recordParams reads the filters of the record lists (events, timeline):
// type (comma-separated), actor (acting or targeted), target, place,
// from and to (the day the event happened).
func recordParams(q url.Values, defLimit int) (store.RecordFilter, paging, error) {
	var f store.RecordFilter
	var err error
	if f.Types, err = typeParam(q, "type"); err != nil {
		return f, paging{}, err
	}
	if f.Party, err = codeParam(q, "actor"); err != nil {
		return f, paging{}, err
	}
	if f.Target, err = codeParam(q, "target"); err != nil {
		return f, paging{}, err
	}
	if f.Place, err = textParam(q, "place", 200); err != nil {
		return f, paging{}, err
	}
	if f.From, err = dateParam(q, "from"); err != nil {
		return f, paging{}, err
	}
	if f.To, err = dateParam(q, "to"); err != nil {
		return f, paging{}, err
	}
	p, err := pagingParams(q, defLimit)
	return f, p, err
}

// records reads one page of records and counts all the filter selects,
// for the page's total, as every paginated answer gives.
func (s *Server) records(ctx context.Context, f store.RecordFilter, p paging) ([]*model.Record, int, error) {
	total, err := s.recordCount(ctx, f)
	if err != nil {
		return nil, 0, err
	}
	f.Limit, f.Offset = p.limit, p.offset
	recs, err := query.Timeline(ctx, s.st, f)
	if err != nil {
		return nil, 0, err
	}
	if recs == nil {
		recs = []*model.Record{}
	}
	return recs, max(total, p.offset+len(recs)), nil
}

// filterKey is a record filter as a key of the aggregate cache, paging
// and what is read of each record aside.
func filterKey(kind string, f store.RecordFilter) string {
	types := make([]string, len(f.Types))
	for i, t := range f.Types {
		types[i] = string(t)
	}
	return strings.Join([]string{kind, strings.Join(types, ","), f.Actor, f.Target, f.Party, f.Place, f.From, f.To, f.ReportedOn}, "\x00")
}

// recordCount counts the records a filter selects, kept while the store
// does not change (see aggCache): a count walks every record of the
// filter (200 ms for a busy donor's aid on 100,000 articles), and each
// page of the same filter asks it again.
func (s *Server) recordCount(ctx context.Context, f store.RecordFilter) (int, error) {
	v, err := s.count(ctx, filterKey("count", f), func(ctx context.Context) (any, error) {
		return s.st.CountRecords(ctx, f)
	})
	if err != nil {
		return 0, err
	}
	return v.(int), nil
}

// dayCounts counts the records a filter selects by day and type, kept
// while the store does not change, for the timeline's overview. The
// counts returned are shared: read them only.
func (s *Server) dayCounts(ctx context.Context, f store.RecordFilter) ([]store.DayCount, error) {
	v, err := s.count(ctx, filterKey("days", f), func(ctx context.Context) (any, error) {
		return s.st.DayCounts(ctx, f)
	})
	if err != nil {
		return nil, err
	}
	return v.([]store.DayCount), nil
}

// apiEvents is GET /api/v1/events: records, whole.
func (s *Server) apiEvents(r *http.Request) (any, error) {
	f, p, err := recordParams(r.URL.Query(), DefaultLimit)
	if err != nil {
		return nil, err
	}
	recs, total, err := s.records(r.Context(), f, p)
	if err != nil {
		return nil, err
	}
	pg := Page[*model.Record]{Total: &total, Limit: p.limit, Offset: p.offset, Items: recs}
	if p.offset+len(recs) < total {
		pg.Next = nextLink(r, p)
	}
	return pg, nil
}

// apiEvent is GET /api/v1/events/{id}: one record by its id or by the id
// of an event it holds.
func (s *Server) apiEvent(r *http.Request) (any, error) {
	id := r.PathValue("id")
	if len(id) > 200 {
		return nil, badRequest("id: too long")
	}
	return s.st.Record(r.Context(), id)
}

// TimelineItem is a record as a timeline draws it.
type TimelineItem struct {
	ID string `json:"id"`
	// Day is the date the record is filed under; Start and End the range
	// it may have happened in, as precise as Precision says ("reported"
	// when only the report's date is known).
	Day           string          `json:"day"`
	Start         string          `json:"start"`
	End           string          `json:"end"`
	Precision     string          `json:"precision"`
	Type          model.EventType `json:"type"`
	Status        string          `json:"status,omitempty"`
	Summary       string          `json:"summary"`
	Actor         string          `json:"actor,omitempty"`
	Targets       []string        `json:"targets"`
	Places        []string        `json:"places"`
	Reports       int             `json:"reports"`
	FirstReported string          `json:"first_reported"`
	Confidence    float64         `json:"confidence"`
}

func timelineItem(r *model.Record) TimelineItem {
	it := TimelineItem{ID: r.ID, Day: r.Day, Start: r.Day, End: r.Day, Precision: query.Precision(r), Type: r.Type,
		Status: r.Status, Summary: query.Summary(r), Reports: r.ReportCount(), FirstReported: r.FirstReported,
		Confidence: r.Confidence, Targets: []string{}, Places: []string{}}
	if r.Time != nil && r.Time.Start != "" {
		it.Start = r.Time.Start
		it.End = r.Time.End
		if it.End == "" || it.End < it.Start {
			it.End = it.Start
		}
	}
	if r.Actor != nil {
		it.Actor = r.Actor.Code
	}
	for _, t := range r.Targets {
		it.Targets = append(it.Targets, t.Code)
	}
	for _, p := range r.Places {
		it.Places = append(it.Places, p.Name)
	}
	return it
}

// apiTimeline is GET /api/v1/timeline: records by the day they happened,
// in the shape a timeline draws.
func (s *Server) apiTimeline(r *http.Request) (any, error) {
	f, p, err := recordParams(r.URL.Query(), 100)
	if err != nil {
		return nil, err
	}
	// A timeline item counts its reports; it does not list them.
	f.NoMentions = true
	recs, total, err := s.records(r.Context(), f, p)
	if err != nil {
		return nil, err
	}
	pg := Page[TimelineItem]{Total: &total, Limit: p.limit, Offset: p.offset, Items: make([]TimelineItem, 0, len(recs))}
	for _, rec := range recs {
		pg.Items = append(pg.Items, timelineItem(rec))
	}
	if p.offset+len(recs) < total {
		pg.Next = nextLink(r, p)
	}
	return pg, nil
}
