package gctune

import (
	"math"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
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
	set(true)
	FitToText(50<<20, 22_260) // ten copies of BBC: under the cap, untouched
	if kept() != math.MaxInt64 {
		t.Errorf("50 MiB in small files: limit kept %d, want none", kept())
	}
	FitToText(200<<20, 89_040) // forty copies: a ceiling past the cap
	ceiling := int64(folderHeap * float64(200<<20))
	if got := debug.SetMemoryLimit(-1); kept() != ceiling || got != oneShotHeap && !collected {
		t.Errorf("200 MiB in small files: limit now %d, kept %d; want %d now and %d kept", got, kept(), oneShotHeap, ceiling)
	}
	oneShot.Lock()
	oneShot.collected = true
	oneShot.Unlock()
	FitToText(200<<20, 89_040) // once collected, at once
	if got := debug.SetMemoryLimit(-1); got != ceiling {
		t.Errorf("200 MiB in small files, collected: limit %d, want %d", got, ceiling)
	}
	// A ceiling yields to the live heap: never under liveRoom times it.
	runtime.GC()
	s := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
	metrics.Read(s)
	oneShot.Lock()
	oneShot.limit = 1
	got := oneShot.current()
	oneShot.Unlock()
	if live := s[0].Value.Uint64(); live == 0 || got < int64(liveRoom*float64(live))*9/10 {
		t.Errorf("a ceiling of 1 byte with %d bytes live: limit %d, want about %v times the live heap", live, got, liveRoom)
	}
	set(false)
	FitToText(60<<20, 1) // the interface: no tuning
	if kept() != math.MaxInt64 {
		t.Errorf("without a subcommand's tuning the limit is set: %d", kept())
	}
}
