package tui

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"parley/corpus"
	"parley/tui/common"
	"parley/tui/compareview"
)

// compareNow runs the comparison the compare pane has asked for and
// delivers its result, as the runtime would.
func compareNow(t *testing.T, m *Model) *compareview.ComparePane {
	t.Helper()
	p, ok := m.compareView, m.compareView != nil
	if !ok {
		t.Fatal("no compare pane")
	}
	if cmd := p.Pending(); cmd != nil {
		send(m, cmd())
	}
	if p.Result() == nil {
		t.Fatal("no comparison")
	}
	return p
}

// The compare round trip: reader → sentence cursor → compare → enter (the
// other source) → esc (the comparison) → esc: the reader is back on the
// document the comparison started from, with the cursor on its sentence;
// ctrl+o then returns to the other source.
func TestCompareEscReturnsToOrigin(t *testing.T) {
	c := fixtureCorpus()
	talks, border := c.Docs[0], c.Docs[1]
	origin := corpus.Loc{Doc: 0, Block: 2, Sentence: 0} // "Pakistan and Iran share more than 900 kilometers of border."
	m := newTestModel(t, 100, 30, c)
	send(m, openDocMsg{doc: talks})
	press(m, "v")
	for i := 0; i < 12 && (m.reader.cursor.block != origin.Block || m.reader.cursor.sentence != origin.Sentence); i++ {
		press(m, ")")
	}
	if !m.reader.cursor.on || m.reader.cursor.block != origin.Block || m.reader.cursor.sentence != origin.Sentence {
		t.Fatalf("the cursor is at %+v, want block %d sentence %d", m.reader.cursor, origin.Block, origin.Sentence)
	}
	before := m.reader.top
	press(m, "c")
	if m.focus != focusCompare {
		t.Fatalf("c: focus %v, want compare", m.focus)
	}
	p := compareNow(t, m)
	sel := p.Selected()
	if sel == nil || sel.Loc.Doc != 1 {
		t.Fatalf("the selected statement is %+v, want one of %s", sel, border.ID)
	}

	press(m, "enter")
	if m.focus != focusReader || m.reader.doc != border {
		t.Fatalf("enter: focus %v on %v, want the reader on %s", m.focus, m.reader.doc.ID, border.ID)
	}
	press(m, "esc")
	if m.focus != focusCompare {
		t.Fatalf("first esc: focus %v, want the comparison", m.focus)
	}
	press(m, "esc")
	if m.focus != focusReader || m.reader.doc != talks {
		t.Fatalf("second esc: focus %v on %s, want the reader on %s", m.focus, m.reader.doc.ID, talks.ID)
	}
	if cur := m.reader.cursor; !cur.on || cur.block != origin.Block || cur.sentence != origin.Sentence {
		t.Errorf("second esc: cursor %+v, want on block %d sentence %d", cur, origin.Block, origin.Sentence)
	}
	if m.reader.top != before {
		t.Errorf("second esc: the reader's top line is %d, want %d as before the comparison", m.reader.top, before)
	}
	// c compares the same sentence again at once.
	press(m, "c")
	if _, from := p.Query(); m.focus != focusCompare || from == nil || *from != origin {
		t.Errorf("c after the return: focus %v, origin %v, want the compare view on %+v", m.focus, from, origin)
	}
	compareNow(t, m)
	// Without a statement opened, esc is a plain back: the reader stays.
	press(m, "esc")
	if m.focus != focusReader || m.reader.doc != talks || !m.reader.cursor.on {
		t.Errorf("esc without enter: focus %v on %s, cursor %v", m.focus, m.reader.doc.ID, m.reader.cursor.on)
	}
	press(m, "ctrl+o")
	if m.reader.doc != border {
		t.Errorf("ctrl+o after the return: reader on %s, want %s", m.reader.doc.ID, border.ID)
	}
}

// The QA repro, on the embedded corpus at 80×24: a sentence compared,
// then a typed query in the compare view, enter on one of its statements,
// esc (the comparison), esc: the reader is back where the comparison
// started, as after a sentence-started one — the first document at its
// place, the cursor on the compared sentence — and ctrl+o returns to the
// statement.
func TestCompareEscAfterTypedQueryReturnsToOrigin(t *testing.T) {
	m := newTestModel(t, 80, 24, seedCorpus(t))
	press(m, "enter")
	if m.focus != focusReader || m.reader.doc == nil {
		t.Fatalf("enter: focus %v, want the reader", m.focus)
	}
	first := m.reader.doc
	send(m, tea.KeyPressMsg{Code: 'f', Mod: tea.ModCtrl})
	press(m, "v")
	cursor, top := m.reader.cursor, m.reader.top
	if !cursor.on || top == 0 {
		t.Fatalf("after ctrl+f and v: cursor %+v, top %d", cursor, top)
	}
	press(m, "c")
	p := compareNow(t, m)
	press(m, "/")
	typeText(m, "hormuz strait")
	press(m, "enter")
	p = compareNow(t, m)
	if text, from := p.Query(); text != "hormuz strait" || from != nil {
		t.Fatalf("the typed compare is %q (origin %v)", text, from)
	}
	sel := p.Selected()
	if sel == nil {
		t.Fatal("nothing selected in the typed compare")
	}
	target := sel.Loc
	press(m, "enter")
	if m.focus != focusReader || m.reader.docIdx != target.Doc {
		t.Fatalf("enter: focus %v on doc %d, want the reader on doc %d", m.focus, m.reader.docIdx, target.Doc)
	}
	press(m, "esc")
	if text, _ := p.Query(); m.focus != focusCompare || text != "hormuz strait" {
		t.Fatalf("first esc: focus %v on %q, want the typed comparison", m.focus, text)
	}
	press(m, "esc")
	if m.focus != focusReader || m.reader.doc != first {
		t.Fatalf("second esc: focus %v on %s, want the reader on %s", m.focus, m.reader.doc.ID, first.ID)
	}
	if m.reader.cursor != cursor {
		t.Errorf("second esc: cursor %+v, want %+v (the compared sentence)", m.reader.cursor, cursor)
	}
	if m.reader.top != top {
		t.Errorf("second esc: top line %d, want %d as before the comparison", m.reader.top, top)
	}
	press(m, "ctrl+o")
	requireShows(t, m, target, "ctrl+o after the return")
}

// requireShows fails unless the reader shows loc's sentence.
func requireShows(t *testing.T, m *Model, loc corpus.Loc, where string) {
	t.Helper()
	r := m.reader
	if r.docIdx != loc.Doc {
		t.Errorf("%s: the reader is on doc %d, want %d", where, r.docIdx, loc.Doc)
		return
	}
	if l := r.lineOf(loc); l < r.top || l >= r.top+r.bodyHeight() {
		t.Errorf("%s: the sentence %+v is on line %d, not in view (lines %d–%d)", where, loc, l, r.top, r.top+r.bodyHeight()-1)
	}
}

// A typed comparison asked from the reader without a sentence cursor
// returns the reader to its document and place, with no cursor.
func TestCompareEscTypedQueryFromReaderReturns(t *testing.T) {
	c := fixtureCorpus()
	m := newTestModel(t, 100, 30, c)
	send(m, openDocMsg{doc: c.Docs[2]})
	send(m, common.CompareMsg{Text: "Pakistan and Iran share a border"})
	p := compareNow(t, m)
	if p.Selected() == nil {
		t.Fatal("nothing selected")
	}
	target := p.Selected().Loc
	if target.Doc == 2 {
		t.Fatalf("the selected statement is in the reader's document already: %+v", target)
	}
	press(m, "enter")
	if m.reader.docIdx != target.Doc {
		t.Fatalf("enter: the reader is on doc %d, want %d", m.reader.docIdx, target.Doc)
	}
	press(m, "esc", "esc")
	if m.focus != focusReader || m.reader.docIdx != 2 || m.reader.cursor.on {
		t.Errorf("focus %v on doc %d (cursor %v), want the reader back on doc 2 without a cursor", m.focus, m.reader.docIdx, m.reader.cursor.on)
	}
	// A trip ends when the reader is back: a later plain visit to the
	// comparison does not send the reader anywhere.
	send(m, common.CompareMsg{Text: "Pakistan and Iran share a border"})
	compareNow(t, m)
	press(m, "esc")
	if m.focus != focusReader || m.reader.docIdx != 2 {
		t.Errorf("esc without enter: focus %v on doc %d, want the reader still on doc 2", m.focus, m.reader.docIdx)
	}
}

// A file opened alone and compared on a narrow terminal (stacked) says
// "1 source", not "1 sources".
func TestStackedCompareOfOneSource(t *testing.T) {
	c := fixtureCorpus()
	c.Docs = c.Docs[1:2]
	m := newTestModel(t, 50, 20, c)
	send(m, openDocMsg{doc: c.Docs[0]})
	press(m, "v", "c")
	compareNow(t, m)
	lines := strings.Split(screen(m), "\n")
	if status := lines[len(lines)-2]; !strings.HasPrefix(status, "1 source ") {
		t.Fatalf("status line %q", status)
	}
}
