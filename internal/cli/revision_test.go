package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// feedItem is an RSS feed of Harbour Wire with one item under the guid
// wire-123.
func feedItem(text string) string {
	return `<?xml version="1.0"?>
<rss version="2.0"><channel><title>Harbour Wire</title>
<item><guid>wire-123</guid><title>Germany pledges tanks</title><pubDate>Mon, 07 Mar 2022 10:00:00 GMT</pubDate>
<description>` + text + `</description></item>
</channel></rss>
`
}

// TestIngestRevisedFeedItem: a feed item published again under its guid
// with a changed text is a revision. "events" counts one report, from the
// newer text, with the newer text's items; "show" gives the newer text and
// lists both; the earlier id shows the earlier text, superseded; the same
// two feeds again are unchanged.
func TestIngestRevisedFeedItem(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "s.db")
	a, b := filepath.Join(dir, "a.xml"), filepath.Join(dir, "b.xml")
	if err := os.WriteFile(a, []byte(feedItem("Germany will send 50 Leopard tanks to Ukraine, the defence ministry said on Monday.")), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(b, []byte(feedItem("Germany will send 50 Leopard tanks and 40 Marder infantry fighting vehicles to Ukraine, the defence ministry said on Monday.")), 0o644); err != nil {
		t.Fatal(err)
	}
	ingest := func(path string) (sum struct{ Articles, Stored, Revised, Unchanged, Duplicates int }) {
		t.Helper()
		out, stderr, err := runCLI(t, "", "--db", db, "--json", "ingest", path)
		if err != nil {
			t.Fatalf("ingest %s: %v\n%s", path, err, stderr)
		}
		if err := json.Unmarshal([]byte(out), &sum); err != nil {
			t.Fatalf("summary %q: %v", out, err)
		}
		return sum
	}
	if sum := ingest(a); sum.Stored != 1 || sum.Revised != 0 {
		t.Fatalf("first feed: %+v, want 1 stored", sum)
	}
	if sum := ingest(b); sum.Stored != 0 || sum.Revised != 1 || sum.Unchanged != 0 {
		t.Fatalf("second feed: %+v, want 1 revised", sum)
	}

	var shown struct {
		ID, Doc, Text string
		SupersededBy  string `json:"superseded_by"`
		Revisions     []struct {
			ID      string
			Current bool
		}
	}
	show := func(key string) {
		t.Helper()
		shown.SupersededBy, shown.Revisions = "", nil
		out, stderr, err := runCLI(t, "", "--db", db, "--json", "show", key)
		if err != nil {
			t.Fatalf("show %s: %v\n%s", key, err, stderr)
		}
		if err := json.Unmarshal([]byte(out), &shown); err != nil {
			t.Fatalf("show %s: %q: %v", key, out, err)
		}
	}
	show("wire-123")
	newID := shown.ID
	if !strings.Contains(shown.Text, "Marder") || shown.SupersededBy != "" || len(shown.Revisions) != 2 ||
		shown.Revisions[1].ID != newID || !shown.Revisions[1].Current || shown.Revisions[0].Current {
		t.Fatalf("show wire-123: %+v; want the newer text, current, with two revisions", shown)
	}
	oldID := shown.Revisions[0].ID
	show(oldID)
	if strings.Contains(shown.Text, "Marder") || !strings.Contains(shown.Text, "Leopard") || shown.SupersededBy != newID {
		t.Errorf("show %s: %+v; want the earlier text, superseded by %s", oldID, shown, newID)
	}
	out, _, err := runCLI(t, "", "--db", db, "show", oldID)
	if err != nil || !strings.Contains(out, "superseded by  "+newID) {
		t.Errorf("show %s in text: %v\n%s", oldID, err, out)
	}

	type record struct {
		Type  string
		Actor struct{ Code string }
		Items []struct {
			Name string
			Text string
		}
		Mentions []struct{ Article, Doc string }
	}
	checkEvents := func(when string) {
		t.Helper()
		out, stderr, err := runCLI(t, "", "--db", db, "--json", "events")
		if err != nil {
			t.Fatalf("events: %v\n%s", err, stderr)
		}
		var recs []record
		if err := json.Unmarshal([]byte(out), &recs); err != nil {
			t.Fatalf("events: %q: %v", out, err)
		}
		if len(recs) != 1 {
			t.Fatalf("%s: %d records, want the one pledge: %s", when, len(recs), out)
		}
		r := recs[0]
		if r.Type != "aid" || r.Actor.Code != "DEU" || len(r.Mentions) != 1 || r.Mentions[0].Article != newID {
			t.Errorf("%s: record %+v; want one report, from the newer text %s", when, r, newID)
		}
		marder := false
		for _, it := range r.Items {
			marder = marder || strings.Contains(it.Text, "Marder") || strings.Contains(it.Name, "Marder")
		}
		if !marder {
			t.Errorf("%s: items %+v; want the newer text's Marder vehicles", when, r.Items)
		}
	}
	checkEvents("after the revision")

	// The same two feeds again: nothing changes.
	for _, path := range []string{a, b} {
		if sum := ingest(path); sum.Unchanged != 1 || sum.Stored+sum.Revised+sum.Duplicates != 0 {
			t.Errorf("%s again: %+v, want 1 unchanged", filepath.Base(path), sum)
		}
	}
	checkEvents("after ingesting both again")
	show("wire-123")
	if shown.ID != newID {
		t.Errorf("after ingesting both again wire-123 is %s, want %s", shown.ID, newID)
	}

	// Search finds the current revision only.
	out, _, err = runCLI(t, "", "--db", db, "--json", "search", "leopard")
	var res struct {
		Total int
		Hits  []struct{ ID string }
	}
	if err != nil || json.Unmarshal([]byte(out), &res) != nil || res.Total != 1 || len(res.Hits) != 1 || res.Hits[0].ID != newID {
		t.Errorf("search leopard: %v %s; want the current revision alone", err, out)
	}
}
