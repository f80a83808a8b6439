package tui

import (
	tea "charm.land/bubbletea/v2"

	"parley/corpus"
	"parley/corpus/compare"
	"parley/seeds"
)

// wireCompare adds the compare view and the claims index once the corpus
// is loaded (they index its documents), and returns a command that builds
// the compare index and finds the claims in the background, so the first
// comparison is quick.
// The curated layer applies only to the embedded seeds it was written for.
func (m *Model) wireCompare() tea.Cmd {
	var curated []compare.CuratedClaim
	if m.embedded {
		var err error
		if curated, err = compare.LoadCurated(seeds.FS); err != nil {
			m.note = "curated claims not loaded: " + corpus.CleanLine(err.Error())
		}
	}
	e := newCompareEngine(m.corpus.Docs, curated)
	cp, cl := newComparePane(e, m.st.isDark), newClaimsPane(e, m.st.isDark)
	m.panes[focusCompare], m.panes[focusClaims] = cp, cl
	for _, f := range []focus{focusCompare, focusClaims} {
		r := m.paneRect(f)
		m.panes[f].setSize(r.W, r.H)
	}
	// The claims are found in the background too, so the index is ready
	// however it is reached (C, or tab cycling through the panes).
	return cl.load()
}

// restyleCompare rebuilds the compare and claims styles for the terminal's
// background.
func (m *Model) restyleCompare(isDark bool) {
	if p, ok := m.panes[focusCompare].(*comparePane); ok {
		p.setStyles(newCompareStyles(isDark))
	}
	if p, ok := m.panes[focusClaims].(*claimsPane); ok {
		p.st = newCompareStyles(isDark)
	}
}

// openClaims shows the claims index, finding the claims the first time.
func (m *Model) openClaims() tea.Cmd {
	p, ok := m.panes[focusClaims].(*claimsPane)
	if !ok {
		m.note = "claims are not ready: the corpus is still loading"
		return nil
	}
	m.focusTo(focusClaims)
	if !p.loaded && !p.loading {
		return p.load()
	}
	return nil
}

// compareClaim opens the compare view on a claim picked in the index.
func (m *Model) compareClaim(msg compareClaimMsg) tea.Cmd {
	if m.panes[focusCompare] == nil {
		return nil
	}
	cmd := m.updatePane(focusCompare, msg)
	m.focusTo(focusCompare)
	return cmd
}

// leaveCompare is esc in the compare view: back to the pane the user came
// from and, when the comparison started at a sentence of the reader and
// enter has opened one of its statements since, the reader back where it
// was on that sentence's document, with the sentence cursor on it, ready
// to compare the next one. As esc after a search, it records the jump,
// so ctrl+o returns to the statement.
func (m *Model) leaveCompare() tea.Cmd {
	p, _ := m.panes[focusCompare].(*comparePane)
	m.back()
	if p == nil || m.focus != focusReader || m.corpus == nil {
		return nil
	}
	from, ok := p.returnTo()
	if !ok || from.Doc < 0 || from.Doc >= len(m.corpus.Docs) {
		return nil
	}
	cur, here := m.here()
	m.showSaved(m.corpus.Docs[from.Doc])
	r := m.reader
	if r.r != nil && r.validSentence(from.Block, from.Sentence) {
		r.mark = nil
		r.cursor = sentenceCursor{on: true, block: from.Block, sentence: from.Sentence}
		r.showCursor()
	}
	if to, ok := m.here(); here && ok && to != cur {
		m.jumps.record(cur, to)
	}
	return m.persist()
}

// capturesInput lets typed text reach the query input rather than the
// global keys.
func (p *comparePane) capturesInput() bool { return p.prompt.typing }

func (p *claimsPane) capturesInput() bool { return p.prompt.typing }
