package tui

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"parley/corpus"
	"parley/corpus/testcorpus"
)

// Benchmarks for the numbers in the README:
//
//	go test ./tui/ -run '^$' -bench . -benchmem

// longestSeed opens the longest embedded document in a 200×60 window.
func benchReader(b *testing.B) *Model {
	b.Helper()
	c := seedCorpus(b)
	m := benchModel(b, 200, 60, c)
	longest := c.Docs[0]
	for _, d := range c.Docs {
		if d.Words > longest.Words {
			longest = d
		}
	}
	send(m, openDocMsg{doc: longest})
	press(m, "d")
	return m
}

func BenchmarkReaderView(b *testing.B) {
	m := benchReader(b)
	b.ResetTimer()
	for b.Loop() {
		_ = m.View()
	}
}

// BenchmarkReaderViewFind draws with find matches and the sentence cursor
// laid over the text: the most work a frame does.
func BenchmarkReaderViewFind(b *testing.B) {
	m := benchReader(b)
	press(m, "/")
	typeText(m, "the")
	press(m, "enter", "v")
	b.ResetTimer()
	for b.Loop() {
		_ = m.View()
	}
}

// BenchmarkReaderViewFindMatter is the same with the matter shown and
// found in, the screen at the top of the document, where the front matter
// and its matches are.
func BenchmarkReaderViewFindMatter(b *testing.B) {
	m := benchReader(b)
	press(m, "m", "g", "/")
	typeText(m, "the")
	press(m, "enter", "g")
	b.ResetTimer()
	for b.Loop() {
		_ = m.View()
	}
}

// BenchmarkReaderScroll is a key press and the frame after it.
func BenchmarkReaderScroll(b *testing.B) {
	m := benchReader(b)
	down, up := keyMsg("j"), keyMsg("k")
	b.ResetTimer()
	i := 0
	for b.Loop() {
		if i%40 < 20 {
			m.Update(down)
		} else {
			m.Update(up)
		}
		i++
		_ = m.View()
	}
}

// BenchmarkWrapDocument is the cost of one re-wrap (a new width).
func BenchmarkWrapDocument(b *testing.B) {
	c := seedCorpus(b)
	st := ptrStyles()
	b.ResetTimer()
	for b.Loop() {
		for _, d := range c.Docs {
			renderDoc(d, 120, st, false)
		}
	}
}

func BenchmarkListView(b *testing.B) {
	c := benchCorpus(b)
	m := benchModel(b, 200, 60, c)
	press(m, "tab", "shift+tab")
	b.ResetTimer()
	for b.Loop() {
		_ = m.View()
	}
}

// BenchmarkFirstFrame: parse the embedded corpus, build the model, draw.
func BenchmarkFirstFrame(b *testing.B) {
	dir := b.TempDir()
	for b.Loop() {
		c, err := corpus.LoadSeeds()
		if err != nil {
			b.Fatal(err)
		}
		m := newModel(nil, dir+"/state.json")
		m.Update(tea.WindowSizeMsg{Width: 200, Height: 60})
		m.Update(loadedMsg{c: c})
		_ = m.View()
	}
}

// benchCorpus is the BBC folder when it is there (2,225 files), else the
// seeds.
func benchCorpus(b *testing.B) *corpus.Corpus {
	if bbc := testcorpus.BBC(); bbc != "" {
		c, err := corpus.LoadPaths([]string{bbc}, corpus.LoadOptions{})
		if err == nil && len(c.Docs) > 0 {
			return c
		}
	}
	return seedCorpus(b)
}

// benchModel is newTestModel without running the commands loading starts
// (the background indexes), which would compete with the benchmark.
func benchModel(b *testing.B, w, h int, c *corpus.Corpus) *Model {
	b.Helper()
	m := newModel(nil, b.TempDir()+"/state.json")
	m.Update(tea.WindowSizeMsg{Width: w, Height: h})
	m.Update(loadedMsg{c: c})
	return m
}

// BenchmarkFindHugeParagraph is find in a document of one 1 MB paragraph
// (about 18,000 wrapped lines and 36,000 matches), from its end: placing
// each match on its line must not cost a walk over the block's lines.
func BenchmarkFindHugeParagraph(b *testing.B) {
	para := strings.Repeat("the word of the day is a long sentence with words in it ", 18000)
	blk := corpus.Block{Kind: corpus.Paragraph, Text: para, Sentences: splitSentences(para)}
	d := &corpus.Document{ID: "huge", File: "huge.txt", Title: "Huge", Sections: []corpus.Section{{Blocks: []corpus.Block{blk}}}}
	m := benchModel(b, 120, 40, &corpus.Corpus{Docs: []*corpus.Document{d}})
	press(m, "enter", "G")
	b.ResetTimer()
	for b.Loop() {
		m.reader.runFind("wo")
	}
}

// BenchmarkListGroupedView: a frame of the list grouped by story, with
// its headers, on BBC (the stories found once, before timing).
func BenchmarkListGroupedView(b *testing.B) {
	c := benchCorpus(b)
	m := benchModel(b, 200, 60, c)
	m.Update(findStories(c.Docs)())
	press(m, "s", "s", "s")
	b.ResetTimer()
	for b.Loop() {
		_ = m.View()
	}
}

// BenchmarkListGroupedScroll: one key down the grouped list and its frame.
func BenchmarkListGroupedScroll(b *testing.B) {
	c := benchCorpus(b)
	m := benchModel(b, 200, 60, c)
	m.Update(findStories(c.Docs)())
	press(m, "s", "s", "s")
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		k := "j"
		if i/200%2 == 1 {
			k = "k"
		}
		m.Update(keyMsg(k))
		_ = m.View()
	}
}
