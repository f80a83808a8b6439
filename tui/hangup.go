package tui

import (
	"sync"

	tea "charm.land/bubbletea/v2"
)

// hangupSave holds this process's state changes as of the last key or
// click, for the SIGHUP handler to write itself: when the terminal closes,
// the program may stop before it runs Update again, and the reading
// position would be lost with it. It is a copy, so the handler never reads
// the model; a save in Update may follow and merges by time as any does.
type hangupSave struct {
	mu   sync.Mutex
	c    stateChanges
	path string
}

func (h *hangupSave) set(c stateChanges, path string) {
	h.mu.Lock()
	h.c, h.path = c, path
	h.mu.Unlock()
}

// write saves the copy, if there is one; the terminal is gone, so a
// failure has nowhere to be said.
func (h *hangupSave) write() {
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.path != "" {
		_ = h.c.write(h.path)
	}
}

// keepForHangup refreshes the copy the SIGHUP handler writes, after input
// that may have moved the reader.
func (m *Model) keepForHangup(msg tea.Msg) {
	switch msg.(type) {
	case tea.KeyPressMsg, tea.MouseWheelMsg, tea.MouseClickMsg:
	default:
		return
	}
	if m.statePath == "" || m.state.off != nil || m.reader.doc == nil {
		return
	}
	m.rememberPosition()
	m.hup.set(m.state.changes(), m.statePath)
}
