// Package gctune tunes the garbage collector for a subcommand, which
// loads, answers and exits, and bounds its heap by the text it loaded.
package gctune

import (
	"math"
	"runtime"
	"runtime/debug"
	"sync"

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
	oneShot.active = true
	oneShot.Unlock()
	debug.SetGCPercent(-1)
	debug.SetMemoryLimit(oneShotHeap)
	// The first collection is the one the cap forces; the cleanup runs
	// after it and hands the heap back to the usual pacing.
	runtime.AddCleanup(new([64]byte), func(struct{}) {
		oneShot.Lock()
		defer oneShot.Unlock()
		oneShot.collected = true
		debug.SetGCPercent(oneShotGC)
		debug.SetMemoryLimit(oneShot.limit)
	}, struct{}{})
}

// oneShot is the state of the collector's tuning for a subcommand.
var oneShot = struct {
	sync.Mutex
	active, collected bool
	limit             int64 // the soft limit once the cap is passed
}{limit: math.MaxInt64}

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
	oneShot.Lock()
	defer oneShot.Unlock()
	if !oneShot.active || docs == 0 || text/int64(docs) < largeDoc {
		return
	}
	oneShot.limit = max(int64(textHeap*float64(text)), minTextHeap)
	if oneShot.collected || oneShot.limit < oneShotHeap {
		debug.SetMemoryLimit(oneShot.limit)
	}
}

// minTextHeap is the least soft limit FitToText sets: at 64 MiB, compare
// on one 16 MB sentence ran to the floor and peaked at 4.8 times its text
// (4.1 at 16 MiB, with its windows indexed as postings).
const (
	oneShotHeap = 256 << 20
	oneShotGC   = 100
	textHeap    = 3.25
	minTextHeap = 16 << 20
	largeDoc    = 1 << 20
)

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
