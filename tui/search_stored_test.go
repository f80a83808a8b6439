package tui

import (
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"testing"

	tea "charm.land/bubbletea/v2"

	"parley/corpus"
	"parley/corpus/search"
	"parley/corpus/testcorpus"
	"parley/seeds"
)

// The interface searches a cached folder through the index kept on disk
// and finds what an index built from its documents finds: the same hits
// in the same order, with the same totals, over every document and
// within one; first as the cache is filled, then read back.
func TestSearchStoredIndexSameHits(t *testing.T) {
	dir := t.TempDir()
	names, _ := fs.Glob(seeds.FS, "*.txt")
	for _, n := range names {
		b, _ := fs.ReadFile(seeds.FS, n)
		writeFile(t, dir, n, string(b))
	}
	if bbc := testcorpus.BBC(); bbc != "" {
		for _, sub := range []string{"business", "politics"} {
			files, _ := filepath.Glob(filepath.Join(bbc, sub, "*.txt"))
			os.MkdirAll(filepath.Join(dir, sub), 0o755)
			for _, f := range files[:min(len(files), 60)] {
				b, err := os.ReadFile(f)
				if err != nil {
					t.Fatal(err)
				}
				writeFile(t, filepath.Join(dir, sub), filepath.Base(f), string(b))
			}
		}
	}
	cache := &corpus.Cache{Dir: t.TempDir(), Version: "t"}
	queries := []string{"prime minister", "oil", "'talks", "^the", "minister$", "!the oil", "iran | hormuz", "BBC", "café", "zzzz", ""}
	for run := range 2 {
		m := newModel([]string{dir}, filepath.Join(t.TempDir(), "state.json"))
		m.cache = cache
		m.Update(tea.WindowSizeMsg{Width: 120, Height: 30})
		loadThrough(t, m, dir, cache)
		docs := m.corpus.Docs
		for _, d := range docs {
			d.LoadBody()
		}
		got := m.searchIndexCmd(m.corpus)().(searchIndexMsg).ix
		if _, six, ok := search.LoadStored(cache, []string{dir}); !ok {
			t.Fatal("the stored index does not serve the folder")
		} else if _, ok := six.Over(docs); !ok {
			t.Fatal("the stored index lists other documents than the interface")
		}
		want := search.New(docs)
		if !reflect.DeepEqual(got.Docs(), docs) {
			t.Fatal("the index's documents are not the interface's")
		}
		for _, q := range queries {
			for _, doc := range []int{-1, 1} {
				opts := search.Options{Limit: searchLimit, Doc: doc}
				g, err1 := got.Search(context.Background(), q, opts)
				w, err2 := want.Search(context.Background(), q, opts)
				if err1 != nil || err2 != nil {
					t.Fatal(err1, err2)
				}
				if g.Total != w.Total || !reflect.DeepEqual(g.Hits, w.Hits) {
					t.Fatalf("run %d, %q in %d: %d hits of %d, want %d of %d", run, q, doc, len(g.Hits), g.Total, len(w.Hits), w.Total)
				}
			}
		}
	}
}

// Without the cache, or on the embedded seeds, the index is built.
func TestSearchIndexBuiltWithoutCache(t *testing.T) {
	m := newModel(nil, filepath.Join(t.TempDir(), "state.json"))
	c := seedCorpus(t)
	ix := m.searchIndexCmd(c)().(searchIndexMsg).ix
	if _, ok := ix.Over(c.Docs); ok || len(ix.Docs()) != len(c.Docs) {
		t.Fatal("the seeds' index is not one built from them")
	}
}
