package corpus

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Small predicates on one line or paragraph of text, shared by the line
// joiner, the header reader and the block builder.

// closers are trailing characters looked past when asking how a line ends:
// closing quotes and brackets, and stray emphasis markers.
const closers = "\"'”’)]*_»"

// lastMeaningful returns the last rune of s that is not a closer or space.
func lastMeaningful(s string) rune {
	s = strings.TrimRight(s, " "+closers)
	r, _ := utf8.DecodeLastRuneInString(s)
	return r
}

// endsSentence reports whether s ends like a finished sentence or a label
// (".", "!", "?", ":", "…"), so that the next line starts something new.
// A trailing abbreviation such as "Mr." does not count.
func endsSentence(s string) bool {
	switch lastMeaningful(s) {
	case '!', '?', ':', '…':
		return true
	case '.':
		w := lastWord(strings.TrimRight(s, " "+closers))
		return !isAbbrev(strings.TrimSuffix(w, "."), "")
	}
	return false
}

// lastWord returns the last space-separated word of s.
func lastWord(s string) string {
	s = strings.TrimRight(s, " ")
	if i := strings.LastIndexByte(s, ' '); i >= 0 {
		return s[i+1:]
	}
	return s
}

// firstLetter returns the first letter or digit of s, skipping opening
// quotes and brackets.
func firstLetter(s string) rune {
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return r
		}
		if !strings.ContainsRune("\"'“‘([*_«¿¡", r) {
			return r
		}
	}
	return 0
}

func startsLower(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsLower(r)
}

// connectors are words a line does not end on unless the sentence goes on.
var connectors = setOf("a an the of for to in on at by with from and or but nor as than that which who whose whom " +
	"its their his her our my your such into onto about between among across over under after before during " +
	"including per via is are was were be been being has have had will would can could should may might not " +
	"very more most this these those both each every some any also if when while where whether whose")

// smallWords may stay lower case in a title-case heading.
var smallWords = setOf("a an the of for to in on at by with from and or but nor as vs via into onto over after per than up")

func setOf(words string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(words) {
		m[w] = true
	}
	return m
}

// endsWithConnector reports a line that stops mid-sentence: on a comma,
// a dash or a word like "of" or "the".
func endsWithConnector(s string) bool {
	s = strings.TrimRight(s, " ")
	r, _ := utf8.DecodeLastRuneInString(s)
	switch r {
	case ',', ';', '-', '–', '—', '&', '/':
		return true
	}
	return inSet(connectors, lastWord(s))
}

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

// wordCount counts space-separated words. Unit and block texts are one
// trimmed line, so when no two spaces meet, words are spaces plus one.
func wordCount(s string) int {
	if s == "" {
		return 0
	}
	if s[0] != ' ' && s[len(s)-1] != ' ' && !strings.Contains(s, "  ") {
		return strings.Count(s, " ") + 1
	}
	n, in := 0, false
	for i := 0; i < len(s); i++ {
		sp := s[i] == ' '
		if !sp && !in {
			n++
		}
		in = !sp
	}
	return n
}

// inSet looks w up in a set of lower-case words without allocating.
func inSet(set map[string]bool, w string) bool {
	var buf [24]byte
	if len(w) > len(buf) {
		return set[strings.ToLower(w)]
	}
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[i] = c
	}
	return set[string(buf[:len(w)])]
}

// lowerPrefix lowercases at most the first n bytes of s, enough to test
// for a lower-case prefix without copying a whole paragraph.
func lowerPrefix(s string, n int) string {
	if len(s) > n {
		s = s[:n]
	}
	return strings.ToLower(s)
}

// lowerPrefixInto is lowerPrefix written into buf, which it returns: the
// matter checks run it on every line, and an ASCII prefix (almost every
// line) then needs no allocation.
func lowerPrefixInto(buf []byte, s string, n int) []byte {
	if len(s) > n {
		s = s[:n]
	}
	buf = buf[:0]
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf {
			return append(buf[:0], strings.ToLower(s)...)
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf = append(buf, c)
	}
	return buf
}

// hasPrefix is strings.HasPrefix for a byte slice, without converting it.
func hasPrefix(b []byte, prefix string) bool {
	return len(b) >= len(prefix) && string(b[:len(prefix)]) == prefix
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
