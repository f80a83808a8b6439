package tui

import (
	"fmt"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"parley/corpus"
	"parley/tui/common"
	"parley/tui/compareview"
)

// Tests of the compare view and the claims index as the root drives them;
// the panes' own tests are in tui/compareview.

// On the seeds (a curated layer) the root's footer offers e in the
// claims index (the panes' own help is tested in tui/compareview).
func TestCuratedKeyInTheSeedsFooter(t *testing.T) {
	m := newTestModel(t, 160, 30, seedCorpus(t))
	press(m, "C")
	if !strings.Contains(footerLine(m), "e curated layer") {
		t.Errorf("the seeds' claims index does not offer e: %q", footerLine(m))
	}
}

// While the claims are being found (a big folder takes a while), the
// index's header states no counts — "0, 0 curated" read as a result —
// only the title and the layer, above "finding claims…"; the counts come
// with the claims, and go again while the other layer's are found.
func TestClaimsHeaderWhileFinding(t *testing.T) {
	m := newTestModel(t, 80, 24, seedCorpus(t))
	press(m, "C")
	p, ok := m.claimsIndex, m.claimsIndex != nil
	if !ok || m.focus != focusClaims {
		t.Fatalf("C: focus %v, want the claims index", m.focus)
	}
	if !p.Finding() {
		t.Fatal("the claims are already found: the test needs them pending")
	}
	requireHeader := func(want, not string) {
		t.Helper()
		lines := strings.Split(screen(m), "\n")
		head := strings.Join(strings.Fields(lines[0]), " ")
		if head != want {
			t.Errorf("header %q, want %q", head, want)
		}
		if not != "" && !strings.Contains(strings.Join(lines, "\n"), not) {
			t.Errorf("no %q under the header:\n%s", not, strings.Join(lines, "\n"))
		}
	}
	requireHeader("Claims [curated layer on]", "finding claims…")

	claimsNow(t, m)
	curated := 0
	for _, c := range p.Claims() {
		if c.Curated {
			curated++
		}
	}
	requireHeader(fmt.Sprintf("Claims · %d claims: %d shipped, %d found [curated layer on]", len(p.Claims()), curated, len(p.Claims())-curated), "")

	// e turns the layer off; its claims are left pending.
	m.Update(send(m, keyMsg("e"))())
	requireHeader("Claims [engine only]", "finding claims…")
}

// The origin's column holds the compared sentence alone, in its
// paragraph: none of the origin's other sentences that match the query.
func TestCompareOriginShowsOnlyTheComparedSentence(t *testing.T) {
	m := newTestModel(t, 160, 40, seedCorpus(t))
	// The interview's border sentence, as in the issue: its other
	// sentences on Pakistan (China, ...) matched the query too.
	var from corpus.Loc
	found := false
	for di, d := range m.corpus.Docs {
		for _, b := range d.Blocks() {
			for si, s := range b.Block.Sentences {
				if strings.HasPrefix(s.Text, "He noted that Pakistan and Iran share more than 900") {
					from, found = corpus.Loc{Doc: di, Block: b.Index, Sentence: si}, true
				}
			}
		}
	}
	if !found {
		t.Fatal("the border sentence is not in the seeds")
	}
	d := m.corpus.Docs[from.Doc]
	send(m, common.CompareMsg{Text: d.Block(from.Block).Sentences[from.Sentence].Text, From: from, HasFrom: true})
	p := compareNow(t, m)
	for _, s := range p.Result().Sources {
		if !s.Origin {
			continue
		}
		if len(s.Matches) != 1 || s.Matches[0].Loc != from {
			t.Fatalf("the origin's column holds %d statements (%+v), want the compared sentence alone", len(s.Matches), s.Matches)
		}
	}
	if v := screen(m); strings.Contains(v, "China") {
		t.Errorf("the origin's column shows another of its sentences:\n%s", v)
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
