package corpus

import (
	"bufio"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"hash"
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
// A cache file is written to a temporary file and renamed over the old
// one, so a reader (another parley, say) sees the old file or the new
// one, never a mix; two writers at once leave one of their files whole.
// A file that fails its checksum, or any other check, is ignored and
// rebuilt.
type Cache struct {
	Dir      string // where the cache files live
	Version  string // the build of parley; a file written by another is ignored
	MaxBytes int64  // the most the folder's cache files may take together

	hits  atomic.Int64 // documents decoded from the cache, for progress
	mu    sync.Mutex
	roots map[string]*rootCache // by the folder whose cache it is
	named map[string]*rootCache // by the root as LoadPaths was given it
	// lastRoots are the folders of the last Flush, for tests to count hits.
	lastRoots []*rootCache
}

// DefaultCacheBytes bounds the cache folder: enough for forty copies of
// the BBC folder several times over.
const DefaultCacheBytes = 2 << 30

// cacheEntry is one file's parsed document as stored: data when it was
// parsed this run, else where it lies in the old cache file (read on
// demand, so the whole file is never held in memory).
type cacheEntry struct {
	size, mtime int64
	data        []byte
	off, n      int64
}

// rootCache is the cache of one folder (or file) opened: the entries read
// from disk, and the new file being written when some entry changed.
type rootCache struct {
	c    *Cache
	root string // absolute
	path string // the cache file
	// whole is set when the folder itself was opened, so a file not seen
	// this run is gone; with only some of its files named, the others'
	// entries are kept.
	whole bool

	once sync.Once
	old  map[string]cacheEntry
	file *os.File // the old cache file, open while its entries are read

	mu     sync.Mutex
	used   map[string]bool // old entries still valid this run
	stored map[string]bool // entries parsed this run
	tmp    *os.File        // the new cache file, opened at the first miss
	w      *bufio.Writer
	sum    hash.Hash32
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
	if c.roots == nil {
		c.roots, c.named = map[string]*rootCache{}, map[string]*rootCache{}
	}
	rc := c.roots[abs]
	if rc == nil {
		h := sha256.Sum256([]byte(abs))
		rc = &rootCache{c: c, root: abs, path: filepath.Join(c.Dir, "docs-"+hex.EncodeToString(h[:12])), used: map[string]bool{}, stored: map[string]bool{}}
		c.roots[abs] = rc
	}
	rc.whole = rc.whole || dir
	c.named[root] = rc
	return rc
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
// still match, or nil.
func (rc *rootCache) lookup(rel string, size, mtime int64) *Document {
	rc.once.Do(rc.read)
	e, ok := rc.old[rel]
	if !ok || e.size != size || e.mtime != mtime {
		return nil
	}
	d, err := rc.decodeOld(e)
	if err != nil {
		return nil
	}
	rc.mu.Lock()
	rc.used[rel] = true
	rc.hits++
	rc.mu.Unlock()
	rc.c.hits.Add(1)
	return d
}

// store records a document parsed this run, writing it to the new
// cache file at once so the encoded bytes are not held in memory.
func (rc *rootCache) store(rel string, size, mtime int64, d *Document) {
	data := appendDoc(nil, d)
	rc.mu.Lock()
	defer rc.mu.Unlock()
	rc.misses++
	rc.stored[rel] = true
	if rc.err == nil && rc.tmp == nil {
		rc.begin()
	}
	rc.put(rel, cacheEntry{size: size, mtime: mtime, data: data})
}

// oldData reads an entry's bytes from the old cache file.
func (rc *rootCache) oldData(e cacheEntry) ([]byte, error) {
	b := make([]byte, e.n)
	_, err := rc.file.ReadAt(b, e.off)
	return b, err
}

func (rc *rootCache) decodeOld(e cacheEntry) (*Document, error) {
	b, err := rc.oldData(e)
	if err != nil {
		return nil, err
	}
	return decodeDoc(b)
}

// finish writes the new cache file when something changed: a file parsed
// this run, or one gone since. The entries still valid are copied over.
func (rc *rootCache) finish() error {
	rc.mu.Lock()
	defer rc.mu.Unlock()
	rc.once.Do(rc.read)
	if rc.file != nil {
		defer rc.file.Close()
	}
	if !rc.whole {
		// Only some files were named: keep every other entry.
		for rel := range rc.old {
			if !rc.stored[rel] {
				rc.used[rel] = true
			}
		}
	}
	if rc.misses == 0 && len(rc.used) == len(rc.old) {
		return nil
	}
	if rc.err == nil && rc.tmp == nil {
		rc.begin()
	}
	rels := make([]string, 0, len(rc.used))
	for rel := range rc.used {
		rels = append(rels, rel)
	}
	sort.Strings(rels)
	for _, rel := range rels {
		e := rc.old[rel]
		data, err := rc.oldData(e)
		if err != nil {
			rc.err = err
			break
		}
		e.data = data
		rc.put(rel, e)
	}
	if rc.tmp == nil {
		return rc.err
	}
	tmp := rc.tmp.Name()
	err := rc.err
	if err == nil {
		err = rc.w.Flush()
	}
	if err == nil {
		_, err = rc.tmp.Write(binary.LittleEndian.AppendUint32(nil, rc.sum.Sum32()))
	}
	if cerr := rc.tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp, rc.path)
	}
	if err != nil {
		os.Remove(tmp)
	}
	rc.tmp, rc.old, rc.used, rc.stored, rc.misses = nil, nil, map[string]bool{}, map[string]bool{}, 0
	return err
}

// Flush writes every folder's cache file that changed and keeps the
// cache folder within MaxBytes. LoadPaths calls it when it is done.
func (c *Cache) Flush() error {
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
