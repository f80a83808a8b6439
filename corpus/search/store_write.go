package search

import (
	"bufio"
	"encoding/binary"
	"hash/crc32"
	"os"
	"unsafe"
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
// text and folded text (neither copied).
func (e *storeEntry) get(i int) (record, string, string) {
	if e.old != nil {
		r := e.old.record(e.first + i)
		return r, bytesString(e.old.text[r.off : r.off+uint64(r.textLen)]), bytesString(e.old.folded[r.off : r.off+uint64(r.foldedLen)])
	}
	t := &e.fresh.targets[e.first+i]
	r := record{textLen: uint32(len(t.text)), foldedLen: uint32(len(t.folded)), block: t.block, sent: t.sent,
		runes: t.runes, kind: t.kind, camel: t.camel, accent: t.accent, byline: t.byline}
	return r, t.text, t.folded
}

// writeStore writes the index of root's entries to a temporary file in
// dir and renames it to path, so that a reader sees the old file or the
// new one, never a mix.
func writeStore(dir, path, version, root string, entries []storeEntry) (err error) {
	var meta []byte
	meta = appendStr(meta, version)
	meta = appendStr(meta, root)
	var nTargets, arenaLen uint64
	for i := range entries {
		e := &entries[i]
		meta = appendStr(meta, e.rel)
		meta = binary.AppendVarint(meta, e.size)
		meta = binary.AppendVarint(meta, e.mtime)
		meta = binary.AppendUvarint(meta, uint64(e.n))
		for k := range e.n {
			_, text, _ := e.get(k)
			arenaLen += uint64(len(text))
		}
		nTargets += uint64(e.n)
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return err
	}
	f, err := os.CreateTemp(dir, ".search-*.tmp")
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
	pre = binary.LittleEndian.AppendUint32(pre, uint32(len(entries)))
	pre = binary.LittleEndian.AppendUint64(pre, nTargets)
	pre = binary.LittleEndian.AppendUint64(pre, uint64(len(meta)))
	pre = binary.LittleEndian.AppendUint64(pre, arenaLen)
	cw.Write(pre)
	cw.Write(meta)
	writeTargets(cw, entries)
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

// writeTargets writes the records, then the text arena, then the folded
// arena, each target's folded text padded to its text's length.
func writeTargets(cw *chunkWriter, entries []storeEntry) {
	var off uint64
	rec := make([]byte, 0, recordLen)
	for i := range entries {
		for k := range entries[i].n {
			r, _, _ := entries[i].get(k)
			r.off = off
			off += uint64(r.textLen)
			cw.Write(appendRecord(rec[:0], r))
		}
	}
	for i := range entries {
		for k := range entries[i].n {
			_, text, _ := entries[i].get(k)
			cw.WriteString(text)
		}
	}
	var pad [256]byte
	for i := range entries {
		for k := range entries[i].n {
			r, _, folded := entries[i].get(k)
			cw.WriteString(folded)
			for gap := int(r.textLen - r.foldedLen); gap > 0; gap -= min(gap, len(pad)) {
				cw.Write(pad[:min(gap, len(pad))])
			}
		}
	}
}

func appendStr(b []byte, s string) []byte {
	b = binary.AppendUvarint(b, uint64(len(s)))
	return append(b, s...)
}

// chunkWriter writes through w, keeping a CRC-32C of every storeChunk
// bytes; the first error sticks.
type chunkWriter struct {
	w    *bufio.Writer
	crcs []uint32
	cur  uint32
	fill int
	err  error
}

func (c *chunkWriter) Write(b []byte) { c.WriteString(bytesString(b)) }

// WriteString writes b without copying it: a new index copies the
// whole text of a folder twice.
func (c *chunkWriter) WriteString(b string) {
	if c.err != nil {
		return
	}
	if _, c.err = c.w.WriteString(b); c.err != nil {
		return
	}
	for len(b) > 0 {
		n := min(len(b), storeChunk-c.fill)
		c.cur = crc32.Update(c.cur, castagnoli, unsafe.Slice(unsafe.StringData(b), n))
		c.fill += n
		b = b[n:]
		if c.fill == storeChunk {
			c.crcs = append(c.crcs, c.cur)
			c.cur, c.fill = 0, 0
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
