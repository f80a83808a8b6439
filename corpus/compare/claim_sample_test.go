package compare

import (
	"reflect"
	"slices"
	"testing"

	"parley/corpus"
)

// The units discovery reads are spread over the documents, each taken in
// turn: every document gives a prefix of its units, the short ones all
// of theirs, and the same input gives the same set.
func TestDiscoverSetSpread(t *testing.T) {
	first := []int32{0, 3, 103, 153} // documents of 3, 100, 50 and 100 units
	set := newDiscoverSet(first, 253, 100)
	if want := []int32{3, 33, 32, 32}; !reflect.DeepEqual(set.take, want) {
		t.Errorf("taken %v, want %v", set.take, want)
	}
	if again := newDiscoverSet(slices.Clone(first), 253, 100); !reflect.DeepEqual(again, set) {
		t.Errorf("not deterministic: %v then %v", set.take, again.take)
	}
	var ids, at []int32
	set.each(func(id, pos int32) { ids, at = append(ids, id), append(at, pos) })
	if set.size() != 100 || len(ids) != 100 || ids[3] != 3 || ids[35] != 35 || ids[36] != 103 || ids[68] != 153 {
		t.Errorf("%d units read: %v", set.size(), ids)
	}
	for i, id := range ids {
		doc := int32(0)
		for doc+1 < int32(len(first)) && first[doc+1] <= id {
			doc++
		}
		if p, ok := set.pos(id, doc); !ok || p != at[i] || p != int32(i) {
			t.Errorf("unit %d at %d (%v), want %d", id, p, ok, i)
		}
	}
	if _, ok := set.pos(36, 1); ok {
		t.Error("unit 36, the second document's 34th, read past its share")
	}
	whole := newDiscoverSet(first, 253, 253)
	if !reflect.DeepEqual(whole.take, []int32{3, 100, 50, 100}) || whole.size() != 253 {
		t.Errorf("within the bound, taken %v", whole.take)
	}
	for bound := range 260 {
		s := newDiscoverSet(first, 253, bound)
		if s.size() != min(bound, 253) {
			t.Fatalf("bound %d: %d read", bound, s.size())
		}
	}
}

// Two documents each longer than the bound that share their text give
// claims that span both: taken in document order, the units read were
// all the first document's, and no pair could span two sources.
func TestDiscoverySpansDocumentsOverTheBound(t *testing.T) {
	dir := t.TempDir()
	a := giantSentence(21, 64<<10)
	docs := []*corpus.Document{giantDoc(t, dir, "a.txt", a), giantDoc(t, dir, "b.txt", reversedRuns(a, 40))}
	keep := 100
	ix := build(docs, Options{EngineOnly: true}, tuned(func(u *tuning) { u.discover = keep }))
	if int(ix.docFirst[1]) <= keep || len(ix.sents)-int(ix.docFirst[1]) <= keep {
		t.Fatalf("want both documents over %d units: %d and %d", keep, ix.docFirst[1], len(ix.sents)-int(ix.docFirst[1]))
	}
	if read, total := ix.ClaimsRead(); read != keep || total != len(ix.sents) {
		t.Errorf("ClaimsRead %d of %d", read, total)
	}
	claims := ix.Claims()
	if len(claims) < 10 {
		t.Fatalf("%d claims on two documents sharing their text", len(claims))
	}
	for _, cl := range claims {
		if !cl.Coverage[0] || !cl.Coverage[1] {
			t.Fatalf("claim %q does not span both documents", cl.Label)
		}
		for _, s := range cl.Sources {
			for _, st := range s.Statements {
				if st.Loc.Doc != s.Doc {
					t.Errorf("statement of %d in source %d", st.Loc.Doc, s.Doc)
				}
			}
		}
	}
	whole := build(docs, Options{EngineOnly: true}, tuned(func(u *tuning) { u.discover = 1 << 30 }))
	if len(whole.Claims()) < len(claims) {
		t.Errorf("%d claims read whole, %d from a sample", len(whole.Claims()), len(claims))
	}
}
