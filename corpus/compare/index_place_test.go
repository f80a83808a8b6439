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
// returns both with the bytes placing in place allocated and whether
// fillPostings would place them so.
func placedBothWays(t *testing.T, docs []*corpus.Document) (inPlace, flat [][]posting, alloc uint64, chosen bool) {
	t.Helper()
	ix, _, _, docSent, f := layOut(docs, Options{EngineOnly: true}, shippedTuning())
	start := countPostings(f, len(ix.postings))
	chosen = crossing(f, start)*crossShare <= int(f.at[len(f.segs)])
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
	return inPlace, flat, after.TotalAlloc - before.TotalAlloc, chosen
}

// The postings placed in the forward entries' own arrays are those
// placed in a new one, list for list and in the same order, both where
// they are placed so (two giant sentences, one list crossing from one
// document's entries into the other's) and where every common word's
// lists cross (the seeds); placing two giant sentences' allocates a fraction of the
// postings' bytes rather than all of them.
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
		chosen bool
	}{{"giant pair", giant, true}, {"seeds", seeds.Docs, false}} {
		inPlace, flat, alloc, chosen := placedBothWays(t, c.docs)
		if c.chosen && !chosen {
			t.Errorf("%s: placed in place %v, want %v", c.name, chosen, c.chosen)
		}
		if !reflect.DeepEqual(inPlace, flat) {
			t.Errorf("%s: postings placed in place differ from those placed in a new array", c.name)
		}
		total := 0
		for _, ps := range flat {
			total += len(ps)
		}
		if c.chosen && alloc*8 > uint64(total*8) {
			t.Errorf("%s: placing %d postings in place allocated %d bytes", c.name, total, alloc)
		}
	}
}
