package compare

import (
	"encoding/binary"
	"math"
	"unsafe"
)

// The numeric tables of the index of every document read back
// (stored_all.go) are used where they lie in the mapped file rather than
// copied out: a copy was 26 MB of fresh heap at 40x the BBC folder, each
// page faulted in, filled and handed back at exit, on every second
// compare, while in place they are pages of the file the kernel already
// holds, of which a comparison touches only the few it reads. This use
// of unsafe (the package's other is decodeGroupStore's strings) only
// views: the bytes are taken as a []T only when this machine's byte
// order is the file's (little-endian), the address suits T's alignment
// and the length is a whole number of T; anything else decodes a copy.
// The mapping is released by a cleanup on the index's core (readAll), so
// a table must not be kept past the index that holds it.

// littleEndian says whether this machine stores numbers as the file does.
var littleEndian = binary.NativeEndian.Uint16([]byte{1, 0}) == 1

// viewOr is b's bytes as a []T in place when they can be (see above),
// else decoded one item at a time by decode from its sizeof(T) bytes.
// T must be made of fixed-size numbers laid out as the file lays them
// out, with no padding (int32, float32, float64, uint64, bool, posting,
// sentRef).
func viewOr[T any](b []byte, decode func([]byte) T) []T {
	var zero T
	size := int(unsafe.Sizeof(zero))
	if len(b) == 0 {
		return []T{}
	}
	n := len(b) / size
	p := unsafe.Pointer(unsafe.SliceData(b))
	if littleEndian && len(b) == n*size && uintptr(p)%unsafe.Alignof(zero) == 0 {
		return unsafe.Slice((*T)(p), n)
	}
	xs := make([]T, n)
	for i := range xs {
		xs[i] = decode(b[i*size : i*size+size])
	}
	return xs
}

// table is items for a table laid out at a multiple of 8 bytes from the
// start of r.b (appendTables pads before it), so that it can be used in
// place (see viewOr).
func (r *storeReader) table(size int) []byte {
	n := r.uvarint()
	pad := -r.pos & 7
	if r.err != nil || pad > len(r.b)-r.pos || n > uint64(len(r.b)-r.pos-pad)/uint64(size) {
		r.fail()
		return nil
	}
	r.pos += pad
	b := r.b[r.pos : r.pos+int(n)*size : r.pos+int(n)*size]
	r.pos += int(n) * size
	return b
}

func (r *storeReader) i32s() []int32 {
	return viewOr(r.table(4), func(e []byte) int32 { return i32At(e, 0) })
}

func (r *storeReader) postings() []posting {
	return viewOr(r.table(8), func(e []byte) posting {
		return posting{i32At(e, 0), math.Float32frombits(le.Uint32(e[4:]))}
	})
}

// bools are r's bytes where they lie when each is 0 or 1 (what a bool
// holds); any other byte is a damaged store.
func (r *storeReader) bools() []bool {
	b := r.items(1)
	for _, x := range b {
		if x > 1 {
			r.fail()
			return nil
		}
	}
	return viewOr(b, func(e []byte) bool { return e[0] != 0 })
}
