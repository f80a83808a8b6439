package tui

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

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

// claimsNow delivers the claims the claims index asked for.
func claimsNow(t *testing.T, m *Model) *compareview.ClaimsPane {
	t.Helper()
	p, ok := m.claimsIndex, m.claimsIndex != nil
	if !ok {
		t.Fatal("no claims pane")
	}
	if cmd := p.Pending(); cmd != nil {
		send(m, cmd())
	}
	if len(p.Claims()) == 0 {
		t.Fatal("no claims")
	}
	return p
}

// From the claims index, reached with C from the reader: a claim compared,
// one of its statements opened, then esc back through the comparison and
// the index returns the reader to where it was when C was pressed, and
// ctrl+o to the statement. The same holds for text typed in the index,
// even when the statement opened is in the reader's own document.
func TestClaimsEscReturnsReaderToWhereCWasPressed(t *testing.T) {
	m := newTestModel(t, 80, 24, seedCorpus(t))
	press(m, "enter")
	doc := m.reader.doc
	send(m, tea.KeyPressMsg{Code: 'f', Mod: tea.ModCtrl})
	top := m.reader.top
	if m.focus != focusReader || top == 0 {
		t.Fatalf("focus %v, top %d: want the reader paged down", m.focus, top)
	}

	press(m, "C")
	claimsNow(t, m)
	if m.focus != focusClaims {
		t.Fatalf("C: focus %v, want the claims index", m.focus)
	}
	cmd := send(m, keyMsg("enter"))
	if cmd == nil {
		t.Fatal("enter in the claims index asked for nothing")
	}
	send(m, cmd())
	p := compareNow(t, m)
	if m.focus != focusCompare || p.ClaimLabel() == "" {
		t.Fatalf("enter on a claim: focus %v, label %q", m.focus, p.ClaimLabel())
	}
	target := p.Selected().Loc
	press(m, "enter")
	if m.focus != focusReader || m.reader.docIdx != target.Doc {
		t.Fatalf("enter: focus %v on doc %d, want the reader on doc %d", m.focus, m.reader.docIdx, target.Doc)
	}
	press(m, "esc", "esc")
	if m.focus != focusClaims {
		t.Fatalf("esc, esc: focus %v, want the claims index", m.focus)
	}
	press(m, "esc")
	if m.focus != focusReader || m.reader.doc != doc || m.reader.top != top || m.reader.cursor.on {
		t.Errorf("third esc: focus %v on %s, top %d (cursor %v), want the reader on %s at %d", m.focus, m.reader.doc.ID, m.reader.top, m.reader.cursor.on, doc.ID, top)
	}
	press(m, "ctrl+o")
	requireShows(t, m, target, "ctrl+o")

	// Typed in the index; the statement opened is in this document.
	send(m, openDocMsg{doc: doc})
	m.reader.setTop(top)
	press(m, "C", "/")
	typeText(m, "900 kilometers of border")
	press(m, "enter")
	p = compareNow(t, m)
	if !p.SelectWhere(func(loc corpus.Loc) bool { return loc.Doc == m.indexOf(doc) && loc.Block > 0 }) {
		text, _ := p.Query()
		t.Fatalf("no statement of %s in the comparison of %q", doc.ID, text)
	}
	press(m, "enter")
	if m.reader.doc != doc || m.reader.top == top {
		t.Fatalf("enter: the reader is on %s at %d, want %s moved from %d", m.reader.doc.ID, m.reader.top, doc.ID, top)
	}
	press(m, "esc", "esc", "esc")
	if m.focus != focusReader || m.reader.doc != doc || m.reader.top != top {
		t.Errorf("esc ×3: focus %v on %s at %d, want the reader on %s at %d", m.focus, m.reader.doc.ID, m.reader.top, doc.ID, top)
	}
}

// The full help opened from the compare view or the claims index lists
// the keys of both (each leads to the other), the claims index's paging
// keys and where x writes its file.
func TestCompareAndClaimsHelp(t *testing.T) {
	c := fixtureCorpus()
	m := newTestModel(t, 100, 40, c)
	send(m, common.CompareMsg{Text: "Pakistan and Iran share a border"})
	compareNow(t, m)
	if m.focus != focusCompare {
		t.Fatalf("focus %v, want compare", m.focus)
	}
	want := []string{"next statement", "open in reader", "next claim", "previous claim", "compare claim", "page down", "half page down", "parley-compare-YYYYMMDD-HHMMSS.md"}
	requireHelp := func(where string) {
		t.Helper()
		press(m, "?")
		if !m.showAll {
			t.Fatalf("%s: ? did not open the help", where)
		}
		help := ansi.Strip(strings.Join(m.fullHelpLines(), "\n"))
		for _, w := range want {
			if !strings.Contains(help, w) {
				t.Errorf("%s: the help lacks %q:\n%s", where, w, help)
			}
		}
		press(m, "esc") // any other key closes the help
	}
	requireHelp("compare")
	press(m, "C")
	if m.focus != focusClaims {
		t.Fatalf("C: focus %v, want claims", m.focus)
	}
	requireHelp("claims")
}

// Every pane's keys sit under its own heading in the full help, the focused
// pane's first, so compare's "g first" never reads as one of the reader's
// keys; and at 40 columns no line is cut: long descriptions wrap.
func TestFullHelpHeadingsAndNarrowWidth(t *testing.T) {
	headings := []string{"Everywhere", "Moving (list, reader, this help)", "List", "Reader", "Search (F)",
		"Search syntax: every term must match", "Compare (c in the sentence cursor)", "Claims index (C)"}
	for _, w := range []int{40, 80, 120} {
		m := newTestModel(t, w, 30, fixtureCorpus())
		for _, where := range []string{"list", "reader", "compare"} {
			switch where {
			case "reader":
				press(m, "j", "enter")
			case "compare":
				send(m, common.CompareMsg{Text: "Pakistan and Iran share a border"})
				compareNow(t, m)
			}
			lines := m.fullHelpLines()
			var plain []string
			for i, l := range lines {
				if lw := ansi.StringWidth(l); lw > w-2 {
					t.Errorf("%d columns, %s: line %d is %d cells: %q", w, where, i, lw, ansi.Strip(l))
				}
				plain = append(plain, ansi.Strip(l))
			}
			help := strings.Join(plain, "\n")
			at := map[string]int{}
			for _, h := range headings {
				i := strings.Index(help, h+" ")
				if i < 0 {
					i = strings.Index(help, h+"\n")
				}
				if i < 0 {
					t.Errorf("%d columns, %s: no heading %q:\n%s", w, where, h, help)
				}
				at[h] = i
			}
			first := map[string]string{"list": "List", "reader": "Reader", "compare": "Compare (c in the sentence cursor)"}[where]
			for _, h := range []string{"List", "Reader", "Search (F)", "Compare (c in the sentence cursor)"} {
				if h != first && at[h] < at[first] {
					t.Errorf("%d columns, %s: %q comes before the focused pane's %q", w, where, h, first)
				}
			}
			// Wrapped descriptions keep every word, and on screen the
			// help is never cut with "…".
			flat := strings.Join(strings.Fields(help), " ")
			for _, d := range []string{"a capital letter makes the term case-sensitive", "an accented letter makes it accent-sensitive",
				"ranks whole words, then word starts, then the rest", "export Markdown to parley-compare-YYYYMMDD-HHMMSS.md"} {
				if !strings.Contains(flat, d) {
					t.Errorf("%d columns, %s: %q is not whole", w, where, d)
				}
			}
			press(m, "?")
			for range 60 {
				body := strings.Split(screen(m), "\n")
				for _, l := range body[:len(body)-1] { // the last line is the footer
					if strings.Contains(l, "…") {
						t.Fatalf("%d columns, %s: a help line is cut: %q", w, where, l)
					}
				}
				press(m, "j")
			}
			press(m, "x") // closes the help
		}
	}
}

// The help opened from the list never says space pages down in the list
// (it tags there), and its Reader section names the sentence cursor's a
// and U.
func TestFullHelpSpaceAndCursorClaimKeys(t *testing.T) {
	m := newTestModel(t, 120, 40, fixtureCorpus())
	keys := map[string][]string{}
	for _, sec := range m.helpSections() {
		for _, g := range sec.groups {
			for _, b := range g {
				keys[sec.title] = append(keys[sec.title], b.Help().Key+" "+b.Help().Desc)
			}
		}
	}
	moving := strings.Join(keys["Moving (list, reader, this help)"], "\n")
	if strings.Contains(moving, "space") && !strings.Contains(moving, "in the list space tags") {
		t.Errorf("the moving keys say space pages down in the list:\n%s", moving)
	}
	if !strings.Contains(moving, "f/ctrl+f page down") {
		t.Errorf("the moving keys lack page down:\n%s", moving)
	}
	if list := strings.Join(keys["List"], "\n"); !strings.Contains(list, "space/t tag/untag") {
		t.Errorf("the list keys lack space/t:\n%s", list)
	}
	reader := strings.Join(keys["Reader"], "\n")
	for _, w := range []string{"a add sentence to a claim", "U undo the last change to the claims"} {
		if !strings.Contains(reader, w) {
			t.Errorf("the Reader section lacks %q:\n%s", w, reader)
		}
	}
	help := ansi.Strip(strings.Join(m.fullHelpLines(), "\n"))
	for _, w := range []string{"in the list space tags", "add sentence to a claim", "undo the last change to the claims"} {
		if !strings.Contains(strings.Join(strings.Fields(help), " "), w) {
			t.Errorf("the help lacks %q:\n%s", w, help)
		}
	}
}
