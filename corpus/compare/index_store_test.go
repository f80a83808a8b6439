package compare

import (
	"bytes"
	"hash/crc32"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"testing"
	"unsafe"

	"parley/corpus"
)

// The tables handed out a megabyte at a time (saveAll's stream) read
// back as the index they were laid out from.
func TestTablesSpilledReadBack(t *testing.T) {
	docs := []*corpus.Document{giantDoc(t, t.TempDir(), "g.txt", giantSentence(5, 1<<20))}
	ix := Build(docs, Options{EngineOnly: true})
	var out bytes.Buffer
	spills := 0
	// The buffer saveAll starts with is never grown: every spill is
	// handed the same array, of the same capacity.
	buf := make([]byte, 0, spillAt+spillAt/4)
	grown := false
	last := ix.core.appendTables(buf, func(b []byte) []byte {
		spills++
		grown = grown || cap(b) != cap(buf) || &b[:1][0] != &buf[:1][0]
		out.Write(b)
		return b[:0]
	})
	grown = grown || cap(last) != cap(buf)
	out.Write(last)
	if grown {
		t.Errorf("the layout's buffer of %d bytes was grown", cap(buf))
	}
	// Laid out whole, the same tables take the same number of bytes (the
	// order of a map's entries may differ).
	if whole := ix.core.appendTables(nil, nil); len(whole) != out.Len() {
		t.Errorf("spilled %d bytes, laid out whole %d", out.Len(), len(whole))
	}
	r := &storeReader{b: out.Bytes()}
	c := r.readTables(docs, Options{EngineOnly: true})
	if spills < 2 || c == nil || r.pos != len(r.b) {
		t.Fatalf("%d spills; read back %v, %d of %d bytes", spills, c != nil, r.pos, len(r.b))
	}
	for name, pair := range map[string][2]any{
		"sents": {c.sents, ix.sents}, "windows": {c.windows, ix.windows}, "fwd": {c.fwd, ix.fwd},
		"fwdEnd": {c.fwdEnd, ix.fwdEnd}, "postings": {c.postings, ix.postings}, "terms": {c.terms, ix.terms},
		"idf": {c.idf, ix.idf}, "byText": {c.byText, ix.byText}, "numeric": {c.numeric, ix.numeric},
	} {
		if !reflect.DeepEqual(pair[0], pair[1]) {
			t.Errorf("%s read back differs", name)
		}
	}
}

// Read back from bytes laid out as the file lays them out, the numeric
// tables are those bytes, not copies; a table's bytes that no bool
// holds, or a table cut short, make the index unreadable.
func TestTablesReadInPlace(t *testing.T) {
	docs := harbourDocs(t, t.TempDir())
	ix := Build(docs, Options{EngineOnly: true})
	b := ix.core.appendTables(nil, nil)
	r := &storeReader{b: b}
	c := r.readTables(docs, Options{EngineOnly: true})
	if c == nil {
		t.Fatal("tables not read back")
	}
	within := func(p unsafe.Pointer) bool {
		lo := uintptr(unsafe.Pointer(unsafe.SliceData(b)))
		return uintptr(p) >= lo && uintptr(p) < lo+uintptr(len(b))
	}
	tid := slices.IndexFunc(c.postings, func(ps []posting) bool { return len(ps) > 0 })
	shard := slices.IndexFunc(c.phrases, func(p struct {
		keys []uint64
		ids  []int32
	}) bool {
		return len(p.keys) > 0
	})
	if tid < 0 || shard < 0 || len(c.sents) == 0 {
		t.Fatal("no postings or phrases to look at")
	}
	if littleEndian {
		for name, p := range map[string]unsafe.Pointer{
			"sents": unsafe.Pointer(&c.sents[0]), "lens": unsafe.Pointer(&c.lens[0]), "fwd": unsafe.Pointer(&c.fwd[0]),
			"postings": unsafe.Pointer(&c.postings[tid][0]), "idf": unsafe.Pointer(&c.idf[0]),
			"phrase keys": unsafe.Pointer(&c.phrases[shard].keys[0]), "numeric": unsafe.Pointer(&c.numeric[0]),
		} {
			if !within(p) {
				t.Errorf("%s copied out of the bytes read", name)
			}
		}
	}
	// The last table is numeric's bools, one byte a sentence.
	bad := append([]byte(nil), b...)
	bad[len(bad)-1] = 2
	if (&storeReader{b: bad}).readTables(docs, Options{EngineOnly: true}) != nil {
		t.Error("a bool table holding 2 read back")
	}
	for _, n := range []int{len(b) / 2, len(b) - 1, 3} {
		if c := (&storeReader{b: b[:n:n]}).readTables(docs, Options{EngineOnly: true}); c != nil {
			t.Errorf("tables cut at %d of %d bytes read back", n, len(b))
		}
	}
}

// Bytes that are not aligned for a table's items are decoded into a
// copy, the same numbers.
func TestViewOrUnaligned(t *testing.T) {
	b := make([]byte, 4*3+1)
	for i := range 3 {
		le.PutUint32(b[1+4*i:], uint32(1000*i+7))
	}
	xs := viewOr(b[1:], func(e []byte) int32 { return i32At(e, 0) })
	if !reflect.DeepEqual(xs, []int32{7, 1007, 2007}) {
		t.Fatalf("read %v", xs)
	}
}

// The file of the index of every document, laid out as saveAll writes
// it, reads back, its tables in the mapped file; flipped, cut short or
// foreign, it is not read (and the mapping is let go).
func TestReadAllDamaged(t *testing.T) {
	dir := t.TempDir()
	docs := harbourDocs(t, dir)
	ix := Build(docs, Options{EngineOnly: true})
	b := le.AppendUint32([]byte(allMagic), allFormat)
	b = appendStr(appendStr(b, "v1"), "/roots")
	b = ix.core.appendTables(append(b, bytes.Repeat([]byte{'d'}, 32)...), nil)
	good := le.AppendUint32(b, crc32.Checksum(b, groupCRC))
	path := filepath.Join(dir, "all")
	read := func(data []byte) *core {
		if err := os.WriteFile(path+".tmp", data, 0o644); err != nil {
			t.Fatal(err)
		}
		os.Rename(path+".tmp", path) // as the cache writes: never in place
		c, _ := readAll(path, "v1", "/roots", len(docs))
		return c
	}
	c := read(good)
	if c == nil || !reflect.DeepEqual(c.postings, ix.postings) || !reflect.DeepEqual(c.idf, ix.idf) {
		t.Fatal("the file as written does not read back as built")
	}
	for name, data := range map[string][]byte{
		"flipped in the tables": flipped(good, len(good)/2),
		"flipped in the sum":    flipped(good, len(good)-1),
		"truncated":             good[:len(good)*2/3],
		"foreign":               []byte("not a store at all, but long enough\n"),
	} {
		if read(data) != nil {
			t.Errorf("%s: read", name)
		}
	}
	if c, _ := readAll(path, "v2", "/roots", len(docs)); c != nil {
		t.Error("another version's file read")
	}
	// The first index read still answers from its own mapping.
	if !reflect.DeepEqual(c.fwd, ix.fwd) {
		t.Error("the index read first changed")
	}
}

// harbourDocs are two short documents in dir that share a story.
func harbourDocs(t *testing.T, dir string) []*corpus.Document {
	return []*corpus.Document{
		giantDoc(t, dir, "a.txt", "The old harbour of Kestrel Bay reopened on Monday. The mayor said 40 boats would return."),
		giantDoc(t, dir, "b.txt", "Kestrel Bay's harbour reopened on Monday after two years. Fishermen said the boats would return."),
	}
}
