//go:build unix

package atomicfile

import (
	"errors"
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"
)

func TestWriteReplacesWholeAndLeavesNoTemp(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "sub", "f.json")
	for _, s := range []string{"first", "second"} {
		if err := Write(path, []byte(s), 0o600); err != nil {
			t.Fatal(err)
		}
		if got, _ := os.ReadFile(path); string(got) != s {
			t.Fatalf("got %q", got)
		}
	}
	if entries, _ := os.ReadDir(filepath.Dir(path)); len(entries) != 1 {
		t.Fatalf("left behind: %v", entries)
	}
}

func TestWriteKeepsModeOfReplacedFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "f")
	if err := os.WriteFile(path, []byte("x"), 0o640); err != nil {
		t.Fatal(err)
	}
	if err := Write(path, []byte("y"), 0o600); err != nil {
		t.Fatal(err)
	}
	if fi, _ := os.Stat(path); fi.Mode().Perm() != 0o640 {
		t.Fatalf("mode %v", fi.Mode())
	}
}

// A dotfile setup links the state file elsewhere: the write goes to the
// link's target and the link stays a link, also through a relative link
// and a chain of two, and a dangling link creates its target.
func TestWriteThroughSymlinks(t *testing.T) {
	dir := t.TempDir()
	real := filepath.Join(dir, "dotfiles", "state.json")
	os.MkdirAll(filepath.Dir(real), 0o700)
	os.WriteFile(real, []byte("old"), 0o600)
	mid := filepath.Join(dir, "mid.json")
	link := filepath.Join(dir, "link.json")
	if err := os.Symlink("dotfiles/state.json", mid); err != nil {
		t.Fatal(err)
	}
	os.Symlink(mid, link)
	if err := Write(link, []byte("new"), 0o600); err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{link, mid} {
		if fi, _ := os.Lstat(p); fi.Mode()&os.ModeSymlink == 0 {
			t.Fatalf("%s is no longer a link", p)
		}
	}
	if got, _ := os.ReadFile(real); string(got) != "new" {
		t.Fatalf("target holds %q", got)
	}
	dangling := filepath.Join(dir, "dangling.json")
	os.Symlink("created.json", dangling)
	if err := Write(dangling, []byte("made"), 0o600); err != nil {
		t.Fatal(err)
	}
	if got, _ := os.ReadFile(filepath.Join(dir, "created.json")); string(got) != "made" {
		t.Fatalf("dangling link target holds %q", got)
	}
	loop := filepath.Join(dir, "loop")
	os.Symlink("loop", loop)
	if err := Write(loop, []byte("x"), 0o600); err == nil {
		t.Fatal("a link loop was written")
	}
}

// Nothing that is not a regular file is replaced or read: a FIFO (a read
// would block), a device, a directory, and each of those behind a link.
func TestSpecialFilesNeverReplacedOrRead(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "fifo")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Skip("no FIFOs here:", err)
	}
	sub := filepath.Join(dir, "dir")
	os.Mkdir(sub, 0o700)
	link := filepath.Join(dir, "link-to-fifo.json")
	os.Symlink(fifo, link)
	for _, p := range []string{fifo, sub, link, os.DevNull} {
		var nr *NotRegularError
		if err := Write(p, []byte("x"), 0o600); !errors.As(err, &nr) {
			t.Errorf("Write %s: %v", p, err)
		}
		done := make(chan error, 1)
		go func() { _, err := ReadCapped(p, 1<<20); done <- err }()
		select {
		case err := <-done:
			if !errors.As(err, &nr) {
				t.Errorf("ReadCapped %s: %v", p, err)
			}
		case <-time.After(10 * time.Second):
			t.Fatalf("ReadCapped %s blocked", p)
		}
	}
	if fi, _ := os.Lstat(fifo); fi.Mode()&os.ModeNamedPipe == 0 {
		t.Fatal("the FIFO was replaced")
	}
	if fi, err := os.Stat(os.DevNull); err != nil || fi.Mode().IsRegular() {
		t.Fatal("/dev/null was replaced")
	}
}

func TestReadCappedRefusesLargeFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "big")
	os.WriteFile(path, make([]byte, 2000), 0o600)
	if _, err := ReadCapped(path, 1999); !errors.Is(err, ErrTooLarge) {
		t.Fatal(err)
	}
	if raw, err := ReadCapped(path, 2000); err != nil || len(raw) != 2000 {
		t.Fatal(len(raw), err)
	}
}

func TestCleanTempsRemovesOnlyOldTemps(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "state.json")
	old := filepath.Join(dir, ".state.json.tmp-111")
	young := filepath.Join(dir, ".state.json.tmp-222")
	other := filepath.Join(dir, ".other.json.tmp-333")
	for _, p := range []string{old, young, other, path} {
		os.WriteFile(p, []byte("x"), 0o600)
	}
	hourAgo := time.Now().Add(-time.Hour)
	os.Chtimes(old, hourAgo, hourAgo)
	os.Chtimes(other, hourAgo, hourAgo)
	if n := CleanTemps(path, time.Minute); n != 1 {
		t.Fatalf("removed %d", n)
	}
	for p, want := range map[string]bool{old: false, young: true, other: true, path: true} {
		if _, err := os.Stat(p); (err == nil) != want {
			t.Errorf("%s exists=%v", p, err == nil)
		}
	}
}

func TestLockExcludesASecondHolder(t *testing.T) {
	path := filepath.Join(t.TempDir(), "state.json")
	unlock, err := Lock(path, time.Second)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := Lock(path, 20*time.Millisecond); err == nil {
		t.Fatal("a second lock was granted while the first was held")
	}
	unlock()
	unlock2, err := Lock(path, time.Second)
	if err != nil {
		t.Fatal(err)
	}
	unlock2()
}
