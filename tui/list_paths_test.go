package tui

import (
	"strings"
	"testing"

	"parley/corpus"
)

// pathDocs are documents under folders, two of them with one title.
func pathDocs(ids ...string) *corpus.Corpus {
	c := &corpus.Corpus{}
	for i, id := range ids {
		title := "Other story " + id
		if i < 2 {
			title = "'Brainwave' cap controls computer"
		}
		text := "A paragraph of text."
		base := id[strings.LastIndex(id, "/")+1:]
		c.Docs = append(c.Docs, &corpus.Document{ID: id, File: base + ".txt", Path: id + ".txt", Title: title, Words: 4,
			Sections: []corpus.Section{{Blocks: []corpus.Block{{Kind: corpus.Paragraph, Text: text, Sentences: splitSentences(text)}}}}})
	}
	return c
}

// The list names documents by their path under the folder opened when
// the corpus spans folders, and those whose titles repeat otherwise.
func TestListShowsSubPaths(t *testing.T) {
	m := newTestModel(t, 80, 24, pathDocs("tech/042", "tech/043", "sport/001"))
	sc := screen(m)
	for _, want := range []string{"tech/042.txt · ", "tech/043.txt · ", " · sport/001.txt"} {
		if !strings.Contains(sc, want) {
			t.Errorf("a corpus across folders: the list lacks %q:\n%s", want, sc)
		}
	}
	// One folder: only the repeated title is told apart by its file.
	m = newTestModel(t, 80, 24, pathDocs("042", "043", "044"))
	sc = screen(m)
	if !strings.Contains(sc, "042.txt · ") || !strings.Contains(sc, "043.txt · ") || strings.Contains(sc, "044.txt") {
		t.Errorf("one folder: want the files of the two like titles only:\n%s", sc)
	}
	// Unique titles in one folder: no paths (the fixture, the seeds).
	m = newTestModel(t, 80, 24, fixtureCorpus())
	if sc := screen(m); strings.Contains(sc, ".txt") || strings.Contains(sc, ".md") {
		t.Errorf("unique titles in one folder, yet paths are shown:\n%s", sc)
	}
}
