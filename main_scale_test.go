package main

import (
	"io"
	"os"
	"path/filepath"
	"runtime/debug"
	"testing"
	"time"

	"parley/corpus/testcorpus"
)

// The scale benchmarks run whole subcommands, as a user's shell does, on
// 1 and 10 plain copies of the BBC folder built in a temporary folder
// (PARLEY_BENCH_SCALE=40 adds 40 copies; PARLEY_BENCH_SCALE=4,40 adds
// both, for two steps of 4×). Read the growth from one scale to the next:
// the target is at most 4.5× the time for 4× the corpus. cpu-s/op is the
// processor time (user and system) of a run, steadier than wall time on a
// shared machine. .ci/growth measures the same commands as whole processes.
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
		cpu := testcorpus.CPUTime()
		for b.Loop() {
			cmd := newRootCmd(io.Discard, io.Discard)
			cmd.SetArgs(full)
			if err := cmd.Execute(); err != nil {
				b.Fatal(err)
			}
		}
		reportCPU(b, cpu)
	})
}

// reportCPU reports the processor time per run since start.
func reportCPU(b *testing.B, start time.Duration) {
	b.ReportMetric((testcorpus.CPUTime()-start).Seconds()/float64(b.N), "cpu-s/op")
}

func BenchmarkScaleList(b *testing.B)   { benchScale(b, "list") }
func BenchmarkScaleSearch(b *testing.B) { benchScale(b, "search", "prime minister") }
func BenchmarkScaleCompare(b *testing.B) {
	benchScale(b, "compare", "The prime minister said oil prices rose sharply")
}
func BenchmarkScaleClaims(b *testing.B) { benchScale(b, "claims") }

// Claims per story: one story's claims (the Yukos affair, the largest
// story of BBC; copies of its documents are compared once, so the claims
// work stays the same and loading and grouping grow with the folder).
func BenchmarkScaleClaimsStory(b *testing.B) { benchScale(b, "claims", "--story", "yukos") }
func BenchmarkScaleStories(b *testing.B)     { benchScale(b, "stories") }

// The same with the cache filled by an earlier run.
func BenchmarkScaleListCached(b *testing.B) { benchScaleCache(b, true, "list") }
func BenchmarkScaleSearchCached(b *testing.B) {
	benchScaleCache(b, true, "search", "prime minister")
}
func BenchmarkScaleCompareCached(b *testing.B) {
	benchScaleCache(b, true, "compare", "The prime minister said oil prices rose sharply")
}
func BenchmarkScaleClaimsCached(b *testing.B) { benchScaleCache(b, true, "claims") }
func BenchmarkScaleClaimsStoryCached(b *testing.B) {
	benchScaleCache(b, true, "claims", "--story", "yukos")
}
func BenchmarkScaleStoriesCached(b *testing.B) { benchScaleCache(b, true, "stories") }

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
		cpu := testcorpus.CPUTime()
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
		reportCPU(b, cpu)
	})
}
