package corpus

import (
	"os"
	"path/filepath"
	"testing"

	"parley/corpus/testcorpus"
)

// The cache's costs at 1 and 10 times the BBC folder (PARLEY_BENCH_SCALE
// adds a scale): loading with no cache, loading into an empty cache (the
// first run: read, parse, encode, write) and loading from a full one.
//
//	go test ./corpus/ -run '^$' -bench Cache -benchtime 3x

func benchCacheScales(b *testing.B, run func(b *testing.B, dir, cacheDir string)) {
	testcorpus.EachScale(b, func(b *testing.B, dir string) {
		run(b, dir, filepath.Join(filepath.Dir(dir), "cache"))
	})
}

func loadWith(b *testing.B, dir string, cache *Cache) *Corpus {
	c, err := LoadPaths([]string{dir}, LoadOptions{Cache: cache})
	if err != nil || len(c.Docs) == 0 || c.CacheErr != nil {
		b.Fatal(err, c.CacheErr)
	}
	return c
}

func BenchmarkCacheOff(b *testing.B) {
	benchCacheScales(b, func(b *testing.B, dir, _ string) {
		for b.Loop() {
			loadWith(b, dir, nil)
		}
	})
}

func BenchmarkCacheCold(b *testing.B) {
	benchCacheScales(b, func(b *testing.B, dir, cacheDir string) {
		for b.Loop() {
			b.StopTimer()
			os.RemoveAll(cacheDir)
			b.StartTimer()
			loadWith(b, dir, &Cache{Dir: cacheDir, Version: "bench"})
		}
		b.ReportMetric(float64(dirBytes(cacheDir))/1e6, "MB-on-disk")
	})
}

func BenchmarkCacheWarm(b *testing.B) {
	benchCacheScales(b, func(b *testing.B, dir, cacheDir string) {
		loadWith(b, dir, &Cache{Dir: cacheDir, Version: "bench"})
		b.ResetTimer()
		for b.Loop() {
			loadWith(b, dir, &Cache{Dir: cacheDir, Version: "bench"})
		}
	})
}

func dirBytes(dir string) int64 {
	var n int64
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if info, err := e.Info(); err == nil {
			n += info.Size()
		}
	}
	return n
}
