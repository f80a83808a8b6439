package corpus

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"

	"parley/corpus/testcorpus"
)

// walkTree makes a folder with what a walk must get right: names that
// sort differently by name and by path ("a" and "a-b"), hidden folders
// and files, files of other kinds, a catalog at the top and below, links
// (to a file, to a folder, dangling), a FIFO, odd names, nested folders.
func walkTree(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	files := []string{
		"a/x.txt", "a-b/x.txt", "a.txt", "a b.md", "ab/c/d/e.txt", "z.TXT",
		".hidden/in.txt", "sub/.dot.txt", ".top.txt", "notes.csv", ".secret.csv",
		"catalog.json", "sub/catalog.json", "sub/page.html", "sub/book.epub",
		"odd\x01name.txt", "é/ü.md", "same.txt", "same.md",
	}
	for _, f := range files {
		p := filepath.Join(dir, f)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte("Title\n\nA sentence about "+f+".\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	links := map[string]string{"link.txt": "a.txt", "dirlink.txt": "a", "dangling.txt": "nowhere.txt", "linkdir": "ab"}
	for name, target := range links {
		if err := os.Symlink(target, filepath.Join(dir, name)); err != nil {
			t.Skip("no symlinks here:", err)
		}
	}
	if err := testcorpus.MakeFIFO(filepath.Join(dir, "pipe.txt"), 0o644); err != nil {
		t.Log("no FIFO:", err)
	}
	return dir
}

// TestWalkMatchesWalkDir: the listing finds what the walk with
// filepath.WalkDir found (files, ids, order, problems, other kinds) for
// one folder, several overlapping paths, a relative root and a file.
func TestWalkMatchesWalkDir(t *testing.T) {
	dir := walkTree(t)
	t.Chdir(dir)
	cases := [][]string{
		{dir},
		{dir + "/"},
		{"."},
		{"sub", "."},
		{dir, filepath.Join(dir, "a")},
		{"a.txt", "a", "a-b"},
		{filepath.Join(dir, "ab", "c")},
	}
	for _, paths := range cases {
		got, want := &Corpus{}, &Corpus{}
		gotJobs, wantJobs := got.collect(paths, true), want.collectReference(paths)
		for i := range gotJobs {
			gotJobs[i].stamp, gotJobs[i].relAt = FileStamp{}, 0
		}
		if !reflect.DeepEqual(gotJobs, wantJobs) {
			t.Errorf("%q: files\n got %v\nwant %v", paths, gotJobs, wantJobs)
		}
		if fmt.Sprint(got.Problems) != fmt.Sprint(want.Problems) || !reflect.DeepEqual(got.Unsupported, want.Unsupported) {
			t.Errorf("%q: problems %v, other kinds %q; want %v, %q", paths, got.Problems, got.Unsupported, want.Problems, want.Unsupported)
		}
	}
}

// TestSnapshotStamps: every file's stamp is what os.Stat says (a link
// followed), and a file changed since shows in a new snapshot.
func TestSnapshotStamps(t *testing.T) {
	dir := walkTree(t)
	s := TakeSnapshot([]string{dir})
	if len(s.Files) == 0 || len(s.Stamps) != len(s.Files) {
		t.Fatalf("%d files, %d stamps", len(s.Files), len(s.Stamps))
	}
	for i, f := range s.Files {
		info, err := os.Stat(f.Path)
		want := FileStamp{}
		if err == nil && info.Mode().IsRegular() {
			want = FileStamp{info.Size(), info.ModTime().UnixNano(), true}
		}
		if s.Stamps[i] != want {
			t.Errorf("%s: stamp %+v, want %+v", f.Rel, s.Stamps[i], want)
		}
	}
	if err := os.WriteFile(filepath.Join(dir, "a.txt"), []byte("longer text than before\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	again := TakeSnapshot([]string{dir})
	for i, f := range again.Files {
		if changed := again.Stamps[i] != s.Stamps[i]; changed != (f.Rel == "a.txt" || f.Rel == "link.txt") {
			t.Errorf("%s: changed %v", f.Rel, changed)
		}
	}
}

// TestSnapshotLargeFolder: a folder of more files than one goroutine
// stamps (stamped in parts) gets every file, sorted, each stamped.
func TestSnapshotLargeFolder(t *testing.T) {
	dir := t.TempDir()
	defer func(c int) { stampChunk = c }(stampChunk)
	stampChunk = 64
	const n = 300 // several chunks of stampChunk files, and a part
	for i := range n {
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("f%05d.txt", i)), []byte(strings.Repeat("x", i%7+1)), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	s := TakeSnapshot([]string{dir})
	if len(s.Files) != n {
		t.Fatalf("%d files, want %d", len(s.Files), n)
	}
	if !sort.SliceIsSorted(s.Files, func(a, b int) bool { return s.Files[a].Path < s.Files[b].Path }) {
		t.Error("files not sorted by path")
	}
	for i, st := range s.Stamps {
		if !st.OK || st.Size != int64(i%7+1) {
			t.Fatalf("file %d: stamp %+v", i, st)
		}
	}
}

// collectReference is collect as it was with filepath.WalkDir, the
// reference the faster walk is held to.
func (c *Corpus) collectReference(roots []string) []job {
	var jobs []job
	seen := map[string]bool{} // files by cleaned absolute path
	seenRoot := map[string]bool{}
	ids := map[string]bool{}
	for _, root := range roots {
		info, err := os.Stat(root)
		if err != nil {
			c.Problems = append(c.Problems, LoadError{root, cleanErr(err)})
			continue
		}
		// What the file is comes before its name: /dev/null is a device,
		// whatever its extension.
		if !info.IsDir() && !info.Mode().IsRegular() {
			c.Problems = append(c.Problems, LoadError{root, specialFileError(info.Mode())})
			continue
		}
		if !info.IsDir() && !readableName(root) {
			c.Problems = append(c.Problems, LoadError{root, errUnsupported})
			continue
		}
		absRoot, err := filepath.Abs(root)
		if err != nil {
			absRoot = root
		}
		if seenRoot[absRoot] {
			continue // named twice ("two ./two")
		}
		seenRoot[absRoot] = true
		catalog := info.IsDir() && hasCatalog(root)
		var found []job
		_ = filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				c.Problems = append(c.Problems, LoadError{p, cleanErr(err)})
				return nil
			}
			if d.IsDir() {
				if p != root && strings.HasPrefix(d.Name(), ".") {
					return filepath.SkipDir
				}
				return nil
			}
			if !readableName(p) {
				// Files of other kinds are counted (SkippedSummary); hidden
				// files and the folder's own catalog are not documents.
				if d.Type().IsRegular() && !strings.HasPrefix(d.Name(), ".") && !(filepath.Dir(p) == filepath.Clean(root) && d.Name() == CatalogFile) {
					c.Unsupported = append(c.Unsupported, p)
				}
				return nil
			}
			if p != root {
				if err := notRegular(p, d.Type()); err != nil {
					c.Problems = append(c.Problems, LoadError{p, err})
					return nil
				}
			}
			// Dedupe by cleaned absolute path: "two" and "./two/a.txt"
			// name the same file.
			abs := absRoot
			if p != root {
				// (Rel, not TrimPrefix of the root: with the root ".",
				// that took the dot off ".top.txt".)
				rel, _ := filepath.Rel(root, p)
				abs = filepath.Join(absRoot, rel)
			}
			if seen[abs] {
				return nil
			}
			seen[abs] = true
			id := docID(root, p, info.IsDir())
			found = append(found, job{path: p, id: id, root: root, rel: id, abs: abs, catalog: catalog})
			return nil
		})
		sort.Slice(found, func(a, b int) bool { return found[a].path < found[b].path })
		for i := range found {
			found[i].id = uniqueID(ids, found[i].id, root)
		}
		jobs = append(jobs, found...)
	}
	return jobs
}

// TestWalkSymlinkedRoot: a folder named through a link is read (the walk
// with filepath.WalkDir took the link for a file and found nothing),
// while links to folders inside it are still not followed.
func TestWalkSymlinkedRoot(t *testing.T) {
	dir := walkTree(t)
	link := filepath.Join(t.TempDir(), "link")
	if err := os.Symlink(dir, link); err != nil {
		t.Skip("no symlinks here:", err)
	}
	viaLink, direct := List([]string{link}), List([]string{dir})
	if len(viaLink.Files) == 0 || len(viaLink.Files) != len(direct.Files) {
		t.Fatalf("%d files through the link, %d directly", len(viaLink.Files), len(direct.Files))
	}
	for i, f := range viaLink.Files {
		d := direct.Files[i]
		// A second file of the same id is named after its folder.
		sameID := f.ID == d.ID || strings.TrimPrefix(f.ID, "link/") == strings.TrimPrefix(d.ID, filepath.Base(dir)+"/")
		if !sameID || f.Rel != d.Rel || f.Path != filepath.Join(link, d.Rel) {
			t.Errorf("through the link %+v, directly %+v", f, d)
		}
		if strings.HasPrefix(f.Rel, "linkdir/") {
			t.Errorf("followed a link inside the folder: %s", f.Rel)
		}
	}
}
