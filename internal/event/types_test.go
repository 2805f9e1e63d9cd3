package event

import (
	"testing"

	"github.com/sitrep-project/sitrep/internal/model"
)

// TestFramesDeclareRegisteredTypes checks the frames against the type
// registry: each frame's type is declared there, so that merging, the
// UI and the filters know it, and each declared type has a frame, so
// that no type is offered that extraction never produces.
func TestFramesDeclareRegisteredTypes(t *testing.T) {
	framed := map[model.EventType]bool{}
	for _, f := range frames {
		if !f.typ.Known() {
			t.Errorf("frame of type %q: the type registry (internal/model/types.go) does not declare it", f.typ)
		}
		framed[f.typ] = true
	}
	for _, ti := range model.Types() {
		if !framed[ti.Type] {
			t.Errorf("type %s is registered but no frame produces it", ti.Type)
		}
	}
}
