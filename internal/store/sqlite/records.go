package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"github.com/sitrep-project/sitrep/internal/model"
	"github.com/sitrep-project/sitrep/internal/store"
)

// Unresolved returns fact events that no record holds yet.
func (s *DB) Unresolved(ctx context.Context, limit int) ([]model.Event, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT e.data, `+eventCols+` FROM unresolved u JOIN events e ON e.id = u.event_id
		ORDER BY u.date, u.doc, u.article_id, u.seq LIMIT ?`, limit)
	if err != nil {
		return nil, fmt.Errorf("reading unresolved events: %w", err)
	}
	defer rows.Close()
	var out []model.Event
	for rows.Next() {
		var ev model.Event
		if err := scanEvent(rows, &ev); err != nil {
			return nil, fmt.Errorf("reading unresolved events: %w", err)
		}
		out = append(out, ev)
	}
	return out, rows.Err()
}

func scanRecords(rows *sql.Rows) ([]*model.Record, error) {
	defer rows.Close()
	var out []*model.Record
	for rows.Next() {
		var data sql.RawBytes
		if err := rows.Scan(&data); err != nil {
			return nil, err
		}
		var r model.Record
		if err := unpackJSON(data, &r); err != nil {
			return nil, fmt.Errorf("decoding record: %w", err)
		}
		out = append(out, &r)
	}
	return out, rows.Err()
}

// withMentions fills the records' mentions from their own rows, in
// chunks of ids so that a long list costs a few queries.
func (s *DB) withMentions(ctx context.Context, recs []*model.Record) error {
	byID := make(map[string]*model.Record, len(recs))
	for _, r := range recs {
		r.Mentions = r.Mentions[:0]
		byID[r.ID] = r
	}
	const chunk = 500
	for i := 0; i < len(recs); i += chunk {
		part := recs[i:min(i+chunk, len(recs))]
		args := make([]any, len(part))
		for j, r := range part {
			args[j] = r.ID
		}
		// A report is its event (model.MentionOf), stored once, in the
		// events table; a store written before version 9 holds reports
		// whole in record_mentions.data, read as they are.
		rows, err := s.db.QueryContext(ctx, `SELECT e.data, `+eventCols+`, m.record_id, m.data FROM record_mentions m JOIN events e ON e.id = m.event_id
			WHERE m.record_id IN (`+strings.TrimSuffix(strings.Repeat("?,", len(part)), ",")+`) ORDER BY m.date, m.doc, m.event_id`, args...)
		if err != nil {
			return fmt.Errorf("reading reports of records: %w", err)
		}
		for rows.Next() {
			var id, data string
			var ev model.Event
			if err := scanEvent(rows, &ev, &id, &data); err != nil {
				rows.Close()
				return fmt.Errorf("reading reports of records: %w", err)
			}
			var m model.Mention
			if data == "" {
				m = model.MentionOf(&ev)
			} else if err := json.Unmarshal([]byte(data), &m); err != nil {
				rows.Close()
				return fmt.Errorf("decoding report of record %s: %w", id, err)
			}
			if r := byID[id]; r != nil {
				r.Mentions = append(r.Mentions, m)
			}
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return err
		}
	}
	return nil
}

// Candidates returns the summaries of the records of a type and actor
// filed in a period, from the merge index (migration 9).
func (s *DB) Candidates(ctx context.Context, typ model.EventType, actor, from, to string) ([]*model.Record, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT summary FROM record_index WHERE type = ? AND actor = ? AND day BETWEEN ? AND ?`,
		string(typ), actor, from, to)
	if err != nil {
		return nil, fmt.Errorf("reading candidate records: %w", err)
	}
	defer rows.Close()
	var out []*model.Record
	for rows.Next() {
		var b sql.RawBytes
		if err := rows.Scan(&b); err != nil {
			return nil, fmt.Errorf("reading candidate records: %w", err)
		}
		r, err := model.DecodeSummary(b)
		if err != nil {
			return nil, err
		}
		r.Indexed = indexKey(r)
		out = append(out, r)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("reading candidate records: %w", err)
	}
	return out, nil
}

// MergeVersion returns a number that changes whenever any process saves
// records (SaveRecords).
func (s *DB) MergeVersion(ctx context.Context) (int64, error) {
	var v int64
	if err := s.db.QueryRowContext(ctx, `SELECT v FROM merge_version`).Scan(&v); err != nil {
		return 0, fmt.Errorf("reading the merge version: %w", err)
	}
	return v, nil
}

// Dirty returns records that lost events. Their lost reports' rows went
// with the events, so the mentions read are the live ones.
func (s *DB) Dirty(ctx context.Context, limit int) ([]*model.Record, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT data FROM records WHERE dirty = 1 LIMIT ?`, limit)
	if err != nil {
		return nil, fmt.Errorf("reading changed records: %w", err)
	}
	recs, err := scanRecords(rows)
	if err != nil {
		return nil, err
	}
	return recs, s.withMentions(ctx, recs)
}

func codes(as []model.Actor) string {
	var cs []string
	for _, a := range as {
		cs = append(cs, a.Code)
	}
	return strings.Join(cs, " ")
}

// indexKey is what a record's parties and places are indexed under: its
// actor, targets, places and day (model.Record.Indexed).
func indexKey(r *model.Record) string {
	var b strings.Builder
	b.WriteString(r.Day)
	b.WriteByte('|')
	if r.Actor != nil {
		b.WriteString(r.Actor.Code)
	}
	for _, t := range r.Targets {
		b.WriteByte(' ')
		b.WriteString(t.Code)
	}
	b.WriteByte('|')
	for _, p := range r.Places {
		b.WriteString(p.Name)
		b.WriteByte('|')
	}
	return b.String()
}

// indexRecord writes a record's rows of the party and place indexes anew.
func indexRecord(ctx context.Context, r *model.Record, actor string, clearParties, clearPlaces, addParty, addPlace *sql.Stmt) error {
	if _, err := clearParties.ExecContext(ctx, r.ID); err != nil {
		return fmt.Errorf("indexing record %s: %w", r.ID, err)
	}
	if _, err := clearPlaces.ExecContext(ctx, r.ID); err != nil {
		return fmt.Errorf("indexing record %s: %w", r.ID, err)
	}
	parties := []string{}
	if actor != "" {
		parties = append(parties, actor)
	}
	for _, t := range r.Targets {
		parties = append(parties, t.Code)
	}
	for _, code := range parties {
		if _, err := addParty.ExecContext(ctx, r.ID, code, r.Day); err != nil {
			return fmt.Errorf("indexing record %s: %w", r.ID, err)
		}
	}
	for _, p := range r.Places {
		if _, err := addPlace.ExecContext(ctx, r.ID, p.Name, r.Day); err != nil {
			return fmt.Errorf("indexing record %s: %w", r.ID, err)
		}
	}
	return nil
}

// SaveRecords upserts records, links the newly resolved events to the
// records holding them, and deletes records, in one transaction.
func (s *DB) SaveRecords(ctx context.Context, recs []*model.Record, linked []string, deleted []string) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("starting record batch: %w", err)
	}
	defer tx.Rollback()
	for _, id := range deleted {
		if _, err := tx.ExecContext(ctx, `DELETE FROM records WHERE id = ?`, id); err != nil {
			return fmt.Errorf("deleting record %s: %w", id, err)
		}
	}
	up, err := tx.PrepareContext(ctx, `INSERT INTO records (id, type, actor, targets, places, status, day, first_reported, last_reported, mentions, dirty, data, summary)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?)
		ON CONFLICT (id) DO UPDATE SET actor = excluded.actor, targets = excluded.targets, places = excluded.places,
			status = excluded.status, day = excluded.day, first_reported = excluded.first_reported,
			last_reported = excluded.last_reported, mentions = excluded.mentions, dirty = 0, data = excluded.data,
			summary = excluded.summary`)
	if err != nil {
		return fmt.Errorf("preparing record upsert: %w", err)
	}
	defer up.Close()
	index, err := tx.PrepareContext(ctx, `INSERT OR REPLACE INTO record_index (type, actor, day, id, summary) VALUES (?, ?, ?, ?, ?)`)
	if err != nil {
		return fmt.Errorf("preparing merge index: %w", err)
	}
	defer index.Close()
	link, err := tx.PrepareContext(ctx, `INSERT INTO record_mentions (event_id, record_id, date, doc, data) VALUES (?, ?, ?, ?, ?)
		ON CONFLICT (event_id) DO UPDATE SET record_id = excluded.record_id, data = excluded.data`)
	if err != nil {
		return fmt.Errorf("preparing mention link: %w", err)
	}
	defer link.Close()
	clearParties, err := tx.PrepareContext(ctx, `DELETE FROM record_parties WHERE record_id = ?`)
	if err != nil {
		return fmt.Errorf("preparing party index: %w", err)
	}
	defer clearParties.Close()
	addParty, err := tx.PrepareContext(ctx, `INSERT OR IGNORE INTO record_parties (record_id, code, day) VALUES (?, ?, ?)`)
	if err != nil {
		return fmt.Errorf("preparing party index: %w", err)
	}
	defer addParty.Close()
	clearPlaces, err := tx.PrepareContext(ctx, `DELETE FROM record_places WHERE record_id = ?`)
	if err != nil {
		return fmt.Errorf("preparing place index: %w", err)
	}
	defer clearPlaces.Close()
	addPlace, err := tx.PrepareContext(ctx, `INSERT OR IGNORE INTO record_places (record_id, place, day) VALUES (?, ?, ?)`)
	if err != nil {
		return fmt.Errorf("preparing place index: %w", err)
	}
	defer addPlace.Close()
	done, err := tx.PrepareContext(ctx, `DELETE FROM unresolved WHERE date = ? AND doc = ? AND article_id = ? AND event_id = ?`)
	if err != nil {
		return fmt.Errorf("preparing resolved mark: %w", err)
	}
	defer done.Close()
	doneByID, err := tx.PrepareContext(ctx, `DELETE FROM unresolved WHERE event_id = ?`)
	if err != nil {
		return fmt.Errorf("preparing resolved mark: %w", err)
	}
	defer doneByID.Close()
	want := make(map[string]bool, len(linked))
	for _, id := range linked {
		want[id] = true
	}
	keys := make([]string, len(recs))
	for i, r := range recs {
		whole := *r
		whole.Mentions = nil
		data, err := packJSON(&whole)
		if err != nil {
			return fmt.Errorf("encoding record %s: %w", r.ID, err)
		}
		actor := ""
		if r.Actor != nil {
			actor = r.Actor.Code
		}
		var places []string
		for _, p := range r.Places {
			places = append(places, p.Name)
		}
		if _, err := up.ExecContext(ctx, r.ID, string(r.Type), actor, codes(r.Targets), strings.Join(places, "|"), r.Status, r.Day,
			r.FirstReported, r.LastReported, r.ReportCount(), data, ""); err != nil {
			return fmt.Errorf("storing record %s: %w", r.ID, err)
		}
		if _, err := index.ExecContext(ctx, string(r.Type), actor, r.Day, r.ID, model.EncodeSummary(r)); err != nil {
			return fmt.Errorf("indexing record %s for merging: %w", r.ID, err)
		}
		// The parties and places of a record, indexed by day, so that
		// "everything Russia did in March" reads an index range; again
		// only where they or the day changed.
		key := indexKey(r)
		keys[i] = key
		if key != r.Indexed {
			if err := indexRecord(ctx, r, actor, clearParties, clearPlaces, addParty, addPlace); err != nil {
				return err
			}
		}
		for _, m := range r.Mentions {
			if !want[m.Event] {
				continue
			}
			// The report is its event, stored in the events table:
			// storing it again here doubled what a store held.
			if _, err := link.ExecContext(ctx, m.Event, r.ID, m.Date, m.Doc, ""); err != nil {
				return fmt.Errorf("linking event %s to record %s: %w", m.Event, r.ID, err)
			}
			res, err := done.ExecContext(ctx, m.Date, m.Doc, m.Article, m.Event)
			if err != nil {
				return fmt.Errorf("marking event %s resolved: %w", m.Event, err)
			}
			// The key comes from the event as read; should a row
			// disagree with it, the event is found by its id alone
			// (reading the waiting list), rather than left waiting, to
			// be merged again at every run.
			if n, err := res.RowsAffected(); err == nil && n == 0 {
				if _, err := doneByID.ExecContext(ctx, m.Event); err != nil {
					return fmt.Errorf("marking event %s resolved: %w", m.Event, err)
				}
			}
		}
	}
	if _, err := tx.ExecContext(ctx, `UPDATE merge_version SET v = v + 1`); err != nil {
		return fmt.Errorf("moving the merge version: %w", err)
	}
	if err := bumpVersion(ctx, tx); err != nil {
		return err
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("committing record batch: %w", err)
	}
	s.ckpt.committed()
	for i, r := range recs {
		r.Indexed = keys[i]
	}
	return nil
}

// recordQuery builds the FROM and WHERE of a record filter, with its
// arguments, and the ORDER BY that lists the records by day.
func recordQuery(f store.RecordFilter) (from string, args []any, order string) {
	var where []string
	add := func(cond string, vs ...any) {
		where = append(where, cond)
		args = append(args, vs...)
	}
	if len(f.Types) > 0 {
		add("r.type IN ("+strings.TrimSuffix(strings.Repeat("?,", len(f.Types)), ",")+")", toAny(f.Types)...)
	}
	if f.Actor != "" {
		add("r.actor = ?", f.Actor)
	}
	if f.Target != "" {
		add("(' ' || r.targets || ' ') LIKE ?", "% "+f.Target+" %")
	}
	// A party or a place drives the query from its index, which is kept
	// in day order; the other filters then test each row.
	from = ` FROM records r`
	order = " ORDER BY r.day, r.id"
	switch {
	case f.Party != "":
		from = ` FROM record_parties x JOIN records r ON r.id = x.record_id`
		add("x.code = ?", f.Party)
		order = " ORDER BY x.day, x.record_id"
		if f.Place != "" {
			add("r.id IN (SELECT record_id FROM record_places WHERE place = ?)", f.Place)
		}
	case f.Place != "":
		from = ` FROM record_places x JOIN records r ON r.id = x.record_id`
		add("x.place = ?", f.Place)
		order = " ORDER BY x.day, x.record_id"
	}
	day := "r.day"
	if f.Party != "" || f.Place != "" {
		day = "x.day"
	}
	if f.From != "" {
		add(day+" >= ?", f.From)
	}
	if f.To != "" {
		add(day+" <= ?", f.To)
	}
	if f.ReportedOn != "" {
		add("r.id IN (SELECT record_id FROM record_mentions WHERE date = ?)", f.ReportedOn)
	}
	if len(where) > 0 {
		from += " WHERE " + strings.Join(where, " AND ")
	}
	return from, args, order
}

// CountRecords counts the records a filter selects, its Limit and Offset
// aside.
func (s *DB) CountRecords(ctx context.Context, f store.RecordFilter) (int, error) {
	from, args, _ := recordQuery(f)
	var n int
	if err := s.db.QueryRowContext(ctx, `SELECT count(*)`+from, args...).Scan(&n); err != nil {
		return 0, fmt.Errorf("counting records: %w", err)
	}
	return n, nil
}

// DayCounts counts the records a filter selects by day and type.
func (s *DB) DayCounts(ctx context.Context, f store.RecordFilter) ([]store.DayCount, error) {
	from, args, _ := recordQuery(f)
	day := "r.day"
	if f.Party != "" || f.Place != "" {
		day = "x.day"
	}
	rows, err := s.db.QueryContext(ctx, `SELECT `+day+`, r.type, count(*)`+from+` GROUP BY 1, 2 ORDER BY 1, 2`, args...)
	if err != nil {
		return nil, fmt.Errorf("counting records by day: %w", err)
	}
	defer rows.Close()
	var out []store.DayCount
	for rows.Next() {
		var c store.DayCount
		var typ string
		if err := rows.Scan(&c.Day, &typ, &c.Count); err != nil {
			return nil, fmt.Errorf("counting records by day: %w", err)
		}
		c.Type = model.EventType(typ)
		out = append(out, c)
	}
	return out, rows.Err()
}

// Records returns the records a filter selects, ordered by day.
func (s *DB) Records(ctx context.Context, f store.RecordFilter) ([]*model.Record, error) {
	from, args, order := recordQuery(f)
	q := `SELECT r.data, r.mentions` + from + order
	if f.Limit > 0 {
		q += " LIMIT ? OFFSET ?"
		args = append(args, f.Limit, f.Offset)
	}
	rows, err := s.db.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("reading records: %w", err)
	}
	defer rows.Close()
	var recs []*model.Record
	for rows.Next() {
		var data sql.RawBytes
		var reports int
		if err := rows.Scan(&data, &reports); err != nil {
			return nil, fmt.Errorf("reading records: %w", err)
		}
		r := &model.Record{}
		if err := unpackJSON(data, r); err != nil {
			return nil, fmt.Errorf("decoding record: %w", err)
		}
		r.Reports = reports
		recs = append(recs, r)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("reading records: %w", err)
	}
	if f.NoMentions {
		return recs, nil
	}
	return recs, s.withMentions(ctx, recs)
}

// toAny passes strings, or string types such as model.EventType, as SQL
// arguments; they go as plain strings, which every driver takes.
func toAny[S ~string](ss []S) []any {
	out := make([]any, len(ss))
	for i, s := range ss {
		out[i] = string(s)
	}
	return out
}

// Record returns a record by id, or the one holding an event.
func (s *DB) Record(ctx context.Context, id string) (*model.Record, error) {
	var data []byte
	err := s.db.QueryRowContext(ctx, `SELECT data FROM records WHERE id = ?
		UNION ALL SELECT r.data FROM records r JOIN record_mentions m ON m.record_id = r.id WHERE m.event_id = ? LIMIT 1`, id, id).Scan(&data)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("record %q: %w", id, store.ErrNotFound)
	}
	if err != nil {
		return nil, fmt.Errorf("reading record %s: %w", id, err)
	}
	var r model.Record
	if err := unpackJSON(data, &r); err != nil {
		return nil, fmt.Errorf("decoding record %s: %w", id, err)
	}
	if err := s.withMentions(ctx, []*model.Record{&r}); err != nil {
		return nil, err
	}
	r.Reports = r.ReportCount()
	r.Indexed = indexKey(&r)
	return &r, nil
}

// PartyCounts counts an actor's records by type and role, walking the
// index of parties and the records' own actor and target columns.
func (s *DB) PartyCounts(ctx context.Context, code string) (*store.PartyCounts, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT r.type, r.actor = ?, (' ' || r.targets || ' ') LIKE ?, count(*)
		FROM record_parties x JOIN records r ON r.id = x.record_id WHERE x.code = ? GROUP BY 1, 2, 3`, code, "% "+code+" %", code)
	if err != nil {
		return nil, fmt.Errorf("counting the records of %s: %w", code, err)
	}
	defer rows.Close()
	pc := &store.PartyCounts{AsActor: map[model.EventType]int{}, AsTarget: map[model.EventType]int{}}
	for rows.Next() {
		var typ string
		var acts, targeted bool
		var n int
		if err := rows.Scan(&typ, &acts, &targeted, &n); err != nil {
			return nil, fmt.Errorf("counting the records of %s: %w", code, err)
		}
		pc.Records += n
		if acts {
			pc.AsActor[model.EventType(typ)] += n
		}
		if targeted {
			pc.AsTarget[model.EventType(typ)] += n
		}
	}
	return pc, rows.Err()
}
