package compare

import (
	"slices"
	"sort"
	"strings"

	"parley/corpus"
)

// claimThreshold is the least alignment score (the mean of the two
// directions) for two sentences of different sources to be put in one
// claim, and claimShared how many distinct informative words they share
// at least: more than a match needs, since a claim says two sources make
// one point. Measured against the labelled set (TestClaimsQuality), the
// share of right pairs barely moves with the threshold while lower ones
// find more labelled claims; three shared words instead of two drop
// claims such as "extends · beyond" and "next · phase". At 0.2 and
// three words, precision is the best of the settings that find more
// than a handful, and more than a third of the labelled claims are
// found (the former 0.3 and two words found a quarter).
const claimThreshold = 0.2

// maxDiscover bounds how many sentences take part in claim discovery,
// spread over the documents (claim_sample.go), so that a very large
// story costs a bounded time (see claim_candidates.go). Compare itself
// has no such bound.
const maxDiscover = 12000

// claimShared: see claimThreshold.
const claimShared = 3

type edge struct {
	a, b  int32
	score float64
}

// Claims lists the claims of the corpus: curated ones first (unless
// EngineOnly), then discovered ones, most widely covered first. The
// result is computed once and shared; callers must not modify it.
func (ix *Index) Claims() []Claim {
	ix.discoverOnce.Do(func() { ix.discovered = ix.discover() })
	ix.claimsOnce.Do(func() {
		if len(ix.curated) == 0 {
			ix.claims = ix.discovered // not a copy of them all
			return
		}
		for _, c := range ix.curated {
			ix.claims = append(ix.claims, ix.curatedClaimView(c))
		}
		ix.claims = append(ix.claims, ix.discovered...)
	})
	return ix.claims
}

// WithCurated returns an index with the curated layer cc over the same
// sentences and discovered claims as ix, which it leaves as it is: a
// change to the user's claims costs resolving their quotes, not indexing
// or discovering again. An engine-only index stays engine-only.
func (ix *Index) WithCurated(cc []CuratedClaim) *Index {
	out := &Index{core: ix.core}
	if !ix.opts.EngineOnly {
		out.curated = resolveCurated(ix.docs, cc, out)
	}
	return out
}

// discover clusters sentences across sources. Each sentence is compared
// with every other source; pairs that are each other's best match in
// their source (mutual best) and score above claimThreshold are linked.
// Clusters are stars, built from the strongest link down: a sentence
// joins a claim only when it is linked to the claim's centre (its first
// sentence) and the claim has nothing yet from its source. Every
// statement of a claim thus matches the centre directly, which keeps
// chains of loosely similar sentences from merging into one topic.
func (ix *Index) discover() []Claim {
	edges, linked := ix.mutualEdges(ix.discoverSet())
	cluster, strength := ix.starClusters(edges, linked)
	return ix.rankClusters(cluster, strength)
}

// mutualEdges links each sentence of set with the sentences of set
// that are its best match in their source while it is theirs in its
// own, scoring claimThreshold or more: strongest first (ties by
// position), and as a set of pairs (lower id first).
func (ix *Index) mutualEdges(set discoverSet) ([]edge, map[[2]int32]bool) {
	best := ix.bestMatches(set)
	var edges []edge
	linked := map[[2]int32]bool{}
	set.each(func(a, at int32) {
		for _, c := range best.of(at) {
			b := c.id
			if a > b {
				continue
			}
			bAt, _ := set.pos(b, c.doc)
			back, ok := best.in(bAt, ix.sents[a].doc)
			if !ok || back.id != a {
				continue
			}
			s := (c.score + back.score) / 2
			if s >= ix.tune.claimThreshold {
				edges = append(edges, edge{a, b, s})
				linked[[2]int32{a, b}] = true
			}
		}
	})
	sort.SliceStable(edges, func(i, j int) bool {
		if edges[i].score != edges[j].score {
			return edges[i].score > edges[j].score
		}
		if edges[i].a != edges[j].a {
			return edges[i].a < edges[j].a
		}
		return edges[i].b < edges[j].b
	})
	return edges, linked
}

// starClusters builds the stars from the edges, strongest first: an edge
// of two free sentences starts a claim centred on the first; a free
// sentence linked to a claimed one joins that one's claim when it is
// linked to the centre too and the claim has nothing yet from its
// source. It returns each claim's members by centre, and its strength
// (the sum of the scores that built it).
func (ix *Index) starClusters(edges []edge, linked map[[2]int32]bool) (map[int32][]int32, map[int32]float64) {
	isLinked := func(x, y int32) bool {
		if x > y {
			x, y = y, x
		}
		return linked[[2]int32{x, y}]
	}
	centre := map[int32]int32{}
	cluster := map[int32][]int32{} // centre -> members
	strength := map[int32]float64{}
	join := func(c, x int32, score float64) {
		for _, m := range cluster[c] {
			if ix.sents[m].doc == ix.sents[x].doc {
				return
			}
		}
		if !isLinked(c, x) {
			return
		}
		centre[x] = c
		cluster[c] = append(cluster[c], x)
		strength[c] += score
	}
	for _, e := range edges {
		ca, aIn := centre[e.a]
		cb, bIn := centre[e.b]
		switch {
		case !aIn && !bIn:
			centre[e.a], centre[e.b] = e.a, e.a
			cluster[e.a] = []int32{e.a, e.b}
			strength[e.a] = e.score
		case aIn && !bIn:
			join(ca, e.b, e.score)
		case bIn && !aIn:
			join(cb, e.a, e.score)
		}
	}
	return cluster, strength
}

// rankClusters turns the clusters covering two sources or more into
// claims: the most sources first, then the strongest, then by where
// their first statement appears, then by their first sentence. The
// windows of one over-long sentence share its location, so claims
// among them were tied on all but the last, and came in the order of a
// map's iteration. The clusters are ranked before their claims are
// made, so each claim is made once, in its place: ranked as claims,
// and then copied in order, 5,223 claims of two 8 MiB sentences were
// three copies at the end of discovery, where the process peaked.
func (ix *Index) rankClusters(cluster map[int32][]int32, strength map[int32]float64) []Claim {
	type ranked struct {
		members []int32
		covered int
		weight  float64
		loc     int   // where its first statement appears (locKey)
		first   int32 // the lowest sentence id among its members
	}
	out := make([]ranked, 0, len(cluster))
	for r, members := range cluster {
		covered := ix.sourcesOf(members)
		if covered < 2 {
			continue
		}
		first := slices.Min(members)
		out = append(out, ranked{members, covered, strength[r], locKey(ix.loc(first)), first})
	}
	sort.Slice(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if a.covered != b.covered {
			return a.covered > b.covered
		}
		if a.weight != b.weight {
			return a.weight > b.weight
		}
		if a.loc != b.loc {
			return a.loc < b.loc
		}
		return a.first < b.first
	})
	claims := make([]Claim, len(out))
	an := newAnalyzer()
	for i, o := range out {
		if len(an.words) > discoverWords {
			an = newAnalyzer()
		}
		claims[i] = ix.claimOf(slices.Clone(o.members), an)
	}
	return claims
}

// sourcesOf counts the documents of a claim's sentences (Claim.Covered).
func (ix *Index) sourcesOf(members []int32) int {
	var docs []int32
	for _, m := range members {
		if d := ix.sents[m].doc; !slices.Contains(docs, d) {
			docs = append(docs, d)
		}
	}
	return len(docs)
}

// locKey orders locations: by document, block, then sentence. The
// first statement of a claim (its first source's first) is that of its
// lowest sentence id, as a document's sentences follow the previous
// document's.
func locKey(l corpus.Loc) int { return l.Doc<<40 | l.Block<<16 | l.Sentence }

// claimOf is the claim of members; an analyses their words for its
// label (one analyzer for every claim of a discovery: a new one a
// member was 578 MB of the 1.19 GB discovery allocated on two 8 MiB
// sentences, most of it garbage the collector had to keep up with).
func (ix *Index) claimOf(members []int32, an *analyzer) Claim {
	sortIDs(members)
	cl := Claim{Coverage: make([]bool, len(ix.docs)), Sources: make([]ClaimSource, len(ix.docs))}
	for d := range ix.docs {
		cl.Sources[d].Doc = d
	}
	for _, id := range members {
		d := ix.sents[id].doc
		cl.Sources[d].Statements = append(cl.Sources[d].Statements, Statement{Loc: ix.loc(id), Text: ix.text(id), Context: ix.context(id)})
		cl.Coverage[d] = true
	}
	cl.Terms = ix.keyTerms(members, 4, an)
	cl.Label = strings.Join(cl.Terms, " · ")
	cl.Differs = ix.differs(members)
	return cl
}

// keyTerms names what a group of sentences has in common: the words (as
// written) whose terms occur in the most of its sources, rarer first.
// an analyses them, as analyze would.
func (ix *Index) keyTerms(ids []int32, n int, an *analyzer) []string {
	type info struct {
		docs    []int32 // the sources that have it
		surface map[string]int
		first   int32
	}
	terms := map[string]*info{}
	var words, compounds []term
	for _, id := range ids {
		// Words and compounds only: the phrases analyze adds are no word.
		words, compounds = an.split(ix.text(id), words[:0], compounds[:0])
		for _, ts := range [2][]term{words, compounds} {
			for _, t := range ts {
				if !isWord(t.Key) {
					continue
				}
				in, ok := terms[t.Key]
				if !ok {
					in = &info{surface: map[string]int{}, first: id}
					terms[t.Key] = in
				}
				if d := ix.sents[id].doc; !slices.Contains(in.docs, d) {
					in.docs = append(in.docs, d)
				}
				in.surface[strings.ToLower(t.Surface)]++
			}
		}
	}
	type scoredTerm struct {
		key   string
		score float64
		first int32
	}
	var st []scoredTerm
	for k, in := range terms {
		idf := ix.idfOf(0)
		if tid, ok := ix.terms[k]; ok {
			idf = ix.idf[tid]
		}
		st = append(st, scoredTerm{k, float64(len(in.docs)) * idf, in.first})
	}
	sort.Slice(st, func(i, j int) bool {
		if st[i].score != st[j].score {
			return st[i].score > st[j].score
		}
		return st[i].key < st[j].key
	})
	var out []string
	for _, s := range st {
		if len(out) == n {
			break
		}
		if len(ids) > 1 && len(terms[s.key].docs) < 2 && len(out) > 0 {
			continue
		}
		surface := commonSurface(terms[s.key].surface)
		if overlapsHyphenated(out, surface) {
			continue
		}
		out = append(out, surface)
	}
	return out
}

// overlapsHyphenated says whether surface and a chosen term are the same
// hyphen compound seen whole and in parts ("de-escalation", "escalation").
func overlapsHyphenated(chosen []string, surface string) bool {
	for _, c := range chosen {
		if slices.Contains(strings.Split(c, "-"), surface) || slices.Contains(strings.Split(surface, "-"), c) {
			return true
		}
	}
	return false
}

// commonSurface picks the spelling used most, ties to the shortest, then
// alphabetically, so labels are stable.
func commonSurface(m map[string]int) string {
	best, bc := "", -1
	for s, c := range m {
		if c > bc || (c == bc && (len(s) < len(best) || (len(s) == len(best) && s < best))) {
			best, bc = s, c
		}
	}
	return best
}
