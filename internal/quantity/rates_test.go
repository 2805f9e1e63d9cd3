package quantity

import "testing"

func TestConvertEdges(t *testing.T) {
	cases := []struct {
		cur, date string
		ok        bool
	}{
		{"EUR", "2022-05-01", true},
		{"CHF", "2021-11-30", true}, // before the table: its first month
		{"SEK", "2023-06-01", true}, // after: its last month
		{"XYZ", "2022-03-01", false},
	}
	for _, c := range cases {
		eur, _, ok := Convert(100, c.cur, c.date)
		if ok != c.ok || (ok && eur <= 0) {
			t.Errorf("Convert(100 %s, %s) = %v, %v", c.cur, c.date, eur, ok)
		}
	}
	if eur, _, _ := Convert(100, "EUR", "2022-07-01"); eur != 100 {
		t.Errorf("euros converted to %v", eur)
	}
}
