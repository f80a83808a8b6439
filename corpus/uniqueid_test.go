package corpus

import (
	"fmt"
	"math/rand"
	"testing"
)

// TestUniqueIDCases: a new id is kept as it is; a repeated one is
// prefixed with its root's name, then numbered from 2 when that too is
// taken.
func TestUniqueIDCases(t *testing.T) {
	ids := map[string]bool{}
	steps := []struct{ id, root, want string }{
		{"a", "/p/r", "a"},
		{"b", "/p/r", "b"},
		{"a", "/q/s", "s/a"},
		{"a", "/x/s/", "s/a~2"},
		{"a", "s", "s/a~3"},
		{"s/a", "/t", "t/s/a"},
		{"r/a", "/p/r", "r/a"},
		{"a", "/p/r", "r/a~2"},
	}
	for _, s := range steps {
		if got := uniqueID(ids, s.id, s.root); got != s.want {
			t.Fatalf("uniqueID(%q, %q) = %q, want %q", s.id, s.root, got, s.want)
		}
	}
}

// TestUniqueIDNeverRepeats: over random sequences of ids that repeat,
// from roots whose names are also ids, every id given is new, and one
// not seen before is given unchanged.
func TestUniqueIDNeverRepeats(t *testing.T) {
	pool := []string{"a", "b", "a/b", "r/a", "r/a~2", "s/a", "r/r/a", "x"}
	roots := []string{"/p/r", "/q/s", "r", "/r/"}
	rng := rand.New(rand.NewSource(1))
	for round := range 300 {
		ids, given := map[string]bool{}, map[string]bool{}
		for k := range 1 + rng.Intn(30) {
			id, root := pool[rng.Intn(len(pool))], roots[rng.Intn(len(roots))]
			fresh := !ids[id]
			got := uniqueID(ids, id, root)
			where := fmt.Sprintf("round %d, id %d (%q from %q)", round, k, id, root)
			switch {
			case given[got]:
				t.Fatalf("%s: %q given twice", where, got)
			case fresh && got != id:
				t.Fatalf("%s: new id given as %q", where, got)
			case !ids[got]:
				t.Fatalf("%s: %q not recorded", where, got)
			}
			given[got] = true
		}
	}
}

// One folder's files get ids of their own when two differ in extension
// alone, or in a byte that cleaning for the terminal replaces, as when
// the ids are told apart by the map of them; and the same ids whether
// or not the files are stamped (the snapshot's walk).
func TestUniqueIDOneFolder(t *testing.T) {
	dir := writeFiles(t, map[string]string{
		"a.md": "# A\n\nOne.\n", "a.txt": "Two.\n", "b.txt": "Three.\n",
		"sub/x.txt": "Four.\n", "sub/y.txt": "Five.\n",
		"ctl/n\x01.txt": "Six.\n", "ctl/n\x02.txt": "Seven.\n",
	})
	for _, stamp := range []bool{false, true} {
		c := &Corpus{}
		jobs := c.collect([]string{dir}, stamp)
		seen := map[string]string{}
		for _, j := range jobs {
			if other, dup := seen[j.id]; dup {
				t.Errorf("stamp %v: %s and %s share the id %q", stamp, other, j.path, j.id)
			}
			seen[j.id] = j.path
		}
		if len(jobs) != 7 || seen["sub/x"] == "" || seen["b"] == "" {
			t.Errorf("stamp %v: ids %v", stamp, seen)
		}
	}
}
