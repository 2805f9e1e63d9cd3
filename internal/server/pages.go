package server

import (
	"bytes"
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"fmt"
	"html/template"
	"io/fs"
	"math"
	"net/http"
	"net/url"
	"path"
	"strconv"
	"strings"
	"sync"

	"github.com/sitrep-project/sitrep/internal/model"
	"github.com/sitrep-project/sitrep/internal/query"
)

//go:embed templates/*.html
var templateFS embed.FS

//go:embed static
var staticFS embed.FS

// pageNames are the pages, one template file each besides the layout.
var pageNames = []string{"search", "timeline", "map", "event", "article", "ledger", "figures", "actor", "error"}

// pageSet holds one parsed template per page, each the layout with the
// page's own blocks.
type pageSet struct {
	t map[string]*template.Template
}

func loadPages() (*pageSet, error) {
	base, err := template.New("").Funcs(templateFuncs).ParseFS(templateFS, "templates/layout.html", "templates/parts.html")
	if err != nil {
		return nil, fmt.Errorf("parsing the page layout: %w", err)
	}
	ps := &pageSet{t: map[string]*template.Template{}}
	for _, name := range pageNames {
		t, err := base.Clone()
		if err != nil {
			return nil, fmt.Errorf("cloning the layout for %s: %w", name, err)
		}
		if _, err := t.ParseFS(templateFS, "templates/"+name+".html"); err != nil {
			return nil, fmt.Errorf("parsing page %s: %w", name, err)
		}
		ps.t[name] = t
	}
	return ps, nil
}

// view is what the layout needs besides the page's own data.
type view struct {
	Title string // the page's title, before " · sitrep"
	Nav   string // which navigation link is current
	Data  any
}

// pageFunc computes a page; the wrapper renders it, or the error page.
type pageFunc func(r *http.Request) (name string, v *view, err error)

func (s *Server) registerPages() {
	s.page("GET /{$}", s.searchPage)
	s.page("GET /search", s.searchPage)
	s.page("GET /timeline", s.timelinePage)
	s.page("GET /map", s.mapPage)
	s.page("GET /events/{id}", s.eventPage)
	s.page("GET /articles/{id}", s.articlePage)
	s.page("GET /ledger", s.ledgerPage)
	s.page("GET /figures", s.figuresPage)
	s.page("GET /actors/{code}", s.actorPage)
	s.mux.HandleFunc("GET /actors", s.actorJump)
	static, err := fs.Sub(staticFS, "static")
	if err != nil {
		panic(err) // the embedded tree is fixed at build time
	}
	files := http.StripPrefix("/static/", http.FileServerFS(filesOnly{static}))
	s.mux.Handle("GET /static/", http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		// Folders are not pages: the file server would list them (or
		// serve an index.html), so they get the site's 404 instead.
		name := strings.TrimPrefix(r.URL.Path, "/static/")
		if fi, err := fs.Stat(static, path.Clean("/" + name)[1:]); name == "" || strings.HasSuffix(name, "/") || err != nil || fi.IsDir() {
			s.notFound(w, r)
			return
		}
		w.Header().Set("Cache-Control", "public, max-age=86400")
		files.ServeHTTP(w, r)
	}))
	s.mux.HandleFunc("GET /static/"+typesCSSName, serveTypesCSS)
	s.mux.HandleFunc("/", s.notFound)
}

// notFound answers with the site's 404 page.
func (s *Server) notFound(w http.ResponseWriter, r *http.Request) {
	s.render(w, http.StatusNotFound, "error", &view{Title: "Not found", Data: errorView{Status: 404, Message: "There is no page at this address."}})
}

// filesOnly is a file system in which folders do not exist, so that a
// file server over it can never list one, whatever path reaches it.
type filesOnly struct{ fsys fs.FS }

// Open opens a file, and reports a folder as not there.
func (f filesOnly) Open(name string) (fs.File, error) {
	file, err := f.fsys.Open(name)
	if err != nil {
		return nil, err
	}
	fi, err := file.Stat()
	if err != nil || fi.IsDir() {
		file.Close()
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrNotExist}
	}
	return file, nil
}

func (s *Server) page(pattern string, f pageFunc) {
	s.mux.HandleFunc(pattern, func(w http.ResponseWriter, r *http.Request) {
		name, v, err := f(r)
		if err != nil {
			status, msg := s.statusOf(r, err)
			if status == http.StatusNotFound {
				msg = "Nothing is stored under this name."
			}
			s.render(w, status, "error", &view{Title: http.StatusText(status), Data: errorView{Status: status, Message: msg}})
			return
		}
		s.render(w, http.StatusOK, name, v)
	})
}

// errorView is the error page's data.
type errorView struct {
	Status  int
	Message string
}

// render executes a page into a buffer first, so that a template error
// gives a clean 500 instead of half a page.
func (s *Server) render(w http.ResponseWriter, status int, name string, v *view) {
	var buf bytes.Buffer
	if err := s.pages.t[name].ExecuteTemplate(&buf, "layout", v); err != nil {
		s.log.Error("rendering page", "page", name, "err", err)
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	h := w.Header()
	h.Set("Content-Type", "text/html; charset=utf-8")
	h.Set("Cache-Control", "no-cache")
	w.WriteHeader(status)
	w.Write(buf.Bytes())
}

// actorJump sends the actor form (GET /actors?code=USA) to the actor's page.
func (s *Server) actorJump(w http.ResponseWriter, r *http.Request) {
	code, err := codeParam(r.URL.Query(), "code")
	if err != nil || code == "" {
		msg := "Give an actor code such as USA, DEU, EU or NATO."
		if err != nil {
			msg = err.Error()
		}
		s.render(w, http.StatusBadRequest, "error", &view{Title: "Bad request", Data: errorView{Status: 400, Message: msg}})
		return
	}
	http.Redirect(w, r, "/actors/"+url.PathEscape(code), http.StatusSeeOther)
}

// assetVersions maps each static file to a hash of its content; pages
// link to /static/NAME?v=HASH, so browsers may cache the files for long
// and still fetch a new one as soon as it changes. Made on first use (a
// page), as hashing every file would cost every command's start.
var assetVersions = sync.OnceValue(func() map[string]string {
	out := map[string]string{}
	fs.WalkDir(staticFS, "static", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return nil
		}
		data, err := staticFS.ReadFile(path)
		if err == nil {
			sum := sha256.Sum256(data)
			out[strings.TrimPrefix(path, "static/")] = hex.EncodeToString(sum[:6])
		}
		return nil
	})
	sum := sha256.Sum256(typesCSS())
	out[typesCSSName] = hex.EncodeToString(sum[:6])
	return out
})

// asset is the versioned URL of a static file.
func asset(name string) string {
	return "/static/" + name + "?v=" + assetVersions()[name]
}

var templateFuncs = template.FuncMap{
	"asset": asset,
	"num":   query.Number,
	"whole": func(f float64) string { return query.Number(math.Round(f)) },
	"rangeText": func(r *model.Range) string {
		if r == nil {
			return ""
		}
		return query.RangeText(r)
	},
	"summary":   query.Summary,
	"precision": query.Precision,
	"sources":   query.Sources,
	"join":      strings.Join,
	"typeClass": typeClass,
	"link":      link,
	"add":       func(a, b int) int { return a + b },
	"orDash": func(s string) string {
		if s == "" {
			return "–"
		}
		return s
	},
	"money": func(m *model.Money) string {
		if m == nil {
			return ""
		}
		s := query.Number(m.Amount) + " " + m.Currency
		if m.Approx {
			s = "~" + s
		}
		return s
	},
	"eur": func(f float64) string {
		if f <= 0 {
			return ""
		}
		return "€" + compact(f)
	},
	"compact": compact,
	"f1":      func(f float64) string { return strconv.FormatFloat(f, 'f', 1, 64) },
	"slug":    slug,
	"pathEsc": url.PathEscape,
	"itof":    func(n int) float64 { return float64(n) },
	"pct":     func(f float64) string { return fmt.Sprintf("%.0f%%", f*100) },
}

// typeClass names the CSS class that colours an event type (typesCSS
// declares one per registered type); unknown types (never expected)
// share one neutral class.
func typeClass(t model.EventType) string {
	if t.Known() {
		return "t-" + string(t)
	}
	return "t-other"
}

// link builds a same-site URL from a path and key/value pairs, leaving
// out empty values so that filter links stay short. Values are strings
// or string types with a String method, such as model.EventType, which
// pages pass as they hold them.
func link(path string, kv ...any) string {
	q := url.Values{}
	for i := 0; i+1 < len(kv); i += 2 {
		if v := fmt.Sprint(kv[i+1]); v != "" {
			q.Set(fmt.Sprint(kv[i]), v)
		}
	}
	if len(q) == 0 {
		return path
	}
	return path + "?" + q.Encode()
}

// compact writes a large amount the way a chart label needs it: 1.2bn,
// 350m, 12k.
func compact(f float64) string {
	switch {
	case f >= 1e9:
		return trimZero(fmt.Sprintf("%.1f", f/1e9)) + "bn"
	case f >= 1e6:
		return trimZero(fmt.Sprintf("%.1f", f/1e6)) + "m"
	case f >= 1e4:
		return trimZero(fmt.Sprintf("%.0f", f/1e3)) + "k"
	}
	return query.Number(float64(int64(f)))
}

func trimZero(s string) string { return strings.TrimSuffix(s, ".0") }

// slug turns a key into a string usable as an element id.
func slug(s string) string {
	var b strings.Builder
	for _, c := range strings.ToLower(s) {
		switch {
		case c >= 'a' && c <= 'z', c >= '0' && c <= '9':
			b.WriteRune(c)
		default:
			b.WriteByte('-')
		}
	}
	return b.String()
}
