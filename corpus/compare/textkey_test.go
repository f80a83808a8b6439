package compare

import (
	"testing"
	"unicode"
)

// textKeyRef is textKey without its ASCII shortcut: the shortcut must
// not change a single key.
func textKeyRef(s string) (uint64, bool) {
	const prime = 1099511628211
	h := uint64(14695981039346656037)
	space, any := false, false
	for _, r := range s {
		switch r {
		case '’', '‘':
			r = '\''
		case '“', '”':
			r = '"'
		case '–', '—':
			r = '-'
		}
		if unicode.IsSpace(r) {
			space = any
			continue
		}
		if space {
			h = (h ^ ' ') * prime
			space = false
		}
		any = true
		r = unicode.ToLower(r)
		for r > 0 {
			h = (h ^ uint64(r&0xff)) * prime
			r >>= 8
		}
	}
	return h, any
}

func TestASCIIShortcuts(t *testing.T) {
	var all []rune
	for r := rune(0); r < 0x300; r++ {
		all = append(all, r)
		if got, want := isWordRune(r), unicode.IsLetter(r) || unicode.IsDigit(r); got != want {
			t.Errorf("isWordRune(%q) = %v, want %v", r, got, want)
		}
	}
	for _, s := range []string{"", "  ", "Pakistan and Iran share\tmore than 900 KM.", "“Quoted” – Ünïcode\u00a0text\x00 end\u2028", string(all)} {
		h, ok := textKey(s)
		rh, rok := textKeyRef(s)
		if h != rh || ok != rok {
			t.Errorf("textKey(%q) = %x %v, want %x %v", s, h, ok, rh, rok)
		}
	}
}
