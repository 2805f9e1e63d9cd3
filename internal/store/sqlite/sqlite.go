// Package sqlite is sitrep's default store: one SQLite file through the
// pure-Go modernc.org/sqlite driver, so the binary stays static. It runs in
// WAL mode, so readers (search, the web server) never block an ingest, and
// commits each batch in one transaction, so a crash loses only the batch in
// flight. Full-text search uses FTS5.
package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"time"

	"github.com/sitrep-project/sitrep/internal/model"
	"github.com/sitrep-project/sitrep/internal/store"

	_ "modernc.org/sqlite" // registers the "sqlite" database/sql driver
)

func init() {
	store.Register("sqlite", func(ctx context.Context, location string) (store.Store, error) {
		return Open(ctx, strings.TrimPrefix(location, "sqlite://"))
	})
}

// DB is a store in one SQLite file.
type DB struct {
	db   *sql.DB
	path string
	days dayIndex // article dates by rowid, for counting search matches
	aggs aggCache // searches' counts and rank windows, for one version
	ckpt *checkpointer
}

// Open opens (creating if needed) the SQLite store at path and brings its
// schema up to date.
func Open(ctx context.Context, path string) (*DB, error) {
	if path == "" {
		return nil, errors.New("no database path")
	}
	if dir := filepath.Dir(path); dir != "." {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return nil, fmt.Errorf("creating folder for the database: %w", err)
		}
	}
	q := url.Values{}
	for _, p := range []string{
		"journal_mode(WAL)",
		"busy_timeout(10000)",
		"foreign_keys(1)",
		// NORMAL is safe in WAL mode against a crash of the process; only
		// a power loss can take back the last commits.
		"synchronous(NORMAL)",
		// No memory map: every connection of the pool maps the file on
		// its own, and each map's pages count in the process's resident
		// memory, so a pool of four readers of a 2 GB store held 4 GB
		// with a map of 1 GiB each. Reads go through the page cache of
		// the OS, which the readers share and the kernel can reclaim.
		"mmap_size(0)",
		// A connection's own page cache holds the pages it reads most,
		// interior pages of the indexes above all: 8 MiB each keeps a
		// full pool of readers well under a gigabyte.
		"cache_size(-8192)",
		"temp_store(MEMORY)",
		// Checkpoints run in the background (checkpoint.go); the writer
		// copies its log into the file itself only when the background
		// has fallen this far behind (pages).
		fmt.Sprintf("wal_autocheckpoint(%d)", writerCheckpointPages),
		// After such a peak, the log is cut back to this size when it
		// next starts over, rather than kept at its largest until the
		// store is closed.
		fmt.Sprintf("journal_size_limit(%d)", walKeepBytes),
	} {
		q.Add("_pragma", p)
	}
	// Every transaction begins IMMEDIATE, taking the write lock at BEGIN:
	// a deferred transaction that reads first and then writes fails at
	// once with SQLITE_BUSY, without waiting the busy timeout, when
	// another connection has written in between.
	q.Set("_txlock", "immediate")
	dsn := "file:" + path + "?" + q.Encode()
	db, err := sql.Open("sqlite", dsn)
	if err != nil {
		return nil, fmt.Errorf("opening %s: %w", path, err)
	}
	// A bounded pool: readers beyond it queue for a connection instead of
	// each opening its own (the server under load would otherwise open one
	// per request in flight). Sized to the cores, with room for a writer
	// and a reader that runs beside it inside one request.
	conns := max(4, 2*runtime.GOMAXPROCS(0))
	db.SetMaxOpenConns(conns)
	db.SetMaxIdleConns(conns)
	s := &DB{db: db, path: path}
	if err := s.check(ctx); err != nil {
		db.Close()
		return nil, err
	}
	if err := migrate(ctx, db); err != nil {
		db.Close()
		return nil, fmt.Errorf("migrating %s: %w", path, err)
	}
	if s.ckpt, err = startCheckpointer(dsn); err != nil {
		db.Close()
		return nil, fmt.Errorf("opening %s: %w", path, err)
	}
	return s, nil
}

// check fails early, with a plain message, on a file that is not a SQLite
// database, instead of on the first query.
func (s *DB) check(ctx context.Context) error {
	var mode string
	if err := s.db.QueryRowContext(ctx, "PRAGMA journal_mode").Scan(&mode); err != nil {
		if strings.Contains(err.Error(), "not a database") {
			return fmt.Errorf("%s is not a sitrep database (not SQLite)", s.path)
		}
		return fmt.Errorf("opening %s: %w", s.path, err)
	}
	return nil
}

// Close releases the database. The background checkpoints stop first;
// the last connection to close then copies the rest of the log into the
// file.
func (s *DB) Close() error {
	var err error
	if s.ckpt != nil {
		err = s.ckpt.close()
	}
	return errors.Join(err, s.db.Close())
}

// SQL gives tests and tools direct access to the database.
func (s *DB) SQL() *sql.DB { return s.db }

// Put stores a batch of articles and their events in one transaction. A
// new text under the name of a current article is a revision of it when
// revise says so; the articles of a batch are taken in order, so a batch
// holding two texts of one name stores the second as a revision of the
// first. A text already stored is never a revision, even when a later one
// superseded it: ingesting an earlier export again finds it unchanged, and
// the newest text ingested stays current.
func (s *DB) Put(ctx context.Context, batch []store.Doc) ([]store.Outcome, error) {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return nil, fmt.Errorf("starting batch: %w", err)
	}
	defer tx.Rollback()
	ins, err := tx.PrepareContext(ctx, `INSERT INTO articles (id, doc, doc_kind, date, title, outlet, url, text, blocks, origin, bytes, ingested_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING`)
	if err != nil {
		return nil, fmt.Errorf("preparing insert: %w", err)
	}
	defer ins.Close()
	now := time.Now().UTC().Format(time.RFC3339)
	out := make([]store.Outcome, len(batch))
	ev := newEventWriter(ctx, tx)
	defer ev.close()
	idx := &batchIndex{docs: map[string]bool{}}
	for i, d := range batch {
		a := d.Article
		blocks, err := json.Marshal(a.Blocks)
		if err != nil {
			return nil, fmt.Errorf("encoding blocks of %s: %w", a.Doc, err)
		}
		res, err := ins.ExecContext(ctx, a.ID, a.Doc, string(a.DocKind), a.DateString(), a.Title, a.Outlet, a.URL, a.Text, string(blocks), a.Origin, len(a.Text), now)
		if err != nil {
			return nil, fmt.Errorf("storing %s: %w", a.Doc, err)
		}
		if n, _ := res.RowsAffected(); n == 1 {
			out[i] = store.Stored
			if idx.docs[a.Doc] {
				// An article of this batch may be revised by this one:
				// it must be in the index before it leaves it.
				if err := idx.flush(ctx, tx); err != nil {
					return nil, err
				}
			}
			if id, err := res.LastInsertId(); err == nil {
				idx.rows = append(idx.rows, id)
				idx.docs[a.Doc] = true
			} else {
				return nil, fmt.Errorf("storing %s: %w", a.Doc, err)
			}
			revised, err := revise(ctx, tx, a)
			if err != nil {
				return nil, err
			}
			if revised {
				out[i] = store.Revised
			}
			if d.Extractor != "" {
				if err := ev.replace(a.ID, a.DateString(), a.Outlet, d.Extractor, d.Events); err != nil {
					return nil, err
				}
			}
			continue
		}
		var doc string
		if err := tx.QueryRowContext(ctx, `SELECT doc FROM articles WHERE id = ?`, a.ID).Scan(&doc); err != nil {
			return nil, fmt.Errorf("looking up %s: %w", a.Doc, err)
		}
		if doc == a.Doc {
			out[i] = store.Unchanged
			continue
		}
		res, err = tx.ExecContext(ctx, `INSERT INTO duplicates (doc, article_id, origin, seen_at) VALUES (?, ?, ?, ?)
			ON CONFLICT (doc, article_id) DO NOTHING`, a.Doc, a.ID, a.Origin, now)
		if err != nil {
			return nil, fmt.Errorf("recording duplicate %s: %w", a.Doc, err)
		}
		if n, _ := res.RowsAffected(); n == 1 {
			out[i] = store.Duplicate
		} else {
			out[i] = store.Unchanged
		}
	}
	if err := idx.flush(ctx, tx); err != nil {
		return nil, err
	}
	if err := bumpVersion(ctx, tx); err != nil {
		return nil, err
	}
	if err := tx.Commit(); err != nil {
		return nil, fmt.Errorf("committing batch: %w", err)
	}
	s.ckpt.committed()
	return out, nil
}

// batchIndex holds the articles a batch stored that search does not index
// yet (see migration 8): their rowids, and their names, since a later
// article of the batch may revise one of them.
type batchIndex struct {
	rows []int64
	docs map[string]bool
}

// flush indexes the held articles for search in one statement, less any
// a revision has superseded already.
func (b *batchIndex) flush(ctx context.Context, tx *sql.Tx) error {
	if len(b.rows) == 0 {
		return nil
	}
	ids, err := json.Marshal(b.rows)
	if err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO articles_fts (rowid, title, text)
		SELECT rowid, `+searchText("title")+`, `+searchText("text")+` FROM articles
		WHERE rowid IN (SELECT value FROM json_each(?)) AND superseded_by = ''`, string(ids)); err != nil {
		return fmt.Errorf("indexing the batch for search: %w", err)
	}
	b.rows = b.rows[:0]
	clear(b.docs)
	return nil
}

// revise makes a, just stored, the current revision of the current
// articles stored under its name, when it is one of theirs: its name is
// of a revisable kind (model.DocKind), theirs of the same kind, and the
// outlets agree (equal, in any case, or one of the two without one). A
// name from two outlets is two articles. An article without an outlet
// whose name two outlets' articles hold revises neither: which one it
// revises cannot be told.
//
// Each earlier revision is marked superseded by a, and so are those that
// it superseded, so that every earlier revision names the current one.
// Its text stays; it leaves the full-text index (a trigger of migration
// 7), and its events are deleted, which takes their reports out of the
// records that held them and marks those records for rebuilding: the
// next resolution rebuilds them as it does after a re-extraction, and
// deletes those left without a report.
func revise(ctx context.Context, tx *sql.Tx, a *model.Article) (bool, error) {
	if !a.DocKind.Revisable() {
		return false, nil
	}
	rows, err := tx.QueryContext(ctx, `SELECT id, outlet FROM articles WHERE doc = ? AND doc_kind = ? AND superseded_by = '' AND id <> ?`,
		a.Doc, string(a.DocKind), a.ID)
	if err != nil {
		return false, fmt.Errorf("looking up earlier revisions of %s: %w", a.Doc, err)
	}
	var earlier []string
	outlets := map[string]bool{}
	for rows.Next() {
		var id, outlet string
		if err := rows.Scan(&id, &outlet); err != nil {
			rows.Close()
			return false, fmt.Errorf("looking up earlier revisions of %s: %w", a.Doc, err)
		}
		if a.Outlet != "" && outlet != "" && !strings.EqualFold(a.Outlet, outlet) {
			continue
		}
		earlier = append(earlier, id)
		if outlet != "" {
			outlets[strings.ToLower(outlet)] = true
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return false, fmt.Errorf("looking up earlier revisions of %s: %w", a.Doc, err)
	}
	if len(earlier) == 0 || len(outlets) > 1 {
		return false, nil
	}
	for _, id := range earlier {
		for _, q := range []string{
			`UPDATE articles SET superseded_by = ?1 WHERE id = ?2 OR (superseded_by = ?2 AND superseded_by <> '')`,
			`DELETE FROM events WHERE article_id = ?2`,
			`DELETE FROM extractions WHERE article_id = ?2`,
		} {
			if _, err := tx.ExecContext(ctx, q, a.ID, id); err != nil {
				return false, fmt.Errorf("superseding %s (%s) by %s: %w", a.Doc, id, a.ID, err)
			}
		}
	}
	return true, nil
}

const articleCols = `id, doc, doc_kind, date, title, outlet, url, text, blocks, origin, superseded_by`

func scanArticle(row interface{ Scan(...any) error }) (*model.Article, error) {
	var a model.Article
	var date, blocks, kind string
	if err := row.Scan(&a.ID, &a.Doc, &kind, &date, &a.Title, &a.Outlet, &a.URL, &a.Text, &blocks, &a.Origin, &a.SupersededBy); err != nil {
		return nil, err
	}
	a.DocKind = model.DocKind(kind)
	if d, err := time.Parse(model.DateLayout, date); err == nil {
		a.Date = d
	}
	if err := json.Unmarshal([]byte(blocks), &a.Blocks); err != nil {
		return nil, fmt.Errorf("decoding blocks of %s: %w", a.Doc, err)
	}
	return &a, nil
}

// Article returns an article by id, else by doc name (the current
// revision, else the last stored), else by a name it was seen under as a
// duplicate.
func (s *DB) Article(ctx context.Context, key string) (*model.Article, error) {
	for _, q := range []string{
		`SELECT ` + articleCols + ` FROM articles WHERE id = ?`,
		`SELECT ` + articleCols + ` FROM articles WHERE doc = ? ORDER BY superseded_by = '' DESC, rowid DESC LIMIT 1`,
		`SELECT ` + articleCols + ` FROM articles WHERE id = (SELECT article_id FROM duplicates WHERE doc = ? LIMIT 1)`,
	} {
		a, err := scanArticle(s.db.QueryRowContext(ctx, q, key))
		if err == nil {
			return a, nil
		}
		if !errors.Is(err, sql.ErrNoRows) {
			return nil, fmt.Errorf("reading article %s: %w", key, err)
		}
	}
	return nil, fmt.Errorf("article %q: %w", key, store.ErrNotFound)
}

// Revisions lists the revisions of an article, oldest first: the current
// one and those it superseded.
func (s *DB) Revisions(ctx context.Context, id string) ([]store.Revision, error) {
	var cur string
	if err := s.db.QueryRowContext(ctx, `SELECT CASE WHEN superseded_by = '' THEN id ELSE superseded_by END FROM articles WHERE id = ?`, id).Scan(&cur); err != nil {
		if errors.Is(err, sql.ErrNoRows) {
			return nil, fmt.Errorf("article %q: %w", id, store.ErrNotFound)
		}
		return nil, fmt.Errorf("reading revisions of %s: %w", id, err)
	}
	rows, err := s.db.QueryContext(ctx, `SELECT id, doc, date, title, bytes, ingested_at, superseded_by = '' FROM articles
		WHERE id = ?1 OR (superseded_by = ?1 AND superseded_by <> '') ORDER BY rowid`, cur)
	if err != nil {
		return nil, fmt.Errorf("reading revisions of %s: %w", id, err)
	}
	defer rows.Close()
	var out []store.Revision
	for rows.Next() {
		var r store.Revision
		if err := rows.Scan(&r.ID, &r.Doc, &r.Date, &r.Title, &r.Bytes, &r.Ingested, &r.Current); err != nil {
			return nil, fmt.Errorf("reading revisions of %s: %w", id, err)
		}
		out = append(out, r)
	}
	return out, rows.Err()
}

// Stats counts articles by month and outlet.
func (s *DB) Stats(ctx context.Context) (*store.Stats, error) {
	st := &store.Stats{}
	var first, last sql.NullString
	var bytes sql.NullInt64
	if err := s.db.QueryRowContext(ctx, `SELECT count(*), min(date), max(date), sum(bytes) FROM articles WHERE superseded_by = ''`).
		Scan(&st.Articles, &first, &last, &bytes); err != nil {
		return nil, fmt.Errorf("counting articles: %w", err)
	}
	st.FirstDate, st.LastDate, st.TextBytes = first.String, last.String, bytes.Int64
	if err := s.db.QueryRowContext(ctx, `SELECT (SELECT count(*) FROM duplicates), (SELECT count(*) FROM events),
		(SELECT count(*) FROM articles WHERE superseded_by <> '')`).Scan(&st.Duplicates, &st.Events, &st.Revisions); err != nil {
		return nil, fmt.Errorf("counting duplicates and events: %w", err)
	}
	// By month and outlet, every article is counted from the indexes of
	// dates and outlets, and the earlier revisions, few and indexed, are
	// taken off: asking for the current articles alone would read every
	// article's row, text and all.
	const outletKey = `CASE WHEN outlet = '' THEN '(none)' ELSE outlet END`
	for _, c := range []struct {
		dst    *[]store.Count
		key    string
		byKey  bool
		orders string
	}{
		{&st.ByMonth, `substr(date, 1, 7)`, true, `ORDER BY 1`},
		{&st.ByOutlet, outletKey, false, `ORDER BY 2 DESC, 1`},
	} {
		all, err := s.counts(ctx, `SELECT `+c.key+`, count(*) FROM articles GROUP BY 1 `+c.orders)
		if err != nil {
			return nil, err
		}
		earlier, err := s.counts(ctx, `SELECT `+c.key+`, count(*) FROM articles WHERE superseded_by <> '' GROUP BY 1`)
		if err != nil {
			return nil, err
		}
		*c.dst = minus(all, earlier, c.byKey)
	}
	return st, nil
}

// minus takes the counts of sub off those of all, dropping the keys left
// at none, in key order or in order of count, highest first, then key.
func minus(all, sub []store.Count, byKey bool) []store.Count {
	if len(sub) == 0 {
		return all
	}
	off := make(map[string]int, len(sub))
	for _, c := range sub {
		off[c.Key] = c.Count
	}
	out := all[:0]
	for _, c := range all {
		if c.Count -= off[c.Key]; c.Count > 0 {
			out = append(out, c)
		}
	}
	if !byKey {
		sort.SliceStable(out, func(i, j int) bool {
			if out[i].Count != out[j].Count {
				return out[i].Count > out[j].Count
			}
			return out[i].Key < out[j].Key
		})
	}
	return out
}

func (s *DB) counts(ctx context.Context, q string, args ...any) ([]store.Count, error) {
	rows, err := s.db.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("counting: %w", err)
	}
	defer rows.Close()
	out := []store.Count{}
	for rows.Next() {
		var c store.Count
		if err := rows.Scan(&c.Key, &c.Count); err != nil {
			return nil, fmt.Errorf("counting: %w", err)
		}
		out = append(out, c)
	}
	return out, rows.Err()
}
