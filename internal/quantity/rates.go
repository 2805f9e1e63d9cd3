package quantity

import (
	_ "embed"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"sync"
)

//go:embed data/rates.tsv
var ratesTSV string

// RatesSource names where the conversion rates come from, for the notes
// of every table that shows converted money.
const RatesSource = "ECB euro reference rates, monthly averages 2022 (rounded; UAH from the National Bank of Ukraine)"

type rateTable struct {
	months []string                      // sorted YYYY-MM
	rates  map[string]map[string]float64 // month -> currency -> units per euro
}

var (
	ratesOnce sync.Once
	rates     *rateTable
	ratesErr  error
)

func loadRates() (*rateTable, error) {
	ratesOnce.Do(func() {
		t := &rateTable{rates: map[string]map[string]float64{}}
		var header []string
		for n, line := range strings.Split(ratesTSV, "\n") {
			if line == "" || strings.HasPrefix(line, "#") {
				continue
			}
			cols := strings.Split(line, "\t")
			if header == nil {
				header = cols
				continue
			}
			if len(cols) != len(header) {
				ratesErr = fmt.Errorf("rates.tsv:%d: %d columns, the header has %d", n+1, len(cols), len(header))
				return
			}
			m := map[string]float64{"EUR": 1}
			for i := 1; i < len(cols); i++ {
				v, err := strconv.ParseFloat(cols[i], 64)
				if err != nil || v <= 0 {
					ratesErr = fmt.Errorf("rates.tsv:%d: bad rate %q for %s", n+1, cols[i], header[i])
					return
				}
				m[header[i]] = v
			}
			t.rates[cols[0]] = m
			t.months = append(t.months, cols[0])
		}
		sort.Strings(t.months)
		rates = t
	})
	return rates, ratesErr
}

// Convert converts an amount of a currency on a date (YYYY-MM-DD) into
// euros and dollars at that month's average rate (the nearest month's
// outside the table). ok is false for a currency the table lacks.
func Convert(amount float64, currency, date string) (eur, usd float64, ok bool) {
	t, err := loadRates()
	if err != nil || len(t.months) == 0 {
		return 0, 0, false
	}
	month := date
	if len(month) >= 7 {
		month = month[:7]
	}
	i := sort.SearchStrings(t.months, month)
	switch {
	case i >= len(t.months):
		i = len(t.months) - 1
	case t.months[i] != month && i > 0 && month < t.months[0]:
		i = 0
	}
	r := t.rates[t.months[i]]
	per, ok := r[currency]
	if !ok {
		return 0, 0, false
	}
	eur = amount / per
	return eur, eur * r["USD"], true
}
