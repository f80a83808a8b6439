package search

import (
	"context"
	"sort"
	"unicode/utf8"

	"parley/corpus"
)

// Batches runs one search over documents handed to it a batch at a time
// (corpus.LoadPathsInBatches), keeping only each batch's best hits, so
// that a one-off search never holds every document and its index: at
// forty times the BBC folder, `parley search --no-cache` held 3.5 times
// the text at once. Its result is Run's over all the documents together:
// the same hits in the same order, and the same total.
type Batches struct {
	raw    string
	ranked bool // the query has terms: its hits are ranked, not listed in corpus order
	limit  int
	res    *Result
	kept   []batchHit
	stubs  []*corpus.Document
}

// batchHit is a kept hit with what ranks it against other batches' hits
// (see Index.better): its target's kind and length in runes, then its
// batch and its place in the batch's ranking, which stand for the
// target's place in the corpus.
type batchHit struct {
	Hit
	runes int
}

// NewBatches starts a search for query, keeping at most limit hits (0:
// all of them).
func NewBatches(query string, limit int) *Batches {
	res, _ := build(nil, false).Search(context.Background(), query, Options{Limit: limit, Doc: -1})
	return &Batches{raw: query, ranked: len(parseQuery(query).terms) > 0, limit: limit, res: &Result{Query: res.Query, Cut: res.Cut}}
}

// Add searches the next batch of documents. Only each document's ID and
// Path are kept (as Docs), besides the text of the hits kept.
func (b *Batches) Add(docs []*corpus.Document) {
	if len(docs) == 0 {
		return
	}
	res, _ := build(docs, false).Search(context.Background(), b.raw, Options{Limit: b.limit, Doc: -1})
	b.res.Total += res.Total
	base := len(b.stubs)
	for _, d := range docs {
		b.stubs = append(b.stubs, &corpus.Document{ID: d.ID, Path: d.Path})
	}
	for _, h := range res.Hits {
		h.Loc.Doc += base
		b.kept = append(b.kept, batchHit{h, utf8.RuneCountInString(h.Text)})
	}
	// An empty query lists the documents in corpus order; hits are ranked.
	// The kept hits come before this batch's, each part in its ranking,
	// so a stable sort by the ranking's keys but the target's place keeps
	// that place's order among equals.
	if b.ranked {
		sort.SliceStable(b.kept, func(i, j int) bool {
			x, y := &b.kept[i], &b.kept[j]
			if x.Score != y.Score {
				return x.Score > y.Score
			}
			if x.Kind != y.Kind {
				return x.Kind < y.Kind
			}
			return x.runes < y.runes
		})
	}
	if b.limit > 0 && len(b.kept) > b.limit {
		b.kept = b.kept[:b.limit]
	}
}

// Docs are the documents searched, with only their ID and Path, which
// the hits' Loc.Doc index.
func (b *Batches) Docs() []*corpus.Document { return b.stubs }

// Result is the search's result over every batch added.
func (b *Batches) Result() *Result {
	res := *b.res
	res.Hits = make([]Hit, len(b.kept))
	for i, h := range b.kept {
		res.Hits[i] = h.Hit
	}
	return &res
}
