package tui

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"parley/corpus"
)

// openSearch focuses the search pane, telling it which document the
// reader shows so "this document" can be searched.
func (m *Model) openSearch() tea.Cmd {
	current := -1
	if m.reader.doc != nil {
		current = m.reader.docIdx
	}
	m.searchTrip.start(m.here())
	cmd := m.focusTo(focusSearch)
	return tea.Batch(cmd, m.searchView.activate(current))
}

// searchTrip is where the reader was when search opened and where the
// last hit opened from it left the reader.
type searchTrip struct {
	from, to     corpus.Loc
	hasFrom, hit bool
}

func (s *searchTrip) start(from corpus.Loc, ok bool) {
	*s = searchTrip{from: from, hasFrom: ok}
}

func (s *searchTrip) landed(to corpus.Loc, ok bool) {
	s.to, s.hit = to, ok
}

// leaveSearch is esc in the search pane: back to the pane the user came
// from and, when a hit was opened and the reader has not moved from it
// since, back to where the reader was before the search ("esc returns to
// where you were"). The jump is recorded, so ctrl+o returns to the hit.
func (m *Model) leaveSearch() tea.Cmd {
	trip := m.searchTrip
	m.searchTrip = searchTrip{}
	cur, ok := m.here()
	if !trip.hasFrom || !trip.hit || !ok || cur != trip.to {
		return m.back()
	}
	m.showDoc(m.corpus.Docs[trip.from.Doc], trip.from, false)
	m.jumps.record(cur, trip.from)
	return tea.Batch(m.setFocus(focusReader), m.persist())
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
		show("a | b", "either term: a lone | joins the terms beside it"),
		show(`a\ b`, "a space inside a term"),
		show("Word", "a capital letter makes the term case-sensitive"),
		show("façade", "an accented letter makes it accent-sensitive"),
		show(`\$ \|`, "a dollar sign, a bar"),
		show("oil", "ranks whole words, then word starts, then the rest"),
	}
}
