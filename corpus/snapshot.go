package corpus

import (
	"path"
	"path/filepath"
	"slices"
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
	l, stamps := list(paths, true)
	return &Snapshot{Listing: l, Stamps: stamps}
}

// walkJobs walks the folder root (absRoot, absolute) as collect does,
// returning the files to load in the walk's order, in runs of one
// folder's files (runs of the folders' own jobs, not copied), and
// recording the rest in c: a folder that cannot be read, a special
// file, a file of another kind. seen, when not nil, reports a file found
// before under another path named. distinct says that no two of the
// files have the same id.
func (c *Corpus) walkJobs(root, absRoot string, catalog, stamp bool, seen func(abs string) bool) (runs [][]job, distinct bool) {
	spec := &jobSpec{root: root, prefix: pathPrefix(root), absPrefix: pathPrefix(absRoot), catalog: catalog}
	tree := walkFolder(root, stamp, spec)
	cleaned := tree.runs(c, func(run []job) {
		if seen != nil {
			run = slices.DeleteFunc(slices.Clone(run), func(j job) bool { return seen(j.abs) })
		}
		if len(run) > 0 {
			runs = append(runs, run)
		}
	})
	// Two files have one id only when they are in one folder and differ
	// in extension alone, or when cleaning their names for the terminal
	// makes them one.
	return runs, tree.oneExt && !cleaned
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
