package tui

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
)

// TestLoadFolderStreams: a folder's documents reach the list in batches
// while it loads, with a count, and the list can be used before the end.
func TestLoadFolderStreams(t *testing.T) {
	dir := t.TempDir()
	const n = 300
	for i := 0; i < n; i++ {
		writeFile(t, dir, fmt.Sprintf("doc%03d.md", i), fmt.Sprintf("# Report %03d\n\nBody of report %d. It has two sentences.\n", i, i))
	}
	writeFile(t, filepath.Join(dir), "bad.txt", "\x00\x00\x00binary")
	m := newModel([]string{dir}, filepath.Join(t.TempDir(), "state.json"))
	m.Update(tea.WindowSizeMsg{Width: 150, Height: 30})
	if !strings.Contains(screen(m), "loading") {
		t.Fatalf("no progress before the first batch:\n%s", screen(m))
	}
	cmd := loadCmd([]string{dir})
	progress := 0
	for cmd != nil {
		msg := cmd()
		_, next := m.Update(msg)
		switch msg := msg.(type) {
		case loadProgressMsg:
			progress++
			if msg.total != n+1 || msg.done > msg.total {
				t.Fatalf("progress %d/%d", msg.done, msg.total)
			}
			if !m.loadedAll() && len(m.list.docs) > 0 {
				requireSize(t, m.render(), 150, 30)
				if !strings.Contains(screen(m), "loading") {
					t.Fatal("no count while loading")
				}
			}
			cmd = msg.next
		case loadedMsg:
			cmd = nil
			_ = next
		default:
			t.Fatalf("unexpected %T", msg)
		}
	}
	if progress == 0 || len(m.list.docs) != n || m.list.problems != 1 {
		t.Fatalf("%d progress messages, %d docs, %d problems", progress, len(m.list.docs), m.list.problems)
	}
	if !strings.Contains(screen(m), "300 documents") || !strings.Contains(screen(m), "1 skipped") {
		t.Fatalf("after loading:\n%s", screen(m))
	}
}

func (m *Model) loadedAll() bool { return m.corpus != nil }

func TestNothingLoadedSaysWhy(t *testing.T) {
	dir := t.TempDir()
	m := newModel([]string{filepath.Join(dir, "missing")}, filepath.Join(dir, "state.json"))
	m.Update(tea.WindowSizeMsg{Width: 100, Height: 20})
	_, cmd := m.Update(loadCmd([]string{filepath.Join(dir, "missing")})())
	s := screen(m)
	if !strings.Contains(s, "no documents loaded") || m.list.problems != 1 {
		t.Fatalf("screen:\n%s", s)
	}
	requireSize(t, m.render(), 100, 20)
	// Nothing to read: the interface quits, and Run returns why.
	if m.failed == nil || cmd == nil {
		t.Fatalf("failed %v, cmd %v: want a failure and a command to quit", m.failed, cmd)
	}
	if _, ok := cmd().(tea.QuitMsg); !ok {
		t.Errorf("command after loading nothing is not quit")
	}
}

// A folder with a bad file opens the good ones and names the bad one at
// once, not only on exit.
func TestSkippedFileIsNamed(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "good.txt"), []byte("A title\n\nSome text.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "bad.txt"), []byte("bin\x00ary"), 0o644); err != nil {
		t.Fatal(err)
	}
	// The state file lives elsewhere: in the folder it would be one
	// more file of a kind parley does not read.
	m := newModel([]string{dir}, filepath.Join(t.TempDir(), "state.json"))
	m.Update(tea.WindowSizeMsg{Width: 100, Height: 20})
	for cmd := loadCmd([]string{dir}); cmd != nil; {
		msg := cmd()
		m.Update(msg)
		cmd = nil
		if p, ok := msg.(loadProgressMsg); ok {
			cmd = p.next
		}
	}
	s := screen(m)
	if !strings.Contains(s, "1 document ·") || !strings.Contains(s, "1 skipped") || !strings.Contains(s, "bad.txt") {
		t.Fatalf("screen:\n%s", s)
	}
}
