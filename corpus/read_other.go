//go:build !linux

package corpus

import (
	"fmt"
	"io"
	"os"
	"syscall"
)

// readCapped reads a whole regular file unless it is larger than
// maxSize, which it finds out before reading. Anything else (a FIFO, a
// device) is refused before it is opened, and the open never blocks.
func readCapped(name string, maxSize int64) ([]byte, error) {
	fi, err := os.Stat(name)
	if err != nil {
		return nil, cleanErr(err)
	}
	if !fi.Mode().IsRegular() {
		return nil, specialFileError(fi.Mode())
	}
	f, err := os.OpenFile(name, os.O_RDONLY|syscall.O_NONBLOCK, 0)
	if err != nil {
		return nil, cleanErr(err)
	}
	defer f.Close()
	fi, err = f.Stat()
	if err != nil {
		return nil, cleanErr(err)
	}
	if !fi.Mode().IsRegular() {
		return nil, specialFileError(fi.Mode())
	}
	if fi.Size() > maxSize {
		return nil, fmt.Errorf("file too large (%d bytes; the limit is %d)", fi.Size(), maxSize)
	}
	// One byte more than the size, so a file that grew is still read whole
	// (up to the cap) without a second allocation in the common case.
	buf := make([]byte, 0, fi.Size()+1)
	for {
		n, err := f.Read(buf[len(buf):cap(buf)])
		buf = buf[:len(buf)+n]
		if err == io.EOF {
			return buf, nil
		}
		if err != nil {
			return nil, cleanErr(err)
		}
		if int64(len(buf)) > maxSize {
			return nil, fmt.Errorf("file too large (over the limit of %d bytes)", maxSize)
		}
		if len(buf) == cap(buf) {
			buf = append(buf, 0)[:len(buf)]
		}
	}
}
