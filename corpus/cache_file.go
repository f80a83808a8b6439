package corpus

import (
	"bufio"
	"encoding/binary"
	"hash/crc32"
	"io"
	"os"
	"time"
)

// The cache file's format: a header (magic, codec version, build, root),
// then per entry its name, size, modification time, length and encoded
// document, and a CRC-32C of all of it at the end.

// cacheMagic starts every cache file; the codec version follows it.
const cacheMagic = "parley-docs\n"

var castagnoli = crc32.MakeTable(crc32.Castagnoli)

// begin opens the new cache file and writes its header.
func (rc *rootCache) begin() {
	if err := os.MkdirAll(rc.c.Dir, 0o700); err != nil {
		rc.err = err
		return
	}
	rc.tmp, rc.err = os.CreateTemp(rc.c.Dir, ".docs-*.tmp")
	if rc.err != nil {
		return
	}
	rc.sum = crc32.New(castagnoli)
	rc.w = bufio.NewWriterSize(io.MultiWriter(rc.tmp, rc.sum), 1<<16)
	var hdr []byte
	hdr = append(hdr, cacheMagic...)
	hdr = binary.AppendUvarint(hdr, docCodecVersion)
	hdr = appendString(hdr, rc.c.Version)
	hdr = appendString(hdr, rc.root)
	_, rc.err = rc.w.Write(hdr)
}

func (rc *rootCache) put(rel string, e cacheEntry) {
	if rc.err != nil {
		return
	}
	var b []byte
	b = appendString(b, rel)
	b = binary.AppendVarint(b, e.size)
	b = binary.AppendVarint(b, e.mtime)
	b = binary.AppendUvarint(b, uint64(len(e.data)))
	if _, err := rc.w.Write(b); err != nil {
		rc.err = err
		return
	}
	_, rc.err = rc.w.Write(e.data)
}

func appendString(b []byte, s string) []byte {
	b = binary.AppendUvarint(b, uint64(len(s)))
	return append(b, s...)
}

// read indexes the folder's cache file: one pass checks its checksum
// and notes where each entry lies; entries are read when looked up. A
// missing, foreign or damaged file leaves old empty.
func (rc *rootCache) read() {
	rc.old = map[string]cacheEntry{}
	f, err := os.Open(rc.path)
	if err != nil {
		return
	}
	entries, ok := scanCacheFile(f, rc.c.Version, rc.root)
	if !ok {
		f.Close()
		return
	}
	rc.old, rc.file = entries, f
	// Touched on use, so pruning drops the folders opened longest ago.
	now := time.Now()
	_ = os.Chtimes(rc.path, now, now)
}

// scanCacheFile reads a cache file through once, checking its header and
// its CRC-32C trailer, and returns where each entry's document lies.
func scanCacheFile(f *os.File, version, root string) (map[string]cacheEntry, bool) {
	info, err := f.Stat()
	if err != nil || info.Size() < int64(len(cacheMagic))+4 {
		return nil, false
	}
	body := info.Size() - 4
	sum := crc32.New(castagnoli)
	r := &streamReader{br: bufio.NewReaderSize(io.TeeReader(io.LimitReader(f, body), sum), 1<<16)}
	if r.bytes(len(cacheMagic)) != cacheMagic || r.uvarint() != docCodecVersion ||
		r.str() != version || r.str() != root {
		return nil, false
	}
	entries := map[string]cacheEntry{}
	for r.err == nil && r.pos < body {
		rel := r.str()
		size, mtime, n := r.varint(), r.varint(), int64(r.uvarint())
		if n > body-r.pos {
			return nil, false
		}
		entries[rel] = cacheEntry{size: size, mtime: mtime, off: r.pos, n: n}
		r.skip(n)
	}
	var tail [4]byte
	if r.err != nil || r.pos != body || func() error { _, err := f.ReadAt(tail[:], body); return err }() != nil ||
		binary.LittleEndian.Uint32(tail[:]) != sum.Sum32() {
		return nil, false
	}
	return entries, true
}

// streamReader reads the cache file's framing, counting its position;
// the first error sticks.
type streamReader struct {
	br  *bufio.Reader
	pos int64
	err error
}

func (r *streamReader) uvarint() uint64 {
	if r.err != nil {
		return 0
	}
	v, err := binary.ReadUvarint(r)
	r.err = err
	return v
}

func (r *streamReader) varint() int64 {
	if r.err != nil {
		return 0
	}
	v, err := binary.ReadVarint(r)
	r.err = err
	return v
}

// ReadByte lets binary read varints while the position is counted.
func (r *streamReader) ReadByte() (byte, error) {
	b, err := r.br.ReadByte()
	if err == nil {
		r.pos++
	}
	return b, err
}

func (r *streamReader) bytes(n int) string {
	if r.err != nil {
		return ""
	}
	b := make([]byte, n)
	_, r.err = io.ReadFull(r.br, b)
	r.pos += int64(n)
	return string(b)
}

// str reads a length and that many bytes; a cache file's names and
// versions are short, so a long one is damage.
func (r *streamReader) str() string {
	n := r.uvarint()
	if n > 1<<16 {
		r.err = errCorrupt
		return ""
	}
	return r.bytes(int(n))
}

func (r *streamReader) skip(n int64) {
	if r.err != nil {
		return
	}
	_, r.err = io.CopyN(io.Discard, r.br, n)
	r.pos += n
}
