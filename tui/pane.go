package tui

import (
	"charm.land/bubbles/v2/help"
	tea "charm.land/bubbletea/v2"

	"parley/corpus"
)

// pane is the contract every pane keeps. Every pane is built on the one
// shared context (common.Context: styles, keys, screen size, width
// measure); the root model sends it its rectangle through setSize, keys and
// mouse only while it has the focus (or the wheel points at it), and the
// results of its own commands. A pane draws only what it has already
// computed.
type pane interface {
	update(msg tea.Msg) (pane, tea.Cmd)
	view() string
	setSize(width, height int)
	keys() help.KeyMap
	// focus is called as the pane takes the focus, blur as it loses it;
	// the command starts what the focused pane needs (a cursor's blink).
	focus() tea.Cmd
	blur()
	// restyle is called after the context's styles or width measure
	// changed. Drawings kept between frames are keyed by the context's
	// generation and redraw by themselves; restyle is for what must be
	// computed again in Update (the reader's wrap).
	restyle()
	// capturesInput says whether the pane takes typed text now, so that
	// the global single-letter keys reach it.
	capturesInput() bool
	// takeNav hands the root the navigation the last update emitted
	// (outbox.go).
	takeNav() []tea.Msg
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
