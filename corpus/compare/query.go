package compare

import (
	"slices"
	"strings"
	"sync"

	"parley/corpus"
)

// rerankDepth is how many BM25 candidates per source are re-scored with
// fact agreement before the best K are kept.
const rerankDepth = 8

// prepared is an analysed query.
type prepared struct {
	an      *analyzer // reused for the matches' shared terms
	tids    []int32
	weights []float64 // query weight × idf per tid
	keys    map[string]bool
	max     float64 // score of a sentence covering every query term once
	facts   []Fact
}

func (ix *Index) prepare(text string) prepared {
	p := ix.prepareTerms(text)
	if !ix.feat.NoFacts {
		p.facts = ExtractFacts(text)
	}
	return p
}

// prepareTerms analyses a query's terms, without its facts.
func (ix *Index) prepareTerms(text string) prepared {
	return ix.prepareWith(newAnalyzer(ix.feat), text)
}

// prepareWith is prepareTerms with a given analyzer, which a caller
// analysing many sentences in turn (claim discovery) reuses, so each
// distinct word is analysed once.
func (ix *Index) prepareWith(an *analyzer, text string) prepared {
	p := prepared{keys: map[string]bool{}}
	seen := map[int32]bool{}
	use := func(tid int32, w float64) {
		if seen[tid] {
			return
		}
		seen[tid] = true
		p.tids = append(p.tids, tid)
		p.weights = append(p.weights, w*ix.idf[tid])
		// The maximum counts words only: a shared phrase is extra
		// evidence on top of its words, not more to cover.
		if w == 1 {
			p.max += ix.idf[tid]
		}
	}
	p.an = an
	words, compounds := p.an.split(text, nil, nil)
	missing := map[string]bool{}
	prev := int32(-1)
	for i, t := range append(words, compounds...) {
		p.keys[t.Key] = true
		tid, ok := ix.terms[t.Key]
		compound := i >= len(words)
		if !ok {
			// A word no sentence has still counts in the maximum: a
			// source cannot be said to cover what no source mentions.
			if !missing[t.Key] && !compound {
				missing[t.Key] = true
				p.max += ix.idfOf(0)
			}
			continue
		}
		if compound {
			// A hyphen compound ("high-level") is also indexed as its
			// parts: it is evidence like a phrase, not more to cover.
			use(tid, compoundWeight)
			continue
		}
		use(tid, 1)
	}
	if !ix.feat.NoBigram {
		for _, t := range words {
			tid, ok := ix.terms[t.Key]
			if !ok {
				prev = -1
				continue
			}
			if prev >= 0 {
				if bt, ok := ix.bigrams[uint64(uint32(prev))<<32|uint64(uint32(tid))]; ok {
					use(bt, bigramWeight)
				}
			}
			prev = tid
		}
	}
	return p
}

type cand struct {
	id    int32
	score float64
}

// Compare finds, in every document, the sentences that speak to text.
func (ix *Index) Compare(text string, q QueryOptions) Result {
	top := q.Top
	if top <= 0 {
		top = 3
	}
	originID := int32(-1)
	if q.Origin != nil {
		originID = ix.sentID(*q.Origin)
	} else if key, ok := textKey(text); ok {
		if id, ok := ix.byText[key]; ok {
			originID = id
		}
	}
	p := ix.prepare(text)
	res := Result{Query: text, QueryFacts: p.facts, Origin: -1, Sources: make([]SourceResult, len(ix.docs))}
	for i := range res.Sources {
		res.Sources[i].Doc = i
		res.Sources[i].Silent = true
	}
	perDoc := ix.candidates(p, originID)
	var claim *curatedClaim
	if originID >= 0 {
		res.Origin = int(ix.sents[originID].doc)
		claim = ix.curatedFor(originID)
	} else if claim = ix.curatedForText(text); claim == nil {
		// A typed query belongs to a curated claim when its best match
		// anywhere is one of the claim's quotes and a confident one.
		var best cand
		best.id = -1
		for _, cs := range perDoc {
			if len(cs) > 0 && (best.id < 0 || cs[0].score > best.score) {
				best = cs[0]
			}
		}
		if best.id >= 0 && best.score >= ix.confident() {
			claim = ix.curatedFor(best.id)
		}
	}
	if claim != nil {
		c := ix.curatedClaimView(*claim)
		res.Claim = &c
	}
	for d := range res.Sources {
		src := &res.Sources[d]
		var ms []Match
		used := map[int32]bool{}
		if originID >= 0 && int(ix.sents[originID].doc) == d {
			src.Origin = true
			m := ix.match(p, cand{originID, 1}, claim != nil && claim.has(originID))
			ms = append(ms, m)
			used[originID] = true
		}
		if claim != nil {
			// The claim's quotes come first, the one closest to the
			// query first among them.
			var cur []cand
			for _, id := range claim.sents[d] {
				if !used[id] {
					used[id] = true
					cur = append(cur, cand{id, ix.scoreOne(p, id)})
				}
			}
			slices.SortStableFunc(cur, func(a, b cand) int {
				switch {
				case a.score > b.score:
					return -1
				case a.score < b.score:
					return 1
				}
				return int(a.id - b.id)
			})
			for _, c := range cur {
				ms = append(ms, ix.match(p, c, true))
			}
		}
		for _, c := range perDoc[d] {
			if len(ms) >= top {
				break
			}
			if used[c.id] {
				continue
			}
			used[c.id] = true
			ms = append(ms, ix.match(p, c, false))
		}
		if len(ms) > top {
			ms = ms[:top]
		}
		src.Matches = ms
		src.Silent = len(ms) == 0
	}
	return res
}

// CompareLoc compares the sentence at loc across every document.
func (ix *Index) CompareLoc(loc corpus.Loc, q QueryOptions) Result {
	q.Origin = &loc
	id := ix.sentID(loc)
	if id < 0 {
		return Result{Origin: -1}
	}
	return ix.Compare(ix.text(id), q)
}

// candidates scores every sentence sharing a term with the query (BM25,
// normalised by the query's maximum so scores mean "share of the query
// covered"), re-ranks each source's best few with fact agreement, and
// keeps, for each source that speaks (see silence.go), its candidates
// above the listing floor, best first.
func (ix *Index) candidates(p prepared, originID int32) [][]cand {
	perDoc := ix.ranked(p, originID, ix.threshold()*listShare, false)
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
func (ix *Index) ranked(p prepared, originID int32, floor float64, bestOnly bool) [][]cand {
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
		informative := ix.idf[tid] >= minInformative && ix.word[tid]
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
		if id == originID || int(hits[id]) < ix.minShared() || acc[id] < least {
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
	if ix.feat.NoFacts {
		return 0
	}
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

// scoreOne scores a single sentence against a prepared query.
func (ix *Index) scoreOne(p prepared, id int32) float64 {
	if p.max == 0 {
		return 0
	}
	var s float64
	for i, tid := range p.tids {
		for _, po := range ix.postings[tid] {
			if po.sent == id {
				s += p.weights[i] * float64(po.tf)
				break
			}
		}
	}
	return s / p.max
}

// match builds the result entry for one sentence: its shared terms with
// their spans and its facts marked against the query's.
func (ix *Index) match(p prepared, c cand, curated bool) Match {
	text := ix.text(c.id)
	m := Match{Loc: ix.loc(c.id), Text: text, Context: ix.context(c.id), Score: c.score, Curated: curated}
	seen := map[string]bool{}
	words, compounds := p.an.split(text, nil, nil)
	for _, t := range append(words, compounds...) {
		if !p.keys[t.Key] {
			continue
		}
		m.Spans = append(m.Spans, corpus.Span{Start: t.Start, End: t.End})
		if low := strings.ToLower(t.Surface); !seen[low] {
			seen[low] = true
			m.Shared = append(m.Shared, t.Surface)
		}
	}
	m.Spans = mergeSpans(m.Spans)
	for _, f := range ix.factsOf(c.id) {
		m.Facts = append(m.Facts, markFact(f, p.facts))
	}
	return m
}

func mergeSpans(sp []corpus.Span) []corpus.Span {
	slices.SortFunc(sp, func(a, b corpus.Span) int { return a.Start - b.Start })
	var out []corpus.Span
	for _, s := range sp {
		if n := len(out); n > 0 && s.Start <= out[n-1].End {
			out[n-1].End = max(out[n-1].End, s.End)
			continue
		}
		out = append(out, s)
	}
	return out
}
