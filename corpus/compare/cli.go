// Package compare aligns statements across sources: a sentence index,
// facts with their qualifiers, and claims shared by several sources.
package compare

import (
	"errors"
	"io"

	"parley/corpus"
)

// CLIOptions are the flags of parley compare and parley claims.
type CLIOptions struct {
	JSON       bool
	Markdown   bool
	Top        int
	EngineOnly bool
	// Embedded is true when c is the embedded seed corpus, so the curated
	// claims in seeds/ apply.
	Embedded bool
}

// RunCompareCLI compares text across every document of c.
func RunCompareCLI(w io.Writer, c *corpus.Corpus, text string, opts CLIOptions) error {
	return errors.New("compare: not implemented yet")
}

// RunClaimsCLI lists the claims of c.
func RunClaimsCLI(w io.Writer, c *corpus.Corpus, opts CLIOptions) error {
	return errors.New("claims: not implemented yet")
}
