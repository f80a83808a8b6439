package compare

import (
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"sync"
	"testing"
	"time"

	"parley/corpus"
	"parley/corpus/stories"
)

// storedFolder writes a small folder: two stories of two documents, a
// copy, a document on its own, and a file that fails to load.
func storedFolder(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	files := map[string]string{
		"a/harbour.txt": "Harbour reopens\n\nThe old harbour of Kestrel Bay reopened on Monday after dredging removed silt.\n\nThe mayor of Kestrel Bay thanked the dredging crews.\n",
		"b/harbour.txt": "Harbour reopens\n\nThe old harbour of Kestrel Bay reopened on Monday after dredging removed silt.\n\nThe mayor of Kestrel Bay thanked the dredging crews.\n",
		"a/race.txt":    "Harbour race\n\nRowers raced across the old harbour of Kestrel Bay, reopened after the dredging.\n\nThe Kestrel Bay harbour dredging removed silt.\n",
		"a/orchard.txt": "Orchard meets\n\nThe Larkspur orchard committee planted pear trees.\n\nThe Larkspur committee met on apple varieties.\n",
		"b/orchard.txt": "Orchard plants\n\nThe Larkspur orchard committee planted forty pear trees this spring.\n\nVolunteers from Larkspur helped.\n",
		"c/alone.md":    "# Tide tables\n\nThe tide tables for the northern coast were printed.\n",
		"c/binary.txt":  "MZ\x00\x01\x02\x00binary",
	}
	for name, text := range files {
		writeTree(t, filepath.Join(dir, name), text)
	}
	return dir
}

func writeTree(t *testing.T, path, text string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

// checkStored loads dir through the store and checks it against a
// plain load: the same grouping, the same documents once filled, the
// same problems, every sentence located alike. It reports whether the
// store was written anew.
func checkStored(t *testing.T, dir string, cache *corpus.Cache) bool {
	t.Helper()
	want, _ := corpus.LoadPaths([]string{dir}, corpus.LoadOptions{})
	builds := storeBuilds.Load()
	st, ok := LoadStored(cache, []string{dir})
	if !ok {
		t.Fatal("no store for a plain folder")
	}
	rebuilt := storeBuilds.Load() != builds
	r := stories.Group(want.Docs)
	if !reflect.DeepEqual(st.Grouping, r) {
		t.Fatalf("stored grouping %+v\nwant %+v", st.Grouping, r)
	}
	if len(st.Corpus.Problems) != len(want.Problems) || len(want.Problems) > 0 && st.Corpus.Problems[0].Error() != want.Problems[0].Error() {
		t.Fatalf("problems %v, want %v", st.Corpus.Problems, want.Problems)
	}
	plain := NewSets(want.Docs, r, Options{})
	sets := st.Sets(Options{})
	for di, d := range want.Docs {
		for _, br := range d.Blocks() {
			for _, s := range br.Block.Sentences {
				got, gok := sets.Locate(s.Text)
				loc, wok := plain.Locate(s.Text)
				if got != loc || gok != wok {
					t.Fatalf("doc %d %q: located at %v %v, want %v %v", di, s.Text, got, gok, loc, wok)
				}
			}
		}
	}
	all := make([]int, len(want.Docs))
	for i := range all {
		all[i] = i
	}
	st.Fill(all)
	for i, d := range want.Docs {
		if !reflect.DeepEqual(st.Corpus.Docs[i], d) {
			t.Fatalf("document %d filled as %+v\nwant %+v", i, st.Corpus.Docs[i], d)
		}
	}
	if err := st.Finish(); err != nil {
		t.Fatal(err)
	}
	return rebuilt
}

// The store is written once, used while the folder is unchanged, and
// written anew when a file changes, goes or comes, or parley changes.
func TestStoredInvalidation(t *testing.T) {
	dir := storedFolder(t)
	cache := &corpus.Cache{Dir: t.TempDir(), Version: "v1"}
	step := func(what string, rebuilt bool) {
		t.Helper()
		// A new Cache each time, as each run of parley opens its own.
		if got := checkStored(t, dir, &corpus.Cache{Dir: cache.Dir, Version: cache.Version}); got != rebuilt {
			t.Fatalf("%s: rebuilt %v, want %v", what, got, rebuilt)
		}
	}
	c, _ := corpus.LoadPaths([]string{dir}, corpus.LoadOptions{})
	if r := stories.Group(c.Docs); len(r.DuplicateOf) == 0 || len(r.Stories) == len(c.Docs)-len(r.DuplicateOf) {
		t.Fatalf("the folder should have a copy and a story of two: %+v", r)
	}
	step("first run", true)
	step("unchanged", false)
	// The document cache gone, the grouping kept: the documents are
	// parsed again and cached again.
	docsFiles, _ := filepath.Glob(filepath.Join(cache.Dir, "docs-*"))
	for _, f := range docsFiles {
		os.Remove(f)
	}
	step("document cache gone", false)
	if again, _ := filepath.Glob(filepath.Join(cache.Dir, "docs-*")); len(docsFiles) != 2 || len(again) != 2 { // a list file and its bodies
		t.Fatalf("document cache files %v, then %v", docsFiles, again)
	}
	path := filepath.Join(dir, "b", "orchard.txt")
	writeTree(t, path, "Tide tables\n\nThe tide tables for the northern coast were printed again.\n")
	later := time.Now().Add(time.Hour)
	os.Chtimes(path, later, later)
	step("file changed", true)
	step("unchanged again", false)
	os.Remove(filepath.Join(dir, "a", "race.txt"))
	step("file removed", true)
	writeTree(t, filepath.Join(dir, "d", "new.txt"), "Harbour news\n\nThe old harbour of Kestrel Bay reopened on Monday.\n")
	step("file added", true)
	cache.Version = "v2"
	step("parley upgraded", true)
	step("unchanged after upgrade", false)
}

// A damaged, truncated or foreign store is ignored and written anew.
func TestStoredCorrupt(t *testing.T) {
	dir := storedFolder(t)
	cache := &corpus.Cache{Dir: t.TempDir(), Version: "v1"}
	checkStored(t, dir, cache)
	files, _ := filepath.Glob(filepath.Join(cache.Dir, "stories-*"))
	if len(files) != 1 {
		t.Fatalf("store files: %v", files)
	}
	good, _ := os.ReadFile(files[0])
	for name, data := range map[string][]byte{
		"flipped":   flipped(good, len(good)/2),
		"truncated": good[:len(good)/3],
		"empty":     nil,
		"trailer":   flipped(good, len(good)-1),
		"foreign":   []byte("not a store at all, but long enough\n"),
	} {
		os.WriteFile(files[0], data, 0o644)
		if !checkStored(t, dir, cache) {
			t.Fatalf("%s store used", name)
		}
		if checkStored(t, dir, cache) {
			t.Fatalf("%s store: not used once written anew", name)
		}
	}
	if _, err := decodeGroupStore(good, "v1", "elsewhere"); err == nil {
		t.Fatal("a store of other folders decoded")
	}
}

func flipped(b []byte, i int) []byte {
	out := append([]byte(nil), b...)
	out[i] ^= 0x55
	return out
}

// Two loads at once, in one process or two, leave one whole store.
func TestStoredConcurrent(t *testing.T) {
	if dir := os.Getenv("PARLEY_STORED_CHILD"); dir != "" {
		cache := &corpus.Cache{Dir: os.Getenv(corpus.CacheDirEnv), Version: "v1"}
		if st, ok := LoadStored(cache, []string{dir}); !ok || len(st.Corpus.Docs) != 6 {
			t.Fatal("child load failed")
		}
		return
	}
	dir := storedFolder(t)
	cache := &corpus.Cache{Dir: t.TempDir(), Version: "v1"}
	var wg sync.WaitGroup
	for range 2 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			LoadStored(&corpus.Cache{Dir: cache.Dir, Version: "v1"}, []string{dir})
		}()
	}
	wg.Wait()
	if checkStored(t, dir, cache) {
		t.Fatal("store rewritten after two loads in one process")
	}
	os.RemoveAll(cache.Dir)
	var cmds []*exec.Cmd
	for range 2 {
		cmd := exec.Command(os.Args[0], "-test.run=^TestStoredConcurrent$")
		cmd.Env = append(os.Environ(), "PARLEY_STORED_CHILD="+dir, corpus.CacheDirEnv+"="+cache.Dir)
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		cmds = append(cmds, cmd)
	}
	for _, cmd := range cmds {
		if err := cmd.Wait(); err != nil {
			t.Fatal(err)
		}
	}
	if checkStored(t, dir, cache) {
		t.Fatal("store rewritten after two processes")
	}
	if tmps, _ := filepath.Glob(filepath.Join(cache.Dir, "*.tmp")); len(tmps) > 0 {
		t.Fatalf("temporary files left: %v", tmps)
	}
}
