// Command sitrep turns streams of dated news articles into a sourced,
// searchable record of events. Run "sitrep --help" for its subcommands.
package main

import (
	"context"
	"os"
	"os/signal"

	"github.com/sitrep-project/sitrep/internal/cli"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	code := cli.Main(ctx, os.Args[1:])
	stop()
	os.Exit(code)
}
