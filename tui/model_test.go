package tui

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"parley/corpus"
)

// The skipped-files message fits the footer from 80 columns and always
// keeps the count of the others; a long path gives way from its left.
func TestSkippedNoteFits(t *testing.T) {
	c := fixtureCorpus()
	c.Problems = []corpus.LoadError{
		{Path: "x.bin", Err: corpus.ErrBinary},
		{Path: "y.bin", Err: corpus.ErrBinary},
		{Path: "z.bin", Err: corpus.ErrBinary},
		{Path: "w.bin", Err: corpus.ErrBinary},
	}
	for _, w := range []int{80, 100, 120} {
		m := newTestModel(t, w, 24, c)
		foot := footerLine(m)
		if !strings.Contains(foot, "skipped x.bin: binary") || !strings.Contains(foot, "(+3 more; listed on exit)") {
			t.Errorf("%d columns: footer %q", w, foot)
		}
	}
	c.Problems[0].Path = "/home/someone/archive/" + strings.Repeat("nested/", 12) + "scan-0042.bin"
	c.Problems[0].Err = errors.New("binary file (not text), and a long explanation of why it was refused")
	for w := 40; w <= 120; w += 10 {
		m := newTestModel(t, w, 24, c)
		foot := footerLine(m)
		if ansi.StringWidth(foot) != w || !strings.HasSuffix(strings.TrimRight(foot, " "), "(+3 more; listed on exit)") {
			t.Errorf("%d columns: footer %q", w, foot)
		}
		if w >= 80 && !strings.Contains(foot, "scan-0042.bin") {
			t.Errorf("%d columns: the file's name is cut: %q", w, foot)
		}
	}
	m := newTestModel(t, 80, 24, c)
	press(m, "j")
	if strings.Contains(footerLine(m), "skipped") {
		t.Error("the message outlives the next key")
	}
}

// parley leaves the window title as the user had it (see View).
func TestNoWindowTitle(t *testing.T) {
	m := openTalks(t, 80, 24)
	if v := m.View(); v.WindowTitle != "" {
		t.Fatalf("window title %q, want none", v.WindowTitle)
	}
}

func footerLine(m *Model) string {
	lines := strings.Split(screen(m), "\n")
	return lines[len(lines)-1]
}

// manyDocs is a corpus of n undated one-paragraph documents, listed in
// the order of their titles.
func manyDocs(n int) *corpus.Corpus {
	c := &corpus.Corpus{}
	for i := range n {
		text := "A paragraph of text. It has two sentences."
		c.Docs = append(c.Docs, &corpus.Document{
			ID:       fmt.Sprintf("doc%03d", i),
			File:     fmt.Sprintf("doc%03d.txt", i),
			Path:     fmt.Sprintf("folder/doc%03d.txt", i),
			Title:    fmt.Sprintf("Document %03d", i),
			Sections: []corpus.Section{{Blocks: []corpus.Block{{Kind: corpus.Paragraph, Text: text, Sentences: splitSentences(text)}}}},
			Words:    8,
		})
	}
	return c
}

// Tab and shift+tab leave search as they leave every pane, and esc in
// search returns to the pane search was entered from, however it was
// entered (tab or F).
func TestSearchDoesNotTrapFocus(t *testing.T) {
	m := newSearchModel(t, 100, 30, fixtureCorpus())
	searchFeed(m, keyMsg("tab")) // list → reader
	searchFeed(m, keyMsg("tab")) // reader → search
	if m.focus != focusSearch {
		t.Fatalf("tab from the reader: focus %v, want search", m.focus)
	}
	sp := m.panes[focusSearch].(*searchPane)
	if !sp.input.Focused() {
		t.Fatal("search reached by tab does not take typing")
	}
	searchFeed(m, keyMsg("tab"))
	if m.focus == focusSearch || m.focus != focusCompare {
		t.Fatalf("tab in search: focus %v, want the next pane (compare)", m.focus)
	}
	searchFeed(m, keyMsg("shift+tab"))
	if m.focus != focusSearch {
		t.Fatalf("shift+tab from compare: focus %v, want search", m.focus)
	}
	searchFeed(m, keyMsg("shift+tab"))
	if m.focus != focusReader {
		t.Fatalf("shift+tab in search: focus %v, want the reader", m.focus)
	}

	// Entered by tab from the reader, esc goes back to the reader.
	searchFeed(m, keyMsg("tab"))
	typeText(m, "border")
	searchFeed(m, keyMsg("esc"))
	if m.focus != focusReader {
		t.Fatalf("esc in search entered by tab from the reader: focus %v, want the reader", m.focus)
	}
	// Entered by F from the list, esc goes back to the list.
	searchFeed(m, keyMsg("shift+tab"))
	searchFeed(m, keyMsg("F"))
	searchFeed(m, keyMsg("esc"))
	if m.focus != focusList {
		t.Fatalf("esc in search entered by F from the list: focus %v, want the list", m.focus)
	}
}
