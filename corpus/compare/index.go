package compare

import (
	"math"
	"strings"
	"sync"

	"parley/corpus"
)

// BM25 parameters. Sentences are short and of similar length, so length
// normalisation is milder than the usual b = 0.75.
const (
	bm25K1 = 1.2
	bm25B  = 0.5
	// bigramWeight scales phrase features against single words: a shared
	// bigram is strong evidence, but it always comes with its two words.
	bigramWeight = 0.3
)

// sentRef locates an indexed sentence.
type sentRef struct {
	doc, block, sent int32
}

type posting struct {
	sent int32
	tf   float32
}

// Index is a sentence index over a set of documents, with the claims
// they share. It is read-only after Build (facts and claims are computed
// lazily behind locks) and safe for concurrent use.
type Index struct {
	docs []*corpus.Document
	opts Options
	feat features

	sents    []sentRef
	docFirst []int32 // first sentence of each document; sentences are contiguous per document
	lens     []float32
	avgLen   float64
	terms    map[string]int32
	postings [][]posting
	word     []bool // per term: a word, name or number (not a phrase)
	idf      []float64
	byText   map[string]int32 // normalised sentence text -> first sentence with it

	factsMu sync.Mutex
	facts   map[int32][]Fact

	curated []curatedClaim // resolved to sentences; nil when EngineOnly

	claimsOnce sync.Once
	claims     []Claim
}

// Build indexes every sentence of docs.
func Build(docs []*corpus.Document, opts Options) *Index {
	return build(docs, opts, features{})
}

func build(docs []*corpus.Document, opts Options, f features) *Index {
	ix := &Index{docs: docs, opts: opts, feat: f, terms: map[string]int32{}, byText: map[string]int32{}, facts: map[int32][]Fact{}}
	var totalLen float64
	tf := map[int32]float32{}
	for di, d := range docs {
		ix.docFirst = append(ix.docFirst, int32(len(ix.sents)))
		for _, br := range d.Blocks() {
			for si, s := range br.Block.Sentences {
				id := int32(len(ix.sents))
				ix.sents = append(ix.sents, sentRef{int32(di), int32(br.Index), int32(si)})
				key := normText(s.Text)
				if _, ok := ix.byText[key]; !ok && key != "" {
					ix.byText[key] = id
				}
				clear(tf)
				var n float32
				for _, t := range analyze(s.Text, f) {
					w := float32(weightOf(t.Key))
					if w == 1 {
						n++
					}
					tid, ok := ix.terms[t.Key]
					if !ok {
						tid = int32(len(ix.postings))
						ix.terms[t.Key] = tid
						ix.postings = append(ix.postings, nil)
						ix.word = append(ix.word, w == 1)
					}
					tf[tid] += w
				}
				for tid, w := range tf {
					ix.postings[tid] = append(ix.postings[tid], posting{id, w})
				}
				ix.lens = append(ix.lens, n)
				totalLen += float64(n)
			}
		}
	}
	if len(ix.sents) > 0 {
		ix.avgLen = totalLen / float64(len(ix.sents))
	}
	if ix.avgLen == 0 {
		ix.avgLen = 1
	}
	ix.idf = make([]float64, len(ix.postings))
	for tid, p := range ix.postings {
		ix.idf[tid] = ix.idfOf(len(p))
	}
	if !opts.EngineOnly {
		ix.curated = resolveCurated(docs, opts.Curated, ix)
	}
	return ix
}

// weightOf is the weight of a feature kind: words 1, phrases and
// truncations less.
func weightOf(key string) float64 {
	switch {
	case strings.HasPrefix(key, "b:"):
		return bigramWeight
	}
	return 1
}

// isWord says whether a key is a word (or name or number) rather than a
// derived feature.
func isWord(key string) bool { return weightOf(key) == 1 }

// idfOf is the BM25 inverse document frequency (documents are sentences
// here), floored at a small positive value so very common terms still
// count a little.
func (ix *Index) idfOf(df int) float64 {
	n := float64(len(ix.sents))
	v := math.Log(1 + (n-float64(df)+0.5)/(float64(df)+0.5))
	if v < 0.01 {
		v = 0.01
	}
	return v
}

// Docs returns the documents the index was built from.
func (ix *Index) Docs() []*corpus.Document { return ix.docs }

// Sentences is how many sentences the index holds.
func (ix *Index) Sentences() int { return len(ix.sents) }

func (ix *Index) loc(id int32) corpus.Loc {
	r := ix.sents[id]
	return corpus.Loc{Doc: int(r.doc), Block: int(r.block), Sentence: int(r.sent)}
}

// sentID finds the indexed sentence at loc, or -1.
func (ix *Index) sentID(loc corpus.Loc) int32 {
	if loc.Doc < 0 || loc.Doc >= len(ix.docs) {
		return -1
	}
	end := int32(len(ix.sents))
	if loc.Doc+1 < len(ix.docFirst) {
		end = ix.docFirst[loc.Doc+1]
	}
	for id := ix.docFirst[loc.Doc]; id < end; id++ {
		r := ix.sents[id]
		if int(r.block) == loc.Block && int(r.sent) == loc.Sentence {
			return id
		}
	}
	return -1
}

func (ix *Index) text(id int32) string {
	r := ix.sents[id]
	b := ix.docs[r.doc].Block(int(r.block))
	if b == nil || int(r.sent) >= len(b.Sentences) {
		return ""
	}
	return b.Sentences[r.sent].Text
}

func (ix *Index) context(id int32) string {
	r := ix.sents[id]
	if b := ix.docs[r.doc].Block(int(r.block)); b != nil {
		return b.Text
	}
	return ""
}

// factsOf extracts the facts of an indexed sentence once and keeps them:
// only sentences that reach a result are ever analysed for facts, which
// keeps Build fast on large folders.
func (ix *Index) factsOf(id int32) []Fact {
	ix.factsMu.Lock()
	f, ok := ix.facts[id]
	ix.factsMu.Unlock()
	if ok {
		return f
	}
	f = ExtractFacts(ix.text(id))
	ix.factsMu.Lock()
	ix.facts[id] = f
	ix.factsMu.Unlock()
	return f
}

// normText folds case, quotes and spacing so a query pasted from a
// document finds its sentence.
func normText(s string) string {
	s = strings.NewReplacer("’", "'", "‘", "'", "“", "\"", "”", "\"", "–", "-", "—", "-").Replace(s)
	return strings.ToLower(strings.Join(strings.Fields(s), " "))
}
