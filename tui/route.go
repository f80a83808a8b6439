package tui

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"parley/tui/common"
	"parley/tui/compareview"
)

// Update routes a message: the terminal's reports and the user's input,
// then what the panes and commands ask of the root; anything else (blinks,
// ticks, results of a pane's commands) goes to every pane, each ignoring
// what is not its own.
func (m *Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if cmd, ok := m.updateTerminal(msg); ok {
		return m, cmd
	}
	if cmd, ok := m.updateRequest(msg); ok {
		return m, cmd
	}
	var cmds []tea.Cmd
	for f := range m.panes {
		cmds = append(cmds, m.updatePane(focus(f), msg))
	}
	return m, tea.Batch(cmds...)
}

// updateTerminal handles what the terminal reports: its size, background
// and width method, and the user's keys, mouse and pastes.
func (m *Model) updateTerminal(msg tea.Msg) (tea.Cmd, bool) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.resize(msg.Width, msg.Height)
	case tea.BackgroundColorMsg:
		m.restyle(msg.IsDark())
	case tea.ModeReportMsg:
		if common.UnicodeCoreReport(msg) && common.SetWidthMethod(ansi.GraphemeWidth) {
			m.remeasure()
		}
	case tea.PasteMsg:
		return m.paste(msg), true
	case tea.KeyPressMsg:
		if msg.Code == tea.KeyEscape && msg.Mod == tea.ModAlt {
			// Two presses of esc that arrive together read as alt+esc;
			// each is taken as a press of its own, as less and vim do.
			esc := tea.KeyPressMsg{Code: tea.KeyEscape}
			first, _ := m.updateTerminal(esc)
			second, _ := m.updateTerminal(esc)
			return tea.Batch(first, second), true
		}
		m.clearNote()
		if m.picker != nil && !key.Matches(msg, m.ctx.Keys.Interrupt) {
			return m.updatePicker(msg), true
		}
		defer m.keepForHangup(msg)
		if cmd, handled := m.handleGlobalKey(msg); handled {
			return cmd, true
		}
		return m.updateFocused(msg), true
	case tea.MouseWheelMsg:
		defer m.keepForHangup(msg)
		return m.updatePane(m.paneAt(msg.X), msg), true
	case tea.MouseClickMsg:
		defer m.keepForHangup(msg)
		return m.click(msg), true
	default:
		return nil, false
	}
	return nil, true
}

// updateRequest handles what commands and panes ask of the root: loading,
// saving, moving between panes and places, and changes to the claims.
func (m *Model) updateRequest(msg tea.Msg) (tea.Cmd, bool) {
	switch msg := msg.(type) {
	case loadProgressMsg:
		return m.loadProgress(msg), true
	case loadedMsg:
		return m.loaded(msg), true
	case bodiesMsg:
		return m.bodiesRead(msg), true
	case saveDueMsg:
		return m.saveInBackground(), true
	case hangupMsg:
		_ = m.saveState() // the terminal is gone: nowhere to say a failure
		return tea.Quit, true
	case stateSavedMsg:
		m.stateProblem(msg.err)
		return nil, true
	case storiesFoundMsg:
		return m.storiesFound(msg), true
	case noteMsg:
		m.note = string(msg)
		return nil, true
	case compareview.ClaimsEditMsg:
		return m.editClaims(msg), true
	case compareview.ClaimsUndoMsg:
		return m.undoClaims(), true
	case claimsSavedMsg:
		return m.claimsSaved(msg), true
	case pickClaimMsg:
		return m.openPicker(msg), true
	}
	return m.updateNav(msg)
}

// updateNav handles navigation: opening documents and places, comparing,
// going back, and the jump list.
func (m *Model) updateNav(msg tea.Msg) (tea.Cmd, bool) {
	switch msg := msg.(type) {
	case openDocMsg:
		return m.openDoc(msg.doc), true
	case common.OpenMsg:
		fromSearch := m.focus == focusSearch
		if m.focus == focusCompare {
			m.compareTrip.opened = true // esc now returns the reader to where the trip began
		}
		cmd := m.openLoc(msg.Loc, msg.Highlight, true)
		if fromSearch {
			m.searchTrip.landed(m.here())
		}
		return cmd, true
	case stepDocMsg:
		return m.stepDoc(msg.delta), true
	case jumpMsg:
		m.jumps.record(msg.from, msg.to)
		return nil, true
	case common.CompareMsg:
		return m.compare(msg), true
	case compareview.CompareClaimMsg:
		return m.compareClaim(msg), true
	case common.BackMsg:
		switch m.focus {
		case focusSearch:
			return m.leaveSearch(), true
		case focusCompare, focusClaims:
			return m.leaveCompare(), true
		}
		return m.back(), true
	case focusStepMsg:
		return m.cycleFocus(msg.dir), true
	}
	return nil, false
}

// handleGlobalKey takes the keys that work everywhere. While a pane takes
// typed text (a filter, a query) only ctrl+c is global.
func (m *Model) handleGlobalKey(msg tea.KeyPressMsg) (tea.Cmd, bool) {
	if key.Matches(msg, m.ctx.Keys.Interrupt) {
		return tea.Quit, true
	}
	if m.panes[m.focus].CapturesInput() {
		return nil, false
	}
	if m.showAll {
		m.helpKey(msg)
		return nil, true
	}
	switch {
	case key.Matches(msg, m.ctx.Keys.Quit):
		if m.focus == focusReader && m.reader.closeOverlay() {
			// q closes an overlay (the outline) as it closes less's help.
			return nil, true
		}
		if m.quitGoesBack() {
			// As in newsboat: q leaves a view a level down (the claims
			// index, a comparison) and quits only from the top level.
			return m.leaveCompare(), true
		}
		return tea.Quit, true
	case key.Matches(msg, m.ctx.Keys.Help):
		m.showAll = true
		m.layHelp()
		m.helpView.GotoTop()
		return nil, true
	case key.Matches(msg, m.ctx.Keys.FocusNext):
		return m.cycleFocus(1), true
	case key.Matches(msg, m.ctx.Keys.FocusPrev):
		return m.cycleFocus(-1), true
	case key.Matches(msg, m.ctx.Keys.Claims):
		return m.openClaims(), true
	case key.Matches(msg, m.ctx.Keys.Search):
		return m.openSearch(), true
	case key.Matches(msg, m.ctx.Keys.Scope):
		return m.toggleScope(), true
	case key.Matches(msg, m.ctx.Keys.JumpBack):
		return m.walkJumps(-1), true
	case key.Matches(msg, m.ctx.Keys.JumpForward):
		return m.walkJumps(1), true
	}
	return nil, false
}

func (m *Model) updateFocused(msg tea.Msg) tea.Cmd { return m.updatePane(m.focus, msg) }

func (m *Model) updatePane(f focus, msg tea.Msg) tea.Cmd {
	if f < 0 || f >= focusCount || m.panes[f] == nil {
		return nil
	}
	var cmd tea.Cmd
	m.panes[f], cmd = m.panes[f].Update(msg)
	for _, nav := range m.panes[f].TakeNav() {
		_, next := m.Update(nav)
		cmd = tea.Batch(cmd, next)
	}
	if f == focusList {
		m.previewSelection()
	}
	return cmd
}

// paneAt is the pane under column x (the wheel scrolls what it points at).
func (m *Model) paneAt(x int) focus {
	if m.lay.split && (m.focus == focusList || m.focus == focusReader) {
		if x < m.lay.reader.X {
			return focusList
		}
		return focusReader
	}
	return m.focus
}
