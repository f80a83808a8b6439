package search

import "parley/corpus"

// Over is the index ix read from the store (LoadStored) over docs in
// place of its own documents, which hold only an ID and a path: a reader
// that has loaded the documents whole shows its hits from them. docs
// must be the same files, in the same order; ok is false when they are
// not, or ix is not a stored index.
func (ix *Index) Over(docs []*corpus.Document) (out *Index, ok bool) {
	if ix == nil || ix.stored == nil || len(docs) != len(ix.docs) {
		return nil, false
	}
	for i, d := range docs {
		if d == nil || d.ID != ix.docs[i].ID || d.Path != ix.docs[i].Path {
			return nil, false
		}
	}
	cp := *ix
	cp.docs = docs
	return &cp, true
}
