package tui

import (
	"path/filepath"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"parley/corpus"
)

// A Markdown table and code block are drawn line by line as written, at
// every width: never reflowed into one another, never wider than the
// pane (lines too long are cut).
func TestVerbatimBlocksDrawn(t *testing.T) {
	c, err := corpus.LoadPaths([]string{filepath.Join("..", "corpus", "testdata", "formats", "table.md")}, corpus.LoadOptions{})
	if err != nil || len(c.Docs) != 1 {
		t.Fatalf("%v %v", err, c.Problems)
	}
	m := newTestModel(t, 120, 40, c)
	press(m, "enter")
	s := screen(m)
	for _, want := range []string{
		"Enrichment   │ no agreement        │ expert group",
		"Venue | host │ Islamabad           │ second round",
		"# not a heading: a comment in the file",
		"    indented: kept as written",
		"$ parley talks/",
		"https://notes.example.org/islamabad/where-the-talks-stand",
	} {
		if !strings.Contains(s, want) {
			t.Errorf("screen lacks %q:\n%s", want, s)
		}
	}
	for w := 1; w <= 60; w += 7 {
		for _, h := range []int{3, 12} {
			send(m, tea.WindowSizeMsg{Width: w, Height: h})
			requireSize(t, m.render(), w, h)
		}
	}
	send(m, tea.WindowSizeMsg{Width: 30, Height: 40})
	if s := screen(m); !strings.Contains(s, "Enrichment   │ no agree") {
		t.Errorf("a table row at 30 columns is not cut in place:\n%s", s)
	}
}

// Files of kinds parley does not read are counted by kind in the footer.
func TestSkippedSummaryShown(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "a.txt", "A title\n\nSome text.\n")
	writeFile(t, dir, "b.docx", "PK")
	writeFile(t, dir, "c.docx", "PK")
	writeFile(t, dir, "d.png", "PNG")
	writeFile(t, dir, "e.txt", "bin\x00ary")
	c, err := corpus.LoadPaths([]string{dir}, corpus.LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	m := newTestModel(t, 120, 20, c)
	s := screen(m)
	if !strings.Contains(s, "4 skipped: 2 .docx, 1 .png, 1 unreadable") || !strings.Contains(s, "1 document · by date · 4 skipped") {
		t.Errorf("screen:\n%s", s)
	}
}
