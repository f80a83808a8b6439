//go:build !linux

package corpus

import (
	"os"
	"slices"
)

// openDir is a folder being read; elsewhere than Linux its files are
// stat'ed by their whole paths.
type openDir struct{}

// listDir reads the folder at path with os.ReadDir's types, appending
// the entries to out sorted by name.
func listDir(path, prefix string, out []dirEntry) (*openDir, []dirEntry, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, nil, err
	}
	defer f.Close()
	des, err := f.ReadDir(-1)
	start := len(out)
	out = slices.Grow(out, len(des))
	for _, de := range des {
		e := dirEntry{path: prefix + de.Name(), typ: de.Type()}
		e.name = e.path[len(prefix):]
		out = append(out, e)
	}
	sortByName(out[start:])
	return &openDir{}, out, err
}

func (d *openDir) stamp(e *dirEntry) FileStamp {
	info, err := os.Stat(e.path)
	if err != nil || !info.Mode().IsRegular() {
		return FileStamp{}
	}
	return FileStamp{Size: info.Size(), MTime: info.ModTime().UnixNano(), OK: true}
}

func (d *openDir) close() {}
