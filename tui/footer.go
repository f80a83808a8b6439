package tui

import (
	"slices"

	"charm.land/bubbles/v2/key"

	"parley/tui/common"
)

// footerKeys are the hints the footer offers: the focused pane's own
// keys, most important first, then the global ones. Where the pane gives
// q a meaning of its own (back a level in the compare view and the claims
// index, close in the outline) its hint says so, and "q quit" is left out.
func (m *Model) footerKeys() []key.Binding {
	keys := m.panes[m.focus].Keys().ShortHelp()
	if m.panes[m.focus].CapturesInput() {
		return keys
	}
	ownQ := slices.ContainsFunc(keys, func(b key.Binding) bool { return slices.Contains(b.Keys(), "q") })
	for _, g := range m.ctx.Keys.GlobalKeys() {
		if ownQ && slices.Equal(g.Keys(), m.ctx.Keys.Quit.Keys()) {
			continue
		}
		keys = append(keys, g)
	}
	return keys
}

// pinnedHint says whether a hint stays in the footer however narrow the
// terminal: the ways out and the way to every other key (?, q, esc).
func pinnedHint(b key.Binding) bool {
	for _, k := range b.Keys() {
		if k == "?" || k == "q" || k == "esc" {
			return true
		}
	}
	return false
}

// fitHints drops hints until the line fits width cells: the last of the
// others first (the global tab, C and F, then the pane's keys from its
// least important), never a pinned one. draw renders a set of hints.
func fitHints(keys []key.Binding, width int, draw func([]key.Binding) string) []key.Binding {
	keys = slices.Clone(keys)
	for common.StrWidth(draw(keys)) > width {
		drop := -1
		for i := len(keys) - 1; i >= 0; i-- {
			if !pinnedHint(keys[i]) {
				drop = i
				break
			}
		}
		if drop < 0 {
			break
		}
		keys = slices.Delete(keys, drop, drop+1)
	}
	return keys
}

// shortHelpLine draws hints on one line, never cut by the help bubble
// itself: fitHints decides what is left out.
func (m *Model) shortHelpLine(keys []key.Binding) string {
	h := m.hlp
	h.SetWidth(0)
	return " " + h.ShortHelpView(keys)
}
