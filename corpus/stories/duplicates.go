package stories

import (
	"unicode"
	"unicode/utf8"

	"parley/corpus"
)

// Near duplicates: a pair of documents whose vectors are this close is
// checked word for word, and is a duplicate when the share of word
// triples (shingles) the two bodies share is nearDupJaccard or more.
const (
	nearDupCosine  = 0.6
	nearDupJaccard = 0.8
)

// bodyHash hashes a document's body text, letters and digits only and
// lower-cased, so that copies differing only in spacing, punctuation or
// line breaks hash alike. It is the cheap first test for duplicates:
// most copies in a folder are exact.
func bodyHash(d *corpus.Document) uint64 {
	h := uint64(14695981039346656037)
	empty := true
	for si := range d.Sections {
		for _, b := range d.Sections[si].Blocks {
			t := b.Text
			for i := 0; i < len(t); {
				c := t[i]
				if c < utf8.RuneSelf { // ASCII, most of the text, without decoding
					i++
					switch {
					case 'A' <= c && c <= 'Z':
						c += 'a' - 'A'
					case 'a' <= c && c <= 'z', '0' <= c && c <= '9':
					default:
						continue
					}
					h = (h ^ uint64(c)) * 1099511628211
					empty = false
					continue
				}
				r, n := utf8.DecodeRuneInString(t[i:])
				i += n
				if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
					continue
				}
				empty = false
				for r = unicode.ToLower(r); r > 0; r >>= 8 {
					h = (h ^ uint64(r&0xff)) * 1099511628211
				}
			}
		}
	}
	if empty {
		return 0 // an empty body is nobody's copy
	}
	return h
}

// shingles is the set of word triples of a body, hashed.
func shingles(words []uint64) map[uint64]struct{} {
	s := make(map[uint64]struct{}, len(words))
	for i := 0; i+2 < len(words); i++ {
		s[words[i]*31+words[i+1]*1099511628211^words[i+2]] = struct{}{}
	}
	return s
}

// nearDuplicate says whether two bodies are almost word for word the
// same: their shingle sets' Jaccard index is nearDupJaccard or more.
func nearDuplicate(a, b map[uint64]struct{}) bool {
	if len(a) == 0 || len(b) == 0 {
		return false
	}
	small, large := a, b
	if len(small) > len(large) {
		small, large = large, small
	}
	if float64(len(small)) < nearDupJaccard*float64(len(large)) {
		return false // even if all of small were in large
	}
	inter := 0
	for k := range small {
		if _, ok := large[k]; ok {
			inter++
		}
	}
	union := len(a) + len(b) - inter
	return float64(inter) >= nearDupJaccard*float64(union)
}
