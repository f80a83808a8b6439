package compare

import (
	"math/rand/v2"
	"reflect"
	"slices"
	"testing"
)

// Placing in place gives what placing in a new array gives on small
// random layouts, edge cases included: no document, empty documents and
// units, terms with no posting, lists that cross several documents, and
// now and then documents of thousands of entries.
func TestPlaceInPlaceEdges(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 5))
	for trial := range 3000 {
		docs, terms := r.IntN(6), r.IntN(7)
		f := forward{segs: make([][]posting, docs), at: make([]int32, docs+1)}
		docSent := make([]int32, docs+1)
		var ends []int32
		for d := range docs {
			var seg []posting
			units := r.IntN(4)
			if trial%50 == 0 {
				units = r.IntN(800) // positions past a unitFinder's blocks of 1,024
			}
			for range units {
				if terms > 0 {
					for _, tid := range r.Perm(terms)[:r.IntN(terms+1)] {
						seg = append(seg, posting{int32(tid), float32(1 + r.IntN(3))})
					}
				}
				ends = append(ends, f.at[d]+int32(len(seg)))
			}
			f.segs[d], f.at[d+1] = seg, f.at[d]+int32(len(seg))
			docSent[d+1] = docSent[d] + int32(units)
		}
		start := countPostings(f, terms)
		copied := forward{at: f.at, segs: make([][]posting, docs)}
		for d, seg := range f.segs {
			copied.segs[d] = slices.Clone(seg)
		}
		flat, inPlace := make([][]posting, terms), make([][]posting, terms)
		placeFlat(copied, start, ends, docSent, flat)
		placeInPlace(f, start, ends, inPlace)
		if !reflect.DeepEqual(inPlace, flat) {
			t.Fatalf("trial %d (%d documents, %d terms): in place %v, in a new array %v", trial, docs, terms, inPlace, flat)
		}
	}
}
