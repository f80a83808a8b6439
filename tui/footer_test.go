package tui

import (
	"strings"
	"testing"

	"parley/tui/common"
)

// The footer keeps ? and q (in the compare view and the claims index,
// "esc/q back") at every width from 40 columns, dropping other hints
// first, and is exactly the window's width; wide enough, it drops none.
func TestFooterKeepsHelpAndQuit(t *testing.T) {
	views := []struct {
		name  string
		setup func(m *Model)
		want  []string
	}{
		{"list", func(m *Model) {}, []string{"? all keys", "q quit"}},
		{"reader", func(m *Model) { press(m, "j", "enter") }, []string{"? all keys", "q quit"}},
		{"cursor", func(m *Model) { press(m, "j", "enter", "v") }, []string{"? all keys", "q quit", "esc back"}},
		{"compare", func(m *Model) { press(m, "j", "enter", "v", "c") }, []string{"? all keys", "esc/q back"}},
		{"claims", func(m *Model) { press(m, "C") }, []string{"? all keys", "esc/q back"}},
	}
	for _, v := range views {
		for _, w := range []int{40, 60, 80, 100, 120} {
			m := newTestModel(t, w, 24, fixtureCorpus())
			v.setup(m)
			f := footerLine(m)
			if got := common.StrWidth(f); got != w {
				t.Errorf("%s at %d columns: the footer is %d cells wide: %q", v.name, w, got, f)
			}
			for _, s := range v.want {
				if !strings.Contains(f, s) {
					t.Errorf("%s at %d columns: the footer lacks %q: %q", v.name, w, s, f)
				}
			}
			if strings.Contains(f, "…") {
				t.Errorf("%s at %d columns: the footer is cut rather than fitted: %q", v.name, w, f)
			}
			if v.name == "compare" && strings.Contains(f, "q quit") {
				t.Errorf("compare at %d columns: q goes back here, yet the footer says %q", w, f)
			}
		}
	}
	// Wide, nothing is dropped: the global hints follow the pane's own.
	m := newTestModel(t, 200, 24, fixtureCorpus())
	press(m, "j", "enter")
	f := footerLine(m)
	for _, s := range []string{"v sentence cursor", "space/ctrl+f page down", "F search all", "C claims", "tab next pane", "? all keys", "q quit"} {
		if !strings.Contains(f, s) {
			t.Errorf("at 200 columns the reader's footer lacks %q: %q", s, f)
		}
	}
	// At 80 the pane's most important keys stay and the least go first.
	m = newTestModel(t, 80, 24, fixtureCorpus())
	press(m, "j", "enter")
	f = footerLine(m)
	if !strings.Contains(f, "v sentence cursor") || strings.Contains(f, "tab next pane") {
		t.Errorf("at 80 columns the reader's footer should keep v and drop tab first: %q", f)
	}
}

// q goes back a level from the compare view and the claims index, and
// quits only from the top level (the list and the reader).
func TestQGoesBackFromCompareAndClaims(t *testing.T) {
	m := openTalks(t, 100, 30)
	press(m, "v", "c")
	if m.focus != focusCompare {
		t.Fatalf("v c: focus %v, want compare", m.focus)
	}
	compareNow(t, m)
	press(m, "C")
	if m.focus != focusClaims {
		t.Fatalf("C: focus %v, want the claims index", m.focus)
	}
	_, cmd := m.Update(keyMsg("q"))
	if isQuit(cmd) || m.focus != focusCompare {
		t.Fatalf("q in the claims index: quit %v, focus %v, want back to the comparison", isQuit(cmd), m.focus)
	}
	_, cmd = m.Update(keyMsg("q"))
	if isQuit(cmd) || m.focus != focusReader {
		t.Fatalf("q in the comparison: quit %v, focus %v, want back to the reader", isQuit(cmd), m.focus)
	}
	_, cmd = m.Update(keyMsg("q"))
	if !isQuit(cmd) {
		t.Fatal("q in the reader does not quit")
	}
}

// c without the sentence cursor compares the current find match, or the
// first sentence at the top of the screen, and leaves the cursor on it.
func TestCompareWithoutCursor(t *testing.T) {
	m := openTalks(t, 100, 30)
	press(m, "c")
	p := compareNow(t, m)
	if text, from := p.Query(); m.focus != focusCompare || from == nil || text != "Delegations from Iran and the United States met in Islamabad on Saturday." {
		t.Fatalf("c at the top: focus %v, query %q", m.focus, text)
	}
	press(m, "esc")
	if m.focus != focusReader || !m.reader.cursor.on {
		t.Fatalf("esc: focus %v, cursor on %v; want the reader with the cursor on the compared sentence", m.focus, m.reader.cursor.on)
	}
	press(m, "esc") // the cursor off
	press(m, "/")
	typeText(m, "900")
	press(m, "enter", "c")
	p = compareNow(t, m)
	if text, _ := p.Query(); !strings.HasPrefix(text, "Pakistan and Iran share more than 900") {
		t.Fatalf("c on a find match compared %q", text)
	}
}

// c in a document without a sentence says how to pick one.
func TestCompareWithoutSentenceSaysHow(t *testing.T) {
	c := fixtureCorpus()
	c.Docs[2].Sections = nil
	m := newTestModel(t, 100, 30, c)
	send(m, openDocMsg{doc: c.Docs[2]})
	m.setFocus(focusReader)
	press(m, "c")
	if m.focus != focusReader || !strings.Contains(footerLine(m), "v starts the sentence cursor") {
		t.Fatalf("c with no sentence: focus %v, footer %q", m.focus, footerLine(m))
	}
}

// While a filter is typed, the list's header counts what it keeps.
func TestListHeaderCountsFiltered(t *testing.T) {
	m := newTestModel(t, 80, 24, fixtureCorpus())
	press(m, "/")
	typeText(m, "border")
	if !strings.Contains(screen(m), "1 of 3 documents") {
		t.Fatalf("while filtering the header does not say \"1 of 3\":\n%s", screen(m))
	}
	press(m, "esc")
	if !strings.Contains(screen(m), " 3 documents") {
		t.Fatalf("with the filter cleared the header does not count all:\n%s", screen(m))
	}
}
