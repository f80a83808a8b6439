package tui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"parley/tui/common"
	"parley/tui/textlayout"
)

// helpSection is a titled part of the full help.
type helpSection struct {
	title  string
	groups [][]key.Binding
}

// helpSections lists every key under the name of the pane it works in:
// the global keys, then the focused pane's (with the mode it is in, such
// as the outline), then the other panes'. The search pane and the compare
// view take typed text, so their keys are listed here too.
func (m *Model) helpSections() []helpSection {
	km := m.ctx.Keys
	ck := km.CompareView
	// The list and the reader share their movement keys (their first
	// group), listed once for both.
	// The list's movement group names page down without space, which
	// tags there.
	readerGroups := km.ReaderKeys().FullHelp()
	moving := helpSection{title: "Moving (list, reader, this help)", groups: km.ListKeys().FullHelp()[:1]}
	list := helpSection{title: "List", groups: km.ListKeys().FullHelp()[1:]}
	reader := helpSection{title: "Reader", groups: readerGroups[1:]}
	search := helpSection{title: "Search (F)", groups: km.SearchKeys().FullHelp()}
	syntax := helpSection{title: "Search syntax: every term must match", groups: [][]key.Binding{searchSyntaxHelp()}}
	compare := helpSection{title: "Compare (c in the sentence cursor)", groups: ck.CompareHelp().FullHelp()}
	claims := helpSection{title: "Claims index (C)", groups: append(ck.StoriesHelp().FullHelp(), ck.ClaimsHelp().FullHelp()...)}

	var panes []helpSection
	switch m.focus {
	case focusReader:
		switch {
		case m.reader.outline.on:
			panes = append(panes, helpSection{title: "Outline (o)", groups: km.OutlineKeys().FullHelp()})
		case m.reader.cursor.on:
			panes = append(panes, helpSection{title: "Sentence cursor (v)", groups: km.CursorKeys().FullHelp()})
		}
		panes = append(panes, moving, reader, list, search, syntax, compare, claims)
	case focusSearch:
		panes = append(panes, search, syntax, moving, list, reader, compare, claims)
	case focusCompare:
		panes = append(panes, compare, claims, moving, list, reader, search, syntax)
	case focusClaims:
		panes = append(panes, claims, compare, moving, list, reader, search, syntax)
	default:
		panes = append(panes, moving, list, reader, search, syntax, compare, claims)
	}
	return append([]helpSection{{title: "Everywhere", groups: [][]key.Binding{km.GlobalFull()}}}, panes...)
}

// fullHelpLines renders the sections. Each is a heading over its groups,
// which flow into as many columns as the width allows, and sections flow
// side by side the same way; a group wider than the screen has its
// descriptions wrapped, so nothing is cut on a narrow terminal.
func (m *Model) fullHelpLines() []string {
	room := m.ctx.Width - 2 // the help is indented a cell, and keeps one free
	var blocks []string
	for _, sec := range m.helpSections() {
		groups := dedupeBindings(sec.groups)
		if len(groups) == 0 {
			continue
		}
		var cols []string
		for _, g := range groups {
			cols = append(cols, m.helpColumn(g, room))
		}
		body := strings.Join(flowColumns(cols, room), "\n\n")
		blocks = append(blocks, m.ctx.Styles.PaneTitle.Render(sec.title)+"\n\n"+body)
	}
	return strings.Split(strings.Join(flowColumns(blocks, room), "\n\n"), "\n")
}

// flowColumns puts blocks side by side, three cells apart, starting a new
// row when the next would pass room cells; each row is one string.
func flowColumns(blocks []string, room int) []string {
	const gap = "   "
	var rows, row []string
	rowWidth := 0
	for _, b := range blocks {
		bw := lipgloss.Width(b)
		if len(row) > 0 && rowWidth+len(gap)+bw > room {
			rows = append(rows, lipgloss.JoinHorizontal(lipgloss.Top, row...))
			row, rowWidth = nil, 0
		}
		if len(row) > 0 {
			row = append(row, gap)
			rowWidth += len(gap)
		}
		row = append(row, b)
		rowWidth += bw
	}
	if len(row) > 0 {
		rows = append(rows, lipgloss.JoinHorizontal(lipgloss.Top, row...))
	}
	return rows
}

// helpColumn draws one group as bubbles' help does (keys, a space, their
// descriptions), with each description wrapped to what room leaves beside
// the keys.
func (m *Model) helpColumn(g []key.Binding, room int) string {
	keyW := 0
	for _, b := range g {
		if b.Enabled() {
			keyW = max(keyW, lipgloss.Width(b.Help().Key))
		}
	}
	descW := max(room-keyW-1, 12)
	var kl, dl []string
	for _, b := range g {
		if !b.Enabled() {
			continue
		}
		lines := wrapHelp(b.Help().Desc, descW)
		kl = append(kl, b.Help().Key)
		for range lines[1:] {
			kl = append(kl, "")
		}
		dl = append(dl, lines...)
	}
	st := m.hlp.Styles
	return lipgloss.JoinHorizontal(lipgloss.Top,
		st.FullKey.Render(strings.Join(kl, "\n")), " ", st.FullDesc.Render(strings.Join(dl, "\n")))
}

// wrapHelp wraps a help description at spaces to width cells, as the
// compare view wraps statements (textlayout.WrapAtSpaces); a word wider
// than width is cut. ansi.Wrap would also break after hyphens, which
// splits the file names the export keys name (parley-compare-…).
func wrapHelp(s string, width int) []string {
	var lines []string
	for _, r := range textlayout.WrapAtSpaces(s, width) {
		lines = append(lines, s[r[0]:r[1]])
	}
	return lines
}

// layHelp lays the full help out in its viewport for the screen: as it
// opens, and when the size or the styles change while it is open.
func (m *Model) layHelp() {
	lines := m.fullHelpLines()
	for i, l := range lines {
		lines[i] = " " + l
	}
	m.helpView.SetWidth(m.ctx.Width)
	m.helpView.SetHeight(m.lay.main.H)
	m.helpView.SetContentLines(lines)
	// A resize may leave the offset past the end.
	m.helpView.SetYOffset(m.helpView.YOffset())
}

// fullHelp is the part of the help that fits.
func (m *Model) fullHelp() string {
	return common.FitArea(m.helpView.View(), m.ctx.Width, m.lay.main.H)
}

// scrollHelp moves the full help by n lines, no further than its end.
func (m *Model) scrollHelp(n int) {
	if n > 0 {
		m.helpView.ScrollDown(n)
	} else {
		m.helpView.ScrollUp(-n)
	}
}

// dedupeBindings drops bindings already listed in the section (the
// groups given) and the groups left empty.
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

// helpKey is a key while the full help is open: movement keys scroll it;
// q, as in less, and any other key close it.
func (m *Model) helpKey(msg tea.KeyPressMsg) {
	h := m.lay.main.H
	switch {
	case key.Matches(msg, m.ctx.Keys.Down, m.ctx.Keys.LineDown):
		m.scrollHelp(1)
	case key.Matches(msg, m.ctx.Keys.Up, m.ctx.Keys.LineUp):
		m.scrollHelp(-1)
	case key.Matches(msg, m.ctx.Keys.PageDown):
		m.scrollHelp(max(h-1, 1))
	case key.Matches(msg, m.ctx.Keys.PageUp):
		m.scrollHelp(-max(h-1, 1))
	case key.Matches(msg, m.ctx.Keys.HalfDown):
		m.scrollHelp(max(h/2, 1))
	case key.Matches(msg, m.ctx.Keys.HalfUp):
		m.scrollHelp(-max(h/2, 1))
	case key.Matches(msg, m.ctx.Keys.Top):
		m.helpView.GotoTop()
	case key.Matches(msg, m.ctx.Keys.Bottom):
		m.helpView.GotoBottom()
	default:
		m.showAll = false
	}
}
