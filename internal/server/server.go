// Package server is sitrep's HTTP face: a JSON API under /api/v1 and
// server-rendered web pages (search, timeline, event, article, ledger,
// figures, actor) over the same store and query layer the command line
// uses. Templates, styles and scripts are embedded, so the one binary
// serves everything offline.
//
// Everything an article brings (text, titles, outlet names, URLs) is
// untrusted: pages are rendered with html/template only, never with
// template.HTML built from stored text, JSON is written with HTML escaping
// on, and every response carries a Content-Security-Policy that allows no
// inline script. The server is read-only unless an ingest token is given.
package server

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"sync"
	"time"

	"github.com/sitrep-project/sitrep/internal/store"
)

// Options tune a Server. The zero value serves read-only with the
// default limits.
type Options struct {
	// IngestToken, when set, enables POST /api/v1/articles for requests
	// carrying "Authorization: Bearer IngestToken".
	IngestToken string
	// MaxBodyBytes bounds a request body (the ingest endpoint's).
	MaxBodyBytes int64
	// HandlerTimeout bounds the work of one request.
	HandlerTimeout time.Duration
	// Log receives request errors; nil discards them.
	Log *slog.Logger
}

// Defaults for Options fields left zero.
const (
	DefaultMaxBodyBytes   = 8 << 20
	DefaultHandlerTimeout = 15 * time.Second
)

// Server serves the API and the pages over one store.
type Server struct {
	st   store.Store
	opts Options
	log  *slog.Logger
	mux  *http.ServeMux
	h    http.Handler
	// routes lists the API patterns registered, for the OpenAPI check.
	routes []string
	pages  *pageSet
	// ingestMu serialises ingests: each runs resolution over the whole
	// store, and two at once would only contend for the write lock.
	ingestMu sync.Mutex
}

// New builds a server over st, which the caller keeps and closes.
func New(st store.Store, opts Options) (*Server, error) {
	if opts.MaxBodyBytes <= 0 {
		opts.MaxBodyBytes = DefaultMaxBodyBytes
	}
	if opts.HandlerTimeout <= 0 {
		opts.HandlerTimeout = DefaultHandlerTimeout
	}
	log := opts.Log
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	pages, err := loadPages()
	if err != nil {
		return nil, err
	}
	s := &Server{st: st, opts: opts, log: log, mux: http.NewServeMux(), pages: pages}
	s.registerAPI()
	s.registerPages()
	s.h = s.secure(s.recover(s.limit(s.mux)))
	return s, nil
}

// ServeHTTP makes the server an http.Handler, for tests and embedding.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) { s.h.ServeHTTP(w, r) }

// APIRoutes returns the API patterns registered ("GET /api/v1/stats"), in
// registration order.
func (s *Server) APIRoutes() []string { return append([]string(nil), s.routes...) }

// Serve answers requests on ln until ctx is done, then shuts down,
// letting requests in flight finish for up to five seconds.
func (s *Server) Serve(ctx context.Context, ln net.Listener) error {
	srv := &http.Server{
		Handler: s,
		// Slow clients must not hold connections open: headers within
		// 5 s, the whole request within 30 s.
		ReadHeaderTimeout: 5 * time.Second,
		ReadTimeout:       30 * time.Second,
		WriteTimeout:      s.opts.HandlerTimeout + 15*time.Second,
		IdleTimeout:       2 * time.Minute,
		MaxHeaderBytes:    64 << 10,
		ErrorLog:          slog.NewLogLogger(s.log.Handler(), slog.LevelWarn),
	}
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		return fmt.Errorf("serving on %s: %w", ln.Addr(), err)
	case <-ctx.Done():
	}
	shut, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := srv.Shutdown(shut); err != nil {
		return fmt.Errorf("shutting down: %w", err)
	}
	if err := <-errc; err != nil && !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}
