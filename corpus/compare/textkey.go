package compare

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// A query pasted from a document finds its sentence (and so its origin)
// by the sentence's text folded for case, quotes and spacing.

// textKey hashes text folded as normText folds it (FNV-1a), without
// building the folded string; ok is false for blank text.
func textKey(s string) (uint64, bool) {
	const prime = 1099511628211
	h := uint64(14695981039346656037)
	space, any := false, false
	for _, r := range s {
		// ASCII, most of the text, folds without the unicode tables
		// (the same answers as IsSpace and ToLower give).
		if 0 < r && r < utf8.RuneSelf {
			if r == ' ' || '\t' <= r && r <= '\r' {
				space = any
				continue
			}
			if space {
				h = (h ^ ' ') * prime
				space = false
			}
			any = true
			if 'A' <= r && r <= 'Z' {
				r += 'a' - 'A'
			}
			h = (h ^ uint64(r)) * prime
			continue
		}
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

// normText folds case, quotes and spacing so a query pasted from a
// document finds its sentence.
var quoteFolder = strings.NewReplacer("’", "'", "‘", "'", "“", "\"", "”", "\"", "–", "-", "—", "-")

func normText(s string) string {
	s = quoteFolder.Replace(s)
	return strings.ToLower(strings.Join(strings.Fields(s), " "))
}
