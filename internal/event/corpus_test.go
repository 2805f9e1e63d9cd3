package event

import (
	"context"
	"github.com/sitrep-project/sitrep/internal/testshared"
	"path/filepath"
	"testing"

	"github.com/sitrep-project/sitrep/internal/intake"
	"github.com/sitrep-project/sitrep/internal/model"
)

// repoRoot returns the folder holding go.mod.
func repoRoot(t testing.TB) string {
	t.Helper()
	root := testshared.RepoRoot()
	if root == "" {
		t.Fatal("no go.mod above the package folder")
	}
	return root
}

// sharedDir returns the shared data folder, skipping when it is absent.
func sharedDir(t testing.TB) string { return testshared.Dir(t) }

// readCorpus reads every article under paths with intake, as the commands do.
func readCorpus(t testing.TB, paths ...string) []*model.Article {
	t.Helper()
	r := intake.New(intake.Options{}, nil)
	inputs, errs := r.Plan(paths)
	for _, e := range errs {
		t.Fatalf("planning %v: %v", paths, e)
	}
	var out []*model.Article
	err := r.Read(context.Background(), inputs, func(res intake.Result) error {
		if res.Err != nil {
			t.Fatalf("reading: %v", res.Err)
		}
		if res.Article != nil {
			out = append(out, res.Article)
		}
		return nil
	}, nil)
	if err != nil {
		t.Fatalf("reading %v: %v", paths, err)
	}
	if len(out) == 0 {
		t.Fatalf("no articles under %v", paths)
	}
	return out
}

// sampleCorpus reads the project's sample corpus.
func sampleCorpus(t testing.TB) []*model.Article {
	t.Helper()
	return readCorpus(t, filepath.Join(repoRoot(t), "examples", "corpus"))
}

func BenchmarkExtract(b *testing.B) {
	arts := sampleCorpus(b)
	x := New()
	var n int64
	for _, a := range arts {
		n += int64(len(a.Text))
	}
	b.SetBytes(n)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, a := range arts {
			x.Extract(a)
		}
	}
}
