package server

import (
	"encoding/json"
	"strings"
	"testing"
)

// The same article of Vistula Wire, posted twice under its id: the second
// text adds a sentence.
const (
	helmetsV1 = `{"id": "pl-helmets", "date": "2022-03-07", "title": "Poland sends helmets", "outlet": "Vistula Wire",
  "text": "Poland sent 5,000 helmets to Ukraine on Monday, the defence ministry said."}`
	helmetsV2 = `{"id": "pl-helmets", "date": "2022-03-07", "title": "Poland sends helmets and vests", "outlet": "Vistula Wire",
  "text": "Poland sent 5,000 helmets to Ukraine on Monday, the defence ministry said.\n\nIt also sent 300 body armour vests, officials added."}`
)

// TestArticleRevisions: an article posted again under its id with a
// changed text is a revision. Its page and JSON give the current text
// and list both revisions, linking the earlier one; the earlier id opens
// the earlier text, marked superseded, linking the current one; search
// finds the current text alone.
func TestArticleRevisions(t *testing.T) {
	s := ingestServer(t, Options{})
	var res IngestResult
	for i, body := range []string{helmetsV1, helmetsV2} {
		r := post(t, s, "Bearer "+testToken, "application/json", body)
		res = IngestResult{}
		if err := json.Unmarshal([]byte(r.body), &res); err != nil || r.code != 200 {
			t.Fatalf("post %d: %d %s", i+1, r.code, r.body)
		}
	}
	if res.Summary.Revised != 1 || res.Summary.Stored != 0 {
		t.Fatalf("second post: %+v, want 1 revised", res.Summary)
	}
	newID := res.Articles[0].ID

	var cur ArticleJSON
	getJSON(t, s, "/api/v1/articles/pl-helmets", 200, &cur)
	if cur.ID != newID || !strings.Contains(cur.Text, "vests") || cur.SupersededBy != "" || len(cur.Revisions) != 2 ||
		cur.Revisions[1].ID != newID || !cur.Revisions[1].Current || cur.Revisions[0].Current || len(cur.Events) == 0 {
		t.Fatalf("current article: %+v", cur)
	}
	oldID := cur.Revisions[0].ID
	var old ArticleJSON
	getJSON(t, s, "/api/v1/articles/"+oldID, 200, &old)
	if old.SupersededBy != newID || strings.Contains(old.Text, "vests") || len(old.Events) != 0 || len(old.Revisions) != 2 {
		t.Errorf("earlier revision: superseded by %q, %d events, %d revisions, text %q", old.SupersededBy, len(old.Events), len(old.Revisions), old.Text)
	}

	page := get(t, s, "/articles/pl-helmets")
	if page.code != 200 || !strings.Contains(page.body, "It also sent") || !strings.Contains(page.body, `href="/articles/`+oldID+`"`) ||
		!strings.Contains(page.body, "2 revisions") || strings.Contains(page.body, `class="superseded"`) {
		t.Errorf("current article page: %d\n%s", page.code, page.body)
	}
	page = get(t, s, "/articles/"+oldID)
	if page.code != 200 || strings.Contains(page.body, "It also sent") || !strings.Contains(page.body, `class="superseded"`) ||
		!strings.Contains(page.body, `href="/articles/`+newID+`"`) {
		t.Errorf("earlier revision's page: %d\n%s", page.code, page.body)
	}

	var hits searchResult
	getJSON(t, s, "/api/v1/articles?q=helmets", 200, &hits)
	if hits.Total != 1 || len(hits.Items) != 1 || hits.Items[0].ID != newID {
		t.Errorf("search helmets: %+v, want the current revision alone", hits)
	}
	var st struct{ Articles, Revisions int }
	getJSON(t, s, "/api/v1/stats", 200, &st)
	if st.Articles != 1 || st.Revisions != 1 {
		t.Errorf("stats: %+v, want 1 article, 1 revision", st)
	}
}
