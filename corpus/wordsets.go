package corpus

import (
	"strings"
	"unicode/utf8"
)

// Case-blind lookups of words and prefixes that allocate nothing on
// ASCII text, as the checks run on every line.

func setOf(words string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(words) {
		m[w] = true
	}
	return m
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
