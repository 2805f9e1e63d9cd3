package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"log/slog"
	"sync"
	"time"
)

// A store in WAL mode appends each commit to its log, and a checkpoint
// copies the log's pages into the database file. SQLite checkpoints by
// default inside the commit that takes the log past 1,000 pages: that
// commit then waits while some 4 MB are written to scattered places in
// the file. Adding one article to a store of 30,000 waited 7 ms at the
// median and 33 ms at the 95th percentile that way; with checkpoints off
// the commit path, 20 ms (bench resolve --adds 1000). So checkpoints run
// here, on a connection of their own, a moment after commits, and a
// writer checkpoints itself only when the log has grown to
// writerCheckpointPages, which happens only if the background falls far
// behind.

// writerCheckpointPages is the log's length, in pages, at which a
// committing writer checkpoints itself: 16,384 pages of 4 KiB, 64 MiB.
const writerCheckpointPages = 16384

// walKeepBytes is the size a longer log is cut back to when it starts
// over (journal_size_limit).
const walKeepBytes = 16 << 20

// checkpointEvery spaces background checkpoints: each one syncs the file,
// so they are not run after every commit of a busy ingest.
const checkpointEvery = 100 * time.Millisecond

// checkpointer runs passive checkpoints in the background after commits.
type checkpointer struct {
	db   *sql.DB // one connection, used for nothing else
	kick chan struct{}
	ctx  context.Context // cancelled by close, which also interrupts a checkpoint
	stop context.CancelFunc
	wg   sync.WaitGroup
	once sync.Once // close, which a store's Close may call twice
	err  error
}

// startCheckpointer opens a connection to the store at dsn and starts
// checkpointing it after commits (committed).
func startCheckpointer(dsn string) (*checkpointer, error) {
	db, err := sql.Open("sqlite", dsn)
	if err != nil {
		return nil, err
	}
	db.SetMaxOpenConns(1)
	c := &checkpointer{db: db, kick: make(chan struct{}, 1)}
	c.ctx, c.stop = context.WithCancel(context.Background())
	c.wg.Add(1)
	go c.loop()
	return c, nil
}

// committed tells the checkpointer that a transaction committed. It never
// waits: kicks while a checkpoint is pending are one kick.
func (c *checkpointer) committed() {
	if c == nil {
		return
	}
	select {
	case c.kick <- struct{}{}:
	default:
	}
}

// loop runs a checkpoint after each kick, at most one per
// checkpointEvery, until close. A checkpoint under way when the store
// closes is interrupted: Close then copies the rest.
func (c *checkpointer) loop() {
	defer c.wg.Done()
	var last time.Time
	for {
		select {
		case <-c.ctx.Done():
			return
		case <-c.kick:
		}
		if wait := checkpointEvery - time.Since(last); wait > 0 {
			select {
			case <-c.ctx.Done():
				return
			case <-time.After(wait):
			}
		}
		// Passive: it copies what no reader still needs and never waits
		// for readers or writers. A failure only leaves the log longer,
		// for the next checkpoint or the writer to copy.
		if _, err := c.db.ExecContext(c.ctx, `PRAGMA wal_checkpoint(PASSIVE)`); err != nil {
			slog.Debug("background checkpoint", "err", err)
		}
		last = time.Now()
	}
}

// close stops the checkpoints and closes their connection.
func (c *checkpointer) close() error {
	c.once.Do(func() {
		c.stop()
		c.wg.Wait()
		if err := c.db.Close(); err != nil {
			c.err = fmt.Errorf("closing the checkpoint connection: %w", err)
		}
	})
	return c.err
}
