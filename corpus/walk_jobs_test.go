package corpus

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"testing"
)

// TestWalkRunsInOrder: the jobs each folder makes as it is read, put
// together a folder's run at a time, are the walk's files in the order
// filepath.WalkDir finds them, with the problems and the files of other
// kinds in their order too, when they fall before, between and after
// sub-folders at several depths; and the snapshot lists the same files,
// each with its own stamp, whichever half of the listing it is in.
func TestWalkRunsInOrder(t *testing.T) {
	dir := t.TempDir()
	files := []string{
		"a.csv", "b/c.txt", "b/d.csv", "b/e/f.txt", "b/e/g.csv", "b/h.txt", "b/i.csv",
		"j.txt", "k/l.txt", "m.csv", "n/o/p/q.txt", "n/o/r.csv", "n/s.txt", "t.txt", "u.csv",
	}
	for i, f := range files {
		p := filepath.Join(dir, f)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(fmt.Sprintf("Title %d\n\nText.\n", i)), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	// Links to nowhere are problems, before and after sub-folders.
	for _, l := range []string{"a0.txt", "b/d0.txt", "b/e/g0.txt", "b/z.txt", "n/o/p/z.txt", "z.txt"} {
		if err := os.Symlink("nowhere", filepath.Join(dir, l)); err != nil {
			t.Skip("no symlinks here:", err)
		}
	}
	got, want := &Corpus{}, &Corpus{}
	gotJobs, wantJobs := got.collect([]string{dir}, true), want.collectReference([]string{dir})
	stamps := make([]FileStamp, len(gotJobs))
	for i := range gotJobs {
		stamps[i], gotJobs[i].stamp, gotJobs[i].relAt = gotJobs[i].stamp, FileStamp{}, 0
	}
	if !reflect.DeepEqual(gotJobs, wantJobs) {
		t.Errorf("files\n got %v\nwant %v", gotJobs, wantJobs)
	}
	if fmt.Sprint(got.Problems) != fmt.Sprint(want.Problems) || !reflect.DeepEqual(got.Unsupported, want.Unsupported) {
		t.Errorf("problems %v, other kinds %q; want %v, %q", got.Problems, got.Unsupported, want.Problems, want.Unsupported)
	}
	s := TakeSnapshot([]string{dir})
	if len(s.Files) != len(wantJobs) || len(s.Stamps) != len(wantJobs) {
		t.Fatalf("snapshot of %d files, %d stamps; want %d", len(s.Files), len(s.Stamps), len(wantJobs))
	}
	for i, f := range s.Files {
		j := wantJobs[i]
		if f.Path != j.path || f.ID != j.id || f.Root != dir || f.Rel != filepath.ToSlash(j.path[len(dir)+1:]) || f.job.path != j.path {
			t.Errorf("file %d: %+v, want the job %+v", i, f, j)
		}
		if s.Stamps[i] != stamps[i] || !s.Stamps[i].OK {
			t.Errorf("file %d (%s): stamp %+v, want %+v", i, f.Rel, s.Stamps[i], stamps[i])
		}
	}
}

// TestListedRelAsCacheRel: a listed file's path below its folder is
// what cacheRel makes of its absolute path, however the folder is named
// (absolute, with a trailing slash, relative, as ".").
func TestListedRelAsCacheRel(t *testing.T) {
	dir := walkTree(t)
	t.Chdir(filepath.Dir(dir))
	for _, root := range []string{dir, dir + "/", filepath.Base(dir), "./" + filepath.Base(dir) + "/sub/..", "."} {
		l := List([]string{root})
		abs, _ := filepath.Abs(root)
		if len(l.Files) == 0 {
			t.Fatalf("%q: no files", root)
		}
		for _, f := range l.Files {
			if want := cacheRel(abs, f.job.abs); f.Rel != want || f.Root != abs {
				t.Errorf("%q: %s under %s, want %s under %s", root, f.Rel, f.Root, want, abs)
			}
		}
	}
}
