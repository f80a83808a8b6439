package corpus

import (
	"math/rand"
	"slices"
	"strings"
	"testing"
)

// TestSortByNameAsStrings: a folder's entries come out in the order
// strings.Compare gives their names, for names that share their first
// eight bytes or more, are shorter than eight, differ only in length,
// or hold bytes past ASCII.
func TestSortByNameAsStrings(t *testing.T) {
	names := []string{"a", "b", "ab", "abcdefgh", "abcdefghi", "abcdefgh.txt", "abcdefgg.txt", "abcdefgi",
		"001.txt", "010.txt", "100.txt", "0010.txt", "Z", "z", "é.txt", "e\u0301.txt", "\xff", "\x7f", "a b",
		"longer name with spaces.md", "longer name with space.md", ".hidden", "..x", "a.txt", "a.md", "A.txt"}
	rng := rand.New(rand.NewSource(1))
	for round := range 200 {
		n := 1 + rng.Intn(len(names))
		var es []dirEntry
		for _, i := range rng.Perm(len(names))[:n] {
			es = append(es, dirEntry{name: names[i], path: "/p/" + names[i]})
		}
		want := slices.Clone(es)
		slices.SortFunc(want, func(a, b dirEntry) int { return strings.Compare(a.name, b.name) })
		sortByName(es)
		for i := range es {
			if es[i].name != want[i].name || es[i].path != want[i].path {
				t.Fatalf("round %d: place %d holds %q, want %q", round, i, es[i].name, want[i].name)
			}
		}
	}
}
