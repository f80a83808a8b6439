package tui

import (
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

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
	// Too narrow for the table: its columns shrink and their cells wrap,
	// every column still shown.
	if s := screen(m); !strings.Contains(s, "Issue   │ Status  │ Next") || !strings.Contains(s, "Venue | │ Islamab │ second") {
		t.Errorf("a table at 30 columns does not keep its columns:\n%s", s)
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

// A table wider than the pane keeps every column: the widest cells wrap
// within their column, each row taking several lines if it must.
func TestTableColumnsFitPane(t *testing.T) {
	dir := t.TempDir()
	long := "Road repairs with a very long description that goes beyond the width of the pane"
	writeFile(t, dir, "t.md", "# Costs\n\n| Item | Cost | Year |\n|---|---|---|\n| Bridge | 4.5m | 2026 |\n| "+long+" | 1.2m | 2025 |\n\nAfter the table.\n")
	c, err := corpus.LoadPaths([]string{filepath.Join(dir, "t.md")}, corpus.LoadOptions{})
	if err != nil || len(c.Docs) != 1 {
		t.Fatalf("%v %v", err, c.Problems)
	}
	for _, w := range []int{80, 40} {
		m := newTestModel(t, w, 24, c)
		press(m, "enter")
		s := screen(m)
		requireSize(t, m.render(), w, 24)
		for _, want := range append([]string{"Item", "Cost", "Year", "Bridge", "4.5m", "2026", "1.2m", "2025", "After the table."}, strings.Fields(long)...) {
			if !strings.Contains(s, want) {
				t.Errorf("at %d columns the screen lacks %q:\n%s", w, want, s)
			}
		}
		// The header's cells stay on one line, in their columns.
		if !regexp.MustCompile(`Item +│ Cost │ Year`).MatchString(s) {
			t.Errorf("at %d columns the header is not in columns:\n%s", w, s)
		}
		if testing.Verbose() {
			t.Log(s)
		}
		// Find still lands on (and paints) a word inside a wrapped cell.
		press(m, "/")
		typeText(m, "pane")
		press(m, "enter")
		if s := screen(m); !strings.Contains(s, "pane") {
			t.Errorf("at %d columns find lost the cell's word:\n%s", w, s)
		}
		// ...and the match is painted apart from the rest of the cell.
		if raw := m.render(); !strings.Contains(ansi.Strip(raw), "width of the pane") || strings.Contains(raw, "width of the pane") {
			t.Errorf("at %d columns the match in a table cell is not highlighted:\n%q", w, raw)
		}
		for w := 1; w <= 90; w++ {
			send(m, tea.WindowSizeMsg{Width: w, Height: 9})
			requireSize(t, m.render(), w, 9)
		}
	}
}
