package common

import (
	"charm.land/bubbles/v2/help"
	tea "charm.land/bubbletea/v2"

	"parley/corpus"
)

// Pane is the contract every pane keeps, in package tui and in its
// sub-packages alike. Every pane is built on the one shared Context
// (styles, keys, screen size, width measure); the root model sends it its
// rectangle through SetSize, keys and mouse only while it has the focus
// (or the wheel points at it), and the results of its own commands. A pane
// draws only what it has already computed.
type Pane interface {
	Update(msg tea.Msg) (Pane, tea.Cmd)
	View() string
	SetSize(width, height int)
	Keys() help.KeyMap
	// Focus is called as the pane takes the focus, Blur as it loses it;
	// the command starts what the focused pane needs (a cursor's blink).
	Focus() tea.Cmd
	Blur()
	// Restyle is called after the context's styles or width measure
	// changed. Drawings kept between frames are keyed by the context's
	// generation and redraw by themselves; Restyle is for what must be
	// computed again in Update (the reader's wrap).
	Restyle()
	// CapturesInput says whether the pane takes typed text now, so that
	// the global single-letter keys reach it.
	CapturesInput() bool
	// TakeNav hands the root the navigation the last update emitted
	// (outbox.go).
	TakeNav() []tea.Msg
}

// Navigation (OpenMsg, CompareMsg, BackMsg) can be returned as a command,
// or emitted through an embedded Outbox (outbox.go) so that the root acts
// on it in the same update and keys typed right after reach the new pane.

// OpenMsg asks the root to show the reader at Loc (Loc.Doc indexes the
// corpus), highlighting the sentence when Highlight is set. The root
// records the jump so that it can be walked back and forth.
type OpenMsg struct {
	Loc       corpus.Loc
	Highlight bool
}

// CompareMsg asks the root to open the compare view on a statement; From
// is where it came from when it came from the reader (HasFrom).
type CompareMsg struct {
	Text    string
	From    corpus.Loc
	HasFrom bool
}

// BackMsg asks the root to return to the pane the user came from (esc).
type BackMsg struct{}
