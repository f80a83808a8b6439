package corpus

import (
	"bytes"
	"encoding/binary"
	"io/fs"
	"slices"
	"strings"
	"sync"

	"golang.org/x/sys/unix"
)

// openDir is a folder open for reading and for stat'ing its entries
// relative to it (one path component looked up per file, not the whole
// path).
type openDir struct{ fd int }

var direntBufs = sync.Pool{New: func() any { b := make([]byte, 64<<10); return &b }}

// listDir reads the folder at path with getdents, taking each entry's
// type from it (a stat only when the file system does not say), as
// os.ReadDir does, without an allocation per entry; the entries are
// appended to out.
func listDir(path, prefix string, out []dirEntry) (*openDir, []dirEntry, error) {
	fd, err := openDirFD(path)
	if err != nil {
		return nil, nil, &fs.PathError{Op: "open", Path: path, Err: err}
	}
	d := &openDir{fd: fd}
	bp := direntBufs.Get().(*[]byte)
	defer direntBufs.Put(bp)
	for {
		n, err := unix.Getdents(fd, *bp)
		if err == unix.EINTR {
			continue
		}
		if err != nil {
			return d, out, &fs.PathError{Op: "readdirent", Path: path, Err: err}
		}
		if n <= 0 {
			return d, out, nil
		}
		out = parseDirents((*bp)[:n], prefix, d, out)
	}
}

func openDirFD(path string) (int, error) {
	for {
		fd, err := unix.Open(path, unix.O_RDONLY|unix.O_DIRECTORY|unix.O_CLOEXEC, 0)
		if err != unix.EINTR {
			return fd, err
		}
	}
}

// parseDirents appends the entries of a getdents buffer (struct
// linux_dirent64: inode, offset, record length, type, name) but . and ..
// Their paths are cut from one string made for the buffer: a string per
// path was a small allocation for each of the 40x BBC folder's 89,040
// files, and the later passes over the listing read the paths where
// they lay, scattered among the walk's other allocations.
func parseDirents(b []byte, prefix string, d *openDir, out []dirEntry) []dirEntry {
	// Room for every record at once: grown by append, the entries of the
	// 40x BBC folder's 241 folders took twice their size (6 MB more to
	// allocate, whose fresh pages cost the kernel a fault each).
	n, size := 0, 0
	eachDirent(b, func(name []byte, _ byte) {
		n++
		size += len(prefix) + len(name)
	})
	out = slices.Grow(out, n)
	var sb strings.Builder
	sb.Grow(size)
	eachDirent(b, func(name []byte, _ byte) {
		sb.WriteString(prefix)
		sb.Write(name)
	})
	paths := sb.String()
	eachDirent(b, func(name []byte, typ byte) {
		e := dirEntry{path: paths[:len(prefix)+len(name)]}
		paths = paths[len(e.path):]
		e.name = e.path[len(prefix):]
		e.typ = direntType(typ, d, e.name)
		out = append(out, e)
	})
	return out
}

// eachDirent calls fn with the name and type of each record of a
// getdents buffer but . and .., in order.
func eachDirent(b []byte, fn func(name []byte, typ byte)) {
	for len(b) >= 19 {
		reclen := int(binary.NativeEndian.Uint16(b[16:]))
		if reclen < 19 || reclen > len(b) {
			return
		}
		typ, name := b[18], b[19:reclen]
		b = b[reclen:]
		if i := bytes.IndexByte(name, 0); i >= 0 {
			name = name[:i]
		}
		if len(name) == 0 || string(name) == "." || string(name) == ".." {
			continue
		}
		fn(name, typ)
	}
}

// direntType is the type a dirent lists, from a stat of the link itself
// when it says it does not know.
func direntType(t byte, d *openDir, name string) fs.FileMode {
	switch t {
	case unix.DT_REG:
		return 0
	case unix.DT_DIR:
		return fs.ModeDir
	case unix.DT_LNK:
		return fs.ModeSymlink
	case unix.DT_FIFO:
		return fs.ModeNamedPipe
	case unix.DT_SOCK:
		return fs.ModeSocket
	case unix.DT_CHR:
		return fs.ModeDevice | fs.ModeCharDevice
	case unix.DT_BLK:
		return fs.ModeDevice
	}
	var st unix.Stat_t
	if unix.Fstatat(d.fd, name, &st, unix.AT_SYMLINK_NOFOLLOW) != nil {
		return fs.ModeIrregular
	}
	return statType(st.Mode)
}

func statType(m uint32) fs.FileMode {
	switch m & unix.S_IFMT {
	case unix.S_IFREG:
		return 0
	case unix.S_IFDIR:
		return fs.ModeDir
	case unix.S_IFLNK:
		return fs.ModeSymlink
	case unix.S_IFIFO:
		return fs.ModeNamedPipe
	case unix.S_IFSOCK:
		return fs.ModeSocket
	case unix.S_IFCHR:
		return fs.ModeDevice | fs.ModeCharDevice
	case unix.S_IFBLK:
		return fs.ModeDevice
	}
	return fs.ModeIrregular
}

// stamp is the entry's size and modification time, following a link as
// os.Stat does; not ok unless it names a regular file.
func (d *openDir) stamp(e *dirEntry) FileStamp {
	var st unix.Stat_t
	for {
		err := unix.Fstatat(d.fd, e.name, &st, 0)
		if err == unix.EINTR {
			continue
		}
		if err != nil || st.Mode&unix.S_IFMT != unix.S_IFREG {
			return FileStamp{}
		}
		return FileStamp{Size: st.Size, MTime: st.Mtim.Nano(), OK: true}
	}
}

func (d *openDir) close() { unix.Close(d.fd) }
