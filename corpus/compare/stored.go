package compare

import (
	"crypto/sha256"
	"encoding/hex"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"sync/atomic"

	"parley/corpus"
	"parley/corpus/stories"
)

// Stored is a corpus with its grouping from the store kept on disk (see
// store.go). Its documents hold at first only what the store keeps of
// them (ID, path, file name, title, date); Fill reads the others' text
// from the document cache, and the comparison sets of Sets fill their
// documents before building an index, so a compare reads only the
// documents it compares.
type Stored struct {
	Corpus   *corpus.Corpus
	Grouping *stories.Result
	// TextBytes is the size of the documents' text (gctune.TextBytes).
	TextBytes int64

	cache  *corpus.Cache
	l      *corpus.Listing
	g      *groupStore
	path   string // the store file
	roots  string // the folders, as the store names them
	digest [32]byte
	// ahead is the index of every document being read during the
	// snapshot (LoadStoredToCompare), until the comparison takes it.
	ahead  chan *allAhead
	mu     sync.Mutex
	filled []atomic.Bool // set once a document's text is in place
	// read counts the documents Fill read, decoded those of them the
	// document cache had.
	read, decoded int
}

// storeReads counts the documents Fill read, and storeBuilds the
// stores written, for tests.
var storeReads, storeBuilds atomic.Int64

// LoadStored is the corpus of paths and its grouping from the store in
// cache, written first (every document loaded and grouped) when it is
// missing, stale, damaged or foreign. ok is false when no store can
// serve paths (no cache; a path that is a file, or a folder with a
// catalog file); the caller then loads and groups as usual.
func LoadStored(cache *corpus.Cache, paths []string) (st *Stored, ok bool) {
	return loadStored(cache, paths, false)
}

// LoadStoredToCompare is LoadStored for a comparison that may compare
// with every document, or find a typed text's stories through them: the
// index of every document kept beside the grouping is read during the
// snapshot too (at forty times the BBC folder, 37 ms of CPU that came
// after it, on one core), and used only if it was written for the
// folder as the snapshot finds it.
func LoadStoredToCompare(cache *corpus.Cache, paths []string) (st *Stored, ok bool) {
	return loadStored(cache, paths, true)
}

func loadStored(cache *corpus.Cache, paths []string, readAhead bool) (st *Stored, ok bool) {
	if cache == nil || len(paths) == 0 {
		return nil, false
	}
	roots := rootsKey(paths)
	path := filepath.Join(cache.Dir, "stories-"+storeName(roots))
	// The store is read and decoded while the folder is stat'ed (at forty
	// times the BBC folder, 40 ms of CPU beside the snapshot's 0.24 s),
	// and used only if the snapshot's digest is the one it was written for.
	type decodedStore struct {
		g     *groupStore
		docs  []*corpus.Document
		ahead chan *allAhead
	}
	decoded := make(chan decodedStore, 1)
	go func() {
		var d decodedStore
		if data, err := os.ReadFile(path); err == nil {
			d.g, _ = decodeGroupStore(data, cache.Version, roots)
		}
		if d.g != nil && readAhead {
			d.ahead = readAllAhead(path+"-all", cache.Version, roots, d.g)
		}
		if d.g != nil {
			d.docs = placeholders(d.g)
		}
		decoded <- d
	}()
	snap := corpus.TakeSnapshot(paths)
	d := <-decoded
	g := d.g
	l := snap.Listing
	if !l.Plain {
		return nil, false
	}
	digest := listingDigest(snap)
	st = &Stored{cache: cache, l: l, path: path, roots: roots, digest: digest}
	if g != nil && g.digest == digest && g.nFiles == len(l.Files) && st.open(g, d.docs) {
		st.ahead = d.ahead
		return st, true
	}
	st.rebuild(digest)
	if data := encodeGroupStore(st.g, cache.Version, roots); writeStore(cache, path, data) == nil {
		cache.Prune()
	}
	return st, true
}

// rootsKey names the folders opened, in order, as absolute paths.
func rootsKey(paths []string) string {
	abs := make([]string, len(paths))
	for i, p := range paths {
		a, err := filepath.Abs(p)
		if err != nil {
			a = p
		}
		abs[i] = a
	}
	return strings.Join(abs, "\x00")
}

func storeName(roots string) string {
	h := sha256.Sum256([]byte(roots))
	return hex.EncodeToString(h[:12])
}

// placeholders are the documents of the store g as they are until Fill
// reads them, but for their ID and Path, which the listing gives (see
// open), and the list of them. They are made while the folder is
// stat'ed: at forty times the BBC folder they are 89,040 documents, 28
// MB, whose fresh pages cost a fault each, and making them after the
// snapshot was 15 ms of a second compare's time on one core.
func placeholders(g *groupStore) []*corpus.Document {
	all := make([]corpus.Document, len(g.docs))
	docs := make([]*corpus.Document, len(g.docs))
	for i, d := range g.docs {
		all[i] = corpus.Document{File: d.name, Title: d.title, Published: d.published}
		docs[i] = &all[i]
	}
	return docs
}

// open makes the corpus from a valid store: its placeholders (docs)
// with their IDs and paths, the problems of the files that failed
// (loaded again, as they are not cached, for their messages). It fails
// when such a file now loads.
func (st *Stored) open(g *groupStore, docs []*corpus.Document) bool {
	c := &corpus.Corpus{Problems: st.l.Problems, Unsupported: st.l.Unsupported}
	if len(g.failed) > 0 {
		docs, errs := st.l.Load(g.failed, st.cache)
		for k, i := range g.failed {
			if docs[k] != nil {
				return false
			}
			if errs[k] != nil {
				c.Problems = append(c.Problems, corpus.LoadError{Path: st.l.Files[i].Path, Err: errs[k]})
			} else {
				c.Filtered++
			}
		}
	}
	// A half on each core: this comes after the snapshot, with nothing
	// else left to run.
	n := len(g.docs)
	parallel(2, 2, func(_, half int) {
		for i := half * n / 2; i < (half+1)*n/2; i++ {
			f := &st.l.Files[g.docs[i].file]
			docs[i].ID, docs[i].Path = f.ID, f.Path
		}
	})
	c.Docs = docs
	st.Corpus, st.Grouping, st.TextBytes, st.g = c, g.result, g.textBytes, g
	st.filled = make([]atomic.Bool, len(g.docs))
	return true
}

// rebuild loads every file, as corpus.LoadPaths does, and groups the
// documents into the store's content.
func (st *Stored) rebuild(digest [32]byte) {
	storeBuilds.Add(1)
	l := st.l
	all := make([]int, len(l.Files))
	for i := range all {
		all[i] = i
	}
	docs, errs := l.Load(all, st.cache)
	c := &corpus.Corpus{Problems: l.Problems, Unsupported: l.Unsupported, CacheErr: st.cache.Flush()}
	g := &groupStore{digest: digest, nFiles: len(l.Files)}
	for i, d := range docs {
		switch {
		case errs[i] != nil:
			c.Problems = append(c.Problems, corpus.LoadError{Path: l.Files[i].Path, Err: errs[i]})
			g.failed = append(g.failed, i)
		case d == nil:
			c.Filtered++
			g.failed = append(g.failed, i)
		default:
			c.Docs = append(c.Docs, d)
			g.docs = append(g.docs, storedDoc{file: i, name: d.File, title: d.Title, published: d.Published})
			g.textBytes += textBytes(d)
		}
	}
	g.result = stories.Group(c.Docs)
	g.locate = locateRecords(firstLocs(c.Docs, g.result))
	st.Corpus, st.Grouping, st.TextBytes, st.g = c, g.result, g.textBytes, g
	st.filled = make([]atomic.Bool, len(c.Docs))
	for i := range st.filled {
		st.filled[i].Store(true)
	}
}

// textBytes is a document's title and blocks, as gctune counts them.
func textBytes(d *corpus.Document) int64 {
	n := int64(len(d.Title))
	for _, br := range d.Blocks() {
		n += int64(len(br.Block.Text))
	}
	return n
}

// Sets are the comparison sets of the stored corpus: each reads its
// documents from the document cache when its index is first built, and
// a pasted sentence is found through the store.
func (st *Stored) Sets(opts Options) *Sets {
	s := NewSets(st.Corpus.Docs, st.Grouping, opts)
	s.stored = st
	return s
}

// Fill reads the documents docs (corpus indexes) from the document
// cache in place of their placeholders, once each. A file that fails to
// load now keeps its placeholder (it changed since the store was
// written; the next run writes the store anew).
func (st *Stored) Fill(docs []int) {
	st.mu.Lock()
	defer st.mu.Unlock()
	var which, files []int
	for _, d := range docs {
		if d >= 0 && d < len(st.filled) && !st.filled[d].Load() && !slices.Contains(which, d) {
			which, files = append(which, d), append(files, st.g.docs[d].file)
		}
	}
	if len(which) == 0 {
		return
	}
	hits := st.cache.Hits()
	loaded, _ := st.l.Load(files, st.cache)
	st.decoded += st.cache.Hits() - hits
	for k, d := range which {
		if loaded[k] != nil {
			*st.Corpus.Docs[d] = *loaded[k]
			st.read++
		}
		// Set after the text is in place: a reader that sees it set
		// sees the text.
		st.filled[d].Store(true)
	}
	storeReads.Add(int64(len(which)))
}

// fillOne is Fill of one document, without a lock once it is filled:
// an index read from the store calls it for every text it reads.
func (st *Stored) fillOne(d int) {
	if d >= 0 && d < len(st.filled) && !st.filled[d].Load() {
		st.Fill([]int{d})
	}
}

// Finish writes to the document cache what Fill parsed anew (a file
// whose cache entry was gone), keeping the entries of the files not
// read. When every document was decoded from the cache there is nothing
// to write, and the cache's entries are not gone through again (at
// forty times the BBC folder that was 50 ms).
func (st *Stored) Finish() error {
	st.mu.Lock()
	defer st.mu.Unlock()
	if st.decoded >= st.read {
		return nil
	}
	return st.l.FlushCache(st.cache)
}

// writeStore writes a store file whole or not at all: to a temporary
// file in the cache folder, renamed over the old one, so another parley
// reading it sees the old file or the new one.
func writeStore(cache *corpus.Cache, path string, data []byte) error {
	return writeStoreFunc(cache, path, func(w io.Writer) error {
		_, err := w.Write(data)
		return err
	})
}

// writeStoreFunc is writeStore with the content written by write.
func writeStoreFunc(cache *corpus.Cache, path string, write func(io.Writer) error) error {
	if err := os.MkdirAll(cache.Dir, 0o755); err != nil {
		return err
	}
	f, err := os.CreateTemp(cache.Dir, "stories-*.tmp")
	if err != nil {
		return err
	}
	err = write(f)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(f.Name(), path)
	}
	if err != nil {
		os.Remove(f.Name())
	}
	return err
}

// GroupingOf is the stored grouping, or for no stored corpus the
// grouping of docs made now.
func (st *Stored) GroupingOf(docs []*corpus.Document) *stories.Result {
	if st == nil {
		return stories.Group(docs)
	}
	return st.Grouping
}

// Filler is Fill, or nil for no stored corpus.
func (st *Stored) Filler() func(docs []int) {
	if st == nil {
		return nil
	}
	return st.Fill
}
