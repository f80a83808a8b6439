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
	ends  []int32  // per sentence: end offset in ids (in posts when windowed)
	hash  []uint64 // per sentence: textKey, 0 when blank
	num   []bool   // per sentence: has a number (see analyzer.numeric)
	win   []bool   // per sentence: a window of an over-long sentence
	// windowed is set for a document of windows alone (a file with no
	// full stop), which is analysed into posts instead of ids: each
	// window's distinct key ids (in sent, in order of first sight) with
	// how often each occurs (in tf), and in lens its words and compounds,
	// repeats counted (see analyseWindows).
	windowed bool
	posts    []posting
	lens     []int32
}

// unitLen is the length BM25 weighs unit si by: its words and compounds,
// repeats counted. start is where the unit starts in ids.
func (a analysed) unitLen(si int, start int32) int32 {
	if a.windowed {
		return a.lens[si]
	}
	return a.ends[si] - start
}

func analyseDoc(an *analyzer, d *corpus.Document) analysed {
	if onlyWindows(d) {
		return analyseWindows(an, d)
	}
	return analyseIDs(an, d)
}

// analyseIDs is analyseDoc as every word's key id (see analysed.ids).
func analyseIDs(an *analyzer, d *corpus.Document) analysed {
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
		out.endUnit(len(out.ids), text, window)
	})
	return out
}

// endUnit records a unit just analysed: where its terms end (in ids, or
// in posts when windowed), its text's key, whether it has a number and
// whether it is a window.
func (a *analysed) endUnit(end int, text string, window bool) {
	a.ends = append(a.ends, int32(end))
	h, ok := textKey(text)
	if !ok {
		h = 0
	}
	a.hash = append(a.hash, h)
	a.num = append(a.num, a.an.numeric)
	a.win = append(a.win, window)
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
