// Package search is a fuzzy index over titles, headings and sentences.
package search

import (
	"errors"
	"io"

	"parley/corpus"
)

// CLIOptions are the flags of parley search.
type CLIOptions struct {
	JSON  bool
	Limit int
}

// RunCLI runs one query over c and writes the hits.
func RunCLI(w io.Writer, c *corpus.Corpus, query string, opts CLIOptions) error {
	return errors.New("search: not implemented yet")
}
