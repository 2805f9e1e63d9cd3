package cli

import (
	"context"

	"github.com/sitrep-project/sitrep/internal/store"
	_ "github.com/sitrep-project/sitrep/internal/store/sqlite" // the default store
)

// openStore opens the store named by --db.
func (app *App) openStore(ctx context.Context) (store.Store, error) {
	return store.Open(ctx, app.DB)
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

// withResolved is withStore for commands that read records: it first
// merges the events an interrupted ingest left unmerged.
func (app *App) withResolved(ctx context.Context, f func(store.Store) error) error {
	st, err := app.openResolved(ctx)
	if err != nil {
		return err
	}
	defer st.Close()
	return f(st)
}
