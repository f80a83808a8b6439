package corpus

import (
	"reflect"
	"testing"
)

// A load for parley list (NoBodies) keeps every document's list metadata
// and no body, with the cache off and on; the cache it fills still holds
// the bodies whole, as a later load reads them.
func TestNoBodiesKeepsMetadataAndFillsCache(t *testing.T) {
	dir, cacheDir := cacheFolder(t), t.TempDir()
	plain, err := LoadPaths([]string{dir}, LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	for _, cache := range []*Cache{nil, {Dir: cacheDir, Version: "v1"}} {
		c, err := LoadPaths([]string{dir}, LoadOptions{Cache: cache, ListOnly: true, NoBodies: true})
		if err != nil || len(c.Docs) != len(plain.Docs) {
			t.Fatalf("cache %v: %v, %d documents", cache != nil, err, len(c.Docs))
		}
		for i, d := range c.Docs {
			if d.Sections != nil || d.Matter != nil || d.BodyPending() {
				t.Fatalf("cache %v: %s came with its body", cache != nil, d.ID)
			}
			want := *plain.Docs[i]
			want.Sections, want.Matter = nil, nil
			if !reflect.DeepEqual(emptyAsNil(d), emptyAsNil(&want)) {
				t.Errorf("cache %v: %s's metadata\n got %+v\nwant %+v", cache != nil, d.ID, d, &want)
			}
		}
	}
	c, hits := listCached(t, dir, cacheDir)
	if hits != len(plain.Docs) {
		t.Fatalf("the cache filled by a load without bodies gave %d hits", hits)
	}
	loadBodies(c.Docs)
	sameDocs(t, c, plain)
}
