package tui

import (
	"fmt"
	"math"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"parley/corpus"
	"parley/corpus/testcorpus"
)

// scaledDocs is the benchmark corpus n times over, each copy its own
// documents (ids made distinct), as n copies of a folder would load.
func scaledDocs(b *testing.B, n int) []*corpus.Document {
	base := benchCorpus(b).Docs
	out := make([]*corpus.Document, 0, n*len(base))
	for i := range n {
		for _, d := range base {
			cp := *d
			cp.ID = "c" + strconv.Itoa(i) + "/" + d.ID
			out = append(out, &cp)
		}
	}
	return out
}

// loadingModel is a 200×60 model that has started loading a folder of
// total files and received none yet.
func loadingModel(b *testing.B, total int) *Model {
	m := newModel([]string{"folder"}, b.TempDir()+"/state.json")
	m.Update(tea.WindowSizeMsg{Width: 200, Height: 60})
	m.list.loading, m.list.total = true, total
	return m
}

// BenchmarkLoadBatches is the interface's side of loading a folder: every
// batch of documents (loadBatch) arriving, each followed by a frame, at 1 and 10
// times the BBC folder (PARLEY_BENCH_SCALE adds a scale). The time per
// document should not grow with the folder.
func BenchmarkLoadBatches(b *testing.B) {
	for _, n := range testcorpus.Scales() {
		b.Run(fmt.Sprintf("x%d", n), func(b *testing.B) {
			docs := scaledDocs(b, n)
			b.ResetTimer()
			for b.Loop() {
				m := loadingModel(b, len(docs))
				for i := 0; i < len(docs); i += loadBatch {
					batch := docs[i:min(i+loadBatch, len(docs))]
					m.Update(loadProgressMsg{done: i + len(batch), total: len(docs), docs: batch})
					_ = m.View()
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(docs)), "ns/doc")
		})
	}
}

// BenchmarkKeyWhileLoading is one key (j) and its frame while a folder
// loads, half of it arrived: the target is 16 ms, a frame at 60 Hz.
func BenchmarkKeyWhileLoading(b *testing.B) {
	for _, n := range testcorpus.Scales() {
		b.Run(fmt.Sprintf("x%d", n), func(b *testing.B) {
			docs := scaledDocs(b, n)
			m := loadingModel(b, len(docs))
			half := docs[:len(docs)/2]
			for i := 0; i < len(half); i += loadBatch {
				m.Update(loadProgressMsg{done: i, total: len(docs), docs: half[i:min(i+loadBatch, len(half))]})
			}
			next := len(half)
			b.ResetTimer()
			for b.Loop() {
				press(m, "j")
				_ = m.View()
				// A batch arrives between keys, as it does while loading.
				if next < len(docs) {
					end := min(next+loadBatch, len(docs))
					m.Update(loadProgressMsg{done: end, total: len(docs), docs: docs[next:end]})
					next = end
				}
			}
		})
	}
}

// BenchmarkListFromCache is the interface's time to a full list on a
// folder unchanged since the last run: from the start of the load,
// through the cache (metadata only), to the list holding every document
// and its header the full count, at 1 and 10 times the BBC folder
// (PARLEY_BENCH_SCALE=40 adds 40). The bodies are read after it, in the
// background (BenchmarkBodiesFromCache). The target at 40 times is 1 s.
//
//	go test ./tui/ -run '^$' -bench ListFromCache -benchtime 3x
func BenchmarkListFromCache(b *testing.B) {
	testcorpus.EachScale(b, func(b *testing.B, dir string) {
		cache := &corpus.Cache{Dir: filepath.Join(filepath.Dir(dir), "cache"), Version: "bench"}
		if _, err := corpus.LoadPaths([]string{dir}, corpus.LoadOptions{Cache: cache}); err != nil {
			b.Fatal(err)
		}
		var m *Model
		for b.Loop() {
			m = loadingModel(b, 0)
			listFolder(b, m, dir, cache)
		}
		pending := 0
		for _, d := range m.list.docs {
			if d.BodyPending() {
				pending++
			}
		}
		if !strings.Contains(m.list.headerLine(), strconv.Itoa(len(m.list.docs))+" docs") || pending == 0 {
			b.Fatalf("not listed from the cache: %s", m.list.headerLine())
		}
		b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(m.list.docs)), "ns/doc")
	})
}

// BenchmarkBodiesFromCache is what follows the list up to about twice
// the BBC folder (readAheadWords): every body read from the cache in the
// background, until the indexes may start. A larger folder reads each
// body when it is used; here every scale reads them all.
func BenchmarkBodiesFromCache(b *testing.B) {
	defer func(w int) { readAheadWords = w }(readAheadWords)
	readAheadWords = math.MaxInt
	testcorpus.EachScale(b, func(b *testing.B, dir string) {
		cache := &corpus.Cache{Dir: filepath.Join(filepath.Dir(dir), "cache"), Version: "bench"}
		if _, err := corpus.LoadPaths([]string{dir}, corpus.LoadOptions{Cache: cache}); err != nil {
			b.Fatal(err)
		}
		for b.Loop() {
			b.StopTimer()
			m := loadingModel(b, 0)
			listFolder(b, m, dir, cache)
			b.StartTimer()
			for cmd := m.readBodies(m.corpus); cmd != nil; {
				msg := cmd().(bodiesMsg)
				cmd = msg.next
			}
		}
	})
}

// listFolder drives a load of dir through cache to its loadedMsg, each
// batch followed by a frame, as the interface's loop would.
func listFolder(b testing.TB, m *Model, dir string, cache *corpus.Cache) {
	for cmd := loadCmdCached([]string{dir}, cache); cmd != nil; {
		msg := cmd()
		cmd = nil
		switch msg := msg.(type) {
		case loadProgressMsg:
			m.loadProgress(msg)
			cmd = msg.next
		case loadedMsg:
			m.loaded(msg)
		default:
			b.Fatalf("unexpected %T", msg)
		}
		_ = m.View()
	}
}
