package tui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/lipgloss/v2"
)

// fullHelp lists every key: the global ones, then the focused pane's, then
// the reader's. Groups flow into as many columns as the width allows, so
// nothing is cut on a narrow terminal.
func (m *Model) fullHelp() string {
	groups := append([][]key.Binding{m.km.globalFull()}, m.panes[m.focus].keys().FullHelp()...)
	if m.focus != focusReader {
		groups = append(groups, m.km.readerKeys().FullHelp()...)
	}
	groups = dedupeBindings(groups)
	hlp := m.hlp
	hlp.SetWidth(0)
	const gap = "   "
	var rows []string
	var row []string
	rowWidth := 0
	for _, g := range groups {
		col := hlp.FullHelpView([][]key.Binding{g})
		cw := lipgloss.Width(col)
		if len(row) > 0 && rowWidth+len(gap)+cw > m.width-1 {
			rows = append(rows, lipgloss.JoinHorizontal(lipgloss.Top, row...))
			row, rowWidth = nil, 0
		}
		if len(row) > 0 {
			row = append(row, gap)
			rowWidth += len(gap)
		}
		row = append(row, col)
		rowWidth += cw
	}
	if len(row) > 0 {
		rows = append(rows, lipgloss.JoinHorizontal(lipgloss.Top, row...))
	}
	title := m.st.paneTitle.Render(" Keys")
	return fitArea(title+"\n\n"+indent(strings.Join(rows, "\n\n"), " "), m.width, m.lay.main.H)
}

func indent(s, pad string) string {
	return pad + strings.ReplaceAll(s, "\n", "\n"+pad)
}

// dedupeBindings drops bindings already listed in an earlier group (the
// list and the reader share their movement keys) and empty groups.
func dedupeBindings(groups [][]key.Binding) [][]key.Binding {
	seen := map[string]bool{}
	var out [][]key.Binding
	for _, g := range groups {
		var kept []key.Binding
		for _, b := range g {
			id := b.Help().Key + "\x00" + b.Help().Desc
			if !seen[id] {
				seen[id] = true
				kept = append(kept, b)
			}
		}
		if len(kept) > 0 {
			out = append(out, kept)
		}
	}
	return out
}
