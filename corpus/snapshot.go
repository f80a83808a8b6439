package corpus

import (
	"path"
	"path/filepath"
	"strings"
)

// FileStamp is what the caches key a file by beside its path: its size
// and modification time. OK is false when the file could not be stat'ed
// or is not a regular file (then it matches no entry).
type FileStamp struct {
	Size, MTime int64 // MTime in nanoseconds since 1970
	OK          bool
}

// Snapshot is a folder's state as a cache checks it: the files a load
// would read, as List finds them, and each one's stamp, taken in the same
// walk. A cache kept on disk compares its entries with it (path, size and
// time of every file, never a folder's time alone) and is up to date
// when they all agree.
type Snapshot struct {
	*Listing
	Stamps []FileStamp // Stamps[i] is Files[i]'s
}

// TakeSnapshot lists paths as List does and stamps every file listed,
// reading several folders at once and, on Linux, stat'ing each file
// relative to its open folder. At forty times the BBC folder (89,040
// files) this is the first part of a stored search's time.
func TakeSnapshot(paths []string) *Snapshot {
	l := list(paths, true)
	s := &Snapshot{Listing: l, Stamps: make([]FileStamp, len(l.Files))}
	for i := range l.Files {
		s.Stamps[i] = l.Files[i].job.stamp
	}
	return s
}

// walkJobs walks the folder root (absRoot, absolute) as collect does,
// returning the files to load in the walk's order and recording the rest
// in c: a folder that cannot be read, a special file, a file of another
// kind. seen reports a file found before under another path named.
// distinct says that no two of the files have the same id.
func (c *Corpus) walkJobs(root, absRoot string, catalog, stamp bool, seen func(abs string) bool) (found []job, distinct bool) {
	tree := walkFolder(root, stamp)
	prefix := pathPrefix(root)
	absPrefix := pathPrefix(absRoot)
	found = make([]job, 0, tree.visits)
	// Two files have one id only when they are in one folder and differ
	// in extension alone, or when cleaning their names for the terminal
	// makes them one.
	distinct = tree.oneExt
	tree.eachFile(func(e *dirEntry, err error) {
		if err != nil {
			c.Problems = append(c.Problems, LoadError{e.path, cleanErr(err)})
			return
		}
		if !e.readable {
			// Files of other kinds are counted (SkippedSummary); hidden
			// files and the folder's own catalog are not documents.
			atRoot := len(e.path)-len(e.name) == len(prefix)
			if e.typ.IsRegular() && !strings.HasPrefix(e.name, ".") && !(atRoot && e.name == CatalogFile) {
				c.Unsupported = append(c.Unsupported, e.path)
			}
			return
		}
		if err := notRegular(e.path, e.typ); err != nil {
			c.Problems = append(c.Problems, LoadError{e.path, err})
			return
		}
		rel := e.path[len(prefix):]
		// The absolute path is the path itself when the root was named
		// absolute and clean, as it usually is.
		abs := e.path
		if prefix != absPrefix {
			abs = absPrefix + rel
		}
		if seen(abs) {
			return
		}
		id, cleaned := fileID(rel)
		distinct = distinct && !cleaned
		found = append(found, job{path: e.path, id: id, root: root, rel: id, abs: abs, catalog: catalog, stamp: e.stamp})
	})
	return found, distinct
}

// fileID is docID for a file at rel under a folder: its path with
// forward slashes and no extension, cleaned for the terminal (cleaned
// set when that changed it).
func fileID(rel string) (id string, cleaned bool) {
	rel = filepath.ToSlash(rel)
	id = strings.TrimSuffix(rel, path.Ext(rel))
	for i := 0; i < len(id); i++ {
		if c := id[i]; c < 0x20 || c >= 0x7f {
			clean := CleanLine(id)
			return clean, clean != id
		}
	}
	return id, false
}
