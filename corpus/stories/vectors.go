package stories

import (
	"cmp"
	"math"
	"runtime"
	"slices"
	"sync"

	"parley/corpus"
)

// nameBoost multiplies the weight of a name: who and where tell one
// affair from another far better than common words do. A variable only
// for TestTuningSweep.
var nameBoost = 2.0

// Weights of the document vectors.
const (
	// nameShare is how often a word must be capitalised away from a
	// sentence start, over the corpus, to count as a name.
	nameShare = 0.6
	// topTerms is how many of its heaviest terms a document keeps: enough
	// to hold its names and key words, few enough to compare fast.
	topTerms = 50
)

// term is one weighted term of a document vector.
type term struct {
	key     uint64
	w       float32
	surface string // as first written in the document, for labels
}

// vector is a document's heaviest terms, by key, with unit length.
type vector []term

// termCount is a term's counts over the kept documents.
type termCount struct {
	df, capMid, mid int32
	bigram          bool
}

// corpusStats are the counts over the kept documents that weigh a term.
type corpusStats struct {
	n     int
	terms map[uint64]termCount
	// idfs[df] is idf(df), filled by vectors: a table costs less than a
	// logarithm for every term of every document.
	idfs []float64
}

// isName says whether the corpus mostly capitalises a term away from a
// sentence start, or it is a pair of capitalised words.
func (st corpusStats) isName(k uint64) bool { return st.terms[k].isName() }

func (c termCount) isName() bool {
	return c.bigram || c.mid > 0 && float64(c.capMid) >= nameShare*float64(c.mid)
}

// gatherStats reads the kept documents, on every core, and counts their
// terms; it returns each document's terms too, for vectors.
func gatherStats(docs []*corpus.Document, kept []int) (corpusStats, [][]occ) {
	parts := make([]map[uint64]termCount, workersFor(len(kept)))
	occs := make([][]occ, len(kept))
	eachKept(kept, len(parts), func(w int, sc *scratch, i int) {
		if parts[w] == nil {
			parts[w] = map[uint64]termCount{}
		}
		sc.scan(docs[kept[i]].WithBody())
		occs[i] = slices.Clone(sc.occs)
		for _, o := range sc.occs {
			c := parts[w][o.key]
			c.df++
			c.capMid += o.capMid
			c.mid += o.mid
			c.bigram = c.bigram || o.bigram
			parts[w][o.key] = c
		}
	})
	st := corpusStats{n: len(kept), terms: parts[0]}
	if st.terms == nil {
		st.terms = map[uint64]termCount{}
	}
	for _, p := range parts[1:] {
		for k, c := range p {
			t := st.terms[k]
			t.df += c.df
			t.capMid += c.capMid
			t.mid += c.mid
			t.bigram = t.bigram || c.bigram
			st.terms[k] = t
		}
	}
	return st, occs
}

// vectors weighs every document's terms, on every core, and lets go of
// them as it goes. It returns each document's vector and its plain
// words (see vectorOf).
func (st corpusStats) vectors(occs [][]occ) ([]vector, []plainWords) {
	vs := make([]vector, len(occs))
	ws := make([]plainWords, len(occs))
	st.idfs = make([]float64, st.n+1)
	for df := 1; df <= st.n; df++ {
		st.idfs[df] = st.idf(int32(df))
	}
	eachKept(make([]int, len(occs)), workersFor(len(occs)), func(_ int, sc *scratch, i int) {
		vs[i], ws[i] = st.vectorOf(occs[i], sc)
		occs[i] = nil
	})
	return vs, ws
}

// eachKept calls fn for every position in kept on workers goroutines,
// each with its own scratch.
func eachKept(kept []int, workers int, fn func(w int, sc *scratch, i int)) {
	var wg sync.WaitGroup
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			sc := newScratch()
			for i := w; i < len(kept); i += workers {
				fn(w, sc, i)
			}
		}()
	}
	wg.Wait()
}

func workersFor(n int) int { return max(1, min(runtime.GOMAXPROCS(0), n/16)) }

// background is a number of documents imagined beside the corpus, none
// of which has the term: in a small folder that is one story (the five
// seeds), the story's own names are in every document, and without it
// their IDF would be nil. In a folder of thousands it changes little.
const background = 100

// idf is the inverse document frequency of a term seen in df documents.
func (st corpusStats) idf(df int32) float64 {
	return math.Log(float64(st.n+background) / float64(df))
}

// logTF[k] is 1 + ln k: a term's count is a whole number (a title
// occurrence counts titleTF), mostly small.
var logTF = func() (t [64]float64) {
	for k := 1; k < len(t); k++ {
		t[k] = 1 + math.Log(float64(k))
	}
	return t
}()

// tfWeight is 1 + ln tf, from the table when it holds tf.
func tfWeight(tf float32) float64 {
	if k := int(tf); float32(k) == tf && k > 0 && k < len(logTF) {
		return logTF[k]
	}
	return 1 + math.Log(float64(tf))
}

// vectorOf weighs a document's terms by TF-IDF, names boosted, keeps the
// heaviest and scales them to unit length. A term found in no other
// document says nothing of what it shares and is left out. It also keeps
// the document's plainWords heaviest words that are not names, unboosted.
func (st corpusStats) vectorOf(occs []occ, sc *scratch) (vector, plainWords) {
	v, plain := sc.weighed[:0], sc.plain[:0]
	for _, o := range occs {
		c := st.terms[o.key]
		if c.df < 2 {
			continue
		}
		w := tfWeight(o.tf) * st.idfs[c.df]
		if c.isName() {
			w *= nameBoost
		} else {
			plain = append(plain, plainWord{o.key, float32(w)})
		}
		v = append(v, term{o.key, float32(w), o.surface})
	}
	sc.weighed, sc.plain = v, plain
	v = slices.Clone(firstN(v, topTerms, heavier))
	toUnitLength(v, func(t *term) *float32 { return &t.w })
	slices.SortFunc(v, func(a, b term) int { return cmp.Compare(a.key, b.key) })
	return v, unitWords(firstN(plain, plainTerms, heavierWord))
}

// heavier orders terms heaviest first, ties by key: a total order, so
// the terms kept do not depend on the order they were read in.
func heavier(a, b term) int {
	if c := cmp.Compare(b.w, a.w); c != 0 {
		return c
	}
	return cmp.Compare(a.key, b.key)
}

// heaviest moves the n first of v in the order of before (heaviest
// first) to its front, sorted, and returns them; the rest of v keeps the
// other elements, in no order.
func heaviest[T any](v []T, n int, before func(a, b T) int) []T {
	h := firstN(v, n, before)
	slices.SortFunc(h, before)
	return h
}

// firstN is heaviest without the sort, for callers that order the
// result otherwise. It keeps a heap of the n first seen (the last of
// them on top) rather than sorting all of v: most elements come after
// the heap's top and cost one comparison.
func firstN[T any](v []T, n int, before func(a, b T) int) []T {
	if len(v) <= n {
		return v
	}
	h := v[:n]
	for i := n/2 - 1; i >= 0; i-- {
		siftDown(h, i, before)
	}
	for i := n; i < len(v); i++ {
		if before(v[i], h[0]) < 0 {
			h[0], v[i] = v[i], h[0]
			siftDown(h, 0, before)
		}
	}
	return h
}

// siftDown restores the heap (the last in the order on top) below i.
func siftDown[T any](h []T, i int, before func(a, b T) int) {
	for {
		c := 2*i + 1
		if c >= len(h) {
			return
		}
		if c+1 < len(h) && before(h[c+1], h[c]) > 0 {
			c++
		}
		if before(h[c], h[i]) <= 0 {
			return
		}
		h[i], h[c] = h[c], h[i]
		i = c
	}
}
