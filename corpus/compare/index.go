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
	// compoundWeight scales a hyphen compound seen whole ("back-channel"
	// meets "backchannel"), on top of its parts.
	compoundWeight = 0.5
)

// sentRef locates an indexed sentence.
type sentRef struct {
	doc, block, sent int32
}

// posting is one sentence of a term's list: sent is the sentence and tf,
// once Build is done, BM25's saturated term frequency in it,
// tf·(k1+1)/(tf+k1·norm), so a query only multiplies and adds. In the
// forward index, sent holds a term id and tf its weighted frequency.
type posting struct {
	sent int32
	tf   float32
}

// Index is a sentence index over a set of documents, with the claims
// they share. It is read-only after Build (facts and claims are computed
// lazily behind locks) and safe for concurrent use. The curated layer is
// apart from the rest (core), so that WithCurated can put a new one over
// the same sentence index and discovered claims.
type Index struct {
	*core
	curated []curatedClaim // resolved to sentences; nil when EngineOnly

	claimsOnce sync.Once
	claims     []Claim
}

// core is everything of an Index but its curated layer.
type core struct {
	docs []*corpus.Document
	opts Options
	tune tuning

	sents []sentRef
	// windows holds the byte range in its sentence of each unit that is
	// a window of an over-long sentence (see windows.go).
	windows  map[int32][2]int32
	docFirst []int32 // first sentence of each document; sentences are contiguous per document
	lens     []float32
	avgLen   float64
	terms    map[string]int32 // words, names, numbers, compounds
	// bigrams are the phrases of two words, keyed by phraseKey, in
	// shards (see shardOf); a phrase's term id is its shard's base plus
	// its id in the shard.
	bigrams    []map[uint64]int32
	bigramBase []int32
	// phrases stands for bigrams in an index read from the store kept
	// on disk: the same shards as sorted arrays, read as they are rather
	// than hashed again (see index_store.go).
	phrases  sortedPhrases
	postings [][]posting
	word     []bool // per term: a word, name or number (not a phrase)
	// fwd is the forward index: each sentence's terms (sent holds the
	// term id) and weighted frequencies, ending at fwdEnd[position], for
	// the sentences claim discovery reads only, by their position among
	// them (see discoverSet and index_forward.go).
	fwd    []posting
	fwdEnd []int32
	idf    []float64
	// informative[tid]: a shared word that counts towards minShared and
	// claimShared (see isInformative).
	informative []bool
	byText      map[uint64]int32 // hash of the folded sentence text -> first sentence with it
	// numeric[id] says whether a sentence has a number: only those can
	// state a measured fact (see factBonus).
	numeric []bool

	// analyzers are Compare's analyzers, kept with what they learnt.
	analyzers sync.Pool

	factsMu sync.Mutex
	facts   map[int32][]Fact

	discoverOnce sync.Once
	discovered   []Claim

	// fill, on an index read from the store kept on disk, reads a
	// document's text before it is first used (Stored.Fill); fillAll
	// reads several at once.
	fill    func(doc int32)
	fillAll func(docs []int32)
}

// Build indexes every sentence of docs.
func Build(docs []*corpus.Document, opts Options) *Index {
	return build(docs, opts, shippedTuning())
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

// termID returns the id of a word term, adding it when new. Words are
// numbered before any phrase.
func (ix *Index) termID(key string) int32 {
	tid, ok := ix.terms[key]
	if !ok {
		tid = int32(len(ix.terms))
		ix.terms[key] = tid
	}
	return tid
}

// bigramID returns the id of the phrase of words a then b, if some
// sentence has it. Phrases are keyed by their words' ids, not by
// strings, which keeps indexing free of per-phrase allocations.
func (ix *Index) bigramID(a, b int32) (int32, bool) {
	k := phraseKey(a, b)
	if ix.phrases != nil {
		return ix.phrases.id(k, ix.bigramBase)
	}
	s := shardOf(k, len(ix.bigrams))
	id, ok := ix.bigrams[s][k]
	return ix.bigramBase[s] + id, ok
}

// entries is how many terms the sentences have in all, each counted once
// a sentence: the size of the postings, as of the whole forward index.
func (ix *Index) entries() int {
	n := 0
	for _, ps := range ix.postings {
		n += len(ps)
	}
	return n
}

// docsWith counts the documents of a posting list (sorted by sentence,
// and sentences are contiguous per document).
func (ix *Index) docsWith(ps []posting) int {
	n, last := 0, int32(-1)
	for _, po := range ps {
		if d := ix.sents[po.sent].doc; d != last {
			n, last = n+1, d
		}
	}
	return n
}

// saturate is BM25's term-frequency part for a term that occurs tf times
// in sentence id: it grows with tf but saturates, and is less in longer
// sentences.
func (ix *Index) saturate(tf float64, id int32) float64 {
	norm := 1 - bm25B + bm25B*float64(ix.lens[id])/ix.avgLen
	return tf * (bm25K1 + 1) / (tf + bm25K1*norm)
}

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

// text is the unit's text: its sentence, or its window of an over-long
// one.
func (ix *Index) text(id int32) string {
	r := ix.sents[id]
	if ix.fill != nil {
		ix.fill(r.doc)
	}
	b := ix.docs[r.doc].Block(int(r.block))
	if b == nil || int(r.sent) >= len(b.Sentences) {
		return ""
	}
	t := b.Sentences[r.sent].Text
	if len(ix.windows) > 0 {
		if w, ok := ix.windows[id]; ok {
			return t[w[0]:w[1]]
		}
	}
	return t
}

// context is the paragraph a unit is read in; a window's context is the
// window itself, as its paragraph is longer still.
func (ix *Index) context(id int32) string {
	if len(ix.windows) > 0 {
		if _, ok := ix.windows[id]; ok {
			return ix.text(id)
		}
	}
	r := ix.sents[id]
	if ix.fill != nil {
		ix.fill(r.doc)
	}
	if b := ix.docs[r.doc].Block(int(r.block)); b != nil {
		return b.Text
	}
	return ""
}

// factsOf extracts the facts of an indexed sentence once and keeps them:
// only sentences that reach a result are ever analysed for facts, which
// keeps Build fast on large folders.
func (ix *Index) factsOf(id int32) []Fact {
	if f, ok := ix.cachedFacts(id); ok {
		return f
	}
	f := ExtractFacts(ix.text(id))
	ix.factsMu.Lock()
	ix.facts[id] = f
	ix.factsMu.Unlock()
	return f
}

// cachedFacts returns the facts of a sentence if they were extracted.
func (ix *Index) cachedFacts(id int32) ([]Fact, bool) {
	ix.factsMu.Lock()
	f, ok := ix.facts[id]
	ix.factsMu.Unlock()
	return f, ok
}
