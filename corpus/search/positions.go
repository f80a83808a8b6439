package search

import (
	"slices"
	"unicode/utf8"

	"github.com/sahilm/fuzzy"
)

// positions returns the characters of t that the terms matched, as
// ascending rune indexes. Only the hits shown are asked for, so this
// scores each fuzzy term again on one text rather than keeping positions
// for every match.
func positions(t *target, terms []term) []int {
	var out []int
	for i := range terms {
		tm := &terms[i]
		if tm.kind == termGroup {
			// The alternative that scored (see group.go).
			best, _ := tm.bestAlt(t)
			if best < 0 {
				continue
			}
			tm = &tm.alts[best]
		}
		out = append(out, tm.positions(t)...)
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// positions returns the characters of t that one term matched, as rune
// indexes.
func (tm *term) positions(t *target) []int {
	if tm.neg {
		return nil
	}
	// Offsets are into the text the term is matched against; plain
	// keeps rune indexes, so those are the text's.
	text, folded := tm.hay(t)
	var offs []int
	start := -1
	switch tm.kind {
	case termFuzzy, termExact:
		// The occurrence scored: the best one (see class.go).
		start, _ = tm.bestSpan(t)
	default:
		start = tm.find(t, text, folded)
	}
	if start >= 0 {
		for j := range tm.text {
			offs = append(offs, start+j)
		}
		return runeIndexes(text, offs)
	}
	if tm.kind != termFuzzy {
		return nil
	}
	m := fuzzy.Find(tm.text, []string{text})
	if len(m) == 0 {
		return nil
	}
	idx := m[0].MatchedIndexes
	if tm.sensitive && !sameCase(text, idx, tm.text) {
		// sahilm/fuzzy ignores case; when smart case asked for it and
		// sahilm chose a differently cased character, show the
		// case-exact characters instead.
		idx = exactSubsequence(text, tm.text)
	}
	return runeIndexes(text, idx)
}

// sameCase reports whether the runes of text at the byte offsets idx are
// exactly the runes of pat.
func sameCase(text string, idx []int, pat string) bool {
	i := 0
	for _, r := range pat {
		if i >= len(idx) {
			return false
		}
		got, _ := utf8.DecodeRuneInString(text[idx[i]:])
		if got != r {
			return false
		}
		i++
	}
	return true
}

// exactSubsequence returns the byte offsets of the leftmost case-exact
// occurrence of pat's runes in text, in order.
func exactSubsequence(text, pat string) []int {
	var out []int
	i := 0
	for _, r := range pat {
		for i < len(text) {
			got, size := utf8.DecodeRuneInString(text[i:])
			i += size
			if got == r {
				out = append(out, i-size)
				break
			}
		}
	}
	return out
}
