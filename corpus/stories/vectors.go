package stories

import (
	"math"
	"slices"
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
	key uint64
	w   float32
}

// vector is a document's heaviest terms, by key, with unit length.
type vector []term

// corpusStats are the counts over the kept documents that weigh a term.
type corpusStats struct {
	n      int
	df     map[uint64]int32
	isName map[uint64]bool
}

func gatherStats(docs []docTerms, kept []int) corpusStats {
	st := corpusStats{n: len(kept), df: map[uint64]int32{}, isName: map[uint64]bool{}}
	capMid := map[uint64]int32{}
	mid := map[uint64]int32{}
	for _, i := range kept {
		for k, t := range docs[i].terms {
			st.df[k]++
			if t.bigram {
				st.isName[k] = true
				continue
			}
			capMid[k] += t.capMid
			mid[k] += t.mid
		}
	}
	for k, m := range mid {
		if m > 0 && float64(capMid[k]) >= nameShare*float64(m) {
			st.isName[k] = true
		}
	}
	return st
}

// background is a number of documents imagined beside the corpus, none
// of which has the term: in a small folder that is one story (the five
// seeds), the story's own names are in every document, and without it
// their IDF would be nil. In a folder of thousands it changes little.
const background = 100

// idf is the inverse document frequency of a term seen in df documents.
func (st corpusStats) idf(df int32) float64 {
	return math.Log(float64(st.n+background) / float64(df))
}

// vectorOf weighs a document's terms by TF-IDF, names boosted, keeps the
// heaviest and scales them to unit length. A term found in no other
// document says nothing of what it shares and is left out.
func (st corpusStats) vectorOf(dt docTerms) vector {
	v := make(vector, 0, len(dt.terms))
	for k, t := range dt.terms {
		df := st.df[k]
		if df < 2 {
			continue
		}
		w := (1 + math.Log(float64(t.tf))) * st.idf(df)
		if st.isName[k] {
			w *= nameBoost
		}
		v = append(v, term{k, float32(w)})
	}
	slices.SortFunc(v, func(a, b term) int {
		if a.w != b.w {
			if a.w > b.w {
				return -1
			}
			return 1
		}
		if a.key < b.key {
			return -1
		}
		return 1
	})
	v = v[:min(len(v), topTerms)]
	var norm float64
	for _, t := range v {
		norm += float64(t.w) * float64(t.w)
	}
	norm = math.Sqrt(norm)
	for i := range v {
		v[i].w = float32(float64(v[i].w) / norm)
	}
	slices.SortFunc(v, func(a, b term) int {
		if a.key < b.key {
			return -1
		}
		if a.key > b.key {
			return 1
		}
		return 0
	})
	return v
}

// cosine of two vectors sorted by key.
func cosine(a, b vector) float64 {
	var s float64
	i, j := 0, 0
	for i < len(a) && j < len(b) {
		switch {
		case a[i].key == b[j].key:
			s += float64(a[i].w) * float64(b[j].w)
			i++
			j++
		case a[i].key < b[j].key:
			i++
		default:
			j++
		}
	}
	return s
}
