package tui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/lipgloss/v2"
)

// helpSection is a titled part of the full help.
type helpSection struct {
	title  string
	groups [][]key.Binding
}

// helpSections lists every key: the global ones with the focused pane's
// and the reader's first, then the search pane (with its query syntax)
// and the compare view, which take typed text and so cannot show this
// help themselves.
func (m *Model) helpSections() []helpSection {
	first := append([][]key.Binding{m.km.globalFull()}, m.panes[m.focus].keys().FullHelp()...)
	if m.focus != focusReader {
		first = append(first, m.km.readerKeys().FullHelp()...)
	}
	return []helpSection{
		{title: "Keys", groups: first},
		{title: "Search (F)", groups: m.km.searchKeys().FullHelp()},
		{title: "Search syntax: every term must match", groups: [][]key.Binding{searchSyntaxHelp()}},
		{title: "Compare (c in the sentence cursor) and claims (C)", groups: defaultCompareKeyMap().compareHelp().FullHelp()},
	}
}

// fullHelpLines renders the sections; groups flow into as many columns as
// the width allows, so nothing is cut on a narrow terminal.
func (m *Model) fullHelpLines() []string {
	hlp := m.hlp
	hlp.SetWidth(0)
	const gap = "   "
	seen := map[string]bool{}
	var out []string
	for _, sec := range m.helpSections() {
		groups := dedupeBindings(sec.groups, seen)
		if len(groups) == 0 {
			continue
		}
		if len(out) > 0 {
			out = append(out, "")
		}
		out = append(out, m.st.paneTitle.Render(sec.title), "")
		var row []string
		rowWidth := 0
		flush := func() {
			if len(row) > 0 {
				out = append(out, strings.Split(lipgloss.JoinHorizontal(lipgloss.Top, row...), "\n")...)
				out = append(out, "")
			}
			row, rowWidth = nil, 0
		}
		for _, g := range groups {
			col := hlp.FullHelpView([][]key.Binding{g})
			cw := lipgloss.Width(col)
			if len(row) > 0 && rowWidth+len(gap)+cw > m.width-2 {
				flush()
			}
			if len(row) > 0 {
				row = append(row, gap)
				rowWidth += len(gap)
			}
			row = append(row, col)
			rowWidth += cw
		}
		flush()
		out = out[:len(out)-1] // the blank after the last row
	}
	return out
}

// fullHelp is the part of the help that fits, from line helpTop.
func (m *Model) fullHelp() string {
	lines := m.fullHelpLines()
	h := m.lay.main.H
	m.helpTop = max(min(m.helpTop, len(lines)-h), 0)
	end := min(m.helpTop+h, len(lines))
	return fitArea(indent(strings.Join(lines[m.helpTop:end], "\n"), " "), m.width, h)
}

// scrollHelp moves the full help by n lines; it is clamped when drawn.
func (m *Model) scrollHelp(n int) {
	m.helpTop = max(m.helpTop+n, 0)
}

func indent(s, pad string) string {
	return pad + strings.ReplaceAll(s, "\n", "\n"+pad)
}

// dedupeBindings drops bindings already listed (in seen, which it
// updates: the list and the reader share their movement keys) and empty
// groups.
func dedupeBindings(groups [][]key.Binding, seen map[string]bool) [][]key.Binding {
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
