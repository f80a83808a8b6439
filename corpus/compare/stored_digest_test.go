package compare

import (
	"testing"

	"parley/corpus"
)

// The listing's digest tells apart listings that differ in any file's
// folder, path, name, id, size, time or state, however the digest
// abbreviates a path or id it can tell from the file before.
func TestListingDigestTellsApart(t *testing.T) {
	base := func() *corpus.Snapshot {
		return &corpus.Snapshot{
			Listing: &corpus.Listing{Files: []corpus.ListedFile{
				{Path: "bbc/a/1.txt", ID: "a/1", Root: "/h/bbc", Rel: "a/1.txt"},
				{Path: "bbc/a/2.md", ID: "a/2", Root: "/h/bbc", Rel: "a/2.md"},
				{Path: "bbc/b/1.txt", ID: "b/1", Root: "/h/bbc", Rel: "b/1.txt"},
				{Path: "/x/y.txt", ID: "y", Root: "/x", Rel: "y.txt"},
			}},
			Stamps: []corpus.FileStamp{{Size: 1, MTime: 10, OK: true}, {Size: 2, MTime: 20, OK: true}, {Size: 3, MTime: 30, OK: true}, {Size: 4, MTime: 40, OK: true}},
		}
	}
	changes := map[string]func(s *corpus.Snapshot){
		"path named otherwise": func(s *corpus.Snapshot) { s.Files[1].Path = "./bbc/a/2.md" },
		"every path otherwise": func(s *corpus.Snapshot) {
			for i := range 3 {
				s.Files[i].Path = "/h/" + s.Files[i].Path
			}
		},
		"root":             func(s *corpus.Snapshot) { s.Files[2].Root = "/h/bbd" },
		"rel":              func(s *corpus.Snapshot) { s.Files[2].Rel, s.Files[2].Path = "b/1.text", "bbc/b/1.text" },
		"id":               func(s *corpus.Snapshot) { s.Files[0].ID = "bbc/a/1" },
		"id of the last":   func(s *corpus.Snapshot) { s.Files[3].ID = "x/y" },
		"size":             func(s *corpus.Snapshot) { s.Stamps[2].Size++ },
		"time":             func(s *corpus.Snapshot) { s.Stamps[0].MTime++ },
		"state":            func(s *corpus.Snapshot) { s.Stamps[3].OK = false },
		"a file fewer":     func(s *corpus.Snapshot) { s.Files, s.Stamps = s.Files[:3], s.Stamps[:3] },
		"path not its rel": func(s *corpus.Snapshot) { s.Files[1].Path = "bbc/a/3.md" },
	}
	want := listingDigest(base())
	if listingDigest(base()) != want {
		t.Fatal("one listing summed two ways")
	}
	seen := map[[32]byte]string{want: "the listing"}
	for name, change := range changes {
		s := base()
		change(s)
		d := listingDigest(s)
		if other, dup := seen[d]; dup {
			t.Errorf("%s: digest of %s", name, other)
		}
		seen[d] = name
	}
}
