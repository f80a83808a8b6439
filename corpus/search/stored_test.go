package search

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"parley/corpus"
	"parley/corpus/testcorpus"
	"parley/seeds"
)

// storedQueries cover the query syntax: fuzzy, exact, prefix, suffix,
// negation, alternatives, case and accents, and the empty query.
var storedQueries = []string{"prime minister", "oil", "'talks", "^the", "minister$", "!the oil", "iran | hormuz", "BBC", "café", "zzzz", ""}

// copySeeds writes the five seed documents to a folder of their own
// (without the catalog, which keeps a folder off the stored index).
func copySeeds(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	names, _ := fs.Glob(seeds.FS, "*.txt")
	for _, n := range names {
		b, _ := fs.ReadFile(seeds.FS, n)
		if err := os.WriteFile(filepath.Join(dir, n), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// copyTree copies the files under src (n of them at most, in walk
// order; all when n <= 0) into a new folder.
func copyTree(t *testing.T, src string, n int) string {
	t.Helper()
	dst := t.TempDir()
	count := 0
	filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || n > 0 && count >= n {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		os.MkdirAll(filepath.Join(dst, filepath.Dir(rel)), 0o755)
		count++
		return os.WriteFile(filepath.Join(dst, rel), b, 0o644)
	})
	return dst
}

// answers runs every query, all hits, and writes each hit whole: its
// file, id, kind, place, score, positions and text.
func answers(t *testing.T, c *corpus.Corpus, ix *Index) string {
	t.Helper()
	var out strings.Builder
	for _, q := range storedQueries {
		res, err := Run(c, q, 0)
		if ix != nil {
			res, err = RunIndex(ix, q, 0)
		}
		if err != nil {
			t.Fatal(err)
		}
		fmt.Fprintf(&out, "%q: %d hits\n", res.Query, res.Total)
		for _, h := range res.Hits {
			d := c.Docs[h.Loc.Doc]
			fmt.Fprintf(&out, "%s %s %v %v %d %v %s\n", d.Path, d.ID, h.Kind, h.Loc, h.Score, h.Positions, h.Text)
		}
	}
	return out.String()
}

// plainAnswers are the answers with every document loaded and no cache.
func plainAnswers(t *testing.T, dirs ...string) string {
	t.Helper()
	c, err := corpus.LoadPaths(dirs, corpus.LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	return answers(t, c, nil)
}

// storedAnswers are the answers from the stored index, and how many
// files were read to bring it up to date.
func storedAnswers(t *testing.T, cache *corpus.Cache, dirs ...string) (string, int) {
	t.Helper()
	before := storeReads.Load()
	c, ix, ok := LoadStored(cache, dirs)
	if !ok || len(c.Docs) == 0 {
		t.Fatal("the stored index did not serve", dirs)
	}
	return answers(t, c, ix), int(storeReads.Load() - before)
}

func sameAnswers(t *testing.T, what, got, want string) {
	t.Helper()
	if got != want {
		g, w := strings.Split(got, "\n"), strings.Split(want, "\n")
		for i := range min(len(g), len(w)) {
			if g[i] != w[i] {
				t.Fatalf("%s: line %d differs:\n got %s\nwant %s", what, i+1, g[i], w[i])
			}
		}
		t.Fatalf("%s: %d lines, want %d", what, len(g), len(w))
	}
}

func TestStoredSameAnswers(t *testing.T) {
	// Small batches, so that a rebuild goes through several.
	defer func(n int) { rebuildBatch = n }(rebuildBatch)
	rebuildBatch = 7
	dirs := map[string][]string{
		"seeds":   {copySeeds(t)},
		"formats": {copyTree(t, filepath.Join("..", "testdata", "formats"), 0)},
		"two":     {copySeeds(t), copySeeds(t)},
	}
	if bbc := testcorpus.BBC(); bbc != "" {
		// A fixed sample: the first 120 files, the invalid UTF-8 one among
		// the whole folder's in the full sweep.
		n := 120
		if testcorpus.FullSweep() {
			n = 0
		}
		dirs["bbc"] = []string{copyTree(t, bbc, n)}
	}
	for name, d := range dirs {
		t.Run(name, func(t *testing.T) {
			want := plainAnswers(t, d...)
			cache := &corpus.Cache{Dir: t.TempDir(), Version: "v1"}
			got, reads := storedAnswers(t, cache, d...)
			sameAnswers(t, "first run", got, want)
			if reads == 0 {
				t.Error("the first run read no file")
			}
			got, reads = storedAnswers(t, cache, d...)
			sameAnswers(t, "from the stored index", got, want)
			if reads != 0 {
				t.Errorf("an unchanged folder had %d files read", reads)
			}
		})
	}
}

func touch(t *testing.T, p, text string) {
	t.Helper()
	if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	later := time.Now().Add(3 * time.Second)
	os.Chtimes(p, later, later)
}

func TestStoredInvalidation(t *testing.T) {
	dir := copySeeds(t)
	cache := &corpus.Cache{Dir: t.TempDir(), Version: "v1"}
	storedAnswers(t, cache, dir)
	names, _ := filepath.Glob(filepath.Join(dir, "*.txt"))

	check := func(what string, wantReads int) {
		t.Helper()
		got, reads := storedAnswers(t, cache, dir)
		sameAnswers(t, what, got, plainAnswers(t, dir))
		if reads != wantReads {
			t.Errorf("%s: %d files read, want %d", what, reads, wantReads)
		}
	}
	touch(t, names[0], "Oil talks\n\nThe prime minister spoke of oil in Hormuz.\n")
	check("a changed file", 1)
	check("then unchanged", 0)
	touch(t, filepath.Join(dir, "new.md"), "# Café talks\n\nThe minister met BBC reporters.\n")
	check("an added file", 1)
	os.Remove(names[1])
	check("a removed file", 0)
	check("then unchanged", 0)
	// A file that fails to load is read every time, but is no change.
	touch(t, filepath.Join(dir, "bad.txt"), "MZ\x00\x01\x02\x00binary")
	check("a failing file", 1)
	check("the failing file again", 1)
	os.Remove(filepath.Join(dir, "bad.txt"))
	// Another build of parley reads everything again, once.
	cache.Version = "v2"
	check("another version", 5)
	check("then unchanged", 0)
}

func TestStoredCorruptIgnored(t *testing.T) {
	dir := copySeeds(t)
	cache := &corpus.Cache{Dir: t.TempDir(), Version: "v1"}
	want := plainAnswers(t, dir)
	storedAnswers(t, cache, dir)
	files, _ := filepath.Glob(filepath.Join(cache.Dir, "search-*"))
	if len(files) != 1 {
		t.Fatalf("index files: %v", files)
	}
	good, _ := os.ReadFile(files[0])
	for name, bad := range map[string][]byte{
		"empty":         {},
		"truncated":     good[:len(good)/2],
		"one byte less": good[:len(good)-1],
		"flipped":       flipAt(good, len(good)/2),
		"flipped text":  flipAt(good, len(good)-200),
		"flipped head":  flipAt(good, 20),
		"foreign":       []byte("not an index at all, but long enough to have a prelude"),
	} {
		os.WriteFile(files[0], bad, 0o600)
		got, reads := storedAnswers(t, cache, dir)
		sameAnswers(t, name, got, want)
		if reads != 5 {
			t.Errorf("%s: %d files read, want all 5", name, reads)
		}
		if got, reads = storedAnswers(t, cache, dir); reads != 0 {
			t.Errorf("%s: not rebuilt (%d files read)", name, reads)
		} else {
			sameAnswers(t, name+", rebuilt", got, want)
		}
	}
}

func flipAt(b []byte, i int) []byte {
	out := append([]byte(nil), b...)
	out[i] ^= 0x55
	return out
}

// Two searches bringing one index up to date at once each answer
// rightly and leave a whole index file.
func TestStoredConcurrent(t *testing.T) {
	dir := copySeeds(t)
	want := plainAnswers(t, dir)
	cacheDir := t.TempDir()
	names, _ := filepath.Glob(filepath.Join(dir, "*.txt"))
	for round := range 4 {
		if round%2 == 1 {
			touch(t, names[round], "Changed\n\nThe oil minister changed his mind.\n")
			want = plainAnswers(t, dir)
		}
		var wg sync.WaitGroup
		outs := make([]string, 2)
		for k := range outs {
			wg.Add(1)
			go func() {
				defer wg.Done()
				c, ix, ok := LoadStored(&corpus.Cache{Dir: cacheDir, Version: "v1"}, []string{dir})
				if !ok {
					t.Error("the stored index did not serve")
					return
				}
				outs[k] = answers(t, c, ix)
			}()
		}
		wg.Wait()
		for _, o := range outs {
			sameAnswers(t, "concurrent", o, want)
		}
		if got, reads := storedAnswers(t, &corpus.Cache{Dir: cacheDir, Version: "v1"}, dir); reads != 0 {
			t.Errorf("round %d: the index left is not whole (%d files read)", round, reads)
		} else {
			sameAnswers(t, "after", got, want)
		}
	}
}

// The index files count toward the cache's bound: over it, the index is
// removed once written, and the caller loads as usual.
func TestStoredBounded(t *testing.T) {
	cache := &corpus.Cache{Dir: t.TempDir(), Version: "v1", MaxBytes: 1}
	dir := copySeeds(t)
	if _, _, ok := LoadStored(cache, []string{dir}); ok {
		t.Error("served from an index over the bound")
	}
	if files, _ := filepath.Glob(filepath.Join(cache.Dir, "search-*")); len(files) != 0 {
		t.Errorf("over the bound, index files kept: %v", files)
	}
}

// A folder with a catalog, a file named alone, or no cache: the stored
// index does not serve, and the caller loads as usual.
func TestStoredNotServing(t *testing.T) {
	cache := &corpus.Cache{Dir: t.TempDir(), Version: "v1"}
	dir := copySeeds(t)
	names, _ := filepath.Glob(filepath.Join(dir, "*.txt"))
	if _, _, ok := LoadStored(cache, []string{names[0]}); ok {
		t.Error("served a file named alone")
	}
	if _, _, ok := LoadStored(nil, []string{dir}); ok {
		t.Error("served with no cache")
	}
	os.WriteFile(filepath.Join(dir, corpus.CatalogFile), []byte(`{}`), 0o644)
	if _, _, ok := LoadStored(cache, []string{dir}); ok {
		t.Error("served a folder with a catalog")
	}
}
