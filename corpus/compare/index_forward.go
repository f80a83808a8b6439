package compare

import "slices"

// The forward index (each unit's terms and frequencies) has one reader,
// claim discovery, which reads only the units it looks at: the first
// maxDiscover (claims.go; tuning.discover), as a candidate must be one of them too
// (claim_candidates.go). The inverted index is made from every unit's
// terms, so the units from maxDiscover on are laid out apart, in a tail
// that the postings are made from and that is then dropped. On two 8 MiB
// sentences (32,717 windows) the index kept 10.5 MB of forward entries
// where discovery reads 3.9 MB; the store kept on disk is smaller by as
// much.

// fillForward writes the forward index: each document's entries, with
// final ids, at its offset; the entries of the units from maxDiscover on
// go to the tail it returns, for fillPostings. It returns too where each
// document's sentences start (and, last, how many there are), and drops
// terms as it goes.
func (ix *Index) fillForward(terms []docTerms, workers int) (docSent []int32, tail []posting) {
	n := len(terms)
	docFwd := make([]int32, n+1)
	docSent = make([]int32, n+1)
	for i, d := range terms {
		docFwd[i+1] = docFwd[i] + int32(len(d.terms)+len(d.posts))
		docSent[i+1] = docSent[i] + int32(len(d.ends))
	}
	// One document of windows alone (one giant sentence) is its own
	// forward index: its postings are taken, not copied (and kept whole:
	// a part of them would hold the whole array).
	taken := n == 1 && terms[0].posts != nil
	cut := docFwd[n]
	keep := ix.tune.discover
	if i, ok := docOfUnit(docSent, keep); ok && !taken {
		cut = docFwd[i] + terms[i].ends[keep-1-int(docSent[i])]
	}
	if taken {
		ix.fwd = terms[0].posts
	} else {
		ix.fwd = make([]posting, cut)
		tail = make([]posting, docFwd[n]-cut)
	}
	ix.fwdEnd = make([]int32, docSent[n])
	parallel(n, workers, func(_, i int) {
		lo, hi := docFwd[i], docFwd[i+1]
		head := ix.fwd[min(lo, cut):min(hi, cut)]
		rest := tail[max(lo, cut)-cut : max(hi, cut)-cut]
		if !taken {
			copy(rest, terms[i].posts[copy(head, terms[i].posts):])
		}
		for j, e := range terms[i].terms {
			id := e.id
			if e.key&wordFlag == 0 {
				id += ix.bigramBase[shardOf(e.key, workers)]
			}
			if j < len(head) {
				head[j] = posting{id, e.tf}
			} else {
				rest[j-len(head)] = posting{id, e.tf}
			}
		}
		for j, end := range terms[i].ends {
			ix.fwdEnd[docSent[i]+int32(j)] = docFwd[i] + end
		}
		terms[i] = docTerms{}
	})
	return docSent, tail
}

// docOfUnit is the document whose units hold unit u-1 (the last of the
// first u), if there are u units.
func docOfUnit(docSent []int32, u int) (int, bool) {
	n := len(docSent) - 1
	if u <= 0 || int(docSent[n]) < u {
		return 0, false
	}
	for i := range n {
		if int(docSent[i+1]) >= u {
			return i, true
		}
	}
	return 0, false
}

// fillPostings builds the inverted index from the forward one and its
// tail in two passes (count, then place) into one backing array:
// appending to each term's list as sentences came was most of the
// garbage of indexing. Sentences are placed in order, so every list is
// sorted. The forward index then keeps the first maxDiscover units.
func (ix *Index) fillPostings(tail []posting) {
	start := make([]int32, len(ix.postings)+1)
	for _, part := range [][]posting{ix.fwd, tail} {
		for _, t := range part {
			start[t.sent+1]++
		}
	}
	for i := 1; i < len(start); i++ {
		start[i] += start[i-1]
	}
	head := int32(len(ix.fwd))
	flat := make([]posting, int(head)+len(tail))
	next := slices.Clone(start[:len(start)-1])
	from := int32(0)
	for id, end := range ix.fwdEnd {
		for e := from; e < end; e++ {
			t := tailOr(ix.fwd, tail, e, head)
			flat[next[t.sent]] = posting{int32(id), t.tf}
			next[t.sent]++
		}
		from = end
	}
	for tid := range ix.postings {
		ix.postings[tid] = flat[start[tid]:start[tid+1]:start[tid+1]]
	}
	if keep := ix.tune.discover; len(ix.fwdEnd) > keep {
		ix.fwdEnd = slices.Clone(ix.fwdEnd[:keep])
		ix.fwd = ix.fwd[:ix.fwdEnd[keep-1]]
	}
}

// tailOr is entry e of the forward index head and its tail after it.
func tailOr(head, tail []posting, e, n int32) posting {
	if e < n {
		return head[e]
	}
	return tail[e-n]
}
