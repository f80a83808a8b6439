package corpus

import (
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strings"
	"sync"
	"testing"
	"time"
)

// cacheFolder writes a small folder of three documents.
func cacheFolder(t *testing.T) string {
	t.Helper()
	return writeFiles(t, map[string]string{
		"a.txt":     "Talks resume\n\nThe talks resumed on Monday. Both sides spoke.\n",
		"b.md":      "---\ntitle: Oil prices\nauthor: A. Writer\n---\n\n# Markets\n\nOil rose **sharply** on Tuesday. Gas fell.\n",
		"sub/c.txt": "A third source\n\nIt said nothing new. Or did it?\n",
	})
}

// requireColdThenWarm loads dir twice through the cache in cacheDir,
// which must start empty: the first load has no hits, the second one
// for each of its files, and both give what a load without the cache
// gives.
func requireColdThenWarm(t *testing.T, dir, cacheDir string, files int) {
	t.Helper()
	plain, err := LoadPaths([]string{dir}, LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	first, hits := loadCounting(t, dir, cacheDir, "v1")
	if hits != 0 {
		t.Fatalf("an empty cache gave %d hits", hits)
	}
	sameDocs(t, first, plain)
	second, hits := loadCounting(t, dir, cacheDir, "v1")
	if hits != files {
		t.Fatalf("a warm cache gave %d hits, want %d", hits, files)
	}
	sameDocs(t, second, plain)
}

// loadCounting loads dir through a cache in cacheDir and reports how
// many documents came from the cache.
func loadCounting(t *testing.T, dir, cacheDir, version string) (*Corpus, int) {
	t.Helper()
	cache := &Cache{Dir: cacheDir, Version: version}
	hits := 0
	var mu sync.Mutex
	c, err := LoadPaths([]string{dir}, LoadOptions{Cache: cache})
	if err != nil || c.CacheErr != nil {
		t.Fatal(err, c.CacheErr)
	}
	for _, rc := range cache.lastRoots {
		mu.Lock()
		hits += rc.hits
		mu.Unlock()
	}
	return c, hits
}

// sameDocs checks two loads produced the same documents, field by field.
func sameDocs(t *testing.T, got, want *Corpus) {
	t.Helper()
	if len(got.Docs) != len(want.Docs) {
		t.Fatalf("%d documents, want %d", len(got.Docs), len(want.Docs))
	}
	for i := range want.Docs {
		if !reflect.DeepEqual(emptyAsNil(got.Docs[i]), emptyAsNil(want.Docs[i])) {
			t.Errorf("document %s differs from the cache:\n got %+v\nwant %+v", want.Docs[i].ID, got.Docs[i], want.Docs[i])
		}
	}
}

func TestCacheHitsAndInvalidation(t *testing.T) {
	dir, cacheDir := cacheFolder(t), t.TempDir()
	requireColdThenWarm(t, dir, cacheDir, 3)

	// A changed file is read again, alone.
	a := filepath.Join(dir, "a.txt")
	os.WriteFile(a, []byte("Talks stall\n\nThe talks stalled on Friday.\n"), 0o644)
	later := time.Now().Add(2 * time.Second)
	os.Chtimes(a, later, later)
	c, hits := loadCounting(t, dir, cacheDir, "v1")
	if hits != 2 || c.Docs[0].Title != "Talks stall" {
		t.Fatalf("after a change: %d hits, title %q", hits, c.Docs[0].Title)
	}
	// Removed and added files.
	os.Remove(filepath.Join(dir, "b.md"))
	os.WriteFile(filepath.Join(dir, "d.txt"), []byte("New\n\nA new one.\n"), 0o644)
	c, hits = loadCounting(t, dir, cacheDir, "v1")
	if hits != 2 || len(c.Docs) != 3 || c.Docs[1].ID != "d" {
		t.Fatalf("after remove and add: %d hits, %d docs", hits, len(c.Docs))
	}
	fresh, _ := LoadPaths([]string{dir}, LoadOptions{})
	sameDocs(t, c, fresh)
	// Another build of parley ignores the file and rebuilds it.
	if _, hits = loadCounting(t, dir, cacheDir, "v2"); hits != 0 {
		t.Fatalf("another version gave %d hits", hits)
	}
	if _, hits = loadCounting(t, dir, cacheDir, "v2"); hits != 3 {
		t.Fatalf("the rebuilt cache gave %d hits", hits)
	}
}

func TestCacheCorruptIgnored(t *testing.T) {
	dir, cacheDir := cacheFolder(t), t.TempDir()
	want, _ := loadCounting(t, dir, cacheDir, "v1")
	files := listFiles(cacheDir)
	if len(files) != 1 {
		t.Fatalf("cache files: %v", files)
	}
	good, _ := os.ReadFile(files[0])
	for name, bad := range map[string][]byte{
		"empty":     {},
		"truncated": good[:len(good)/2],
		"flipped":   flipByte(good, len(good)/2),
		"foreign":   []byte("not a cache file at all, but long enough"),
	} {
		os.WriteFile(files[0], bad, 0o600)
		c, hits := loadCounting(t, dir, cacheDir, "v1")
		if hits != 0 {
			t.Errorf("%s: %d hits from a damaged file", name, hits)
		}
		sameDocs(t, c, want)
		if _, hits = loadCounting(t, dir, cacheDir, "v1"); hits != 3 {
			t.Errorf("%s: the file was not rebuilt (%d hits)", name, hits)
		}
	}
}

// listFiles are the cache's list files, one per folder (each with its
// bodies file beside it).
func listFiles(cacheDir string) []string {
	files, _ := filepath.Glob(filepath.Join(cacheDir, "docs-*"))
	var out []string
	for _, f := range files {
		if !strings.HasSuffix(f, bodiesSuffix) {
			out = append(out, f)
		}
	}
	return out
}

func flipByte(b []byte, i int) []byte {
	out := append([]byte(nil), b...)
	out[i] ^= 0x55
	return out
}

// Two loads writing the same cache at once leave it whole: each writes
// its own file and renames it into place.
func TestCacheConcurrentWriters(t *testing.T) {
	dir, cacheDir := cacheFolder(t), t.TempDir()
	want, _ := LoadPaths([]string{dir}, LoadOptions{})
	for range 5 {
		os.RemoveAll(cacheDir)
		var wg sync.WaitGroup
		for range 2 {
			wg.Add(1)
			go func() {
				defer wg.Done()
				c, err := LoadPaths([]string{dir}, LoadOptions{Cache: &Cache{Dir: cacheDir, Version: "v1"}})
				if err != nil || c.CacheErr != nil {
					t.Error(err, c.CacheErr)
				}
			}()
		}
		wg.Wait()
		c, hits := loadCounting(t, dir, cacheDir, "v1")
		if hits != 3 {
			t.Fatalf("after two writers: %d hits", hits)
		}
		sameDocs(t, c, want)
		if tmps, _ := filepath.Glob(filepath.Join(cacheDir, "*.tmp")); len(tmps) > 0 {
			t.Fatalf("temporary files left: %v", tmps)
		}
	}
}

// The same with two processes: this test binary run twice at once.
func TestCacheTwoProcesses(t *testing.T) {
	if os.Getenv("PARLEY_CACHE_CHILD") != "" {
		c, err := LoadPaths([]string{os.Getenv("PARLEY_CACHE_CHILD")}, LoadOptions{Cache: &Cache{Dir: os.Getenv(CacheDirEnv), Version: "v1"}})
		if err != nil || c.CacheErr != nil || len(c.Docs) != 3 {
			t.Fatal(err, c.CacheErr)
		}
		return
	}
	dir, cacheDir := cacheFolder(t), t.TempDir()
	var cmds []*exec.Cmd
	for range 2 {
		cmd := exec.Command(os.Args[0], "-test.run=^TestCacheTwoProcesses$")
		cmd.Env = append(os.Environ(), "PARLEY_CACHE_CHILD="+dir, CacheDirEnv+"="+cacheDir)
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
	if _, hits := loadCounting(t, dir, cacheDir, "v1"); hits != 3 {
		t.Fatalf("after two processes: %d hits", hits)
	}
}

func TestCacheSizeBounded(t *testing.T) {
	cacheDir := t.TempDir()
	var dirs []string
	for range 3 {
		dirs = append(dirs, cacheFolder(t))
	}
	for i, dir := range dirs {
		loadCounting(t, dir, cacheDir, "v1")
		old := time.Now().Add(time.Duration(i-10) * time.Minute)
		files, _ := filepath.Glob(filepath.Join(cacheDir, "docs-*"))
		for _, f := range files {
			if info, _ := os.Stat(f); info.ModTime().After(old) {
				os.Chtimes(f, old, old)
			}
		}
	}
	one := dirBytes(cacheDir) / 3 // a folder's list and bodies files
	cache := &Cache{Dir: cacheDir, Version: "v1", MaxBytes: 2*one + 10}
	if _, err := LoadPaths([]string{dirs[2]}, LoadOptions{Cache: cache}); err != nil {
		t.Fatal(err)
	}
	if n := dirBytes(cacheDir); n > cache.MaxBytes {
		t.Fatalf("cache takes %d bytes, bound %d", n, cache.MaxBytes)
	}
	// The folder used last is the one kept.
	if _, hits := loadCounting(t, dirs[2], cacheDir, "v1"); hits != 3 {
		t.Fatalf("the latest folder was pruned (%d hits)", hits)
	}
}

// Every field of Document is either encoded or set by the loader: a new
// field must be added to the codec (and docCodecVersion raised).
func TestDocCodecCoversDocument(t *testing.T) {
	known := map[string]bool{"ID": true, "Path": true, "File": true, "Title": true, "Subtitle": true, "Outlet": true,
		"Author": true, "Authors": true, "Published": true, "URL": true, "Kind": true, "Editorial": true,
		"Sections": true, "Matter": true, "Words": true, "Notes": true,
		"body": true} // body: where a body listed apart is read from, set by the loader
	check := func(typ reflect.Type, fields ...string) {
		for i := range typ.NumField() {
			if !known[typ.Field(i).Name] && !contains(fields, typ.Field(i).Name) {
				t.Errorf("%s.%s is not in the cache's codec (corpus/doccodec.go)", typ.Name(), typ.Field(i).Name)
			}
		}
	}
	check(reflect.TypeFor[Document]())
	check(reflect.TypeFor[Section](), "Heading", "Level", "Blocks")
	check(reflect.TypeFor[Block](), "Kind", "Text", "Emphasis", "Sentences", "Rows")
	check(reflect.TypeFor[Sentence](), "Text", "Start", "End")
	check(reflect.TypeFor[Matter](), "Kind", "Text")
	check(reflect.TypeFor[Span](), "Start", "End")
}

func contains(ss []string, s string) bool {
	for _, x := range ss {
		if x == s {
			return true
		}
	}
	return false
}

// Every seed survives the codec unchanged, and no truncation of an
// encoding decodes (or panics).
func TestDocCodecRoundTrip(t *testing.T) {
	c, err := LoadSeeds()
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range c.Docs {
		b := appendDoc(nil, d)
		got, err := decodeDoc(b)
		if err != nil {
			t.Fatal(d.ID, err)
		}
		got.ID, got.Path = d.ID, d.Path
		if !reflect.DeepEqual(emptyAsNil(got), emptyAsNil(d)) {
			t.Errorf("%s changed in the codec", d.ID)
		}
		for n := 0; n < len(b); n += 1 + n/8 {
			if _, err := decodeDoc(b[:n]); err == nil {
				t.Fatalf("%s: a truncation at %d decoded", d.ID, n)
			}
		}
	}
}

// emptyAsNil copies d with its empty string lists nil: the codec does
// not tell an empty list from none, and nothing reading a document does.
func emptyAsNil(d *Document) Document {
	c := *d
	c.body = nil
	for _, l := range []*[]string{&c.Authors, &c.Editorial, &c.Notes} {
		if len(*l) == 0 {
			*l = nil
		}
	}
	return c
}

// FuzzDecodeDoc: no bytes make the decoder panic, and whatever decodes
// survives encoding and decoding again unchanged.
func FuzzDecodeDoc(f *testing.F) {
	c, err := LoadSeeds()
	if err != nil {
		f.Fatal(err)
	}
	for _, d := range c.Docs[:2] {
		f.Add(appendDoc(nil, d))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		d, err := decodeDoc(b)
		if err != nil {
			return
		}
		again, err := decodeDoc(appendDoc(nil, d))
		if err != nil || !reflect.DeepEqual(emptyAsNil(again), emptyAsNil(d)) {
			t.Fatalf("a decoded document changed when encoded again: %v", err)
		}
	})
}

// Files named one by one share their folder's cache file, and naming
// some of them keeps the others' entries.
func TestCacheNamedFiles(t *testing.T) {
	dir, cacheDir := cacheFolder(t), t.TempDir()
	a, b := filepath.Join(dir, "a.txt"), filepath.Join(dir, "b.md")
	load := func(paths ...string) int {
		cache := &Cache{Dir: cacheDir, Version: "v1"}
		c, err := LoadPaths(paths, LoadOptions{Cache: cache})
		if err != nil || c.CacheErr != nil || len(c.Docs) != len(paths) {
			t.Fatal(err, c.CacheErr)
		}
		hits := 0
		for _, rc := range cache.lastRoots {
			hits += rc.hits
		}
		return hits
	}
	load(a, b)
	if files := listFiles(cacheDir); len(files) != 1 {
		t.Fatalf("two files of one folder made %d cache files", len(files))
	}
	load(a)
	if hits := load(a, b); hits != 2 {
		t.Fatalf("b's entry was dropped when a was opened alone: %d hits", hits)
	}
	if _, hits := loadCounting(t, dir, cacheDir, "v1"); hits != 2 {
		t.Fatalf("the folder found %d of its files in the cache, want a and b", hits)
	}
}
