package server

import (
	"context"
	"net/http"
	"strings"
)

// contentSecurityPolicy allows scripts, styles and images from the server
// itself only: no inline script or style, no plugins, no framing, and
// forms that post back to this origin. A script smuggled into an article
// cannot run even if some page forgot to escape it.
const contentSecurityPolicy = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; " +
	"font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"

// secure sets the headers every response carries.
func (s *Server) secure(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("Content-Security-Policy", contentSecurityPolicy)
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Referrer-Policy", "no-referrer")
		h.Set("X-Frame-Options", "DENY")
		h.Set("Cross-Origin-Opener-Policy", "same-origin")
		h.Set("Cross-Origin-Resource-Policy", "same-origin")
		next.ServeHTTP(w, r)
	})
}

// limit bounds each request's body, the time its handler may take and
// the requests handled at once; handlers pass the context on to the
// store, which stops its query when the deadline passes.
//
// The bound on requests at once is what bounds memory and database
// connections under load: every request in flight holds a connection of
// the store's pool (and its page cache) and its own buffers. A request
// over the bound queues for a slot with its own context, and is answered
// 503 with Retry-After only when its deadline passes (or its client goes)
// before a slot frees. Static files are exempt: they come from memory and
// touch no store.
func (s *Server) limit(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ctx, cancel := context.WithTimeout(r.Context(), s.opts.HandlerTimeout)
		defer cancel()
		if r.Body != nil && r.Body != http.NoBody {
			r.Body = http.MaxBytesReader(w, r.Body, s.opts.MaxBodyBytes)
			// The body is read within the same deadline as the rest of
			// the work; a listener that cannot set deadlines (a test's
			// recorder) leaves it to the server's ReadTimeout.
			if dl, ok := ctx.Deadline(); ok {
				_ = http.NewResponseController(w).SetReadDeadline(dl)
			}
		}
		if !strings.HasPrefix(r.URL.Path, "/static/") {
			select {
			case s.slots <- struct{}{}:
				defer func() { <-s.slots }()
			case <-ctx.Done():
				s.busy(w, r)
				return
			}
		}
		next.ServeHTTP(w, r.WithContext(ctx))
	})
}

// busy answers a request that found no free slot before its deadline.
func (s *Server) busy(w http.ResponseWriter, r *http.Request) {
	const msg = "the server is busy; try again shortly"
	w.Header().Set("Retry-After", "1")
	if isAPI(r) {
		writeError(w, http.StatusServiceUnavailable, msg)
		return
	}
	s.render(w, http.StatusServiceUnavailable, "error", &view{Title: "Busy", Data: errorView{Status: http.StatusServiceUnavailable, Message: msg}})
}

// recover turns a handler's panic into a 500 and a log line instead of a
// dropped connection.
func (s *Server) recover(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		defer func() {
			if v := recover(); v != nil {
				if v == http.ErrAbortHandler {
					panic(v)
				}
				s.log.Error("handler panic", "path", r.URL.Path, "panic", v)
				if isAPI(r) {
					writeError(w, http.StatusInternalServerError, "internal error")
				} else {
					http.Error(w, "internal error", http.StatusInternalServerError)
				}
			}
		}()
		next.ServeHTTP(w, r)
	})
}

func isAPI(r *http.Request) bool { return strings.HasPrefix(r.URL.Path, "/api/") }
