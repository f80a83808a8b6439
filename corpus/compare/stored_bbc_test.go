package compare

import (
	"path/filepath"
	"reflect"
	"testing"

	"parley/corpus"
	"parley/corpus/stories"
	"parley/corpus/testcorpus"
)

// On the BBC folder's business news (510 articles, a fixed sample that
// keeps the default test run short), the index of every document read
// back from the store answers as the one built: the stories a typed
// text is compared within (the first stage), the comparison itself,
// and --all's.
func TestStoredIndexSameOnBBC(t *testing.T) {
	if testcorpus.BBC() == "" {
		t.Skip("BBC corpus not present beside the repository (../shared/corpora/bbc)")
	}
	dir := filepath.Join(testcorpus.BBC(), "business")
	cache := &corpus.Cache{Dir: t.TempDir(), Version: "v1"}
	first, ok := LoadStored(cache, []string{dir})
	if !ok {
		t.Fatal("no store")
	}
	plain := NewSets(first.Corpus.Docs, stories.Group(first.Corpus.Docs), Options{})
	first.Sets(Options{}).All().Index() // built, and written
	st, _ := LoadStored(&corpus.Cache{Dir: cache.Dir, Version: "v1"}, []string{dir})
	sets := st.Sets(Options{})
	reads := storeReads.Load()
	q := QueryOptions{Top: 2}
	for _, text := range []string{"The prime minister said oil prices rose sharply", "shares fell 5% in London",
		"Yukos sold its main unit at auction", "the euro rose against the dollar", "no word of this is anywhere zzqx"} {
		want, got := plain.For(text), sets.For(text)
		if want.Kind != got.Kind || !reflect.DeepEqual(want.Stories, got.Stories) || !reflect.DeepEqual(want.Set, got.Set) {
			t.Fatalf("%q: compared within %v %v, want %v %v", text, got.Kind, got.Stories, want.Kind, want.Stories)
		}
		if w, g := want.Compare(text, q), got.Compare(text, q); !reflect.DeepEqual(w, g) {
			t.Fatalf("%q: the stored index compares otherwise", text)
		}
	}
	text := "Oil prices rose sharply"
	if w, g := plain.All().Compare(text, q), sets.All().Compare(text, q); !reflect.DeepEqual(w, g) {
		t.Fatalf("--all: the stored index compares otherwise")
	}
	if core := plain.All().Index().core; len(core.appendTables(nil, nil)) > core.tablesSize() {
		t.Errorf("tables of %d bytes, estimated at %d", len(core.appendTables(nil, nil)), core.tablesSize())
	}
	if n, all := storeReads.Load()-reads, len(plain.All().Set); n >= int64(all) {
		t.Errorf("read %d documents of %d: the stored index should read only those it shows", n, all)
	}
}
