package corpus

import (
	"os"
	"path/filepath"
	"reflect"
	"sync"
	"testing"
	"time"
)

// listCached loads dir through the cache in cacheDir with ListOnly, as
// the interface and parley list do, and counts the cache's hits.
func listCached(t *testing.T, dir, cacheDir string) (*Corpus, int) {
	t.Helper()
	cache := &Cache{Dir: cacheDir, Version: "v1"}
	c, err := LoadPaths([]string{dir}, LoadOptions{Cache: cache, ListOnly: true})
	if err != nil || c.CacheErr != nil {
		t.Fatal(err, c.CacheErr)
	}
	hits := 0
	for _, rc := range cache.lastRoots {
		hits += rc.hits
	}
	return c, hits
}

// loadBodies reads every pending body, from several goroutines at once,
// twice over, as the interface's background reading and its reader may.
func loadBodies(docs []*Document) {
	var wg sync.WaitGroup
	for range 3 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for _, d := range docs {
				d.LoadBody()
			}
		}()
	}
	wg.Wait()
}

// A folder listed from the cache comes with each document's metadata and
// no body; the bodies read later make the same documents a plain load
// parses, field by field.
func TestListOnlyMetadataAndBodiesAgree(t *testing.T) {
	dir, cacheDir := cacheFolder(t), t.TempDir()
	plain, _ := LoadPaths([]string{dir}, LoadOptions{})
	if first, hits := listCached(t, dir, cacheDir); hits != 0 {
		t.Fatalf("an empty cache gave %d hits", hits)
	} else {
		sameDocs(t, first, plain) // parsed this run: whole
	}
	c, hits := listCached(t, dir, cacheDir)
	if hits != 3 {
		t.Fatalf("a warm cache gave %d hits", hits)
	}
	for i, d := range c.Docs {
		want := plain.Docs[i]
		if !d.BodyPending() || d.Sections != nil {
			t.Fatalf("%s came with its body", d.ID)
		}
		if d.Title != want.Title || d.Author != want.Author || d.Words != want.Words || d.ID != want.ID || d.Path != want.Path {
			t.Fatalf("%s's metadata differs: %+v", d.ID, d)
		}
	}
	loadBodies(c.Docs)
	for _, d := range c.Docs {
		if d.BodyPending() {
			t.Fatalf("%s still pending", d.ID)
		}
	}
	sameDocs(t, c, plain)
}

// WithBody gives a pending document's body in a copy and leaves the
// document without it; Blocks and Block read the body into the document
// when first called. Both give what a plain load parses, from several
// goroutines at once.
func TestListOnlyBodyWhenUsed(t *testing.T) {
	dir, cacheDir := cacheFolder(t), t.TempDir()
	plain, _ := LoadPaths([]string{dir}, LoadOptions{})
	listCached(t, dir, cacheDir)
	c, _ := listCached(t, dir, cacheDir)
	copies := make([]*Document, len(c.Docs))
	var wg sync.WaitGroup
	for i, d := range c.Docs {
		wg.Add(2)
		go func() { defer wg.Done(); copies[i] = d.WithBody() }()
		go func() { defer wg.Done(); d.WithBody() }()
	}
	wg.Wait()
	for i, d := range c.Docs {
		if !d.BodyPending() || d.Sections != nil || copies[i] == d {
			t.Fatalf("%s: WithBody kept the body in the document", d.ID)
		}
		if !reflect.DeepEqual(emptyAsNil(copies[i]), emptyAsNil(plain.Docs[i])) {
			t.Fatalf("%s: WithBody gave %+v", d.ID, copies[i])
		}
	}
	for i, d := range c.Docs {
		wg.Add(2)
		go func() { defer wg.Done(); d.Block(0) }()
		go func() { defer wg.Done(); d.Blocks() }()
		wg.Wait()
		if d.BodyPending() || d.WithBody() != d || len(d.Blocks()) != len(plain.Docs[i].Blocks()) {
			t.Fatalf("%s: Blocks did not read the body", d.ID)
		}
	}
	sameDocs(t, c, plain)
}

// With ListOnlyAfter, documents parsed once the words loaded pass it come
// without their body, read back from the bodies file being written: at
// once, during the load (the write still buffered), and after it.
func TestListOnlyAfterParsedBodies(t *testing.T) {
	dir, cacheDir := cacheFolder(t), t.TempDir()
	plain, _ := LoadPaths([]string{dir}, LoadOptions{})
	cache := &Cache{Dir: cacheDir, Version: "v1"}
	var mu sync.Mutex
	pending := 0
	c, err := LoadPaths([]string{dir}, LoadOptions{Cache: cache, ListOnly: true, ListOnlyAfter: 1, Progress: func(_, _ int, d *Document) {
		mu.Lock()
		defer mu.Unlock()
		if d != nil && d.BodyPending() {
			pending++
			d.Blocks() // read back before the files are in place
		}
	}})
	if err != nil || c.CacheErr != nil || pending != len(c.Docs) {
		t.Fatalf("%v %v: %d of %d parsed documents came without their body", err, c.CacheErr, pending, len(c.Docs))
	}
	sameDocs(t, c, plain)
	c, err = LoadPaths([]string{dir}, LoadOptions{Cache: cache, ListOnly: true, ListOnlyAfter: 1})
	for _, d := range c.Docs {
		if err != nil || !d.BodyPending() {
			t.Fatalf("%v: %s parsed again with a cache in place", err, d.ID)
		}
	}
	// A first load with words to spare under the limit keeps every body.
	c, _ = LoadPaths([]string{dir}, LoadOptions{Cache: &Cache{Dir: t.TempDir(), Version: "v1"}, ListOnly: true, ListOnlyAfter: 1 << 30})
	for _, d := range c.Docs {
		if d.BodyPending() {
			t.Fatalf("%s came without its body under the limit", d.ID)
		}
	}
	loadBodies(c.Docs)
	sameDocs(t, c, plain)
}

// A changed file is read and parsed again, alone: it comes whole, the
// others from the cache without their bodies.
func TestListOnlyChangedFileAlone(t *testing.T) {
	dir, cacheDir := cacheFolder(t), t.TempDir()
	listCached(t, dir, cacheDir)
	a := filepath.Join(dir, "a.txt")
	os.WriteFile(a, []byte("Talks stall\n\nThe talks stalled on Friday.\n"), 0o644)
	later := time.Now().Add(2 * time.Second)
	os.Chtimes(a, later, later)
	c, hits := listCached(t, dir, cacheDir)
	if hits != 2 || c.Docs[0].Title != "Talks stall" || c.Docs[0].BodyPending() || !c.Docs[1].BodyPending() {
		t.Fatalf("after a change: %d hits, %q", hits, c.Docs[0].Title)
	}
	// The rewritten cache gives the others' bodies back (the old bodies
	// file, renamed over, is still the one they read).
	loadBodies(c.Docs)
	fresh, _ := LoadPaths([]string{dir}, LoadOptions{})
	sameDocs(t, c, fresh)
	if again, hits := listCached(t, dir, cacheDir); hits != 3 {
		t.Fatalf("after the rewrite: %d hits", hits)
	} else {
		loadBodies(again.Docs)
		sameDocs(t, again, fresh)
	}
}

// A damaged list file is ignored: everything is read again and the pair
// rebuilt. A damaged bodies file costs only the bodies it damaged, which
// are parsed from their files again.
func TestListOnlyCorruptIgnored(t *testing.T) {
	dir, cacheDir := cacheFolder(t), t.TempDir()
	want, _ := LoadPaths([]string{dir}, LoadOptions{})
	listCached(t, dir, cacheDir)
	list := listFiles(cacheDir)[0]
	good, _ := os.ReadFile(list)
	os.WriteFile(list, flipByte(good, len(good)/2), 0o600)
	c, hits := listCached(t, dir, cacheDir)
	if hits != 0 {
		t.Fatalf("%d hits from a damaged list file", hits)
	}
	sameDocs(t, c, want)

	// Bodies damaged after the list was read: read again from the files.
	c, hits = listCached(t, dir, cacheDir)
	if hits != 3 {
		t.Fatalf("the list file was not rebuilt: %d hits", hits)
	}
	bodies := list + bodiesSuffix
	b, _ := os.ReadFile(bodies)
	for i := len(bodiesMagic) + tokenLen; i < len(b); i++ {
		b[i] ^= 0x55
	}
	// Written in place, as damage on disk would be, not renamed over.
	f, _ := os.OpenFile(bodies, os.O_WRONLY, 0)
	f.WriteAt(b, 0)
	f.Close()
	loadBodies(c.Docs)
	sameDocs(t, c, want)
}

// The bodies file of another write (its token differs) is not used with
// this list file.
func TestListOnlyMismatchedPair(t *testing.T) {
	dir, cacheDir := cacheFolder(t), t.TempDir()
	listCached(t, dir, cacheDir)
	list := listFiles(cacheDir)[0]
	old, _ := os.ReadFile(list + bodiesSuffix)
	os.Remove(list)
	os.Remove(list + bodiesSuffix)
	listCached(t, dir, cacheDir) // a new pair, a new token
	os.WriteFile(list+bodiesSuffix, old, 0o600)
	if _, hits := listCached(t, dir, cacheDir); hits != 0 {
		t.Fatalf("%d hits from a list file with another write's bodies", hits)
	}
}

// cacheRel names a file under its root as filepath.Rel does.
func TestCacheRelAsRel(t *testing.T) {
	for _, c := range [][2]string{
		{"/data/bbc", "/data/bbc/business/001.txt"}, {"/data/bbc", "/data/bbc/a"}, {"/", "/a/b"},
		{"/data/bbc", "/data/bbc2/x"}, {"/data/bbc", "/data/bbc/../x"}, {"/data/bbc", "/data/bbc//x"},
		{"/data/bbc", "/data/bbc/./x"}, {"/data/bbc", "/data/bbc/x/"}, {"/data/bbc", "/data/bbc/..x"},
	} {
		want, err := filepath.Rel(c[0], c[1])
		if err != nil {
			want = c[1]
		}
		if got := cacheRel(c[0], c[1]); got != filepath.ToSlash(want) {
			t.Errorf("cacheRel(%q, %q) = %q, want %q", c[0], c[1], got, want)
		}
	}
}
