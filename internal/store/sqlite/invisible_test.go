package sqlite

import (
	"context"
	"path/filepath"
	"slices"
	"testing"

	"github.com/sitrep-project/sitrep/internal/model"
	"github.com/sitrep-project/sitrep/internal/store"
)

// invisibleCorpus hides words behind formatting characters that show
// nothing: a zero-width space, a soft hyphen, a word joiner and a
// byte-order mark in the middle of words, and a zero-width joiner in a
// title.
var invisibleCorpus = []string{
	"Ger\u200bmany said on Monday it would send more air defence systems.",
	"The howit\u00adzers reached the front line within a week, officials said.",
	"Moldova closed its air\u2060space to civilian traffic overnight.",
	"Lithu\ufeffania expelled two diplomats on Friday.",
}

func searchDocs(t *testing.T, db *DB, q string) []string {
	t.Helper()
	res, err := db.Search(context.Background(), store.SearchQuery{Text: q})
	if err != nil {
		t.Fatalf("search %q: %v", q, err)
	}
	var out []string
	for _, h := range res.Hits {
		out = append(out, h.Doc)
	}
	slices.Sort(out)
	return out
}

// TestSearchSeesThroughInvisibleCharacters checks that a word split by an
// invisible character is found by the word, that a query holding one
// finds the plain word, and that the stored text keeps its bytes.
func TestSearchSeesThroughInvisibleCharacters(t *testing.T) {
	ctx := context.Background()
	db, _ := open(t)
	var arts []*model.Article
	for i, text := range invisibleCorpus {
		arts = append(arts, article("z"+string(rune('1'+i)), "2022-04-01", "Test Wire", "Report", text))
	}
	arts = append(arts, article("plain", "2022-04-02", "Test Wire", "Spain sends aid", "Spain sent generators to Kharkiv."))
	if _, err := db.Put(ctx, docs(arts...)); err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		q    string
		want []string
	}{
		{"Germany", []string{"z1"}},
		{"howitzers", []string{"z2"}},
		{"airspace", []string{"z3"}},
		{"Lithuania", []string{"z4"}},
		{"Sp\u200bain", []string{"plain"}},
		{`"air defence"`, []string{"z1"}},
	}
	for _, c := range cases {
		if got := searchDocs(t, db, c.q); !slices.Equal(got, c.want) {
			t.Errorf("search %q = %v, want %v", c.q, got, c.want)
		}
	}
	a, err := db.Article(ctx, "z1")
	if err != nil || a.Text != invisibleCorpus[0] {
		t.Errorf("stored text %q, %v; want the bytes as given", a.Text, err)
	}
	// Removing an article removes it from the index too: the delete
	// trigger must remove exactly the cleaned words it indexed.
	if _, err := db.SQL().ExecContext(ctx, `DELETE FROM articles WHERE doc = 'z1'`); err != nil {
		t.Fatal(err)
	}
	if got := searchDocs(t, db, "Germany"); len(got) != 0 {
		t.Errorf("search after delete = %v, want none", got)
	}
	if _, err := db.SQL().ExecContext(ctx, `INSERT INTO articles_fts (articles_fts) VALUES ('integrity-check')`); err != nil {
		t.Errorf("full-text index integrity: %v", err)
	}
}

// TestMigrationReindexesInvisibleCharacters opens a store made by the
// schema before the invisible characters were cleaned, and checks that
// the articles indexed then are found now.
func TestMigrationReindexesInvisibleCharacters(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "old.db")
	raw := oldSchema(t, path, 3)
	for i, text := range invisibleCorpus {
		a := article("old"+string(rune('1'+i)), "2022-04-01", "Test Wire", "Report", text)
		if _, err := raw.ExecContext(ctx, `INSERT INTO articles (id, doc, date, text, blocks, origin, bytes, ingested_at) VALUES (?, ?, ?, ?, '[]', '', ?, '')`,
			a.ID, a.Doc, a.DateString(), a.Text, len(a.Text)); err != nil {
			t.Fatal(err)
		}
	}
	raw.Close()
	db := reopen(t, path)
	if got := searchDocs(t, db, "Germany OR Lithuania"); !slices.Equal(got, []string{"old1", "old4"}) {
		t.Errorf("after migration: %v, want old1 and old4", got)
	}
	if _, err := db.SQL().ExecContext(ctx, `INSERT INTO articles_fts (articles_fts) VALUES ('integrity-check')`); err != nil {
		t.Errorf("full-text index integrity after migration: %v", err)
	}
}
