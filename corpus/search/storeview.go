package search

import "parley/corpus"

// storedTargets are the targets of an index over stored index files,
// made from the mapped files' records when they are looked at rather
// than all at once: at forty times the BBC folder, making the 1.7 million
// targets up front took 0.15 s of CPU per search and 120 MB of memory the
// collector then scanned, and a search looks at most of them once.
type storedTargets struct {
	docOf  []int32      // per target, its document
	stores []*storeFile // per document, the file holding its targets
	base   []int32      // per document, the record of its first target less that target's id
}

// at is target id: the index's own, or for an index over stored files,
// made in *buf from its record (and then valid until *buf is reused).
func (ix *Index) at(id int32, buf *target) *target {
	if ix.stored == nil {
		return &ix.targets[id]
	}
	d := ix.stored.docOf[id]
	ix.stored.stores[d].fill(int(id+ix.stored.base[d]), d, buf)
	return buf
}

// mayMatch reports whether target id can match a query needing the
// letters need (queryNeed): false only when the stored index's prefilter
// shows it lacks one.
func (ix *Index) mayMatch(id int32, need uint64) bool {
	if ix.stored == nil {
		return true
	}
	d := ix.stored.docOf[id]
	return ix.stored.stores[d].mask(int(id+ix.stored.base[d]))&need == need
}

// kindRunes is target id's kind and length in runes, the ranking's
// tie-breaks, without making the whole target.
func (ix *Index) kindRunes(id int32) (Kind, int32) {
	if ix.stored == nil {
		t := &ix.targets[id]
		return t.kind, t.runes
	}
	d := ix.stored.docOf[id]
	r := ix.stored.stores[d].record(int(id + ix.stored.base[d]))
	return r.kind, r.runes
}

// fromStores is the index over docs whose targets are, in order, those
// of each store's files in its order.
func fromStores(docs []*corpus.Document, stores []*storeFile) *Index {
	st := &storedTargets{stores: make([]*storeFile, len(docs)), base: make([]int32, len(docs))}
	ix := &Index{docs: docs, spans: make([][2]int32, len(docs)), stored: st}
	di, at := 0, 0
	for _, s := range stores {
		for _, e := range s.order {
			ix.spans[di] = [2]int32{int32(at), int32(at + e.n)}
			st.stores[di], st.base[di] = s, int32(e.first-at)
			di++
			at += e.n
		}
	}
	st.docOf = make([]int32, at)
	for d, sp := range ix.spans {
		for i := sp[0]; i < sp[1]; i++ {
			st.docOf[i] = int32(d)
		}
	}
	return ix
}
