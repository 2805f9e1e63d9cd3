package cli

import (
	"fmt"
	"net"
	"os"
	"runtime/debug"
	"time"

	"github.com/spf13/cobra"

	"github.com/sitrep-project/sitrep/internal/server"
)

func init() { addCommand(newServeCmd) }

func newServeCmd(app *App) *cobra.Command {
	var addr, token string
	var allowHosts []string
	var maxInFlight, cacheMB, memMB int
	var maxBody int64
	var timeout time.Duration
	cmd := &cobra.Command{
		Use:   "serve",
		Short: "Serve the web pages and the JSON API over the store",
		Long: `Serve the store over HTTP: web pages (search, timeline, events, articles, the
aid ledger, figures, actors) and a JSON API under /api/v1, described by
/api/v1/openapi.json. Everything the pages need is built into the binary, so
they work offline.

The server listens on 127.0.0.1:8080 unless told otherwise, and is read-only.
With --ingest-token (or SITREP_INGEST_TOKEN in the environment), POST
/api/v1/articles accepts articles as JSON or JSON Lines from clients sending
"Authorization: Bearer TOKEN", and runs them through the same pipeline as
"sitrep ingest". Listen on another address only behind a proxy you trust:
the server speaks plain HTTP.

Requests are answered only when their Host header names this server, so
that a web page cannot read the store through DNS rebinding: on a loopback
address, localhost, 127.0.0.1, [::1] and the --addr host (with the port or
without); on another address or name, that one; on all interfaces (":8080",
"0.0.0.0:8080"), any, unless --allow-host names the ones to answer. Behind a
proxy, name the host the proxy forwards with --allow-host. Other requests
get 421 Misdirected Request.`,
		Example: `  sitrep serve
  sitrep serve --addr 127.0.0.1:9000
  sitrep serve --allow-host news.example.org
  SITREP_INGEST_TOKEN=$(openssl rand -hex 16) sitrep serve`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if token == "" {
				token = os.Getenv("SITREP_INGEST_TOKEN")
			}
			if token != "" && len(token) < 16 {
				return fmt.Errorf("--ingest-token: use at least 16 characters")
			}
			ctx := cmd.Context()
			st, err := app.openStore(ctx)
			if err != nil {
				return err
			}
			defer st.Close()
			app.notePending(ctx, st)
			srv, err := server.New(st, server.Options{IngestToken: token, MaxBodyBytes: maxBody, HandlerTimeout: timeout,
				MaxInFlight: maxInFlight, Addr: addr, AllowedHosts: allowHosts, CacheBytes: cacheBytes(cacheMB), Log: app.Log})
			if err != nil {
				return err
			}
			ln, err := net.Listen("tcp", addr)
			if err != nil {
				return fmt.Errorf("listening on %s: %w", addr, err)
			}
			if host, _, err := net.SplitHostPort(addr); err == nil {
				if ip := net.ParseIP(host); ip == nil || !ip.IsLoopback() {
					app.Log.Warn("listening beyond this machine: anyone who can reach it can read the store", "addr", ln.Addr().String())
				}
			}
			ingest := "off"
			if token != "" {
				ingest = "on"
			}
			mem := setMemoryLimit(memMB)
			app.Log.Info("serving", "url", "http://"+ln.Addr().String()+"/", "db", app.DB, "ingest", ingest, "memory_limit", mem)
			return srv.Serve(ctx, ln)
		},
	}
	f := cmd.Flags()
	f.StringVar(&addr, "addr", "127.0.0.1:8080", "address to listen on, HOST:PORT")
	f.StringVar(&token, "ingest-token", "", "enable POST /api/v1/articles for clients sending this bearer token (default $SITREP_INGEST_TOKEN)")
	f.Int64Var(&maxBody, "max-body", server.DefaultMaxBodyBytes, "largest request body accepted, in bytes")
	f.DurationVar(&timeout, "timeout", server.DefaultHandlerTimeout, "longest time one request may take, waiting for a free slot included")
	f.StringSliceVar(&allowHosts, "allow-host", nil, "also answer requests for this Host, such as a proxy's name, HOST or HOST:PORT (repeatable, or comma-separated)")
	f.IntVar(&maxInFlight, "max-in-flight", 0, fmt.Sprintf("requests handled at once; more wait for a slot until their deadline (0: %d per CPU)", server.DefaultInFlightPerCPU))
	f.IntVar(&cacheMB, "cache-size", server.DefaultCacheBytes>>20, "MiB of answers kept while the store is unchanged (0: none)")
	f.IntVar(&memMB, "memory-limit", defaultMemoryMiB, "MiB of memory the server aims to stay under, a soft limit that makes the garbage collector work harder near it (0: none; $GOMEMLIMIT, when set, wins)")
	return cmd
}

// defaultMemoryMiB is the server's default soft memory limit. An
// aggregate of a large store (the ledger of 100,000 articles) is computed
// from hundreds of megabytes of decoded records that are garbage a moment
// later; without a limit the heap grows to twice its live size before the
// collector runs, and the process holds that memory. 768 MiB leaves room
// for SQLite's mapped file and caches within a gigabyte.
const defaultMemoryMiB = 768

// setMemoryLimit sets the Go runtime's soft memory limit to mb MiB, unless
// mb is 0 or $GOMEMLIMIT already set one, and says what it set.
func setMemoryLimit(mb int) string {
	if os.Getenv("GOMEMLIMIT") != "" {
		return "$GOMEMLIMIT"
	}
	if mb <= 0 {
		return "none"
	}
	debug.SetMemoryLimit(int64(mb) << 20)
	return fmt.Sprintf("%d MiB", mb)
}

// cacheBytes turns --cache-size (MiB, 0 for none) into the server's
// Options.CacheBytes (below zero for none).
func cacheBytes(mb int) int64 {
	if mb <= 0 {
		return -1
	}
	return int64(mb) << 20
}
