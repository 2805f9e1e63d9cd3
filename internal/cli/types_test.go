package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestTypeFlags checks that every --type flag reads the type registry: a
// type it does not declare is an error that names the known ones, told
// before any store is opened or made.
func TestTypeFlags(t *testing.T) {
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"timeline", "--type", "aid,riot"}, `--type: unknown event type "riot" (types: aid, attack, casualties,`},
		{[]string{"events", "--type", "Visits"}, `--type: unknown event type "Visits" (types: aid,`},
		{[]string{"export", "--type", "casualty"}, `--type: unknown event type "casualty" (types: aid,`},
		{[]string{"figures", "--type", "riot"}, `--type: unknown event type "riot"`},
		{[]string{"figures", "--type", "aid"}, "--type: figures are kept for casualties, displacement and mobilize, not aid"},
	} {
		t.Run(strings.Join(c.args, " "), func(t *testing.T) {
			db := filepath.Join(t.TempDir(), "sitrep.db")
			var out, errOut bytes.Buffer
			root := NewRoot(strings.NewReader(""), &out, &errOut)
			root.SetArgs(append([]string{"--db", db}, c.args...))
			err := root.Execute()
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Fatalf("error %v, want one containing %q", err, c.want)
			}
			if _, err := os.Stat(db); err == nil {
				t.Error("a store was made for a command that failed on its flags")
			}
		})
	}
}

// TestFiguresTypeHelp checks that the figures command's help lists the
// registry's figure types.
func TestFiguresTypeHelp(t *testing.T) {
	if got, want := figureTypesHelp(), "casualties, displacement or mobilize (default: all)"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}
