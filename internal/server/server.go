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
	"runtime"
	"sync/atomic"
	"time"

	"github.com/sitrep-project/sitrep/internal/ingest"
	"github.com/sitrep-project/sitrep/internal/resolve"
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
	// HandlerTimeout bounds the work of one request, the time it waits
	// for a free slot (see MaxInFlight) included.
	HandlerTimeout time.Duration
	// MaxInFlight bounds the requests handled at once; the rest wait for
	// a slot until their deadline. Zero means DefaultInFlightPerCPU per
	// CPU.
	MaxInFlight int
	// Addr is the address the server is meant to listen on, as the user
	// wrote it ("127.0.0.1:8080", ":8080", "news.example.org:8080"). With
	// the listener's own address, which Serve adds, it decides which Host
	// headers are answered: on a loopback address localhost, 127.0.0.1,
	// [::1] and Addr's host; on another address or name, that one; on
	// all interfaces, any. Left empty, Serve takes the listener's address;
	// a server used only through ServeHTTP, with neither Addr nor
	// AllowedHosts, answers every Host (its embedder decides).
	Addr string
	// AllowedHosts are further Host names to answer, such as a proxy's
	// ("news.example.org", or with a port, "news.example.org:8443"). On
	// all interfaces, naming any restricts the server to these and the
	// loopback names.
	AllowedHosts []string
	// CacheBytes bounds the response cache (see respCache): zero means
	// DefaultCacheBytes, below zero turns the cache off.
	CacheBytes int64
	// Log receives request errors; nil discards them.
	Log *slog.Logger
}

// Defaults for Options fields left zero.
const (
	DefaultMaxBodyBytes   = 8 << 20
	DefaultHandlerTimeout = 15 * time.Second
	// DefaultInFlightPerCPU sizes the request limit: a request mostly
	// waits on SQLite or renders a template, so a few per core keep the
	// CPUs busy, while more would only add memory (each store connection
	// keeps its own page cache) and latency for all.
	DefaultInFlightPerCPU = 4
)

// Server serves the API and the pages over one store.
type Server struct {
	st store.Store
	// merger merges posted articles' events, keeping the records near the
	// news in memory from one post to the next.
	merger *resolve.Resolver
	opts   Options
	log    *slog.Logger
	mux    *http.ServeMux
	h      http.Handler
	// routes lists the API patterns registered, for the OpenAPI check.
	routes []string
	pages  *pageSet
	// ingestSem serialises ingests: each runs resolution over the whole
	// store, and two at once would only contend for the write lock. It is
	// a channel so that a request waits for it no longer than its deadline.
	ingestSem chan struct{}
	// slots bounds the requests handled at once (see limit).
	slots chan struct{}
	// hosts is the Host header policy; Serve replaces it once the bound
	// address is known.
	hosts atomic.Pointer[hostPolicy]
	// extractor reads events from posted articles; tests swap it.
	extractor ingest.Extractor
	// writes counts this server's commits to the store (see changed).
	writes atomic.Uint64
	// aggs keeps the ledger and figures between requests (see aggCache);
	// counts the counts of record filters.
	aggs, counts *aggCache
	// resp keeps whole answers while the store is unchanged (see
	// respCache); nil when the cache is off.
	resp *respCache
	// warmed is closed when the aggregates computed at start are ready
	// (see keepWarm); warmEvery is how often keepWarm looks for writes.
	warmed    chan struct{}
	warmEvery time.Duration
	// refused counts requests refused for their Host; refusedLog is when
	// (Unix nanoseconds) the last of them was logged.
	refused, refusedLog atomic.Int64
}

// New builds a server over st, which the caller keeps and closes.
func New(st store.Store, opts Options) (*Server, error) {
	if opts.MaxBodyBytes <= 0 {
		opts.MaxBodyBytes = DefaultMaxBodyBytes
	}
	if opts.HandlerTimeout <= 0 {
		opts.HandlerTimeout = DefaultHandlerTimeout
	}
	if opts.MaxInFlight <= 0 {
		opts.MaxInFlight = DefaultInFlightPerCPU * runtime.GOMAXPROCS(0)
	}
	hosts, err := newHostPolicy(opts.Addr, nil, opts.AllowedHosts)
	if err != nil {
		return nil, err
	}
	log := opts.Log
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	pages, err := loadPages()
	if err != nil {
		return nil, err
	}
	s := &Server{st: st, merger: resolve.New(st), opts: opts, log: log, mux: http.NewServeMux(), pages: pages,
		ingestSem: make(chan struct{}, 1), slots: make(chan struct{}, opts.MaxInFlight), aggs: newAggCache(aggregateTTL, maxAggregates),
		counts: newAggCache(aggregateTTL, maxCounts),
		warmed: make(chan struct{}), warmEvery: warmInterval}
	switch {
	case opts.CacheBytes == 0:
		s.resp = newRespCache(DefaultCacheBytes)
	case opts.CacheBytes > 0:
		s.resp = newRespCache(opts.CacheBytes)
	}
	s.hosts.Store(hosts)
	s.registerAPI()
	s.registerPages()
	// The Host check comes before the limit, so that refused requests
	// never take a slot.
	s.h = s.secure(s.checkHost(s.recover(s.limit(s.cache(s.mux)))))
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
	hosts, err := newHostPolicy(s.opts.Addr, ln.Addr(), s.opts.AllowedHosts)
	if err != nil {
		return err
	}
	s.hosts.Store(hosts)
	srv := &http.Server{
		Handler: s,
		// Slow clients must not hold connections open: headers within
		// 5 s, the whole request within 30 s.
		ReadHeaderTimeout: 5 * time.Second,
		ReadTimeout:       30 * time.Second,
		// An ingest may spend a second HandlerTimeout merging the events
		// it committed (see ingestBody); the answer must still get out.
		WriteTimeout:   2*s.opts.HandlerTimeout + 15*time.Second,
		IdleTimeout:    2 * time.Minute,
		MaxHeaderBytes: 64 << 10,
		ErrorLog:       slog.NewLogLogger(s.log.Handler(), slog.LevelWarn),
	}
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	go s.keepWarm(ctx)
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

// Warmed is closed once the aggregates Serve computes as it starts are
// ready (or could not be computed): a benchmark waits for it, so that
// what it measures is not the start.
func (s *Server) Warmed() <-chan struct{} { return s.warmed }

// changed notes that this server wrote to the store, so that what it has
// computed from the store's earlier state is computed again.
func (s *Server) changed() { s.writes.Add(1) }
