package compare

import (
	"slices"
	"sync"
)

// Ranking: every sentence sharing a term with the query is scored by
// BM25 (postings hold the saturated term frequency, so a query only
// multiplies and adds), normalised by the query's maximum so a score
// reads as the share of the query's IDF mass a sentence covers; each
// source's best few are then re-scored with fact agreement (relate.go)
// and the silence decision (silence.go) applied.
//
// Measured on the labelled set and left out, as none moved recall@3 by
// more than a pair or two (most lowered it): scoring both ways (the
// candidate's coverage by the query as well), soft matching of words
// sharing a long prefix, a boost for neighbours of a strong match,
// weighting names as one word, IDF within the candidate's source,
// expanding the query with the other sources' best matches, and other
// BM25 parameters. Letting an agreeing number stand in for the second
// shared word found two more pairs but doubled the cost of a first query
// over a large folder.

// candidates scores every sentence sharing a term with the query (BM25,
// normalised by the query's maximum so scores mean "share of the query
// covered"), re-ranks each source's best few with fact agreement, and
// keeps, for each source that speaks (see silence.go), its candidates
// above the listing floor, best first.
func (ix *Index) candidates(p prepared, originID int32) [][]cand {
	perDoc := ix.ranked(p, originID, ix.tune.threshold*listShare, false, need(p, ix.tune.minShared, originID < 0))
	for d, cs := range perDoc {
		perDoc[d] = ix.speaking(cs, originID)
	}
	return perDoc
}

// scratch is the per-query accumulator over every sentence, reused
// across queries: allocating it per query is most of the garbage a
// claim discovery over a large folder would make.
type scratch struct {
	acc     []float64
	hits    []uint8
	touched []int32
}

var scratchPool sync.Pool

func (ix *Index) getScratch() *scratch {
	sc, _ := scratchPool.Get().(*scratch)
	if sc == nil || len(sc.acc) < len(ix.sents) {
		sc = &scratch{acc: make([]float64, len(ix.sents)), hits: make([]uint8, len(ix.sents))}
	}
	return sc
}

// putScratch clears what the query touched and returns the scratch.
func putScratch(sc *scratch) {
	for _, id := range sc.touched {
		sc.acc[id], sc.hits[id] = 0, 0
	}
	sc.touched = sc.touched[:0]
	scratchPool.Put(sc)
}

// ranked is each source's best rerankDepth candidates (or its best one,
// when bestOnly), fact bonus included, best first, among those whose
// score can reach floor: a
// candidate below it, with the most bonus it could get, cannot change
// what is shown. The bonus is only sought for candidates that can reach
// floor with it, since extracting facts is the costly part of a query.
func (ix *Index) ranked(p prepared, originID int32, floor float64, bestOnly bool, need int) [][]cand {
	perDoc := make([][]cand, len(ix.docs))
	if p.max == 0 {
		return perDoc
	}
	bonusCap := ix.bonusCap(p)
	sc := ix.getScratch()
	defer putScratch(sc)
	acc, hits := sc.acc, sc.hits
	for i, tid := range p.tids {
		w := p.weights[i]
		informative := ix.informative[tid]
		for _, po := range ix.postings[tid] {
			if acc[po.sent] == 0 {
				sc.touched = append(sc.touched, po.sent)
			}
			acc[po.sent] += w * float64(po.tf)
			if informative && hits[po.sent] < 255 {
				hits[po.sent]++
			}
		}
	}
	least := (floor - bonusCap) * p.max
	for _, id := range sc.touched {
		if id == originID || acc[id] < least || (int(hits[id]) < need && !agrees(acc[id], p)) {
			continue
		}
		d := ix.sents[id].doc
		perDoc[d] = insertTop(perDoc[d], cand{id, acc[id] / p.max}, rerankDepth)
	}
	for d, cs := range perDoc {
		perDoc[d] = ix.withBonus(p, cs, bonusCap, bestOnly)
	}
	return perDoc
}

// withBonus adds the fact bonus to one source's candidates (best first)
// and orders them again; when only the best matters, a candidate the
// bonus cannot lift over the best's score is left as it is, and only the
// best is kept.
func (ix *Index) withBonus(p prepared, cs []cand, bonusCap float64, bestOnly bool) []cand {
	if bonusCap > 0 {
		for i := range cs {
			if bestOnly && i > 0 && cs[i].score+bonusCap < cs[0].score {
				break
			}
			cs[i].score += ix.factBonus(p, cs[i].id)
		}
	}
	sortCands(cs)
	if bestOnly && len(cs) > 1 {
		cs = cs[:1]
	}
	return cs
}

// bonusCap is the most fact bonus a candidate can get for query p: none
// when the query states no measured fact.
func (ix *Index) bonusCap(p prepared) float64 {
	for _, f := range p.facts {
		if measured(f.Kind) {
			return bonusMax
		}
	}
	return 0
}

// sortCands orders candidates best first, ties by position.
func sortCands(cs []cand) {
	slices.SortStableFunc(cs, func(a, b cand) int {
		if a.score != b.score {
			if a.score > b.score {
				return -1
			}
			return 1
		}
		return int(a.id - b.id)
	})
}

// minInformative is the least idf a shared word needs to count towards
// minShared: about one sentence in eight or fewer has it. Words present
// in many sentences (the story's main actors) do not make two sentences
// about one point.
const minInformative = 2.0

// rareDF is how many sentences a word may be in and always count as
// informative: in a small folder every word is in more than one sentence
// in eight, yet a word three sentences share is still specific.
const rareDF = 3

// A word in no more sentences than documents (once in each source that
// has it) is the wording of one point the sources share, not a word of
// the story's every sentence: in a small folder of sources that agree,
// its idf is low only because they agree.
func isInformative(idf float64, df, docs int) bool {
	return idf >= minInformative || df <= rareDF || df <= docs
}

// need is how many informative words a match must share with query p:
// minShared, or fewer when the query has fewer ("Hormuz", "Strait of
// Hormuz"). A sentence of a document must share one at least; a typed
// query of only the story's common words ("Pakistan") needs none, and
// the silence threshold alone decides.
func need(p prepared, shared int, typed bool) int {
	n := p.informative
	if typed {
		return min(shared, n)
	}
	return max(1, min(shared, n))
}

// insertTop keeps the n best candidates, ties broken by position.
func insertTop(cs []cand, c cand, n int) []cand {
	i := len(cs)
	for i > 0 && (cs[i-1].score < c.score || (cs[i-1].score == c.score && cs[i-1].id > c.id)) {
		i--
	}
	if i >= n {
		return cs
	}
	cs = slices.Insert(cs, i, c)
	if len(cs) > n {
		cs = cs[:n]
	}
	return cs
}
