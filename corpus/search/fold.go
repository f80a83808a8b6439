package search

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// fold maps s to a case-folded copy with exactly the same byte length, so
// that a byte offset found in the folded text is also an offset in s. Every
// rune becomes the canonical member of its Unicode simple-fold orbit (the
// orbit sahilm/fuzzy's equalFold compares by); the rare runes whose
// canonical form has a different UTF-8 length (the Kelvin sign, for one)
// are left as they are. When nothing changes, s itself is returned.
func fold(s string) string {
	i := 0
	for i < len(s) {
		c := s[i]
		if c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				break
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if f := foldRune(r); f != r && utf8.RuneLen(f) == size {
			break
		}
		i += size
	}
	if i == len(s) {
		return s
	}
	b := make([]byte, len(s))
	copy(b, s[:i])
	appendFolded(b[i:i], s[i:])
	return string(b)
}

// appendFolded writes the folded form of s into dst (which must have room
// for len(s) bytes) and returns it.
func appendFolded(dst []byte, s string) []byte {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			dst = append(dst, c)
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if f := foldRune(r); f != r && utf8.RuneLen(f) == size {
			dst = utf8.AppendRune(dst, f)
		} else {
			dst = append(dst, s[i:i+size]...)
		}
		i += size
	}
	return dst
}

// foldRune returns the canonical member of r's simple-fold orbit: its
// smallest lower-case member, or r when the orbit has none (no case).
func foldRune(r rune) rune {
	if r < utf8.RuneSelf {
		if 'A' <= r && r <= 'Z' {
			return r + 'a' - 'A'
		}
		return r
	}
	best := rune(-1)
	for f := r; ; {
		if unicode.IsLower(f) && (best < 0 || f < best) {
			best = f
		}
		f = unicode.SimpleFold(f)
		if f == r {
			break
		}
	}
	if best < 0 {
		return r
	}
	return best
}

// hasUpper reports whether s has a rune that folds to something else: the
// smart-case rule makes such a term case-sensitive.
func hasUpper(s string) bool {
	for _, r := range s {
		if unicode.IsUpper(r) || unicode.IsTitle(r) {
			return true
		}
	}
	return false
}

// subsequence reports whether the bytes of pat occur in s in order. When
// the runes of pat occur in s in order, so do their bytes: it is a
// necessary condition for a fuzzy match, cheap enough to run on every
// target before scoring (strings.IndexByte is vectorised).
func subsequence(s, pat string) bool {
	for i := 0; i < len(pat); i++ {
		j := strings.IndexByte(s, pat[i])
		if j < 0 {
			return false
		}
		s = s[j+1:]
	}
	return true
}
