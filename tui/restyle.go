package tui

// restyle builds the shared styles for the terminal's background and lets
// every pane redo what it computed with the old ones.
func (m *Model) restyle(isDark bool) {
	m.ctx.Restyle(isDark)
	m.hlp.Styles = m.ctx.Styles.Help
	m.restylePanes()
	if m.showAll {
		m.layHelp()
	}
}

// remeasure draws everything again after the width method changed: the
// context's generation changes, so every drawing kept between frames (the
// list's rows, the hit lines, the compare view, the footer) is redrawn,
// the reader wraps again and the open help is laid out again.
func (m *Model) remeasure() {
	m.ctx.Remeasure()
	m.restylePanes()
	if m.showAll {
		m.layHelp()
	}
}

func (m *Model) restylePanes() {
	for _, p := range m.panes {
		if p != nil {
			p.Restyle()
		}
	}
}
