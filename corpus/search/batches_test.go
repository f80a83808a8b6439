package search

import (
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"parley/corpus"
	"parley/corpus/testcorpus"
)

// A search run a few files at a time (Batches over
// corpus.LoadPathsInBatches) gives Run's result over the whole corpus:
// the same hits, in the same order, at the same documents, and the same
// total, with the same files turned away by the filter; with a limit, with
// none, for an empty query (the documents in order) and for one with no
// hit. Small batches make many of them, so hits tie across batches. A
// folder's catalog retitles its documents in whichever batch they are,
// and one that cannot be read is reported once.
func TestBatchesSameAsRun(t *testing.T) {
	type folder struct {
		dir     string
		batch   int
		queries []string
	}
	all := []string{"prime minister", "oil", "", "hormuz | talks", "'the !said", "zzqqxx"}
	// The seeds with a catalog retitling two of them, one in each batch
	// of two: applied in every batch, read once.
	cataloged := seedsFolder(t)
	catalog := `{"documents": [{"id": "000_ebe08a8e75726387", "title": "Talks retitled", "author": "Ann Lee"},
		{"id": "003_410bcc352dbf4a3f", "title": "Hormuz retitled"}]}`
	if err := os.WriteFile(filepath.Join(cataloged, corpus.CatalogFile), []byte(catalog), 0o644); err != nil {
		t.Fatal(err)
	}
	broken := seedsFolder(t) // a catalog that cannot be read: reported once, not once a batch
	if err := os.WriteFile(filepath.Join(broken, corpus.CatalogFile), []byte("{not json"), 0o644); err != nil {
		t.Fatal(err)
	}
	folders := []folder{{guardFolder(t), 2, all}, {seedsFolder(t), 2, all}, {cataloged, 2, append(all, "'retitled", "'ann")}, {broken, 2, all[:1]}}
	if bbc := testcorpus.BBC(); bbc != "" {
		folders = append(folders, folder{filepath.Join(bbc, "politics"), 50, []string{"prime minister", ""}})
	} else {
		t.Log("../shared/corpora/bbc not found beside the repository; the small folders only")
	}
	for _, f := range folders {
		dir := f.dir
		for _, q := range f.queries {
			for _, limit := range []int{0, 7} {
				opts := corpus.LoadOptions{Keep: DocumentFilter(q)}
				whole, err := corpus.LoadPaths([]string{dir}, opts)
				if err != nil {
					t.Fatal(err)
				}
				want, err := Run(whole, q, limit)
				if err != nil {
					t.Fatal(err)
				}
				b := NewBatches(q, limit)
				c := corpus.LoadPathsInBatches([]string{dir}, opts, f.batch, b.Add)
				got := b.Result()
				if q == "'retitled" && want.Total != 2 {
					t.Fatalf("%q: %d hits, want the 2 titles the catalog set", q, want.Total)
				}
				if len(c.Problems) != len(whole.Problems) {
					t.Fatalf("%s: problems %v, want %v", dir, c.Problems, whole.Problems)
				}
				if c.Filtered != whole.Filtered || len(b.Docs()) != len(whole.Docs) {
					t.Fatalf("%s %q: %d documents, %d turned away; want %d and %d", dir, q, len(b.Docs()), c.Filtered, len(whole.Docs), whole.Filtered)
				}
				if got.Total != want.Total || got.Query != want.Query || len(got.Hits) != len(want.Hits) {
					t.Fatalf("%s %q limit %d: %d hits of %d (query %q); want %d of %d (%q)", dir, q, limit, len(got.Hits), got.Total, got.Query, len(want.Hits), want.Total, want.Query)
				}
				for i, h := range got.Hits {
					w := want.Hits[i]
					if h.Loc != w.Loc || h.Text != w.Text || h.Score != w.Score || h.Kind != w.Kind || !reflect.DeepEqual(h.Positions, w.Positions) {
						t.Fatalf("%s %q limit %d: hit %d is %+v, want %+v", dir, q, limit, i, h, w)
					}
					if b.Docs()[h.Loc.Doc].Path != whole.Docs[w.Loc.Doc].Path {
						t.Fatalf("%s %q: hit %d in %s, want %s", dir, q, i, b.Docs()[h.Loc.Doc].Path, whole.Docs[w.Loc.Doc].Path)
					}
				}
			}
		}
	}
}
