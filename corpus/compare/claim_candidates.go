package compare

import "slices"

// Claim discovery needs, for each sentence, its best match in every other
// source (then keeps the pairs that are each other's best). On a small
// corpus every sentence is compared with every other as Compare does. On
// a large one that is most of the cost of opening a folder, so candidate
// pairs come only from rare terms: two sentences making one point share
// a word that few sentences have (a name, a number, an uncommon word),
// and the postings of the common words, long on a large corpus, are not
// walked. Each candidate is then scored exactly, from its forward index,
// so a pair found either way has the score Compare gives it.

// exactDiscover is the corpus size (in sentences) up to which every pair
// is considered, and exactTerms the size of its index (Index.entries): a few
// sentences as long as a window of a giant one hold as many terms as
// many ordinary ones.
const (
	exactDiscover = 5000
	exactTerms    = 100_000
)

// rareShare sets which terms generate candidates on a large corpus:
// those in at most one sentence in rareShare (and at least minRareDF, at
// most maxRareDF). At most maxCands candidates are scored per sentence,
// from its rarest terms on. The two bounds keep each sentence's cost
// the same however large the corpus, so discovery is linear in it; on
// the BBC folder (some 50,000 sentences) rareShare alone gives 100.
const (
	rareShare = 500
	minRareDF = 8
	maxRareDF = 100
	maxCands  = 2000
)

// bestMatches returns, for each sentence of set (by position), its best
// match among set's in each other source that speaks to it (by document).
func (ix *Index) bestMatches(set discoverSet) bestOf {
	best := bestOf{at: make([]int32, 1, set.size()+1)}
	var r *rarePairs
	if len(ix.sents) > exactDiscover || ix.entries() > exactTerms {
		r = ix.newRarePairs(set)
	}
	an := newAnalyzer()
	memo := newFactMemo(ix)
	set.each(func(uid, _ int32) {
		id := int(uid)
		if len(an.words) > discoverWords {
			an = newAnalyzer()
		}
		p := ix.prepareWith(an, ix.text(int32(id)))
		p.memo = memo
		// Only measured facts count (factBonus), and only a sentence
		// with a number has one. It counts as extracted from here on,
		// but its facts are read only when a candidate needs them: most
		// windows of a giant sentence have none (ExtractFacts was half
		// of discovery's time on two 8 MiB sentences).
		numeric := ix.numeric[id]
		if numeric {
			memo.extracted(int32(id))
		}
		var perDoc map[int32][]cand
		if r != nil {
			if r.gather(p, int32(id)) {
				if numeric {
					p.facts = memo.queryFacts(int32(id))
				}
				perDoc = r.ranked(p, int32(id))
			}
		} else {
			if numeric {
				p.facts = memo.queryFacts(int32(id))
			}
			perDoc = map[int32][]cand{}
			for d, cs := range ix.ranked(p, int32(id), ix.tune.threshold, true, ix.tune.claimShared) {
				if len(cs) > 0 {
					perDoc[int32(d)] = cs
				}
			}
		}
		for d, cs := range perDoc {
			if d == ix.sents[id].doc || len(cs) == 0 || cs[0].score < ix.tune.threshold {
				continue
			}
			if _, read := set.pos(cs[0].id, d); read {
				best.cands = append(best.cands, docCand{d, cs[0]})
			}
		}
		best.at = append(best.at, int32(len(best.cands)))
	})
	return best
}

// discoverWords bounds the words claim discovery's analyzer remembers:
// past it, the next sentence starts with a new one (a word's analysis
// does not depend on what the analyzer met before). On two 8 MiB
// sentences the analyzer of the 12,000 windows discovery reads learnt
// 32,565 words and held 3.4 MB to the end; bounded, it is started anew
// 14 times and holds about a quarter of that, and analysing the windows
// took as long within this machine's noise (0.6-1.3 s either way) for
// 10% more garbage (179 MB rather than 163).
const discoverWords = 8192

// bestOf is each sentence's best match in each other source, in a flat
// table rather than a map a sentence (12,000 empty maps held 0.4 MB):
// those of the sentence at position a of the discovery set are
// cands[at[a]:at[a+1]], in no order of source.
type bestOf struct {
	at    []int32
	cands []docCand
}

// docCand is a sentence's best match in source doc.
type docCand struct {
	doc int32
	cand
}

// of is the best matches of the sentence at position a.
func (b bestOf) of(a int32) []docCand { return b.cands[b.at[a]:b.at[a+1]] }

// in is the best match in source doc of the sentence at position a, if
// it has one.
func (b bestOf) in(a, doc int32) (cand, bool) {
	for _, c := range b.of(a) {
		if c.doc == doc {
			return c.cand, true
		}
	}
	return cand{}, false
}

// rarePairs is the state of a discovery over a large corpus: the query's
// term weights by term id (a dense array, so scoring a candidate's
// forward index is a lookup per term) and the candidates seen.
type rarePairs struct {
	ix     *Index
	set    discoverSet
	rareDF int
	qw     []float64
	seen   []bool
	cands  []int32
	rare   []int32 // the query's rare terms, rarest first
}

func (ix *Index) newRarePairs(set discoverSet) *rarePairs {
	return &rarePairs{ix: ix, set: set, rareDF: max(minRareDF, min(maxRareDF, len(ix.sents)/rareShare)), qw: make([]float64, len(ix.postings)), seen: make([]bool, len(ix.sents))}
}

// gather finds the candidates that share a rare term with the query,
// and says whether there are any.
func (r *rarePairs) gather(p prepared, origin int32) bool {
	ix := r.ix
	r.cands = r.cands[:0]
	if p.max == 0 {
		return false
	}
	r.rare = r.rare[:0]
	for _, tid := range p.tids {
		if ix.word[tid] && len(ix.postings[tid]) <= r.rareDF {
			r.rare = append(r.rare, tid)
		}
	}
	slices.SortFunc(r.rare, func(a, b int32) int { return len(ix.postings[a]) - len(ix.postings[b]) })
	for _, tid := range r.rare {
		if len(r.cands) >= maxCands {
			break
		}
		for _, po := range ix.postings[tid] {
			c := po.sent
			d := ix.sents[c].doc
			if _, read := r.set.pos(c, d); read && !r.seen[c] && d != ix.sents[origin].doc {
				r.seen[c] = true
				r.cands = append(r.cands, c)
			}
		}
	}
	return len(r.cands) > 0
}

// ranked is Index.ranked (best only, floor at the silence threshold)
// for the candidates gathered.
func (r *rarePairs) ranked(p prepared, origin int32) map[int32][]cand {
	ix := r.ix
	for i, tid := range p.tids {
		r.qw[tid] = p.weights[i]
	}
	bonusCap := ix.bonusCap(p)
	least := (ix.tune.threshold - bonusCap) * p.max
	perDoc := map[int32][]cand{}
	for _, c := range r.cands {
		r.seen[c] = false
		var s float64
		hits := 0
		d := ix.sents[c].doc
		at, _ := r.set.pos(c, d)
		for _, t := range ix.forwardOf(at) {
			w := r.qw[t.sent]
			if w == 0 {
				continue
			}
			s += w * ix.saturate(float64(t.tf), c)
			if ix.informative[t.sent] {
				hits++
			}
		}
		if s < least || (hits < ix.tune.claimShared && !agrees(s, p)) {
			continue
		}
		perDoc[d] = insertTop(perDoc[d], cand{c, s / p.max}, rerankDepth)
	}
	for _, tid := range p.tids {
		r.qw[tid] = 0
	}
	for d, cs := range perDoc {
		perDoc[d] = ix.withBonus(p, cs, bonusCap, true)
	}
	return perDoc
}
