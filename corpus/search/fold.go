package search

import (
	"encoding/binary"
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

// foldInto writes fold(s) into dst (len(dst) == len(s)) and returns the
// number of runes in s and whether s has a camel hump (see hasCamel).
// ASCII is handled eight bytes at a time: this runs over every byte of a
// corpus each time one is indexed.
func foldInto(dst []byte, s string) (runes int, camel bool) {
	const hi = 0x8080808080808080
	prevLower := false
	i := 0
	for i < len(s) {
		if i+8 <= len(s) {
			w := load64(s[i : i+8])
			if w&hi == 0 {
				// A byte's high bit after adding: >= 'A', > 'Z', >= 'a', > 'z'.
				upper := (w + 0x3f3f3f3f3f3f3f3f) &^ (w + 0x2525252525252525) & hi
				lower := (w + 0x1f1f1f1f1f1f1f1f) &^ (w + 0x0505050505050505) & hi
				if lower<<8&upper != 0 || prevLower && upper&0x80 != 0 {
					camel = true
				}
				prevLower = lower>>63 != 0
				binary.LittleEndian.PutUint64(dst[i:], w|upper>>2)
				i += 8
				runes += 8
				continue
			}
		}
		c := s[i]
		if c < utf8.RuneSelf {
			isUpper := 'A' <= c && c <= 'Z'
			camel = camel || prevLower && isUpper
			prevLower = 'a' <= c && c <= 'z'
			if isUpper {
				c += 'a' - 'A'
			}
			dst[i] = c
			i++
			runes++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		camel = camel || prevLower && unicode.IsUpper(r)
		prevLower = unicode.IsLower(r)
		if f := foldRune(r); f != r && utf8.RuneLen(f) == size {
			utf8.EncodeRune(dst[i:], f)
		} else {
			copy(dst[i:i+size], s[i:i+size])
		}
		i += size
		runes++
	}
	return runes, camel
}

// load64 reads 8 bytes of s little-endian; the compiler makes it one load.
func load64(s string) uint64 {
	_ = s[7]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
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
