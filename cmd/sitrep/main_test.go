package main

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"github.com/sitrep-project/sitrep/internal/testshared"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	_ "modernc.org/sqlite"
)

// These tests run the real binary, as a user would: exit codes, what goes
// to stdout and stderr, and what a kill -9 leaves behind.

var binary string

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "sitrep-bin-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	os.Chmod(dir, 0o755)
	binary = filepath.Join(dir, "sitrep")
	build := exec.Command("go", "build", "-o", binary, ".")
	build.Env = append(os.Environ(), "CGO_ENABLED=0")
	if out, err := build.CombinedOutput(); err != nil {
		fmt.Fprintf(os.Stderr, "building sitrep: %v\n%s", err, out)
		os.Exit(1)
	}
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

type result struct {
	stdout, stderr string
	code           int
}

func run(t *testing.T, args ...string) result {
	t.Helper()
	cmd := exec.Command(binary, args...)
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	err := cmd.Run()
	code := 0
	if ee, ok := err.(*exec.ExitError); ok {
		code = ee.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	return result{out.String(), errb.String(), code}
}

type summary struct {
	Articles, Stored, Unchanged, Duplicates, Skipped, Ignored int
}

func parseSummary(t *testing.T, s string) summary {
	t.Helper()
	var sum summary
	if err := json.Unmarshal([]byte(s), &sum); err != nil {
		t.Fatalf("summary %q: %v", s, err)
	}
	return sum
}

func writeFile(t *testing.T, path, content string) {
	t.Helper()
	os.MkdirAll(filepath.Dir(path), 0o755)
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestIngestGoodAndBad(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "s.db")
	c := filepath.Join(dir, "corpus")
	writeFile(t, filepath.Join(c, "one.txt"), " date 2022-03-01 Hungary said it would not allow weapons to cross its territory.")
	writeFile(t, filepath.Join(c, "two.txt"), " date 2022-03-02 Romania opened a humanitarian hub near Siret on Wednesday.")
	writeFile(t, filepath.Join(c, "copy.txt"), " date 2022-03-02 Romania opened a humanitarian hub near Siret on Wednesday.")
	writeFile(t, filepath.Join(c, "bad-date.txt"), " date 2022-02-30 This day never was.")
	writeFile(t, filepath.Join(c, "wire.jsonl"), `{"id":"w1","date":"2022-03-03","text":"Slovakia sent fuel."}`+"\n{oops\n")
	writeFile(t, filepath.Join(c, "notes.md"), "# corpus notes")

	r := run(t, "--db", db, "--json", "ingest", c, filepath.Join(dir, "nowhere"))
	if r.code != 2 {
		t.Fatalf("exit %d, want 2 (inputs skipped); stderr:\n%s", r.code, r.stderr)
	}
	sum := parseSummary(t, r.stdout)
	if sum.Stored != 3 || sum.Duplicates != 1 || sum.Skipped != 3 || sum.Ignored != 1 {
		t.Errorf("summary %+v, want 3 stored, 1 duplicate, 3 skipped, 1 ignored", sum)
	}
	for _, want := range []string{"bad-date.txt", "2022-02-30", "wire.jsonl:2", "nowhere: no such file"} {
		if !strings.Contains(r.stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, r.stderr)
		}
	}

	// Again: nothing new, and it says so.
	r = run(t, "--db", db, "--json", "ingest", filepath.Join(c, "one.txt"), filepath.Join(c, "two.txt"), filepath.Join(c, "copy.txt"))
	if r.code != 0 {
		t.Fatalf("second ingest exit %d: %s", r.code, r.stderr)
	}
	if sum := parseSummary(t, r.stdout); sum.Stored != 0 || sum.Unchanged != 3 {
		t.Errorf("second ingest %+v, want 0 stored, 3 unchanged", sum)
	}

	// Quiet and not a terminal: nothing on stdout.
	r = run(t, "--db", db, "--quiet", "ingest", filepath.Join(c, "one.txt"))
	if r.code != 0 || r.stdout != "" {
		t.Errorf("quiet ingest: exit %d, stdout %q", r.code, r.stdout)
	}

	r = run(t, "--db", db, "search", "humanitarian", "hub")
	if r.code != 0 || !strings.Contains(r.stdout, "1 matching articles") || !strings.Contains(r.stdout, "[humanitarian] [hub]") {
		t.Errorf("search: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	r = run(t, "--db", db, "show", "copy")
	if r.code != 0 || !strings.Contains(r.stdout, "Siret") {
		t.Errorf("show by duplicate name: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	r = run(t, "--db", db, "show", "missing-doc")
	if r.code == 0 || !strings.Contains(r.stderr, "not found") {
		t.Errorf("show missing: exit %d, stderr %q", r.code, r.stderr)
	}
	r = run(t, "--db", db, "--json", "stats")
	var st struct{ Articles, Duplicates int }
	if err := json.Unmarshal([]byte(r.stdout), &st); err != nil || st.Articles != 3 || st.Duplicates != 1 {
		t.Errorf("stats %q: %v", r.stdout, err)
	}
}

func TestIngestStdin(t *testing.T) {
	dir := t.TempDir()
	cmd := exec.Command(binary, "--db", filepath.Join(dir, "s.db"), "--json", "ingest", "-")
	cmd.Stdin = strings.NewReader(`{"id":"s1","date":"2022-03-08","text":"Moldova asked for help with refugees."}` + "\n")
	out, err := cmd.Output()
	if err != nil {
		t.Fatal(err)
	}
	if sum := parseSummary(t, string(out)); sum.Stored != 1 {
		t.Errorf("stdin: %+v", sum)
	}
}

func TestHelp(t *testing.T) {
	for _, sub := range []string{"ingest", "search", "show", "stats", "bench", "extract", "export", "reextract", "eval", "timex"} {
		r := run(t, sub, "--help")
		if r.code != 0 || !strings.Contains(r.stdout, "Usage:") {
			t.Errorf("%s --help: exit %d\n%s", sub, r.code, r.stdout)
		}
	}
	r := run(t, "ingest")
	if r.code == 0 {
		t.Error("ingest without a path succeeded")
	}
}

// TestKillDuringIngest kills the process in the middle of an ingest and
// checks that the store is intact, holds whole batches only, and that
// ingesting again completes the corpus.
func TestKillDuringIngest(t *testing.T) {
	if testing.Short() {
		t.Skip("ingests 30,000 articles")
	}
	dir := t.TempDir()
	db := filepath.Join(dir, "s.db")
	dump := filepath.Join(dir, "big.jsonl")
	const n, batch = 30000, 250
	var sb strings.Builder
	for i := 0; i < n; i++ {
		fmt.Fprintf(&sb, `{"id":"k%d","date":"2022-03-%02d","outlet":"Test Wire","text":"Report %d: officials in Kyiv said convoys %d and %d reached the front after shelling near Kharkiv overnight, and more aid was expected."}`+"\n", i, i%28+1, i, i*7, i*13)
	}
	writeFile(t, dump, sb.String())

	cmd := exec.Command(binary, "--db", db, "--quiet", "ingest", "--batch", fmt.Sprint(batch), dump)
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	// Wait until some batches are committed, then kill without warning.
	deadline := time.Now().Add(60 * time.Second)
	var seen int
	for time.Now().Before(deadline) {
		seen = countArticles(t, db)
		if seen >= 2*batch {
			break
		}
		time.Sleep(5 * time.Millisecond)
	}
	cmd.Process.Signal(syscall.SIGKILL)
	cmd.Wait()
	if seen < 2*batch {
		t.Fatalf("no batch committed within a minute")
	}

	got := countArticles(t, db)
	if got >= n {
		t.Skipf("ingest finished (%d articles) before it could be killed", got)
	}
	if got%batch != 0 {
		t.Errorf("%d articles after the kill: not a whole number of %d-article batches", got, batch)
	}
	conn, err := sql.Open("sqlite", db)
	if err != nil {
		t.Fatal(err)
	}
	var check string
	conn.QueryRow(`PRAGMA integrity_check`).Scan(&check)
	var ftsRows int
	conn.QueryRow(`SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'kyiv'`).Scan(&ftsRows)
	conn.Close()
	if check != "ok" {
		t.Errorf("integrity_check after kill: %s", check)
	}
	if ftsRows != got {
		t.Errorf("full-text index holds %d articles, the table %d", ftsRows, got)
	}

	r := run(t, "--db", db, "--json", "ingest", "--batch", fmt.Sprint(batch), dump)
	if r.code != 0 {
		t.Fatalf("re-ingest exit %d: %s", r.code, r.stderr)
	}
	sum := parseSummary(t, r.stdout)
	if sum.Stored != n-got || sum.Unchanged != got {
		t.Errorf("re-ingest %+v, want %d stored and %d unchanged", sum, n-got, got)
	}
	if c := countArticles(t, db); c != n {
		t.Errorf("%d articles after re-ingest, want %d", c, n)
	}
}

func countArticles(t *testing.T, db string) int {
	t.Helper()
	if _, err := os.Stat(db); err != nil {
		return 0
	}
	conn, err := sql.Open("sqlite", "file:"+db+"?mode=ro&_pragma=busy_timeout(5000)")
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	var c int
	if err := conn.QueryRowContext(context.Background(), `SELECT count(*) FROM articles`).Scan(&c); err != nil {
		return 0
	}
	return c
}

// TestUnreadableFolder checks that a folder the user may not read is
// reported and the rest still goes in. Root reads every folder, so when the
// tests run as root the binary is run as the unprivileged user nobody.
func TestUnreadableFolder(t *testing.T) {
	dir, err := os.MkdirTemp("", "sitrep-perm-")
	if err != nil {
		t.Fatal(err)
	}
	defer os.RemoveAll(dir)
	os.Chmod(dir, 0o777)
	c := filepath.Join(dir, "corpus")
	writeFile(t, filepath.Join(c, "ok.txt"), " date 2022-03-01 Latvia sent helmets to Ukraine.")
	writeFile(t, filepath.Join(c, "locked", "secret.txt"), " date 2022-03-01 Hidden story.")
	os.Chmod(c, 0o755)
	os.Chmod(filepath.Join(c, "ok.txt"), 0o644)
	os.Chmod(filepath.Join(c, "locked"), 0o000)
	defer os.Chmod(filepath.Join(c, "locked"), 0o755)

	cmd := exec.Command(binary, "--db", filepath.Join(dir, "s.db"), "--json", "ingest", c)
	if os.Geteuid() == 0 {
		cmd.SysProcAttr = &syscall.SysProcAttr{Credential: &syscall.Credential{Uid: 65534, Gid: 65534}}
	}
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	err = cmd.Run()
	ee, ok := err.(*exec.ExitError)
	if !ok || ee.ExitCode() != 2 {
		t.Fatalf("exit %v, want 2; stderr %s", err, errb.String())
	}
	if !strings.Contains(errb.String(), "locked: permission denied") {
		t.Errorf("stderr %q lacks the locked folder", errb.String())
	}
	if sum := parseSummary(t, out.String()); sum.Stored != 1 {
		t.Errorf("summary %+v, want the readable article stored", sum)
	}
}

// TestEventsEndToEnd ingests an article, exports its events as JSON Lines
// and CSV, and checks that reextract finds nothing to redo.
func TestEventsEndToEnd(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "s.db")
	writeFile(t, filepath.Join(dir, "a.txt"), " date 2022-03-10 Poland pledges helmets\n\n"+
		"Poland will send 5,000 helmets and 300 body armour vests to Ukraine, the defence ministry said on Wednesday.\n\n"+
		"Germany has not sent any tanks to Ukraine.\n")
	r := run(t, "--db", db, "--json", "ingest", filepath.Join(dir, "a.txt"))
	if r.code != 0 {
		t.Fatalf("ingest: %d %s", r.code, r.stderr)
	}
	var sum struct{ Events int }
	json.Unmarshal([]byte(r.stdout), &sum)
	if sum.Events == 0 {
		t.Fatalf("no events extracted at ingest: %s", r.stdout)
	}
	r = run(t, "--db", db, "export", "--type", "aid")
	lines := strings.Split(strings.TrimSpace(r.stdout), "\n")
	var ev struct {
		Doc   string
		Actor struct{ Code string }
		Items []struct {
			Name string
			Qty  struct{ Min float64 }
		}
		Modality string
	}
	if err := json.Unmarshal([]byte(lines[0]), &ev); err != nil {
		t.Fatalf("export line %q: %v", lines[0], err)
	}
	if ev.Doc != "a" || ev.Actor.Code != "POL" || len(ev.Items) == 0 {
		t.Errorf("exported event %+v", ev)
	}
	for _, l := range lines {
		if strings.Contains(l, `"actor":{"code":"DEU"`) {
			t.Errorf("a negated delivery was exported as a fact: %s", l)
		}
	}
	r = run(t, "--db", db, "export", "--format", "csv")
	if !strings.HasPrefix(r.stdout, "id,doc,article,date,type") || strings.Count(r.stdout, "\n") < 2 {
		t.Errorf("csv export: %q", r.stdout)
	}
	r = run(t, "--db", db, "--json", "reextract")
	if !strings.Contains(r.stdout, `"articles":0`) {
		t.Errorf("reextract after ingest: %s", r.stdout)
	}
}

// repoRoot returns the folder holding go.mod.
func repoRoot(t *testing.T) string {
	t.Helper()
	root := testshared.RepoRoot()
	if root == "" {
		t.Fatal("no go.mod above the test")
	}
	return root
}

// TestKnowledgeCommands runs the knowledge layer's commands on the sample
// corpus, as the README shows them.
func TestKnowledgeCommands(t *testing.T) {
	db := filepath.Join(t.TempDir(), "s.db")
	corpus := filepath.Join(repoRoot(t), "examples", "corpus")
	if r := run(t, "--db", db, "--quiet", "ingest", corpus); r.code != 0 {
		t.Fatalf("ingest: %d %s", r.code, r.stderr)
	}
	// Germany's Stingers are reported by several articles: one record.
	r := run(t, "--db", db, "--json", "events", "--type", "aid", "--actor", "DEU")
	var recs []struct {
		ID       string
		Type     string
		Actor    struct{ Code string }
		Items    []struct{ Name string }
		Mentions []struct{ Doc string }
		History  []struct{ Status string }
	}
	if err := json.Unmarshal([]byte(r.stdout), &recs); err != nil {
		t.Fatalf("events --json: %v\n%s", err, r.stderr)
	}
	var stingers string
	for _, rec := range recs {
		for _, it := range rec.Items {
			if it.Name == "Stinger" && rec.Actor.Code == "DEU" && len(rec.Mentions) >= 2 {
				stingers = rec.ID
			}
		}
	}
	if stingers == "" {
		t.Fatalf("no German Stinger record with several reports among %d records", len(recs))
	}
	r = run(t, "--db", db, "event", stingers)
	if r.code != 0 || !strings.Contains(r.stdout, "reports (") || !strings.Contains(r.stdout, "Stinger") {
		t.Errorf("event: %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	for _, args := range [][]string{
		{"timeline", "--type", "attack"},
		{"timeline", "--csv"},
		{"ledger"},
		{"ledger", "--format", "kiel"},
		{"figures", "--type", "displacement"},
		{"actor", "USA"},
		{"digest", "--date", "2022-03-03"},
		{"events", "--csv", "--place", "Mariupol"},
	} {
		r := run(t, append([]string{"--db", db}, args...)...)
		if r.code != 0 || len(strings.TrimSpace(r.stdout)) == 0 {
			t.Errorf("%v: exit %d, stdout %q, stderr %q", args, r.code, r.stdout, r.stderr)
		}
	}
	r = run(t, "--db", db, "ledger", "--format", "kiel")
	if !strings.HasPrefix(r.stdout, "donor,announcement_date,aid_type,item,units,value,currency,value_eur") {
		t.Errorf("kiel header: %q", strings.SplitN(r.stdout, "\n", 2)[0])
	}
	r = run(t, "--db", db, "actor", "XXX")
	if r.code == 0 {
		t.Error("actor XXX succeeded")
	}
}
