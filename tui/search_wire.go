package tui

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
)

// openSearch focuses the search pane, telling it which document the
// reader shows so "this document" can be searched.
func (m *Model) openSearch() tea.Cmd {
	p, ok := m.panes[focusSearch].(*searchPane)
	if !ok {
		return nil
	}
	current := -1
	if m.reader.doc != nil {
		current = m.reader.docIdx
	}
	m.focusTo(focusSearch)
	return p.activate(current)
}

// searchKeys are the search pane's bindings. The pane takes typed text,
// so it moves with arrows and control keys, never letters.
func (k KeyMap) searchKeys() keyGroup {
	open := key.NewBinding(key.WithKeys(k.Accept.Keys()...), key.WithHelp(k.Accept.Help().Key, "open at the hit"))
	return keyGroup{
		short: []key.Binding{open, k.SearchDown, k.SearchUp, k.SearchScope, k.Cancel},
		full: [][]key.Binding{
			{open, k.SearchDown, k.SearchUp, k.SearchPageDown, k.SearchPageUp},
			{k.SearchScope, k.Cancel, k.JumpBack},
		},
	}
}

// searchSyntaxHelp spells out the query syntax for the full help. These
// bindings are only ever shown, never matched.
func searchSyntaxHelp() []key.Binding {
	show := func(term, desc string) key.Binding {
		return key.NewBinding(key.WithKeys(term), key.WithHelp(term, desc))
	}
	return []key.Binding{
		show("word", "fuzzy: its letters in order"),
		show("'word", "exact substring"),
		show("^word", "starts with word"),
		show("word$", "ends with word"),
		show("!word", "does not contain word"),
		show(`a\ b`, "a space inside a term"),
		show("Word", "a capital letter makes the term case-sensitive"),
	}
}
