package tui

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	tea "charm.land/bubbletea/v2"

	"parley/corpus/search"
	"parley/tui/compareview"
)

// paste hands pasted text (bracketed paste) to the focused pane when it
// is taking typed text, cleaned to one line of plain characters so that a
// pasted line break never submits. Panes treat it as typing: the search,
// filter or find runs again.
func (m *Model) paste(msg tea.PasteMsg) tea.Cmd {
	if m.showAll {
		return nil
	}
	if m.picker != nil {
		text, _ := cleanPaste(msg.Content, compareview.MaxLabel)
		return m.picker.paste(tea.PasteMsg{Content: text})
	}
	if !m.panes[m.focus].CapturesInput() {
		return nil
	}
	text, cut := cleanPaste(msg.Content, maxQuery)
	m.clearNote()
	if cut {
		m.note = fmt.Sprintf("pasted text cut to %d characters, the most a query takes", maxQuery)
	}
	if text == "" {
		return nil
	}
	return m.updateFocused(tea.PasteMsg{Content: text})
}

// maxQuery is the most characters the search, filter and find inputs
// take, typed or pasted: what the search engine reads of a query (300, as
// fzf's prompt), generous for a pasted sentence. It bounds the work one
// query can ask for, and the box never shows text that is not searched.
const maxQuery = search.MaxQueryChars

// cleanPaste makes pasted text one line: line breaks and tabs become
// spaces (line breaks at either end are dropped), and control characters,
// bidi controls, zero-width characters and invalid bytes are removed. It
// keeps at most limit characters and says whether it cut any.
func cleanPaste(s string, limit int) (string, bool) {
	s = strings.ReplaceAll(strings.Trim(s, "\r\n"), "\r\n", "\n")
	var sb strings.Builder
	n := 0
	for _, r := range s {
		switch {
		case r == '\n' || r == '\r' || r == '\t' || r == '\u2028' || r == '\u2029':
			r = ' '
		case r == utf8.RuneError || unicode.IsControl(r) || unicode.Is(unicode.Cf, r):
			continue
		}
		if n == limit {
			return sb.String(), true
		}
		sb.WriteRune(r)
		n++
	}
	return sb.String(), false
}
