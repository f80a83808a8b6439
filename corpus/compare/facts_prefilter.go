package compare

import "strings"

// The number patterns of facts.go are regular expressions, the costly
// part of fact extraction; these cheap looks decide where and whether
// each is worth running.

// numberWindows returns the stretches of s around its numbers (digits
// or number words), merged where they overlap: four words before each
// number (qualifiers such as "in excess of", currency signs, months) and
// five after (scales, units, "of April, 2026"), widened to whitespace.
// The number patterns only ever match inside them, and running the
// regular expressions over these few words instead of the whole sentence
// is most of what makes fact extraction cheap.
func numberWindows(s string, toks []token) [][2]int {
	var wins [][2]int
	for i, t := range toks {
		if _, word := numberWords[t.Lower]; !t.Number && !word {
			continue
		}
		lo := toks[max(0, i-4)].Start
		hi := toks[min(len(toks)-1, i+5)].End
		for lo > 0 && !isSpaceByte(s[lo-1]) {
			lo--
		}
		for hi < len(s) && !isSpaceByte(s[hi]) {
			hi++
		}
		if n := len(wins); n > 0 && lo <= wins[n-1][1] {
			wins[n-1][1] = max(wins[n-1][1], hi)
			continue
		}
		wins = append(wins, [2]int{lo, hi})
	}
	return wins
}

func isSpaceByte(b byte) bool { return b == ' ' || b == '\n' || b == '\t' }

// vagueWords are the counts reVague reads ("hundreds of hours").
var vagueWords = map[string]bool{"dozens": true, "hundreds": true, "thousands": true, "millions": true, "billions": true}

func hasVague(s string) bool {
	l := strings.ToLower(s)
	for w := range vagueWords {
		if strings.Contains(l, w) {
			return true
		}
	}
	return false
}

// hasWord says whether lower holds w as a word of its own ("rs" in
// "Rs. 500", not in "years").
func hasWord(lower, w string) bool {
	for i := 0; ; {
		j := strings.Index(lower[i:], w)
		if j < 0 {
			return false
		}
		j += i
		before := j == 0 || !isWordRune(rune(lower[j-1]))
		e := j + len(w)
		after := e == len(lower) || !isWordRune(rune(lower[e]))
		if before && after {
			return true
		}
		i = j + 1
	}
}

// durationAfterNumber says whether a number of sentence[lo:hi] is
// followed, past spaces or a hyphen, by a unit of time ("21 hours",
// "four-day"): what the duration pattern needs.
func durationAfterNumber(s string, toks []token, lo, hi int) bool {
	for i := 0; i+1 < len(toks); i++ {
		t, u := toks[i], toks[i+1]
		if t.Start < lo || u.End > hi {
			continue
		}
		if _, ok := plainNumber(t); !ok || strings.Trim(s[t.End:u.Start], " -") != "" {
			continue
		}
		if durationHours[strings.TrimSuffix(u.Lower, "s")] > 0 {
			return true
		}
	}
	return false
}

// hasYearDigits says whether s has a run of exactly four digits that
// may be a year (1000–2999), which the year patterns need.
func hasYearDigits(s string) bool {
	run := 0
	for i := 0; i <= len(s); i++ {
		if i < len(s) && s[i] >= '0' && s[i] <= '9' {
			run++
			continue
		}
		if run == 4 && (s[i-4] == '1' || s[i-4] == '2') {
			return true
		}
		run = 0
	}
	return false
}
