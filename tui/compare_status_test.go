package tui

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
func statusRow(p *comparePane) string {
	lines := strings.Split(ansi.Strip(p.view()), "\n")
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
		p.update(denied)
		requirePaneSize(t, p.view(), w, 24)
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
	_, cmd := p.update(keyPress("x"))
	p.update(cmd())
	if row := statusRow(p); !strings.Contains(row, "export failed: ") || !strings.Contains(row, "reports does not exist") {
		t.Errorf("status: %q", row)
	}
}

// A long path of an export that worked keeps its file name in view.
func TestCompareExportLongPathShortened(t *testing.T) {
	dir := "/home/analyst/projects/islamabad-talks/reports/drafts/2026/april"
	p := fixturePane(t, 80, 24)
	p.update(compareExportedMsg{path: dir + "/parley-compare-20260412-093000.md", dir: dir})
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
