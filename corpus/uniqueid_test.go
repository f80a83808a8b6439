package corpus

import (
	"fmt"
	"math/rand"
	"path/filepath"
	"testing"
)

// uniqueIDBefore is uniqueID as it was written before its one-operation
// path, kept to check that the ids given are the same.
func uniqueIDBefore(ids map[string]bool, id, root string) string {
	if ids[id] {
		id = filepath.Base(filepath.Clean(root)) + "/" + id
	}
	base := id
	for n := 2; ids[id]; n++ {
		id = fmt.Sprintf("%s~%d", base, n)
	}
	ids[id] = true
	return id
}

// TestUniqueIDSameIDs: over sequences of ids that repeat, from roots
// whose names are also ids, the ids given are those the previous way
// gave, in order.
func TestUniqueIDSameIDs(t *testing.T) {
	pool := []string{"a", "b", "a/b", "r/a", "r/a~2", "s/a", "r/r/a", "x"}
	roots := []string{"/p/r", "/q/s", "r", "/r/"}
	rng := rand.New(rand.NewSource(1))
	for round := range 300 {
		got, want := map[string]bool{}, map[string]bool{}
		for k := range 1 + rng.Intn(30) {
			id, root := pool[rng.Intn(len(pool))], roots[rng.Intn(len(roots))]
			if g, w := uniqueID(got, id, root), uniqueIDBefore(want, id, root); g != w {
				t.Fatalf("round %d, id %d (%q from %q): %q, want %q", round, k, id, root, g, w)
			}
		}
	}
}
