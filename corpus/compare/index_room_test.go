package compare

import (
	"math"
	"runtime"
	"runtime/debug"
	"testing"
)

// makeRoom collects only when the allocation it is told of would pass
// the soft memory limit, and never without one.
func TestMakeRoomCollectsOnlyPastTheLimit(t *testing.T) {
	defer debug.SetGCPercent(debug.SetGCPercent(-1))
	defer debug.SetMemoryLimit(debug.SetMemoryLimit(math.MaxInt64))
	collections := func(fn func()) uint32 {
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		fn()
		runtime.ReadMemStats(&after)
		return after.NumGC - before.NumGC
	}
	if n := collections(func() { makeRoom(1 << 40) }); n != 0 {
		t.Errorf("without a limit: %d collections, want 0", n)
	}
	debug.SetMemoryLimit(1 << 40)
	if n := collections(func() { makeRoom(1 << 20) }); n != 0 {
		t.Errorf("far below the limit: %d collections, want 0", n)
	}
	if n := collections(func() { makeRoom(1 << 40) }); n == 0 {
		t.Error("past the limit: no collection")
	}
}
