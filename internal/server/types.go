package server

import (
	"fmt"
	"net/http"
	"strings"
	"sync"

	"github.com/sitrep-project/sitrep/internal/model"
)

// typesCSSName is the name pages link the event types' style sheet by;
// it is served beside the embedded static files but made at start-up.
const typesCSSName = "types.css"

// typesCSS colours the event types: one class per type in the registry
// (model.Types), as typeClass names it, setting --tc, which app.css's
// chips, marks, cards and timeline bars draw with, and t-other for a
// type the registry does not declare. It is made from the registry so
// that a new type is coloured by its row alone; it is a file, not an
// inline style, because the Content-Security-Policy allows styles only
// from this site's files.
var typesCSS = sync.OnceValue(func() []byte {
	var b strings.Builder
	b.WriteString("/* Event types: one colour each, shared by chips, marks and timeline.\n   Made from the type registry (internal/model/types.go). */\n")
	for _, t := range model.Types() {
		fmt.Fprintf(&b, ".t-%s { --tc: %s; }\n", t.Type, t.Colour)
	}
	fmt.Fprintf(&b, ".t-other { --tc: %s; }\n", model.OtherColour)
	return []byte(b.String())
})

// serveTypesCSS writes typesCSS with the caching of the other static files.
func serveTypesCSS(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	h.Set("Content-Type", "text/css; charset=utf-8")
	h.Set("Cache-Control", "public, max-age=86400")
	w.Write(typesCSS())
}
