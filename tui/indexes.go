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
func backgroundIndexes(c *corpus.Corpus) []tea.Cmd {
	return []tea.Cmd{buildSearchIndex(c)}
}
