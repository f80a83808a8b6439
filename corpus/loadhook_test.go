package corpus

import (
	"sync"
	"testing"
)

// A load hook (SetLoadHook) sees every document any load reads, once.
func TestLoadHookSeesEveryDocument(t *testing.T) {
	dir := cacheFolder(t)
	var mu sync.Mutex
	seen := map[string]int{}
	SetLoadHook(func(d *Document) {
		mu.Lock()
		seen[d.ID]++
		mu.Unlock()
	})
	defer SetLoadHook(nil)
	c, err := LoadPaths([]string{dir}, LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range c.Docs {
		if seen[d.ID] != 1 {
			t.Errorf("%s seen %d times", d.ID, seen[d.ID])
		}
	}
	if len(seen) != len(c.Docs) {
		t.Errorf("the hook saw %d documents of %d", len(seen), len(c.Docs))
	}
}
