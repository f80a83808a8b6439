package tui

import (
	"path/filepath"
	"testing"

	tea "charm.land/bubbletea/v2"

	"parley/corpus"
	"parley/corpus/testcorpus"
)

// The interface loading a folder until its list is complete, as `parley
// DIR` does: files read and parsed (or decoded from the cache) on other
// goroutines, every batch taken into the list and a frame drawn after each,
// at 1 and 10 times the BBC folder (PARLEY_BENCH_SCALE adds scales). The
// background indexes that start once the list is complete are not part of
// it. .ci/growth times the same in a terminal, as a whole process.
//
//	go test ./tui/ -run '^$' -bench LoadFolder -benchtime 3x

func BenchmarkLoadFolder(b *testing.B) {
	testcorpus.EachScale(b, func(b *testing.B, dir string) {
		benchLoadFolder(b, dir, nil)
	})
}

// BenchmarkLoadFolderCached loads from a cache filled before the timing.
func BenchmarkLoadFolderCached(b *testing.B) {
	testcorpus.EachScale(b, func(b *testing.B, dir string) {
		cache := &corpus.Cache{Dir: filepath.Join(filepath.Dir(dir), "cache"), Version: "bench"}
		benchLoadFolder(b, dir, cache)
	})
}

func benchLoadFolder(b *testing.B, dir string, cache *corpus.Cache) {
	if cache != nil {
		loadFolderList(b, dir, cache)
	}
	b.ResetTimer()
	cpu := testcorpus.CPUTime()
	docs := 0
	for b.Loop() {
		docs = loadFolderList(b, dir, cache)
	}
	b.ReportMetric((testcorpus.CPUTime()-cpu).Seconds()/float64(b.N), "cpu-s/op")
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*docs), "ns/doc")
}

// loadFolderList runs the interface's loading of dir to its end and
// returns the number of documents listed.
func loadFolderList(b *testing.B, dir string, cache *corpus.Cache) int {
	m := newModel([]string{dir}, filepath.Join(b.TempDir(), "state.json"))
	m.cache = cache
	m.Update(tea.WindowSizeMsg{Width: 200, Height: 60})
	cmd := loadCmdCached(m.paths, m.cache)
	for cmd != nil {
		msg := cmd()
		m.Update(msg)
		_ = m.View()
		cmd = nil
		switch msg := msg.(type) {
		case loadProgressMsg:
			cmd = msg.next
		case loadedMsg:
			if msg.err != nil {
				b.Fatal(msg.err)
			}
		default:
			b.Fatalf("unexpected %T while loading", msg)
		}
	}
	if len(m.list.docs) == 0 || m.corpus == nil {
		b.Fatalf("%d documents listed, corpus %v", len(m.list.docs), m.corpus != nil)
	}
	return len(m.list.docs)
}
