package search

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"parley/corpus"
	"parley/corpus/testcorpus"
)

// earlyAnswersOf runs every stored query through SearchStored (all hits,
// each written whole, as answers does) and counts how many were
// answered by the scan begun before the snapshot.
func earlyAnswersOf(t *testing.T, cache *corpus.Cache, dir string) (string, int) {
	t.Helper()
	var out strings.Builder
	early := 0
	for _, q := range storedQueries {
		before := earlyAnswers.Load()
		c, res, ok := SearchStored(cache, []string{dir}, q, 0)
		if !ok {
			t.Fatal("the stored index did not serve", dir)
		}
		early += int(earlyAnswers.Load() - before)
		fmt.Fprintf(&out, "%q: %d hits\n", res.Query, res.Total)
		for _, h := range res.Hits {
			d := c.Docs[h.Loc.Doc]
			fmt.Fprintf(&out, "%s %s %v %v %d %v %s\n", d.Path, d.ID, h.Kind, h.Loc, h.Score, h.Positions, h.Text)
		}
	}
	return out.String(), early
}

func TestSearchStoredEarlySameAnswers(t *testing.T) {
	dirs := map[string]string{"seeds": copySeeds(t)}
	if bbc := testcorpus.BBC(); bbc != "" {
		dirs["bbc"] = copyTree(t, bbc, 120)
	}
	for name, dir := range dirs {
		t.Run(name, func(t *testing.T) {
			want := plainAnswers(t, dir)
			cache := &corpus.Cache{Dir: t.TempDir(), Version: "v1"}
			got, early := earlyAnswersOf(t, cache, dir)
			sameAnswers(t, "first run", got, want)
			// The first query wrote the index; the others found it.
			if early != len(storedQueries)-1 {
				t.Errorf("%d of %d queries answered early, want all but the first", early, len(storedQueries))
			}
			got, early = earlyAnswersOf(t, cache, dir)
			sameAnswers(t, "answered early", got, want)
			if early != len(storedQueries) {
				t.Errorf("%d of %d queries on an unchanged folder answered early", early, len(storedQueries))
			}
		})
	}
}

// TestSearchStoredEarlyNotStale changes the folder in every way the
// snapshot must notice, and checks that no answer comes from the index as
// it was: the first search after each change is not answered early, and
// gives what a search of the files themselves gives.
func TestSearchStoredEarlyNotStale(t *testing.T) {
	dir := copySeeds(t)
	cache := &corpus.Cache{Dir: t.TempDir(), Version: "v1"}
	earlyAnswersOf(t, cache, dir)
	names, _ := filepath.Glob(filepath.Join(dir, "*.txt"))
	check := func(what string) {
		t.Helper()
		before := earlyAnswers.Load()
		_, _, ok := SearchStored(cache, []string{dir}, "prime minister", 0)
		if !ok {
			t.Fatal(what, ": the stored index did not serve")
		}
		if earlyAnswers.Load() != before {
			t.Errorf("%s: answered from the index as it was", what)
		}
		got, early := earlyAnswersOf(t, cache, dir)
		sameAnswers(t, what, got, plainAnswers(t, dir))
		if early != len(storedQueries) {
			t.Errorf("%s, then unchanged: %d of %d answered early", what, early, len(storedQueries))
		}
	}
	touch(t, names[0], "Oil talks\n\nThe prime minister spoke of oil in Hormuz.\n")
	check("a changed file")
	// The same size, another time: only the time tells.
	b, _ := os.ReadFile(names[2])
	touch(t, names[2], strings.Replace(string(b), "the", "THE", 1))
	check("a file rewritten at its size")
	touch(t, filepath.Join(dir, "new.md"), "# Café talks\n\nThe minister met BBC reporters.\n")
	check("an added file")
	os.Remove(names[1])
	check("a removed file")
	os.Rename(names[3], filepath.Join(dir, "zz-renamed.txt"))
	check("a renamed file")
	cache.Version = "v2"
	check("another version")
}

// TestSearchStoredEarlyFailingFile: a file that fails to load is not in
// the index, so a folder holding one is never answered early (its
// problem is reported every time), and its answers stay right.
func TestSearchStoredEarlyFailingFile(t *testing.T) {
	dir := copySeeds(t)
	touch(t, filepath.Join(dir, "bad.txt"), "MZ\x00\x01\x02\x00binary")
	cache := &corpus.Cache{Dir: t.TempDir(), Version: "v1"}
	for run := range 2 {
		got, early := earlyAnswersOf(t, cache, dir)
		sameAnswers(t, fmt.Sprint("run ", run), got, plainAnswers(t, dir))
		if early != 0 {
			t.Errorf("run %d: %d answered early with a failing file", run, early)
		}
		c, _, _ := SearchStored(cache, []string{dir}, "oil", 0)
		if len(c.Problems) != 1 {
			t.Errorf("run %d: problems %v, want the failing file's", run, c.Problems)
		}
	}
}
