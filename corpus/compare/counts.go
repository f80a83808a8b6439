package compare

import "strings"

// Counts ("nearly 10 million Pakistanis", "300 delegates") are read from
// the tokens rather than by a regular expression: a count may start at
// any number of a sentence, and trying a pattern with two dozen
// qualifiers at every position was the costliest part of fact
// extraction. The reading is the one the other number patterns use: an
// optional qualifier, a number (digits or a number word), an optional
// scale word, then the noun counted.

// qualifiers are the words that turn a number into a range (see
// qualify): the alternatives of qualRe, which the other patterns use.
var qualifiers = func() map[string]bool {
	m := map[string]bool{}
	list := strings.TrimSuffix(strings.TrimPrefix(qualRe, `(?:(`), `)\s+)?`)
	for _, q := range strings.Split(list, "|") {
		m[q] = true
	}
	return m
}()

// countFacts finds the counts among the tokens of s, left to right,
// none overlapping the one before.
func countFacts(s string, toks []token, add func(Fact)) {
	end := 0
	for i, t := range toks {
		if t.Start < end {
			continue
		}
		digits, ok := plainNumber(t)
		if !ok {
			continue
		}
		// m is laid out as a regular expression's submatch indexes,
		// as countFact reads them: whole, qualifier, number, scale,
		// noun (-1 when absent).
		m := []int{t.Start, 0, -1, -1, t.Start, t.Start + digits, -1, -1, -1, -1}
		next := i + 1
		if digits < len(t.Surface) {
			m[6], m[7] = t.Start+digits, t.End // "7.5bn"
		} else if next < len(toks) && scales[toks[next].Lower] > 0 && isBlank(s[t.End:toks[next].Start]) {
			m[6], m[7] = toks[next].Start, toks[next].End
			next++
		}
		if !nounAt(s, toks, next) && m[6] >= 0 && next-1 > i {
			// "5.2 million." counts millions, as the patterns read it:
			// the scale word is then the noun.
			next--
			m[6], m[7] = -1, -1
		}
		if !nounAt(s, toks, next) {
			continue
		}
		n := asciiLetters(toks[next].Surface)
		m[8], m[9] = toks[next].Start, toks[next].Start+n
		m[1] = m[9]
		if q := qualifierBefore(s, toks, i, end); q >= 0 {
			m[0], m[2], m[3] = toks[q].Start, toks[q].Start, toks[i-1].End
		}
		if f, ok := countFact(s, m); ok {
			add(f)
			end = m[1]
		}
	}
}

// nounAt says whether toks[k] can be the noun of a count: after blank
// space, two ASCII letters or more.
func nounAt(s string, toks []token, k int) bool {
	if k <= 0 || k >= len(toks) {
		return false
	}
	gap := s[toks[k-1].End:toks[k].Start]
	return gap != "" && isBlank(gap) && asciiLetters(toks[k].Surface) >= 2
}

// plainNumber says whether a token is a number as the patterns read
// them: digits with thousands commas or a decimal point, or a number
// word; digits may run into a scale word ("7.5bn"). It returns how many
// bytes the number itself takes.
func plainNumber(t token) (int, bool) {
	if _, ok := numberWords[t.Lower]; ok {
		return len(t.Surface), true
	}
	if !t.Number {
		return 0, false
	}
	n := 0
	for n < len(t.Surface) && (t.Surface[n] >= '0' && t.Surface[n] <= '9' || t.Surface[n] == '.' || t.Surface[n] == ',') {
		n++
	}
	if n == len(t.Surface) {
		return n, true
	}
	if scales[strings.ToLower(t.Surface[n:])] > 0 {
		return n, true
	}
	return 0, false
}

// qualifierBefore returns the first token of the longest qualifier
// that ends right before toks[i] (one space between its words, any
// spacing before the number), starting at or after byte from; -1 if
// none.
func qualifierBefore(s string, toks []token, i, from int) int {
	for n := 3; n >= 1; n-- {
		q := i - n
		if q < 0 || toks[q].Start < from || !isBlank(s[toks[i-1].End:toks[i].Start]) || toks[i-1].End == toks[i].Start {
			continue
		}
		words := make([]string, 0, n)
		ok := true
		for k := q; k < i; k++ {
			if k > q && s[toks[k-1].End:toks[k].Start] != " " {
				ok = false
				break
			}
			words = append(words, strings.ToLower(toks[k].Surface))
		}
		if ok && qualifiers[strings.Join(words, " ")] {
			return q
		}
	}
	return -1
}

func isBlank(s string) bool { return strings.TrimSpace(s) == "" }

// asciiLetters is the length of the run of ASCII letters at the start
// of s.
func asciiLetters(s string) int {
	n := 0
	for n < len(s) && (s[n] >= 'a' && s[n] <= 'z' || s[n] >= 'A' && s[n] <= 'Z') {
		n++
	}
	return n
}
