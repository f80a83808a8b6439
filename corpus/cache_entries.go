package corpus

import (
	"encoding/binary"
	"hash/maphash"
	"math"
)

// listEntries are the entries of a list file, found by name without
// being decoded first: a command that reads a few documents from the
// cache (a second compare) looks up a few of the 89,040 entries of the
// 40x BBC folder, and decoding them all into a map was 22-37 ms of CPU
// and 24 MB beside the file's own 8.4 MB. An entry is decoded each time
// it is looked up (a few varints and slices of the file).
type listEntries struct {
	b []byte // the entries, as the list file holds them
	s string // b as a string, the same bytes: entries' strings are slices of it
	// at is where each entry starts in b, in the file's order.
	at []uint32
	// slots is a hash table of entries by name: in each slot the top half
	// of the name's hash over 1 + the entry's number, 0 when empty. The
	// half hash spares most probes a look at the name, which lies
	// anywhere in the 8 MB of b. Of two entries with one name it holds the
	// later, as a map filled in the file's order would.
	slots []uint64
	seed  maphash.Seed
	n     int    // the entries the table holds (names told apart)
	used  []bool // per entry: still valid this run (see rootCache)
}

// indexEntries finds the entries in b (s its string), checking that each
// is whole; not ok when one is not, or b is too large to index.
func indexEntries(b []byte, s string) (*listEntries, bool) {
	if len(b) >= math.MaxInt32 {
		return nil, false
	}
	t := &listEntries{b: b, s: s, seed: maphash.MakeSeed()}
	t.at = make([]uint32, 0, len(b)/80) // an entry takes about 90 bytes or more
	hashes := make([]uint64, 0, cap(t.at))
	for pos := 0; pos < len(b); {
		relAt, relEnd, next, ok := skipEntry(b, pos)
		if !ok {
			return nil, false
		}
		t.at = append(t.at, uint32(pos))
		hashes = append(hashes, maphash.String(t.seed, s[relAt:relEnd]))
		pos = next
	}
	size := 8
	for size < 2*len(t.at) {
		size *= 2
	}
	t.slots = freshWritten(make([]uint64, size))
	for i, h := range hashes {
		k, ok := t.probe(h, func() string { return t.rel(i) })
		if !ok {
			t.n++
		}
		t.slots[k] = h&^math.MaxUint32 | uint64(i+1)
	}
	t.used = freshWritten(make([]bool, len(t.at)))
	return t, true
}

// freshWritten writes zeros over a newly made large slice before it is
// read. Go takes such a slice from memory the kernel has not yet handed
// out; read first, each page is mapped to the shared zero page, and the
// write that follows copies it and flushes the other cores' address
// caches (an interrupt to each). The table of the 40x BBC folder's list
// (2 MB) is probed before its slots are written: that copy and flush were
// 2.7% of a second compare's CPU samples (perf record -g), and 0.2% with
// the table written first, each page then taking a single fault.
func freshWritten[T any](s []T) []T {
	var zero T
	for i := range s {
		s[i] = zero
	}
	return s
}

// probe is the slot of the entry named rel() (hash h), ok, or the empty
// slot where it would go; rel is called only when a slot's half hash is
// h's.
func (t *listEntries) probe(h uint64, rel func() string) (k int, ok bool) {
	mask := len(t.slots) - 1
	for k = int(h) & mask; ; k = (k + 1) & mask {
		v := t.slots[k]
		if v == 0 {
			return k, false
		}
		if v&^math.MaxUint32 == h&^math.MaxUint32 && t.rel(int(v&math.MaxUint32)-1) == rel() {
			return k, true
		}
	}
}

// find is the number of the entry named rel, or -1.
func (t *listEntries) find(rel string) int {
	if t == nil || len(t.slots) == 0 {
		return -1
	}
	k, ok := t.probe(maphash.String(t.seed, rel), func() string { return rel })
	if !ok {
		return -1
	}
	return int(t.slots[k]&math.MaxUint32) - 1
}

// len is how many entries the table holds.
func (t *listEntries) len() int {
	if t == nil {
		return 0
	}
	return t.n
}

// each calls fn with the number and name of every entry held, in no
// particular order.
func (t *listEntries) each(fn func(i int, rel string)) {
	if t == nil {
		return
	}
	for _, v := range t.slots {
		if i := int(v&math.MaxUint32) - 1; i >= 0 {
			fn(i, t.rel(i))
		}
	}
}

// rel is entry i's name.
func (t *listEntries) rel(i int) string {
	pos := int(t.at[i])
	n, k := binary.Uvarint(t.b[pos:]) // checked by indexEntries
	return t.s[pos+k : pos+k+int(n)]
}

// skipEntry finds the name of the entry at pos in b and where the next
// entry starts, checking the entry's framing as entry reads it (its
// numbers whole, its lengths within b) without decoding its fields:
// reading the 40x BBC folder's list took 11-14 ms of CPU so, 15-18 ms
// decoding every entry.
func skipEntry(b []byte, pos int) (relAt, relEnd, next int, ok bool) {
	n, k := binary.Uvarint(b[pos:])
	if k <= 0 || n > uint64(len(b)-pos-k) {
		return 0, 0, 0, false
	}
	relAt, relEnd = pos+k, pos+k+int(n)
	at := relEnd
	for range 4 { // size, time, the body's offset and length
		if _, k := binary.Uvarint(b[at:]); k > 0 {
			at += k
		} else {
			return 0, 0, 0, false
		}
	}
	at += 4 // the body's CRC-32C
	if at > len(b) {
		return 0, 0, 0, false
	}
	n, k = binary.Uvarint(b[at:])
	if k <= 0 || n > uint64(len(b)-at-k) {
		return 0, 0, 0, false
	}
	return relAt, relEnd, at + k + int(n), true
}

// entry is entry i, decoded (see cacheWriter.putWith); its framing was
// checked by indexEntries.
func (t *listEntries) entry(i int) cacheEntry {
	pos := int(t.at[i])
	r := docReader{b: t.b[pos:], s: t.s[pos:]}
	r.str() // the name
	e := cacheEntry{size: int64(r.int()), mtime: int64(r.int()), off: int64(r.u64()), n: int64(r.u64())}
	if sum := r.take(4); sum != nil {
		e.sum = binary.LittleEndian.Uint32(sum)
	}
	n := r.count()
	at := len(r.s) - len(r.b)
	if e.meta = r.take(n); e.meta != nil {
		e.metaText = r.s[at : at+n]
	}
	return e
}
