package search

import (
	"context"
	"os"
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
	l := corpus.List(paths)
	if !l.Plain {
		return nil, nil, false
	}
	stats := statAll(l.Files)
	c = &corpus.Corpus{Problems: l.Problems, Unsupported: l.Unsupported}
	var stores []*storeFile
	var docs []*corpus.Document
	for lo := 0; lo < len(l.Files); {
		hi := lo
		for hi < len(l.Files) && l.Files[hi].Root == l.Files[lo].Root {
			hi++
		}
		s, rootDocs, ok := openRoot(cache, l, stats, lo, hi, c)
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

// fileStat is a file's size and modification time, as the caches key it.
type fileStat struct {
	size, mtime int64
	ok          bool
}

// statAll stats every file, on every core: at forty times the BBC folder
// this is most of a stored search's system time.
func statAll(files []corpus.ListedFile) []fileStat {
	stats := make([]fileStat, len(files))
	const chunk = 1024
	_ = parallel(bg, (len(files)+chunk-1)/chunk, func(i int) {
		for k := i * chunk; k < min((i+1)*chunk, len(files)); k++ {
			if info, err := os.Stat(files[k].Path); err == nil && info.Mode().IsRegular() {
				stats[k] = fileStat{info.Size(), info.ModTime().UnixNano(), true}
			}
		}
	})
	return stats
}

// openRoot opens the stored index of the folder of l.Files[lo:hi],
// bringing it up to date first when a file changed, was added or is
// gone. It returns the index file, each loaded file's document (ID and
// Path only) in order, and adds the problems of files that failed to c.
func openRoot(cache *corpus.Cache, l *corpus.Listing, stats []fileStat, lo, hi int, c *corpus.Corpus) (*storeFile, []*corpus.Document, bool) {
	root := l.Files[lo].Root
	path := storePath(cache, root)
	old, _ := openStore(path, cache.Version, root)
	var misses []int
	hits := 0
	for i := lo; i < hi; i++ {
		f, st := l.Files[i], stats[i]
		if old != nil && st.ok {
			if e, ok := old.files[f.Rel]; ok && e.size == st.size && e.mtime == st.mtime {
				hits++
				continue
			}
		}
		misses = append(misses, i)
	}
	fresh := map[int]*corpus.Document{}
	if len(misses) > 0 {
		loaded, errs, cacheErr := l.Load(misses, cache)
		storeReads.Add(int64(len(misses)))
		if cacheErr != nil && c.CacheErr == nil {
			c.CacheErr = cacheErr
		}
		for k, i := range misses {
			if errs[k] != nil {
				c.Problems = append(c.Problems, corpus.LoadError{Path: l.Files[i].Path, Err: errs[k]})
			} else if loaded[k] != nil {
				fresh[i] = loaded[k]
			}
		}
	}
	if old == nil || len(fresh) > 0 || hits != len(old.files) {
		if !rewriteRoot(cache, path, root, l, stats, lo, hi, old, fresh) {
			return nil, nil, false
		}
		if old != nil {
			old.release()
		}
		var err error
		if old, err = openStore(path, cache.Version, root); err != nil {
			return nil, nil, false
		}
	}
	old.order = old.order[:0]
	var docs []*corpus.Document
	for i := lo; i < hi; i++ {
		f := l.Files[i]
		if e, ok := old.files[f.Rel]; ok {
			docs = append(docs, &corpus.Document{ID: f.ID, Path: f.Path})
			old.order = append(old.order, e)
		}
	}
	return old, docs, true
}

// rewriteRoot writes the index file of root anew: each file of
// l.Files[lo:hi] with its targets from old when unchanged, else from its
// document just loaded (fresh); files that failed are left out.
func rewriteRoot(cache *corpus.Cache, path, root string, l *corpus.Listing, stats []fileStat, lo, hi int, old *storeFile, fresh map[int]*corpus.Document) bool {
	var freshDocs []*corpus.Document
	var freshAt []int
	for i := lo; i < hi; i++ {
		if d := fresh[i]; d != nil {
			freshAt = append(freshAt, i)
			freshDocs = append(freshDocs, d)
		}
	}
	built := build(freshDocs, false)
	var entries []storeEntry
	k := 0
	for i := lo; i < hi; i++ {
		f, st := l.Files[i], stats[i]
		e := storeEntry{rel: f.Rel, size: st.size, mtime: st.mtime}
		switch {
		case k < len(freshAt) && freshAt[k] == i:
			sp := built.spans[k]
			e.fresh, e.first, e.n = built, int(sp[0]), int(sp[1]-sp[0])
			k++
		case old != nil && st.ok:
			o, ok := old.files[f.Rel]
			if !ok || o.size != st.size || o.mtime != st.mtime {
				continue
			}
			e.old, e.first, e.n = old, o.first, o.n
		default:
			continue
		}
		entries = append(entries, e)
	}
	if writeStore(cache.Dir, path, cache.Version, root, entries) != nil {
		return false
	}
	cache.Prune()
	return true
}

// fromStores is the index over docs whose targets are, in order, those
// of each store's files in its order.
func fromStores(docs []*corpus.Document, stores []*storeFile) *Index {
	n := 0
	for _, s := range stores {
		for _, e := range s.order {
			n += e.n
		}
	}
	ix := &Index{docs: docs, spans: make([][2]int32, len(docs)), targets: make([]target, n)}
	di, at := 0, 0
	for _, s := range stores {
		for _, e := range s.order {
			ix.spans[di] = [2]int32{int32(at), int32(at + e.n)}
			di++
			at += e.n
		}
	}
	// Filled on every core: at forty times the BBC folder there are 1.7
	// million targets.
	const chunk = 4096
	di = 0
	type piece struct {
		s        *storeFile
		e        storedFile
		doc, dst int
	}
	var pieces []piece
	for _, s := range stores {
		for _, e := range s.order {
			pieces = append(pieces, piece{s, e, di, int(ix.spans[di][0])})
			di++
		}
	}
	_ = parallel(bg, (len(pieces)+chunk-1)/chunk, func(c int) {
		for _, p := range pieces[c*chunk : min((c+1)*chunk, len(pieces))] {
			for k := range p.e.n {
				ix.targets[p.dst+k] = p.s.target(p.e.first+k, int32(p.doc))
			}
		}
	})
	return ix
}

var bg = context.Background()

// storeReads counts the files LoadStored had loaded, for tests.
var storeReads atomic.Int64
