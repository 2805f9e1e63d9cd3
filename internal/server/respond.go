package server

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/sitrep-project/sitrep/internal/intake"
	"github.com/sitrep-project/sitrep/internal/model"
	"github.com/sitrep-project/sitrep/internal/query"
	"github.com/sitrep-project/sitrep/internal/store"
)

// Paging limits: a page holds DefaultLimit items unless the request asks
// for more, and never more than MaxLimit, so no request can make the
// server read the whole store at once.
const (
	DefaultLimit = 20
	MaxLimit     = 500
)

// apiError is a failure the client caused, with the status to answer.
type apiError struct {
	status int
	msg    string
}

// Error returns the message the client is shown.
func (e *apiError) Error() string { return e.msg }

func badRequest(format string, args ...any) error {
	return &apiError{status: http.StatusBadRequest, msg: fmt.Sprintf(format, args...)}
}

// errorBody is the JSON every API error is answered with.
type errorBody struct {
	Status int    `json:"status"`
	Error  string `json:"error"`
}

// writeJSON writes v with HTML escaping on, so that a "<script>" inside a
// title reaches the client as \u003cscript\u003e even if some client
// pastes the raw JSON into a page.
func writeJSON(w http.ResponseWriter, status int, v any) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(true)
	if err := enc.Encode(v); err != nil {
		status = http.StatusInternalServerError
		buf.Reset()
		fmt.Fprintf(&buf, `{"status":500,"error":"encoding the response failed"}`+"\n")
	}
	h := w.Header()
	h.Set("Content-Type", "application/json; charset=utf-8")
	h.Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	w.Write(buf.Bytes())
}

func writeError(w http.ResponseWriter, status int, msg string) {
	writeJSON(w, status, errorBody{Status: status, Error: msg})
}

// statusOf maps an error to the status and message a client sees. Errors
// of the store are logged and answered without their details, which may
// name files or SQL.
func (s *Server) statusOf(r *http.Request, err error) (int, string) {
	var ae *apiError
	var mbe *http.MaxBytesError
	switch {
	case errors.As(err, &ae):
		return ae.status, ae.msg
	case errors.As(err, &mbe):
		return http.StatusRequestEntityTooLarge, fmt.Sprintf("request body over %d bytes", mbe.Limit)
	case errors.Is(err, store.ErrNotFound):
		return http.StatusNotFound, "not found"
	case errors.Is(err, context.DeadlineExceeded):
		return http.StatusServiceUnavailable, "the request took too long; narrow it with filters or a smaller limit"
	case errors.Is(err, context.Canceled):
		return 499, "request cancelled"
	}
	s.log.Error("request failed", "method", r.Method, "path", r.URL.Path, "err", err)
	return http.StatusInternalServerError, "internal error"
}

// fail answers an API request with the JSON error for err.
func (s *Server) fail(w http.ResponseWriter, r *http.Request, err error) {
	status, msg := s.statusOf(r, err)
	writeError(w, status, msg)
}

// intParam reads an integer query parameter within [min, max].
func intParam(q url.Values, name string, def, min, max int) (int, error) {
	v := strings.TrimSpace(q.Get(name))
	if v == "" {
		return def, nil
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < min || n > max {
		return 0, badRequest("%s: want a whole number from %d to %d, got %q", name, min, max, v)
	}
	return n, nil
}

// dateParam reads a date query parameter in any layout intake accepts and
// returns it as YYYY-MM-DD.
func dateParam(q url.Values, name string) (string, error) {
	v := strings.TrimSpace(q.Get(name))
	if v == "" {
		return "", nil
	}
	d, err := intake.ParseDate(v)
	if err != nil {
		return "", badRequest("%s: %v", name, err)
	}
	return d.Format(model.DateLayout), nil
}

// codeParam reads an actor as a code: a code (USA, EU, NATO) or a name
// or alias the lexicon knows (Germany, "the European Union").
func codeParam(q url.Values, name string) (string, error) {
	return checkCode(name, q.Get(name))
}

// checkCode reads an actor given by code or name as its code. A value in
// the form of a code that is part of no known name is taken as a code,
// known or not, since the store may hold codes the lexicon lacks; any
// other value the lexicon does not know is a bad request that suggests
// the codes of the names it is part of ("land": Poland, Finland, ...).
func checkCode(name, v string) (string, error) {
	v = strings.TrimSpace(v)
	if len(v) > 100 {
		return "", badRequest("%s: too long", name)
	}
	code, sugg, err := query.ActorCode(v)
	if err == nil {
		return code, nil
	}
	if len(sugg) == 0 && len(code) <= 32 && strings.IndexFunc(code, func(c rune) bool {
		return !(c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_')
	}) < 0 {
		return code, nil
	}
	msg := fmt.Sprintf("%s: %q is neither an actor code (ISO 3166-1 alpha-3, or an organisation code such as EU, NATO) nor a name sitrep knows", name, v)
	if len(sugg) > 0 {
		msg += "; did you mean " + strings.Join(sugg[:min(len(sugg), 8)], ", ") + "?"
	}
	return "", &apiError{status: http.StatusBadRequest, msg: msg}
}

// typeParam reads an event type, or several separated by commas; a type
// the registry does not declare is a bad request that lists those it does.
func typeParam(q url.Values, name string) ([]model.EventType, error) {
	out, err := model.ParseEventTypes(q.Get(name))
	if err != nil {
		return nil, badRequest("%s: %v", name, err)
	}
	return out, nil
}

// textParam reads a free-text parameter, bounded in length.
func textParam(q url.Values, name string, max int) (string, error) {
	v := strings.TrimSpace(q.Get(name))
	if len(v) > max {
		return "", badRequest("%s: longer than %d bytes", name, max)
	}
	return v, nil
}

// paging is the limit and offset of a list request.
type paging struct{ limit, offset int }

func pagingParams(q url.Values, def int) (paging, error) {
	l, err := intParam(q, "limit", def, 1, MaxLimit)
	if err != nil {
		return paging{}, err
	}
	o, err := intParam(q, "offset", 0, 0, 1<<30)
	if err != nil {
		return paging{}, err
	}
	return paging{l, o}, nil
}

// Page is one page of a list: the items, where they start, and the link
// to the next page when there is one. Total is the number of items in
// all pages, left out where counting them would cost a scan of the store.
type Page[T any] struct {
	Total  *int   `json:"total,omitempty"`
	Limit  int    `json:"limit"`
	Offset int    `json:"offset"`
	Next   string `json:"next,omitempty"`
	Items  []T    `json:"items"`
}

// nextLink is the request's URL with offset moved past this page.
func nextLink(r *http.Request, p paging) string {
	q := r.URL.Query()
	q.Set("offset", strconv.Itoa(p.offset+p.limit))
	q.Set("limit", strconv.Itoa(p.limit))
	return r.URL.Path + "?" + q.Encode()
}

// slicePage pages a list held in memory.
func slicePage[T any](r *http.Request, all []T, p paging) Page[T] {
	total := len(all)
	lo := min(p.offset, total)
	hi := min(p.offset+p.limit, total)
	pg := Page[T]{Total: &total, Limit: p.limit, Offset: p.offset, Items: all[lo:hi]}
	if pg.Items == nil {
		pg.Items = []T{}
	}
	if hi < total {
		pg.Next = nextLink(r, p)
	}
	return pg
}
