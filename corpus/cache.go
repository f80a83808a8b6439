package corpus

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"io"
	"os"
	"path/filepath"
	"sort"
	"sync"
	"sync/atomic"
)

// Cache keeps parsed documents between runs, one file per folder opened,
// so that opening an unchanged folder again decodes instead of reading
// and parsing. An entry is used only when its file has the same path,
// size and modification time, and the whole file only when it was
// written by the same build of parley (Version) with the same encoding;
// anything else is read and parsed again, and written back.
//
// A folder's cache is two files: the list file holds each entry's key and
// the document's list metadata (all the list shows and sorts on), the
// bodies file the documents' bodies, so a folder is listed by reading the
// small file alone (LoadOptions.ListOnly). Each is written to a temporary
// file and renamed over the old one, the bodies first; both carry the
// same random token, so a reader (another parley, say) that finds a list
// file and a bodies file of different writes ignores them. Two writers
// at once leave one of their pairs whole. A list file that fails its
// checksum, or any other check, is ignored and rebuilt; a body that fails
// its own checksum is read from its file again.
type Cache struct {
	Dir      string // where the cache files live
	Version  string // the build of parley; a file written by another is ignored
	MaxBytes int64  // the most the folder's cache files may take together

	hits  atomic.Int64 // documents decoded from the cache, for progress
	words atomic.Int64 // words of the documents loaded since the last Flush
	mu    sync.Mutex
	roots map[string]*rootCache // by the folder whose cache it is
	named map[string]*rootCache // by the root as LoadPaths was given it
	// lastRoots are the folders of the last Flush, for tests to count hits.
	lastRoots []*rootCache
}

// DefaultCacheBytes bounds the cache folder: enough for forty copies of
// the BBC folder several times over.
const DefaultCacheBytes = 2 << 30

// cacheEntry is one file's parsed document as the list file holds it:
// its key, its list metadata, and where its body lies in the bodies file
// (read on demand, so the whole file is never held in memory).
type cacheEntry struct {
	size, mtime int64
	meta        []byte // appendMeta's encoding
	// metaText is meta as a string: a part of the list file's bytes, so a
	// document decoded from it costs no copy of its metadata (a string
	// each took about 45 ms of CPU to list forty times the BBC folder).
	metaText string
	off, n   int64  // the body's place in the bodies file
	sum      uint32 // the body's CRC-32C
}

// rootCache is the cache of one folder (or file) opened: the entries read
// from disk, and the new files being written when some entry changed.
type rootCache struct {
	c    *Cache
	root string // absolute
	path string // the list file; the bodies file is path+bodiesSuffix
	// whole is set when the folder itself was opened, so a file not seen
	// this run is gone; with only some of its files named, the others'
	// entries are kept.
	whole bool

	once   sync.Once
	old    *listEntries // the entries read from disk; nil for none
	bodies *bodyFile    // the old bodies file, open while its bodies may be read

	mu     sync.Mutex
	used   int             // old entries still valid this run (marked in old.used)
	stored map[string]bool // entries parsed this run
	out    *cacheWriter    // the new files, opened at the first miss
	err    error
	misses int
	hits   int
}

// rootFor is the cache of the folder root names. A file named on its own
// shares the cache of the folder it is in, so that a shell's glob of a
// thousand files makes one cache file, not a thousand.
func (c *Cache) rootFor(root string) *rootCache {
	c.mu.Lock()
	defer c.mu.Unlock()
	if rc := c.named[root]; rc != nil {
		return rc
	}
	abs, err := filepath.Abs(root)
	if err != nil {
		abs = root
	}
	info, err := os.Stat(root)
	dir := err == nil && info.IsDir()
	if !dir {
		abs = filepath.Dir(abs)
	}
	rc := c.rootAt(abs)
	rc.whole = rc.whole || dir
	c.named[root] = rc
	return rc
}

// rootAt is the cache of the folder at abs (absolute), made if need be;
// c.mu is held.
func (c *Cache) rootAt(abs string) *rootCache {
	if c.roots == nil {
		c.roots, c.named = map[string]*rootCache{}, map[string]*rootCache{}
	}
	rc := c.roots[abs]
	if rc == nil {
		h := sha256.Sum256([]byte(abs))
		rc = &rootCache{c: c, root: abs, path: filepath.Join(c.Dir, "docs-"+hex.EncodeToString(h[:12])), stored: map[string]bool{}}
		c.roots[abs] = rc
	}
	return rc
}

// Preload reads the document cache of each path named in the
// background, as the first look-up in it would, so that a command which
// reads documents from the cache later (compare, claims) finds it read.
// At forty times the BBC folder reading it is 40 ms of CPU, done while
// the folder is stat'ed rather than after.
// It only reads: a folder preloaded and never looked in is not written
// by Flush (its entries all count as kept, as for files named one by one).
func (c *Cache) Preload(paths []string) {
	if c == nil {
		return
	}
	for _, p := range paths {
		abs, err := filepath.Abs(p)
		if info, serr := os.Stat(p); err != nil || serr != nil || !info.IsDir() {
			continue
		}
		c.mu.Lock()
		rc := c.rootAt(abs)
		c.mu.Unlock()
		go rc.once.Do(rc.read)
	}
}

// Hits counts the documents decoded from the cache so far; safe to call
// while a load runs.
func (c *Cache) Hits() int {
	if c == nil {
		return 0
	}
	return int(c.hits.Load())
}

// lookup returns the document cached for rel when its size and time
// still match, or nil. With listOnly, a document with words comes without
// its body, which Document.LoadBody reads later; one without words is
// decoded whole, its body being at most headings and matter, so the list
// can tell an empty document.
func (rc *rootCache) lookup(rel string, size, mtime int64, listOnly bool) *Document {
	rc.once.Do(rc.read)
	i := rc.old.find(rel)
	if i < 0 {
		return nil
	}
	e := rc.old.entry(i)
	if e.size != size || e.mtime != mtime {
		return nil
	}
	d, err := decodeMetaText(e.meta, e.metaText)
	if err != nil {
		return nil
	}
	if listOnly && d.Words > 0 {
		rc.bodies.acquire()
		d.body = &pendingBody{src: rc.bodies, off: e.off, n: e.n, sum: e.sum}
	} else if b, err := rc.bodies.read(e.off, e.n, e.sum); err != nil || decodeBody(b, d) != nil {
		return nil
	}
	rc.mu.Lock()
	if !rc.old.used[i] {
		rc.old.used[i] = true
		rc.used++
	}
	rc.hits++
	rc.mu.Unlock()
	rc.c.hits.Add(1)
	return d
}

// store records a document parsed this run, writing it to the new
// cache files at once so the encoded bytes are not held in memory. With
// pend, the document then lets go of its body, which LoadBody reads back
// from the bodies file being written (see LoadOptions.ListOnlyAfter).
func (rc *rootCache) store(rel string, size, mtime int64, d *Document, pend bool) {
	meta := appendMeta(nil, d)
	var body []byte
	if !largeBody(d) {
		body = appendBody(nil, d) // laid out before the lock is taken
	}
	rc.mu.Lock()
	defer rc.mu.Unlock()
	rc.misses++
	rc.stored[rel] = true
	if rc.err == nil && rc.out == nil {
		rc.out, rc.err = beginCache(rc.c, rc.root)
	}
	if rc.err != nil {
		return
	}
	var at *pendingBody
	var err error
	if body != nil {
		at, err = rc.out.put(rel, size, mtime, meta, body)
	} else {
		at, err = rc.out.putWith(rel, size, mtime, meta, func(out io.Writer) error { return writeBody(out, d) })
	}
	if rc.err = err; err != nil || !pend || d.Words == 0 {
		return
	}
	// The document as the cache lists it: its metadata decoded from its
	// encoding rather than kept, as a title sliced from the file's text
	// keeps all of that text (0.3 GB at forty times the BBC folder).
	listed, err := decodeMeta(meta)
	if err != nil {
		return
	}
	listed.ID, listed.Path = d.ID, d.Path
	at.src = rc.out.src
	at.src.acquire()
	listed.body = at
	*d = *listed
}

// largeBody says whether d's text is a mebibyte or more: its body is
// written to the cache as it is encoded (writeBody) rather than laid out
// first, which would hold another copy of the text.
func largeBody(d *Document) bool {
	n := 0
	for si := range d.Sections {
		for _, b := range d.Sections[si].Blocks {
			if n += len(b.Text); n >= 1<<20 {
				return true
			}
		}
	}
	return false
}

// finish writes the new cache files when something changed: a file
// parsed this run, or one gone since. The entries still valid are copied
// over; one whose body no longer reads back is dropped.
func (rc *rootCache) finish() error {
	rc.mu.Lock()
	defer rc.mu.Unlock()
	rc.once.Do(rc.read)
	if rc.bodies != nil {
		defer rc.bodies.release()
	}
	if !rc.whole {
		// Only some files were named: keep every other entry.
		rc.old.each(func(i int, rel string) {
			if !rc.stored[rel] && !rc.old.used[i] {
				rc.old.used[i] = true
				rc.used++
			}
		})
	}
	defer func() {
		rc.out, rc.old, rc.used, rc.stored, rc.misses = nil, nil, 0, map[string]bool{}, 0
	}()
	if rc.misses == 0 && rc.used == rc.old.len() {
		return nil
	}
	if rc.err == nil && rc.out == nil {
		rc.out, rc.err = beginCache(rc.c, rc.root)
	}
	type kept struct {
		rel string
		i   int
	}
	keep := make([]kept, 0, rc.used)
	rc.old.each(func(i int, rel string) {
		if rc.old.used[i] {
			keep = append(keep, kept{rel, i})
		}
	})
	sort.Slice(keep, func(a, b int) bool { return keep[a].rel < keep[b].rel })
	for _, k := range keep {
		if rc.err != nil {
			break
		}
		e := rc.old.entry(k.i)
		if body, err := rc.bodies.read(e.off, e.n, e.sum); err == nil {
			_, rc.err = rc.out.put(k.rel, e.size, e.mtime, e.meta, body)
		}
	}
	if rc.out == nil {
		return rc.err
	}
	return rc.out.commit(rc.path, rc.err)
}

// Flush writes every folder's cache file that changed and keeps the
// cache folder within MaxBytes. LoadPaths calls it when it is done.
func (c *Cache) Flush() error {
	c.words.Store(0)
	c.mu.Lock()
	roots := c.roots
	c.roots, c.named = nil, nil
	c.mu.Unlock()
	var errs []error
	c.lastRoots = c.lastRoots[:0]
	for _, rc := range roots {
		errs = append(errs, rc.finish())
		c.lastRoots = append(c.lastRoots, rc)
	}
	c.prune()
	return errors.Join(errs...)
}
