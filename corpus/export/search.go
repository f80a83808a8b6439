package export

import (
	"bufio"
	"fmt"
	"io"

	"parley/corpus"
	"parley/corpus/search"
)

// SearchOptions are the flags of parley search.
type SearchOptions struct {
	JSON  bool
	Limit int // at most this many hits; 0: all of them
	// Stderr, when set, is told when the query was cut to MaxQueryChars.
	Stderr io.Writer
	// Index, when set, is c's index (from search.LoadStored); else one is
	// built from c's documents.
	Index *search.Index
	// Result, when set, is the search already run (search.Batches).
	Result *search.Result
}

// Check rejects options no search can run with: a negative limit.
func (o SearchOptions) Check() error {
	if o.Limit < 0 {
		return fmt.Errorf("--limit takes a whole number from 0 up (0: every hit), not %d", o.Limit)
	}
	return nil
}

// SearchHitJSON is one hit of parley search --json.
// File is the exact path (control and bidi characters escaped as \uXXXX
// by corpus.WriteJSON); ID is the display id, such characters shown
// visibly as on the terminal.
type SearchHitJSON struct {
	File      string `json:"file"`
	ID        string `json:"id"`
	Kind      string `json:"kind"`
	Text      string `json:"text"`
	Score     int    `json:"score"`
	Positions []int  `json:"positions"`
	Block     int    `json:"block"`
	Sentence  int    `json:"sentence"`
}

// SearchJSON is the output of `parley search --json`.
type SearchJSON struct {
	Query string          `json:"query"`
	Hits  []SearchHitJSON `json:"hits"`
}

// RunSearch runs one query over c and writes the hits (see WriteSearch).
func RunSearch(w io.Writer, c *corpus.Corpus, query string, opts SearchOptions) error {
	if err := opts.Check(); err != nil {
		return err
	}
	res, err := opts.Result, error(nil)
	switch {
	case res != nil:
	case opts.Index != nil:
		res, err = search.RunIndex(opts.Index, query, opts.Limit)
	default:
		res, err = search.Run(c, query, opts.Limit)
	}
	if err != nil {
		return err
	}
	if res.Cut && opts.Stderr != nil {
		fmt.Fprintf(opts.Stderr, "parley: only the first %d characters of the query were searched\n", search.MaxQueryChars)
	}
	return WriteSearch(w, c.Docs, res, opts.JSON)
}

// WriteSearch writes the hits of res, best first: one per line as
// file:block:sentence: text, or JSON. A title's block and sentence are
// -1; a heading's block is the first block of its section and its
// sentence -1 (the corpus.Loc conventions).
func WriteSearch(w io.Writer, docs []*corpus.Document, res *search.Result, asJSON bool) error {
	bw := bufio.NewWriter(w)
	if asJSON {
		out := SearchJSON{Query: res.Query, Hits: make([]SearchHitJSON, 0, len(res.Hits))}
		for _, h := range res.Hits {
			d := docs[h.Loc.Doc]
			pos := h.Positions
			if pos == nil {
				pos = []int{}
			}
			out.Hits = append(out.Hits, SearchHitJSON{
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
		d := docs[h.Loc.Doc]
		fmt.Fprintf(bw, "%s:%d:%d: %s\n", corpus.CleanLine(d.Path), h.Loc.Block, h.Loc.Sentence, h.Text)
	}
	return bw.Flush()
}
