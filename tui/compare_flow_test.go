package tui

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"parley/corpus"
)

// compareNow runs the comparison the compare pane has asked for and
// delivers its result, as the runtime would.
func compareNow(t *testing.T, m *Model) *comparePane {
	t.Helper()
	p, ok := m.panes[focusCompare].(*comparePane)
	if !ok {
		t.Fatal("no compare pane")
	}
	if p.loading {
		send(m, runCompare(p.engine, p.seq, p.query)())
	}
	if p.result == nil {
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
	sel := p.selected()
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
	if m.focus != focusCompare || p.query.origin == nil || *p.query.origin != origin {
		t.Errorf("c after the return: focus %v, origin %v, want the compare view on %+v", m.focus, p.query.origin, origin)
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

// A comparison that did not start in the reader (a typed query) has no
// sentence to return to: esc is a plain back.
func TestCompareEscWithoutOriginIsBack(t *testing.T) {
	c := fixtureCorpus()
	m := newTestModel(t, 100, 30, c)
	send(m, openDocMsg{doc: c.Docs[2]})
	send(m, compareMsg{text: "Pakistan and Iran share a border"})
	p := compareNow(t, m)
	if p.selected() == nil {
		t.Fatal("nothing selected")
	}
	target := p.selected().Loc
	press(m, "enter", "esc", "esc")
	if m.focus != focusReader || m.reader.docIdx != target.Doc {
		t.Errorf("focus %v on doc %d, want the reader still on doc %d", m.focus, m.reader.docIdx, target.Doc)
	}
}

// The full help opened from the compare view or the claims index lists
// the keys of both (each leads to the other), the claims index's paging
// keys and where x writes its file.
func TestCompareAndClaimsHelp(t *testing.T) {
	c := fixtureCorpus()
	m := newTestModel(t, 100, 40, c)
	send(m, compareMsg{text: "Pakistan and Iran share a border"})
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
				send(m, compareMsg{text: "Pakistan and Iran share a border"})
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
				"ranks whole words, then word starts, then the rest", "export Markdown to ./parley-compare-YYYYMMDD-HHMMSS.md"} {
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
