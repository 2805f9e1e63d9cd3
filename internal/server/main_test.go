package server

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/sitrep-project/sitrep/internal/event"
	"github.com/sitrep-project/sitrep/internal/ingest"
	"github.com/sitrep-project/sitrep/internal/intake"
	"github.com/sitrep-project/sitrep/internal/store"
	"github.com/sitrep-project/sitrep/internal/store/sqlite"
)

// corpusStore is the sample corpus ingested once for the package's
// read-only tests.
var (
	corpusStore store.Store
	corpusDir   string
)

func TestMain(m *testing.M) {
	code, err := run(m)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	os.Exit(code)
}

func run(m *testing.M) (int, error) {
	dir, err := os.MkdirTemp("", "sitrep-server-test-")
	if err != nil {
		return 0, err
	}
	defer os.RemoveAll(dir)
	corpusDir = dir
	st, err := buildCorpusStore(context.Background(), filepath.Join(dir, "corpus.db"))
	if err != nil {
		return 0, fmt.Errorf("building the corpus store: %w", err)
	}
	defer st.Close()
	corpusStore = st
	return m.Run(), nil
}

// repoRoot walks up from the package to the folder holding go.mod.
func repoRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", fmt.Errorf("no go.mod above %s", dir)
		}
		dir = parent
	}
}

// buildCorpusStore ingests examples/corpus into a new store at path, the
// way "sitrep ingest" does: extraction and resolution included.
func buildCorpusStore(ctx context.Context, path string) (store.Store, error) {
	root, err := repoRoot()
	if err != nil {
		return nil, err
	}
	st, err := sqlite.Open(ctx, path)
	if err != nil {
		return nil, err
	}
	r := intake.New(intake.Options{}, nil)
	inputs, errs := r.Plan([]string{filepath.Join(root, "examples", "corpus")})
	if len(errs) > 0 {
		st.Close()
		return nil, errs[0]
	}
	sum, err := ingest.Run(ctx, r, inputs, st, ingest.Options{Extractor: event.New(), Version: event.Version, Resolve: true})
	if err != nil {
		st.Close()
		return nil, err
	}
	if sum.Stored < 40 {
		st.Close()
		return nil, fmt.Errorf("only %d corpus articles stored", sum.Stored)
	}
	return st, nil
}

// newTestServer serves the corpus store.
func newTestServer(t testing.TB) *Server {
	t.Helper()
	s, err := New(corpusStore, Options{})
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// response is a recorded answer.
type response struct {
	code   int
	header http.Header
	body   string
}

func get(t testing.TB, h http.Handler, target string) response {
	t.Helper()
	return do(t, h, httptest.NewRequest(http.MethodGet, target, nil))
}

func do(t testing.TB, h http.Handler, req *http.Request) response {
	t.Helper()
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	body, _ := io.ReadAll(rec.Result().Body)
	return response{code: rec.Code, header: rec.Header(), body: string(body)}
}

// getJSON fetches an API route, checks the status, and decodes the body.
func getJSON(t testing.TB, h http.Handler, target string, want int, v any) {
	t.Helper()
	r := get(t, h, target)
	if r.code != want {
		t.Fatalf("GET %s: status %d, want %d: %s", target, r.code, want, r.body)
	}
	if ct := r.header.Get("Content-Type"); !strings.HasPrefix(ct, "application/json") {
		t.Fatalf("GET %s: Content-Type %q", target, ct)
	}
	if v != nil {
		if err := json.Unmarshal([]byte(r.body), v); err != nil {
			t.Fatalf("GET %s: decoding %q: %v", target, r.body, err)
		}
	}
}
