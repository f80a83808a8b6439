package search

import (
	"bufio"
	"encoding/binary"
	"hash/crc32"
	"io"
	"os"
)

// storeEntry is one file's targets for a new index file: those of an old
// index file (old, from first) or of an index just built (fresh, from
// first), n of them.
type storeEntry struct {
	rel         string
	size, mtime int64
	old         *storeFile
	fresh       *Index
	first, n    int
}

// get returns the entry's target i as stored: its record (off unset),
// text and folded text (neither copied), and letter mask.
func (e *storeEntry) get(i int) (record, string, string, uint64) {
	if e.old != nil {
		r := e.old.record(e.first + i)
		return r, bytesString(e.old.text[r.off : r.off+uint64(r.textLen)]), bytesString(e.old.folded[r.off : r.off+uint64(r.foldedLen)]), e.old.mask(e.first + i)
	}
	t := &e.fresh.targets[e.first+i]
	r := record{textLen: uint32(len(t.text)), foldedLen: uint32(len(t.folded)), block: t.block, sent: t.sent,
		runes: t.runes, kind: t.kind, camel: t.camel, accent: t.accent, byline: t.byline}
	return r, t.text, t.folded, targetMask(t)
}

// storeBuilder writes a new index file entry by entry: the records and
// the files' names stay in memory, the text and the folded text go to two
// temporary files at once, so that a folder's first search holds only a
// batch of documents at a time (see rebuildBatch); finish puts the
// sections together in the order the file has them.
type storeBuilder struct {
	dir          string
	text, folded *os.File
	tw, fw       *bufio.Writer
	meta         []byte
	records      []byte
	masks        []byte
	nFiles       int
	off          uint64
	err          error
}

func newStoreBuilder(dir string) (*storeBuilder, error) {
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, err
	}
	b := &storeBuilder{dir: dir}
	var err error
	if b.text, err = os.CreateTemp(dir, ".search-*.tmp"); err != nil {
		return nil, err
	}
	if b.folded, err = os.CreateTemp(dir, ".search-*.tmp"); err != nil {
		b.discard()
		return nil, err
	}
	b.tw, b.fw = bufio.NewWriterSize(b.text, 1<<16), bufio.NewWriterSize(b.folded, 1<<16)
	return b, nil
}

var zeros [256]byte

// add appends one file's entry.
func (b *storeBuilder) add(e *storeEntry) {
	b.meta = appendStr(b.meta, e.rel)
	b.meta = binary.AppendVarint(b.meta, e.size)
	b.meta = binary.AppendVarint(b.meta, e.mtime)
	b.meta = binary.AppendUvarint(b.meta, uint64(e.n))
	b.nFiles++
	for k := range e.n {
		r, text, folded, mask := e.get(k)
		r.off = b.off
		b.masks = binary.LittleEndian.AppendUint64(b.masks, mask)
		b.off += uint64(len(text))
		b.records = appendRecord(b.records, r)
		if b.err == nil {
			_, b.err = b.tw.WriteString(text)
		}
		if b.err == nil {
			_, b.err = b.fw.WriteString(folded)
		}
		// The folded text, never longer, is padded to its text's length.
		for gap := len(text) - len(folded); gap > 0 && b.err == nil; gap -= min(gap, len(zeros)) {
			_, b.err = b.fw.Write(zeros[:min(gap, len(zeros))])
		}
	}
}

// discard removes the temporary files.
func (b *storeBuilder) discard() {
	for _, f := range []*os.File{b.text, b.folded} {
		if f != nil {
			f.Close()
			os.Remove(f.Name())
		}
	}
}

// finish writes the index file to a temporary file and renames it to
// path, so that a reader sees the old file or the new one, never a mix.
func (b *storeBuilder) finish(path, version, root string) (err error) {
	defer b.discard()
	if b.err == nil {
		b.err = b.tw.Flush()
	}
	if b.err == nil {
		b.err = b.fw.Flush()
	}
	if b.err != nil {
		return b.err
	}
	var meta []byte
	meta = appendStr(meta, version)
	meta = appendStr(meta, root)
	meta = append(meta, b.meta...)
	f, err := os.CreateTemp(b.dir, ".search-*.tmp")
	if err != nil {
		return err
	}
	defer func() {
		if cerr := f.Close(); err == nil {
			err = cerr
		}
		if err == nil {
			err = os.Rename(f.Name(), path)
		}
		if err != nil {
			os.Remove(f.Name())
		}
	}()
	cw := &chunkWriter{w: bufio.NewWriterSize(f, 1<<16)}
	var pre []byte
	pre = append(pre, storeMagic...)
	pre = binary.LittleEndian.AppendUint32(pre, storeFormat)
	pre = binary.LittleEndian.AppendUint32(pre, uint32(b.nFiles))
	pre = binary.LittleEndian.AppendUint64(pre, uint64(len(b.records)/recordLen))
	pre = binary.LittleEndian.AppendUint64(pre, uint64(len(meta)))
	pre = binary.LittleEndian.AppendUint64(pre, b.off)
	cw.Write(pre)
	cw.Write(meta)
	cw.Write(b.records)
	cw.Write(b.masks)
	for _, part := range []*os.File{b.text, b.folded} {
		if _, err := part.Seek(0, io.SeekStart); err != nil {
			return err
		}
		cw.copyFrom(part)
	}
	if cw.err != nil {
		return cw.err
	}
	trailer := cw.sums()
	trailer = binary.LittleEndian.AppendUint32(trailer, uint32(len(trailer)/4))
	trailer = append(trailer, storeTrailer...)
	if _, err := cw.w.Write(trailer); err != nil {
		return err
	}
	return cw.w.Flush()
}

func appendStr(b []byte, s string) []byte {
	b = binary.AppendUvarint(b, uint64(len(s)))
	return append(b, s...)
}

// chunkWriter writes through w, keeping a CRC-32 of every storeChunk
// bytes; the first error sticks.
type chunkWriter struct {
	w    *bufio.Writer
	crcs []uint32
	cur  uint32
	fill int
	err  error
}

func (c *chunkWriter) Write(b []byte) {
	if c.err != nil {
		return
	}
	if _, c.err = c.w.Write(b); c.err != nil {
		return
	}
	for len(b) > 0 {
		n := min(len(b), storeChunk-c.fill)
		c.cur = crc32.Update(c.cur, crcTable, b[:n])
		c.fill += n
		b = b[n:]
		if c.fill == storeChunk {
			c.crcs = append(c.crcs, c.cur)
			c.cur, c.fill = 0, 0
		}
	}
}

// copyFrom writes all of r.
func (c *chunkWriter) copyFrom(r io.Reader) {
	buf := make([]byte, 1<<20)
	for c.err == nil {
		n, err := r.Read(buf)
		c.Write(buf[:n])
		if err == io.EOF {
			return
		}
		if err != nil && c.err == nil {
			c.err = err
		}
	}
}

// sums is the checksums of every chunk written, the last one partial.
func (c *chunkWriter) sums() []byte {
	var b []byte
	crcs := c.crcs
	if c.fill > 0 {
		crcs = append(crcs, c.cur)
	}
	for _, s := range crcs {
		b = binary.LittleEndian.AppendUint32(b, s)
	}
	return b
}
