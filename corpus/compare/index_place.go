package compare

import (
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
// place. Each entry's slot is given first, in place of its term: read in
// document order, each list is filled in unit order, as placeFlat fills
// it. Then each cycle of the permutation is followed once from its first
// slot, every entry written at its slot as a posting of its unit (found
// from ends, every unit's end in the whole) and the entry there carried
// on; a bit a slot marks those placed. Lists crossing from one array
// into the next are copied out.
func placeInPlace(f forward, start, ends []int32, postings [][]posting) {
	slot := func(p int32) *posting {
		d := sort.Search(len(f.segs), func(i int) bool { return f.at[i+1] > p })
		return &f.segs[d][p-f.at[d]]
	}
	next := slices.Clone(start[:len(start)-1])
	for _, seg := range f.segs {
		for i, e := range seg {
			seg[i].sent = next[e.sent]
			next[e.sent]++
		}
	}
	units := newUnitFinder(ends, f.at[len(f.segs)])
	placed := make([]uint64, (f.at[len(f.segs)]+63)/64)
	for d, seg := range f.segs {
		for i := range seg {
			p := f.at[d] + int32(i)
			if placed[p/64]&(1<<(p%64)) != 0 {
				continue
			}
			e, from := seg[i], p
			for {
				dst := e.sent
				s := slot(dst)
				carried := *s
				*s = posting{units.of(from), e.tf}
				placed[dst/64] |= 1 << (dst % 64)
				if dst == p {
					break
				}
				e, from = carried, dst
			}
		}
	}
	for tid := range postings {
		postings[tid] = placedList(f, start[tid], start[tid+1])
	}
}

// unitFinder finds the unit of a position in the whole: the unit at
// each 1,024th position, then a search among the few ends after it
// (a search of every end was a quarter of placing's time).
type unitFinder struct {
	ends, first []int32
}

func newUnitFinder(ends []int32, n int32) unitFinder {
	u := unitFinder{ends: ends, first: make([]int32, 0, n/1024+2)}
	unit := int32(0)
	for p := int32(0); p < n; p += 1024 {
		for ends[unit] <= p {
			unit++
		}
		u.first = append(u.first, unit)
	}
	u.first = append(u.first, int32(len(ends)-1))
	return u
}

// of is the unit whose entries hold position p.
func (u unitFinder) of(p int32) int32 {
	lo, hi := u.first[p/1024], u.first[p/1024+1]+1
	return lo + int32(sort.Search(int(hi-lo), func(i int) bool { return u.ends[lo+int32(i)] > p }))
}

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
