package tui

import tea "charm.land/bubbletea/v2"

// click focuses the pane under the pointer and hands it the click in the
// pane's own coordinates.
func (m *Model) click(msg tea.MouseClickMsg) tea.Cmd {
	if m.lay.tooSmall || m.showAll || msg.Y >= m.lay.main.H {
		return nil
	}
	f := m.paneAt(msg.X)
	var focused tea.Cmd
	if f != m.focus && m.panes[f] != nil {
		focused = m.setFocus(f)
	}
	r := m.paneRect(f)
	msg.X -= r.X
	msg.Y -= r.Y
	return tea.Batch(focused, m.updatePane(f, msg))
}
