package server

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"

	"github.com/sitrep-project/sitrep/internal/model"
	"github.com/sitrep-project/sitrep/internal/store/sqlite"
)

const testToken = "test-token-0123456789abcdef"

// ingestServer is a server over a fresh, empty store with ingest on.
func ingestServer(t *testing.T, opts Options) *Server {
	t.Helper()
	st, err := sqlite.Open(t.Context(), filepath.Join(t.TempDir(), "s.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	if opts.IngestToken == "" {
		opts.IngestToken = testToken
	}
	s, err := New(st, opts)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func post(t *testing.T, s http.Handler, auth, ctype, body string) response {
	t.Helper()
	req := httptest.NewRequest(http.MethodPost, "/api/v1/articles", strings.NewReader(body))
	if auth != "" {
		req.Header.Set("Authorization", auth)
	}
	if ctype != "" {
		req.Header.Set("Content-Type", ctype)
	}
	return do(t, s, req)
}

const poland = `{"id": "pl-helmets", "date": "2022-03-07", "title": "Poland sends helmets", "outlet": "Vistula Wire",
  "text": "Poland sent 5,000 helmets and 300 body armour vests to Ukraine on Monday, the defence ministry said.\n\nMore deliveries would follow within weeks, officials added."}`

func TestIngestEndpointRefuses(t *testing.T) {
	s := ingestServer(t, Options{MaxBodyBytes: 2048})
	cases := []struct {
		name, auth, ctype, body string
		status                  int
	}{
		{"no token", "", "application/json", poland, 401},
		{"wrong token", "Bearer not-the-token-at-all-0000", "application/json", poland, 401},
		{"token prefix", "Bearer " + testToken[:10], "application/json", poland, 401},
		{"token with more", "Bearer " + testToken + "x", "application/json", poland, 401},
		{"basic scheme", "Basic " + testToken, "application/json", poland, 401},
		{"form body", "Bearer " + testToken, "application/x-www-form-urlencoded", "text=hello", 415},
		{"no content type", "Bearer " + testToken, "", poland, 415},
		{"too large", "Bearer " + testToken, "application/json", `{"text":"` + strings.Repeat("war ", 1000) + `"}`, 413},
		{"empty", "Bearer " + testToken, "application/json", "  \n", 400},
		{"not JSON", "Bearer " + testToken, "application/json", "date 2022-03-01 plain text", 400},
		{"no valid record", "Bearer " + testToken, "application/x-ndjson", `{"id":"x","text":"no date here"}` + "\n{broken\n", 400},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := post(t, s, c.auth, c.ctype, c.body)
			if r.code != c.status {
				t.Fatalf("status %d, want %d: %s", r.code, c.status, r.body)
			}
			var e errorBody
			if err := json.Unmarshal([]byte(r.body), &e); err != nil || e.Status != c.status {
				t.Errorf("error body %q", r.body)
			}
		})
	}
	var st struct{ Articles int }
	getJSON(t, s, "/api/v1/stats", 200, &st)
	if st.Articles != 0 {
		t.Errorf("%d articles stored by refused requests", st.Articles)
	}
}

func TestIngestEndpointStores(t *testing.T) {
	s := ingestServer(t, Options{})
	var res IngestResult
	r := post(t, s, "bearer "+testToken, "application/json; charset=utf-8", poland)
	if r.code != 200 {
		t.Fatalf("%d %s", r.code, r.body)
	}
	json.Unmarshal([]byte(r.body), &res)
	if res.Summary.Stored != 1 || res.Summary.Events == 0 || len(res.Articles) != 1 || res.Articles[0].Doc != "pl-helmets" {
		t.Fatalf("result %+v", res)
	}
	var a ArticleJSON
	getJSON(t, s, res.Articles[0].Link, 200, &a)
	if a.Outlet != "Vistula Wire" || !hasEvent(a.Events, model.TypeAid, "POL") || len(a.Records) == 0 {
		t.Errorf("stored article: outlet %q, %d events, %d records", a.Outlet, len(a.Events), len(a.Records))
	}
	var hits searchResult
	getJSON(t, s, "/api/v1/articles?q=helmets", 200, &hits)
	if hits.Total != 1 || hits.Items[0].Doc != "pl-helmets" {
		t.Errorf("search after ingest: %+v", hits)
	}

	// The same again: unchanged. JSON Lines with a bad line: the good
	// ones go in and the bad one is reported.
	r = post(t, s, "Bearer "+testToken, "application/json", poland)
	json.Unmarshal([]byte(r.body), &res)
	if r.code != 200 || res.Summary.Unchanged != 1 || res.Summary.Stored != 0 {
		t.Errorf("second post: %d %s", r.code, r.body)
	}
	lines := `{"id":"ee-1","date":"2022-03-08","text":"Estonia pledged 200 Javelin missiles to Ukraine on Tuesday."}
{"id":"bad","date":"2022-13-45","text":"A date that is not one."}
{"id":"lv-1","date":"2022-03-09","text":"Latvia sent 40 Stinger missiles to Ukraine on Wednesday, officials said."}
`
	r = post(t, s, "Bearer "+testToken, "application/x-ndjson", lines)
	res = IngestResult{}
	json.Unmarshal([]byte(r.body), &res)
	if r.code != 200 || res.Summary.Stored != 2 || res.Summary.Skipped != 1 || len(res.Problems) != 1 || !strings.Contains(res.Problems[0], ":2:") {
		t.Errorf("JSON Lines: %d %s", r.code, r.body)
	}
	arr := `[{"id":"fi-1","date":"2022-03-10","text":"Finland pledged 2,500 rifles to Ukraine on Thursday."},
	        {"id":"cz-1","date":"2022-03-11","text":"The Czech Republic sent artillery shells to Ukraine on Friday."}]`
	r = post(t, s, "Bearer "+testToken, "application/json", arr)
	res = IngestResult{}
	json.Unmarshal([]byte(r.body), &res)
	if r.code != 200 || res.Summary.Stored != 2 || len(res.Articles) != 2 {
		t.Errorf("array: %d %s", r.code, r.body)
	}
	var st struct{ Articles int }
	getJSON(t, s, "/api/v1/stats", 200, &st)
	if st.Articles != 5 {
		t.Errorf("%d articles stored, want 5", st.Articles)
	}
}

func TestIngestFormat(t *testing.T) {
	cases := []struct {
		body   string
		format string
		out    string
	}{
		{"{\n  \"id\": \"a\",\n  \"text\": \"x\"\n}\n", "jsonl", `{"id":"a","text":"x"}`},
		{`{"id":"a"}` + "\n" + `{"id":"b"}`, "jsonl", `{"id":"a"}` + "\n" + `{"id":"b"}`},
		{"  [ {\"id\": \"a\"} ]", "json", `[ {"id": "a"} ]`},
	}
	for _, c := range cases {
		out, f, err := ingestFormat([]byte(c.body))
		if err != nil || string(f) != c.format || string(out) != c.out {
			t.Errorf("ingestFormat(%q) = %q %q %v, want %q %q", c.body, out, f, err, c.out, c.format)
		}
	}
	for _, bad := range []string{"", "   ", "date 2022-03-01", "<html>"} {
		if _, _, err := ingestFormat([]byte(bad)); err == nil {
			t.Errorf("ingestFormat(%q) accepted", bad)
		}
	}
}

// TestIngestNotes checks that a posted body whose slashed dates read both
// ways is stored, read month first, and that the answer says so.
func TestIngestNotes(t *testing.T) {
	s := ingestServer(t, Options{})
	r := post(t, s, "Bearer "+testToken, "application/x-ndjson",
		`{"id":"a1","date":"03/04/2022","text":"Poland sent 5,000 helmets to Ukraine on Monday, the defence ministry said."}`+"\n")
	if r.code != 200 {
		t.Fatalf("%d %s", r.code, r.body)
	}
	var res IngestResult
	if err := json.Unmarshal([]byte(r.body), &res); err != nil {
		t.Fatal(err)
	}
	if res.Summary.Stored != 1 || len(res.Notes) != 1 || !strings.Contains(res.Notes[0], "month first") {
		t.Errorf("stored %d, notes %q; want 1 stored and a note that the date was read month first", res.Summary.Stored, res.Notes)
	}
	a, err := s.st.Article(t.Context(), "a1")
	if err != nil || a.DateString() != "2022-03-04" {
		t.Errorf("article date %v %v, want 2022-03-04", a, err)
	}
}
