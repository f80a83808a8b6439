package gctune

import (
	"math"
	"runtime/debug"
	"testing"
)

// FitToText sets a soft memory limit by the text only for large
// documents, and only in a subcommand's tuning.
func TestFitHeapToText(t *testing.T) {
	// Other tests run subcommands, whose first collection may come now.
	set := func(active bool) {
		oneShot.Lock()
		oneShot.active, oneShot.collected, oneShot.limit = active, false, math.MaxInt64
		oneShot.Unlock()
	}
	kept := func() int64 {
		oneShot.Lock()
		defer oneShot.Unlock()
		return oneShot.limit
	}
	saved := debug.SetMemoryLimit(-1)
	defer func() {
		set(false)
		debug.SetMemoryLimit(saved)
	}()
	debug.SetMemoryLimit(oneShotHeap)
	set(true)

	FitToText(5<<20, 2225) // a folder of small files: untouched
	if got := debug.SetMemoryLimit(-1); got < oneShotHeap || kept() != math.MaxInt64 {
		t.Errorf("small documents: limit %d (kept %d), want the cap %d untouched", got, kept(), oneShotHeap)
	}
	FitToText(60<<20, 1) // one giant file: the cap comes down to textHeap times it
	if got, want := debug.SetMemoryLimit(-1), int64(textHeap*float64(60<<20)); got != want || kept() != want {
		t.Errorf("one 60 MiB document: limit %d (kept %d), want %d", got, kept(), want)
	}
	debug.SetMemoryLimit(oneShotHeap)
	FitToText(200<<20, 2) // above the cap: kept for after the first collection
	oneShot.Lock()
	collected := oneShot.collected // a pending first collection of another test's command
	oneShot.Unlock()
	if got, want := debug.SetMemoryLimit(-1), int64(textHeap*float64(200<<20)); !collected && got != oneShotHeap || kept() != want {
		t.Errorf("200 MiB in two documents: limit now %d, kept %d; want %d now and %d kept", got, kept(), oneShotHeap, want)
	}
	set(false)
	FitToText(60<<20, 1) // the interface: no tuning
	if kept() != math.MaxInt64 {
		t.Errorf("without a subcommand's tuning the limit is set: %d", kept())
	}
}
