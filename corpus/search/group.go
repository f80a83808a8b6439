package search

import (
	"math"
	"strings"

	"github.com/sahilm/fuzzy"
)

// A group ("a | b | c", see query.go) matches a text when any of its
// alternatives does, and scores what its best matching alternative
// scores: the score that alternative would have as a term on its own, so
// a group ranks on the same scale as a term, by match class first. A
// negated alternative that matches (the text lacks it) scores 0, as a
// negated term adds nothing. The hit's positions are those of the
// alternative that scored.
//
// A group is ranked (see term.ranked): screening finds whether it matches
// and bounds its score by its matching alternatives' bounds (the best of
// their lower bounds, the best of their upper bounds); ranking scores
// each alternative on the text and keeps the best.

// altsOf returns the alternatives of t: a group's, or t alone.
func altsOf(t *term) []term {
	if t.kind == termGroup {
		return t.alts
	}
	return []term{*t}
}

// screenGroup decides whether a group matches t and bounds its score.
func (tm *term) screenGroup(t *target) (l lastTerm, ok bool) {
	l = lastTerm{at: -1, end: -1}
	for i := range tm.alts {
		a := &tm.alts[i]
		var lo, hi int32
		if a.kind == termFuzzy {
			flo, fhi, _, _, m := a.screenFuzzy(t)
			if !m {
				continue
			}
			lo, hi = int32(flo), int32(fhi)
		} else {
			el, m := a.screenExact(t)
			if !m {
				continue
			}
			lo, hi = el.lo, el.hi
		}
		if !ok {
			l.lo, l.hi, ok = lo, hi, true
			continue
		}
		l.lo, l.hi = max(l.lo, lo), max(l.hi, hi)
	}
	return l, ok
}

// altScore is the score of the alternative a on t as a term of its own
// (as scoreTerm, or the screen for a prefix, suffix or whole-text term,
// finds it); ok is false when a does not match t.
func (a *term) altScore(t *target) (score int, ok bool) {
	text, folded := a.hay(t)
	switch {
	case a.neg:
		return 0, a.find(t, text, folded) < 0
	case a.kind == termExact:
		at, sc := a.bestSpan(t)
		return sc, at >= 0
	case a.kind != termFuzzy:
		start := a.find(t, text, folded)
		if start < 0 {
			return 0, false
		}
		_, _, sc := a.exactBounds(t, text, folded, start)
		return sc, true
	}
	if at, sc := a.bestSpan(t); at >= 0 {
		return sc, true
	}
	if _, m := subseqFrom(folded, 0, a.folded, a.ascii); !m || a.sensitive && !runeSubsequence(text, a.text) {
		return 0, false
	}
	// Scattered: sahilm/fuzzy's score, as scoreTerm finds it.
	s := -15 + a.runes - len(text)
	if strings.IndexByte(text, 0) < 0 {
		if m := fuzzy.Find(a.text, []string{text}); len(m) > 0 {
			s = m[0].Score
		}
	}
	return a.scattered(t, s, strings.Contains(folded, a.folded)), true
}

// bestAlt returns the index of the alternative of a group that scores
// best on t (the first of equals), and its score; -1 when none matches.
func (tm *term) bestAlt(t *target) (best, score int) {
	best = -1
	for i := range tm.alts {
		if sc, ok := tm.alts[i].altScore(t); ok && (best < 0 || sc > score) {
			best, score = i, sc
		}
	}
	return best, score
}

// scoreGroup adds a group's score to each candidate.
func (ix *Index) scoreGroup(tm *term, cands []cand) {
	var tb target
	for i := range cands {
		_, sc := tm.bestAlt(ix.at(cands[i].id, &tb))
		cands[i].score += int32(sc)
	}
}

// groupHi bounds a group's score on t from its signature for refine: the
// best of its alternatives' bounds. A fuzzy alternative is bounded as if
// found contiguously, which bounds a scattered match too (a class of at
// least 1 is worth more than any scattered score), and alternatives that
// may not match only loosen the bound.
func (tm *term) groupHi(t *target, sig *signature) int {
	hi := math.MinInt
	for i := range tm.alts {
		a := &tm.alts[i]
		switch {
		case a.neg:
			hi = max(hi, 0)
		case a.ranked():
			hi = max(hi, a.termHi(t, sig, true))
		default:
			text, folded := a.hay(t)
			if start := a.find(t, text, folded); start >= 0 {
				_, _, sc := a.exactBounds(t, text, folded, start)
				hi = max(hi, sc)
			}
		}
	}
	if hi == math.MinInt { // no alternative matches: not a candidate
		hi = topClass*classWeight + rawCap
	}
	return hi
}

// groupImplies is term.implies where either term is a group: every text
// matching t matches old when each alternative of t implies one of old.
func groupImplies(t, old term) bool {
	for _, a := range altsOf(&t) {
		found := false
		for _, o := range altsOf(&old) {
			if a.implies(o) {
				found = true
				break
			}
		}
		if !found {
			return false
		}
	}
	return true
}
