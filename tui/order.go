package tui

import "parley/corpus"

// ListOrder returns docs in the order the list first shows them (by
// date: newest first, undated last), and ListTitle the title it shows for
// a document. The end-to-end tests of the parley binary read these off
// its screen.
func ListOrder(docs []*corpus.Document) []*corpus.Document {
	idx := make([]int, len(docs))
	for i := range idx {
		idx[i] = i
	}
	sortDocs(docs, idx, byDate)
	out := make([]*corpus.Document, len(idx))
	for i, j := range idx {
		out[i] = docs[j]
	}
	return out
}

// ListTitle is the title the list shows for d.
func ListTitle(d *corpus.Document) string { return docTitle(d) }
