package compare

import (
	"encoding/binary"
	"errors"
	"hash/crc32"
	"slices"
	"sort"
	"unsafe"

	"parley/corpus"
	"parley/corpus/stories"
)

// The grouping kept on disk: one file per set of folders opened, beside
// the document cache and bounded with it, so that a second compare,
// claims or stories on an unchanged folder neither groups every
// document again nor reads any to find a pasted sentence. It holds the
// stories (documents, labels, copies), what parley stories prints of
// each document, and the folded text of every sentence (as Sets.Locate
// keys it) with where it first occurs, sorted for a binary search.
// It is keyed by a digest of the folder's whole listing (every file's
// path, id, size and modification time) and by parley's version: a
// file changed, added or removed makes the store stale, and it is
// written anew from the documents.
//
// Layout (little-endian, varints as encoding/binary writes them): the
// magic, the format, parley's version, the folders, the listing's
// digest, the text's size, the number of files listed; per document
// its file's index in the listing, its file name, title and date; the
// files that failed to load; the stories (id, label, first and last
// dates, documents); per document its story and the copy it duplicates
// (-1: none); the number of sentence keys, then one record of
// locateLen bytes each (key, document, block, sentence) sorted by key;
// and a CRC-32C of everything before it.

const (
	groupMagic  = "parley-stories\n"
	groupFormat = 1
	locateLen   = 20
)

var errGroupStore = errors.New("stored stories damaged")

var groupCRC = crc32.MakeTable(crc32.Castagnoli)

// storedDoc is what the store keeps of a document: the listed file it
// came from, and what parley stories prints of it without reading it.
type storedDoc struct {
	file                   int
	name, title, published string
}

// groupStore is the content of a store file.
type groupStore struct {
	digest    [32]byte
	textBytes int64
	nFiles    int
	docs      []storedDoc
	failed    []int // listed files that loaded no document
	result    *stories.Result
	locate    []byte // sorted records of locateLen bytes
}

// encodeGroupStore lays g out as a store file for version and roots.
func encodeGroupStore(g *groupStore, version, roots string) []byte {
	b := []byte(groupMagic)
	b = binary.LittleEndian.AppendUint32(b, groupFormat)
	b = appendStr(appendStr(b, version), roots)
	b = append(b, g.digest[:]...)
	b = binary.AppendVarint(b, g.textBytes)
	b = binary.AppendUvarint(b, uint64(g.nFiles))
	b = binary.AppendUvarint(b, uint64(len(g.docs)))
	for _, d := range g.docs {
		b = binary.AppendUvarint(b, uint64(d.file))
		b = appendStr(appendStr(appendStr(b, d.name), d.title), d.published)
	}
	b = appendInts(b, g.failed)
	r := g.result
	b = binary.AppendUvarint(b, uint64(len(r.Stories)))
	for _, s := range r.Stories {
		b = appendStr(appendStr(appendStr(appendStr(b, s.ID), s.Label), s.First), s.Last)
		b = appendInts(b, s.Docs)
	}
	for i := range g.docs {
		b = binary.AppendUvarint(b, uint64(r.StoryOf[i]))
		dup := -1
		if k, ok := r.DuplicateOf[i]; ok {
			dup = k
		}
		b = binary.AppendVarint(b, int64(dup))
	}
	b = binary.AppendUvarint(b, uint64(len(g.locate)/locateLen))
	b = append(b, g.locate...)
	return binary.LittleEndian.AppendUint32(b, crc32.Checksum(b, groupCRC))
}

func appendStr(b []byte, s string) []byte {
	return append(binary.AppendUvarint(b, uint64(len(s))), s...)
}

func appendInts(b []byte, xs []int) []byte {
	b = binary.AppendUvarint(b, uint64(len(xs)))
	for _, x := range xs {
		b = binary.AppendUvarint(b, uint64(x))
	}
	return b
}

// decodeGroupStore reads a store file written for version and roots; a
// damaged, foreign or truncated one is an error. It takes data over: the
// strings it reads are slices of data, which the caller never writes or
// uses again.
func decodeGroupStore(data []byte, version, roots string) (*groupStore, error) {
	if len(data) < len(groupMagic)+8 {
		return nil, errGroupStore
	}
	body := data[:len(data)-4]
	if binary.LittleEndian.Uint32(data[len(body):]) != crc32.Checksum(body, groupCRC) {
		return nil, errGroupStore
	}
	// The documents' names, titles and dates as slices of the file read,
	// which the locate records keep anyway, rather than a string each:
	// decoding the 40x BBC folder's store took 181,000 allocations and
	// 19.4 MB, 27-31 ms of CPU; now 1,920 and 15.3 MB, 21-23 ms.
	r := &storeReader{b: body, s: unsafe.String(&body[0], len(body))}
	if r.take(len(groupMagic)) != groupMagic || r.u32() != groupFormat || r.str() != version || r.str() != roots {
		return nil, errGroupStore
	}
	g := &groupStore{}
	copy(g.digest[:], r.take(len(g.digest)))
	g.textBytes, g.nFiles = r.varint(), r.count()
	g.docs = make([]storedDoc, r.count())
	for i := range g.docs {
		g.docs[i] = storedDoc{file: r.index(g.nFiles), name: r.str(), title: r.str(), published: r.str()}
	}
	g.failed = r.ints(g.nFiles)
	g.result = r.grouping(len(g.docs))
	n := r.count()
	if r.err == nil && n*locateLen == len(r.b)-r.pos {
		g.locate = r.b[r.pos:]
		return g, nil
	}
	return nil, errGroupStore
}

// grouping reads the stories of n documents.
func (r *storeReader) grouping(n int) *stories.Result {
	res := &stories.Result{Stories: make([]stories.Story, r.count()), StoryOf: make([]int, n),
		Copies: map[int][]int{}}
	for i := range res.Stories {
		res.Stories[i] = stories.Story{ID: r.str(), Label: r.str(), First: r.str(), Last: r.str(), Docs: r.ints(n)}
	}
	// The copies are read first, then the maps made to size and each
	// kept document's copies cut from one array: at forty times the BBC
	// folder 86,815 of 89,040 documents are copies, and growing the maps
	// and lists one copy at a time was 3% of a second compare's CPU.
	type copyOf struct{ doc, of int32 }
	var dups []copyOf
	for i := range n {
		res.StoryOf[i] = r.index(len(res.Stories))
		dup := r.varint()
		if dup < 0 {
			continue
		}
		if dup >= int64(n) {
			r.fail()
			continue
		}
		if dups == nil {
			dups = make([]copyOf, 0, n-i)
		}
		dups = append(dups, copyOf{int32(i), int32(dup)})
	}
	res.DuplicateOf = make(map[int]int, len(dups))
	if len(dups) == 0 {
		return res
	}
	// at[k] is first how many copies document k has, then where its list
	// ends in all, then (filled from the end) where it starts.
	at := make([]int32, n+1)
	for _, d := range dups {
		at[d.of]++
	}
	kept, end := 0, int32(0)
	for k := range at {
		if at[k] > 0 {
			kept++
		}
		end += at[k]
		at[k] = end
	}
	all := make([]int, len(dups))
	for j := len(dups) - 1; j >= 0; j-- {
		d := dups[j]
		at[d.of]--
		all[at[d.of]] = int(d.doc)
		res.DuplicateOf[int(d.doc)] = int(d.of)
	}
	res.Copies = make(map[int][]int, kept)
	for k := range n {
		// Copies are listed in corpus order, as stories.Group lists them.
		if lo, hi := at[k], at[k+1]; hi > lo {
			res.Copies[k] = all[lo:hi:hi]
		}
	}
	return res
}

// storeReader reads a store file's fields; the first error sticks and
// every later read returns zero values.
type storeReader struct {
	b   []byte
	pos int
	err error
	// s, when set, is b as a string (the same bytes, never written), and
	// take returns slices of it rather than copies.
	s string
}

func (r *storeReader) fail() { r.err = errGroupStore }

func (r *storeReader) take(n int) string {
	if r.err != nil || n < 0 || n > len(r.b)-r.pos {
		r.fail()
		return ""
	}
	var s string
	if r.s != "" {
		s = r.s[r.pos : r.pos+n]
	} else {
		s = string(r.b[r.pos : r.pos+n])
	}
	r.pos += n
	return s
}

func (r *storeReader) u32() uint32 {
	s := r.take(4)
	if r.err != nil {
		return 0
	}
	return binary.LittleEndian.Uint32([]byte(s))
}

func (r *storeReader) uvarint() uint64 {
	if r.err != nil {
		return 0
	}
	v, n := binary.Uvarint(r.b[r.pos:])
	if n <= 0 {
		r.fail()
		return 0
	}
	r.pos += n
	return v
}

func (r *storeReader) varint() int64 {
	if r.err != nil {
		return 0
	}
	v, n := binary.Varint(r.b[r.pos:])
	if n <= 0 {
		r.fail()
		return 0
	}
	r.pos += n
	return v
}

// count reads a length, which cannot exceed the bytes left (every item
// takes at least one).
func (r *storeReader) count() int {
	v := r.uvarint()
	if v > uint64(len(r.b)-r.pos) {
		r.fail()
		return 0
	}
	return int(v)
}

// index reads a number below n.
func (r *storeReader) index(n int) int {
	v := r.uvarint()
	if v >= uint64(n) {
		r.fail()
		return 0
	}
	return int(v)
}

func (r *storeReader) str() string { return r.take(r.count()) }

func (r *storeReader) ints(below int) []int {
	xs := make([]int, r.count())
	for i := range xs {
		xs[i] = r.index(below)
	}
	return xs
}

// locateRecords lays out the first location of each sentence key, as
// Sets.Locate finds them, as sorted records.
func locateRecords(byText map[uint64]corpus.Loc) []byte {
	keys := make([]uint64, 0, len(byText))
	for k := range byText {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	b := make([]byte, 0, len(keys)*locateLen)
	for _, k := range keys {
		l := byText[k]
		b = binary.LittleEndian.AppendUint64(b, k)
		b = binary.LittleEndian.AppendUint32(b, uint32(l.Doc))
		b = binary.LittleEndian.AppendUint32(b, uint32(l.Block))
		b = binary.LittleEndian.AppendUint32(b, uint32(l.Sentence))
	}
	return b
}

// lookup finds a sentence key's location by binary search over the
// records: only a few of them are read.
func (g *groupStore) lookup(key uint64) (corpus.Loc, bool) {
	n := len(g.locate) / locateLen
	at := func(i int) []byte { return g.locate[i*locateLen : (i+1)*locateLen] }
	i := sort.Search(n, func(i int) bool { return binary.LittleEndian.Uint64(at(i)) >= key })
	if i == n || binary.LittleEndian.Uint64(at(i)) != key {
		return corpus.Loc{}, false
	}
	rec := at(i)
	loc := corpus.Loc{Doc: int(binary.LittleEndian.Uint32(rec[8:])), Block: int(binary.LittleEndian.Uint32(rec[12:])),
		Sentence: int(binary.LittleEndian.Uint32(rec[16:]))}
	if loc.Doc >= len(g.docs) {
		return corpus.Loc{}, false
	}
	return loc, true
}
