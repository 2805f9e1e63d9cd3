package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"github.com/sitrep-project/sitrep/internal/store"
)

// migrations are the schema's versions, applied in order, together in one
// transaction; the number of the last one applied is kept in schema_version.
// Never edit a migration that has shipped: add a new one.
var migrations = []string{
	// 1: articles, duplicate names, and the full-text index.
	`CREATE TABLE articles (
		id TEXT PRIMARY KEY,
		doc TEXT NOT NULL,
		date TEXT NOT NULL,
		title TEXT NOT NULL DEFAULT '',
		outlet TEXT NOT NULL DEFAULT '',
		url TEXT NOT NULL DEFAULT '',
		text TEXT NOT NULL,
		blocks TEXT NOT NULL DEFAULT '[]',
		origin TEXT NOT NULL DEFAULT '',
		bytes INTEGER NOT NULL DEFAULT 0,
		ingested_at TEXT NOT NULL
	);
	CREATE INDEX articles_doc ON articles (doc);
	CREATE INDEX articles_date ON articles (date);
	CREATE INDEX articles_outlet ON articles (outlet);
	CREATE TABLE duplicates (
		doc TEXT NOT NULL,
		article_id TEXT NOT NULL REFERENCES articles (id),
		origin TEXT NOT NULL DEFAULT '',
		seen_at TEXT NOT NULL,
		PRIMARY KEY (doc, article_id)
	);
	CREATE VIRTUAL TABLE articles_fts USING fts5 (
		title, text, content = 'articles', content_rowid = 'rowid',
		tokenize = 'porter unicode61 remove_diacritics 2'
	);
	CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
		INSERT INTO articles_fts (rowid, title, text) VALUES (new.rowid, new.title, new.text);
	END;
	CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
		INSERT INTO articles_fts (articles_fts, rowid, title, text) VALUES ('delete', old.rowid, old.title, old.text);
	END;`,
	// 2: events read from each article, and which extractor read it.
	`CREATE TABLE events (
		id TEXT PRIMARY KEY,
		article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
		seq INTEGER NOT NULL,
		doc TEXT NOT NULL,
		date TEXT NOT NULL,
		type TEXT NOT NULL,
		status TEXT NOT NULL DEFAULT '',
		modality TEXT NOT NULL DEFAULT '',
		actor TEXT NOT NULL DEFAULT '',
		targets TEXT NOT NULL DEFAULT '',
		time_start TEXT NOT NULL DEFAULT '',
		time_end TEXT NOT NULL DEFAULT '',
		extractor TEXT NOT NULL,
		resolved INTEGER NOT NULL DEFAULT 0,
		data TEXT NOT NULL
	);
	CREATE INDEX events_article ON events (article_id, seq);
	CREATE INDEX events_unresolved ON events (date, doc, article_id, seq) WHERE resolved = 0;
	CREATE INDEX events_date ON events (date, type);
	CREATE INDEX events_actor ON events (actor);
	CREATE TABLE extractions (
		article_id TEXT PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
		extractor TEXT NOT NULL,
		events INTEGER NOT NULL,
		extracted_at TEXT NOT NULL
	);
	CREATE INDEX extractions_extractor ON extractions (extractor);`,
	// 3: records, the events merged across articles, and which events
	// each holds. A record's merged slots are one row; its mentions are rows
	// of their own, so that adding a report to a much-reported event writes
	// one row, not the whole record again. Removing an event (re-extraction)
	// marks its record for rebuilding.
	`CREATE TABLE records (
		id TEXT PRIMARY KEY,
		type TEXT NOT NULL,
		actor TEXT NOT NULL DEFAULT '',
		targets TEXT NOT NULL DEFAULT '',
		places TEXT NOT NULL DEFAULT '',
		status TEXT NOT NULL DEFAULT '',
		day TEXT NOT NULL,
		first_reported TEXT NOT NULL,
		last_reported TEXT NOT NULL,
		mentions INTEGER NOT NULL,
		dirty INTEGER NOT NULL DEFAULT 0,
		data TEXT NOT NULL,
		summary TEXT NOT NULL
	);
	CREATE INDEX records_lookup ON records (type, actor, day);
	CREATE INDEX records_day ON records (day, id);
	CREATE INDEX records_type_day ON records (type, day, id);
	CREATE TABLE record_parties (
		record_id TEXT NOT NULL REFERENCES records (id) ON DELETE CASCADE,
		code TEXT NOT NULL,
		day TEXT NOT NULL,
		PRIMARY KEY (code, day, record_id)
	) WITHOUT ROWID;
	CREATE INDEX record_parties_record ON record_parties (record_id);
	CREATE TABLE record_places (
		record_id TEXT NOT NULL REFERENCES records (id) ON DELETE CASCADE,
		place TEXT NOT NULL COLLATE NOCASE,
		day TEXT NOT NULL,
		PRIMARY KEY (place, day, record_id)
	) WITHOUT ROWID;
	CREATE INDEX record_places_record ON record_places (record_id);
	CREATE INDEX records_dirty ON records (dirty) WHERE dirty = 1;
	CREATE TABLE record_mentions (
		event_id TEXT PRIMARY KEY REFERENCES events (id) ON DELETE CASCADE,
		record_id TEXT NOT NULL REFERENCES records (id) ON DELETE CASCADE,
		date TEXT NOT NULL,
		doc TEXT NOT NULL,
		data TEXT NOT NULL
	);
	CREATE INDEX record_mentions_record ON record_mentions (record_id);
	CREATE INDEX record_mentions_date ON record_mentions (date);
	CREATE TRIGGER record_mentions_gone AFTER DELETE ON record_mentions BEGIN
		UPDATE records SET dirty = 1 WHERE id = old.record_id;
	END;`,
	// 4: the full-text index reads words without the invisible formatting
	// characters that split them ("Ger\u200bmany" is found by "Germany"),
	// while the stored text keeps its bytes. The characters are
	// store.InvisibleRunes; the triggers index and remove the same cleaned
	// values, as an external-content index requires, and the articles
	// that hold any of them are indexed again.
	`DROP TRIGGER articles_fts_insert;
	DROP TRIGGER articles_fts_delete;
	INSERT INTO articles_fts (articles_fts, rowid, title, text)
		SELECT 'delete', rowid, title, text FROM articles WHERE ` + hasInvisible("title") + ` OR ` + hasInvisible("text") + `;
	INSERT INTO articles_fts (rowid, title, text)
		SELECT rowid, ` + searchText("title") + `, ` + searchText("text") + ` FROM articles WHERE ` + hasInvisible("title") + ` OR ` + hasInvisible("text") + `;
	CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
		INSERT INTO articles_fts (rowid, title, text) VALUES (new.rowid, ` + searchText("new.title") + `, ` + searchText("new.text") + `);
	END;
	CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
		INSERT INTO articles_fts (articles_fts, rowid, title, text) VALUES ('delete', old.rowid, ` + searchText("old.title") + `, ` + searchText("old.text") + `);
	END;`,
	// 5: a counter every writing transaction moves, so that a reader (the
	// server's cached aggregates) can tell cheaply, and across processes,
	// whether anything was committed since it last looked.
	`CREATE TABLE store_version (v INTEGER NOT NULL);
	INSERT INTO store_version (v) VALUES (0);`,
	// 6: each article's date and outlet by rowid, in rows of a few dozen
	// bytes, for searches filtered by date or outlet. Those joined the
	// full-text matches to the articles table, whose rows hold the whole
	// text, and read a page of it per match: 170 ms for a common phrase in
	// three months of 100,000 articles. The keys of 100,000 articles fill
	// a few megabytes, which stay in a connection's cache.
	`CREATE TABLE article_keys (
		rowid INTEGER PRIMARY KEY,
		date TEXT NOT NULL,
		outlet TEXT NOT NULL
	);
	INSERT INTO article_keys (rowid, date, outlet) SELECT rowid, date, outlet FROM articles;
	CREATE TRIGGER article_keys_insert AFTER INSERT ON articles BEGIN
		INSERT INTO article_keys (rowid, date, outlet) VALUES (new.rowid, new.date, new.outlet);
	END;
	CREATE TRIGGER article_keys_delete AFTER DELETE ON articles BEGIN
		DELETE FROM article_keys WHERE rowid = old.rowid;
	END;`,
	// 7: revisions. Each article keeps where its name came from
	// (doc_kind, model.DocKind), and an article that a later text under
	// its name replaced names the revision current now (superseded_by;
	// '' for a current article). Only the few superseded articles are
	// indexed by it: an index of every row would also serve
	// "superseded_by = ''", and SQLite could pick it over the index of
	// names to find a name's current articles, reading all of them.
	//
	// Earlier revisions keep their text but leave the full-text index, so
	// that search finds current texts only: the index holds the current
	// articles, each with the values the insert trigger gave it, which is
	// what its 'delete' needs (and why it must never be rebuilt from the
	// table, which would index every revision again).
	//
	// The kinds of the articles already stored are read from their names
	// and origins: a record or feed item ("path:N", "path#N") named by its
	// place has a name ending as its origin does ("desk:12" from
	// "desk.csv:12"): a name by place; one named otherwise was named by
	// its own id, or by its date and title (the name starts with its
	// date), except the server's "post-<id>"; an article from a whole file
	// was named after the file. An id that happens to end as its origin
	// does is read as a name by place, which only keeps it from being
	// revised. Articles stored twice under one name before this version
	// stay as they are: both current, as they were.
	`ALTER TABLE articles ADD COLUMN doc_kind TEXT NOT NULL DEFAULT '';
	ALTER TABLE articles ADD COLUMN superseded_by TEXT NOT NULL DEFAULT '';
	CREATE INDEX articles_superseded ON articles (superseded_by) WHERE superseded_by <> '';
	UPDATE articles SET doc_kind = CASE
		WHEN NOT ` + placeEnd("origin") + ` THEN 'file'
		WHEN ` + placeEnd("doc") + ` AND substr(doc, -` + placeLen("doc") + `) = substr(origin, -` + placeLen("doc") + `) THEN 'place'
		WHEN doc = 'post-' || id THEN ''
		WHEN doc LIKE date || '-_%' THEN 'title'
		ELSE 'id' END;
	CREATE TRIGGER articles_fts_supersede AFTER UPDATE OF superseded_by ON articles
		WHEN old.superseded_by = '' AND new.superseded_by <> '' BEGIN
		INSERT INTO articles_fts (articles_fts, rowid, title, text) VALUES ('delete', old.rowid, ` + searchText("old.title") + `, ` + searchText("old.text") + `);
	END;
	CREATE TRIGGER articles_fts_reinstate AFTER UPDATE OF superseded_by ON articles
		WHEN old.superseded_by <> '' AND new.superseded_by = '' BEGIN
		INSERT INTO articles_fts (rowid, title, text) VALUES (new.rowid, ` + searchText("new.title") + `, ` + searchText("new.text") + `);
	END;
	DROP TRIGGER articles_fts_delete;
	CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles WHEN old.superseded_by = '' BEGIN
		INSERT INTO articles_fts (articles_fts, rowid, title, text) VALUES ('delete', old.rowid, ` + searchText("old.title") + `, ` + searchText("old.text") + `);
	END;`,
	// 8: Put indexes a batch's new articles for search in one statement
	// (indexBatch), not one trigger run per article. The full-text index
	// writes its pending terms to disk at every statement's savepoint, so
	// a trigger per article flushed it once per article: over a quarter of
	// an ingest's time, where one flush a batch does.
	`DROP TRIGGER articles_fts_insert;`,
	// 9: the merge index. Merging compares each new report with every
	// record of its type and party within days of it: it reads their
	// summaries (model.EncodeSummary), thousands a batch. Kept in the
	// records row after the record's whole JSON, a summary could only be
	// reached through that JSON's overflow pages; here they lie in key
	// order (type, party, day), so that a window of days is one range of
	// adjacent pages. The summaries already stored are JSON, which
	// model.DecodeSummary still reads; each is written in binary form the
	// next time its record changes. The triggers keep the index to the
	// records: a record deleted, or moved to another day or party, leaves
	// its old entry. merge_version moves with every transaction that saves
	// records, so that a merger keeping summaries in memory from one batch
	// to the next can tell that another process merged in between.
	`CREATE TABLE merge_version (v INTEGER NOT NULL);
	INSERT INTO merge_version (v) VALUES (0);
	CREATE TABLE record_index (
		type TEXT NOT NULL,
		actor TEXT NOT NULL,
		day TEXT NOT NULL,
		id TEXT NOT NULL,
		summary BLOB NOT NULL,
		PRIMARY KEY (type, actor, day, id)
	) WITHOUT ROWID;
	INSERT INTO record_index (type, actor, day, id, summary) SELECT type, actor, day, id, summary FROM records;
	UPDATE records SET summary = '';
	CREATE TRIGGER records_index_delete AFTER DELETE ON records BEGIN
		DELETE FROM record_index WHERE type = old.type AND actor = old.actor AND day = old.day AND id = old.id;
	END;
	CREATE TRIGGER records_index_move AFTER UPDATE OF actor, day ON records
		WHEN old.actor <> new.actor OR old.day <> new.day BEGIN
		DELETE FROM record_index WHERE type = old.type AND actor = old.actor AND day = old.day AND id = old.id;
	END;`,
	// 10: the events waiting to be merged, in a table of their own. They
	// were the events with resolved = 0, found through a partial index,
	// and merging set resolved = 1 on each: a rewrite of the event's whole
	// row, on a page of its own since events lie in the order they were
	// stored, which for an archive is not the order they are merged in.
	// That was an eighth of the time merging took at 100,000 articles.
	// Here a merged event is deleted from a table kept in the order
	// merging reads it, so a batch's deletions share a few pages. The
	// resolved column is still written when an event is stored (1 for
	// an event that is not a fact) but no longer read or updated. The
	// trigger drops the waiting entry of an event deleted (re-extraction,
	// a revision).
	`CREATE TABLE unresolved (
		date TEXT NOT NULL,
		doc TEXT NOT NULL,
		article_id TEXT NOT NULL,
		seq INTEGER NOT NULL,
		event_id TEXT NOT NULL,
		PRIMARY KEY (date, doc, article_id, seq)
	) WITHOUT ROWID;
	INSERT INTO unresolved (date, doc, article_id, seq, event_id)
		SELECT date, doc, article_id, seq, id FROM events WHERE resolved = 0;
	DROP INDEX events_unresolved;
	CREATE TRIGGER events_unresolved_gone AFTER DELETE ON events BEGIN
		DELETE FROM unresolved WHERE date = old.date AND doc = old.doc AND article_id = old.article_id AND seq = old.seq;
	END;`,
}

// placeLen is the SQL expression for the length of the place that ends a
// column's value, ":12" or "#7": the trailing digits and the mark before
// them. It is meaningful where placeEnd holds.
func placeLen(col string) string {
	return fmt.Sprintf("(length(%[1]s) - length(rtrim(%[1]s, '0123456789')) + 1)", col)
}

// placeEnd is the SQL condition that a column's value ends with a place
// in a file as intake writes it, ":12" or "#7".
func placeEnd(col string) string {
	return fmt.Sprintf("(length(rtrim(%[1]s, '0123456789')) < length(%[1]s) AND substr(rtrim(%[1]s, '0123456789'), -1) IN (':', '#'))", col)
}

// searchText is the SQL expression for a column's text as the full-text
// index reads it: without store.InvisibleRunes.
func searchText(col string) string {
	expr := col
	for _, c := range store.InvisibleRunes {
		expr = fmt.Sprintf("replace(%s, char(%d), '')", expr, c)
	}
	return expr
}

// hasInvisible is the SQL condition that a column holds one of
// store.InvisibleRunes.
func hasInvisible(col string) string {
	var parts []string
	for _, c := range store.InvisibleRunes {
		parts = append(parts, fmt.Sprintf("instr(%s, char(%d)) > 0", col, c))
	}
	return "(" + strings.Join(parts, " OR ") + ")"
}

// migrate brings the schema to the latest version. A store already up to
// date is only read, so that opening it for reading never waits for a
// writer. Otherwise the version is read again and every step applied
// inside one IMMEDIATE transaction (the driver begins every transaction
// so): two processes opening a new store at once take turns, and the
// second finds the schema made.
func migrate(ctx context.Context, db *sql.DB) error {
	var version int
	err := db.QueryRowContext(ctx, `SELECT version FROM schema_version`).Scan(&version)
	if err == nil && version == len(migrations) {
		return nil
	}
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("starting migration: %w", err)
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)`); err != nil {
		return fmt.Errorf("creating schema_version: %w", err)
	}
	err = tx.QueryRowContext(ctx, `SELECT version FROM schema_version`).Scan(&version)
	switch {
	case err == sql.ErrNoRows:
		version = 0
		if _, err := tx.ExecContext(ctx, `INSERT INTO schema_version (version) VALUES (0)`); err != nil {
			return fmt.Errorf("initialising schema_version: %w", err)
		}
	case err != nil:
		return fmt.Errorf("reading schema_version: %w", err)
	}
	if version > len(migrations) {
		return fmt.Errorf("the database has schema version %d, newer than this sitrep knows (%d): upgrade sitrep", version, len(migrations))
	}
	for v := version; v < len(migrations); v++ {
		if _, err := tx.ExecContext(ctx, migrations[v]); err != nil {
			return fmt.Errorf("migration %d: %w", v+1, err)
		}
		if _, err := tx.ExecContext(ctx, `UPDATE schema_version SET version = ?`, v+1); err != nil {
			return fmt.Errorf("migration %d: %w", v+1, err)
		}
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("committing migration: %w", err)
	}
	return nil
}
