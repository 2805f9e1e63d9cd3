package server

import (
	_ "embed"
	"net/http"
	"sort"
	"strings"
)

// openAPI is the hand-written description of the API, served as is; a
// test checks that it names every route registered here.
//
//go:embed openapi.json
var openAPI []byte

// apiFunc computes an API response; the wrapper writes it as JSON, or the
// error as {"status":N,"error":"..."}.
type apiFunc func(r *http.Request) (any, error)

func (s *Server) registerAPI() {
	s.api("GET /api/v1/articles", s.apiSearch)
	s.api("POST /api/v1/articles", s.apiIngest)
	s.api("GET /api/v1/articles/{id}", s.apiArticle)
	s.api("GET /api/v1/events", s.apiEvents)
	s.api("GET /api/v1/events/{id}", s.apiEvent)
	s.api("GET /api/v1/timeline", s.apiTimeline)
	s.api("GET /api/v1/ledger", s.apiLedger)
	s.api("GET /api/v1/figures", s.apiFigures)
	s.api("GET /api/v1/actors/{code}", s.apiActor)
	s.api("GET /api/v1/stats", s.apiStats)
	s.routes = append(s.routes, "GET /api/v1/openapi.json")
	s.mux.HandleFunc("GET /api/v1/openapi.json", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json; charset=utf-8")
		w.Write(openAPI)
	})

	// A known path asked with another method gets a JSON 405 naming the
	// methods it has; any other path under /api/ a JSON 404.
	methods := map[string][]string{}
	var paths []string
	for _, rt := range s.routes {
		m, p, _ := strings.Cut(rt, " ")
		if methods[p] == nil {
			paths = append(paths, p)
		}
		methods[p] = append(methods[p], m)
	}
	sort.Strings(paths)
	for _, p := range paths {
		allow := strings.Join(methods[p], ", ")
		s.mux.HandleFunc(p, func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Allow", allow)
			writeError(w, http.StatusMethodNotAllowed, r.Method+" is not allowed here; use "+allow)
		})
	}
	s.mux.HandleFunc("/api/", func(w http.ResponseWriter, r *http.Request) {
		writeError(w, http.StatusNotFound, "no such API route; see /api/v1/openapi.json")
	})
}

// api registers an API route and remembers its pattern.
func (s *Server) api(pattern string, f apiFunc) {
	s.routes = append(s.routes, pattern)
	s.mux.HandleFunc(pattern, func(w http.ResponseWriter, r *http.Request) {
		v, err := f(r)
		if err != nil {
			s.fail(w, r, err)
			return
		}
		writeJSON(w, http.StatusOK, v)
	})
}
