package compareview

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"parley/corpus"
	"parley/corpus/compare"
	"parley/corpus/compare/claimsfile"
	"parley/tui/common"
)

// The workbench keys of the compare view: keep the selected statement in
// the claim being compared (a), drop it from the claim (d), rename the
// claim (r), delete it (D), undo the last change (u). Each change is
// saved at once (the root, tui/claims_work.go).

// updateWorkKey handles a workbench key; false when msg is not one.
func (p *ComparePane) updateWorkKey(msg tea.KeyPressMsg) (tea.Cmd, bool) {
	k := p.ctx.Keys.CompareView
	switch {
	case key.Matches(msg, k.Keep):
		return p.keep(), true
	case key.Matches(msg, k.Drop):
		return p.drop(), true
	case key.Matches(msg, k.Rename):
		return p.rename(), true
	case key.Matches(msg, k.Delete):
		return p.deleteClaim(), true
	case key.Matches(msg, k.Undo):
		p.saving = true
		return func() tea.Msg { return ClaimsUndoMsg{} }, true
	}
	return nil, false
}

// workClaim is the curated claim being compared, or nil.
func (p *ComparePane) workClaim() *compare.Claim {
	if p.result == nil || p.loading || p.result.Claim == nil || !p.result.Claim.Curated {
		return nil
	}
	return p.result.Claim
}

// ready says whether the workbench can act on a selected statement, and
// puts the reason on the status line when it cannot.
func (p *ComparePane) ready() (*compare.Match, bool) {
	if p.engine.key == nil {
		p.status = paneStatus{text: "no claims file to write to", err: true}
		return nil, false
	}
	if p.engineOnly {
		p.status = paneStatus{text: "the curated layer is off: e turns it on to edit claims", err: true}
		return nil, false
	}
	m := p.Selected()
	if m == nil {
		p.status = paneStatus{text: "no statement selected", err: true}
		return nil, false
	}
	return m, true
}

// keep puts the selected statement in the claim being compared. With no
// claim yet, it asks for a label (the engine's, by default) and makes the
// claim of the compared sentence and the selected statement.
func (p *ComparePane) keep() tea.Cmd {
	m, ok := p.ready()
	if !ok {
		return nil
	}
	stmt := p.quoteOf(m.Loc, m.Text)
	if c := p.workClaim(); c != nil {
		return p.sendEdit(c.Label, fmt.Sprintf("kept in “%s”", c.Label), func(f *claimsfile.File) {
			f.Keep(c.Label, stmt.key, stmt.text)
		})
	}
	quotes := []docQuote{stmt}
	if o := p.query.origin; o != nil && *o != m.Loc {
		if t := p.sentenceText(*o); t != "" {
			quotes = append([]docQuote{p.quoteOf(*o, t)}, quotes...)
		}
	}
	return p.work.ask("new claim: ", "accept", p.defaultLabel(), p.width, func(label string) tea.Cmd {
		return p.sendEdit(label, fmt.Sprintf("new claim “%s”", label), func(f *claimsfile.File) {
			for _, q := range quotes {
				f.Keep(label, q.key, q.text)
			}
		})
	})
}

// drop takes the selected statement out of the claim, for good: it is
// not suggested for the claim again.
func (p *ComparePane) drop() tea.Cmd {
	m, ok := p.ready()
	if !ok {
		return nil
	}
	c := p.workClaim()
	if c == nil {
		p.status = paneStatus{text: "no claim to drop it from: a keeps a statement in a new claim", err: true}
		return nil
	}
	stmt := p.quoteOf(m.Loc, m.Text)
	return p.sendEdit(c.Label, fmt.Sprintf("dropped from “%s”", c.Label), func(f *claimsfile.File) {
		f.Drop(c.Label, stmt.key, stmt.text)
	})
}

func (p *ComparePane) rename() tea.Cmd {
	if _, ok := p.ready(); !ok {
		return nil
	}
	c := p.workClaim()
	if c == nil {
		p.status = paneStatus{text: "no claim to rename: a keeps a statement in a new claim", err: true}
		return nil
	}
	return p.work.ask("rename claim: ", "rename", c.Label, p.width, renameClaim(p.engine, c.Label, func(label string) {
		p.query.claim, p.saving = label, true
	}))
}

// renameClaim is the edit a rename prompt sends once accepted; renamed
// is told the new label.
func renameClaim(e *Engine, from string, renamed func(string)) func(string) tea.Cmd {
	return func(label string) tea.Cmd {
		renamed(label)
		return editCmd(label, fmt.Sprintf("renamed “%s” to “%s”", from, label), func(f *claimsfile.File) {
			f.Rename(from, label, e.shipped != nil && e.shipped(from))
		})
	}
}

func (p *ComparePane) deleteClaim() tea.Cmd {
	if _, ok := p.ready(); !ok {
		return nil
	}
	c := p.workClaim()
	if c == nil || c.Origin != compare.OriginUser {
		p.status = paneStatus{text: "only your own claims can be deleted; d drops a statement from a shipped one", err: true}
		return nil
	}
	del := deleteClaim(*c)
	p.work.confirm(fmt.Sprintf("delete your claim “%s”?", common.OneLine(c.Label)), "delete", func(s string) tea.Cmd {
		p.saving = true
		return del(s)
	})
	return nil
}

// deleteClaim is the edit a confirmed delete sends.
func deleteClaim(c compare.Claim) func(string) tea.Cmd {
	return func(string) tea.Cmd {
		return editCmd("", fmt.Sprintf("deleted “%s” (u undoes)", c.Label), func(f *claimsfile.File) {
			f.Delete(c.Label)
		})
	}
}

func (p *ComparePane) sendEdit(label, what string, edit func(f *claimsfile.File)) tea.Cmd {
	p.query.claim = label
	p.saving = true
	return editCmd(label, what, edit)
}

// maxTypeahead bounds the keys kept while the view is being redone.
const maxTypeahead = 64

// holdKey keeps a key that came while a change of the claims is on its
// way, or a workbench key that came while a comparison is found, and
// every key after a kept one, so that "a j a" acts on the view as each
// key finds it however fast they come. Esc always acts at once.
func (p *ComparePane) holdKey(msg tea.KeyPressMsg) bool {
	k := p.ctx.Keys.CompareView
	work := key.Matches(msg, k.Keep, k.Drop, k.Rename, k.Delete, k.Undo)
	if !p.saving && len(p.typeahead) == 0 && !(p.loading && work) {
		return false
	}
	if p.work.on || p.prompt.typing || key.Matches(msg, p.ctx.Keys.CompareView.Back) || len(p.typeahead) >= maxTypeahead {
		return false
	}
	p.typeahead = append(p.typeahead, msg)
	return true
}

// replayTypeahead sends the kept keys, in order, once the view is there;
// a key that starts another change keeps the rest waiting again.
func (p *ComparePane) replayTypeahead() tea.Cmd {
	keys := p.typeahead
	p.typeahead = nil
	var cmds []tea.Cmd
	for i, k := range keys {
		if p.saving || p.loading {
			p.typeahead = append(p.typeahead, keys[i:]...)
			break
		}
		_, cmd := p.Update(k)
		cmds = append(cmds, cmd)
	}
	return tea.Batch(cmds...)
}

func editCmd(label, what string, edit func(f *claimsfile.File)) tea.Cmd {
	return func() tea.Msg { return ClaimsEditMsg{Edit: edit, What: what, Label: label} }
}

// docQuote is a statement as the claims file keeps it: its document's
// key and its text.
type docQuote struct{ key, text string }

func (p *ComparePane) quoteOf(loc corpus.Loc, text string) docQuote {
	return docQuote{key: p.engine.key(p.docs[loc.Doc]), text: text}
}

// sentenceText is the text of the sentence at loc, or "".
func (p *ComparePane) sentenceText(loc corpus.Loc) string {
	return sentenceText(p.docs, loc)
}

func sentenceText(docs []*corpus.Document, loc corpus.Loc) string {
	if loc.Doc < 0 || loc.Doc >= len(docs) {
		return ""
	}
	for _, b := range docs[loc.Doc].Blocks() {
		if b.Index == loc.Block && loc.Sentence >= 0 && loc.Sentence < len(b.Block.Sentences) {
			return b.Block.Sentences[loc.Sentence].Text
		}
	}
	return ""
}

// defaultLabel is the engine's label for the point being compared: the
// discovered claim holding the compared sentence or the selected
// statement, else the claim picked in the index, else the query's first
// words.
func (p *ComparePane) defaultLabel() string {
	if p.claimLabel != "" {
		return p.claimLabel
	}
	var at []corpus.Loc
	if p.query.origin != nil {
		at = append(at, *p.query.origin)
	}
	if m := p.Selected(); m != nil {
		at = append(at, m.Loc)
	}
	if l := p.engine.foundLabel(at); l != "" {
		return l
	}
	words := strings.Fields(common.OneLine(p.query.text))
	return strings.Join(words[:min(len(words), 8)], " ")
}

// foundLabel is the label of the first claim listed (found by the engine)
// that has a statement at one of the locations, or "".
func (e *Engine) foundLabel(at []corpus.Loc) string {
	e.mu.Lock()
	defer e.mu.Unlock()
	for _, loc := range at {
		for _, c := range e.found {
			if c.Curated {
				continue
			}
			for _, s := range c.Sources {
				for _, st := range s.Statements {
					if st.Loc == loc {
						return c.Label
					}
				}
			}
		}
	}
	return ""
}

// claimsChanged shows the comparison again under the new curated layer,
// on the claim the change was about, keeping the selection on the same
// statement.
func (p *ComparePane) claimsChanged(msg ClaimsChangedMsg) tea.Cmd {
	p.saving = false
	if p.query.text == "" {
		return p.replayTypeahead()
	}
	if msg.Failed {
		return p.replayTypeahead()
	}
	if msg.Label != "" {
		p.query.claim = msg.Label
	}
	if m := p.Selected(); m != nil {
		loc := m.Loc
		p.keepSel = &loc
	}
	status := p.status
	cmd := p.start(p.query)
	p.status = status
	return cmd
}

// restoreSel selects again the statement selected before a change, when
// the new result still shows it.
func (p *ComparePane) restoreSel() {
	if p.keepSel == nil || p.result == nil {
		return
	}
	want := *p.keepSel
	p.keepSel = nil
	for i, s := range p.stmts {
		if p.result.Sources[p.order[s.col]].Matches[s.match].Loc == want {
			p.sel = i
			p.showSel()
			return
		}
	}
}

// curatedTag names a curated claim's kind as the interface shows it: the
// user's own, or shipped with parley; "" for one the engine found.
func curatedTag(c compare.Claim) string {
	switch {
	case !c.Curated:
		return ""
	case c.Origin == compare.OriginUser:
		return "yours"
	}
	return "curated"
}
