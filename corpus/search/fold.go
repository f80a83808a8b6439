package search

import (
	"encoding/binary"
	"unicode"
	"unicode/utf8"
	"unsafe"
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

// foldInto writes fold(plain(s)) into dst (len(dst) >= len(s)): what a
// target's text is matched against by a term without accents. It returns
// the bytes written (fewer than len(s) when s has accented letters, each
// of which becomes one ASCII byte), the number of runes in s and whether s
// has a camel hump (see hasCamel; plain keeps every rune's case, so the
// hump is the same in both). ASCII is handled eight bytes at a time: this
// runs over every byte of a corpus each time one is indexed.
func foldInto(dst []byte, s string) (n, runes int, camel bool) {
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
				binary.LittleEndian.PutUint64(dst[n:], w|upper>>2)
				i += 8
				n += 8
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
			dst[n] = c
			i++
			n++
			runes++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		camel = camel || prevLower && unicode.IsUpper(r)
		prevLower = unicode.IsLower(r)
		if b := plainRune(r); b != 0 {
			if 'A' <= b && b <= 'Z' {
				b += 'a' - 'A'
			}
			dst[n] = b
			n++
		} else if f := foldRune(r); f != r && utf8.RuneLen(f) == size {
			utf8.EncodeRune(dst[n:], f)
			n += size
		} else {
			n += copy(dst[n:], s[i:i+size])
		}
		i += size
		runes++
	}
	return n, runes, camel
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

// Accent folding, as fzf does it by default. A term with no accented
// letter matches a text with its accented Latin letters read as their base
// letters ("turkiye" finds "Türkiye", "facade" "façade"); a term with one
// matches accents exactly ("façade" does not find "facade"), as fzf
// decides per term. Every mapping is one rune to one ASCII letter of the
// same case, so rune indexes into plain(s) are rune indexes into s, and
// highlights land on the accented letters; ß, æ, œ and the like, which
// would need two letters, are left alone.
//
// plainLetters lists, for each base letter, the letters that read as it:
// those whose canonical decomposition is the letter and combining marks
// (Latin-1 Supplement, Latin Extended-A and -B, Latin Extended
// Additional), and a few with a stroke or without a dot that have none.
var plainLetters = [...]string{
	"AÀÁÂÃÄÅĀĂĄǍǞǠǺȀȂȦḀẠẢẤẦẨẪẬẮẰẲẴẶ",
	"BḂḄḆ",
	"CÇĆĈĊČḈ",
	"DĎĐḊḌḎḐḒ",
	"EÈÉÊËĒĔĖĘĚȄȆȨḔḖḘḚḜẸẺẼẾỀỂỄỆ",
	"FḞ",
	"GĜĞĠĢǦǴḠ",
	"HĤĦȞḢḤḦḨḪ",
	"IÌÍÎÏĨĪĬĮİǏȈȊḬḮỈỊ",
	"JĴ",
	"KĶǨḰḲḴ",
	"LĹĻĽŁḶḸḺḼ",
	"MḾṀṂ",
	"NÑŃŅŇǸṄṆṈṊ",
	"OÒÓÔÕÖØŌŎŐƠǑǪǬȌȎȪȬȮȰṌṎṐṒỌỎỐỒỔỖỘỚỜỞỠỢ",
	"PṔṖ",
	"RŔŖŘȐȒṘṚṜṞ",
	"SŚŜŞŠȘṠṢṤṦṨ",
	"TŢŤŦȚṪṬṮṰ",
	"UÙÚÛÜŨŪŬŮŰŲƯǓǕǗǙǛȔȖṲṴṶṸṺỤỦỨỪỬỮỰ",
	"VṼṾ",
	"WŴẀẂẄẆẈ",
	"XẊẌ",
	"YÝŶŸȲẎỲỴỶỸ",
	"ZŹŻŽẐẒẔ",
	"aàáâãäåāăąǎǟǡǻȁȃȧḁạảấầẩẫậắằẳẵặ",
	"bƀḃḅḇ",
	"cçćĉċčḉ",
	"dďđḋḍḏḑḓ",
	"eèéêëēĕėęěȅȇȩḕḗḙḛḝẹẻẽếềểễệ",
	"fḟ",
	"gĝğġģǧǵḡ",
	"hĥħȟḣḥḧḩḫẖ",
	"iìíîïĩīĭįıǐȉȋḭḯỉị",
	"jĵǰ",
	"kķǩḱḳḵ",
	"lĺļľłḷḹḻḽ",
	"mḿṁṃ",
	"nñńņňǹṅṇṉṋ",
	"oòóôõöøōŏőơǒǫǭȍȏȫȭȯȱṍṏṑṓọỏốồổỗộớờởỡợ",
	"pṕṗ",
	"rŕŗřȑȓṙṛṝṟ",
	"sśŝşšșṡṣṥṧṩ",
	"tţťŧțṫṭṯṱẗ",
	"uùúûüũūŭůűųưǔǖǘǚǜȕȗṳṵṷṹṻụủứừửữự",
	"vṽṿ",
	"wŵẁẃẅẇẉẘ",
	"xẋẍ",
	"yýÿŷȳẏẙỳỵỷỹ",
	"zźżžẑẓẕ",
}

// Lookup tables for plainRune, filled from plainLetters: the ranges
// U+00C0..U+024F and U+1E00..U+1EFF hold every letter listed.
var (
	plainLatin [0x250 - 0xc0]byte
	plainExtra [0x100]byte
)

func init() {
	for _, letters := range plainLetters {
		base := letters[0]
		for _, r := range letters[1:] {
			switch {
			case 0xc0 <= r && r < 0x250:
				plainLatin[r-0xc0] = base
			case 0x1e00 <= r && r < 0x1f00:
				plainExtra[r-0x1e00] = base
			default:
				panic("plainLetters: " + string(r) + " outside the lookup tables")
			}
		}
	}
}

// plainRune returns the ASCII letter r reads as when accents are folded,
// or 0 when r is not an accented letter.
func plainRune(r rune) byte {
	switch {
	case r < 0xc0:
		return 0
	case r < 0x250:
		return plainLatin[r-0xc0]
	case 0x1e00 <= r && r < 0x1f00:
		return plainExtra[r-0x1e00]
	}
	return 0
}

// hasAccent reports whether s has a letter that plainRune maps.
func hasAccent(s string) bool {
	const hi = 0x8080808080808080
	for i := 0; i < len(s); i++ {
		for i+8 <= len(s) && load64(s[i:i+8])&hi == 0 {
			i += 8 // eight ASCII bytes
		}
		if i < len(s) && s[i] >= 0xc3 { // every mapped letter's UTF-8 starts at 0xc3 or above
			r, _ := utf8.DecodeRuneInString(s[i:])
			if plainRune(r) != 0 {
				return true
			}
		}
	}
	return false
}

// plain returns s with every accented letter replaced by its base letter,
// case kept: the text a term without accents is scored and highlighted
// on. When s has none, s itself is returned.
func plain(s string) string {
	if !hasAccent(s) {
		return s
	}
	b := make([]byte, 0, len(s))
	for _, r := range s {
		if p := plainRune(r); p != 0 {
			b = append(b, p)
		} else {
			b = utf8.AppendRune(b, r)
		}
	}
	return string(b)
}

// foldPlain is fold(plain(s)), by foldInto.
func foldPlain(s string) string {
	b := make([]byte, len(s))
	n, _, _ := foldInto(b, s)
	// b is never written again, so it can back the string without a copy.
	return unsafe.String(unsafe.SliceData(b), n)
}
