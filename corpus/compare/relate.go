package compare

import (
	"math"
	"strings"
)

// Relate says how fact b stands to fact a: Same (equal values, or the
// same range said the same way), Compatible (both can be true: a range
// holds a value, a decade holds a year, a city lies in a country),
// Different (comparable and disagreeing), or None when they do not
// measure or name the same kind of thing.
func Relate(a, b Fact) Relation {
	if a.Kind == KindDate && b.Kind == KindYear {
		return relateDateYear(a, b)
	}
	if a.Kind == KindYear && b.Kind == KindDate {
		return relateDateYear(b, a)
	}
	if a.Kind == KindPlace && b.Kind == KindActor || a.Kind == KindActor && b.Kind == KindPlace {
		// "the revolution in Iran" and "Tehran" as a party to the talks
		// name one country; other pairs of a place and an actor are not
		// comparable.
		if a.Name == b.Name {
			return Same
		}
		return None
	}
	if a.Kind != b.Kind {
		return None
	}
	switch a.Kind {
	case KindPlace:
		switch {
		case a.Name == b.Name:
			return Same
		case containsFact(a, b) || containsFact(b, a):
			return Compatible
		}
		return Different
	case KindActor:
		// Several actors take part in one event: naming another is not a
		// disagreement.
		if a.Name == b.Name {
			return Same
		}
		return None
	}
	if a.Unit != b.Unit {
		return None
	}
	return relateRanges(a, b)
}

// relateRanges compares two numeric facts by the ranges their text
// allows. Two ranges that only touch ("9.4" is 9.35–9.45, "9.5" is
// 9.45–9.55) do not overlap; a single value at a range's bound ("more
// than 900" and "900") does.
func relateRanges(a, b Fact) Relation {
	const eps = 1e-9
	eq := func(x, y float64) bool {
		if math.IsInf(x, 0) || math.IsInf(y, 0) {
			return x == y
		}
		return math.Abs(x-y) <= eps*math.Max(1, math.Max(math.Abs(x), math.Abs(y)))
	}
	if eq(a.Low, b.Low) && eq(a.High, b.High) {
		return Same
	}
	lo, hi := math.Max(a.Low, b.Low), math.Min(a.High, b.High)
	point := a.Low == a.High || b.Low == b.High
	if lo < hi && !eq(lo, hi) || point && (lo <= hi || eq(lo, hi)) {
		return Compatible
	}
	return Different
}

// relateDateYear compares a date with a year or span of years.
func relateDateYear(date, year Fact) Relation {
	y := float64(yearOfDay(date.Low))
	y2 := float64(yearOfDay(date.High))
	if y <= year.High && year.Low <= y2 {
		return Compatible
	}
	return Different
}

func yearOfDay(day float64) int {
	// 365.2425 days a year from 1970 is exact enough for whole years.
	return 1970 + int(math.Floor((day+0.5)/365.2425))
}

// rank orders relations by how much they tell: a same fact is the best
// mark, then compatible, then different, then none.
func rank(r Relation) int {
	switch r {
	case Same:
		return 3
	case Compatible:
		return 2
	case Different:
		return 1
	}
	return 0
}

// markFact relates a statement's fact to the query's facts and keeps the
// most telling relation.
func markFact(f Fact, query []Fact) FactMark {
	m := FactMark{Fact: f, Relation: None}
	for i := range query {
		r := Relate(query[i], f)
		if rank(r) > rank(m.Relation) {
			m.Relation = r
			m.Against = &query[i]
		}
	}
	if m.Relation == Compatible {
		m.Note = lookNote(*m.Against, f)
	}
	return m
}

// lookNote says why a compatible pair of times deserves a look: one names
// a single year, the other a period of ten years or more, so they agree
// only if they speak of the same event. A range from a qualifier ("more
// than 900 km" against "909 km") is no such case: it bounds one figure.
func lookNote(a, b Fact) string {
	if a.Kind != KindYear || b.Kind != KindYear {
		return ""
	}
	spanA, spanB := a.High-a.Low, b.High-b.Low
	if min(spanA, spanB) == 0 && max(spanA, spanB) >= 9 {
		return "worth a look: a period and a single year agree only if they mean the same event"
	}
	return ""
}

// measured kinds carry a number; agreement on one is strong evidence two
// sentences make the same point even when the words differ ("more than
// 900 kilometers" and "909 km").
func measured(k FactKind) bool {
	switch k {
	case KindLength, KindDuration, KindDate, KindYear, KindPercent, KindMoney, KindCount:
		return true
	}
	return false
}

// Fact agreement bonuses, added to the normalised BM25 score.
const (
	bonusSame       = 0.12
	bonusCompatible = 0.08
	bonusMax        = 0.2
)

// factBonus rewards a candidate for each query fact with a number that it
// states the same or compatibly.
func (ix *Index) factBonus(p prepared, id int32) float64 {
	// Extracting facts is costly; a sentence without a number, or
	// without a word that any of the query's measured facts needs,
	// cannot agree with them.
	if len(p.facts) == 0 || !ix.numeric[id] {
		return 0
	}
	if p.memo != nil {
		ms, ok := p.memo.cached(id)
		if !ok {
			if !ix.mayStateAny(p, id) {
				return 0
			}
			ms = p.memo.factsOf(id)
		}
		return bonusOver(p.facts, len(ms), func(i int) Fact { return ms[i].fact() })
	}
	facts, ok := ix.cachedFacts(id)
	if !ok {
		if !ix.mayStateAny(p, id) {
			return 0
		}
		facts = ix.factsOf(id)
	}
	return bonusOver(p.facts, len(facts), func(i int) Fact { return facts[i] })
}

// mayStateAny says whether sentence id may state any of the query's facts.
func (ix *Index) mayStateAny(p prepared, id int32) bool {
	lower := strings.ToLower(ix.text(id))
	possible := false
	for _, qf := range p.facts {
		possible = possible || mayState(qf.Kind, lower)
	}
	return possible
}

// bonusOver is the bonus of a candidate's n facts (fact(i)) for the
// query's facts.
func bonusOver(query []Fact, n int, fact func(int) Fact) float64 {
	var bonus float64
	for _, qf := range query {
		if !measured(qf.Kind) {
			continue
		}
		best := None
		for i := range n {
			if r := Relate(qf, fact(i)); rank(r) > rank(best) {
				best = r
			}
		}
		switch best {
		case Same:
			bonus += bonusSame
		case Compatible:
			bonus += bonusCompatible
		}
	}
	return math.Min(bonus, bonusMax)
}

// mayState is a cheap test that a lower-cased sentence may hold a fact
// of kind k: the unit, sign or digits the kind's patterns need.
func mayState(k FactKind, lower string) bool {
	has := func(words ...string) bool {
		for _, w := range words {
			if strings.Contains(lower, w) {
				return true
			}
		}
		return false
	}
	digits := strings.ContainsAny(lower, "0123456789")
	switch k {
	case KindPercent:
		return has("%", "percent", "per cent")
	case KindLength:
		return has("km", "kilomet", "mile", "metre", "meter")
	case KindDuration:
		return has("second", "minute", "hour", "day", "week", "month", "year", "decade")
	case KindMoney:
		return digits && has("$", "usd", "pkr", "rs", "€", "£")
	case KindDate, KindYear:
		return digits
	case KindCount:
		return digits || has("thousand", "million", "billion", "dozens", "hundreds")
	}
	return false
}
