package search

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"

	"parley/corpus"
)

// CLIOptions are the flags of parley search.
type CLIOptions struct {
	JSON  bool
	Limit int
}

// jsonHit is one hit of parley search --json.
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
	ix := build(c.Docs, false)
	res, err := ix.Search(context.Background(), query, Options{Limit: max(opts.Limit, 0), Doc: -1})
	if err != nil {
		return err
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
		enc := json.NewEncoder(bw)
		enc.SetIndent("", "  ")
		if err := enc.Encode(out); err != nil {
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
