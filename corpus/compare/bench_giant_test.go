package compare

import (
	"fmt"
	"runtime"
	"testing"

	"parley/corpus"
	"parley/corpus/testcorpus"
)

// Issue 12, item 10: compare and claims on one giant sentence (a file
// with no full stop) must cost time linear in the text and memory at most
// four times the text. Each size indexes the sentence (as windows, see
// windows.go), compares its first window and a typed query, and, for
// claims, discovers the claims of two such documents of half the size.
// heap/text is the live heap the index holds, over the text's bytes;
// peak/text the most heap in use while it works (garbage included, at
// the default GOGC), over the text's bytes.
//
//	go test ./corpus/compare -run '^$' -bench Giant -benchtime 1x

var giantSizes = []int{1 << 20, 4 << 20, 16 << 20}

func BenchmarkGiantSentenceCompare(b *testing.B) {
	for _, n := range giantSizes {
		b.Run(fmt.Sprintf("%dMB", n>>20), func(b *testing.B) {
			docs := []*corpus.Document{giantDoc(b, b.TempDir(), "g.txt", giantSentence(1, n))}
			giantBench(b, n, docs, func(ix *Index) {
				ix.CompareLoc(corpus.Loc{Doc: 0}, QueryOptions{})
				ix.Compare("the delegation arrived in Islamabad on Monday", QueryOptions{})
			})
		})
	}
}

func BenchmarkGiantSentenceClaims(b *testing.B) {
	for _, n := range giantSizes {
		b.Run(fmt.Sprintf("%dMB", n>>20), func(b *testing.B) {
			dir := b.TempDir()
			docs := []*corpus.Document{giantDoc(b, dir, "a.txt", giantSentence(1, n/2)), giantDoc(b, dir, "b.txt", giantSentence(2, n/2))}
			giantBench(b, n, docs, func(ix *Index) { ix.Claims() })
		})
	}
}

// giantBench indexes docs (n bytes of text) and runs work on the index,
// reporting the heap kept and the peak over the text.
func giantBench(b *testing.B, n int, docs []*corpus.Document, work func(*Index)) {
	before := liveHeap()
	var ix *Index
	var peak uint64
	for b.Loop() {
		ix = nil
		peak = testcorpus.PeakHeap(func() {
			ix = Build(docs, Options{EngineOnly: true})
			work(ix)
		})
	}
	b.ReportMetric(float64(liveHeap()-before)/float64(n), "heap/text")
	b.ReportMetric(float64(peak)/float64(n), "peak/text")
	runtime.KeepAlive(ix)
}

// liveHeap is the heap in use after a collection.
func liveHeap() int64 {
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return int64(m.HeapAlloc)
}
