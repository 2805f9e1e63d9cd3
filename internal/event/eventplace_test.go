package event

import (
	"slices"
	"testing"

	"github.com/sitrep-project/sitrep/internal/model"
)

// TestEventPlaces checks that an event's places are the ones the text
// ties to it, not every place its sentence names.
func TestEventPlaces(t *testing.T) {
	cases := []struct {
		name, text string
		typ        model.EventType
		want       []string // the places of the first event of typ; nil for none
	}{
		{"a-pledge-made-elsewhere-has-no-place",
			"Speaking in Moscow on Tuesday, the Kremlin spokesman said Norway's decision to send 2,000 helmets to Ukraine changed nothing.",
			model.TypeAid, nil},
		{"a-strike-in-a-clause-of-its-own-is-not-the-aid's-place",
			"As Russian missiles hit Kharkiv on Monday, Canada said it would send four howitzers to Ukraine.",
			model.TypeAid, nil},
		{"the-strike-of-that-clause-keeps-its-place",
			"As Russian missiles hit Kharkiv on Monday, Canada said it would send four howitzers to Ukraine.",
			model.TypeAttack, []string{"Kharkiv"}},
		{"a-trip-after-a-pledge-is-not-its-place",
			"Australia will send armoured vehicles to Ukraine, the prime minister said after a visit to Kyiv.",
			model.TypeAid, nil},
		{"a-recipient-named-by-its-capital-is-no-place",
			"Britain will send 2,000 anti-tank missiles to Kyiv, the defence secretary said on Tuesday.",
			model.TypeAid, nil},
		{"a-recipient-named-by-its-capital-is-no-place-either",
			"The United States will send $350 million in weapons for Kyiv, the State Department said on Saturday.",
			model.TypeAid, nil},
		{"a-locative-of-the-verb",
			"Three people were killed in Russian shelling of Kharkiv on Monday, the regional governor said.",
			model.TypeCasualties, []string{"Kharkiv"}},
		{"a-strike-on-a-city-as-subject",
			"The missile strike on Vinnytsia killed 23 people, officials said on Thursday.",
			model.TypeCasualties, []string{"Vinnytsia"}},
		{"a-place-the-report-opens-with",
			"In the Donetsk region, the governor said on Monday that three people were killed by shelling.",
			model.TypeCasualties, []string{"Donetsk Oblast"}},
		{"a-noun-that-counts-the-events",
			"A series of Ukrainian strikes hit an air base near Sevastopol on Tuesday, Russian officials said.",
			model.TypeAttack, []string{"Sevastopol"}},
		{"a-place-in-a-relative-clause-about-something-else",
			"Russian forces shelled Sloviansk on Friday, a day after the governor, who had travelled from Kyiv, urged residents to leave.",
			model.TypeAttack, []string{"Sloviansk"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			evs := extractCase(caseT{name: tc.name, text: tc.text})
			for _, ev := range evs {
				if ev.Type != tc.typ {
					continue
				}
				var got []string
				for _, p := range ev.Places {
					got = append(got, p.Name)
				}
				if !slices.Equal(got, tc.want) {
					t.Errorf("places %q, want %q (%s)", got, tc.want, ev.Evidence.Sentence)
				}
				return
			}
			t.Fatalf("no %s event in %q", tc.typ, tc.text)
		})
	}
}

// TestAdditionalAid checks the reports that present aid as more than
// earlier aid, which merging keeps from joining an older package.
func TestAdditionalAid(t *testing.T) {
	cases := []struct {
		text string
		want bool
	}{
		{"The United States will send four more HIMARS rocket systems to Ukraine, the Pentagon said on Thursday.", true},
		{"President Biden announced an additional $800 million in weapons for Ukraine on Wednesday.", true},
		{"Britain said on Monday it would give Ukraine another 5,000 anti-tank missiles.", true},
		{"Germany pledged a fresh package of air defence systems to Ukraine on Friday.", true},
		{"Poland will send a second batch of tanks to Ukraine, the defence minister said.", true},
		{"Britain has sent more than 2,000 anti-tank missiles to Ukraine, the defence secretary said.", false},
		{"Germany will send 1,000 anti-tank weapons to Ukraine, the government said on Saturday.", false},
		{"New Zealand will send 50 soldiers' body armour sets to Ukraine, its defence minister said.", false},
		{"Canada will send 39 armoured vehicles to Ukraine, The New York Times reported on Friday.", false},
	}
	for _, tc := range cases {
		evs := extractCase(caseT{name: "more", text: tc.text})
		found := false
		for _, ev := range evs {
			if ev.Type != model.TypeAid || !ev.IsFact() {
				continue
			}
			found = true
			if ev.Additional != tc.want {
				t.Errorf("additional = %v, want %v: %q", ev.Additional, tc.want, tc.text)
			}
		}
		if !found {
			t.Errorf("no aid read from %q", tc.text)
		}
	}
}

// TestGenre checks how an opinion piece is known from its URL and
// headline, and that its events carry the genre.
func TestGenre(t *testing.T) {
	cases := []struct {
		url, title string
		want       string
	}{
		{"https://example.com/commentisfree/2022/jun/01/sanctions", "Sanctions are working", model.GenreOpinion},
		{"https://example.com/opinion/ukraine-aid.html", "Why aid matters", model.GenreOpinion},
		{"", "Opinion: the west must send more tanks", model.GenreOpinion},
		{"", "Sanctions against Russia are not backfiring | Letters", model.GenreOpinion},
		{"", "The Guardian view on Ukraine's grain: a deal worth keeping", model.GenreOpinion},
		{"", "The Herald view on the war in its sixth month", model.GenreOpinion},
		{"https://example.com/world/europe/ukraine-himars.html", "US to send four more HIMARS to Ukraine", ""},
		{"", "Ukraine latest: shelling resumes near Izium as talks stall", ""},
		{"", "Comment on the talks awaited from Kyiv", ""},
		{"", "US accuses Russia of holding food supplies hostage | First Thing", ""},
	}
	for _, tc := range cases {
		a := &model.Article{URL: tc.url, Title: tc.title}
		if got := genreOf(a); got != tc.want {
			t.Errorf("genreOf(%q, %q) = %q, want %q", tc.url, tc.title, got, tc.want)
		}
	}
	a := &model.Article{ID: "t-op", Doc: "op", Date: refDate, Title: "Opinion: arm Ukraine now",
		Text: "Germany pledged 1,000 anti-tank weapons to Ukraine on Saturday, and it should send tanks next."}
	evs := New(withoutScope()).Extract(a)
	if len(evs) == 0 {
		t.Fatal("no event read from the opinion piece")
	}
	for _, ev := range evs {
		if ev.Genre != model.GenreOpinion {
			t.Errorf("%s event of an opinion piece has genre %q", ev.Type, ev.Genre)
		}
	}
}
