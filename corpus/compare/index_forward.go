package compare

import "slices"

// The forward index (each unit's terms and frequencies) has one reader,
// claim discovery, which reads only the units it looks at: at most
// maxDiscover, spread over the documents (claim_sample.go), as a
// candidate must be one of them too (claim_candidates.go). The inverted
// index is made from every unit's terms, read where each document's
// analysis left them; the forward index is then the units' discovery
// reads alone. On two 8 MiB sentences (32,717 windows) the index kept
// 10.5 MB of forward entries where discovery reads 3.9 MB (the store
// kept on disk is smaller by as much), and laying every entry out in one
// array before the postings were made allocated 10.7 MB more at the
// moment the index is largest: when a collection was under way, the
// process peaked at 70 MiB rather than 63.

// forward is each document's forward entries, with final term ids, as
// fillForward lays them out: segs[i] holds document i's, which start at
// entry at[i] of the whole.
type forward struct {
	segs [][]posting
	at   []int32
}

// fillForward lays out each document's forward entries: a document of
// windows alone keeps its postings as they are, any other's entries
// become postings. It sets fwdEnd for every unit (offsets into the
// whole), and returns the entries and where each document's sentences
// start (and, last, how many there are). It drops terms as it goes.
func (ix *Index) fillForward(terms []docTerms, workers int) (docSent []int32, f forward) {
	n := len(terms)
	f = forward{segs: make([][]posting, n), at: make([]int32, n+1)}
	docSent = make([]int32, n+1)
	for i, d := range terms {
		f.at[i+1] = f.at[i] + int32(len(d.terms)+len(d.posts))
		docSent[i+1] = docSent[i] + int32(len(d.ends))
	}
	ix.fwdEnd = make([]int32, docSent[n])
	parallel(n, workers, func(_, i int) {
		seg := terms[i].posts
		if seg == nil {
			seg = make([]posting, len(terms[i].terms))
		}
		for j, e := range terms[i].terms {
			id := e.id
			if e.key&wordFlag == 0 {
				id += ix.bigramBase[shardOf(e.key, workers)]
			}
			seg[j] = posting{id, e.tf}
		}
		for j, end := range terms[i].ends {
			ix.fwdEnd[docSent[i]+int32(j)] = f.at[i] + end
		}
		f.segs[i] = seg
		terms[i] = docTerms{}
	})
	return docSent, f
}

// fillPostings builds the inverted index from the forward entries: each
// term's count first, then the entries placed. Where few terms' lists
// would cross from one document's entries into the next (a few large
// documents), the postings are placed in the entries' own arrays
// (placeInPlace) after the units discovery reads are copied out; else
// into one new array (placeFlat). The forward index is then the entries
// of the units discovery reads (keepForward).
func (ix *Index) fillPostings(f forward, docSent []int32) {
	start := countPostings(f, len(ix.postings))
	ends := ix.fwdEnd // every unit's, before keepForward cuts them
	if crossing(f, start)*crossShare <= int(f.at[len(f.segs)]) {
		ix.keepForward(f, docSent, true)
		placeInPlace(f, start, ends, ix.postings)
		return
	}
	placeFlat(f, start, ends, docSent, ix.postings)
	ix.keepForward(f, docSent, false)
}

// crossShare: the postings are placed in place when the lists that
// cross documents, and so are copied whole, are at most this fraction of
// them (one in eight). On two 8 MiB sentences one list of 1.3 million
// postings crosses; in the BBC folder the common words' lists cross
// hundreds of documents each, and are most of the postings.
const crossShare = 8

// placeFlat places every posting in one new array, in two passes (count,
// then place): appending to each term's list as sentences came was most
// of the garbage of indexing. Sentences are placed in order, so every
// list is sorted.
func placeFlat(f forward, start, ends, docSent []int32, postings [][]posting) {
	total := int(start[len(start)-1])
	makeRoom(total * 8) // a posting's two 4-byte fields
	flat := make([]posting, total)
	next := slices.Clone(start[:len(start)-1])
	for d, seg := range f.segs {
		from := f.at[d]
		for id := docSent[d]; id < docSent[d+1]; id++ {
			end := ends[id]
			for _, t := range seg[from-f.at[d] : end-f.at[d]] {
				flat[next[t.sent]] = posting{id, t.tf}
				next[t.sent]++
			}
			from = end
		}
	}
	for tid := range postings {
		postings[tid] = flat[start[tid]:start[tid+1]:start[tid+1]]
	}
}

// keepForward makes the forward index of the units claim discovery
// reads (discoverSet): each document's first units, laid out in document
// order. Unless fresh, when they all fit in the room of the first
// document's entries, the others' are copied there, after its own,
// rather than into a new array: copied into one when they were the first
// 12,000 of two 8 MiB sentences, they were 3.9 MB allocated just after
// the postings, while the collection under way still held the second
// document's entries: the heap peaked at 49 MiB rather than 45, and the
// process at 66-68 MiB. Fresh (the postings are to be placed in the
// entries' arrays), they are copied into one of their own size.
func (ix *Index) keepForward(f forward, docSent []int32, fresh bool) {
	set := newDiscoverSet(docSent[:len(f.segs)], len(ix.fwdEnd), ix.tune.discover)
	ends := make([]int32, 0, set.size())
	cut := make([]int32, len(f.segs)) // entries kept of each document
	total := 0
	for d, k := range set.take {
		if k > 0 {
			cut[d] = ix.fwdEnd[docSent[d]+k-1] - f.at[d]
		}
		total += int(cut[d])
	}
	if len(f.segs) == 0 {
		ix.fwd, ix.fwdEnd = nil, ends
		return
	}
	fwd := f.segs[0][:cut[0]]
	if fresh {
		makeRoom(total * 8)
	}
	if fresh || cap(fwd) < total {
		fwd = append(make([]posting, 0, total), fwd...)
	}
	start := int32(0) // where document d's entries start in fwd
	for d, seg := range f.segs {
		if d > 0 {
			fwd = append(fwd, seg[:cut[d]]...)
		}
		for j := range set.take[d] {
			ends = append(ends, ix.fwdEnd[docSent[d]+j]-f.at[d]+start)
		}
		start += cut[d]
		if !fresh {
			f.segs[d] = nil // read no more: let it go as the rest are copied
		}
	}
	ix.fwd, ix.fwdEnd = fwd, ends
}
