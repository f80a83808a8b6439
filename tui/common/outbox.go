package common

import tea "charm.land/bubbletea/v2"

// Outbox carries navigation messages (open, back, next document, compare)
// from a pane to the root within the same Update. Sent as commands they
// would come back only after keys already typed, which would then reach
// the wrong pane (enter then j must scroll the document just opened).
// Panes embed it; the root drains it after each update.
type Outbox struct {
	msgs []tea.Msg
}

// Emit queues msg for the root.
func (o *Outbox) Emit(msg tea.Msg) { o.msgs = append(o.msgs, msg) }

// TakeNav hands the queued messages to the root and empties the box.
func (o *Outbox) TakeNav() []tea.Msg {
	msgs := o.msgs
	o.msgs = nil
	return msgs
}
