package cli

import (
	"context"
	"fmt"

	"github.com/sitrep-project/sitrep/internal/intake"
	"github.com/sitrep-project/sitrep/internal/model"
)

// readArticles reads the articles of paths with intake, calling fn for
// each and printing one line to stderr for each input skipped. It returns
// how many inputs were skipped.
func (app *App) readArticles(ctx context.Context, in intakeFlags, paths []string, fn func(*model.Article) error) (int, error) {
	opts, err := in.options()
	if err != nil {
		return 0, err
	}
	// Notes come on the reading goroutine, which is this one: no lock.
	opts.OnNote = func(n intake.Note) { fmt.Fprintln(app.Stderr, "note:", n.String()) }
	r := intake.New(opts, app.Stdin)
	inputs, errs := r.Plan(paths)
	for _, e := range errs {
		fmt.Fprintln(app.Stderr, "skipped", e.Error())
	}
	skipped := len(errs)
	err = r.Read(ctx, inputs, func(res intake.Result) error {
		switch {
		case res.Err != nil:
			skipped++
			fmt.Fprintln(app.Stderr, "skipped", res.Err.Error())
		case res.Article != nil:
			return fn(res.Article)
		}
		return nil
	}, nil)
	return skipped, err
}
