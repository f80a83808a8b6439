package compare

import (
	"reflect"
	"runtime"
	"slices"
	"testing"

	"parley/corpus"
)

// placedBothWays lays docs out forward, then places the postings in the
// entries' arrays and, from a copy of the entries, in one new array, and
// returns both with the bytes placing in place allocated and how many
// postings are in lists that cross from one document's entries into the
// next's.
func placedBothWays(t *testing.T, docs []*corpus.Document) (inPlace, flat [][]posting, alloc uint64, crossed int) {
	t.Helper()
	ix, _, _, docSent, f := layOut(docs, Options{EngineOnly: true}, shippedTuning())
	start := countPostings(f, len(ix.postings))
	crossed = crossing(f, start)
	copied := forward{at: f.at, segs: make([][]posting, len(f.segs))}
	for d, seg := range f.segs {
		copied.segs[d] = slices.Clone(seg)
	}
	flat = make([][]posting, len(ix.postings))
	placeFlat(copied, start, ix.fwdEnd, docSent, flat)
	inPlace = make([][]posting, len(ix.postings))
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	placeInPlace(f, start, ix.fwdEnd, inPlace)
	runtime.ReadMemStats(&after)
	return inPlace, flat, after.TotalAlloc - before.TotalAlloc, crossed
}

// The postings placed in the forward entries' own arrays are those
// placed in a new one, list for list and in the same order, lists that
// cross from one document's entries into the next's (copied out) too:
// on two giant sentences, which fillPostings places so, and on the seeds.
// Placing the giant sentences' allocates under an eighth of their bytes.
// (A unit has each term once, so sorting each list by unit restores the
// order; a term wrongly placed would change a list.)
func TestPostingsPlacedInPlace(t *testing.T) {
	dir := t.TempDir()
	a := giantSentence(21, 200<<10)
	giant := []*corpus.Document{giantDoc(t, dir, "a.txt", a), giantDoc(t, dir, "b.txt", reversedRuns(a, 40))}
	seeds, err := corpus.LoadSeeds()
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name   string
		docs   []*corpus.Document
		chosen bool // fillPostings places them in place
	}{{"giant pair", giant, true}, {"seeds", seeds.Docs, false}} {
		inPlace, flat, alloc, crossed := placedBothWays(t, c.docs)
		if crossed == 0 {
			t.Errorf("%s: no list crosses from one document into the next", c.name)
		}
		if !reflect.DeepEqual(inPlace, flat) {
			t.Errorf("%s: postings placed in place differ from those placed in a new array", c.name)
		}
		total := 0
		for _, ps := range flat {
			total += len(ps)
		}
		if c.chosen && crossed*crossShare > total {
			t.Errorf("%s: %d of %d postings in lists that cross: not placed in place", c.name, crossed, total)
		}
		if c.chosen && alloc*8 > uint64(total*8) {
			t.Errorf("%s: placing %d postings in place allocated %d bytes", c.name, total, alloc)
		}
	}
}
