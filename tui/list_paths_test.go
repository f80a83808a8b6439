package tui

import (
	"slices"
	"strings"
	"testing"

	"parley/corpus"
	"parley/tui/common"
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

// While a folder streams in, the paths are worked out for each batch
// alone, and agree with working them out for every document at once: a
// title repeated in a later batch, and a second folder, name paths then.
func TestListSubPathsWhileStreaming(t *testing.T) {
	docs := pathDocs("a/042", "a/043", "a/044", "a/045", "b/001").Docs
	docs[0], docs[3] = docs[3], docs[0] // the repeated title arrives later
	ctx := &common.Context{Styles: &common.Styles{}, Keys: &common.KeyMap{}}
	streamed, whole := newListPane(ctx), newListPane(ctx)
	for i := range docs {
		streamed.addDocs(docs[i : i+1])
		whole.setDocs(slices.Clone(docs[:i+1]))
		for _, d := range docs[:i+1] {
			gotSub, gotLead := streamed.subPath(d)
			wantSub, wantLead := whole.subPath(d)
			if gotSub != wantSub || gotLead != wantLead {
				t.Fatalf("after %d documents, %s: %q %v, want %q %v", i+1, d.ID, gotSub, gotLead, wantSub, wantLead)
			}
		}
	}
	if sub, _ := streamed.subPath(docs[1]); sub != "a/043.txt" {
		t.Fatalf("once across folders: %q", sub)
	}
}
