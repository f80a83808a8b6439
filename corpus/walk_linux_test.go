package corpus

import (
	"fmt"
	"math/rand"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"golang.org/x/sys/unix"
)

// TestListDirSeveralReads: a folder whose entries take several reads of
// the getdents buffer is listed whole, each entry with its own path and
// name (cut from the string made for its read) and type.
func TestListDirSeveralReads(t *testing.T) {
	dir := t.TempDir()
	want := map[string]bool{}
	// About 100 KB of records, two reads of 64 KB, in few files: creating
	// 1,200 files of short names took most of a second here.
	for i := range 400 {
		name := fmt.Sprintf("%04d-%s.txt", i, strings.Repeat("n", 236))
		if err := os.WriteFile(filepath.Join(dir, name), nil, 0o644); err != nil {
			t.Fatal(err)
		}
		want[name] = true
	}
	if err := os.Mkdir(filepath.Join(dir, "sub"), 0o755); err != nil {
		t.Fatal(err)
	}
	d, entries, err := listDir(dir, dir+"/", nil)
	if err != nil {
		t.Fatal(err)
	}
	d.close()
	if len(entries) != len(want)+1 {
		t.Fatalf("%d entries, want %d", len(entries), len(want)+1)
	}
	for _, e := range entries {
		switch {
		case e.path != dir+"/"+e.name:
			t.Errorf("entry %q has the path %q", e.name, e.path)
		case e.name == "sub":
			if !e.typ.IsDir() {
				t.Errorf("sub: type %v", e.typ)
			}
		case !want[e.name] || !e.typ.IsRegular():
			t.Errorf("entry %q (type %v) not made", e.name, e.typ)
		default:
			delete(want, e.name)
		}
	}
	if len(want) > 0 {
		t.Errorf("%d files not listed", len(want))
	}
}

// TestReadBufSortsAsStrings: the names of a folder as read come out as
// entries in the order strings.Compare gives them (the names of
// TestSortByNameAsStrings), each path the prefix and its name.
func TestReadBufSortsAsStrings(t *testing.T) {
	names := []string{"a", "b", "ab", "abcdefgh", "abcdefghi", "abcdefgh.txt", "abcdefgg.txt", "abcdefgi",
		"001.txt", "010.txt", "100.txt", "0010.txt", "Z", "z", "é.txt", "e\u0301.txt", "\xff", "\x7f", "a b",
		"longer name with spaces.md", "longer name with space.md", ".hidden", "..x", "a.txt", "a.md", "A.txt"}
	rng := rand.New(rand.NewSource(1))
	r := new(readBuf)
	for round := range 200 {
		n := 1 + rng.Intn(len(names))
		r.names, r.recs = r.names[:0], r.recs[:0]
		var want []string
		for _, i := range rng.Perm(len(names))[:n] {
			r.recs = append(r.recs, nameRec{int32(len(r.names)), int32(len(names[i])), unix.DT_REG})
			r.names = append(r.names, names[i]...)
			want = append(want, names[i])
		}
		slices.SortFunc(want, strings.Compare)
		es := r.entries("/p/", nil, []dirEntry{{name: "before"}})
		if len(es) != n+1 || es[0].name != "before" {
			t.Fatalf("round %d: %d entries after the one there", round, len(es)-1)
		}
		for i, e := range es[1:] {
			if e.name != want[i] || e.path != "/p/"+want[i] || !e.typ.IsRegular() {
				t.Fatalf("round %d: place %d holds %q (%q), want %q", round, i, e.name, e.path, want[i])
			}
		}
	}
}
