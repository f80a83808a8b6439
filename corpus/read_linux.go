package corpus

import (
	"fmt"
	"syscall"
)

// readCapped reads a whole regular file unless it is larger than
// maxSize, which it finds out before reading. It asks the kernel directly
// because os.Open also offers every file to the network poller: four
// fcntl calls and an epoll_ctl that always fails for a regular file,
// twice the system calls of the read itself in a folder of small files.
// The open never blocks (O_NONBLOCK: a FIFO has no writer) nor takes a
// terminal (O_NOCTTY), and anything but a regular file is refused before
// a byte is read, whatever a link or a race put at the name.
func readCapped(name string, maxSize int64) ([]byte, error) {
	var fd int
	err := retryEINTR(func() (err error) {
		fd, err = syscall.Open(name, syscall.O_RDONLY|syscall.O_CLOEXEC|syscall.O_NONBLOCK|syscall.O_NOCTTY, 0)
		return err
	})
	if err != nil {
		return nil, err
	}
	defer syscall.Close(fd)
	var st syscall.Stat_t
	if err := retryEINTR(func() error { return syscall.Fstat(fd, &st) }); err != nil {
		return nil, err
	}
	if st.Mode&syscall.S_IFMT != syscall.S_IFREG {
		return nil, specialFileError(statType(st.Mode))
	}
	if st.Size > maxSize {
		return nil, fmt.Errorf("file too large (%d bytes; the limit is %d)", st.Size, maxSize)
	}
	// One byte more than the size, so a file that grew is still read whole
	// (up to the cap) without a second allocation in the common case.
	buf := make([]byte, 0, st.Size+1)
	for {
		var n int
		want := cap(buf) - len(buf)
		err := retryEINTR(func() (err error) {
			n, err = syscall.Read(fd, buf[len(buf):cap(buf)])
			return err
		})
		if err != nil {
			return nil, err
		}
		if n == 0 {
			return buf, nil
		}
		buf = buf[:len(buf)+n]
		if int64(len(buf)) > maxSize {
			return nil, fmt.Errorf("file too large (over the limit of %d bytes)", maxSize)
		}
		// A short read once the size fstat gave is in is the end of the
		// file: no second read just to see 0 (one system call per file).
		// A short read before that (a file that shrank, or a file system
		// that reads short) goes round again as before.
		if n < want && int64(len(buf)) >= st.Size {
			return buf, nil
		}
		if len(buf) == cap(buf) {
			buf = append(buf, 0)[:len(buf)]
		}
	}
}

// retryEINTR calls f again while a signal interrupts it, as package os does.
func retryEINTR(f func() error) error {
	for {
		if err := f(); err != syscall.EINTR {
			return err
		}
	}
}
