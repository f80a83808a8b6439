//go:build parleypanic

package tui

import tea "charm.land/bubbletea/v2"

// This file is only in the binary the panic end-to-end test builds: ctrl+x
// panics inside Update, to show that Bubble Tea restores the terminal.

func init() {
	programModel = func(m *Model) tea.Model { return panicModel{m} }
}

type panicModel struct{ *Model }

func (p panicModel) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if k, ok := msg.(tea.KeyPressMsg); ok && k.String() == "ctrl+x" {
		panic("deliberate panic for the end-to-end test")
	}
	_, cmd := p.Model.Update(msg)
	return p, cmd
}
