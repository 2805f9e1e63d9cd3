package server

import (
	"bytes"
	"cmp"
	"context"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"os"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/sitrep-project/sitrep/internal/event"
	"github.com/sitrep-project/sitrep/internal/ingest"
	"github.com/sitrep-project/sitrep/internal/intake"
	"github.com/sitrep-project/sitrep/internal/model"
	"github.com/sitrep-project/sitrep/internal/store"
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
	// Notes say what was read in a way the sender may not have meant,
	// though it was stored (dates read month first for want of one that
	// tells); see intake.Note.
	Notes []string `json:"notes"`
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
// array of them, or JSON Lines) goes through the same stages as "sitrep
// ingest" (intake, event extraction, the store, resolution), but all or
// nothing: see ingestBody.
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
		var mbe *http.MaxBytesError
		if errors.As(err, &mbe) {
			return nil, err
		}
		if ctx := r.Context(); ctx.Err() != nil || errors.Is(err, os.ErrDeadlineExceeded) {
			return nil, notStored(ctx, "the body did not arrive within %s", s.opts.HandlerTimeout)
		}
		return nil, fmt.Errorf("reading the posted body: %w", err)
	}
	body, format, err := ingestFormat(body)
	if err != nil {
		return nil, err
	}
	return s.ingestBody(r.Context(), body, format)
}

// notStored is the answer to an ingest cut off before its commit: 503 when
// its deadline passed (what took too long is said by format and args),
// 499 when its client went away; both say that nothing of the body was
// stored, so that a client knows it may send the same body again, or
// smaller parts of it.
func notStored(ctx context.Context, format string, args ...any) error {
	if errors.Is(ctx.Err(), context.Canceled) {
		return &apiError{status: 499, msg: "request cancelled; nothing was stored"}
	}
	return &apiError{status: http.StatusServiceUnavailable,
		msg: fmt.Sprintf(format, args...) + "; nothing was stored: send the same body again later, or fewer articles at once"}
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

// ingestBody stores the articles of a posted body all or nothing. The
// pipeline of "sitrep ingest" commits a batch at a time, so a request cut
// off by its deadline would leave part of its body stored and answer 503;
// here every article is read and extracted in memory first (the body is
// bounded by MaxBodyBytes, so they fit), checking the deadline between
// articles, and then the whole body is stored with one call to the store's
// Put, which is one transaction. Until that commit a timeout stores
// nothing, and the answer says so.
//
// Merging the new events into records comes after the commit and is not
// cut off by the request's deadline: stopping it would undo nothing. It
// gets a HandlerTimeout of its own; if even that is not enough, the answer
// still reports what was stored, with a problem saying the merge is
// unfinished, and the next ingest's resolution (which takes every
// unresolved event of the store) completes it.
func (s *Server) ingestBody(ctx context.Context, body []byte, format intake.Format) (*IngestResult, error) {
	start := time.Now()
	res := &IngestResult{Articles: []IngestedDoc{}, Problems: []string{}, Notes: []string{}}
	sum := &res.Summary
	sum.Files = 1
	sum.Bytes = int64(len(body))
	var docs []store.Doc
	inputs := []intake.Input{{Path: "-", Size: int64(len(body)), Explicit: true}}
	opts := intake.Options{Format: format, OnNote: func(n intake.Note) { res.Notes = append(res.Notes, n.String()) }}
	err := intake.New(opts, bytes.NewReader(body)).Read(ctx, inputs, func(r intake.Result) error {
		switch {
		case r.Article != nil:
			nameUnnamed(r.Article)
			docs = append(docs, store.Doc{Article: r.Article})
		case r.Err != nil:
			sum.Skipped++
			res.Problems = append(res.Problems, r.Err.Error())
		case r.Skipped != "":
			sum.Ignored++
		}
		return nil
	}, nil)
	if err != nil {
		if ctx.Err() != nil {
			return nil, notStored(ctx, "reading the articles took longer than %s", s.opts.HandlerTimeout)
		}
		return nil, fmt.Errorf("reading the posted articles: %w", err)
	}
	sum.Articles = len(docs)
	if len(docs) == 0 {
		msg := "no article in the body"
		if len(res.Problems) > 0 {
			msg += ": " + res.Problems[0]
		}
		return nil, badRequest("%s", msg)
	}
	x := s.extractor
	if x == nil {
		x = sharedExtractor()
	}
	failed, err := extractDocs(ctx, x, event.Version, docs)
	if err != nil {
		return nil, notStored(ctx, "extracting the events of %d articles took longer than %s", len(docs), s.opts.HandlerTimeout)
	}
	kept := docs[:0]
	for i, d := range docs {
		if failed[i] != nil {
			sum.Skipped++
			res.Problems = append(res.Problems, (&intake.Error{Path: d.Article.Doc, Err: failed[i]}).Error())
			continue
		}
		kept = append(kept, d)
	}
	docs = kept
	if len(docs) == 0 {
		return nil, badRequest("no article in the body could be read: %s", res.Problems[0])
	}

	// One ingest at a time, waiting no longer than the deadline.
	select {
	case s.ingestSem <- struct{}{}:
		defer func() { <-s.ingestSem }()
	case <-ctx.Done():
		return nil, notStored(ctx, "another ingest held the store until the deadline")
	}
	// The store-wide writer lock, as every writer takes it, until the
	// merge below is done: an ingest or reextract run by the command line
	// on the same store goes first or after, never between.
	wait := time.Duration(0)
	if dl, ok := ctx.Deadline(); ok {
		wait = max(time.Until(dl), 0)
	}
	release, err := s.st.LockWriter(ctx, "sitrep serve: POST /api/v1/articles", wait, nil)
	if err != nil {
		var le *store.LockedError
		if errors.As(err, &le) || ctx.Err() != nil {
			return nil, notStored(ctx, "another writer held the store until the deadline (%s)", cmp.Or(holderOf(le), "unknown"))
		}
		return nil, fmt.Errorf("taking the store's writer lock: %w", err)
	}
	defer release()
	outs, err := s.st.Put(ctx, docs)
	if err != nil {
		if ctx.Err() != nil {
			return nil, notStored(ctx, "storing %d articles took longer than %s", len(docs), s.opts.HandlerTimeout)
		}
		return nil, fmt.Errorf("storing %d posted articles: %w", len(docs), err)
	}
	for i, o := range outs {
		sum.Count(o, len(docs[i].Events))
	}
	for _, d := range docs {
		res.Articles = append(res.Articles, IngestedDoc{ID: d.Article.ID, Doc: d.Article.Doc, Link: "/api/v1/articles/" + d.Article.ID})
	}
	s.changed()

	rctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), s.opts.HandlerTimeout)
	defer cancel()
	rs, err := s.merger.Run(rctx)
	sum.Records = rs.Created
	if err != nil {
		s.log.Error("merging posted events into records", "articles", sum.Stored, "err", err)
		res.Problems = append(res.Problems, "the articles were stored, but merging their events into records did not finish; the next ingest completes it")
	}
	// Even a merge that failed may have committed some of its batches.
	s.changed()
	sum.Elapsed = time.Since(start)
	sum.Seconds = sum.Elapsed.Seconds()
	return res, nil
}

// nameUnnamed gives an article posted without an id a name of its own.
// Intake names such a record by its place in the input, "stdin:3" (JSON
// Lines) or "stdin#3" (an array), so every post would call its first
// article "stdin:1", and a later one would hide the earlier under that
// name. The name is derived from the article's content hash (its ID)
// rather than from the time and position of the request: the same
// article posted again, as a client retrying after a timeout does, then
// gets the same name and is found unchanged instead of being recorded
// again as a duplicate under a new name, while different articles never
// share a name. (A record whose own id is exactly intake's positional
// name, "stdin:1" on line 1, cannot be told from one without an id, and
// is renamed too.)
func nameUnnamed(a *model.Article) {
	for _, sep := range []string{":", "#"} {
		if n, ok := strings.CutPrefix(a.Origin, "-"+sep); ok && a.Doc == "stdin"+sep+n {
			a.Doc = "post-" + a.ID
			return
		}
	}
}

// extractDocs extracts the events of every article on all cores, checking
// ctx between articles: one article's extraction is short, and a body's
// worth of them may not be. Each article's events land in its own slot,
// so the result does not depend on scheduling; an article whose
// extraction failed gets the error in its slot of failed.
func extractDocs(ctx context.Context, x ingest.Extractor, version string, docs []store.Doc) (failed []error, err error) {
	failed = make([]error, len(docs))
	var next atomic.Int64
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), len(docs)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for ctx.Err() == nil {
				i := int(next.Add(1)) - 1
				if i >= len(docs) {
					return
				}
				failed[i] = ingest.ExtractOne(x, version, &docs[i])
			}
		}()
	}
	wg.Wait()
	return failed, ctx.Err()
}

// holderOf names the writer a LockedError reports, or "".
func holderOf(le *store.LockedError) string {
	if le == nil {
		return ""
	}
	return le.Holder
}
