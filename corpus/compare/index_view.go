package compare

import (
	"encoding/binary"
	"unsafe"
)

// Reading the index of every document back (stored_all.go) used to copy
// its numeric tables out of the mapped file: 26 MB of fresh heap at 40x
// the BBC folder, each page faulted in, filled and handed back at exit,
// on every second compare. Used where they lie, they are pages of the
// file the kernel already holds, and a comparison touches only the few
// it reads. This is the package's one use of unsafe, and it is kept to
// view: the bytes are taken as a []T only when this machine's byte order
// is the file's (little-endian), the address suits T's alignment and the
// length is a whole number of T; anything else decodes a copy, as before.

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
