package compare

import (
	"cmp"
	"slices"
	"sort"
)

// Placing the postings in the forward entries' own arrays: on two 8 MiB
// sentences the entries (10.5 MB) and the postings made from them (10.5
// MB more) were the most the index ever held, beside the text, and left
// the collector no room (42 MB live for a heap goal of 42 MB). A
// posting and a forward entry are the same 8 bytes, and there are as
// many of one as of the other, so each entry can be moved to its term's
// list in the same memory, the whole seen as the documents' arrays end
// to end; a list that crosses from one array into the next is copied
// out whole.

// placeInPlace turns the forward entries of f into the postings, in
// place: a cycle of moves per hole, as in an American flag sort, each
// entry written at its term's next free slot as a posting of its unit
// (found from ends, every unit's end in the whole), the entry there
// carried on. The slots of each term fill in no particular order, so
// each list is sorted by unit after: a unit has a term once, so the
// order is the one placing in document order gives.
func placeInPlace(f forward, start, ends []int32, postings [][]posting) {
	slot := func(p int32) *posting {
		d := sort.Search(len(f.segs), func(i int) bool { return f.at[i+1] > p })
		return &f.segs[d][p-f.at[d]]
	}
	unit := func(p int32) int32 {
		return int32(sort.Search(len(ends), func(i int) bool { return ends[i] > p }))
	}
	next := slices.Clone(start[:len(start)-1])
	for t := range next {
		for next[t] < start[t+1] {
			hole := next[t]
			e, from := *slot(hole), hole
			for {
				dst := next[e.sent]
				next[e.sent]++
				placed := posting{unit(from), e.tf}
				if dst == hole {
					*slot(hole) = placed
					break
				}
				s := slot(dst)
				e, from = *s, dst
				*s = placed
			}
		}
	}
	for tid := range postings {
		ps := placedList(f, start[tid], start[tid+1])
		if !slices.IsSortedFunc(ps, byUnit) {
			slices.SortFunc(ps, byUnit)
		}
		postings[tid] = ps
	}
}

// byUnit orders postings by their unit.
func byUnit(a, b posting) int { return cmp.Compare(a.sent, b.sent) }

// placedList is the postings at [lo, hi) of the whole: a slice of the
// array that holds them, or a copy when they cross into the next.
func placedList(f forward, lo, hi int32) []posting {
	if lo == hi {
		return []posting{}
	}
	d := sort.Search(len(f.segs), func(i int) bool { return f.at[i+1] > lo })
	if hi <= f.at[d+1] {
		seg := f.segs[d]
		return seg[lo-f.at[d] : hi-f.at[d] : hi-f.at[d]]
	}
	out := make([]posting, 0, hi-lo)
	for ; lo < hi; d++ {
		end := min(hi, f.at[d+1])
		out = append(out, f.segs[d][lo-f.at[d]:end-f.at[d]]...)
		lo = end
	}
	return out
}

// countPostings is where each term's postings start in the whole
// (start[tid]), and, last, how many there are.
func countPostings(f forward, terms int) []int32 {
	start := make([]int32, terms+1)
	for _, seg := range f.segs {
		for _, t := range seg {
			start[t.sent+1]++
		}
	}
	for i := 1; i < len(start); i++ {
		start[i] += start[i-1]
	}
	return start
}

// crossing is how many postings are in lists that cross from one
// document's entries into the next's (start as countPostings gives it).
func crossing(f forward, start []int32) int {
	if len(f.segs) < 2 {
		return 0
	}
	n, last := 0, -1
	for _, b := range f.at[1:len(f.segs)] {
		// the list holding slot b-1 crosses b if it also holds slot b
		t := sort.Search(len(start)-1, func(i int) bool { return start[i+1] > b-1 })
		if t < len(start)-1 && start[t] < b && start[t+1] > b && t != last {
			n += int(start[t+1] - start[t])
			last = t
		}
	}
	return n
}
