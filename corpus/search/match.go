package search

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// screen runs every check that does not need sahilm/fuzzy on one target:
// membership for every term (a fuzzy term matches when its folded runes
// occur in order in the folded text, which is when sahilm/fuzzy matches),
// the score of the prefix, suffix and whole-text terms, and bounds on the
// scores of the others (see term.ranked). spans marks the fuzzy terms that
// occur contiguously; last keeps what the next keystroke can continue
// from (see incremental.go).
func screen(t *target, terms []term) (c cand, ok bool) {
	// Whether every fuzzy term's runes occur in order first: most targets
	// a scan looks at fail one, and then the work of bounding the others'
	// scores is wasted ("prime minister" over forty times the BBC folder:
	// 1.19 million targets screened, 402,840 matches).
	var ends [screenEnds]int32
	for i := range terms {
		if tm := &terms[i]; tm.kind == termFuzzy {
			end, ok := tm.member(t)
			if !ok {
				return c, false
			}
			if i < screenEnds {
				ends[i] = int32(end)
			}
		}
	}
	for i := range terms {
		tm := &terms[i]
		var l lastTerm
		if tm.kind == termFuzzy {
			end := -1
			if i < screenEnds {
				end = int(ends[i])
			}
			lo, hi, at, end, ok := tm.screenFuzzyAt(t, end)
			if !ok {
				return c, false
			}
			if at >= 0 || i >= 63 {
				c.spans |= 1 << min(i, 63)
			}
			l = lastTerm{at: int32(at), end: int32(end), lo: int32(lo), hi: int32(hi)}
		} else if tm.kind == termGroup {
			if l, ok = tm.screenGroup(t); !ok {
				return c, false
			}
		} else if l, ok = tm.screenExact(t); !ok {
			return c, false
		}
		c.lo += l.lo
		c.hi += l.hi
		c.score += l.score
		c.last = l
	}
	return c, true
}

// screenEnds is how many fuzzy terms' match ends screen keeps from its
// first pass rather than finding them again.
const screenEnds = 8

// screenExact screens a term that is not fuzzy (exact, prefix, suffix,
// whole-text or negated) on t: whether it matches, where, and its score
// bounds (its score, for all but an exact term; see term.ranked).
func (tm *term) screenExact(t *target) (l lastTerm, ok bool) {
	text, folded := tm.hay(t)
	start := tm.find(t, text, folded)
	if tm.neg != (start < 0) {
		return l, false
	}
	l = lastTerm{at: int32(start), end: -1}
	if !tm.neg {
		lo, hi, score := tm.exactBounds(t, text, folded, start)
		l.lo, l.hi, l.score = int32(lo), int32(hi), int32(score)
	}
	return l, true
}

// screenFuzzy decides whether a fuzzy term matches t and bounds its
// score. It returns the first contiguous occurrence in the folded text
// (-1: none) and where the leftmost match of its runes in order ends.
func (tm *term) screenFuzzy(t *target) (lo, hi, at, end int, ok bool) {
	return tm.screenFuzzyAt(t, -1)
}

// member reports whether a fuzzy term's runes occur in order in t (the
// membership screenFuzzy decides) and where their leftmost match ends.
func (tm *term) member(t *target) (end int, ok bool) {
	text, folded := t.plain, t.folded
	if tm.exact && t.accent {
		text, folded = tm.hay(t)
	}
	end, ok = subseqFrom(folded, 0, tm.folded, tm.ascii)
	if ok && tm.sensitive {
		ok = runeSubsequence(text, tm.text)
	}
	return end, ok
}

// screenFuzzyAt is screenFuzzy given end, where member found the leftmost
// match to end (-1: not found yet).
func (tm *term) screenFuzzyAt(t *target, end int) (lo, hi, at, _ int, ok bool) {
	if end < 0 {
		if end, ok = tm.member(t); !ok {
			return 0, 0, -1, -1, false
		}
	}
	text, folded := t.plain, t.folded
	if tm.exact && t.accent {
		text, folded = tm.hay(t)
	}
	at = tm.firstOccurrence(folded, end)
	spanAt := at
	if tm.sensitive && at >= 0 {
		spanAt = strings.Index(text, tm.text)
	}
	lo, hi = tm.fuzzyBounds(folded, t.camel, at >= 0, spanAt)
	return lo, hi, at, end, true
}

// firstOccurrence is strings.Index(s, tm.folded) given that the leftmost
// match of its runes in order in s ends at end. An occurrence is such a
// match, and none ends before the leftmost one, so none starts before
// end-len(tm.folded): the search starts there, which skips most of the
// text, as scattered matches usually end far from its start (half the
// time spent finding "prime" and "minister" in the 1.1 million texts of
// forty times the BBC folder that hold their runes in order). With one
// rune, the leftmost match is the first occurrence.
func (tm *term) firstOccurrence(s string, end int) int {
	from := end - len(tm.folded)
	if tm.runes == 1 {
		return from
	}
	at := strings.Index(s[from:], tm.folded)
	if at < 0 {
		return -1
	}
	return from + at
}

// subseqFrom matches the runes of pat in order in s from byte from on,
// leftmost first, and returns where the match ends. For an ASCII pat the
// bytes are the runes (ASCII bytes never occur inside a multi-byte rune)
// and strings.IndexByte is vectorised.
func subseqFrom(s string, from int, pat string, ascii bool) (int, bool) {
	if ascii {
		for i := 0; i < len(pat); i++ {
			j := strings.IndexByte(s[from:], pat[i])
			if j < 0 {
				return 0, false
			}
			from += j + 1
		}
		return from, true
	}
	for _, r := range pat {
		j := strings.IndexRune(s[from:], r)
		if j < 0 {
			return 0, false
		}
		from += j + utf8.RuneLen(r)
	}
	return from, true
}

// find returns the byte offset where a non-fuzzy term matches the text
// and folded text tm.hay returns for t, or -1. Folding keeps byte
// offsets, so an offset in the folded text is one in the text. On a
// title, "word$" and "^word$" also match the title without its byline.
func (tm *term) find(t *target, text, folded string) int {
	s := folded
	if tm.sensitive {
		s = text
	}
	p := tm.pattern()
	switch tm.kind {
	case termPrefix:
		if strings.HasPrefix(s, p) {
			return 0
		}
	case termSuffix, termEqual:
		for _, end := range []int{len(s), titleEnd(s, t.byline)} {
			if tm.kind == termSuffix && strings.HasSuffix(s[:end], p) {
				return end - len(p)
			}
			if tm.kind == termEqual && s[:end] == p {
				return 0
			}
			if t.byline == 0 {
				break
			}
		}
	default:
		return strings.Index(s, p)
	}
	return -1
}

// bestSpan finds the best contiguous occurrence of a term in t: its byte
// offset and occScore, or -1. sahilm/fuzzy commits each character
// greedily: for "oil" in "Oil prices reach three-month low" it takes the
// l of "low", after a space, over the word "Oil". A term found
// contiguously is scored, and highlighted, where it is found best
// instead (see class.go). Offsets are into the text tm.hay returns.
func (tm *term) bestSpan(t *target) (int, int) {
	text, s := tm.hay(t)
	if tm.sensitive {
		s = text
	}
	return tm.bestFrom(text, s, 0)
}

// exactBounds bounds the score of a non-fuzzy term found at start in the
// text and folded text tm.hay returns for t. A prefix, suffix or whole-text
// term occurs once: its score is known. An exact term scores its best
// occurrence, found when ranking (see term.ranked): start, its first, is
// a lower bound.
func (tm *term) exactBounds(t *target, text, folded string, start int) (lo, hi, score int) {
	s := folded
	if tm.sensitive {
		s = text
	}
	sc := occScore(text, s, start, start+len(tm.text))
	if tm.kind != termExact {
		return sc, sc, sc
	}
	return sc, tm.contigHi(len(folded), t.camel, topClass), 0
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
	var last rune
	switch {
	case start == 0:
		score += 10
	case text[start-1] < utf8.RuneSelf:
		last = rune(text[start-1])
	default:
		last, _ = utf8.DecodeLastRuneInString(text[:start])
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
		if isLower(last) && isUpper(r) {
			score += 20
		}
		if start+i != 0 && last < utf8.RuneSelf && sepBit[last] != 0 {
			score += 20
		}
		last = r
		n++
	}
	score += max(start*-5, -15)
	return score + n - len(text)
}

// isLower and isUpper are unicode.IsLower and IsUpper with the ASCII case
// first: spanScore runs for many candidates.
func isLower(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z'
	}
	return unicode.IsLower(r)
}

func isUpper(r rune) bool {
	if r < utf8.RuneSelf {
		return 'A' <= r && r <= 'Z'
	}
	return unicode.IsUpper(r)
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
