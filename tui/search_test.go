package tui

import (
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"parley/corpus"
	"parley/corpus/search"
	"parley/tui/common"
)

// searchDriver runs a search pane alone: commands run synchronously and
// their messages go back to the pane, as the root would route them.
type searchDriver struct {
	t *testing.T
	p *searchPane
}

func newSearchDriver(t *testing.T, c *corpus.Corpus, w, h int) *searchDriver {
	t.Helper()
	d := &searchDriver{t: t, p: newSearchPane(common.New(true))}
	// A blinking cursor's commands wait; the driver would wait for each.
	is := d.p.input.Styles()
	is.Cursor.Blink = false
	d.p.input.SetStyles(is)
	d.p.SetSize(w, h)
	d.run(d.p.activate(-1))
	d.send(searchIndexMsg{ix: search.New(c.Docs)})
	return d
}

// send updates the pane and runs what it asks; it returns the messages
// meant for the root (open, back).
func (d *searchDriver) send(msg tea.Msg) []tea.Msg {
	_, cmd := d.p.Update(msg)
	return append(d.p.TakeNav(), d.run(cmd)...)
}

func (d *searchDriver) run(cmd tea.Cmd) []tea.Msg {
	var out []tea.Msg
	for _, msg := range searchCollect(cmd) {
		switch msg.(type) {
		case searchResultMsg, searchIndexMsg:
			out = append(out, d.send(msg)...)
		default:
			out = append(out, msg)
		}
	}
	return out
}

// searchCollect runs cmd (and the commands of a batch) and returns their
// messages. It waits for each as runCmd does: a search on a loaded
// machine can take longer than any short grace, and a dropped answer
// failed the test.
func searchCollect(cmd tea.Cmd) []tea.Msg {
	if cmd == nil {
		return nil
	}
	done := make(chan tea.Msg, 1)
	go func() { done <- cmd() }()
	select {
	case msg := <-done:
		if batch, ok := msg.(tea.BatchMsg); ok {
			var out []tea.Msg
			for _, c := range batch {
				out = append(out, searchCollect(c)...)
			}
			return out
		}
		if msg == nil {
			return nil
		}
		return []tea.Msg{msg}
	case <-time.After(cmdDeadline):
		panic("a command did not return: it waits on a timer (a blink, a tick, a delay); tests must not start one")
	}
}

func (d *searchDriver) typeText(s string) {
	for _, r := range s {
		d.send(tea.KeyPressMsg{Code: r, Text: string(r)})
	}
}

func (d *searchDriver) screen() string { return ansi.Strip(d.p.View()) }

func TestSearchPaneFindsAndOpens(t *testing.T) {
	c := fixtureCorpus()
	d := newSearchDriver(t, c, 80, 24)
	if s := d.screen(); !strings.Contains(s, "Talks in Islamabad") || !strings.Contains(s, "Analyst notes") {
		t.Fatalf("an empty query should list the documents:\n%s", s)
	}
	d.typeText("909")
	h, ok := d.p.selected()
	if !ok || !strings.Contains(h.Text, "909 km") {
		t.Fatalf("selected hit for 909 = %+v", h)
	}
	// The preview under the hits names the document by its title.
	if s := d.screen(); !strings.Contains(s, "909 km") || !strings.Contains(s, " A border of 909 km") {
		t.Errorf("view lacks the hit or its document:\n%s", s)
	}
	out := d.send(keyMsg("enter"))
	if len(out) != 1 {
		t.Fatalf("enter sent %v, want one OpenMsg", out)
	}
	open, ok := out[0].(common.OpenMsg)
	if !ok || open.Loc != h.Loc || !open.Highlight {
		t.Fatalf("enter sent %#v, want OpenMsg{%+v, highlight}", out[0], h.Loc)
	}
	if out := d.send(keyMsg("esc")); len(out) != 1 || out[0] != (common.BackMsg{}) {
		t.Errorf("esc sent %v, want BackMsg", out)
	}
}

func TestSearchPaneMovesSelection(t *testing.T) {
	d := newSearchDriver(t, fixtureCorpus(), 80, 8)
	d.typeText("'the")
	n := len(d.p.res.Hits)
	if n < 6 {
		t.Fatalf("want several hits for 'the, got %d", n)
	}
	for range n + 3 {
		d.send(keyMsg("down"))
	}
	if d.p.sel != n-1 {
		t.Errorf("selection %d after moving past the end, want %d", d.p.sel, n-1)
	}
	// The selected hit stays on screen.
	h, _ := d.p.selected()
	if !strings.Contains(d.screen(), ansi.Truncate(h.Text, 20, "")) {
		t.Errorf("selected hit %q not shown:\n%s", h.Text, d.screen())
	}
	d.send(keyMsg("pgup"))
	if d.p.sel != n-1-d.p.rows() {
		t.Errorf("sel %d after a page up from %d, want %d", d.p.sel, n-1, n-1-d.p.rows())
	}
	for range n {
		d.send(tea.KeyPressMsg{Code: 'p', Mod: tea.ModCtrl})
	}
	if d.p.sel != 0 || d.p.top != 0 {
		t.Errorf("sel %d top %d after going up past the start, want 0 0", d.p.sel, d.p.top)
	}
	d.send(tea.KeyPressMsg{Code: 'n', Mod: tea.ModCtrl})
	if d.p.sel != 1 {
		t.Errorf("ctrl+n: sel %d, want 1", d.p.sel)
	}
	// Letters are typed, never taken as movement.
	d.typeText("j")
	if d.p.input.Value() != "'thej" {
		t.Errorf("query = %q, want the j typed", d.p.input.Value())
	}
}

// One search runs at a time. Keys typed while it runs cancel it and start
// nothing; its answer, stale, is not shown, and the latest query is
// searched when it comes back. Answers delivered twice are ignored.
func TestSearchPaneOneSearchInFlight(t *testing.T) {
	d := newSearchDriver(t, fixtureCorpus(), 80, 24)
	shown := d.p.res
	_, first := d.p.Update(tea.KeyPressMsg{Code: 'b', Text: "b"})
	_, second := d.p.Update(tea.KeyPressMsg{Code: 'o', Text: "o"})
	_, third := d.p.Update(tea.KeyPressMsg{Code: 'r', Text: "r"})
	stale := searchResults(searchCollect(first))
	if len(stale) != 1 {
		t.Fatalf("the first key ran %d searches, want 1", len(stale))
	}
	if n := len(searchResults(append(searchCollect(second), searchCollect(third)...))); n != 0 {
		t.Fatalf("keys typed while a search runs started %d more", n)
	}
	_, next := d.p.Update(stale[0])
	if d.p.res != shown {
		t.Fatalf("the answer for %q was shown after bor was typed", stale[0].res.Query)
	}
	latest := searchResults(searchCollect(next))
	if len(latest) != 1 {
		t.Fatalf("the stale answer started %d searches, want the latest query's", len(latest))
	}
	d.send(latest[0])
	want := d.p.res
	if want == nil || want.Query != "bor" {
		t.Fatalf("latest answer is for %v, want bor", want)
	}
	// Delivered again, old answers change nothing and start nothing.
	for _, msg := range append(stale, latest...) {
		if _, cmd := d.p.Update(msg); len(searchResults(searchCollect(cmd))) != 0 {
			t.Errorf("a repeated answer started a search")
		}
	}
	if d.p.res != want || d.p.searching() {
		t.Errorf("after repeated answers: shown %q, searching %v", d.p.res.Query, d.p.searching())
	}
	if !strings.Contains(d.screen(), "search: bor") {
		t.Errorf("input lost the query:\n%s", d.screen())
	}
}

// Typing far faster than searches answer (2,000 keys before any answer)
// starts one search, and one more for the latest query when it answers:
// the work never grows with the number of keys. The input stops at
// maxQuery characters.
func TestSearchPaneKeyStormIsBounded(t *testing.T) {
	d := newSearchDriver(t, fixtureCorpus(), 80, 24)
	var cmds []tea.Cmd
	for i := range 2000 {
		r := rune('a' + i%26)
		_, cmd := d.p.Update(tea.KeyPressMsg{Code: r, Text: string(r)})
		cmds = append(cmds, cmd)
	}
	if n := len([]rune(d.p.input.Value())); n != maxQuery {
		t.Errorf("the query holds %d characters, want the limit %d", n, maxQuery)
	}
	var answers []searchResultMsg
	for _, cmd := range cmds {
		answers = append(answers, searchResults(searchCollect(cmd))...)
	}
	if len(answers) != 1 {
		t.Fatalf("2,000 keys started %d searches, want 1", len(answers))
	}
	_, next := d.p.Update(answers[0])
	latest := searchResults(searchCollect(next))
	if len(latest) != 1 {
		t.Fatalf("after the first answer %d searches started, want 1", len(latest))
	}
	d.send(latest[0])
	if d.p.res == nil || d.p.res.Query != d.p.input.Value() || d.p.searching() {
		t.Errorf("the answer shown (%v) is not for the query typed (%d characters)", d.p.res, len(d.p.input.Value()))
	}
}

// searchResults keeps the search answers among msgs.
func searchResults(msgs []tea.Msg) []searchResultMsg {
	var out []searchResultMsg
	for _, m := range msgs {
		if r, ok := m.(searchResultMsg); ok {
			out = append(out, r)
		}
	}
	return out
}

func TestSearchPaneScope(t *testing.T) {
	c := fixtureCorpus()
	d := newSearchDriver(t, c, 100, 20)
	d.run(d.p.activate(1)) // the reader shows "A border of 909 km"
	d.typeText("'the")
	all := d.p.res.Total
	d.send(tea.KeyPressMsg{Code: 't', Mod: tea.ModCtrl})
	if !d.p.thisDoc || !strings.Contains(d.screen(), " in A border of 909 km ") {
		t.Fatalf("ctrl+t did not switch to this document:\n%s", d.screen())
	}
	if d.p.res.Total == 0 || d.p.res.Total >= all {
		t.Errorf("this document: %d hits, all documents: %d", d.p.res.Total, all)
	}
	for _, h := range d.p.res.Hits {
		if h.Loc.Doc != 1 {
			t.Errorf("hit in document %d with the scope on document 1", h.Loc.Doc)
		}
	}
	d.send(tea.KeyPressMsg{Code: 't', Mod: tea.ModCtrl})
	if d.p.thisDoc || d.p.res.Total != all {
		t.Errorf("back to all documents: %d hits, want %d", d.p.res.Total, all)
	}
}

func TestSearchPaneSize(t *testing.T) {
	c := fixtureCorpus()
	for _, sz := range [][2]int{{80, 24}, {120, 40}, {40, 10}, {20, 5}, {3, 4}, {1, 1}} {
		d := newSearchDriver(t, c, sz[0], sz[1])
		requireSize(t, d.p.View(), sz[0], sz[1])
		for _, q := range []string{"talks", "人类命运", "'the !iran"} {
			d.p.input.SetValue("")
			d.typeText(q)
			requireSize(t, d.p.View(), sz[0], sz[1])
		}
	}
}

// Reached by tab (no activate), the pane still takes typed text.
func TestSearchPaneTypesWithoutActivate(t *testing.T) {
	d := newSearchDriver(t, fixtureCorpus(), 80, 24)
	d.p.input.Blur()
	d.typeText("909")
	if d.p.input.Value() != "909" || d.p.res == nil || d.p.res.Query != "909" {
		t.Fatalf("typing into an unfocused pane: query %q", d.p.input.Value())
	}
}

// A query with "|" typed key by key: "hormuz |" still lists the Hormuz
// hits (a bar with nothing after it is ignored), and "hormuz | geneva"
// lists the sentences naming either place first.
func TestSearchPaneOr(t *testing.T) {
	d := newSearchDriver(t, fixtureCorpus(), 80, 24)
	const q = "hormuz | geneva"
	for i, r := range q {
		d.typeText(string(r))
		if i > 0 && (d.p.res == nil || len(d.p.res.Hits) == 0) {
			t.Fatalf("%q: no hits", q[:i+1])
		}
	}
	if d.p.res.Query != q {
		t.Fatalf("shown answer is for %q, want %q", d.p.res.Query, q)
	}
	var top []string
	for _, h := range d.p.res.Hits[:2] {
		top = append(top, h.Text)
	}
	got := strings.Join(top, " / ")
	if !strings.Contains(got, "Strait of Hormuz") || !strings.Contains(got, "Geneva") {
		t.Errorf("top hits %q, want the Hormuz and the Geneva sentences", got)
	}
	if s := d.screen(); !strings.Contains(s, "Hormuz") || !strings.Contains(s, "Geneva") || !strings.Contains(s, "search: "+q) {
		t.Errorf("view lacks the query or its hits:\n%s", s)
	}
}
