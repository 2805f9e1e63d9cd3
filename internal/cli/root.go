// Package cli is sitrep's command-line interface: one file per subcommand,
// each a thin layer that parses flags, calls the pipeline packages and prints
// their results as a table or, with --json, as JSON for scripts.
package cli

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"os"

	"github.com/spf13/cobra"
	"golang.org/x/term"
)

// App carries what every subcommand shares: the global flags and the
// streams to write to, so tests can run commands without a terminal.
type App struct {
	DB    string // store location: a SQLite file path
	JSON  bool   // print machine-readable JSON instead of tables
	Quiet bool   // no progress and no summary line

	Stdin  io.Reader
	Stdout io.Writer
	Stderr io.Writer
	Log    *slog.Logger

	// creates is set for a command that makes the store when it does not
	// exist (ingest); every other command refuses a store that is not
	// there, so that a mistyped --db is an error, not an empty answer.
	creates bool
}

// creatingCommands are the commands that make the store named by --db
// when it does not exist yet.
var creatingCommands = map[string]bool{"ingest": true}

// commands lists the constructors of every subcommand; each command's file
// adds its own in an init function so adding a command touches one file.
var commands []func(*App) *cobra.Command

func addCommand(f func(*App) *cobra.Command) { commands = append(commands, f) }

// NewRoot builds the sitrep command tree writing to the given streams.
func NewRoot(stdin io.Reader, stdout, stderr io.Writer) *cobra.Command {
	app := &App{Stdin: stdin, Stdout: stdout, Stderr: stderr}
	root := &cobra.Command{
		Use:   "sitrep",
		Short: "Turn dated news articles into a sourced, searchable record of events",
		Long: `sitrep reads news articles (text, JSONL, CSV, RSS/Atom, HTML), stores them in an
embedded database, and extracts who gave what to whom, how much, when, where and
according to whom.`,
		SilenceUsage:  true,
		SilenceErrors: true,
		PersistentPreRun: func(cmd *cobra.Command, args []string) {
			app.creates = creatingCommands[cmd.Name()] && cmd.Parent() == cmd.Root()
			level := slog.LevelInfo
			if app.Quiet {
				level = slog.LevelWarn
			}
			app.Log = slog.New(slog.NewTextHandler(app.Stderr, &slog.HandlerOptions{Level: level}))
		},
	}
	root.SetIn(stdin)
	root.SetOut(stdout)
	root.SetErr(stderr)
	pf := root.PersistentFlags()
	pf.StringVar(&app.DB, "db", "./sitrep.db", "store: a SQLite file path (made by \"sitrep ingest\" when it does not exist)")
	pf.BoolVar(&app.JSON, "json", false, "print JSON for scripts instead of tables")
	pf.BoolVarP(&app.Quiet, "quiet", "q", false, "print no progress and no summary")
	for _, f := range commands {
		root.AddCommand(f(app))
	}
	return root
}

// Main runs the command line and returns the process exit code.
func Main(ctx context.Context, args []string) int {
	root := NewRoot(os.Stdin, os.Stdout, os.Stderr)
	root.SetArgs(args)
	if err := root.ExecuteContext(ctx); err != nil {
		var ec exitCode
		if asExitCode(err, &ec) {
			if ec.msg != "" {
				fmt.Fprintln(os.Stderr, "sitrep:", ec.msg)
			}
			return ec.code
		}
		fmt.Fprintln(os.Stderr, "sitrep:", err)
		return 1
	}
	return 0
}

// exitCode is an error that asks for a particular exit status, used when a
// command finished its work but must still report failure (skipped input).
type exitCode struct {
	code int
	msg  string
}

// Error returns the message printed on exit.
func (e exitCode) Error() string { return e.msg }

func asExitCode(err error, target *exitCode) bool {
	ec, ok := err.(exitCode)
	if ok {
		*target = ec
	}
	return ok
}

// isTerminal reports whether w is an interactive terminal, where progress
// bars make sense; pipes and files get none.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}

// printJSON writes v as one line of JSON.
func printJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}
