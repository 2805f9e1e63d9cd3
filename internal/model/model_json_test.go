package model

import (
	"encoding/json"
	"strings"
	"testing"
	"time"
)

// TestArticleJSONDate checks that an article's date is written as a day,
// like every date of sitrep's JSON, and read back from that form or from
// RFC 3339; a missing date stays missing.
func TestArticleJSONDate(t *testing.T) {
	a := Article{ID: "x1", Doc: "kyiv-report", Date: time.Date(2022, 2, 26, 0, 0, 0, 0, time.UTC), Title: "Kyiv braces", Text: "Sirens sounded over Kyiv."}
	data, err := json.Marshal(a)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(data), `"date":"2022-02-26"`) || strings.Contains(string(data), "T00:00") || strings.Count(string(data), `"date"`) != 1 {
		t.Errorf("article JSON %s: want one date, as a day", data)
	}
	var back Article
	if err := json.Unmarshal(data, &back); err != nil {
		t.Fatal(err)
	}
	if !back.Date.Equal(a.Date) || back.Doc != a.Doc || back.Text != a.Text || back.Title != a.Title {
		t.Errorf("read back %+v, want %+v", back, a)
	}
	var old Article
	if err := json.Unmarshal([]byte(`{"id":"x2","doc":"d","date":"2022-03-01T00:00:00Z","text":"t"}`), &old); err != nil || old.DateString() != "2022-03-01" {
		t.Errorf("RFC 3339 date: %v %q", err, old.DateString())
	}
	var none Article
	if err := json.Unmarshal([]byte(`{"id":"x3","doc":"d","text":"t"}`), &none); err != nil || !none.Date.IsZero() {
		t.Errorf("no date: %v %v", err, none.Date)
	}
	if data, _ := json.Marshal(none); !strings.Contains(string(data), `"date":""`) {
		t.Errorf("no date written as %s", data)
	}
	if err := json.Unmarshal([]byte(`{"date":"26 Feb"}`), &none); err == nil {
		t.Error("a date in no known form was read")
	}
}
