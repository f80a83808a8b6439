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

// shingleSet is the set of a body's word triples, hashed; for a long
// body only a sample of them (see sampled).
type shingleSet struct {
	m       map[uint64]struct{}
	sampled bool
}

// Long bodies (over sampleBytes of text) keep only the triples whose
// hash falls in one of sampleEvery buckets: the same triples in any two
// bodies, so the share a sample has in common estimates the whole
// bodies' share, while the set stays a small part of the text. No BBC
// article comes near sampleBytes.
const (
	sampleBytes = 1 << 19
	sampleEvery = 8
)

func inSample(h uint64) bool { return (h*0x9E3779B97F4A7C15)>>32%sampleEvery == 0 }

// shingles reads a document's body, one word at a time, into its set of
// word triples.
func shingles(d *corpus.Document) shingleSet {
	size := 0
	for si := range d.Sections {
		for _, b := range d.Sections[si].Blocks {
			size += len(b.Text)
		}
	}
	set := shingleSet{sampled: size > sampleBytes}
	set.m = make(map[uint64]struct{}, min(size/6, sampleBytes/6))
	var w1, w2 uint64
	n := 0
	for si := range d.Sections {
		for bi := range d.Sections[si].Blocks {
			for _, s := range d.Sections[si].Blocks[bi].Sentences {
				for w, at := nextWord(s.Text, 0); at >= 0; w, at = nextWord(s.Text, at) {
					if n++; n >= 3 {
						if h := w1*31 + w2*1099511628211 ^ w.key; !set.sampled || inSample(h) {
							set.m[h] = struct{}{}
						}
					}
					w1, w2 = w2, w.key
				}
			}
		}
	}
	return set
}

// sample is s's sample (s itself when it is one).
func (s shingleSet) sample() shingleSet {
	if s.sampled {
		return s
	}
	out := shingleSet{m: map[uint64]struct{}{}, sampled: true}
	for h := range s.m {
		if inSample(h) {
			out.m[h] = struct{}{}
		}
	}
	return out
}

// nearDuplicate says whether two bodies are almost word for word the
// same: their shingle sets' Jaccard index is nearDupJaccard or more.
func nearDuplicate(sa, sb shingleSet) bool {
	if sa.sampled != sb.sampled {
		sa, sb = sa.sample(), sb.sample()
	}
	a, b := sa.m, sb.m
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
