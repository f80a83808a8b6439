package search

import (
	"context"
	"runtime"
	"slices"
	"sync"
	"sync/atomic"
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
