package cli

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/sitrep-project/sitrep/internal/store"
	_ "github.com/sitrep-project/sitrep/internal/store/sqlite" // the default store
)

// defaultWait is how long a writing command waits, by default, for another
// writer to finish: long enough for a scheduled ingest to queue behind the
// one before it, short enough that a forgotten run is noticed.
const defaultWait = time.Hour

// openStore opens the store named by --db. Only a command that makes
// stores (see creatingCommands) opens one that does not exist: for the
// others a missing file is a mistyped --db, and opening it would make an
// empty store, and its folder, and answer from it.
func (app *App) openStore(ctx context.Context) (store.Store, error) {
	if !app.creates {
		if err := storeExists(app.DB); err != nil {
			return nil, err
		}
	}
	return store.Open(ctx, app.DB)
}

// storeExists checks that a store file is there; a location with a URL
// scheme is left to its driver.
func storeExists(location string) error {
	if strings.Contains(location, "://") {
		return nil
	}
	path := strings.TrimPrefix(location, "file:")
	if i := strings.IndexByte(path, '?'); i >= 0 {
		path = path[:i]
	}
	info, err := os.Stat(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return fmt.Errorf("no store at %s: check --db, or make one with \"sitrep ingest --db %s FILES\"", location, location)
	case err != nil:
		return fmt.Errorf("opening store %s: %w", location, err)
	case info.IsDir():
		return fmt.Errorf("%s is a folder, not a store: give --db the store's file", location)
	}
	return nil
}

// withStore opens the store named by --db, runs f on it and closes it.
func (app *App) withStore(ctx context.Context, f func(store.Store) error) error {
	st, err := app.openStore(ctx)
	if err != nil {
		return err
	}
	defer st.Close()
	return f(st)
}

// withReader is withStore for commands that read records. It never
// writes: merging is a writer's work, so events an interrupted ingest left
// unmerged are only pointed out, with the command that merges them.
func (app *App) withReader(ctx context.Context, f func(store.Store) error) error {
	return app.withStore(ctx, func(st store.Store) error {
		app.notePending(ctx, st)
		return f(st)
	})
}

// notePending warns when some events are in no record yet: a reader shows
// records as they are, and says how to complete them.
func (app *App) notePending(ctx context.Context, st store.Store) {
	evs, err := st.Unresolved(ctx, 1)
	if err != nil || len(evs) == 0 {
		return
	}
	app.Log.Warn(`some events are not merged into records yet (an ingest is running, or one was interrupted); "sitrep merge" merges them`, "db", app.DB)
}

// writerFlags are the flags of every command that writes to the store.
type writerFlags struct {
	wait time.Duration
}

func (w *writerFlags) register(cmd *cobra.Command) {
	cmd.Flags().DurationVar(&w.wait, "wait", defaultWait, "how long to wait for another writer to finish with the store (0: give up at once)")
}

// lockWriter takes the store's writer lock for the command, saying whom it
// waits for while another writer holds it.
func (app *App) lockWriter(ctx context.Context, st store.Store, cmd *cobra.Command, w writerFlags) (func(), error) {
	release, err := st.LockWriter(ctx, cmd.CommandPath(), w.wait, func(holder string) {
		if holder == "" {
			holder = "another process"
		}
		fmt.Fprintf(app.Stderr, "another writer is writing to %s (%s); waiting up to %s…\n", app.DB, holder, w.wait)
	})
	if err != nil {
		return nil, err
	}
	return release, nil
}

// withWriter opens the store named by --db, takes its writer lock for the
// command, runs f and releases both: the frame of every writing command.
func (app *App) withWriter(ctx context.Context, cmd *cobra.Command, w writerFlags, f func(store.Store) error) error {
	return app.withStore(ctx, func(st store.Store) error {
		release, err := app.lockWriter(ctx, st, cmd, w)
		if err != nil {
			return err
		}
		defer release()
		return f(st)
	})
}
