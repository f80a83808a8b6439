package search

import (
	"context"
	"path/filepath"
	"sync/atomic"

	"parley/corpus"
)

// LoadStored is a corpus and its search index for paths, from the index
// kept on disk in cache: only files changed or added since it was
// written are read (through the document cache), and the index file is
// then written anew. The documents hold only what a search's output
// names (ID and Path), not their text; the index's targets are those
// New would make of the whole documents, so a search gives the same
// hits. ok is false when the stored index cannot serve paths (no cache;
// a path that is a file, or a folder with a catalog file, whose
// documents are not their files' alone; an index that cannot be
// written), and the caller loads the documents as usual.
func LoadStored(cache *corpus.Cache, paths []string) (c *corpus.Corpus, ix *Index, ok bool) {
	if cache == nil {
		return nil, nil, false
	}
	// Each folder's index is opened and checked while the folders are
	// walked and their files looked at: one is reading and summing a
	// large file on every core, the other mostly waits on system calls.
	opening := map[string]chan *storeFile{}
	for _, p := range paths {
		root, err := filepath.Abs(p)
		if _, ok := opening[root]; ok || err != nil {
			continue
		}
		ch := make(chan *storeFile, 1)
		opening[root] = ch
		go func() {
			s, _ := openStore(storePath(cache, root), cache.Version, root, false)
			ch <- s
		}()
	}
	snap := corpus.TakeSnapshot(paths)
	old := map[string]*storeFile{}
	for root, ch := range opening {
		if s := <-ch; s != nil {
			old[root] = s
		}
	}
	return loadStored(cache, snap, old)
}

// loadStored is LoadStored given the snapshot of the paths and the index
// files already opened, by folder (which it releases when it cannot serve).
func loadStored(cache *corpus.Cache, snap *corpus.Snapshot, old map[string]*storeFile) (c *corpus.Corpus, ix *Index, ok bool) {
	l, stats := snap.Listing, snap.Stamps
	if !l.Plain {
		for _, s := range old {
			s.release()
		}
		return nil, nil, false
	}
	c = &corpus.Corpus{Problems: l.Problems, Unsupported: l.Unsupported}
	var stores []*storeFile
	var docs []*corpus.Document
	for lo := 0; lo < len(l.Files); {
		hi := lo
		for hi < len(l.Files) && l.Files[hi].Root == l.Files[lo].Root {
			hi++
		}
		s, rootDocs, ok := openRoot(cache, l, stats, lo, hi, c, old[l.Files[lo].Root])
		if !ok {
			return nil, nil, false
		}
		stores = append(stores, s)
		docs = append(docs, rootDocs...)
		lo = hi
	}
	c.Docs = docs
	ix = fromStores(docs, stores)
	return c, ix, true
}

// rebuildBatch is how many files a rebuild loads at a time: their
// documents are dropped once their targets are written, so that a
// folder's first search does not hold every document at once.
var rebuildBatch = 4096

// openRoot opens the stored index of the folder of l.Files[lo:hi] (old,
// as opened already, or nil), bringing it up to date first when a file changed, was added or is
// gone. It returns the index file, each loaded file's document (ID and
// Path only) in order, and adds the problems of files that failed to c.
func openRoot(cache *corpus.Cache, l *corpus.Listing, stats []corpus.FileStamp, lo, hi int, c *corpus.Corpus, old *storeFile) (*storeFile, []*corpus.Document, bool) {
	r := &rebuild{cache: cache, l: l, stats: stats, c: c, old: old, lo: lo}
	if old != nil {
		r.match = old.match(l.Files[lo:hi])
	}
	root := l.Files[lo].Root
	path := storePath(cache, root)
	var misses []int
	hits := 0
	for i := lo; i < hi; i++ {
		if r.hit(i) {
			hits++
		} else {
			misses = append(misses, i)
		}
	}
	changed := r.old == nil || hits != len(r.old.files)
	if !changed && len(misses) > 0 {
		// Only files the index does not have: new ones, or ones that fail
		// to load every time. Load them first; only a new document is a
		// change.
		r.fresh = r.load(misses)
		changed = len(r.fresh) > 0
	}
	if changed {
		ok := r.write(path, root, lo, hi)
		if err := l.FlushCache(cache); err != nil && c.CacheErr == nil {
			c.CacheErr = err
		}
		if !ok {
			return nil, nil, false
		}
		if r.old != nil {
			r.old.release()
		}
		var err error
		if r.old, err = openStore(path, cache.Version, root, false); err != nil {
			return nil, nil, false
		}
		r.match = r.old.match(l.Files[lo:hi])
	} else if len(misses) > 0 {
		if err := l.FlushCache(cache); err != nil && c.CacheErr == nil {
			c.CacheErr = err
		}
	}
	s := r.old
	s.order = s.order[:0]
	n := 0
	for _, k := range r.match {
		if k >= 0 {
			n++
		}
	}
	// One allocation for the documents: there are 89,040 at forty times
	// the BBC folder.
	all := make([]corpus.Document, n)
	docs := make([]*corpus.Document, 0, n)
	for i := lo; i < hi; i++ {
		if k := r.match[i-lo]; k >= 0 {
			d := &all[len(docs)]
			d.ID, d.Path = l.Files[i].ID, l.Files[i].Path
			docs = append(docs, d)
			s.order = append(s.order, s.files[k])
		}
	}
	return s, docs, true
}

// rebuild is the state of bringing one folder's index up to date.
type rebuild struct {
	cache *corpus.Cache
	l     *corpus.Listing
	stats []corpus.FileStamp
	c     *corpus.Corpus
	old   *storeFile
	lo    int                      // the folder's first file in l
	match []int32                  // per file from lo, its entry in old (-1: none)
	fresh map[int]*corpus.Document // loaded before the rewrite began
}

// hit reports whether file i's entry in the old index is still valid.
func (r *rebuild) hit(i int) bool {
	if r.old == nil || !r.stats[i].OK {
		return false
	}
	k := r.match[i-r.lo]
	if k < 0 {
		return false
	}
	e := &r.old.files[k]
	return e.size == r.stats[i].Size && e.mtime == r.stats[i].MTime
}

// load loads the files which, recording their problems, and returns
// their documents by file.
func (r *rebuild) load(which []int) map[int]*corpus.Document {
	docs, errs := r.l.Load(which, r.cache)
	storeReads.Add(int64(len(which)))
	out := map[int]*corpus.Document{}
	for k, i := range which {
		if errs[k] != nil {
			r.c.Problems = append(r.c.Problems, corpus.LoadError{Path: r.l.Files[i].Path, Err: errs[k]})
		} else if docs[k] != nil {
			out[i] = docs[k]
		}
	}
	return out
}

// write writes the index file of root anew, rebuildBatch files at a
// time: each file of l.Files[lo:hi] with its targets from the old index
// when unchanged, else from its document, loaded now unless it was
// before; files that failed are left out.
func (r *rebuild) write(path, root string, lo, hi int) bool {
	b, err := newStoreBuilder(r.cache.Dir)
	if err != nil {
		return false
	}
	for at := lo; at < hi; at += rebuildBatch {
		end := min(at+rebuildBatch, hi)
		fresh := r.fresh
		if fresh == nil {
			var which []int
			for i := at; i < end; i++ {
				if !r.hit(i) {
					which = append(which, i)
				}
			}
			fresh = r.load(which)
		}
		var freshDocs []*corpus.Document
		var freshAt []int
		for i := at; i < end; i++ {
			if d := fresh[i]; d != nil {
				freshAt, freshDocs = append(freshAt, i), append(freshDocs, d)
			}
		}
		built := build(freshDocs, false)
		k := 0
		for i := at; i < end; i++ {
			e := storeEntry{rel: r.l.Files[i].Rel, size: r.stats[i].Size, mtime: r.stats[i].MTime}
			switch {
			case k < len(freshAt) && freshAt[k] == i:
				sp := built.spans[k]
				e.fresh, e.first, e.n = built, int(sp[0]), int(sp[1]-sp[0])
				k++
			case r.hit(i):
				o := r.old.files[r.match[i-r.lo]]
				e.old, e.first, e.n = r.old, o.first, o.n
			default:
				continue
			}
			b.add(&e)
		}
	}
	if b.finish(path, r.cache.Version, root) != nil {
		return false
	}
	r.cache.Prune()
	return true
}

var bg = context.Background()

// storeReads counts the files LoadStored had loaded, for tests.
var storeReads atomic.Int64
