package tui

// noteMsg asks the root to show a one-line message in the footer until
// the next key (a pane explaining why a key did nothing).
type noteMsg string

// quitGoesBack says whether q leaves the focused view for the one it was
// reached from rather than quitting: in the claims index and the compare
// view, as q goes back a level in newsboat and epy. The list and the
// reader are the top level, where q quits (as in less).
func (m *Model) quitGoesBack() bool {
	return m.focus == focusCompare || m.focus == focusClaims
}
