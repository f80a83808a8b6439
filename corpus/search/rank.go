package search

import (
	"cmp"
	"container/heap"
	"context"
	"math"
	"slices"
	"sort"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/sahilm/fuzzy"
)

// scored is a matching target and its score.
type scored struct {
	id    int32
	score int
}

// better is the ranking order: higher score; at equal score titles, then
// headings, then sentences; then the shorter text; then the earlier one.
func (ix *Index) better(a, b scored) bool {
	if a.score != b.score {
		return a.score > b.score
	}
	ka, ra := ix.kindRunes(a.id)
	kb, rb := ix.kindRunes(b.id)
	if ka != kb {
		return ka < kb
	}
	if ra != rb {
		return ra < rb
	}
	return a.id < b.id
}

// topK keeps the k best of what is offered (all of them when k <= 0). It
// is a heap with the worst kept item on top, so most offers cost one
// comparison.
type topK struct {
	ix    *Index
	k     int
	items []scored
}

func (t *topK) Len() int           { return len(t.items) }
func (t *topK) Less(i, j int) bool { return t.ix.better(t.items[j], t.items[i]) }
func (t *topK) Swap(i, j int)      { t.items[i], t.items[j] = t.items[j], t.items[i] }
func (t *topK) Push(x any)         { t.items = append(t.items, x.(scored)) }
func (t *topK) Pop() any {
	x := t.items[len(t.items)-1]
	t.items = t.items[:len(t.items)-1]
	return x
}

func (t *topK) offer(s scored) {
	switch {
	case t.k <= 0:
		t.items = append(t.items, s)
	case len(t.items) < t.k:
		heap.Push(t, s)
	case t.ix.better(s, t.items[0]):
		t.items[0] = s
		heap.Fix(t, 0)
	}
}

// sorted returns the kept items, best first.
func (t *topK) sorted() []scored {
	sort.Slice(t.items, func(i, j int) bool { return t.ix.better(t.items[i], t.items[j]) })
	return t.items
}

// rank scores the candidates that could be among the limit best (all of
// them when limit <= 0) and returns those best, in order.
//
// The bar starts at the limit-th largest lower bound: that many
// candidates are sure to score at least that. The rest are scored in
// decreasing order of their upper bounds, and the bar rises to the
// limit-th best score found so far; a batch whose best upper bound is
// below the bar ends the work, since nothing after it can rank.
func (ix *Index) rank(ctx context.Context, terms []term, cands []cand, limit int) ([]scored, error) {
	best := &topK{ix: ix, k: limit}
	var mu sync.Mutex
	var bar atomic.Int64
	var todo []cand // scoring writes to these: never cands, which the result keeps
	if limit > 0 && len(cands) > limit {
		los := make([]int, len(cands))
		for i, c := range cands {
			los[i] = int(c.lo)
		}
		floor := quickselect(los, limit-1)
		bar.Store(int64(floor))
		// Only the candidates still over the bar once refined are
		// copied: a one-letter query can have every target over it until
		// then.
		pick := make([]int32, 0, len(cands))
		for i, c := range cands {
			if int(c.hi) >= floor {
				pick = append(pick, int32(i))
			}
		}
		his := los[:len(pick)]
		if err := ix.refine(ctx, terms, cands, pick, his); err != nil {
			return nil, err
		}
		n := 0
		for _, hi := range his {
			if hi >= floor {
				n++
			}
		}
		todo = make([]cand, 0, n)
		for k, i := range pick {
			if his[k] >= floor {
				c := cands[i]
				c.hi = int32(his[k])
				todo = append(todo, c)
			}
		}
		slices.SortFunc(todo, func(a, b cand) int { return cmp.Compare(b.hi, a.hi) })
	} else {
		todo = slices.Clone(cands)
		bar.Store(minInt)
	}
	n := (len(todo) + rankBatch - 1) / rankBatch
	err := parallel(ctx, n, func(bi int) {
		batch := todo[bi*rankBatch : min((bi+1)*rankBatch, len(todo))]
		if limit > 0 {
			cut := int64(bar.Load())
			end := 0
			for end < len(batch) && int64(batch[end].hi) >= cut {
				end++
			}
			batch = batch[:end]
		}
		for ti := range terms {
			switch {
			case terms[ti].kind == termGroup:
				ix.scoreGroup(&terms[ti], batch)
			case terms[ti].ranked():
				ix.scoreTerm(ti, &terms[ti], batch)
			}
		}
		mu.Lock()
		for _, c := range batch {
			best.offer(scored{id: c.id, score: int(c.score)})
		}
		if limit > 0 && len(best.items) == limit {
			bar.Store(max(bar.Load(), int64(best.items[0].score)))
		}
		mu.Unlock()
	})
	if err != nil {
		return nil, err
	}
	return best.sorted(), nil
}

const minInt = -1 << 62

// refine tightens the candidates' upper bounds with what a look at each
// text's signature shows (see classHi and refinedHi): worth it for the
// candidates that survive the first bar, since it costs a fraction of
// scoring one. A term found contiguously could be in any class until
// then.
//
// It writes the bound of cands[pick[k]] to his[k].
func (ix *Index) refine(ctx context.Context, terms []term, cands []cand, pick []int32, his []int) error {
	worth := false
	for i := range terms {
		worth = worth || terms[i].ranked()
	}
	if !worth {
		for k, i := range pick {
			his[k] = int(cands[i].hi)
		}
		return nil
	}
	n := (len(pick) + screenChunk - 1) / screenChunk
	return parallel(ctx, n, func(ci int) {
		var tb target
		for k := ci * screenChunk; k < min((ci+1)*screenChunk, len(pick)); k++ {
			c := &cands[pick[k]]
			t := ix.at(c.id, &tb)
			hi := int(c.score) // the other terms' exact score
			var sig *signature
			if ix.sigs != nil {
				sig = &ix.sigs[c.id]
			} else {
				s := sign(t.folded)
				sig = &s
			}
			for ti := range terms {
				tm := &terms[ti]
				switch {
				case tm.kind == termGroup:
					hi += tm.groupHi(t, sig)
				case tm.ranked():
					hi += tm.termHi(t, sig, tm.kind == termExact || c.spans&(1<<min(ti, 63)) != 0)
				}
			}
			his[k] = min(int(c.hi), hi)
		}
	})
}

// termHi bounds the score of a ranked term on t from t's signature sig;
// contig says whether the term may occur contiguously in t.
func (tm *term) termHi(t *target, sig *signature, contig bool) int {
	_, folded := tm.hay(t)
	n := len(folded)
	// The signature is of t.folded. refinedHi holds for any alignment's
	// score as long as no adjacency bonus is capped (see chain).
	sigOK := !tm.exact || !t.accent
	refined := math.MaxInt
	if sigOK && tm.runes < chainSteps {
		refined = tm.refinedHi(t, sig)
	}
	if contig {
		class := topClass
		if sigOK {
			class = tm.classHi(sig)
		}
		return class*classWeight + clampRaw(min(tm.spanHi(n, t.camel), refined))
	}
	return clampRaw(min(tm.rawHi(n, t.camel, false), refined))
}

// scoreTerm adds the score of one ranked term (a fuzzy or exact one; see
// term.ranked) to each candidate: its best contiguous occurrence's where
// it has one (an exact term always does), else sahilm/fuzzy's (see
// class.go). One sahilm call covers all the candidates left.
func (ix *Index) scoreTerm(ti int, tm *term, cands []cand) {
	bit := uint64(1) << min(ti, 63)
	rest := make([]int, 0, len(cands)) // indexes into cands of the scattered matches
	var tb target
	for i := range cands {
		c := &cands[i]
		if tm.kind == termExact || c.spans&bit != 0 {
			if at, sc := tm.bestSpan(ix.at(c.id, &tb)); at >= 0 {
				c.score += int32(sc)
				continue
			}
		}
		rest = append(rest, i)
	}
	if len(rest) == 0 {
		return
	}
	got := make([]int, len(rest))
	for k, i := range rest {
		text, _ := tm.hay(ix.at(cands[i].id, &tb))
		got[k] = -15 + tm.runes - len(text)
	}
	// sahilm/fuzzy ignores case but not accents: it scores the text the
	// term is matched against (see tm.hay). It stops at a NUL byte, and
	// then scores a part of the text as if it were all of it: a target
	// with one keeps the lowest score it could get.
	matches := fuzzy.FindFromIterNoSort(tm.text, func(yield func(string) bool) {
		for _, i := range rest {
			text, _ := tm.hay(ix.at(cands[i].id, &tb))
			if strings.IndexByte(text, 0) >= 0 {
				text = ""
			}
			if !yield(text) {
				return
			}
		}
	})
	for _, m := range matches {
		got[m.Index] = m.Score
	}
	for k, i := range rest {
		c := &cands[i]
		c.score += int32(tm.scattered(ix.at(c.id, &tb), got[k], c.spans&bit != 0))
	}
}

// scattered is the score of a fuzzy term that matches t only scattered,
// from sahilm/fuzzy's score s: clamped to the bounds, which sahilm/fuzzy
// can only leave by overflowing its adjacency bonus on a long term.
func (tm *term) scattered(t *target, s int, contig bool) int {
	_, folded := tm.hay(t)
	n := len(folded)
	return clampRaw(min(max(s, -15+tm.runes-n), tm.rawHi(n, t.camel, contig)))
}

// quickselect returns the element that would be at index k if xs were
// sorted in descending order; it reorders xs.
func quickselect(xs []int, k int) int {
	lo, hi := 0, len(xs)-1
	for lo < hi {
		// Median of three keeps sorted or equal inputs from going quadratic.
		mid := lo + (hi-lo)/2
		p := max(min(xs[lo], xs[mid]), min(max(xs[lo], xs[mid]), xs[hi]))
		i, j := lo, hi
		for i <= j {
			for xs[i] > p {
				i++
			}
			for xs[j] < p {
				j--
			}
			if i <= j {
				xs[i], xs[j] = xs[j], xs[i]
				i++
				j--
			}
		}
		switch {
		case k <= j:
			hi = j
		case k >= i:
			lo = i
		default:
			return xs[k]
		}
	}
	return xs[k]
}
