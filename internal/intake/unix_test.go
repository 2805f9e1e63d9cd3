//go:build unix

package intake

import (
	"errors"
	"net"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/sitrep-project/sitrep/internal/model"
)

// readAllWithin is readAll that fails the test instead of hanging, for
// inputs that could block forever.
func readAllWithin(t *testing.T, d time.Duration, paths ...string) ([]*model.Article, []*Error) {
	t.Helper()
	type out struct {
		arts []*model.Article
		errs []*Error
	}
	ch := make(chan out, 1)
	go func() {
		arts, errs, _ := readAll(t, Options{}, paths...)
		ch <- out{arts, errs}
	}()
	select {
	case o := <-ch:
		return o.arts, o.errs
	case <-time.After(d):
		t.Fatalf("reading %v did not finish in %v", paths, d)
		return nil, nil
	}
}

// TestSpecialFiles: pipes, sockets and devices, named or found in a folder,
// are refused by type before they are opened, and the files beside them
// go in. Before the fix a FIFO hung the reader.
func TestSpecialFiles(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "in/good.txt", " date 2022-03-01 The good file beside the pipe.")
	fifo := filepath.Join(dir, "in", "pipe.txt")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skipf("no FIFOs here: %v", err)
	}
	named := filepath.Join(dir, "named.txt")
	if err := syscall.Mkfifo(named, 0o644); err != nil {
		t.Fatal(err)
	}
	// A socket path must be short; the temporary folder's may not be.
	sockDir, err := os.MkdirTemp("", "sk")
	if err != nil {
		t.Fatal(err)
	}
	defer os.RemoveAll(sockDir)
	sock := filepath.Join(sockDir, "s.txt")
	if l, err := net.Listen("unix", sock); err == nil {
		defer l.Close()
	} else {
		sock = ""
	}
	paths := []string{filepath.Join(dir, "in"), named}
	want := map[string]string{fifo: "named pipe", named: "named pipe"}
	if sock != "" {
		paths = append(paths, sockDir)
		want[sock] = "socket"
	}
	if _, err := os.Stat("/dev/null"); err == nil {
		paths = append(paths, "/dev/null")
		want["/dev/null"] = "character device"
	}
	arts, errs := readAllWithin(t, 10*time.Second, paths...)
	if len(arts) != 1 || arts[0].Doc != "good" {
		t.Errorf("got %d articles, want the good file", len(arts))
	}
	for _, e := range errs {
		kind, ok := want[e.Path]
		if !ok || !errors.Is(e, ErrNotRegular) || !strings.Contains(e.Error(), kind) || !strings.HasPrefix(e.Error(), e.Path+": ") {
			t.Errorf("unexpected error %v", e)
		}
		delete(want, e.Path)
	}
	for p := range want {
		t.Errorf("%s not refused", p)
	}
}

// TestSpecialFileAtRead: an input that became a pipe after it was planned
// (or that a caller built itself) is refused by Read too.
func TestSpecialFileAtRead(t *testing.T) {
	fifo := filepath.Join(t.TempDir(), "late.txt")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skipf("no FIFOs here: %v", err)
	}
	done := make(chan []*Error, 1)
	go func() {
		var errs []*Error
		r := New(Options{}, nil)
		_ = r.Read(t.Context(), []Input{{Path: fifo, Explicit: true}}, func(res Result) error {
			if res.Err != nil {
				errs = append(errs, res.Err)
			}
			return nil
		}, nil)
		done <- errs
	}()
	select {
	case errs := <-done:
		if len(errs) != 1 || !errors.Is(errs[0], ErrNotRegular) {
			t.Errorf("errors %v, want ErrNotRegular", errs)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("Read hung on a FIFO")
	}
}

// TestSymlinks: links to files and folders are followed, named or found in
// a folder; a loop, a second way into a folder already read and a link to
// nothing are each reported with the link's path, never passed over
// silently.
func TestSymlinks(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "real/a.txt", " date 2022-03-01 Story A about the harbour.")
	write(t, dir, "real/sub/b.txt", " date 2022-03-02 Story B about the railway.")
	write(t, dir, "other/c.txt", " date 2022-03-03 Story C about the airport.")
	link := func(target, name string) string {
		p := filepath.Join(dir, name)
		if err := os.Symlink(target, p); err != nil {
			t.Skipf("no symbolic links here: %v", err)
		}
		return p
	}
	toReal := link("real", "to-real")                                  // a link to a folder, named
	toFile := link(filepath.Join(dir, "other", "c.txt"), "real/c.txt") // a link to a file, in a folder
	loop := link("..", "real/sub/up")                                  // back to real: a loop
	link(filepath.Join(dir, "other"), "real/other")                    // to a folder outside: followed
	again := link("../other", "real/sub/again")                        // other, a second time
	dangling := link("nowhere.txt", "real/dangling.txt")
	self := link("self", "self") // a link to itself, named

	cases := []struct {
		name     string
		paths    []string
		docs     string
		problems map[string]error
	}{
		{"link to a folder, named", []string{toReal}, "a c c b", map[string]error{
			filepath.Join(toReal, "dangling.txt"): ErrDanglingLink,
			filepath.Join(toReal, "sub", "up"):    ErrLinkLoop,
			filepath.Join(toReal, "sub", "again"): ErrAlreadyRead,
		}},
		{"the folder itself", []string{filepath.Join(dir, "real")}, "a c c b", map[string]error{
			dangling: ErrDanglingLink, loop: ErrLinkLoop, again: ErrAlreadyRead,
		}},
		{"link to a file, named", []string{toFile}, "c", nil},
		{"link to itself and dangling, named", []string{self, dangling}, "", map[string]error{
			self: ErrLinkLoop, dangling: ErrDanglingLink,
		}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			arts, errs := readAllWithin(t, 10*time.Second, c.paths...)
			var docs []string
			for _, a := range arts {
				docs = append(docs, a.Doc)
			}
			if strings.Join(docs, " ") != c.docs {
				t.Errorf("read %v, want %s", docs, c.docs)
			}
			var got []string
			for _, e := range errs {
				got = append(got, e.Error())
				if want, ok := c.problems[e.Path]; !ok || !errors.Is(e, want) {
					t.Errorf("unexpected error %v", e)
				}
			}
			if len(errs) != len(c.problems) {
				sort.Strings(got)
				t.Errorf("errors %q, want one for each of %v", got, c.problems)
			}
		})
	}
}
