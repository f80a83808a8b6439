package search

import (
	"context"
	"runtime"
	"slices"
	"sync"
	"sync/atomic"

	"github.com/sahilm/fuzzy"
)

// Sizes of the units of parallel work: small enough to balance the cores
// and, when ranking, to raise the bar early; large enough that handing
// them out costs nothing.
const (
	screenChunk = 4096
	rankBatch   = 256
)

// cand is a target that matches, with bounds on its final score.
type cand struct {
	id     int32
	score  int // the non-fuzzy terms' score; the final score once scored
	lo, hi int
	spans  uint64 // fuzzy terms (by index) that occur contiguously
	last   lastTerm
}

// lastTerm is what the screen learned about the query's last term on a
// target, so that the next keystroke, which usually extends that term,
// continues from there (see incremental.go).
type lastTerm struct {
	at  int32 // first occurrence in the folded text (-1: none)
	end int32 // a fuzzy term: where the leftmost match of its runes ends
	// The term's share of cand's lo, hi and score.
	lo, hi, score int
}

// parallel calls fn(0) .. fn(n-1) on every core, handing out indexes in
// increasing order. It stops early when ctx is cancelled.
func parallel(ctx context.Context, n int, fn func(i int)) error {
	workers := min(runtime.GOMAXPROCS(0), n)
	var next atomic.Int64
	var wg sync.WaitGroup
	work := func() {
		defer wg.Done()
		for {
			i := int(next.Add(1) - 1)
			if i >= n || ctx.Err() != nil {
				return
			}
			fn(i)
		}
	}
	wg.Add(workers)
	for range workers - 1 {
		go work()
	}
	if workers > 0 {
		work()
	}
	wg.Wait()
	return ctx.Err()
}

// screenAll screens the targets ids[lo:hi] (or lo..hi-1 when ids is nil)
// and returns those that match, in index order.
func (ix *Index) screenAll(ctx context.Context, terms []term, ids []int32, lo, hi int) ([]cand, error) {
	return gather(ctx, hi-lo, func(a, b int, dst []cand) []cand {
		for i := lo + a; i < lo+b; i++ {
			id := int32(i)
			if ids != nil {
				id = ids[i]
			}
			if cd, ok := screen(&ix.targets[id], terms); ok {
				cd.id = id
				dst = append(dst, cd)
			}
		}
		return dst
	})
}

// gather runs keep over n items in chunks on every core; keep appends
// what it keeps of items [a, b) to dst, which has room for them all. The
// kept items come back in order, in one allocation.
func gather(ctx context.Context, n int, keep func(a, b int, dst []cand) []cand) ([]cand, error) {
	out := make([]cand, n)
	chunks := (n + screenChunk - 1) / screenChunk
	counts := make([]int, chunks)
	err := parallel(ctx, chunks, func(ci int) {
		a, b := ci*screenChunk, min((ci+1)*screenChunk, n)
		counts[ci] = len(keep(a, b, out[a:a:b]))
	})
	if err != nil {
		return nil, err
	}
	k := 0
	for ci, c := range counts {
		k += copy(out[k:], out[ci*screenChunk:ci*screenChunk+c])
	}
	if k < n/2 {
		// The result keeps its candidates: do not keep the room too.
		return slices.Clone(out[:k]), nil
	}
	return out[:k], nil
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
			los[i] = c.lo
		}
		floor := quickselect(los, limit-1)
		bar.Store(int64(floor))
		for _, c := range cands {
			if c.hi >= floor {
				todo = append(todo, c)
			}
		}
		if err := ix.refine(ctx, terms, todo); err != nil {
			return nil, err
		}
		kept := todo[:0]
		for _, c := range todo {
			if c.hi >= floor {
				kept = append(kept, c)
			}
		}
		todo = kept
		slices.SortFunc(todo, func(a, b cand) int { return b.hi - a.hi })
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
			if terms[ti].kind == termFuzzy {
				ix.scoreFuzzy(ti, &terms[ti], batch)
			}
		}
		mu.Lock()
		for _, c := range batch {
			best.offer(scored{id: c.id, score: c.score})
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
// text shows (see refinedHi): worth it for the candidates that survive
// the first bar, since it costs a fraction of scoring one.
func (ix *Index) refine(ctx context.Context, terms []term, cands []cand) error {
	worth := false
	for i := range terms {
		worth = worth || terms[i].kind == termFuzzy && terms[i].runes >= 3
	}
	if !worth {
		return nil
	}
	n := (len(cands) + screenChunk - 1) / screenChunk
	return parallel(ctx, n, func(ci int) {
		part := cands[ci*screenChunk : min((ci+1)*screenChunk, len(cands))]
		for i := range part {
			c := &part[i]
			t := &ix.targets[c.id]
			hi := c.score // the non-fuzzy terms' exact score
			var sig *signature
			if ix.sigs != nil {
				sig = &ix.sigs[c.id]
			} else {
				s := sign(t.folded)
				sig = &s
			}
			for ti := range terms {
				tm := &terms[ti]
				if tm.kind != termFuzzy {
					continue
				}
				_, folded := tm.hay(t)
				_, h := tm.fuzzyBounds(folded, t.camel, c.spans&(1<<min(ti, 63)) != 0, -1)
				if !tm.exact || !t.accent { // the signature is of t.folded
					h = min(h, tm.refinedHi(t, sig))
				}
				hi += h
			}
			c.hi = min(c.hi, hi)
		}
	})
}

// scoreFuzzy adds one fuzzy term's score to each candidate: the better of
// sahilm/fuzzy's score and its rules applied to the best contiguous
// occurrence (see bestSpan). One sahilm call covers all the candidates.
func (ix *Index) scoreFuzzy(ti int, tm *term, cands []cand) {
	if len(cands) == 0 {
		return
	}
	got := make([]int, len(cands))
	for i, c := range cands {
		// sahilm/fuzzy stops at a NUL byte and may then miss a match the
		// screen found; such a target keeps the lowest score it could get.
		text, _ := tm.hay(&ix.targets[c.id])
		got[i] = -15 + tm.runes - len(text)
	}
	// sahilm/fuzzy ignores case but not accents: it scores the text the
	// term is matched against (see tm.hay).
	matches := fuzzy.FindFromIterNoSort(tm.text, func(yield func(string) bool) {
		for _, c := range cands {
			if text, _ := tm.hay(&ix.targets[c.id]); !yield(text) {
				return
			}
		}
	})
	for _, m := range matches {
		got[m.Index] = m.Score
	}
	for i := range cands {
		c := &cands[i]
		if c.spans&(1<<min(ti, 63)) == 0 {
			// The screen found no contiguous occurrence.
		} else if at, sc := tm.bestSpan(&ix.targets[c.id]); at >= 0 {
			got[i] = max(got[i], sc)
		}
		c.score += got[i]
	}
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
