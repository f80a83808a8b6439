package tui

import (
	"sync"

	tea "charm.land/bubbletea/v2"

	"parley/corpus"
	"parley/corpus/compare"
	"parley/corpus/compare/claimsfile"
	"parley/tui/compareview"
)

// claimsWork is the user's claims file as the interface edits it: its
// layer, and the changes made since parley started, last on top, for u.
// Edits run in commands, one at a time (mu); only they touch the layer's
// file, so Update never waits for a disk.
type claimsWork struct {
	layer *claimsfile.Layer
	docs  []*corpus.Document
	undo  []claimsfile.Change
	mu    sync.Mutex
	gen   int // of the last edit written, under mu
	shown int // of the last layer handed to the engine, in Update
}

// claimsSavedMsg says an edit or an undo was written, or why not, with
// the curated layer as it now is.
type claimsSavedMsg struct {
	change  claimsfile.Change
	undo    bool
	what    string
	label   string
	err     error
	gen     int
	curated []compare.CuratedClaim
	stale   map[string][]string
}

// run applies change to the file in a command and reports the new layer.
func (w *claimsWork) run(msg claimsSavedMsg, change func() (claimsfile.Change, error)) tea.Cmd {
	return func() tea.Msg {
		w.mu.Lock()
		defer w.mu.Unlock()
		ch, err := change()
		if err != nil {
			msg.err = err
			return msg
		}
		if !msg.undo {
			msg.change = ch
		}
		w.gen++
		msg.gen = w.gen
		msg.curated, msg.stale = w.layer.Curated(w.docs), w.layer.Stale(w.docs)
		return msg
	}
}

// editClaims runs an edit of the user's claims.
func (m *Model) editClaims(msg compareview.ClaimsEditMsg) tea.Cmd {
	w := m.claims
	if w == nil {
		m.note = "claims are not ready: the corpus is still loading"
		return m.updatePane(focusCompare, compareview.ClaimsChangedMsg{Failed: true})
	}
	return w.run(claimsSavedMsg{what: msg.What, label: msg.Label}, func() (claimsfile.Change, error) {
		return w.layer.Edit(msg.Edit)
	})
}

// undoClaims undoes the last change made since parley started.
func (m *Model) undoClaims() tea.Cmd {
	w := m.claims
	if w == nil || len(w.undo) == 0 {
		m.note = "nothing to undo"
		return m.updatePane(focusCompare, compareview.ClaimsChangedMsg{Failed: true})
	}
	ch := w.undo[len(w.undo)-1]
	w.undo = w.undo[:len(w.undo)-1]
	return w.run(claimsSavedMsg{undo: true, change: ch, what: "undone", label: undoLabel(ch)}, func() (claimsfile.Change, error) {
		return ch, w.layer.Undo(ch)
	})
}

// undoLabel is the claim an undo brings back, to show it again.
func undoLabel(ch claimsfile.Change) string {
	if len(ch.Before) > 0 {
		return ch.Before[0].Label
	}
	return ""
}

// claimsSaved takes a written change: the engine gets the new layer, the
// compare view and the claims index show it, the status says where it
// was saved.
func (m *Model) claimsSaved(msg claimsSavedMsg) tea.Cmd {
	w := m.claims
	if msg.err != nil {
		if msg.undo {
			w.undo = append(w.undo, msg.change) // still there to undo
		}
		m.note = "claims not saved: " + corpus.CleanLine(msg.err.Error())
		return m.updatePane(focusCompare, compareview.ClaimsChangedMsg{Failed: true})
	}
	if !msg.undo && !msg.change.Empty() {
		w.undo = append(w.undo, msg.change)
	}
	if msg.gen > w.shown {
		w.shown = msg.gen
		if e := m.compareEngine(); e != nil {
			e.SetLayer(msg.curated, msg.stale)
		}
	}
	m.note = corpus.CleanLine(msg.what + " · saved in " + w.layer.Loc.Path)
	if !msg.undo && msg.change.Empty() {
		m.note = "nothing changed (another claim may have that label)"
	}
	changed := compareview.ClaimsChangedMsg{Label: msg.label}
	return tea.Batch(m.updatePane(focusCompare, changed), m.updatePane(focusClaims, changed))
}

// compareEngine is the engine the compare panes share, or nil before the
// corpus is loaded.
func (m *Model) compareEngine() *compareview.Engine {
	if m.compareView == nil {
		return nil
	}
	return m.compareView.Engine()
}
