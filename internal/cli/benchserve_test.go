package cli

import (
	"context"
	"encoding/json"
	"testing"
	"time"
)

// TestBenchServeEnds runs "bench serve" on a small generated store and
// checks that it ends, with its figures, once its levels are done: the
// command must stop the server it started (a profile's stop function once
// took the place of the server's, and the command never returned).
func TestBenchServeEnds(t *testing.T) {
	t.Setenv("TMPDIR", t.TempDir()) // the generated store goes here
	done := make(chan error, 1)
	var out string
	go func() {
		var err error
		out, _, err = runCLI(t, "", "bench", "serve", "--articles", "300", "--connections", "1", "--duration", "200ms",
			"--cache-size", "0", "--json", "--cpuprofile", t.TempDir()+"/cpu.prof")
		done <- err
	}()
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Fatal(err)
		}
	case <-ctx.Done():
		t.Fatal("bench serve did not end two minutes after it started")
	}
	var res struct {
		Articles int `json:"articles"`
		Results  []struct {
			Requests int `json:"requests"`
			Errors   int `json:"errors"`
		} `json:"results"`
	}
	if err := json.Unmarshal([]byte(out), &res); err != nil {
		t.Fatalf("bench serve --json printed %q: %v", out, err)
	}
	if res.Articles != 300 || len(res.Results) != 1 || res.Results[0].Requests == 0 || res.Results[0].Errors != 0 {
		t.Errorf("bench serve gave %+v", res)
	}
}
