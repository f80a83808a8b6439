package tui

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"parley/corpus"
)

// ctrlKey is ctrl and a letter, as the terminal reports it.
func ctrlKey(r rune) tea.KeyPressMsg { return tea.KeyPressMsg{Code: r, Mod: tea.ModCtrl} }

// isQuit reports whether cmd quits the program.
func isQuit(cmd tea.Cmd) bool {
	if cmd == nil {
		return false
	}
	_, ok := cmd().(tea.QuitMsg)
	return ok
}

// A bracketed paste in the search box searches, as typing does; a pasted
// line break neither submits nor reaches the query.
func TestPasteRunsSearch(t *testing.T) {
	c := fixtureCorpus()
	m := newSearchModel(t, 100, 30, c)
	searchFeed(m, keyMsg("F"))
	sp := m.searchView
	titles := sp.res
	searchFeed(m, tea.PasteMsg{Content: "runs 909\n"})
	if m.focus != focusSearch {
		t.Fatalf("the pasted line break left search (focus %v)", m.focus)
	}
	if got := sp.input.Value(); got != "runs 909" {
		t.Fatalf("query after the paste = %q, want %q", got, "runs 909")
	}
	if sp.res == titles || sp.res.Query != "runs 909" {
		t.Fatalf("the results are not for the pasted query: %+v", sp.res)
	}
	h, ok := sp.selected()
	if !ok || !strings.Contains(h.Text, "909 km") {
		t.Fatalf("selected hit %+v, want the border sentence", h)
	}
	searchFeed(m, keyMsg("enter"))
	if m.focus != focusReader || m.reader.mark == nil || *m.reader.mark != h.Loc {
		t.Fatalf("enter after the paste: focus %v, mark %v; want the reader at %+v", m.focus, m.reader.mark, h.Loc)
	}
}

// A paste in the list's filter filters at once, as typing does.
func TestPasteFiltersList(t *testing.T) {
	m := newTestModel(t, 80, 24, fixtureCorpus())
	press(m, "/")
	send(m, tea.PasteMsg{Content: "ledger"})
	if got := strings.Join(listOrder(m), " "); got != "border" {
		t.Fatalf("after pasting ledger the list shows %q, want border", got)
	}
	if !m.list.editing {
		t.Fatal("the paste ended the filter's typing")
	}
	press(m, "enter")
	if s := screen(m); !strings.Contains(s, "filter: ledger (1 of 3)") {
		t.Fatalf("after enter:\n%s", s)
	}
}

// A paste in the reader's find finds at once (the count shows before
// enter), as typing does.
func TestPasteFindsInReader(t *testing.T) {
	m := openTalks(t, 80, 24)
	press(m, "/")
	send(m, tea.PasteMsg{Content: "talks"})
	want := countFold(m.reader.doc, "talks")
	if !m.reader.find.typing || len(m.reader.find.matches) != want {
		t.Fatalf("after pasting: typing %v, %d matches, want %d", m.reader.find.typing, len(m.reader.find.matches), want)
	}
	if s := screen(m); !strings.Contains(s, "1/") {
		t.Fatalf("no count while typing:\n%s", s)
	}
}

// Pasting where nothing takes text does nothing: no filter starts, and a
// pasted "q" does not quit.
func TestPasteIgnoredWhenNotTyping(t *testing.T) {
	m := newTestModel(t, 80, 24, fixtureCorpus())
	before := screen(m)
	_, cmd := m.Update(tea.PasteMsg{Content: "q"})
	if cmd != nil || m.list.editing || screen(m) != before {
		t.Fatalf("a paste into the list acted: cmd %v, editing %v", cmd, m.list.editing)
	}
}

// A paste longer than the inputs take is cut, and the footer says so.
func TestPasteTooLongIsCut(t *testing.T) {
	m := openTalks(t, 80, 24)
	press(m, "/")
	send(m, tea.PasteMsg{Content: strings.Repeat("talks ", 200)})
	if n := len([]rune(m.reader.find.input.Value())); n != maxQuery {
		t.Fatalf("find holds %d characters, want %d", n, maxQuery)
	}
	if !strings.Contains(screen(m), "pasted text cut") {
		t.Fatalf("no word of the cut:\n%s", screen(m))
	}
	// Typed keys stop at the limit too.
	typeText(m, "more")
	if n := len([]rune(m.reader.find.input.Value())); n != maxQuery {
		t.Fatalf("typing past the limit: %d characters", n)
	}
}

func TestCleanPaste(t *testing.T) {
	cases := []struct {
		in, want string
		limit    int
		cut      bool
	}{
		{"hormuz", "hormuz", 100, false},
		{"hormuz\n", "hormuz", 100, false},
		{"\r\nstrait of\r\nhormuz\r\n", "strait of hormuz", 100, false},
		{"a\tb\rc\u2028d", "a b c d", 100, false},
		{"hor\x1b[31mmuz\x07", "hor[31mmuz", 100, false},
		{"\u202eevil\u200b\u00ad", "evil", 100, false},
		{"caf\xffé \u0085x", "café x", 100, false},
		{"中国传媒", "中国传媒", 100, false},
		{"中国传媒", "中国传媒", 4, false},
		{"abcdef", "abcd", 4, true},
	}
	for _, c := range cases {
		got, cut := cleanPaste(c.in, c.limit)
		if got != c.want || cut != c.cut {
			t.Errorf("cleanPaste(%q) = %q, %v; want %q, %v", c.in, got, cut, c.want, c.cut)
		}
	}
}

// Tab and shift+tab leave search as they leave every pane, and esc in
// search returns to the pane search was entered from, however it was
// entered (tab or F).
func TestSearchDoesNotTrapFocus(t *testing.T) {
	m := newSearchModel(t, 100, 30, fixtureCorpus())
	searchFeed(m, keyMsg("tab")) // list → reader
	searchFeed(m, keyMsg("tab")) // reader → search
	if m.focus != focusSearch {
		t.Fatalf("tab from the reader: focus %v, want search", m.focus)
	}
	sp := m.searchView
	if !sp.input.Focused() {
		t.Fatal("search reached by tab does not take typing")
	}
	searchFeed(m, keyMsg("tab"))
	if m.focus == focusSearch || m.focus != focusCompare {
		t.Fatalf("tab in search: focus %v, want the next pane (compare)", m.focus)
	}
	searchFeed(m, keyMsg("shift+tab"))
	if m.focus != focusSearch {
		t.Fatalf("shift+tab from compare: focus %v, want search", m.focus)
	}
	searchFeed(m, keyMsg("shift+tab"))
	if m.focus != focusReader {
		t.Fatalf("shift+tab in search: focus %v, want the reader", m.focus)
	}

	// Entered by tab from the reader, esc goes back to the reader.
	searchFeed(m, keyMsg("tab"))
	typeText(m, "border")
	searchFeed(m, keyMsg("esc"))
	if m.focus != focusReader {
		t.Fatalf("esc in search entered by tab from the reader: focus %v, want the reader", m.focus)
	}
	// Entered by F from the list, esc goes back to the list.
	searchFeed(m, keyMsg("shift+tab"))
	searchFeed(m, keyMsg("F"))
	searchFeed(m, keyMsg("esc"))
	if m.focus != focusList {
		t.Fatalf("esc in search entered by F from the list: focus %v, want the list", m.focus)
	}
}

// less and vim keys: ctrl+f/ctrl+b page, ctrl+e/ctrl+y scroll a line, in
// the reader, the list and the full help; ctrl+f no longer opens search.
func TestLessPagingKeys(t *testing.T) {
	m := newTestModel(t, 60, 12, seedCorpus(t))
	press(m, "enter")
	r := m.reader
	if len(r.r.lines) <= 3*r.bodyHeight() {
		t.Skip("document too short")
	}
	page := r.bodyHeight() - 1
	steps := []struct {
		key  tea.KeyPressMsg
		want int
	}{
		{ctrlKey('f'), page},
		{ctrlKey('f'), 2 * page},
		{ctrlKey('b'), page},
		{ctrlKey('e'), page + 1},
		{ctrlKey('e'), page + 2},
		{ctrlKey('y'), page + 1},
	}
	for _, s := range steps {
		send(m, s.key)
		if m.focus != focusReader || r.top != s.want {
			t.Fatalf("%s: focus %v, top %d; want the reader at %d", s.key, m.focus, r.top, s.want)
		}
	}

	// The list: ctrl+f pages the cursor, ctrl+e scrolls the view and the
	// cursor stays on its document while it is on screen.
	l := newTestModel(t, 80, 16, manyDocs(40))
	rows := l.list.visibleItems()
	send(l, ctrlKey('f'))
	if l.list.sel != rows {
		t.Fatalf("list ctrl+f: sel %d, want %d", l.list.sel, rows)
	}
	send(l, ctrlKey('b'))
	if l.list.sel != 0 {
		t.Fatalf("list ctrl+b: sel %d, want 0", l.list.sel)
	}
	press(l, "j")
	send(l, ctrlKey('e'))
	if l.list.top != 1 || l.list.sel != 1 {
		t.Fatalf("list ctrl+e: top %d sel %d, want 1 1", l.list.top, l.list.sel)
	}
	send(l, ctrlKey('e'))
	if l.list.top != 2 || l.list.sel != 2 {
		t.Fatalf("list ctrl+e past the cursor: top %d sel %d, want the cursor kept on screen", l.list.top, l.list.sel)
	}
	send(l, ctrlKey('y'))
	if l.list.top != 1 || l.list.sel != 2 {
		t.Fatalf("list ctrl+y: top %d sel %d, want 1 2", l.list.top, l.list.sel)
	}

	// The full help.
	press(m, "?")
	send(m, ctrlKey('f'))
	if !m.showAll || m.helpView.YOffset() == 0 {
		t.Fatalf("help ctrl+f: shown %v, top %d", m.showAll, m.helpView.YOffset())
	}
	top := m.helpView.YOffset()
	send(m, ctrlKey('y'))
	if !m.showAll || m.helpView.YOffset() != top-1 {
		t.Fatalf("help ctrl+y: shown %v, top %d, want %d", m.showAll, m.helpView.YOffset(), top-1)
	}
}

// q closes the full help and the outline, as q closes less's help; it
// quits only from the panes themselves.
func TestQClosesOverlays(t *testing.T) {
	m := openTalks(t, 80, 24)
	press(m, "?")
	_, cmd := m.Update(keyMsg("q"))
	if isQuit(cmd) || m.showAll {
		t.Fatalf("q in the full help: quit %v, help shown %v", isQuit(cmd), m.showAll)
	}
	press(m, "o")
	if !m.reader.outline.on {
		t.Fatal("o did not open the outline")
	}
	_, cmd = m.Update(keyMsg("q"))
	if isQuit(cmd) || m.reader.outline.on || m.focus != focusReader {
		t.Fatalf("q in the outline: quit %v, outline %v, focus %v", isQuit(cmd), m.reader.outline.on, m.focus)
	}
	_, cmd = m.Update(keyMsg("q"))
	if !isQuit(cmd) {
		t.Fatal("q in the reader does not quit")
	}
}

// The skipped-files message fits the footer from 80 columns and always
// keeps the count of the others; a long path gives way from its left.
func TestSkippedNoteFits(t *testing.T) {
	c := fixtureCorpus()
	c.Problems = []corpus.LoadError{
		{Path: "x.bin", Err: corpus.ErrBinary},
		{Path: "y.bin", Err: corpus.ErrBinary},
		{Path: "z.bin", Err: corpus.ErrBinary},
		{Path: "w.bin", Err: corpus.ErrBinary},
	}
	for _, w := range []int{80, 100, 120} {
		m := newTestModel(t, w, 24, c)
		foot := footerLine(m)
		if !strings.Contains(foot, "skipped x.bin: binary") || !strings.Contains(foot, "(+3 more; listed on exit)") {
			t.Errorf("%d columns: footer %q", w, foot)
		}
	}
	c.Problems[0].Path = "/home/someone/archive/" + strings.Repeat("nested/", 12) + "scan-0042.bin"
	c.Problems[0].Err = errors.New("binary file (not text), and a long explanation of why it was refused")
	for w := 40; w <= 120; w += 10 {
		m := newTestModel(t, w, 24, c)
		foot := footerLine(m)
		if ansi.StringWidth(foot) != w || !strings.HasSuffix(strings.TrimRight(foot, " "), "(+3 more; listed on exit)") {
			t.Errorf("%d columns: footer %q", w, foot)
		}
		if w >= 80 && !strings.Contains(foot, "scan-0042.bin") {
			t.Errorf("%d columns: the file's name is cut: %q", w, foot)
		}
	}
	m := newTestModel(t, 80, 24, c)
	press(m, "j")
	if strings.Contains(footerLine(m), "skipped") {
		t.Error("the message outlives the next key")
	}
}

// parley leaves the window title as the user had it (see View).
func TestNoWindowTitle(t *testing.T) {
	m := openTalks(t, 80, 24)
	if v := m.View(); v.WindowTitle != "" {
		t.Fatalf("window title %q, want none", v.WindowTitle)
	}
}

func footerLine(m *Model) string {
	lines := strings.Split(screen(m), "\n")
	return lines[len(lines)-1]
}

// manyDocs is a corpus of n undated one-paragraph documents, listed in
// the order of their titles.
func manyDocs(n int) *corpus.Corpus {
	c := &corpus.Corpus{}
	for i := range n {
		text := "A paragraph of text. It has two sentences."
		c.Docs = append(c.Docs, &corpus.Document{
			ID:       fmt.Sprintf("doc%03d", i),
			File:     fmt.Sprintf("doc%03d.txt", i),
			Path:     fmt.Sprintf("folder/doc%03d.txt", i),
			Title:    fmt.Sprintf("Document %03d", i),
			Sections: []corpus.Section{{Blocks: []corpus.Block{{Kind: corpus.Paragraph, Text: text, Sentences: splitSentences(text)}}}},
			Words:    8,
		})
	}
	return c
}

// The full help scrolled to its end and then given a taller window shows
// its last screenful, never blank lines past its end.
func TestHelpEndAfterResize(t *testing.T) {
	m := openTalks(t, 80, 24)
	press(m, "?")
	press(m, "G")
	endLine := func() string {
		lines := strings.Split(ansi.Strip(m.render()), "\n")
		return strings.TrimSpace(lines[m.lay.main.H-1])
	}
	last := endLine()
	if last == "" {
		t.Fatal("G: the help's last line is blank")
	}
	send(m, tea.WindowSizeMsg{Width: 80, Height: 40})
	if got := endLine(); got != last {
		t.Fatalf("after the resize the help's bottom line is %q, want %q", got, last)
	}
	requireSize(t, m.render(), 80, 40)
}
