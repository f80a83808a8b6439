package corpus

import (
	"cmp"
	"encoding/binary"
	"io/fs"
	"path"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
)

// The walk of a folder that LoadPaths, List and TakeSnapshot share. It
// finds what filepath.WalkDir would, in the same order, but reads each
// folder once with the types its entries are listed with, sorts nothing
// it need not, makes one string for the paths of a folder's files (on
// Linux), makes each folder's jobs as it is read (walk_jobs.go), and
// reads several folders at once (on Linux, stat'ing each file relative
// to its open folder). At forty times the BBC folder (89,040 files) the
// walk was most of a stored search's listing time.

// dirEntry is one entry of a folder as read.
type dirEntry struct {
	path string      // the path the walk names it by (the root's prefix, the folders, the name)
	name string      // the end of path
	typ  fs.FileMode // its type as the folder lists it
	// readable is set for a file of a kind parley reads (readableName),
	// found once for the walk's passes over the entries.
	readable bool
	stamp    FileStamp // set when the walk stamps files
	sub      *dirNode  // a folder walked into
}

// dirNode is a folder read: the error that stopped its reading, if any
// (the jobs of the entries read before it are kept), and what its
// entries give. The entries themselves are not kept (entryBufs).
type dirNode struct {
	path string
	err  error
	own  folderJobs // its own files' jobs, made as it is read
}

// folderWalk reads a tree of folders on several goroutines.
type folderWalk struct {
	stamp bool     // stamp the files parley reads
	jobs  *jobSpec // how to make each folder's jobs as it is read
	sem   chan struct{}
	wg    sync.WaitGroup
	// mixedExt is set when the files parley reads in some folder do not
	// all have the same extension.
	mixedExt atomic.Bool
}

// walkedTree is a folder read with every folder under it.
type walkedTree struct {
	*dirNode
	// oneExt says that in each folder the files parley reads share one
	// extension: then no two of them have the same name without it.
	oneExt bool
}

// walkFolder reads the folder root (named as the user named it) and every
// folder under it but hidden ones, stamping files when stamp is set, and
// making each folder's jobs (dirNode.own) as spec says.
func walkFolder(root string, stamp bool, spec *jobSpec) walkedTree {
	w := &folderWalk{stamp: stamp, jobs: spec, sem: make(chan struct{}, runtime.GOMAXPROCS(0)-1)}
	n := &dirNode{path: root}
	w.read(n, pathPrefix(root))
	w.wg.Wait()
	return walkedTree{n, !w.mixedExt.Load()}
}

// pathPrefix is what the paths of root's entries start with, as
// filepath.Join(root, name) would make them.
func pathPrefix(root string) string {
	clean := filepath.Clean(root)
	switch {
	case clean == ".":
		return ""
	case strings.HasSuffix(clean, string(filepath.Separator)):
		return clean
	}
	return clean + string(filepath.Separator)
}

// read reads folder n, then its sub-folders: on another goroutine when
// one is free, else on this one.
func (w *folderWalk) read(n *dirNode, prefix string) {
	buf := entryBufs.Get().(*[]dirEntry)
	d, entries, err := listDir(n.path, prefix, (*buf)[:0])
	n.err = err
	readable := w.markReadable(entries)
	if d != nil {
		if w.stamp {
			w.stampAll(d, entries)
		}
		d.close()
	}
	for i := range entries {
		if e := &entries[i]; e.typ.IsDir() && !strings.HasPrefix(e.name, ".") {
			e.sub = &dirNode{path: e.path}
		}
	}
	w.jobs.makeJobs(n, entries, readable)
	clear(entries)
	if entries != nil {
		*buf = entries[:0]
	}
	entryBufs.Put(buf)
	for _, s := range n.own.subs {
		sub := s.node
		select {
		case w.sem <- struct{}{}:
			w.wg.Add(1)
			go func() {
				defer w.wg.Done()
				w.read(sub, sub.path+string(filepath.Separator))
				<-w.sem
			}()
		default:
			w.read(sub, sub.path+string(filepath.Separator))
		}
	}
}

// markReadable marks the entries of a folder that parley reads, and
// counts them.
func (w *folderWalk) markReadable(entries []dirEntry) (readable int) {
	ext := ""
	for i := range entries {
		e := &entries[i]
		if e.typ.IsDir() {
			continue
		}
		if e.readable = readableName(e.name); !e.readable {
			continue
		}
		readable++
		if x := path.Ext(e.name); ext == "" {
			ext = x
		} else if x != ext {
			w.mixedExt.Store(true)
		}
	}
	return readable
}

// entryBufs hold the entries of a folder while it is read: once its
// jobs are made they are not needed, and the next folder reuses their
// memory (at forty times the BBC folder, 6.4 MB of entries allocated
// anew, whose fresh pages cost the kernel a fault each).
var entryBufs = sync.Pool{New: func() any { return new([]dirEntry) }}

// stampChunk is how many entries of a folder one goroutine stamps; a
// variable so that a test can split a small folder.
var stampChunk = 2048

// stampAll stamps the entries parley would read, several goroutines at
// a time in a large folder.
func (w *folderWalk) stampAll(d *openDir, entries []dirEntry) {
	chunk := stampChunk
	stampRange := func(lo, hi int) {
		for i := lo; i < hi; i++ {
			if e := &entries[i]; e.readable {
				e.stamp = d.stamp(e)
			}
		}
	}
	var wg sync.WaitGroup
	for lo := chunk; lo < len(entries); lo += chunk {
		select {
		case w.sem <- struct{}{}:
			wg.Add(1)
			go func() {
				defer wg.Done()
				stampRange(lo, min(lo+chunk, len(entries)))
				<-w.sem
			}()
		default:
			stampRange(lo, min(lo+chunk, len(entries)))
		}
	}
	stampRange(0, min(chunk, len(entries)))
	wg.Wait()
}

// nameKey is an entry's place in its folder and the first eight bytes of
// its name, big-endian and padded with zeros (no name holds a zero byte,
// so the keys order as the names do wherever they differ).
type nameKey struct {
	head uint64
	at   int32
}

var sortBufs = sync.Pool{New: func() any { return new(sortBuf) }}

type sortBuf struct {
	keys []nameKey
	tmp  []dirEntry
}

// sortByName sorts a folder's entries by name, as strings.Compare orders
// them, where the folder is read with os.ReadDir (on Linux the names are
// sorted before the entries are made: readBuf.entries). The keys are
// sorted and the entries then moved once: sorting the
// 72-byte entries themselves, name against name, was 19 ms of a second
// search's listing at forty times the BBC folder (241 folders of 370
// files in the order the file system keeps them).
func sortByName(es []dirEntry) {
	if len(es) < 2 {
		return
	}
	buf := sortBufs.Get().(*sortBuf)
	defer sortBufs.Put(buf)
	keys := buf.keys[:0]
	for i := range es {
		var h [8]byte
		copy(h[:], es[i].name)
		keys = append(keys, nameKey{binary.BigEndian.Uint64(h[:]), int32(i)})
	}
	slices.SortFunc(keys, func(a, b nameKey) int {
		if a.head != b.head {
			return cmp.Compare(a.head, b.head)
		}
		return strings.Compare(es[a.at].name, es[b.at].name)
	})
	tmp := append(buf.tmp[:0], es...)
	for i, k := range keys {
		es[i] = tmp[k.at]
	}
	clear(tmp) // the pool keeps no paths alive
	buf.keys, buf.tmp = keys, tmp
}
