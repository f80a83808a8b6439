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

// flatVectors is every vector's keys and weights in two flat arrays,
// document i's at [off[i], off[i+1]), and each of its terms' postings
// list: scoring reads keys and weights only, and contiguous they cost
// less to reach than the terms with their spellings.
type flatVectors struct {
	off  []int32
	keys []uint64
	ws   []float32
	// list[j] is the postings list of term j (an index into postings),
	// postings[start[l]:start[l+1]] the documents of list l, in order.
	list     []int32
	start    []int32
	postings []posting
}

func flatten(vs []vector) *flatVectors {
	f := &flatVectors{off: make([]int32, len(vs)+1)}
	for i, v := range vs {
		f.off[i+1] = f.off[i] + int32(len(v))
	}
	total := int(f.off[len(vs)])
	f.keys = make([]uint64, 0, total)
	f.ws = make([]float32, 0, total)
	f.list = make([]int32, 0, total)
	ids := make(map[uint64]int32, total/4)
	var count []int32
	for _, v := range vs {
		for _, t := range v {
			id, ok := ids[t.key]
			if !ok {
				id = int32(len(count))
				ids[t.key] = id
				count = append(count, 0)
			}
			count[id]++
			f.keys = append(f.keys, t.key)
			f.ws = append(f.ws, t.w)
			f.list = append(f.list, id)
		}
	}
	f.start = make([]int32, len(count)+1)
	for id, c := range count {
		f.start[id+1] = f.start[id] + c
	}
	next := slices.Clone(f.start[:len(count)])
	f.postings = make([]posting, total)
	for i := range vs {
		for j := f.off[i]; j < f.off[i+1]; j++ {
			id := f.list[j]
			f.postings[next[id]] = posting{int32(i), f.ws[j]}
			next[id]++
		}
	}
	return f
}

// cosine of documents a and b.
func (f *flatVectors) cosine(a, b int32) float64 {
	ka, wa := f.keys[f.off[a]:f.off[a+1]], f.ws[f.off[a]:f.off[a+1]]
	kb, wb := f.keys[f.off[b]:f.off[b+1]], f.ws[f.off[b]:f.off[b+1]]
	var s float64
	i, j := 0, 0
	for i < len(ka) && j < len(kb) {
		switch {
		case ka[i] == kb[j]:
			s += float64(wa[i]) * float64(wb[j])
			i++
			j++
		case ka[i] < kb[j]:
			i++
		default:
			j++
		}
	}
	return s
}

// similarPairs finds every pair of vectors with a cosine of minEdge or
// more, through an inverted index of their terms, on every core.
func similarPairs(vs []vector) []edge {
	n := len(vs)
	f := flatten(vs)
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
				for j := f.off[a]; j < f.off[a+1]; j++ {
					l := f.list[j]
					p := f.postings[f.start[l]:f.start[l+1]]
					if len(p) > maxDF {
						continue
					}
					wa := f.ws[j]
					for _, pb := range p {
						b := pb.doc
						if int(b) <= a {
							continue
						}
						if dot[b] == 0 {
							touched = append(touched, b)
						}
						dot[b] += wa * pb.w
					}
				}
				for _, b := range touched {
					partial := dot[b]
					dot[b] = 0
					if partial < minPartial {
						continue
					}
					if s := f.cosine(int32(a), b); s >= minEdge {
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
