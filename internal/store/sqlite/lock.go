package sqlite

import (
	"context"
	"fmt"
	"os"
	"strings"
	"sync"
	"time"

	"github.com/gofrs/flock"

	"github.com/sitrep-project/sitrep/internal/store"
)

// lockPoll is how often a waiting writer tries the lock again.
const lockPoll = 50 * time.Millisecond

// LockWriter takes the store's writer lock: an advisory lock (flock on
// Unix, LockFileEx on Windows) on the file beside the database named
// PATH.lock. The operating system releases it when the process ends, even
// by kill -9, so a crashed ingest never leaves the store locked. The file
// holds the holder's process id and description while it is held, so that
// a waiting writer can say whom it waits for; it stays behind, empty,
// after release (removing it would race with the next writer opening it).
func (s *DB) LockWriter(ctx context.Context, who string, wait time.Duration, waiting func(holder string)) (func(), error) {
	path := s.path + ".lock"
	fl := flock.New(path, flock.SetFlag(os.O_CREATE|os.O_RDWR), flock.SetPermissions(0o644))
	start := time.Now()
	told := false
	for {
		ok, err := fl.TryLock()
		if err != nil {
			return nil, fmt.Errorf("taking the writer lock %s: %w", path, err)
		}
		if ok {
			break
		}
		holder := readHolder(path)
		if !told && waiting != nil && wait > 0 {
			waiting(holder)
			told = true
		}
		if time.Since(start) >= wait {
			return nil, &store.LockedError{Store: s.path, Holder: holder, Waited: time.Since(start)}
		}
		select {
		case <-ctx.Done():
			return nil, &store.LockedError{Store: s.path, Holder: holder, Waited: time.Since(start), Err: ctx.Err()}
		case <-time.After(lockPoll):
		}
	}
	// Write who holds it through a separate handle: the lock's own
	// descriptor is not exposed for writing on every platform.
	note := fmt.Sprintf("pid %d: %s, since %s", os.Getpid(), who, time.Now().UTC().Format(time.RFC3339))
	if err := os.WriteFile(path, []byte(note+"\n"), 0o644); err != nil {
		fl.Unlock()
		return nil, fmt.Errorf("writing the writer lock %s: %w", path, err)
	}
	var once sync.Once
	return func() {
		once.Do(func() {
			_ = os.Truncate(path, 0)
			_ = fl.Unlock()
		})
	}, nil
}

// readHolder returns the description a holder wrote into the lock file,
// or "" when there is none yet (it has locked but not yet written).
func readHolder(path string) string {
	b, err := os.ReadFile(path)
	if err != nil {
		return ""
	}
	return strings.TrimSpace(string(b))
}
