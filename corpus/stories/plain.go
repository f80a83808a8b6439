package stories

import (
	"cmp"
	"math"
	"slices"
)

// Plain words are a document's heaviest words that are not names: what
// it says happened (a slurry attack, a new party, a market listing)
// rather than who was there. One person's or one company's different
// affairs share their names, which weigh most in a vector, but not the
// words of the event; two reports of one affair share both. A pair
// starts a story only when its plain words are alike too
// (minPlainSim).
//
// plainTerms is how many a document keeps: names crowd words out of its
// vector, so they are kept apart.
const plainTerms = 30

// minPlainSim is the least cosine of two documents' plain words for
// their pair to start a merge. Chosen on the labelled BBC set, checked
// on its halves (TestPlainSweep); a variable only for that sweep.
var minPlainSim = 0.07

// plainWord is one weighted word of a document's plain words.
type plainWord struct {
	key uint64
	w   float32
}

// plainWords are a document's plain words, by key, with unit length.
type plainWords []plainWord

func heavierWord(a, b plainWord) int {
	if c := cmp.Compare(b.w, a.w); c != 0 {
		return c
	}
	return cmp.Compare(a.key, b.key)
}

// unitWords copies the words, scaled to unit length and sorted by key.
func unitWords(ws plainWords) plainWords {
	out := slices.Clone(ws)
	toUnitLength(out, func(t *plainWord) *float32 { return &t.w })
	slices.SortFunc(out, func(a, b plainWord) int { return cmp.Compare(a.key, b.key) })
	return out
}

// cosine of two documents' plain words.
func (a plainWords) cosine(b plainWords) float64 {
	var s float64
	for i, j := 0, 0; i < len(a) && j < len(b); {
		switch {
		case a[i].key == b[j].key:
			s += float64(a[i].w) * float64(b[j].w)
			i++
			j++
		case a[i].key < b[j].key:
			i++
		default:
			j++
		}
	}
	return s
}

// toUnitLength scales the weights of v (reached through weight) so that
// they have unit length, as a cosine between two vectors needs.
func toUnitLength[T any](v []T, weight func(*T) *float32) {
	norm := 0.0
	for i := range v {
		w := float64(*weight(&v[i]))
		norm += w * w
	}
	norm = math.Sqrt(norm)
	for i := range v {
		w := weight(&v[i])
		*w = float32(float64(*w) / norm)
	}
}
