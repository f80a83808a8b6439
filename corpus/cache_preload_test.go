package corpus

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

// TestCachePreload: a folder's cache read ahead serves the load that
// follows, a preload never looked in leaves the cache files as they
// were, and a load after a preload still drops a removed file's entry.
func TestCachePreload(t *testing.T) {
	dir, cacheDir := cacheFolder(t), t.TempDir()
	want, _ := loadCounting(t, dir, cacheDir, "v1")
	lists, _ := filepath.Glob(filepath.Join(cacheDir, "docs-*"))
	if len(lists) != 2 {
		t.Fatalf("cache files %v, want a list and its bodies", lists)
	}
	before, _ := os.ReadFile(lists[0])

	idle := &Cache{Dir: cacheDir, Version: "v1"}
	idle.Preload([]string{dir})
	if err := idle.Flush(); err != nil {
		t.Fatal(err)
	}
	if after, _ := os.ReadFile(lists[0]); !bytes.Equal(after, before) {
		t.Error("a preload never looked in rewrote the cache")
	}

	cache := &Cache{Dir: cacheDir, Version: "v1"}
	cache.Preload([]string{dir})
	got, err := LoadPaths([]string{dir}, LoadOptions{Cache: cache})
	if err != nil || got.CacheErr != nil {
		t.Fatal(err, got.CacheErr)
	}
	sameDocs(t, got, want)
	if cache.Hits() != len(want.Docs) {
		t.Errorf("%d documents from the preloaded cache, want %d", cache.Hits(), len(want.Docs))
	}

	os.Remove(filepath.Join(dir, "a.txt"))
	cache = &Cache{Dir: cacheDir, Version: "v1"}
	cache.Preload([]string{dir})
	if _, err := LoadPaths([]string{dir}, LoadOptions{Cache: cache}); err != nil {
		t.Fatal(err)
	}
	after, _ := os.ReadFile(lists[0])
	if bytes.Contains(after, []byte("a.txt")) || !bytes.Contains(after, []byte("b.md")) {
		t.Error("the removed file's entry was kept, or the others lost, after a preload")
	}
}
