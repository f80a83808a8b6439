package corpus

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// What a short line reads as: a heading, a numbered heading, a name.

// smallWords may stay lower case in a title-case heading.
var smallWords = setOf("a an the of for to in on at by with from and or but nor as vs via into onto over after per than up")

// titleCased reports whether most significant words start with a capital
// letter (or a digit), as in "Rebuilding Trust with Iran After Tensions".
func titleCased(s string) bool {
	sig, caps := 0, 0
	for i, w := range strings.Fields(s) {
		r := firstLetter(w)
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			continue
		}
		upper := unicode.IsUpper(r) || unicode.IsDigit(r) || !unicode.IsLower(r) && unicode.IsLetter(r)
		if i == 0 && !upper {
			return false
		}
		if !upper && inSet(smallWords, strings.Trim(w, closers+",:;")) {
			continue
		}
		sig++
		if upper {
			caps++
		}
	}
	return sig > 0 && caps*10 >= sig*8
}

// headingLike reports a short line that reads as a heading: no closing
// punctuation (a question only when title-cased), not ending on a
// connector, and title-cased or very short.
func headingLike(s string) bool {
	if len(s) == 0 || len(s) > 110 {
		return false
	}
	n := wordCount(s)
	if n > 14 {
		return false
	}
	// Starts with a capital: "78,000" or "2000 GMT" are data, not headings
	// (numbered headings are told apart before this is asked).
	if r := firstLetter(s); !unicode.IsUpper(r) {
		return false
	}
	switch lastMeaningful(s) {
	case '.', ',', ';', ':', '!', '…':
		return false
	case '?':
		return titleCased(s)
	}
	if endsWithConnector(s) {
		return false
	}
	return titleCased(s) || n <= 4
}

// headingLine is headingLike, allowing a numbered heading such as
// "1. Historical Diplomatic Balancing".
func headingLine(s string) bool {
	if k := numberedPrefix(s); k > 0 {
		return headingLike(s[k:])
	}
	return headingLike(s)
}

// numberedPrefix returns the length of a leading "12. " or "3) " marker,
// or 0.
func numberedPrefix(s string) int {
	i := 0
	for i < len(s) && i < 3 && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	if i == 0 || i+1 >= len(s) || (s[i] != '.' && s[i] != ')') || s[i+1] != ' ' {
		return 0
	}
	return i + 2
}

// nameLike reports a bare personal name such as "Zahid Anwar": two to
// five capitalised words and nothing else.
func nameLike(s string) bool {
	words := strings.Fields(s)
	if len(words) < 2 || len(words) > 5 || len(s) > 50 {
		return false
	}
	for _, w := range words {
		lw := strings.ToLower(w)
		if lw == "bin" || lw == "al" || lw == "de" || lw == "van" || lw == "von" || lw == "da" || lw == "ibn" {
			continue
		}
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsUpper(r) || connectors[lw] {
			return false
		}
		for _, c := range w {
			if !unicode.IsLetter(c) && c != '.' && c != '-' && c != '\'' && c != '’' {
				return false
			}
		}
	}
	return true
}

// hasLatin reports whether s contains a Latin letter.
func hasLatin(s string) bool {
	for _, r := range s {
		if unicode.Is(unicode.Latin, r) {
			return true
		}
	}
	return false
}
