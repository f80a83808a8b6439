package compare

import (
	"math"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
)

// The fact patterns. Each number may carry a qualifier ("more than",
// "nearly") that turns it into a range, and a scale word ("10 million").
const (
	qualRe  = `(?:(more than|over|above|in excess of|upwards of|at least|nearly|almost|close to|just under|just over|about|around|approximately|roughly|some|an estimated|less than|fewer than|under|below|up to|at most)\s+)?`
	numRe   = `(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|sixty|hundred)`
	scaleRe = `(?:\s*(thousand|million|billion|trillion|bn))?`
	// moneyScaleRe also takes the abbreviations news writes after an
	// amount ("£10m", "$50k", "$2tn"), which only follow a currency.
	moneyScaleRe = `(?:\s*(thousand|million|billion|trillion|bn|tn|m|k)\b)?`
	monthRe      = `(January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)`
)

var (
	reDateMDY   = regexp.MustCompile(monthRe + `[.\s]\s*(\d{1,2})(?:st|nd|rd|th)?(?:\s*[–—-]\s*(\d{1,2}))?,?\s+(\d{4})\b`)
	reDateDMY   = regexp.MustCompile(`\b(\d{1,2})(?:st|nd|rd|th)?(?:\s*[–—-]\s*(\d{1,2}))?\s+(?:of\s+)?` + monthRe + `,?\s+(\d{4})\b`)
	reDateMY    = regexp.MustCompile(`(?:\b(early|mid|late)[\s-]+)?` + monthRe + `,?\s+(\d{4})\b`)
	rePercent   = regexp.MustCompile(`(?i)\b` + qualRe + numRe + `\s*(%|percent\b|per cent\b)`)
	reMoney     = regexp.MustCompile(`(?i)` + qualRe + `(\$|US\$|USD\s*|PKR\s*|Rs\.?\s*|€|£)\s?` + numRe + moneyScaleRe)
	reLength    = regexp.MustCompile(`(?i)\b` + qualRe + numRe + scaleRe + `[\s-]*(km|kms|kilomet(?:er|re)s?|miles?|met(?:er|re)s?)\b`)
	reDuration  = regexp.MustCompile(`(?i)\b` + qualRe + numRe + `[\s-]+(seconds?|minutes?|hours?|days?|weeks?|months?|years?|decades?)\b`)
	reVague     = regexp.MustCompile(`(?i)\b(dozens|hundreds|thousands|millions|billions)\b(?:,?\s+if not\s+\w+,?)?\s+of\s+([a-z]+)`)
	reDecade    = regexp.MustCompile(`\b(?:(in|since|during|by|from)\s+)?(?:the\s+)?(1[5-9]\d0|20[0-9]0)s\b`)
	reYearRange = regexp.MustCompile(`\b(1[5-9]\d\d|20\d\d)\s*[–—-]\s*(\d{2}|\d{4})\b`)
	reYear      = regexp.MustCompile(`\b(?:(in|since|until|by|from|before|after|during)\s+)?(1[5-9]\d\d|20\d\d)\b`)
)

var months = map[string]int{
	"january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7, "august": 8,
	"september": 9, "october": 10, "november": 11, "december": 12,
	"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
	"oct": 10, "nov": 11, "dec": 12,
}

var numberWords = map[string]float64{
	"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
	"nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20, "thirty": 30,
	"forty": 40, "fifty": 50, "sixty": 60, "hundred": 100,
}

var scales = map[string]float64{"thousand": 1e3, "million": 1e6, "billion": 1e9, "bn": 1e9, "trillion": 1e12}

// moneyScales are the abbreviations moneyScaleRe adds; counts and
// lengths never take them ("100m" is a race, not a hundred million).
var moneyScales = map[string]float64{"k": 1e3, "m": 1e6, "tn": 1e12}

// durationHours converts duration units to hours, so "two days" meets
// "48 hours".
var durationHours = map[string]float64{
	"second": 1.0 / 3600, "minute": 1.0 / 60, "hour": 1, "day": 24, "week": 168,
	"month": 730, "year": 8766, "decade": 87660,
}

func parseNum(s string) (float64, bool) {
	s = strings.ToLower(s)
	if v, ok := numberWords[s]; ok {
		return v, true
	}
	v, err := strconv.ParseFloat(strings.ReplaceAll(s, ",", ""), 64)
	return v, err == nil
}

// approxTolerance is how far "about", "around", "roughly", "some" and
// the like widen a value: ±5%, so "about 959 km" allows 911–1,007 km and
// differs from "909 km".
const approxTolerance = 0.05

// qualify turns a value, the half-unit of its last written digit (see
// precision) and its qualifier into the range the text allows.
func qualify(v, half float64, q string) (lo, hi float64) {
	switch strings.ToLower(q) {
	case "more than", "over", "above", "in excess of", "upwards of", "at least", "just over":
		return v, math.Inf(1)
	case "nearly", "almost", "close to", "just under":
		return v * 0.9, v
	case "about", "around", "approximately", "roughly", "some", "an estimated":
		return (v - half) * (1 - approxTolerance), (v + half) * (1 + approxTolerance)
	case "less than", "fewer than", "under", "below", "up to", "at most":
		return 0, v
	}
	return v - half, v + half
}

// precision is half a unit of the last digit written after a decimal
// point: "9.4" stands for anything that rounds to it, 9.35–9.45. A whole
// number is read as exact ("$1m" is not 0.5–1.5 million).
func precision(num string) float64 {
	dot := strings.IndexByte(num, '.')
	if dot < 0 {
		return 0
	}
	return 0.5 * math.Pow(10, -float64(len(num)-dot-1))
}

// tokenBufs are ExtractFacts' token buffers: grown anew for every
// sentence, they were 305 MB of the 945 MB claim discovery allocated on
// two 8 MiB sentences (it extracts the facts of the windows it compares
// and of every claim's statements).
var tokenBufs = sync.Pool{New: func() any { return new([]token) }}

// ExtractFacts finds the numbers with their units and qualifiers, dates,
// years, places and actors of a sentence, in text order. Where patterns
// overlap the more specific one wins (a date over a bare year, a length
// over a count).
func ExtractFacts(sentence string) []Fact {
	var facts []Fact
	taken := func(s, e int) bool {
		for _, f := range facts {
			if s < f.End && e > f.Start {
				return true
			}
		}
		return false
	}
	add := func(f Fact) {
		if !taken(f.Start, f.End) {
			facts = append(facts, f)
		}
	}
	// The number patterns are costly; a sentence with no digit and no
	// number word cannot match them, and most sentences have neither.
	// One tokenisation serves the number windows and the names, in a
	// buffer used again: no fact keeps a token.
	buf := tokenBufs.Get().(*[]token)
	toks := rawTokensInto((*buf)[:0], sentence)
	defer func() { *buf = toks[:0]; tokenBufs.Put(buf) }()
	if wins := numberWindows(sentence, toks); len(wins) > 0 {
		numericFacts(sentence, toks, wins, add)
	}
	if hasVague(sentence) {
		for _, m := range reVague.FindAllStringSubmatchIndex(sentence, -1) {
			add(vagueFact(sentence, m))
		}
	}
	for _, f := range namedFacts(sentence, toks) {
		add(f)
	}
	slices.SortStableFunc(facts, func(a, b Fact) int { return a.Start - b.Start })
	return dedupeFacts(facts)
}

// dedupeFacts keeps the first of facts that say the same thing ("Iran ...
// and Iran"): a repeat adds nothing to compare and would be listed twice.
func dedupeFacts(facts []Fact) []Fact {
	type key struct {
		kind      FactKind
		name      string
		low, high float64
		unit      string
	}
	seen := make(map[key]bool, len(facts))
	out := facts[:0]
	for _, f := range facts {
		k := key{f.Kind, f.Name, f.Low, f.High, f.Unit}
		if f.Kind == KindPlace || f.Kind == KindActor {
			k.low, k.high = 0, 0 // names carry no value
		}
		if seen[k] {
			continue
		}
		seen[k] = true
		out = append(out, f)
	}
	return out
}

// numericFacts finds dates, percentages, money, lengths, durations and
// years in each window around the sentence's numbers (most specific
// first), then counts.
func numericFacts(sentence string, toks []token, wins [][2]int, add func(Fact)) {
	for _, w := range wins {
		windowFacts(sentence, toks, w[0], w[1], add)
	}
	// Counts come last: any other reading of a number wins over them.
	countFacts(sentence, toks, add)
}

// windowFacts applies the number patterns to sentence[lo:hi], gating
// each by a look for its unit in that window only (a "day" elsewhere in
// the sentence says nothing about this number). Offsets are into
// sentence.
func windowFacts(sentence string, toks []token, lo, hi int, add func(Fact)) {
	w := factWindow{s: sentence, lo: lo, win: sentence[lo:hi], add: add}
	w.lower = strings.ToLower(w.win)
	digits := strings.ContainsAny(w.win, "0123456789")
	if digits && w.has(monthWords...) {
		w.dates()
	}
	if w.has("%", "percent", "per cent") {
		w.percents()
	}
	if digits && (w.has("$", "usd", "pkr", "€", "£") || hasWord(w.lower, "rs")) {
		w.money()
	}
	if w.has("km", "kilomet", "mile", "metre", "meter") {
		w.lengths()
	}
	if durationAfterNumber(sentence, toks, lo, hi) {
		w.durations()
	}
	// The patterns below all read a year.
	if hasYearDigits(w.win) {
		w.years()
	}
}

// monthWords are the lower-cased month names and abbreviations the date
// patterns know.
var monthWords = func() []string {
	var out []string
	for m := range months {
		out = append(out, m)
	}
	slices.Sort(out)
	return out
}()

func group(s string, m []int, i int) string {
	if 2*i+1 >= len(m) || m[2*i] < 0 {
		return ""
	}
	return s[m[2*i]:m[2*i+1]]
}

// numFact builds a numeric fact from a qualifier, number and scale.
func numFact(s string, m []int, kind FactKind, qual, num, scale, unit string) (Fact, bool) {
	v, ok := parseNum(num)
	if !ok {
		return Fact{}, false
	}
	half := precision(num)
	if k, ok := scales[strings.ToLower(scale)]; ok {
		v, half = v*k, half*k
	} else if k, ok := moneyScales[strings.ToLower(scale)]; ok {
		v, half = v*k, half*k
	}
	lo, hi := qualify(v, half, qual)
	return Fact{Kind: kind, Text: strings.TrimSpace(s[m[0]:m[1]]), Value: v, Low: lo, High: hi, Unit: unit, Qualifier: strings.ToLower(qual), Start: m[0], End: m[1]}, true
}

func lengthUnit(u string) (string, float64) {
	u = strings.ToLower(u)
	switch {
	case strings.HasPrefix(u, "mile"):
		return "km", 1.609344
	case strings.HasPrefix(u, "met"):
		return "km", 0.001
	}
	return "km", 1
}

// countFact is a number followed by the noun it counts ("10 million
// Pakistanis", "300 delegates"); the noun, stemmed and alias-folded, is
// the unit, so only counts of the same thing compare.
func countFact(s string, m []int) (Fact, bool) {
	noun := strings.ToLower(group(s, m, 4))
	if isStop(noun) || months[noun] > 0 || durationHours[strings.TrimSuffix(noun, "s")] > 0 {
		return Fact{}, false
	}
	num := group(s, m, 2)
	// A bare small number before a word is too often part of a name or
	// list ("1st phase", "2 weeks"); counts need digits or a scale.
	if _, isWord := numberWords[strings.ToLower(num)]; isWord && group(s, m, 3) == "" {
		return Fact{}, false
	}
	unit := noun
	if key, ok := aliasWords[noun]; ok {
		unit = key
	}
	return numFact(s, m, KindCount, group(s, m, 1), num, group(s, m, 3), stem(unit))
}

// vagueFact reads "hundreds of hours" as a range of 100–999 hours.
func vagueFact(s string, m []int) Fact {
	base := map[string]float64{"dozens": 12, "hundreds": 100, "thousands": 1000, "millions": 1e6, "billions": 1e9}[strings.ToLower(group(s, m, 1))]
	noun := strings.ToLower(group(s, m, 2))
	f := Fact{Kind: KindCount, Text: s[m[0]:m[1]], Value: base, Low: base, High: base*10 - 1, Unit: stem(noun), Qualifier: "vague", Start: m[0], End: m[1]}
	if h, ok := durationHours[strings.TrimSuffix(noun, "s")]; ok {
		f.Kind, f.Unit = KindDuration, "h"
		f.Value, f.Low, f.High = f.Value*h, f.Low*h, f.High*h
	}
	return f
}
