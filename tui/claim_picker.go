package tui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"github.com/sahilm/fuzzy"

	"parley/corpus"
	"parley/corpus/compare/claimsfile"
	"parley/tui/common"
	"parley/tui/compareview"
)

// pickClaimMsg asks for the claim picker on a sentence (a, with the
// reader's sentence cursor).
type pickClaimMsg struct {
	loc  corpus.Loc
	text string
}

// claimPicker adds a sentence to a claim: the curated claims of the
// corpus (the user's first), filtered fuzzily as the user types, and a
// last row that makes a new claim named by what was typed.
type claimPicker struct {
	loc     corpus.Loc
	text    string
	key     string // the sentence's document, as the claims file names it
	input   textinput.Model
	labels  []string
	yours   map[string]bool
	matches []string
	sel     int // len(matches) is the "new claim" row
}

func (m *Model) openPicker(msg pickClaimMsg) tea.Cmd {
	e := m.compareEngine()
	if e == nil || m.claims == nil || msg.loc.Doc < 0 || msg.loc.Doc >= len(m.corpus.Docs) {
		m.note = "claims are not ready: the corpus is still loading"
		return nil
	}
	key, ok := e.DocKey(m.corpus.Docs[msg.loc.Doc])
	if !ok {
		m.note = "claims are not ready: the corpus is still loading"
		return nil
	}
	if m.claims.layer.Err != nil {
		m.note = corpus.CleanLine(m.claims.layer.Err.Error())
		return nil
	}
	p := &claimPicker{loc: msg.loc, text: msg.text, key: key}
	p.labels, p.yours = e.CuratedLabels()
	p.input = common.NewTextInput("claim: ", "type to find a claim, or a new claim's label", compareview.MaxLabel)
	p.input.SetWidth(max(m.ctx.Width-8, 1))
	p.filter()
	m.picker = p
	return p.input.Focus()
}

// filter lists the claims matching what is typed, best first; all of
// them, in order, when nothing is.
func (p *claimPicker) filter() {
	q := p.input.Value()
	if q == "" {
		p.matches = append([]string(nil), p.labels...)
	} else {
		p.matches = p.matches[:0]
		for _, r := range fuzzy.Find(q, p.labels) {
			p.matches = append(p.matches, r.Str)
		}
	}
	p.sel = min(p.sel, len(p.matches))
	if len(p.matches) == 0 {
		p.sel = 0
	}
}

func (m *Model) updatePicker(msg tea.KeyPressMsg) tea.Cmd {
	p := m.picker
	switch msg.String() {
	case "esc":
		m.picker = nil
		return nil
	case "up", "ctrl+p", "ctrl+k":
		p.sel = max(p.sel-1, 0)
		return nil
	case "down", "ctrl+n", "ctrl+j", "tab":
		p.sel = min(p.sel+1, len(p.matches))
		return nil
	case "enter":
		label := common.OneLine(p.input.Value())
		what := "new claim “%s”"
		if p.sel < len(p.matches) {
			label, what = p.matches[p.sel], "added to “%s”"
		}
		if label == "" {
			m.note = "type a label for the new claim"
			return nil
		}
		m.picker = nil
		key, text := p.key, p.text
		return m.editClaims(compareview.ClaimsEditMsg{Label: label, What: fmt.Sprintf(what, label), Edit: func(f *claimsfile.File) {
			f.Keep(label, key, text)
		}})
	}
	var cmd tea.Cmd
	p.input, cmd = p.input.Update(msg)
	p.filter()
	return cmd
}

// pastePicker types pasted text into the picker's prompt.
func (p *claimPicker) paste(msg tea.PasteMsg) tea.Cmd {
	var cmd tea.Cmd
	p.input, cmd = p.input.Update(msg)
	p.filter()
	return cmd
}

// view draws the picker in the main area, exactly w×h.
func (p *claimPicker) view(st *common.Styles, w, h int) string {
	cst := st.Compare
	lines := []string{
		st.Title.Render("Add to a claim"),
		cst.Dim.Render(common.TruncPlain("“"+common.OneLine(p.text)+"”", w)),
		p.input.View(),
	}
	rows := max(h-len(lines)-1, 1)
	first := common.ScrollIntoView(p.sel, 0, rows, len(p.matches)+1)
	for i := first; i <= len(p.matches) && len(lines) < h-1; i++ {
		row := "  + new claim"
		if v := common.OneLine(p.input.Value()); v != "" {
			row += " “" + v + "”"
		}
		if i < len(p.matches) {
			tag := "curated "
			if p.yours[p.matches[i]] {
				tag = "yours   "
			}
			row = "  " + cst.Curated.Render(tag) + corpus.CleanLine(p.matches[i])
		}
		if i == p.sel {
			row = cst.Gutter.Render("▌") + row[1:]
		}
		lines = append(lines, row)
	}
	lines = append(lines, cst.Dim.Render("↑/↓ choose · enter adds · esc cancels"))
	return common.FitArea(strings.Join(lines, "\n"), w, h)
}
