package tui

import (
	"bytes"
	"path/filepath"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/exp/teatest/v2"
)

// Whole flows through a running Program (teatest), asserting on the final
// model rather than on timing.

func startFlow(t *testing.T, w, h int) (*teatest.TestModel, string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "state.json")
	tm := teatest.NewTestModel(t, newModel(nil, path), teatest.WithInitialTermSize(w, h))
	teatest.WaitFor(t, tm.Output(), func(b []byte) bool { return bytes.Contains(b, []byte("5 documents")) },
		teatest.WithDuration(10*time.Second), teatest.WithCheckInterval(20*time.Millisecond))
	return tm, path
}

func finalModel(t *testing.T, tm *teatest.TestModel) *Model {
	t.Helper()
	fm, ok := tm.FinalModel(t, teatest.WithFinalTimeout(10*time.Second)).(*Model)
	if !ok {
		t.Fatal("final model is not *Model")
	}
	return fm
}

func sendKeys(tm *teatest.TestModel, keys ...string) {
	for _, k := range keys {
		tm.Send(keyMsg(k))
	}
}

func TestFlowOpenFindQuit(t *testing.T) {
	tm, path := startFlow(t, 100, 30)
	docs := seedOrder(t)
	sendKeys(tm, "j", "enter", "/")
	for _, r := range "pakistan" {
		tm.Send(tea.KeyPressMsg{Code: r, Text: string(r)})
	}
	sendKeys(tm, "enter", "n", "q")
	m := finalModel(t, tm)
	if m.focus != focusReader || m.reader.doc == nil || m.reader.doc.ID != docs[1].ID {
		t.Fatalf("focus %v doc %v, want the reader on %s", m.focus, m.reader.doc, docs[1].ID)
	}
	if m.reader.find.query != "pakistan" || len(m.reader.find.matches) == 0 {
		t.Fatalf("find %q: %d matches", m.reader.find.query, len(m.reader.find.matches))
	}
	if err := m.saveState(); err != nil {
		t.Fatal(err)
	}
	if s := loadState(path); s.LastDoc["embedded"] != "embedded:"+docs[1].ID {
		t.Fatalf("last doc not saved: %+v", s.LastDoc)
	}
}

func TestFlowCursorAndBack(t *testing.T) {
	tm, _ := startFlow(t, 80, 24)
	sendKeys(tm, "enter", "v", ")", ")", "esc", "esc", "s", "q")
	m := finalModel(t, tm)
	if m.focus != focusList || m.reader.cursor.on {
		t.Fatalf("esc esc should leave cursor mode then the reader: focus %v", m.focus)
	}
	if m.list.sortBy != byTitle {
		t.Fatalf("s in the list sorts by title, got %s", m.list.sortBy)
	}
}

func TestFlowResizeStorm(t *testing.T) {
	tm, _ := startFlow(t, 100, 30)
	sendKeys(tm, "enter", "space")
	for i := 0; i < 100; i++ {
		tm.Send(tea.WindowSizeMsg{Width: 1 + (i*37)%300, Height: 1 + (i*13)%100})
	}
	tm.Send(tea.WindowSizeMsg{Width: 90, Height: 25})
	sendKeys(tm, "q")
	m := finalModel(t, tm)
	requireSize(t, m.render(), 90, 25)
	if m.reader.doc == nil {
		t.Fatal("the reader lost its document")
	}
}

// TestFlowTypeahead: keys typed right after enter reach the document it
// opened, not the list, however fast they come.
func TestFlowTypeahead(t *testing.T) {
	tm, _ := startFlow(t, 80, 24)
	sendKeys(tm, "enter", "j", "j", "v", "esc", "esc", "j", "q")
	m := finalModel(t, tm)
	if m.reader.top != 2 || m.focus != focusList || m.list.sel != 1 {
		t.Fatalf("reader top %d, focus %v, list selection %d", m.reader.top, m.focus, m.list.sel)
	}
}
