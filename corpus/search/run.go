package search

import (
	"context"

	"parley/corpus"
)

// Run runs one query over every document of c, as parley search does,
// best hits first; limit 0 keeps every hit. The index is built for this
// one query. A query longer than MaxQueryChars is searched up to there
// (Result.Cut).
func Run(c *corpus.Corpus, query string, limit int) (*Result, error) {
	return RunIndex(build(c.Docs, false), query, limit)
}

// RunIndex is Run over an index already made (LoadStored's).
func RunIndex(ix *Index, query string, limit int) (*Result, error) {
	return ix.Search(context.Background(), query, Options{Limit: limit, Doc: -1})
}
