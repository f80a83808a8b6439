package compare

import (
	"math"
	"runtime"
	"slices"
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
	postings   [][]posting
	word       []bool // per term: a word, name or number (not a phrase)
	// fwd is the forward index: each sentence's terms (sent holds the
	// term id) and weighted frequencies, ending at fwdEnd[sentence].
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
}

// Build indexes every sentence of docs.
func Build(docs []*corpus.Document, opts Options) *Index {
	return build(docs, opts, shippedTuning())
}

// analysed is one document's sentences as key ids of the analyzer that
// read it, produced in parallel before the (sequential) merge.
type analysed struct {
	an    *analyzer
	ids   []int32  // words of every sentence, then its compounds
	words []int32  // per sentence: how many of its ids are words
	ends  []int32  // per sentence: end offset in ids
	hash  []uint64 // per sentence: textKey, 0 when blank
	num   []bool   // per sentence: has a number (see analyzer.numeric)
	win   []bool   // per sentence: a window of an over-long sentence
}

func analyseDoc(an *analyzer, d *corpus.Document) analysed {
	out := analysed{an: an}
	var compounds []int32
	forUnits(d, func(_, _ int, text string, _, _ int, window bool) {
		compounds = compounds[:0]
		start := len(out.ids)
		an.scan(text, func(id int32, _, _ int, compound bool) {
			if compound {
				compounds = append(compounds, id)
			} else {
				out.ids = append(out.ids, id)
			}
		})
		out.words = append(out.words, int32(len(out.ids)-start))
		out.ids = append(out.ids, compounds...)
		out.ends = append(out.ends, int32(len(out.ids)))
		h, ok := textKey(text)
		if !ok {
			h = 0
		}
		out.hash = append(out.hash, h)
		out.num = append(out.num, an.numeric)
		out.win = append(out.win, window)
	})
	return out
}

// analyseAll analyses the documents on every core: tokenising and
// stemming are most of the cost of indexing.
func analyseAll(docs []*corpus.Document) []analysed {
	out := make([]analysed, len(docs))
	workers := buildWorkers(len(docs))
	var wg sync.WaitGroup
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			an := newAnalyzer()
			for i := w; i < len(docs); i += workers {
				out[i] = analyseDoc(an, docs[i])
			}
		}()
	}
	wg.Wait()
	return out
}

// buildWorkers is how many goroutines share the work on n documents.
func buildWorkers(n int) int {
	return min(runtime.GOMAXPROCS(0), max(1, n/16))
}

// parallel calls fn(w, i) for every i below n on workers goroutines,
// worker w taking every workers-th i.
func parallel(n, workers int, fn func(w, i int)) {
	var wg sync.WaitGroup
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := w; i < n; i += workers {
				fn(w, i)
			}
		}()
	}
	wg.Wait()
}

// entry is one term of a sentence while indexing: a word (key is
// wordFlag|its term id) or a phrase (key is phraseKey of its two words),
// with its weighted frequency. id is the term id: a word's from the
// start, a phrase's id within its shard until the shards are numbered.
type entry struct {
	key uint64
	id  int32
	tf  float32
}

// wordFlag marks a word's key; a phrase's never has it, as term ids are
// below 1<<31.
const wordFlag = 1 << 63

// phraseKey is the key of the phrase of words a then b.
func phraseKey(a, b int32) uint64 { return uint64(uint32(a))<<32 | uint64(uint32(b)) }

// shardOf spreads phrase keys over n shards by a multiplicative hash
// (the keys' low bits alone are the second word's id, not spread), its
// top 32 bits scaled to [0, n) by a multiply rather than a division, as
// every phrase of a query is looked up through it.
func shardOf(k uint64, n int) int {
	return int((k * 0x9E3779B97F4A7C15 >> 32) * uint64(n) >> 32)
}

// addTerm adds w to key's frequency in the sentence that starts at
// first in ts, appending the term when the sentence lacks it. Sentences
// are short: a scan beats a map. A long unit (a window of an over-long
// sentence) passes pos, its terms' positions in ts, so that its cost
// stays linear.
func addTerm(ts []entry, first int, key uint64, id int32, w float32, pos map[uint64]int32) []entry {
	if pos != nil {
		if i, ok := pos[key]; ok {
			ts[i].tf += w
			return ts
		}
		pos[key] = int32(len(ts))
		return append(ts, entry{key, id, w})
	}
	for i := first; i < len(ts); i++ {
		if ts[i].key == key {
			ts[i].tf += w
			return ts
		}
	}
	return append(ts, entry{key, id, w})
}

// scanTerms is how many terms a unit may have before addTerm keeps them
// in a map rather than scanning them.
const scanTerms = 64

// docTerms is one document's sentences as terms: entries of sentence i
// end at ends[i].
type docTerms struct {
	terms   []entry
	ends    []int32
	phrases int // how many of terms are phrases
}

// sentenceTerms turns a document's analysis into its sentences' terms,
// given the term ids of its analyzer's keys. Phrases are left keyed by
// their words: their ids come later, from the shards.
func sentenceTerms(a analysed, tids []int32) docTerms {
	// Room for every term and phrase, and no more: a window has no
	// phrases (see windows.go).
	room := len(a.ids)
	for si, w := range a.words {
		if !a.win[si] {
			room += int(w)
		}
	}
	out := docTerms{terms: make([]entry, 0, room), ends: make([]int32, len(a.ends))}
	start := int32(0)
	var long map[uint64]int32
	for si, end := range a.ends {
		first := len(out.terms)
		nw := int(a.words[si])
		prev := int32(-1)
		var pos map[uint64]int32
		if end-start > scanTerms {
			if long == nil {
				long = map[uint64]int32{}
			}
			clear(long)
			pos = long
		}
		for k, local := range a.ids[start:end] {
			tid := tids[local]
			out.terms = addTerm(out.terms, first, wordFlag|uint64(tid), tid, 1, pos)
			if k < nw && !a.win[si] {
				if prev >= 0 {
					out.terms = addTerm(out.terms, first, phraseKey(prev, tid), 0, bigramWeight, pos)
					out.phrases++
				}
				prev = tid
			}
		}
		out.ends[si] = int32(len(out.terms))
		start = end
	}
	return out
}

// build indexes docs in stages, all but the cheap ones on every core:
// analysis (per document), word ids (serial, one slice lookup per word),
// sentence terms (per document), phrase ids (per shard of phrases: the
// phrase map is large and cache-missing, so each core fills a part),
// then the forward index (per document) and the inverted one.
func build(docs []*corpus.Document, opts Options, tune tuning) *Index {
	all := analyseAll(docs)
	workers := buildWorkers(len(docs))
	// Sizing the maps from the analysis spares their growth (rehashing
	// is a good part of the merge): a document's words are about as many
	// as its phrases, and the keys of the analyzers bound the terms.
	var words, sents, keys int
	tids := map[*analyzer][]int32{}
	for _, a := range all {
		words += len(a.ids)
		sents += len(a.ends)
		if tids[a.an] == nil {
			keys += len(a.an.keys)
			t := make([]int32, len(a.an.keys))
			for i := range t {
				t[i] = -1
			}
			tids[a.an] = t
		}
	}
	ix := &Index{core: &core{docs: docs, opts: opts, tune: tune, terms: make(map[string]int32, keys), byText: make(map[uint64]int32, sents), facts: map[int32][]Fact{}}}

	// Word ids, in order of first sight; only keys some sentence has
	// become terms. Each analyzer's key ids map to them through a slice.
	for _, a := range all {
		t := tids[a.an]
		for _, local := range a.ids {
			if t[local] < 0 {
				t[local] = ix.termID(a.an.keys[local])
			}
		}
	}
	nWords := int32(len(ix.terms))

	terms := make([]docTerms, len(docs))
	parallel(len(docs), workers, func(_, i int) {
		terms[i] = sentenceTerms(all[i], tids[all[i].an])
		// Dropped as soon as they are read, so that indexing one giant
		// document does not hold every stage of it at once.
		all[i].ids = nil
	})

	// Phrase ids: shard s numbers its phrases from bigramBase[s], each
	// shard's goroutine writing the ids of its own entries only.
	ix.bigrams = make([]map[uint64]int32, workers)
	ix.bigramBase = make([]int32, workers)
	phrases := 0
	for _, d := range terms {
		phrases += d.phrases
	}
	parallel(workers, workers, func(_, s int) {
		// The phrases met (repeats included) over workers bound a
		// shard, with hashing evenly spread, so the map hardly grows;
		// the words would bound it too, but a text of windows (see
		// windows.go) has no phrases at all.
		m := make(map[uint64]int32, phrases/workers+phrases/(8*workers))
		for _, d := range terms {
			for i := range d.terms {
				e := &d.terms[i]
				if e.key&wordFlag != 0 || shardOf(e.key, workers) != s {
					continue
				}
				id, ok := m[e.key]
				if !ok {
					id = int32(len(m))
					m[e.key] = id
				}
				e.id = id
			}
		}
		ix.bigrams[s] = m
	})
	next := nWords
	for s, m := range ix.bigrams {
		ix.bigramBase[s] = next
		next += int32(len(m))
	}
	ix.postings = make([][]posting, next)
	ix.word = make([]bool, next)
	for i := range nWords {
		ix.word[i] = true
	}

	// The forward index: each document's entries, with final ids, at
	// its offset.
	docFwd := make([]int32, len(docs)+1)
	docSent := make([]int32, len(docs)+1)
	for i, d := range terms {
		docFwd[i+1] = docFwd[i] + int32(len(d.terms))
		docSent[i+1] = docSent[i] + int32(len(d.ends))
	}
	ix.fwd = make([]posting, docFwd[len(docs)])
	ix.fwdEnd = make([]int32, docSent[len(docs)])
	parallel(len(docs), workers, func(_, i int) {
		fwd := ix.fwd[docFwd[i]:docFwd[i+1]]
		for j, e := range terms[i].terms {
			id := e.id
			if e.key&wordFlag == 0 {
				id += ix.bigramBase[shardOf(e.key, workers)]
			}
			fwd[j] = posting{id, e.tf}
		}
		for j, end := range terms[i].ends {
			ix.fwdEnd[docSent[i]+int32(j)] = docFwd[i] + end
		}
		terms[i] = docTerms{}
	})

	ix.docFirst = docSent[:len(docs)]
	ix.sents = make([]sentRef, 0, sents)
	ix.numeric = make([]bool, 0, sents)
	ix.lens = make([]float32, 0, sents)
	ix.windows = map[int32][2]int32{}
	var totalLen float64
	for di, a := range all {
		si := 0
		start := int32(0)
		forUnits(docs[di], func(block, sent int, _ string, lo, hi int, window bool) {
			id := int32(len(ix.sents))
			ix.sents = append(ix.sents, sentRef{int32(di), int32(block), int32(sent)})
			if window {
				ix.windows[id] = [2]int32{int32(lo), int32(hi)}
			}
			ix.numeric = append(ix.numeric, a.num[si])
			if h := a.hash[si]; h != 0 {
				if _, dup := ix.byText[h]; !dup {
					ix.byText[h] = id
				}
			}
			n := float32(a.ends[si] - start)
			ix.lens = append(ix.lens, n)
			totalLen += float64(n)
			start = a.ends[si]
			si++
		})
	}
	if len(ix.sents) > 0 {
		ix.avgLen = totalLen / float64(len(ix.sents))
	}
	if ix.avgLen == 0 {
		ix.avgLen = 1
	}
	ix.fillPostings()
	ix.idf = make([]float64, len(ix.postings))
	ix.informative = make([]bool, len(ix.postings))
	for tid, ps := range ix.postings {
		ix.idf[tid] = ix.idfOf(len(ps))
		ix.informative[tid] = ix.word[tid] && isInformative(ix.idf[tid], len(ps), ix.docsWith(ps))
		for i := range ps {
			ps[i].tf = float32(ix.saturate(float64(ps[i].tf), ps[i].sent))
		}
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
	s := shardOf(k, len(ix.bigrams))
	id, ok := ix.bigrams[s][k]
	return ix.bigramBase[s] + id, ok
}

// fillPostings builds the inverted index from the forward one in two
// passes (count, then place) into one backing array: appending to each
// term's list as sentences came was most of the garbage of indexing.
// Sentences are placed in order, so every list is sorted.
func (ix *Index) fillPostings() {
	start := make([]int32, len(ix.postings)+1)
	for _, t := range ix.fwd {
		start[t.sent+1]++
	}
	for i := 1; i < len(start); i++ {
		start[i] += start[i-1]
	}
	flat := make([]posting, len(ix.fwd))
	next := slices.Clone(start[:len(start)-1])
	from := int32(0)
	for id, end := range ix.fwdEnd {
		for _, t := range ix.fwd[from:end] {
			flat[next[t.sent]] = posting{int32(id), t.tf}
			next[t.sent]++
		}
		from = end
	}
	for tid := range ix.postings {
		ix.postings[tid] = flat[start[tid]:start[tid+1]:start[tid+1]]
	}
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
