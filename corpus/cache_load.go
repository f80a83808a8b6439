package corpus

import (
	"os"
	"path/filepath"
	"strings"
)

// loadCached is loadOne through the cache: a file whose size and
// modification time match its entry is decoded rather than read and
// parsed; any other is read, parsed and recorded. LoadOptions.Keep is
// not applied, so that the cache holds the whole folder whatever a
// search was looking for. With listOnly a document found in the cache
// comes without its body (see LoadOptions.ListOnly), and so does one
// parsed once the documents loaded so far hold more than after words
// (after > 0; LoadOptions.ListOnlyAfter).
func loadCached(c *Cache, j job, maxSize int64, listOnly bool, after int) (*Document, error) {
	st := j.stamp // taken by the walk (the folder snapshot's), or not yet
	if !st.OK {
		if info, err := os.Stat(j.path); err == nil && info.Mode().IsRegular() {
			st = FileStamp{Size: info.Size(), MTime: info.ModTime().UnixNano(), OK: true}
		}
	}
	if !st.OK || st.Size > maxSize {
		return loadOne(j, maxSize, nil) // the loader says what is wrong
	}
	rc := c.rootFor(j.root)
	rel := cacheRel(rc.root, j.abs)
	size, mtime := st.Size, st.MTime
	if d := rc.lookup(rel, size, mtime, listOnly); d != nil {
		d.ID, d.Path = j.id, j.path
		c.words.Add(int64(d.Words))
		return d, nil
	}
	d, err := loadOne(j, maxSize, nil)
	if err == nil && d != nil {
		words := c.words.Add(int64(d.Words))
		rc.store(rel, size, mtime, d, listOnly && after > 0 && words > int64(after))
	}
	return d, err
}

// cacheRel is the file's path relative to the folder opened, the key of
// its entry, given both paths absolute (the loader has them, so no
// lookup of the working directory per file).
func cacheRel(absRoot, abs string) string {
	// A file under the root, as the walk names them: the rest of its path,
	// without the work of filepath.Rel (30-40 ms over the 40x folder).
	if len(abs) > len(absRoot)+1 && abs[len(absRoot)] == filepath.Separator && abs[:len(absRoot)] == absRoot {
		if rest := abs[len(absRoot)+1:]; rest[0] != filepath.Separator && filepath.Clean(rest) == rest && rest != ".." && !strings.HasPrefix(rest, ".."+string(filepath.Separator)) {
			return filepath.ToSlash(rest)
		}
	}
	rel, err := filepath.Rel(absRoot, abs)
	if err != nil {
		return abs
	}
	return filepath.ToSlash(rel)
}
