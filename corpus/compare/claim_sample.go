package compare

// Claim discovery reads at most tune.discover units (maxDiscover), so a
// very large story costs a bounded time. The units it reads are spread
// over the story's documents: each document's units are taken in turn,
// one from each document in document order, until the bound is reached
// or every unit is taken. Each document thus gives a prefix of its
// units, a short document all of them and the long ones an equal share.
// Taken in document order instead, the first 12,000 units of two 8 MiB
// sentences were all windows of the first (16,446), and no pair could
// span two sources. A story within the bound is read whole.

// discoverSet is the units claim discovery reads: document d's first
// take[d] units, whose first is unit first[d]. A unit's position is its
// place among them, in document order: document d's start at at[d].
type discoverSet struct {
	first, take, at []int32
}

// newDiscoverSet spreads bound units over documents whose first units
// are first (in order; total units in all).
func newDiscoverSet(first []int32, total, bound int) discoverSet {
	n := len(first)
	count := make([]int32, n)
	for d := range first {
		end := int32(total)
		if d+1 < n {
			end = first[d+1]
		}
		count[d] = end - first[d]
	}
	s := discoverSet{first: first, take: count, at: make([]int32, n+1)}
	if total > bound {
		s.take = spreadTake(count, bound)
	}
	for d, k := range s.take {
		s.at[d+1] = s.at[d] + k
	}
	return s
}

// spreadTake is how many units each document gives when bound units are
// taken in turn from documents of count units: every document up to a
// common level (all it has if fewer), then one more from each of the
// first documents that have more, as many as the bound leaves.
func spreadTake(count []int32, bound int) []int32 {
	taken := func(level int32) int {
		n := 0
		for _, c := range count {
			n += int(min(c, level))
		}
		return n
	}
	lo, hi := int32(0), int32(0) // the highest level within the bound
	for _, c := range count {
		hi = max(hi, c)
	}
	for lo < hi {
		mid := lo + (hi-lo+1)/2
		if taken(mid) <= bound {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	take := make([]int32, len(count))
	left := bound - taken(lo)
	for d, c := range count {
		take[d] = min(c, lo)
		if c > lo && left > 0 {
			take[d]++
			left--
		}
	}
	return take
}

// size is how many units discovery reads.
func (s discoverSet) size() int { return int(s.at[len(s.take)]) }

// pos is the position of unit id of document doc, if discovery reads it.
func (s discoverSet) pos(id, doc int32) (int32, bool) {
	j := id - s.first[doc]
	if j >= s.take[doc] {
		return 0, false
	}
	return s.at[doc] + j, true
}

// each calls f with every unit discovery reads and its position, in
// document order.
func (s discoverSet) each(f func(id, pos int32)) {
	for d, k := range s.take {
		for j := range k {
			f(s.first[d]+j, s.at[d]+j)
		}
	}
}

// discoverSet is the units this index's claim discovery reads.
func (ix *Index) discoverSet() discoverSet {
	return newDiscoverSet(ix.docFirst, len(ix.sents), ix.tune.discover)
}

// forwardOf is the forward entries of the unit at position pos.
func (ix *Index) forwardOf(pos int32) []posting {
	start := int32(0)
	if pos > 0 {
		start = ix.fwdEnd[pos-1]
	}
	return ix.fwd[start:ix.fwdEnd[pos]]
}
