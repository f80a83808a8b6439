//go:build unix

package search

import (
	"os"
	"syscall"
)

// mapFile maps the file at path read-only. Mapped, a search over a
// folder forty times the BBC's reads its 460 MB index without copying
// it into the heap: the pages come from the page cache as they are
// first touched, and are not counted twice in memory. The mapping is
// never written; a new index is renamed over the old file, which stays
// whole while mapped.
func mapFile(path string) ([]byte, func(), error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, nil, err
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return nil, nil, err
	}
	if info.Size() == 0 || int64(int(info.Size())) != info.Size() {
		return nil, nil, errStore
	}
	data, err := syscall.Mmap(int(f.Fd()), 0, int(info.Size()), syscall.PROT_READ, syscall.MAP_SHARED)
	if err != nil {
		return nil, nil, err
	}
	return data, func() { _ = syscall.Munmap(data) }, nil
}
