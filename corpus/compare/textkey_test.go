package compare

import (
	"testing"
	"unicode"
)

// runeHash is FNV-1a over each rune's value, low byte first: the hash
// textKey promises of normText's folding, without building the string.
func runeHash(s string) uint64 {
	const prime = 1099511628211
	h := uint64(14695981039346656037)
	for _, r := range s {
		for ; r > 0; r >>= 8 {
			h = (h ^ uint64(r&0xff)) * prime
		}
	}
	return h
}

// TestTextKeyFoldsAsNormText: textKey folds case, quotes and spacing
// exactly as normText does, ASCII shortcut included.
func TestTextKeyFoldsAsNormText(t *testing.T) {
	var all []rune
	for r := rune(0); r < 0x300; r++ {
		all = append(all, r)
		if got, want := isWordRune(r), unicode.IsLetter(r) || unicode.IsDigit(r); got != want {
			t.Errorf("isWordRune(%q) = %v, want %v", r, got, want)
		}
	}
	for _, s := range []string{
		"", "  ", "Pakistan and Iran share\tmore than 900 KM.",
		"“Quoted” – Ünïcode\u00a0text\x00 end\u2028", "  It’s  the “same”—text ", string(all),
	} {
		h, ok := textKey(s)
		folded := normText(s)
		if ok != (folded != "") || ok && h != runeHash(folded) {
			t.Errorf("textKey(%q) = %x %v; normText gives %q (%x)", s, h, ok, folded, runeHash(folded))
		}
	}
	a, _ := textKey("It’s the “same” text.")
	b, _ := textKey("  it's THE \"same\"\ttext. ")
	if a != b {
		t.Error("text that differs only in case, quotes and spacing has different keys")
	}
}
