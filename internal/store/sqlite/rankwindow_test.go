package sqlite

import (
	"context"
	"fmt"
	"testing"

	"github.com/sitrep-project/sitrep/internal/model"
	"github.com/sitrep-project/sitrep/internal/store"
)

// TestRankWindow checks that a search matching more than store.RankWindow
// articles ranks only the most recently stored of them, says so, counts
// every match all the same, and ranks all of them for a page beyond the
// window; a search matching fewer ranks all.
func TestRankWindow(t *testing.T) {
	ctx := context.Background()
	db, _ := open(t)
	n := store.RankWindow + 100
	var arts []*model.Article
	for i := 0; i < n; i++ {
		text := fmt.Sprintf("Convoy %d reached the city on Monday with food and medicine, officials said.", i)
		if i == n-1 {
			text = "A second convoy followed the first convoy, and a third convoy is due."
		}
		arts = append(arts, article(fmt.Sprintf("c%d", i), "2022-03-14", "Wire", "Convoy report", text))
	}
	// Articles without the word, stored first, so that it is rare enough
	// for relevance to tell the matches apart.
	for i := 0; i < n+500; i++ {
		text := fmt.Sprintf("Talks %d resumed in Istanbul on Tuesday, the delegations said.", i)
		arts = append([]*model.Article{article(fmt.Sprintf("t%d", i), "2022-03-14", "Wire", "Talks report", text)}, arts...)
	}
	for i := 0; i < len(arts); i += 500 {
		if _, err := db.Put(ctx, docs(arts[i:min(i+500, len(arts))]...)); err != nil {
			t.Fatal(err)
		}
	}
	res, err := db.Search(ctx, store.SearchQuery{Text: "convoy", Limit: 10})
	if err != nil {
		t.Fatal(err)
	}
	if res.Total != n || res.Ranked != store.RankWindow || len(res.Hits) != 10 {
		t.Fatalf("total %d, ranked %d, %d hits: want %d, %d, 10", res.Total, res.Ranked, len(res.Hits), n, store.RankWindow)
	}
	// The article that names the word twice is the newest, inside the
	// window: it ranks first.
	if res.Hits[0].Doc != fmt.Sprintf("c%d", n-1) {
		t.Errorf("first hit %s, want c%d", res.Hits[0].Doc, n-1)
	}
	for _, h := range res.Hits {
		var k int
		fmt.Sscanf(h.Doc, "c%d", &k)
		if k < n-store.RankWindow {
			t.Errorf("hit %s lies outside the window of the %d newest", h.Doc, store.RankWindow)
		}
	}
	deep, err := db.Search(ctx, store.SearchQuery{Text: "convoy", Limit: 10, Offset: store.RankWindow})
	if err != nil || deep.Ranked != 0 || len(deep.Hits) != 10 {
		t.Errorf("a page beyond the window: ranked %d, %d hits, %v; want all ranked", deep.Ranked, len(deep.Hits), err)
	}
	few, err := db.Search(ctx, store.SearchQuery{Text: "third convoy", Limit: 10})
	if err != nil || few.Ranked != 0 || few.Total != 1 {
		t.Errorf("a rare match: ranked %d of %d, %v; want all ranked", few.Ranked, few.Total, err)
	}
	dated, err := db.Search(ctx, store.SearchQuery{Text: "convoy", From: "2022-03-01", To: "2022-03-31", Limit: 5})
	if err != nil || dated.Ranked != store.RankWindow || len(dated.Hits) != 5 || dated.Hits[0].Doc != fmt.Sprintf("c%d", n-1) {
		t.Errorf("filtered by date: ranked %d, %d hits, first %v, %v", dated.Ranked, len(dated.Hits), dated.Hits, err)
	}
}
