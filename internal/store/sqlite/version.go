package sqlite

import (
	"context"
	"database/sql"
	"fmt"
)

// bumpVersion moves the store's version inside a writing transaction, so
// that the change and the new version commit together.
func bumpVersion(ctx context.Context, tx *sql.Tx) error {
	if _, err := tx.ExecContext(ctx, `UPDATE store_version SET v = v + 1`); err != nil {
		return fmt.Errorf("moving the store version: %w", err)
	}
	return nil
}

// DataVersion returns a number that changes whenever any process commits
// a change to the store: articles, events or records. A reader that keeps
// something computed from the store (the server's ledger) compares it to
// know whether to compute it again; one indexed row, so it is cheap.
func (s *DB) DataVersion(ctx context.Context) (uint64, error) {
	var v int64
	if err := s.db.QueryRowContext(ctx, `SELECT v FROM store_version`).Scan(&v); err != nil {
		return 0, fmt.Errorf("reading the store version: %w", err)
	}
	return uint64(v), nil
}
