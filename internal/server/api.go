package server

import (
	"bytes"
	_ "embed"
	"encoding/json"
	"net/http"
	"sort"
	"strings"
	"sync"

	"github.com/sitrep-project/sitrep/internal/model"
)

// openAPISource is the hand-written description of the API; a test
// checks that it names every route registered here.
//
//go:embed openapi.json
var openAPISource []byte

// openAPI is the description as served: openAPISource with the enums of
// the EventType and FigureType schemas filled from the type registry, so
// that the document lists the types the server accepts and a new type
// needs no edit here. It is made on first use: every command starts with
// this package's variables, and only the server serves the document.
var openAPI = sync.OnceValue(func() []byte { return withTypeEnums(openAPISource) })

// withTypeEnums adds the registry's type names to the EventType and
// FigureType schemas of an OpenAPI document. The document is embedded, so
// a failure is a build mistake, and the tests meet it first.
func withTypeEnums(src []byte) []byte {
	var doc map[string]any
	if err := json.Unmarshal(src, &doc); err != nil {
		panic("openapi.json: " + err.Error())
	}
	components, _ := doc["components"].(map[string]any)
	schemas, _ := components["schemas"].(map[string]any)
	for name, types := range map[string][]model.EventType{"EventType": model.TypeNames(), "FigureType": model.FigureTypes()} {
		schema, ok := schemas[name].(map[string]any)
		if !ok {
			panic("openapi.json: no schema " + name)
		}
		schema["enum"] = types
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(doc); err != nil {
		panic("openapi.json: " + err.Error())
	}
	return buf.Bytes()
}

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
		w.Write(openAPI())
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
