//go:build unix

package main

import (
	"os"
	"path/filepath"
	"syscall"
	"testing"
)

// TestEndToEndSpecialFilesSkipped: a folder holding a .txt link to a
// FIFO and one to /dev/tty opens its good file (it used to stay at
// "loading 1/2 files", or take the first key as a document), says what
// it skipped, and answers keys.
func TestEndToEndSpecialFilesSkipped(t *testing.T) {
	bin := endToEnd(t)
	dir := t.TempDir()
	writeFile(t, dir, "good.txt", "Good report\n\nThe good text says something.\n")
	fifo := filepath.Join(t.TempDir(), "pipe")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Skip("no FIFOs here:", err)
	}
	os.Symlink(fifo, filepath.Join(dir, "pipe.txt"))
	os.Symlink("/dev/tty", filepath.Join(dir, "tty.txt"))
	s := startTmux(t, bin, 100, 30, dir)
	s.waitFor("Good report", "2 skipped", "a FIFO (named pipe)")
	s.keys("Enter")
	// The preview beside the list shows the text already: the reader's
	// keys say enter opened it.
	s.waitFor("The good text says something", "sentence cursor")
	s.keys("q", "q")
	s.waitExit(0)
}
