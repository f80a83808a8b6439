// Package export writes documents for scripts and pipes: the list and show
// subcommands, as text or JSON.
package export

import (
	"errors"
	"io"

	"parley/corpus"
)

// ShowOptions tunes WriteShow.
type ShowOptions struct {
	JSON  bool
	Width int // wrap to this many columns; 0: one line per paragraph
}

// WriteList writes one line per document, or the list as JSON.
func WriteList(w io.Writer, c *corpus.Corpus, asJSON bool) error {
	return errors.New("list: not implemented yet")
}

// WriteShow writes one document as reflowed text or JSON.
func WriteShow(w io.Writer, d *corpus.Document, opts ShowOptions) error {
	return errors.New("show: not implemented yet")
}
