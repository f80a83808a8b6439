package compare

import (
	"runtime"
	"sync"

	"parley/corpus"
)

// The first step of Build: every document's sentences analysed into key
// ids, on every core.

// analysed is one document's sentences as key ids of the analyzer that
// read it, produced in parallel before the (sequential) merge.
type analysed struct {
	an    *analyzer
	ids   []int32  // words of every sentence, then its compounds
	words []int32  // per sentence: how many of its ids are words
	ends  []int32  // per sentence: end offset in ids
	hash  []uint64 // per sentence: textKey, 0 when blank
	num   []bool   // per sentence: has a number (see analyzer.numeric)
	win   []bool   // per sentence: a window of an over-long sentence
}

func analyseDoc(an *analyzer, d *corpus.Document) analysed {
	out := analysed{an: an}
	var compounds []int32
	forUnits(d, func(_, _ int, text string, _, _ int, window bool) {
		compounds = compounds[:0]
		start := len(out.ids)
		an.scan(text, func(id int32, _, _ int, compound bool) {
			if compound {
				compounds = append(compounds, id)
			} else {
				out.ids = append(out.ids, id)
			}
		})
		out.words = append(out.words, int32(len(out.ids)-start))
		out.ids = append(out.ids, compounds...)
		out.ends = append(out.ends, int32(len(out.ids)))
		h, ok := textKey(text)
		if !ok {
			h = 0
		}
		out.hash = append(out.hash, h)
		out.num = append(out.num, an.numeric)
		out.win = append(out.win, window)
	})
	return out
}

// analyseAll analyses the documents on every core: tokenising and
// stemming are most of the cost of indexing.
func analyseAll(docs []*corpus.Document) []analysed {
	out := make([]analysed, len(docs))
	workers := buildWorkers(len(docs))
	var wg sync.WaitGroup
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			an := newAnalyzer()
			for i := w; i < len(docs); i += workers {
				out[i] = analyseDoc(an, docs[i])
			}
		}()
	}
	wg.Wait()
	return out
}

// buildWorkers is how many goroutines share the work on n documents.
func buildWorkers(n int) int {
	return min(runtime.GOMAXPROCS(0), max(1, n/16))
}

// parallel calls fn(w, i) for every i below n on workers goroutines,
// worker w taking every workers-th i.
func parallel(n, workers int, fn func(w, i int)) {
	var wg sync.WaitGroup
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := w; i < n; i += workers {
				fn(w, i)
			}
		}()
	}
	wg.Wait()
}
