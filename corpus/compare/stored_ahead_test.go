package compare

import (
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"parley/corpus"
)

// TestStoredAheadSameComparison: the index of every document read
// during the snapshot gives the comparisons the one read after it gives,
// is used only when it is whole and the folder's, and a damaged one is
// passed over (the index is built, as before).
func TestStoredAheadSameComparison(t *testing.T) {
	dir := storedFolder(t)
	cache := &corpus.Cache{Dir: t.TempDir(), Version: "v1"}
	texts := []string{"dredging removed silt from the harbour", "pear trees planted", "no word of this is anywhere"}
	compareAll := func(load func(*corpus.Cache, []string) (*Stored, bool), all bool) []Result {
		t.Helper()
		st, ok := load(cache, []string{dir})
		if !ok {
			t.Fatal("no store for a plain folder")
		}
		var out []Result
		for _, text := range texts {
			r, _, err := CompareCommand(st.Corpus, text, CommandOptions{Stored: st, EngineOnly: true, All: all})
			if err != nil {
				t.Fatal(err)
			}
			out = append(out, r)
		}
		return out
	}
	for _, all := range []bool{false, true} {
		compareAll(LoadStored, all) // writes the grouping and the index of every document
		want := compareAll(LoadStored, all)
		used := aheadUsed.Load()
		if got := compareAll(LoadStoredToCompare, all); !reflect.DeepEqual(got, want) {
			t.Fatalf("all=%v: read ahead\n%+v\nwant %+v", all, got, want)
		}
		if aheadUsed.Load() == used {
			t.Errorf("all=%v: the index read during the snapshot was not used", all)
		}
	}
	files, _ := filepath.Glob(filepath.Join(cache.Dir, "stories-*-all"))
	if len(files) != 1 {
		t.Fatalf("index files %v", files)
	}
	want := compareAll(LoadStored, true)
	b, _ := os.ReadFile(files[0])
	os.WriteFile(files[0], flipped(b, len(b)/2), 0o644)
	used := aheadUsed.Load()
	if got := compareAll(LoadStoredToCompare, true); !reflect.DeepEqual(got, want) {
		t.Fatalf("a damaged index: read ahead\n%+v\nwant %+v", got, want)
	}
	if aheadUsed.Load() != used {
		t.Error("a damaged index read during the snapshot was used")
	}
}
