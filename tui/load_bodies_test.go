package tui

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"parley/corpus"
)

// loadThrough drives a load of dir through cache to its loadedMsg, as
// the interface's commands would; the commands loaded() returns are not
// run (the spinner's would wait for its timer).
func loadThrough(t *testing.T, m *Model, dir string, cache *corpus.Cache) {
	t.Helper()
	for cmd := loadCmdCached([]string{dir}, cache); cmd != nil; {
		msg := cmd()
		m.Update(msg)
		switch msg := msg.(type) {
		case loadProgressMsg:
			cmd = msg.next
		case loadedMsg:
			return
		default:
			t.Fatalf("unexpected %T", msg)
		}
	}
}

// A folder unchanged in the cache is listed whole before any body is
// read; the header says the texts are being read, with counts; a document
// opened meanwhile shows its body; once every body is in, the indexes
// start, and the documents are those a plain load makes.
func TestListedFromCacheThenBodies(t *testing.T) {
	dir := t.TempDir()
	const n = 40
	for i := range n {
		writeFile(t, dir, fmt.Sprintf("doc%02d.md", i), fmt.Sprintf("# Report %02d\n\nBody of report %d. It has two sentences.\n", i, i))
	}
	cache := &corpus.Cache{Dir: t.TempDir(), Version: "t"}
	first := newModel([]string{dir}, filepath.Join(t.TempDir(), "state.json"))
	if loadThrough(t, first, dir, cache); first.list.bodies.total != 0 || first.list.indexing == nil && first.compareView == nil {
		t.Fatal("a folder read and parsed has bodies to read")
	}

	m := newModel([]string{dir}, filepath.Join(t.TempDir(), "state.json"))
	m.Update(tea.WindowSizeMsg{Width: 120, Height: 30})
	loadThrough(t, m, dir, cache)
	pending := 0
	for _, d := range m.list.docs {
		if d.BodyPending() {
			pending++
		}
	}
	if len(m.list.docs) != n || pending == 0 {
		t.Fatalf("listed %d documents, %d without their body", len(m.list.docs), pending)
	}
	if sc := screen(m); !strings.Contains(sc, fmt.Sprintf("%d docs · reading texts 0/%d", n, pending)) {
		t.Fatalf("while the bodies are read:\n%s", sc)
	}
	if m.list.indexing != nil || m.compareView != nil {
		t.Fatal("indexes started before the bodies were in")
	}
	press(m, "enter")
	if sc := screen(m); !strings.Contains(sc, "Body of report") {
		t.Fatalf("a document opened while the bodies are read:\n%s", sc)
	}
	// A body reader such as loaded() returned, run as the interface runs it.
	for cmd := m.readBodies(m.corpus); cmd != nil; {
		msg := cmd().(bodiesMsg)
		m.Update(msg)
		cmd = msg.next
	}
	if strings.Contains(screen(m), "reading texts") || m.compareView == nil {
		t.Fatalf("after the bodies:\n%s", screen(m))
	}
	plain, _ := corpus.LoadPaths([]string{dir}, corpus.LoadOptions{})
	for i, d := range m.corpus.Docs {
		if d.BodyPending() || d.Sections[0].Blocks[0].Text != plain.Docs[i].Sections[0].Blocks[0].Text {
			t.Fatalf("%s: body %+v", d.ID, d.Sections)
		}
	}
}
