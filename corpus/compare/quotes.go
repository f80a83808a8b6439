package compare

import (
	"parley/corpus"
)

// curatedClaim is a CuratedClaim resolved to indexed sentences.
type curatedClaim struct {
	label  string
	origin string
	sents  [][]int32 // per document, sentence ids holding a quote
	// rejected are the sentences the user dropped from the claim: not in
	// sents, and never suggested for it.
	rejected map[int32]bool
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

// resolveCurated finds each curated quote in its document (through
// ResolveCurated, which folds spacing and lets a quote span sentences)
// and maps it to indexed sentence ids.
func resolveCurated(docs []*corpus.Document, cc []CuratedClaim, ix *Index) []curatedClaim {
	if len(cc) == 0 {
		return nil
	}
	var out []curatedClaim
	for ci, quotes := range ResolveCurated(docs, cc) {
		rc := curatedClaim{label: cc[ci].Label, origin: cc[ci].Origin, sents: make([][]int32, len(docs)), rejected: rejectedIDs(docs, cc[ci].Rejected, ix)}
		if rc.origin != OriginUser {
			rc.origin = OriginShipped
		}
		for _, q := range quotes {
			if len(q.Locs) == 0 {
				rc.missing = append(rc.missing, q.Prefix+": "+q.Quote)
			}
			for _, l := range q.Locs {
				if x := ix.sentID(l); x >= 0 && !rc.rejected[x] && !containsID(rc.sents[l.Doc], x) {
					rc.sents[l.Doc] = append(rc.sents[l.Doc], x)
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

// rejectedIDs resolves a claim's rejected quotes to sentence ids.
func rejectedIDs(docs []*corpus.Document, rejected map[string][]string, ix *Index) map[int32]bool {
	if len(rejected) == 0 {
		return nil
	}
	out := map[int32]bool{}
	for key, quotes := range rejected {
		doc := DocByPrefix(docs, key)
		for _, q := range quotes {
			for _, l := range ResolveQuote(docs, doc, q) {
				if x := ix.sentID(l); x >= 0 {
					out[x] = true
				}
			}
		}
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
	cl := Claim{Label: c.label, Curated: true, Origin: c.origin, Coverage: make([]bool, len(ix.docs))}
	for d := range ix.docs {
		src := ClaimSource{Doc: d}
		for _, id := range c.sents[d] {
			src.Statements = append(src.Statements, Statement{Loc: ix.loc(id), Text: ix.text(id), Context: ix.context(id), Curated: true})
		}
		cl.Coverage[d] = len(src.Statements) > 0
		cl.Sources = append(cl.Sources, src)
	}
	cl.Terms = ix.keyTerms(flatten(c.sents), 4, newAnalyzer())
	cl.Differs = ix.differs(flatten(c.sents))
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
