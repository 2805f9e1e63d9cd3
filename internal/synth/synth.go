// Package synth writes synthetic news articles for benchmarks: sentences
// of the kinds sitrep extracts (aid pledges and deliveries, strikes, tolls,
// refugee counts, visits, sanctions), with real states, places and items
// so that every stage has work to do, and with repeats across articles so
// that resolution merges some reports and keeps most apart. The output
// depends only on the seed, so benchmark runs compare like with like.
package synth

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"time"

	"github.com/sitrep-project/sitrep/internal/model"
)

var (
	donors   = []string{"Germany", "France", "Poland", "the United States", "Britain", "Canada", "Sweden", "Norway", "Denmark", "the Netherlands", "Estonia", "Latvia", "Lithuania", "Italy", "Spain", "Japan", "Australia", "the Czech Republic", "Slovakia", "Finland"}
	items    = []string{"Javelin anti-tank missiles", "Stinger missiles", "NLAW launchers", "helmets", "body armour vests", "howitzers", "generators", "ambulances", "Bayraktar drones", "artillery shells", "night-vision devices", "first aid kits"}
	places   = []string{"Kharkiv", "Mariupol", "Kyiv", "Chernihiv", "Mykolaiv", "Odesa", "Sumy", "Zaporizhzhia", "Kramatorsk", "Irpin", "Bucha", "Kherson", "Dnipro", "Lviv", "Izium"}
	outlets  = []string{"Northgate Wire Service", "The Kestrel Review", "Danube Evening Courier", "Harbourline Times", "Meridian Standard", "Lindenfeld Gazette"}
	leaders  = []string{"Antony Blinken", "Olaf Scholz", "Emmanuel Macron", "Boris Johnson", "Mark Rutte", "Justin Trudeau", "Kaja Kallas"}
	visited  = []string{"Poland", "Moldova", "Romania", "Lithuania", "Slovakia", "Hungary"}
	weekdays = []string{"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"}
	fillers  = []string{"Officials gave no further details.", "The ministry did not say when the next update would come.", "Diplomats met late into the evening to discuss the situation.", "Markets in the region were closed for the day.", "Aid groups said the roads east remained dangerous."}
)

// Span is the number of days Articles spreads its articles over, from
// 1 February 2022 to the end of December: each day gets about n/330 of
// them (30 a day at 10,000 articles, 303 at 100,000).
const Span = 330

// Articles returns n articles dated at random over Span days from
// 1 February 2022, deterministically for seed.
func Articles(n int, seed uint64) []*model.Article {
	return ArticlesOver(n, seed, Span)
}

// DaysFor is the number of days to spread n articles over so that about
// perDay of them fall on each day: n/perDay rounded up, at least 1.
func DaysFor(n, perDay int) int {
	if perDay <= 0 || n <= perDay {
		return 1
	}
	return (n + perDay - 1) / perDay
}

// ArticlesOver returns n articles dated at random over days days (at
// least 1) from 1 February 2022, deterministically for seed and days, so
// that about n/days fall on each day; a span longer than Span runs past
// 2022. Resolution merges reports told within days of each other, so the
// articles a day sets how much merging there is to do. ArticlesOver(n,
// seed, Span) is Articles(n, seed).
func ArticlesOver(n int, seed uint64, days int) []*model.Article {
	g := NewGenerator(seed, days)
	out := make([]*model.Article, 0, n)
	for i := 0; i < n; i++ {
		out = append(out, g.Next())
	}
	return out
}

// Generator writes the articles of ArticlesOver one at a time, so that a
// benchmark of a million articles holds only those it is storing: the
// first n articles of NewGenerator(seed, days) are ArticlesOver(n, seed,
// days).
type Generator struct {
	rng   *rand.Rand
	days  int
	i     int
	start time.Time
}

// NewGenerator returns a Generator over days days (at least 1) from
// 1 February 2022, deterministic for seed and days.
func NewGenerator(seed uint64, days int) *Generator {
	return &Generator{
		rng:   rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15)),
		days:  max(days, 1),
		start: time.Date(2022, 2, 1, 0, 0, 0, 0, time.UTC),
	}
}

// NextOn returns the next article, dated day days after the first day
// (0 is 1 February 2022) rather than at random.
func (g *Generator) NextOn(day int) *model.Article {
	a := g.Next()
	a.Date = g.start.AddDate(0, 0, day)
	return a
}

// Next returns the next article.
func (g *Generator) Next() *model.Article {
	rng, i := g.rng, g.i
	g.i++
	date := g.start.AddDate(0, 0, rng.IntN(g.days))
	var paras []string
	for p := 0; p < 3+rng.IntN(3); p++ {
		paras = append(paras, sentence(rng)+" "+fillers[rng.IntN(len(fillers))])
	}
	text := fmt.Sprintf("Report %d. ", i) + strings.Join(paras, "\n\n")
	a := &model.Article{
		ID:     model.ArticleID(text),
		Doc:    fmt.Sprintf("synth-%06d", i),
		Date:   date,
		Title:  fmt.Sprintf("Synthetic report %d", i),
		Outlet: outlets[rng.IntN(len(outlets))],
		Text:   text,
		Origin: "synth",
	}
	off := 0
	for j, p := range strings.Split(text, "\n\n") {
		if j > 0 {
			off += 2
		}
		a.Blocks = append(a.Blocks, model.Block{Kind: model.BlockParagraph, Span: model.Span{Start: off, End: off + len(p)}})
		off += len(p)
	}
	return a
}

// sentence writes one event sentence. Figures are drawn from a few
// hundred values, so that some reports of one donor's item or one day's
// toll repeat within days and merge, as in real news, and most do not.
func sentence(rng *rand.Rand) string {
	n := (rng.IntN(300) + 1) * 10
	day := weekdays[rng.IntN(len(weekdays))]
	switch rng.IntN(7) {
	case 0:
		return fmt.Sprintf("%s pledged %d %s to Ukraine on %s, the defence ministry said.", capital(donors[rng.IntN(len(donors))]), n, items[rng.IntN(len(items))], day)
	case 1:
		return fmt.Sprintf("The first %d %s sent by %s arrived in Ukraine on %s, officials in Kyiv said.", n, items[rng.IntN(len(items))], donors[rng.IntN(len(donors))], day)
	case 2:
		return fmt.Sprintf("Russian forces shelled %s overnight, killing %d civilians and wounding %d others, the regional governor said.", places[rng.IntN(len(places))], rng.IntN(120)+1, rng.IntN(300)+1)
	case 3:
		return fmt.Sprintf("More than %d people have fled Ukraine since February 24, according to the UN refugee agency.", (rng.IntN(600)+1)*10000)
	case 4:
		return fmt.Sprintf("%s visited %s on %s for talks on the war.", leaders[rng.IntN(len(leaders))], visited[rng.IntN(len(visited))], day)
	case 5:
		return fmt.Sprintf("%s announced %d million euros in humanitarian aid for Ukraine on %s.", capital(donors[rng.IntN(len(donors))]), []int{10, 20, 50, 100, 500}[rng.IntN(5)], day)
	default:
		return fmt.Sprintf("%s imposed new sanctions on Russia on %s, freezing the assets of %d officials.", capital(donors[rng.IntN(len(donors))]), day, rng.IntN(90)+10)
	}
}

func capital(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}
