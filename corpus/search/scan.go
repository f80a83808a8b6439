package search

import (
	"cmp"
	"context"
	"math"
	"runtime"
	"slices"
	"strings"
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

// cand is a target that matches, with bounds on its final score. Scores
// are kept in 32 bits: a term's is within 4 million (classWeight times
// topClass, plus rawCap), and a query of MaxQueryChars holds at most 150
// terms, so a sum stays under 600 million. 48 bytes rather than 72: a
// two-word query over forty times the BBC folder keeps 402,840 of them.
type cand struct {
	id     int32
	score  int32 // the score of the terms scored when screened; the final score once ranked
	lo, hi int32
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
	lo, hi, score int32
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
// and returns those that match, in index order. With bar (not nil), the
// scan of a stored index passes over targets that cannot rank among the
// best (see topbar.go), which are then missing from the matches.
func (ix *Index) screenAll(ctx context.Context, terms []term, ids []int32, lo, hi int, bar *topBar) ([]cand, error) {
	need := queryNeed(terms)
	return gather(ctx, hi-lo, func(a, b int, dst []cand) []cand {
		if ids == nil && ix.stored != nil {
			dst = ix.screenStored(terms, need, lo+a, lo+b, dst, bar)
			if bar != nil {
				bar.offer(dst)
			}
			return dst
		}
		var tb target
		for i := lo + a; i < lo+b; i++ {
			id := int32(i)
			if ids != nil {
				id = ids[i]
			}
			if need != 0 && !ix.mayMatch(id, need) {
				continue
			}
			if cd, ok := screen(ix.at(id, &tb), terms); ok {
				cd.id = id
				dst = append(dst, cd)
			}
		}
		return dst
	})
}

// screenStored is screenAll's work on the targets from..to-1 of an index
// over stored files, a document at a time: each target's mask and record
// are read from its document's file without looking up the document
// again for each (at forty times the BBC folder, 1.7 million targets).
func (ix *Index) screenStored(terms []term, need uint64, from, to int, dst []cand, bar *topBar) []cand {
	st := ix.stored
	var tb target
	passed := 0
	for id := from; id < to; {
		d := st.docOf[id]
		end := min(to, int(ix.spans[d][1]))
		s, base := st.stores[d], int(st.base[d])
		for ; id < end; id++ {
			if need != 0 && s.mask(id+base)&need != need {
				continue
			}
			if bar != nil && s.cannotRank(id+base, terms, bar.level()) {
				passed++
				continue
			}
			s.fill(id+base, d, &tb)
			if cd, ok := screen(&tb, terms); ok {
				cd.id = int32(id)
				dst = append(dst, cd)
			}
		}
	}
	if passed > 0 {
		passedOver.Add(int64(passed))
	}
	return dst
}

// gather runs keep over n items in chunks on every core; keep appends
// what it keeps of items [a, b) to dst, which has room for them all. The
// kept items come back in order, in one allocation. Each chunk is kept in
// a scratch buffer first, not in room for all n: at forty times the BBC
// folder that room was 110 MB, zeroed on every search, for the quarter of
// the targets a two-word query keeps.
func gather(ctx context.Context, n int, keep func(a, b int, dst []cand) []cand) ([]cand, error) {
	chunks := (n + screenChunk - 1) / screenChunk
	parts := make([][]cand, chunks)
	err := parallel(ctx, chunks, func(ci int) {
		a, b := ci*screenChunk, min((ci+1)*screenChunk, n)
		buf := candBufs.Get().(*[]cand)
		kept := keep(a, b, (*buf)[:0])
		if len(kept) > 0 {
			parts[ci] = slices.Clone(kept)
		}
		candBufs.Put(buf)
	})
	if err != nil {
		return nil, err
	}
	k := 0
	for _, p := range parts {
		k += len(p)
	}
	out := make([]cand, 0, k)
	for _, p := range parts {
		out = append(out, p...)
	}
	return out, nil
}

var candBufs = sync.Pool{New: func() any { b := make([]cand, 0, screenChunk); return &b }}

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
