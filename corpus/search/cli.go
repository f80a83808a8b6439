package search

import (
	"bufio"
	"context"
	"fmt"
	"io"

	"parley/corpus"
)

// CLIOptions are the flags of parley search.
type CLIOptions struct {
	JSON  bool
	Limit int // at most this many hits; 0: all of them
	// Stderr, when set, is told when the query was cut to MaxQueryChars.
	Stderr io.Writer
}

// Check rejects options no search can run with: a negative limit.
func (o CLIOptions) Check() error {
	if o.Limit < 0 {
		return fmt.Errorf("--limit takes a whole number from 0 up (0: every hit), not %d", o.Limit)
	}
	return nil
}

// jsonHit is one hit of parley search --json.
// File is the exact path (control and bidi characters escaped as \uXXXX
// by corpus.WriteJSON); ID is the display id, such characters shown
// visibly as on the terminal.
type jsonHit struct {
	File      string `json:"file"`
	ID        string `json:"id"`
	Kind      string `json:"kind"`
	Text      string `json:"text"`
	Score     int    `json:"score"`
	Positions []int  `json:"positions"`
	Block     int    `json:"block"`
	Sentence  int    `json:"sentence"`
}

// RunCLI runs one query over c and writes the hits, best first: one per
// line as file:block:sentence: text, or JSON. A title's block and sentence
// are -1; a heading's block is the first block of its section and its
// sentence -1 (the corpus.Loc conventions).
func RunCLI(w io.Writer, c *corpus.Corpus, query string, opts CLIOptions) error {
	if err := opts.Check(); err != nil {
		return err
	}
	ix := build(c.Docs, false)
	res, err := ix.Search(context.Background(), query, Options{Limit: opts.Limit, Doc: -1})
	if err != nil {
		return err
	}
	if res.Cut && opts.Stderr != nil {
		fmt.Fprintf(opts.Stderr, "parley: only the first %d characters of the query were searched\n", MaxQueryChars)
	}
	bw := bufio.NewWriter(w)
	if opts.JSON {
		out := struct {
			Query string    `json:"query"`
			Hits  []jsonHit `json:"hits"`
		}{Query: res.Query, Hits: make([]jsonHit, 0, len(res.Hits))}
		for _, h := range res.Hits {
			d := c.Docs[h.Loc.Doc]
			pos := h.Positions
			if pos == nil {
				pos = []int{}
			}
			out.Hits = append(out.Hits, jsonHit{
				File: d.Path, ID: d.ID, Kind: h.Kind.String(), Text: h.Text, Score: h.Score,
				Positions: pos, Block: h.Loc.Block, Sentence: h.Loc.Sentence,
			})
		}
		if err := corpus.WriteJSON(bw, out); err != nil {
			return err
		}
		return bw.Flush()
	}
	for _, h := range res.Hits {
		d := c.Docs[h.Loc.Doc]
		fmt.Fprintf(bw, "%s:%d:%d: %s\n", corpus.CleanLine(d.Path), h.Loc.Block, h.Loc.Sentence, h.Text)
	}
	return bw.Flush()
}
