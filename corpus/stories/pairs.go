package stories

import (
	"cmp"
	"runtime"
	"slices"
	"sync"
)

// edge is a pair of documents (indexes into the kept list, a < b) and
// the cosine of their vectors.
type edge struct {
	a, b int32
	sim  float64
}

// minEdge is the least cosine worth keeping as a pair: below it two
// documents share no more than a story's background words.
const minEdge = 0.1

// commonShare: a term in more than this share of the documents (and in
// more than commonFloor) finds no candidates; pairs it joins are still
// scored with it, through the other terms they share.
const (
	commonShare = 0.05
	commonFloor = 50
)

// minPartial: a pair whose rarer terms alone give less than this is not
// scored in full. The common terms left out weigh little (their IDF is
// low), so few pairs that would reach minEdge are lost.
const minPartial = 0.05

type posting struct {
	doc int32
	w   float32
}

// similarPairs finds every pair of vectors with a cosine of minEdge or
// more, through an inverted index of their terms, on every core.
func similarPairs(vs []vector) []edge {
	n := len(vs)
	postings := map[uint64][]posting{}
	for i, v := range vs {
		for _, t := range v {
			postings[t.key] = append(postings[t.key], posting{int32(i), t.w})
		}
	}
	maxDF := max(commonFloor, int(commonShare*float64(n)))
	workers := max(1, min(runtime.GOMAXPROCS(0), n/64))
	out := make([][]edge, workers)
	var wg sync.WaitGroup
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			dot := make([]float32, n) // partial dot products with a
			var touched []int32
			for a := w; a < n; a += workers {
				touched = touched[:0]
				for _, t := range vs[a] {
					p := postings[t.key]
					if len(p) > maxDF {
						continue
					}
					for _, pb := range p {
						b := pb.doc
						if int(b) <= a {
							continue
						}
						if dot[b] == 0 {
							touched = append(touched, b)
						}
						dot[b] += t.w * pb.w
					}
				}
				for _, b := range touched {
					partial := dot[b]
					dot[b] = 0
					if partial < minPartial {
						continue
					}
					if s := cosine(vs[a], vs[b]); s >= minEdge {
						out[w] = append(out[w], edge{int32(a), b, s})
					}
				}
			}
		}()
	}
	wg.Wait()
	var all []edge
	for _, es := range out {
		all = append(all, es...)
	}
	sortEdges(all)
	return all
}

// sortEdges orders edges strongest first, ties by position, so that
// grouping is the same on every run.
func sortEdges(es []edge) {
	slices.SortFunc(es, func(x, y edge) int {
		if c := cmp.Compare(y.sim, x.sim); c != 0 {
			return c
		}
		if c := cmp.Compare(x.a, y.a); c != 0 {
			return c
		}
		return cmp.Compare(x.b, y.b)
	})
}
