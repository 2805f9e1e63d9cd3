package server

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/sitrep-project/sitrep/internal/model"
)

// stallExtractor finds no events, and at its at-th article (counting from
// 1) runs stall, standing for an extraction that takes too long.
type stallExtractor struct {
	n     atomic.Int64
	at    int64
	stall func()
}

func (x *stallExtractor) Extract(*model.Article) []model.Event {
	if x.n.Add(1) == x.at {
		x.stall()
	}
	return nil
}

// wireBody is n short articles of our own as JSON Lines, each with an id,
// so that the ingest pipeline's batches (500 articles) would split them.
func wireBody(n int) string {
	var b strings.Builder
	for i := range n {
		fmt.Fprintf(&b, `{"id":"wire-%04d","date":"2022-04-%02d","text":"Convoy %d reached the depot at dawn with %d crates of medical supplies, the regional office said."}`+"\n",
			i, 1+i%28, i, 10+i)
	}
	return b.String()
}

// storedArticles counts the articles the server's store holds.
func storedArticles(t *testing.T, s *Server) int {
	t.Helper()
	st, err := s.st.Stats(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return st.Articles
}

// TestIngestIsAllOrNothing cuts an ingest off after more than one
// pipeline batch's worth of articles was read, by its deadline or by its
// client going away, and checks that none of the body was stored.
func TestIngestIsAllOrNothing(t *testing.T) {
	const n = 700
	cases := []struct {
		name    string
		timeout time.Duration
		// stall makes the extractor run over at article 600, given the
		// request's cancel function.
		stall  func(cancel context.CancelFunc)
		status int
	}{
		{"deadline passes", 2 * time.Second, func(context.CancelFunc) { time.Sleep(3 * time.Second) }, http.StatusServiceUnavailable},
		{"client goes away", time.Minute, func(cancel context.CancelFunc) { cancel() }, 499},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s := ingestServer(t, Options{HandlerTimeout: c.timeout})
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			s.extractor = &stallExtractor{at: 600, stall: func() { c.stall(cancel) }}
			req := httptest.NewRequestWithContext(ctx, http.MethodPost, "/api/v1/articles", strings.NewReader(wireBody(n)))
			req.Header.Set("Authorization", "Bearer "+testToken)
			req.Header.Set("Content-Type", "application/x-ndjson")
			r := do(t, s, req)
			if got := storedArticles(t, s); got != 0 {
				t.Errorf("%d of %d articles stored by a request that did not finish", got, n)
			}
			if r.code != c.status {
				t.Fatalf("status %d, want %d: %s", r.code, c.status, r.body)
			}
			if c.status == http.StatusServiceUnavailable && !strings.Contains(r.body, "nothing was stored") {
				t.Errorf("answer does not say nothing was stored: %s", r.body)
			}
		})
	}

	// The same body with time enough goes in whole, in one request.
	s := ingestServer(t, Options{})
	s.extractor = &stallExtractor{}
	r := post(t, s, "Bearer "+testToken, "application/x-ndjson", wireBody(n))
	var res IngestResult
	if err := json.Unmarshal([]byte(r.body), &res); err != nil || r.code != 200 {
		t.Fatalf("%d %s", r.code, r.body)
	}
	if res.Summary.Stored != n || len(res.Articles) != n || storedArticles(t, s) != n {
		t.Errorf("stored %d (answer) and %d (store) of %d", res.Summary.Stored, storedArticles(t, s), n)
	}
}

// TestIngestNamesArticlesWithoutID posts articles without ids in two
// requests and checks that each can be read by its own name, and that
// posting one again finds it unchanged.
func TestIngestNamesArticlesWithoutID(t *testing.T) {
	s := ingestServer(t, Options{})
	s.extractor = &stallExtractor{}
	posts := []struct {
		ctype, body string
		titles      []string
	}{
		{"application/json", `{"date":"2022-05-02","title":"Ferry service resumes","text":"The river ferry resumed service on Monday after repairs to its landing stage, the port authority said."}`,
			[]string{"Ferry service resumes"}},
		{"application/x-ndjson", `{"date":"2022-05-03","title":"Bridge reopens","text":"The old bridge reopened to light traffic on Tuesday, city engineers said."}
{"date":"2022-05-03","title":"Market hours extended","text":"The central market will stay open two hours longer from Wednesday, the council announced."}
`, []string{"Bridge reopens", "Market hours extended"}},
		{"application/json", `[{"date":"2022-05-04","title":"School repairs finished","text":"Repairs to the school roof were finished on Wednesday, the district office said."}]`,
			[]string{"School repairs finished"}},
	}
	seen := map[string]string{}
	for _, p := range posts {
		r := post(t, s, "Bearer "+testToken, p.ctype, p.body)
		var res IngestResult
		if err := json.Unmarshal([]byte(r.body), &res); err != nil || r.code != 200 {
			t.Fatalf("%d %s", r.code, r.body)
		}
		if len(res.Articles) != len(p.titles) {
			t.Fatalf("answer names %d articles, want %d: %s", len(res.Articles), len(p.titles), r.body)
		}
		for i, d := range res.Articles {
			if prev, ok := seen[d.Doc]; ok {
				t.Errorf("%q and %q share the name %q", prev, p.titles[i], d.Doc)
			}
			seen[d.Doc] = p.titles[i]
			if strings.HasPrefix(d.Doc, "stdin") {
				t.Errorf("%q named %q", p.titles[i], d.Doc)
			}
			var a ArticleJSON
			getJSON(t, s, "/api/v1/articles/"+d.Doc, 200, &a)
			if a.Title != p.titles[i] {
				t.Errorf("the name %q reads %q, want %q", d.Doc, a.Title, p.titles[i])
			}
		}
	}
	// A retry of the first post: the same name, nothing new.
	r := post(t, s, "Bearer "+testToken, posts[0].ctype, posts[0].body)
	var res IngestResult
	json.Unmarshal([]byte(r.body), &res)
	if r.code != 200 || res.Summary.Unchanged != 1 || res.Summary.Duplicates != 0 || seen[res.Articles[0].Doc] != posts[0].titles[0] {
		t.Errorf("posting again: %d %s", r.code, r.body)
	}
	// An id given is kept.
	r = post(t, s, "Bearer "+testToken, "application/json", `{"id":"bus-route","date":"2022-05-05","text":"The night bus route was extended to the northern suburbs on Thursday."}`)
	res = IngestResult{}
	json.Unmarshal([]byte(r.body), &res)
	if r.code != 200 || len(res.Articles) != 1 || res.Articles[0].Doc != "bus-route" {
		t.Errorf("an article posted with an id: %d %s", r.code, r.body)
	}
}

// panicExtractor fails on its at-th article (counting from 1), as a rule
// meeting text it was not written for might.
type panicExtractor struct {
	n  atomic.Int64
	at int64
}

func (x *panicExtractor) Extract(*model.Article) []model.Event {
	if x.n.Add(1) == x.at {
		panic("a rule failed")
	}
	return nil
}

// TestIngestSkipsAnArticleWhoseExtractionPanics checks that an extraction
// panic costs its article, named in the answer, not the process or the
// rest of the body.
func TestIngestSkipsAnArticleWhoseExtractionPanics(t *testing.T) {
	s := ingestServer(t, Options{HandlerTimeout: time.Minute})
	s.extractor = &panicExtractor{at: 3}
	req := httptest.NewRequest(http.MethodPost, "/api/v1/articles", strings.NewReader(wireBody(5)))
	req.Header.Set("Authorization", "Bearer "+testToken)
	req.Header.Set("Content-Type", "application/x-ndjson")
	r := do(t, s, req)
	if r.code != http.StatusOK {
		t.Fatalf("status %d: %s", r.code, r.body)
	}
	var res IngestResult
	if err := json.Unmarshal([]byte(r.body), &res); err != nil {
		t.Fatal(err)
	}
	if res.Summary.Stored != 4 || res.Summary.Skipped != 1 || len(res.Problems) != 1 || !strings.Contains(res.Problems[0], "extraction failed") {
		t.Errorf("stored %d, skipped %d, problems %q; want 4, 1 and the failure named", res.Summary.Stored, res.Summary.Skipped, res.Problems)
	}
}

// TestIngestWaitsForTheWriterLock holds the store's writer lock as a
// command-line ingest would, and checks that a posted ingest waits for it:
// past its deadline it stores nothing and says another writer held the
// store; once the lock is free it goes in.
func TestIngestWaitsForTheWriterLock(t *testing.T) {
	s := ingestServer(t, Options{HandlerTimeout: time.Second})
	release, err := s.st.LockWriter(context.Background(), "a test standing for sitrep ingest", 0, nil)
	if err != nil {
		t.Fatal(err)
	}
	post := func() response {
		req := httptest.NewRequest(http.MethodPost, "/api/v1/articles", strings.NewReader(wireBody(3)))
		req.Header.Set("Authorization", "Bearer "+testToken)
		req.Header.Set("Content-Type", "application/x-ndjson")
		return do(t, s, req)
	}
	r := post()
	if r.code != http.StatusServiceUnavailable || !strings.Contains(r.body, "a test standing for sitrep ingest") {
		t.Errorf("while another writer holds the store: status %d, body %s; want 503 naming the writer", r.code, r.body)
	}
	if got := storedArticles(t, s); got != 0 {
		t.Errorf("%d articles stored while another writer held the lock", got)
	}
	release()
	if r := post(); r.code != http.StatusOK {
		t.Errorf("after the lock was released: status %d, body %s", r.code, r.body)
	}
	if got := storedArticles(t, s); got != 3 {
		t.Errorf("%d articles stored, want 3", got)
	}
}
