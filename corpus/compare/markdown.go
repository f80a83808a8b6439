package compare

import (
	"io"

	"parley/corpus"
)

// WriteMarkdown writes a comparison as Markdown: the query, then per
// source its outlet and date, the quoted statements and their fact marks.
func WriteMarkdown(w io.Writer, docs []*corpus.Document, r Result) error { return nil }

// WriteClaimsMarkdown writes the claims list as Markdown.
func WriteClaimsMarkdown(w io.Writer, docs []*corpus.Document, claims []Claim) error { return nil }
