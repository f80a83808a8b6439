// Package atomicfile reads and writes the small files parley keeps (the
// reading state, a user's claims file) so that nothing is lost or
// clobbered: a write replaces the file whole or not at all, goes through a
// symbolic link to the file it names, never replaces what is not a regular
// file (a device such as /dev/null, a FIFO, a directory), and a read is
// capped and never blocks on a FIFO or a device.
package atomicfile

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"syscall"
	"time"

	"github.com/gofrs/flock"
)

// NotRegularError says that a path names something other than a regular
// file, which parley neither reads nor replaces.
type NotRegularError struct {
	Path string
	Mode fs.FileMode
}

func (e *NotRegularError) Error() string {
	return e.Path + " is " + Kind(e.Mode) + ", not a regular file"
}

// ErrTooLarge is returned by ReadCapped for a file over its cap.
var ErrTooLarge = errors.New("file too large")

// Kind names a file type in a few words: "a directory", "a FIFO".
func Kind(m fs.FileMode) string {
	switch t := m.Type(); {
	case t == 0:
		return "a regular file"
	case t&fs.ModeDir != 0:
		return "a directory"
	case t&fs.ModeNamedPipe != 0:
		return "a FIFO (named pipe)"
	case t&fs.ModeSocket != 0:
		return "a socket"
	case t&fs.ModeCharDevice != 0:
		return "a character device"
	case t&fs.ModeDevice != 0:
		return "a block device"
	case t&fs.ModeSymlink != 0:
		return "a symbolic link"
	}
	return "a special file"
}

// maxLinks bounds how many symbolic links Target follows, as the kernel
// does (ELOOP after 40).
const maxLinks = 40

// Target follows path through symbolic links to the file a write should
// replace, which need not exist yet (a dangling link names the file it
// will create). A write to the target keeps every link pointing at it.
func Target(path string) (string, error) {
	p := path
	for i := 0; i < maxLinks; i++ {
		fi, err := os.Lstat(p)
		if errors.Is(err, fs.ErrNotExist) {
			return p, nil
		}
		if err != nil {
			return "", err
		}
		if fi.Mode()&fs.ModeSymlink == 0 {
			return p, nil
		}
		dest, err := os.Readlink(p)
		if err != nil {
			return "", err
		}
		if !filepath.IsAbs(dest) {
			dest = filepath.Join(filepath.Dir(p), dest)
		}
		p = dest
	}
	return "", &fs.PathError{Op: "resolve", Path: path, Err: syscall.ELOOP}
}

// Check resolves path (see Target) and reports whether the file there
// exists; an error of type *NotRegularError when it is anything but a
// regular file. Lstat never opens the file, so a FIFO cannot block it.
func Check(path string) (target string, exists bool, err error) {
	target, err = Target(path)
	if err != nil {
		return "", false, err
	}
	fi, err := os.Lstat(target)
	if errors.Is(err, fs.ErrNotExist) {
		return target, false, nil
	}
	if err != nil {
		return target, false, err
	}
	if !fi.Mode().IsRegular() {
		return target, true, &NotRegularError{Path: path, Mode: fi.Mode()}
	}
	return target, true, nil
}

// ReadCapped reads the regular file at path (through links), refusing
// anything else and any file over max bytes. It opens non-blocking and
// checks the opened file again, so a FIFO or a device swapped in after
// the check still cannot block or flood the read.
func ReadCapped(path string, max int64) ([]byte, error) {
	target, _, err := Check(path)
	if err != nil {
		return nil, err
	}
	f, err := os.OpenFile(target, os.O_RDONLY|syscall.O_NONBLOCK, 0)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if !fi.Mode().IsRegular() {
		return nil, &NotRegularError{Path: path, Mode: fi.Mode()}
	}
	if fi.Size() > max {
		return nil, fmt.Errorf("%s: %w (%d bytes; the limit is %d)", path, ErrTooLarge, fi.Size(), max)
	}
	raw, err := io.ReadAll(io.LimitReader(f, max+1))
	if err != nil {
		return nil, err
	}
	if int64(len(raw)) > max {
		return nil, fmt.Errorf("%s: %w (over the limit of %d bytes)", path, ErrTooLarge, max)
	}
	return raw, nil
}

// tempPrefix names the temp files of a write to base, so that CleanTemps
// finds those a killed process left: ".state.json.tmp-123456".
func tempPrefix(base string) string { return "." + base + ".tmp-" }

// Write replaces the file at path (through links) with data: a temp file
// beside it is written, synced and renamed over it, so a crash leaves the
// old file or the new one, never half of one. It refuses a path that is
// not a regular file. A new file gets perm; a replaced one keeps its mode.
func Write(path string, data []byte, perm fs.FileMode) error {
	target, exists, err := Check(path)
	if err != nil {
		return err
	}
	if exists {
		if fi, err := os.Stat(target); err == nil {
			perm = fi.Mode().Perm()
		}
	}
	dir := filepath.Dir(target)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return err
	}
	f, err := os.CreateTemp(dir, tempPrefix(filepath.Base(target))+"*")
	if err != nil {
		return err
	}
	tmp := f.Name()
	_, werr := f.Write(data)
	cherr := f.Chmod(perm)
	serr := f.Sync()
	cerr := f.Close()
	if err := errors.Join(werr, cherr, serr, cerr); err != nil {
		os.Remove(tmp)
		return err
	}
	if err := os.Rename(tmp, target); err != nil {
		os.Remove(tmp)
		return err
	}
	return nil
}

// CleanTemps removes the temp files that writes to path left behind
// (a process killed mid-write) once they are older than age; a younger
// one may be another process's write in progress. It returns how many
// it removed.
func CleanTemps(path string, age time.Duration) int {
	target, err := Target(path)
	if err != nil {
		return 0
	}
	return CleanGlob(filepath.Dir(target), tempPrefix(filepath.Base(target))+"*", age)
}

// CleanGlob removes the regular files in dir matching pattern that are
// older than age (for temp names of earlier versions).
func CleanGlob(dir, pattern string, age time.Duration) int {
	names, _ := filepath.Glob(filepath.Join(filepath.Clean(dir), pattern))
	n := 0
	for _, name := range names {
		fi, err := os.Lstat(name)
		if err != nil || !fi.Mode().IsRegular() || time.Since(fi.ModTime()) < age {
			continue
		}
		if os.Remove(name) == nil {
			n++
		}
	}
	return n
}

// Lock takes an advisory lock on path's lock file (the target's name
// plus ".lock"), waiting at most wait, so that processes sharing the
// file can read, merge and write it in turn. The returned function
// releases it.
func Lock(path string, wait time.Duration) (unlock func(), err error) {
	target, err := Target(path)
	if err != nil {
		return nil, err
	}
	if err := os.MkdirAll(filepath.Dir(target), 0o700); err != nil {
		return nil, err
	}
	l := flock.New(target+".lock", flock.SetPermissions(0o600))
	ctx, cancel := context.WithTimeout(context.Background(), wait)
	defer cancel()
	ok, err := l.TryLockContext(ctx, 10*time.Millisecond)
	if err != nil && !errors.Is(err, context.DeadlineExceeded) {
		return nil, err
	}
	if !ok {
		return nil, fmt.Errorf("%s is locked by another process", path)
	}
	return func() { _ = l.Unlock() }, nil
}
