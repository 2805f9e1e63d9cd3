package sqlite

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"fmt"
	"strings"
	"time"

	"github.com/sitrep-project/sitrep/internal/model"
	"github.com/sitrep-project/sitrep/internal/store"
)

// eventWriter replaces an article's events inside a transaction.
type eventWriter struct {
	ctx                  context.Context
	tx                   *sql.Tx
	del, ins, wait, mark *sql.Stmt
	err                  error
}

func newEventWriter(ctx context.Context, tx *sql.Tx) *eventWriter {
	w := &eventWriter{ctx: ctx, tx: tx}
	prep := func(q string) *sql.Stmt {
		if w.err != nil {
			return nil
		}
		st, err := tx.PrepareContext(ctx, q)
		if err != nil {
			w.err = fmt.Errorf("preparing %q: %w", q, err)
		}
		return st
	}
	w.del = prep(`DELETE FROM events WHERE article_id = ?`)
	w.ins = prep(`INSERT INTO events (id, article_id, seq, doc, date, type, status, modality, actor, targets, time_start, time_end, extractor, resolved, data)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
	w.wait = prep(`INSERT INTO unresolved (date, doc, article_id, seq, event_id) VALUES (?, ?, ?, ?, ?)`)
	w.mark = prep(`INSERT INTO extractions (article_id, extractor, events, extracted_at) VALUES (?, ?, ?, ?)
		ON CONFLICT (article_id) DO UPDATE SET extractor = excluded.extractor, events = excluded.events, extracted_at = excluded.extracted_at`)
	return w
}

func (w *eventWriter) close() {
	for _, st := range []*sql.Stmt{w.del, w.ins, w.wait, w.mark} {
		if st != nil {
			st.Close()
		}
	}
}

// EventID derives a stable id for an event from its article and its place
// in the article's event list, so re-extraction with the same extractor
// gives the same ids.
func EventID(articleID string, seq int, ev *model.Event) string {
	h := sha256.New()
	fmt.Fprintf(h, "%s|%d|%s|%d|%d", articleID, seq, ev.Type, ev.Evidence.Start, ev.Evidence.End)
	return hex.EncodeToString(h.Sum(nil)[:8])
}

// replace stores events as the article's only events; date and outlet
// are the article's, which every event carries for filtering and display.
func (w *eventWriter) replace(articleID, date, outlet, extractor string, events []model.Event) error {
	if w.err != nil {
		return w.err
	}
	seen := make(map[string]bool, len(events))
	if _, err := w.del.ExecContext(w.ctx, articleID); err != nil {
		return fmt.Errorf("removing old events of %s: %w", articleID, err)
	}
	for i := range events {
		ev := events[i]
		if ev.ID == "" || seen[ev.ID] {
			ev.ID = EventID(articleID, i, &ev)
		}
		seen[ev.ID] = true
		ev.Article = articleID
		ev.Extractor = extractor
		ev.Date = date
		ev.Outlet = outlet
		data, err := encodeEvent(&ev)
		if err != nil {
			return fmt.Errorf("storing event of %s: %w", articleID, err)
		}
		actor := ""
		if ev.Actor != nil {
			actor = ev.Actor.Code
		}
		var targets []string
		for _, t := range ev.Targets {
			targets = append(targets, t.Code)
		}
		var ts, te string
		if ev.Time != nil {
			ts, te = ev.Time.Start, ev.Time.End
		}
		// Only facts are merged into records; the rest never wait for it.
		resolved := 0
		if !ev.IsFact() {
			resolved = 1
		}
		if _, err := w.ins.ExecContext(w.ctx, ev.ID, articleID, i, ev.Doc, ev.Date, string(ev.Type), ev.Status, ev.Modality, actor,
			strings.Join(targets, " "), ts, te, extractor, resolved, data); err != nil {
			return fmt.Errorf("storing event of %s: %w", articleID, err)
		}
		if resolved == 0 {
			if _, err := w.wait.ExecContext(w.ctx, ev.Date, ev.Doc, articleID, i, ev.ID); err != nil {
				return fmt.Errorf("storing event of %s: %w", articleID, err)
			}
		}
	}
	if _, err := w.mark.ExecContext(w.ctx, articleID, extractor, len(events), time.Now().UTC().Format(time.RFC3339)); err != nil {
		return fmt.Errorf("recording extraction of %s: %w", articleID, err)
	}
	return nil
}

// PutEvents replaces the events of the given articles in one transaction.
// An earlier revision is passed over: its events were taken out of the
// records when it was superseded, and must not come back.
func (s *DB) PutEvents(ctx context.Context, extractor string, events map[string][]model.Event) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("starting event batch: %w", err)
	}
	defer tx.Rollback()
	w := newEventWriter(ctx, tx)
	defer w.close()
	for id, evs := range events {
		var date, outlet, superseded string
		if err := tx.QueryRowContext(ctx, `SELECT date, outlet, superseded_by FROM articles WHERE id = ?`, id).Scan(&date, &outlet, &superseded); err != nil {
			return fmt.Errorf("events for article %s: %w", id, err)
		}
		if superseded != "" {
			continue // an earlier revision: its events no longer count
		}
		if err := w.replace(id, date, outlet, extractor, evs); err != nil {
			return err
		}
	}
	if err := bumpVersion(ctx, tx); err != nil {
		return err
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("committing event batch: %w", err)
	}
	s.ckpt.committed()
	return nil
}

// Events returns stored events matching f.
func (s *DB) Events(ctx context.Context, f store.EventFilter) ([]model.Event, error) {
	var where []string
	var args []any
	add := func(cond string, v any) {
		where = append(where, cond)
		args = append(args, v)
	}
	if f.Type != "" {
		add("e.type = ?", string(f.Type))
	}
	if f.Actor != "" {
		add("e.actor = ?", f.Actor)
	}
	if f.Target != "" {
		add("(' ' || e.targets || ' ') LIKE ?", "% "+f.Target+" %")
	}
	if f.Doc != "" {
		// Through the article's id or doc name, both indexed, to the
		// events by article: "e.doc = ? OR e.article_id = ?" reads every
		// event of the store (1.4 s at 500,000 events) to find a handful.
		where = append(where, "e.article_id IN (SELECT id FROM articles WHERE id = ? OR doc = ?)")
		args = append(args, f.Doc, f.Doc)
	}
	if f.From != "" {
		add("e.date >= ?", f.From)
	}
	if f.To != "" {
		add("e.date <= ?", f.To)
	}
	if f.Facts {
		where = append(where, "e.modality NOT IN ('negated', 'hypothetical', 'denied')")
	}
	q := `SELECT e.data, ` + eventCols + ` FROM events e`
	if len(where) > 0 {
		q += " WHERE " + strings.Join(where, " AND ")
	}
	q += " ORDER BY e.date, e.doc, e.article_id, e.seq"
	if f.Limit > 0 {
		q += " LIMIT ? OFFSET ?"
		args = append(args, f.Limit, f.Offset)
	}
	rows, err := s.db.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("reading events: %w", err)
	}
	defer rows.Close()
	var out []model.Event
	for rows.Next() {
		var ev model.Event
		if err := scanEvent(rows, &ev); err != nil {
			return nil, fmt.Errorf("reading events: %w", err)
		}
		out = append(out, ev)
	}
	return out, rows.Err()
}

// Stale lists articles whose events were not made by extractor, in id
// order; earlier revisions are left out, as their events no longer count.
func (s *DB) Stale(ctx context.Context, extractor, after string, limit int) ([]*model.Article, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT `+prefixed("a.", articleCols)+` FROM articles a
		LEFT JOIN extractions x ON x.article_id = a.id
		WHERE a.id > ? AND a.superseded_by = '' AND (x.extractor IS NULL OR x.extractor <> ?)
		ORDER BY a.id LIMIT ?`, after, extractor, limit)
	if err != nil {
		return nil, fmt.Errorf("listing articles to extract: %w", err)
	}
	defer rows.Close()
	var out []*model.Article
	for rows.Next() {
		a, err := scanArticle(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, a)
	}
	return out, rows.Err()
}

func prefixed(p, cols string) string {
	parts := strings.Split(cols, ", ")
	for i := range parts {
		parts[i] = p + parts[i]
	}
	return strings.Join(parts, ", ")
}
