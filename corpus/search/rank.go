package search

import (
	"container/heap"
	"sort"
)

// scored is a matching target and its score.
type scored struct {
	id    int32
	score int
}

// better is the ranking order: higher score; at equal score titles, then
// headings, then sentences; then the shorter text; then the earlier one.
func (ix *Index) better(a, b scored) bool {
	if a.score != b.score {
		return a.score > b.score
	}
	ka, ra := ix.kindRunes(a.id)
	kb, rb := ix.kindRunes(b.id)
	if ka != kb {
		return ka < kb
	}
	if ra != rb {
		return ra < rb
	}
	return a.id < b.id
}

// topK keeps the k best of what is offered (all of them when k <= 0). It
// is a heap with the worst kept item on top, so most offers cost one
// comparison.
type topK struct {
	ix    *Index
	k     int
	items []scored
}

func (t *topK) Len() int           { return len(t.items) }
func (t *topK) Less(i, j int) bool { return t.ix.better(t.items[j], t.items[i]) }
func (t *topK) Swap(i, j int)      { t.items[i], t.items[j] = t.items[j], t.items[i] }
func (t *topK) Push(x any)         { t.items = append(t.items, x.(scored)) }
func (t *topK) Pop() any {
	x := t.items[len(t.items)-1]
	t.items = t.items[:len(t.items)-1]
	return x
}

func (t *topK) offer(s scored) {
	switch {
	case t.k <= 0:
		t.items = append(t.items, s)
	case len(t.items) < t.k:
		heap.Push(t, s)
	case t.ix.better(s, t.items[0]):
		t.items[0] = s
		heap.Fix(t, 0)
	}
}

// sorted returns the kept items, best first.
func (t *topK) sorted() []scored {
	sort.Slice(t.items, func(i, j int) bool { return t.ix.better(t.items[i], t.items[j]) })
	return t.items
}
