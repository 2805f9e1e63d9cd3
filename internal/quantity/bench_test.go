package quantity

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// benchProse is news-style text written for the benchmark, dense in
// figures of every kind, used when the shared benchmark corpus is absent.
const benchProse = `Officials said on Tuesday that more than 2,000 civilians had been evacuated from the eastern town, where some 400 people were still sheltering in basements. The ministry announced a $450 million package, including 18 howitzers, 155mm shells and up to 50 armoured vehicles, and said a further €300m would follow in the second half of the year.
According to the United Nations, nearly 1.3 million people have left the region since March 3, and hundreds of thousands more are expected to move in the coming weeks. A 47-year-old volunteer said convoys left at 7am each day and took about 12 hours to reach the border, some 600 km away.
The defence minister told reporters in 2021 that the country had sent between 20 and 30 T-72 tanks, two dozen Mi-17 helicopters and several thousand rounds of 7.62 mm ammunition. Inflation reached 14.5% in June, the central bank said, as food prices rose by a third.
`

func benchText(b *testing.B) string {
	var sb strings.Builder
	for sb.Len() < 1<<20 {
		sb.WriteString(benchProse)
	}
	return sb.String()
}

// reutersText loads the bodies of the first Reuters-21578 file, a corpus
// of real newswire text with many figures.
func reutersText(b *testing.B) string {
	path := filepath.Join(sharedDir(b), "bench", "reuters21578", "reut2-000.json")
	raw, err := os.ReadFile(path)
	if err != nil {
		b.Skipf("benchmark corpus %s: %v", path, err)
	}
	var docs []struct {
		Body string `json:"body"`
	}
	if err := json.Unmarshal(raw, &docs); err != nil {
		b.Fatalf("decode %s: %v", path, err)
	}
	var sb strings.Builder
	for _, d := range docs {
		sb.WriteString(d.Body)
		sb.WriteString("\n\n")
	}
	return sb.String()
}

func benchFind(b *testing.B, text string) {
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	n := 0
	for b.Loop() {
		n += len(Find(text))
	}
	if n == 0 {
		b.Fatal("no mentions found")
	}
}

func BenchmarkFind(b *testing.B) {
	b.Run("prose", func(b *testing.B) { benchFind(b, benchText(b)) })
	b.Run("reuters", func(b *testing.B) { benchFind(b, reutersText(b)) })
}

func BenchmarkParseNumber(b *testing.B) {
	inputs := []string{"2,000", "1.5", "twenty-one", "a million", "two dozen", "1.2bn", "half a million", "10 000"}
	b.ReportAllocs()
	for b.Loop() {
		for _, s := range inputs {
			if _, ok := ParseNumber(s); !ok {
				b.Fatalf("ParseNumber(%q) failed", s)
			}
		}
	}
}
