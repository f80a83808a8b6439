package corpus

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// How a line or paragraph begins and ends, and how many words it has:
// shared by the line joiner, the header reader and the block builder.

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

// wordCount counts space-separated words. Source line and block texts are one
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
