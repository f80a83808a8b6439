package compare

import "slices"

// Silence: a source is silent on a query unless one of its sentences
// passes these tests. The figures are calibrated by the sweep the quality
// test logs (go test ./corpus/compare -run Ablation -v).

// silenceThreshold is the lowest score (the share of the query's IDF mass
// a sentence covers, plus fact agreement) at which a source is taken to
// speak to the query. Below it the source is silent: its best sentence
// shares only common words with the query. Calibrated by the sweep that
// the quality test logs.
const silenceThreshold = 0.10

// confidentThreshold is the score from which a match speaks without
// needing to be mutual (see speaks).
const confidentThreshold = 0.25

// minShared is how many distinct informative query terms a match must
// share: one rare word alone (a name, a number) is a coincidence more
// often than a claim.
const minShared = 2

func (ix *Index) confident() float64 {
	if ix.feat.Confident > 0 {
		return ix.feat.Confident
	}
	return confidentThreshold
}

func (ix *Index) threshold() float64 {
	if ix.feat.Threshold > 0 {
		return ix.feat.Threshold
	}
	return silenceThreshold
}

func (ix *Index) minShared() int {
	if ix.feat.MinShared > 0 {
		return ix.feat.MinShared
	}
	return minShared
}

// speaks decides whether a candidate makes the query's point, or is only
// the best of junk. A candidate scoring confidentThreshold or more
// speaks. Between the silence and confident thresholds it speaks only if
// the match is mutual: compared the other way, the query sentence is
// among the candidate's two best matches in the origin's source. Two
// sentences making one point pick each other out; a sentence that
// merely shares a common word with the query usually prefers another
// sentence of the origin. A typed query (no origin) has no other way, so
// the silence threshold alone decides.
func (ix *Index) speaks(c cand, originID int32, mutual bool) bool {
	switch {
	case c.score >= ix.confident():
		return true
	case c.score < ix.threshold():
		return false
	case originID < 0 || !mutual || ix.feat.NoMutual:
		return true
	}
	return ix.mutualRank(c.id, originID) <= 1
}

// mutualRank is the rank (from 0) of sentence q among the sentences of
// its own document as matches for sentence b, by BM25. Only q's document
// is scored: its sentences are contiguous, so each posting list is cut to
// that range by binary search.
func (ix *Index) mutualRank(b, q int32) int {
	d := ix.sents[q].doc
	lo := ix.docFirst[d]
	hi := int32(len(ix.sents))
	if int(d)+1 < len(ix.docFirst) {
		hi = ix.docFirst[d+1]
	}
	start := int32(0)
	if b > 0 {
		start = ix.fwdEnd[b-1]
	}
	scores := map[int32]float64{}
	for _, t := range ix.fwd[start:ix.fwdEnd[b]] {
		tid := t.sent
		w := ix.idf[tid]
		if !ix.word[tid] {
			w *= bigramWeight
		}
		posts := ix.postings[tid]
		j, _ := slices.BinarySearchFunc(posts, lo, func(po posting, t int32) int { return int(po.sent - t) })
		for ; j < len(posts) && posts[j].sent < hi; j++ {
			po := posts[j]
			tf := float64(po.tf)
			norm := 1 - bm25B + bm25B*float64(ix.lens[po.sent])/ix.avgLen
			scores[po.sent] += w * tf * (bm25K1 + 1) / (tf + bm25K1*norm)
		}
	}
	sq := scores[q]
	rank := 0
	for id, s := range scores {
		if s > sq || (s == sq && id < q) {
			rank++
		}
	}
	return rank
}
