package search

// Bounds on sahilm/fuzzy's score, so that only targets that could rank
// among the hits asked for are scored. sahilm/fuzzy scores a match of m
// pattern characters in a text of n bytes as
//
//	sum of per-character bonuses: 10 for the text's first character, 20
//	    after a separator or on a camel hump (never both), each >= 0
//	+ adjacency: the k-th character matched right after the previous
//	    match adds 2*acc+5 where acc sums the earlier adjacency bonuses
//	    (never reset), so a pairs add chain(a) = 5*(3^a-1)/2
//	+ max(-5*offset of the first match, -15)
//	+ m - n
//
// The first character adds at most 15 (10 at offset 0 with no penalty, or
// 20 with a penalty of at least 5); the others at most 20 each. All m-1
// pairs are adjacent only when the term occurs contiguously, so the
// contiguous check (strings.Index, vectorised) tightens the bound a lot:
// adjacency grows by a factor of three per character.

// chain returns the adjacency bonus of a adjacent pairs, capped where
// spanScore caps it.
func chain(a int) int {
	acc := 0
	for range a {
		acc = min(acc+acc*2+5, 1<<40)
	}
	return acc
}

// fuzzyBounds returns a lower and an upper bound on the score of a fuzzy
// term that matches t, given whether it occurs contiguously in t's folded
// text (contig) and in the text it is matched against (exact: case
// included when the term is case-sensitive). The final score is
// max(sahilm/fuzzy's score, spanScore of the best contiguous occurrence).
func (tm *term) fuzzyBounds(t *target, contig, exact bool) (lo, hi int) {
	m, n := tm.runes, len(t.text)
	adj := tm.adjGap
	if contig {
		adj = tm.adjAll
	}
	hi = 15 + 20*(m-1) + adj + m - n
	lo = -15 + m - n // no bonus, the largest leading penalty
	if exact {
		lo += tm.adjAll
	}
	return lo, hi
}
