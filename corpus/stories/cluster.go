package stories

import (
	"slices"
	"time"

	"parley/corpus"
)

// Grouping thresholds (see the package comment), chosen on the labelled
// BBC set (testdata/bbc_stories.json; TestBBCStoriesQuality reports the
// figures). They are variables only so that TestTuningSweep can vary
// them; nothing changes them at run time.
var (
	linkSim = 0.40
	meanSim = 0.30
	// untitledSim: a pair whose titles share no word (stop words aside)
	// starts a merge only from this similarity. One person's or one
	// product's different affairs share their heaviest names ("Kilroy-
	// Silk", "Sony"); a headline names the affair itself ("slurry",
	// "Veritas"), and two reports of one affair mostly share a headline
	// word.
	untitledSim = 0.55
)

const (
	// dateGap: documents dated further apart than this (in days) are
	// unlikely to report one affair; their similarity counts half. It is
	// long, as commentary follows an affair by months.
	dateGap     = 180
	datePenalty = 0.5
)

// datesOf gives each kept document's publication day (days since 1970),
// or -1 when it is not dated.
func datesOf(docs []*corpus.Document, kept []int) []int {
	out := make([]int, len(kept))
	for i, d := range kept {
		out[i] = -1
		if t, err := time.Parse("2006-01-02", docs[d].Published); err == nil {
			out[i] = int(t.Unix() / 86400)
		}
	}
	return out
}

// cluster groups the kept documents (positions 0..n-1) by average link
// and returns each position's group, as the position of the group's
// first member. Duplicates (dup) take no part.
func cluster(edges []edge, n int, dup []bool, days []int, titles [][]uint64, plain []plainWords) []int {
	adj := make([][]edge, n)
	var strong []edge
	for _, e := range edges {
		if dup[e.a] || dup[e.b] {
			continue
		}
		if days[e.a] >= 0 && days[e.b] >= 0 && abs(days[e.a]-days[e.b]) > dateGap {
			e.sim *= datePenalty
		}
		adj[e.a] = append(adj[e.a], e)
		adj[e.b] = append(adj[e.b], e)
		if startsMerge(e, titles, plain) {
			strong = append(strong, e)
		}
	}
	sortEdges(strong)
	group := make([]int, n)
	members := make([][]int, n)
	for i := range group {
		group[i] = i
		members[i] = []int{i}
	}
	for _, e := range strong {
		ga, gb := group[e.a], group[e.b]
		if ga == gb {
			continue
		}
		if meanAcross(members[ga], members[gb], group, gb, adj) < meanSim {
			continue
		}
		keep, gone := min(ga, gb), max(ga, gb)
		for _, m := range members[gone] {
			group[m] = keep
		}
		members[keep] = append(members[keep], members[gone]...)
		members[gone] = nil
	}
	return group
}

// startsMerge says whether a pair is close enough to start a merge: by
// its cosine, by its titles (untitledSim) and by its plain words
// (minPlainSim), the last checked only when the others pass. A document
// with no plain word at all (names only) cannot be checked by them.
func startsMerge(e edge, titles [][]uint64, plain []plainWords) bool {
	if e.sim < linkSim || e.sim < untitledSim && !shareKey(titles[e.a], titles[e.b]) {
		return false
	}
	pa, pb := plain[e.a], plain[e.b]
	return len(pa) == 0 || len(pb) == 0 || pa.cosine(pb) >= minPlainSim
}

// meanAcross is the mean similarity of every pair with one document in
// a and one in b (whose group is gb); pairs below minEdge count zero.
func meanAcross(a, b []int, group []int, gb int, adj [][]edge) float64 {
	var sum float64
	for _, x := range a {
		for _, e := range adj[x] {
			y := int(e.a)
			if y == x {
				y = int(e.b)
			}
			if group[y] == gb {
				sum += e.sim
			}
		}
	}
	return sum / float64(len(a)*len(b))
}

// titleKeys gives each kept document's title words (stop words and
// numbers aside), as sorted keys.
func titleKeys(docs []*corpus.Document, kept []int) [][]uint64 {
	out := make([][]uint64, len(kept))
	var ws []word
	for i, d := range kept {
		ws = splitWords(docs[d].Title, ws[:0])
		for _, w := range ws {
			if !w.stop && !w.number {
				out[i] = append(out[i], w.key)
			}
		}
		slices.Sort(out[i])
	}
	return out
}

// shareKey says whether two sorted key lists have a key in common.
func shareKey(a, b []uint64) bool {
	for i, j := 0, 0; i < len(a) && j < len(b); {
		switch {
		case a[i] == b[j]:
			return true
		case a[i] < b[j]:
			i++
		default:
			j++
		}
	}
	return false
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}
