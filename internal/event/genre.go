package event

import (
	"net/url"
	"strings"

	"github.com/sitrep-project/sitrep/internal/model"
)

// opinionSections are the names outlets give their sections of opinion
// (see words.tsv).
var opinionSections = words("opinionSections")

// genreOf returns the genre of an article that is not news, "" for news.
// Outlets mark their opinion pieces in the URL ("/commentisfree/",
// "/opinion/") and in the headline ("Opinion: ...", "... | Letters",
// "The Guardian view on ..."); the text itself rarely says so.
func genreOf(a *model.Article) string {
	if u, err := url.Parse(a.URL); err == nil && a.URL != "" {
		for _, seg := range strings.Split(strings.ToLower(u.Path), "/") {
			if opinionSections[seg] {
				return model.GenreOpinion
			}
		}
	}
	title := strings.ToLower(strings.TrimSpace(a.Title))
	if title == "" {
		return ""
	}
	// The section named before a colon or a bar, or after the last bar.
	if i := strings.IndexAny(title, ":|"); i > 0 && opinionSections[strings.TrimSpace(title[:i])] {
		return model.GenreOpinion
	}
	if i := strings.LastIndex(title, "|"); i >= 0 && opinionSections[strings.TrimSpace(title[i+1:])] {
		return model.GenreOpinion
	}
	// An outlet's editorial: "The Guardian view on ...", "The Times view
	// on ...".
	if w := strings.Fields(title); len(w) >= 4 && w[0] == "the" {
		for i := 2; i < len(w)-1 && i <= 4; i++ {
			if w[i] == "view" && w[i+1] == "on" {
				return model.GenreOpinion
			}
		}
	}
	return ""
}
