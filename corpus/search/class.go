package search

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Match classes. sahilm/fuzzy's score ends with a penalty of one point
// per unmatched character of the text, and a short term earns at most a
// few dozen points of bonus: on its own it ranks the shortest text holding
// the letters anywhere first, so "oil" found "Orange had its UK launch"
// (O, i, l at word starts) above every sentence with the word. fzf ranks
// by how the letters are found and uses length only to break ties.
//
// So each term's score starts from its class, weighted far above the rest:
//
//	3  found whole: contiguous, a word boundary on both sides
//	2  found at a word start: contiguous, a boundary before it
//	1  found inside a word: contiguous
//	0  scattered: only its letters in order
//
// A word boundary is the start or end of the text, or a character that is
// not a letter, digit or mark; a term that itself begins (ends) with such
// a character begins (ends) at a boundary. A term found contiguously
// scores its best occurrence: the highest class, then sahilm/fuzzy's rules
// applied to that occurrence (spanScore). A scattered term scores what
// sahilm/fuzzy gives it. Within a class the order is sahilm/fuzzy's, so
// shorter and earlier still win ties, as fzf's default tie-break does.
//
// The rest of the score is clamped to ±rawCap, under half the class
// weight, so for each term the class decides. A text would have to be
// about half a million characters long, or a term's letters chained for
// more than a dozen characters, before the clamp is reached.
const (
	classWeight = 1_000_000
	rawCap      = classWeight/2 - 1
	topClass    = 3
)

// clampRaw clamps the part of a term's score below its class.
func clampRaw(s int) int { return max(min(s, rawCap), -rawCap) }

// occClass is the class of an occurrence s[at:end] of a term (see above).
// Folding keeps letters letters, so it is the same in a text and its
// folded form.
func occClass(s string, at, end int) int {
	start := at == 0 || !isWordRune(runeBefore(s, at)) || !isWordRune(runeAt(s, at))
	stop := end >= len(s) || !isWordRune(runeAt(s, end)) || !isWordRune(runeBefore(s, end))
	return classOf(start, stop)
}

// classOf is the class of an occurrence that starts a word (start) and
// ends one (stop): a whole word 3, a word start 2, inside a word 1.
func classOf(start, stop bool) int {
	switch {
	case start && stop:
		return 3
	case start:
		return 2
	}
	return 1
}

func runeAt(s string, i int) rune {
	if c := s[i]; c < utf8.RuneSelf {
		return rune(c)
	}
	r, _ := utf8.DecodeRuneInString(s[i:])
	return r
}

func runeBefore(s string, i int) rune {
	if c := s[i-1]; c < utf8.RuneSelf {
		return rune(c)
	}
	r, _ := utf8.DecodeLastRuneInString(s[:i])
	return r
}

// isWordRune reports whether r is part of a word: a letter, a digit or a
// combining mark.
func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return asciiWord[r]
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r)
}

var asciiWord = func() (w [utf8.RuneSelf]bool) {
	for c := range w {
		w[c] = 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
	}
	return w
}()

// occScore is the score of a term found contiguously at text[at:end]: s
// is the text it was found in (text itself, or its folded form).
func occScore(text, s string, at, end int) int {
	return occClass(s, at, end)*classWeight + clampRaw(spanScore(text, at, end))
}

// bestFrom returns the best occurrence of the term's pattern in s at or
// after byte from, and its occScore (-1, 0: none). The earliest wins a tie.
func (tm *term) bestFrom(text, s string, from int) (best, bestScore int) {
	p := tm.pattern()
	best, bestClass := -1, 0
	for {
		i := strings.Index(s[from:], p)
		if i < 0 {
			return best, bestScore
		}
		at := from + i
		from = at + 1
		class := occClass(s, at, at+len(p))
		if best >= 0 && class < bestClass {
			continue // a lower class never scores more
		}
		if sc := class*classWeight + clampRaw(spanScore(text, at, at+len(p))); best < 0 || sc > bestScore {
			best, bestScore, bestClass = at, sc, class
		}
	}
}
