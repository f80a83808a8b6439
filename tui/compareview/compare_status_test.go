package compareview

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"
)

// statusRow is the compare view's status line (its last line), plain.
func statusRow(p *ComparePane) string {
	lines := strings.Split(ansi.Strip(p.View()), "\n")
	return lines[len(lines)-1]
}

// An export that fails says why in a few words that fit the status line:
// "export failed: <dir> not writable", the folder shortened from the left
// on a narrow screen, never the system's message cut off mid-word.
func TestCompareExportFailureFits(t *testing.T) {
	dir := "/home/analyst/projects/islamabad-talks/reports/drafts/2026/april/shared-with-the-desk"
	denied := compareExportedMsg{
		path: dir + "/parley-compare-20260412-093000.md", dir: dir,
		err: &fs.PathError{Op: "open", Path: dir + "/parley-compare-20260412-093000.md", Err: syscall.EACCES},
	}
	for _, w := range []int{200, 120, 80, 50} {
		p := fixturePane(t, w, 24)
		p.Update(denied)
		requirePaneSize(t, p.View(), w, 24)
		row := statusRow(p)
		if !strings.Contains(row, "export failed: ") || !strings.Contains(row, " not writable") {
			t.Errorf("%d columns: the failure is not said in full: %q", w, row)
		}
		if strings.Contains(row, "permission") {
			t.Errorf("%d columns: the system's message is shown: %q", w, row)
		}
		if w >= 200 && !strings.Contains(row, dir) {
			t.Errorf("%d columns: the folder is not named in full: %q", w, row)
		}
		if !strings.Contains(row, "shared-with-the-desk not writable") {
			t.Errorf("%d columns: the folder's own name is cut: %q", w, row)
		}
	}
	// Other causes, in as few words.
	for _, c := range []struct {
		err  error
		want string
	}{
		{syscall.EROFS, "export failed: /r not writable"},
		{syscall.ENOENT, "export failed: /r does not exist"},
		{syscall.ENOSPC, "export failed: no space left in /r"},
		{syscall.EISDIR, "export failed: /r: is a directory"},
	} {
		got := exportStatus(compareExportedMsg{path: "/r/x.md", dir: "/r", err: &fs.PathError{Op: "open", Path: "/r/x.md", Err: c.err}})
		if s := got.text + got.path + got.tail; s != c.want || !got.err {
			t.Errorf("%v: %q, want %q", c.err, s, c.want)
		}
	}
}

// A real failure: the export folder is not there.
func TestCompareExportMissingFolder(t *testing.T) {
	file := filepath.Join(t.TempDir(), "a-file")
	if err := os.WriteFile(file, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	p := fixturePane(t, 80, 24)
	p.exportDir = filepath.Join(file, "reports")
	p.now = func() time.Time { return time.Date(2026, 4, 12, 9, 30, 0, 0, time.UTC) }
	_, cmd := p.Update(keyPress("x"))
	p.Update(cmd())
	if row := statusRow(p); !strings.Contains(row, "export failed: ") || !strings.Contains(row, "reports does not exist") {
		t.Errorf("status: %q", row)
	}
}

// A long path of an export that worked keeps its file name in view.
func TestCompareExportLongPathShortened(t *testing.T) {
	dir := "/home/analyst/projects/islamabad-talks/reports/drafts/2026/april"
	p := fixturePane(t, 80, 24)
	p.Update(compareExportedMsg{path: dir + "/parley-compare-20260412-093000.md", dir: dir})
	row := statusRow(p)
	if !strings.Contains(row, "exported to …/") || !strings.Contains(row, "/parley-compare-20260412-093000.md") {
		t.Errorf("status: %q", row)
	}
}

func TestShortenPath(t *testing.T) {
	for _, c := range []struct {
		path string
		w    int
		want string
	}{
		{"/a/b/c.md", 20, "/a/b/c.md"},
		{"/home/user/reports/c.md", 15, "…/reports/c.md"},
		{"/home/user/reports/c.md", 9, "…/c.md"},
		{"/home/user/reports/c.md", 1, "…"},
		{"/報告/報告/報告.md", 10, "…/報告.md"},
	} {
		got := shortenPath(c.path, c.w)
		if got != c.want || ansi.StringWidth(got) > max(c.w, 1) {
			t.Errorf("shortenPath(%q, %d) = %q, want %q", c.path, c.w, got, c.want)
		}
	}
}

// At 30 columns and narrower the reason of a failed export stays in
// view: the words before it give way first.
func TestCompareExportReasonVisibleWhenNarrow(t *testing.T) {
	dir := "/home/analyst/projects/reports"
	file := dir + "/parley-compare-20260412-093000.md"
	for _, c := range []struct {
		err    error
		reason string
	}{
		{syscall.EACCES, "not writable"},
		{syscall.EEXIST, "exists already"},
		{syscall.EISDIR, "is a directory"},
		{syscall.ENOENT, "does not exist"},
		{errNoWorkingDir, "the working folder was deleted"},
	} {
		for _, w := range []int{30, 24} {
			p := fixturePane(t, w, 24)
			err := c.err
			if err != errNoWorkingDir {
				err = &fs.PathError{Op: "open", Path: file, Err: c.err}
			}
			p.Update(compareExportedMsg{path: file, dir: dir, err: err})
			requirePaneSize(t, p.View(), w, 24)
			if row := statusRow(p); len(c.reason) <= w && !strings.Contains(row, c.reason) {
				t.Errorf("%d columns, %v: %q", w, c.err, row)
			}
		}
	}
}

// Two exports in the same second make two files: the second never fails
// on the first, nor replaces it.
func TestCompareExportTwiceInOneSecond(t *testing.T) {
	dir := t.TempDir()
	p := fixturePane(t, 80, 24)
	p.exportDir = dir
	p.now = func() time.Time { return time.Date(2026, 4, 12, 9, 30, 0, 0, time.UTC) }
	for range 3 {
		_, cmd := p.Update(keyPress("x"))
		p.Update(cmd())
		if row := statusRow(p); !strings.Contains(row, "exported to ") {
			t.Fatalf("status: %q", row)
		}
	}
	names, _ := filepath.Glob(filepath.Join(dir, "parley-compare-20260412-093000*.md"))
	if len(names) != 3 {
		t.Fatalf("files: %q", names)
	}
}

// A working folder deleted while parley runs is said as such, not as
// ". does not exist".
func TestCompareExportDeletedWorkingFolder(t *testing.T) {
	gone := t.TempDir()
	t.Chdir(gone)
	if err := os.Remove(gone); err != nil {
		t.Skip("cannot remove the working folder here:", err)
	}
	p := fixturePane(t, 80, 24)
	p.exportDir = ""
	_, cmd := p.Update(keyPress("x"))
	p.Update(cmd())
	if row := statusRow(p); !strings.Contains(row, "export failed: the working folder was deleted") {
		t.Fatalf("status: %q", row)
	}
}
