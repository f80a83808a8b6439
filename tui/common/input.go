package common

import "charm.land/bubbles/v2/textinput"

// InputBlink says whether text inputs blink their cursor. Tests turn it
// off: a blinking cursor is a command that waits on a timer, and tests
// never wait on timers.
var InputBlink = true

// NewTextInput is a one-line input with parley's common settings; every
// pane's input (filter, find, search, compare) is made here.
func NewTextInput(prompt, placeholder string, limit int) textinput.Model {
	ti := textinput.New()
	ti.Prompt = prompt
	ti.Placeholder = placeholder
	ti.CharLimit = limit
	if !InputBlink {
		SteadyCursor(&ti)
	}
	return ti
}

// SteadyCursor stops ti's cursor blinking: a blink is a timer that wakes
// the program and redraws the frame twice a second for as long as the
// input is open.
func SteadyCursor(ti *textinput.Model) {
	s := ti.Styles()
	s.Cursor.Blink = false
	ti.SetStyles(s)
}
