package compare

import (
	"slices"
	"sort"
	"strings"
)

// claimThreshold is the least alignment score for two sentences of
// different sources to be put in one claim; it sits above the silence
// threshold because a claim asserts agreement, not just relevance.
const claimThreshold = 0.3

// maxPerSource caps how many sentences of one source a discovered claim
// holds, so chains of loosely similar sentences do not merge into one
// sprawling topic.
const maxPerSource = 2

type edge struct {
	a, b  int32
	score float64
}

// Claims lists the claims of the corpus: curated ones first (unless
// EngineOnly), then discovered ones, most widely covered first. The
// result is computed once and shared; callers must not modify it.
func (ix *Index) Claims() []Claim {
	ix.claimsOnce.Do(func() {
		for _, c := range ix.curated {
			ix.claims = append(ix.claims, ix.curatedClaimView(c))
		}
		ix.claims = append(ix.claims, ix.discover()...)
	})
	return ix.claims
}

// discover clusters sentences across sources. Each sentence is compared
// with every other source; pairs that are each other's best match in
// their source (mutual best) and score above claimThreshold are linked,
// strongest first, into clusters holding at most maxPerSource sentences
// of a source. A cluster spanning two or more sources is a claim.
func (ix *Index) discover() []Claim {
	best := make([]map[int32]cand, len(ix.sents)) // sentence -> doc -> best match there
	for id := range ix.sents {
		p := ix.prepareTerms(ix.text(int32(id)))
		p.facts = ix.factsOf(int32(id))
		best[id] = map[int32]cand{}
		// Clustering asks for mutual best matches itself, so the
		// per-match mutual test of Compare is not needed here.
		for d, cs := range ix.candidates(p, int32(id), false) {
			if int32(d) == ix.sents[id].doc || len(cs) == 0 {
				continue
			}
			best[id][int32(d)] = cs[0]
		}
	}
	var edges []edge
	for a := range ix.sents {
		for _, c := range best[a] {
			b := c.id
			if int32(a) > b {
				continue
			}
			back, ok := best[b][ix.sents[a].doc]
			if !ok || back.id != int32(a) {
				continue
			}
			s := (c.score + back.score) / 2
			if s >= claimThreshold {
				edges = append(edges, edge{int32(a), b, s})
			}
		}
	}
	sort.SliceStable(edges, func(i, j int) bool {
		if edges[i].score != edges[j].score {
			return edges[i].score > edges[j].score
		}
		if edges[i].a != edges[j].a {
			return edges[i].a < edges[j].a
		}
		return edges[i].b < edges[j].b
	})
	cluster := map[int32][]int32{} // root -> members
	root := map[int32]int32{}
	find := func(x int32) int32 {
		if r, ok := root[x]; ok {
			return r
		}
		root[x] = x
		cluster[x] = []int32{x}
		return x
	}
	strength := map[int32]float64{}
	for _, e := range edges {
		ra, rb := find(e.a), find(e.b)
		if ra == rb {
			strength[ra] += e.score
			continue
		}
		merged := append(slices.Clone(cluster[ra]), cluster[rb]...)
		if !ix.withinCap(merged) {
			continue
		}
		if rb < ra {
			ra, rb = rb, ra
		}
		cluster[ra] = merged
		strength[ra] += strength[rb] + e.score
		for _, m := range cluster[rb] {
			root[m] = ra
		}
		delete(cluster, rb)
		delete(strength, rb)
	}
	var out []Claim
	var weights []float64
	for r, members := range cluster {
		cl := ix.claimOf(members)
		if cl.Covered() < 2 {
			continue
		}
		out = append(out, cl)
		weights = append(weights, strength[r])
	}
	order := make([]int, len(out))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(i, j int) bool {
		a, b := out[order[i]], out[order[j]]
		if a.Covered() != b.Covered() {
			return a.Covered() > b.Covered()
		}
		if weights[order[i]] != weights[order[j]] {
			return weights[order[i]] > weights[order[j]]
		}
		return firstLoc(a) < firstLoc(b)
	})
	sorted := make([]Claim, len(out))
	for i, o := range order {
		sorted[i] = out[o]
	}
	return sorted
}

func (ix *Index) withinCap(members []int32) bool {
	per := map[int32]int{}
	for _, m := range members {
		per[ix.sents[m].doc]++
		if per[ix.sents[m].doc] > maxPerSource {
			return false
		}
	}
	return true
}

// firstLoc orders claims by where their first statement appears.
func firstLoc(c Claim) int {
	for _, s := range c.Sources {
		if len(s.Statements) > 0 {
			l := s.Statements[0].Loc
			return l.Doc<<40 | l.Block<<16 | l.Sentence
		}
	}
	return 0
}

func (ix *Index) claimOf(members []int32) Claim {
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
	cl.Terms = ix.keyTerms(members, 4)
	cl.Label = strings.Join(cl.Terms, " · ")
	return cl
}

// keyTerms names what a group of sentences has in common: the words (as
// written) whose terms occur in the most of its sources, rarer first.
func (ix *Index) keyTerms(ids []int32, n int) []string {
	type info struct {
		docs    map[int32]bool
		surface map[string]int
		first   int32
	}
	terms := map[string]*info{}
	for _, id := range ids {
		for _, t := range analyze(ix.text(id), ix.feat) {
			if !isWord(t.Key) {
				continue
			}
			in, ok := terms[t.Key]
			if !ok {
				in = &info{docs: map[int32]bool{}, surface: map[string]int{}, first: id}
				terms[t.Key] = in
			}
			in.docs[ix.sents[id].doc] = true
			in.surface[strings.ToLower(t.Surface)]++
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
