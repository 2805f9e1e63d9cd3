package query

import (
	"fmt"
	"strings"

	"github.com/sitrep-project/sitrep/internal/model"
)

// RangeText writes a hedged number as a reader would: "~2,000", ">=200",
// "200-999".
func RangeText(r *model.Range) string {
	approx := ""
	if r.Approx {
		approx = "~"
	}
	switch {
	case r.Min != nil && r.Max != nil && *r.Min == *r.Max:
		return approx + Number(*r.Min)
	case r.Min != nil && r.Max != nil:
		return Number(*r.Min) + "-" + Number(*r.Max)
	case r.Min != nil:
		return ">=" + Number(*r.Min)
	case r.Max != nil:
		return "<=" + Number(*r.Max)
	}
	return "?"
}

// Number prints a number with thousands separators and no needless
// decimals.
func Number(f float64) string {
	if f != float64(int64(f)) {
		return fmt.Sprintf("%.2f", f)
	}
	s := fmt.Sprintf("%d", int64(f))
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	var b strings.Builder
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	if neg {
		return "-" + b.String()
	}
	return b.String()
}
