package search

import (
	"context"
	"sync"
	"testing"
	"unicode/utf8"

	"parley/corpus"
)

var (
	fuzzOnce sync.Once
	fuzzIx   *Index
)

// FuzzSearch: any query, typed one byte at a time, never panics; its hits
// mark characters inside their text; and every narrowed search equals a
// fresh one.
func FuzzSearch(f *testing.F) {
	for _, q := range []string{"hormuz", "909 !km", "'border ^Pak", "talks$", "中国传媒", "Tür\x00k", "\xff'", `a\ b`, "!'", "^$", "$", `\`, `oil \`, `\$5`, "hormuz | !km", "a | b c | ^d", `x \| y`} {
		f.Add(q)
	}
	f.Fuzz(func(t *testing.T, q string) {
		fuzzOnce.Do(func() {
			c, err := corpus.LoadSeeds()
			if err == nil {
				fuzzIx = New(c.Docs)
			}
		})
		if fuzzIx == nil {
			t.Fatal("seeds did not load")
		}
		ctx := context.Background()
		var prev *Result
		for i := 1; i <= len(q) && i <= 24; i++ {
			got, err := fuzzIx.Search(ctx, q[:i], Options{Limit: 5, Doc: -1, Prev: prev})
			if err != nil {
				t.Fatal(err)
			}
			want, _ := fuzzIx.Search(ctx, q[:i], Options{Limit: 5, Doc: -1})
			if got.Total != want.Total || !sameHits(got.Hits, want.Hits) {
				t.Fatalf("%q: narrowed %d hits, fresh %d", q[:i], got.Total, want.Total)
			}
			for _, h := range got.Hits {
				n := utf8.RuneCountInString(h.Text)
				for _, p := range h.Positions {
					if p < 0 || p >= n {
						t.Fatalf("%q: position %d outside %q", q[:i], p, h.Text)
					}
				}
			}
			prev = got
		}
	})
}
