package corpus

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestListDirSeveralReads: a folder whose entries take several reads of
// the getdents buffer is listed whole, each entry with its own path and
// name (cut from the string made for its read) and type.
func TestListDirSeveralReads(t *testing.T) {
	dir := t.TempDir()
	want := map[string]bool{}
	for i := range 1200 { // about 100 KB of records: two reads of 64 KB
		name := fmt.Sprintf("%04d-%s.txt", i, strings.Repeat("n", 60))
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
