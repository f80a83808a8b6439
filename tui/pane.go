package tui

import (
	"charm.land/bubbles/v2/help"
	tea "charm.land/bubbletea/v2"

	"parley/corpus"
)

// pane is the contract every pane keeps: the root model sends it every
// tea.WindowSizeMsg (through setSize) and, when it has the focus, keys and
// mouse; it draws only what it has already computed.
type pane interface {
	update(msg tea.Msg) (pane, tea.Cmd)
	view() string
	setSize(width, height int)
	keys() help.KeyMap
}

// Navigation (openMsg, compareMsg, backMsg) can be returned as a command,
// or emitted through an embedded outbox (outbox.go) so that the root acts
// on it in the same update and keys typed right after reach the new pane.

// openMsg asks the root to show the reader at loc (Loc.Doc indexes the
// corpus), highlighting the sentence when highlight is set. The root
// records the jump so that it can be walked back and forth.
type openMsg struct {
	loc       corpus.Loc
	highlight bool
}

// compareMsg asks the root to open the compare view on a statement; from
// is where it came from when it came from the reader.
type compareMsg struct {
	text    string
	from    corpus.Loc
	hasFrom bool
}

// backMsg asks the root to return to the pane the user came from (esc).
type backMsg struct{}
