package compare

import (
	"strings"

	"parley/corpus"
)

// curatedClaim is a CuratedClaim resolved to indexed sentences.
type curatedClaim struct {
	label string
	sents [][]int32 // per document, sentence ids holding a quote
	// missing lists quotes that no sentence of their document contains,
	// as "ID prefix: quote", so a test can report them.
	missing []string
}

func (c *curatedClaim) has(id int32) bool {
	for _, ids := range c.sents {
		for _, x := range ids {
			if x == id {
				return true
			}
		}
	}
	return false
}

// resolveCurated finds each curated quote in its document. A quote is
// matched in the block text with case, quotes and spacing folded, and
// every sentence overlapping it belongs to the claim, so a quote still
// resolves when sentence splitting changes.
func resolveCurated(docs []*corpus.Document, cc []CuratedClaim) []curatedClaim {
	if len(cc) == 0 {
		return nil
	}
	ix := &Index{docs: docs}
	var id int32
	firsts := make([]int32, len(docs))
	for di, d := range docs {
		firsts[di] = id
		for _, br := range d.Blocks() {
			id += int32(len(br.Block.Sentences))
		}
	}
	var out []curatedClaim
	for _, c := range cc {
		rc := curatedClaim{label: c.Label, sents: make([][]int32, len(docs))}
		for prefix, quotes := range c.Quotes {
			di := docByPrefix(docs, prefix)
			for _, q := range quotes {
				if di < 0 {
					rc.missing = append(rc.missing, prefix+": "+q)
					continue
				}
				ids := ix.findQuote(docs[di], firsts[di], q)
				if len(ids) == 0 {
					rc.missing = append(rc.missing, prefix+": "+q)
				}
				for _, x := range ids {
					if !containsID(rc.sents[di], x) {
						rc.sents[di] = append(rc.sents[di], x)
					}
				}
			}
		}
		for _, ids := range rc.sents {
			sortIDs(ids)
		}
		out = append(out, rc)
	}
	return out
}

func docByPrefix(docs []*corpus.Document, prefix string) int {
	for i, d := range docs {
		if strings.HasPrefix(d.ID, prefix) || strings.HasPrefix(d.File, prefix) {
			return i
		}
	}
	return -1
}

// findQuote returns the ids of the sentences of doc (whose first sentence
// id is first) that overlap the quote.
func (ix *Index) findQuote(d *corpus.Document, first int32, quote string) []int32 {
	q := normText(quote)
	if q == "" {
		return nil
	}
	id := first
	var out []int32
	for _, br := range d.Blocks() {
		b := br.Block
		// Fold each sentence separately and join with single spaces, so a
		// match position maps back to a sentence.
		var folded []string
		for _, s := range b.Sentences {
			folded = append(folded, normText(s.Text))
		}
		joined := strings.Join(folded, " ")
		if at := strings.Index(joined, q); at >= 0 {
			end := at + len(q)
			pos := 0
			for si, f := range folded {
				if pos < end && pos+len(f) > at {
					out = append(out, id+int32(si))
				}
				pos += len(f) + 1
			}
		}
		id += int32(len(b.Sentences))
	}
	return out
}

func containsID(ids []int32, x int32) bool {
	for _, y := range ids {
		if y == x {
			return true
		}
	}
	return false
}

func sortIDs(ids []int32) {
	for i := 1; i < len(ids); i++ {
		for j := i; j > 0 && ids[j] < ids[j-1]; j-- {
			ids[j], ids[j-1] = ids[j-1], ids[j]
		}
	}
}

// curatedFor returns the curated claim a sentence is a quote of, or nil.
func (ix *Index) curatedFor(id int32) *curatedClaim {
	for i := range ix.curated {
		if ix.curated[i].has(id) {
			return &ix.curated[i]
		}
	}
	return nil
}

// curatedForText returns the curated claim whose label is the query, so
// picking a claim by name shows its curated statements.
func (ix *Index) curatedForText(text string) *curatedClaim {
	t := normText(text)
	for i := range ix.curated {
		if normText(ix.curated[i].label) == t {
			return &ix.curated[i]
		}
	}
	return nil
}

// curatedClaimView turns a resolved curated claim into a Claim.
func (ix *Index) curatedClaimView(c curatedClaim) Claim {
	cl := Claim{Label: c.label, Curated: true, Coverage: make([]bool, len(ix.docs))}
	for d := range ix.docs {
		src := ClaimSource{Doc: d}
		for _, id := range c.sents[d] {
			src.Statements = append(src.Statements, Statement{Loc: ix.loc(id), Text: ix.text(id), Context: ix.context(id), Curated: true})
		}
		cl.Coverage[d] = len(src.Statements) > 0
		cl.Sources = append(cl.Sources, src)
	}
	cl.Terms = ix.keyTerms(flatten(c.sents), 4)
	return cl
}

// MissingQuotes lists curated quotes that match no sentence of their
// document ("ID prefix: quote"), in claim order.
func (ix *Index) MissingQuotes() []string {
	var out []string
	for _, c := range ix.curated {
		out = append(out, c.missing...)
	}
	return out
}

func flatten(x [][]int32) []int32 {
	var out []int32
	for _, ids := range x {
		out = append(out, ids...)
	}
	return out
}
