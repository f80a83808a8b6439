package search

import "context"

// More returns res with its best limit hits: the next pages of an answer
// the user scrolls through, ranked again from the matches res kept (no
// screening). The ranking order is total, so the hits res already had
// come first, in the same order. res must come from ix; it is not changed.
func (ix *Index) More(ctx context.Context, res *Result, limit int) (*Result, error) {
	out := *res
	if limit <= len(res.Hits) || res.Total <= len(res.Hits) {
		return &out, nil
	}
	if len(res.self.q.terms) == 0 {
		out.Hits = ix.titles(res.self.scope, limit)
		return &out, nil
	}
	top, err := ix.rank(ctx, res.self.q.terms, res.self.cands, limit)
	if err != nil {
		return nil, err
	}
	out.Hits = make([]Hit, 0, len(top))
	for _, s := range top {
		out.Hits = append(out.Hits, ix.hit(s, res.self.q.terms))
	}
	return &out, nil
}
