package corpus

import (
	"bufio"
	"crypto/rand"
	"encoding/binary"
	"hash"
	"hash/crc32"
	"io"
	"os"
	"path/filepath"
	"sync"
	"time"
	"unsafe"

	"parley/corpus/atomicfile"
)

// The cache's two files. The list file: a header (magic, codec version,
// build, root, token), then per entry its name, size, modification time,
// its body's offset, length and CRC-32C in the bodies file, and its
// encoded metadata; a CRC-32C of all of it at the end. The bodies file:
// a header (magic, token), then the encoded bodies one after another.

const (
	listMagic    = "parley-list\n"
	bodiesMagic  = "parley-body\n"
	bodiesSuffix = ".bodies"
	pairLockName = "pairs" // its lock file is pairs.lock, which pruning leaves alone
	tokenLen     = 16
)

var castagnoli = crc32.MakeTable(crc32.Castagnoli)

// cacheWriter writes a folder's new list and bodies files. A document
// parsed this run may be listed without its body (LoadOptions.
// ListOnlyAfter), which is then read back from the bodies file being
// written: src shares that file, and mu keeps such a read (flushTo) from
// meeting a write.
type cacheWriter struct {
	list, bodies *os.File
	lw, bw       *bufio.Writer
	sum          hash.Hash32 // of the list file
	pos          int64       // where the next body goes in the bodies file
	src          *bodyFile   // the bodies file, for the documents listed from it
	mu           sync.Mutex
	closed       bool // committed or aborted: everything is written out
}

// beginCache opens the new files in the cache folder and writes their
// headers.
func beginCache(c *Cache, root string) (*cacheWriter, error) {
	if err := os.MkdirAll(c.Dir, 0o700); err != nil {
		return nil, err
	}
	var token [tokenLen]byte
	rand.Read(token[:])
	w := &cacheWriter{sum: crc32.New(castagnoli)}
	var err error
	if w.list, err = os.CreateTemp(c.Dir, ".docs-*.tmp"); err != nil {
		return nil, err
	}
	if w.bodies, err = os.CreateTemp(c.Dir, ".docs-*.tmp"); err != nil {
		w.abort()
		return nil, err
	}
	w.lw = bufio.NewWriterSize(io.MultiWriter(w.list, w.sum), 1<<16)
	w.bw = bufio.NewWriterSize(w.bodies, 1<<16)
	w.src = newBodyFile(w.bodies) // the writer's share
	w.src.unflushed = w.flushTo
	var hdr []byte
	hdr = append(hdr, listMagic...)
	hdr = binary.AppendUvarint(hdr, docCodecVersion)
	hdr = appendString(hdr, c.Version)
	hdr = appendString(hdr, root)
	hdr = append(hdr, token[:]...)
	if _, err = w.lw.Write(hdr); err == nil {
		_, err = w.bw.Write(append([]byte(bodiesMagic), token[:]...))
	}
	w.pos = int64(len(bodiesMagic) + tokenLen)
	if err != nil {
		w.abort()
		return nil, err
	}
	return w, nil
}

// put writes one entry: its body to the bodies file, its key and
// metadata to the list file. It returns where the body went.
func (w *cacheWriter) put(rel string, size, mtime int64, meta, body []byte) (*pendingBody, error) {
	return w.putWith(rel, size, mtime, meta, func(out io.Writer) error {
		_, err := out.Write(body)
		return err
	})
}

// putWith is put with the body written by writeBody to the writer it is
// given, rather than laid out first.
func (w *cacheWriter) putWith(rel string, size, mtime int64, meta []byte, writeBody func(io.Writer) error) (*pendingBody, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	body := &summed{w: w.bw, sum: crc32.New(castagnoli)}
	if err := writeBody(body); err != nil {
		return nil, err
	}
	at := &pendingBody{off: w.pos, n: body.n, sum: body.sum.Sum32()}
	w.pos += at.n
	_, err := w.lw.Write(appendEntry(nil, rel, cacheEntry{size: size, mtime: mtime, meta: meta, off: at.off, n: at.n, sum: at.sum}))
	return at, err
}

// appendEntry is a list file's entry for rel (listEntries reads it).
func appendEntry(b []byte, rel string, e cacheEntry) []byte {
	b = appendString(b, rel)
	b = binary.AppendVarint(b, e.size)
	b = binary.AppendVarint(b, e.mtime)
	b = binary.AppendUvarint(b, uint64(e.off))
	b = binary.AppendUvarint(b, uint64(e.n))
	b = binary.LittleEndian.AppendUint32(b, e.sum)
	return appendString(b, string(e.meta))
}

// flushTo writes out the buffered bodies when a read wants bytes before
// end that are still in the buffer.
func (w *cacheWriter) flushTo(end int64) error {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.closed || end <= w.pos-int64(w.bw.Buffered()) {
		return nil
	}
	return w.bw.Flush()
}

// commit finishes both files and renames them into place, the bodies
// first; with err set (or on any failure) it removes them instead. The
// bodies file is closed once no document listed from it still needs it
// (bodyFile): renamed or removed, it stays readable while open.
func (w *cacheWriter) commit(path string, err error) error {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.closed = true
	if err == nil {
		err = w.bw.Flush()
	}
	if err == nil {
		err = w.lw.Flush()
	}
	if err == nil {
		_, err = w.list.Write(binary.LittleEndian.AppendUint32(nil, w.sum.Sum32()))
	}
	if cerr := w.list.Close(); err == nil {
		err = cerr
	}
	w.src.release()
	if err == nil {
		err = renamePair(w.list.Name(), w.bodies.Name(), path)
	}
	if err != nil {
		os.Remove(w.list.Name())
		os.Remove(w.bodies.Name())
	}
	return err
}

// renamePair renames a list file and its bodies file into place under
// the cache's pair lock. Without it two parleys writing the same folder's
// pair at once could each rename one file last, leaving a list and bodies
// of different writes: safe (the tokens differ) but never used.
func renamePair(list, bodies, path string) error {
	unlock := lockPairs(filepath.Dir(path))
	defer unlock()
	if err := os.Rename(bodies, path+bodiesSuffix); err != nil {
		return err
	}
	return os.Rename(list, path)
}

// lockPairs takes the cache folder's lock for a list and bodies pair,
// waiting at most a second. A lock that cannot be had is gone without:
// the tokens still keep a mixed pair from being used.
func lockPairs(dir string) (unlock func()) {
	unlock, err := atomicfile.Lock(filepath.Join(dir, pairLockName), time.Second)
	if err != nil {
		return func() {}
	}
	return unlock
}

// abort removes the temporary files of a writer that failed to start.
func (w *cacheWriter) abort() {
	for _, f := range []*os.File{w.list, w.bodies} {
		if f != nil {
			f.Close()
			os.Remove(f.Name())
		}
	}
}

func appendString(b []byte, s string) []byte {
	b = binary.AppendUvarint(b, uint64(len(s)))
	return append(b, s...)
}

// read loads the folder's list file and opens its bodies file; bodies are
// read when needed. A missing, foreign or damaged pair leaves old empty.
// A list and bodies file of different writes are read once more, in case
// another parley renamed its pair in between.
func (rc *rootCache) read() {
	for range 2 {
		if entries, bodies := readCacheFiles(rc.path, rc.c.Version, rc.root); bodies != nil {
			rc.old, rc.bodies = entries, bodies
			// Touched on use, so pruning drops the folders opened longest ago.
			now := time.Now()
			_ = os.Chtimes(rc.path, now, now)
			_ = os.Chtimes(rc.path+bodiesSuffix, now, now)
			return
		}
	}
}

// readCacheFiles reads a list file whole, checking its header and its
// CRC-32C trailer, and opens its bodies file, checking the token. A nil
// bodyFile says the pair is not usable.
func readCacheFiles(path, version, root string) (*listEntries, *bodyFile) {
	unlock := lockPairs(filepath.Dir(path))
	defer unlock()
	b, err := os.ReadFile(path)
	if err != nil || len(b) < len(listMagic)+4 {
		return nil, nil
	}
	body := b[:len(b)-4]
	if binary.LittleEndian.Uint32(b[len(body):]) != crc32.Checksum(body, castagnoli) {
		return nil, nil
	}
	// The entries' strings are slices of the bytes read, which are never
	// written again, rather than of a copy: reading the 40x BBC folder's
	// list file allocates 12 MB so, and a copy would be 8.4 MB more (each
	// fresh page a fault the kernel pays for).
	r := docReader{b: body, s: unsafe.String(&body[0], len(body))}
	if string(r.take(len(listMagic))) != listMagic || r.u64() != docCodecVersion || r.str() != version || r.str() != root {
		return nil, nil
	}
	token := string(r.take(tokenLen))
	if r.err != nil {
		return nil, nil
	}
	at := len(body) - len(r.b)
	entries, ok := indexEntries(r.b, r.s[at:])
	if !ok {
		return nil, nil
	}
	f, err := os.Open(path + bodiesSuffix)
	if err != nil {
		return nil, nil
	}
	hdr := make([]byte, len(bodiesMagic)+tokenLen)
	if _, err := f.ReadAt(hdr, 0); err != nil || string(hdr) != bodiesMagic+token {
		f.Close()
		return nil, nil
	}
	return entries, newBodyFile(f)
}

// summed writes to w, counting the bytes and summing them as they go.
type summed struct {
	w   io.Writer
	sum hash.Hash32
	n   int64
}

func (s *summed) Write(b []byte) (int, error) {
	s.sum.Write(b)
	n, err := s.w.Write(b)
	s.n += int64(n)
	return n, err
}
