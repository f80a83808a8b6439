package tui

import tea "charm.land/bubbletea/v2"

// setFocus gives the focus to pane f: the pane that had it is blurred,
// f's is focused. Panes learn of the focus only here.
func (m *Model) setFocus(f focus) tea.Cmd {
	if f != m.focus && m.panes[m.focus] != nil {
		m.panes[m.focus].Blur()
	}
	m.focus = f
	return m.panes[f].Focus()
}

// focusTo moves the focus, remembering where it was for esc.
func (m *Model) focusTo(f focus) tea.Cmd {
	if f == m.focus {
		return nil
	}
	m.history = append(m.history, m.focus)
	if len(m.history) > 32 {
		m.history = m.history[1:]
	}
	return m.setFocus(f)
}

// cycleFocus moves to the next (+1) or previous (-1) pane. Search is
// entered as the search key enters it, so that esc there returns to the
// pane tab came from.
func (m *Model) cycleFocus(dir int) tea.Cmd {
	for i := 1; i <= int(focusCount); i++ {
		f := focus((int(m.focus) + dir*i + 2*int(focusCount)) % int(focusCount))
		if m.panes[f] == nil {
			continue
		}
		if f == focusSearch {
			return m.openSearch()
		}
		return m.setFocus(f)
	}
	return nil
}

// focusStepMsg asks the root to move the focus as tab (+1) or shift+tab
// (-1) do, from a pane that takes every key (search).
type focusStepMsg struct{ dir int }

// back returns to the pane the user came from; from the reader with no
// history, that is the list.
func (m *Model) back() tea.Cmd {
	for len(m.history) > 0 {
		f := m.history[len(m.history)-1]
		m.history = m.history[:len(m.history)-1]
		if f != m.focus && m.panes[f] != nil {
			return m.setFocus(f)
		}
	}
	if m.focus != focusList {
		return m.setFocus(focusList)
	}
	return nil
}
