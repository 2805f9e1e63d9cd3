// Package quantity is the number stage of sitrep's mention layer: it finds
// every number-like expression in English news text and says what kind of
// thing it is, so that the event stage can read "some 2,000 anti-tank
// launchers" as a hedged count and "$350 million" as money, while never
// mistaking a year, a date, a calibre, a weapon model or an age for a count.
//
// # What a mention holds
//
// Each Mention carries its byte span, a Kind and a range. Exact figures have
// Min == Max; a hedged figure keeps its hedge as a range rather than a guess:
//
//	over, more than, at least, in excess of, upwards of, exceeding,
//	surpassing, above, ...                          Min only, Approx
//	up to, nearly, almost, under, less than, fewer
//	than, at most, just under, no more than, ...    Max only, Approx
//	some, around, about, approximately, roughly, an
//	estimated, close to, circa, ~, ...              Min == Max, Approx
//	between 20 and 30, 20 to 30, 20-30, 20–30        Min 20, Max 30
//
// Money keeps whole units and an ISO 4217 code ("$350 million" is 350000000
// USD); a bare "kroner" or "pesos", which several states use, keeps its
// amount with an empty Currency rather than a guessed one.
//
// # Vague amounts
//
// Plural scale words are read as the span of values a reader would accept:
// "tens" 20–99, "dozens" 24–99, "scores" 40–199, "hundreds" 200–999,
// "thousands" 2,000–9,999, "millions" 2–9.99 million. "Tens of thousands"
// multiplies out to 20,000–99,999 and "hundreds of thousands" to
// 200,000–999,999. Small vague words: "several" 3–9, "a few" 2–5,
// "a handful of" 2–6, "a couple of" 2; "several hundred" is 300–900. All of
// them set Approx. The lower ends start at two of the unit because a writer
// who meant one hundred would have said "a hundred".
//
// # Things that are not counts
//
// Years (2014, the 1990s, 2022-23), dates ("March 3", "24 February"),
// calibres (155mm, 7.62 mm, 155-millimetre), models (M777, T-72, Mi-17,
// TB2, "Leopard 2"), ages ("a 63-year-old", "aged 40"), clock times
// ("10:30", "9 p.m."), durations ("24 hours", "30-day"), percentages,
// ordinals ("second round", "24th") and identifiers ("No. 10", "G7",
// "COVID-19", "Resolution 2623", phone numbers) all get their own Kind.
// Models and identifiers carry no value: their digits name a thing, they do
// not measure it.
//
// A bare four-digit number between 1800 and 2100 is read as a year unless a
// hedge and a noun ("some 2000 soldiers"), a unit, a currency or a model
// ("4500 M72 launchers") show it counts something: news style writes counts
// of that size with a thousands separator, so the bare form is nearly
// always a year.
//
// # Bounds
//
// Every value the package hands out is finite and at most MaxValue (a
// thousand trillion) either way. A figure beyond it, such as a run of
// hundreds of digits that would overflow to +Inf, is not a number to the
// package: Find reports no mention for it and ParseNumber refuses it, so
// that no stage downstream stores an infinite or clamped amount. (A bare
// run of nine or more digits without separators is an identifier with no
// value anyway; with a currency, a unit or separators it is a figure, and
// the bound applies.)
//
// # Tokens
//
// The parse reads the tokens of package text, the tokeniser every stage
// shares, so that a mention's span is a run of whole tokens to the lexicon,
// the time-expression finder and the event extractor alike. Those tokens
// keep a number's separators ("2,000", "10:30", "27/06/2022") and split off
// the letters glued to it ("155" "mm", "$" "350" "m"); the parse reads the
// shape of a number token and the glue between tokens (text.Token.Gap)
// where the figure's kind depends on them.
//
// # Speed
//
// Find streams through the text with text.Tokenizer into one small buffer,
// looking only at number tokens, at words with digits and at the first
// letter and length of other words; only a word in the number lexicon or a
// digit starts the slower local parse, which reads a few tokens either side
// with no regular expressions and no allocation beyond the result.
// FindTokens reads tokens a caller already holds, such as a sentence's.
package quantity
