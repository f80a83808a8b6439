package main

import (
	"io"
	"os"
	"path/filepath"
	"runtime/debug"
	"testing"

	"parley/corpus/testcorpus"
)

// The scale benchmarks run whole subcommands, as a user's shell does, on
// 1 and 10 plain copies of the BBC folder built in a temporary folder
// (PARLEY_BENCH_SCALE=40 adds 40 copies). Read the growth from one scale
// to the next: the target is time in proportion to the text.
//
//	go test . -run '^$' -bench Scale -benchtime 3x      (…Cached: with the document cache)
//	PARLEY_BENCH_SCALE=40 go test . -run '^$' -bench 'Scale(List|Search)' -benchtime 1x -timeout 30m

func benchScale(b *testing.B, args ...string) { benchScaleCache(b, false, args...) }

// benchScaleCache is benchScale with the document cache on, filled by a
// run before the timing starts, when cached is set.
func benchScaleCache(b *testing.B, cached bool, args ...string) {
	testcorpus.EachScale(b, func(b *testing.B, dir string) {
		b.Setenv("PARLEY_NO_CACHE", "1")
		if cached {
			b.Setenv("PARLEY_NO_CACHE", "")
			b.Setenv("PARLEY_CACHE_DIR", filepath.Join(filepath.Dir(dir), "cache"))
		}
		// The subcommands tune the collector for a one-shot process;
		// put it back for the benchmarks that follow.
		defer debug.SetMemoryLimit(debug.SetMemoryLimit(-1))
		defer debug.SetGCPercent(debug.SetGCPercent(100))
		full := append(append([]string{}, args...), dir)
		if cached {
			cmd := newRootCmd(io.Discard, io.Discard)
			cmd.SetArgs(full)
			if err := cmd.Execute(); err != nil {
				b.Fatal(err)
			}
		}
		b.ResetTimer()
		for b.Loop() {
			cmd := newRootCmd(io.Discard, io.Discard)
			cmd.SetArgs(full)
			if err := cmd.Execute(); err != nil {
				b.Fatal(err)
			}
		}
	})
}

func BenchmarkScaleList(b *testing.B)   { benchScale(b, "list") }
func BenchmarkScaleSearch(b *testing.B) { benchScale(b, "search", "prime minister") }
func BenchmarkScaleCompare(b *testing.B) {
	benchScale(b, "compare", "The prime minister said oil prices rose sharply")
}
func BenchmarkScaleClaims(b *testing.B) { benchScale(b, "claims") }

// The same with the cache filled by an earlier run.
func BenchmarkScaleListCached(b *testing.B) { benchScaleCache(b, true, "list") }
func BenchmarkScaleSearchCached(b *testing.B) {
	benchScaleCache(b, true, "search", "prime minister")
}
func BenchmarkScaleCompareCached(b *testing.B) {
	benchScaleCache(b, true, "compare", "The prime minister said oil prices rose sharply")
}

// A folder's first search with the cache on: every file read and parsed,
// the document cache and the search index written (the cache folder is
// emptied before each run).
func BenchmarkScaleSearchFirst(b *testing.B) {
	testcorpus.EachScale(b, func(b *testing.B, dir string) {
		cacheDir := filepath.Join(filepath.Dir(dir), "cache")
		b.Setenv("PARLEY_NO_CACHE", "")
		b.Setenv("PARLEY_CACHE_DIR", cacheDir)
		defer debug.SetMemoryLimit(debug.SetMemoryLimit(-1))
		defer debug.SetGCPercent(debug.SetGCPercent(100))
		for b.Loop() {
			b.StopTimer()
			os.RemoveAll(cacheDir)
			b.StartTimer()
			cmd := newRootCmd(io.Discard, io.Discard)
			cmd.SetArgs([]string{"search", "prime minister", dir})
			if err := cmd.Execute(); err != nil {
				b.Fatal(err)
			}
		}
	})
}
