package search

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// screen runs every check that does not need sahilm/fuzzy on one target:
// membership for every term (a fuzzy term matches when its folded runes
// occur in order in the folded text, which is when sahilm/fuzzy matches),
// the exact score of the non-fuzzy terms, and bounds on the fuzzy terms'
// scores. spans marks the fuzzy terms that occur contiguously.
func screen(t *target, terms []term) (c cand, ok bool) {
	for i := range terms {
		tm := &terms[i]
		if tm.kind == termFuzzy {
			lo, hi, at, ok := tm.screenFuzzy(t)
			if !ok {
				return c, false
			}
			c.lo += lo
			c.hi += hi
			if at >= 0 || i >= 64 {
				c.spans |= 1 << min(i, 63)
			}
			continue
		}
		start := tm.find(t)
		if tm.neg {
			if start >= 0 {
				return c, false
			}
			continue
		}
		if start < 0 {
			return c, false
		}
		s := spanScore(t.text, start, start+len(tm.text))
		c.score += s
		c.lo += s
		c.hi += s
	}
	return c, true
}

// screenFuzzy decides whether a fuzzy term matches t, bounds its score,
// and returns where it occurs contiguously (-1: nowhere).
func (tm *term) screenFuzzy(t *target) (lo, hi, at int, ok bool) {
	at = strings.Index(t.folded, tm.folded)
	contig := at >= 0
	switch {
	case contig:
		ok = true
	case tm.ascii:
		// ASCII bytes never occur inside a multi-byte rune, so here the
		// byte subsequence is the rune subsequence.
		ok = subsequence(t.folded, tm.folded)
	default:
		ok = runeSubsequence(t.folded, tm.folded)
	}
	if ok && tm.sensitive {
		ok = runeSubsequence(t.text, tm.text)
		if contig {
			at = strings.Index(t.text, tm.text)
		}
	}
	if !ok {
		return 0, 0, -1, false
	}
	lo, hi = tm.fuzzyBounds(t, contig, at)
	return lo, hi, at, true
}

// find returns the byte offset where a non-fuzzy term matches t, or -1.
// Folding keeps byte offsets, so an offset in the folded text is one in
// the text.
func (tm *term) find(t *target) int {
	s := t.folded
	if tm.sensitive {
		s = t.text
	}
	p := tm.pattern()
	switch tm.kind {
	case termPrefix:
		if strings.HasPrefix(s, p) {
			return 0
		}
	case termSuffix:
		if strings.HasSuffix(s, p) {
			return len(s) - len(p)
		}
	case termEqual:
		if s == p {
			return 0
		}
	default:
		return strings.Index(s, p)
	}
	return -1
}

// bestSpan finds the best contiguous occurrence of a fuzzy term in t: its
// byte offset and spanScore, or -1. sahilm/fuzzy commits each character
// greedily, so for "hormuz" it prefers "sHares bORder ... recogniZe" to a
// later "Hormuz"; scoring the contiguous occurrence by the same rules and
// keeping the better of the two ranks the word the user typed first.
func (tm *term) bestSpan(t *target) (int, int) {
	s := t.folded
	if tm.sensitive {
		s = t.text
	}
	p := tm.pattern()
	best, bestScore := -1, 0
	for from := 0; ; {
		i := strings.Index(s[from:], p)
		if i < 0 {
			return best, bestScore
		}
		at := from + i
		if sc := spanScore(t.text, at, at+len(p)); best < 0 || sc > bestScore {
			best, bestScore = at, sc
		}
		from = at + 1
	}
}

// runeSubsequence reports whether the runes of pat occur in s in order,
// case included.
func runeSubsequence(s, pat string) bool {
	for _, r := range pat {
		j := strings.IndexRune(s, r)
		if j < 0 {
			return false
		}
		s = s[j+utf8.RuneLen(r):]
	}
	return true
}

// spanScore scores a contiguous match of text[start:end] by the rules
// sahilm/fuzzy applies to a fuzzy match, so exact and fuzzy terms add up
// on one scale: bonuses for the first character, a word start and a camel
// hump, a growing bonus for each adjacent character, penalties for the
// characters before the match and for the length of the text.
func spanScore(text string, start, end int) int {
	score := 0
	if start == 0 {
		score += 10
	}
	last, _ := utf8.DecodeLastRuneInString(text[:start])
	if start == 0 {
		last = 0
	}
	adjacent, n := 0, 0
	for i, r := range text[start:end] {
		if i > 0 {
			bonus := adjacent*2 + 5
			score += bonus
			// Capped where sahilm/fuzzy would overflow: a long exact term
			// must not wrap around to a negative score.
			adjacent = min(adjacent+bonus, 1<<40)
		}
		if unicode.IsLower(last) && unicode.IsUpper(r) {
			score += 20
		}
		if start+i != 0 && strings.ContainsRune("/-_ .\\", last) {
			score += 20
		}
		last = r
		n++
	}
	score += max(start*-5, -15)
	return score + n - len(text)
}

// runeIndexes converts ascending byte offsets into text to rune indexes.
func runeIndexes(text string, offsets []int) []int {
	out := make([]int, 0, len(offsets))
	ri, bi := 0, 0
	for _, off := range offsets {
		for bi < off && bi < len(text) {
			_, size := utf8.DecodeRuneInString(text[bi:])
			bi += size
			ri++
		}
		out = append(out, ri)
	}
	return out
}
