package search

import (
	"context"
	"slices"
	"testing"
)

// More extends an answer past its limit: the first hits are the ones the
// limited search gave, in the same order, and the whole equals a search
// with the larger limit.
func TestMoreExtendsTheSameRanking(t *testing.T) {
	ix, _ := seedIndex(t)
	ctx := context.Background()
	for _, q := range []string{"pakistan", "a", "iran | talks", "'the !war"} {
		small, err := ix.Search(ctx, q, Options{Limit: 20, Doc: -1})
		if err != nil {
			t.Fatal(err)
		}
		if small.Total <= 20 {
			t.Fatalf("%q: only %d hits; the test needs more than 20", q, small.Total)
		}
		more, err := ix.More(ctx, small, 60)
		if err != nil {
			t.Fatal(err)
		}
		big, err := ix.Search(ctx, q, Options{Limit: 60, Doc: -1})
		if err != nil {
			t.Fatal(err)
		}
		if len(more.Hits) != min(60, small.Total) || more.Total != small.Total || len(small.Hits) != 20 {
			t.Fatalf("%q: more has %d hits of %d (small kept %d)", q, len(more.Hits), more.Total, len(small.Hits))
		}
		same := func(a, b Hit) bool {
			return a.Loc == b.Loc && a.Score == b.Score && a.Text == b.Text && slices.Equal(a.Positions, b.Positions)
		}
		for i := range more.Hits {
			if !same(more.Hits[i], big.Hits[i]) || i < 20 && !same(more.Hits[i], small.Hits[i]) {
				t.Fatalf("%q: hit %d differs: %+v / %+v", q, i, more.Hits[i], big.Hits[i])
			}
		}
	}
}
