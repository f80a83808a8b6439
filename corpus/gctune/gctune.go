// Package gctune tunes the garbage collector for a subcommand, which
// loads, answers and exits, and bounds its heap by the text it loaded.
package gctune

import (
	"math"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"sync"
	"sync/atomic"

	"parley/corpus"
)

// OneShot lets a subcommand, which loads, answers and exits, run
// without garbage collection until the heap first reaches a cap:
// collecting garbage a process is about to drop costs a good share of a
// search over a few megabytes of text. Past the cap the collector runs as
// usual (GOGC=oneShotGC): a fixed limit on a heap whose live part nears
// it has the collector run over and over, which made a folder ten times
// the BBC's take more than ten times as long.
func OneShot() {
	oneShot.Lock()
	oneShot.active, oneShot.collected, oneShot.fitted = true, false, false
	arm := !oneShot.armed
	oneShot.armed = true
	oneShot.Unlock()
	debug.SetGCPercent(-1)
	debug.SetMemoryLimit(oneShotHeap)
	corpus.SetLoadHook(fitWhileLoading())
	if arm {
		afterCollection()
	}
}

// afterCollection has a cleanup run after the next collection and arm
// itself again. The first collection is the one the cap forces: it hands
// the heap back to the usual pacing. After each, a folder's ceiling
// (see folderHeap) is raised to liveRoom times the heap left live if it
// is below that.
func afterCollection() {
	runtime.AddCleanup(new([64]byte), func(struct{}) {
		oneShot.Lock()
		defer oneShot.Unlock()
		if !oneShot.collected {
			oneShot.collected = true
			debug.SetGCPercent(oneShotGC)
		}
		debug.SetMemoryLimit(oneShot.current())
		if oneShot.armed = oneShot.active; oneShot.armed {
			afterCollection()
		}
	}, struct{}{})
}

// oneShot is the state of the collector's tuning for a subcommand.
var oneShot = oneShotState{limit: math.MaxInt64}

type oneShotState struct {
	sync.Mutex
	active, collected bool
	fitted            bool  // FitToText has fitted the heap to large documents
	armed             bool  // a cleanup waits for the next collection
	limit             int64 // the soft limit once the cap is passed
	ceiling           bool  // limit is a folder's ceiling, which yields to the live heap
}

// current is the soft limit past the cap: limit, or for a folder's
// ceiling at least liveRoom times the heap live after the last
// collection. oneShot is locked.
func (o *oneShotState) current() int64 {
	if !o.ceiling {
		return o.limit
	}
	s := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
	metrics.Read(s)
	if s[0].Value.Kind() != metrics.KindUint64 {
		return o.limit
	}
	return max(o.limit, int64(liveRoom*float64(s[0].Value.Uint64())))
}

// FitToText bounds a subcommand's heap by the text it loaded (text
// bytes in docs documents) when that text is in large documents (a file
// with no full stop, a book): a soft limit of textHeap times the text,
// from the cap on if that is lower, else from the first collection on.
// compare on one 60 MB sentence then peaks at 3.5-4 times its text (and
// claims on two of 30 MB at 3.6 times, for 8% more CPU; at 3.0 times the
// text the collector cost claims 35% more); without the limit the first
// collection came only at the cap and the next at twice the live heap
// (310-365 MB and 390 MB). Folders of many small files are left as they
// are: their titles, sentence tables and index entries per document hold
// 3 to 4 times their text, and the limit had the collector run over and
// over (compare on ten copies of BBC: 1.2 s of CPU became 1.7 s).
func FitToText(text int64, docs int) {
	if fitToText(text, docs) {
		// The first fit to large documents collects at once: what
		// loading left (the file read, the copies parsing made) goes
		// before the index is built. Left to the limit, the first
		// collection came when the heap reached it and in two runs of
		// six overlapped the index's first large allocation (42 -> 54
		// -> 31 MB by GODEBUG=gctrace=1): compare --all --no-cache on
		// one 16 MiB sentence then peaked at 66.0-66.2 MiB (4.1 times
		// the text) instead of 62.2-62.8.
		runtime.GC()
	}
}

// fitToText is FitToText but for its collection, which it says is due.
func fitToText(text int64, docs int) (collect bool) {
	oneShot.Lock()
	defer oneShot.Unlock()
	if !oneShot.active || docs == 0 {
		return false
	}
	if text/int64(docs) < largeDoc {
		// A folder: a ceiling, not a fit (see folderHeap).
		ceiling := int64(folderHeap * float64(text))
		if ceiling <= oneShotHeap {
			return false
		}
		oneShot.limit, oneShot.ceiling = ceiling, true
	} else {
		oneShot.limit, oneShot.ceiling = max(int64(textHeap*float64(text)), minTextHeap), false
		collect = !oneShot.collected && !oneShot.fitted
		oneShot.fitted = true
	}
	if oneShot.collected || oneShot.limit < oneShotHeap {
		debug.SetMemoryLimit(oneShot.current())
	}
	return collect
}

// minTextHeap is the least soft limit FitToText sets: at 64 MiB, compare
// on one 16 MB sentence ran to the floor and peaked at 4.8 times its text
// (at 16 MiB it now peaks at 3.9 without the cache).
const (
	oneShotHeap = 256 << 20
	oneShotGC   = 100
	textHeap    = 3.25
	minTextHeap = 16 << 20
	largeDoc    = 1 << 20
)

// folderHeap caps the memory of a subcommand on a folder of small files
// once past the cap: 3.5 times the text, so that what the process holds
// outside Go's heap (its code and data mapped from the executable, 10-12
// MiB, the cache files it maps) and what it allocates while a collection
// marks (one takes 1-2 s at forty times BBC) stay within 4. Without it
// the first compare of forty copies of BBC (201 MB of text, writing the
// cache) peaked at 4.1-4.4 times the text with 390-430 MB live: freed
// memory the runtime kept (867 MB mapped for 645 MB of objects) and
// twice the live heap before a collection. It applies only above the cap
// (a folder of some 73 MiB of text and more), and yields to liveRoom
// times the live heap, so the collector never runs over and over as it
// did under a fixed fit like textHeap (compare on ten copies of BBC,
// whose live heap is 3 to 4 times its text, took 1.7 s of CPU under one
// instead of 1.2). With it that first compare peaks at 657-675 MiB
// (3.4-3.5 times the text) from 768-853 MiB, for 7.2-8.3 s of CPU
// against 6.0-7.5 s (alternating runs at a load average of 6-9); compare
// --no-cache, whose peak was under the ceiling, is unchanged.
const (
	folderHeap = 3.5
	liveRoom   = 1.5
)

// fitWhileLoading is OneShot's load hook (corpus.SetLoadHook): it fits
// the heap to the text loaded so far (FitToText) every loadStep
// documents. The first compare of forty copies of BBC, which parses
// every file, reached its peak (4.1-4.4 times the text, twice the live
// heap before a collection) while loading, before the text was known.
func fitWhileLoading() func(*corpus.Document) {
	var text, docs atomic.Int64
	return func(d *corpus.Document) {
		t, n := text.Add(TextBytes([]*corpus.Document{d})), docs.Add(1)
		if n%loadStep == 0 {
			FitToText(t, int(n))
		}
	}
}

// loadStep is how many documents are loaded between two fits.
const loadStep = 4096

// TextBytes is the size of the documents' text: titles and blocks.
func TextBytes(docs []*corpus.Document) int64 {
	var n int64
	for _, d := range docs {
		n += int64(len(d.Title))
		for si := range d.Sections {
			for _, b := range d.Sections[si].Blocks {
				n += int64(len(b.Text))
			}
		}
	}
	return n
}
