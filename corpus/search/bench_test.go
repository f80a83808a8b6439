package search

import (
	"context"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"parley/corpus"
	"parley/corpus/testcorpus"
)

var (
	bbcOnce  sync.Once
	bbcIndex *Index
)

// bbc loads and indexes the BBC corpus once per test binary, or skips.
func bbc(tb testing.TB) *Index {
	dir := testcorpus.BBC()
	if dir == "" {
		tb.Skip("../shared/corpora/bbc not found beside the repository")
	}
	bbcOnce.Do(func() {
		c, err := corpus.LoadPaths([]string{dir}, corpus.LoadOptions{})
		if err == nil {
			bbcIndex = New(c.Docs)
		}
	})
	if bbcIndex == nil {
		tb.Fatal("loading", dir, "failed")
	}
	return bbcIndex
}

// typed are queries a user might type; each is searched one keystroke at
// a time, every prefix narrowing from the one before, as the pane does.
var typed = []string{
	"government", "chelsea", "mobile phone", "oil prices", "election labour",
	"'iraq war", "microsoft", "^the film", "blair brown", "music !download",
}

// paneLimit is how many hits the search pane asks for.
const paneLimit = 200

// BenchmarkKeystroke reports the time of one keystroke's search at p50,
// p95 and worst, over every prefix of every query in typed.
func BenchmarkKeystroke(b *testing.B) { benchKeystroke(b, bbc(b), typed) }

// typedOr are queries with groups, typed as typed are.
var typedOr = []string{"oil | gas prices", "^the film | music$", "chelsea | arsenal !injury", "blair | brown | howard election"}

// BenchmarkKeystrokeOr is BenchmarkKeystroke over typedOr.
func BenchmarkKeystrokeOr(b *testing.B) { benchKeystroke(b, bbc(b), typedOr) }

// BenchmarkKeystrokeDoubled is BenchmarkKeystroke over the BBC corpus
// indexed twice: headroom for a corpus twice its size.
func BenchmarkKeystrokeDoubled(b *testing.B) {
	ix := bbc(b)
	benchKeystroke(b, New(append(slices.Clip(ix.docs), ix.docs...)), typed)
}

func benchKeystroke(b *testing.B, ix *Index, queries []string) {
	b.ReportMetric(float64(ix.Len()), "targets")
	ctx := context.Background()
	var times []time.Duration
	b.ResetTimer()
	for b.Loop() {
		for _, q := range queries {
			var prev *Result
			for i := 1; i <= len(q); i++ {
				start := time.Now()
				res, err := ix.Search(ctx, q[:i], Options{Limit: paneLimit, Doc: -1, Prev: prev})
				times = append(times, time.Since(start))
				if err != nil {
					b.Fatal(err)
				}
				prev = res
			}
		}
	}
	reportPercentiles(b, times)
}

// BenchmarkFullQuery searches each whole query from scratch: the cost of
// a pasted query, or of the CLI.
func BenchmarkFullQuery(b *testing.B) {
	ix := bbc(b)
	ctx := context.Background()
	var times []time.Duration
	b.ResetTimer()
	for b.Loop() {
		for _, q := range typed {
			start := time.Now()
			if _, err := ix.Search(ctx, q, Options{Limit: 50, Doc: -1}); err != nil {
				b.Fatal(err)
			}
			times = append(times, time.Since(start))
		}
	}
	reportPercentiles(b, times)
}

// BenchmarkLongQuery searches queries far longer than anyone types: a
// single term of 20,000 characters, "oil " 25,000 times, and a pasted
// paragraph of BBC text. Each is cut to MaxQueryChars, and parsing what is
// kept is linear in its length, so each costs about what a long line does.
// (Before, the first took 6.7 s and the second about 60 s through the
// CLI.)
func BenchmarkLongQuery(b *testing.B) {
	ix := bbc(b)
	ctx := context.Background()
	paragraph := "Oil prices fell for a third day on Wednesday as traders bet that a mild winter in the US " +
		"would cut demand for heating oil, while OPEC ministers meeting in Vienna said they saw no need " +
		"to change output before their next meeting in March; analysts said the market had already " +
		"priced in a cut, and that prices could fall further if stocks kept rising through February."
	queries := map[string]string{
		"term20k":  strings.Repeat("a", 20000),
		"oil25000": strings.Repeat("oil ", 25000),
		"pasted":   paragraph,
	}
	for _, name := range []string{"term20k", "oil25000", "pasted"} {
		b.Run(name, func(b *testing.B) {
			for b.Loop() {
				if _, err := ix.Search(ctx, queries[name], Options{Limit: paneLimit, Doc: -1}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkParseLongTerm parses one term of 20,000 characters, past the
// cut: bonusBounds once made this quadratic (1.66 s at 10,000).
func BenchmarkParseLongTerm(b *testing.B) {
	w := strings.Repeat("ab", 10000)
	for b.Loop() {
		if _, ok := parseTerm(w); !ok {
			b.Fatal("not parsed")
		}
	}
}

// BenchmarkIndex measures building the index over the loaded corpus.
func BenchmarkIndex(b *testing.B) {
	ix := bbc(b)
	b.ResetTimer()
	for b.Loop() {
		New(ix.docs)
	}
	b.ReportMetric(float64(ix.Len()), "targets")
}

func reportPercentiles(b *testing.B, times []time.Duration) {
	slices.Sort(times)
	at := func(p float64) float64 {
		return float64(times[int(p*float64(len(times)-1))].Microseconds()) / 1000
	}
	b.ReportMetric(at(0.50), "p50-ms")
	b.ReportMetric(at(0.95), "p95-ms")
	b.ReportMetric(at(1), "max-ms")
}
