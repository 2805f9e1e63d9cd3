package server

import (
	"bytes"
	"context"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/json"
	"io"
	"mime"
	"net/http"
	"strings"
	"sync"

	"github.com/sitrep-project/sitrep/internal/event"
	"github.com/sitrep-project/sitrep/internal/ingest"
	"github.com/sitrep-project/sitrep/internal/intake"
)

// extractor is built once: its lexicons take a moment to load, and it is
// safe for concurrent use.
var (
	extractorOnce sync.Once
	extractor     *event.Extractor
)

func sharedExtractor() *event.Extractor {
	extractorOnce.Do(func() { extractor = event.New() })
	return extractor
}

// IngestResult is what POST /api/v1/articles did.
type IngestResult struct {
	Summary  ingest.Summary `json:"summary"`
	Articles []IngestedDoc  `json:"articles"`
	Problems []string       `json:"problems"`
}

// IngestedDoc names one article of the posted body and where to read it.
type IngestedDoc struct {
	ID   string `json:"id"`
	Doc  string `json:"doc"`
	Link string `json:"link"`
}

// authorized compares the bearer token with the configured one in
// constant time; hashing both first keeps the comparison from leaking the
// token's length too.
func (s *Server) authorized(r *http.Request) bool {
	h := r.Header.Get("Authorization")
	scheme, tok, ok := strings.Cut(h, " ")
	if !ok || !strings.EqualFold(scheme, "Bearer") {
		return false
	}
	got := sha256.Sum256([]byte(strings.TrimSpace(tok)))
	want := sha256.Sum256([]byte(s.opts.IngestToken))
	return subtle.ConstantTimeCompare(got[:], want[:]) == 1
}

// apiIngest is POST /api/v1/articles: the body (one JSON article, a JSON
// array of them, or JSON Lines) goes through the same pipeline as
// "sitrep ingest": intake, event extraction, the store, resolution.
func (s *Server) apiIngest(r *http.Request) (any, error) {
	if s.opts.IngestToken == "" {
		return nil, &apiError{status: http.StatusForbidden, msg: "ingest is disabled: start the server with --ingest-token"}
	}
	if !s.authorized(r) {
		return nil, &apiError{status: http.StatusUnauthorized, msg: "missing or wrong bearer token"}
	}
	ct, _, err := mime.ParseMediaType(r.Header.Get("Content-Type"))
	if err != nil || (ct != "application/json" && ct != "application/x-ndjson" && ct != "application/jsonl" && ct != "application/x-jsonlines") {
		return nil, &apiError{status: http.StatusUnsupportedMediaType, msg: "Content-Type: want application/json (an article or an array) or application/x-ndjson (one article a line)"}
	}
	body, err := io.ReadAll(r.Body)
	if err != nil {
		return nil, err
	}
	body, format, err := ingestFormat(body)
	if err != nil {
		return nil, err
	}
	return s.ingestBody(r.Context(), body, format)
}

// ingestFormat tells a JSON array from JSON Lines, and puts a single
// pretty-printed object on one line so the JSON Lines reader takes it.
func ingestFormat(body []byte) ([]byte, intake.Format, error) {
	t := bytes.TrimSpace(body)
	switch {
	case len(t) == 0:
		return nil, "", badRequest("empty body: post a JSON article, an array of them, or JSON Lines")
	case t[0] == '[':
		return t, intake.FormatJSON, nil
	case t[0] == '{':
		if json.Valid(t) {
			var buf bytes.Buffer
			if err := json.Compact(&buf, t); err == nil {
				return buf.Bytes(), intake.FormatJSONL, nil
			}
		}
		return t, intake.FormatJSONL, nil
	}
	return nil, "", badRequest("body: not JSON (post a JSON article, an array of them, or JSON Lines)")
}

func (s *Server) ingestBody(ctx context.Context, body []byte, format intake.Format) (*IngestResult, error) {
	opts := intake.Options{Format: format}
	res := &IngestResult{Articles: []IngestedDoc{}, Problems: []string{}}
	// A first pass names the articles for the answer; the pipeline reads
	// the body again on its own.
	inputs := []intake.Input{{Path: "-", Size: int64(len(body)), Explicit: true}}
	err := intake.New(opts, bytes.NewReader(body)).Read(ctx, inputs, func(r intake.Result) error {
		if r.Article != nil {
			res.Articles = append(res.Articles, IngestedDoc{ID: r.Article.ID, Doc: r.Article.Doc, Link: "/api/v1/articles/" + r.Article.ID})
		}
		return nil
	}, nil)
	if err != nil {
		return nil, err
	}
	s.ingestMu.Lock()
	defer s.ingestMu.Unlock()
	sum, err := ingest.Run(ctx, intake.New(opts, bytes.NewReader(body)), inputs, s.st, ingest.Options{
		Extractor: sharedExtractor(),
		Version:   event.Version,
		Resolve:   true,
		OnProblem: func(e *intake.Error) { res.Problems = append(res.Problems, e.Error()) },
	})
	if err != nil {
		return nil, err
	}
	res.Summary = sum
	if sum.Articles == 0 {
		msg := "no article in the body"
		if len(res.Problems) > 0 {
			msg += ": " + res.Problems[0]
		}
		return nil, badRequest("%s", msg)
	}
	return res, nil
}
