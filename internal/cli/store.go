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
