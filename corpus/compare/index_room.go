package compare

import (
	"math"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
)

// makeRoom collects garbage first when allocating n more bytes would
// take the process past its soft memory limit (gctune sets one for a
// subcommand on large documents; without one it does nothing). The
// collector paces itself by the limit but checks it only after an
// allocation, so one large array allocated at the limit lands on top of
// the garbage: the postings of two 8 MiB sentences (10.5 MB, made while
// the text and every forward entry are live) took the heap's mapped
// pages from 48 to 52.6 MB, the peak of claims on them. Collected
// first, they fit in the pages the garbage held. (Those are now placed
// in the entries' own arrays, index_place.go; a folder's postings and
// the forward index copied out for discovery are still allocated so.)
func makeRoom(n int) {
	limit := debug.SetMemoryLimit(-1) // reads the limit without changing it
	if limit == math.MaxInt64 {
		return
	}
	s := []metrics.Sample{
		{Name: "/memory/classes/total:bytes"},
		{Name: "/memory/classes/heap/released:bytes"},
	}
	metrics.Read(s)
	for _, v := range s {
		if v.Value.Kind() != metrics.KindUint64 {
			return
		}
	}
	if int64(s[0].Value.Uint64()-s[1].Value.Uint64())+int64(n) > limit {
		runtime.GC()
	}
}
