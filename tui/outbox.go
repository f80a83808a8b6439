package tui

import tea "charm.land/bubbletea/v2"

// outbox carries navigation messages (open, back, next document, compare)
// from a pane to the root within the same Update. Sent as commands they
// would come back only after keys already typed, which would then reach
// the wrong pane (enter then j must scroll the document just opened).
// Panes embed it; the root drains it after each update.
type outbox struct {
	msgs []tea.Msg
}

func (o *outbox) emit(msg tea.Msg) { o.msgs = append(o.msgs, msg) }

func (o *outbox) takeNav() []tea.Msg {
	msgs := o.msgs
	o.msgs = nil
	return msgs
}
