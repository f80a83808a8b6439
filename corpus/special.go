package corpus

import (
	"fmt"
	"io/fs"
	"os"

	"parley/corpus/atomicfile"
)

// notRegular says why the file p, of type t as its folder lists it, is
// not read, or nil for a regular file. A FIFO, a device or a socket
// would block the read or never end it (a link to /dev/tty would take
// the user's keys); a link is followed to see what it names.
func notRegular(p string, t fs.FileMode) error {
	if t.IsRegular() {
		return nil
	}
	if t&fs.ModeSymlink != 0 {
		fi, err := os.Stat(p)
		if err != nil {
			return cleanErr(err)
		}
		if fi.Mode().IsRegular() {
			return nil
		}
		t = fi.Mode()
	}
	return specialFileError(t)
}

// specialFileError is the reason a file of mode m is skipped:
// "a FIFO (named pipe), not a regular file".
func specialFileError(m fs.FileMode) error {
	return fmt.Errorf("%s, not a regular file", atomicfile.Kind(m))
}
