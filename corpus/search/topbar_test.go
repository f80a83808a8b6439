package search

import (
	"context"
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"parley/corpus"
	"parley/corpus/testcorpus"
)

// TestTopOnlySameHits: a search wanting only its best hits, which passes
// over targets that cannot rank among them, finds the same hits, in the
// same order with the same scores and positions, as the search that
// screens every target, over a stored index of two folders: the seeds,
// and BBC files with copies (whose best hits recur, so the bar rises
// early). The queries hold every kind of term the bar bounds (fuzzy and
// exact, case-sensitive or not, accented or not) beside those it does
// not.
func TestTopOnlySameHits(t *testing.T) {
	dir := copySeeds(t)
	if bbc := testcorpus.BBC(); bbc != "" {
		dir = t.TempDir()
		part := copyTree(t, filepath.Join(bbc, "politics"), 120)
		for _, c := range []string{"a", "b", "c"} {
			copyInto(t, part, filepath.Join(dir, c))
		}
	}
	// Two folders: an index over two stored files.
	paths := []string{dir, copySeeds(t)}
	cache := &corpus.Cache{Dir: t.TempDir(), Version: "v1"}
	LoadStored(cache, paths)
	_, ix, ok := LoadStored(cache, paths)
	if !ok || ix.stored == nil {
		t.Fatal("the stored index did not serve")
	}
	queries := append([]string{"prime minister", "government", "oil prices", "'minister", "blair brown",
		"economic growth", "e", "said", "Tony", "naïve", "pm", "'Blair", "Labour 'Brown", "cafe minister", "MinisTer"}, storedQueries...)
	before := passedOver.Load()
	for _, q := range queries {
		for _, limit := range []int{1, 3, 10, 50} {
			all, err := ix.Search(context.Background(), q, Options{Limit: limit, Doc: -1})
			if err != nil {
				t.Fatal(err)
			}
			top, err := ix.Search(context.Background(), q, Options{Limit: limit, Doc: -1, TopOnly: true})
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(top.Hits, all.Hits) || top.Query != all.Query || top.Cut != all.Cut {
				t.Fatalf("%q, limit %d: hits differ:\n got %v\nwant %v", q, limit, top.Hits, all.Hits)
			}
			if top.Total != all.Total && top.Total != -1 {
				t.Errorf("%q, limit %d: total %d, want %d or -1", q, limit, top.Total, all.Total)
			}
		}
	}
	if passedOver.Load() == before {
		t.Error("no target was passed over")
	}
}

// copyInto copies the files under src into dst.
func copyInto(t *testing.T, src, dst string) {
	t.Helper()
	if err := os.CopyFS(dst, os.DirFS(src)); err != nil {
		t.Fatal(err)
	}
}
