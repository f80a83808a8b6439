//go:build unix

package corpus

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// loadWithin runs LoadPaths and fails the test if it has not returned in
// a generous time: a special file read as a regular one blocks forever.
func loadWithin(t *testing.T, paths ...string) *Corpus {
	t.Helper()
	done := make(chan *Corpus, 1)
	go func() {
		c, _ := LoadPaths(paths, LoadOptions{})
		done <- c
	}()
	select {
	case c := <-done:
		return c
	case <-time.After(20 * time.Second):
		t.Fatalf("LoadPaths(%q) blocked", paths)
		return nil
	}
}

// problemFor is the reason the file p was skipped, or "".
func problemFor(c *Corpus, p string) string {
	for _, pr := range c.Problems {
		if pr.Path == p {
			return pr.Err.Error()
		}
	}
	return ""
}

// A folder holding a FIFO, links to a FIFO, to /dev/null, to /dev/tty
// and to a folder, all named .txt, and a FIFO as its catalog: each is
// skipped with a message and the good file opens, without blocking.
func TestSpecialFilesInFolderAreSkipped(t *testing.T) {
	dir := writeFiles(t, map[string]string{"good.txt": "Good\n\nA fine body.\n"})
	fifo := filepath.Join(dir, "fifo.txt")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Skip("no FIFOs here:", err)
	}
	if err := syscall.Mkfifo(filepath.Join(dir, CatalogFile), 0o600); err != nil {
		t.Fatal(err)
	}
	links := map[string]string{
		"to-fifo.txt":   fifo,
		"to-null.txt":   os.DevNull,
		"to-tty.txt":    "/dev/tty",
		"to-folder.txt": t.TempDir(),
	}
	for name, dest := range links {
		if err := os.Symlink(dest, filepath.Join(dir, name)); err != nil {
			t.Fatal(err)
		}
	}
	c := loadWithin(t, dir)
	if len(c.Docs) != 1 || c.Docs[0].Title != "Good" {
		t.Fatalf("docs %v", c.Docs)
	}
	want := map[string]string{
		"fifo.txt":      "a FIFO (named pipe), not a regular file",
		"to-fifo.txt":   "a FIFO (named pipe), not a regular file",
		"to-null.txt":   "a character device, not a regular file",
		"to-folder.txt": "a directory, not a regular file",
		CatalogFile:     "a FIFO (named pipe), not a regular file",
	}
	if _, err := os.Stat("/dev/tty"); err == nil {
		want["to-tty.txt"] = "a character device, not a regular file"
	}
	for name, reason := range want {
		if got := problemFor(c, filepath.Join(dir, name)); got != reason {
			t.Errorf("%s: %q, want %q", name, got, reason)
		}
	}
}

// Named on the command line, a FIFO and a link to one are reported, not
// dropped in silence nor waited on; a good file beside them still opens.
func TestSpecialFilesNamedAreSkipped(t *testing.T) {
	dir := writeFiles(t, map[string]string{"good.txt": "Good\n\nA fine body.\n"})
	fifo := filepath.Join(dir, "named.txt")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Skip("no FIFOs here:", err)
	}
	link := filepath.Join(dir, "link.md")
	os.Symlink(fifo, link)
	c := loadWithin(t, fifo, link, filepath.Join(dir, "good.txt"))
	if len(c.Docs) != 1 {
		t.Fatalf("docs %v", c.Docs)
	}
	for _, p := range []string{fifo, link} {
		if got := problemFor(c, p); !strings.Contains(got, "FIFO") {
			t.Errorf("%s: %q", p, got)
		}
	}
	// The reader itself refuses what a race could put at a checked name.
	if _, err := readCapped(fifo, MaxFileSize); err == nil || !strings.Contains(err.Error(), "FIFO") {
		t.Fatalf("readCapped of a FIFO: %v", err)
	}
}

// A folder named twice ("two ./two"), or with one of its files named
// too, loads each file once.
func TestSameFolderNamedTwiceLoadsOnce(t *testing.T) {
	dir := writeFiles(t, map[string]string{"two/a.txt": "A\n\nBody a.\n", "two/b.txt": "B\n\nBody b.\n"})
	t.Chdir(dir)
	for _, args := range [][]string{
		{"two", "./two"},
		{"./two/", "two"},
		{"two", "two/a.txt"},
		{"two/a.txt", "./two"},
		{filepath.Join(dir, "two"), "two"},
	} {
		c := loadWithin(t, args...)
		if len(c.Docs) != 2 || len(c.Problems) != 0 {
			var ids []string
			for _, d := range c.Docs {
				ids = append(ids, d.ID)
			}
			t.Errorf("%q: ids %q, problems %v", args, ids, c.Problems)
		}
	}
}

// On Linux a backslash is a character of a file name, not a separator.
func TestBackslashIsPartOfTheName(t *testing.T) {
	dir := writeFiles(t, map[string]string{`notes\2026.txt`: "\n\nno title line here, only lower-case text\n"})
	c := loadWithin(t, dir)
	if len(c.Docs) != 1 {
		t.Fatalf("docs %v problems %v", c.Docs, c.Problems)
	}
	d := c.Docs[0]
	if d.File != `notes\2026.txt` || d.ID != `notes\2026` {
		t.Fatalf("file %q id %q title %q", d.File, d.ID, d.Title)
	}
	if d.Title == "2026" {
		t.Fatalf("titled from part of its name: %q", d.Title)
	}
}
