package search

import (
	"container/heap"
	"sync"
	"sync/atomic"
)

// A search that wants only its best hits (Options.TopOnly) need not
// screen a target that cannot score among them. Once limit candidates
// have been found, the limit-th largest of their lower bounds is a bar:
// that many hits are sure to score at least that. A target whose best
// possible score, known from its folded text's length and camel flag
// alone, is below the bar cannot rank; the scan of a stored index then
// passes over it without reading its text. The hits are the same, in
// the same order (TestTopOnlySameHits); only the count of all matches is
// given up. For "prime minister" over forty times the BBC folder, whose
// best hits are short titles, the scan of its stored index took 40-60 ms
// of CPU instead of 213-230 ms (in process, five rounds each).

// passedOver counts the targets a scan passed over as unable to rank,
// for tests.
var passedOver atomic.Int64

// topBar is the bar, raised as candidates are found by every worker.
type topBar struct {
	k   int
	mu  sync.Mutex
	los int32Heap // the k largest lower bounds offered, the least on top
	bar atomic.Int64
}

func newTopBar(k int) *topBar {
	b := &topBar{k: k}
	b.bar.Store(minInt)
	return b
}

// level is the bar: every target scoring below it is outranked by k
// candidates already found (minInt until k have been).
func (b *topBar) level() int64 { return b.bar.Load() }

// offer adds the lower bounds of the candidates cands found.
func (b *topBar) offer(cands []cand) {
	if len(cands) == 0 {
		return
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	for i := range cands {
		lo := cands[i].lo
		switch {
		case len(b.los) < b.k:
			heap.Push(&b.los, lo)
		case lo > b.los[0]:
			b.los[0] = lo
			heap.Fix(&b.los, 0)
		default:
			continue
		}
		if len(b.los) == b.k {
			b.bar.Store(int64(b.los[0]))
		}
	}
}

// int32Heap is a min-heap of int32 (container/heap).
type int32Heap []int32

func (h int32Heap) Len() int           { return len(h) }
func (h int32Heap) Less(i, j int) bool { return h[i] < h[j] }
func (h int32Heap) Swap(i, j int)      { h[i], h[j] = h[j], h[i] }
func (h *int32Heap) Push(x any)        { *h = append(*h, x.(int32)) }
func (h *int32Heap) Pop() any {
	old := *h
	x := old[len(old)-1]
	*h = old[:len(old)-1]
	return x
}

// bestPossible is the most any target whose folded text is n bytes long,
// with camel hump or not, can score for terms, and ok: false when a term
// is of a kind this does not bound (only fuzzy and exact terms are). It
// is each term's bound for a contiguous occurrence in the top class,
// which bounds its scattered score too (see fuzzyBounds and
// exactBounds); the bound holds for a target without accents, whose
// terms are all matched against its folded text.
func bestPossible(terms []term, n int, camel bool) (best int, ok bool) {
	for i := range terms {
		tm := &terms[i]
		if tm.neg || tm.kind != termFuzzy && tm.kind != termExact {
			return 0, false
		}
		best += tm.contigHi(n, camel, topClass)
	}
	return best, true
}

// prunable reports whether bestPossible bounds every term of terms.
func prunable(terms []term) bool {
	_, ok := bestPossible(terms, 0, false)
	return ok && len(terms) > 0
}
