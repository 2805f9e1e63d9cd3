package event

import (
	"testing"

	"github.com/sitrep-project/sitrep/internal/model"
)

// TestRunningTotals: a figure beside a running-total cue is marked
// cumulative, and a new package told in the same sentence is not.
func TestRunningTotals(t *testing.T) {
	for _, tc := range []struct {
		name, text string
		amount     float64 // the money of the event checked
		cumulative bool
		// optional: the total need not be an event at all, but if it is
		// one, it must be marked.
		optional bool
	}{
		{"new-then-total", "Canada pledged $50 million in military aid to Ukraine on Monday, bringing its total to $400 million.", 50e6, false, false},
		{"total-of-new", "Canada pledged $50 million in military aid to Ukraine on Monday, bringing its total to $400 million.", 400e6, true, true},
		{"so-far", "Norway has given Ukraine 2 billion kroner in aid so far.", 2e9, true, false},
		{"since-invasion", "Japan has provided $600 million to Ukraine since the invasion, its foreign ministry said.", 600e6, true, false},
		{"a-total-of", "The Netherlands has sent Ukraine military aid worth a total of €1.3 billion.", 1.3e9, true, false},
		{"bring-total-to", "The prime minister said the new grants bring Canada's total military aid to Ukraine to about C$600 million.", 600e6, true, true},
		{"since-russia-invaded", "In all, Spain has committed about €300 million in military help to Ukraine since Russia invaded in February.", 300e6, true, false},
		{"plain-pledge", "Sweden will send Ukraine 500 million kronor in humanitarian aid, the government said.", 500e6, false, false},
		{"taking-to-new", "Poland will give Ukraine another 200 million zlotys in military aid, the prime minister said, taking its support since February to 1.8 billion zlotys.", 200e6, false, false},
		{"taking-to-total", "Poland will give Ukraine another 200 million zlotys in military aid, the prime minister said, taking its support since February to 1.8 billion zlotys.", 1.8e9, true, true},
		{"took-total-to", "The latest grant took Denmark's aid to Ukraine to 3 billion kroner, the ministry said on Friday.", 3e9, true, true},
	} {
		a := &model.Article{ID: "t-" + tc.name, Doc: tc.name, Date: refDate, Text: tc.text}
		found := false
		for _, e := range New(withoutScope()).Extract(a) {
			if e.Type != model.TypeAid || e.Money == nil || e.Money.Amount != tc.amount {
				continue
			}
			found = true
			if e.Cumulative != tc.cumulative {
				t.Errorf("%s: aid of %v cumulative %v, want %v", tc.name, tc.amount, e.Cumulative, tc.cumulative)
			}
		}
		if !found && !tc.optional {
			t.Errorf("%s: no aid event of %v", tc.name, tc.amount)
		}
	}
}
