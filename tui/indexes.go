package tui

import (
	tea "charm.land/bubbletea/v2"

	"parley/corpus"
)

// backgroundIndexes returns the commands that build heavy indexes (search,
// compare) once the corpus is loaded. Each runs off the interface's
// goroutine and reports back with its own message, which the root passes
// to every pane. Panes add their builder here, e.g.:
//
//	cmds = append(cmds, buildSearchIndex(c))
//
// The search index comes from the one kept in the cache when it can
// serve the folders opened (searchIndexCmd).
func (m *Model) backgroundIndexes(c *corpus.Corpus) []tea.Cmd {
	return []tea.Cmd{m.searchIndexCmd(c)}
}
